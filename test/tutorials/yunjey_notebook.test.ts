/**
 * yunjey/pytorch-tutorial as a user runs it: pytorch_basics (autograd), linear_regression,
 * feedforward_neural_network, generative_adversarial_network and variational_autoencoder as cells of
 * one notebook through `torchlab run` (the real kernel, its prelude, the type checker and the notebook
 * dialect: `1.` literals, `w * x + b`, `(predicted == labels).sum()`, `- 0.5 * torch.sum(1 + log_var - ...)`).
 * The printed output must be PyTorch's (test/reference/gen_yunjey.py, yunjey.json); the sizes are those
 * of the plain ports (yunjey_basics / yunjey_advanced.test.ts).
 */
import { notebooksForSuite, printedText } from "./_notebooks";
import { expectSamePrint } from "./_tutorial";
import { R } from "./_yunjey";

const BASICS = [
  `torch.manual_seed(0);
// ================================================================== //
//                     1. Basic autograd example 1                    //
// ================================================================== //
// Create tensors.
let x = torch.tensor(1., {requires_grad: true});
let w = torch.tensor(2., {requires_grad: true});
let b = torch.tensor(3., {requires_grad: true});
// Build a computational graph.
let y = w * x + b;    // y = 2 * x + 3
// Compute gradients.
y.backward();
// Print out the gradients.
console.log(x.grad);    // x.grad = 2
console.log(w.grad);    // w.grad = 1
console.log(b.grad);    // b.grad = 1`,
  `// ================================================================== //
//                    2. Basic autograd example 2                     //
// ================================================================== //
// Create tensors of shape (10, 3) and (10, 2).
x = torch.randn(10, 3);
y = torch.randn(10, 2);
// Build a fully connected layer.
const linear = new nn.Linear(3, 2);
console.log('w: ', linear.weight);
console.log('b: ', linear.bias);
// Build loss function and optimizer.
const criterion = new nn.MSELoss();
const optimizer = new torch.optim.SGD(linear.parameters(), {lr: 0.01});
// Forward pass.
let pred = linear(x);
// Compute loss.
let loss = criterion(pred, y);
console.log('loss: ', loss.item());
// Backward pass.
loss.backward();
// Print out the gradients.
console.log('dL/dw: ', linear.weight.grad);
console.log('dL/db: ', linear.bias.grad);
// 1-step gradient descent.
optimizer.step();
// You can also perform gradient descent at the low level.
// linear.weight.data.sub_(0.01 * linear.weight.grad.data)
// linear.bias.data.sub_(0.01 * linear.bias.grad.data)
// Print out the loss after 1-step gradient descent.
pred = linear(x);
loss = criterion(pred, y);
console.log('loss after 1 step optimization: ', loss.item());`,
];

const LINEAR_REGRESSION = [
  `{
torch.manual_seed(0);
// Hyper-parameters
const input_size = 1;
const output_size = 1;
const num_epochs = 60;
const learning_rate = 0.001;
// Toy dataset
const x_train = {data: new Float32Array([3.3, 4.4, 5.5, 6.71, 6.93, 4.168,
                                         9.779, 6.182, 7.59, 2.167, 7.042,
                                         10.791, 5.313, 7.997, 3.1]), shape: [15, 1]};
const y_train = {data: new Float32Array([1.7, 2.76, 2.09, 3.19, 1.694, 1.573,
                                         3.366, 2.596, 2.53, 1.221, 2.827,
                                         3.465, 1.65, 2.904, 1.3]), shape: [15, 1]};
// Linear regression model
const model = new nn.Linear(input_size, output_size);
// Loss and optimizer
const criterion = new nn.MSELoss();
const optimizer = new torch.optim.SGD(model.parameters(), {lr: learning_rate});
// Train the model
for (let epoch = 0; epoch < num_epochs; epoch++) {
  // Convert numpy arrays to torch tensors
  const inputs = torch.from_numpy(x_train);
  const targets = torch.from_numpy(y_train);
  // Forward pass
  const outputs = model(inputs);
  const loss = criterion(outputs, targets);
  // Backward and optimize
  optimizer.zero_grad();
  loss.backward();
  optimizer.step();
  if ((epoch+1) % 5 == 0)
    console.log(\`Epoch [\${epoch+1}/\${num_epochs}], Loss: \${loss.item().toFixed(4)}\`);
}
}`,
];

