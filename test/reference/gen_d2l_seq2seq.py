"""Reference values of Dive into Deep Learning (d2l-zh, PyTorch edition), chapter_recurrent-modern/seq2seq:
sequence_mask, MaskedSoftmaxCELoss and the xavier initialisation of train_seq2seq (through a GRU's
`_flat_weights_names` and `_parameters`), for test/tutorials/d2l_seq2seq.test.ts.

Run with Debian's interpreter, which has PyTorch 1.13:
    /usr/bin/python3 test/reference/gen_d2l_seq2seq.py
Writes test/reference/d2l_seq2seq.json.
"""
import torch
from torch import nn

from _tutorial_common import write_json


def sequence_mask(X, valid_len, value=0):
    maxlen = X.size(1)
    mask = torch.arange((maxlen), dtype=torch.float32, device=X.device)[None, :] < valid_len[:, None]
    X[~mask] = value
    return X


class MaskedSoftmaxCELoss(nn.CrossEntropyLoss):
    def forward(self, pred, label, valid_len):
        weights = torch.ones_like(label)
        weights = sequence_mask(weights, valid_len)
        self.reduction = 'none'
        unweighted_loss = super(MaskedSoftmaxCELoss, self).forward(pred.permute(0, 2, 1), label)
        weighted_loss = (unweighted_loss * weights).mean(dim=1)
        return weighted_loss


OUT = {}
X = torch.tensor([[1, 2, 3], [4, 5, 6]])
OUT["sequence_mask"] = str(sequence_mask(X, torch.tensor([1, 2])))
X = torch.ones(2, 3, 4)
OUT["sequence_mask_value"] = str(sequence_mask(X, torch.tensor([1, 2]), value=-1))
loss = MaskedSoftmaxCELoss()
OUT["masked_ce"] = str(loss(torch.ones(3, 4, 10), torch.ones((3, 4), dtype=torch.long), torch.tensor([4, 2, 0])))


def xavier_init_weights(m):
    if type(m) == nn.Linear:
        nn.init.xavier_uniform_(m.weight)
    if type(m) == nn.GRU:
        for param in m._flat_weights_names:
            if "weight" in param:
                nn.init.xavier_uniform_(m._parameters[param])


torch.manual_seed(0)
net = nn.Sequential(nn.GRU(4, 3, 2), nn.Linear(3, 5))
net.apply(xavier_init_weights)
OUT["xavier"] = {k: v.flatten().tolist() for k, v in net.state_dict().items()}
write_json(OUT, "d2l_seq2seq.json", newline=True)
