/**
 * Andrej Karpathy's "Neural Networks: Zero to Hero" makemore lectures (karpathy/nn-zero-to-hero,
 * lectures/makemore: part 1 bigrams, part 2 MLP, part 3 BatchNorm, part 5 WaveNet), ported cell by cell
 * in the notebook dialect a student would write and run as notebooks through `torchlab run`. Their
 * hallmark is exact reproducibility from `torch.Generator().manual_seed(2147483647)`: the names the
 * lectures sample must be PyTorch's, so every randn / rand / randint / multinomial / randperm draw must
 * follow PyTorch 1.13's CPU streams (they do: every sampled name below is PyTorch's). What each cell
 * prints and shows is PyTorch's (test/reference/gen_karpathy.py runs the same cells as IPython does,
 * karpathy.json).
 *
 * Stand-ins: names.txt (32k names) is karpathy_names.txt, 240 made-up names the generator writes from a
 * fixed syllable list and seed (the port reads it where the lecture opens names.txt). Shrunk: training
 * runs 100 steps (part 2 and part 3's first net, learning-rate decay at step 70), 41 (part 3's deep net)
 * and 40 (part 5) instead of 200000, printing every 50 / 20 steps; part 1's log-likelihood loop runs
 * over the first 50 words and its gradient descent 20 steps; `lossi.view(-1, 1000)` is view(-1, 10) /
 * view(-1, 20). `random.seed(42); random.shuffle(words)` is `torch.manual_seed(42)` and a torch.randperm
 * shuffle on both sides (the lecture's own shuffle, which torchlab's `random` reproduces, makes part 2's
 * 100-step model sample a name ~900,000 characters long, on PyTorch too). Part 2's first, 32-example dataset is built
 * from words[:5] (the lecture's cell says `words` but ran on the first five) and indexed with
 * torch.arange(X.shape[0]); a few cells show a value the lecture shows in the video (`C[5]`, the one_hot
 * product, `C[[5,6,7,7,7,7]]`, `torch.cat(torch.unbind(emb, 1), 1)`, the statistics of part 3's
 * activations and the last update-to-data ratios) rather than plot it.
 * Left out: the matplotlib cells (the bigram count grid, the loss / learning-rate curves, the activation
 * and gradient histograms, the update-to-data plot), comment-only cells, `a.storage()` (torchlab has
 * no TypedStorage) and part 4 (manual backprop: time).
 * gpt-dev ("Let's build GPT", from the lecture's gpt-dev.ipynb and ng-video-lecture's gpt.py) runs as
 * a last section of the same notebook: tiny shakespeare is its first 421 characters typed into the first
 * cell; `data[:1000]` / `text[:1000]` show 100 / 200 characters; the bigram model trains 50 AdamW steps
 * (100) and samples 100 / 100 tokens (100 / 500); the final GPT keeps the notebook's structure at
 * batch 4, block 8, n_embd 16, 4 heads, 2 layers, dropout 0, 6 steps evaluated at 0, 3 and 5 over 2
 * batches, 60 sampled tokens. The losses and both models' sampled texts are PyTorch's exactly.
 * `torch.allclose(xbow, xbow2)` (and xbow3) is printed with atol=1e-7 on both sides: with the default
 * 1e-8 PyTorch says True and torchlab False, because an element of ~0.002 (six values that nearly
 * cancel) comes out of the matmul 2e-8 apart (torchlab sums the products in order, PyTorch's BLAS in
 * another order; neither is exact).
 * In its classes `self(idx)` is `this.forward(idx)` (a TypeScript class cannot call `this`),
 * `register_buffer('tril', ...)` is read through `declare tril: torch.Tensor`, the untyped lambda
 * `decode = lambda l: ...` is `(l) => ...` (an untyped parameter, as Python's), `for h in self.heads`
 * is `list(this.heads).map(...)`, and slices with a variable bound are template strings
 * (`data[\`:\${n}\`]`, `this.tril[\`:\${T}, :\${T}\`]`).
 * Written differently from the lectures:
 * - The bigram dict keyed by `(ch1, ch2)` tuples is a Map keyed by `${ch1} ${ch2}`; its sorted counts
 *   are printed (the top 8) instead of shown whole. From part 2 on `itos` is a Map (print() writes it as
 *   Python's dict, `{1: 'a', ..., 0: '.'}`), read with `itos.get(i)`.
 * - `with torch.no_grad():` is `torch.no_grad(() => {...})`; `@torch.no_grad()` above a def is
 *   `const split_loss = torch.no_grad()((split) => {...})`; the `{...}[split]` dict of tuples is an
 *   object of arrays indexed by a `'train' | 'val' | 'test'` parameter.
 * - The user's classes define `__call__` and their instances are called as the lectures call them,
 *   `layer(x)`, `model(Xb)` (kernel/call_dunder.ts); `__call__(x: torch.Tensor)` and `let xmean: torch.Tensor` are typed (an
 *   untyped `x @ w` types a field assigned from it as a number, and then `this.out += this.bias` does
 *   not compile); keyword `bias=False` is positional; `layer.training = False` over a mixed list is
 *   `if ('training' in layer) layer.training = false`; `layers[-1]` is `layers.at(-1)` cast to its class;
 *   build_dataset declares its `[torch.Tensor, torch.Tensor]` result.
 * - f-strings and %-formatting: `{x=}` is `x=${repr(x)}`, `{i:7d}` padStart, `{v:.4f}` toFixed, `%e`
 *   toExponential with Python's two exponent digits, `%+f` a sign helper, `tuple(t.shape)` printed
 *   as `(${t.shape.join(', ')})`; `torch.manual_seed(42);` (IPython's `;` hides the value) is
 *   `void torch.manual_seed(42);`.
 * Divergences this port found, fixed: gpt-dev's `f"when input is {context.tolist()}"` wrote
 * JavaScript's 29,25 (tolist() is typed NestedList, a union, which the f-string rule for arrays missed);
 * `@torch.no_grad()` as a decorator (torch.no_grad() with no
 * argument threw); print() of a Map wrote Node's `Map(27) {...}` where Python prints a dict; and
 * `out @ w` did not compile because TypeScript's scanner reads `out` (like `type`, `of`, `from`) as a
 * contextual keyword, so the `@` after it was not taken for matmul.
 */
import * as fs from "fs";
import * as path from "path";
import { cellsOf, sectionsForSuite, type CellOutput } from "./_notebooks";
import { expectSamePrint } from "./_tutorial";

const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "karpathy.json"), "utf8")) as Record<string, CellOutput[]>;
const NAMES = path.join(__dirname, "..", "reference", "karpathy_names.txt");

const READ = `let words = open('names.txt', 'r').read().splitlines();`;
const VOCAB = `const chars = sorted(list(new Set(words.join(''))));
const stoi: Record<string, number> = Object.fromEntries(list(enumerate(chars)).map(([i, s]) => [s, i + 1]));
stoi['.'] = 0;
const itos: Record<number, string> = Object.fromEntries(Object.entries(stoi).map(([s, i]) => [i, s]));`;
// From part 2 on the lectures print itos: a Map prints as Python's dict (int keys, insertion order).
const VOCAB_MAP = `const chars = sorted(list(new Set(words.join(''))));
const stoi: Record<string, number> = Object.fromEntries(list(enumerate(chars)).map(([i, s]) => [s, i + 1]));
stoi['.'] = 0;
const itos = new Map(Object.entries(stoi).map(([s, i]) => [i, s]));`;
const SHUFFLE = `torch.manual_seed(42);
words = (torch.randperm(len(words)).tolist() as number[]).map((i) => words[i]);`;

