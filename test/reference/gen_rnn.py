#!/usr/bin/python3
"""Reference values for the recurrent layers (RNN, LSTM, GRU, their cells, nn.utils.rnn packing) and
the 1-D layers (Conv1d, max/avg/adaptive pooling), from PyTorch 1.13 (Debian's python3-torch).

Run with Debian's interpreter (the pyenv `python3` on PATH has no torch):

    /usr/bin/python3 test/reference/gen_rnn.py

Every module case records the module's TypeScript constructor, its repr, a state_dict of values
rounded to 4 decimals (so both sides hold the same float32 parameters), the input (and h0/c0), the
outputs, and the gradients of the parameters and of the input for the loss
sum(output * w_out) + sum(h_n * w_h) (+ sum(c_n * w_c)) with fixed random weights.
Packed cases pack a padded batch with pack_padded_sequence and record the output padded back by
pad_packed_sequence. The last part is PyTorch's "Sequence Models and LSTM Networks" tutorial
(LSTMTagger) run from a recorded initial state_dict.
Writes test/reference/rnn.json.
"""
import json
import os

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from _common import enc, r4

HERE = os.path.dirname(os.path.abspath(__file__))
rng = torch.Generator().manual_seed(2024)


def rand(shape, scale=1.0):
    return torch.tensor(r4((torch.randn(shape, generator=rng) * scale).reshape(-1))).reshape(shape)


def set_params(m):
    with torch.no_grad():
        for p in m.parameters():
            p.copy_(rand(p.shape, 0.5))
    return {k: enc(v) for k, v in m.state_dict().items()}


def outputs_of(result):
    """(output tensor or PackedSequence, [h_n] or [h_n, c_n]) of an RNN module or a cell's result."""
    out, h = result
    return out, (list(h) if isinstance(h, tuple) else [h])


def rnn_case(name, make, ts, x_shape, hx=False, packed=None, train_mode=False):
    torch.manual_seed(0)
    m = make()
    state = set_params(m)
    if not train_mode:
        m.eval()
    x = rand(x_shape).requires_grad_(True)
    is_lstm = isinstance(m, nn.LSTM)
    num_dir = 2 if m.bidirectional else 1
    hout = m.proj_size if getattr(m, "proj_size", 0) else m.hidden_size
    unbatched = len(x_shape) == 2
    if packed is not None:
        batch = x_shape[0] if m.batch_first else x_shape[1]
    elif unbatched:
        batch = None
    else:
        batch = x_shape[0] if m.batch_first else x_shape[1]
    h_states = None
    if hx:
        lead = [m.num_layers * num_dir] + ([] if batch is None else [batch])
        h0 = rand(lead + [hout]).requires_grad_(True)
        if is_lstm:
            c0 = rand(lead + [m.hidden_size]).requires_grad_(True)
            h_states = [h0, c0]
        else:
            h_states = [h0]
    arg = None if h_states is None else (tuple(h_states) if is_lstm else h_states[0])
    inp = x
    if packed is not None:
        inp = pack_padded_sequence(x, torch.tensor(packed["lengths"]), batch_first=m.batch_first, enforce_sorted=packed["enforce_sorted"])
    out, hs = outputs_of(m(inp, arg))
    out_lengths = None
    if packed is not None:
        batch_sizes = out.batch_sizes.tolist()
        out, out_lengths = pad_packed_sequence(out, batch_first=m.batch_first)
    w_out = rand(list(out.shape))
    w_h = [rand(list(h.shape)) for h in hs]
    loss = (out * w_out).sum() + sum((h * w).sum() for h, w in zip(hs, w_h))
    loss.backward()
    case = {
        "name": name,
        "ts": ts,
        "repr": repr(m),
        "state": state,
        "input": enc(x),
        "hx": None if h_states is None else [enc(h) for h in h_states],
        "packed": packed,
        "output": enc(out),
        "h": [enc(h) for h in hs],
        "w_out": enc(w_out),
        "w_h": [enc(w) for w in w_h],
        "grads": {k: enc(p.grad) for k, p in m.named_parameters()},
        "input_grad": enc(x.grad),
        "hx_grad": None if h_states is None else [enc(h.grad) for h in h_states],
    }
    if packed is not None:
        case["out_lengths"] = out_lengths.tolist()
        case["batch_sizes"] = batch_sizes
    return case


