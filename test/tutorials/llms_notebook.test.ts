/**
 * Sebastian Raschka's "Build a Large Language Model (From Scratch)" (rasbt/LLMs-from-scratch), the
 * main-chapter notebooks ch02 (SimpleTokenizerV1/V2 with Python's re.split written as a JavaScript
 * RegExp, the vocabulary dict, `<|unk|>` / `<|endoftext|>`, GPTDatasetV1's sliding window,
 * create_dataloader_v1, `next(iter(dataloader))`, token and positional nn.Embedding), ch03 (attention
 * by loop and by `inputs @ inputs.T`, SelfAttention_v1 / v2, the causal mask with tril / triu /
 * masked_fill, dropout on attention weights, CausalAttention with register_buffer,
 * MultiHeadAttentionWrapper, MultiHeadAttention), ch04 (DummyGPTModel, LayerNorm and GELU by hand,
 * FeedForward, ExampleDeepNeuralNetwork's gradient means with and without shortcuts, TransformerBlock,
 * GPTModel, parameter counts, generate_text_simple) and ch05 (cross-entropy and perplexity by hand and
 * by F.cross_entropy, calc_loss_batch / calc_loss_loader, train_model_simple with AdamW and dropout,
 * temperature scaling and `torch.multinomial` sampling, top-k with torch.topk / torch.where, generate(),
 * torch.save / torch.load of the state_dict and of model + optimizer), ported cell by cell in the
 * notebook dialect and run as one notebook through `torchlab run` (sectionsForSuite; later chapters use
 * the classes of earlier ones, as the book's `from previous_chapters import ...`). What each cell prints
 * and shows is PyTorch 1.13's (test/reference/gen_llms.py, llms.json): the sampled token counts, the
 * dropout masks, the shuffled batches and the trained model's losses and generated texts are PyTorch's.
 *
 * Stand-ins: tiktoken is not available, so `tiktoken.get_encoding("gpt2")` is a character tokenizer
 * that both sides implement identically (the first cell; id 0 is `<|endoftext|>`, ids 1..96 are "\n"
 * and the printable ASCII characters; vocabulary 97). the-verdict.txt is the book's file
 * (test/reference/llms_the_verdict.txt). GPT_CONFIG_124M keeps its name with a small configuration
 * (vocab_size 97, context_length 32, emb_dim 32, n_heads 2, n_layers 2, drop_rate 0.1), and the
 * cells that used 768 use 32; txt2 is "Every day holds a few." (22 characters, as txt1, so the two
 * stack); ch05's inputs / targets are the stand-in's ids of "eve", "I r" / "ver", " re"; ch05 trains
 * 2 epochs (not 10) on the story's first 1000 characters; the first ch02 dataloader (stride 1) reads
 * the first 2000 characters. Large tensors are shown in part (`logits[:, :2, :6]`, `out[:, :2, :6]`,
 * `output[0, :2, :4]`, the GELU / ReLU curves every 11th point) instead of plotted or printed whole.
 * Left out: version cells, the download cells, matplotlib cells (GELU / ReLU plot, loss plot,
 * temperature bar chart), `tokenizer.encode` of an unknown word with V1 (Python's KeyError), the
 * mps-version check (`map(int, torch.__version__.split("."))`), and ch05's GPT-2 weight download
 * and load_weights_into_gpt (TensorFlow checkpoint files). PyTorch 1.13's weights-only unpickler
 * refuses the optimizer's float hyper-parameters, so `torch.load("model_and_optimizer.pth")` is
 * written without `weights_only=True` on both sides (the state_dict load keeps it).
 *
 * Written differently from the book: `with torch.no_grad(): logits = model(x)` is
 * `torch.no_grad(() => model(x))` (two results as an array); `[f(x) for x in xs]` is `xs.map(...)`,
 * `nn.Sequential(*[...])` a spread of `list(range(n)).map(...)`; tuple unpacking is array
 * destructuring; `{k: v for ...}` is Object.fromEntries; slices with a variable bound are template
 * strings (`idx[\`:, -\${context_size}:\`]`); `register_buffer('mask', ...)` is read through
 * `declare mask: torch.Tensor`; `var` is `var_` (a JavaScript keyword); `d_out // num_heads` is
 * Math.floor; `model.eval();` (IPython's `;` hides the value) is `void model.eval();`;
 * `let batch: any = []` (a list, then the stacked tensor); the optimizer state's `exp_avg` is cast
 * `as torch.Tensor` before a string index (the state_dict's entries are untyped and the dialect's
 * index on them stayed JavaScript's property read, which gave undefined).
 * A mean that prints as zero (`-0.0000`, about 1e-9) may carry either sign, so the comparison drops it.
 *
 * Divergences this port found, fixed: `item.strip()` inside a callback (`result.filter((item) =>
 * item.strip())`) did not compile: kernel/call_dunder.ts took the str method TypeScript lacks for an
 * untyped attribute and wrapped it, so kernel/rewrite.ts never made it Python's; Python's str, list
 * and dict methods on an untyped receiver (`text.split` ... `item.strip()` in a method whose `text`
 * is untyped, `this.input_ids.append(...)`, `vocab.items()` on a constructor's parameter, `batch.append`
 * on a `let batch: any`) threw "is not a function": kernel/live_globals.ts's attribute() now finds them
 * when JavaScript has none; `len(text)` of a string walked the whole string on every call (a
 * tokenizer loop bounded by `len(text)` over the 20479-character story took minutes); and
 * `idx_next == eos_id` with eos_id None was a TypeError where PyTorch's `tensor == None` is False.
 */
import * as fs from "fs";
import * as path from "path";
import { cellsOf, sectionsForSuite, type CellOutput } from "./_notebooks";
import { expectSamePrint } from "./_tutorial";
import { tempDir } from "../kernel/helpers";

const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "llms.json"), "utf8")) as Record<string, CellOutput[]>;
const VERDICT = path.join(__dirname, "..", "reference", "llms_the_verdict.txt");