const BIGRAMS = [
  READ,
  `words.slice(0, 10)`,
  `len(words)`,
  `min(words.map((w) => len(w)))`,
  `max(words.map((w) => len(w)))`,
  `const b = new Map<string, number>();
for (const w of words) {
  const chs = ['<S>', ...list(w), '<E>'];
  for (const [ch1, ch2] of zip(chs, chs.slice(1))) {
    const bigram = \`\${ch1} \${ch2}\`;
    b.set(bigram, (b.get(bigram) ?? 0) + 1);
  }
}`,
  `for (const [bigram, n] of sorted(b.entries(), {key: (kv) => -kv[1]}).slice(0, 8)) {
  print(bigram, n);
}`,
  `const N = torch.zeros([27, 27], {dtype: torch.int32});`,
  VOCAB,
  `for (const w of words) {
  const chs = ['.', ...list(w), '.'];
  for (const [ch1, ch2] of zip(chs, chs.slice(1))) {
    const ix1 = stoi[ch1];
    const ix2 = stoi[ch2];
    N[ix1, ix2] += 1;
  }
}`,
  `N[0]`,
  `let p = N[0].float();
p = p / p.sum();
p`,
  `let g = torch.Generator().manual_seed(2147483647);
let ix = torch.multinomial(p, {num_samples: 1, replacement: true, generator: g}).item();
itos[ix]`,
  `g = torch.Generator().manual_seed(2147483647);
p = torch.rand(3, {generator: g});
p = p / p.sum();
p`,
  `torch.multinomial(p, {num_samples: 100, replacement: true, generator: g})`,
  `p.shape`,
  `let P = (N+1).float();
P /= P.sum(1, {keepdims: true});`,
  `P.shape`,
  `P.sum(1, {keepdim: true}).shape`,
  `P.sum(1).shape`,
  `g = torch.Generator().manual_seed(2147483647);

for (const i of range(5)) {

  const out: string[] = [];
  let ix = 0;
  while (true) {
    const p = P[ix];
    ix = torch.multinomial(p, {num_samples: 1, replacement: true, generator: g}).item();
    out.push(itos[ix]);
    if (ix == 0) {
      break;
    }
  }
  print(out.join(''));
}`,
  `let log_likelihood = 0.0;
let n = 0;

for (const w of words.slice(0, 50)) {
  const chs = ['.', ...list(w), '.'];
  for (const [ch1, ch2] of zip(chs, chs.slice(1))) {
    const ix1 = stoi[ch1];
    const ix2 = stoi[ch2];
    const prob = P[ix1, ix2];
    const logprob = torch.log(prob);
    log_likelihood += logprob;
    n += 1;
  }
}

print(\`log_likelihood=\${repr(log_likelihood)}\`);
let nll = -log_likelihood;
print(\`nll=\${repr(nll)}\`);
print(\`\${nll/n}\`);`,
  `let xs: any = [], ys: any = [];

for (const w of words.slice(0, 1)) {
  const chs = ['.', ...list(w), '.'];
  for (const [ch1, ch2] of zip(chs, chs.slice(1))) {
    const ix1 = stoi[ch1];
    const ix2 = stoi[ch2];
    print(ch1, ch2);
    xs.push(ix1);
    ys.push(ix2);
  }
}

xs = torch.tensor(xs);
ys = torch.tensor(ys);`,
  `xs`,
  `ys`,
  `let xenc = F.one_hot(xs, {num_classes: 27}).float();
xenc`,
  `xenc.shape`,
  `xenc.dtype`,
  `let W = torch.randn([27, 1]);
xenc @ W`,
  `let logits = xenc @ W; // log-counts
let counts = logits.exp(); // equivalent N
let probs = counts / counts.sum(1, {keepdims: true});
probs`,
  `probs[0]`,
  `probs[0].shape`,
  `probs[0].sum()`,
  `g = torch.Generator().manual_seed(2147483647);
W = torch.randn([27, 27], {generator: g});`,
  `xenc = F.one_hot(xs, {num_classes: 27}).float(); // input to the network: one-hot encoding
logits = xenc @ W; // predict log-counts
counts = logits.exp(); // counts, equivalent to N
probs = counts / counts.sum(1, {keepdims: true}); // probabilities for next character`,
  `probs.shape`,
  `const nlls = torch.zeros(len(xs));
for (const i of range(len(xs))) {
  // i-th bigram:
  const x = xs[i].item(); // input character index
  const y = ys[i].item(); // label character index
  print('--------');
  print(\`bigram example \${i+1}: \${itos[x]}\${itos[y]} (indexes \${x},\${y})\`);
  print('input to the neural net:', x);
  print('output probabilities from the neural net:', probs[i]);
  print('label (actual next character):', y);
  const p = probs[i, y];
  print('probability assigned by the net to the the correct character:', p.item());
  const logp = torch.log(p);
  print('log likelihood:', logp.item());
  const nll = -logp;
  print('negative log likelihood:', nll.item());
  nlls[i] = nll;
}

print('=========');
print('average negative log likelihood, i.e. loss =', nlls.mean().item());`,
  `g = torch.Generator().manual_seed(2147483647);
W = torch.randn([27, 27], {generator: g, requires_grad: true});`,
  `xenc = F.one_hot(xs, {num_classes: 27}).float(); // input to the network: one-hot encoding
logits = xenc @ W; // predict log-counts
counts = logits.exp(); // counts, equivalent to N
probs = counts / counts.sum(1, {keepdims: true}); // probabilities for next character
let loss = -probs[torch.arange(len(xs)), ys].log().mean();`,
  `print(loss.item());`,
  `W.grad = null; // set to zero the gradient
loss.backward();`,
  `W.data += -0.1 * W.grad;`,
  `W[0, ':5']`,
  `xs = [], ys = [];
for (const w of words) {
  const chs = ['.', ...list(w), '.'];
  for (const [ch1, ch2] of zip(chs, chs.slice(1))) {
    const ix1 = stoi[ch1];
    const ix2 = stoi[ch2];
    xs.push(ix1);
    ys.push(ix2);
  }
}
xs = torch.tensor(xs);
ys = torch.tensor(ys);
const num = xs.nelement();
print('number of examples: ', num);

g = torch.Generator().manual_seed(2147483647);
W = torch.randn([27, 27], {generator: g, requires_grad: true});`,
  `for (const k of range(20)) {

  // forward pass
  xenc = F.one_hot(xs, {num_classes: 27}).float(); // input to the network: one-hot encoding
  logits = xenc @ W; // predict log-counts
  counts = logits.exp(); // counts, equivalent to N
  probs = counts / counts.sum(1, {keepdims: true}); // probabilities for next character
  loss = -probs[torch.arange(num), ys].log().mean() + 0.01*(W**2).mean();
  print(loss.item());

  // backward pass
  W.grad = null; // set to zero the gradient
  loss.backward();

  // update
  W.data += -50 * W.grad;
}`,
  `g = torch.Generator().manual_seed(2147483647);

for (const i of range(5)) {

  const out: string[] = [];
  let ix = 0;
  while (true) {
    const xenc = F.one_hot(torch.tensor([ix]), {num_classes: 27}).float();
    const logits = xenc @ W; // predict log-counts
    const counts = logits.exp(); // counts, equivalent to N
    const p = counts / counts.sum(1, {keepdims: true}); // probabilities for next character

    ix = torch.multinomial(p, {num_samples: 1, replacement: true, generator: g}).item();
    out.push(itos[ix]);
    if (ix == 0) {
      break;
    }
  }
  print(out.join(''));
}`,
];

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

${SHUFFLE}
const n1 = int(0.8*len(words));
const n2 = int(0.9*len(words));

const [Xtr, Ytr] = build_dataset(words.slice(0, n1));
const [Xdev, Ydev] = build_dataset(words.slice(n1, n2));
const [Xte, Yte] = build_dataset(words.slice(n2));`;

const MLP = [
  `${READ}
words.slice(0, 8)`,
  `len(words)`,
  `${VOCAB_MAP}
print(itos);`,
  `let block_size = 3; // context length: how many characters do we take to predict the next one?
let X: any = [], Y: any = [];
for (const w of words.slice(0, 5)) {

  let context = Array(block_size).fill(0);
  for (const ch of w + '.') {
    const ix = stoi[ch];
    X.push(context);
    Y.push(ix);
    print(context.map((i) => itos.get(i)).join(''), '--->', itos.get(ix));
    context = [...context.slice(1), ix]; // crop and append
  }
}

