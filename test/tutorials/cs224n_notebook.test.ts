/**
 * Stanford CS224n's "PyTorch Tutorial" notebook (CS224N_PyTorch_Tutorial.ipynb, Dilara Soylu; the
 * course's Colab in the 2021-2023 editions) ported line by line in the notebook dialect and run as one
 * notebook through `torchlab run`: tensors (`torch.tensor(data, dtype=torch.bool)`, `x_python.float()`,
 * `torch.Tensor(data)`, from_numpy, zeros_like / ones_like / rand_like / randn_like, `torch.zeros(shape)`,
 * arange, dtype, `x.shape` / `x.shape[0]` / `x.size(0)`, view with -1, reshape, unsqueeze / squeeze,
 * numel, device, `x[0]`, `x[:, 0, 0]`, `x[i]` and `x[i, j]` with index tensors, `.item()`, `x + 2`,
 * `a / b` broadcast, `a @ b`, `a.T`, `"Mean: {}".format(m.mean())`, cat, add vs add_), autograd
 * (`y = x * x * 3`, backward twice: the gradients accumulate), nn (Linear, `list(linear.parameters())`,
 * Sigmoid, Sequential, MultilayerPerceptron both ways, `list(model.named_parameters())`), optim (Adam
 * on `y + torch.randn_like(y)` with BCELoss, the printed losses), and the word window classification
 * demo: the corpus, `s.lower().split()`, the `locations` set, train_labels, the vocabulary set with
 * `<unk>` / `<pad>`, pad_window, `sorted(list(vocabulary))`, word_to_ix, convert_token_to_indices,
 * nn.Embedding lookups, custom_collate_fn with `zip(*batch)` and `nn.utils.rnn.pad_sequence(x,
 * batch_first=True, padding_value=...)`, the shuffled DataLoader with `functools.partial`, `unfold`,
 * WordWindowClassifier (Embedding with padding_idx, unfold, view, Linear + Tanh, Linear, Sigmoid),
 * the length-rescaled BCE loss, train_epoch / train, and the prediction on "She comes from Paris".
 * Every cell prints PyTorch 1.13's text and shows its value (test/reference/gen_cs224n.py, cs224n.json;
 * numbers within float32 tolerance). The notebook starts from torch.manual_seed(0), as `torchlab run`
 * seeds a fresh kernel, so every random draw (rand_like, the Linear / Embedding inits, the shuffles)
 * is PyTorch's.
 *
 * Shrunk: the demo trains for 300 epochs (1000 in the course; it prints every 100th epoch's loss).
 * Left out: nothing of the notebook's code; its markdown. Added: one cell after the autograd section
 * (marked "Not a course cell") with `x[:, [0, 2]]`, `x[:, 0]` / `x[0, :]`, `.sum(dim=)`, `.std`, `.exp`
 * and `.grad.zero_()`, which the port's brief names and this edition's cells do not have.
 * Written differently from the course:
 * - `pp = pprint.PrettyPrinter(); pp.pprint(x)` is a one-line stand-in printing `repr(x)` (torchlab has
 *   no pprint module; every value the notebook pprints fits on a line, where pprint is repr).
 * - `np.array(data)` is `torch.tensor(data).numpy()` (torchlab has no NumPy; from_numpy reads it as
 *   NumPy's int64 array); `shape = (4, 2, 2)` is a list.
 * - `import torch.nn as nn` / `import torch.optim as optim` are comments (the prelude's names);
 *   `from torch.utils.data import DataLoader` and `from functools import partial` are destructurings.
 * - `super(MultilayerPerceptron, self).__init__()` is `super()`; docstrings are comments; `return a, b,
 *   c` is `return [a, b, c]`; `B, L = inputs.size()` is `const [B, L] = inputs.size()`;
 *   `assert x == (...)` is `assert(x == [...])`; `for a, b, c in loader:` is `for (const [a, b, c] of loader)`.
 * - Comprehensions are map / flatMap (`set(w for s in train_sentences for w in s)` is
 *   `set(train_sentences.flatMap((s) => s))`), `{word: ind for ind, word in enumerate(ix_to_word)}` is
 *   Object.fromEntries, `zip(*batch)` is `zip(...batch)`, `x if c else y` is `c ? x : y`.
 * - Names a later cell rebinds to another type are declared with `let` first (`data`, `input`, `y`).
 * Divergences this port found, fixed:
 * - `[pad_token] * window_size` did not compile and `window + sentence + window` (untyped) joined the
 *   lists' texts into one string: list `+` and `*` are now Python's (a new list joined or repeated;
 *   Python's TypeError for `[1] + 2` or `[1] * 2.5`) where a side is typed as a list or untyped
 *   (kernel/rewrite.ts listOperands, kernel/dynamic_ops.ts listOp; test/kernel/rewrite_dialect.test.ts,
 *   test/kernel/dynamic_ops.test.ts).
 * - `from functools import partial` had no counterpart: `functools.partial` is in the prelude
 *   (src/functools.ts: keywords reach the notebook's function by parameter name through
 *   kernel/keyword_call.ts, a keyword at the call wins, Python's func / args / keywords / repr), and a
 *   call of it with keywords keeps its declared type, so `DataLoader(data, collate_fn=partial(...))`
 *   yields untyped batches instead of the default collate's pairs (kernel/keyword_args.ts;
 *   test/functools.test.ts, test/kernel/rewrite_dialect.test.ts).
 * - A cell's set showed on one line in insertion order and a dict in Node's `{ '<pad>': 0, ... }`:
 *   both are shown as IPython shows Python's (a set's items sorted, an item a line past 79 columns)
 *   (src/display/pylist.ts, ipython_pretty.ts; test/display/pylist.test.ts with gen_pylist.py's new cases).
 * - `vocabulary.add("<unk>")` as a cell's last line showed the set (a JavaScript Set's add returns it):
 *   a set's add is Python's, None (src/pyset.ts set_add, kernel/rewrite.ts).
 * - `list(model.named_parameters())` showed `[['linear.weight', ...]]`: named_parameters, named_buffers,
 *   named_children and named_modules give Python's tuples (src/nn/modules/module.ts).
 */
