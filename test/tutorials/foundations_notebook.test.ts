/**
 * Two "from the foundations" notebooks that stress raw tensor semantics, ported cell by cell in the
 * notebook dialect and run as one notebook through `torchlab run`; what each cell prints and shows must
 * be PyTorch 1.13's (test/reference/gen_foundations.py, foundations.json).
 *
 * backprop: Andrej Karpathy's makemore part 4, "Becoming a backprop ninja" (karpathy/nn-zero-to-hero,
 * lectures/makemore/makemore_part4_backprop.ipynb), on karpathy_names.txt (the stand-in for names.txt
 * that gen_karpathy.py writes, shuffled as karpathy_notebook.test.ts does). The forward pass chopped into
 * atoms, every manual gradient checked by `cmp` against `.grad` after `retain_grad()`, the fused
 * cross-entropy and batchnorm backward, and the training loop with the manual backward under no_grad.
 * The `exact` / `approximate` verdicts must be PyTorch's, and each maxdiff within 1e-8 of PyTorch's
 * (an exact gradient's maxdiff is 0 on both sides). Shrunk: 20 training steps (learning-rate decay at
 * step 15, printing every 10) instead of 200000, and 5 sampled names instead of 20.
 * fastbook: fast.ai's fastbook chapter 17, "A Neural Net from the Foundations" (fastai/fastbook,
 * 17_foundations.ipynb): the Python-loop matmul multiplies [5, 8] by [8, 10] (the book: [5, 784] by
 * [784, 10]), each later matmul is checked against `m1 @ m2`, and the course's `a[i,:,None]` variant
 * is added. Then broadcasting, einsum, the init experiments, the forward / backward by hand with
 * gradients stored as `.g` attributes on tensors (checked against autograd), the Relu / Lin / Mse /
 * Model classes, LayerFunction, the MyRelu autograd Function, LinearLayer(nn.Module), and the course's
 * nn.Module from scratch (fastbook chapter 19's `Module` with `__setattr__`, used by ConvLayer,
 * Linear and Sequential).
 * Left out: %time / %timeit (timings), `t.storage()`, the SymPy sidebar, fastai's own `Module` and the
 * markdown-only code.
 * Written differently:
 * - Python's `inp.g = ...` on a tensor is written as is: a Tensor takes attributes a cell assigns, as a
 *   Python object does (the untyped function parameters of the book, and `w1.g` read back, typed any).
 * - `t.stride(), t.shape` (a tuple) is the list `[t.stride(), t.shape]`; stride() is a tuple, as Python's.
 * - `assert ac==br` is `if (ac != br) throw ...`; `for l in reversed(self.layers)` is
 *   `[...this.layers].reverse()`; `from math import sqrt` is `const sqrt = Math.sqrt`; a Python
 *   lambda passed to `err` is an arrow function; `*args` is `...args`; `i, = ctx.saved_tensors` is
 *   `const [i] = ctx.saved_tensors`; `@staticmethod` is `static`.
 * - The from-scratch `Module` overrides `__setattr__`: a JavaScript class cannot, so its constructor
 *   returns a Proxy whose `set` trap calls `__setattr__`, which stores the value as
 *   `super().__setattr__` does and registers a Parameter or Module as the course's does; every
 *   assignment in a subclass's constructor goes through it, as in Python. `Parameter` is nn.Parameter
 *   (the course's Tensor subclass made with `_make_subclass`), `self.hook` a field, `**kwargs` left
 *   out; the `training` property is a get / set pair.
 * - `with torch.no_grad():` is `torch.no_grad(() => {...})` and `@torch.no_grad()` a wrapped arrow
 *   function (karpathy_notebook.test.ts); `p.grad = None` is `p.grad = null`; the dict of tuples is an
 *   object of arrays; `''.join(itos[i] for i in out)` maps through the Map.
 * Divergences this port found, fixed:
 * - `logprobs[range(n), Yb]` did not compile (a Python range was not taken as a list item of a tuple
 *   index; kernel/rewrite.ts).
 * - `(-counts_sum**-2)` ran as `(-counts_sum)**-2`, the opposite sign: TypeScript parses `-a ** b`
 *   that way, Python as `-(a ** b)` (kernel/rewrite.ts); `cmp('counts_sum', ...)` was off by 0.0087.
 * - `logit_maxes` and every gradient before it were `exact: False` where PyTorch's are exact: the
 *   gradient of a broadcast operand was summed in tfjs's order, a hand-written `.sum(1, keepdim=True)`
 *   in PyTorch's (src/ops/_core.ts's sumTo now sums as a forward sum does).
 * - `hpreact` and every gradient below it were `exact: True` where PyTorch 1.13 says False (maxdiff
 *   ~5e-10): PyTorch's tanh backward rounds `1 - y*y` once (an FMA in its AVX2 build), the written
 *   `(1.0 - h**2) * dh` twice; torchlab's tanh backward now rounds as PyTorch's does
 *   (src/backend/math_kernels.ts).
 * - `tensor([10., 6, -4])` after `const tensor = torch.tensor` was an int64 tensor; `w1.g` (an
 *   attribute set on a tensor) did not compile (kernel/rewrite.ts).
 */
import * as fs from "fs";
import * as path from "path";
import { cellsOf, sectionsForSuite, type CellOutput } from "./_notebooks";
import { expectSamePrint, expectSamePrintedCell } from "./_tutorial";

