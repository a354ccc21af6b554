/**
 * The cells of test/tutorials/zero_to_gans_notebook.test.ts for lessons 4 to 6 of Jovian's "Zero to GANs":
 * lesson 4 (a CNN on CIFAR10), lesson 5 (ResNet9 with data augmentation) and lesson 6 (a DCGAN on anime
 * faces), on stand-in image folders; that file's header says what is shrunk and written differently.
 */

// Not a course cell: the CIFAR10 stand-in (the course downloads cifar10.tgz), the course's folder layout
// data/cifar10/{train,test}/<class>/*.png: 4 training and 1 test 32x32 PNG per class, seeded noise with a
// bright band of rows at the class's place, written with torchvision.io.write_png in a temporary folder.
export const CIFAR_SETUP = `const fs = require("fs");
const path = require("path");
const { write_png } = torchvision.io;
process.chdir(fs.mkdtempSync(path.join(require("os").tmpdir(), "zero-to-gans-cifar-")));
const cifar_classes = ['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck'];
for (const [split, n] of [['train', 4], ['test', 1]] as [string, number][]) {
  for (const [c, name] of enumerate(cifar_classes)) {
    fs.mkdirSync(path.join('data', 'cifar10', split, name), {recursive: true});
    for (const i of range(n)) {
      const band = (torch.div(torch.arange(32), 3, rounding_mode='floor') == c).long().view(1, 32, 1);
      const img = torch.randint(0, 120, [3, 32, 32]) + band * torch.tensor([130, 60 + 7 * c, 130 - 13 * c]).view(3, 1, 1);
      write_png(img.to(torch.uint8), path.join('data', 'cifar10', split, name, \`\${i:04d}.png\`));
    }
  }
}`;