import * as fs from "fs";
import * as path from "path";
import { cellsOf, sectionsForSuite, type CellOutput } from "./_notebooks";
import { expectSameCells } from "./_tutorial";

const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "cs224n.json"), "utf8")) as Record<string, CellOutput[]>;

const INTRO = [
  `// Import pprint, module we use for making our print statements prettier
const pprint = {PrettyPrinter: () => ({pprint: (object: unknown) => print(repr(object))})};
const pp = pprint.PrettyPrinter();`,
];

const TENSORS = [
  `// Initializing a tensor
let data = [
        [0, 1],
        [2, 3],
        [4, 5]
       ];
const x_python = torch.tensor(data);

// Print the tensor
x_python`,
  `// We are using the dtype to create a tensor of particular type
const x_float = torch.tensor(data, dtype=torch.float);
x_float`,
  `// We are using the dtype to create a tensor of particular type
const x_bool = torch.tensor(data, dtype=torch.bool);
x_bool`,
  `x_python.float()`,
  `// \`torch.Tensor\` defaults to float
// Same as torch.FloatTensor(data)
let x = torch.Tensor(data);
x`,
  `// Initializing a tensor from a NumPy array
const ndarray = torch.tensor(data).numpy();
const x_numpy = torch.from_numpy(ndarray);

// Print the tensor
x_numpy`,
  `// Initialize a base tensor
x = torch.tensor([[1., 2.], [3., 4.]]);
x`,
  `// Initialize a tensor of 0s
let x_zeros = torch.zeros_like(x);
x_zeros`,
  `// Initialize a tensor of 1s
const x_ones = torch.ones_like(x);
x_ones`,
  `// Initialize a tensor where each element is sampled from a uniform distribution
// between 0 and 1
const x_rand = torch.rand_like(x);
x_rand`,
  `// Initialize a tensor where each element is sampled from a standard normal distribution
const x_randn = torch.randn_like(x);
x_randn`,
  `// Initialize a 2x3x2 tensor of 0s
const shape = [4, 2, 2];
x_zeros = torch.zeros(shape); // x_zeros = torch.zeros(4, 3, 2) is an alternative
x_zeros`,
  `// Create a tensor with values 0-9
x = torch.arange(10);
x`,
  `x = torch.ones(3, 2);
x.dtype`,
  `x = torch.Tensor([[1, 2], [3, 4], [5, 6]]);
x`,
  `x.shape // One can also do x.size()`,
  `x.shape[0]`,
  `x.size(0)`,
  `// Example use of view()
// x_view shares the same memory as x, so changing one changes the other
let x_view = x.view(3, 2);
x_view`,
  `// We can ask PyTorch to infer the size of a dimension with -1
x_view = x.view(-1, 3);
x_view`,
  `// Change the shape of x to be 3x2
// x_reshaped could be a reference to or copy of x
const x_reshaped = torch.reshape(x, [2, 3]);
x_reshaped`,
  `// Initialize a 5x2 tensor, with 5 rows and 2 columns
x = torch.arange(10).reshape(5, 2);
x`,
  `// Add a new dimension of size 1 at the 1st dimension
x = x.unsqueeze(1);
x.shape`,
  `// Squeeze the dimensions of x by getting rid of all the dimensions with 1 element
x = x.squeeze();
x.shape`,
  `x`,
  `// Get the number of elements in tensor.
x.numel()`,
  `// Initialize an example tensor
x = torch.Tensor([[1, 2], [3, 4]]);
x`,
  `// Get the device of the tensor
x.device`,
  `// Check if a GPU is available, if so move the tensor to the GPU
if (torch.cuda.is_available()) {
  x = x.to('cuda');
}`,
  `// Initialize an example tensor
x = torch.Tensor([
                  [[1, 2], [3, 4]],
                  [[5, 6], [7, 8]],
                  [[9, 10], [11, 12]]
                 ]);
x`,
  `x.shape`,
  `// Access the 0th element, which is the first row
x[0] // Equivalent to x[0, :]`,
  `// Get the top left element of each element in our tensor
x[":, 0, 0"]`,
  `// Print x again to see our tensor
x`,
  `// Let's access the 0th and 1st elements, each twice
let i = torch.tensor([0, 0, 1, 1]);
x[i]`,
  `// Let's access the 0th elements of the 1st and 2nd elements
i = torch.tensor([1, 2]);
const j = torch.tensor([0]);
x[i, j]`,
  `x[0, 0, 0]`,
  `x[0, 0, 0].item()`,
  `// Create an example tensor
x = torch.ones([3,2,2]);
x`,
  `// Perform elementwise addition
// Use - for subtraction
x + 2`,
  `// Perform elementwise multiplication
// Use / for division
x * 2`,
  `// Create a 4x3 tensor of 6s
const a = torch.ones([4,3]) * 6;
a`,
  `// Create a 1D tensor of 2s
const b = torch.ones(3) * 2;
b`,
  `// Divide a by b
a / b`,
  `// Alternative to a.matmul(b)
// a @ b.T returns the same result since b is 1D tensor and the 2nd dimension
// is inferred
a @ b`,
  `pp.pprint(a.shape);
pp.pprint(a.T.shape);`,
  `// Create an example tensor
const m = torch.tensor(
    [
     [1., 1.],
     [2., 2.],
     [3., 3.],
     [4., 4.]
    ]
);

pp.pprint("Mean: {}".format(m.mean()));
pp.pprint("Mean in the 0th dimension: {}".format(m.mean(0)));
pp.pprint("Mean in the 1st dimension: {}".format(m.mean(1)));`,
  `// Concatenate in dimension 0 and 1
const a_cat0 = torch.cat([a, a, a], dim=0);
const a_cat1 = torch.cat([a, a, a], dim=1);

print("Initial shape: {}".format(a.shape));
print("Shape after concatenation in dimension 0: {}".format(a_cat0.shape));
print("Shape after concatenation in dimension 1: {}".format(a_cat1.shape));`,
  `// Print our tensor
a`,
  `// add() is not in place
a.add(a);
a`,
  `// add_() is in place
a.add_(a);
a`,
];

