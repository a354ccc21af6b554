/**
 * HEADER
 */
import * as fs from "fs";
import * as path from "path";
import { cellsOf, sectionsForSuite, type CellOutput } from "./_notebooks";
import { expectSamePrint } from "./_tutorial";

const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "gptdev.json"), "utf8")) as Record<string, CellOutput[]>;
const INPUT = path.join(__dirname, "..", "reference", "gptdev_input.txt");

const READ = `import * as fs from "fs";
const text = fs.readFileSync('input.txt', 'utf8');`;

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
  const nbs = sectionsForSuite("gptdev", { scripts: { bigram: withInput(BIGRAM), gpt: withInput(GPT) } });

  test("bigram.py: input.txt's characters, encode / decode, the 90/10 split, get_batch with torch.randint and torch.stack, @torch.no_grad() estimate_loss with eval() / train(), an nn.Embedding bigram model trained with AdamW, 200 sampled characters", () => {
    expectCells(cellsOf(nbs.bigram), R.bigram);
  });

  test("gpt.py: Head / MultiHeadAttention / FeedFoward / Block with dropout 0.2, GPTLanguageModel with self.apply(self._init_weights) and init.normal_(std=0.02), the parameter count, 30 AdamW steps, 200 sampled characters", () => {
    expectCells(cellsOf(nbs.gpt), R.gpt);
  });
});