const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "foundations.json"), "utf8")) as Record<string, CellOutput[]>;
const NAMES = path.join(__dirname, "..", "reference", "karpathy_names.txt");

const BUILD = `function build_dataset(words: string[]): [torch.Tensor, torch.Tensor] {
  let X: any = [], Y: any = [];
  for (const w of words) {

    let context = Array(block_size).fill(0);
    for (const ch of w + '.') {
      const ix = stoi[ch];
      X.push(context);
      Y.push(ix);
      context = [...context.slice(1), ix]; // crop and append
    }
  }
  X = torch.tensor(X);
  Y = torch.tensor(Y);
  print(X.shape, Y.shape);
  return [X, Y];
}

torch.manual_seed(42);
words = (torch.randperm(len(words)).tolist() as number[]).map((i) => words[i]);
const n1 = int(0.8*len(words));
const n2 = int(0.9*len(words));

let [Xtr, Ytr] = build_dataset(words.slice(0, n1));
let [Xdev, Ydev] = build_dataset(words.slice(n1, n2));
let [Xte, Yte] = build_dataset(words.slice(n2));`;

const INIT = (n_hidden: number) => `n_embd = 10; // the dimensionality of the character embedding vectors
n_hidden = ${n_hidden}; // the number of neurons in the hidden layer of the MLP

g = torch.Generator().manual_seed(2147483647); // for reproducibility
C  = torch.randn([vocab_size, n_embd],            generator=g);
// Layer 1
W1 = torch.randn([n_embd * block_size, n_hidden], generator=g) * (5/3)/((n_embd * block_size)**0.5);
b1 = torch.randn(n_hidden,                        generator=g) * 0.1; // using b1 just for fun, it's useless because of BN
// Layer 2
W2 = torch.randn([n_hidden, vocab_size],          generator=g) * 0.1;
b2 = torch.randn(vocab_size,                      generator=g) * 0.1;
// BatchNorm parameters
bngain = torch.randn([1, n_hidden])*0.1 + 1.0;
bnbias = torch.randn([1, n_hidden])*0.1;

parameters = [C, W1, b1, W2, b2, bngain, bnbias];
print(sum(parameters.map((p) => p.nelement()))); // number of parameters in total
for (const p of parameters) {
  p.requires_grad = true;
}`;

