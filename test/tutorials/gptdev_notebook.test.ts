/**
 * Andrej Karpathy's "Let's build GPT: from scratch, in code, spelled out" as its scripts
 * (karpathy/ng-video-lecture: bigram.py, and gpt.py in its later form, GPTLanguageModel with
 * `self.apply(self._init_weights)`), ported cell by cell in the notebook dialect and run as a notebook
 * through `torchlab run`; then Sasha Rush's Tensor Puzzles (srush/Tensor-Puzzles). What each cell prints
 * is PyTorch 1.13's (test/reference/gen_gptdev.py runs the same cells as IPython does, gptdev.json).
 * Every batch get_batch samples (torch.randint), every dropout mask, every loss and every sampled
 * character is PyTorch's, from the scripts' `torch.manual_seed(1337)`. The lecture notebook's own cells
 * (gpt-dev.ipynb: the data cells, the self-attention trick's versions 1-4, a single Head, LayerNorm1d
 * and its final GPT) are ported in karpathy_notebook.test.ts's gptdev section; v2.py is that last cell.
 *
 * Stand-in: tiny shakespeare (input.txt) is gptdev_input.txt, ~4 KB of made-up play speeches the
 * generator writes from fixed word lists and a seed; both sides read it where the scripts open
 * input.txt. Shrunk: bigram.py trains 40 steps (3000) evaluated every 20 (300) over 4 batches (200);
 * gpt.py keeps block_size 8 and dropout 0.2 at batch 8 (64), n_embd 32 (384), 4 heads (6), 2 layers (6),
 * learning rate 1e-3 (3e-4), 20 steps (5000) evaluated at 0, 10 and 19 over 2 batches (200); both sample
 * 100 characters (500). gpt.py's model has ~29k parameters; one cell prints what _init_weights did
 * (lm_head's weight std under 0.03, its bias zero, LayerNorm weights one) and a row of the embedding.
 * Written differently from the scripts: `with open('input.txt', ...) as f: text = f.read()` is
 * `open('input.txt', ...).read()` (no `with` block); `device = 'cuda' if ... else 'cpu'` a conditional expression; `@torch.no_grad()`
 * above estimate_loss is `const estimate_loss = torch.no_grad()(() => {...})`; `self(idx)` is
 * `this.forward(idx)` (a TypeScript class cannot call `this`); `register_buffer('tril', ...)` is read
 * through `declare tril: torch.Tensor`; `for h in self.heads` is `list(this.heads).map(...)`; the
 * generator `sum(p.numel() for p in m.parameters())` is `sum(m.parameters().map((p) => p.numel()))`;
 * `n_embd // n_head` is Math.floor; slices with a variable bound are template strings
 * (`data[\`:\${n}\`]`, `this.tril[\`:\${T}, :\${T}\`]`); `self.apply(self._init_weights)` passes the
 * method as Python does (it does not use `this`).
 * Tensor Puzzles: the 16 puzzles of the notebook's first edition (ones ... scatter_add), each spec as
 * the puzzles write it (loops filling `out`, here an int64 zeros tensor), a one-line solution using only
 * the puzzles' arange / where, @, arithmetic, comparison, shape, indexing and earlier puzzles, and
 * run_test in the spirit of the puzzles' make_test: three seeded examples (sizes 1-5, values in
 * [-5, 5) from torch.randint on both sides, so both draw the same inputs), printing each solution's
 * result and torch.equal with the spec's output. `a[:, None]` is `a[':, None']`; a spec's `if g[i]:`
 * and `j < length[i]` are Python's truth value of a 0-d tensor (the dialect asks bool()).
 * Divergence this port found, fixed: the puzzles' `where(q, a, b)`, whose a and b are a tensor or a
 * number, typed `torch.Tensor | number`, did not compile (`(q * a) + (~q) * b`: TypeScript refuses
 * arithmetic on the union, which the dialect left alone); an operand typed as a union of Tensor with
 * number / boolean is now decided at run time, as an untyped one is (kernel/rewrite.ts operandKind).
 */
import * as fs from "fs";
import * as path from "path";
import { cellsOf, sectionsForSuite, type CellOutput } from "./_notebooks";
import { expectSamePrint } from "./_tutorial";

const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "gptdev.json"), "utf8")) as Record<string, CellOutput[]>;
const INPUT = path.join(__dirname, "..", "reference", "gptdev_input.txt");

const READ = `const text = open('input.txt', 'r', encoding='utf-8').read();`;

