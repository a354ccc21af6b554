/**
 * Andrej Karpathy's "Building makemore Part 4: Becoming a Backprop Ninja" (karpathy/nn-zero-to-hero,
 * lectures/makemore/makemore_part4_backprop.ipynb) ported cell by cell in the notebook dialect and run
 * as a notebook through `torchlab run`, against what PyTorch 1.13 prints for the same cells
 * (test/reference/gen_karpathy.py's PART4, karpathy.json's "backprop"): the MLP's forward pass
 * "chunkated" into steps with retain_grad() on each, the whole manual backward pass (dlogprobs, dprobs,
 * dcounts_sum_inv, ..., dbnraw, dhprebn, dembcat, dC by a Python double loop of `dC[ix] += demb[k,j]`),
 * each checked by `cmp` against autograd's `.grad` (`torch.all(dt == t.grad).item()`,
 * `torch.allclose(dt, t.grad)`, `(dt - t.grad).abs().max().item()`), the fused cross-entropy backward
 * (`dlogits[range(n), Yb] -= 1`) and batchnorm backward, then the MLP trained on those manual gradients
 * under torch.no_grad, the batchnorm calibrated, the split losses and 20 sampled names.
 *
 * Same stand-ins as parts 1-3 and 5 (karpathy_notebook.test.ts): karpathy_names.txt for names.txt,
 * `random.shuffle(words)` as a torch.randperm shuffle. Shrunk: training runs 100 steps instead of
 * 200000 (the learning rate decays at step 70, a print every 10 steps). Left out: the plot of dlogits
 * and the comment-only cells. Written differently: `with torch.no_grad():` is `torch.no_grad(() =>
 * {...})`, `@torch.no_grad()` above split_loss is `torch.no_grad()((split) => {...})` with the
 * `{...}[split]` dict of tuples an object of arrays; the calibration cell declares `let bnmean` for the
 * later cells (Python's names leak out of a with block).
 *
 * The cmp lines print what PyTorch prints: True or False for exact and approximate, the same on both
 * sides (PyTorch 1.13 on this machine is exact only through b2, as torchlab is: from hpreact on, its
 * tanh backward rounds otherwise than the lecture's `(1.0 - h**2) * dh`, where the lecture's recording
 * shows True), and a maxdiff of 0.0 exactly where PyTorch's is. A nonzero maxdiff is the last float32 bits of sums whose order differs (torchlab's
 * matmul and sum reductions add in order, PyTorch's BLAS and vectorised reductions in blocks), so it is
 * held to PyTorch's within a factor of 10 either way: both are a few ulps of the gradients (~1e-9 for
 * gradients ~1e-2), and a wrong formula would be off by the gradient's size. For the same reason
 * `(loss_fast - loss).item()` may be 0.0 or one ulp of the loss (2.4e-7 at 3.45).
 */
import { cellsOf, sectionsForSuite, type CellOutput } from "./_notebooks";
import { expectSamePrint } from "./_tutorial";
import { BUILD, R, READ, VOCAB_MAP, withNames } from "./_karpathy";