X = torch.tensor(X);
Y = torch.tensor(Y);`,
  `[X.shape, X.dtype, Y.shape, Y.dtype]`,
  `let C = torch.randn([27, 2]);`,
  `C[5]`,
  `F.one_hot(torch.tensor(5), {num_classes: 27}).float() @ C`,
  `C[[5,6,7,7,7,7]]`,
  `C[X].shape`,
  `X[13, 2]`,
  `C[X][13, 2]`,
  `let emb = C[X];
emb.shape`,
  `let W1 = torch.randn([6, 100]);
let b1 = torch.randn(100);`,
  `torch.cat([emb[':', 0, ':'], emb[':', 1, ':'], emb[':', 2, ':']], 1).shape`,
  `torch.cat(torch.unbind(emb, 1), 1).shape`,
  `const a = torch.arange(18);
a.view(3, 3, 2)`,
  `(emb.view(-1, 6) == torch.cat(torch.unbind(emb, 1), 1)).all()`,
  `let h = torch.tanh(emb.view(-1, 6) @ W1 + b1);`,
  `h`,
  `h.shape`,
  `let W2 = torch.randn([100, 27]);
let b2 = torch.randn(27);`,
  `let logits = h @ W2 + b2;`,
  `logits.shape`,
  `const counts = logits.exp();`,
  `const prob = counts / counts.sum(1, {keepdims: true});`,
  `prob.shape`,
  `let loss = -prob[torch.arange(X.shape[0]), Y].log().mean();
loss`,
  `F.cross_entropy(logits, Y)`,
  `block_size = 3; // context length: how many characters do we take to predict the next one?

${BUILD}`,
  `[Xtr.shape, Ytr.shape] // dataset`,
  `const g = torch.Generator().manual_seed(2147483647); // for reproducibility
C = torch.randn([27, 10], {generator: g});
W1 = torch.randn([30, 200], {generator: g});
b1 = torch.randn(200, {generator: g});
W2 = torch.randn([200, 27], {generator: g});
b2 = torch.randn(27, {generator: g});
const parameters = [C, W1, b1, W2, b2];`,
  `sum(parameters.map((p) => p.nelement())) // number of parameters in total`,
  `for (const p of parameters) {
  p.requires_grad = true;
}`,
  `const lre = torch.linspace(-3, 0, 1000);
const lrs = 10**lre;
[lrs[':3'], lrs[-1]]`,
  `const lri: number[] = [];
const lossi: number[] = [];
const stepi: number[] = [];`,
  `for (const i of range(100)) {

  // minibatch construct
  const ix = torch.randint(0, Xtr.shape[0], [32]);

  // forward pass
  const emb = C[Xtr[ix]]; // (32, 3, 10)
  const h = torch.tanh(emb.view(-1, 30) @ W1 + b1); // (32, 200)
  const logits = h @ W2 + b2; // (32, 27)
  loss = F.cross_entropy(logits, Ytr[ix]);

  // backward pass
  for (const p of parameters) {
    p.grad = null;
  }
  loss.backward();

  // update
  const lr = i < 70 ? 0.1 : 0.01;
  for (const p of parameters) {
    p.data += -lr * p.grad;
  }

  // track stats
  stepi.push(i);
  lossi.push(loss.log10().item());
}

print(loss.item());`,
  `torch.tensor(lossi).view(-1, 10).mean(1)`,
  `emb = C[Xtr]; // (32, 3, 2)
h = torch.tanh(emb.view(-1, 30) @ W1 + b1); // (32, 100)
logits = h @ W2 + b2; // (32, 27)
loss = F.cross_entropy(logits, Ytr);
loss`,
  `emb = C[Xdev]; // (32, 3, 2)
h = torch.tanh(emb.view(-1, 30) @ W1 + b1); // (32, 100)
logits = h @ W2 + b2; // (32, 27)
loss = F.cross_entropy(logits, Ydev);
loss`,
  `const context = Array(block_size).fill(0);
C[torch.tensor([context])].shape`,
  `const g2 = torch.Generator().manual_seed(2147483647 + 10);

for (const _ of range(20)) {

    const out: number[] = [];
    let context = Array(block_size).fill(0); // initialize with all ...
    while (true) {
      const emb = C[torch.tensor([context])]; // (1,block_size,d)
      const h = torch.tanh(emb.view(1, -1) @ W1 + b1);
      const logits = h @ W2 + b2;
      const probs = F.softmax(logits, {dim: 1});
      const ix = torch.multinomial(probs, {num_samples: 1, generator: g2}).item();
      context = [...context.slice(1), ix];
      out.push(ix);
      if (ix == 0) {
        break;
      }
    }

    print(out.map((i) => itos.get(i)).join(''));
}`,
];

const SPLIT_HEAD = `const split_loss = torch.no_grad()((split: 'train' | 'val' | 'test') => { // the decorator disables gradient tracking
  let [x, y] = {
    'train': [Xtr, Ytr],
    'val': [Xdev, Ydev],
    'test': [Xte, Yte],
  }[split];`;

const LAYERS = `class Linear {

  constructor(fan_in: number, fan_out: number, bias = true) {
    this.weight = torch.randn([fan_in, fan_out], {generator: g}) / fan_in**0.5;
    this.bias = bias ? torch.zeros(fan_out) : null;
  }

  __call__(x: torch.Tensor) {
    this.out = x @ this.weight;
    if (this.bias !== null) {
      this.out += this.bias;
    }
    return this.out;
  }

  parameters() {
    return [this.weight, ...(this.bias === null ? [] : [this.bias])];
  }
}

class BatchNorm1d {

  constructor(dim: number, eps = 1e-5, momentum = 0.1) {
    this.eps = eps;
    this.momentum = momentum;
    this.training = true;
    // parameters (trained with backprop)
    this.gamma = torch.ones(dim);
    this.beta = torch.zeros(dim);
    // buffers (trained with a running 'momentum update')
    this.running_mean = torch.zeros(dim);
    this.running_var = torch.ones(dim);
  }

  __call__(x: torch.Tensor) {
    // calculate the forward pass
    let xmean: torch.Tensor, xvar: torch.Tensor;
    if (this.training) {
      xmean = x.mean(0, {keepdim: true}); // batch mean
      xvar = x.var(0, {keepdim: true}); // batch variance
    } else {
      xmean = this.running_mean;
      xvar = this.running_var;
    }
    const xhat = (x - xmean) / torch.sqrt(xvar + this.eps); // normalize to unit variance
    this.out = this.gamma * xhat + this.beta;
    // update the buffers
    if (this.training) {
      torch.no_grad(() => {
        this.running_mean = (1 - this.momentum) * this.running_mean + this.momentum * xmean;
        this.running_var = (1 - this.momentum) * this.running_var + this.momentum * xvar;
      });
    }
    return this.out;
  }

  parameters() {
    return [this.gamma, this.beta];
  }
}

class Tanh {
  __call__(x: torch.Tensor) {
    this.out = torch.tanh(x);
    return this.out;
  }
  parameters() {
    return [];
  }
}`;

/** Python's %e: two exponent digits at least (JavaScript's toExponential writes e-3). */
const PCT_E = `const pct_e = (v: number) => v.toExponential(6).replace(/e([+-])(\\d)$/, 'e$10$2');
const sign = (v: number, digits: number) => (v >= 0 ? '+' : '') + v.toFixed(digits);`;