const CODEC = `// here are all the unique characters that occur in this text
const chars = sorted(list(new Set(text)));
const vocab_size = len(chars);
// create a mapping from characters to integers
const stoi: Record<string, number> = Object.fromEntries(list(enumerate(chars)).map(([i, ch]) => [ch, i]));
const itos: Record<number, string> = Object.fromEntries(list(enumerate(chars)));
const encode = (s: string) => list(s).map((c) => stoi[c]); // encoder: take a string, output a list of integers
const decode = (l) => l.map((i) => itos[i]).join(''); // decoder: take a list of integers, output a string`;

const SPLIT = `// Train and test splits
const data = torch.tensor(encode(text), dtype=torch.long);
const n = int(0.9*len(data)); // first 90% will be train, rest val
const train_data = data[\`:\${n}\`];
const val_data = data[\`\${n}:\`];`;

const GET_BATCH = `// data loading
function get_batch(split: string) {
    // generate a small batch of data of inputs x and targets y
    const data = split == 'train' ? train_data : val_data;
    const ix = torch.randint(len(data) - block_size, [batch_size]);
    let x = torch.stack(list(ix).map((i) => data[\`\${i}:\${i+block_size}\`]));
    let y = torch.stack(list(ix).map((i) => data[\`\${i+1}:\${i+block_size+1}\`]));
    [x, y] = [x.to(device), y.to(device)];
    return [x, y];
}`;

const ESTIMATE = `const estimate_loss = torch.no_grad()(() => {
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
});`;

const TRAIN = `// create a PyTorch optimizer
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
}`;

const GENERATE = `// generate from the model
const context = torch.zeros([1, 1], dtype=torch.long, device=device);
print(decode(m.generate(context, max_new_tokens=100)[0].tolist()));`;

const BIGRAM = [
  `// hyperparameters
const batch_size = 32; // how many independent sequences will we process in parallel?
const block_size = 8; // what is the maximum context length for predictions?
const max_iters = 40; // (3000)
const eval_interval = 20; // (300)
const learning_rate = 1e-2;
const device = torch.cuda.is_available() ? 'cuda' : 'cpu';
const eval_iters = 4; // (200)
// ------------

torch.manual_seed(1337);

${READ}`,
  CODEC,
  SPLIT,
  GET_BATCH,
  ESTIMATE,
  `// super simple bigram model
class BigramLanguageModel extends nn.Module {

    constructor(vocab_size: number) {
        super();
        // each token directly reads off the logits for the next token from a lookup table
        this.token_embedding_table = nn.Embedding(vocab_size, vocab_size);
    }

    forward(idx: torch.Tensor, targets: torch.Tensor | null = null): [torch.Tensor, torch.Tensor | null] {

        // idx and targets are both (B,T) tensor of integers
        const logits = this.token_embedding_table(idx); // (B,T,C)

        let loss: torch.Tensor | null;
        if (targets === null) {
            loss = null;
        } else {
            const [B, T, C] = logits.shape;
            loss = F.cross_entropy(logits.view(B*T, C), targets.view(B*T));
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

const model = BigramLanguageModel(vocab_size);
const m = model.to(device);`,
  TRAIN.replace("iter % eval_interval == 0 || iter == max_iters - 1", "iter % eval_interval == 0"),
  GENERATE,
];

