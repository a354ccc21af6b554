"""Fixture for test/tutorials/karpathy_notebook.test.ts: Andrej Karpathy's "Neural Networks: Zero to
Hero" makemore notebooks (karpathy/nn-zero-to-hero, lectures/makemore: part 1 bigrams, part 2 MLP,
part 3 BatchNorm, part 5 WaveNet), the cells the port keeps, run on PyTorch 1.13 as IPython runs them:
each cell records what it prints and what Jupyter shows as its value (IPython's pretty repr).

names.txt (32k names) is not available offline: this script writes karpathy_names.txt, made-up
lowercase names from a fixed syllable list and seed; both sides read that file. Training loops run a
few hundred steps instead of 200000; `random.seed(42); random.shuffle(words)` is a torch.randperm
shuffle on both sides (torchlab has no Python `random`). Each notebook starts from
torch.manual_seed(0), as `torchlab run` seeds a fresh kernel."""
import ast
import contextlib
import io
import os
import random
import sys

import torch
from IPython.lib.pretty import pretty

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _tutorial_common import write_json  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
NAMES = os.path.join(HERE, "karpathy_names.txt")


def write_names():
    rng = random.Random(2147483647)
    syl = ["an", "el", "ma", "ri", "so", "li", "ka", "ne", "ra", "do", "mi", "ja", "ye", "ol", "is", "ev", "ar", "ty", "zo", "qu", "be", "ch", "ph", "ux", "wi", "fa", "gu", "ha", "vo", "ce"]
    names = []
    while len(names) < 240:
        n = "".join(rng.choice(syl) for _ in range(rng.randint(1, 3)))
        if rng.random() < 0.3:
            n += rng.choice("aeiouynsk")
        if n not in names:
            names.append(n)
    with open(NAMES, "w") as f:
        f.write("\n".join(names) + "\n")


def show(v):
    """IPython's repr; a tuple as a list, as the port writes `[a, b]`."""
    if type(v) is tuple:
        return "[" + ", ".join(pretty(x) for x in v) + "]"
    return pretty(v)


def run_cells(cells):
    """Runs cells as IPython does: the last statement, when an expression, is shown (unless None)."""
    torch.manual_seed(0)
    ns = {"__name__": "__main__", "torch": torch, "F": torch.nn.functional}  # the `import torch` cell and `import torch.nn.functional as F` (torchlab's prelude)
    out = []
    for src in cells:
        src = src.replace("names.txt", NAMES)
        tree = ast.parse(src)
        last = tree.body[-1] if tree.body and isinstance(tree.body[-1], ast.Expr) and not src.rstrip().endswith(";") else None
        body = tree.body[:-1] if last is not None else tree.body
        buf = io.StringIO()
        shown = None
        with contextlib.redirect_stdout(buf):
            exec(compile(ast.Module(body=body, type_ignores=[]), "<cell>", "exec"), ns)
            if last is not None:
                v = eval(compile(ast.Expression(last.value), "<cell>", "eval"), ns)
                if v is not None:
                    shown = show(v)
        out.append({"printed": buf.getvalue(), "shown": shown})
    return out


READ = """words = open('names.txt', 'r').read().splitlines()"""
VOCAB = """chars = sorted(list(set(''.join(words))))
stoi = {s:i+1 for i,s in enumerate(chars)}
stoi['.'] = 0
itos = {i:s for s,i in stoi.items()}"""
SHUFFLE = """torch.manual_seed(42)
words = [words[i] for i in torch.randperm(len(words)).tolist()]"""

BUILD = """def build_dataset(words):  
  X, Y = [], []
  for w in words:

    context = [0] * block_size
    for ch in w + '.':
      ix = stoi[ch]
      X.append(context)
      Y.append(ix)
      context = context[1:] + [ix] # crop and append

  X = torch.tensor(X)
  Y = torch.tensor(Y)
  print(X.shape, Y.shape)
  return X, Y

""" + SHUFFLE + """
n1 = int(0.8*len(words))
n2 = int(0.9*len(words))

Xtr, Ytr = build_dataset(words[:n1])
Xdev, Ydev = build_dataset(words[n1:n2])
Xte, Yte = build_dataset(words[n2:])"""