const BNORM = [
  `${READ}
words.slice(0, 8)`,
  `len(words)`,
  `${VOCAB_MAP}
const vocab_size = itos.size;
print(itos);
print(vocab_size);`,
  `const block_size = 3; // context length: how many characters do we take to predict the next one?

${BUILD}`,
  `let n_embd = 10; // the dimensionality of the character embedding vectors
let n_hidden = 200; // the number of neurons in the hidden layer of the MLP

let g = torch.Generator().manual_seed(2147483647); // for reproducibility
let C  = torch.randn([vocab_size, n_embd],            {generator: g});
const W1 = torch.randn([n_embd * block_size, n_hidden], {generator: g}) * (5/3)/((n_embd * block_size)**0.5); //* 0.2
const W2 = torch.randn([n_hidden, vocab_size],          {generator: g}) * 0.01;
const b2 = torch.randn(vocab_size,                      {generator: g}) * 0;

// BatchNorm parameters
const bngain = torch.ones([1, n_hidden]);
const bnbias = torch.zeros([1, n_hidden]);
let bnmean_running = torch.zeros([1, n_hidden]);
let bnstd_running = torch.ones([1, n_hidden]);

let parameters = [C, W1, W2, b2, bngain, bnbias];
print(sum(parameters.map((p) => p.nelement()))); // number of parameters in total
for (const p of parameters) {
  p.requires_grad = true;
}`,
  `let max_steps = 100;
const batch_size = 32;
let lossi: number[] = [];
let h, hpreact;

for (const i of range(max_steps)) {

  // minibatch construct
  const ix = torch.randint(0, Xtr.shape[0], [batch_size], {generator: g});
  const [Xb, Yb] = [Xtr[ix], Ytr[ix]]; // batch X,Y

  // forward pass
  const emb = C[Xb]; // embed the characters into vectors
  const embcat = emb.view(emb.shape[0], -1); // concatenate the vectors
  // Linear layer
  hpreact = embcat @ W1; //+ b1 # hidden layer pre-activation
  // BatchNorm layer
  // -------------------------------------------------------------
  const bnmeani = hpreact.mean(0, {keepdim: true});
  const bnstdi = hpreact.std(0, {keepdim: true});
  hpreact = bngain * (hpreact - bnmeani) / bnstdi + bnbias;
  torch.no_grad(() => {
    bnmean_running = 0.999 * bnmean_running + 0.001 * bnmeani;
    bnstd_running = 0.999 * bnstd_running + 0.001 * bnstdi;
  });
  // -------------------------------------------------------------
  // Non-linearity
  h = torch.tanh(hpreact); // hidden layer
  const logits = h @ W2 + b2; // output layer
  const loss = F.cross_entropy(logits, Yb); // loss function

  // backward pass
  for (const p of parameters) {
    p.grad = null;
  }
  loss.backward();

  // update
  const lr = i < 70 ? 0.1 : 0.01; // step learning rate decay
  for (const p of parameters) {
    p.data += -lr * p.grad;
  }

  // track stats
  if (i % 50 == 0) { // print every once in a while
    print(\`\${String(i).padStart(7)}/\${String(max_steps).padStart(7)}: \${loss.item().toFixed(4)}\`);
  }
  lossi.push(loss.log10().item());
}`,
  `[(h.abs() > 0.97).float().mean(), hpreact.std(0, {keepdim: true}).shape]`,
  `let bnmean, bnstd;
torch.no_grad(() => {
  // pass the training set through
  const emb = C[Xtr];
  const embcat = emb.view(emb.shape[0], -1);
  const hpreact = embcat @ W1; // + b1
  // measure the mean/std over the entire training set
  bnmean = hpreact.mean(0, {keepdim: true});
  bnstd = hpreact.std(0, {keepdim: true});
});
[bnmean[0, ':4'], bnmean_running[0, ':4']]`,
  `${SPLIT_HEAD}
  const emb = C[x]; // (N, block_size, n_embd)
  const embcat = emb.view(emb.shape[0], -1); // concat into (N, block_size * n_embd)
  let hpreact = embcat @ W1; // + b1
  hpreact = bngain * (hpreact - bnmean_running) / bnstd_running + bnbias;
  const h = torch.tanh(hpreact); // (N, n_hidden)
  const logits = h @ W2 + b2; // (N, vocab_size)
  const loss = F.cross_entropy(logits, y);
  print(split, loss.item());
});

split_loss('train');
split_loss('val');`,
  `${LAYERS}

n_embd = 10; // the dimensionality of the character embedding vectors
n_hidden = 100; // the number of neurons in the hidden layer of the MLP
g = torch.Generator().manual_seed(2147483647); // for reproducibility

C = torch.randn([vocab_size, n_embd],            {generator: g});
const layers = [
  Linear(n_embd * block_size, n_hidden, false), BatchNorm1d(n_hidden), Tanh(),
  Linear(           n_hidden, n_hidden, false), BatchNorm1d(n_hidden), Tanh(),
  Linear(           n_hidden, n_hidden, false), BatchNorm1d(n_hidden), Tanh(),
  Linear(           n_hidden, n_hidden, false), BatchNorm1d(n_hidden), Tanh(),
  Linear(           n_hidden, n_hidden, false), BatchNorm1d(n_hidden), Tanh(),
  Linear(           n_hidden, vocab_size, false), BatchNorm1d(vocab_size),
];

torch.no_grad(() => {
  // last layer: make less confident
  (layers.at(-1) as BatchNorm1d).gamma *= 0.1;
  // all other layers: apply gain
  for (const layer of layers.slice(0, -1)) {
    if (isinstance(layer, Linear)) {
      layer.weight *= 1.0; //5/3
    }
  }
});

parameters = [C, ...layers.flatMap((layer) => layer.parameters())];
print(sum(parameters.map((p) => p.nelement()))); // number of parameters in total
for (const p of parameters) {
  p.requires_grad = true;
}`,
  `max_steps = 200000;
lossi = [];
const ud: number[][] = [];

for (const i of range(max_steps)) {

  // minibatch construct
  const ix = torch.randint(0, Xtr.shape[0], [batch_size], {generator: g});
  const [Xb, Yb] = [Xtr[ix], Ytr[ix]]; // batch X,Y

  // forward pass
  const emb = C[Xb]; // embed the characters into vectors
  let x = emb.view(emb.shape[0], -1); // concatenate the vectors
  for (const layer of layers) {
    x = layer(x);
  }
  const loss = F.cross_entropy(x, Yb); // loss function

  // backward pass
  for (const layer of layers) {
    layer.out.retain_grad(); // AFTER_DEBUG: would take out retain_graph
  }
  for (const p of parameters) {
    p.grad = null;
  }
  loss.backward();

  // update
  const lr = i < 150000 ? 0.1 : 0.01; // step learning rate decay
  for (const p of parameters) {
    p.data += -lr * p.grad;
  }

  // track stats
  if (i % 20 == 0) { // print every once in a while
    print(\`\${String(i).padStart(7)}/\${String(max_steps).padStart(7)}: \${loss.item().toFixed(4)}\`);
  }
  lossi.push(loss.log10().item());
  torch.no_grad(() => {
    ud.push(parameters.map((p) => ((lr*p.grad).std() / p.data.std()).log10().item()));
  });

  if (i >= 40) {
    break; // AFTER_DEBUG: would take out obviously to run full optimization
  }
}`,
  `${PCT_E}
for (const [i, layer] of enumerate(layers.slice(0, -1))) { // note: exclude the output layer
  if (isinstance(layer, Tanh)) {
    const t = layer.out;
    print(\`layer \${i} (\${layer.constructor.name.padStart(10)}): mean \${sign(t.mean().item(), 2)}, std \${t.std().item().toFixed(2)}, saturated: \${((t.abs() > 0.97).float().mean()*100).item().toFixed(2)}%\`);
  }
}`,
  `for (const [i, layer] of enumerate(layers.slice(0, -1))) { // note: exclude the output layer
  if (isinstance(layer, Tanh)) {
    const t = layer.out.grad;
    print(\`layer \${i} (\${layer.constructor.name.padStart(10)}): mean \${sign(t.mean().item(), 6)}, std \${pct_e(t.std().item())}\`);
  }
}`,
  `for (const [i, p] of enumerate(parameters)) {
  const t = p.grad;
  if (p.ndim == 2) {
    print(\`weight \${\`(\${p.shape.join(', ')})\`.padStart(10)} | mean \${sign(t.mean().item(), 6)} | std \${pct_e(t.std().item())} | grad:data ratio \${pct_e((t.std() / p.std()).item())}\`);
  }
}`,
  `ud.at(-1).map((r) => round(r, 2))`,
  `${SPLIT_HEAD}
  const emb = C[x]; // (N, block_size, n_embd)
  x = emb.view(emb.shape[0], -1); // concat into (N, block_size * n_embd)
  for (const layer of layers) {
    x = layer(x);
  }
  const loss = F.cross_entropy(x, y);
  print(split, loss.item());
});

// put layers into eval mode
for (const layer of layers) {
  if ('training' in layer) layer.training = false;
}
split_loss('train');
split_loss('val');`,
  `g = torch.Generator().manual_seed(2147483647 + 10);

for (const _ of range(20)) {

    const out: number[] = [];
    let context = Array(block_size).fill(0); // initialize with all ...
    while (true) {
      // forward pass the neural net
      const emb = C[torch.tensor([context])]; // (1,block_size,n_embd)
      let x = emb.view(emb.shape[0], -1); // concatenate the vectors
      for (const layer of layers) {
        x = layer(x);
      }
      const logits = x;
      const probs = F.softmax(logits, {dim: 1});
      // sample from the distribution
      const ix = torch.multinomial(probs, {num_samples: 1, generator: g}).item();
      // shift the context window and track the samples
      context = [...context.slice(1), ix];
      out.push(ix);
      // if we sample the special '.' token, break
      if (ix == 0) {
        break;
      }
    }

    print(out.map((i) => itos.get(i)).join('')); // decode and print the generated word
}`,
  `g = torch.Generator().manual_seed(2147483647);

const a = torch.randn([1000,1], {requires_grad: true, generator: g});          // a.grad = b.T @ c.grad
const b = torch.randn([1000,1000], {requires_grad: true, generator: g});       // b.grad = c.grad @ a.T
const c = b @ a;
let loss = torch.randn(1000, {generator: g}) @ c;
a.retain_grad();
b.retain_grad();
c.retain_grad();
loss.backward();
print('a std:', a.std().item());
print('b std:', b.std().item());
print('c std:', c.std().item());
print('-----');
print('c grad std:', c.grad.std().item());
print('a grad std:', a.grad.std().item());
print('b grad std:', b.grad.std().item());`,
  `g = torch.Generator().manual_seed(2147483647);

const n = 1000;
// linear layer ---
const inp = torch.randn(n, {requires_grad: true, generator: g});
const w = torch.randn([n, n], {requires_grad: true, generator: g}); // / n**0.5
const x = w @ inp;
// bn layer ---
const xmean = x.mean();
const xvar = x.var();
const out = (x - xmean) / torch.sqrt(xvar + 1e-5);
// ----
loss = out @ torch.randn(n, {generator: g});
inp.retain_grad();
x.retain_grad();
w.retain_grad();
out.retain_grad();
loss.backward();

print('inp std: ', inp.std().item());
print('w std: ', w.std().item());
print('x std: ', x.std().item());
print('out std: ', out.std().item());
print('------');
print('out grad std: ', out.grad.std().item());
print('x grad std: ', x.grad.std().item());
print('w grad std: ', w.grad.std().item());
print('inp grad std: ', inp.grad.std().item());`,
];