const GPT = [
  `// hyperparameters
const batch_size = 8; // how many independent sequences will we process in parallel? (64)
const block_size = 8; // what is the maximum context length for predictions? (256)
const max_iters = 20; // (5000)
const eval_interval = 10; // (500)
const learning_rate = 1e-3; // (3e-4)
const device = torch.cuda.is_available() ? 'cuda' : 'cpu';
const eval_iters = 2; // (200)
const n_embd = 32; // (384)
const n_head = 4; // (6)
const n_layer = 2; // (6)
const dropout = 0.2;
// ------------

torch.manual_seed(1337);

${READ}`,
  CODEC,
  SPLIT,
  GET_BATCH,
  ESTIMATE,
  `/** one head of self-attention */
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
        // input of size (batch, time-step, channels)
        // output of size (batch, time-step, head size)
        const [B,T,C] = x.shape;
        const k = this.key(x);   // (B,T,hs)
        const q = this.query(x); // (B,T,hs)
        // compute attention scores ("affinities")
        let wei = q @ k.transpose(-2,-1) * k.shape[-1]**-0.5; // (B, T, hs) @ (B, hs, T) -> (B, T, T)
        wei = wei.masked_fill(this.tril[\`:\${T}, :\${T}\`] == 0, float('-inf')); // (B, T, T)
        wei = F.softmax(wei, dim=-1); // (B, T, T)
        wei = this.dropout(wei);
        // perform the weighted aggregation of the values
        const v = this.value(x); // (B,T,hs)
        const out = wei @ v; // (B, T, T) @ (B, T, hs) -> (B, T, hs)
        return out;
    }
}

/** multiple heads of self-attention in parallel */
class MultiHeadAttention extends nn.Module {

    constructor(num_heads: number, head_size: number) {
        super();
        this.heads = nn.ModuleList(list(range(num_heads)).map(() => Head(head_size)));
        this.proj = nn.Linear(head_size * num_heads, n_embd);
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
}`,
  `class GPTLanguageModel extends nn.Module {

    constructor() {
        super();
        // each token directly reads off the logits for the next token from a lookup table
        this.token_embedding_table = nn.Embedding(vocab_size, n_embd);
        this.position_embedding_table = nn.Embedding(block_size, n_embd);
        this.blocks = nn.Sequential(...list(range(n_layer)).map(() => Block(n_embd, n_head=n_head)));
        this.ln_f = nn.LayerNorm(n_embd); // final layer norm
        this.lm_head = nn.Linear(n_embd, vocab_size);

        // better init, not covered in the original GPT video, but important, will cover in followup video
        this.apply(this._init_weights);
    }

    _init_weights(module: nn.Module) {
        if (isinstance(module, nn.Linear)) {
            torch.nn.init.normal_(module.weight, mean=0.0, std=0.02);
            if (module.bias !== null) {
                torch.nn.init.zeros_(module.bias);
            }
        } else if (isinstance(module, nn.Embedding)) {
            torch.nn.init.normal_(module.weight, mean=0.0, std=0.02);
        }
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

const model = GPTLanguageModel();
const m = model.to(device);
// print the number of parameters in the model
print(sum(m.parameters().map((p) => p.numel()))/1e6, 'M parameters');`,
  `print(m.lm_head.weight.std().item() < 0.03, m.lm_head.bias.abs().sum().item(), m.blocks[0].ln1.weight.sum().item());
print(m.token_embedding_table.weight[0, ':4']);`,
  TRAIN,
  GENERATE,
];