const BACKPROP = [
  `let words = open('names.txt', 'r').read().splitlines();
print(len(words));
print(max(words.map((w) => len(w))));
print(words.slice(0, 8));`,
  `const chars = sorted(list(new Set(words.join(''))));
const stoi: Record<string, number> = Object.fromEntries(list(enumerate(chars)).map(([i, s]) => [s, i + 1]));
stoi['.'] = 0;
const itos = new Map(Object.entries(stoi).map(([s, i]) => [i, s]));
const vocab_size = itos.size;
print(itos);
print(vocab_size);`,
  `const block_size = 3; // context length: how many characters do we take to predict the next one?

${BUILD}`,
  `function cmp(s: string, dt: torch.Tensor, t: torch.Tensor) {
  const ex = torch.all(dt == t.grad).item();
  const app = torch.allclose(dt, t.grad);
  const maxdiff = (dt - t.grad).abs().max().item();
  const shape_ok = dt.shape == t.shape;
  print(\`\${s:15s} | exact: \${str(ex):5s} | approximate: \${str(app):5s} | maxdiff: \${maxdiff} | shape is correct: \${shape_ok}\`);
}`,
  `let n_embd: number, n_hidden: number, g: torch.Generator;
let C: torch.Tensor, W1: torch.Tensor, b1: torch.Tensor, W2: torch.Tensor, b2: torch.Tensor, bngain: torch.Tensor, bnbias: torch.Tensor;
let parameters: torch.Tensor[];
${INIT(64)}`,
  `let batch_size = 32;
let n = batch_size; // a shorter variable also, for convenience
// construct a minibatch
let ix = torch.randint(0, Xtr.shape[0], [batch_size], generator=g);
let [Xb, Yb] = [Xtr[ix], Ytr[ix]]; // batch X,Y`,
  `let emb = C[Xb]; // embed the characters into vectors
let embcat = emb.view(emb.shape[0], -1); // concatenate the vectors
// Linear layer 1
let hprebn = embcat @ W1 + b1; // hidden layer pre-activation
// BatchNorm layer
const bnmeani = 1/n*hprebn.sum(0, keepdim=true);
const bndiff = hprebn - bnmeani;
const bndiff2 = bndiff**2;
let bnvar = 1/(n-1)*(bndiff2).sum(0, keepdim=true); // note: Bessel's correction (dividing by n-1, not n)
let bnvar_inv = (bnvar + 1e-5)**-0.5;
let bnraw = bndiff * bnvar_inv;
let hpreact = bngain * bnraw + bnbias;
// Non-linearity
let h = torch.tanh(hpreact); // hidden layer
// Linear layer 2
let logits = h @ W2 + b2; // output layer
// cross entropy loss (same as F.cross_entropy(logits, Yb))
const logit_maxes = logits.max(1, keepdim=true).values;
const norm_logits = logits - logit_maxes; // subtract max for numerical stability
const counts = norm_logits.exp();
const counts_sum = counts.sum(1, keepdims=true);
const counts_sum_inv = counts_sum**-1; // if I use (1.0 / counts_sum) instead then I can't get backprop to be bit exact...
let probs = counts * counts_sum_inv;
const logprobs = probs.log();
let loss = -logprobs[range(n), Yb].mean();

// PyTorch backward pass
for (const p of parameters) {
  p.grad = null;
}
for (const t of [logprobs, probs, counts, counts_sum, counts_sum_inv, // afaik there is no cleaner way
          norm_logits, logit_maxes, logits, h, hpreact, bnraw,
         bnvar_inv, bnvar, bndiff2, bndiff, hprebn, bnmeani,
         embcat, emb]) {
  t.retain_grad();
}
loss.backward();
loss`,
  `const dlogprobs = torch.zeros_like(logprobs);
dlogprobs[range(n), Yb] = -1.0/n;
const dprobs = (1.0 / probs) * dlogprobs;
const dcounts_sum_inv = (counts * dprobs).sum(1, keepdim=true);
const dcounts = counts_sum_inv * dprobs;
const dcounts_sum = (-counts_sum**-2) * dcounts_sum_inv;
dcounts += torch.ones_like(counts) * dcounts_sum;
const dnorm_logits = counts * dcounts;
let dlogits = dnorm_logits.clone();
const dlogit_maxes = (-dnorm_logits).sum(1, keepdim=true);
dlogits += F.one_hot(logits.max(1).indices, num_classes=logits.shape[1]) * dlogit_maxes;
let dh = dlogits @ W2.T;
let dW2 = h.T @ dlogits;
let db2 = dlogits.sum(0);
let dhpreact = (1.0 - h**2) * dh;
let dbngain = (bnraw * dhpreact).sum(0, keepdim=true);
const dbnraw = bngain * dhpreact;
let dbnbias = dhpreact.sum(0, keepdim=true);
const dbndiff = bnvar_inv * dbnraw;
const dbnvar_inv = (bndiff * dbnraw).sum(0, keepdim=true);
const dbnvar = (-0.5*(bnvar + 1e-5)**-1.5) * dbnvar_inv;
const dbndiff2 = (1.0/(n-1))*torch.ones_like(bndiff2) * dbnvar;
dbndiff += (2*bndiff) * dbndiff2;
let dhprebn = dbndiff.clone();
const dbnmeani = (-dbndiff).sum(0);
dhprebn += 1.0/n * (torch.ones_like(hprebn) * dbnmeani);
let dembcat = dhprebn @ W1.T;
let dW1 = embcat.T @ dhprebn;
let db1 = dhprebn.sum(0);
let demb = dembcat.view(emb.shape);
let dC = torch.zeros_like(C);
for (const k of range(Xb.shape[0])) {
  for (const j of range(Xb.shape[1])) {
    const ix = Xb[k,j];
    dC[ix] += demb[k,j];
  }
}

cmp('logprobs', dlogprobs, logprobs);
cmp('probs', dprobs, probs);
cmp('counts_sum_inv', dcounts_sum_inv, counts_sum_inv);
cmp('counts_sum', dcounts_sum, counts_sum);
cmp('counts', dcounts, counts);
cmp('norm_logits', dnorm_logits, norm_logits);
cmp('logit_maxes', dlogit_maxes, logit_maxes);
cmp('logits', dlogits, logits);
cmp('h', dh, h);
cmp('W2', dW2, W2);
cmp('b2', db2, b2);
cmp('hpreact', dhpreact, hpreact);
cmp('bngain', dbngain, bngain);
cmp('bnbias', dbnbias, bnbias);
cmp('bnraw', dbnraw, bnraw);
cmp('bnvar_inv', dbnvar_inv, bnvar_inv);
cmp('bnvar', dbnvar, bnvar);
cmp('bndiff2', dbndiff2, bndiff2);
cmp('bndiff', dbndiff, bndiff);
cmp('bnmeani', dbnmeani, bnmeani);
cmp('hprebn', dhprebn, hprebn);
cmp('embcat', dembcat, embcat);
cmp('W1', dW1, W1);
cmp('b1', db1, b1);
cmp('emb', demb, emb);
cmp('C', dC, C);`,
  `const loss_fast = F.cross_entropy(logits, Yb);
print(loss_fast.item(), 'diff:', (loss_fast - loss).item());`,
  `dlogits = F.softmax(logits, 1);
dlogits[range(n), Yb] -= 1;
dlogits /= n;

cmp('logits', dlogits, logits); // I can only get approximate to be true, my maxdiff is 6e-9`,
  `[logits.shape, Yb.shape]`,
  `F.softmax(logits, 1)[0]`,
  `dlogits[0] * n`,
  `dlogits[0].sum()`,
  `const hpreact_fast = bngain * (hprebn - hprebn.mean(0, keepdim=true)) / torch.sqrt(hprebn.var(0, keepdim=true, unbiased=true) + 1e-5) + bnbias;
print('max diff:', (hpreact_fast - hpreact).abs().max());`,
  `dhprebn = bngain*bnvar_inv/n * (n*dhpreact - dhpreact.sum(0) - n/(n-1)*bnraw*(dhpreact*bnraw).sum(0));

cmp('hprebn', dhprebn, hprebn); // I can only get approximate to be true, my maxdiff is 9e-10`,
  `[dhprebn.shape, bngain.shape, bnvar_inv.shape, dbnraw.shape, dbnraw.sum(0).shape]`,
  `${INIT(200)}

// same optimization as last time
const max_steps = 20;
batch_size = 32;
n = batch_size; // convenience
const lossi: number[] = [];

// use this context manager for efficiency once your backward pass is written (TODO)
torch.no_grad(() => {

  // kick off optimization
  for (const i of range(max_steps)) {

    // minibatch construct
    const ix = torch.randint(0, Xtr.shape[0], [batch_size], generator=g);
    [Xb, Yb] = [Xtr[ix], Ytr[ix]]; // batch X,Y

    // forward pass
    emb = C[Xb]; // embed the characters into vectors
    embcat = emb.view(emb.shape[0], -1); // concatenate the vectors
    // Linear layer
    hprebn = embcat @ W1 + b1; // hidden layer pre-activation
    // BatchNorm layer
    // -------------------------------------------------------------
    const bnmean = hprebn.mean(0, keepdim=true);
    bnvar = hprebn.var(0, keepdim=true, unbiased=true);
    bnvar_inv = (bnvar + 1e-5)**-0.5;
    bnraw = (hprebn - bnmean) * bnvar_inv;
    hpreact = bngain * bnraw + bnbias;
    // -------------------------------------------------------------
    // Non-linearity
    h = torch.tanh(hpreact); // hidden layer
    logits = h @ W2 + b2; // output layer
    loss = F.cross_entropy(logits, Yb); // loss function

    // backward pass
    for (const p of parameters) {
      p.grad = null;
    }

    // manual backprop! #swole_doge_meme
    // -----------------
    dlogits = F.softmax(logits, 1);
    dlogits[range(n), Yb] -= 1;
    dlogits /= n;
    // 2nd layer backprop
    dh = dlogits @ W2.T;
    dW2 = h.T @ dlogits;
    db2 = dlogits.sum(0);
    // tanh
    dhpreact = (1.0 - h**2) * dh;
    // batchnorm backprop
    dbngain = (bnraw * dhpreact).sum(0, keepdim=true);
    dbnbias = dhpreact.sum(0, keepdim=true);
    dhprebn = bngain*bnvar_inv/n * (n*dhpreact - dhpreact.sum(0) - n/(n-1)*bnraw*(dhpreact*bnraw).sum(0));
    // 1st layer
    dembcat = dhprebn @ W1.T;
    dW1 = embcat.T @ dhprebn;
    db1 = dhprebn.sum(0);
    // embedding
    demb = dembcat.view(emb.shape);
    dC = torch.zeros_like(C);
    for (const k of range(Xb.shape[0])) {
      for (const j of range(Xb.shape[1])) {
        const ix = Xb[k,j];
        dC[ix] += demb[k,j];
      }
    }
    const grads = [dC, dW1, db1, dW2, db2, dbngain, dbnbias];
    // -----------------

    // update
    const lr = i < 15 ? 0.1 : 0.01; // step learning rate decay
    for (const [p, grad] of zip(parameters, grads)) {
      p.data += -lr * grad; // new way of swole doge TODO: enable
    }

    // track stats
    if (i % 10 == 0) { // print every once in a while
      print(\`\${i:7d}/\${max_steps:7d}: \${loss.item():.4f}\`);
    }
    lossi.push(loss.log10().item());
  }
});`,
  `let bnmean: torch.Tensor;
torch.no_grad(() => {
  // pass the training set through
  emb = C[Xtr];
  embcat = emb.view(emb.shape[0], -1);
  hpreact = embcat @ W1 + b1;
  // measure the mean/std over the entire training set
  bnmean = hpreact.mean(0, keepdim=true);
  bnvar = hpreact.var(0, keepdim=true, unbiased=true);
});`,
  `const split_loss = torch.no_grad()((split: 'train' | 'val' | 'test') => { // this decorator disables gradient tracking
  const [x, y] = {
    'train': [Xtr, Ytr],
    'val': [Xdev, Ydev],
    'test': [Xte, Yte],
  }[split];
  const emb = C[x]; // (N, block_size, n_embd)
  const embcat = emb.view(emb.shape[0], -1); // concat into (N, block_size * n_embd)
  let hpreact = embcat @ W1 + b1;
  hpreact = bngain * (hpreact - bnmean) * (bnvar + 1e-5)**-0.5 + bnbias;
  const h = torch.tanh(hpreact); // (N, n_hidden)
  const logits = h @ W2 + b2; // (N, vocab_size)
  const loss = F.cross_entropy(logits, y);
  print(split, loss.item());
});

split_loss('train');
split_loss('val');`,
  `g = torch.Generator().manual_seed(2147483647 + 10);

for (const _ of range(5)) {

    const out: number[] = [];
    let context = Array(block_size).fill(0); // initialize with all ...
    while (true) {
      // forward pass:
      // Embedding
      const emb = C[torch.tensor([context])]; // (1,block_size,d)
      const embcat = emb.view(emb.shape[0], -1); // concat into (N, block_size * n_embd)
      let hpreact = embcat @ W1 + b1;
      hpreact = bngain * (hpreact - bnmean) * (bnvar + 1e-5)**-0.5 + bnbias;
      const h = torch.tanh(hpreact); // (N, n_hidden)
      const logits = h @ W2 + b2; // (N, vocab_size)
      // Sample
      const probs = F.softmax(logits, dim=1);
      const ix = torch.multinomial(probs, num_samples=1, generator=g).item();
      context = [...context.slice(1), ix];
      out.push(ix);
      if (ix == 0) {
        break;
      }
    }

    print(out.map((i) => itos.get(i)).join(''));
}`,
];

