"""Fixture for test/tutorials/raschka_notebook.test.ts: Sebastian Raschka's "Machine Learning with
PyTorch and Scikit-Learn" (rasbt/machine-learning-book), ch12_part1 (tensors, split / chunk / cat /
stack, DataLoader over a tensor, a joint Dataset, seeded shuffles) and ch13_part1 (computation graphs, gradients,
nn.Sequential, the XOR classifier, nn.ModuleList, a custom NoisyLinear layer), the port's cells in
order, run on PyTorch 1.13. Each cell records what it prints and what Jupyter shows as its value
(IPython's repr). Stand-ins (listed in the test's header): the XOR points are `torch.rand(200, 2) * 2 - 1`
after torch.manual_seed(1) (the book draws them with NumPy), training runs 3 epochs (not 200), a
tuple of histories is printed as a list (the port returns an array)."""
import contextlib
import io
import os
import sys
import warnings

import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _tutorial_common import write_json  # noqa: E402

warnings.simplefilter("ignore")
CELLS = []


def cell(f):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        v = f()
    shown = None if v is None else repr(v)
    CELLS.append({"printed": buf.getvalue(), "shown": shown})


def compute_z(a, b, c):
    r1 = torch.sub(a, b)
    r2 = torch.mul(r1, 2)
    z = torch.add(r2, c)
    return z


class MyModule0(nn.Module):
    def __init__(self):
        super().__init__()
        self.w1 = torch.empty(2, 3, requires_grad=True)
        nn.init.xavier_normal_(self.w1)
        self.w2 = torch.empty(1, 2, requires_grad=True)
        nn.init.xavier_normal_(self.w2)


class MyModule(nn.Module):
    def __init__(self):
        super().__init__()
        l1 = nn.Linear(2, 4)
        a1 = nn.ReLU()
        l2 = nn.Linear(4, 4)
        a2 = nn.ReLU()
        l3 = nn.Linear(4, 1)
        a3 = nn.Sigmoid()
        l = [l1, a1, l2, a2, l3, a3]  # noqa: E741 - the book's name
        self.module_list = nn.ModuleList(l)

    def forward(self, x):
        for f in self.module_list:
            x = f(x)
        return x

    def predict(self, x):
        x = torch.tensor(x, dtype=torch.float32)
        pred = self.forward(x)[:, 0]
        return (pred >= 0.5).float()


class NoisyLinear(nn.Module):
    def __init__(self, input_size, output_size, noise_stddev=0.1):
        super().__init__()
        w = torch.Tensor(input_size, output_size)
        self.w = nn.Parameter(w)
        nn.init.xavier_uniform_(self.w)
        b = torch.Tensor(output_size).fill_(0)
        self.b = nn.Parameter(b)
        self.noise_stddev = noise_stddev

    def forward(self, x, training=False):
        if training:
            noise = torch.normal(0.0, self.noise_stddev, x.shape)
            x_new = torch.add(x, noise)
        else:
            x_new = x
        return torch.add(torch.mm(x_new, self.w), self.b)


class MyNoisyModule(nn.Module):
    def __init__(self):
        super().__init__()
        self.l1 = NoisyLinear(2, 4, 0.07)
        self.a1 = nn.ReLU()
        self.l2 = nn.Linear(4, 4)
        self.a2 = nn.ReLU()
        self.l3 = nn.Linear(4, 1)
        self.a3 = nn.Sigmoid()

    def forward(self, x, training=False):
        x = self.l1(x, training)
        x = self.a1(x)
        x = self.l2(x)
        x = self.a2(x)
        x = self.l3(x)
        x = self.a3(x)
        return x


S = {}