const AUTOGRAD = [
  `// Create an example tensor
// requires_grad parameter tells PyTorch to store gradients
x = torch.tensor([2.], requires_grad=True);

// Print the gradient if it is calculated
// Currently None since x is a scalar
pp.pprint(x.grad);`,
  `// Calculating the gradient of y with respect to x
let y = x * x * 3; // 3x^2
y.backward();
pp.pprint(x.grad); // d(y)/d(x) = d(3x^2)/d(x) = 6x = 12`,
  `const z = x * x * 3; // 3x^2
z.backward();
pp.pprint(x.grad);`,
  // Not a course cell: the other operations the port's brief names, on tensors of their own.
  `const t = torch.arange(6, dtype=torch.float).reshape(2, 3);
print(t[":", [0, 2]]);
print(t[":, 0"], t["0, :"]);
print(t.sum(dim=0), t.sum(dim=1));
print(t.std(), t.std(dim=1));
print(t.exp());
const w = torch.tensor([1., 2.], requires_grad=True);
(w * w).sum().backward();
print(w.grad);
w.grad.zero_();
print(w.grad);`,
];

const NN = [
  `// import torch.nn as nn: the prelude's nn`,
  `// Create the inputs
let input = torch.ones(2,3,4);

// Make a linear layers transforming N,*,H_in dimensinal inputs to N,*,H_out
// dimensional outputs
const linear = nn.Linear(4, 2);
const linear_output = linear(input);
linear_output`,
  `list(linear.parameters()) // Ax + b`,
  `linear_output`,
  `const sigmoid = nn.Sigmoid();
let output = sigmoid(linear_output);
output`,
  `const block = nn.Sequential(
    nn.Linear(4, 2),
    nn.Sigmoid()
);

input = torch.ones(2,3,4);
output = block(input);
output`,
  `class MultilayerPerceptron extends nn.Module {

  constructor(input_size, hidden_size) {
    // Call to the __init__ function of the super class
    super();

    // Bookkeeping: Saving the initialization parameters
    this.input_size = input_size;
    this.hidden_size = hidden_size;

    // Defining of our model
    // There isn't anything specific about the naming of \`self.model\`. It could
    // be something arbitrary.
    this.model = nn.Sequential(
        nn.Linear(this.input_size, this.hidden_size),
        nn.ReLU(),
        nn.Linear(this.hidden_size, this.input_size),
        nn.Sigmoid()
    );
  }

  forward(x) {
    const output = this.model(x);
    return output;
  }
}`,
  `class MultilayerPerceptron extends nn.Module {

  constructor(input_size, hidden_size) {
    // Call to the __init__ function of the super class
    super();

    // Bookkeeping: Saving the initialization parameters
    this.input_size = input_size;
    this.hidden_size = hidden_size;

    // Defining of our layers
    this.linear = nn.Linear(this.input_size, this.hidden_size);
    this.relu = nn.ReLU();
    this.linear2 = nn.Linear(this.hidden_size, this.input_size);
    this.sigmoid = nn.Sigmoid();
  }

  forward(x) {
    const linear = this.linear(x);
    const relu = this.relu(linear);
    const linear2 = this.linear2(relu);
    const output = this.sigmoid(linear2);
    return output;
  }
}`,
  `// Make a sample input
input = torch.randn(2, 5);

// Create our model
let model = MultilayerPerceptron(5, 3);

// Pass our input through our model
model(input)`,
  `list(model.named_parameters())`,
];

