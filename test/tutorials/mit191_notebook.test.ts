/**
 * MIT 6.S191 "Introduction to Deep Learning" (MITDeepLearning/introtodeeplearning, the 2026 PyTorch solution
 * notebooks) ported line by line in the notebook dialect and run as one notebook through `torchlab run`:
 * lab1 Part 1 (PT_Part1_Intro: `torch.tensor(1234)` / `torch.tensor(range(100))` / a 2-d matrix / a 4-d
 * `torch.zeros(10, 3, 256, 256)` with their ndim and shape asserts, `matrix[:, 1]`, `torch.add(a, b)` and
 * `a + b`, func(a, b) on Python floats, OurDenseLayer (nn.Parameter, torch.matmul, torch.sigmoid),
 * nn.Sequential, LinearWithSigmoidActivation, LinearButSometimesIdentity's `isidentity=True`, `y = x ** 2;
 * y.backward()`, the 2026 gradient-descent loop (`x = torch.tensor([x], requires_grad=True)`, `x = x.item() -
 * learning_rate * x.grad`) and the 2025 lab's (`x.requires_grad = True`, `with torch.no_grad(): x -= ...`,
 * `x.grad.zero_()`), each with its history list); lab1 Part 2 (PT_Part2_Music_Generation: vocab, char2idx,
 * `np.array([char2idx[c] for c in string])`, get_batch with `np.random.choice`, LSTMModel with nn.Embedding /
 * `nn.LSTM(batch_first=True)` / nn.Linear and init_hidden, the untrained prediction sampled with
 * torch.multinomial, compute_loss with CrossEntropyLoss over `view(-1, ...)`, train_step's Adam loop,
 * generate_text); lab2 Part 1 (PT_Part1_MNIST: datasets.MNIST with ToTensor, build_fc_model's
 * `nn.Sequential(nn.Flatten(), ...)`, FullyConnectedModel, SGD, train() with `loss.item()*images.size(0)` and
 * `correct_pred += (predicted == labels).sum().item()`, evaluate(), the CNN (Conv2d / MaxPool2d / Flatten) and
 * its training loop, `np.argmax` of test image 0's prediction, the softmax'd predictions of the test set).
 * Every cell prints PyTorch 1.13's text (test/reference/gen_mit191.py, mit191.json; numbers within float32
 * tolerance), the sampled characters included.
 *
 * Stand-ins (the first cell, not a lab cell, writes them into a temporary working directory; the
 * generator's SETUP writes the same bytes): MNIST's raw IDX files under ./data/MNIST/raw (256 training and
 * 64 test digits: a bar whose row and column depend on the label, over a faint texture);
 * `mdl.lab1.load_training_data()` gives three short ABC tunes written for this port (not the lab's data
 * set); `np` is the prelude's (src/numpy): np.random.seed / np.random.choice draw NumPy's legacy
 * MT19937 stream (seeded 0 on both sides), np.array of numbers is NumPy's int64 array, np.argmax of an
 * array its flat argmax.
 * Shrunk: the music model is embedding 16 / hidden 32 (256 / 1024), the test batch 4 x 20 (32 x 100),
 * training 10 iterations (3000) of batch 8 x 30 (8 x 100), the generated text 40 characters (1000) and
 * printed; the MNIST FC model trains 3 epochs (5), the CNN 2 (7).
 * Left out: the installs and comet_ml (create_experiment, log_metric, log_figure), matplotlib (the digit
 * grids, the loss plots: a print of the history stands for each), mdl.lab1.play_song /
 * extract_song_snippet (audio), the checkpoint directory and the periodic torch.save of the music model,
 * mdl.util.PeriodicPlotter / LossHistory, torchsummary, the GPU asserts, lab2's PT_Part2_Debiasing (time).
 * Kept as the labs have them: evaluate() reads the global testset_loader, not its dataloader argument;
 * the CNN loop never adds to total_loss (so it prints Loss: 0.0).
 * Written differently from the labs:
 * - NumPy's string arrays: torchlab's np has none, so `idx2char = np.array(vocab)` is the list itself,
 *   `idx2char[x[0].cpu()]` (a string array indexed by a tensor) is `x[0].cpu().tolist().map((i) =>
 *   idx2char[i])` and `idx2char[input_idx].item()` is `idx2char[input_idx.item()]`; get_batch's list
 *   comprehension over `idx` is `Array.from(idx, ...)`.
 * - `char2idx = {u: i for i, u in enumerate(vocab)}` is a Map typed `any` (a JavaScript object would list
 *   the digit keys '1', '2', ... before '\n'; see the divergence left alone); `params = dict(...)` is an
 *   object literal (no key is a digit string there; the dialect has no dict()).
 * - `with torch.no_grad():` is `torch.no_grad(() => {...})`; `return a, b` and `(out, state)` are arrays;
 *   `super(Cls, self).__init__()` is `super()`; the TODO docstrings are left out (one is mis-indented in
 *   the lab's evaluate, a Python syntax error); a name a later cell rebinds to another type is declared
 *   `any` or again; `### ... ###` comments are `/// ... ///`.
 * Divergences this port found, fixed:
 * - `torch.tensor(range(100))` did not compile: torch.tensor reads a range (any sequence with len() and
 *   getitem) as the list of its items (src/ops/creation.ts; test/tensor/scalar_first.test.ts).
 * - func(1.5, 2.5)'s `torch.add(a, b)` on two Python numbers was "add(): argument 'input' (position 1) must
 *   be Tensor, not number": torch.add / sub / subtract / mul / multiply take two numbers as PyTorch does, a
 *   0-d tensor whose dtype the numbers' kinds decide (float64 for two floats, int64 for two ints, float32
 *   for one of each) (src/ops/elementwise.ts, src/torch.ts; test/tensor/scalar_first.test.ts against
 *   test/reference/gen_mit191_ops.py).
 * - `'{}'.format(..., array)` and str(array) gave a NumPy array's repr (`array([24, 10, ...])`) where
 *   Python gives its str (`[24 10  4 ...]`): str() is print's str, an object's own __str__ first
 *   (src/builtins.ts; test/builtins.test.ts).
 * - `char2idx[char]` on a Map typed `any` read undefined (JavaScript's property): a Map reached untyped is
 *   subscripted (and assigned) as Python's dict, a missing key Python's KeyError (kernel/dynamic_ops.ts;
 *   test/kernel/dynamic_ops.test.ts).
 * - On the prelude's np (no longer a shim), get_batch's `np.random.choice(n - seq_length, batch_size)` of
 *   untyped parameters was typed as the scalar overload (a size typed `any` matched `size?: null`, which
 *   is `any` without strictNullChecks), so `Array.from(idx, ...)` did not compile: a size typed `any`
 *   now types the draw `any` (src/numpy/random.ts, generator.ts; test/api/numpy_tutorial.test.ts).
 * Divergence found, left alone: a plain object used as a dict (a dict literal, Object.fromEntries) lists
 * integer-like string keys first, in numeric order (JavaScript's own property order), where Python keeps
 * insertion order; a Map keeps it.
 */