const CH02 = [
  `const CHARS = "\\n" + list(range(32, 127)).map((c) => String.fromCharCode(c)).join("");
const STOI: Record<string, number> = Object.fromEntries(list(enumerate(CHARS)).map(([i, ch]) => [ch, i + 1]));

class CharTokenizer {
  encode(text: string, allowed_special: string[] = []) {
    const parts = "<|endoftext|>" in allowed_special ? text.split("<|endoftext|>") : [text];
    const ids: number[] = [];
    for (const [k, part] of enumerate(parts)) {
      if (k > 0) {
        ids.append(0);
      }
      ids.extend([...part].map((ch) => STOI[ch]));
    }
    return ids;
  }

  decode(ids) {
    return "".join(ids.map((i) => i == 0 ? "<|endoftext|>" : CHARS[i - 1]));
  }
}

class tiktoken {
  static get_encoding(name: string) {
    return CharTokenizer();
  }
}`,
  `const raw_text = open("the-verdict.txt", "r", encoding="utf-8").read();

print("Total number of character:", len(raw_text));
print(raw_text.slice(0, 99));`,
  `let text = "Hello, world. This, is a test.";
let result = text.split(/(\\s)/);

print(result);`,
  `result = text.split(/([,.]|\\s)/);

print(result);`,
  `result = result.filter((item) => item.strip());
print(result);`,
  `text = "Hello, world. Is this-- a test?";

result = text.split(/([,.:;?_!"()']|--|\\s)/);
result = result.filter((item) => item.strip()).map((item) => item.strip());
print(result);`,
  `let preprocessed = raw_text.split(/([,.:;?_!"()']|--|\\s)/);
preprocessed = preprocessed.filter((item) => item.strip()).map((item) => item.strip());
print(preprocessed.slice(0, 30));`,
  `print(len(preprocessed));`,
  `const all_words = sorted(new Set(preprocessed));
let vocab_size = len(all_words);

print(vocab_size);`,
  `let vocab: Record<string, number> = Object.fromEntries(list(enumerate(all_words)).map(([integer, token]) => [token, integer]));`,
  `for (const [i, item] of enumerate(vocab.items())) {
  print(item);
  if (i >= 50) {
    break;
  }
}`,
  `class SimpleTokenizerV1 {
  constructor(vocab) {
    this.str_to_int = vocab;
    this.int_to_str = Object.fromEntries(list(vocab.items()).map(([s, i]) => [i, s]));
  }

  encode(text) {
    let preprocessed = text.split(/([,.:;?_!"()']|--|\\s)/);

    preprocessed = preprocessed.filter((item) => item.strip()).map((item) => item.strip());
    const ids = preprocessed.map((s) => this.str_to_int[s]);
    return ids;
  }

  decode(ids) {
    let text = " ".join(ids.map((i) => this.int_to_str[i]));
    // Replace spaces before the specified punctuations
    text = text.replace(/\\s+([,.?!"()'])/g, "$1");
    return text;
  }
}`,
  `let tokenizer: any = SimpleTokenizerV1(vocab);

text = \`"It's the last he painted, you know,"
           Mrs. Gisburn said with pardonable pride.\`;
const ids = tokenizer.encode(text);
print(ids);`,
  `print(tokenizer.decode(ids));`,
  `print(tokenizer.decode(tokenizer.encode(text)));`,
  `const all_tokens = sorted(list(new Set(preprocessed)));
all_tokens.extend(["<|endoftext|>", "<|unk|>"]);

vocab = Object.fromEntries(list(enumerate(all_tokens)).map(([integer, token]) => [token, integer]));`,
  `len(vocab.items())`,
  `for (const [i, item] of enumerate(list(vocab.items()).slice(-5))) {
  print(item);
}`,
  `class SimpleTokenizerV2 {
  constructor(vocab) {
    this.str_to_int = vocab;
    this.int_to_str = Object.fromEntries(list(vocab.items()).map(([s, i]) => [i, s]));
  }

  encode(text) {
    let preprocessed = text.split(/([,.:;?_!"()']|--|\\s)/);
    preprocessed = preprocessed.filter((item) => item.strip()).map((item) => item.strip());
    preprocessed = preprocessed.map((item) =>
      item in this.str_to_int
      ? item : "<|unk|>");

    const ids = preprocessed.map((s) => this.str_to_int[s]);
    return ids;
  }

  decode(ids) {
    let text = " ".join(ids.map((i) => this.int_to_str[i]));
    // Replace spaces before the specified punctuations
    text = text.replace(/\\s+([,.:;?!"()'])/g, "$1");
    return text;
  }
}`,
  `tokenizer = SimpleTokenizerV2(vocab);

const text1 = "Hello, do you like tea?";
const text2 = "In the sunlit terraces of the palace.";

text = " <|endoftext|> ".join([text1, text2]);

print(text);`,
  `tokenizer.encode(text)`,
  `print(tokenizer.decode(tokenizer.encode(text)));`,
  `tokenizer = tiktoken.get_encoding("gpt2");
text = (
  "Hello, do you like tea? <|endoftext|> In the sunlit terraces" +
  "of someunknownPlace."
);

const integers = tokenizer.encode(text, allowed_special=["<|endoftext|>"]);

print(integers);`,
  `const strings = tokenizer.decode(integers);

print(strings);`,
  `const enc_text = tokenizer.encode(raw_text);
print(len(enc_text));`,
  `const enc_sample = enc_text.slice(50);
const context_size = 4;

const x = enc_sample.slice(0, context_size);
const y = enc_sample.slice(1, context_size + 1);

print(\`x: \${x}\`);
print(\`y:      \${y}\`);`,
  `for (const i of range(1, context_size + 1)) {
  const context = enc_sample.slice(0, i);
  const desired = enc_sample[i];

  print(context, "---->", desired);
}`,
  `for (const i of range(1, context_size + 1)) {
  const context = enc_sample.slice(0, i);
  const desired = enc_sample[i];

  print(tokenizer.decode(context), "---->", tokenizer.decode([desired]));
}`,
  `const { Dataset, DataLoader } = torch.utils.data;

class GPTDatasetV1 extends Dataset {
  constructor(txt, tokenizer, max_length, stride) {
    super();
    this.input_ids = [];
    this.target_ids = [];

    // Tokenize the entire text
    const token_ids = tokenizer.encode(txt, allowed_special=["<|endoftext|>"]);
    assert(len(token_ids) > max_length, "Number of tokenized inputs must at least be equal to max_length+1");

    // Use a sliding window to chunk the book into overlapping sequences of max_length
    for (const i of range(0, len(token_ids) - max_length, stride)) {
      const input_chunk = token_ids.slice(i, i + max_length);
      const target_chunk = token_ids.slice(i + 1, i + max_length + 1);
      this.input_ids.append(torch.tensor(input_chunk));
      this.target_ids.append(torch.tensor(target_chunk));
    }
  }

  __len__() {
    return len(this.input_ids);
  }

  __getitem__(idx) {
    return [this.input_ids[idx], this.target_ids[idx]];
  }
}


function create_dataloader_v1(txt, batch_size = 4, max_length = 256,
                              stride = 128, shuffle = true, drop_last = true,
                              num_workers = 0) {

  // Initialize the tokenizer
  const tokenizer = tiktoken.get_encoding("gpt2");

  // Create dataset
  const dataset = GPTDatasetV1(txt, tokenizer, max_length, stride);

  // Create dataloader
  const dataloader = DataLoader(
    dataset,
    batch_size=batch_size,
    shuffle=shuffle,
    drop_last=drop_last,
    num_workers=num_workers
  );

  return dataloader;
}`,
  `let dataloader = create_dataloader_v1(
  raw_text.slice(0, 2000), batch_size=1, max_length=4, stride=1, shuffle=False
);

let data_iter = iter(dataloader);
const first_batch = next(data_iter);
print(first_batch);`,
  `const second_batch = next(data_iter);
print(second_batch);`,
  `dataloader = create_dataloader_v1(raw_text, batch_size=8, max_length=4, stride=4, shuffle=False);

data_iter = iter(dataloader);
let [inputs, targets] = next(data_iter);
print("Inputs:\\n", inputs);
print("\\nTargets:\\n", targets);`,
  `const input_ids = torch.tensor([2, 3, 5, 1]);
vocab_size = 6;
let output_dim = 3;

torch.manual_seed(123);
const embedding_layer = torch.nn.Embedding(vocab_size, output_dim);
print(embedding_layer.weight);`,
  `print(embedding_layer(torch.tensor([3])));`,
  `print(embedding_layer(input_ids));`,
  `vocab_size = 97;
output_dim = 256;

const token_embedding_layer = torch.nn.Embedding(vocab_size, output_dim);`,
  `const max_length = 4;
dataloader = create_dataloader_v1(
  raw_text, batch_size=8, max_length=max_length,
  stride=max_length, shuffle=False
);
data_iter = iter(dataloader);
[inputs, targets] = next(data_iter);
print("Token IDs:\\n", inputs);
print("\\nInputs shape:\\n", inputs.shape);`,
  `const token_embeddings = token_embedding_layer(inputs);
print(token_embeddings.shape);`,
  `const context_length = max_length;
const pos_embedding_layer = torch.nn.Embedding(context_length, output_dim);
const pos_embeddings = pos_embedding_layer(torch.arange(max_length));
print(pos_embeddings.shape);`,
  `const input_embeddings = token_embeddings + pos_embeddings;
print(input_embeddings.shape);
print(input_embeddings[0, ":2", ":4"]);`,
];