/** `t3 = matmul(m1,m2)` and whether it is `m1 @ m2` (the book times it instead). */
const CHECK = (t: string) => `${t}\nprint((${/(\w+) =/.exec(t)?.[1]} - t2).abs().max() < 1e-5);`;

const FASTBOOK = [
  `const tensor = torch.tensor;
const sqrt = Math.sqrt;
function err(f: () => unknown) {
  try { f(); print("no error"); } catch (e) { print(\`ERR \${e instanceof torch.RuntimeError ? "RuntimeError" : (e as Error).name}: \${(e as Error).message}\`); }
}`,
  `function matmul(a: torch.Tensor, b: torch.Tensor) {
    const [ar,ac] = a.shape; // n_rows * n_cols
    const [br,bc] = b.shape;
    if (ac != br) throw new Error("AssertionError");
    const c = torch.zeros(ar, bc);
    for (const i of range(ar)) {
        for (const j of range(bc)) {
            for (const k of range(ac)) c[i,j] += a[i,k] * b[k,j];
        }
    }
    return c;
}`,
  `const m1 = torch.randn(5,8);
const m2 = torch.randn(8,10);`,
  `const t1=matmul(m1, m2);
t1[':2']`,
  `const t2=m1@m2;
print((t1 - t2).abs().max() < 1e-5);`,
  `let a = tensor([10., 6, -4]);
let b = tensor([2., 8, 7]);
a + b`,
  `a < b`,
  `[(a < b).all(), (a==b).all()]`,
  `(a + b).mean().item()`,
  `let m = tensor([[1., 2, 3], [4,5,6], [7,8,9]]);
m*m`,
  `const n = tensor([[1., 2, 3], [4,5,6]]);
err(() => m*n);`,
  `function matmul(a: torch.Tensor, b: torch.Tensor) {
    const [ar,ac] = a.shape;
    const [br,bc] = b.shape;
    if (ac != br) throw new Error("AssertionError");
    const c = torch.zeros(ar, bc);
    for (const i of range(ar)) {
        for (const j of range(bc)) c[i,j] = (a[i] * b[':',j]).sum();
    }
    return c;
}`,
  CHECK("const t3 = matmul(m1,m2);"),
  `a = tensor([10., 6, -4]);
a > 0`,
  `m = tensor([[1., 2, 3], [4,5,6], [7,8,9]]);
(m - 5) / 2.73`,
  `let c = tensor([10.,20,30]);
m = tensor([[1., 2, 3], [4,5,6], [7,8,9]]);
[m.shape,c.shape]`,
  `m + c`,
  `c.expand_as(m)`,
  `let t = c.expand_as(m);
[t.stride(), t.shape]`,
  `c + m`,
  `c = tensor([10.,20,30]);
m = tensor([[1., 2, 3], [4,5,6]]);
c+m`,
  `c = tensor([10.,20]);
m = tensor([[1., 2, 3], [4,5,6]]);
err(() => c+m);`,
  `c = tensor([10.,20,30]);
m = tensor([[1., 2, 3], [4,5,6], [7,8,9]]);
c = c.unsqueeze(1);
[m.shape,c.shape]`,
  `c+m`,
  `t = c.expand_as(m);
[t.stride(), t.shape]`,
  `c = tensor([10.,20,30]);
[c.shape, c.unsqueeze(0).shape,c.unsqueeze(1).shape]`,
  `[c.shape, c[null,':'].shape,c[':',null].shape]`,
  `[c[null].shape,c['...,None'].shape]`,
  `function matmul(a: torch.Tensor, b: torch.Tensor) {
    const [ar,ac] = a.shape;
    const [br,bc] = b.shape;
    if (ac != br) throw new Error("AssertionError");
    const c = torch.zeros(ar, bc);
    for (const i of range(ar)) {
//       c[i,j] = (a[i,:]          * b[:,j]).sum() # previous
        c[i]   = (a[i  ].unsqueeze(-1) * b).sum(dim=0);
    }
    return c;
}`,
  CHECK("let t4 = matmul(m1,m2);"),
  `function matmul(a: torch.Tensor, b: torch.Tensor) {
    const [ar,ac] = a.shape;
    const [br,bc] = b.shape;
    if (ac != br) throw new Error("AssertionError");
    const c = torch.zeros(ar, bc);
    for (const i of range(ar)) {
        c[i] = (a[i,':',null] * b).sum(dim=0);
    }
    return c;
}`,
  CHECK("t4 = matmul(m1,m2);"),
  `function matmul(a: torch.Tensor, b: torch.Tensor) { return torch.einsum('ik,kj->ij', a, b); }`,
  CHECK("const t5 = matmul(m1,m2);"),
  `torch.einsum('ij->ji', m1[':2,:3'])`,
  `function lin(x: torch.Tensor, w: torch.Tensor, b: torch.Tensor) { return x @ w + b; }`,
  `let x = torch.randn(200, 100);
let y = torch.randn(200);`,
  `let w1 = torch.randn(100,50);
let b1 = torch.zeros(50);
let w2 = torch.randn(50,1);
let b2 = torch.zeros(1);`,
  `let l1 = lin(x, w1, b1);
l1.shape`,
  `[l1.mean(), l1.std()]`,
  `x = torch.randn(200, 100);
for (const i of range(50)) x = x @ torch.randn(100,100);
x['0:5,0:5']`,
  `x = torch.randn(200, 100);
for (const i of range(50)) x = x @ (torch.randn(100,100) * 0.01);
x['0:5,0:5']`,
  `x = torch.randn(200, 100);
for (const i of range(50)) x = x @ (torch.randn(100,100) * 0.1);
x['0:5,0:5']`,
  `x.std()`,
  `x = torch.randn(200, 100);
y = torch.randn(200);`,
  `w1 = torch.randn(100,50) / sqrt(100);
b1 = torch.zeros(50);
w2 = torch.randn(50,1) / sqrt(50);
b2 = torch.zeros(1);`,
  `l1 = lin(x, w1, b1);
[l1.mean(),l1.std()]`,
  `function relu(x: torch.Tensor) { return x.clamp_min(0.); }`,
  `let l2 = relu(l1);
[l2.mean(),l2.std()]`,
  `x = torch.randn(200, 100);
for (const i of range(50)) x = relu(x @ (torch.randn(100,100) * 0.1));
x['0:5,0:5']`,
  `x = torch.randn(200, 100);
for (const i of range(50)) x = relu(x @ (torch.randn(100,100) * sqrt(2/100)));
x['0:5,0:5']`,
  `[x.mean(), x.std()]`,
  `x = torch.randn(200, 100);
y = torch.randn(200);`,
  `w1 = torch.randn(100,50) * sqrt(2 / 100);
b1 = torch.zeros(50);
w2 = torch.randn(50,1) * sqrt(2 / 50);
b2 = torch.zeros(1);`,
  `l1 = lin(x, w1, b1);
l2 = relu(l1);
[l2.mean(), l2.std()]`,
  `function model(x: torch.Tensor) {
    const l1 = lin(x, w1, b1);
    const l2 = relu(l1);
    const l3 = lin(l2, w2, b2);
    return l3;
}`,
  `let out = model(x);
out.shape`,
  `function mse(output: torch.Tensor, targ: torch.Tensor) { return (output.squeeze(-1) - targ).pow(2).mean(); }`,
  `let loss = mse(out, y);
loss`,
  `function mse_grad(inp, targ) {
    // grad of loss with respect to output of previous layer
    inp.g = 2. * (inp.squeeze() - targ).unsqueeze(-1) / inp.shape[0];
}`,
  `function relu_grad(inp, out) {
    // grad of relu with respect to input activations
    inp.g = (inp>0).float() * out.g;
}`,
  `function lin_grad(inp, out, w, b) {
    // grad of matmul with respect to input
    inp.g = out.g @ w.t();
    w.g = inp.t() @ out.g;
    b.g = out.g.sum(0);
}`,
  `function forward_and_backward(inp: torch.Tensor, targ: torch.Tensor) {
    // forward pass:
    const l1 = inp @ w1 + b1;
    const l2 = relu(l1);
    const out = l2 @ w2 + b2;
    // we don't actually need the loss in backward!
    const loss = mse(out, targ);

    // backward pass:
    mse_grad(out, targ);
    lin_grad(l2, out, w2, b2);
    relu_grad(l1, l2);
    lin_grad(inp, l1, w1, b1);
}`,
  `forward_and_backward(x, y);
[b2.g, w2.g[':3'], b1.g[':5']]`,
  `const [w1g, b1g, w2g, b2g, ig] = [w1.g, b1.g, w2.g, b2.g, x.g];
const xt = x.clone().requires_grad_(true);
const [w12, b12, w22, b22] = [w1, b1, w2, b2].map((t) => t.clone().requires_grad_(true));
loss = mse(lin(relu(lin(xt, w12, b12)), w22, b22), y);
loss.backward();
print(list(zip([w1g, b1g, w2g, b2g, ig], [w12, b12, w22, b22, xt])).map(([a, b]) => torch.allclose(a, b.grad, atol=1e-6)));
print(max(list(zip([w1g, b1g, w2g, b2g, ig], [w12, b12, w22, b22, xt])).map(([a, b]) => (a - b.grad).abs().max().item())) < 1e-6);`,
  `class Relu {
    __call__(inp: torch.Tensor) {
        this.inp = inp;
        this.out = inp.clamp_min(0.);
        return this.out;
    }

    backward() { this.inp.g = (this.inp>0).float() * this.out.g; }
}`,
  `class Lin {
    constructor(w: torch.Tensor, b: torch.Tensor) { [this.w,this.b] = [w,b]; }

    __call__(inp: torch.Tensor) {
        this.inp = inp;
        this.out = inp@this.w + this.b;
        return this.out;
    }

    backward() {
        this.inp.g = this.out.g @ this.w.t();
        this.w.g = this.inp.t() @ this.out.g;
        this.b.g = this.out.g.sum(0);
    }
}`,
  `class Mse {
    __call__(inp: torch.Tensor, targ: torch.Tensor) {
        this.inp = inp;
        this.targ = targ;
        this.out = (inp.squeeze() - targ).pow(2).mean();
        return this.out;
    }

    backward() {
        const x = (this.inp.squeeze()-this.targ).unsqueeze(-1);
        this.inp.g = 2.*x/this.targ.shape[0];
    }
}`,
  `class Model {
    constructor(w1: torch.Tensor, b1: torch.Tensor, w2: torch.Tensor, b2: torch.Tensor) {
        this.layers = [Lin(w1,b1), Relu(), Lin(w2,b2)];
        this.loss = Mse();
    }

    __call__(x: torch.Tensor, targ: torch.Tensor) {
        for (const l of this.layers) x = l(x);
        return this.loss(x, targ);
    }

    backward() {
        this.loss.backward();
        for (const l of [...this.layers].reverse()) l.backward();
    }
}`,
  `let model = Model(w1, b1, w2, b2);`,
  `loss = model(x, y);
loss`,
  `model.backward();
print(list(zip([w1.g, b1.g, w2.g, b2.g, x.g], [w1g, b1g, w2g, b2g, ig])).map(([a, b]) => torch.equal(a, b)));`,
  `class LayerFunction {
    __call__(...args: any[]) {
        this.args = args;
        this.out = this.forward(...args);
        return this.out;
    }

    forward(..._: any[]): any { throw new Error('not implemented'); }
    bwd(..._: any[]): void { throw new Error('not implemented'); }
    backward() { this.bwd(this.out, ...this.args); }
}`,
  `class Relu extends LayerFunction {
    forward(inp) { return inp.clamp_min(0.); }
    bwd(out, inp) { inp.g = (inp>0).float() * out.g; }
}`,
  `class Lin extends LayerFunction {
    constructor(w: torch.Tensor, b: torch.Tensor) { super(); [this.w,this.b] = [w,b]; }

    forward(inp) { return inp@this.w + this.b; }

    bwd(out, inp) {
        inp.g = out.g @ this.w.t();
        this.w.g = inp.t() @ this.out.g;
        this.b.g = out.g.sum(0);
    }
}`,
  `class Mse extends LayerFunction {
    forward (inp, targ) { return (inp.squeeze() - targ).pow(2).mean(); }
    bwd(out, inp, targ) {
        inp.g = 2*(inp.squeeze()-targ).unsqueeze(-1) / targ.shape[0];
    }
}`,
  `model = Model(w1, b1, w2, b2);
loss = model(x, y);
model.backward();
print(loss);
print(list(zip([w1.g, b1.g, w2.g, b2.g, x.g], [w1g, b1g, w2g, b2g, ig])).map(([a, b]) => torch.allclose(a, b)));`,
  `const Function = torch.autograd.Function;

class MyRelu extends Function {
    static forward(ctx: torch.autograd.FunctionCtx, i: torch.Tensor) {
        const result = i.clamp_min(0.);
        ctx.save_for_backward(i);
        return result;
    }

    static backward(ctx: torch.autograd.FunctionCtx, grad_output: torch.Tensor) {
        const [i] = ctx.saved_tensors;
        return grad_output * (i>0).float();
    }
}`,
  `const xr = torch.randn(3, 4, requires_grad=true);
const yr = MyRelu.apply(xr);
yr.sum().backward();
print(yr);
print(xr.grad);`,
  `class LinearLayer extends nn.Module {
    constructor(n_in: number, n_out: number) {
        super();
        this.weight = nn.Parameter(torch.randn(n_out, n_in) * sqrt(2/n_in));
        this.bias = nn.Parameter(torch.zeros(n_out));
    }

    forward(x: torch.Tensor) { return x @ this.weight.t() + this.bias; }
}`,
  `let lin = LinearLayer(10,2);
const [p1,p2] = lin.parameters();
[p1.shape,p2.shape]`,
  `lin(torch.randn(3, 10))`,
  `class Model extends nn.Module {
    constructor(n_in: number, nh: number, n_out: number) {
        super();
        this.layers = nn.Sequential(
            nn.Linear(n_in,nh), nn.ReLU(), nn.Linear(nh,n_out));
        this.loss = mse;
    }

    forward(x: torch.Tensor, targ: torch.Tensor) { return this.loss(this.layers(x).squeeze(), targ); }
}`,
  `model = Model(100, 50, 1);
model(x, y)`,
  `const Parameter = nn.Parameter;

class Module {
    hook: ((res: unknown, args: unknown[]) => void) | null;
    params: torch.Tensor[];
    children: Module[];
    _training: boolean;
    constructor() {
        [this.hook,this.params,this.children,this._training] = [null,[],[],false];
        // Python calls __setattr__ for every assignment to an attribute; a Proxy's set trap does it here.
        return new Proxy(this, { set: (obj, k, v) => { obj.__setattr__(k, v); return true; } });
    }

    register_parameters(...ps: torch.Tensor[]) { this.params.push(...ps); }
    register_modules   (...ms: Module[]) { this.children.push(...ms); }

    get training() { return this._training; }
    set training(v) {
        this._training = v;
        for (const m of this.children) m.training=v;
    }

    parameters(): torch.Tensor[] {
        return this.params.concat(...this.children.map((m) => m.parameters()));
    }

    __setattr__(k: string | symbol, v: unknown) {
        Reflect.set(this, k, v);
        if (isinstance(v,Parameter)) this.register_parameters(v);
        if (isinstance(v,Module))    this.register_modules(v);
    }

    forward(...args: any[]): any { throw new Error('not implemented'); }

    __call__(...args: any[]) {
        const res = this.forward(...args);
        if (this.hook !== null) this.hook(res, args);
        return res;
    }
}`,
  `class ConvLayer extends Module {
    constructor(ni: number, nf: number, stride=1, bias=true, act=true) {
        super();
        this.w = Parameter(torch.zeros(nf,ni,3,3));
        this.b = bias ? Parameter(torch.zeros(nf)) : null;
        [this.act,this.stride] = [act,stride];
        const init = act ? nn.init.kaiming_normal_ : nn.init.xavier_normal_;
        init(this.w);
    }

    forward(x: torch.Tensor) {
        x = F.conv2d(x, this.w, this.b, stride=this.stride, padding=1);
        if (this.act) x = F.relu(x);
        return x;
    }
}`,
  `const l = ConvLayer(3, 4);
len(l.parameters())`,
  `const xbt = torch.randn(2, 3, 8, 8);
l(xbt).shape`,
  `class Linear extends Module {
    constructor(ni: number, nf: number) {
        super();
        this.w = Parameter(torch.zeros(nf,ni));
        this.b = Parameter(torch.zeros(nf));
        nn.init.xavier_normal_(this.w);
    }

    forward(x: torch.Tensor) { return x@this.w.t() + this.b; }
}`,
  `class Sequential extends Module {
    constructor(...layers: Module[]) {
        super();
        this.layers = layers;
        this.register_modules(...layers);
    }

    forward(x: torch.Tensor) {
        for (const l of this.layers) x = l(x);
        return x;
    }
}`,
  `const seq = Sequential(ConvLayer(3, 4, stride=2), ConvLayer(4, 2, stride=2, act=false));
seq.training = true;
print(len(seq.parameters()), seq.parameters().map((p) => list(p.shape)), seq.children.map((m) => m.training));
seq(xbt).shape`,
  `const lm = Linear(4, 3);
print(len(lm.parameters()));
lm(torch.randn(2, 4)).shape`,
];