const FEEDFORWARD = [
  `torch.manual_seed(0);
// Device configuration
const device = torch.device(torch.cuda.is_available() ? 'cuda' : 'cpu');
// Hyper-parameters
const input_size = 784;
const hidden_size = 500;
const num_classes = 10;
const num_epochs = 2;
const batch_size = 50;
const learning_rate = 0.001;
// MNIST dataset (FakeData: the same images as torchvision's)
const train_dataset = new torchvision.datasets.FakeData({size: 200, image_size: [1, 28, 28], num_classes: 10,
                                                         transform: new transforms.ToTensor()});
const test_dataset = new torchvision.datasets.FakeData({size: 100, image_size: [1, 28, 28], num_classes: 10,
                                                        transform: new transforms.ToTensor(), random_offset: 1000});
// Data loader
const train_loader = new torch.utils.data.DataLoader({dataset: train_dataset,
                                                      batch_size: batch_size,
                                                      shuffle: true});
const test_loader = new torch.utils.data.DataLoader({dataset: test_dataset,
                                                     batch_size: batch_size,
                                                     shuffle: false});`,
  `// Fully connected neural network with one hidden layer
class NeuralNet extends nn.Module {
  fc1: nn.Linear; relu: nn.ReLU; fc2: nn.Linear;
  constructor(input_size: number, hidden_size: number, num_classes: number) {
    super();
    this.fc1 = new nn.Linear(input_size, hidden_size);
    this.relu = new nn.ReLU();
    this.fc2 = new nn.Linear(hidden_size, num_classes);
  }
  forward(x: torch.Tensor) {
    let out = this.fc1(x);
    out = this.relu(out);
    out = this.fc2(out);
    return out;
  }
}
const model = new NeuralNet(input_size, hidden_size, num_classes).to(device);
console.log(model);`,
  `// Loss and optimizer
const criterion = new nn.CrossEntropyLoss();
const optimizer = new torch.optim.Adam(model.parameters(), {lr: learning_rate});
// Train the model
const total_step = train_loader.length;
for (let epoch = 0; epoch < num_epochs; epoch++) {
  let i = 0;
  for (let [images, labels] of train_loader) {
    // Move tensors to the configured device
    images = images.reshape(-1, 28*28).to(device);
    labels = labels.to(device);
    // Forward pass
    const outputs = model(images);
    const loss = criterion(outputs, labels);
    // Backward and optimize
    optimizer.zero_grad();
    loss.backward();
    optimizer.step();
    if ((i+1) % 2 == 0)
      console.log(\`Epoch [\${epoch+1}/\${num_epochs}], Step [\${i+1}/\${total_step}], Loss: \${loss.item().toFixed(4)}\`);
    i++;
  }
}`,
  `// Test the model
// In test phase, we don't need to compute gradients (for memory efficiency)
torch.no_grad(() => {
  let correct = 0;
  let total = 0;
  for (let [images, labels] of test_loader) {
    images = images.reshape(-1, 28*28).to(device);
    labels = labels.to(device);
    const outputs = model(images);
    const [_, predicted] = torch.max(outputs.data, 1);
    total += labels.size(0);
    correct += (predicted == labels).sum().item();
  }
  console.log(\`Accuracy of the network on the 10000 test images: \${100 * correct / total} %\`);
});`,
];