// Sasha Rush's Tensor Puzzles: the spec (loops filling `out`), a one-line broadcasting solution, and
// run_test drawing seeded examples (gen_gptdev.py's PUZZLES).
const PUZZLES = [
  `function arange(i: number) {
    // Use this function to replace a for-loop.
    return torch.tensor(range(i));
}

function where(q: torch.Tensor, a: torch.Tensor | number, b: torch.Tensor | number) {
    // Use this statement to replace an if-statement.
    return (q * a) + (~q) * b;
}

function size() {
    return int(torch.randint(1, 6, []));
}

function values(...shape: number[]) {
    return torch.randint(-5, 5, shape);
}

type Draw = () => [torch.Tensor[], number[], torch.Tensor];

function run_test(name: string, fn: (...args: any[]) => torch.Tensor, spec: (...args: any[]) => void, draw: Draw, trials = 3) {
    torch.manual_seed(1);
    for (const _ of range(trials)) {
        const [args, sizes, out] = draw();
        spec(...args, out);
        const got = fn(...args, ...sizes);
        print(name, args.map((a) => a.tolist()), sizes, got.tolist(), torch.equal(got, out));
    }
}

print(arange(5), where(arange(4) > 1, arange(4), -1));`,
  `function ones_spec(out: torch.Tensor) {
    for (const i of range(len(out))) {
        out[i] = 1;
    }
}

function ones(i: number) {
    return where(arange(i) >= 0, 1, 0);
}

run_test("ones", ones, ones_spec, () => {
    const i = size();
    return [[], [i], torch.zeros(i, dtype=torch.long)];
});`,
  `function sum_spec(a: torch.Tensor, out: torch.Tensor) {
    out[0] = 0;
    for (const i of range(len(a))) {
        out[0] += a[i];
    }
}

function sum(a: torch.Tensor) {
    return ones(a.shape[0]) @ a[':, None'];
}

run_test("sum", sum, sum_spec, () => [[values(size())], [], torch.zeros(1, dtype=torch.long)]);`,
  `function outer_spec(a: torch.Tensor, b: torch.Tensor, out: torch.Tensor) {
    for (const i of range(len(out))) {
        for (const j of range(len(out[0]))) {
            out[i][j] = a[i] * b[j];
        }
    }
}

function outer(a: torch.Tensor, b: torch.Tensor) {
    return a[':, None'] * b['None, :'];
}

run_test("outer", outer, outer_spec, () => {
    const [i, j] = [size(), size()];
    return [[values(i), values(j)], [], torch.zeros(i, j, dtype=torch.long)];
});`,
  `function diag_spec(a: torch.Tensor, out: torch.Tensor) {
    for (const i of range(len(a))) {
        out[i] = a[i][i];
    }
}

function diag(a: torch.Tensor) {
    return a[arange(a.shape[0]), arange(a.shape[0])];
}

run_test("diag", diag, diag_spec, () => {
    const i = size();
    return [[values(i, i)], [], torch.zeros(i, dtype=torch.long)];
});`,
  `function eye_spec(out: torch.Tensor) {
    for (const i of range(len(out))) {
        out[i][i] = 1;
    }
}

function eye(j: number) {
    return where(arange(j)[':, None'] == arange(j), 1, 0);
}

run_test("eye", eye, eye_spec, () => {
    const j = size();
    return [[], [j], torch.zeros(j, j, dtype=torch.long)];
});`,
  `function triu_spec(out: torch.Tensor) {
    for (const i of range(len(out))) {
        for (const j of range(len(out))) {
            if (i <= j) {
                out[i][j] = 1;
            } else {
                out[i][j] = 0;
            }
        }
    }
}

function triu(j: number) {
    return where(arange(j)[':, None'] <= arange(j), 1, 0);
}

run_test("triu", triu, triu_spec, () => {
    const j = size();
    return [[], [j], torch.zeros(j, j, dtype=torch.long)];
});`,
  `function cumsum_spec(a: torch.Tensor, out: torch.Tensor) {
    let total = 0;
    for (const i of range(len(out))) {
        out[i] = total + a[i];
        total += a[i];
    }
}

function cumsum(a: torch.Tensor) {
    return a @ triu(a.shape[0]);
}

run_test("cumsum", cumsum, cumsum_spec, () => {
    const i = size();
    return [[values(i)], [], torch.zeros(i, dtype=torch.long)];
});`,
  `function diff_spec(a: torch.Tensor, out: torch.Tensor) {
    out[0] = a[0];
    for (const i of range(1, len(out))) {
        out[i] = a[i] - a[i - 1];
    }
}

function diff(a: torch.Tensor, i: number) {
    return a - where(arange(i) > 0, a[arange(i) - 1], 0);
}

run_test("diff", diff, diff_spec, () => {
    const i = size();
    return [[values(i)], [i], torch.zeros(i, dtype=torch.long)];
});`,
  `function vstack_spec(a: torch.Tensor, b: torch.Tensor, out: torch.Tensor) {
    for (const i of range(len(out[0]))) {
        out[0][i] = a[i];
        out[1][i] = b[i];
    }
}

function vstack(a: torch.Tensor, b: torch.Tensor) {
    return where(arange(2)[':, None'] == 0, a, b);
}

run_test("vstack", vstack, vstack_spec, () => {
    const i = size();
    return [[values(i), values(i)], [], torch.zeros(2, i, dtype=torch.long)];
});`,
  `function roll_spec(a: torch.Tensor, out: torch.Tensor) {
    for (const i of range(len(out))) {
        if (i + 1 < len(out)) {
            out[i] = a[i + 1];
        } else {
            out[i] = a[i + 1 - len(out)];
        }
    }
}

function roll(a: torch.Tensor, i: number) {
    return a[(arange(i) + 1) % i];
}

run_test("roll", roll, roll_spec, () => {
    const i = size();
    return [[values(i)], [i], torch.zeros(i, dtype=torch.long)];
});`,
  `function flip_spec(a: torch.Tensor, out: torch.Tensor) {
    for (const i of range(len(out))) {
        out[i] = a[len(out) - i - 1];
    }
}

function flip(a: torch.Tensor, i: number) {
    return a[i - arange(i) - 1];
}

run_test("flip", flip, flip_spec, () => {
    const i = size();
    return [[values(i)], [i], torch.zeros(i, dtype=torch.long)];
});`,
  `function compress_spec(g: torch.Tensor, v: torch.Tensor, out: torch.Tensor) {
    let j = 0;
    for (const i of range(len(g))) {
        if (g[i]) {
            out[j] = v[i];
            j += 1;
        }
    }
}

function compress(g: torch.Tensor, v: torch.Tensor, i: number) {
    return v @ where(g[':, None'], arange(i) == (cumsum(1 * g) - 1)[':, None'], 0);
}

run_test("compress", compress, compress_spec, () => {
    const i = size();
    return [[values(i) >= 0, values(i)], [i], torch.zeros(i, dtype=torch.long)];
});`,
  `function pad_to_spec(a: torch.Tensor, out: torch.Tensor) {
    for (const i of range(min(len(out), len(a)))) {
        out[i] = a[i];
    }
}

function pad_to(a: torch.Tensor, i: number, j: number) {
    return a @ (1 * (arange(i)[':, None'] == arange(j)));
}

run_test("pad_to", pad_to, pad_to_spec, () => {
    const [i, j] = [size(), size()];
    return [[values(i)], [i, j], torch.zeros(j, dtype=torch.long)];
});`,
  `function sequence_mask_spec(values: torch.Tensor, length: torch.Tensor, out: torch.Tensor) {
    for (const i of range(len(out))) {
        for (const j of range(len(out[0]))) {
            if (j < length[i]) {
                out[i][j] = values[i][j];
            } else {
                out[i][j] = 0;
            }
        }
    }
}

function sequence_mask(values: torch.Tensor, length: torch.Tensor) {
    return where(length[':, None'] > arange(values.shape[1]), values, 0);
}

run_test("sequence_mask", sequence_mask, sequence_mask_spec, () => {
    const [i, j] = [size(), size()];
    return [[values(i, j), values(i) % j], [], torch.zeros(i, j, dtype=torch.long)];
});`,
  `function bincount_spec(a: torch.Tensor, out: torch.Tensor) {
    for (const i of range(len(a))) {
        out[a[i]] += 1;
    }
}

function bincount(a: torch.Tensor, j: number) {
    return ones(a.shape[0]) @ eye(j)[a];
}

run_test("bincount", bincount, bincount_spec, () => {
    const [i, j] = [size(), size()];
    return [[values(i) % j], [j], torch.zeros(j, dtype=torch.long)];
});`,
  `function scatter_add_spec(values: torch.Tensor, link: torch.Tensor, out: torch.Tensor) {
    for (const j of range(len(values))) {
        out[link[j]] += values[j];
    }
}

function scatter_add(values: torch.Tensor, link: torch.Tensor, j: number) {
    return values @ eye(j)[link];
}

run_test("scatter_add", scatter_add, scatter_add_spec, () => {
    const [i, j] = [size(), size()];
    return [[values(i), values(i) % j], [j], torch.zeros(j, dtype=torch.long)];
});`,
];

