/** The cells of test/tutorials/uva_notebook.test.ts (its header says what they port and how). */
export const T2 = [
  `const data = torch.utils.data;`,
  `torch.manual_seed(42) // Setting the seed`,
  `let x = torch.Tensor(2, 3, 4);
print(x.shape);`,
  `x = torch.Tensor([[1, 2], [3, 4]]);
print(x);`,
  `x = torch.rand(2, 3, 4);
print(x);`,
  `const shape = x.shape;
print("Shape:", x.shape);

const size = x.size();
print("Size:", size);

const [dim1, dim2, dim3] = x.size();
print("Size:", dim1, dim2, dim3);`,
  `let x1 = torch.rand(2, 3);
let x2 = torch.rand(2, 3);
let y = x1 + x2;

print("X1", x1);
print("X2", x2);
print("Y", y);`,
  `x1 = torch.rand(2, 3);
x2 = torch.rand(2, 3);
print("X1 (before)", x1);
print("X2 (before)", x2);

x2.add_(x1);
print("X1 (after)", x1);
print("X2 (after)", x2);`,
  `x = torch.arange(6);
print("X", x);`,
  `x = x.view(2, 3);
print("X", x);`,
  `x = x.permute(1, 0); // Swapping dimension 0 and 1
print("X", x);`,
  `x = torch.arange(6);
x = x.view(2, 3);
print("X", x);`,
  `const W = torch.arange(9).view(3, 3); // We can also stack multiple operations in a single line
print("W", W);`,
  `const h = torch.matmul(x, W); // Verify the result by calculating it by hand too!
print("h", h);`,
  `x = torch.arange(12).view(3, 4);
print("X", x);`,
  `print(x[":, 1"]);   // Second column`,
  `print(x[0]);      // First row`,
  `print(x[":2, -1"]); // First two rows, last column`,
  `print(x["1:3, :"]); // Middle two rows`,
  `x = torch.ones([3]);
print(x.requires_grad);`,
  `x.requires_grad_(true);
print(x.requires_grad);`,
  `x = torch.arange(3, dtype=torch.float32, requires_grad=true); // Only float tensors can have gradients
print("X", x);`,
  `const a = x + 2;
const b = a ** 2;
const c = b + 3;
y = c.mean();
print("Y", y);`,
  `y.backward();`,
  `print(x.grad);`,
  `const gpu_avail = torch.cuda.is_available();
print(\`Is the GPU available? \${gpu_avail}\`);`,
  `const device = torch.cuda.is_available() ? torch.device("cuda") : torch.device("cpu");
print("Device", device);`,
  `x = torch.zeros(2, 3);
x = x.to(device);
print("X", x);`,
  `if (torch.cuda.is_available()) {
  torch.cuda.manual_seed(42);
  torch.cuda.manual_seed_all(42);
}

torch.backends.cudnn.deterministic = true;
torch.backends.cudnn.benchmark = false;`,
  `class MyModule extends nn.Module {

  constructor() {
    super();
    // Some init for my module
  }

  forward(x) {
    // Function for performing the calculation of the module.
  }
}`,
  `class SimpleClassifier extends nn.Module {

  constructor(num_inputs, num_hidden, num_outputs) {
    super();
    // Initialize the modules we need to build the network
    this.linear1 = nn.Linear(num_inputs, num_hidden);
    this.act_fn = nn.Tanh();
    this.linear2 = nn.Linear(num_hidden, num_outputs);
  }

  forward(x) {
    // Perform the calculation of the model to determine the prediction
    x = this.linear1(x);
    x = this.act_fn(x);
    x = this.linear2(x);
    return x;
  }
}`,
  `let model = SimpleClassifier(num_inputs=2, num_hidden=4, num_outputs=1);
// Printing a module shows all its submodules
print(model);`,
  `for (const [name, param] of model.named_parameters()) {
  print(\`Parameter \${name}, shape \${param.shape}\`);
}`,
  `class XORDataset extends data.Dataset {

  constructor(size, std=0.1) {
    super();
    this.size = size;
    this.std = std;
    this.generate_continuous_xor();
  }

  generate_continuous_xor() {
    // Each data point in the XOR dataset has two variables, x and y, that can be either 0 or 1
    // The label is their XOR combination, i.e. 1 if only x or only y is 1 while the other is 0.
    // If x=y, the label is 0.
    const data = torch.randint(low=0, high=2, size=[this.size, 2], dtype=torch.float32);
    const label = (data.sum(dim=1) == 1).to(torch.long);
    // To make it slightly more challenging, we add a bit of gaussian noise to the data points.
    data += this.std * torch.randn(data.shape);

    this.data = data;
    this.label = label;
  }

  __len__() {
    // Number of data point we have. Alternatively self.data.shape[0], or self.label.shape[0]
    return this.size;
  }

  __getitem__(idx) {
    // Return the idx-th data point of the dataset
    // If we have multiple things to return (data point and label), we can return them as tuple
    const data_point = this.data[idx];
    const data_label = this.label[idx];
    return tuple([data_point, data_label]);
  }
}`,
  `const dataset = XORDataset(size=200);
print("Size of dataset:", len(dataset));
print("Data point 0:", dataset[0]);`,
  `const data_loader = data.DataLoader(dataset, batch_size=8, shuffle=true);`,
  `const [data_inputs, data_labels] = next(iter(data_loader));

print("Data inputs", data_inputs.shape, "\\n", data_inputs);
print("Data labels", data_labels.shape, "\\n", data_labels);`,
  `const loss_module = nn.BCEWithLogitsLoss();`,
  `const optimizer = torch.optim.SGD(model.parameters(), lr=0.1);`,
  `const train_dataset = XORDataset(size=2500);
const train_data_loader = data.DataLoader(train_dataset, batch_size=128, shuffle=true);`,
  `model.to(device)`,
  `function train_model(model, optimizer, data_loader, loss_module, num_epochs=100) {
  // Set model to train mode
  model.train();

  // Training loop
  for (const epoch of range(num_epochs)) {
    for (let [data_inputs, data_labels] of data_loader) {

      //// Step 1: Move input data to device (only strictly necessary if we use GPU)
      data_inputs = data_inputs.to(device);
      data_labels = data_labels.to(device);

      //// Step 2: Run the model on the input data
      let preds = model(data_inputs);
      preds = preds.squeeze(dim=1); // Output is [Batch size, 1], but we want [Batch size]

      //// Step 3: Calculate the loss
      const loss = loss_module(preds, data_labels.float());

      //// Step 4: Perform backpropagation
      optimizer.zero_grad();
      loss.backward();

      //// Step 5: Update the parameters
      optimizer.step();
    }
  }
}`,
  `train_model(model, optimizer, train_data_loader, loss_module, num_epochs=20);`,
  `let state_dict = model.state_dict();
print(state_dict);`,
  `torch.save(state_dict, "our_model.tar");`,
  `state_dict = torch.load("our_model.tar");

const new_model = SimpleClassifier(num_inputs=2, num_hidden=4, num_outputs=1);
new_model.load_state_dict(state_dict);

print("Original model\\n", model.state_dict());
print("\\nLoaded model\\n", new_model.state_dict());`,
  `const test_dataset = XORDataset(size=500);
const test_data_loader = data.DataLoader(test_dataset, batch_size=128, shuffle=false, drop_last=false);`,
  `function eval_model(model, data_loader) {
  model.eval(); // Set model to eval mode
  let [true_preds, num_preds] = [0., 0.];

  torch.no_grad(() => { // Deactivate gradients for the following code
    for (let [data_inputs, data_labels] of data_loader) {

      // Determine prediction of model on dev set
      [data_inputs, data_labels] = [data_inputs.to(device), data_labels.to(device)];
      let preds = model(data_inputs);
      preds = preds.squeeze(dim=1);
      preds = torch.sigmoid(preds); // Sigmoid to map predictions between 0 and 1
      const pred_labels = (preds >= 0.5).long(); // Binarize predictions to 0 and 1

      true_preds += (pred_labels == data_labels).sum();
      num_preds += data_labels.shape[0];
    }
  });

  const acc = true_preds / num_preds;
  print(\`Accuracy of the model: \${100.0*acc:4.2f}%\`);
}`,
  `eval_model(model, test_data_loader);`,
];