def ch13_part1():
    CELLS.clear()
    torch.manual_seed(0)  # torchlab run's fresh kernel
    cell(lambda: None)

    def c1():
        print("Scalar Inputs:", compute_z(torch.tensor(1), torch.tensor(2), torch.tensor(3)))
        print("Rank 1 Inputs:", compute_z(torch.tensor([1]), torch.tensor([2]), torch.tensor([3])))
        print("Rank 2 Inputs:", compute_z(torch.tensor([[1]]), torch.tensor([[2]]), torch.tensor([[3]])))
    cell(c1)
    a = torch.tensor(3.14, requires_grad=True)
    b = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    cell(lambda: (print(a), print(b)) and None)
    cell(lambda: a.requires_grad)
    w = torch.tensor([1.0, 2.0, 3.0])
    cell(lambda: print(w.requires_grad))
    cell(lambda: (w.requires_grad_(), print(w.requires_grad)) and None)

    def c6():
        torch.manual_seed(1)
        w = torch.empty(2, 3)
        nn.init.xavier_normal_(w)
        print(w)
    cell(c6)

    def c7():
        m0 = MyModule0()
        print(m0.w1.shape, m0.w2.shape, len(list(m0.parameters())))
    cell(c7)

    def c8():
        w = torch.tensor(1.0, requires_grad=True)
        b = torch.tensor(0.5, requires_grad=True)
        x = torch.tensor([1.4])
        y = torch.tensor([2.1])
        z = torch.add(torch.mul(w, x), b)
        loss = (y - z).pow(2).sum()
        loss.backward()
        print("dL/dw : ", w.grad)
        print("dL/db : ", b.grad)
        S.update(w=w, b=b, x=x, y=y)
    cell(c8)
    cell(lambda: print(2 * S["x"] * ((S["w"] * S["x"] + S["b"]) - S["y"])))
    model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 32), nn.ReLU())
    cell(lambda: model)

    def c11():
        nn.init.xavier_uniform_(model[0].weight)
        l1_weight = 0.01
        return l1_weight * model[2].weight.abs().sum()
    cell(c11)
    cell(lambda: None)

    def c13():
        torch.manual_seed(1)
        xs = torch.rand([200, 2]) * 2 - 1
        ys = torch.ones(len(xs))
        ys[xs[:, 0] * xs[:, 1] < 0] = 0
        n_train = 100
        S.update(
            x_train=torch.tensor(xs[:n_train, :], dtype=torch.float32), y_train=torch.tensor(ys[:n_train], dtype=torch.float32),
            x_valid=torch.tensor(xs[n_train:, :], dtype=torch.float32), y_valid=torch.tensor(ys[n_train:], dtype=torch.float32),
        )
        print(S["y_train"].sum(), S["y_valid"].sum())
    cell(c13)

    def c14():
        torch.manual_seed(1)
        S["train_dl"] = DataLoader(TensorDataset(S["x_train"], S["y_train"]), 2, shuffle=True)
    cell(c14)
    S["model"] = nn.Sequential(nn.Linear(2, 1), nn.Sigmoid())
    cell(lambda: S["model"])

    def c16():
        S["loss_fn"] = nn.BCELoss()
        S["optimizer"] = torch.optim.SGD(S["model"].parameters(), lr=0.001)
    cell(c16)
    n_train, batch_size, num_epochs = 100, 2, 3

    def train(model, num_epochs, train_dl, x_valid, y_valid):
        loss_fn, optimizer = S["loss_fn"], S["optimizer"]
        loss_hist_train = [0] * num_epochs
        accuracy_hist_train = [0] * num_epochs
        loss_hist_valid = [0] * num_epochs
        accuracy_hist_valid = [0] * num_epochs
        for epoch in range(num_epochs):
            for x_batch, y_batch in train_dl:
                pred = model(x_batch)[:, 0]
                loss = loss_fn(pred, y_batch)
                loss.backward()
                optimizer.step()
                optimizer.zero_grad()
                loss_hist_train[epoch] += loss.item()
                is_correct = ((pred >= 0.5).float() == y_batch).float()
                accuracy_hist_train[epoch] += is_correct.mean()
            loss_hist_train[epoch] /= n_train / batch_size
            accuracy_hist_train[epoch] /= n_train / batch_size
            pred = model(x_valid)[:, 0]
            loss = loss_fn(pred, y_valid)
            loss_hist_valid[epoch] = loss.item()
            is_correct = ((pred >= 0.5).float() == y_valid).float()
            accuracy_hist_valid[epoch] += is_correct.mean()
        return [loss_hist_train, loss_hist_valid, accuracy_hist_train, accuracy_hist_valid]

    def c17():
        torch.manual_seed(1)
        print(train(S["model"], num_epochs, S["train_dl"], S["x_valid"], S["y_valid"]))
    cell(c17)

    def c18():
        S["model"] = nn.Sequential(nn.Linear(2, 4), nn.ReLU(), nn.Linear(4, 4), nn.ReLU(), nn.Linear(4, 1), nn.Sigmoid())
        S["loss_fn"] = nn.BCELoss()
        S["optimizer"] = torch.optim.SGD(S["model"].parameters(), lr=0.015)
        return S["model"]
    cell(c18)
    cell(lambda: print(train(S["model"], num_epochs, S["train_dl"], S["x_valid"], S["y_valid"])))

    def c20():
        S["model"] = MyModule()
        return S["model"]
    cell(c20)

    def c21():
        S["loss_fn"] = nn.BCELoss()
        S["optimizer"] = torch.optim.SGD(S["model"].parameters(), lr=0.015)
        print(train(S["model"], num_epochs, S["train_dl"], S["x_valid"], S["y_valid"]))
        print(S["model"].predict([[0.5, 0.5], [-0.5, 0.5]]))
    cell(c21)
    cell(lambda: None)

    def c23():
        torch.manual_seed(1)
        noisy_layer = NoisyLinear(4, 2)
        x = torch.zeros((1, 4))
        print(noisy_layer(x, training=True))
        print(noisy_layer(x, training=True))
        print(noisy_layer(x, training=False))
    cell(c23)

    def c24():
        torch.manual_seed(1)
        S["model"] = MyNoisyModule()
        return S["model"]
    cell(c24)

    def c25():
        model = S["model"]
        loss_fn = nn.BCELoss()
        optimizer = torch.optim.SGD(model.parameters(), lr=0.015)
        torch.manual_seed(1)
        loss_hist_train = [0] * num_epochs
        loss_hist_valid = [0] * num_epochs
        for epoch in range(num_epochs):
            for x_batch, y_batch in S["train_dl"]:
                pred = model(x_batch, True)[:, 0]
                loss = loss_fn(pred, y_batch)
                loss.backward()
                optimizer.step()
                optimizer.zero_grad()
                loss_hist_train[epoch] += loss.item()
            loss_hist_train[epoch] /= n_train / batch_size
            pred = model(S["x_valid"])[:, 0]
            loss_hist_valid[epoch] = loss_fn(pred, S["y_valid"]).item()
        print(loss_hist_train, loss_hist_valid)
        print(model.state_dict()["l1.w"])
    cell(c25)
    return list(CELLS)