// Lesson 4: classifying CIFAR10 images with a CNN (channel counts divided by 8).
export const CIFAR_CNN = [
  CIFAR_SETUP,
  `// import os, torch, torchvision: fs (os.listdir is fs.readdirSync), torch and torchvision are in scope
const { random_split } = torch.utils.data;`,
  `const data_dir = './data/cifar10';
print(sorted(fs.readdirSync(data_dir)));
const classes = sorted(fs.readdirSync(data_dir + "/train"));
print(classes);`,
  `const airplane_files = sorted(fs.readdirSync(data_dir + "/train/airplane"));
print('No. of training examples for airplanes:', len(airplane_files));
print(airplane_files.slice(0, 5));`,
  `const { ImageFolder } = torchvision.datasets;
const { ToTensor } = torchvision.transforms;`,
  `const dataset = ImageFolder(data_dir+'/train', transform=ToTensor());`,
  `let [img, label] = dataset[0];
print(img.shape, label);
img[\`:, 0:2, 0:4\`]`,
  `print(dataset.classes);`,
  `const random_seed = 42;
void torch.manual_seed(random_seed);`,
  `const val_size = 10;
const train_size = len(dataset) - val_size;

const [train_ds, val_ds] = random_split(dataset, [train_size, val_size]);
tuple([len(train_ds), len(val_ds)])`,
  `const { DataLoader } = torch.utils.data;

const batch_size=16;`,
  `let train_dl = DataLoader(train_ds, batch_size, shuffle=true);
let val_dl = DataLoader(val_ds, batch_size*2);`,
  `function apply_kernel(image, kernel) {
  const [ri, ci] = image.shape;       // image dimensions
  const [rk, ck] = kernel.shape;      // kernel dimensions
  const [ro, co] = [ri-rk+1, ci-ck+1];  // output dimensions
  const output = torch.zeros([ro, co]);
  for (const i of range(ro)) {
    for (const j of range(co)) {
      output[i, j] = torch.sum(image[\`\${i}:\${i+rk},\${j}:\${j+ck}\`] * kernel);
    }
  }
  return output;
}`,
  `const sample_image = torch.tensor([
    [3, 3, 2, 1, 0],
    [0, 0, 1, 3, 1],
    [3, 1, 2, 2, 3],
    [2, 0, 0, 2, 2],
    [2, 0, 0, 0, 1]
], dtype=torch.float32);

const sample_kernel = torch.tensor([
    [0, 1, 2],
    [2, 2, 0],
    [0, 1, 2]
], dtype=torch.float32);

apply_kernel(sample_image, sample_kernel)`,
  `// import torch.nn as nn, torch.nn.functional as F: in every notebook's scope`,
  `const simple_model = nn.Sequential(
    nn.Conv2d(3, 8, kernel_size=3, stride=1, padding=1),
    nn.MaxPool2d(2, 2)
);`,
  `let images, labels, out;
for ([images, labels] of train_dl) {
  print('images.shape:', images.shape);
  out = simple_model(images);
  print('out.shape:', out.shape);
  break;
}`,
  `class ImageClassificationBase extends nn.Module {
  training_step(batch) {
    const [images, labels] = batch;
    const out = this.forward(images) as torch.Tensor;  // Generate predictions
    const loss = F.cross_entropy(out, labels);  // Calculate loss
    return loss;
  }

  validation_step(batch) {
    const [images, labels] = batch;
    const out = this.forward(images) as torch.Tensor;  // Generate predictions
    const loss = F.cross_entropy(out, labels);  // Calculate loss
    const acc = accuracy(out, labels);  // Calculate accuracy
    return {'val_loss': loss.detach(), 'val_acc': acc};
  }

  validation_epoch_end(outputs) {
    const batch_losses = outputs.map((x) => x['val_loss']);
    const epoch_loss = torch.stack(batch_losses).mean();  // Combine losses
    const batch_accs = outputs.map((x) => x['val_acc']);
    const epoch_acc = torch.stack(batch_accs).mean();  // Combine accuracies
    return {'val_loss': epoch_loss.item(), 'val_acc': epoch_acc.item()};
  }

  epoch_end(epoch, result) {
    print(\`Epoch [\${epoch}], train_loss: \${result['train_loss']:.4f}, val_loss: \${result['val_loss']:.4f}, val_acc: \${result['val_acc']:.4f}\`);
  }
}

function accuracy(outputs, labels) {
  const [_, preds] = torch.max(outputs, dim=1);
  return torch.tensor(torch.sum(preds == labels).item() / len(preds));
}`,
  `class Cifar10CnnModel extends ImageClassificationBase {
  constructor() {
    super();
    this.network = nn.Sequential(
      nn.Conv2d(3, 4, kernel_size=3, padding=1),
      nn.ReLU(),
      nn.Conv2d(4, 8, kernel_size=3, stride=1, padding=1),
      nn.ReLU(),
      nn.MaxPool2d(2, 2), // output: 8 x 16 x 16

      nn.Conv2d(8, 16, kernel_size=3, stride=1, padding=1),
      nn.ReLU(),
      nn.Conv2d(16, 16, kernel_size=3, stride=1, padding=1),
      nn.ReLU(),
      nn.MaxPool2d(2, 2), // output: 16 x 8 x 8

      nn.Conv2d(16, 32, kernel_size=3, stride=1, padding=1),
      nn.ReLU(),
      nn.Conv2d(32, 32, kernel_size=3, stride=1, padding=1),
      nn.ReLU(),
      nn.MaxPool2d(2, 2), // output: 32 x 4 x 4

      nn.Flatten(),
      nn.Linear(32*4*4, 128),
      nn.ReLU(),
      nn.Linear(128, 64),
      nn.ReLU(),
      nn.Linear(64, 10));
  }

  forward(xb) {
    return this.network(xb);
  }
}`,
  `let model = Cifar10CnnModel();
model`,
  `for ([images, labels] of train_dl) {
  print('images.shape:', images.shape);
  out = model(images);
  print('out.shape:', out.shape);
  print('out[0]:', out[0]);
  break;
}`,
  `function get_default_device() {
  if (torch.cuda.is_available()) {
    return torch.device('cuda');
  } else {
    return torch.device('cpu');
  }
}

function to_device(data, device) {
  if (data instanceof Array) {
    return data.map((x) => to_device(x, device));
  }
  return data.to(device, non_blocking=true);
}

class DeviceDataLoader {
  constructor(dl, device) {
    this.dl = dl;
    this.device = device;
  }

  *__iter__() {
    for (const b of this.dl) {
      yield to_device(b, this.device);
    }
  }

  __len__() {
    return len(this.dl);
  }
}`,
  `const device = get_default_device();
device`,
  `train_dl = DeviceDataLoader(train_dl, device);
val_dl = DeviceDataLoader(val_dl, device);
void to_device(model, device);`,
  `const evaluate = torch.no_grad()((model: any, val_loader: any) => {
  model.eval();
  const outputs = list(val_loader).map((batch) => model.validation_step(batch));
  return model.validation_epoch_end(outputs);
});

function fit(epochs, lr, model, train_loader, val_loader, opt_func=torch.optim.SGD) {
  const history = [];
  const optimizer = opt_func(model.parameters(), lr);
  for (const epoch of range(epochs)) {
    // Training Phase
    model.train();
    const train_losses = [];
    for (const batch of train_loader) {
      const loss = model.training_step(batch);
      train_losses.push(loss);
      loss.backward();
      optimizer.step();
      optimizer.zero_grad();
    }
    // Validation phase
    const result = evaluate(model, val_loader);
    result['train_loss'] = torch.stack(train_losses).mean().item();
    model.epoch_end(epoch, result);
    history.push(result);
  }
  return history;
}`,
  `model = to_device(Cifar10CnnModel(), device);`,
  `print(evaluate(model, val_dl));`,
  `const num_epochs = 3;
const opt_func = torch.optim.Adam;
const lr = 0.001;`,
  `const history = fit(num_epochs, lr, model, train_dl, val_dl, opt_func);`,
  `const test_dataset = ImageFolder(data_dir+'/test', transform=ToTensor());`,
  `function predict_image(img, model) {
  // Convert to a batch of 1
  const xb = to_device(img.unsqueeze(0), device);
  // Get predictions from model
  const yb = model(xb);
  // Pick index with highest probability
  const [_, preds]  = torch.max(yb, dim=1);
  // Retrieve the class label
  return dataset.classes[preds[0].item()];
}`,
  `[img, label] = test_dataset[0];
print('Label:', dataset.classes[label], ', Predicted:', predict_image(img, model));`,
  `[img, label] = test_dataset[8];
print('Label:', dataset.classes[label], ', Predicted:', predict_image(img, model));`,
  `const test_loader = DeviceDataLoader(DataLoader(test_dataset, batch_size*2), device);
const result = evaluate(model, test_loader);
print(result);`,
  `torch.save(model.state_dict(), 'cifar10-cnn.pth');`,
  `const model2 = to_device(Cifar10CnnModel(), device);`,
  `model2.load_state_dict(torch.load('cifar10-cnn.pth'))`,
  `print(evaluate(model2, test_loader));`,
];