MLP = [
    READ + "\nwords[:8]",
    "len(words)",
    VOCAB + "\nprint(itos)",
    """block_size = 3 # context length: how many characters do we take to predict the next one?
X, Y = [], []
for w in words[:5]:
  
  context = [0] * block_size
  for ch in w + '.':
    ix = stoi[ch]
    X.append(context)
    Y.append(ix)
    print(''.join(itos[i] for i in context), '--->', itos[ix])
    context = context[1:] + [ix] # crop and append
  
X = torch.tensor(X)
Y = torch.tensor(Y)""",
    "X.shape, X.dtype, Y.shape, Y.dtype",
    "C = torch.randn((27, 2))",
    "C[5]",
    "F.one_hot(torch.tensor(5), num_classes=27).float() @ C",
    "C[[5,6,7,7,7,7]]",
    "C[X].shape",
    "X[13, 2]",
    "C[X][13, 2]",
    """emb = C[X]
emb.shape""",
    """W1 = torch.randn((6, 100))
b1 = torch.randn(100)""",
    "torch.cat([emb[:, 0, :], emb[:, 1, :], emb[:, 2, :]], 1).shape",
    "torch.cat(torch.unbind(emb, 1), 1).shape",
    """a = torch.arange(18)
a.view(3, 3, 2)""",
    "(emb.view(-1, 6) == torch.cat(torch.unbind(emb, 1), 1)).all()",
    "h = torch.tanh(emb.view(-1, 6) @ W1 + b1)",
    "h",
    "h.shape",
    """W2 = torch.randn((100, 27))
b2 = torch.randn(27)""",
    "logits = h @ W2 + b2",
    "logits.shape",
    "counts = logits.exp()",
    "prob = counts / counts.sum(1, keepdims=True)",
    "prob.shape",
    """loss = -prob[torch.arange(X.shape[0]), Y].log().mean()
loss""",
    "F.cross_entropy(logits, Y)",
    """block_size = 3 # context length: how many characters do we take to predict the next one?

""" + BUILD,
    "Xtr.shape, Ytr.shape # dataset",
    """g = torch.Generator().manual_seed(2147483647) # for reproducibility
C = torch.randn((27, 10), generator=g)
W1 = torch.randn((30, 200), generator=g)
b1 = torch.randn(200, generator=g)
W2 = torch.randn((200, 27), generator=g)
b2 = torch.randn(27, generator=g)
parameters = [C, W1, b1, W2, b2]""",
    "sum(p.nelement() for p in parameters) # number of parameters in total",
    """for p in parameters:
  p.requires_grad = True""",
    """lre = torch.linspace(-3, 0, 1000)
lrs = 10**lre
lrs[:3], lrs[-1]""",
    """lri = []
lossi = []
stepi = []""",
    """for i in range(100):
  
  # minibatch construct
  ix = torch.randint(0, Xtr.shape[0], (32,))
  
  # forward pass
  emb = C[Xtr[ix]] # (32, 3, 10)
  h = torch.tanh(emb.view(-1, 30) @ W1 + b1) # (32, 200)
  logits = h @ W2 + b2 # (32, 27)
  loss = F.cross_entropy(logits, Ytr[ix])
  
  # backward pass
  for p in parameters:
    p.grad = None
  loss.backward()
  
  # update
  lr = 0.1 if i < 70 else 0.01
  for p in parameters:
    p.data += -lr * p.grad

  # track stats
  stepi.append(i)
  lossi.append(loss.log10().item())

print(loss.item())""",
    "torch.tensor(lossi).view(-1, 10).mean(1)",
    """emb = C[Xtr] # (32, 3, 2)
h = torch.tanh(emb.view(-1, 30) @ W1 + b1) # (32, 100)
logits = h @ W2 + b2 # (32, 27)
loss = F.cross_entropy(logits, Ytr)
loss""",
    """emb = C[Xdev] # (32, 3, 2)
h = torch.tanh(emb.view(-1, 30) @ W1 + b1) # (32, 100)
logits = h @ W2 + b2 # (32, 27)
loss = F.cross_entropy(logits, Ydev)
loss""",
    """context = [0] * block_size
C[torch.tensor([context])].shape""",
    """g = torch.Generator().manual_seed(2147483647 + 10)

for _ in range(20):
    
    out = []
    context = [0] * block_size # initialize with all ...
    while True:
      emb = C[torch.tensor([context])] # (1,block_size,d)
      h = torch.tanh(emb.view(1, -1) @ W1 + b1)
      logits = h @ W2 + b2
      probs = F.softmax(logits, dim=1)
      ix = torch.multinomial(probs, num_samples=1, generator=g).item()
      context = context[1:] + [ix]
      out.append(ix)
      if ix == 0:
        break
    
    print(''.join(itos[i] for i in out))""",
]