const MAXDIFF = /\| exact: (True |False) \| approximate: (True |False) \| maxdiff: (\S+) \|/;

/**
 * Each cell printed and showed PyTorch's text, numbers within float32 tolerance (a shown list compared
 * without the whitespace Node's array printing adds). A `cmp` line's exact / approximate verdicts are
 * PyTorch's and its maxdiff within 1e-8 of PyTorch's (they are ~1e-9 when not 0, an ulp or two of
 * the gradients, and which elements are off varies with rounding); a wrong formula is off by far
 * more (a sign error in `dcounts_sum` gave 0.0087).
 */
function expectCells(got: CellOutput[], want: CellOutput[]): void {
  expect(got.length).toBe(want.length);
  want.forEach((w, i) => {
    const g = got[i];
    const gl = g.printed.split("\n");
    const wl = w.printed.split("\n");
    expect([i, gl.length]).toEqual([i, wl.length]);
    wl.forEach((line, k) => {
      const wm = MAXDIFF.exec(line);
      if (wm === null) return;
      const gm = MAXDIFF.exec(gl[k]);
      expect([i, k, gm?.[1], gm?.[2]]).toEqual([i, k, wm[1], wm[2]]);
      const d = Math.abs(Number(gm?.[3]) - Number(wm[3]));
      if (!(d <= 1e-8)) throw new Error(`cell ${i}: ${gl[k]}\nPyTorch: ${line}`);
    });
    expectSamePrintedCell(i, g.printed, w.printed);
    expect([i, g.shown === null]).toEqual([i, w.shown === null]);
    if (w.shown !== null) {
      const strip = (s: string) => (w.shown?.startsWith("[") ? s.replace(/\s+/g, "") : s);
      expectSamePrint(strip(g.shown as string), strip(w.shown));
    }
  });
}

