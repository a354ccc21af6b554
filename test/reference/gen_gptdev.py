"""Fixture for test/tutorials/gptdev_notebook.test.ts: Andrej Karpathy's "Let's build GPT: from scratch,
in code, spelled out" as its scripts run (karpathy/ng-video-lecture: bigram.py, and gpt.py in its later
form, GPTLanguageModel with `self.apply(self._init_weights)`), plus the lecture notebook's data and
self-attention cells on the same text, run on PyTorch 1.13 as IPython runs them: each cell records what
it prints and what Jupyter shows as its value.

tiny shakespeare (input.txt) is not available offline: this script writes gptdev_input.txt, a few KB of
made-up play lines from fixed word lists and a seed; both sides read that file where the lecture opens
input.txt. Sizes are shrunk (the test's header lists them). Each notebook starts from torch.manual_seed(0),
as `torchlab run` seeds a fresh kernel; the scripts reseed with torch.manual_seed(1337) as the lecture does."""
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
INPUT = os.path.join(HERE, "gptdev_input.txt")


def write_input():
    """~4 KB of speeches: a speaker's name and a colon, one or two lines of words, a blank line."""
    rng = random.Random(1337)
    speakers = ["First Citizen", "Second Citizen", "MENENIUS", "CORIOLANUS", "All", "VOLUMNIA", "SICINIUS"]
    words = ["the", "good", "lord", "we", "know", "speak", "hear", "me", "you", "are", "all", "resolved", "rather",
             "to", "die", "than", "famish", "corn", "price", "let", "us", "kill", "him", "city", "people", "noble",
             "what", "is", "not", "my", "thy", "heart", "away", "done", "more", "talking", "Rome", "Caius", "Marcius"]
    parts = []
    while sum(len(p) for p in parts) < 4000:
        lines = []
        for _ in range(rng.randint(1, 2)):
            w = [rng.choice(words) for _ in range(rng.randint(3, 9))]
            w[0] = w[0].capitalize()
            lines.append(" ".join(w) + rng.choice([".", ",", "?", "!", ";", "."]))
        parts.append(rng.choice(speakers) + ":\n" + "\n".join(lines) + "\n\n")
    with open(INPUT, "w") as f:
        f.write("".join(parts))


def show(v):
    """IPython's repr; a tuple as a list, as the port writes `[a, b]`."""
    if type(v) is tuple:
        return pretty(list(v))
    return pretty(v)


def run_cells(cells):
    """Runs cells as IPython does: the last statement, when an expression, is shown (unless None)."""
    torch.manual_seed(0)
    ns = {"__name__": "__main__", "torch": torch, "nn": torch.nn, "F": torch.nn.functional}  # the scripts' imports (torchlab's prelude)
    out = []
    for src in cells:
        src = src.replace("input.txt", INPUT)
        tree = ast.parse(src)
        last = tree.body[-1] if tree.body and isinstance(tree.body[-1], ast.Expr) and not src.rstrip().split("\n")[-1].split("#")[0].rstrip().endswith(";") else None
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


READ = """with open('input.txt', 'r', encoding='utf-8') as f:
    text = f.read()"""

CODEC = """# here are all the unique characters that occur in this text
chars = sorted(list(set(text)))
vocab_size = len(chars)
# create a mapping from characters to integers
stoi = { ch:i for i,ch in enumerate(chars) }
itos = { i:ch for i,ch in enumerate(chars) }
encode = lambda s: [stoi[c] for c in s] # encoder: take a string, output a list of integers
decode = lambda l: ''.join([itos[i] for i in l]) # decoder: take a list of integers, output a string"""

SPLIT = """# Train and test splits
data = torch.tensor(encode(text), dtype=torch.long)
n = int(0.9*len(data)) # first 90% will be train, rest val
train_data = data[:n]
val_data = data[n:]"""

GET_BATCH = """# data loading
def get_batch(split):
    # generate a small batch of data of inputs x and targets y
    data = train_data if split == 'train' else val_data
    ix = torch.randint(len(data) - block_size, (batch_size,))
    x = torch.stack([data[i:i+block_size] for i in ix])
    y = torch.stack([data[i+1:i+block_size+1] for i in ix])
    x, y = x.to(device), y.to(device)
    return x, y"""

