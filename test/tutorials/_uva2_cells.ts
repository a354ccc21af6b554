/** The cells of test/tutorials/uva2_notebook.test.ts (its header says what they port and how). */
export const T4 = [
  `import * as fs from "fs";
import * as path from "path";
const data = torch.utils.data;

const CHECKPOINT_PATH = "saved_models/InitOptim/";

torch.manual_seed(42);

const device = !torch.cuda.is_available() ? torch.device("cpu") : torch.device("cuda:0");
print("Using device", device);`,
  `torch.manual_seed(1234);
const pixels = torch.randint(0, 256, [192, 28, 28], {dtype: torch.uint8});
const test_pixels = torch.randint(0, 256, [64, 28, 28], {dtype: torch.uint8});
const labels = torch.randint(0, 10, [192]);
const test_labels = torch.randint(0, 10, [64]);
const normalize = (p) => ((p.float() / 255.0).unsqueeze(1) - 0.2861) / 0.3530;

const train_dataset = data.TensorDataset(normalize(pixels), labels);
const [train_set, val_set] = torch.utils.data.random_split(train_dataset, [128, 64]);
const test_set = data.TensorDataset(normalize(test_pixels), test_labels);`,
  `const train_loader = data.DataLoader(train_set, batch_size=256, shuffle=true, drop_last=false);
const val_loader = data.DataLoader(val_set, batch_size=256, shuffle=false, drop_last=false);
const test_loader = data.DataLoader(test_set, batch_size=256, shuffle=false, drop_last=false);`,
  `print(\`Mean \${(pixels.float() / 255.0).mean().item():.4f}\`);
print(\`Std \${(pixels.float() / 255.0).std().item():.4f}\`);`,
  `let [imgs, _] = next(iter(train_loader));
print(\`Mean: \${imgs.mean().item():5.3f}\`);
print(\`Standard deviation: \${imgs.std().item():5.3f}\`);
print(\`Maximum: \${imgs.max().item():5.3f}\`);
print(\`Minimum: \${imgs.min().item():5.3f}\`);`,
  `class BaseNetwork extends nn.Module {
  constructor(act_fn, input_size=784, num_classes=10, hidden_sizes=[512, 256, 256, 128]) {
    super();

    // Create the network based on the specified hidden sizes
    let layers = [];
    const layer_sizes = [input_size, ...hidden_sizes];
    for (const layer_index of range(1, len(layer_sizes))) {
      layers = [...layers, nn.Linear(layer_sizes[layer_index - 1], layer_sizes[layer_index]), act_fn];
    }
    layers = [...layers, nn.Linear(layer_sizes.at(-1), num_classes)];
    // A module list registers a list of modules as submodules (e.g. for parameters)
    this.layers = nn.ModuleList(layers);

    this.config = {
      "act_fn": act_fn.constructor.name,
      "input_size": input_size,
      "num_classes": num_classes,
      "hidden_sizes": hidden_sizes,
    };
  }

  forward(x) {
    x = x.view(x.size(0), -1);
    for (const layer of this.layers) {
      x = layer(x);
    }
    return x;
  }
}`,
  `class Identity extends nn.Module {
  forward(x) {
    return x;
  }
}


const act_fn_by_name = {"tanh": nn.Tanh, "relu": nn.ReLU, "identity": Identity};`,
  `function print_dists(val_dict, title) {
  print(title);
  for (const key of sorted(Object.keys(val_dict))) {
    const v = val_dict[key];
    print(\`  \${key}: min \${v.min().item():.3e}, max \${v.max().item():.3e}\`);
  }
}


function visualize_weight_distribution(model, color="C0") {
  const weights = {};
  for (const [name, param] of model.named_parameters()) {
    if (name.endsWith(".bias")) {
      continue;
    }
    const key_name = \`Layer \${name.split('.')[1]}\`;
    weights[key_name] = param.detach().view(-1).cpu();
  }

  print_dists(weights, "Weight distribution");
}


function visualize_gradients(model, color="C0", print_variance=false) {
  model.eval();
  const small_loader = data.DataLoader(train_set, batch_size=128, shuffle=false);
  let [imgs, labels] = next(iter(small_loader));
  [imgs, labels] = [imgs.to(device), labels.to(device)];

  // Pass one batch through the network, and calculate the gradients for the weights
  model.zero_grad();
  const preds = model(imgs);
  const loss = F.cross_entropy(preds, labels); // Same as nn.CrossEntropyLoss, but as a function instead of module
  loss.backward();
  // We limit our visualization to the weight parameters and exclude the bias to reduce the number of plots
  const grads = Object.fromEntries(
    model.named_parameters().filter(([name, params]) => name.includes("weight")).map(([name, params]) => [name, params.grad.view(-1).cpu().clone()])
  );
  model.zero_grad();

  if (print_variance) {
    print_dists(grads, "Gradient distribution");
  } else { // Only the constant initialization calls it without variances: which layers get a gradient at all?
    print("Gradient distribution");
    for (const key of sorted(Object.keys(grads))) {
      const m = grads[key].abs().max().item();
      print(\`  \${key}: max |grad| \${m < 1e-6 ? "< 1e-6" : \`\${m:.3e}\`}\`);
    }
  }

  if (print_variance) {
    for (const key of sorted(Object.keys(grads))) {
      print(\`\${key} - Variance: \${grads[key].var(unbiased=false).item():.3e}\`);
    }
  }
}


function visualize_activations(model, color="C0", print_variance=false) {
  model.eval();
  const small_loader = data.DataLoader(train_set, batch_size=128, shuffle=false);
  let [imgs, labels] = next(iter(small_loader));
  [imgs, labels] = [imgs.to(device), labels.to(device)];

  // Pass one batch through the network, and calculate the gradients for the weights
  let feats = imgs.view(imgs.shape[0], -1);
  const activations = {};
  torch.no_grad(() => {
    for (const [layer_index, layer] of enumerate(model.layers)) {
      feats = layer(feats);
      if (isinstance(layer, nn.Linear)) {
        activations[\`Layer \${layer_index}\`] = feats.view(-1).detach().cpu();
      }
    }
  });

  print_dists(activations, "Activation distribution");

  if (print_variance) {
    for (const key of sorted(Object.keys(activations))) {
      print(\`\${key} - Variance: \${activations[key].var(unbiased=false).item():.3e}\`);
    }
  }
}`,
  `let model = BaseNetwork(act_fn=Identity()).to(device);`,
  `function const_init(model, fill=0.0) {
  for (const [name, param] of model.named_parameters()) {
    param.data.fill_(fill);
  }
}


const_init(model, fill=0.005);
visualize_gradients(model);
visualize_activations(model, print_variance=true);`,
  `function var_init(model, std=0.01) {
  for (const [name, param] of model.named_parameters()) {
    param.data.normal_(mean=0.0, std=std);
  }
}


var_init(model, std=0.01);
visualize_activations(model, print_variance=true);`,
  `var_init(model, std=0.1);
visualize_activations(model, print_variance=true);`,
  `function equal_var_init(model) {
  for (const [name, param] of model.named_parameters()) {
    if (name.endsWith(".bias")) {
      param.data.fill_(0);
    } else {
      param.data.normal_(std=1.0 / Math.sqrt(param.shape[1]));
    }
  }
}


equal_var_init(model);
visualize_weight_distribution(model);
visualize_activations(model, print_variance=true);`,
  `function xavier_init(model) {
  for (const [name, param] of model.named_parameters()) {
    if (name.endsWith(".bias")) {
      param.data.fill_(0);
    } else {
      const bound = Math.sqrt(6) / Math.sqrt(param.shape[0] + param.shape[1]);
      param.data.uniform_(-bound, bound);
    }
  }
}


xavier_init(model);
visualize_gradients(model, print_variance=true);
visualize_activations(model, print_variance=true);`,
  `model = BaseNetwork(act_fn=nn.Tanh()).to(device);
xavier_init(model);
visualize_gradients(model, print_variance=true);
visualize_activations(model, print_variance=true);`,
  `function kaiming_init(model) {
  for (const [name, param] of model.named_parameters()) {
    if (name.endsWith(".bias")) {
      param.data.fill_(0);
    } else if (name.startsWith("layers.0")) { // The first layer does not have ReLU applied on its input
      param.data.normal_(0, 1 / Math.sqrt(param.shape[1]));
    } else {
      param.data.normal_(0, Math.sqrt(2) / Math.sqrt(param.shape[1]));
    }
  }
}


model = BaseNetwork(act_fn=nn.ReLU()).to(device);
kaiming_init(model);
visualize_gradients(model, print_variance=true);
visualize_activations(model, print_variance=true);`,
  `function _get_config_file(model_path, model_name) {
  return path.join(model_path, model_name + ".config");
}


function _get_model_file(model_path, model_name) {
  return path.join(model_path, model_name + ".tar");
}


function _get_result_file(model_path, model_name) {
  return path.join(model_path, model_name + "_results.json");
}


function load_model(model_path, model_name, net=null) {
  const config_file = _get_config_file(model_path, model_name);
  const model_file = _get_model_file(model_path, model_name);
  assert(fs.existsSync(config_file), \`Could not find the config file "\${config_file}". Are you sure this is the correct path and you have your model config stored here?\`);
  assert(fs.existsSync(model_file), \`Could not find the model file "\${model_file}". Are you sure this is the correct path and you have your model stored here?\`);
  const config_dict = JSON.parse(fs.readFileSync(config_file, "utf8"));
  if (net === null) {
    const {act_fn: name, input_size, num_classes, hidden_sizes} = config_dict;
    const act_fn_name = name.toLowerCase();
    assert(act_fn_name in act_fn_by_name, \`Unknown activation function "\${act_fn_name}". Please add it to the "act_fn_by_name" dict.\`);
    const act_fn = new act_fn_by_name[act_fn_name]();
    net = BaseNetwork(act_fn=act_fn, input_size=input_size, num_classes=num_classes, hidden_sizes=hidden_sizes);
  }
  net.load_state_dict(torch.load(model_file));
  return net;
}


function save_model(model, model_path, model_name) {
  const config_dict = model.config;
  fs.mkdirSync(model_path, {recursive: true});
  const config_file = _get_config_file(model_path, model_name);
  const model_file = _get_model_file(model_path, model_name);
  fs.writeFileSync(config_file, JSON.stringify(config_dict));
  torch.save(model.state_dict(), model_file);
}


function train_model(net, model_name, optim_func, max_epochs=50, batch_size=256, overwrite=false) {
  const file_exists = fs.existsSync(_get_model_file(CHECKPOINT_PATH, model_name));
  let results = null;
  const val_scores = [];
  const train_scores = [];
  let train_losses = [];
  if (file_exists && !overwrite) {
    print(\`Model file of "\${model_name}" already exists. Skipping training...\`);
    results = JSON.parse(fs.readFileSync(_get_result_file(CHECKPOINT_PATH, model_name), "utf8"));
  } else {
    if (file_exists) {
      print("Model file exists, but will be overwritten...");
    }

    // Defining optimizer, loss and data loader
    const optimizer = optim_func(net.parameters());
    const loss_module = nn.CrossEntropyLoss();
    const train_loader_local = data.DataLoader(train_set, batch_size=batch_size, shuffle=true, drop_last=true, pin_memory=true);

    let best_val_epoch = -1;
    for (const epoch of range(max_epochs)) {
      const [train_acc, val_acc, epoch_losses] = epoch_iteration(net, loss_module, optimizer, train_loader_local, val_loader, epoch);
      train_scores.push(train_acc);
      val_scores.push(val_acc);
      train_losses = [...train_losses, ...epoch_losses];

      if (len(val_scores) == 1 || val_acc > val_scores.at(best_val_epoch)) {
        print("\\t   (New best performance, saving model...)");
        save_model(net, CHECKPOINT_PATH, model_name);
        best_val_epoch = epoch;
      }
    }
  }

  if (results === null) {
    load_model(CHECKPOINT_PATH, model_name, net=net);
    const test_acc = test_model(net, test_loader);
    results = {
      "test_acc": test_acc,
      "val_scores": val_scores,
      "train_losses": train_losses,
      "train_scores": train_scores,
    };
    fs.writeFileSync(_get_result_file(CHECKPOINT_PATH, model_name), JSON.stringify(results));
  }

  print("Train scores", results["train_scores"].map((s) => \`\${s:.4f}\`));
  print("Val scores", results["val_scores"].map((s) => \`\${s:.4f}\`));
  print(center(\` Test accuracy: \${results['test_acc']*100.0:4.2f}% \`, 50, "=") + "\\n");
  return results;
}

// Python's str.center(width, fillchar): the odd fill character goes to the right for an even width.
function center(s: string, width: number, fill: string) {
  const marg = Math.max(0, width - s.length);
  const left = Math.floor(marg / 2) + (marg & width & 1);
  return fill.repeat(left) + s + fill.repeat(marg - left);
}


function epoch_iteration(net, loss_module, optimizer, train_loader_local, val_loader, epoch) {
  ////////////
  // Training //
  ////////////
  net.train();
  let [true_preds, count] = [0.0, 0];
  const epoch_losses = [];
  for (let [imgs, labels] of train_loader_local) {
    [imgs, labels] = [imgs.to(device), labels.to(device)];
    optimizer.zero_grad();
    const preds = net(imgs);
    const loss = loss_module(preds, labels);
    loss.backward();
    optimizer.step();
    // Record statistics during training
    true_preds += (preds.argmax(dim=-1) == labels).sum().item();
    count += labels.shape[0];
    epoch_losses.push(loss.item());
  }
  const train_acc = true_preds / count;

  //////////////
  // Validation //
  //////////////
  const val_acc = test_model(net, val_loader);
  print(\`[Epoch \${epoch+1:2d}] Training accuracy: \${train_acc*100.0:05.2f}%, Validation accuracy: \${val_acc*100.0:05.2f}%, loss \${epoch_losses.at(-1):.3f}\`);
  return [train_acc, val_acc, epoch_losses];
}


function test_model(net, data_loader) {
  net.eval();
  let [true_preds, count] = [0.0, 0];
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
  `class OptimizerTemplate {
  params: torch.Tensor[];
  lr: number;

  constructor(params, lr) {
    this.params = list(params);
    this.lr = lr;
  }

  zero_grad() {
    // Set gradients of all parameters to zero
    for (const p of this.params) {
      if (p.grad !== null) {
        p.grad.detach_(); // For second-order optimizers important
        p.grad.zero_();
      }
    }
  }

  step() {
    torch.no_grad(() => {
      // Apply update step to all parameters
      for (const p of this.params) {
        if (p.grad === null) { // We skip parameters without any gradients
          continue;
        }
        this.update_param(p);
      }
    });
  }

  update_param(p: torch.Tensor) {
    // To be implemented in optimizer-specific classes
    throw new Error("NotImplementedError");
  }
}`,
  `class SGD extends OptimizerTemplate {
  constructor(params, lr) {
    super(params, lr);
  }

  update_param(p: torch.Tensor) {
    const p_update = -this.lr * p.grad;
    p.add_(p_update); // In-place update => saves memory and does not create computation graph
  }
}`,
  `class SGDMomentum extends OptimizerTemplate {
  momentum: number;
  param_momentum: Map<torch.Tensor, torch.Tensor>;

  constructor(params, lr, momentum=0.0) {
    super(params, lr);
    this.momentum = momentum; // Corresponds to beta_1 in the equation above
    this.param_momentum = new Map(this.params.map((p) => [p, torch.zeros_like(p.data)])); // Dict to store m_t
  }

  update_param(p: torch.Tensor) {
    this.param_momentum.set(p, (1 - this.momentum) * p.grad + this.momentum * this.param_momentum.get(p));
    const p_update = -this.lr * this.param_momentum.get(p);
    p.add_(p_update);
  }
}`,
  `class Adam extends OptimizerTemplate {
  beta1: number;
  beta2: number;
  eps: number;
  param_step: Map<torch.Tensor, number>;
  param_momentum: Map<torch.Tensor, torch.Tensor>;
  param_2nd_momentum: Map<torch.Tensor, torch.Tensor>;

  constructor(params, lr, beta1=0.9, beta2=0.999, eps=1e-8) {
    super(params, lr);
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.param_step = new Map(this.params.map((p) => [p, 0])); // Remembers "t" for each parameter for bias correction
    this.param_momentum = new Map(this.params.map((p) => [p, torch.zeros_like(p.data)]));
    this.param_2nd_momentum = new Map(this.params.map((p) => [p, torch.zeros_like(p.data)]));
  }

  update_param(p: torch.Tensor) {
    this.param_step.set(p, this.param_step.get(p) + 1);

    this.param_momentum.set(p, (1 - this.beta1) * p.grad + this.beta1 * this.param_momentum.get(p));
    this.param_2nd_momentum.set(p, (1 - this.beta2) * (p.grad) ** 2 + this.beta2 * this.param_2nd_momentum.get(p));

    const bias_correction_1 = 1 - this.beta1 ** this.param_step.get(p);
    const bias_correction_2 = 1 - this.beta2 ** this.param_step.get(p);

    const p_2nd_mom = this.param_2nd_momentum.get(p) / bias_correction_2;
    const p_mom = this.param_momentum.get(p) / bias_correction_1;
    const p_lr = this.lr / (torch.sqrt(p_2nd_mom) + this.eps);
    const p_update = -p_lr * p_mom;

    p.add_(p_update);
  }
}`,
  `const base_model = BaseNetwork(act_fn=nn.ReLU(), hidden_sizes=[512, 256, 256, 128]);
kaiming_init(base_model);`,
  `const SGD_model = copy.deepcopy(base_model).to(device);
const SGD_results = train_model(
  SGD_model, "FashionMNIST_SGD", (params) => new SGD(params, lr=1e-1), max_epochs=2, batch_size=64
);`,
  `const SGDMom_model = copy.deepcopy(base_model).to(device);
const SGDMom_results = train_model(
  SGDMom_model,
  "FashionMNIST_SGDMom",
  (params) => new SGDMomentum(params, lr=1e-1, momentum=0.9),
  max_epochs=2,
  batch_size=64,
);`,
  `const Adam_model = copy.deepcopy(base_model).to(device);
const Adam_results = train_model(
  Adam_model, "FashionMNIST_Adam", (params) => new Adam(params, lr=1e-3), max_epochs=2, batch_size=64
);`,
  `function pathological_curve_loss(w1, w2) {
  // Example of a pathological curvature. There are many more possible, feel free to experiment here!
  const x1_loss = torch.tanh(w1) ** 2 + 0.01 * torch.abs(w1);
  const x2_loss = torch.sigmoid(w2);
  return x1_loss + x2_loss;
}`,
  `let x = torch.arange(-5, 5, 10 / 5.0);
let y = torch.arange(-5, 5, 10 / 5.0);
[x, y] = torch.meshgrid([x, y]);
print(pathological_curve_loss(x, y));`,
  `function train_curve(optimizer_func, curve_func=pathological_curve_loss, num_updates=100, init=[5, 5]) {
  const weights = nn.Parameter(torch.FloatTensor(init), requires_grad=true);
  const optim = optimizer_func([weights]);

  const list_points = [];
  for (const _ of range(num_updates)) {
    const loss = curve_func(weights[0], weights[1]);
    list_points.push(torch.cat([weights.data.detach(), loss.unsqueeze(dim=0).detach()], dim=0));
    optim.zero_grad();
    loss.backward();
    optim.step();
  }
  const points = torch.stack(list_points, dim=0);
  return points;
}`,
  `let SGD_points = train_curve((params) => new SGD(params, lr=10));
let SGDMom_points = train_curve((params) => new SGDMomentum(params, lr=10, momentum=0.9));
let Adam_points = train_curve((params) => new Adam(params, lr=1));`,
  `torch.set_printoptions(precision=3, sci_mode=false);
print("SGD", SGD_points[":60:20"]);
print("SGDMom", SGDMom_points["::20"]);
print("Adam", Adam_points["::20"]);`,
  `function bivar_gaussian(w1, w2, x_mean=0.0, y_mean=0.0, x_sig=1.0, y_sig=1.0) {
  const norm = 1 / (2 * Math.PI * x_sig * y_sig);
  const x_exp = (-1 * (w1 - x_mean) ** 2) / (2 * x_sig**2);
  const y_exp = (-1 * (w2 - y_mean) ** 2) / (2 * y_sig**2);
  return norm * torch.exp(x_exp + y_exp);
}


function comb_func(w1, w2) {
  let z = -bivar_gaussian(w1, w2, x_mean=1.0, y_mean=-0.5, x_sig=0.2, y_sig=0.2);
  z -= bivar_gaussian(w1, w2, x_mean=-1.0, y_mean=0.5, x_sig=0.2, y_sig=0.2);
  z -= bivar_gaussian(w1, w2, x_mean=-0.5, y_mean=-0.8, x_sig=0.2, y_sig=0.2);
  return z;
}`,
  `SGD_points = train_curve((params) => new SGD(params, lr=0.5), comb_func, init=[0, 0]);
SGDMom_points = train_curve((params) => new SGDMomentum(params, lr=1, momentum=0.9), comb_func, init=[0, 0]);
Adam_points = train_curve((params) => new Adam(params, lr=0.2), comb_func, init=[0, 0]);
print("SGD", SGD_points[-1]);
print("SGDMom", SGDMom_points[-1]);
print("Adam", Adam_points[-1]);`,
];