export const T3 = [
  `import * as fs from "fs";
import * as path from "path";
const data = torch.utils.data;

const CHECKPOINT_PATH = "saved_models/tutorial3";

function set_seed(seed) {
  torch.manual_seed(seed);
  if (torch.cuda.is_available()) { // GPU operation have separate seed
    torch.cuda.manual_seed(seed);
    torch.cuda.manual_seed_all(seed);
  }
}
set_seed(42);

torch.backends.cudnn.deterministic = true;
torch.backends.cudnn.benchmark = false;

const device = !torch.cuda.is_available() ? torch.device("cpu") : torch.device("cuda:0");
print("Using device", device);`,
  `class ActivationFunction extends nn.Module {

  constructor() {
    super();
    this.name = this.constructor.name;
    this.config = {"name": this.name};
  }
}`,
  `class Sigmoid extends ActivationFunction {

  forward(x) {
    return 1 / (1 + torch.exp(-x));
  }
}


class Tanh extends ActivationFunction {

  forward(x) {
    const [x_exp, neg_x_exp] = [torch.exp(x), torch.exp(-x)];
    return (x_exp - neg_x_exp) / (x_exp + neg_x_exp);
  }
}`,
  `class ReLU extends ActivationFunction {

  forward(x) {
    return x * (x > 0).float();
  }
}


class LeakyReLU extends ActivationFunction {

  constructor(alpha=0.1) {
    super();
    this.config["alpha"] = alpha;
  }

  forward(x) {
    return torch.where(x > 0, x, this.config["alpha"] * x);
  }
}


class ELU extends ActivationFunction {

  forward(x) {
    return torch.where(x > 0, x, torch.exp(x)-1);
  }
}


class Swish extends ActivationFunction {

  forward(x) {
    return x * torch.sigmoid(x);
  }
}`,
  `const act_fn_by_name = {
  "sigmoid": Sigmoid,
  "tanh": Tanh,
  "relu": ReLU,
  "leakyrelu": LeakyReLU,
  "elu": ELU,
  "swish": Swish
};`,
  `function get_grads(act_fn, x) {
  x = x.clone().requires_grad_(); // Mark the input as tensor for which we want to store gradients
  const out = act_fn(x);
  out.sum().backward(); // Summing results in an equal gradient flow to each element in x
  return x.grad; // Accessing the gradients of x by "x.grad"
}`,
  `const act_fns = Object.values(act_fn_by_name).map((act_fn) => new act_fn());
let x = torch.linspace(-5, 5, 11); // Range on which we want to visualize the activation functions
for (const act_fn of act_fns) {
  print(act_fn.name, act_fn(x));
  print(act_fn.name, "grads", get_grads(act_fn, x));
}`,
  `class BaseNetwork extends nn.Module {

  constructor(act_fn, input_size=784, num_classes=10, hidden_sizes=[512, 256, 256, 128]) {
    super();

    // Create the network based on the specified hidden sizes
    let layers = [];
    const layer_sizes = [input_size, ...hidden_sizes];
    for (const layer_index of range(1, len(layer_sizes))) {
      layers = [...layers, nn.Linear(layer_sizes[layer_index-1], layer_sizes[layer_index]),
                act_fn];
    }
    layers = [...layers, nn.Linear(layer_sizes.at(-1), num_classes)];
    this.layers = nn.Sequential(...layers); // nn.Sequential summarizes a list of modules into a single module, applying them in sequence

    // We store all hyperparameters in a dictionary for saving and loading of the model
    this.config = {"act_fn": act_fn.config, "input_size": input_size, "num_classes": num_classes, "hidden_sizes": hidden_sizes};
  }

  forward(x) {
    x = x.view(x.size(0), -1); // Reshape images to a flat vector
    const out = this.layers(x);
    return out;
  }
}`,
  `function _get_config_file(model_path, model_name) {
  // Name of the file for storing hyperparameter details
  return path.join(model_path, model_name + ".config");
}

function _get_model_file(model_path, model_name) {
  // Name of the file for storing network parameters
  return path.join(model_path, model_name + ".tar");
}

function load_model(model_path, model_name, net=null) {
  const [config_file, model_file] = [_get_config_file(model_path, model_name), _get_model_file(model_path, model_name)];
  assert(fs.existsSync(config_file), \`Could not find the config file "\${config_file}". Are you sure this is the correct path and you have your model config stored here?\`);
  assert(fs.existsSync(model_file), \`Could not find the model file "\${model_file}". Are you sure this is the correct path and you have your model stored here?\`);
  const config_dict = JSON.parse(fs.readFileSync(config_file, "utf8"));
  if (net === null) {
    const {name, ...act_fn_args} = config_dict["act_fn"];
    const act_fn_name = name.toLowerCase();
    const act_fn = new act_fn_by_name[act_fn_name](...Object.values(act_fn_args));
    const {act_fn: _, input_size, num_classes, hidden_sizes} = config_dict;
    net = BaseNetwork(act_fn=act_fn, input_size=input_size, num_classes=num_classes, hidden_sizes=hidden_sizes);
  }
  net.load_state_dict(torch.load(model_file, map_location=device));
  return net;
}

function save_model(model, model_path, model_name) {
  const config_dict = model.config;
  fs.mkdirSync(model_path, {recursive: true});
  const [config_file, model_file] = [_get_config_file(model_path, model_name), _get_model_file(model_path, model_name)];
  fs.writeFileSync(config_file, JSON.stringify(config_dict));
  torch.save(model.state_dict(), model_file);
}`,
  `torch.manual_seed(1234);
const train_dataset = data.TensorDataset(torch.rand(192, 1, 28, 28) * 2 - 1, torch.randint(0, 10, [192]));
const test_set = data.TensorDataset(torch.rand(64, 1, 28, 28) * 2 - 1, torch.randint(0, 10, [64]));
set_seed(42);
const [train_set, val_set] = torch.utils.data.random_split(train_dataset, [128, 64]);

const train_loader = data.DataLoader(train_set, batch_size=256, shuffle=true, drop_last=false);
const val_loader = data.DataLoader(val_set, batch_size=256, shuffle=false, drop_last=false);
const test_loader = data.DataLoader(test_set, batch_size=256, shuffle=false, drop_last=false);`,
  `function visualize_gradients(net, color="C0") {
  net.eval();
  const small_loader = data.DataLoader(train_set, batch_size=256, shuffle=false);
  let [imgs, labels] = next(iter(small_loader));
  [imgs, labels] = [imgs.to(device), labels.to(device)];

  // Pass one batch through the network, and calculate the gradients for the weights
  net.zero_grad();
  const preds = net(imgs);
  const loss = F.cross_entropy(preds, labels);
  loss.backward();
  // We limit our visualization to the weight parameters and exclude the bias to reduce the number of plots
  const grads = Object.fromEntries(net.named_parameters().filter(([name, params]) => name.includes("weight")).map(([name, params]) => [name, params.grad.data.view(-1).cpu().clone()]));
  net.zero_grad();

  print(\`Gradient magnitude distribution for activation function \${net.config['act_fn']['name']}\`);
  for (const key in grads) {
    print(\`  \${key}: mean \${grads[key].mean().item():.3e}, std \${grads[key].std().item():.3e}\`);
  }
}`,
  `for (const [i, act_fn_name] of enumerate(act_fn_by_name)) {
  set_seed(42); // Setting the seed ensures that we have the same weight initialization for each activation function
  const act_fn = new act_fn_by_name[act_fn_name]();
  const net_actfn = BaseNetwork(act_fn=act_fn).to(device);
  visualize_gradients(net_actfn, color=\`C\${i}\`);
}`,
  `function train_model(net, model_name, max_epochs=50, patience=7, batch_size=256, overwrite=false) {
  const file_exists = fs.existsSync(_get_model_file(CHECKPOINT_PATH, model_name));
  if (file_exists && !overwrite) {
    print("Model file already exists. Skipping training...");
  } else {
    if (file_exists) {
      print("Model file exists, but will be overwritten...");
    }

    // Defining optimizer, loss and data loader
    const optimizer = optim.SGD(net.parameters(), lr=1e-2, momentum=0.9); // Default parameters, feel free to change
    const loss_module = nn.CrossEntropyLoss();
    const train_loader_local = data.DataLoader(train_set, batch_size=batch_size, shuffle=true, drop_last=true, pin_memory=true);

    const val_scores = [];
    let best_val_epoch = -1;
    for (const epoch of range(max_epochs)) {
      //////////////
      // Training //
      //////////////
      net.train();
      let [true_preds, count] = [0., 0];
      for (let [imgs, labels] of train_loader_local) {
        [imgs, labels] = [imgs.to(device), labels.to(device)]; // To GPU
        optimizer.zero_grad(); // Zero-grad can be placed anywhere before "loss.backward()"
        const preds = net(imgs);
        const loss = loss_module(preds, labels);
        loss.backward();
        optimizer.step();
        // Record statistics during training
        true_preds += (preds.argmax(dim=-1) == labels).sum();
        count += labels.shape[0];
      }
      const train_acc = true_preds / count;

      ////////////////
      // Validation //
      ////////////////
      const val_acc = test_model(net, val_loader);
      val_scores.push(val_acc);
      print(\`[Epoch \${epoch+1:2d}] Training accuracy: \${train_acc*100.0:05.2f}%, Validation accuracy: \${val_acc*100.0:05.2f}%\`);

      if (len(val_scores) == 1 || val_acc > val_scores.at(best_val_epoch)) {
        print("\\t   (New best performance, saving model...)");
        save_model(net, CHECKPOINT_PATH, model_name);
        best_val_epoch = epoch;
      } else if (best_val_epoch <= epoch - patience) {
        print(\`Early stopping due to no improvement over the last \${patience} epochs\`);
        break;
      }
    }
  }

  load_model(CHECKPOINT_PATH, model_name, net=net);
  const test_acc = test_model(net, test_loader);
  print(center(\` Test accuracy: \${test_acc*100.0:4.2f}% \`, 50, "=")+"\\n");
  return test_acc;
}

// Python's str.center(width, fillchar): the odd fill character goes to the right for an even width.
function center(s: string, width: number, fill: string) {
  const marg = Math.max(0, width - s.length);
  const left = Math.floor(marg / 2) + (marg & width & 1);
  return fill.repeat(left) + s + fill.repeat(marg - left);
}


function test_model(net, data_loader) {
  net.eval();
  let [true_preds, count] = [0., 0];
  for (let [imgs, labels] of data_loader) {
    [imgs, labels] = [imgs.to(device), labels.to(device)];
    torch.no_grad(() => {
      const preds = net(imgs).argmax(dim=-1);
      true_preds += (preds == labels).sum().item();
      count += labels.shape[0];
    });
  }
  const test_acc = true_preds / count;
  return test_acc;
}`,
  `for (const act_fn_name in act_fn_by_name) {
  print(\`Training BaseNetwork with \${act_fn_name} activation...\`);
  set_seed(42);
  const act_fn = new act_fn_by_name[act_fn_name]();
  const net_actfn = BaseNetwork(act_fn=act_fn).to(device);
  train_model(net_actfn, \`FashionMNIST_\${act_fn_name}\`, max_epochs=2, batch_size=64, overwrite=false);
}`,
  `function visualize_activations(net, color="C0") {
  const activations = {};

  net.eval();
  const small_loader = data.DataLoader(train_set, batch_size=256);
  let [imgs, labels] = next(iter(small_loader));
  torch.no_grad(() => {
    let layer_index = 0;
    imgs = imgs.to(device);
    imgs = imgs.view(imgs.size(0), -1);
    // We need to manually loop through the layers to save all activations
    for (const [layer_index, layer] of enumerate(net.layers.slice(0, -1))) {
      imgs = layer(imgs);
      activations[layer_index] = imgs.view(-1).cpu();
    }
  });

  print(\`Activation distribution for activation function \${net.config['act_fn']['name']}\`);
  for (const key in activations) {
    print(\`  Layer \${key} - \${net.layers[key].constructor.name}: mean \${activations[key].mean().item():.4f}, std \${activations[key].std().item():.4f}\`);
  }
}`,
  `for (const [i, act_fn_name] of enumerate(act_fn_by_name)) {
  const net_actfn = load_model(model_path=CHECKPOINT_PATH, model_name=\`FashionMNIST_\${act_fn_name}\`).to(device);
  visualize_activations(net_actfn, color=\`C\${i}\`);
}`,
  `print(load_model(model_path=CHECKPOINT_PATH, model_name="FashionMNIST_leakyrelu").config);`,
  `function measure_number_dead_neurons(net) {

  // For each neuron, we create a boolean variable initially set to 1. If it has an activation unequals 0 at any time,
  // we set this variable to 0. After running through the whole training set, only dead neurons will have a 1.
  const neurons_dead = list(net.layers.slice(0, -1)).filter((layer) => isinstance(layer, nn.Linear)).map((layer) =>
    torch.ones(layer.weight.shape[0], device=device, dtype=torch.bool)
  ); // Same shapes as hidden size in BaseNetwork

  net.eval();
  torch.no_grad(() => {
    for (let [imgs, labels] of train_loader) { // Run through whole training set
      let layer_index = 0;
      imgs = imgs.to(device);
      imgs = imgs.view(imgs.size(0), -1);
      for (const layer of net.layers.slice(0, -1)) {
        imgs = layer(imgs);
        if (isinstance(layer, ActivationFunction)) {
          // Are all activations == 0 in the batch, and we did not record the opposite in the last batches?
          neurons_dead[layer_index] = torch.logical_and(neurons_dead[layer_index], (imgs == 0).all(dim=0));
          layer_index += 1;
        }
      }
    }
  });
  const number_neurons_dead = neurons_dead.map((t) => t.sum().item());
  print("Number of dead neurons:", number_neurons_dead);
  print("In percentage:", list(zip(neurons_dead, number_neurons_dead)).map(([tens, num_dead]) => \`\${(100.0 * num_dead / tens.shape[0]):4.2f}%\`).join(", "));
}`,
  `set_seed(42);
let net_relu = BaseNetwork(act_fn=ReLU()).to(device);
measure_number_dead_neurons(net_relu);`,
  `net_relu = load_model(model_path=CHECKPOINT_PATH, model_name="FashionMNIST_relu").to(device);
measure_number_dead_neurons(net_relu);`,
  `set_seed(42);
net_relu = BaseNetwork(act_fn=ReLU(), hidden_sizes=[256, 256, 256, 256, 256, 128, 128, 128, 128, 128]).to(device);
measure_number_dead_neurons(net_relu);`,
];