import * as fs from "fs";
import * as path from "path";
import { cellsOf, sectionsForSuite, type CellOutput } from "./_notebooks";
import { expectSameCells } from "./_tutorial";

const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "mit191.json"), "utf8")) as Record<string, CellOutput[]>;

/**
 * Not a lab cell: the stand-ins (gen_mit191.py's SETUP writes the same bytes), `mdl`'s
 * load_training_data, and `np.random.seed(0)`: the prelude's np.random is NumPy's legacy stream
 * (src/numpy/random.ts), so get_batch's np.random.choice picks the windows the generator's NumPy picks.
 */
const SETUP = `const fs = require("fs"), nodePath = require("path"), nodeOs = require("os");
process.chdir(fs.mkdtempSync(nodePath.join(nodeOs.tmpdir(), "mit191-")));
fs.mkdirSync("data/MNIST/raw", {recursive: true});
for (const [prefix, n] of [["train", 256], ["t10k", 64]] as [string, number][]) {
  const labels = Array.from({length: n}, (_, i) => (7 * i + Math.floor(i * i / 5)) % 10);
  const img = Buffer.alloc(16 + n * 784);
  img.set([0, 0, 8, 3]); img.writeUInt32BE(n, 4); img.writeUInt32BE(28, 8); img.writeUInt32BE(28, 12);
  for (let i = 0; i < n; i++) for (let r = 0; r < 28; r++) for (let c = 0; c < 28; c++) {
    img[16 + i * 784 + r * 28 + c] = ((r - 3 - 2 * labels[i]) ** 2 < 9 ? 200 : 0) + ((c - 2 - 2 * labels[i]) ** 2 < 4 ? 50 : 0) + (r * c + i) % 5;
  }
  fs.writeFileSync("data/MNIST/raw/" + prefix + "-images-idx3-ubyte", img);
  const lab = Buffer.alloc(8 + n);
  lab.set([0, 0, 8, 1]); lab.writeUInt32BE(n, 4); lab.set(labels, 8);
  fs.writeFileSync("data/MNIST/raw/" + prefix + "-labels-idx1-ubyte", lab);
}
const SONGS = [
  "X:1\\nT:Stand-in Reel\\nZ: torchlab\\nM:4/4\\nL:1/8\\nK:D\\n|:A2FA dAFA|B2GB dBGB|A2FA dAfe|dBAF E2D2:|",
  "X:2\\nT:Stand-in Jig\\nZ: torchlab\\nM:6/8\\nL:1/8\\nK:G\\n|:GAB cBA|Bdg gfe|dBG AFD|GBA G3:|",
  "X:3\\nT:Stand-in Air\\nZ: torchlab\\nM:3/4\\nL:1/8\\nK:Am\\n|:e2 cA eA|c2 BA GE|A2 cB AG|E6:|",
];
const mdl = {lab1: {load_training_data: (): string[] => [...SONGS]}};
np.random.seed(0);`;