def show_list(v):
    """A list or tuple shown as the port's array is: `[False, True]`, `[[0.75, 0.27], [0.4]]`."""
    return "[" + ", ".join(show_list(x) if isinstance(x, (list, tuple)) else repr(x) for x in v) + "]"


class ListShown:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return show_list(self.v)


class JointDataset(torch.utils.data.Dataset):
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __len__(self):
        return len(self.x)

    def __getitem__(self, idx):
        return self.x[idx], self.y[idx]


def ch12_part1():
    CELLS.clear()
    torch.manual_seed(0)  # a fresh kernel
    cell(lambda: None)
    a = [1, 2, 3]
    t_a = torch.tensor(a)
    t_b = torch.from_numpy(torch.tensor([4, 5, 6], dtype=torch.int32).numpy())
    cell(lambda: (print(t_a), print(t_b)) and None)
    cell(lambda: ListShown((torch.is_tensor(a), torch.is_tensor(t_a))))
    t_ones = torch.ones(2, 3)
    cell(lambda: t_ones.shape)
    cell(lambda: print(t_ones))
    cell(lambda: print(torch.rand(2, 3)))
    cell(lambda: print(t_a.to(torch.int64).dtype))

    def c7():
        t = torch.rand(3, 5)
        print(t.shape, " --> ", torch.transpose(t, 0, 1).shape)
    cell(c7)
    cell(lambda: print(torch.zeros(30).reshape(5, 6).shape))

    def c9():
        t = torch.zeros(1, 2, 1, 4, 1)
        print(t.shape, " --> ", torch.squeeze(t, 2).shape)
    cell(c9)

    def c10():
        torch.manual_seed(1)
        S["t1"] = 2 * torch.rand(5, 2) - 1
        S["t2"] = torch.normal(mean=0, std=1, size=(5, 2))
    cell(c10)
    t1, t2 = S["t1"], S["t2"]
    cell(lambda: print(torch.multiply(t1, t2)))
    cell(lambda: print(torch.mean(t1, axis=0)))
    cell(lambda: print(torch.matmul(t1, torch.transpose(t2, 0, 1))))
    cell(lambda: print(torch.matmul(torch.transpose(t1, 0, 1), t2)))
    cell(lambda: print(torch.linalg.norm(t1, ord=2, dim=1)))

    def c16():
        torch.manual_seed(1)
        t = torch.rand(6)
        print(t)
        return ListShown([item.tolist() for item in torch.chunk(t, 3)])
    cell(c16)

    def c17():
        torch.manual_seed(1)
        t = torch.rand(5)
        print(t)
        return ListShown([item.tolist() for item in torch.split(t, split_size_or_sections=[3, 2])])
    cell(c17)
    cell(lambda: print(torch.cat([torch.ones(3), torch.zeros(2)], axis=0)))
    cell(lambda: print(torch.stack([torch.ones(3), torch.zeros(3)], axis=1)))
    t = torch.arange(6, dtype=torch.float32)
    cell(lambda: None)

    def c21():
        for item in DataLoader(t):
            print(item)
    cell(c21)

    def c22():
        for i, batch in enumerate(DataLoader(t, batch_size=3, drop_last=False), 1):
            print(f"batch {i}:", batch)
    cell(c22)
    cell(lambda: None)

    def c24():
        torch.manual_seed(1)
        t_x = torch.rand([4, 3], dtype=torch.float32)
        t_y = torch.arange(4)
        for example in JointDataset(t_x, t_y):
            print("  x: ", example[0], "  y: ", example[1])
        S["joint_dataset"] = TensorDataset(t_x, t_y)
        for example in S["joint_dataset"]:
            print("  x: ", example[0], "  y: ", example[1])
    cell(c24)

    def c25():
        torch.manual_seed(1)
        data_loader = DataLoader(dataset=S["joint_dataset"], batch_size=2, shuffle=True)
        for i, batch in enumerate(data_loader, 1):
            print(f"batch {i}:", "x:", batch[0], "\n         y:", batch[1])
        for epoch in range(2):
            print(f"epoch {epoch+1}")
            for i, batch in enumerate(data_loader, 1):
                print(f"batch {i}:", "x:", batch[0], "\n         y:", batch[1])
    cell(c25)
    return list(CELLS)