ESTIMATE = """@torch.no_grad()
def estimate_loss():
    out = {}
    model.eval()
    for split in ['train', 'val']:
        losses = torch.zeros(eval_iters)
        for k in range(eval_iters):
            X, Y = get_batch(split)
            logits, loss = model(X, Y)
            losses[k] = loss.item()
        out[split] = losses.mean()
    model.train()
    return out"""

TRAIN = """# create a PyTorch optimizer
optimizer = torch.optim.AdamW(model.parameters(), lr=learning_rate)

for iter in range(max_iters):

    # every once in a while evaluate the loss on train and val sets
    if iter % eval_interval == 0 or iter == max_iters - 1:
        losses = estimate_loss()
        print(f"step {iter}: train loss {losses['train']:.4f}, val loss {losses['val']:.4f}")

    # sample a batch of data
    xb, yb = get_batch('train')

    # evaluate the loss
    logits, loss = model(xb, yb)
    optimizer.zero_grad(set_to_none=True)
    loss.backward()
    optimizer.step()"""

GENERATE = """# generate from the model
context = torch.zeros((1, 1), dtype=torch.long, device=device)
print(decode(m.generate(context, max_new_tokens=100)[0].tolist()))"""

# bigram.py: batch 32, block 8, 40 steps (3000) evaluated every 20 (300) over 4 batches (200), 100
# sampled characters (500).
BIGRAM = [
    """# hyperparameters
batch_size = 32 # how many independent sequences will we process in parallel?
block_size = 8 # what is the maximum context length for predictions?
max_iters = 40 # (3000)
eval_interval = 20 # (300)
learning_rate = 1e-2
device = 'cuda' if torch.cuda.is_available() else 'cpu'
eval_iters = 4 # (200)
# ------------

torch.manual_seed(1337)

""" + READ,
    CODEC,
    SPLIT,
    GET_BATCH,
    ESTIMATE,
    """# super simple bigram model
class BigramLanguageModel(nn.Module):

    def __init__(self, vocab_size):
        super().__init__()
        # each token directly reads off the logits for the next token from a lookup table
        self.token_embedding_table = nn.Embedding(vocab_size, vocab_size)

    def forward(self, idx, targets=None):

        # idx and targets are both (B,T) tensor of integers
        logits = self.token_embedding_table(idx) # (B,T,C)

        if targets is None:
            loss = None
        else:
            B, T, C = logits.shape
            loss = F.cross_entropy(logits.view(B*T, C), targets.view(B*T))

        return logits, loss

    def generate(self, idx, max_new_tokens):
        # idx is (B, T) array of indices in the current context
        for _ in range(max_new_tokens):
            # get the predictions
            logits, loss = self(idx)
            # focus only on the last time step
            logits = logits[:, -1, :] # becomes (B, C)
            # apply softmax to get probabilities
            probs = F.softmax(logits, dim=-1) # (B, C)
            # sample from the distribution
            idx_next = torch.multinomial(probs, num_samples=1) # (B, 1)
            # append sampled index to the running sequence
            idx = torch.cat((idx, idx_next), dim=1) # (B, T+1)
        return idx

model = BigramLanguageModel(vocab_size)
m = model.to(device)""",
    TRAIN.replace("iter % eval_interval == 0 or iter == max_iters - 1", "iter % eval_interval == 0"),
    GENERATE,
]