const WAVENET_LAYERS = `class Linear {

  constructor(fan_in: number, fan_out: number, bias = true) {
    this.weight = torch.randn([fan_in, fan_out]) / fan_in**0.5; // note: kaiming init
    this.bias = bias ? torch.zeros(fan_out) : null;
  }

  __call__(x: torch.Tensor) {
    this.out = x @ this.weight;
    if (this.bias !== null) {
      this.out += this.bias;
    }
    return this.out;
  }

  parameters() {
    return [this.weight, ...(this.bias === null ? [] : [this.bias])];
  }
}

class BatchNorm1d {

  constructor(dim: number, eps = 1e-5, momentum = 0.1) {
    this.eps = eps;
    this.momentum = momentum;
    this.training = true;
    // parameters (trained with backprop)
    this.gamma = torch.ones(dim);
    this.beta = torch.zeros(dim);
    // buffers (trained with a running 'momentum update')
    this.running_mean = torch.zeros(dim);
    this.running_var = torch.ones(dim);
  }

  __call__(x: torch.Tensor) {
    // calculate the forward pass
    let xmean: torch.Tensor, xvar: torch.Tensor;
    if (this.training) {
      let dim: number | number[] = 0;
      if (x.ndim == 2) {
        dim = 0;
      } else if (x.ndim == 3) {
        dim = [0, 1];
      }
      xmean = x.mean(dim, {keepdim: true}); // batch mean
      xvar = x.var(dim, {keepdim: true}); // batch variance
    } else {
      xmean = this.running_mean;
      xvar = this.running_var;
    }
    const xhat = (x - xmean) / torch.sqrt(xvar + this.eps); // normalize to unit variance
    this.out = this.gamma * xhat + this.beta;
    // update the buffers
    if (this.training) {
      torch.no_grad(() => {
        this.running_mean = (1 - this.momentum) * this.running_mean + this.momentum * xmean;
        this.running_var = (1 - this.momentum) * this.running_var + this.momentum * xvar;
      });
    }
    return this.out;
  }

  parameters() {
    return [this.gamma, this.beta];
  }
}

class Tanh {
  __call__(x: torch.Tensor) {
    this.out = torch.tanh(x);
    return this.out;
  }
  parameters() {
    return [];
  }
}

class Embedding {

  constructor(num_embeddings: number, embedding_dim: number) {
    this.weight = torch.randn([num_embeddings, embedding_dim]);
  }

  __call__(IX: torch.Tensor) {
    this.out = this.weight[IX];
    return this.out;
  }

  parameters() {
    return [this.weight];
  }
}

class FlattenConsecutive {

  constructor(n: number) {
    this.n = n;
  }

  __call__(x: torch.Tensor) {
    const [B, T, C] = x.shape;
    x = x.view(B, Math.floor(T / this.n), C*this.n);
    if (x.shape[1] == 1) {
      x = x.squeeze(1);
    }
    this.out = x;
    return this.out;
  }

  parameters() {
    return [];
  }
}

type Layer = Linear | BatchNorm1d | Tanh | Embedding | FlattenConsecutive;

class Sequential {

  constructor(layers: Layer[]) {
    this.layers = layers;
  }

  __call__(x: torch.Tensor) {
    for (const layer of this.layers) {
      x = layer(x);
    }
    this.out = x;
    return this.out;
  }

  parameters() {
    // get parameters of all layers and stretch them out into one list
    return this.layers.flatMap((layer) => layer.parameters());
  }
}`;