TEXT = ("Project Gutenberg's The Mysterious Island\n\nTHE MYSTERIOUS ISLAND\n\nPART 1--DROPPED FROM THE CLOUDS\n\n"
        "\"Are we rising again?\" \"No. On the contrary.\" \"Are we descending?\" \"Worse than that, captain! we are falling!\" "
        "\"For Heaven's sake throw out the ballast!\" \"There! the last sack is empty!\" \"Does the balloon rise?\" \"No!\"\n\n"
        "End of the Project Gutenberg EBook of The Mysterious Island")


def ch15_part3():
    CELLS.clear()
    torch.manual_seed(0)  # sectionsForSuite's reseed before a part's later section
    from torch.utils.data import Dataset
    from torch.distributions.categorical import Categorical
    S = {}
    cell(lambda: None)

    def c1():
        text = TEXT
        start_indx = text.find('THE MYSTERIOUS ISLAND')
        end_indx = text.find('End of the Project Gutenberg')
        text = text[start_indx:end_indx]
        char_set = set(text)
        print('Total Length:', len(text))
        print('Unique Characters:', len(char_set))
        S["text"], S["char_set"] = text, char_set
    cell(c1)
    text = S["text"]

    def c2():
        chars_sorted = sorted(S["char_set"])
        S["char2int"] = {ch: i for i, ch in enumerate(chars_sorted)}
        S["char_array"] = chars_sorted
        S["text_encoded"] = torch.tensor([S["char2int"][ch] for ch in text], dtype=torch.int32)
        te, ca = S["text_encoded"], S["char_array"]
        print('Text encoded shape: ', te.shape)
        print(text[:15], '     == Encoding ==> ', te[:15])
        print(te[15:21], ' == Reverse  ==> ', ''.join(ca[i] for i in te[15:21].tolist()))
    cell(c2)
    char2int, char_array, text_encoded = S["char2int"], S["char_array"], S["text_encoded"]

    def c3():
        for ex in text_encoded[:5]:
            print('{} -> {}'.format(ex, char_array[ex]))
    cell(c3)
    seq_length = 10
    chunk_size = seq_length + 1
    text_chunks = [text_encoded[i:i + chunk_size] for i in range(len(text_encoded) - chunk_size + 1)]

    def c4():
        for seq in text_chunks[:1]:
            input_seq = seq[:seq_length]
            target = seq[seq_length]
            print(input_seq, ' -> ', target)
            print(repr(''.join(char_array[i] for i in input_seq.tolist())), ' -> ', repr(''.join(char_array[target])))
    cell(c4)

    class TextDataset(Dataset):
        def __init__(self, text_chunks):
            self.text_chunks = text_chunks

        def __len__(self):
            return len(self.text_chunks)

        def __getitem__(self, idx):
            text_chunk = self.text_chunks[idx]
            return text_chunk[:-1].long(), text_chunk[1:].long()

    seq_dataset = TextDataset(torch.stack(text_chunks))
    cell(lambda: None)

    def c6():
        for i, (seq, target) in enumerate(seq_dataset):
            print(' Input (x):', repr(''.join(char_array[k] for k in seq.tolist())))
            print('Target (y):', repr(''.join(char_array[k] for k in target.tolist())))
            print()
            if i == 1:
                break
    cell(c6)
    device = torch.device("cpu")
    batch_size = 8
    torch.manual_seed(1)
    seq_dl = DataLoader(seq_dataset, batch_size=batch_size, shuffle=True, drop_last=True)
    cell(lambda: None)

    class RNN(nn.Module):
        def __init__(self, vocab_size, embed_dim, rnn_hidden_size):
            super().__init__()
            self.embedding = nn.Embedding(vocab_size, embed_dim)
            self.rnn_hidden_size = rnn_hidden_size
            self.rnn = nn.LSTM(embed_dim, rnn_hidden_size, batch_first=True)
            self.fc = nn.Linear(rnn_hidden_size, vocab_size)

        def forward(self, x, hidden, cell):
            out = self.embedding(x).unsqueeze(1)
            out, (hidden, cell) = self.rnn(out, (hidden, cell))
            out = self.fc(out).reshape(out.size(0), -1)
            return out, hidden, cell

        def init_hidden(self, batch_size):
            hidden = torch.zeros(1, batch_size, self.rnn_hidden_size)
            cell = torch.zeros(1, batch_size, self.rnn_hidden_size)
            return hidden.to(device), cell.to(device)

    def c8():
        torch.manual_seed(1)
        model = RNN(len(char_array), 16, 32)
        S["model"] = model.to(device)
        return S["model"]
    cell(c8)
    model = S["model"]

    def c9():
        loss_fn = nn.CrossEntropyLoss()
        optimizer = torch.optim.Adam(model.parameters(), lr=0.005)
        num_epochs = 10
        torch.manual_seed(1)
        for epoch in range(num_epochs):
            hidden, cell_ = model.init_hidden(batch_size)
            seq_batch, target_batch = next(iter(seq_dl))
            seq_batch = seq_batch.to(device)
            target_batch = target_batch.to(device)
            optimizer.zero_grad()
            loss = 0
            for c in range(seq_length):
                pred, hidden, cell_ = model(seq_batch[:, c], hidden, cell_)
                loss += loss_fn(pred, target_batch[:, c])
            loss.backward()
            optimizer.step()
            loss = loss.item() / seq_length
            if epoch % 5 == 0:
                print(f'Epoch {epoch} loss: {loss:.4f}')
    cell(c9)

    def categorical(values):
        def f():
            torch.manual_seed(1)
            logits = torch.tensor([values])
            print('Probabilities:', nn.functional.softmax(logits, dim=1).numpy()[0])
            m = Categorical(logits=logits)
            samples = m.sample((10,))
            print(samples.numpy())
        return f
    cell(categorical([1.0, 1.0, 1.0]))
    cell(categorical([1.0, 1.0, 3.0]))

    def sample(model, starting_str, len_generated_text=40, scale_factor=1.0):
        encoded_input = torch.tensor([char2int[s] for s in starting_str])
        encoded_input = torch.reshape(encoded_input, (1, -1))
        generated_str = starting_str
        model.eval()
        hidden, cell_ = model.init_hidden(1)
        hidden = hidden.to('cpu')
        cell_ = cell_.to('cpu')
        for c in range(len(starting_str) - 1):
            _, hidden, cell_ = model(encoded_input[:, c].view(1), hidden, cell_)
        last_char = encoded_input[:, -1]
        for i in range(len_generated_text):
            logits, hidden, cell_ = model(last_char.view(1), hidden, cell_)
            logits = torch.squeeze(logits, 0)
            scaled_logits = logits * scale_factor
            m = Categorical(logits=scaled_logits)
            last_char = m.sample()
            generated_str += str(char_array[last_char])
        return generated_str

    def c12():
        torch.manual_seed(1)
        model.to('cpu')
        print(sample(model, starting_str='The island'))
    cell(c12)

    def c13():
        logits = torch.tensor([[1.0, 1.0, 3.0]])
        print('Probabilities before scaling:        ', nn.functional.softmax(logits, dim=1).numpy()[0])
        print('Probabilities after scaling with 0.5:', nn.functional.softmax(0.5 * logits, dim=1).numpy()[0])
        print('Probabilities after scaling with 0.1:', nn.functional.softmax(0.1 * logits, dim=1).numpy()[0])
    cell(c13)

    def scaled(factor):
        def f():
            torch.manual_seed(1)
            print(sample(model, starting_str='The island', scale_factor=factor))
        return f
    cell(scaled(2.0))
    cell(scaled(0.5))
    return list(CELLS)