const CH03 = [
  `const inputs = torch.tensor(
  [[0.43, 0.15, 0.89], // Your     (x^1)
   [0.55, 0.87, 0.66], // journey  (x^2)
   [0.57, 0.85, 0.64], // starts   (x^3)
   [0.22, 0.58, 0.33], // with     (x^4)
   [0.77, 0.25, 0.10], // one      (x^5)
   [0.05, 0.80, 0.55]] // step     (x^6)
);`,
  `let query = inputs[1];  // 2nd input token is the query

let attn_scores_2 = torch.empty(inputs.shape[0]);
for (const [i, x_i] of enumerate(inputs)) {
  attn_scores_2[i] = torch.dot(x_i, query);
}

print(attn_scores_2);`,
  `let res = 0.;

for (const [idx, element] of enumerate(inputs[0])) {
  res += inputs[0][idx] * query[idx];
}

print(res);
print(torch.dot(inputs[0], query));`,
  `const attn_weights_2_tmp = attn_scores_2 / attn_scores_2.sum();

print("Attention weights:", attn_weights_2_tmp);
print("Sum:", attn_weights_2_tmp.sum());`,
  `function softmax_naive(x) {
  return torch.exp(x) / torch.exp(x).sum(dim=0);
}

const attn_weights_2_naive = softmax_naive(attn_scores_2);

print("Attention weights:", attn_weights_2_naive);
print("Sum:", attn_weights_2_naive.sum());`,
  `let attn_weights_2 = torch.softmax(attn_scores_2, dim=0);

print("Attention weights:", attn_weights_2);
print("Sum:", attn_weights_2.sum());`,
  `query = inputs[1]; // 2nd input token is the query

let context_vec_2 = torch.zeros(query.shape);
for (const [i, x_i] of enumerate(inputs)) {
  context_vec_2 += attn_weights_2[i] * x_i;
}

print(context_vec_2);`,
  `let attn_scores = torch.empty(6, 6);

for (const [i, x_i] of enumerate(inputs)) {
  for (const [j, x_j] of enumerate(inputs)) {
    attn_scores[i, j] = torch.dot(x_i, x_j);
  }
}

print(attn_scores);`,
  `attn_scores = inputs @ inputs.T;
print(attn_scores);`,
  `let attn_weights = torch.softmax(attn_scores, dim=-1);
print(attn_weights);`,
  `const row_2_sum = sum([0.1385, 0.2379, 0.2333, 0.1240, 0.1082, 0.1581]);
print("Row 2 sum:", row_2_sum);

print("All row sums:", attn_weights.sum(dim=-1));`,
  `const all_context_vecs = attn_weights @ inputs;
print(all_context_vecs);`,
  `print("Previous 2nd context vector:", context_vec_2);`,
  `const x_2 = inputs[1]; // second input element
let d_in = inputs.shape[1]; // the input embedding size, d=3
let d_out = 2; // the output embedding size, d=2`,
  `torch.manual_seed(123);

const W_query = torch.nn.Parameter(torch.rand(d_in, d_out), requires_grad=False);
const W_key   = torch.nn.Parameter(torch.rand(d_in, d_out), requires_grad=False);
const W_value = torch.nn.Parameter(torch.rand(d_in, d_out), requires_grad=False);`,
  `const query_2 = x_2 @ W_query; // _2 because it's with respect to the 2nd input element
const key_2 = x_2 @ W_key;
const value_2 = x_2 @ W_value;

print(query_2);`,
  `let keys = inputs @ W_key;
const values = inputs @ W_value;

print("keys.shape:", keys.shape);
print("values.shape:", values.shape);`,
  `const keys_2 = keys[1]; // Python starts index at 0
const attn_score_22 = query_2.dot(keys_2);
print(attn_score_22);`,
  `attn_scores_2 = query_2 @ keys.T; // All attention scores for given query
print(attn_scores_2);`,
  `const d_k = keys.shape[1];
attn_weights_2 = torch.softmax(attn_scores_2 / d_k**0.5, dim=-1);
print(attn_weights_2);`,
  `context_vec_2 = attn_weights_2 @ values;
print(context_vec_2);`,
  `class SelfAttention_v1 extends nn.Module {

  constructor(d_in, d_out) {
    super();
    this.W_query = nn.Parameter(torch.rand(d_in, d_out));
    this.W_key   = nn.Parameter(torch.rand(d_in, d_out));
    this.W_value = nn.Parameter(torch.rand(d_in, d_out));
  }

  forward(x) {
    const keys = x @ this.W_key;
    const queries = x @ this.W_query;
    const values = x @ this.W_value;

    const attn_scores = queries @ keys.T; // omega
    const attn_weights = torch.softmax(
      attn_scores / keys.shape[-1]**0.5, dim=-1
    );

    const context_vec = attn_weights @ values;
    return context_vec;
  }
}

torch.manual_seed(123);
const sa_v1 = SelfAttention_v1(d_in, d_out);
print(sa_v1(inputs));`,
  `class SelfAttention_v2 extends nn.Module {

  constructor(d_in, d_out, qkv_bias = False) {
    super();
    this.W_query = nn.Linear(d_in, d_out, bias=qkv_bias);
    this.W_key   = nn.Linear(d_in, d_out, bias=qkv_bias);
    this.W_value = nn.Linear(d_in, d_out, bias=qkv_bias);
  }

  forward(x) {
    const keys = this.W_key(x);
    const queries = this.W_query(x);
    const values = this.W_value(x);

    const attn_scores = queries @ keys.T;
    const attn_weights = torch.softmax(attn_scores / keys.shape[-1]**0.5, dim=-1);

    const context_vec = attn_weights @ values;
    return context_vec;
  }
}

torch.manual_seed(789);
const sa_v2 = SelfAttention_v2(d_in, d_out);
print(sa_v2(inputs));`,
  `const queries = sa_v2.W_query(inputs);
keys = sa_v2.W_key(inputs);
attn_scores = queries @ keys.T;

attn_weights = torch.softmax(attn_scores / keys.shape[-1]**0.5, dim=-1);
print(attn_weights);`,
  `let context_length = attn_scores.shape[0];
const mask_simple = torch.tril(torch.ones(context_length, context_length));
print(mask_simple);`,
  `const masked_simple = attn_weights * mask_simple;
print(masked_simple);`,
  `const row_sums = masked_simple.sum(dim=-1, keepdim=True);
const masked_simple_norm = masked_simple / row_sums;
print(masked_simple_norm);`,
  `const mask = torch.triu(torch.ones(context_length, context_length), diagonal=1);
const masked = attn_scores.masked_fill(mask.bool(), -torch.inf);
print(masked);`,
  `attn_weights = torch.softmax(masked / keys.shape[-1]**0.5, dim=-1);
print(attn_weights);`,
  `torch.manual_seed(123);
const dropout = torch.nn.Dropout(0.5); // dropout rate of 50%
const example = torch.ones(6, 6); // create a matrix of ones

print(dropout(example));`,
  `torch.manual_seed(123);
print(dropout(attn_weights));`,
  `const batch = torch.stack([inputs, inputs], dim=0);
print(batch.shape); // 2 inputs with 6 tokens each, and each token has embedding dimension 3`,
  `class CausalAttention extends nn.Module {
  declare mask: torch.Tensor;

  constructor(d_in, d_out, context_length,
              dropout, qkv_bias = False) {
    super();
    this.d_out = d_out;
    this.W_query = nn.Linear(d_in, d_out, bias=qkv_bias);
    this.W_key   = nn.Linear(d_in, d_out, bias=qkv_bias);
    this.W_value = nn.Linear(d_in, d_out, bias=qkv_bias);
    this.dropout = nn.Dropout(dropout); // New
    this.register_buffer('mask', torch.triu(torch.ones(context_length, context_length), diagonal=1)); // New
  }

  forward(x) {
    const [b, num_tokens, d_in] = x.shape; // New batch dimension b
    const keys = this.W_key(x);
    const queries = this.W_query(x);
    const values = this.W_value(x);

    const attn_scores = queries @ keys.transpose(1, 2); // Changed transpose
    attn_scores.masked_fill_(  // New, _ ops are in-place
      this.mask.bool()[\`:\${num_tokens}, :\${num_tokens}\`], -torch.inf);
    let attn_weights = torch.softmax(
      attn_scores / keys.shape[-1]**0.5, dim=-1
    );
    attn_weights = this.dropout(attn_weights); // New

    const context_vec = attn_weights @ values;
    return context_vec;
  }
}

torch.manual_seed(123);

context_length = batch.shape[1];
const ca = CausalAttention(d_in, d_out, context_length, 0.0);

let context_vecs = ca(batch);

print(context_vecs);
print("context_vecs.shape:", context_vecs.shape);`,
  `class MultiHeadAttentionWrapper extends nn.Module {

  constructor(d_in, d_out, context_length, dropout, num_heads, qkv_bias = False) {
    super();
    this.heads = nn.ModuleList(
      list(range(num_heads)).map(() => CausalAttention(d_in, d_out, context_length, dropout, qkv_bias))
    );
  }

  forward(x) {
    return torch.cat(list(this.heads).map((head) => head(x)), dim=-1);
  }
}


torch.manual_seed(123);

context_length = batch.shape[1]; // This is the number of tokens
[d_in, d_out] = [3, 2];
let mha: nn.Module = MultiHeadAttentionWrapper(
  d_in, d_out, context_length, 0.0, num_heads=2
);

context_vecs = mha(batch);

print(context_vecs);
print("context_vecs.shape:", context_vecs.shape);`,
  `class MultiHeadAttention extends nn.Module {
  declare mask: torch.Tensor;

  constructor(d_in, d_out, context_length, dropout, num_heads, qkv_bias = False) {
    super();
    assert(d_out % num_heads == 0,
      "d_out must be divisible by num_heads");

    this.d_out = d_out;
    this.num_heads = num_heads;
    this.head_dim = Math.floor(d_out / num_heads); // Reduce the projection dim to match desired output dim

    this.W_query = nn.Linear(d_in, d_out, bias=qkv_bias);
    this.W_key = nn.Linear(d_in, d_out, bias=qkv_bias);
    this.W_value = nn.Linear(d_in, d_out, bias=qkv_bias);
    this.out_proj = nn.Linear(d_out, d_out);  // Linear layer to combine head outputs
    this.dropout = nn.Dropout(dropout);
    this.register_buffer(
      "mask",
      torch.triu(torch.ones(context_length, context_length),
                 diagonal=1)
    );
  }

  forward(x) {
    const [b, num_tokens, d_in] = x.shape;

    let keys = this.W_key(x); // Shape: (b, num_tokens, d_out)
    let queries = this.W_query(x);
    let values = this.W_value(x);

    keys = keys.view(b, num_tokens, this.num_heads, this.head_dim);
    values = values.view(b, num_tokens, this.num_heads, this.head_dim);
    queries = queries.view(b, num_tokens, this.num_heads, this.head_dim);

    keys = keys.transpose(1, 2);
    queries = queries.transpose(1, 2);
    values = values.transpose(1, 2);

    const attn_scores = queries @ keys.transpose(2, 3);  // Dot product for each head

    const mask_bool = this.mask.bool()[\`:\${num_tokens}, :\${num_tokens}\`];

    attn_scores.masked_fill_(mask_bool, -torch.inf);

    let attn_weights = torch.softmax(attn_scores / keys.shape[-1]**0.5, dim=-1);
    attn_weights = this.dropout(attn_weights);

    let context_vec = (attn_weights @ values).transpose(1, 2);

    context_vec = context_vec.contiguous().view(b, num_tokens, this.d_out);
    context_vec = this.out_proj(context_vec); // optional projection

    return context_vec;
  }
}

torch.manual_seed(123);

let batch_size;
[batch_size, context_length, d_in] = batch.shape;
d_out = 2;
mha = MultiHeadAttention(d_in, d_out, context_length, 0.0, num_heads=2);

context_vecs = mha(batch);

print(context_vecs);
print("context_vecs.shape:", context_vecs.shape);`,
  `const a = torch.tensor([[[[0.2745, 0.6584, 0.2775, 0.8573],
                          [0.8993, 0.0390, 0.9268, 0.7388],
                          [0.7179, 0.7058, 0.9156, 0.4340]],

                         [[0.0772, 0.3565, 0.1479, 0.5331],
                          [0.4066, 0.2318, 0.4545, 0.9737],
                          [0.4606, 0.5159, 0.4220, 0.5786]]]]);

print(a @ a.transpose(2, 3));`,
  `const first_head = a[0, 0, ":", ":"];
const first_res = first_head @ first_head.T;
print("First head:\\n", first_res);

const second_head = a[0, 1, ":", ":"];
const second_res = second_head @ second_head.T;
print("\\nSecond head:\\n", second_res);`,
];