# gpt.py (GPTLanguageModel): batch 8 (64), block 8 (256), 20 steps (5000) evaluated every 10 (500) over
# 2 batches (200), learning rate 1e-3 (3e-4), n_embd 32 (384), 4 heads (6), 2 layers (6), dropout 0.2,
# 100 sampled characters (500).
GPT = [
    """# hyperparameters
batch_size = 8 # how many independent sequences will we process in parallel? (64)
block_size = 8 # what is the maximum context length for predictions? (256)
max_iters = 20 # (5000)
eval_interval = 10 # (500)
learning_rate = 1e-3 # (3e-4)
device = 'cuda' if torch.cuda.is_available() else 'cpu'
eval_iters = 2 # (200)
n_embd = 32 # (384)
n_head = 4 # (6)
n_layer = 2 # (6)
dropout = 0.2
# ------------

torch.manual_seed(1337)

""" + READ,
    CODEC,
    SPLIT,
    GET_BATCH,
    ESTIMATE,
    '''class Head(nn.Module):
    """ one head of self-attention """

    def __init__(self, head_size):
        super().__init__()
        self.key = nn.Linear(n_embd, head_size, bias=False)
        self.query = nn.Linear(n_embd, head_size, bias=False)
        self.value = nn.Linear(n_embd, head_size, bias=False)
        self.register_buffer('tril', torch.tril(torch.ones(block_size, block_size)))

        self.dropout = nn.Dropout(dropout)

    def forward(self, x):
        # input of size (batch, time-step, channels)
        # output of size (batch, time-step, head size)
        B,T,C = x.shape
        k = self.key(x)   # (B,T,hs)
        q = self.query(x) # (B,T,hs)
        # compute attention scores ("affinities")
        wei = q @ k.transpose(-2,-1) * k.shape[-1]**-0.5 # (B, T, hs) @ (B, hs, T) -> (B, T, T)
        wei = wei.masked_fill(self.tril[:T, :T] == 0, float('-inf')) # (B, T, T)
        wei = F.softmax(wei, dim=-1) # (B, T, T)
        wei = self.dropout(wei)
        # perform the weighted aggregation of the values
        v = self.value(x) # (B,T,hs)
        out = wei @ v # (B, T, T) @ (B, T, hs) -> (B, T, hs)
        return out

class MultiHeadAttention(nn.Module):
    """ multiple heads of self-attention in parallel """

    def __init__(self, num_heads, head_size):
        super().__init__()
        self.heads = nn.ModuleList([Head(head_size) for _ in range(num_heads)])
        self.proj = nn.Linear(head_size * num_heads, n_embd)
        self.dropout = nn.Dropout(dropout)

    def forward(self, x):
        out = torch.cat([h(x) for h in self.heads], dim=-1)
        out = self.dropout(self.proj(out))
        return out

class FeedFoward(nn.Module):
    """ a simple linear layer followed by a non-linearity """

    def __init__(self, n_embd):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(n_embd, 4 * n_embd),
            nn.ReLU(),
            nn.Linear(4 * n_embd, n_embd),
            nn.Dropout(dropout),
        )

    def forward(self, x):
        return self.net(x)

class Block(nn.Module):
    """ Transformer block: communication followed by computation """

    def __init__(self, n_embd, n_head):
        # n_embd: embedding dimension, n_head: the number of heads we'd like
        super().__init__()
        head_size = n_embd // n_head
        self.sa = MultiHeadAttention(n_head, head_size)
        self.ffwd = FeedFoward(n_embd)
        self.ln1 = nn.LayerNorm(n_embd)
        self.ln2 = nn.LayerNorm(n_embd)

    def forward(self, x):
        x = x + self.sa(self.ln1(x))
        x = x + self.ffwd(self.ln2(x))
        return x''',
    """class GPTLanguageModel(nn.Module):

    def __init__(self):
        super().__init__()
        # each token directly reads off the logits for the next token from a lookup table
        self.token_embedding_table = nn.Embedding(vocab_size, n_embd)
        self.position_embedding_table = nn.Embedding(block_size, n_embd)
        self.blocks = nn.Sequential(*[Block(n_embd, n_head=n_head) for _ in range(n_layer)])
        self.ln_f = nn.LayerNorm(n_embd) # final layer norm
        self.lm_head = nn.Linear(n_embd, vocab_size)

        # better init, not covered in the original GPT video, but important, will cover in followup video
        self.apply(self._init_weights)

    def _init_weights(self, module):
        if isinstance(module, nn.Linear):
            torch.nn.init.normal_(module.weight, mean=0.0, std=0.02)
            if module.bias is not None:
                torch.nn.init.zeros_(module.bias)
        elif isinstance(module, nn.Embedding):
            torch.nn.init.normal_(module.weight, mean=0.0, std=0.02)

    def forward(self, idx, targets=None):
        B, T = idx.shape

        # idx and targets are both (B,T) tensor of integers
        tok_emb = self.token_embedding_table(idx) # (B,T,C)
        pos_emb = self.position_embedding_table(torch.arange(T, device=device)) # (T,C)
        x = tok_emb + pos_emb # (B,T,C)
        x = self.blocks(x) # (B,T,C)
        x = self.ln_f(x) # (B,T,C)
        logits = self.lm_head(x) # (B,T,vocab_size)

        if targets is None:
            loss = None
        else:
            B, T, C = logits.shape
            logits = logits.view(B*T, C)
            targets = targets.view(B*T)
            loss = F.cross_entropy(logits, targets)

        return logits, loss

    def generate(self, idx, max_new_tokens):
        # idx is (B, T) array of indices in the current context
        for _ in range(max_new_tokens):
            # crop idx to the last block_size tokens
            idx_cond = idx[:, -block_size:]
            # get the predictions
            logits, loss = self(idx_cond)
            # focus only on the last time step
            logits = logits[:, -1, :] # becomes (B, C)
            # apply softmax to get probabilities
            probs = F.softmax(logits, dim=-1) # (B, C)
            # sample from the distribution
            idx_next = torch.multinomial(probs, num_samples=1) # (B, 1)
            # append sampled index to the running sequence
            idx = torch.cat((idx, idx_next), dim=1) # (B, T+1)
        return idx

model = GPTLanguageModel()
m = model.to(device)
# print the number of parameters in the model
print(sum(p.numel() for p in m.parameters())/1e6, 'M parameters')""",
    # What the init did, in the video's terms: every Linear / Embedding weight ~N(0, 0.02), biases zero.
    """print(m.lm_head.weight.std().item() < 0.03, m.lm_head.bias.abs().sum().item(), m.blocks[0].ln1.weight.sum().item())
print(m.token_embedding_table.weight[0, :4])""",
    TRAIN,
    GENERATE,
]

