"""pytorch/examples gcn/main.py in PyTorch 1.13, literal except for: the Cora download, replaced by
seeded stand-in files in Cora's format (cora.content: id, binary word features, class name, tab
separated; cora.cites: cited id, citing id), read by the example's own load_cora (np.genfromtxt, the
label np.unique, the idx_map); `degree_mat @ adj_mat @ degree_mat`, which PyTorch 1.13 refuses (dense @
sparse has no kernel there: the error is recorded) and is written as the same product with the sparse
operand on the left, (degree_mat @ (degree_mat @ adj_mat).t()).t(); and the sizes (30 nodes, hidden 8,
6 epochs, val_every 2, splits 10 / 10 / rest). The per-epoch seconds are compared by format only.

Writes test/reference/gcn.json (test/tutorials/gcn.test.ts).
"""
import os
import tempfile
import time

import numpy as np
import torch
from torch import nn
import torch.nn.functional as F
from torch.optim import Adam

from _tutorial_common import write_json

printed = []


def print(*a):
    printed.append(" ".join(str(x) for x in a))


class GraphConv(nn.Module):
    def __init__(self, input_dim, output_dim, use_bias=False):
        super(GraphConv, self).__init__()
        self.kernel = nn.Parameter(torch.Tensor(input_dim, output_dim))
        nn.init.xavier_normal_(self.kernel)
        self.bias = None
        if use_bias:
            self.bias = nn.Parameter(torch.Tensor(output_dim))
            nn.init.zeros_(self.bias)

    def forward(self, input_tensor, adj_mat):
        support = torch.mm(input_tensor, self.kernel)
        output = torch.spmm(adj_mat, support)
        if self.bias is not None:
            output = output + self.bias
        return output


class GCN(nn.Module):
    def __init__(self, input_dim, hidden_dim, output_dim, use_bias=True, dropout_p=0.1):
        super(GCN, self).__init__()
        self.gc1 = GraphConv(input_dim, hidden_dim, use_bias=use_bias)
        self.gc2 = GraphConv(hidden_dim, output_dim, use_bias=use_bias)
        self.dropout = nn.Dropout(dropout_p)

    def forward(self, input_tensor, adj_mat):
        x = self.gc1(input_tensor, adj_mat)
        x = F.relu(x)
        x = self.dropout(x)
        x = self.gc2(x, adj_mat)
        return F.log_softmax(x, dim=1)


out = {}


def load_cora(path='./cora', device='cpu'):
    content_path = os.path.join(path, 'cora.content')
    cites_path = os.path.join(path, 'cora.cites')

    content_tensor = np.genfromtxt(content_path, dtype=np.dtype(str))
    cites_tensor = np.genfromtxt(cites_path, dtype=np.int32)

    features = torch.FloatTensor(content_tensor[:, 1:-1].astype(np.int32))
    scale_vector = torch.sum(features, dim=1)
    scale_vector = 1 / scale_vector
    scale_vector[scale_vector == float('inf')] = 0
    scale_vector = torch.diag(scale_vector).to_sparse()
    features = scale_vector @ features

    classes, labels = np.unique(content_tensor[:, -1], return_inverse=True)
    labels = torch.LongTensor(labels)

    idx = content_tensor[:, 0].astype(np.int32)
    idx_map = {id: pos for pos, id in enumerate(idx)}

    edges = np.array(
        list(map(lambda edge: [idx_map[edge[0]], idx_map[edge[1]]],
            cites_tensor)), dtype=np.int32)

    V = len(idx)
    E = edges.shape[0]
    adj_mat = torch.sparse_coo_tensor(edges.T, torch.ones(E), (V, V), dtype=torch.int64)
    out["adj_sparse"] = repr(adj_mat)
    adj_mat = torch.eye(V) + adj_mat

    degree_mat = torch.sum(adj_mat, dim=1)
    degree_mat = torch.sqrt(1 / degree_mat)
    degree_mat[degree_mat == float('inf')] = 0
    degree_mat = torch.diag(degree_mat).to_sparse()

    try:
        adj_mat = degree_mat @ adj_mat @ degree_mat
    except NotImplementedError as e:
        out["renormalization_error"] = {"type": type(e).__name__, "message": str(e).split(" This could be because")[0]}
        adj_mat = (degree_mat @ (degree_mat @ adj_mat).t()).t()

    return features.to_sparse().to(device), labels.to(device), adj_mat.to_sparse().to(device)