const CH04 = [
  `const GPT_CONFIG_124M = {
  "vocab_size": 97,       // Vocabulary size (the stand-in tokenizer's)
  "context_length": 32,   // Context length
  "emb_dim": 32,          // Embedding dimension
  "n_heads": 2,           // Number of attention heads
  "n_layers": 2,          // Number of layers
  "drop_rate": 0.1,       // Dropout rate
  "qkv_bias": False       // Query-Key-Value bias
};`,
  `class DummyGPTModel extends nn.Module {
  constructor(cfg) {
    super();
    this.tok_emb = nn.Embedding(cfg["vocab_size"], cfg["emb_dim"]);
    this.pos_emb = nn.Embedding(cfg["context_length"], cfg["emb_dim"]);
    this.drop_emb = nn.Dropout(cfg["drop_rate"]);

    // Use a placeholder for TransformerBlock
    this.trf_blocks = nn.Sequential(
      ...list(range(cfg["n_layers"])).map(() => DummyTransformerBlock(cfg)));

    // Use a placeholder for LayerNorm
    this.final_norm = DummyLayerNorm(cfg["emb_dim"]);
    this.out_head = nn.Linear(
      cfg["emb_dim"], cfg["vocab_size"], bias=False
    );
  }

  forward(in_idx) {
    const [batch_size, seq_len] = in_idx.shape;
    const tok_embeds = this.tok_emb(in_idx);
    const pos_embeds = this.pos_emb(torch.arange(seq_len, device=in_idx.device));
    let x = tok_embeds + pos_embeds;
    x = this.drop_emb(x);
    x = this.trf_blocks(x);
    x = this.final_norm(x);
    const logits = this.out_head(x);
    return logits;
  }
}


class DummyTransformerBlock extends nn.Module {
  constructor(cfg) {
    super();
    // A simple placeholder
  }

  forward(x) {
    // This block does nothing and just returns its input.
    return x;
  }
}


class DummyLayerNorm extends nn.Module {
  constructor(normalized_shape, eps = 1e-5) {
    super();
    // The parameters here are just to mimic the LayerNorm interface.
  }

  forward(x) {
    // This layer does nothing and just returns its input.
    return x;
  }
}`,
  `let tokenizer = tiktoken.get_encoding("gpt2");

let batch: any = [];

const txt1 = "Every effort moves you";
const txt2 = "Every day holds a few.";

batch.append(torch.tensor(tokenizer.encode(txt1)));
batch.append(torch.tensor(tokenizer.encode(txt2)));
batch = torch.stack(batch, dim=0);
print(batch);`,
  `torch.manual_seed(123);
let model = DummyGPTModel(GPT_CONFIG_124M);

const logits = model(batch);
print("Output shape:", logits.shape);
print(logits[":", ":2", ":6"]);`,
  `torch.manual_seed(123);

// create 2 training examples with 5 dimensions (features) each
const batch_example = torch.randn(2, 5);

const layer = nn.Sequential(nn.Linear(5, 6), nn.ReLU());
let out = layer(batch_example);
print(out);`,
  `let mean = out.mean(dim=-1, keepdim=True);
let var_ = out.var(dim=-1, keepdim=True);

print("Mean:\\n", mean);
print("Variance:\\n", var_);`,
  `const out_norm = (out - mean) / torch.sqrt(var_);
print("Normalized layer outputs:\\n", out_norm);

mean = out_norm.mean(dim=-1, keepdim=True);
var_ = out_norm.var(dim=-1, keepdim=True);
print("Mean:\\n", mean);
print("Variance:\\n", var_);`,
  `torch.set_printoptions(sci_mode=False);
print("Mean:\\n", mean);
print("Variance:\\n", var_);`,
  `class LayerNorm extends nn.Module {
  constructor(emb_dim) {
    super();
    this.eps = 1e-5;
    this.scale = nn.Parameter(torch.ones(emb_dim));
    this.shift = nn.Parameter(torch.zeros(emb_dim));
  }

  forward(x) {
    const mean = x.mean(dim=-1, keepdim=True);
    const var_ = x.var(dim=-1, keepdim=True, unbiased=False);
    const norm_x = (x - mean) / torch.sqrt(var_ + this.eps);
    return this.scale * norm_x + this.shift;
  }
}`,
  `const ln = LayerNorm(emb_dim=6);
const out_ln = ln(out);`,
  `mean = out_ln.mean(dim=-1, keepdim=True);
var_ = out_ln.var(dim=-1, unbiased=False, keepdim=True);

print("Mean:\\n", mean);
print("Variance:\\n", var_);`,
  `class GELU extends nn.Module {
  constructor() {
    super();
  }

  forward(x) {
    return 0.5 * x * (1 + torch.tanh(
      torch.sqrt(torch.tensor(2.0 / torch.pi)) *
      (x + 0.044715 * torch.pow(x, 3))
    ));
  }
}`,
  `const [gelu, relu] = [GELU(), nn.ReLU()];

// Some sample data
let x = torch.linspace(-3, 3, 100);
const [y_gelu, y_relu] = [gelu(x), relu(x)];
print(y_gelu["::11"]);
print(y_relu["::11"]);`,
  `class FeedForward extends nn.Module {
  constructor(cfg) {
    super();
    this.layers = nn.Sequential(
      nn.Linear(cfg["emb_dim"], 4 * cfg["emb_dim"]),
      GELU(),
      nn.Linear(4 * cfg["emb_dim"], cfg["emb_dim"]),
    );
  }

  forward(x) {
    return this.layers(x);
  }
}`,
  `print(GPT_CONFIG_124M["emb_dim"]);`,
  `const ffn = FeedForward(GPT_CONFIG_124M);

// input shape: [batch_size, num_token, emb_size]
x = torch.rand(2, 3, 32);
out = ffn(x);
print(out.shape);`,
  `class ExampleDeepNeuralNetwork extends nn.Module {
  constructor(layer_sizes, use_shortcut) {
    super();
    this.use_shortcut = use_shortcut;
    this.layers = nn.ModuleList([
      nn.Sequential(nn.Linear(layer_sizes[0], layer_sizes[1]), GELU()),
      nn.Sequential(nn.Linear(layer_sizes[1], layer_sizes[2]), GELU()),
      nn.Sequential(nn.Linear(layer_sizes[2], layer_sizes[3]), GELU()),
      nn.Sequential(nn.Linear(layer_sizes[3], layer_sizes[4]), GELU()),
      nn.Sequential(nn.Linear(layer_sizes[4], layer_sizes[5]), GELU())
    ]);
  }

  forward(x) {
    for (const layer of this.layers) {
      // Compute the output of the current layer
      const layer_output = layer(x);
      // Check if shortcut can be applied
      if (this.use_shortcut && x.shape == layer_output.shape) {
        x = x + layer_output;
      } else {
        x = layer_output;
      }
    }
    return x;
  }
}


function print_gradients(model, x) {
  // Forward pass
  const output = model(x);
  const target = torch.tensor([[0.]]);

  // Calculate loss based on how close the target
  // and output are
  let loss: any = nn.MSELoss();
  loss = loss(output, target);

  // Backward pass to calculate the gradients
  loss.backward();

  for (const [name, param] of model.named_parameters()) {
    if ('weight' in name) {
      // Print the mean absolute gradient of the weights
      print(\`\${name} has gradient mean of \${param.grad.abs().mean().item()}\`);
    }
  }
}`,
  `const layer_sizes = [3, 3, 3, 3, 3, 1];

const sample_input = torch.tensor([[1., 0., -1.]]);

torch.manual_seed(123);
const model_without_shortcut = ExampleDeepNeuralNetwork(
  layer_sizes, use_shortcut=False
);
print_gradients(model_without_shortcut, sample_input);`,
  `torch.manual_seed(123);
const model_with_shortcut = ExampleDeepNeuralNetwork(
  layer_sizes, use_shortcut=True
);
print_gradients(model_with_shortcut, sample_input);`,
  `class TransformerBlock extends nn.Module {
  constructor(cfg) {
    super();
    this.att = MultiHeadAttention(
      d_in=cfg["emb_dim"],
      d_out=cfg["emb_dim"],
      context_length=cfg["context_length"],
      num_heads=cfg["n_heads"],
      dropout=cfg["drop_rate"],
      qkv_bias=cfg["qkv_bias"]);
    this.ff = FeedForward(cfg);
    this.norm1 = LayerNorm(cfg["emb_dim"]);
    this.norm2 = LayerNorm(cfg["emb_dim"]);
    this.drop_shortcut = nn.Dropout(cfg["drop_rate"]);
  }

  forward(x) {
    // Shortcut connection for attention block
    let shortcut = x;
    x = this.norm1(x);
    x = this.att(x);  // Shape [batch_size, num_tokens, emb_size]
    x = this.drop_shortcut(x);
    x = x + shortcut;  // Add the original input back

    // Shortcut connection for feed forward block
    shortcut = x;
    x = this.norm2(x);
    x = this.ff(x);
    x = this.drop_shortcut(x);
    x = x + shortcut;  // Add the original input back

    return x;
  }
}`,
  `torch.manual_seed(123);

x = torch.rand(2, 4, 32);  // Shape: [batch_size, num_tokens, emb_dim]
const block = TransformerBlock(GPT_CONFIG_124M);
const output = block(x);

print("Input shape:", x.shape);
print("Output shape:", output.shape);
print(output[0, ":2", ":4"]);`,
  `class GPTModel extends nn.Module {
  constructor(cfg) {
    super();
    this.tok_emb = nn.Embedding(cfg["vocab_size"], cfg["emb_dim"]);
    this.pos_emb = nn.Embedding(cfg["context_length"], cfg["emb_dim"]);
    this.drop_emb = nn.Dropout(cfg["drop_rate"]);

    this.trf_blocks = nn.Sequential(
      ...list(range(cfg["n_layers"])).map(() => TransformerBlock(cfg)));

    this.final_norm = LayerNorm(cfg["emb_dim"]);
    this.out_head = nn.Linear(
      cfg["emb_dim"], cfg["vocab_size"], bias=False
    );
  }

  forward(in_idx) {
    const [batch_size, seq_len] = in_idx.shape;
    const tok_embeds = this.tok_emb(in_idx);
    const pos_embeds = this.pos_emb(torch.arange(seq_len, device=in_idx.device));
    let x = tok_embeds + pos_embeds;  // Shape [batch_size, num_tokens, emb_size]
    x = this.drop_emb(x);
    x = this.trf_blocks(x);
    x = this.final_norm(x);
    const logits = this.out_head(x);
    return logits;
  }
}`,
  `torch.manual_seed(123);
model = GPTModel(GPT_CONFIG_124M);

out = model(batch);
print("Input batch:\\n", batch);
print("\\nOutput shape:", out.shape);
print(out[":", ":2", ":6"]);`,
  `const total_params = sum(model.parameters().map((p) => p.numel()));
print(\`Total number of parameters: \${total_params:,}\`);`,
  `print("Token embedding layer shape:", model.tok_emb.weight.shape);
print("Output layer shape:", model.out_head.weight.shape);`,
  `const total_params_gpt2 = total_params - sum(model.out_head.parameters().map((p) => p.numel()));
print(\`Number of trainable parameters considering weight tying: \${total_params_gpt2:,}\`);`,
  `// Calculate the total size in bytes (assuming float32, 4 bytes per parameter)
const total_size_bytes = total_params * 4;

// Convert to megabytes
const total_size_mb = total_size_bytes / (1024 * 1024);

print(\`Total size of the model: \${total_size_mb:.2f} MB\`);`,
  `function generate_text_simple(model, idx, max_new_tokens, context_size) {
  // idx is (batch, n_tokens) array of indices in the current context
  for (const _ of range(max_new_tokens)) {

    // Crop current context if it exceeds the supported context size
    const idx_cond = idx[\`:, -\${context_size}:\`];

    // Get the predictions
    let logits = torch.no_grad(() => model(idx_cond));

    // Focus only on the last time step
    // (batch, n_tokens, vocab_size) becomes (batch, vocab_size)
    logits = logits[":, -1, :"];

    // Apply softmax to get probabilities
    const probas = torch.softmax(logits, dim=-1);  // (batch, vocab_size)

    // Get the idx of the vocab entry with the highest probability value
    const idx_next = torch.argmax(probas, dim=-1, keepdim=True);  // (batch, 1)

    // Append sampled index to the running sequence
    idx = torch.cat([idx, idx_next], dim=1);  // (batch, n_tokens+1)
  }

  return idx;
}`,
  `const start_context = "Hello, I am";

const encoded = tokenizer.encode(start_context);
print("encoded:", encoded);

const encoded_tensor = torch.tensor(encoded).unsqueeze(0);
print("encoded_tensor.shape:", encoded_tensor.shape);`,
  `model.eval(); // disable dropout

out = generate_text_simple(
  model=model,
  idx=encoded_tensor,
  max_new_tokens=6,
  context_size=GPT_CONFIG_124M["context_length"]
);

print("Output:", out);
print("Output length:", len(out[0]));`,
  `const decoded_text = tokenizer.decode(out.squeeze(0).tolist());
print(decoded_text);`,
];