# Sasha Rush's Tensor Puzzles (srush/Tensor-Puzzles): each puzzle's spec as the puzzles write it (Python
# loops filling `out`), a one-line broadcasting solution using only arange, where, @, arithmetic,
# comparison, shape, indexing and earlier puzzles, and a check in the spirit of the puzzles' make_test:
# seeded random inputs (torch.randint on both sides, so both draw the same examples), the solution's
# result printed and compared with the spec's `out`.
PUZZLES = [
    '''def arange(i: int):
    "Use this function to replace a for-loop."
    return torch.tensor(range(i))

def where(q, a, b):
    "Use this statement to replace an if-statement."
    return (q * a) + (~q) * b

def size():
    return int(torch.randint(1, 6, ()))

def values(*shape):
    return torch.randint(-5, 5, shape)

def run_test(name, fn, spec, draw, trials=3):
    torch.manual_seed(1)
    for _ in range(trials):
        args, sizes, out = draw()
        spec(*args, out)
        got = fn(*args, *sizes)
        print(name, [a.tolist() for a in args], sizes, got.tolist(), torch.equal(got, out))

print(arange(5), where(arange(4) > 1, arange(4), -1))''',
    '''def ones_spec(out):
    for i in range(len(out)):
        out[i] = 1

def ones(i: int):
    return where(arange(i) >= 0, 1, 0)

def draw():
    i = size()
    return [], [i], torch.zeros(i, dtype=torch.long)

run_test("ones", ones, ones_spec, draw)''',
    '''def sum_spec(a, out):
    out[0] = 0
    for i in range(len(a)):
        out[0] += a[i]

def sum(a):
    return ones(a.shape[0]) @ a[:, None]

def draw():
    return [values(size())], [], torch.zeros(1, dtype=torch.long)

run_test("sum", sum, sum_spec, draw)''',
    '''def outer_spec(a, b, out):
    for i in range(len(out)):
        for j in range(len(out[0])):
            out[i][j] = a[i] * b[j]

def outer(a, b):
    return a[:, None] * b[None, :]

def draw():
    i, j = size(), size()
    return [values(i), values(j)], [], torch.zeros(i, j, dtype=torch.long)

run_test("outer", outer, outer_spec, draw)''',
    '''def diag_spec(a, out):
    for i in range(len(a)):
        out[i] = a[i][i]

def diag(a):
    return a[arange(a.shape[0]), arange(a.shape[0])]

def draw():
    i = size()
    return [values(i, i)], [], torch.zeros(i, dtype=torch.long)

run_test("diag", diag, diag_spec, draw)''',
    '''def eye_spec(out):
    for i in range(len(out)):
        out[i][i] = 1

def eye(j: int):
    return where(arange(j)[:, None] == arange(j), 1, 0)

def draw():
    j = size()
    return [], [j], torch.zeros(j, j, dtype=torch.long)

run_test("eye", eye, eye_spec, draw)''',
    '''def triu_spec(out):
    for i in range(len(out)):
        for j in range(len(out)):
            if i <= j:
                out[i][j] = 1
            else:
                out[i][j] = 0

def triu(j: int):
    return where(arange(j)[:, None] <= arange(j), 1, 0)

def draw():
    j = size()
    return [], [j], torch.zeros(j, j, dtype=torch.long)

run_test("triu", triu, triu_spec, draw)''',
    '''def cumsum_spec(a, out):
    total = 0
    for i in range(len(out)):
        out[i] = total + a[i]
        total += a[i]

def cumsum(a):
    return a @ triu(a.shape[0])

def draw():
    i = size()
    return [values(i)], [], torch.zeros(i, dtype=torch.long)

run_test("cumsum", cumsum, cumsum_spec, draw)''',
    '''def diff_spec(a, out):
    out[0] = a[0]
    for i in range(1, len(out)):
        out[i] = a[i] - a[i - 1]

def diff(a, i: int):
    return a - where(arange(i) > 0, a[arange(i) - 1], 0)

def draw():
    i = size()
    return [values(i)], [i], torch.zeros(i, dtype=torch.long)

run_test("diff", diff, diff_spec, draw)''',
    '''def vstack_spec(a, b, out):
    for i in range(len(out[0])):
        out[0][i] = a[i]
        out[1][i] = b[i]

def vstack(a, b):
    return where(arange(2)[:, None] == 0, a, b)

def draw():
    i = size()
    return [values(i), values(i)], [], torch.zeros(2, i, dtype=torch.long)

run_test("vstack", vstack, vstack_spec, draw)''',
    '''def roll_spec(a, out):
    for i in range(len(out)):
        if i + 1 < len(out):
            out[i] = a[i + 1]
        else:
            out[i] = a[i + 1 - len(out)]

def roll(a, i: int):
    return a[(arange(i) + 1) % i]

def draw():
    i = size()
    return [values(i)], [i], torch.zeros(i, dtype=torch.long)

run_test("roll", roll, roll_spec, draw)''',
    '''def flip_spec(a, out):
    for i in range(len(out)):
        out[i] = a[len(out) - i - 1]

def flip(a, i: int):
    return a[i - arange(i) - 1]

def draw():
    i = size()
    return [values(i)], [i], torch.zeros(i, dtype=torch.long)

run_test("flip", flip, flip_spec, draw)''',
    '''def compress_spec(g, v, out):
    j = 0
    for i in range(len(g)):
        if g[i]:
            out[j] = v[i]
            j += 1

def compress(g, v, i: int):
    return v @ where(g[:, None], arange(i) == (cumsum(1 * g) - 1)[:, None], 0)

def draw():
    i = size()
    return [values(i) >= 0, values(i)], [i], torch.zeros(i, dtype=torch.long)

run_test("compress", compress, compress_spec, draw)''',
    '''def pad_to_spec(a, out):
    for i in range(min(len(out), len(a))):
        out[i] = a[i]

def pad_to(a, i: int, j: int):
    return a @ (1 * (arange(i)[:, None] == arange(j)))

def draw():
    i, j = size(), size()
    return [values(i)], [i, j], torch.zeros(j, dtype=torch.long)

run_test("pad_to", pad_to, pad_to_spec, draw)''',
    '''def sequence_mask_spec(values, length, out):
    for i in range(len(out)):
        for j in range(len(out[0])):
            if j < length[i]:
                out[i][j] = values[i][j]
            else:
                out[i][j] = 0

def sequence_mask(values, length):
    return where(length[:, None] > arange(values.shape[1]), values, 0)

def draw():
    i, j = size(), size()
    return [values(i, j), values(i) % j], [], torch.zeros(i, j, dtype=torch.long)

run_test("sequence_mask", sequence_mask, sequence_mask_spec, draw)''',
    '''def bincount_spec(a, out):
    for i in range(len(a)):
        out[a[i]] += 1

def bincount(a, j: int):
    return ones(a.shape[0]) @ eye(j)[a]

def draw():
    i, j = size(), size()
    return [values(i) % j], [j], torch.zeros(j, dtype=torch.long)

run_test("bincount", bincount, bincount_spec, draw)''',
    '''def scatter_add_spec(values, link, out):
    for j in range(len(values)):
        out[link[j]] += values[j]

def scatter_add(values, link, j: int):
    return values @ eye(j)[link]

def draw():
    i, j = size(), size()
    return [values(i), values(i) % j], [j], torch.zeros(j, dtype=torch.long)

run_test("scatter_add", scatter_add, scatter_add_spec, draw)''',
]

if __name__ == "__main__":
    write_input()
    out = {"bigram": run_cells(BIGRAM), "gpt": run_cells(GPT), "puzzles": run_cells(PUZZLES)}
    print(write_json(out, "gptdev.json"))