BIGRAMS = [
    READ,
    "words[:10]",
    "len(words)",
    "min(len(w) for w in words)",
    "max(len(w) for w in words)",
    """b = {}
for w in words:
  chs = ['<S>'] + list(w) + ['<E>']
  for ch1, ch2 in zip(chs, chs[1:]):
    bigram = (ch1, ch2)
    b[bigram] = b.get(bigram, 0) + 1""",
    """for (ch1, ch2), n in sorted(b.items(), key = lambda kv: -kv[1])[:8]:
  print(ch1, ch2, n)""",
    "N = torch.zeros((27, 27), dtype=torch.int32)",
    VOCAB,
    """for w in words:
  chs = ['.'] + list(w) + ['.']
  for ch1, ch2 in zip(chs, chs[1:]):
    ix1 = stoi[ch1]
    ix2 = stoi[ch2]
    N[ix1, ix2] += 1""",
    "N[0]",
    """p = N[0].float()
p = p / p.sum()
p""",
    """g = torch.Generator().manual_seed(2147483647)
ix = torch.multinomial(p, num_samples=1, replacement=True, generator=g).item()
itos[ix]""",
    """g = torch.Generator().manual_seed(2147483647)
p = torch.rand(3, generator=g)
p = p / p.sum()
p""",
    "torch.multinomial(p, num_samples=100, replacement=True, generator=g)",
    "p.shape",
    """P = (N+1).float()
P /= P.sum(1, keepdims=True)""",
    "P.shape",
    "P.sum(1, keepdim=True).shape",
    "P.sum(1).shape",
    """g = torch.Generator().manual_seed(2147483647)

for i in range(5):
  
  out = []
  ix = 0
  while True:
    p = P[ix]
    ix = torch.multinomial(p, num_samples=1, replacement=True, generator=g).item()
    out.append(itos[ix])
    if ix == 0:
      break
  print(''.join(out))""",
    """log_likelihood = 0.0
n = 0

for w in words[:50]:
  chs = ['.'] + list(w) + ['.']
  for ch1, ch2 in zip(chs, chs[1:]):
    ix1 = stoi[ch1]
    ix2 = stoi[ch2]
    prob = P[ix1, ix2]
    logprob = torch.log(prob)
    log_likelihood += logprob
    n += 1

print(f'{log_likelihood=}')
nll = -log_likelihood
print(f'{nll=}')
print(f'{nll/n}')""",
    """xs, ys = [], []

for w in words[:1]:
  chs = ['.'] + list(w) + ['.']
  for ch1, ch2 in zip(chs, chs[1:]):
    ix1 = stoi[ch1]
    ix2 = stoi[ch2]
    print(ch1, ch2)
    xs.append(ix1)
    ys.append(ix2)
    
xs = torch.tensor(xs)
ys = torch.tensor(ys)""",
    "xs",
    "ys",
    """import torch.nn.functional as F
xenc = F.one_hot(xs, num_classes=27).float()
xenc""",
    "xenc.shape",
    "xenc.dtype",
    """W = torch.randn((27, 1))
xenc @ W""",
    """logits = xenc @ W # log-counts
counts = logits.exp() # equivalent N
probs = counts / counts.sum(1, keepdims=True)
probs""",
    "probs[0]",
    "probs[0].shape",
    "probs[0].sum()",
    """g = torch.Generator().manual_seed(2147483647)
W = torch.randn((27, 27), generator=g)""",
    """xenc = F.one_hot(xs, num_classes=27).float() # input to the network: one-hot encoding
logits = xenc @ W # predict log-counts
counts = logits.exp() # counts, equivalent to N
probs = counts / counts.sum(1, keepdims=True) # probabilities for next character""",
    "probs.shape",
    """nlls = torch.zeros(len(xs))
for i in range(len(xs)):
  # i-th bigram:
  x = xs[i].item() # input character index
  y = ys[i].item() # label character index
  print('--------')
  print(f'bigram example {i+1}: {itos[x]}{itos[y]} (indexes {x},{y})')
  print('input to the neural net:', x)
  print('output probabilities from the neural net:', probs[i])
  print('label (actual next character):', y)
  p = probs[i, y]
  print('probability assigned by the net to the the correct character:', p.item())
  logp = torch.log(p)
  print('log likelihood:', logp.item())
  nll = -logp
  print('negative log likelihood:', nll.item())
  nlls[i] = nll

print('=========')
print('average negative log likelihood, i.e. loss =', nlls.mean().item())""",
    """g = torch.Generator().manual_seed(2147483647)
W = torch.randn((27, 27), generator=g, requires_grad=True)""",
    """xenc = F.one_hot(xs, num_classes=27).float() # input to the network: one-hot encoding
logits = xenc @ W # predict log-counts
counts = logits.exp() # counts, equivalent to N
probs = counts / counts.sum(1, keepdims=True) # probabilities for next character
loss = -probs[torch.arange(len(xs)), ys].log().mean()""",
    "print(loss.item())",
    """W.grad = None # set to zero the gradient
loss.backward()""",
    "W.data += -0.1 * W.grad",
    "W[0, :5]",
    """xs, ys = [], []
for w in words:
  chs = ['.'] + list(w) + ['.']
  for ch1, ch2 in zip(chs, chs[1:]):
    ix1 = stoi[ch1]
    ix2 = stoi[ch2]
    xs.append(ix1)
    ys.append(ix2)
xs = torch.tensor(xs)
ys = torch.tensor(ys)
num = xs.nelement()
print('number of examples: ', num)

g = torch.Generator().manual_seed(2147483647)
W = torch.randn((27, 27), generator=g, requires_grad=True)""",
    """for k in range(20):
  
  # forward pass
  xenc = F.one_hot(xs, num_classes=27).float() # input to the network: one-hot encoding
  logits = xenc @ W # predict log-counts
  counts = logits.exp() # counts, equivalent to N
  probs = counts / counts.sum(1, keepdims=True) # probabilities for next character
  loss = -probs[torch.arange(num), ys].log().mean() + 0.01*(W**2).mean()
  print(loss.item())
  
  # backward pass
  W.grad = None # set to zero the gradient
  loss.backward()
  
  # update
  W.data += -50 * W.grad""",
    """g = torch.Generator().manual_seed(2147483647)

for i in range(5):
  
  out = []
  ix = 0
  while True:
    xenc = F.one_hot(torch.tensor([ix]), num_classes=27).float()
    logits = xenc @ W # predict log-counts
    counts = logits.exp() # counts, equivalent to N
    p = counts / counts.sum(1, keepdims=True) # probabilities for next character
    
    ix = torch.multinomial(p, num_samples=1, replacement=True, generator=g).item()
    out.append(itos[ix])
    if ix == 0:
      break
  print(''.join(out))""",
]

if __name__ == "__main__":
    write_names()
    out = {"bigrams": run_cells(BIGRAMS), "mlp": run_cells(MLP)}
    print(write_json(out, "karpathy.json"))