const CH05 = [
  `const GPT_CONFIG_124M = {
  "vocab_size": 97,       // Vocabulary size (the stand-in tokenizer's)
  "context_length": 32,   // Context length
  "emb_dim": 32,          // Embedding dimension
  "n_heads": 2,           // Number of attention heads
  "n_layers": 2,          // Number of layers
  "drop_rate": 0.1,       // Dropout rate
  "qkv_bias": False       // Query-Key-Value bias
};

torch.manual_seed(123);
let model = GPTModel(GPT_CONFIG_124M);
void model.eval();  // Disable dropout during inference`,
  `function text_to_token_ids(text, tokenizer) {
  const encoded = tokenizer.encode(text, allowed_special=['<|endoftext|>']);
  const encoded_tensor = torch.tensor(encoded).unsqueeze(0); // add batch dimension
  return encoded_tensor;
}

function token_ids_to_text(token_ids, tokenizer) {
  const flat = token_ids.squeeze(0); // remove batch dimension
  return tokenizer.decode(flat.tolist());
}

const start_context = "Every effort moves you";
let tokenizer = tiktoken.get_encoding("gpt2");

let token_ids = generate_text_simple(
  model=model,
  idx=text_to_token_ids(start_context, tokenizer),
  max_new_tokens=10,
  context_size=GPT_CONFIG_124M["context_length"]
);

print("Output text:\\n", token_ids_to_text(token_ids, tokenizer));`,
  `const inputs = torch.tensor([[71, 88, 71],   // ["eve",
                             [43,  2, 84]]); //  "I r"]

const targets = torch.tensor([[88, 71, 84],  // ["ver",
                              [ 2, 84, 71]]); //  " re"]`,
  `const logits = torch.no_grad(() => model(inputs));

let probas = torch.softmax(logits, dim=-1); // Probability of each token in vocabulary
print(probas.shape); // Shape: (batch_size, num_tokens, vocab_size)`,
  `token_ids = torch.argmax(probas, dim=-1, keepdim=True);
print("Token IDs:\\n", token_ids);`,
  `print(\`Targets batch 1: \${token_ids_to_text(targets[0], tokenizer)}\`);
print(\`Outputs batch 1: \${token_ids_to_text(token_ids[0].flatten(), tokenizer)}\`);`,
  `let text_idx = 0;
const target_probas_1 = probas[text_idx, [0, 1, 2], targets[text_idx]];
print("Text 1:", target_probas_1);

text_idx = 1;
const target_probas_2 = probas[text_idx, [0, 1, 2], targets[text_idx]];
print("Text 2:", target_probas_2);`,
  `// Compute logarithm of all token probabilities
const log_probas = torch.log(torch.cat([target_probas_1, target_probas_2]));
print(log_probas);`,
  `// Calculate the average probability for each token
const avg_log_probas = torch.mean(log_probas);
print(avg_log_probas);`,
  `const neg_avg_log_probas = avg_log_probas * -1;
print(neg_avg_log_probas);`,
  `// Logits have shape (batch_size, num_tokens, vocab_size)
print("Logits shape:", logits.shape);

// Targets have shape (batch_size, num_tokens)
print("Targets shape:", targets.shape);`,
  `const logits_flat = logits.flatten(0, 1);
const targets_flat = targets.flatten();

print("Flattened logits:", logits_flat.shape);
print("Flattened targets:", targets_flat.shape);`,
  `const loss = torch.nn.functional.cross_entropy(logits_flat, targets_flat);
print(loss);`,
  `const perplexity = torch.exp(loss);
print(perplexity);`,
  `const file_path = "the-verdict.txt";
const file = open(file_path, "r", encoding="utf-8");
const text_data = file.read().slice(0, 1000);`,
  `// First 99 characters
print(text_data.slice(0, 99));`,
  `// Last 99 characters
print(text_data.slice(-99));`,
  `const total_characters = len(text_data);
const total_tokens = len(tokenizer.encode(text_data));

print("Characters:", total_characters);
print("Tokens:", total_tokens);`,
  `// Train/validation ratio
const train_ratio = 0.90;
const split_idx = int(train_ratio * len(text_data));
const train_data = text_data.slice(0, split_idx);
const val_data = text_data.slice(split_idx);


torch.manual_seed(123);

const train_loader = create_dataloader_v1(
  train_data,
  batch_size=2,
  max_length=GPT_CONFIG_124M["context_length"],
  stride=GPT_CONFIG_124M["context_length"],
  drop_last=True,
  shuffle=True,
  num_workers=0
);

const val_loader = create_dataloader_v1(
  val_data,
  batch_size=2,
  max_length=GPT_CONFIG_124M["context_length"],
  stride=GPT_CONFIG_124M["context_length"],
  drop_last=False,
  shuffle=False,
  num_workers=0
);`,
  `// Sanity check

if (total_tokens * (train_ratio) < GPT_CONFIG_124M["context_length"]) {
  print("Not enough tokens for the training loader. " +
        "Try to lower the \`GPT_CONFIG_124M['context_length']\` or " +
        "increase the \`training_ratio\`");
}

if (total_tokens * (1 - train_ratio) < GPT_CONFIG_124M["context_length"]) {
  print("Not enough tokens for the validation loader. " +
        "Try to lower the \`GPT_CONFIG_124M['context_length']\` or " +
        "decrease the \`training_ratio\`");
}`,
  `print("Train loader:");
for (const [x, y] of train_loader) {
  print(x.shape, y.shape);
}

print("\\nValidation loader:");
for (const [x, y] of val_loader) {
  print(x.shape, y.shape);
}`,
  `let train_tokens = 0;
for (const [input_batch, target_batch] of train_loader) {
  train_tokens += input_batch.numel();
}

let val_tokens = 0;
for (const [input_batch, target_batch] of val_loader) {
  val_tokens += input_batch.numel();
}

print("Training tokens:", train_tokens);
print("Validation tokens:", val_tokens);
print("All tokens:", train_tokens + val_tokens);`,
  `function calc_loss_batch(input_batch, target_batch, model, device) {
  [input_batch, target_batch] = [input_batch.to(device), target_batch.to(device)];
  const logits = model(input_batch);
  const loss = torch.nn.functional.cross_entropy(logits.flatten(0, 1), target_batch.flatten());
  return loss;
}


function calc_loss_loader(data_loader, model, device, num_batches = None) {
  let total_loss = 0.;
  if (len(data_loader) == 0) {
    return float("nan");
  } else if (num_batches === None) {
    num_batches = len(data_loader);
  } else {
    // Reduce the number of batches to match the total number of batches in the data loader
    // if num_batches exceeds the number of batches in the data loader
    num_batches = min(num_batches, len(data_loader));
  }
  for (const [i, [input_batch, target_batch]] of enumerate(data_loader)) {
    if (i < num_batches) {
      const loss = calc_loss_batch(input_batch, target_batch, model, device);
      total_loss += loss.item();
    } else {
      break;
    }
  }
  return total_loss / num_batches;
}`,
  `let device;
if (torch.cuda.is_available()) {
  device = torch.device("cuda");
} else if (torch.backends.mps.is_available()) {
  device = torch.device("mps");
} else {
  device = torch.device("cpu");
}


print(\`Using \${device} device.\`);


model.to(device); // no assignment model = model.to(device) necessary for nn.Module classes


torch.manual_seed(123); // For reproducibility due to the shuffling in the data loader

// Disable gradient tracking for efficiency because we are not training, yet
const [train_loss, val_loss] = torch.no_grad(() => [
  calc_loss_loader(train_loader, model, device),
  calc_loss_loader(val_loader, model, device),
]);

print("Training loss:", train_loss);
print("Validation loss:", val_loss);`,
  `function train_model_simple(model, train_loader, val_loader, optimizer, device, num_epochs,
                            eval_freq, eval_iter, start_context, tokenizer) {
  // Initialize lists to track losses and tokens seen
  const [train_losses, val_losses, track_tokens_seen] = [[], [], []];
  let [tokens_seen, global_step] = [0, -1];

  // Main training loop
  for (const epoch of range(num_epochs)) {
    model.train();  // Set model to training mode

    for (const [input_batch, target_batch] of train_loader) {
      optimizer.zero_grad(); // Reset loss gradients from previous batch iteration
      const loss = calc_loss_batch(input_batch, target_batch, model, device);
      loss.backward(); // Calculate loss gradients
      optimizer.step(); // Update model weights using loss gradients
      tokens_seen += input_batch.numel();
      global_step += 1;

      // Optional evaluation step
      if (global_step % eval_freq == 0) {
        const [train_loss, val_loss] = evaluate_model(
          model, train_loader, val_loader, device, eval_iter);
        train_losses.append(train_loss);
        val_losses.append(val_loss);
        track_tokens_seen.append(tokens_seen);
        print(\`Ep \${epoch + 1} (Step \${global_step:06d}): \` +
              \`Train loss \${train_loss:.3f}, Val loss \${val_loss:.3f}\`);
      }
    }

    // Print a sample text after each epoch
    generate_and_print_sample(
      model, tokenizer, device, start_context
    );
  }

  return [train_losses, val_losses, track_tokens_seen];
}


function evaluate_model(model, train_loader, val_loader, device, eval_iter) {
  model.eval();
  const [train_loss, val_loss] = torch.no_grad(() => [
    calc_loss_loader(train_loader, model, device, num_batches=eval_iter),
    calc_loss_loader(val_loader, model, device, num_batches=eval_iter),
  ]);
  model.train();
  return [train_loss, val_loss];
}


function generate_and_print_sample(model, tokenizer, device, start_context) {
  model.eval();
  const context_size = model.pos_emb.weight.shape[0];
  const encoded = text_to_token_ids(start_context, tokenizer).to(device);
  const token_ids = torch.no_grad(() => generate_text_simple(
    model=model, idx=encoded,
    max_new_tokens=50, context_size=context_size
  ));
  const decoded_text = token_ids_to_text(token_ids, tokenizer);
  print(decoded_text.replace("\\n", " "));  // Compact print format
  model.train();
}`,
  `torch.manual_seed(123);
model = GPTModel(GPT_CONFIG_124M);
model.to(device);
let optimizer = torch.optim.AdamW(model.parameters(), lr=0.0004, weight_decay=0.1);

const num_epochs = 2;
const [train_losses, val_losses, tokens_seen] = train_model_simple(
  model, train_loader, val_loader, optimizer, device,
  num_epochs=num_epochs, eval_freq=5, eval_iter=5,
  start_context="Every effort moves you", tokenizer=tokenizer
);`,
  `print(train_losses, val_losses, tokens_seen);`,
  `const inference_device = torch.device("cpu");

model.to(inference_device);
model.eval();

tokenizer = tiktoken.get_encoding("gpt2");

token_ids = generate_text_simple(
  model=model,
  idx=text_to_token_ids("Every effort moves you", tokenizer).to(inference_device),
  max_new_tokens=25,
  context_size=GPT_CONFIG_124M["context_length"]
);

print("Output text:\\n", token_ids_to_text(token_ids, tokenizer));`,
  `const vocab = {
  "closer": 0,
  "every": 1,
  "effort": 2,
  "forward": 3,
  "inches": 4,
  "moves": 5,
  "pizza": 6,
  "toward": 7,
  "you": 8,
};

const inverse_vocab = Object.fromEntries(list(vocab.items()).map(([k, v]) => [v, k]));

// Suppose input is "every effort moves you", and the LLM
// returns the following logits for the next token:
const next_token_logits = torch.tensor(
  [4.51, 0.89, -1.90, 6.75, 1.63, -1.62, -1.89, 6.28, 1.79]
);

probas = torch.softmax(next_token_logits, dim=0);
let next_token_id = torch.argmax(probas).item();

// The next generated token is then as follows:
print(inverse_vocab[next_token_id]);`,
  `torch.manual_seed(123);
next_token_id = torch.multinomial(probas, num_samples=1).item();
print(inverse_vocab[next_token_id]);`,
  `function print_sampled_tokens(probas) {
  torch.manual_seed(123); // Manual seed for reproducibility
  const sample = list(range(1_000)).map((i) => torch.multinomial(probas, num_samples=1).item());
  const sampled_ids = torch.bincount(torch.tensor(sample), minlength=len(probas));
  for (const [i, freq] of enumerate(sampled_ids)) {
    print(\`\${freq} x \${inverse_vocab[i]}\`);
  }
}

print_sampled_tokens(probas);`,
  `function softmax_with_temperature(logits, temperature) {
  const scaled_logits = logits / temperature;
  return torch.softmax(scaled_logits, dim=0);
}

// Temperature values
const temperatures = [1, 0.1, 5];  // Original, higher confidence, and lower confidence

// Calculate scaled probabilities
const scaled_probas = temperatures.map((T) => softmax_with_temperature(next_token_logits, T));`,
  `print_sampled_tokens(scaled_probas[1]);`,
  `print_sampled_tokens(scaled_probas[2]);`,
  `const top_k = 3;
const [top_logits, top_pos] = torch.topk(next_token_logits, top_k);

print("Top logits:", top_logits);
print("Top positions:", top_pos);`,
  `const new_logits = torch.where(
  condition=next_token_logits < top_logits[-1],
  input=torch.tensor(float("-inf")),
  other=next_token_logits
);

print(new_logits);`,
  `const topk_probas = torch.softmax(new_logits, dim=0);
print(topk_probas);`,
  `function generate(model, idx, max_new_tokens, context_size, temperature = 0.0, top_k = None, eos_id = None) {

  // For-loop is the same as before: Get logits, and only focus on last time step
  for (const _ of range(max_new_tokens)) {
    const idx_cond = idx[\`:, -\${context_size}:\`];
    let logits = torch.no_grad(() => model(idx_cond));
    logits = logits[":, -1, :"];

    // New: Filter logits with top_k sampling
    if (top_k !== None) {
      // Keep only top_k values
      const [top_logits, _] = torch.topk(logits, top_k);
      const min_val = top_logits[":, -1"];
      logits = torch.where(logits < min_val, torch.tensor(float("-inf")).to(logits.device), logits);
    }

    let idx_next;
    // New: Apply temperature scaling
    if (temperature > 0.0) {
      logits = logits / temperature;

      // New (not in book): numerical stability tip to get equivalent results on mps device
      // subtract rowwise max before softmax
      logits = logits - logits.max(dim=-1, keepdim=True).values;

      // Apply softmax to get probabilities
      const probs = torch.softmax(logits, dim=-1);  // (batch_size, context_len)

      // Sample from the distribution
      idx_next = torch.multinomial(probs, num_samples=1);  // (batch_size, 1)
    } else {
      // Otherwise same as before: get idx of the vocab entry with the highest logits value
      idx_next = torch.argmax(logits, dim=-1, keepdim=True);  // (batch_size, 1)
    }

    if (idx_next == eos_id) {  // Stop generating early if end-of-sequence token is encountered and eos_id is specified
      break;
    }

    // Same as before: append sampled index to the running sequence
    idx = torch.cat([idx, idx_next], dim=1);  // (batch_size, num_tokens+1)
  }

  return idx;
}`,
  `torch.manual_seed(123);

token_ids = generate(
  model=model,
  idx=text_to_token_ids("Every effort moves you", tokenizer).to(inference_device),
  max_new_tokens=15,
  context_size=GPT_CONFIG_124M["context_length"],
  top_k=25,
  temperature=1.4
);

print("Output text:\\n", token_ids_to_text(token_ids, tokenizer));`,
  `torch.save(model.state_dict(), "model.pth");`,
  `model = GPTModel(GPT_CONFIG_124M);

if (torch.cuda.is_available()) {
  device = torch.device("cuda");
} else if (torch.backends.mps.is_available()) {
  device = torch.device("mps");
} else {
  device = torch.device("cpu");
}

print("Device:", device);

model.load_state_dict(torch.load("model.pth", map_location=device, weights_only=True));
void model.eval();`,
  `torch.manual_seed(123);
token_ids = generate(
  model=model,
  idx=text_to_token_ids("Every effort moves you", tokenizer),
  max_new_tokens=15,
  context_size=GPT_CONFIG_124M["context_length"],
  top_k=25,
  temperature=1.4
);
print("Output text:\\n", token_ids_to_text(token_ids, tokenizer));`,
  `torch.save({
  "model_state_dict": model.state_dict(),
  "optimizer_state_dict": optimizer.state_dict(),
  },
  "model_and_optimizer.pth"
);`,
  `const checkpoint = torch.load("model_and_optimizer.pth");

model = GPTModel(GPT_CONFIG_124M);
model.load_state_dict(checkpoint["model_state_dict"]);

optimizer = torch.optim.AdamW(model.parameters(), lr=0.0005, weight_decay=0.1);
optimizer.load_state_dict(checkpoint["optimizer_state_dict"]);
void model.train();`,
  `print(optimizer.param_groups[0]["lr"], len(optimizer.state_dict()["state"]));
const state0 = optimizer.state_dict()["state"][0];
print(state0["step"], (state0["exp_avg"] as torch.Tensor)[":2, :4"]);`,
];