const WAVENET = [
  `${READ}
print(len(words));
print(max(words.map((w) => len(w))));
print(words.slice(0, 8));`,
  `${VOCAB_MAP}
const vocab_size = itos.size;
print(itos);
print(vocab_size);`,
  SHUFFLE,
  BUILD.replace(`${SHUFFLE}\n`, "").replace("function build_dataset", "const block_size = 8; // context length: how many characters do we take to predict the next one?\n\nfunction build_dataset"),
  `for (const [x, y] of zip(Xtr[':20'], Ytr[':20'])) {
  print(list(x).map((ix) => itos.get(ix.item())).join(''), '-->', itos.get(y.item()));
}`,
  WAVENET_LAYERS,
  `void torch.manual_seed(42); // seed rng for reproducibility`,
  `const n_embd = 24; // the dimensionality of the character embedding vectors
const n_hidden = 128; // the number of neurons in the hidden layer of the MLP
const model = Sequential([
  Embedding(vocab_size, n_embd),
  FlattenConsecutive(2), Linear(n_embd * 2, n_hidden, false), BatchNorm1d(n_hidden), Tanh(),
  FlattenConsecutive(2), Linear(n_hidden*2, n_hidden, false), BatchNorm1d(n_hidden), Tanh(),
  FlattenConsecutive(2), Linear(n_hidden*2, n_hidden, false), BatchNorm1d(n_hidden), Tanh(),
  Linear(n_hidden, vocab_size),
]);

// parameter init
torch.no_grad(() => {
  (model.layers.at(-1) as Linear).weight *= 0.1; // last layer make less confident
});

const parameters = model.parameters();
print(sum(parameters.map((p) => p.nelement()))); // number of parameters in total
for (const p of parameters) {
  p.requires_grad = true;
}`,
  `let ix = torch.randint(0, Xtr.shape[0], [4]); // let's look at a batch of just 4 examples
let [Xb, Yb] = [Xtr[ix], Ytr[ix]];
let logits = model(Xb);
print(Xb.shape);
Xb`,
  `for (const layer of model.layers) {
  print(layer.constructor.name, ':', \`(\${layer.out.shape.join(', ')})\`);
}`,
  `const max_steps = 200000;
const batch_size = 32;
const lossi: number[] = [];

for (const i of range(40)) {

  // minibatch construct
  const ix = torch.randint(0, Xtr.shape[0], [batch_size]);
  const [Xb, Yb] = [Xtr[ix], Ytr[ix]]; // batch X,Y

  // forward pass
  const logits = model(Xb);
  const loss = F.cross_entropy(logits, Yb); // loss function

  // backward pass
  for (const p of parameters) {
    p.grad = null;
  }
  loss.backward();

  // update: simple SGD
  const lr = i < 150000 ? 0.1 : 0.01; // step learning rate decay
  for (const p of parameters) {
    p.data += -lr * p.grad;
  }

  // track stats
  if (i % 20 == 0) { // print every once in a while
    print(\`\${String(i).padStart(7)}/\${String(max_steps).padStart(7)}: \${loss.item().toFixed(4)}\`);
  }
  lossi.push(loss.log10().item());
}`,
  `torch.tensor(lossi).view(-1, 20).mean(1)`,
  `for (const layer of model.layers) {
  if ('training' in layer) layer.training = false;
}`,
  `const split_loss = torch.no_grad()((split: 'train' | 'val' | 'test') => { // the decorator disables gradient tracking inside pytorch
  const [x, y] = {
    'train': [Xtr, Ytr],
    'val': [Xdev, Ydev],
    'test': [Xte, Yte],
  }[split];
  const logits = model(x);
  const loss = F.cross_entropy(logits, y);
  print(split, loss.item());
});

split_loss('train');
split_loss('val');`,
  `for (const _ of range(20)) {

    const out: number[] = [];
    let context = Array(block_size).fill(0); // initialize with all ...
    while (true) {
      // forward pass the neural net
      const logits = model(torch.tensor([context]));
      const probs = F.softmax(logits, {dim: 1});
      // sample from the distribution
      const ix = torch.multinomial(probs, {num_samples: 1}).item();
      // shift the context window and track the samples
      context = [...context.slice(1), ix];
      out.push(ix);
      // if we sample the special '.' token, break
      if (ix == 0) {
        break;
      }
    }

    print(out.map((i) => itos.get(i)).join('')); // decode and print the generated word
}`,
  `for (const [x, y] of zip(Xtr['7:15'], Ytr['7:15'])) {
  print(list(x).map((ix) => itos.get(ix.item())).join(''), '-->', itos.get(y.item()));
}`,
  `logits = model(Xtr[[7]]);
logits.shape`,
  `logits = torch.zeros(8, 27);
for (const i of range(8)) {
  logits[i] = model(Xtr[[7+i]]);
}
logits.shape`,
];

// gpt-dev.ipynb ("Let's build GPT: from scratch, in code, spelled out"); tiny shakespeare's first 421
// characters typed into the first cell (gen_karpathy.py's GPT_TEXT).
const GPT_TEXT = `First Citizen:
Before we proceed any further, hear me speak.

All:
Speak, speak.

First Citizen:
You are all resolved rather to die than to famish?

All:
Resolved. resolved.

First Citizen:
First, you know Caius Marcius is chief enemy to the people.

All:
We know't, we know't.

First Citizen:
Let us kill him, and we'll have corn at our own price.
Is't a verdict?

All:
No more talking on't; let it be done: away, away!
`;

// The notebook's data cells; the last cell (the full GPT) repeats them, as the notebook does.
const GPT_VOCAB = `// here are all the unique characters that occur in this text
const chars = sorted(list(new Set(text)));
const vocab_size = len(chars);`;
const GPT_CODEC = `// create a mapping from characters to integers
const stoi: Record<string, number> = Object.fromEntries(list(enumerate(chars)).map(([i, ch]) => [ch, i]));
const itos: Record<number, string> = Object.fromEntries(list(enumerate(chars)));
const encode = (s: string) => list(s).map((c) => stoi[c]); // encoder: take a string, output a list of integers
const decode = (l) => l.map((i) => itos[i]).join(''); // decoder: take a list of integers, output a string`;
const GPT_GET_BATCH = `function get_batch(split: string) {
    // generate a small batch of data of inputs x and targets y
    const data = split == 'train' ? train_data : val_data;
    const ix = torch.randint(len(data) - block_size, [batch_size]);
    const x = torch.stack(list(ix).map((i) => data[\`\${i}:\${i+block_size}\`]));
    const y = torch.stack(list(ix).map((i) => data[\`\${i+1}:\${i+block_size+1}\`]));
    return [x, y];
}`;