const INTRO = [
  `// import torch, torch.nn as nn, numpy as np: the prelude's torch, nn and np`,
  `const integer = torch.tensor(1234);
const decimal = torch.tensor(3.14159265359);

print(\`\\\`integer\\\` is a \${integer.ndim}-d Tensor: \${integer}\`);
print(\`\\\`decimal\\\` is a \${decimal.ndim}-d Tensor: \${decimal}\`);`,
  `const fibonacci = torch.tensor([1, 1, 2, 3, 5, 8]);
const count_to_100 = torch.tensor(range(100));

print(\`\\\`fibonacci\\\` is a \${fibonacci.ndim}-d Tensor with shape: \${fibonacci.shape}\`);
print(\`\\\`count_to_100\\\` is a \${count_to_100.ndim}-d Tensor with shape: \${count_to_100.shape}\`);`,
  `/// Defining higher-order Tensors ///

const matrix = torch.tensor([[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0]]);

assert(isinstance(matrix, torch.Tensor), "matrix must be a torch Tensor object");
assert(matrix.ndim == 2);

const images = torch.zeros(10, 3, 256, 256);

assert(isinstance(images, torch.Tensor), "images must be a torch Tensor object");
assert(images.ndim == 4, "images must have 4 dimensions");
assert(images.shape == [10, 3, 256, 256], "images is incorrect shape");
print(\`images is a \${images.ndim}-d Tensor with shape: \${images.shape}\`);`,
  `const row_vector = matrix[1];
const column_vector = matrix[":, 1"];
const scalar = matrix[0, 1];

print(\`\\\`row_vector\\\`: \${row_vector}\`);
print(\`\\\`column_vector\\\`: \${column_vector}\`);
print(\`\\\`scalar\\\`: \${scalar}\`);`,
  `// Create the nodes in the graph and initialize values
let a: any = torch.tensor(15);
let b: any = torch.tensor(61);

// Add them!
const c1 = torch.add(a, b);
const c2 = a + b;  // PyTorch overrides the "+" operation so that it is able to act on Tensors
print(\`c1: \${c1}\`);
print(\`c2: \${c2}\`);`,
  `/// Defining Tensor computations ///

// Construct a simple computation function
function func(a, b) {
  const c = torch.add(a, b);
  const d = torch.subtract(b, 1);
  const e = torch.multiply(c, d);
  return e;
}`,
  `// Consider example values for a,b
[a, b] = [1.5, 2.5];
// Execute the computation
const e_out = func(a, b);
print(\`e_out: \${e_out}\`);`,
  `/// Defining a dense layer ///

class OurDenseLayer extends torch.nn.Module {
  constructor(num_inputs, num_outputs) {
    super();
    // Define and initialize parameters: a weight matrix W and bias b
    // Note that the parameter initialize is random!
    this.W = torch.nn.Parameter(torch.randn(num_inputs, num_outputs));
    this.bias = torch.nn.Parameter(torch.randn(num_outputs));
  }

  forward(x) {
    const z = torch.matmul(x, this.W) + this.bias;
    const y = torch.sigmoid(z);
    return y;
  }
}`,
  `// Define a layer and test the output!
let num_inputs = 2;
let num_outputs = 3;
const layer = OurDenseLayer(num_inputs, num_outputs);
let x_input = torch.tensor([[1, 2.]]);
let y = layer(x_input);

print(\`input shape: \${x_input.shape}\`);
print(\`output shape: \${y.shape}\`);
print(\`output result: \${y}\`);`,
  `/// Defining a neural network using the PyTorch Sequential API ///

// define the number of inputs and outputs
let n_input_nodes = 2;
let n_output_nodes = 3;

// Define the model
let model: nn.Module = nn.Sequential(
  // linear layer with input size 2 and output size 3
  nn.Linear(n_input_nodes, n_output_nodes),
  // Sigmoid activation function
  nn.Sigmoid()
);`,
  `// Test the model with example input
x_input = torch.tensor([[1, 2.]]);
const model_output = model(x_input);
print(\`input shape: \${x_input.shape}\`);
print(\`output shape: \${y.shape}\`);
print(\`output result: \${y}\`);`,
  `/// Defining a model using subclassing ///

class LinearWithSigmoidActivation extends nn.Module {
  constructor(num_inputs, num_outputs) {
    super();
    this.linear = nn.Linear(num_inputs, num_outputs);
    this.activation = nn.Sigmoid();
  }

  forward(inputs) {
    const linear_output = this.linear(inputs);
    const output = this.activation(linear_output);
    return output;
  }
}`,
  `n_input_nodes = 2;
n_output_nodes = 3;
model = LinearWithSigmoidActivation(n_input_nodes, n_output_nodes);
x_input = torch.tensor([[1, 2.]]);
y = model(x_input);
print(\`input shape: \${x_input.shape}\`);
print(\`output shape: \${y.shape}\`);
print(\`output result: \${y}\`);`,
  `/// Custom behavior with subclassing nn.Module ///

class LinearButSometimesIdentity extends nn.Module {
  constructor(num_inputs, num_outputs) {
    super();
    this.linear = nn.Linear(num_inputs, num_outputs);
  }

  forward(inputs, isidentity=False) {
    if (isidentity) {
      return inputs;
    } else {
      return this.linear(inputs);
    }
  }
}`,
  `// Test the IdentityModel
model = LinearButSometimesIdentity(num_inputs=2, num_outputs=3);
x_input = torch.tensor([[1, 2.]]);

const out_with_linear = model(x_input);

const out_with_identity = model(x_input, isidentity=True);

print(\`input: \${x_input}\`);
print("Network linear output: {}; network identity output: {}".format(out_with_linear, out_with_identity));`,
  `/// Gradient computation ///

// y = x^2
// Example: x = 3.0
let x: any = torch.tensor(3.0, requires_grad=True);
y = x ** 2;
y.backward();  // Compute the gradient

const dy_dx = x.grad;
print("dy_dx of y=x^2 at x=3.0 is: ", dy_dx);
assert(dy_dx == 6.0);`,
  `/// Function minimization with autograd and gradient descent ///

// Initialize a random value for our intial x
x = torch.randn(1);
print(\`Initializing x=\${x.item()}\`);

let learning_rate = 1e-2;  // Learning rate
let history = [];
let x_f = 4;  // Target value


// We will run gradient descent for a number of iterations. At each iteration, we compute the loss,
//   compute the derivative of the loss with respect to x, and perform the update.
let loss: torch.Tensor;
for (const i of range(500)) {
  x = torch.tensor([x], requires_grad=True);

  // Compute the loss as the square of the difference between x and x_f
  loss = (x - x_f) ** 2;

  // Backpropagate through the loss to compute gradients
  loss.backward();

  // Update x with gradient descent
  x = x.item() - learning_rate * x.grad;

  history.append(x.item());
}

// In place of the plot
print(len(history), history[":3"], history[-1]);`,
  `/// Function minimization with autograd and gradient descent (the 2025 lab's loop) ///

// Initialize a random value for our initial x
x = torch.randn(1);
x.requires_grad = True;
print(\`Initializing x=\${x.item()}\`);

learning_rate = 1e-2;  // Learning rate
history = [];
x_f = 4;  // Target value

for (const i of range(500)) {
  // Compute the loss as the square of the difference between x and x_f
  loss = (x - x_f) ** 2;

  // Backward pass
  loss.backward();

  // Update x with gradient descent
  torch.no_grad(() => {
    x -= learning_rate * x.grad;
  });

  // Zero the gradients
  x.grad.zero_();

  history.append(x.item());
}

// In place of the plot
print(len(history), history[":3"], history[-1]);
x`,
];