/** Each cell printed and showed PyTorch's text; a printed zero's sign (`-0.0000`, ~1e-9) is not compared. */
function expectCells(got: CellOutput[], want: CellOutput[]): void {
  expect(got.length).toBe(want.length);
  const zero = (s: string) => s.replace(/-(0\.0+)(?![0-9])/g, " $1");
  want.forEach((w, i) => {
    const g = got[i];
    expect([i, g.printed.split("\n").length]).toEqual([i, w.printed.split("\n").length]);
    expectSamePrint(zero(g.printed), zero(w.printed));
    expect([i, g.shown === null]).toEqual([i, w.shown === null]);
    if (w.shown !== null) expectSamePrint((g.shown as string).replace(/\s+/g, ""), w.shown.replace(/\s+/g, ""));
  });
}

// The story is read from the fixture; the checkpoints are written to a temporary folder.
const SAVED = tempDir("torchlab-llms-");
const withFiles = (cells: string[]) =>
  cells.map((c) =>
    c
      .replace('"the-verdict.txt"', JSON.stringify(VERDICT))
      .replace(/"(model\.pth|model_and_optimizer\.pth)"/g, (_, f: string) => JSON.stringify(path.join(SAVED, f))),
  );

describe("Raschka's Build a Large Language Model (From Scratch), ch02-ch05, as one notebook through `torchlab run`", () => {
  const nbs = sectionsForSuite("llms", { llms: { ch02: withFiles(CH02), ch03: CH03, ch04: CH04, ch05: withFiles(CH05) } });

  test("ch02: SimpleTokenizerV1 / V2 with re.split as a RegExp, the vocabulary, <|unk|> and <|endoftext|>, the stand-in tiktoken, GPTDatasetV1 / create_dataloader_v1 batches, token and positional embeddings", () => {
    expectCells(cellsOf(nbs.ch02), R.ch02);
  });

  test("ch03: attention scores by loop and by matmul, softmax, SelfAttention_v1 / v2, the causal mask (tril, triu, masked_fill with -inf), seeded dropout, CausalAttention, MultiHeadAttentionWrapper, MultiHeadAttention", () => {
    expectCells(cellsOf(nbs.ch03), R.ch03);
  });

  test("ch04: DummyGPTModel, LayerNorm and GELU by hand, FeedForward, gradient means with and without shortcut connections, TransformerBlock, GPTModel's outputs and parameter counts, generate_text_simple", () => {
    expectCells(cellsOf(nbs.ch04), R.ch04);
  });

  test("ch05: cross-entropy and perplexity, calc_loss_loader, train_model_simple with AdamW (losses and sampled texts), multinomial sampling with temperature, top-k with topk / where, generate(), torch.save / torch.load of the model and optimizer", () => {
    expectCells(cellsOf(nbs.ch05), R.ch05);
  });
});