const GPT_FULL = `// hyperparameters
const batch_size = 4; // how many independent sequences will we process in parallel? (16)
const block_size = 8; // what is the maximum context length for predictions? (32)
const max_iters = 6; // (5000)
const eval_interval = 3; // (100)
const learning_rate = 1e-3;
const device = 'cpu';
const eval_iters = 2; // (200)
const n_embd = 16; // (64)
const n_head = 4;
const n_layer = 2; // (4)
const dropout = 0.0;
// ------------

torch.manual_seed(1337);

${GPT_VOCAB}
${GPT_CODEC}

// Train and test splits
const data = torch.tensor(encode(text), dtype=torch.long);
const n = int(0.9*len(data)); // first 90% will be train, rest val
const train_data = data[\`:\${n}\`];
const val_data = data[\`\${n}:\`];

// data loading
${GPT_GET_BATCH.replace("    return [x, y];", "    return [x.to(device), y.to(device)];")}

const estimate_loss = torch.no_grad()(() => {
    const out: Record<string, torch.Tensor> = {};
    model.eval();
    for (const split of ['train', 'val']) {
        const losses = torch.zeros(eval_iters);
        for (const k of range(eval_iters)) {
            const [X, Y] = get_batch(split);
            const [logits, loss] = model(X, Y);
            losses[k] = loss.item();
        }
        out[split] = losses.mean();
    }
    model.train();
    return out;
});

/** one head of self-attention */
class Head extends nn.Module {
    declare tril: torch.Tensor;

    constructor(head_size: number) {
        super();
        this.key = nn.Linear(n_embd, head_size, bias=false);
        this.query = nn.Linear(n_embd, head_size, bias=false);
        this.value = nn.Linear(n_embd, head_size, bias=false);
        this.register_buffer('tril', torch.tril(torch.ones(block_size, block_size)));

        this.dropout = nn.Dropout(dropout);
    }

    forward(x: torch.Tensor) {
        const [B, T, C] = x.shape;
        const k = this.key(x);   // (B,T,C)
        const q = this.query(x); // (B,T,C)
        // compute attention scores ("affinities")
        let wei = q @ k.transpose(-2,-1) * C**-0.5; // (B, T, C) @ (B, C, T) -> (B, T, T)
        wei = wei.masked_fill(this.tril[\`:\${T}, :\${T}\`] == 0, float('-inf')); // (B, T, T)
        wei = F.softmax(wei, dim=-1); // (B, T, T)
        wei = this.dropout(wei);
        // perform the weighted aggregation of the values
        const v = this.value(x); // (B,T,C)
        const out = wei @ v; // (B, T, T) @ (B, T, C) -> (B, T, C)
        return out;
    }
}

/** multiple heads of self-attention in parallel */
class MultiHeadAttention extends nn.Module {

    constructor(num_heads: number, head_size: number) {
        super();
        this.heads = nn.ModuleList(list(range(num_heads)).map(() => Head(head_size)));
        this.proj = nn.Linear(n_embd, n_embd);
        this.dropout = nn.Dropout(dropout);
    }

    forward(x: torch.Tensor) {
        let out = torch.cat(list(this.heads).map((h) => h(x)), dim=-1);
        out = this.dropout(this.proj(out));
        return out;
    }
}

/** a simple linear layer followed by a non-linearity */
class FeedFoward extends nn.Module {

    constructor(n_embd: number) {
        super();
        this.net = nn.Sequential(
            nn.Linear(n_embd, 4 * n_embd),
            nn.ReLU(),
            nn.Linear(4 * n_embd, n_embd),
            nn.Dropout(dropout),
        );
    }

    forward(x: torch.Tensor) {
        return this.net(x);
    }
}

/** Transformer block: communication followed by computation */
class Block extends nn.Module {

    constructor(n_embd: number, n_head: number) {
        // n_embd: embedding dimension, n_head: the number of heads we'd like
        super();
        const head_size = Math.floor(n_embd / n_head);
        this.sa = MultiHeadAttention(n_head, head_size);
        this.ffwd = FeedFoward(n_embd);
        this.ln1 = nn.LayerNorm(n_embd);
        this.ln2 = nn.LayerNorm(n_embd);
    }

    forward(x: torch.Tensor) {
        x = x + this.sa(this.ln1(x));
        x = x + this.ffwd(this.ln2(x));
        return x;
    }
}

// super simple bigram model
class BigramLanguageModel extends nn.Module {

    constructor() {
        super();
        // each token directly reads off the logits for the next token from a lookup table
        this.token_embedding_table = nn.Embedding(vocab_size, n_embd);
        this.position_embedding_table = nn.Embedding(block_size, n_embd);
        this.blocks = nn.Sequential(...list(range(n_layer)).map(() => Block(n_embd, n_head=n_head)));
        this.ln_f = nn.LayerNorm(n_embd); // final layer norm
        this.lm_head = nn.Linear(n_embd, vocab_size);
    }

    forward(idx: torch.Tensor, targets: torch.Tensor | null = null): [torch.Tensor, torch.Tensor | null] {
        const [B, T] = idx.shape;

        // idx and targets are both (B,T) tensor of integers
        const tok_emb = this.token_embedding_table(idx); // (B,T,C)
        const pos_emb = this.position_embedding_table(torch.arange(T, device=device)); // (T,C)
        let x = tok_emb + pos_emb; // (B,T,C)
        x = this.blocks(x); // (B,T,C)
        x = this.ln_f(x); // (B,T,C)
        let logits = this.lm_head(x); // (B,T,vocab_size)

        let loss: torch.Tensor | null;
        if (targets === null) {
            loss = null;
        } else {
            const [B, T, C] = logits.shape;
            logits = logits.view(B*T, C);
            targets = targets.view(B*T);
            loss = F.cross_entropy(logits, targets);
        }

        return [logits, loss];
    }

    generate(idx: torch.Tensor, max_new_tokens: number) {
        // idx is (B, T) array of indices in the current context
        for (const _ of range(max_new_tokens)) {
            // crop idx to the last block_size tokens
            const idx_cond = idx[\`:, -\${block_size}:\`];
            // get the predictions
            let [logits, loss] = this.forward(idx_cond);
            // focus only on the last time step
            logits = logits[':, -1, :']; // becomes (B, C)
            // apply softmax to get probabilities
            const probs = F.softmax(logits, dim=-1); // (B, C)
            // sample from the distribution
            const idx_next = torch.multinomial(probs, num_samples=1); // (B, 1)
            // append sampled index to the running sequence
            idx = torch.cat([idx, idx_next], dim=1); // (B, T+1)
        }
        return idx;
    }
}

const model = BigramLanguageModel();
const m = model.to(device);
// print the number of parameters in the model
print(sum(m.parameters().map((p) => p.numel()))/1e6, 'M parameters');

// create a PyTorch optimizer
const optimizer = torch.optim.AdamW(model.parameters(), lr=learning_rate);

for (const iter of range(max_iters)) {

    // every once in a while evaluate the loss on train and val sets
    if (iter % eval_interval == 0 || iter == max_iters - 1) {
        const losses = estimate_loss();
        print(\`step \${iter}: train loss \${losses['train']:.4f}, val loss \${losses['val']:.4f}\`);
    }

    // sample a batch of data
    const [xb, yb] = get_batch('train');

    // evaluate the loss
    const [logits, loss] = model(xb, yb);
    optimizer.zero_grad(set_to_none=true);
    loss.backward();
    optimizer.step();
}

// generate from the model
const context = torch.zeros([1, 1], dtype=torch.long, device=device);
print(decode(m.generate(context, max_new_tokens=60)[0].tolist()));`;