const MUSIC = [
  `// import torch, torch.nn as nn, torch.optim as optim, numpy as np: the prelude's; os: not used`,
  `// Download the dataset
const songs = mdl.lab1.load_training_data();

// Print one of the songs to inspect it in greater detail!
const example_song = songs[0];
print("\\nExample song: ");
print(example_song);`,
  `// Join our list of song strings into a single string containing all songs
const songs_joined = "\\n\\n".join(songs);

// Find all unique characters in the joined string
const vocab = sorted(set(songs_joined));
print("There are", len(vocab), "unique characters in the dataset");`,
  `/// Define numerical representation of text ///

const char2idx: any = new Map(list(enumerate(vocab)).map(([i, u]) => [u, i]));

const idx2char = vocab;  // np.array(vocab): torchlab's np has no string arrays, so the list itself`,
  `print('{');
for (const [char, _] of zip(char2idx, range(20))) {
  print('  {:4s}: {:3d},'.format(repr(char), char2idx[char]));
}
print('  ...\\n}');`,
  `/// Vectorize the songs string ///

function vectorize_string(string) {
  const vectorized_output = np.array([...string].map((char) => char2idx[char]));
  return vectorized_output;
}

const vectorized_songs = vectorize_string(songs_joined);`,
  `print('{} ---- characters mapped to int ----> {}'.format(repr(songs_joined[":10"]), vectorized_songs[":10"]));
// check that vectorized_songs is a numpy array
assert(isinstance(vectorized_songs, np.ndarray), "returned result should be a numpy array");`,
  `/// Batch definition to create training examples ///

function get_batch(vectorized_songs, seq_length, batch_size) {
  // the length of the vectorized songs string
  const n = vectorized_songs.shape[0] - 1;
  // randomly choose the starting indices for the examples in the training batch
  const idx = np.random.choice(n - seq_length, batch_size);

  const input_batch = Array.from(idx, (i) => vectorized_songs[\`\${i}:\${i + seq_length}\`]);

  const output_batch = Array.from(idx, (i) => vectorized_songs[\`\${i + 1}:\${i + seq_length + 1}\`]);

  // Convert the input and output batches to tensors
  const x_batch = torch.tensor(input_batch, dtype=torch.long);
  const y_batch = torch.tensor(output_batch, dtype=torch.long);

  return [x_batch, y_batch];
}

// Perform some simple tests to make sure your batch function is working properly!
const test_args = [vectorized_songs, 10, 2] as const;
let [x_batch, y_batch] = get_batch(...test_args);
assert(x_batch.shape == [2, 10], "x_batch shape is incorrect");
assert(y_batch.shape == [2, 10], "y_batch shape is incorrect");
print("Batch function works correctly!");`,
  `[x_batch, y_batch] = get_batch(vectorized_songs, seq_length=5, batch_size=1);

for (const [i, [input_idx, target_idx]] of enumerate(zip(x_batch[0], y_batch[0]))) {
  print("Step {:3d}".format(i));
  print("  input: {} ({:s})".format(input_idx, repr(idx2char[input_idx.item()])));
  print("  expected output: {} ({:s})".format(target_idx, repr(idx2char[target_idx.item()])));
}`,
  `/// Defining the RNN Model ///

class LSTMModel extends nn.Module {
  constructor(vocab_size, embedding_dim, hidden_size) {
    super();
    this.hidden_size = hidden_size;

    // Layer 1: Embedding layer to transform indices into dense vectors
    //   of a fixed embedding size
    this.embedding = nn.Embedding(vocab_size, embedding_dim);

    // Layer 2: LSTM with hidden_size \`hidden_size\`. note: number of layers defaults to 1.
    this.lstm = nn.LSTM(embedding_dim, hidden_size, batch_first=True);

    // Layer 3: Linear (fully-connected) layer that transforms the LSTM output
    //   into the vocabulary size.
    this.fc = nn.Linear(hidden_size, vocab_size);
  }

  init_hidden(batch_size, device) {
    // Initialize hidden state and cell state with zeros
    return [torch.zeros(1, batch_size, this.hidden_size).to(device),
            torch.zeros(1, batch_size, this.hidden_size).to(device)];
  }

  forward(x, state=None, return_state=False) {
    x = this.embedding(x);

    if (state === None) {
      state = this.init_hidden(x.size(0), x.device);
    }
    let out;
    [out, state] = this.lstm(x, state);

    out = this.fc(out);
    return !return_state ? out : [out, state];
  }
}`,
  `// Instantiate the model! Build a simple model with default hyperparameters. You
//     will get the chance to change these later.
let vocab_size = len(vocab);
const embedding_dim = 16;
const hidden_size = 32;
const batch_size = 8;

const device = torch.device(torch.cuda.is_available() ? "cuda" : "cpu");

let model = LSTMModel(vocab_size, embedding_dim, hidden_size).to(device);

// print out a summary of the model
print(model);`,
  `// Test the model with some sample data
let [x, y] = get_batch(vectorized_songs, seq_length=20, batch_size=4);
x = x.to(device);
y = y.to(device);

const pred = model(x);
print("Input shape:      ", x.shape, " # (batch_size, sequence_length)");
print("Prediction shape: ", pred.shape, "# (batch_size, sequence_length, vocab_size)");`,
  `let sampled_indices: any = torch.multinomial(torch.softmax(pred[0], dim=-1), num_samples=1);
sampled_indices = sampled_indices.squeeze(-1).cpu().numpy();
sampled_indices`,
  `print("Input: \\n", repr("".join(x[0].cpu().tolist().map((i) => idx2char[i]))));
print();
print("Next Char Predictions: \\n", repr("".join(sampled_indices.tolist().map((i) => idx2char[i]))));`,
  `/// Defining the loss function ///

const cross_entropy = nn.CrossEntropyLoss(); // instantiates the function
function compute_loss(labels, logits) {
  // Batch the labels so that the shape of the labels should be (B * L,)
  const batched_labels = labels.view(-1);

  const batched_logits = logits.view(-1, logits.size(-1));

  const loss = cross_entropy(batched_logits, batched_labels);
  return loss;
}`,
  `/// compute the loss on the predictions from the untrained model from earlier. ///
y.shape;  // (batch_size, sequence_length)
pred.shape;  // (batch_size, sequence_length, vocab_size)

const example_batch_loss = compute_loss(y, pred);

print(\`Prediction shape: \${pred.shape} # (batch_size, sequence_length, vocab_size)\`);
print(\`scalar_loss:      \${example_batch_loss.mean().item()}\`);`,
  `/// Hyperparameter setting and optimization ///

vocab_size = len(vocab);

// Model parameters:
const params = {
  num_training_iterations: 10,  // Increase this to train longer
  batch_size: 8,  // Experiment between 1 and 64
  seq_length: 30,  // Experiment between 50 and 500
  learning_rate: 5e-3,  // Experiment between 1e-5 and 1e-1
  embedding_dim: 16,
  hidden_size: 32,  // Experiment between 1 and 2048
};`,
  `/// Define optimizer and training operation ///

model = LSTMModel(vocab_size, params["embedding_dim"], params["hidden_size"]);

// Move the model to the GPU
model.to(device);

const optimizer = torch.optim.Adam(model.parameters(), lr=params["learning_rate"]);

function train_step(x, y) {
  // Set the model's mode to train
  model.train();

  // Zero gradients for every step
  optimizer.zero_grad();

  // Forward pass
  const y_hat = model(x);

  // Compute the loss
  const loss = compute_loss(y, y_hat);

  // Backward pass
  loss.backward();
  optimizer.step();

  return loss;
}

//////////////////
// Begin training!#
//////////////////

const history = [];

for (const iter of tqdm(range(params["num_training_iterations"]))) {

  // Grab a batch and propagate it through the network
  [x_batch, y_batch] = get_batch(vectorized_songs, params["seq_length"], params["batch_size"]);

  // Convert numpy arrays to PyTorch tensors
  x_batch = x_batch.to(device);
  y_batch = y_batch.to(device);

  // Take a train step
  const loss = train_step(x_batch, y_batch);

  // Update the progress bar and visualize within notebook
  history.append(loss.item());
}

// In place of the plot
print(history[0], history[-1]);`,
  `/// Prediction of a generated song ///

function generate_text(model, start_string, generation_length=1000) {
  // Evaluation step (generating ABC text using the learned RNN model)

  let input_idx: any = [...start_string].map((s) => char2idx[s]);
  input_idx = torch.tensor([input_idx], dtype=torch.long).to(device);

  // Initialize the hidden state
  let state = model.init_hidden(input_idx.size(0), device);

  // Empty string to store our results
  const text_generated = [];

  for (const i of tqdm(range(generation_length))) {
    let predictions;
    [predictions, state] = model(input_idx, state, return_state=True);

    // Remove the batch dimension
    predictions = predictions.squeeze(0);

    input_idx = torch.multinomial(torch.softmax(predictions, dim=-1), num_samples=1);

    text_generated.append(idx2char[input_idx.item()]);
  }

  return (start_string + ''.join(text_generated));
}`,
  `const generated_text = generate_text(model, start_string="X", generation_length=40);
print(generated_text);`,
];

