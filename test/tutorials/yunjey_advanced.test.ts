/**
 * yunjey/pytorch-tutorial, tutorials/03-advanced (generative_adversarial_network, variational_autoencoder,
 * neural_style_transfer), ported line by line against PyTorch 1.13 (test/reference/gen_yunjey.py,
 * yunjey.json). MNIST is torchvision's FakeData, sizes and epochs are reduced; the style transfer's
 * pretrained vgg19 is a small VGG-like net of seeded weights and its PNGs seeded images.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { torch, torchvision } from "../../src";
import { expectSamePrint, expectValues } from "./_tutorial";
import { printer } from "./_recipes";
import { lines, R } from "./_yunjey";

const nn = torch.nn;
const F = nn.functional;
const transforms = torchvision.transforms;
const { save_image } = torchvision.utils;
type Tensor = InstanceType<typeof torch.Tensor>;
const device = torch.device("cpu");

let sample_dir = "";
beforeAll(() => {
  sample_dir = fs.mkdtempSync(path.join(os.tmpdir(), "yunjey-samples-"));
});
afterAll(() => fs.rmSync(sample_dir, { recursive: true, force: true }));

test("generative_adversarial_network: D and G as nn.Sequential, BCELoss, save_image of denorm(images)", () => {
  const [printed, print] = printer();
  torch.manual_seed(0);
  const latent_size = 16;
  const hidden_size = 32;
  const image_size = 784;
  const num_epochs = 2;
  const batch_size = 50;
  // Image processing
  const transform = new transforms.Compose([new transforms.ToTensor(), new transforms.Normalize({ mean: [0.5], std: [0.5] })]);
  // MNIST dataset (FakeData)
  const mnist = new torchvision.datasets.FakeData({ size: 100, image_size: [1, 28, 28], transform: transform });
  const data_loader = new torch.utils.data.DataLoader({ dataset: mnist, batch_size: batch_size, shuffle: true });
  // Discriminator
  let D = new nn.Sequential(
    new nn.Linear(image_size, hidden_size),
    new nn.LeakyReLU(0.2),
    new nn.Linear(hidden_size, hidden_size),
    new nn.LeakyReLU(0.2),
    new nn.Linear(hidden_size, 1),
    new nn.Sigmoid(),
  );
  // Generator
  let G = new nn.Sequential(
    new nn.Linear(latent_size, hidden_size),
    new nn.ReLU(),
    new nn.Linear(hidden_size, hidden_size),
    new nn.ReLU(),
    new nn.Linear(hidden_size, image_size),
    new nn.Tanh(),
  );
  // Device setting
  D = D.to(device);
  G = G.to(device);
  // Binary cross entropy loss and optimizer
  const criterion = new nn.BCELoss();
  const d_optimizer = new torch.optim.Adam(D.parameters(), { lr: 0.0002 });
  const g_optimizer = new torch.optim.Adam(G.parameters(), { lr: 0.0002 });

  function denorm(x: Tensor) {
    const out = x.add(1).div(2);
    return out.clamp(0, 1);
  }
  function reset_grad() {
    d_optimizer.zero_grad();
    g_optimizer.zero_grad();
  }

  // Start training
  const total_step = torch.utils.data.len(data_loader);
  let fake_images = torch.zeros(0);
  for (let epoch = 0; epoch < num_epochs; epoch++) {
    let i = 0;
    let images = torch.zeros(0);
    for (const [batch] of data_loader) {
      images = batch.reshape(batch_size, -1).to(device);
      // Create the labels which are later used as input for the BCE loss
      const real_labels = torch.ones(batch_size, 1).to(device);
      const fake_labels = torch.zeros(batch_size, 1).to(device);

      // Train the discriminator
      let outputs = D(images);
      const d_loss_real = criterion(outputs, real_labels);
      const real_score = outputs;
      let z = torch.randn(batch_size, latent_size).to(device);
      fake_images = G(z);
      outputs = D(fake_images);
      const d_loss_fake = criterion(outputs, fake_labels);
      const fake_score = outputs;
      const d_loss = d_loss_real.add(d_loss_fake);
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
      if ((i + 1) % 1 === 0) {
        print(
          `Epoch [${epoch}/${num_epochs}], Step [${i + 1}/${total_step}], d_loss: ${d_loss.item().toFixed(4)}, g_loss: ${g_loss.item().toFixed(4)}, ` +
            `D(x): ${real_score.mean().item().toFixed(2)}, D(G(z)): ${fake_score.mean().item().toFixed(2)}`,
        );
      }
      i++;
    }
    // Save real images
    if (epoch + 1 === 1) {
      images = images.reshape(images.size(0), 1, 28, 28);
      save_image(denorm(images), path.join(sample_dir, "real_images.png"));
    }
    // Save sampled images
    fake_images = fake_images.reshape(fake_images.size(0), 1, 28, 28);
    save_image(denorm(fake_images), path.join(sample_dir, `fake_images-${epoch + 1}.png`));
  }
  expect(fs.readdirSync(sample_dir).filter((f) => f.endsWith("_images.png") || f.startsWith("fake_images-")).sort()).toEqual(["fake_images-1.png", "fake_images-2.png", "real_images.png"]);
  const grid = torchvision.utils.make_grid(denorm(fake_images));
  expect(grid.shape).toEqual(R.generative_adversarial_network.grid_shape);
  expectValues(grid.index(":, 30:32, 30:34"), R.generative_adversarial_network.grid as number[], 1e-3);
  expectSamePrint(printed.join("\n"), lines("generative_adversarial_network"), 1e-3);
});

// VAE model
class VAE extends nn.Module {
  fc1: InstanceType<typeof nn.Linear>;
  fc2: InstanceType<typeof nn.Linear>;
  fc3: InstanceType<typeof nn.Linear>;
  fc4: InstanceType<typeof nn.Linear>;
  fc5: InstanceType<typeof nn.Linear>;
  constructor(image_size = 784, h_dim = 400, z_dim = 20) {
    super();
    this.fc1 = new nn.Linear(image_size, h_dim);
    this.fc2 = new nn.Linear(h_dim, z_dim);
    this.fc3 = new nn.Linear(h_dim, z_dim);
    this.fc4 = new nn.Linear(z_dim, h_dim);
    this.fc5 = new nn.Linear(h_dim, image_size);
  }
  encode(x: Tensor): [Tensor, Tensor] {
    const h = F.relu(this.fc1(x));
    return [this.fc2(h), this.fc3(h)];
  }
  reparameterize(mu: Tensor, log_var: Tensor): Tensor {
    const std = torch.exp(log_var.div(2));
    const eps = torch.randn_like(std);
    return mu.add(eps.mul(std));
  }
  decode(z: Tensor): Tensor {
    const h = F.relu(this.fc4(z));
    return F.sigmoid(this.fc5(h));
  }
  forward(x: Tensor): [Tensor, Tensor, Tensor] {
    const [mu, log_var] = this.encode(x);
    const z = this.reparameterize(mu, log_var);
    const x_reconst = this.decode(z);
    return [x_reconst, mu, log_var];
  }
}

test("variational_autoencoder: F.binary_cross_entropy(size_average=False) + KL divergence, save_image of torch.cat(dim=3)", () => {
  const [printed, print] = printer();
  torch.manual_seed(0);
  const image_size = 784;
  const h_dim = 64;
  const z_dim = 8;
  const num_epochs = 2;
  const batch_size = 32;
  const learning_rate = 1e-3;
  const dataset = new torchvision.datasets.FakeData({ size: 64, image_size: [1, 28, 28], transform: new transforms.ToTensor() });
  const data_loader = new torch.utils.data.DataLoader({ dataset: dataset, batch_size: batch_size, shuffle: true });
  const model = new VAE(image_size, h_dim, z_dim).to(device);
  const optimizer = new torch.optim.Adam(model.parameters(), { lr: learning_rate });
  let x_concat = torch.zeros(0);
  for (let epoch = 0; epoch < num_epochs; epoch++) {
    let i = 0;
    let x = torch.zeros(0);
    for (const [batch] of data_loader) {
      // Forward pass
      x = batch.to(device).view(-1, image_size);
      const [x_reconst, mu, log_var] = model(x);
      // Compute reconstruction loss and kl divergence
      const reconst_loss = F.binary_cross_entropy(x_reconst, x, { size_average: false });
      const kl_div = torch.sum(log_var.add(1).sub(mu.pow(2)).sub(log_var.exp())).mul(-0.5);
      // Backprop and optimize
      const loss = reconst_loss.add(kl_div);
      optimizer.zero_grad();
      loss.backward();
      optimizer.step();
      if ((i + 1) % 1 === 0) {
        print(`Epoch[${epoch + 1}/${num_epochs}], Step [${i + 1}/${torch.utils.data.len(data_loader)}], Reconst Loss: ${reconst_loss.item().toFixed(4)}, KL Div: ${kl_div.item().toFixed(4)}`);
      }
      i++;
    }
    torch.no_grad(() => {
      // Save the sampled images
      const z = torch.randn(batch_size, z_dim).to(device);
      let out = model.decode(z).view(-1, 1, 28, 28);
      save_image(out, path.join(sample_dir, `sampled-${epoch + 1}.png`));
      // Save the reconstructed images
      [out] = model(x);
      x_concat = torch.cat([x.view(-1, 1, 28, 28), out.view(-1, 1, 28, 28)], { dim: 3 });
      save_image(x_concat, path.join(sample_dir, `reconst-${epoch + 1}.png`));
    });
  }
  expect(x_concat.shape).toEqual(R.variational_autoencoder.x_concat_shape);
  expectValues(x_concat.index("0, 0, 10, 20:36"), R.variational_autoencoder.x_concat as number[], 1e-4);
  expect(fs.existsSync(path.join(sample_dir, "reconst-2.png"))).toBe(true);
  expectSamePrint(printed.join("\n"), lines("variational_autoencoder"), 1e-3);
});

class VGGNet extends nn.Module {
  select: string[];
  vgg: InstanceType<typeof nn.Sequential>;
  /** Select conv1_1 ~ conv3_1 activation maps (of a small VGG-like net: no pretrained vgg19). */
  constructor() {
    super();
    this.select = ["0", "5", "10"];
    this.vgg = new nn.Sequential(
      new nn.Conv2d(3, 8, 3, { padding: 1 }), new nn.ReLU({ inplace: true }), new nn.Conv2d(8, 8, 3, { padding: 1 }), new nn.ReLU({ inplace: true }),
      new nn.MaxPool2d(2, 2),
      new nn.Conv2d(8, 16, 3, { padding: 1 }), new nn.ReLU({ inplace: true }), new nn.Conv2d(16, 16, 3, { padding: 1 }), new nn.ReLU({ inplace: true }),
      new nn.MaxPool2d(2, 2),
      new nn.Conv2d(16, 32, 3, { padding: 1 }), new nn.ReLU({ inplace: true }),
    );
  }
  /** Extract multiple convolutional feature maps. */
  forward(x: Tensor): Tensor[] {
    const features = [];
    for (const [name, layer] of Object.entries(this.vgg._modules)) {
      x = layer(x) as Tensor;
      if (this.select.includes(name)) features.push(x);
    }
    return features;
  }
}