const BACKPROP = [
  `${READ}
print(len(words));
print(max(words.map((w) => len(w))));
print(words.slice(0, 8));`,
  `// build the vocabulary of characters and mappings to/from integers
${VOCAB_MAP}
const vocab_size = len(itos);
print(itos);
print(vocab_size);`,
  `// build the dataset
const block_size = 3; // context length: how many characters do we take to predict the next one?

${BUILD}`,
  `// utility function we will use later when comparing manual gradients to PyTorch gradients
function cmp(s: string, dt: torch.Tensor, t: torch.Tensor) {
  const ex = torch.all(dt == t.grad).item();
  const app = torch.allclose(dt, t.grad);
  const maxdiff = (dt - t.grad).abs().max().item();
  print(\`\${s:15s} | exact: \${str(ex):5s} | approximate: \${str(app):5s} | maxdiff: \${maxdiff}\`);
}`,
  `let n_embd = 10; // the dimensionality of the character embedding vectors
let n_hidden = 64; // the number of neurons in the hidden layer of the MLP

let g = torch.Generator().manual_seed(2147483647); // for reproducibility
let C  = torch.randn([vocab_size, n_embd],            generator=g);
// Layer 1
let W1 = torch.randn([n_embd * block_size, n_hidden], generator=g) * (5/3)/((n_embd * block_size)**0.5);
let b1 = torch.randn(n_hidden,                        generator=g) * 0.1; // using b1 just for fun, it's useless because of BN
// Layer 2
let W2 = torch.randn([n_hidden, vocab_size],          generator=g) * 0.1;
let b2 = torch.randn(vocab_size,                      generator=g) * 0.1;
// BatchNorm parameters
let bngain = torch.randn([1, n_hidden])*0.1 + 1.0;
let bnbias = torch.randn([1, n_hidden])*0.1;

// Note: I am initializating many of these parameters in non-standard ways
// because sometimes initializating with e.g. all zeros could mask an incorrect
// implementation of the backward pass.

let parameters = [C, W1, b1, W2, b2, bngain, bnbias];
print(sum(parameters.map((p) => p.nelement()))); // number of parameters in total
for (const p of parameters) {
  p.requires_grad = true;
}`,
  `let batch_size = 32;
let n = batch_size; // a shorter variable also, for convenience
// construct a minibatch
let ix = torch.randint(0, Xtr.shape[0], [batch_size], generator=g);
let [Xb, Yb] = [Xtr[ix], Ytr[ix]]; // batch X,Y`,
  `// forward pass, "chunkated" into smaller steps that are possible to backward one at a time

let emb = C[Xb]; // embed the characters into vectors
let embcat = emb.view(emb.shape[0], -1); // concatenate the vectors
// Linear layer 1
let hprebn = embcat @ W1 + b1; // hidden layer pre-activation
// BatchNorm layer
let bnmeani = 1/n*hprebn.sum(0, keepdim=true);
let bndiff = hprebn - bnmeani;
let bndiff2 = bndiff**2;
let bnvar = 1/(n-1)*(bndiff2).sum(0, keepdim=true); // note: Bessel's correction (dividing by n-1, not n)
let bnvar_inv = (bnvar + 1e-5)**-0.5;
let bnraw = bndiff * bnvar_inv;
let hpreact = bngain * bnraw + bnbias;
// Non-linearity
let h = torch.tanh(hpreact); // hidden layer
// Linear layer 2
let logits = h @ W2 + b2; // output layer
// cross entropy loss (same as F.cross_entropy(logits, Yb))
let logit_maxes = logits.max(1, keepdim=true).values;
let norm_logits = logits - logit_maxes; // subtract max for numerical stability
let counts = norm_logits.exp();
let counts_sum = counts.sum(1, keepdims=true);
let counts_sum_inv = counts_sum**-1; // if I use (1.0 / counts_sum) instead then I can't get backprop to be bit exact...
let probs = counts * counts_sum_inv;
let logprobs = probs.log();
let loss = -logprobs[range(n), Yb].mean();

// PyTorch backward pass
for (const p of parameters) {
  p.grad = None;
}
for (const t of [logprobs, probs, counts, counts_sum, counts_sum_inv, // afaik there is no cleaner way
          norm_logits, logit_maxes, logits, h, hpreact, bnraw,
         bnvar_inv, bnvar, bndiff2, bndiff, hprebn, bnmeani,
         embcat, emb]) {
  t.retain_grad();
}
loss.backward();
loss`,
  `// Exercise 1: backprop through the whole thing manually, 
// backpropagating through exactly all of the variables 
// as they are defined in the forward pass above, one by one

let dlogprobs = torch.zeros_like(logprobs);
dlogprobs[range(n), Yb] = -1.0/n;
let dprobs = (1.0 / probs) * dlogprobs;
let dcounts_sum_inv = (counts * dprobs).sum(1, keepdim=true);
let dcounts = counts_sum_inv * dprobs;
let dcounts_sum = (-counts_sum**-2) * dcounts_sum_inv;
dcounts += torch.ones_like(counts) * dcounts_sum;
let dnorm_logits = counts * dcounts;
let dlogits = dnorm_logits.clone();
let dlogit_maxes = (-dnorm_logits).sum(1, keepdim=true);
dlogits += F.one_hot(logits.max(1).indices, num_classes=logits.shape[1]) * dlogit_maxes;
let dh = dlogits @ W2.T;
let dW2 = h.T @ dlogits;
let db2 = dlogits.sum(0);
let dhpreact = (1.0 - h**2) * dh;
let dbngain = (bnraw * dhpreact).sum(0, keepdim=true);
let dbnraw = bngain * dhpreact;
let dbnbias = dhpreact.sum(0, keepdim=true);
let dbndiff = bnvar_inv * dbnraw;
let dbnvar_inv = (bndiff * dbnraw).sum(0, keepdim=true);
let dbnvar = (-0.5*(bnvar + 1e-5)**-1.5) * dbnvar_inv;
let dbndiff2 = (1.0/(n-1))*torch.ones_like(bndiff2) * dbnvar;
dbndiff += (2*bndiff) * dbndiff2;
let dhprebn = dbndiff.clone();
let dbnmeani = (-dbndiff).sum(0);
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
  `// Exercise 2: backprop through cross_entropy but all in one go
const loss_fast = F.cross_entropy(logits, Yb);
print(loss_fast.item(), 'diff:', (loss_fast - loss).item());`,
  `// backward pass

dlogits = F.softmax(logits, 1);
dlogits[range(n), Yb] -= 1;
dlogits /= n;

cmp('logits', dlogits, logits); // I can only get approximate to be true, my maxdiff is 6e-9`,
  `[logits.shape, Yb.shape]`,
  `F.softmax(logits, 1)[0]`,
  `dlogits[0] * n`,
  `dlogits[0].sum()`,
  `// Exercise 3: backprop through batchnorm but all in one go
const hpreact_fast = bngain * (hprebn - hprebn.mean(0, keepdim=true)) / torch.sqrt(hprebn.var(0, keepdim=true, unbiased=true) + 1e-5) + bnbias;
print('max diff:', (hpreact_fast - hpreact).abs().max());`,
  `// calculate dhprebn given dhpreact (i.e. backprop through the batchnorm)
dhprebn = bngain*bnvar_inv/n * (n*dhpreact - dhpreact.sum(0) - n/(n-1)*bnraw*(dhpreact*bnraw).sum(0));

cmp('hprebn', dhprebn, hprebn); // I can only get approximate to be true, my maxdiff is 9e-10`,
  `[dhprebn.shape, bngain.shape, bnvar_inv.shape, dbnraw.shape, dbnraw.sum(0).shape]`,
  `// Exercise 4: putting it all together!
// Train the MLP neural net with your own backward pass

// init
n_embd = 10; // the dimensionality of the character embedding vectors
n_hidden = 200; // the number of neurons in the hidden layer of the MLP

g = torch.Generator().manual_seed(2147483647); // for reproducibility
C  = torch.randn([vocab_size, n_embd],            generator=g);
// Layer 1
W1 = torch.randn([n_embd * block_size, n_hidden], generator=g) * (5/3)/((n_embd * block_size)**0.5);
b1 = torch.randn(n_hidden,                        generator=g) * 0.1;
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
}

// same optimization as last time
const max_steps = 100;
batch_size = 32;
n = batch_size; // convenience
const lossi: number[] = [];
let grads: torch.Tensor[] = [];

// use this context manager for efficiency once your backward pass is written (TODO)
torch.no_grad(() => {

  // kick off optimization
  for (const i of range(max_steps)) {

    // minibatch construct
    const ix = torch.randint(0, Xtr.shape[0], [batch_size], generator=g);
    const [Xb, Yb] = [Xtr[ix], Ytr[ix]]; // batch X,Y

    // forward pass
    const emb = C[Xb]; // embed the characters into vectors
    const embcat = emb.view(emb.shape[0], -1); // concatenate the vectors
    // Linear layer
    const hprebn = embcat @ W1 + b1; // hidden layer pre-activation
    // BatchNorm layer
    // -------------------------------------------------------------
    const bnmean = hprebn.mean(0, keepdim=true);
    const bnvar = hprebn.var(0, keepdim=true, unbiased=true);
    const bnvar_inv = (bnvar + 1e-5)**-0.5;
    const bnraw = (hprebn - bnmean) * bnvar_inv;
    const hpreact = bngain * bnraw + bnbias;
    // -------------------------------------------------------------
    // Non-linearity
    const h = torch.tanh(hpreact); // hidden layer
    const logits = h @ W2 + b2; // output layer
    const loss = F.cross_entropy(logits, Yb); // loss function

    // backward pass
    for (const p of parameters) {
      p.grad = None;
    }
    //loss.backward() # use this for correctness comparisons, delete it later!

    // manual backprop! #swole_doge_meme
    // -----------------
    let dlogits = F.softmax(logits, 1);
    dlogits[range(n), Yb] -= 1;
    dlogits /= n;
    // 2nd layer backprop
    const dh = dlogits @ W2.T;
    const dW2 = h.T @ dlogits;
    const db2 = dlogits.sum(0);
    // tanh
    const dhpreact = (1.0 - h**2) * dh;
    // batchnorm backprop
    const dbngain = (bnraw * dhpreact).sum(0, keepdim=true);
    const dbnbias = dhpreact.sum(0, keepdim=true);
    const dhprebn = bngain*bnvar_inv/n * (n*dhpreact - dhpreact.sum(0) - n/(n-1)*bnraw*(dhpreact*bnraw).sum(0));
    // 1st layer
    const dembcat = dhprebn @ W1.T;
    const dW1 = embcat.T @ dhprebn;
    const db1 = dhprebn.sum(0);
    // embedding
    const demb = dembcat.view(emb.shape);
    const dC = torch.zeros_like(C);
    for (const k of range(Xb.shape[0])) {
      for (const j of range(Xb.shape[1])) {
        const ix = Xb[k,j];
        dC[ix] += demb[k,j];
      }
    }
    grads = [dC, dW1, db1, dW2, db2, dbngain, dbnbias];
    // -----------------

    // update
    const lr = i < 70 ? 0.1 : 0.01; // step learning rate decay
    for (const [p, grad] of zip(parameters, grads)) {
      //p.data += -lr * p.grad # old way of cheems doge (using PyTorch grad from .backward())
      p.data += -lr * grad; // new way of swole doge TODO: enable
    }

    // track stats
    if (i % 10 == 0) { // print every once in a while
      print(\`\${i:7d}/\${max_steps:7d}: \${loss.item():.4f}\`);
    }
    lossi.append(loss.log10().item());
  }
});`,
  `// calibrate the batch norm at the end of training
let bnmean;
torch.no_grad(() => {
  // pass the training set through
  const emb = C[Xtr];
  const embcat = emb.view(emb.shape[0], -1);
  const hpreact = embcat @ W1 + b1;
  // measure the mean/std over the entire training set
  bnmean = hpreact.mean(0, keepdim=true);
  bnvar = hpreact.var(0, keepdim=true, unbiased=true);
});`,
  `// evaluate train and val loss
const split_loss = torch.no_grad()((split: 'train' | 'val' | 'test') => { // this decorator disables gradient tracking
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
  `// sample from the model
g = torch.Generator().manual_seed(2147483647 + 10);

for (const _ of range(20)) {

  const out = [];
  let context = [0] * block_size; // initialize with all ...
  while (true) {
    // ------------
    // forward pass:
    // Embedding
    const emb = C[torch.tensor([context])]; // (1,block_size,d)
    const embcat = emb.view(emb.shape[0], -1); // concat into (N, block_size * n_embd)
    let hpreact = embcat @ W1 + b1;
    hpreact = bngain * (hpreact - bnmean) * (bnvar + 1e-5)**-0.5 + bnbias;
    const h = torch.tanh(hpreact); // (N, n_hidden)
    const logits = h @ W2 + b2; // (N, vocab_size)
    // ------------
    // Sample
    const probs = F.softmax(logits, dim=1);
    const ix = torch.multinomial(probs, num_samples=1, generator=g).item();
    context = [...context.slice(1), ix];
    out.append(ix);
    if (ix == 0) {
      break;
    }
  }

  print(out.map((i) => itos.get(i)).join(''));
}`,
];

/** A `cmp` line: `name | exact: True  | approximate: True  | maxdiff: 0.0`. */
const CMP = /^(\S+\s*\| exact: (?:True |False) \| approximate: (?:True |False) \| maxdiff: )(\S+)$/;

/** A cell's printed lines as PyTorch's, the cmp lines' maxdiff and the loss_fast diff held as the header says. */
function expectBackpropCell(i: number, got: CellOutput, want: CellOutput): void {
  const g = got.printed.split("\n");
  const w = want.printed.split("\n");
  expect([i, g.length]).toEqual([i, w.length]);
  w.forEach((line, k) => {
    const cmp = CMP.exec(line);
    const diff = /^(\S+) diff: (\S+)$/.exec(line);
    if (cmp) {
      const mine = CMP.exec(g[k]);
      expect([i, mine?.[1]]).toEqual([i, cmp[1]]);
      const [a, b] = [Number(mine![2]), Number(cmp[2])];
      if (b === 0) expect([i, line, a]).toEqual([i, line, 0]);
      else expect([i, line, a > b / 10 && a < b * 10]).toEqual([i, line, true]);
    } else if (diff) {
      const mine = /^(\S+) diff: (\S+)$/.exec(g[k])!;
      expectSamePrint(mine[1], diff[1], 1e-6);
      expect(Math.abs(Number(mine[2]))).toBeLessThanOrEqual(2 ** -22);
    } else {
      expectSamePrint(g[k], line);
    }
  });
  expect([i, got.shown === null]).toEqual([i, want.shown === null]);
  if (want.shown !== null) expectSamePrint(got.shown!, want.shown);
}

describe("Karpathy's makemore part 4, Becoming a Backprop Ninja, as a notebook through `torchlab run`", () => {
  const nbs = sectionsForSuite("karpathy-backprop", { backprop: { backprop: withNames(BACKPROP) } });

  test("the manual backward pass through cross-entropy, batchnorm, tanh, both linear layers and the embedding agrees with autograd as PyTorch's does (cmp's exact / approximate / maxdiff), the fused cross-entropy and batchnorm backward, training on manual gradients, the split losses and the sampled names", () => {
    const got = cellsOf(nbs.backprop);
    expect(got.length).toBe(R.backprop.length);
    R.backprop.forEach((w, i) => expectBackpropCell(i, got[i], w));
  });
});