const GPTDEV = [
  `const text = \`${GPT_TEXT}\`;`,
  `print("length of dataset in characters: ", len(text));`,
  `// let's look at the first 1000 characters
print(text.slice(0, 200));`,
  `${GPT_VOCAB}
print(chars.join(''));
print(vocab_size);`,
  `${GPT_CODEC}

print(encode("hii there"));
print(decode(encode("hii there")));`,
  `// let's now encode the entire text dataset and store it into a torch.Tensor
const data = torch.tensor(encode(text), dtype=torch.long);
print(data.shape, data.dtype);
print(data[':100']); // the 1000 characters we looked at earier will to the GPT look like this`,
  `// Let's now split up the data into train and validation sets
const n = int(0.9*len(data)); // first 90% will be train, rest val
const train_data = data[\`:\${n}\`];
const val_data = data[\`\${n}:\`];`,
  `let block_size = 8;
train_data[\`:\${block_size+1}\`]`,
  `let x = train_data[\`:\${block_size}\`];
let y = train_data[\`1:\${block_size+1}\`];
for (const t of range(block_size)) {
    const context = x[\`:\${t+1}\`];
    const target = y[t];
    print(\`when input is \${context} the target: \${target}\`);
}`,
  `torch.manual_seed(1337);
let batch_size = 4; // how many independent sequences will we process in parallel?
block_size = 8; // what is the maximum context length for predictions?

${GPT_GET_BATCH}

let [xb, yb] = get_batch('train');
print('inputs:');
print(xb.shape);
print(xb);
print('targets:');
print(yb.shape);
print(yb);

print('----');

for (const b of range(batch_size)) { // batch dimension
    for (const t of range(block_size)) { // time dimension
        const context = xb[b, \`:\${t+1}\`];
        const target = yb[b, t];
        print(\`when input is \${context.tolist()} the target: \${target}\`);
    }
}`,
  `print(xb); // our input to the transformer`,
  `torch.manual_seed(1337);

class BigramLanguageModel extends nn.Module {

    constructor(vocab_size: number) {
        super();
        // each token directly reads off the logits for the next token from a lookup table
        this.token_embedding_table = nn.Embedding(vocab_size, vocab_size);
    }

    forward(idx: torch.Tensor, targets: torch.Tensor | null = null): [torch.Tensor, torch.Tensor | null] {

        // idx and targets are both (B,T) tensor of integers
        let logits = this.token_embedding_table(idx); // (B,T,C)

        let loss: torch.Tensor | null;
        if (targets === null) {
            loss = null;
        } else {
            const [B, T, C] = logits.shape;
            logits = logits.view(B*T, C);
            targets = targets.view(B*T);
            loss = F.cross_entropy(logits, targets);
        }

        return [logits, loss];
    }

    generate(idx: torch.Tensor, max_new_tokens: number) {
        // idx is (B, T) array of indices in the current context
        for (const _ of range(max_new_tokens)) {
            // get the predictions
            let [logits, loss] = this.forward(idx);
            // focus only on the last time step
            logits = logits[':, -1, :']; // becomes (B, C)
            // apply softmax to get probabilities
            const probs = F.softmax(logits, dim=-1); // (B, C)
            // sample from the distribution
            const idx_next = torch.multinomial(probs, num_samples=1); // (B, 1)
            // append sampled index to the running sequence
            idx = torch.cat([idx, idx_next], dim=1); // (B, T+1)
        }
        return idx;
    }
}

let m = BigramLanguageModel(vocab_size);
let [logits, loss] = m(xb, yb);
print(logits.shape);
print(loss);

print(decode(m.generate(idx = torch.zeros([1, 1], dtype=torch.long), max_new_tokens=100)[0].tolist()));`,
  `// create a PyTorch optimizer
const optimizer = torch.optim.AdamW(m.parameters(), lr=1e-3);`,
  `batch_size = 32;
for (const steps of range(50)) { // increase number of steps for good results...

    // sample a batch of data
    [xb, yb] = get_batch('train');

    // evaluate the loss
    [logits, loss] = m(xb, yb);
    optimizer.zero_grad(set_to_none=true);
    loss.backward();
    optimizer.step();
}

print(loss.item());`,
  `print(decode(m.generate(idx = torch.zeros([1, 1], dtype=torch.long), max_new_tokens=100)[0].tolist()));`,
  `// toy example illustrating how matrix multiplication can be used for a "weighted aggregation"
torch.manual_seed(42);
let a = torch.tril(torch.ones(3, 3));
a = a / torch.sum(a, 1, keepdim=true);
const b = torch.randint(0,10,[3,2]).float();
const c = a @ b;
print('a=');
print(a);
print('--');
print('b=');
print(b);
print('--');
print('c=');
print(c);`,
  `// consider the following toy example:

torch.manual_seed(1337);
let [B,T,C] = [4,8,2]; // batch, time, channels
x = torch.randn(B,T,C);
x.shape`,
  `// We want x[b,t] = mean_{i<=t} x[b,i]
const xbow = torch.zeros([B,T,C]);
for (const b of range(B)) {
    for (const t of range(T)) {
        const xprev = x[b, \`:\${t+1}\`]; // (t,C)
        xbow[b, t] = torch.mean(xprev, 0);
    }
}`,
  `// version 2: using matrix multiply for a weighted aggregation
let wei = torch.tril(torch.ones(T, T));
wei = wei / wei.sum(1, keepdim=true);
const xbow2 = wei @ x; // (B, T, T) @ (B, T, C) ----> (B, T, C)
print(torch.allclose(xbow, xbow2, atol=1e-7));`,
  `// version 3: use Softmax
let tril = torch.tril(torch.ones(T, T));
wei = torch.zeros([T,T]);
wei = wei.masked_fill(tril == 0, float('-inf'));
wei = F.softmax(wei, dim=-1);
const xbow3 = wei @ x;
print(torch.allclose(xbow, xbow3, atol=1e-7));`,
  `// version 4: self-attention!
torch.manual_seed(1337);
[B,T,C] = [4,8,32]; // batch, time, channels
x = torch.randn(B,T,C);

// let's see a single Head perform self-attention
const head_size = 16;
const key = nn.Linear(C, head_size, bias=false);
const query = nn.Linear(C, head_size, bias=false);
const value = nn.Linear(C, head_size, bias=false);
let k = key(x);   // (B, T, 16)
let q = query(x); // (B, T, 16)
wei =  q @ k.transpose(-2, -1); // (B, T, 16) @ (B, 16, T) ---> (B, T, T)

tril = torch.tril(torch.ones(T, T));
//wei = torch.zeros((T,T))
wei = wei.masked_fill(tril == 0, float('-inf'));
wei = F.softmax(wei, dim=-1);

const v = value(x);
const out = wei @ v;
//out = wei @ x

out.shape`,
  `wei[0]`,
  `k = torch.randn(B,T,head_size);
q = torch.randn(B,T,head_size);
wei = q @ k.transpose(-2, -1) * head_size**-0.5;`,
  `k.var()`,
  `q.var()`,
  `wei.var()`,
  `torch.softmax(torch.tensor([0.1, -0.2, 0.3, -0.2, 0.5]), dim=-1)`,
  `torch.softmax(torch.tensor([0.1, -0.2, 0.3, -0.2, 0.5])*8, dim=-1) // gets too peaky, converges to one-hot`,
  `class LayerNorm1d { // (used to be BatchNorm1d)

  constructor(dim: number, eps=1e-5, momentum=0.1) {
    this.eps = eps;
    this.gamma = torch.ones(dim);
    this.beta = torch.zeros(dim);
  }

  __call__(x: torch.Tensor) {
    // calculate the forward pass
    const xmean = x.mean(1, keepdim=true); // batch mean
    const xvar = x.var(1, keepdim=true); // batch variance
    const xhat = (x - xmean) / torch.sqrt(xvar + this.eps); // normalize to unit variance
    this.out = this.gamma * xhat + this.beta;
    return this.out;
  }

  parameters() {
    return [this.gamma, this.beta];
  }
}

torch.manual_seed(1337);
const module = LayerNorm1d(100);
x = torch.randn(32, 100); // batch size 32 of 100-dimensional vectors
x = module.__call__(x);
x.shape`,
  `[x[':,0'].mean(), x[':,0'].std()] // mean,std of one feature across all batch inputs`,
  `[x['0,:'].mean(), x['0,:'].std()] // mean,std of a single input from the batch, of its features`,
  GPT_FULL,
];

/**
 * Each cell printed and showed PyTorch's text (numbers within float32 tolerance). The cells of `loose`
 * print losses after SGD steps: the lectures' first steps run at a loss of ~20 with saturated tanh
 * units, where float32 rounding differences (summation order in matmul / cross_entropy, one ulp at
 * step 0) grow by ~10x every few dozen steps, so those numbers are held to 1%; the sampled names after
 * them must still be PyTorch's exactly. A number printed as zero (`%+f` of a ~1e-10 mean) may carry
 * either sign.
 */
function expectCells(got: CellOutput[], want: CellOutput[], loose: number[] = []): void {
  expect(got.length).toBe(want.length);
  want.forEach((w, i) => {
    const tol = loose.includes(i) ? 1e-2 : 2e-4;
    // A mean that prints as zero may carry either sign ('%+f' of a ~1e-10 gradient mean).
    const zero = (c: CellOutput) => ({ printed: c.printed.replace(/[+-](0\.0+)(?![0-9])/g, "$1"), shown: c.shown });
    const g = zero(got[i]);
    w = zero(w);
    expect([i, g.printed.split("\n").length]).toEqual([i, w.printed.split("\n").length]);
    expectSamePrint(g.printed, w.printed, tol);
    expect([i, g.shown === null]).toEqual([i, w.shown === null]);
    if (w.shown !== null) expectSamePrint(g.shown as string, w.shown, tol);
  });
}

const withNames = (cells: string[]) => cells.map((c) => c.replace("'names.txt'", JSON.stringify(NAMES)));

describe("Karpathy's Zero to Hero makemore lectures as notebooks through `torchlab run`", () => {
  const nbs = sectionsForSuite("karpathy", { makemore: { bigrams: withNames(BIGRAMS), mlp: withNames(MLP), bnorm: withNames(BNORM), wavenet: withNames(WAVENET), gptdev: GPTDEV } });

  test("part 1, bigrams: counts in an int32 tensor, a seeded multinomial sampling names, the log-likelihood, one_hot @ W trained by hand", () => {
    expectCells(cellsOf(nbs.bigrams), R.bigrams);
  });

  test("part 2, MLP: C[X] embedding lookups, view / cat / unbind, a 3-character context MLP trained with a seeded Generator and the global one, linspace learning rates, the sampled names", () => {
    expectCells(cellsOf(nbs.mlp), R.mlp, [36, 37, 38, 39]);
  });

  test("part 3, BatchNorm: kaiming-scaled init, a hand-written batchnorm with running stats under no_grad, @torch.no_grad() split_loss, Linear / BatchNorm1d / Tanh classes in a 6-layer net with retain_grad, activation and gradient statistics, the sampled names", () => {
    expectCells(cellsOf(nbs.bnorm), R.bnorm);
  });

  test("part 5, WaveNet: Embedding / FlattenConsecutive / Sequential classes, batchnorm over (0, 1) of 3-D activations, a hierarchical net trained on the global generator, the layer shapes, the sampled names, Xtr[[7]] and rows assigned from a [1, 27] result", () => {
    expectCells(cellsOf(nbs.wavenet), R.wavenet);
  });

  test("gpt-dev, Let's build GPT: a character vocabulary, get_batch with torch.randint, a bigram model (nn.Embedding, cross_entropy over view, generate with multinomial) trained with AdamW, the self-attention trick (xbow, tril, masked_fill, softmax), a Head, LayerNorm1d, the full GPT (Head, MultiHeadAttention, FeedFoward, Block, LayerNorm) trained and sampled", () => {
    expectCells(cellsOf(nbs.gptdev), R.gptdev);
  });
});
