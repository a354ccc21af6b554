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

export const T5 = [
  `const data = torch.utils.data;

const CHECKPOINT_PATH = "saved_models/tutorial5";

function set_seed(seed) {
  random.seed(seed);
  torch.manual_seed(seed);
  if (torch.cuda.is_available()) {
    torch.cuda.manual_seed(seed);
    torch.cuda.manual_seed_all(seed);
  }
}
set_seed(42);

torch.backends.cudnn.deterministic = true;
torch.backends.cudnn.benchmark = false;

const device = torch.cuda.is_available() ? torch.device("cuda:0") : torch.device("cpu");`,
  `class CIFARStandIn extends data.Dataset {
  constructor(images, targets, transform=null) {
    super();
    this.data = images; // N x 32 x 32 x 3 uint8, as CIFAR10's data
    this.targets = targets;
    this.transform = transform;
  }

  __len__() {
    return len(this.data);
  }

  __getitem__(idx) {
    let img = this.data[idx].permute(2, 0, 1).float() / 255.0; // what ToTensor makes of the HWC image
    if (this.transform !== null) {
      img = this.transform(img);
    }
    return tuple([img, this.targets[idx]]);
  }
}


torch.manual_seed(1234);
const train_images = torch.randint(0, 256, [12, 32, 32, 3], {dtype: torch.uint8});
const train_targets = torch.randint(0, 10, [12]);
const test_images = torch.randint(0, 256, [4, 32, 32, 3], {dtype: torch.uint8});
const test_targets = torch.randint(0, 10, [4]);

let train_dataset = CIFARStandIn(train_images, train_targets);
const DATA_MEANS = (train_dataset.data / 255.0).mean(dim=[0, 1, 2]);
const DATA_STD = (train_dataset.data / 255.0).std(dim=[0, 1, 2]);
print("Data mean", DATA_MEANS);
print("Data std", DATA_STD);`,
  `const test_transform = transforms.Compose([transforms.Normalize(DATA_MEANS.tolist(), DATA_STD.tolist())]);
// For training, we add some augmentation. Networks are too powerful and would overfit.
const train_transform = transforms.Compose([transforms.RandomHorizontalFlip(),
                                            transforms.RandomResizedCrop([32, 32], scale=[0.8, 1.0], ratio=[0.9, 1.1]),
                                            transforms.Normalize(DATA_MEANS.tolist(), DATA_STD.tolist())
                                           ]);
train_dataset = CIFARStandIn(train_images, train_targets, transform=train_transform);
const val_dataset = CIFARStandIn(train_images, train_targets, transform=test_transform);
set_seed(42);
const [train_set, _a] = torch.utils.data.random_split(train_dataset, [8, 4]);
set_seed(42);
const [_b, val_set] = torch.utils.data.random_split(val_dataset, [8, 4]);

const test_set = CIFARStandIn(test_images, test_targets, transform=test_transform);

const train_loader = data.DataLoader(train_set, batch_size=4, shuffle=true, drop_last=true, pin_memory=true);
const val_loader = data.DataLoader(val_set, batch_size=4, shuffle=false, drop_last=false);
const test_loader = data.DataLoader(test_set, batch_size=4, shuffle=false, drop_last=false);`,
  `const [imgs, _] = next(iter(train_loader));
print("Batch mean", imgs.mean(dim=[0, 2, 3]));
print("Batch std", imgs.std(dim=[0, 2, 3]));`,
  `const NUM_IMAGES = 4;
const images = list(range(NUM_IMAGES)).map((idx) => train_dataset[idx][0]);
const orig_images = list(range(NUM_IMAGES)).map((idx) => val_dataset[idx][0]);

let img_grid = torchvision.utils.make_grid(torch.stack([...images, ...orig_images], dim=0), nrow=4, normalize=true, pad_value=0.5);
img_grid = img_grid.permute(1, 2, 0);
print("Augmentation examples on CIFAR10", img_grid.shape);
print(img_grid["1:4, 1:4, 0"]);`,
  `class CIFARModule extends nn.Module {
  constructor(model_name, model_hparams, optimizer_name, optimizer_hparams) {
    super();
    this.hparams = {model_name, model_hparams, optimizer_name, optimizer_hparams};
    this.model = create_model(model_name, model_hparams);
    this.loss_module = nn.CrossEntropyLoss();
    this.example_input_array = torch.zeros([1, 3, 32, 32], dtype=torch.float32);
  }

  forward(imgs) {
    return this.model(imgs);
  }

  configure_optimizers() {
    let optimizer;
    if (this.hparams.optimizer_name == "Adam") {
      optimizer = optim.AdamW(
        this.parameters(), this.hparams.optimizer_hparams);
    } else if (this.hparams.optimizer_name == "SGD") {
      optimizer = optim.SGD(this.parameters(), this.hparams.optimizer_hparams);
    } else {
      assert(false, \`Unknown optimizer: "\${this.hparams.optimizer_name}"\`);
    }

    const scheduler = optim.lr_scheduler.MultiStepLR(
      optimizer, milestones=[100, 150], gamma=0.1);
    return [[optimizer], [scheduler]];
  }

  training_step(batch, batch_idx) {
    const [imgs, labels] = batch;
    const preds = this.model(imgs);
    const loss = this.loss_module(preds, labels);
    const acc = (preds.argmax(dim=-1) == labels).float().mean();
    return [loss, acc];
  }

  validation_step(batch, batch_idx) {
    const [imgs, labels] = batch;
    const preds = this.model(imgs).argmax(dim=-1);
    const acc = (labels == preds).float().mean();
    return acc;
  }
}`,
  `const model_dict = {};

function create_model(model_name, model_hparams) {
  if (model_name in model_dict) {
    return new model_dict[model_name](model_hparams);
  } else {
    assert(false, \`Unknown model name "\${model_name}". Available models are: \${str(Object.keys(model_dict))}\`);
  }
}

const act_fn_by_name = {
  "tanh": nn.Tanh,
  "relu": nn.ReLU,
  "leakyrelu": nn.LeakyReLU,
  "gelu": nn.GELU
};`,
  `function evaluate(model, loader) {
  model.eval();
  const accs = [];
  torch.no_grad(() => {
    for (const [batch_idx, batch] of enumerate(loader)) {
      accs.push(model.validation_step(batch, batch_idx).item());
    }
  });
  return sum(accs) / len(accs);
}


function train_model(model_name, kwargs, save_name=null) {
  if (save_name === null) {
    save_name = model_name;
  }

  torch.manual_seed(42); // To be reproducable
  const model = CIFARModule(model_name, kwargs.model_hparams, kwargs.optimizer_name, kwargs.optimizer_hparams);
  const [[optimizer], [scheduler]] = model.configure_optimizers();
  model.train();
  for (const [batch_idx, batch] of enumerate(train_loader)) {
    const [loss, acc] = model.training_step(batch, batch_idx);
    optimizer.zero_grad();
    loss.backward();
    optimizer.step();
    print(\`\${save_name} step \${batch_idx}: train_loss \${loss.item():.4f}, train_acc \${acc.item():.3f}\`);
  }
  scheduler.step();

  const val_result = evaluate(model, val_loader);
  const test_result = evaluate(model, test_loader);
  const result = {"test": test_result, "val": val_result};
  return [model, result] as const;
}`,
  `class InceptionBlock extends nn.Module {

  constructor(c_in, c_red, c_out, act_fn) {
    super();

    // 1x1 convolution branch
    this.conv_1x1 = nn.Sequential(
      nn.Conv2d(c_in, c_out["1x1"], kernel_size=1),
      nn.BatchNorm2d(c_out["1x1"]),
      new act_fn()
    );

    // 3x3 convolution branch
    this.conv_3x3 = nn.Sequential(
      nn.Conv2d(c_in, c_red["3x3"], kernel_size=1),
      nn.BatchNorm2d(c_red["3x3"]),
      new act_fn(),
      nn.Conv2d(c_red["3x3"], c_out["3x3"], kernel_size=3, padding=1),
      nn.BatchNorm2d(c_out["3x3"]),
      new act_fn()
    );

    // 5x5 convolution branch
    this.conv_5x5 = nn.Sequential(
      nn.Conv2d(c_in, c_red["5x5"], kernel_size=1),
      nn.BatchNorm2d(c_red["5x5"]),
      new act_fn(),
      nn.Conv2d(c_red["5x5"], c_out["5x5"], kernel_size=5, padding=2),
      nn.BatchNorm2d(c_out["5x5"]),
      new act_fn()
    );

    // Max-pool branch
    this.max_pool = nn.Sequential(
      nn.MaxPool2d(kernel_size=3, padding=1, stride=1),
      nn.Conv2d(c_in, c_out["max"], kernel_size=1),
      nn.BatchNorm2d(c_out["max"]),
      new act_fn()
    );
  }

  forward(x) {
    const x_1x1 = this.conv_1x1(x);
    const x_3x3 = this.conv_3x3(x);
    const x_5x5 = this.conv_5x5(x);
    const x_max = this.max_pool(x);
    const x_out = torch.cat([x_1x1, x_3x3, x_5x5, x_max], dim=1);
    return x_out;
  }
}`,
  `class GoogleNet extends nn.Module {

  constructor({num_classes=10, act_fn_name="relu", ...kwargs} = {}) {
    super();
    this.hparams = {num_classes: num_classes,
                    act_fn_name: act_fn_name,
                    act_fn: act_fn_by_name[act_fn_name]};
    this._create_network();
    this._init_params();
  }

  _create_network() {
    // A first convolution on the original image to scale up the channel size
    this.input_net = nn.Sequential(
      nn.Conv2d(3, 64, kernel_size=3, padding=1),
      nn.BatchNorm2d(64),
      new this.hparams.act_fn()
    );
    // Stacking inception blocks
    this.inception_blocks = nn.Sequential(
      InceptionBlock(64, c_red={"3x3": 32, "5x5": 16}, c_out={"1x1": 16, "3x3": 32, "5x5": 8, "max": 8}, act_fn=this.hparams.act_fn),
      InceptionBlock(64, c_red={"3x3": 32, "5x5": 16}, c_out={"1x1": 24, "3x3": 48, "5x5": 12, "max": 12}, act_fn=this.hparams.act_fn),
      nn.MaxPool2d(3, stride=2, padding=1), // 32x32 => 16x16
      InceptionBlock(96, c_red={"3x3": 32, "5x5": 16}, c_out={"1x1": 24, "3x3": 48, "5x5": 12, "max": 12}, act_fn=this.hparams.act_fn),
      InceptionBlock(96, c_red={"3x3": 32, "5x5": 16}, c_out={"1x1": 16, "3x3": 48, "5x5": 16, "max": 16}, act_fn=this.hparams.act_fn),
      InceptionBlock(96, c_red={"3x3": 32, "5x5": 16}, c_out={"1x1": 16, "3x3": 48, "5x5": 16, "max": 16}, act_fn=this.hparams.act_fn),
      InceptionBlock(96, c_red={"3x3": 32, "5x5": 16}, c_out={"1x1": 32, "3x3": 48, "5x5": 24, "max": 24}, act_fn=this.hparams.act_fn),
      nn.MaxPool2d(3, stride=2, padding=1), // 16x16 => 8x8
      InceptionBlock(128, c_red={"3x3": 48, "5x5": 16}, c_out={"1x1": 32, "3x3": 64, "5x5": 16, "max": 16}, act_fn=this.hparams.act_fn),
      InceptionBlock(128, c_red={"3x3": 48, "5x5": 16}, c_out={"1x1": 32, "3x3": 64, "5x5": 16, "max": 16}, act_fn=this.hparams.act_fn)
    );
    // Mapping to classification output
    this.output_net = nn.Sequential(
      nn.AdaptiveAvgPool2d([1, 1]),
      nn.Flatten(),
      nn.Linear(128, this.hparams.num_classes)
    );
  }

  _init_params() {
    // Based on our discussion in Tutorial 4, we should initialize the convolutions according to the activation function
    for (const m of this.modules()) {
      if (isinstance(m, nn.Conv2d)) {
        nn.init.kaiming_normal_(
          m.weight, nonlinearity=this.hparams.act_fn_name);
      } else if (isinstance(m, nn.BatchNorm2d)) {
        nn.init.constant_(m.weight, 1);
        nn.init.constant_(m.bias, 0);
      }
    }
  }

  forward(x) {
    x = this.input_net(x);
    x = this.inception_blocks(x);
    x = this.output_net(x);
    return x;
  }
}`,
  `model_dict["GoogleNet"] = GoogleNet;`,
  `const [googlenet_model, googlenet_results] = train_model("GoogleNet", {model_hparams: {"num_classes": 10,
                                                                                      "act_fn_name": "relu"},
                                                                       optimizer_name: "Adam",
                                                                       optimizer_hparams: {"lr": 1e-3,
                                                                                           "weight_decay": 1e-4}});`,
  `print("GoogleNet Results", Object.fromEntries(Object.entries(googlenet_results).map(([k, v]) => [k, \`\${v:.3f}\`])));
print("Parameters", sum(list(googlenet_model.parameters()).map((p) => p.numel())));
print("Output", googlenet_model(torch.zeros(2, 3, 32, 32)).shape);`,
  `class ResNetBlock extends nn.Module {

  constructor(c_in, act_fn, subsample=false, c_out=-1) {
    super();
    if (!subsample) {
      c_out = c_in;
    }

    // Network representing F
    this.net = nn.Sequential(
      nn.Conv2d(c_in, c_out, kernel_size=3, padding=1, stride=!subsample ? 1 : 2, bias=false), // No bias needed as the Batch Norm handles it
      nn.BatchNorm2d(c_out),
      new act_fn(),
      nn.Conv2d(c_out, c_out, kernel_size=3, padding=1, bias=false),
      nn.BatchNorm2d(c_out)
    );

    // 1x1 convolution with stride 2 means we take the upper left value, and transform it to new output size
    this.downsample = subsample ? nn.Conv2d(c_in, c_out, kernel_size=1, stride=2) : null;
    this.act_fn = new act_fn();
  }

  forward(x) {
    const z = this.net(x);
    if (this.downsample !== null) {
      x = this.downsample(x);
    }
    let out = z + x;
    out = this.act_fn(out);
    return out;
  }
}`,
  `class PreActResNetBlock extends nn.Module {

  constructor(c_in, act_fn, subsample=false, c_out=-1) {
    super();
    if (!subsample) {
      c_out = c_in;
    }

    // Network representing F
    this.net = nn.Sequential(
      nn.BatchNorm2d(c_in),
      new act_fn(),
      nn.Conv2d(c_in, c_out, kernel_size=3, padding=1, stride=!subsample ? 1 : 2, bias=false),
      nn.BatchNorm2d(c_out),
      new act_fn(),
      nn.Conv2d(c_out, c_out, kernel_size=3, padding=1, bias=false)
    );

    // 1x1 convolution needs to apply non-linearity as well as not done on skip connection
    this.downsample = subsample ? nn.Sequential(
      nn.BatchNorm2d(c_in),
      new act_fn(),
      nn.Conv2d(c_in, c_out, kernel_size=1, stride=2, bias=false)
    ) : null;
  }

  forward(x) {
    const z = this.net(x);
    if (this.downsample !== null) {
      x = this.downsample(x);
    }
    const out = z + x;
    return out;
  }
}`,
  `const resnet_blocks_by_name = {
  "ResNetBlock": ResNetBlock,
  "PreActResNetBlock": PreActResNetBlock
};`,
  `class ResNet extends nn.Module {

  constructor({num_classes=10, num_blocks=[3,3,3], c_hidden=[16,32,64], act_fn_name="relu", block_name="ResNetBlock", ...kwargs} = {}) {
    super();
    assert(block_name in resnet_blocks_by_name);
    this.hparams = {num_classes: num_classes,
                    c_hidden: c_hidden,
                    num_blocks: num_blocks,
                    act_fn_name: act_fn_name,
                    act_fn: act_fn_by_name[act_fn_name],
                    block_class: resnet_blocks_by_name[block_name]};
    this._create_network();
    this._init_params();
  }

  _create_network() {
    const c_hidden = this.hparams.c_hidden;

    // A first convolution on the original image to scale up the channel size
    if (this.hparams.block_class == PreActResNetBlock) { // => Don't apply non-linearity on output
      this.input_net = nn.Sequential(
        nn.Conv2d(3, c_hidden[0], kernel_size=3, padding=1, bias=false)
      );
    } else {
      this.input_net = nn.Sequential(
        nn.Conv2d(3, c_hidden[0], kernel_size=3, padding=1, bias=false),
        nn.BatchNorm2d(c_hidden[0]),
        new this.hparams.act_fn()
      );
    }

    // Creating the ResNet blocks
    const blocks = [];
    for (const [block_idx, block_count] of enumerate(this.hparams.num_blocks)) {
      for (const bc of range(block_count)) {
        const subsample = (bc == 0 && block_idx > 0); // Subsample the first block of each group, except the very first one.
        blocks.push(
          new this.hparams.block_class(c_hidden[!subsample ? block_idx : (block_idx-1)],
                                       this.hparams.act_fn,
                                       subsample,
                                       c_hidden[block_idx])
        );
      }
    }
    this.blocks = nn.Sequential(...blocks);

    // Mapping to classification output
    this.output_net = nn.Sequential(
      nn.AdaptiveAvgPool2d([1,1]),
      nn.Flatten(),
      nn.Linear(c_hidden.at(-1), this.hparams.num_classes)
    );
  }

  _init_params() {
    // Based on our discussion in Tutorial 4, we should initialize the convolutions according to the activation function
    // Fan-out focuses on the gradient distribution, and is commonly used in ResNets
    for (const m of this.modules()) {
      if (isinstance(m, nn.Conv2d)) {
        nn.init.kaiming_normal_(m.weight, mode='fan_out', nonlinearity=this.hparams.act_fn_name);
      } else if (isinstance(m, nn.BatchNorm2d)) {
        nn.init.constant_(m.weight, 1);
        nn.init.constant_(m.bias, 0);
      }
    }
  }

  forward(x) {
    x = this.input_net(x);
    x = this.blocks(x);
    x = this.output_net(x);
    return x;
  }
}`,
  `model_dict["ResNet"] = ResNet;`,
  `const [resnet_model, resnet_results] = train_model("ResNet", {model_hparams: {"num_classes": 10,
                                                                            "c_hidden": [16,32,64],
                                                                            "num_blocks": [3,3,3],
                                                                            "act_fn_name": "relu"},
                                                             optimizer_name: "SGD",
                                                             optimizer_hparams: {"lr": 0.1,
                                                                                 "momentum": 0.9,
                                                                                 "weight_decay": 1e-4}});`,
  `const [resnetpreact_model, resnetpreact_results] = train_model("ResNet", {model_hparams: {"num_classes": 10,
                                                                                        "c_hidden": [16,32,64],
                                                                                        "num_blocks": [3,3,3],
                                                                                        "act_fn_name": "relu",
                                                                                        "block_name": "PreActResNetBlock"},
                                                                         optimizer_name: "SGD",
                                                                         optimizer_hparams: {"lr": 0.1,
                                                                                             "momentum": 0.9,
                                                                                             "weight_decay": 1e-4}},
                                                               save_name="ResNetPreAct");`,
  `class DenseLayer extends nn.Module {

  constructor(c_in, bn_size, growth_rate, act_fn) {
    super();
    this.net = nn.Sequential(
      nn.BatchNorm2d(c_in),
      new act_fn(),
      nn.Conv2d(c_in, bn_size * growth_rate, kernel_size=1, bias=false),
      nn.BatchNorm2d(bn_size * growth_rate),
      new act_fn(),
      nn.Conv2d(bn_size * growth_rate, growth_rate, kernel_size=3, padding=1, bias=false)
    );
  }

  forward(x) {
    let out = this.net(x);
    out = torch.cat([out, x], dim=1);
    return out;
  }
}`,
  `class DenseBlock extends nn.Module {

  constructor(c_in, num_layers, bn_size, growth_rate, act_fn) {
    super();
    const layers = [];
    for (const layer_idx of range(num_layers)) {
      layers.push(
        DenseLayer(c_in + layer_idx * growth_rate, // Input channels are original plus the feature maps from previous layers
                   bn_size,
                   growth_rate,
                   act_fn)
      );
    }
    this.block = nn.Sequential(...layers);
  }

  forward(x) {
    const out = this.block(x);
    return out;
  }
}`,
  `class TransitionLayer extends nn.Module {

  constructor(c_in, c_out, act_fn) {
    super();
    this.transition = nn.Sequential(
      nn.BatchNorm2d(c_in),
      new act_fn(),
      nn.Conv2d(c_in, c_out, kernel_size=1, bias=false),
      nn.AvgPool2d(kernel_size=2, stride=2) // Average the output for each 2x2 pixel group
    );
  }

  forward(x) {
    return this.transition(x);
  }
}`,
  `class DenseNet extends nn.Module {

  constructor({num_classes=10, num_layers=[6,6,6,6], bn_size=2, growth_rate=16, act_fn_name="relu", ...kwargs} = {}) {
    super();
    this.hparams = {num_classes: num_classes,
                    num_layers: num_layers,
                    bn_size: bn_size,
                    growth_rate: growth_rate,
                    act_fn_name: act_fn_name,
                    act_fn: act_fn_by_name[act_fn_name]};
    this._create_network();
    this._init_params();
  }

  _create_network() {
    let c_hidden = this.hparams.growth_rate * this.hparams.bn_size; // The start number of hidden channels

    // A first convolution on the original image to scale up the channel size
    this.input_net = nn.Sequential(
      nn.Conv2d(3, c_hidden, kernel_size=3, padding=1) // No batch norm or activation function as done inside the Dense layers
    );

    // Creating the dense blocks, eventually including transition layers
    const blocks = [];
    for (const [block_idx, num_layers] of enumerate(this.hparams.num_layers)) {
      blocks.push(
        DenseBlock(c_hidden,
                   num_layers,
                   this.hparams.bn_size,
                   this.hparams.growth_rate,
                   this.hparams.act_fn)
      );
      c_hidden = c_hidden + num_layers * this.hparams.growth_rate; // Overall output of the dense block
      if (block_idx < len(this.hparams.num_layers)-1) { // Don't apply transition layer on last block
        blocks.push(
          TransitionLayer(c_hidden,
                          Math.floor(c_hidden / 2),
                          this.hparams.act_fn));
        c_hidden = Math.floor(c_hidden / 2);
      }
    }

    this.blocks = nn.Sequential(...blocks);

    // Mapping to classification output
    this.output_net = nn.Sequential(
      nn.BatchNorm2d(c_hidden), // The features have not passed a non-linearity until here.
      new this.hparams.act_fn(),
      nn.AdaptiveAvgPool2d([1,1]),
      nn.Flatten(),
      nn.Linear(c_hidden, this.hparams.num_classes)
    );
  }

  _init_params() {
    // Based on our discussion in Tutorial 4, we should initialize the convolutions according to the activation function
    for (const m of this.modules()) {
      if (isinstance(m, nn.Conv2d)) {
        nn.init.kaiming_normal_(m.weight, nonlinearity=this.hparams.act_fn_name);
      } else if (isinstance(m, nn.BatchNorm2d)) {
        nn.init.constant_(m.weight, 1);
        nn.init.constant_(m.bias, 0);
      }
    }
  }

  forward(x) {
    x = this.input_net(x);
    x = this.blocks(x);
    x = this.output_net(x);
    return x;
  }
}`,
  `model_dict["DenseNet"] = DenseNet;`,
  `const [densenet_model, densenet_results] = train_model("DenseNet", {model_hparams: {"num_classes": 10,
                                                                                  "num_layers": [6,6,6,6],
                                                                                  "bn_size": 2,
                                                                                  "growth_rate": 16,
                                                                                  "act_fn_name": "relu"},
                                                                   optimizer_name: "Adam",
                                                                   optimizer_hparams: {"lr": 1e-3,
                                                                                       "weight_decay": 1e-4}});`,
  `const all_models = [
  ["GoogleNet", googlenet_results, googlenet_model],
  ["ResNet", resnet_results, resnet_model],
  ["ResNetPreAct", resnetpreact_results, resnetpreact_model],
  ["DenseNet", densenet_results, densenet_model]
] as const;
const table = all_models.map(([model_name, model_results, model]) => [model_name,
          \`\${100.0*model_results['val']:4.2f}%\`,
          \`\${sum(list(model.parameters()).map((p) => p.numel())):,}\`]);
print(\`\${'Model':<14}\${'Val Accuracy':>14}\${'Num Parameters':>16}\`);
for (const row of table) {
  print(\`\${row[0]:<14}\${row[1]:>14}\${row[2]:>16}\`);
}`,
];