const GAN = [
  `{
torch.manual_seed(0);
const device = torch.device('cpu');
// Hyper-parameters
const latent_size = 16;
const hidden_size = 32;
const image_size = 784;
const num_epochs = 2;
const batch_size = 50;
// Image processing
const transform = new transforms.Compose([
                new transforms.ToTensor(),
                new transforms.Normalize({mean: [0.5],   // 1 for greyscale channels
                                          std: [0.5]})]);
// MNIST dataset (FakeData)
const mnist = new torchvision.datasets.FakeData({size: 100, image_size: [1, 28, 28], transform: transform});
// Data loader
const data_loader = new torch.utils.data.DataLoader({dataset: mnist, batch_size: batch_size, shuffle: true});
// Discriminator
let D = new nn.Sequential(
    new nn.Linear(image_size, hidden_size),
    new nn.LeakyReLU(0.2),
    new nn.Linear(hidden_size, hidden_size),
    new nn.LeakyReLU(0.2),
    new nn.Linear(hidden_size, 1),
    new nn.Sigmoid());
// Generator
let G = new nn.Sequential(
    new nn.Linear(latent_size, hidden_size),
    new nn.ReLU(),
    new nn.Linear(hidden_size, hidden_size),
    new nn.ReLU(),
    new nn.Linear(hidden_size, image_size),
    new nn.Tanh());
D = D.to(device);
G = G.to(device);
// Binary cross entropy loss and optimizer
const criterion = new nn.BCELoss();
const d_optimizer = new torch.optim.Adam(D.parameters(), {lr: 0.0002});
const g_optimizer = new torch.optim.Adam(G.parameters(), {lr: 0.0002});
function denorm(x: torch.Tensor) {
  const out = (x + 1) / 2;
  return out.clamp(0, 1);
}
function reset_grad() {
  d_optimizer.zero_grad();
  g_optimizer.zero_grad();
}
// Start training
const total_step = data_loader.length;
for (let epoch = 0; epoch < num_epochs; epoch++) {
  let i = 0;
  for (let [images, _] of data_loader) {
    images = images.reshape(batch_size, -1).to(device);
    // Create the labels which are later used as input for the BCE loss
    const real_labels = torch.ones(batch_size, 1).to(device);
    const fake_labels = torch.zeros(batch_size, 1).to(device);
    // Train the discriminator
    let outputs = D(images);
    const d_loss_real = criterion(outputs, real_labels);
    const real_score = outputs;
    let z = torch.randn(batch_size, latent_size).to(device);
    let fake_images = G(z);
    outputs = D(fake_images);
    const d_loss_fake = criterion(outputs, fake_labels);
    const fake_score = outputs;
    const d_loss = d_loss_real + d_loss_fake;
    reset_grad();
    d_loss.backward();
    d_optimizer.step();
    // Train the generator
    z = torch.randn(batch_size, latent_size).to(device);
    fake_images = G(z);
    outputs = D(fake_images);
    const g_loss = criterion(outputs, real_labels);
    reset_grad();
    g_loss.backward();
    g_optimizer.step();
    if ((i+1) % 1 == 0)
      console.log(\`Epoch [\${epoch}/\${num_epochs}], Step [\${i+1}/\${total_step}], d_loss: \${d_loss.item().toFixed(4)}, g_loss: \${g_loss.item().toFixed(4)}, D(x): \${real_score.mean().item().toFixed(2)}, D(G(z)): \${fake_score.mean().item().toFixed(2)}\`);
    i++;
  }
}
}`,
];