export const T6 = [
  `const data = torch.utils.data;

torch.manual_seed(42);

torch.backends.cudnn.deterministic = true;
torch.backends.cudnn.benchmark = false;

const device = torch.cuda.is_available() ? torch.device("cuda:0") : torch.device("cpu");
print("Device:", device);`,
  `function scaled_dot_product(q, k, v, mask=null) {
  const d_k = q.size().at(-1);
  let attn_logits = torch.matmul(q, k.transpose(-2, -1));
  attn_logits = attn_logits / Math.sqrt(d_k);
  if (mask !== null) {
    attn_logits = attn_logits.masked_fill(mask == 0, -9e15);
  }
  const attention = F.softmax(attn_logits, dim=-1);
  const values = torch.matmul(attention, v);
  return [values, attention];
}`,
  `const [seq_len, d_k] = [3, 2];
torch.manual_seed(42);
const q = torch.randn(seq_len, d_k);
const k = torch.randn(seq_len, d_k);
const v = torch.randn(seq_len, d_k);
let [values, attention] = scaled_dot_product(q, k, v);
print("Q\\n", q);
print("K\\n", k);
print("V\\n", v);
print("Values\\n", values);
print("Attention\\n", attention);`,
  `[values, attention] = scaled_dot_product(q, k, v, mask=torch.tril(torch.ones(seq_len, seq_len)));
print("Masked attention\\n", attention);`,
  `function expand_mask(mask) {
  assert(mask.ndim >= 2, "Mask must be at least 2-dimensional with seq_length x seq_length");
  if (mask.ndim == 3) {
    mask = mask.unsqueeze(1);
  }
  while (mask.ndim < 4) {
    mask = mask.unsqueeze(0);
  }
  return mask;
}`,
  `class MultiheadAttention extends nn.Module {

  constructor(input_dim, embed_dim, num_heads) {
    super();
    assert(embed_dim % num_heads == 0, "Embedding dimension must be 0 modulo number of heads.");

    this.embed_dim = embed_dim;
    this.num_heads = num_heads;
    this.head_dim = Math.floor(embed_dim / num_heads);

    // Stack all weight matrices 1...h together for efficiency
    // Note that in many implementations you see "bias=False" which is optional
    this.qkv_proj = nn.Linear(input_dim, 3*embed_dim);
    this.o_proj = nn.Linear(embed_dim, input_dim);

    this._reset_parameters();
  }

  _reset_parameters() {
    // Original Transformer initialization, see PyTorch documentation
    nn.init.xavier_uniform_(this.qkv_proj.weight);
    this.qkv_proj.bias.data.fill_(0);
    nn.init.xavier_uniform_(this.o_proj.weight);
    this.o_proj.bias.data.fill_(0);
  }

  forward(x, mask=null, return_attention=false): any {
    const [batch_size, seq_length, _] = x.size();
    if (mask !== null) {
      mask = expand_mask(mask);
    }
    let qkv = this.qkv_proj(x);

    // Separate Q, K, V from linear output
    qkv = qkv.reshape(batch_size, seq_length, this.num_heads, 3*this.head_dim);
    qkv = qkv.permute(0, 2, 1, 3); // [Batch, Head, SeqLen, Dims]
    const [q, k, v] = qkv.chunk(3, dim=-1);

    // Determine value outputs
    let [values, attention] = scaled_dot_product(q, k, v, mask=mask);
    values = values.permute(0, 2, 1, 3); // [Batch, SeqLen, Head, Dims]
    values = values.reshape(batch_size, seq_length, this.embed_dim);
    const o = this.o_proj(values);

    if (return_attention) {
      return [o, attention];
    } else {
      return o;
    }
  }
}`,
  `class EncoderBlock extends nn.Module {

  constructor(input_dim, num_heads, dim_feedforward, dropout=0.0) {
    super();

    // Attention layer
    this.self_attn = MultiheadAttention(input_dim, input_dim, num_heads);

    // Two-layer MLP
    this.linear_net = nn.Sequential(
      nn.Linear(input_dim, dim_feedforward),
      nn.Dropout(dropout),
      nn.ReLU(inplace=true),
      nn.Linear(dim_feedforward, input_dim)
    );

    // Layers to apply in between the main layers
    this.norm1 = nn.LayerNorm(input_dim);
    this.norm2 = nn.LayerNorm(input_dim);
    this.dropout = nn.Dropout(dropout);
  }

  forward(x, mask=null) {
    // Attention part
    const attn_out = this.self_attn(x, mask=mask);
    x = x + this.dropout(attn_out);
    x = this.norm1(x);

    // MLP part
    const linear_out = this.linear_net(x);
    x = x + this.dropout(linear_out);
    x = this.norm2(x);

    return x;
  }
}`,
  `class TransformerEncoder extends nn.Module {

  constructor(num_layers, block_args) {
    super();
    this.layers = nn.ModuleList(list(range(num_layers)).map((_) => EncoderBlock(block_args.input_dim, block_args.num_heads, block_args.dim_feedforward, block_args.dropout)));
  }

  forward(x, mask=null) {
    for (const l of this.layers) {
      x = l(x, mask=mask);
    }
    return x;
  }

  get_attention_maps(x, mask=null) {
    const attention_maps = [];
    for (const l of this.layers) {
      const [_, attn_map] = l.self_attn(x, mask=mask, return_attention=true);
      attention_maps.push(attn_map);
      x = l(x);
    }
    return attention_maps;
  }
}`,
  `class PositionalEncoding extends nn.Module {
  declare pe: torch.Tensor;

  constructor(d_model, max_len=5000) {
    super();

    // Create matrix of [SeqLen, HiddenDim] representing the positional encoding for max_len inputs
    let pe = torch.zeros(max_len, d_model);
    const position = torch.arange(0, max_len, dtype=torch.float).unsqueeze(1);
    const div_term = torch.exp(torch.arange(0, d_model, 2).float() * (-Math.log(10000.0) / d_model));
    pe[":, 0::2"] = torch.sin(position * div_term);
    pe[":, 1::2"] = torch.cos(position * div_term);
    pe = pe.unsqueeze(0);

    // register_buffer => Tensor which is not a parameter, but should be part of the modules state.
    // Used for tensors that need to be on the same device as the module.
    // persistent=False tells PyTorch to not add the buffer to the state dict (e.g. when we save the model)
    this.register_buffer('pe', pe, persistent=false);
  }

  forward(x) {
    x = x + this.pe[\`:, :\${x.size(1)}\`];
    return x;
  }
}`,
  `const encod_block = PositionalEncoding(d_model=48, max_len=96);
const pe = encod_block.pe.squeeze().T.cpu();
print(pe.shape, list(Object.keys(encod_block.state_dict())));
print(pe[":4, :8"]);`,
  `class CosineWarmupScheduler extends optim.lr_scheduler._LRScheduler {

  constructor(optimizer, warmup, max_iters) {
    super(optimizer);
    this.warmup = warmup;
    this.max_num_iters = max_iters;
  }

  get_lr() {
    const lr_factor = this.get_lr_factor(epoch=this.last_epoch);
    return this.base_lrs.map((base_lr) => base_lr * lr_factor);
  }

  get_lr_factor(epoch) {
    let lr_factor = 0.5 * (1 + Math.cos(Math.PI * epoch / this.max_num_iters));
    if (epoch <= this.warmup) {
      lr_factor *= epoch * 1.0 / this.warmup;
    }
    return lr_factor;
  }
}`,
  `const p = nn.Parameter(torch.empty(4,4));
let optimizer = optim.Adam([p], lr=1e-3);
let lr_scheduler = CosineWarmupScheduler(optimizer=optimizer, warmup=100, max_iters=2000);

const epochs = list(range(2000));
print(epochs.filter((e, i) => i % 250 == 0).map((e) => round(lr_scheduler.get_lr_factor(e), 6)));
print(lr_scheduler.get_last_lr(), optimizer.param_groups[0]["lr"]);
for (const _ of range(3)) {
  optimizer.step();
  lr_scheduler.step();
}
print(lr_scheduler.last_epoch, lr_scheduler.get_last_lr());`,
  `class TransformerPredictor extends nn.Module {

  constructor(input_dim, model_dim, num_classes, num_heads, num_layers, lr, warmup, max_iters, dropout=0.0, input_dropout=0.0) {
    super();
    this.hparams = {input_dim, model_dim, num_classes, num_heads, num_layers, lr, warmup, max_iters, dropout, input_dropout};
    this._create_model();
  }

  _create_model() {
    // Input dim -> Model dim
    this.input_net = nn.Sequential(
      nn.Dropout(this.hparams.input_dropout),
      nn.Linear(this.hparams.input_dim, this.hparams.model_dim)
    );
    // Positional encoding for sequences
    this.positional_encoding = PositionalEncoding(d_model=this.hparams.model_dim);
    // Transformer
    this.transformer = TransformerEncoder(this.hparams.num_layers,
                                          {input_dim: this.hparams.model_dim,
                                           dim_feedforward: 2*this.hparams.model_dim,
                                           num_heads: this.hparams.num_heads,
                                           dropout: this.hparams.dropout});
    // Output classifier per sequence lement
    this.output_net = nn.Sequential(
      nn.Linear(this.hparams.model_dim, this.hparams.model_dim),
      nn.LayerNorm(this.hparams.model_dim),
      nn.ReLU(inplace=true),
      nn.Dropout(this.hparams.dropout),
      nn.Linear(this.hparams.model_dim, this.hparams.num_classes)
    );
  }

  forward(x, mask=null, add_positional_encoding=true) {
    x = this.input_net(x);
    if (add_positional_encoding) {
      x = this.positional_encoding(x);
    }
    x = this.transformer(x, mask=mask);
    x = this.output_net(x);
    return x;
  }

  get_attention_maps(x, mask=null, add_positional_encoding=true) {
    return torch.no_grad(() => {
      x = this.input_net(x);
      if (add_positional_encoding) {
        x = this.positional_encoding(x);
      }
      const attention_maps = this.transformer.get_attention_maps(x, mask=mask);
      return attention_maps;
    });
  }

  configure_optimizers() {
    const optimizer = optim.Adam(this.parameters(), lr=this.hparams.lr);

    // Apply lr scheduler per step
    const lr_scheduler = CosineWarmupScheduler(optimizer,
                                               warmup=this.hparams.warmup,
                                               max_iters=this.hparams.max_iters);
    return tuple([optimizer, lr_scheduler]);
  }
}`,
  `class ReverseDataset extends data.Dataset {

  constructor(num_categories, seq_len, size) {
    super();
    this.num_categories = num_categories;
    this.seq_len = seq_len;
    this.size = size;

    this.data = torch.randint(this.num_categories, size=[this.size, this.seq_len]);
  }

  __len__() {
    return this.size;
  }

  __getitem__(idx) {
    const inp_data = this.data[idx];
    const labels = torch.flip(inp_data, dims=[0]);
    return tuple([inp_data, labels]);
  }
}`,
  `const dataset = (size) => ReverseDataset(10, 16, size);
const train_loader = data.DataLoader(dataset(512), batch_size=128, shuffle=true, drop_last=true, pin_memory=true);
const val_loader   = data.DataLoader(dataset(128), batch_size=128);
const test_loader  = data.DataLoader(dataset(128), batch_size=128);`,
  `let [inp_data, labels] = (train_loader.dataset as ReverseDataset)[0];
print("Input data:", inp_data);
print("Labels:    ", labels);`,
  `function _calculate_loss(model, batch, mode="train") {
  // Fetch data and transform categories to one-hot vectors
  let [inp_data, labels] = batch;
  inp_data = F.one_hot(inp_data, num_classes=model.hparams.num_classes).float();

  // Perform prediction and calculate loss and accuracy
  const preds = model.forward(inp_data, add_positional_encoding=true);
  const loss = F.cross_entropy(preds.view(-1,preds.size(-1)), labels.view(-1));
  const acc = (preds.argmax(dim=-1) == labels).float().mean();
  return [loss, acc];
}


function train_reverse(max_epochs, kwargs) {
  const {input_dim, model_dim, num_classes, num_heads, num_layers, lr, warmup, dropout} = kwargs;
  const model = TransformerPredictor(input_dim, model_dim, num_classes, num_heads, num_layers, lr, warmup, max_epochs*len(train_loader), dropout);
  const [optimizer, lr_scheduler] = model.configure_optimizers();
  for (const epoch of range(max_epochs)) {
    model.train();
    let loss, acc;
    for (const batch of train_loader) {
      [loss, acc] = _calculate_loss(model, batch, mode="train");
      optimizer.zero_grad();
      loss.backward();
      optimizer.step();
      lr_scheduler.step();
    }
    model.eval();
    const [val_loss, val_acc] = torch.no_grad(() => _calculate_loss(model, next(iter(val_loader)), mode="val"));
    print(\`Epoch \${epoch}: train_loss \${loss.item():.4f}, train_acc \${acc.item():.4f}, val_acc \${val_acc.item():.4f}, lr \${lr_scheduler.get_last_lr()[0]:.6f}\`);
  }
  return model;
}`,
  `torch.manual_seed(42);
const reverse_model = train_reverse(3, {input_dim: 10,
                                        model_dim: 32,
                                        num_heads: 1,
                                        num_classes: 10,
                                        num_layers: 1,
                                        dropout: 0.0,
                                        lr: 5e-4,
                                        warmup: 4});`,
  `let data_input;
[data_input, labels] = next(iter(val_loader));
inp_data = F.one_hot(data_input, num_classes=reverse_model.hparams.num_classes).float();
inp_data = inp_data.to(device);
const attention_maps = reverse_model.get_attention_maps(inp_data);`,
  `attention_maps[0].shape`,
  `print(data_input[0]);
print(attention_maps[0]["0, 0, :4, :6"]);
print(attention_maps[0]["0, 0"].argmax(dim=-1));`,
];