def ch16_part1():
    CELLS.clear()
    torch.manual_seed(0)  # sectionsForSuite's reseed before a part's later section
    import torch.nn.functional as F
    S = {}

    def c0():
        S["sentence"] = torch.tensor([0, 7, 1, 2, 5, 6, 4, 3])
        return S["sentence"]
    cell(c0)

    def c1():
        torch.manual_seed(123)
        embed = torch.nn.Embedding(10, 16)
        S["es"] = embed(S["sentence"]).detach()
        return S["es"].shape
    cell(c1)
    es = S["es"]

    def c2():
        omega = torch.empty(8, 8)
        for i, x_i in enumerate(es):
            for j, x_j in enumerate(es):
                omega[i, j] = torch.dot(x_i, x_j)
        S["omega"] = omega
    cell(c2)
    omega = S["omega"]
    omega_mat = es.matmul(es.T)
    cell(lambda: None)
    cell(lambda: torch.allclose(omega_mat, omega))
    attention_weights = F.softmax(omega, dim=1)
    cell(lambda: attention_weights.shape)
    cell(lambda: attention_weights.sum(dim=1))

    def c7():
        x_2 = es[1, :]
        context_vec_2 = torch.zeros(x_2.shape)
        for j in range(8):
            x_j = es[j, :]
            context_vec_2 += attention_weights[1, j] * x_j
        S["cv2"] = context_vec_2
        return context_vec_2
    cell(c7)
    context_vectors = torch.matmul(attention_weights, es)
    cell(lambda: torch.allclose(S["cv2"], context_vectors[1]))

    def c9():
        torch.manual_seed(123)
        d = es.shape[1]
        S["U"] = (torch.rand(d, d), torch.rand(d, d), torch.rand(d, d))
    cell(c9)
    U_query, U_key, U_value = S["U"]
    d = es.shape[1]
    x_2 = es[1]
    query_2 = U_query.matmul(x_2)
    key_2 = U_key.matmul(x_2)
    value_2 = U_value.matmul(x_2)
    cell(lambda: None)
    keys = U_key.matmul(es.T).T
    cell(lambda: torch.allclose(key_2, keys[1]))
    values = U_value.matmul(es.T).T
    cell(lambda: torch.allclose(value_2, values[1]))
    cell(lambda: query_2.dot(keys[2]))
    omega_2 = query_2.matmul(keys.T)
    cell(lambda: omega_2)
    attention_weights_2 = F.softmax(omega_2 / d**0.5, dim=0)
    cell(lambda: attention_weights_2)
    cell(lambda: attention_weights_2.matmul(values))
    torch.manual_seed(123)
    torch.rand(d, d)  # one_U_query
    cell(lambda: None)
    h = 8
    multihead_U_query = torch.rand(h, d, d)
    multihead_U_key = torch.rand(h, d, d)
    multihead_U_value = torch.rand(h, d, d)
    cell(lambda: None)
    multihead_query_2 = multihead_U_query.matmul(x_2)
    cell(lambda: multihead_query_2.shape)
    multihead_key_2 = multihead_U_key.matmul(x_2)
    multihead_U_value.matmul(x_2)
    cell(lambda: None)
    cell(lambda: multihead_key_2[2])
    stacked_inputs = es.T.repeat(8, 1, 1)
    cell(lambda: stacked_inputs.shape)
    multihead_keys = torch.bmm(multihead_U_key, stacked_inputs)
    cell(lambda: multihead_keys.shape)
    multihead_keys = multihead_keys.permute(0, 2, 1)
    cell(lambda: multihead_keys.shape)
    cell(lambda: multihead_keys[2, 1])
    multihead_values = torch.matmul(multihead_U_value, stacked_inputs)
    multihead_values = multihead_values.permute(0, 2, 1)
    cell(lambda: None)
    multihead_z_2 = torch.rand(8, 16)
    cell(lambda: None)
    linear = torch.nn.Linear(8 * 16, 16)
    context_vector_2 = linear(multihead_z_2.flatten())
    cell(lambda: context_vector_2.shape)
    return list(CELLS)


if __name__ == "__main__":
    print(write_json({"ch12_part1": ch12_part1(), "ch13_part1": ch13_part1(), "ch15_part3": ch15_part3(), "ch16_part1": ch16_part1()}, "raschka.json"))