const DEVICE_HELPERS = `function get_default_device() {
  if (torch.cuda.is_available()) {
    return torch.device('cuda');
  } else {
    return torch.device('cpu');
  }
}

function to_device(data, device) {
  if (data instanceof Array) {
    return data.map((x) => to_device(x, device));
  }
  return data.to(device, non_blocking=true);
}

class DeviceDataLoader {
  constructor(dl, device) {
    this.dl = dl;
    this.device = device;
  }

  *__iter__() {
    for (const b of this.dl) {
      yield to_device(b, this.device);
    }
  }

  __len__() {
    return len(this.dl);
  }
}`;

// Lesson 5: ResNet9 with data augmentation and fit_one_cycle, on lesson 4's CIFAR10 stand-in (run after it,
// in its folder); channel counts divided by 8.
export const RESNET = [
  `const tt = torchvision.transforms;
const { ImageFolder } = torchvision.datasets;
const { DataLoader, random_split } = torch.utils.data;
const { make_grid } = torchvision.utils;`,
  `const data_dir = './data/cifar10';
const classes = sorted(fs.readdirSync(data_dir + "/train"));
print(classes);`,
  `const stats: [number[], number[]] = [[0.4914, 0.4822, 0.4465], [0.2023, 0.1994, 0.2010]];
const train_tfms = tt.Compose([tt.RandomCrop(32, padding=4, padding_mode='reflect'),
                               tt.RandomHorizontalFlip(),
                               tt.ToTensor(),
                               tt.Normalize(...stats, inplace=true)]);
const valid_tfms = tt.Compose([tt.ToTensor(), tt.Normalize(...stats)]);`,
  `const train_ds = ImageFolder(data_dir+'/train', train_tfms);
const valid_ds = ImageFolder(data_dir+'/test', valid_tfms);`,
  `const batch_size = 16;`,
  `let train_dl = DataLoader(train_ds, batch_size, shuffle=true);
let valid_dl = DataLoader(valid_ds, batch_size*2);`,
  `function denormalize(images, means, stds) {
  means = torch.tensor(means).reshape(1, 3, 1, 1);
  stds = torch.tensor(stds).reshape(1, 3, 1, 1);
  return images * stds + means;
}`,
  `let images, labels;
for ([images, labels] of train_dl) {
  const denorm_images = denormalize(images, ...stats);
  print(images.shape, labels);
  print(denorm_images[\`0, :, 0:3, 0:6\`]);
  print(make_grid(denorm_images[":64"], nrow=8).permute(1, 2, 0).clamp(0,1).shape);
  break;
}`,
  DEVICE_HELPERS,
  `const device = get_default_device();
device`,
  `train_dl = DeviceDataLoader(train_dl, device);
valid_dl = DeviceDataLoader(valid_dl, device);`,
  `class SimpleResidualBlock extends nn.Module {
  constructor() {
    super();
    this.conv1 = nn.Conv2d(in_channels=3, out_channels=3, kernel_size=3, stride=1, padding=1);
    this.relu1 = nn.ReLU();
    this.conv2 = nn.Conv2d(in_channels=3, out_channels=3, kernel_size=3, stride=1, padding=1);
    this.relu2 = nn.ReLU();
  }

  forward(x) {
    let out = this.conv1(x);
    out = this.relu1(out);
    out = this.conv2(out);
    return this.relu2(out) + x; // ReLU can be applied before or after adding the input
  }
}`,
  `const simple_resnet = to_device(SimpleResidualBlock(), device);

for ([images, labels] of train_dl) {
  const out = simple_resnet(images);
  print(out.shape);
  break;
}

torch.cuda.empty_cache();`,
  `function accuracy(outputs, labels) {
  const [_, preds] = torch.max(outputs, dim=1);
  return torch.tensor(torch.sum(preds == labels).item() / len(preds));
}

class ImageClassificationBase extends nn.Module {
  training_step(batch) {
    const [images, labels] = batch;
    const out = this.forward(images) as torch.Tensor;  // Generate predictions
    const loss = F.cross_entropy(out, labels);  // Calculate loss
    return loss;
  }

  validation_step(batch) {
    const [images, labels] = batch;
    const out = this.forward(images) as torch.Tensor;  // Generate predictions
    const loss = F.cross_entropy(out, labels);  // Calculate loss
    const acc = accuracy(out, labels);  // Calculate accuracy
    return {'val_loss': loss.detach(), 'val_acc': acc};
  }

  validation_epoch_end(outputs) {
    const batch_losses = outputs.map((x) => x['val_loss']);
    const epoch_loss = torch.stack(batch_losses).mean();  // Combine losses
    const batch_accs = outputs.map((x) => x['val_acc']);
    const epoch_acc = torch.stack(batch_accs).mean();  // Combine accuracies
    return {'val_loss': epoch_loss.item(), 'val_acc': epoch_acc.item()};
  }

  epoch_end(epoch, result) {
    print(\`Epoch [\${epoch}], last_lr: \${result['lrs'].at(-1):.5f}, train_loss: \${result['train_loss']:.4f}, val_loss: \${result['val_loss']:.4f}, val_acc: \${result['val_acc']:.4f}\`);
  }
}`,
  `function conv_block(in_channels, out_channels, pool=false) {
  const layers: nn.Module[] = [nn.Conv2d(in_channels, out_channels, kernel_size=3, padding=1),
                  nn.BatchNorm2d(out_channels),
                  nn.ReLU(inplace=true)];
  if (pool) layers.push(nn.MaxPool2d(2));
  return nn.Sequential(...layers);
}

class ResNet9 extends ImageClassificationBase {
  constructor(in_channels, num_classes) {
    super();

    this.conv1 = conv_block(in_channels, 8);
    this.conv2 = conv_block(8, 16, pool=true);
    this.res1 = nn.Sequential(conv_block(16, 16), conv_block(16, 16));

    this.conv3 = conv_block(16, 32, pool=true);
    this.conv4 = conv_block(32, 64, pool=true);
    this.res2 = nn.Sequential(conv_block(64, 64), conv_block(64, 64));

    this.classifier = nn.Sequential(nn.MaxPool2d(4),
                                    nn.Flatten(),
                                    nn.Dropout(0.2),
                                    nn.Linear(64, num_classes));
  }

  forward(xb) {
    let out = this.conv1(xb);
    out = this.conv2(out);
    out = this.res1(out) + out;
    out = this.conv3(out);
    out = this.conv4(out);
    out = this.res2(out) + out;
    out = this.classifier(out);
    return out;
  }
}`,
  `let model = to_device(ResNet9(3, 10), device);
model`,
  `const evaluate = torch.no_grad()((model: any, val_loader: any) => {
  model.eval();
  const outputs = list(val_loader).map((batch) => model.validation_step(batch));
  return model.validation_epoch_end(outputs);
});

function get_lr(optimizer) {
  for (const param_group of optimizer.param_groups) {
    return param_group['lr'];
  }
}

function fit_one_cycle(epochs, max_lr, model, train_loader, val_loader,
                       weight_decay=0, grad_clip=null, opt_func=torch.optim.SGD) {
  torch.cuda.empty_cache();
  const history = [];

  // Set up cutom optimizer with weight decay
  const optimizer = opt_func(model.parameters(), max_lr, weight_decay=weight_decay);
  // Set up one-cycle learning rate scheduler
  const sched = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr, epochs=epochs,
                                                    steps_per_epoch=len(train_loader));

  for (const epoch of range(epochs)) {
    // Training Phase
    model.train();
    const train_losses = [];
    const lrs = [];
    for (const batch of train_loader) {
      const loss = model.training_step(batch);
      train_losses.push(loss);
      loss.backward();

      // Gradient clipping
      if (grad_clip) {
        nn.utils.clip_grad_value_(model.parameters(), grad_clip);
      }

      optimizer.step();
      optimizer.zero_grad();

      // Record & update learning rate
      lrs.push(get_lr(optimizer));
      sched.step();
    }

    // Validation phase
    const result = evaluate(model, val_loader);
    result['train_loss'] = torch.stack(train_losses).mean().item();
    result['lrs'] = lrs;
    model.epoch_end(epoch, result);
    history.push(result);
  }
  return history;
}`,
  `let history = [evaluate(model, valid_dl)];
print(history);`,
  `const epochs = 1;
const max_lr = 0.01;
const grad_clip = 0.1;
const weight_decay = 1e-4;
const opt_func = torch.optim.Adam;`,
  `history = history.concat(fit_one_cycle(epochs, max_lr, model, train_dl, valid_dl,
                                       grad_clip=grad_clip,
                                       weight_decay=weight_decay,
                                       opt_func=opt_func));`,
  `const lrs = history.map((x) => x['lrs'] ?? []);
print(lrs.flat().map((lr) => \`\${lr:.6f}\`));`,
  `function predict_image(img, model) {
  // Convert to a batch of 1
  const xb = to_device(img.unsqueeze(0), device);
  // Get predictions from model
  const yb = model(xb);
  // Pick index with highest probability
  const [_, preds]  = torch.max(yb, dim=1);
  // Retrieve the class label
  return train_ds.classes[preds[0].item()];
}`,
  `let [img, label] = valid_ds[0];
print('Label:', train_ds.classes[label], ', Predicted:', predict_image(img, model));`,
  `torch.save(model.state_dict(), 'cifar10-resnet9.pth');`,
];