test("neural_style_transfer: features through vgg._modules, gram matrices, Adam on the target image", () => {
  const [printed, print] = printer();
  torch.manual_seed(0);
  const config = { total_step: 6, log_step: 2, sample_step: 3, style_weight: 100, lr: 0.003 };
  const transform = new transforms.Compose([new transforms.ToTensor(), new transforms.Normalize({ mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225] })]);
  // load_image: the PNGs become seeded images of the same kind
  const to_pil = new transforms.ToPILImage();
  const content = transform(to_pil(torch.rand(3, 24, 24))).unsqueeze(0).to(device);
  const style = transform(to_pil(torch.rand(3, 24, 24))).unsqueeze(0).to(device);
  expectValues(content.index("0, :, 0, :4"), R.neural_style_transfer.content as number[], 1e-5);
  // Initialize a target image with the content image
  const target = content.clone().requires_grad_(true);
  const optimizer = new torch.optim.Adam([target], { lr: config.lr, betas: [0.5, 0.999] });
  const vgg = new VGGNet().to(device).eval();
  let img = torch.zeros(0);
  for (let step = 0; step < config.total_step; step++) {
    // Extract multiple(5) conv feature vectors
    const target_features = vgg(target);
    const content_features = vgg(content);
    const style_features = vgg(style);
    let style_loss: Tensor | number = 0;
    let content_loss: Tensor | number = 0;
    for (let k = 0; k < target_features.length; k++) {
      let [f1, f2, f3] = [target_features[k], content_features[k], style_features[k]];
      // Compute content loss with target and content images
      content_loss = torch.mean(f1.sub(f2).pow(2)).add(content_loss);
      // Reshape convolutional feature maps
      const [, c, h, w] = f1.size();
      f1 = f1.view(c, h * w);
      f3 = f3.view(c, h * w);
      // Compute gram matrix
      f1 = torch.mm(f1, f1.t());
      f3 = torch.mm(f3, f3.t());
      // Compute style loss with target and style images
      style_loss = torch.mean(f1.sub(f3).pow(2)).div(c * h * w).add(style_loss);
    }
    const sl = style_loss as Tensor;
    const cl = content_loss as Tensor;
    // Compute total loss, backprop and optimize
    const loss = cl.add(sl.mul(config.style_weight));
    optimizer.zero_grad();
    loss.backward();
    optimizer.step();
    if ((step + 1) % config.log_step === 0) print(`Step [${step + 1}/${config.total_step}], Content Loss: ${cl.item().toFixed(4)}, Style Loss: ${sl.item().toFixed(4)}`);
    if ((step + 1) % config.sample_step === 0) {
      // Save the generated image
      const denorm = new transforms.Normalize([-2.12, -2.04, -1.8], [4.37, 4.46, 4.44]);
      img = target.clone().squeeze();
      img = denorm(img).clamp_(0, 1);
    }
  }
  expectValues(img.index(":, 5, 3:9"), R.neural_style_transfer.img as number[], 1e-4);
  expectSamePrint(printed.join("\n"), lines("neural_style_transfer"), 1e-3);
});