/** Cells run back to back, the names file put where the lecture opens names.txt. */
const withNames = (cells: string[]) => cells.map((c) => c.replace("'names.txt'", JSON.stringify(NAMES)));

describe("From the foundations: makemore part 4 (backprop ninja) and fastbook chapter 17, one notebook through `torchlab run`", () => {
  const nbs = sectionsForSuite("foundations", { foundations: { backprop: withNames(BACKPROP), fastbook: FASTBOOK } });

  test("makemore part 4: the forward pass in atoms, every manual gradient equal to autograd's (cmp's exact / approximate / maxdiff as PyTorch's), the fused cross-entropy and batchnorm backward, training with the manual backward under no_grad, the sampled names", () => {
    if (process.env.FOUNDATIONS_DUMP) fs.writeFileSync(process.env.FOUNDATIONS_DUMP, JSON.stringify({ backprop: cellsOf(nbs.backprop), fastbook: cellsOf(nbs.fastbook) }, null, 1));
    expectCells(cellsOf(nbs.backprop), R.backprop);
  });

  test("fastbook chapter 17: loop / elementwise / broadcast / einsum matmuls, init experiments, forward and backward by hand with `.g` on tensors, layer classes, LayerFunction, MyRelu, LinearLayer, a from-scratch Module with __setattr__", () => {
    expectCells(cellsOf(nbs.fastbook), R.fastbook);
  });
});