const OPTIM = [
  `// import torch.optim as optim: the prelude's optim`,
  `// Create the y data
y = torch.ones(10, 5);

// Add some noise to our goal y to generate our x
// We want out model to predict our original data, albeit the noise
x = y + torch.randn_like(y);
x`,
  `// Instantiate the model
model = MultilayerPerceptron(5, 3);

// Define the optimizer
const adam = optim.Adam(model.parameters(), lr=1e-1);

// Define loss using a predefined loss function
let loss_function = nn.BCELoss();

// Calculate how our model is doing now
let y_pred = model(x);
loss_function(y_pred, y).item()`,
  `// Set the number of epoch, which determines the number of training iterations
const n_epoch = 10;

for (const epoch of range(n_epoch)) {
  // Set the gradients to 0
  adam.zero_grad();

  // Get the model predictions
  const y_pred = model(x);

  // Get the loss
  const loss = loss_function(y_pred, y);

  // Print stats
  print(\`Epoch \${epoch}: training loss: \${loss}\`);

  // Compute the gradients
  loss.backward();

  // Take a step to optimize the weights
  adam.step();
}`,
  `// See how our model performs on the training data
y_pred = model(x);
y_pred`,
  `// Create test data and check how our model performs on it
const x2 = y + torch.randn_like(y);
y_pred = model(x2);
y_pred`,
];