def train_iter(epoch, model, optimizer, criterion, input, target, mask_train, mask_val, print_every=10):
    start_t = time.time()
    model.train()
    optimizer.zero_grad()
    output = model(*input)
    loss = criterion(output[mask_train], target[mask_train])
    loss.backward()
    optimizer.step()
    loss_train, acc_train = test(model, criterion, input, target, mask_train)
    loss_val, acc_val = test(model, criterion, input, target, mask_val)
    if epoch % print_every == 0:
        print(f'Epoch: {epoch:04d} ({(time.time() - start_t):.4f}s) loss_train: {loss_train:.4f} acc_train: {acc_train:.4f} loss_val: {loss_val:.4f} acc_val: {acc_val:.4f}')


def test(model, criterion, input, target, mask):
    model.eval()
    with torch.no_grad():
        output = model(*input)
        output, target = output[mask], target[mask]
        loss = criterion(output, target)
        acc = (output.argmax(dim=1) == target).float().sum() / len(target)
    return loss.item(), acc.item()


def stand_in_files():
    """30 papers with ids in the thousands, 12 binary word features (one paper with none), 3 class
    names, 45 citations (some repeated, as Cora's are)."""
    rng = np.random.RandomState(7)
    V, Fdim = 30, 12
    ids = sorted(rng.choice(np.arange(1000, 9000), V, replace=False).tolist())
    names = ["Neural_Networks", "Theory", "Case_Based"]
    lines = []
    for k, pid in enumerate(ids):
        feats = (rng.rand(Fdim) > 0.6).astype(int) if k != 5 else np.zeros(Fdim, dtype=int)
        lines.append("\t".join([str(pid)] + [str(v) for v in feats] + [names[rng.randint(3)]]))
    cites = []
    for _ in range(45):
        a, b = rng.randint(V), rng.randint(V)
        cites.append(f"{ids[a]}\t{ids[b]}")
    return "\n".join(lines) + "\n", "\n".join(cites) + "\n"


content, cites = stand_in_files()
out["cora_content"] = content
out["cora_cites"] = cites
args = dict(epochs=6, lr=0.01, l2=5e-4, dropout_p=0.5, hidden_dim=8, val_every=2, include_bias=False, no_accel=True, dry_run=False, seed=42)

torch.manual_seed(args["seed"])
device = torch.device('cpu')
print(f'Using {device} device')
print('Loading dataset...')
with tempfile.TemporaryDirectory() as tmp:
    os.makedirs(os.path.join(tmp, 'cora'))
    with open(os.path.join(tmp, 'cora', 'cora.content'), 'w') as f:
        f.write(content)
    with open(os.path.join(tmp, 'cora', 'cora.cites'), 'w') as f:
        f.write(cites)
    features, labels, adj_mat = load_cora(path=os.path.join(tmp, 'cora'), device=device)
out["features"] = repr(features)
out["adj_mat_values_sum"] = adj_mat._values().sum().item()
out["adj_mat_nnz"] = adj_mat._nnz()
out["adj_mat_dense"] = adj_mat.to_dense().reshape(-1).tolist()
out["labels"] = labels.tolist()
idx = torch.randperm(len(labels)).to(device)
out["idx"] = idx.tolist()
idx_test, idx_val, idx_train = idx[:10], idx[10:20], idx[20:]

gcn = GCN(features.shape[1], args["hidden_dim"], labels.max().item() + 1, args["include_bias"], args["dropout_p"]).to(device)
optimizer = Adam(gcn.parameters(), lr=args["lr"], weight_decay=args["l2"])
criterion = nn.NLLLoss()

for epoch in range(args["epochs"]):
    train_iter(epoch + 1, gcn, optimizer, criterion, (features, adj_mat), labels, idx_train, idx_val, args["val_every"])
    if args["dry_run"]:
        break

loss_test, acc_test = test(gcn, criterion, (features, adj_mat), labels, idx_test)
print(f'Test set results: loss {loss_test:.4f} accuracy {acc_test:.4f}')
out["printed"] = printed
out["kernel_after"] = gcn.gc1.kernel.detach().reshape(-1).tolist()
write_json(out, "gcn.json", newline=True)