def cell_case(name, make, ts, x_shape, hx=False):
    torch.manual_seed(0)
    m = make()
    state = set_params(m)
    x = rand(x_shape).requires_grad_(True)
    is_lstm = isinstance(m, nn.LSTMCell)
    lead = x_shape[:-1]
    h_states = None
    if hx:
        h_states = [rand(lead + [m.hidden_size]).requires_grad_(True) for _ in range(2 if is_lstm else 1)]
    arg = None if h_states is None else (tuple(h_states) if is_lstm else h_states[0])
    r = m(x, arg)
    hs = list(r) if is_lstm else [r]
    w_h = [rand(list(h.shape)) for h in hs]
    loss = sum((h * w).sum() for h, w in zip(hs, w_h))
    loss.backward()
    return {
        "name": name,
        "ts": ts,
        "repr": repr(m),
        "state": state,
        "input": enc(x),
        "hx": None if h_states is None else [enc(h) for h in h_states],
        "h": [enc(h) for h in hs],
        "w_h": [enc(w) for w in w_h],
        "grads": {k: enc(p.grad) for k, p in m.named_parameters()},
        "input_grad": enc(x.grad),
        "hx_grad": None if h_states is None else [enc(h.grad) for h in h_states],
    }


def layer1d_case(name, make, ts, x_shape, positive=False):
    """A Conv1d or pooling module: forward, repr, and gradients of sum(y * w)."""
    torch.manual_seed(0)
    m = make()
    state = set_params(m) if list(m.parameters()) else {}
    x = rand(x_shape)
    if positive:
        x = x.abs() + 0.5
    x.requires_grad_(True)
    y = m(x)
    extra = None
    if isinstance(y, tuple):
        y, extra = y
    w = rand(list(y.shape))
    (y * w).sum().backward()
    c = {
        "name": name,
        "ts": ts,
        "repr": repr(m),
        "state": state,
        "input": enc(x),
        "output": enc(y),
        "w": enc(w),
        "grads": {k: enc(p.grad) for k, p in m.named_parameters()},
        "input_grad": enc(x.grad),
    }
    if extra is not None:
        c["indices"] = enc(extra)
    return c


def tagger():
    """PyTorch's "Sequence Models and LSTM Networks" tutorial, as written there (LSTMTagger)."""
    training_data = [
        ("The dog ate the apple".split(), ["DET", "NN", "V", "DET", "NN"]),
        ("Everybody read that book".split(), ["NN", "V", "DET", "NN"]),
    ]
    word_to_ix = {}
    for sent, tags in training_data:
        for word in sent:
            if word not in word_to_ix:
                word_to_ix[word] = len(word_to_ix)
    tag_to_ix = {"DET": 0, "NN": 1, "V": 2}
    EMBEDDING_DIM = 6
    HIDDEN_DIM = 6

    def prepare_sequence(seq, to_ix):
        idxs = [to_ix[w] for w in seq]
        return torch.tensor(idxs, dtype=torch.long)

    class LSTMTagger(nn.Module):
        def __init__(self, embedding_dim, hidden_dim, vocab_size, tagset_size):
            super(LSTMTagger, self).__init__()
            self.hidden_dim = hidden_dim
            self.word_embeddings = nn.Embedding(vocab_size, embedding_dim)
            self.lstm = nn.LSTM(embedding_dim, hidden_dim)
            self.hidden2tag = nn.Linear(hidden_dim, tagset_size)

        def forward(self, sentence):
            embeds = self.word_embeddings(sentence)
            lstm_out, _ = self.lstm(embeds.view(len(sentence), 1, -1))
            tag_space = self.hidden2tag(lstm_out.view(len(sentence), -1))
            tag_scores = F.log_softmax(tag_space, dim=1)
            return tag_scores

    torch.manual_seed(1)
    model = LSTMTagger(EMBEDDING_DIM, HIDDEN_DIM, len(word_to_ix), len(tag_to_ix))
    # The same starting point on both sides: the initial weights rounded to 4 decimals.
    with torch.no_grad():
        for p in model.parameters():
            p.copy_(torch.tensor(r4(p.reshape(-1))).reshape(p.shape))
    state = {k: enc(v) for k, v in model.state_dict().items()}
    loss_function = nn.NLLLoss()
    optimizer = optim.SGD(model.parameters(), lr=0.1)

    with torch.no_grad():
        inputs = prepare_sequence(training_data[0][0], word_to_ix)
        before = model(inputs)

    losses = []
    for epoch in range(300):
        total = 0.0
        for sentence, tags in training_data:
            model.zero_grad()
            sentence_in = prepare_sequence(sentence, word_to_ix)
            targets = prepare_sequence(tags, tag_to_ix)
            tag_scores = model(sentence_in)
            loss = loss_function(tag_scores, targets)
            loss.backward()
            optimizer.step()
            total += loss.item()
        losses.append(total)

    with torch.no_grad():
        after = [model(prepare_sequence(s, word_to_ix)) for s, _ in training_data]
    return {
        "repr": repr(model),
        "state": state,
        "before": enc(before),
        "epoch_losses": [float("%.6g" % v) for v in losses[::50]] + [float("%.6g" % losses[-1])],
        "after": [enc(a) for a in after],
        "predicted": [a.argmax(1).tolist() for a in after],
    }