const DEMO = [
  `// Our raw data, which consists of sentences
const corpus = [
          "We always come to Paris",
          "The professor is from Australia",
          "I live in Stanford",
          "He comes from Taiwan",
          "The capital of Turkey is Ankara"
         ];`,
  `// The preprocessing function we will use to generate our training examples
// Our function is a simple one, we lowercase the letters
// and then tokenize the words.
function preprocess_sentence(sentence) {
  return sentence.lower().split();
}

// Create our training set
const train_sentences = corpus.map((sent) => sent.lower().split());
train_sentences`,
  `// Set of locations that appear in our corpus
const locations = set(["australia", "ankara", "paris", "stanford", "taiwan", "turkey"]);

// Our train labels
const train_labels = train_sentences.map((sent) => sent.map((word) => word in locations ? 1 : 0));
train_labels`,
  `// Find all the unique words in our corpus
const vocabulary = set(train_sentences.flatMap((s) => s));
vocabulary`,
  `// Add the unknown token to our vocabulary
vocabulary.add("<unk>")`,
  `// Add the <pad> token to our vocabulary
vocabulary.add("<pad>");

// Function that pads the given sentence
// We are introducing this function here as an example
// We will be utilizing it later in the tutorial
function pad_window(sentence, window_size, pad_token="<pad>") {
  const window = [pad_token] * window_size;
  return window + sentence + window;
}

// Show padding example
let window_size = 2;
pad_window(train_sentences[0], window_size=window_size)`,
  `// We are just converting our vocabularly to a list to be able to index into it
// Sorting is not necessary, we sort to show an ordered word_to_ind dictionary
// That being said, we will see that having the index for the padding token
// be 0 is convenient as some PyTorch functions use it as a default value
// such as nn.utils.rnn.pad_sequence, which we will cover in a bit
const ix_to_word = sorted(list(vocabulary));

// Creating a dictionary to find the index of a given word
const word_to_ix = Object.fromEntries(list(enumerate(ix_to_word)).map(([ind, word]) => [word, ind]));
word_to_ix`,
  `// Given a sentence of tokens, return the corresponding indices
function convert_token_to_indices(sentence, word_to_ix) {
  const indices = [];
  for (const token of sentence) {
    // Check if the token is in our vocabularly. If it is, get it's index.
    // If not, get the index for the unknown token.
    let index;
    if (token in word_to_ix) {
      index = word_to_ix[token];
    } else {
      index = word_to_ix["<unk>"];
    }
    indices.append(index);
  }
  return indices;
}

// More compact version of the same function
function _convert_token_to_indices(sentence, word_to_ix) {
  return sentence.map((token) => word_to_ix.get(token, word_to_ix["<unk>"]));
}

// Show an example
const example_sentence = ["we", "always", "come", "to", "kuwait"];
const example_indices = convert_token_to_indices(example_sentence, word_to_ix);
const restored_example = example_indices.map((ind) => ix_to_word[ind]);

print(\`Original sentence is: \${example_sentence}\`);
print(\`Going from words to indices: \${example_indices}\`);
print(\`Going from indices to words: \${restored_example}\`);`,
  `// Converting our sentences to indices
const example_padded_indices = train_sentences.map((s) => convert_token_to_indices(s, word_to_ix));
example_padded_indices`,
  `// Creating an embedding table for our words
const embedding_dim = 5;
const embeds = nn.Embedding(len(vocabulary), embedding_dim);

// Printing the parameters in our embedding table
list(embeds.parameters())`,
  `// Get the embedding for the word Paris
const index = word_to_ix["paris"];
const index_tensor = torch.tensor(index, dtype=torch.long);
const paris_embed = embeds(index_tensor);
paris_embed`,
  `// We can also get multiple embeddings at once
const index_paris = word_to_ix["paris"];
const index_ankara = word_to_ix["ankara"];
const indices = [index_paris, index_ankara];
const indices_tensor = torch.tensor(indices, dtype=torch.long);
const embeddings = embeds(indices_tensor);
embeddings`,
  `const { DataLoader } = torch.utils.data;
const { partial } = functools;

function custom_collate_fn(batch, window_size, word_to_ix) {
  // Break our batch into the training examples (x) and labels (y)
  // We are turning our x and y into tensors because nn.utils.rnn.pad_sequence
  // method expects tensors. This is also useful since our model will be
  // expecting tensor inputs.
  let [x, y] = zip(...batch);

  // Now we need to window pad our training examples. We have already defined a
  // function to handle window padding. We are including it here again so that
  // everything is in one place.
  function pad_window(sentence, window_size, pad_token="<pad>") {
    const window = [pad_token] * window_size;
    return window + sentence + window;
  }

  // Pad the train examples.
  x = x.map((s) => pad_window(s, window_size=window_size));

  // Now we need to turn words in our training examples to indices. We are
  // copying the function defined earlier for the same reason as above.
  function convert_tokens_to_indices(sentence, word_to_ix) {
    return sentence.map((token) => word_to_ix.get(token, word_to_ix["<unk>"]));
  }

  // Convert the train examples into indices.
  x = x.map((s) => convert_tokens_to_indices(s, word_to_ix));

  // We will now pad the examples so that the lengths of all the example in
  // one batch are the same, making it possible to do matrix operations.
  // We set the batch_first parameter to True so that the returned matrix has
  // the batch as the first dimension.
  const pad_token_ix = word_to_ix["<pad>"];

  // pad_sequence function expects the input to be a tensor, so we turn x into one
  x = x.map((x_i) => torch.LongTensor(x_i));
  const x_padded = nn.utils.rnn.pad_sequence(x, batch_first=True, padding_value=pad_token_ix);

  // We will also pad the labels. Before doing so, we will record the number
  // of labels so that we know how many words existed in each example.
  const lengths = y.map((label) => len(label));
  const lenghts = torch.LongTensor(lengths);

  y = y.map((y_i) => torch.LongTensor(y_i));
  const y_padded = nn.utils.rnn.pad_sequence(y, batch_first=True, padding_value=0);

  // We are now ready to return our variables. The order we return our variables
  // here will match the order we read them in our training loop.
  return [x_padded, y_padded, lenghts];
}`,
  `// Parameters to be passed to the DataLoader
data = list(zip(train_sentences, train_labels));
let batch_size = 2;
let shuffle = True;
window_size = 2;
let collate_fn = partial(custom_collate_fn, window_size=window_size, word_to_ix=word_to_ix);

// Instantiate the DataLoader
let loader = DataLoader(data, batch_size=batch_size, shuffle=shuffle, collate_fn=collate_fn);

// Go through one loop
let counter = 0;
let batched_x, batched_y, batched_lengths;
for ([batched_x, batched_y, batched_lengths] of loader) {
  print(\`Iteration \${counter}\`);
  print("Batched Input:");
  print(batched_x);
  print("Batched Labels:");
  print(batched_y);
  print("Batched Lengths:");
  print(batched_lengths);
  print("");
  counter += 1;
}`,
  `// Print the original tensor
print(\`Original Tensor: \`);
print(batched_x);
print("");

// Create the 2 * 2 + 1 chunks
const chunk = batched_x.unfold(1, window_size*2 + 1, 1);
print(\`Windows: \`);
print(chunk);`,
  `class WordWindowClassifier extends nn.Module {

  constructor(hyperparameters, vocab_size, pad_ix=0) {
    super();

    /* Instance variables */
    this.window_size = hyperparameters["window_size"];
    this.embed_dim = hyperparameters["embed_dim"];
    this.hidden_dim = hyperparameters["hidden_dim"];
    this.freeze_embeddings = hyperparameters["freeze_embeddings"];

    /* Embedding Layer
    Takes in a tensor containing embedding indices, and returns the
    corresponding embeddings. The output is of dim
    (number_of_indices * embedding_dim).

    If freeze_embeddings is True, set the embedding layer parameters to be
    non-trainable. This is useful if we only want the parameters other than the
    embeddings parameters to change.

    */
    this.embeds = nn.Embedding(vocab_size, this.embed_dim, padding_idx=pad_ix);
    if (this.freeze_embeddings) {
      this.embeds.weight.requires_grad = False;
    }

    /* Hidden Layer
    */
    const full_window_size = 2 * this.window_size + 1;
    this.hidden_layer = nn.Sequential(
      nn.Linear(full_window_size * this.embed_dim, this.hidden_dim),
      nn.Tanh()
    );

    /* Output Layer
    */
    this.output_layer = nn.Linear(this.hidden_dim, 1);

    /* Probabilities
    */
    this.probabilities = nn.Sigmoid();
  }

  forward(inputs) {
    /*
    Let B:= batch_size
        L:= window-padded sentence length
        D:= self.embed_dim
        S:= self.window_size
        H:= self.hidden_dim

    inputs: a (B, L) tensor of token indices
    */
    const [B, L] = inputs.size();

    /*
    Reshaping.
    Takes in a (B, L) LongTensor
    Outputs a (B, L~, S) LongTensor
    */
    // Fist, get our word windows for each word in our input.
    const token_windows = inputs.unfold(1, 2 * this.window_size + 1, 1);
    const [_, adjusted_length, __] = token_windows.size();

    // Good idea to do internal tensor-size sanity checks, at the least in comments!
    assert(token_windows.size() == [B, adjusted_length, 2 * this.window_size + 1]);

    /*
    Embedding.
    Takes in a torch.LongTensor of size (B, L~, S)
    Outputs a (B, L~, S, D) FloatTensor.
    */
    let embedded_windows = this.embeds(token_windows);

    /*
    Reshaping.
    Takes in a (B, L~, S, D) FloatTensor.
    Resizes it into a (B, L~, S*D) FloatTensor.
    -1 argument "infers" what the last dimension should be based on leftover axes.
    */
    embedded_windows = embedded_windows.view(B, adjusted_length, -1);

    /*
    Layer 1.
    Takes in a (B, L~, S*D) FloatTensor.
    Resizes it into a (B, L~, H) FloatTensor
    */
    const layer_1 = this.hidden_layer(embedded_windows);

    /*
    Layer 2
    Takes in a (B, L~, H) FloatTensor.
    Resizes it into a (B, L~, 1) FloatTensor.
    */
    let output = this.output_layer(layer_1);

    /*
    Softmax.
    Takes in a (B, L~, 1) FloatTensor of unnormalized class scores.
    Outputs a (B, L~, 1) FloatTensor of (log-)normalized class scores.
    */
    output = this.probabilities(output);
    output = output.view(B, -1);

    return output;
  }
}`,
  `// Prepare the data
data = list(zip(train_sentences, train_labels));
batch_size = 2;
shuffle = True;
window_size = 2;
collate_fn = partial(custom_collate_fn, window_size=window_size, word_to_ix=word_to_ix);

// Instantiate a DataLoader
loader = DataLoader(data, batch_size=batch_size, shuffle=shuffle, collate_fn=collate_fn);

// Initialize a model
// It is useful to put all the model hyperparameters in a dictionary
const model_hyperparameters = {
    "batch_size": 4,
    "window_size": 2,
    "embed_dim": 25,
    "hidden_dim": 25,
    "freeze_embeddings": False,
};

const vocab_size = len(word_to_ix);
model = WordWindowClassifier(model_hyperparameters, vocab_size);

// Define an optimizer
const learning_rate = 0.01;
const optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate);

// Define a loss function, which computes to binary cross entropy loss
function loss_function(batch_outputs, batch_labels, batch_lengths) {
    // Calculate the loss for the whole batch
    const bceloss = nn.BCELoss();
    let loss = bceloss(batch_outputs, batch_labels.float());

    // Rescale the loss. Remember that we have used lengths to store the
    // number of words in each training example
    loss = loss / batch_lengths.sum().float();

    return loss;
}`,
  `// Function that will be called in every epoch
function train_epoch(loss_function, optimizer, model, loader) {

  // Keep track of the total loss for the batch
  let total_loss = 0;
  for (const [batch_inputs, batch_labels, batch_lengths] of loader) {
    // Clear the gradients
    optimizer.zero_grad();
    // Run a forward pass
    const outputs = model.forward(batch_inputs);
    // Compute the batch loss
    const loss = loss_function(outputs, batch_labels, batch_lengths);
    // Calculate the gradients
    loss.backward();
    // Update the parameteres
    optimizer.step();
    total_loss += loss.item();
  }

  return total_loss;
}


// Function containing our main training loop
function train(loss_function, optimizer, model, loader, num_epochs=10000) {

  // Iterate through each epoch and call our train_epoch function
  for (const epoch of range(num_epochs)) {
    const epoch_loss = train_epoch(loss_function, optimizer, model, loader);
    if (epoch % 100 == 0) print(epoch_loss);
  }
}`,
  `const num_epochs = NUM_EPOCHS;
train(loss_function, optimizer, model, loader, num_epochs=num_epochs);`,
  `// Create test sentences
const test_corpus = ["She comes from Paris"];
const test_sentences = test_corpus.map((s) => s.lower().split());
const test_labels = [[0, 0, 0, 1]];

// Create a test loader
const test_data = list(zip(test_sentences, test_labels));
batch_size = 1;
shuffle = False;
window_size = 2;
collate_fn = partial(custom_collate_fn, window_size=2, word_to_ix=word_to_ix);
const test_loader = torch.utils.data.DataLoader(test_data,
                                           batch_size=1,
                                           shuffle=False,
                                           collate_fn=collate_fn);`,
  `for (const [test_instance, labels, _] of test_loader) {
  const outputs = model.forward(test_instance);
  print(labels);
  print(outputs);
}`,
];

/** The course trains for 1000 epochs; gen_cs224n.py's NUM_EPOCHS (the header says why). */
const NUM_EPOCHS = 300;

describe("CS224n PyTorch Tutorial as a notebook", () => {
  const cells = [...INTRO, ...TENSORS, ...AUTOGRAD, ...NN, ...OPTIM, ...DEMO.map((c) => c.replace("NUM_EPOCHS", String(NUM_EPOCHS)))];
  const nbs = sectionsForSuite("cs224n", { cs224n: { cs224n: cells } });
  test("each cell prints what PyTorch 1.13 prints", () => {
    expectSameCells(cellsOf(nbs.cs224n), R.cs224n);
  });
});
