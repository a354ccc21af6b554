/**
 * HEADER
 */
import * as fs from "fs";
import * as path from "path";
import { cellsOf, sectionsForSuite, type CellOutput } from "./_notebooks";
import { expectSameCells } from "./_tutorial";

const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "uva.json"), "utf8")) as Record<string, CellOutput[]>;

const T2 = [
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

describe("UvA DL course tutorials (Phillip Lippe) as one notebook through `torchlab run`", () => {
  const nbs = sectionsForSuite("uva", { uva: { t2: T2 } });

  test("tutorial 2, Introduction to PyTorch: tensors, view / permute / matmul / indexing, requires_grad_ and backward, SimpleClassifier, the XORDataset, DataLoader, train_model, state_dict save / load, eval_model", () => {
    expectSameCells(cellsOf(nbs.t2), R.t2);
  });
});