const MNIST = [
  `// import torch, torch.nn as nn, torch.optim as optim, torchvision, transforms: the prelude's
const { datasets } = torchvision;
const { DataLoader } = torch.utils.data;`,
  `// Set GPU for computation
const device = torch.device(torch.cuda.is_available() ? "cuda" : "cpu");`,
  `// Download and transform the MNIST dataset
const transform = transforms.Compose([
  // Convert images to PyTorch tensors which also scales data from [0,255] to [0,1]
  transforms.ToTensor()
]);

// Download training and test datasets
const train_dataset = datasets.MNIST(root='./data', train=True, download=True, transform=transform);
const test_dataset = datasets.MNIST(root='./data', train=False, download=True, transform=transform);`,
  `let [image, label] = train_dataset[0];
print(image.size());  // For a tensor: torch.Size([1, 28, 28])
print(label);  // For a label: integer (e.g., 5)`,
  `function build_fc_model() {
  const fc_model = nn.Sequential(
    // First define a Flatten layer
    nn.Flatten(),

    nn.Linear(28 * 28, 128),
    nn.ReLU(),

    nn.Linear(128, 10),
  );
  return fc_model;
}

const fc_model_sequential = build_fc_model();
print(fc_model_sequential);`,
  `// Define the fully connected model
class FullyConnectedModel extends nn.Module {
  constructor() {
    super();
    this.flatten = nn.Flatten();
    this.fc1 = nn.Linear(28 * 28, 128);

    this.relu = nn.ReLU();

    this.fc2 = nn.Linear(128, 10);
  }

  forward(x) {
    x = this.flatten(x);
    x = this.fc1(x);

    x = this.relu(x);
    x = this.fc2(x);

    return x;
  }
}

const fc_model = FullyConnectedModel().to(device); // send the model to GPU`,
  `// Define loss function and optimizer
let loss_function = nn.CrossEntropyLoss();
let optimizer = optim.SGD(fc_model.parameters(), lr=0.1);`,
  `// Create DataLoaders for batch processing
const BATCH_SIZE = 64;
let trainset_loader = DataLoader(train_dataset, batch_size=BATCH_SIZE, shuffle=True);
let testset_loader = DataLoader(test_dataset, batch_size=BATCH_SIZE, shuffle=False);`,
  `function train(model, dataloader, criterion, optimizer, epochs) {
  model.train();  // Set the model to training mode
  for (const epoch of range(epochs)) {
    let total_loss = 0;
    let correct_pred = 0;
    let total_pred = 0;

    for (let [images, labels] of trainset_loader) {
      // Move tensors to GPU so compatible with model
      [images, labels] = [images.to(device), labels.to(device)];
      // Clear gradients before performing backward pass
      optimizer.zero_grad();
      // Forward pass
      const outputs = fc_model(images);
      // Calculate loss based on model predictions
      const loss = loss_function(outputs, labels);
      // Backpropagate and update model parameters
      loss.backward();
      optimizer.step();
      // multiply loss by total nos. of samples in batch
      total_loss += loss.item()*images.size(0);

      // Calculate accuracy
      const predicted = torch.argmax(outputs, dim=1);  // Get predicted class
      correct_pred += (predicted == labels).sum().item();  // Count correct predictions
      total_pred += labels.size(0); // Count total predictions
    }

    // Compute metrics
    const total_epoch_loss = total_loss / total_pred;
    const epoch_accuracy = correct_pred / total_pred;
    print(\`Epoch \${epoch + 1}, Loss: \${total_epoch_loss}, Accuracy: \${epoch_accuracy:.4f}\`);
  }
}`,
  `const EPOCHS = 3;
train(fc_model, trainset_loader, loss_function, optimizer, EPOCHS);`,
  `function evaluate(model, dataloader, loss_function) {
  // Evaluate model performance on the test dataset
  model.eval();
  let test_loss = 0;
  let correct_pred = 0;
  let total_pred = 0;
  // Disable gradient calculations when in inference mode
  torch.no_grad(() => {
    for (let [images, labels] of testset_loader) {
      [images, labels] = [images.to(device), labels.to(device)];

      const outputs = model(images);

      const loss = loss_function(outputs, labels);

      test_loss += loss.item() * images.size(0);

      const predicted = torch.argmax(outputs, dim=1);

      correct_pred += (predicted == labels).sum().item();
      total_pred += labels.size(0);
    }
  });

  // Compute average loss and accuracy
  test_loss /= total_pred;
  const test_acc = correct_pred / total_pred;
  return [test_loss, test_acc];
}

let [test_loss, test_acc] = evaluate(fc_model, trainset_loader, loss_function);

print('Test accuracy:', test_acc);`,
  `/// Basic CNN in PyTorch ///

class CNN extends nn.Module {
  constructor() {
    super();
    this.conv1 = nn.Conv2d(1, 24, kernel_size=3);

    this.pool1 = nn.MaxPool2d(kernel_size=2);

    this.conv2 = nn.Conv2d(24, 36, kernel_size=3);

    this.pool2 = nn.MaxPool2d(kernel_size=2);

    this.flatten = nn.Flatten();
    this.fc1 = nn.Linear(36 * 5 * 5, 128);
    this.relu = nn.ReLU();

    this.fc2 = nn.Linear(128, 10);
  }


  forward(x) {
    // First convolutional and pooling layers
    x = this.conv1(x);
    x = this.relu(x);
    x = this.pool1(x);

    x = this.conv2(x);
    x = this.relu(x);
    x = this.pool2(x);

    x = this.flatten(x);
    x = this.fc1(x);
    x = this.relu(x);
    x = this.fc2(x);

    return x;
  }
}

// Instantiate the model
let cnn_model = CNN().to(device);
// Initialize the model by passing some data through
[image, label] = train_dataset[0];
image = image.to(device).unsqueeze(0);  // Add batch dimension → Shape: (1, 1, 28, 28)
const output = cnn_model(image);
// Print the model summary
print(cnn_model);`,
  `// Rebuild the CNN model
cnn_model = CNN().to(device);

// Define hyperparams
const batch_size = 64;
const epochs = 2;
optimizer = optim.SGD(cnn_model.parameters(), lr=1e-2);

loss_function = nn.CrossEntropyLoss();

// Redefine trainloader with new batch size parameter (tweak as see fit if optimizing)
trainset_loader = DataLoader(train_dataset, batch_size=batch_size, shuffle=True);
testset_loader = DataLoader(test_dataset, batch_size=batch_size, shuffle=False);`,
  `// Training loop!
cnn_model.train();

for (const epoch of range(epochs)) {
  let total_loss = 0;
  let correct_pred = 0;
  let total_pred = 0;

  // First grab a batch of training data which our data loader returns as a tensor
  for (let [idx, [images, labels]] of enumerate(tqdm(trainset_loader))) {
    [images, labels] = [images.to(device), labels.to(device)];

    // Forward pass
    const logits = cnn_model(images);

    const loss = loss_function(logits, labels);
    // Get the loss and log it to the loss_history record
    const loss_value = loss.item();

    // Backpropagation/backward pass
    optimizer.zero_grad();
    loss.backward();
    optimizer.step();

    // Get the prediction and tally metrics
    const predicted = torch.argmax(logits, dim=1);
    correct_pred += (predicted == labels).sum().item();
    total_pred += labels.size(0);
  }

  // Compute metrics
  const total_epoch_loss = total_loss / total_pred;
  const epoch_accuracy = correct_pred / total_pred;
  print(\`Epoch \${epoch + 1}, Loss: \${total_epoch_loss}, Accuracy: \${epoch_accuracy:.4f}\`);
}`,
  `[test_loss, test_acc] = evaluate(cnn_model, trainset_loader, loss_function);

print('Test accuracy:', test_acc);`,
  `let [test_image, test_label] = test_dataset[0];
test_image = test_image.to(device).unsqueeze(0);

// put the model in evaluation (inference) mode
cnn_model.eval();
const predictions_test_image = cnn_model(test_image);`,
  `predictions_test_image`,
  `const predictions_value = predictions_test_image.cpu().detach().numpy(); //.cpu() to copy tensor to memory first
const prediction = np.argmax(predictions_value);
print(prediction);`,
  `print("Label of this digit is:", test_label);`,
  `// Initialize variables to store all data
let all_predictions: any = [];
let all_labels: any = [];
let all_images: any = [];

// Process test set in batches
torch.no_grad(() => {
  for (const [images, labels] of testset_loader) {
    const outputs = cnn_model(images);

    // Apply softmax to get probabilities from the predicted logits
    const probabilities = torch.nn.functional.softmax(outputs, dim=1);

    // Get predicted classes
    const predicted = torch.argmax(probabilities, dim=1);

    all_predictions.append(probabilities);
    all_labels.append(labels);
    all_images.append(images);
  }
});

all_predictions = torch.cat(all_predictions);  // Shape: (total_samples, num_classes)
all_labels = torch.cat(all_labels);            // Shape: (total_samples,)
all_images = torch.cat(all_images);            // Shape: (total_samples, 1, 28, 28)

// Convert tensors to NumPy for compatibility with plotting functions
const predictions = all_predictions.cpu().numpy();  // Shape: (total_samples, num_classes)
const test_labels = all_labels.cpu().numpy();       // Shape: (total_samples,)
const test_images = all_images.cpu().numpy();       // Shape: (total_samples, 1, 28, 28)
print(predictions.shape, test_labels.shape, test_images.shape);`,
];

const PARTS: Record<string, string[]> = { intro: INTRO, music: MUSIC, mnist: MNIST };

describe("MIT 6.S191 Introduction to Deep Learning, the PyTorch labs (lab1 parts 1-2, lab2 part 1), as a notebook", () => {
  const nbs = sectionsForSuite("mit191", { mit191: { mit191: [SETUP, ...Object.values(PARTS).flat()] } });
  let first = 1;
  for (const [name, cells] of Object.entries(PARTS)) {
    const from = first;
    first += cells.length;
    test(`${name} prints what PyTorch 1.13 prints`, () => {
      expectSameCells(cellsOf(nbs.mit191).slice(from, from + cells.length), R[name]);
    });
  }
});