/** Each cell printed and showed PyTorch's text (numbers within float32 tolerance, sampled text exactly). */
function expectCells(got: CellOutput[], want: CellOutput[]): void {
  expect(got.length).toBe(want.length);
  want.forEach((w, i) => {
    expect([i, got[i].printed.split("\n").length]).toEqual([i, w.printed.split("\n").length]);
    expectSamePrint(got[i].printed, w.printed);
    expect([i, got[i].shown === null]).toEqual([i, w.shown === null]);
    if (w.shown !== null) expectSamePrint(got[i].shown as string, w.shown);
  });
}

const withInput = (cells: string[]) => cells.map((c) => c.replace("'input.txt'", JSON.stringify(INPUT)));

describe("Karpathy's Let's build GPT (ng-video-lecture's bigram.py and gpt.py) as notebooks through `torchlab run`", () => {
  const nbs = sectionsForSuite("gptdev", { scripts: { bigram: withInput(BIGRAM), gpt: withInput(GPT), puzzles: PUZZLES } });

  test("bigram.py: input.txt's characters, encode / decode, the 90/10 split, get_batch with torch.randint and torch.stack, @torch.no_grad() estimate_loss with eval() / train(), an nn.Embedding bigram model trained 40 AdamW steps, 100 sampled characters", () => {
    expectCells(cellsOf(nbs.bigram), R.bigram);
  });

  test("gpt.py: Head / MultiHeadAttention / FeedFoward / Block with dropout 0.2, GPTLanguageModel with self.apply(self._init_weights) and init.normal_(std=0.02), the parameter count, 20 AdamW steps, 100 sampled characters", () => {
    expectCells(cellsOf(nbs.gpt), R.gpt);
  });

  test("Tensor Puzzles: the 16 puzzles' specs (loops writing out[i], out[i][j], out[a[i]] += 1) against one-line broadcasting solutions built from arange and where (bool * int, ~q, [:, None], @ on int64, index tensors), on seeded random inputs", () => {
    expectCells(cellsOf(nbs.puzzles), R.puzzles);
  });
});