// Not a course cell: the anime faces stand-in (the course downloads the Kaggle dataset): 32 seeded 40x40
// PNGs in animefacedataset/images, in the same temporary folder.
const ANIME_SETUP = `const { write_png } = torchvision.io;
fs.mkdirSync(path.join('animefacedataset', 'images'), {recursive: true});
for (const i of range(32)) {
  const yy = torch.arange(40).view(1, 40, 1);
  const xx = torch.arange(40).view(1, 1, 40);
  const face = (((yy - 20) ** 2 + (xx - 20) ** 2) < (10 + i % 6) ** 2).long();
  const img = torch.randint(0, 80, [3, 40, 40]) + face * torch.tensor([170, 120 + i, 90 + 2 * i]).view(3, 1, 1);
  write_png(img.to(torch.uint8), path.join('animefacedataset', 'images', \`\${i}.png\`));
}`;

// Lesson 6: a DCGAN on anime faces, at 32x32 with smaller channel counts.
export const GAN = [
  `// import os: fs and path`,
  ANIME_SETUP,
  `const DATA_DIR = './animefacedataset';
print(fs.readdirSync(DATA_DIR));`,
  `print(sorted(fs.readdirSync(DATA_DIR+'/images')).slice(0, 10));`,
  `const { DataLoader } = torch.utils.data;
const { ImageFolder } = torchvision.datasets;
const T = torchvision.transforms;`,
  `const image_size = 32;
const batch_size = 16;
const stats: [number[], number[]] = [[0.5, 0.5, 0.5], [0.5, 0.5, 0.5]];`,
  `const train_ds = ImageFolder(DATA_DIR, transform=T.Compose([
    T.Resize(image_size),
    T.CenterCrop(image_size),
    T.ToTensor(),
    T.Normalize(...stats)]));

let train_dl = DataLoader(train_ds, batch_size, shuffle=true);`,
  `function denorm(img_tensors) {
  return img_tensors * stats[1][0] + stats[0][0];
}`,
  `const [images, _] = next(iter(train_dl));
print(images.shape);
print(denorm(images)[\`0, :, 14, 12:20\`]);`,
  DEVICE_HELPERS,
  `const device = get_default_device();
device`,
  `train_dl = DeviceDataLoader(train_dl, device);`,
  `// import torch.nn as nn: in every notebook's scope`,
  `let discriminator = nn.Sequential(
    // in: 3 x 32 x 32

    nn.Conv2d(3, 16, kernel_size=4, stride=2, padding=1, bias=false),
    nn.BatchNorm2d(16),
    nn.LeakyReLU(0.2, inplace=true),
    // out: 16 x 16 x 16

    nn.Conv2d(16, 32, kernel_size=4, stride=2, padding=1, bias=false),
    nn.BatchNorm2d(32),
    nn.LeakyReLU(0.2, inplace=true),
    // out: 32 x 8 x 8

    nn.Conv2d(32, 64, kernel_size=4, stride=2, padding=1, bias=false),
    nn.BatchNorm2d(64),
    nn.LeakyReLU(0.2, inplace=true),
    // out: 64 x 4 x 4

    nn.Conv2d(64, 1, kernel_size=4, stride=1, padding=0, bias=false),
    // out: 1 x 1 x 1

    nn.Flatten(),
    nn.Sigmoid());`,
  `discriminator = to_device(discriminator, device);`,
  `const latent_size = 16;`,
  `let generator = nn.Sequential(
    // in: latent_size x 1 x 1

    nn.ConvTranspose2d(latent_size, 64, kernel_size=4, stride=1, padding=0, bias=false),
    nn.BatchNorm2d(64),
    nn.ReLU(true),
    // out: 64 x 4 x 4

    nn.ConvTranspose2d(64, 32, kernel_size=4, stride=2, padding=1, bias=false),
    nn.BatchNorm2d(32),
    nn.ReLU(true),
    // out: 32 x 8 x 8

    nn.ConvTranspose2d(32, 16, kernel_size=4, stride=2, padding=1, bias=false),
    nn.BatchNorm2d(16),
    nn.ReLU(true),
    // out: 16 x 16 x 16

    nn.ConvTranspose2d(16, 3, kernel_size=4, stride=2, padding=1, bias=false),
    nn.Tanh()
    // out: 3 x 32 x 32
);`,
  `const xb = torch.randn(batch_size, latent_size, 1, 1); // random latent tensors
const fake_images = generator(xb);
print(fake_images.shape);`,
  `generator = to_device(generator, device);`,
  `// import torch.nn.functional as F: in every notebook's scope

function train_discriminator(real_images, opt_d) {
  // Clear discriminator gradients
  opt_d.zero_grad();

  // Pass real images through discriminator
  const real_preds = discriminator(real_images);
  const real_targets = torch.ones(real_images.size(0), 1, device=device);
  const real_loss = F.binary_cross_entropy(real_preds, real_targets);
  const real_score = torch.mean(real_preds).item();

  // Generate fake images
  const latent = torch.randn(batch_size, latent_size, 1, 1, device=device);
  const fake_images = generator(latent);

  // Pass fake images through discriminator
  const fake_targets = torch.zeros(fake_images.size(0), 1, device=device);
  const fake_preds = discriminator(fake_images);
  const fake_loss = F.binary_cross_entropy(fake_preds, fake_targets);
  const fake_score = torch.mean(fake_preds).item();

  // Update discriminator weights
  const loss = real_loss + fake_loss;
  loss.backward();
  opt_d.step();
  return [loss.item(), real_score, fake_score];
}`,
  `function train_generator(opt_g) {
  // Clear generator gradients
  opt_g.zero_grad();

  // Generate fake images
  const latent = torch.randn(batch_size, latent_size, 1, 1, device=device);
  const fake_images = generator(latent);

  // Try to fool the discriminator
  const preds = discriminator(fake_images);
  const targets = torch.ones(batch_size, 1, device=device);
  const loss = F.binary_cross_entropy(preds, targets);

  // Update generator weights
  loss.backward();
  opt_g.step();

  return loss.item();
}`,
  `const { save_image, make_grid } = torchvision.utils;`,
  `const sample_dir = 'generated';
void fs.mkdirSync(sample_dir, {recursive: true});`,
  `function save_samples(index, latent_tensors, show=true) {
  const fake_images = generator(latent_tensors);
  const fake_fname = \`generated-images-\${index:0=4d}.png\`;
  save_image(denorm(fake_images), path.join(sample_dir, fake_fname), nrow=8);
  print('Saving', fake_fname);
  if (show) {
    print(make_grid(fake_images.cpu().detach(), nrow=8).permute(1, 2, 0).shape);
  }
}`,
  `const fixed_latent = torch.randn(64, latent_size, 1, 1, device=device);`,
  `save_samples(0, fixed_latent);`,
  `function fit(epochs, lr, start_idx=1) {
  torch.cuda.empty_cache();

  // Losses & scores
  const losses_g = [];
  const losses_d = [];
  const real_scores = [];
  const fake_scores = [];

  // Create optimizers
  const opt_d = torch.optim.Adam(discriminator.parameters(), lr=lr, betas=[0.5, 0.999]);
  const opt_g = torch.optim.Adam(generator.parameters(), lr=lr, betas=[0.5, 0.999]);

  let loss_d, real_score, fake_score, loss_g;
  for (const epoch of range(epochs)) {
    for (const [real_images, _] of train_dl) {
      // Train discriminator
      [loss_d, real_score, fake_score] = train_discriminator(real_images, opt_d);
      // Train generator
      loss_g = train_generator(opt_g);
    }

    // Record losses & scores
    losses_g.push(loss_g);
    losses_d.push(loss_d);
    real_scores.push(real_score);
    fake_scores.push(fake_score);

    // Log losses & scores (last batch)
    print(\`Epoch [\${epoch+1}/\${epochs}], loss_g: \${loss_g:.4f}, loss_d: \${loss_d:.4f}, real_score: \${real_score:.4f}, fake_score: \${fake_score:.4f}\`);

    // Save generated images
    save_samples(epoch+start_idx, fixed_latent, show=false);
  }

  return [losses_g, losses_d, real_scores, fake_scores];
}`,
  `const lr = 0.0002;
const epochs = 3;`,
  `const history = fit(epochs, lr);`,
  `const [losses_g, losses_d, real_scores, fake_scores] = history;
print(len(losses_g), len(losses_d), len(real_scores), len(fake_scores));`,
  `torch.save(generator.state_dict(), 'G.pth');
torch.save(discriminator.state_dict(), 'D.pth');`,
  // Not course cells: the saved sample images read back (the course shows them with IPython's Image).
  `const { read_image } = torchvision.io;
const sample = read_image(path.join(sample_dir, 'generated-images-0003.png'));
print(sample.shape, sample.dtype, sample.float().mean().item());
print(sample[\`:, 20, 20:28\`]);`,
  `const sample0 = read_image(path.join(sample_dir, 'generated-images-0000.png'));
print(sample0[\`:, 10, 2:10\`]);`,
  `print(sorted(Object.keys(torch.load('G.pth'))).slice(0, 4), len(torch.load('D.pth')));`,
];