const VAE = [
  `{
torch.manual_seed(0);
const device = torch.device('cpu');
// Hyper-parameters
const image_size = 784;
const h_dim = 64;
const z_dim = 8;
const num_epochs = 2;
const batch_size = 32;
const learning_rate = 1e-3;
const dataset = new torchvision.datasets.FakeData({size: 64, image_size: [1, 28, 28], transform: new transforms.ToTensor()});
const data_loader = new torch.utils.data.DataLoader({dataset: dataset, batch_size: batch_size, shuffle: true});
// VAE model
class VAE extends nn.Module {
  fc1: nn.Linear; fc2: nn.Linear; fc3: nn.Linear; fc4: nn.Linear; fc5: nn.Linear;
  constructor(image_size=784, h_dim=400, z_dim=20) {
    super();
    this.fc1 = new nn.Linear(image_size, h_dim);
    this.fc2 = new nn.Linear(h_dim, z_dim);
    this.fc3 = new nn.Linear(h_dim, z_dim);
    this.fc4 = new nn.Linear(z_dim, h_dim);
    this.fc5 = new nn.Linear(h_dim, image_size);
  }
  encode(x: torch.Tensor): [torch.Tensor, torch.Tensor] {
    const h = F.relu(this.fc1(x));
    return [this.fc2(h), this.fc3(h)];
  }
  reparameterize(mu: torch.Tensor, log_var: torch.Tensor) {
    const std = torch.exp(log_var/2);
    const eps = torch.randn_like(std);
    return mu + eps * std;
  }
  decode(z: torch.Tensor) {
    const h = F.relu(this.fc4(z));
    return F.sigmoid(this.fc5(h));
  }
  forward(x: torch.Tensor): [torch.Tensor, torch.Tensor, torch.Tensor] {
    const [mu, log_var] = this.encode(x);
    const z = this.reparameterize(mu, log_var);
    const x_reconst = this.decode(z);
    return [x_reconst, mu, log_var];
  }
}
const model = new VAE(image_size, h_dim, z_dim).to(device);
const optimizer = new torch.optim.Adam(model.parameters(), {lr: learning_rate});
// Start training
let x = torch.zeros(0);  // Python's loop variable outlives the loop
for (let epoch = 0; epoch < num_epochs; epoch++) {
  let i = 0;
  for (let [images, _] of data_loader) {
    // Forward pass
    x = images.to(device).view(-1, image_size);
    const [x_reconst, mu, log_var] = model(x);
    // Compute reconstruction loss and kl divergence
    const reconst_loss = F.binary_cross_entropy(x_reconst, x, {size_average: false});
    const kl_div = - 0.5 * torch.sum(1 + log_var - mu.pow(2) - log_var.exp());
    // Backprop and optimize
    const loss = reconst_loss + kl_div;
    optimizer.zero_grad();
    loss.backward();
    optimizer.step();
    if ((i+1) % 1 == 0)
      console.log(\`Epoch[\${epoch+1}/\${num_epochs}], Step [\${i+1}/\${data_loader.length}], Reconst Loss: \${reconst_loss.item().toFixed(4)}, KL Div: \${kl_div.item().toFixed(4)}\`);
    i++;
  }
  torch.no_grad(() => {
    // The sampled and the reconstructed images (the tutorial saves them with save_image)
    const z = torch.randn(batch_size, z_dim).to(device);
    let out = model.decode(z).view(-1, 1, 28, 28);
    [out] = model(x);
    const x_concat = torch.cat([x.view(-1, 1, 28, 28), out.view(-1, 1, 28, 28)], {dim: 3});
    console.log(x_concat.shape);
  });
}
}`,
];

describe("yunjey/pytorch-tutorial as notebook cells through `torchlab run`", () => {
  const nbs = notebooksForSuite("yunjey", { yunjey: [...BASICS, ...LINEAR_REGRESSION, ...FEEDFORWARD, ...GAN, ...VAE] }, 300_000);

  test("the prints are PyTorch's: autograd, linear regression, the feedforward net, GAN and VAE losses", () => {
    const basics = R.pytorch_basics.printed as string[];
    const vae = R.variational_autoencoder.printed as string[];
    const autograd = basics.slice(0, basics.findIndex((l) => l.startsWith("loss after 1 step")) + 1);
    const want = [...autograd, ...(R.linear_regression.printed as string[]), ...(R.feedforward_neural_network.printed as string[]), ...(R.generative_adversarial_network.printed as string[]), ...vae.slice(0, 2), "torch.Size([32, 1, 28, 56])", ...vae.slice(2), "torch.Size([32, 1, 28, 56])"];
    expectSamePrint(printedText(nbs.yunjey, true).replace(/\n$/, ""), want.join("\n"), 1e-3);
  });
});