export const T9 = [
  `const data = torch.utils.data;

const CHECKPOINT_PATH = "saved_models/tutorial9";

torch.manual_seed(42);

const device = torch.cuda.is_available() ? torch.device("cuda:0") : torch.device("cpu");
print("Device:", device);`,
  `torch.manual_seed(1234);
const train_dataset = data.TensorDataset(torch.rand(12, 3, 32, 32) * 2 - 1, torch.randint(0, 10, [12]));
const test_set = data.TensorDataset(torch.rand(4, 3, 32, 32) * 2 - 1, torch.randint(0, 10, [4]));
torch.manual_seed(42);
const [train_set, val_set] = torch.utils.data.random_split(train_dataset, [8, 4]);

const train_loader = data.DataLoader(train_set, batch_size=4, shuffle=true, drop_last=true, pin_memory=true);
const val_loader = data.DataLoader(val_set, batch_size=4, shuffle=false, drop_last=false);
const test_loader = data.DataLoader(test_set, batch_size=4, shuffle=false, drop_last=false);

function get_train_images(num) {
  return torch.stack(list(range(num)).map((i) => train_dataset[i][0]), dim=0);
}`,
  `class Encoder extends nn.Module {

  constructor(num_input_channels: number,
              base_channel_size: number,
              latent_dim: number,
              act_fn: any = nn.GELU) {
    super();
    const c_hid = base_channel_size;
    this.net = nn.Sequential(
      nn.Conv2d(num_input_channels, c_hid, kernel_size=3, padding=1, stride=2), // 32x32 => 16x16
      new act_fn(),
      nn.Conv2d(c_hid, c_hid, kernel_size=3, padding=1),
      new act_fn(),
      nn.Conv2d(c_hid, 2*c_hid, kernel_size=3, padding=1, stride=2), // 16x16 => 8x8
      new act_fn(),
      nn.Conv2d(2*c_hid, 2*c_hid, kernel_size=3, padding=1),
      new act_fn(),
      nn.Conv2d(2*c_hid, 2*c_hid, kernel_size=3, padding=1, stride=2), // 8x8 => 4x4
      new act_fn(),
      nn.Flatten(), // Image grid to single feature vector
      nn.Linear(2*16*c_hid, latent_dim)
    );
  }

  forward(x) {
    return this.net(x);
  }
}`,
  `class Decoder extends nn.Module {

  constructor(num_input_channels: number,
              base_channel_size: number,
              latent_dim: number,
              act_fn: any = nn.GELU) {
    super();
    const c_hid = base_channel_size;
    this.linear = nn.Sequential(
      nn.Linear(latent_dim, 2*16*c_hid),
      new act_fn()
    );
    this.net = nn.Sequential(
      nn.ConvTranspose2d(2*c_hid, 2*c_hid, kernel_size=3, output_padding=1, padding=1, stride=2), // 4x4 => 8x8
      new act_fn(),
      nn.Conv2d(2*c_hid, 2*c_hid, kernel_size=3, padding=1),
      new act_fn(),
      nn.ConvTranspose2d(2*c_hid, c_hid, kernel_size=3, output_padding=1, padding=1, stride=2), // 8x8 => 16x16
      new act_fn(),
      nn.Conv2d(c_hid, c_hid, kernel_size=3, padding=1),
      new act_fn(),
      nn.ConvTranspose2d(c_hid, num_input_channels, kernel_size=3, output_padding=1, padding=1, stride=2), // 16x16 => 32x32
      nn.Tanh() // The input images is scaled between -1 and 1, hence the output has to be bounded as well
    );
  }

  forward(x) {
    x = this.linear(x);
    x = x.reshape(x.shape[0], -1, 4, 4);
    x = this.net(x);
    return x;
  }
}`,
  `class Autoencoder extends nn.Module {

  constructor(base_channel_size: number,
              latent_dim: number,
              encoder_class: any = Encoder,
              decoder_class: any = Decoder,
              num_input_channels: number = 3,
              width: number = 32,
              height: number = 32) {
    super();
    this.hparams = {base_channel_size, latent_dim};
    // Creating encoder and decoder
    this.encoder = new encoder_class(num_input_channels, base_channel_size, latent_dim);
    this.decoder = new decoder_class(num_input_channels, base_channel_size, latent_dim);
    // Example input array needed for visualizing the graph of the network
    this.example_input_array = torch.zeros(2, num_input_channels, width, height);
  }

  forward(x) {
    const z = this.encoder(x);
    const x_hat = this.decoder(z);
    return x_hat;
  }

  _get_reconstruction_loss(batch) {
    const [x, _] = batch; // We do not need the labels
    const x_hat = this.forward(x);
    let loss = F.mse_loss(x, x_hat, reduction="none");
    loss = loss.sum(dim=[1,2,3]).mean(dim=[0]);
    return loss;
  }

  configure_optimizers() {
    const optimizer = optim.Adam(this.parameters(), lr=1e-3);
    const scheduler = optim.lr_scheduler.ReduceLROnPlateau(optimizer,
                                                           mode='min',
                                                           factor=0.2,
                                                           patience=20,
                                                           min_lr=5e-5);
    return {"optimizer": optimizer, "lr_scheduler": scheduler, "monitor": "val_loss"};
  }

  training_step(batch, batch_idx) {
    const loss = this._get_reconstruction_loss(batch);
    return loss;
  }

  validation_step(batch, batch_idx) {
    const loss = this._get_reconstruction_loss(batch);
    return loss;
  }
}`,
  `function compare_imgs(img1, img2, title_prefix="") {
  // Calculate MSE loss between both images
  const loss = F.mse_loss(img1, img2, reduction="sum");
  let grid = torchvision.utils.make_grid(torch.stack([img1, img2], dim=0), nrow=2, normalize=true, value_range=[-1,1]);
  grid = grid.permute(1, 2, 0);
  print(\`\${title_prefix} Loss: \${loss.item():4.2f}\`, grid.shape);
}

for (const i of range(2)) {
  // Load example image
  const [img, _] = train_dataset[i];
  const img_mean = img.mean(dim=[1,2], keepdims=true);

  // Shift image by one pixel
  const SHIFT = 1;
  let img_shifted = torch.roll(img, shifts=SHIFT, dims=1);
  img_shifted = torch.roll(img_shifted, shifts=SHIFT, dims=2);
  img_shifted[":,:1,:"] = img_mean;
  img_shifted[":,:,:1"] = img_mean;
  compare_imgs(img, img_shifted, "Shifted -");

  // Set half of the image to zero
  const img_masked = img.clone();
  img_masked[\`:,:\${Math.floor(img_masked.shape[1]/2)},:\`] = img_mean;
  compare_imgs(img, img_masked, "Masked -");
}`,
  `function train_cifar(latent_dim) {
  torch.manual_seed(42);
  const model = Autoencoder(8, latent_dim);
  const config = model.configure_optimizers();
  const [optimizer, scheduler] = [config["optimizer"], config["lr_scheduler"]];
  let val_loss;
  for (const epoch of range(2)) {
    model.train();
    let loss;
    for (const [batch_idx, batch] of enumerate(train_loader)) {
      loss = model.training_step(batch, batch_idx);
      optimizer.zero_grad();
      loss.backward();
      optimizer.step();
    }
    model.eval();
    torch.no_grad(() => {
      val_loss = sum(list(enumerate(val_loader)).map(([i, batch]) => model.validation_step(batch, i).item())) / len(val_loader);
    });
    scheduler.step(val_loss);
    print(\`latent \${latent_dim} epoch \${epoch}: train_loss \${loss.item():.3f}, val_loss \${val_loss:.3f}\`);
  }
  let test_loss;
  torch.no_grad(() => {
    test_loss = sum(list(enumerate(test_loader)).map(([i, batch]) => model.validation_step(batch, i).item())) / len(test_loader);
  });
  const result = {"test": [{"test_loss": test_loss}], "val": [{"test_loss": val_loss}]};
  return [model, result] as const;
}`,
  `const model_dict = {};
for (const latent_dim of [64, 128]) {
  const [model_ld, result_ld] = train_cifar(latent_dim);
  model_dict[latent_dim] = {"model": model_ld, "result": result_ld};
}`,
  `const latent_dims = sorted(Object.keys(model_dict).map(Number));
const val_scores = latent_dims.map((k) => model_dict[k]["result"]["val"][0]["test_loss"]);
print("Reconstruction error over latent dimensionality", val_scores.map((v) => \`\${v:.3f}\`));`,
  `function visualize_reconstructions(model, input_imgs) {
  // Reconstruct images
  model.eval();
  let reconst_imgs;
  torch.no_grad(() => {
    reconst_imgs = model(input_imgs.to(device));
  });
  reconst_imgs = reconst_imgs.cpu();

  const imgs = torch.stack([input_imgs, reconst_imgs], dim=1).flatten(0,1);
  let grid = torchvision.utils.make_grid(imgs, nrow=4, normalize=true, value_range=[-1,1]);
  grid = grid.permute(1, 2, 0);
  print(\`Reconstructed from \${model.hparams.latent_dim} latents\`, grid.shape, \`\${grid.mean().item():.4f}\`);
  print(grid["2:5, 36:39, 0"]);
}`,
  `const input_imgs = get_train_images(4);
for (const latent_dim in model_dict) {
  visualize_reconstructions(model_dict[latent_dim]["model"], input_imgs);
}`,
  `const plain_imgs = torch.zeros(4, 3, 32, 32);

// Single color channel
plain_imgs["1,0"] = 1;
// Checkboard pattern
plain_imgs["2,:,:16,:16"] = 1;
plain_imgs["2,:,16:,16:"] = -1;
// Color progression
const [xx, yy] = torch.meshgrid(torch.linspace(-1,1,32), torch.linspace(-1,1,32));
plain_imgs["3,0,:,:"] = xx;
plain_imgs["3,1,:,:"] = yy;

visualize_reconstructions(model_dict[128]["model"], plain_imgs);`,
];