def init_stream():
    """nn.LSTM(3, 4, 2) and nn.GRUCell(3, 2) right after manual_seed(0), and torch.rand(5) after
    manual_seed(0), which tells whether a generator follows PyTorch's stream."""
    torch.manual_seed(0)
    probe = torch.rand(5)
    torch.manual_seed(0)
    lstm = nn.LSTM(3, 4, 2)
    torch.manual_seed(0)
    cell = nn.GRUCell(3, 2)
    return {
        "probe": enc(probe),
        "lstm": {k: enc(v) for k, v in lstm.state_dict().items()},
        "gru_cell": {k: enc(v) for k, v in cell.state_dict().items()},
    }


def main():
    rnn = [
        rnn_case("RNN tanh 1 layer", lambda: nn.RNN(3, 4), "new nn.RNN(3, 4)", [5, 2, 3]),
        rnn_case("RNN relu 2 layers with h0", lambda: nn.RNN(3, 4, 2, nonlinearity="relu"), "new nn.RNN(3, 4, 2, {nonlinearity: 'relu'})", [4, 2, 3], hx=True),
        rnn_case("RNN bidirectional batch_first 2 layers", lambda: nn.RNN(3, 4, 2, batch_first=True, bidirectional=True), "new nn.RNN(3, 4, 2, {batch_first: true, bidirectional: true})", [2, 4, 3], hx=True),
        rnn_case("RNN unbatched with h0", lambda: nn.RNN(3, 4, 2), "new nn.RNN(3, 4, 2)", [5, 3], hx=True),
        rnn_case("RNN no bias", lambda: nn.RNN(3, 4, bias=False), "new nn.RNN(3, 4, {bias: false})", [3, 2, 3]),
        rnn_case("LSTM 1 layer", lambda: nn.LSTM(3, 4), "new nn.LSTM(3, 4)", [5, 2, 3]),
        rnn_case("LSTM 2 layers bidirectional batch_first with h0 c0", lambda: nn.LSTM(3, 4, 2, batch_first=True, bidirectional=True), "new nn.LSTM(3, 4, 2, {batch_first: true, bidirectional: true})", [3, 4, 3], hx=True),
        rnn_case("LSTM unbatched with h0 c0", lambda: nn.LSTM(3, 4), "new nn.LSTM(3, 4)", [4, 3], hx=True),
        rnn_case("LSTM unbatched bidirectional", lambda: nn.LSTM(3, 4, bidirectional=True), "new nn.LSTM(3, 4, {bidirectional: true})", [4, 3]),
        rnn_case("LSTM proj_size 2 layers with h0 c0", lambda: nn.LSTM(3, 5, 2, proj_size=2), "new nn.LSTM(3, 5, 2, {proj_size: 2})", [4, 2, 3], hx=True),
        rnn_case("LSTM proj_size bidirectional", lambda: nn.LSTM(3, 5, proj_size=3, bidirectional=True), "new nn.LSTM(3, 5, {proj_size: 3, bidirectional: true})", [3, 2, 3]),
        rnn_case("LSTM no bias", lambda: nn.LSTM(3, 4, bias=False), "new nn.LSTM(3, 4, {bias: false})", [3, 2, 3]),
        rnn_case("GRU 1 layer", lambda: nn.GRU(3, 4), "new nn.GRU(3, 4)", [5, 2, 3]),
        rnn_case("GRU 2 layers bidirectional with h0", lambda: nn.GRU(3, 4, 2, bidirectional=True), "new nn.GRU(3, 4, 2, {bidirectional: true})", [4, 3, 3], hx=True),
        rnn_case("GRU batch_first unbatched-free with h0", lambda: nn.GRU(3, 4, batch_first=True), "new nn.GRU(3, 4, {batch_first: true})", [2, 5, 3], hx=True),
        rnn_case("GRU unbatched", lambda: nn.GRU(3, 4, 2), "new nn.GRU(3, 4, 2)", [4, 3]),
        rnn_case("GRU no bias", lambda: nn.GRU(3, 4, bias=False), "new nn.GRU(3, 4, {bias: false})", [3, 2, 3]),
        rnn_case("LSTM packed sorted", lambda: nn.LSTM(3, 4), "new nn.LSTM(3, 4)", [5, 3, 3], packed={"lengths": [5, 3, 2], "enforce_sorted": True}),
        rnn_case("LSTM packed unsorted bidirectional 2 layers batch_first with h0 c0", lambda: nn.LSTM(3, 4, 2, batch_first=True, bidirectional=True), "new nn.LSTM(3, 4, 2, {batch_first: true, bidirectional: true})", [4, 5, 3], hx=True, packed={"lengths": [2, 5, 1, 3], "enforce_sorted": False}),
        rnn_case("GRU packed unsorted bidirectional with h0", lambda: nn.GRU(3, 4, bidirectional=True), "new nn.GRU(3, 4, {bidirectional: true})", [4, 3, 3], hx=True, packed={"lengths": [2, 4, 4], "enforce_sorted": False}),
        rnn_case("RNN packed relu 2 layers with h0", lambda: nn.RNN(3, 4, 2, nonlinearity="relu"), "new nn.RNN(3, 4, 2, {nonlinearity: 'relu'})", [3, 3, 3], hx=True, packed={"lengths": [3, 2, 2], "enforce_sorted": True}),
        rnn_case("LSTM proj_size packed unsorted", lambda: nn.LSTM(3, 5, proj_size=2, bidirectional=True), "new nn.LSTM(3, 5, {proj_size: 2, bidirectional: true})", [4, 3, 3], packed={"lengths": [1, 4, 2], "enforce_sorted": False}),
    ]
    cells = [
        cell_case("RNNCell tanh", lambda: nn.RNNCell(3, 4), "new nn.RNNCell(3, 4)", [2, 3], hx=True),
        cell_case("RNNCell relu no hx", lambda: nn.RNNCell(3, 4, nonlinearity="relu"), "new nn.RNNCell(3, 4, {nonlinearity: 'relu'})", [2, 3]),
        cell_case("RNNCell unbatched no bias", lambda: nn.RNNCell(3, 4, bias=False), "new nn.RNNCell(3, 4, false)", [3], hx=True),
        cell_case("LSTMCell", lambda: nn.LSTMCell(3, 4), "new nn.LSTMCell(3, 4)", [2, 3], hx=True),
        cell_case("LSTMCell no hx", lambda: nn.LSTMCell(3, 4), "new nn.LSTMCell(3, 4)", [2, 3]),
        cell_case("LSTMCell unbatched", lambda: nn.LSTMCell(3, 4), "new nn.LSTMCell(3, 4)", [3], hx=True),
        cell_case("GRUCell", lambda: nn.GRUCell(3, 4), "new nn.GRUCell(3, 4)", [2, 3], hx=True),
        cell_case("GRUCell no hx no bias", lambda: nn.GRUCell(3, 4, bias=False), "new nn.GRUCell(3, 4, {bias: false})", [2, 3]),
        cell_case("GRUCell unbatched", lambda: nn.GRUCell(3, 4), "new nn.GRUCell(3, 4)", [3], hx=True),
    ]
    layers1d = [
        layer1d_case("Conv1d plain", lambda: nn.Conv1d(3, 4, 3), "new nn.Conv1d(3, 4, 3)", [2, 3, 9]),
        layer1d_case("Conv1d stride padding", lambda: nn.Conv1d(3, 4, 3, stride=2, padding=1), "new nn.Conv1d(3, 4, 3, {stride: 2, padding: 1})", [2, 3, 9]),
        layer1d_case("Conv1d dilation groups no bias", lambda: nn.Conv1d(4, 6, 3, dilation=2, groups=2, bias=False), "new nn.Conv1d(4, 6, 3, {dilation: 2, groups: 2, bias: false})", [2, 4, 10]),
        layer1d_case("Conv1d same even kernel", lambda: nn.Conv1d(3, 2, 4, padding="same"), "new nn.Conv1d(3, 2, 4, {padding: 'same'})", [2, 3, 7]),
        layer1d_case("Conv1d valid", lambda: nn.Conv1d(3, 2, 2, padding="valid"), "new nn.Conv1d(3, 2, 2, {padding: 'valid'})", [1, 3, 5]),
        layer1d_case("Conv1d reflect", lambda: nn.Conv1d(2, 3, 3, padding=2, padding_mode="reflect"), "new nn.Conv1d(2, 3, 3, {padding: 2, padding_mode: 'reflect'})", [2, 2, 6]),
        layer1d_case("Conv1d circular", lambda: nn.Conv1d(2, 3, 3, padding=1, padding_mode="circular"), "new nn.Conv1d(2, 3, 3, {padding: 1, padding_mode: 'circular'})", [2, 2, 6]),
        layer1d_case("Conv1d replicate same", lambda: nn.Conv1d(2, 3, 3, padding="same", padding_mode="replicate"), "new nn.Conv1d(2, 3, 3, {padding: 'same', padding_mode: 'replicate'})", [1, 2, 6]),
        layer1d_case("Conv1d unbatched", lambda: nn.Conv1d(3, 4, 2), "new nn.Conv1d(3, 4, 2)", [3, 6]),
        layer1d_case("MaxPool1d", lambda: nn.MaxPool1d(3), "new nn.MaxPool1d(3)", [2, 3, 10]),
        layer1d_case("MaxPool1d stride padding dilation ceil", lambda: nn.MaxPool1d(3, 2, 1, 2, ceil_mode=True), "new nn.MaxPool1d(3, 2, 1, 2, {ceil_mode: true})", [2, 3, 10]),
        layer1d_case("MaxPool1d return_indices unbatched", lambda: nn.MaxPool1d(2, return_indices=True), "new nn.MaxPool1d(2, {return_indices: true})", [3, 7]),
        layer1d_case("AvgPool1d", lambda: nn.AvgPool1d(3), "new nn.AvgPool1d(3)", [2, 3, 10]),
        layer1d_case("AvgPool1d padding no count_include_pad ceil", lambda: nn.AvgPool1d(3, 2, 1, True, False), "new nn.AvgPool1d(3, 2, 1, true, false)", [2, 3, 10]),
        layer1d_case("AdaptiveAvgPool1d", lambda: nn.AdaptiveAvgPool1d(4), "new nn.AdaptiveAvgPool1d(4)", [2, 3, 10]),
        layer1d_case("AdaptiveMaxPool1d return_indices", lambda: nn.AdaptiveMaxPool1d(3, True), "new nn.AdaptiveMaxPool1d(3, true)", [2, 3, 7]),
    ]
    reprs = {
        "new nn.LSTM(10, 20, {num_layers: 2, batch_first: true})": repr(nn.LSTM(10, 20, num_layers=2, batch_first=True)),
        "new nn.LSTM(10, 20, 2, {dropout: 0.5, bidirectional: true, proj_size: 5, bias: false})": repr(nn.LSTM(10, 20, 2, dropout=0.5, bidirectional=True, proj_size=5, bias=False)),
        "new nn.RNN(10, 20, {nonlinearity: 'relu'})": repr(nn.RNN(10, 20, nonlinearity="relu")),
        "new nn.GRU(10, 20, 3, {dropout: 0.25})": repr(nn.GRU(10, 20, 3, dropout=0.25)),
        "new nn.RNNCell(3, 4, false, 'relu')": repr(nn.RNNCell(3, 4, False, "relu")),
        "new nn.LSTMCell(3, 4)": repr(nn.LSTMCell(3, 4)),
        "new nn.GRUCell(3, 4, {bias: false})": repr(nn.GRUCell(3, 4, bias=False)),
        "new nn.Conv1d(16, 33, 3, {stride: 2})": repr(nn.Conv1d(16, 33, 3, stride=2)),
        "new nn.Conv1d(4, 8, [3], {padding: 'same', dilation: 2, groups: 2, bias: false, padding_mode: 'reflect'})": repr(
            nn.Conv1d(4, 8, (3,), padding="same", dilation=2, groups=2, bias=False, padding_mode="reflect")
        ),
        "new nn.Conv1d(4, 8, 3, 1, 2)": repr(nn.Conv1d(4, 8, 3, 1, 2)),
        "new nn.MaxPool1d(3, 2, 1, 2, true, true)": repr(nn.MaxPool1d(3, 2, 1, 2, True, True)),
        "new nn.AvgPool1d(3, {stride: 2, padding: 1})": repr(nn.AvgPool1d(3, stride=2, padding=1)),
        "new nn.AdaptiveAvgPool1d(5)": repr(nn.AdaptiveAvgPool1d(5)),
        "new nn.AdaptiveMaxPool1d(5, true)": repr(nn.AdaptiveMaxPool1d(5, True)),
    }
    out = {
        "rnn": rnn,
        "cells": cells,
        "layers1d": layers1d,
        "reprs": reprs,
        "tagger": tagger(),
        "init": init_stream(),
    }
    path = os.path.join(HERE, "rnn.json")
    with open(path, "w") as f:
        json.dump(out, f, separators=(",", ":"))
    print("wrote", path, os.path.getsize(path), "bytes")


if __name__ == "__main__":
    main()
