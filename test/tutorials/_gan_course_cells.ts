/**
 * DeepLearning.AI's Coursera "Generative Adversarial Networks (GANs) Specialization", course 1's graded
 * PyTorch assignments ported as notebooks (amanchadha/coursera-gan-specialization's *_original.ipynb), the
 * cells of gan_course_notebook.test.ts (C1W1, C1W2) and gan_course_c1w34_notebook.test.ts (C1W3, C1W4),
 * two suites so that each stays within CI's per-suite time:
 * each notebook's cells in order with a student's solutions written in the notebook dialect and the
 * course's unit-test cells kept line by line, run through `torchlab run`. Every cell prints PyTorch
 * 1.13's text (test/reference/gen_gan_course.py runs the Python original, seeded alike; numbers within
 * float32 tolerance), so a grader's assert that fails in torchlab shows as an error or a missing "Success!".
 * - C1W1 "Your First GAN": get_generator_block (Linear / BatchNorm1d / ReLU(inplace=True)), Generator,
 *   get_noise, get_discriminator_block (LeakyReLU(0.2)), Discriminator; the tests on `len(block)`,
 *   `type(block[0]) == nn.Linear`, `str(gen.__getitem__(4)).replace(' ', '') == f'Linear(...)'`, the
 *   std bounds, `str(noise.device).startswith(device)`; get_disc_loss / get_gen_loss with
 *   BCEWithLogitsLoss, checked by the course with `gen = torch.zeros_like`, `disc = nn.Identity()`,
 *   `criterion = torch.mul` and on MNIST batches (`gen.gen[0][0].weight.grad is None` after
 *   `backward(retain_graph=True)`: the detach), and the training loop (Adam, its runtime asserts).
 * - C1W2 DCGAN: make_gen_block (ConvTranspose2d / BatchNorm2d / ReLU, Tanh last), unsqueeze_noise,
 *   make_disc_block (Conv2d / BatchNorm2d / LeakyReLU), the tests' shapes and bounds (`final_output.max()
 *   .item() == 1` of a saturated tanh), weights_init through `Module.apply`, the training loop.
 * - C1W3 WGAN-GP: get_gradient (`torch.autograd.grad(inputs=..., outputs=..., grad_outputs=
 *   torch.ones_like(...), create_graph=True, retain_graph=True)[0]` through the critic's Conv2d /
 *   BatchNorm2d / LeakyReLU), gradient_penalty (`gradient.norm(2, dim=1)`), get_gen_loss /
 *   get_crit_loss checked with torch.isclose, the critic-repeat loop whose loss backpropagates
 *   through the gradient penalty.
 * - C1W4A conditional GAN: get_one_hot_labels (F.one_hot), combine_vectors (torch.cat of floats),
 *   get_input_dimensions, the training loop with `one_hot_labels[:, :, None, None].repeat(...)`, and
 *   interpolate_class (torch.linspace(...)[:, None] blending two one-hot labels).
 *
 * Stand-ins: MNIST is 32 training and 8 test 28x28 images (seeded rings plus noise) in torchvision's IDX
 * layout, written by the generator to test/reference/gan_course/MNIST/raw/ and read by both sides with
 * the course's `MNIST('.', download=False, ...)`; each notebook's first cell (not a course cell) makes
 * that folder the working directory. matplotlib is the prelude's `plt`: each cell's shown figures (repr,
 * and per Axes the images' sizes, line count, legend, axis on or off) are compared with those
 * matplotlib 3.6 shows for the same cells (the generator records them as the inline backend shows them).
 * Shrunk: batch_size 16 (128), device 'cpu' ('cuda'), n_epochs 2 / 1 / 1 / 1 (200 / 50 / 100 / 200),
 * display_step 2 / 1 / 1 / 1 (500 / 500 / 50 / 500) so each loop prints its line, C1W3's crit_repeats 2
 * (5) and its test_get_gradient / test_gradient_penalty image_shape (16, 1, 28, 28) ((256, 1, 28, 28)).
 * Cells not in the course print what the asserts only bound: C1W1's weights and losses after training,
 * C1W2's stds, C1W3's gradient and penalty and loss lists, C1W4's one-hot labels and the conditioned
 * inputs' shapes, and one line in interpolate_class printing the blended labels.
 * Left out: the markdown, C1W4's interpolate_noise cell (plt.subplot grids only) and C1W3's `!pip freeze`.
 * Written differently from the course:
 * - `class G(nn.Module)` is `class G extends nn.Module` with `super()`; `def f(...)` a function;
 *   `assert x, "msg"` is the prelude's `assert(x, "msg")`; `try: ... except:` is `try {...} catch {...}`;
 *   `for real, _ in dataloader:` is `for (let [real, _] of dataloader)`; `is None` is `=== None`; tuples are arrays
 *   (`tuple(t.shape) == [n, 12]` compares as Python's tuples do, `return a, b` is `return [a, b]`);
 *   `x[:n]` is x[`:${n}`], `t[:, :, None, None]` is t[":", ":", None, None]; `'''docstrings'''` are comments.
 * - A list slice of an untyped parameter is `.slice(...)` (`image_shape[1:]`, `generator_losses[-k:]`):
 *   the dialect's string form reads undefined on an untyped list (hylee_hw23's header); `a // b` is
 *   Math.floor(a / b); `import math` is `const math = Math`; C1W4's loop unpacks into variables
 *   declared before it (`for ([real, labels] of ...)`) so that the next cell reads labels, as Python's
 *   loop variable outlives the loop.
 * Divergences this port found, fixed:
 * - `torch.autograd.grad(inputs=..., outputs=..., grad_outputs=..., create_graph=True, ...)` (every
 *   argument by name, as the WGAN-GP assignment writes it) did not compile ("grad() got an unexpected
 *   keyword argument 'grad_outputs'"): grad also takes all of its arguments in one options object,
 *   outputs and inputs included (src/autograd/index.ts; test/autograd/higher_order.test.ts).
 * - `gen.__getitem__(4)` (the graders' spelling of gen[4]) did not compile: Sequential and ModuleList
 *   have `__getitem__` (src/nn/modules/container.ts; test/nn/structure.test.ts).
 * - The WGAN-GP loop's `crit_loss.backward()` through the gradient penalty failed ("create_graph=true:
 *   cannot differentiate the backward of NativeBatchNormBackward0"): batch norm's backward is now
 *   differentiable, its batch statistics included (src/ops/batchnorm.ts; test/autograd/higher_order.test.ts
 *   against PyTorch's double backward, BatchNorm1d train / eval and BatchNorm2d).
 */
import * as path from "path";
import * as fs from "fs";
import type { CellOutput } from "./_notebooks";
import type { FigureInfo } from "./_figures";

export const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "gan_course.json"), "utf8")) as Record<string, (CellOutput & { figures: FigureInfo[] })[]>;
const DATA = path.join(__dirname, "..", "reference", "gan_course");

/** gen_gan_course.py's SETUP: the MNIST stand-in's folder is the working directory, for `MNIST('.', ...)`. */
const SETUP = `process.chdir(${JSON.stringify(DATA)});`;

/** The course's imports: torchvision's MNIST and make_grid, DataLoader (matplotlib.pyplot is the prelude's `plt`). */
const IMPORTS = `const MNIST = torchvision.datasets.MNIST; // Training dataset
const make_grid = torchvision.utils.make_grid;
const DataLoader = torch.utils.data.DataLoader;
torch.manual_seed(0); // Set for testing purposes, please do not change!`;

/** C1W2, C1W3 and C1W4's show_tensor_images: images in [-1, 1] (tanh) back to [0, 1]. */
const SHOW_NORMALIZED = `
function show_tensor_images(image_tensor, num_images=25, size=[1, 28, 28]) {
  // Function for visualizing images: Given a tensor of images, number of images, and
  // size per image, plots and prints the images in an uniform grid.
  image_tensor = (image_tensor + 1) / 2;
  const image_unflat = image_tensor.detach().cpu();
  const image_grid = make_grid(image_unflat[\`:\${num_images}\`], nrow=5);
  plt.imshow(image_grid.permute(1, 2, 0).squeeze());
  plt.show();
}`;

/** The DCGAN generator of C1W2, C1W3 and C1W4 (C1W4 names its first argument input_dim), without forward. */
const dcganGenerator = (input_dim: string) => `class Generator extends nn.Module {
  constructor(${input_dim}=10, im_chan=1, hidden_dim=64) {
    super();
    this.${input_dim} = ${input_dim};
    // Build the neural network
    this.gen = nn.Sequential(
      this.make_gen_block(${input_dim}, hidden_dim * 4),
      this.make_gen_block(hidden_dim * 4, hidden_dim * 2, kernel_size=4, stride=1),
      this.make_gen_block(hidden_dim * 2, hidden_dim),
      this.make_gen_block(hidden_dim, im_chan, kernel_size=4, final_layer=True),
    );
  }

  make_gen_block(input_channels, output_channels, kernel_size=3, stride=2, final_layer=False) {
    if (!final_layer) {
      return nn.Sequential(
        //### START CODE HERE ####
        nn.ConvTranspose2d(input_channels, output_channels, kernel_size, stride),
        nn.BatchNorm2d(output_channels),
        nn.ReLU(inplace=True),
        //### END CODE HERE ####
      );
    } else { // Final Layer
      return nn.Sequential(
        //### START CODE HERE ####
        nn.ConvTranspose2d(input_channels, output_channels, kernel_size, stride),
        nn.Tanh(),
        //### END CODE HERE ####
      );
    }
  }
`;

/** The DCGAN discriminator's (C1W3: critic's) block. */
const dcganDiscBlock = (kind: string) => `  make_${kind}_block(input_channels, output_channels, kernel_size=4, stride=2, final_layer=False) {
    if (!final_layer) {
      return nn.Sequential(
        //### START CODE HERE ####
        nn.Conv2d(input_channels, output_channels, kernel_size, stride),
        nn.BatchNorm2d(output_channels),
        nn.LeakyReLU(0.2, inplace=True),
        //### END CODE HERE ####
      );
    } else { // Final Layer
      return nn.Sequential(
        //### START CODE HERE ####
        nn.Conv2d(input_channels, output_channels, kernel_size, stride),
        //### END CODE HERE ####
      );
    }
  }
`;

const weightsInit = (a: string, b: string) => `function weights_init(m) {
  if (isinstance(m, nn.Conv2d) || isinstance(m, nn.ConvTranspose2d)) {
    torch.nn.init.normal_(m.weight, 0.0, 0.02);
  }
  if (isinstance(m, nn.BatchNorm2d)) {
    torch.nn.init.normal_(m.weight, 0.0, 0.02);
    torch.nn.init.constant_(m.bias, 0);
  }
}
${a} = ${a}.apply(weights_init);
${b} = ${b}.apply(weights_init);`;

const getNoise = (z: string) => `function get_noise(n_samples, ${z}, device='cpu') {
  // NOTE: To use this on GPU with device='cuda', make sure to pass the device
  // argument to the function you use to generate the noise.
  return torch.randn(n_samples, ${z}, device=device);
}`;

const MNIST_NORMALIZED = `const transform = transforms.Compose([
  transforms.ToTensor(),
  transforms.Normalize([0.5], [0.5]),
]);

const dataloader = DataLoader(
  MNIST('.', download=False, transform=transform),
  batch_size=batch_size,
  shuffle=True);`;

export const C1W1 = [
  SETUP,
  `${IMPORTS}

function show_tensor_images(image_tensor, num_images=25, size=[1, 28, 28]) {
  // Function for visualizing images: Given a tensor of images, number of images, and
  // size per image, plots and prints the images in a uniform grid.
  const image_unflat = image_tensor.detach().cpu().view(-1, ...size);
  const image_grid = make_grid(image_unflat[\`:\${num_images}\`], nrow=5);
  plt.imshow(image_grid.permute(1, 2, 0).squeeze());
  plt.show();
}`,
  `// UNQ_C1 (UNIQUE CELL IDENTIFIER, DO NOT EDIT)
// GRADED FUNCTION: get_generator_block
function get_generator_block(input_dim, output_dim) {
  return nn.Sequential(
    //### START CODE HERE ####
    nn.Linear(input_dim, output_dim),
    nn.BatchNorm1d(output_dim),
    nn.ReLU(inplace=True),
    //### END CODE HERE ####
  );
}`,
  `// Verify the generator block function
function test_gen_block(in_features, out_features, num_test=1000) {
  const block = get_generator_block(in_features, out_features);

  // Check the three parts
  assert(len(block) == 3);
  assert(type(block[0]) == nn.Linear);
  assert(type(block[1]) == nn.BatchNorm1d);
  assert(type(block[2]) == nn.ReLU);

  // Check the output shape
  const test_input = torch.randn(num_test, in_features);
  const test_output = block(test_input);
  assert(tuple(test_output.shape) == [num_test, out_features]);
  assert(test_output.std() > 0.55);
  assert(test_output.std() < 0.65);
}

test_gen_block(25, 12);
test_gen_block(15, 28);
print("Success!");`,
  `// UNQ_C2 (UNIQUE CELL IDENTIFIER, DO NOT EDIT)
// GRADED FUNCTION: Generator
class Generator extends nn.Module {
  constructor(z_dim=10, im_dim=784, hidden_dim=128) {
    super();
    // Build the neural network
    this.gen = nn.Sequential(
      get_generator_block(z_dim, hidden_dim),
      get_generator_block(hidden_dim, hidden_dim * 2),
      get_generator_block(hidden_dim * 2, hidden_dim * 4),
      get_generator_block(hidden_dim * 4, hidden_dim * 8),
      //### START CODE HERE ####
      nn.Linear(hidden_dim * 8, im_dim),
      nn.Sigmoid()
      //### END CODE HERE ####
    );
  }
  forward(noise) {
    return this.gen(noise);
  }

  // Needed for grading
  get_gen() {
    return this.gen;
  }
}`,
  `// Verify the generator class
function test_generator(z_dim, im_dim, hidden_dim, num_test=10000) {
  const gen = Generator(z_dim, im_dim, hidden_dim).get_gen();

  // Check there are six modules in the sequential part
  assert(len(gen) == 6);
  assert(str(gen.__getitem__(4)).replace(' ', '') == \`Linear(in_features=\${hidden_dim * 8},out_features=\${im_dim},bias=True)\`);
  assert(str(gen.__getitem__(5)).replace(' ', '') == 'Sigmoid()');
  const test_input = torch.randn(num_test, z_dim);
  const test_output = gen(test_input);

  // Check that the output shape is correct
  assert(tuple(test_output.shape) == [num_test, im_dim]);
  assert(test_output.max() < 1, "Make sure to use a sigmoid");
  assert(test_output.min() > 0, "Make sure to use a sigmoid");
  assert(test_output.std() > 0.05, "Don't use batchnorm here");
  assert(test_output.std() < 0.15, "Don't use batchnorm here");
}

test_generator(5, 10, 20);
test_generator(20, 8, 24);
print("Success!");`,
  `// UNQ_C3 (UNIQUE CELL IDENTIFIER, DO NOT EDIT)
// GRADED FUNCTION: get_noise
function get_noise(n_samples, z_dim, device='cpu') {
  //### START CODE HERE ####
  return torch.randn(n_samples, z_dim, device=device);
  //### END CODE HERE ####
}`,
  `// Verify the noise vector function
function test_get_noise(n_samples, z_dim, device='cpu') {
  const noise = get_noise(n_samples, z_dim, device);

  // Make sure a normal distribution was used
  assert(tuple(noise.shape) == [n_samples, z_dim]);
  assert(torch.abs(noise.std() - torch.tensor(1.0)) < 0.01);
  assert(str(noise.device).startswith(device));
}

test_get_noise(1000, 100, 'cpu');
if (torch.cuda.is_available()) {
  test_get_noise(1000, 32, 'cuda');
}
print("Success!");`,
  `// UNQ_C4 (UNIQUE CELL IDENTIFIER, DO NOT EDIT)
// GRADED FUNCTION: get_discriminator_block
function get_discriminator_block(input_dim, output_dim) {
  return nn.Sequential(
    //### START CODE HERE ####
    nn.Linear(input_dim, output_dim),
    nn.LeakyReLU(0.2, inplace=True)
    //### END CODE HERE ####
  );
}`,
  `// Verify the discriminator block function
function test_disc_block(in_features, out_features, num_test=10000) {
  const block = get_discriminator_block(in_features, out_features);

  // Check there are two parts
  assert(len(block) == 2);
  const test_input = torch.randn(num_test, in_features);
  const test_output = block(test_input);

  // Check that the shape is right
  assert(tuple(test_output.shape) == [num_test, out_features]);

  // Check that the LeakyReLU slope is about 0.2
  assert(-test_output.min() / test_output.max() > 0.1);
  assert(-test_output.min() / test_output.max() < 0.3);
  assert(test_output.std() > 0.3);
  assert(test_output.std() < 0.5);

  assert(str(block.__getitem__(0)).replace(' ', '') == \`Linear(in_features=\${in_features},out_features=\${out_features},bias=True)\`);
  assert(str(block.__getitem__(1)).replace(' ', '').replace(',inplace=True', '') == 'LeakyReLU(negative_slope=0.2)');
}


test_disc_block(25, 12);
test_disc_block(15, 28);
print("Success!");`,
  `// UNQ_C5 (UNIQUE CELL IDENTIFIER, DO NOT EDIT)
// GRADED FUNCTION: Discriminator
class Discriminator extends nn.Module {
  constructor(im_dim=784, hidden_dim=128) {
    super();
    this.disc = nn.Sequential(
      get_discriminator_block(im_dim, hidden_dim * 4),
      get_discriminator_block(hidden_dim * 4, hidden_dim * 2),
      get_discriminator_block(hidden_dim * 2, hidden_dim),
      //### START CODE HERE ####
      nn.Linear(hidden_dim, 1)
      //### END CODE HERE ####
    );
  }

  forward(image) {
    return this.disc(image);
  }

  // Needed for grading
  get_disc() {
    return this.disc;
  }
}`,
  `// Verify the discriminator class
function test_discriminator(z_dim, hidden_dim, num_test=100) {

  const disc = Discriminator(z_dim, hidden_dim).get_disc();

  // Check there are three parts
  assert(len(disc) == 4);
  assert(type(disc.__getitem__(3)) == nn.Linear);

  // Check the linear layer is correct
  const test_input = torch.randn(num_test, z_dim);
  const test_output = disc(test_input);
  assert(tuple(test_output.shape) == [num_test, 1]);
}

test_discriminator(5, 10);
test_discriminator(20, 8);
print("Success!");`,
  `// Set your parameters
const criterion = nn.BCEWithLogitsLoss();
const n_epochs = 2;
const z_dim = 64;
const display_step = 2;
const batch_size = 16;
const lr = 0.00001;
const device = 'cpu';
// Load MNIST dataset as tensors
const dataloader = DataLoader(
  MNIST('.', download=False, transform=transforms.ToTensor()),
  batch_size=batch_size,
  shuffle=True);`,
  `const gen = Generator(z_dim).to(device);
const gen_opt = torch.optim.Adam(gen.parameters(), lr=lr);
const disc = Discriminator().to(device);
const disc_opt = torch.optim.Adam(disc.parameters(), lr=lr);`,
  `// UNQ_C6 (UNIQUE CELL IDENTIFIER, DO NOT EDIT)
// GRADED FUNCTION: get_disc_loss
function get_disc_loss(gen, disc, criterion, real, num_images, z_dim, device) {
  //### START CODE HERE ####
  const fake_noise = get_noise(num_images, z_dim, device=device);
  const fake = gen(fake_noise);
  const disc_fake_pred = disc(fake.detach());
  const disc_fake_loss = criterion(disc_fake_pred, torch.zeros_like(disc_fake_pred));
  const disc_real_pred = disc(real);
  const disc_real_loss = criterion(disc_real_pred, torch.ones_like(disc_real_pred));
  const disc_loss = (disc_fake_loss + disc_real_loss) / 2;
  //### END CODE HERE ####
  return disc_loss;
}`,
  `function test_disc_reasonable(num_images=10) {
  const z_dim = 64;
  let gen = torch.zeros_like;
  let disc = nn.Identity();
  let criterion = torch.mul; // Multiply
  let real = torch.ones(num_images, 1);
  const disc_loss = get_disc_loss(gen, disc, criterion, real, num_images, z_dim, 'cpu');
  assert(tuple(disc_loss.shape) == [num_images, z_dim]);
  assert(torch.all(torch.abs(disc_loss - 0.5) < 1e-5));

  gen = torch.ones_like;
  disc = nn.Identity();
  criterion = torch.mul; // Multiply
  real = torch.zeros(num_images, 1);
  assert(torch.all(torch.abs(get_disc_loss(gen, disc, criterion, real, num_images, z_dim, 'cpu')) < 1e-5));
}

function test_disc_loss(max_tests = 10) {
  const z_dim = 64;
  const gen = Generator(z_dim).to(device);
  const gen_opt = torch.optim.Adam(gen.parameters(), lr=lr);
  const disc = Discriminator().to(device);
  const disc_opt = torch.optim.Adam(disc.parameters(), lr=lr);
  let num_steps = 0;
  for (let [real, _] of dataloader) {
    const cur_batch_size = len(real);
    real = real.view(cur_batch_size, -1).to(device);

    //## Update discriminator ###
    // Zero out the gradient before backpropagation
    disc_opt.zero_grad();

    // Calculate discriminator loss
    const disc_loss = get_disc_loss(gen, disc, criterion, real, cur_batch_size, z_dim, device);
    assert((disc_loss - 0.68).abs() < 0.05);

    // Update gradients
    disc_loss.backward(retain_graph=True);

    // Check that they detached correctly
    assert(gen.gen[0][0].weight.grad === None);

    // Update optimizer
    const old_weight = disc.disc[0][0].weight.data.clone();
    disc_opt.step();
    const new_weight = disc.disc[0][0].weight.data;

    // Check that some discriminator weights changed
    assert(!torch.all(torch.eq(old_weight, new_weight)));
    num_steps += 1;
    if (num_steps >= max_tests) {
      break;
    }
  }
}

test_disc_reasonable();
test_disc_loss();
print("Success!");`,
  `// UNQ_C7 (UNIQUE CELL IDENTIFIER, DO NOT EDIT)
// GRADED FUNCTION: get_gen_loss
function get_gen_loss(gen, disc, criterion, num_images, z_dim, device) {
  //### START CODE HERE ####
  const fake_noise = get_noise(num_images, z_dim, device=device);
  const fake = gen(fake_noise);
  const disc_fake_pred = disc(fake);
  const gen_loss = criterion(disc_fake_pred, torch.ones_like(disc_fake_pred));
  //### END CODE HERE ####
  return gen_loss;
}`,
  `function test_gen_reasonable(num_images=10) {
  const z_dim = 64;
  let gen = torch.zeros_like;
  let disc = nn.Identity();
  let criterion = torch.mul; // Multiply
  let gen_loss_tensor = get_gen_loss(gen, disc, criterion, num_images, z_dim, 'cpu');
  assert(torch.all(torch.abs(gen_loss_tensor) < 1e-5));
  //Verify shape. Related to gen_noise parametrization
  assert(tuple(gen_loss_tensor.shape) == [num_images, z_dim]);

  gen = torch.ones_like;
  disc = nn.Identity();
  criterion = torch.mul; // Multiply
  const real = torch.zeros(num_images, 1);
  gen_loss_tensor = get_gen_loss(gen, disc, criterion, num_images, z_dim, 'cpu');
  assert(torch.all(torch.abs(gen_loss_tensor - 1) < 1e-5));
  //Verify shape. Related to gen_noise parametrization
  assert(tuple(gen_loss_tensor.shape) == [num_images, z_dim]);
}


function test_gen_loss(num_images) {
  const z_dim = 64;
  const gen = Generator(z_dim).to(device);
  const gen_opt = torch.optim.Adam(gen.parameters(), lr=lr);
  const disc = Discriminator().to(device);
  const disc_opt = torch.optim.Adam(disc.parameters(), lr=lr);

  const gen_loss = get_gen_loss(gen, disc, criterion, num_images, z_dim, device);

  // Check that the loss is reasonable
  assert((gen_loss - 0.7).abs() < 0.1);
  gen_loss.backward();
  const old_weight = gen.gen[0][0].weight.clone();
  gen_opt.step();
  const new_weight = gen.gen[0][0].weight;
  assert(!torch.all(torch.eq(old_weight, new_weight)));
}


test_gen_reasonable(10);
test_gen_loss(18);
print("Success!");`,
  `// UNQ_C8 (UNIQUE CELL IDENTIFIER, DO NOT EDIT)
// GRADED FUNCTION:

let cur_step = 0;
let mean_generator_loss = 0;
let mean_discriminator_loss = 0;
const test_generator = True; // Whether the generator should be tested
let gen_loss: any = False;
let error = False;
let disc_loss;
for (const epoch of range(n_epochs)) {

  // Dataloader returns the batches
  for (let [real, _] of tqdm(dataloader)) {
    const cur_batch_size = len(real);

    // Flatten the batch of real images from the dataset
    real = real.view(cur_batch_size, -1).to(device);

    //## Update discriminator ###
    // Zero out the gradients before backpropagation
    disc_opt.zero_grad();

    // Calculate discriminator loss
    disc_loss = get_disc_loss(gen, disc, criterion, real, cur_batch_size, z_dim, device);

    // Update gradients
    disc_loss.backward(retain_graph=True);

    // Update optimizer
    disc_opt.step();

    // For testing purposes, to keep track of the generator weights
    let old_generator_weights;
    if (test_generator) {
      old_generator_weights = gen.gen[0][0].weight.detach().clone();
    }

    //## Update generator ###
    //### START CODE HERE ####
    gen_opt.zero_grad();
    gen_loss = get_gen_loss(gen, disc, criterion, cur_batch_size, z_dim, device);
    gen_loss.backward();
    gen_opt.step();
    //### END CODE HERE ####

    // For testing purposes, to check that your code changes the generator weights
    if (test_generator) {
      try {
        assert(lr > 0.0000002 || (gen.gen[0][0].weight.grad.abs().max() < 0.0005 && epoch == 0));
        assert(torch.any(gen.gen[0][0].weight.detach().clone() != old_generator_weights));
      } catch {
        error = True;
        print("Runtime tests have failed");
      }
    }

    // Keep track of the average discriminator loss
    mean_discriminator_loss += disc_loss.item() / display_step;

    // Keep track of the average generator loss
    mean_generator_loss += gen_loss.item() / display_step;

    //## Visualization code ###
    if (cur_step % display_step == 0 && cur_step > 0) {
      print(\`Step \${cur_step}: Generator loss: \${mean_generator_loss}, discriminator loss: \${mean_discriminator_loss}\`);
      const fake_noise = get_noise(cur_batch_size, z_dim, device=device);
      const fake = gen(fake_noise);
      show_tensor_images(fake);
      show_tensor_images(real);
      mean_generator_loss = 0;
      mean_discriminator_loss = 0;
    }
    cur_step += 1;
  }
}`,
  `print(cur_step, error, round(disc_loss.item(), 4), round(gen_loss.item(), 4));
print(gen.gen[0][0].weight[0, ":4"]);
disc.disc[3].bias`,
];

export const C1W2 = [
  SETUP,
  IMPORTS + SHOW_NORMALIZED,
  `// UNQ_C1 (UNIQUE CELL IDENTIFIER, DO NOT EDIT)
// GRADED FUNCTION: make_gen_block
${dcganGenerator("z_dim")}
  unsqueeze_noise(noise) {
    return noise.view(len(noise), this.z_dim, 1, 1);
  }

  forward(noise) {
    const x = this.unsqueeze_noise(noise);
    return this.gen(x);
  }
}

${getNoise("z_dim")}`,
  `/*
Test your make_gen_block() function
*/
let gen = Generator();
let num_test = 100;

// Test the hidden block
const test_hidden_noise = get_noise(num_test, gen.z_dim);
let test_hidden_block = gen.make_gen_block(10, 20, kernel_size=4, stride=1);
const test_uns_noise = gen.unsqueeze_noise(test_hidden_noise);
let hidden_output = test_hidden_block(test_uns_noise);

// Check that it works with other strides
const test_hidden_block_stride = gen.make_gen_block(20, 20, kernel_size=4, stride=2);

const test_final_noise = get_noise(num_test, gen.z_dim) * 20;
let test_final_block = gen.make_gen_block(10, 20, final_layer=True);
const test_final_uns_noise = gen.unsqueeze_noise(test_final_noise);
let final_output = test_final_block(test_final_uns_noise);

// Test the whole thing:
const test_gen_noise = get_noise(num_test, gen.z_dim);
const test_uns_gen_noise = gen.unsqueeze_noise(test_gen_noise);
const gen_output = gen(test_uns_gen_noise);`,
  `// UNIT TESTS
try {
  assert(tuple(hidden_output.shape) == [num_test, 20, 4, 4]);
  assert(hidden_output.max() > 1);
  assert(hidden_output.min() == 0);
  assert(hidden_output.std() > 0.2);
  assert(hidden_output.std() < 1);
  assert(hidden_output.std() > 0.5);

  assert(tuple(test_hidden_block_stride(hidden_output).shape) == [num_test, 20, 10, 10]);

  assert(final_output.max().item() == 1);
  assert(final_output.min().item() == -1);

  assert(tuple(gen_output.shape) == [num_test, 1, 28, 28]);
  assert(gen_output.std() > 0.5);
  assert(gen_output.std() < 0.8);
  print("Success!");
} catch {
  print("Some of asserts have fail");
}`,
  `// UNQ_C2 (UNIQUE CELL IDENTIFIER, DO NOT EDIT)
// GRADED FUNCTION: make_disc_block
class Discriminator extends nn.Module {
  constructor(im_chan=1, hidden_dim=16) {
    super();
    this.disc = nn.Sequential(
      this.make_disc_block(im_chan, hidden_dim),
      this.make_disc_block(hidden_dim, hidden_dim * 2),
      this.make_disc_block(hidden_dim * 2, 1, final_layer=True),
    );
  }

${dcganDiscBlock("disc")}
  forward(image) {
    const disc_pred = this.disc(image);
    return disc_pred.view(len(disc_pred), -1);
  }
}`,
  `/*
Test your make_disc_block() function
*/
num_test = 100;

gen = Generator();
let disc = Discriminator();
const test_images = gen(get_noise(num_test, gen.z_dim));

// Test the hidden block
test_hidden_block = disc.make_disc_block(1, 5, kernel_size=6, stride=3);
hidden_output = test_hidden_block(test_images);

// Test the final block
test_final_block = disc.make_disc_block(1, 10, kernel_size=2, stride=5, final_layer=True);
final_output = test_final_block(test_images);

// Test the whole thing:
const disc_output = disc(test_images);`,
  `// Test the hidden block
try {
  assert(tuple(hidden_output.shape) == [num_test, 5, 8, 8]);
  // Because of the LeakyReLU slope
  assert(-hidden_output.min() / hidden_output.max() > 0.15);
  assert(-hidden_output.min() / hidden_output.max() < 0.25);
  assert(hidden_output.std() > 0.5);
  assert(hidden_output.std() < 1);

  // Test the final block

  assert(tuple(final_output.shape) == [num_test, 10, 6, 6]);
  assert(final_output.max() > 1.0);
  assert(final_output.min() < -1.0);
  assert(final_output.std() > 0.3);
  assert(final_output.std() < 0.6);

  // Test the whole thing:

  assert(tuple(disc_output.shape) == [num_test, 1]);
  assert(disc_output.std() > 0.25);
  assert(disc_output.std() < 0.5);
  print("Success!");
} catch {
  print("Some of asserts have fail");
}`,
  `print(tuple(hidden_output.shape), round(hidden_output.std().item(), 4), round(final_output.std().item(), 4), round(disc_output.std().item(), 4));`,
  `const criterion = nn.BCEWithLogitsLoss();
const z_dim = 64;
const display_step = 1;
const batch_size = 16;
// A learning rate of 0.0002 works well on DCGAN
const lr = 0.0002;

// These parameters control the optimizer's momentum, which you can read more about here:
// https://distill.pub/2017/why-momentum-really-works/ but you don’t need to worry about it for this course!
const beta_1 = 0.5;
const beta_2 = 0.999;
const device = 'cpu';

// You can tranform the image values to be between -1 and 1 (the range of the tanh activation)
${MNIST_NORMALIZED}`,
  `gen = Generator(z_dim).to(device);
const gen_opt = torch.optim.Adam(gen.parameters(), lr=lr, betas=[beta_1, beta_2]);
disc = Discriminator().to(device);
const disc_opt = torch.optim.Adam(disc.parameters(), lr=lr, betas=[beta_1, beta_2]);

// You initialize the weights to the normal distribution
// with mean 0 and standard deviation 0.02
${weightsInit("gen", "disc")}`,
  `const n_epochs = 1;
let cur_step = 0;
let mean_generator_loss = 0;
let mean_discriminator_loss = 0;
for (const epoch of range(n_epochs)) {
  // Dataloader returns the batches
  for (let [real, _] of tqdm(dataloader)) {
    const cur_batch_size = len(real);
    real = real.to(device);

    //# Update discriminator ##
    disc_opt.zero_grad();
    const fake_noise = get_noise(cur_batch_size, z_dim, device=device);
    const fake = gen(fake_noise);
    let disc_fake_pred = disc(fake.detach());
    const disc_fake_loss = criterion(disc_fake_pred, torch.zeros_like(disc_fake_pred));
    const disc_real_pred = disc(real);
    const disc_real_loss = criterion(disc_real_pred, torch.ones_like(disc_real_pred));
    const disc_loss = (disc_fake_loss + disc_real_loss) / 2;

    // Keep track of the average discriminator loss
    mean_discriminator_loss += disc_loss.item() / display_step;
    // Update gradients
    disc_loss.backward(retain_graph=True);
    // Update optimizer
    disc_opt.step();

    //# Update generator ##
    gen_opt.zero_grad();
    const fake_noise_2 = get_noise(cur_batch_size, z_dim, device=device);
    const fake_2 = gen(fake_noise_2);
    disc_fake_pred = disc(fake_2);
    const gen_loss = criterion(disc_fake_pred, torch.ones_like(disc_fake_pred));
    gen_loss.backward();
    gen_opt.step();

    // Keep track of the average generator loss
    mean_generator_loss += gen_loss.item() / display_step;

    //# Visualization code ##
    if (cur_step % display_step == 0 && cur_step > 0) {
      print(\`Step \${cur_step}: Generator loss: \${mean_generator_loss}, discriminator loss: \${mean_discriminator_loss}\`);
      show_tensor_images(fake);
      show_tensor_images(real);
      mean_generator_loss = 0;
      mean_discriminator_loss = 0;
    }
    cur_step += 1;
  }
}`,
];

export const C1W3 = [
  SETUP,
  IMPORTS + SHOW_NORMALIZED + `

function make_grad_hook() {
  // Function to keep track of gradients for visualization purposes,
  // which fills the grads list when using model.apply(grad_hook).
  const grads = [];
  function grad_hook(m) {
    if (isinstance(m, nn.Conv2d) || isinstance(m, nn.ConvTranspose2d)) {
      grads.append(m.weight.grad);
    }
  }
  return [grads, grad_hook];
}`,
  `${dcganGenerator("z_dim")}
  forward(noise) {
    const x = noise.view(len(noise), this.z_dim, 1, 1);
    return this.gen(x);
  }
}

${getNoise("z_dim")}`,
  `class Critic extends nn.Module {
  constructor(im_chan=1, hidden_dim=64) {
    super();
    this.crit = nn.Sequential(
      this.make_crit_block(im_chan, hidden_dim),
      this.make_crit_block(hidden_dim, hidden_dim * 2),
      this.make_crit_block(hidden_dim * 2, 1, final_layer=True),
    );
  }

${dcganDiscBlock("crit")}
  forward(image) {
    const crit_pred = this.crit(image);
    return crit_pred.view(len(crit_pred), -1);
  }
}`,
  `const n_epochs = 1;
const z_dim = 64;
const display_step = 1;
const batch_size = 16;
const lr = 0.0002;
const beta_1 = 0.5;
const beta_2 = 0.999;
const c_lambda = 10;
const crit_repeats = 2;
const device = 'cpu';

${MNIST_NORMALIZED}`,
  `let gen = Generator(z_dim).to(device);
const gen_opt = torch.optim.Adam(gen.parameters(), lr=lr, betas=[beta_1, beta_2]);
let crit = Critic().to(device);
const crit_opt = torch.optim.Adam(crit.parameters(), lr=lr, betas=[beta_1, beta_2]);

${weightsInit("gen", "crit")}`,
  `// UNQ_C1 (UNIQUE CELL IDENTIFIER, DO NOT EDIT)
// GRADED FUNCTION: get_gradient
function get_gradient(crit, real, fake, epsilon) {
  // Mix the images together
  const mixed_images = real * epsilon + fake * (1 - epsilon);

  // Calculate the critic's scores on the mixed images
  const mixed_scores = crit(mixed_images);

  // Take the gradient of the scores with respect to the images
  const gradient = torch.autograd.grad(
    // Note: You need to take the gradient of outputs with respect to inputs.
    // This documentation may be useful, but it should not be necessary:
    // https://pytorch.org/docs/stable/autograd.html#torch.autograd.grad
    //### START CODE HERE ####
    inputs=mixed_images,
    outputs=mixed_scores,
    //### END CODE HERE ####
    // These other parameters have to do with the pytorch autograd engine works
    grad_outputs=torch.ones_like(mixed_scores),
    create_graph=True,
    retain_graph=True,
  )[0];
  return gradient;
}`,
  `// UNIT TEST
function test_get_gradient(image_shape) {
  const real = torch.randn(...image_shape, device=device) + 1;
  const fake = torch.randn(...image_shape, device=device) - 1;
  const epsilon_shape = image_shape.map((_) => 1);
  epsilon_shape[0] = image_shape[0];
  const epsilon = torch.rand(epsilon_shape, device=device).requires_grad_();
  const gradient = get_gradient(crit, real, fake, epsilon);
  assert(tuple(gradient.shape) == image_shape);
  assert(gradient.max() > 0);
  assert(gradient.min() < 0);
  return gradient;
}

let gradient = test_get_gradient([16, 1, 28, 28]);
print("Success!");`,
  `// UNQ_C2 (UNIQUE CELL IDENTIFIER, DO NOT EDIT)
// GRADED FUNCTION: gradient_penalty
function gradient_penalty(gradient) {
  // Flatten the gradients so that each row captures one image
  gradient = gradient.view(len(gradient), -1);

  // Calculate the magnitude of every row
  const gradient_norm = gradient.norm(2, dim=1);

  // Penalize the mean squared distance of the gradient norms from 1
  //### START CODE HERE ####
  const penalty = torch.mean((gradient_norm - 1)**2);
  //### END CODE HERE ####
  return penalty;
}`,
  `// UNIT TEST
function test_gradient_penalty(image_shape) {
  const bad_gradient = torch.zeros(...image_shape);
  const bad_gradient_penalty = gradient_penalty(bad_gradient);
  assert(torch.isclose(bad_gradient_penalty, torch.tensor(1.)));

  const image_size = torch.prod(torch.Tensor(image_shape.slice(1)));
  const good_gradient = torch.ones(...image_shape) / torch.sqrt(image_size);
  const good_gradient_penalty = gradient_penalty(good_gradient);
  assert(torch.isclose(good_gradient_penalty, torch.tensor(0.)));

  const random_gradient = test_get_gradient(image_shape);
  const random_gradient_penalty = gradient_penalty(random_gradient);
  assert(torch.abs(random_gradient_penalty - 1) < 0.1);
}

test_gradient_penalty([16, 1, 28, 28]);
print("Success!");`,
  `print(gradient.shape, gradient.requires_grad, gradient.grad_fn !== None);
print(round(gradient.abs().sum().item(), 4), round(gradient_penalty(gradient).item(), 5));`,
  `// UNQ_C3 (UNIQUE CELL IDENTIFIER, DO NOT EDIT)
// GRADED FUNCTION: get_gen_loss
function get_gen_loss(crit_fake_pred) {
  //### START CODE HERE ####
  const gen_loss = -1. * torch.mean(crit_fake_pred);
  //### END CODE HERE ####
  return gen_loss;
}`,
  `// UNIT TEST
assert(torch.isclose(
  get_gen_loss(torch.tensor(1.)),
  torch.tensor(-1.0)
));
print("Success!");`,
  `// UNQ_C4 (UNIQUE CELL IDENTIFIER, DO NOT EDIT)
// GRADED FUNCTION: get_crit_loss
function get_crit_loss(crit_fake_pred, crit_real_pred, gp, c_lambda) {
  //### START CODE HERE ####
  const crit_loss = torch.mean(crit_fake_pred) - torch.mean(crit_real_pred) + c_lambda * gp;
  //### END CODE HERE ####
  return crit_loss;
}`,
  `// UNIT TEST
assert(torch.isclose(
  get_crit_loss(torch.tensor(1.), torch.tensor(2.), torch.tensor(3.), 0.1),
  torch.tensor(-0.7)
));
assert(torch.isclose(
  get_crit_loss(torch.tensor(20.), torch.tensor(-20.), torch.tensor(2.), 10),
  torch.tensor(60.)
));

print("Success!");`,
  `let cur_step = 0;
let generator_losses = [];
let critic_losses = [];
for (const epoch of range(n_epochs)) {
  // Dataloader returns the batches
  for (let [real, _] of tqdm(dataloader)) {
    const cur_batch_size = len(real);
    real = real.to(device);

    let mean_iteration_critic_loss = 0;
    let fake;
    for (const _ of range(crit_repeats)) {
      //## Update critic ###
      crit_opt.zero_grad();
      const fake_noise = get_noise(cur_batch_size, z_dim, device=device);
      fake = gen(fake_noise);
      const crit_fake_pred = crit(fake.detach());
      const crit_real_pred = crit(real);

      const epsilon = torch.rand(len(real), 1, 1, 1, device=device, requires_grad=True);
      gradient = get_gradient(crit, real, fake.detach(), epsilon);
      const gp = gradient_penalty(gradient);
      const crit_loss = get_crit_loss(crit_fake_pred, crit_real_pred, gp, c_lambda);

      // Keep track of the average critic loss in this batch
      mean_iteration_critic_loss += crit_loss.item() / crit_repeats;
      // Update gradients
      crit_loss.backward(retain_graph=True);
      // Update optimizer
      crit_opt.step();
    }
    critic_losses += [mean_iteration_critic_loss];

    //## Update generator ###
    gen_opt.zero_grad();
    const fake_noise_2 = get_noise(cur_batch_size, z_dim, device=device);
    const fake_2 = gen(fake_noise_2);
    const crit_fake_pred = crit(fake_2);

    const gen_loss = get_gen_loss(crit_fake_pred);
    gen_loss.backward();

    // Update the weights
    gen_opt.step();

    // Keep track of the average generator loss
    generator_losses += [gen_loss.item()];

    //## Visualization code ###
    if (cur_step % display_step == 0 && cur_step > 0) {
      const gen_mean = sum(generator_losses.slice(-display_step)) / display_step;
      const crit_mean = sum(critic_losses.slice(-display_step)) / display_step;
      print(\`Step \${cur_step}: Generator loss: \${gen_mean}, critic loss: \${crit_mean}\`);
      show_tensor_images(fake);
      show_tensor_images(real);
      const step_bins = 20;
      const num_examples = Math.floor(len(generator_losses) / step_bins) * step_bins;
      plt.plot(
        range(Math.floor(num_examples / step_bins)),
        torch.Tensor(generator_losses.slice(0, num_examples)).view(-1, step_bins).mean(1),
        label="Generator Loss"
      );
      plt.plot(
        range(Math.floor(num_examples / step_bins)),
        torch.Tensor(critic_losses.slice(0, num_examples)).view(-1, step_bins).mean(1),
        label="Critic Loss"
      );
      plt.legend();
      plt.show();
    }

    cur_step += 1;
  }
}`,
  `print(generator_losses.map((v) => round(v, 4)), critic_losses.map((v) => round(v, 4)));`,
];

export const C1W4 = [
  SETUP,
  `${IMPORTS.replace("Set for testing purposes", "Set for our testing purposes")}

function show_tensor_images(image_tensor, num_images=25, size=[1, 28, 28], nrow=5, show=True) {
  // Function for visualizing images: Given a tensor of images, number of images, and
  // size per image, plots and prints the images in an uniform grid.
  image_tensor = (image_tensor + 1) / 2;
  const image_unflat = image_tensor.detach().cpu();
  const image_grid = make_grid(image_unflat[\`:\${num_images}\`], nrow=nrow);
  plt.imshow(image_grid.permute(1, 2, 0).squeeze());
  if (show) {
    plt.show();
  }
}`,
  `${dcganGenerator("input_dim")}
  forward(noise) {
    const x = noise.view(len(noise), this.input_dim, 1, 1);
    return this.gen(x);
  }
}

${getNoise("input_dim")}`,
  `class Discriminator extends nn.Module {
  constructor(im_chan=1, hidden_dim=64) {
    super();
    this.disc = nn.Sequential(
      this.make_disc_block(im_chan, hidden_dim),
      this.make_disc_block(hidden_dim, hidden_dim * 2),
      this.make_disc_block(hidden_dim * 2, 1, final_layer=True),
    );
  }

${dcganDiscBlock("disc")}
  forward(image) {
    const disc_pred = this.disc(image);
    return disc_pred.view(len(disc_pred), -1);
  }
}`,
  `// UNQ_C1 (UNIQUE CELL IDENTIFIER, DO NOT EDIT)
// GRADED FUNCTION: get_one_hot_labels

function get_one_hot_labels(labels, n_classes) {
  //### START CODE HERE ####
  return F.one_hot(labels, n_classes);
  //### END CODE HERE ####
}`,
  `assert(
  get_one_hot_labels(
    labels=torch.Tensor([[0, 2, 1]]).long(),
    n_classes=3
  ).tolist() ==
  [[
    [1, 0, 0],
    [0, 0, 1],
    [0, 1, 0]
  ]]
);
print("Success!");`,
  `// UNQ_C2 (UNIQUE CELL IDENTIFIER, DO NOT EDIT)
// GRADED FUNCTION: combine_vectors
function combine_vectors(x, y) {
  // Note: Make sure this function outputs a float no matter what inputs it receives
  //### START CODE HERE ####
  const combined = torch.cat([x.float(), y.float()], 1);
  //### END CODE HERE ####
  return combined;
}`,
  `assert(tuple(combine_vectors(torch.randn(1, 4, 5), torch.randn(1, 8, 5)).shape) == [1, 12, 5]);
assert(tuple(combine_vectors(torch.randn(1, 10, 12).long(), torch.randn(1, 20, 12).long()).shape) == [1, 30, 12]);
print("Success!");`,
  `const mnist_shape = [1, 28, 28];
const n_classes = 10;`,
  `const criterion = nn.BCEWithLogitsLoss();
const n_epochs = 1;
const z_dim = 64;
const display_step = 1;
const batch_size = 16;
const lr = 0.0002;
const device = 'cpu';

${MNIST_NORMALIZED}`,
  `// UNQ_C3 (UNIQUE CELL IDENTIFIER, DO NOT EDIT)
// GRADED FUNCTION: get_input_dimensions
function get_input_dimensions(z_dim, mnist_shape, n_classes) {
  //### START CODE HERE ####
  const generator_input_dim = z_dim + n_classes;
  const discriminator_im_chan = mnist_shape[0] + n_classes;
  //### END CODE HERE ####
  return [generator_input_dim, discriminator_im_chan];
}`,
  `function test_input_dims() {
  const [gen_dim, disc_dim] = get_input_dimensions(23, [12, 23, 52], 9);
  assert(gen_dim == 32);
  assert(disc_dim == 21);
}
test_input_dims();
print("Success!");`,
  `const [generator_input_dim, discriminator_im_chan] = get_input_dimensions(z_dim, mnist_shape, n_classes);

let gen = Generator(input_dim=generator_input_dim).to(device);
const gen_opt = torch.optim.Adam(gen.parameters(), lr=lr);
let disc = Discriminator(im_chan=discriminator_im_chan).to(device);
const disc_opt = torch.optim.Adam(disc.parameters(), lr=lr);

${weightsInit("gen", "disc")}`,
  `// UNQ_C4 (UNIQUE CELL IDENTIFIER, DO NOT EDIT)
// GRADED CELL
let cur_step = 0;
let generator_losses = [];
let discriminator_losses = [];

//UNIT TEST NOTE: Initializations needed for grading
let noise_and_labels: any = False;
let fake: any = False;

let fake_image_and_labels: any = False;
let real_image_and_labels: any = False;
let disc_fake_pred: any = False;
let disc_real_pred: any = False;
let real, labels, one_hot_labels, image_one_hot_labels;

for (const epoch of range(n_epochs)) {
  // Dataloader returns the batches and the labels
  for ([real, labels] of tqdm(dataloader)) {
    const cur_batch_size = len(real);
    // Flatten the batch of real images from the dataset
    real = real.to(device);

    one_hot_labels = get_one_hot_labels(labels.to(device), n_classes);
    image_one_hot_labels = one_hot_labels[":", ":", None, None];
    image_one_hot_labels = image_one_hot_labels.repeat(1, 1, mnist_shape[1], mnist_shape[2]);

    //## Update discriminator ###
    // Zero out the discriminator gradients
    disc_opt.zero_grad();
    // Get noise corresponding to the current batch_size
    const fake_noise = get_noise(cur_batch_size, z_dim, device=device);

    // Now you can get the images from the generator
    // Steps: 1) Combine the noise vectors and the one-hot labels for the generator
    //        2) Generate the conditioned fake images

    //### START CODE HERE ####
    noise_and_labels = combine_vectors(fake_noise, one_hot_labels);
    fake = gen(noise_and_labels);
    //### END CODE HERE ####

    // Make sure that enough images were generated
    assert(len(fake) == len(real));

    // Now you can get the predictions from the discriminator
    // Steps: 1) Create the input for the discriminator
    //           a) Combine the fake images with image_one_hot_labels,
    //              remember to detach the generator (.detach()) so you do not backpropagate through it
    //           b) Combine the real images with image_one_hot_labels
    //        2) Get the discriminator's prediction on the fakes as disc_fake_pred
    //        3) Get the discriminator's prediction on the reals as disc_real_pred

    //### START CODE HERE ####
    fake_image_and_labels = combine_vectors(fake.detach(), image_one_hot_labels);
    real_image_and_labels = combine_vectors(real, image_one_hot_labels);
    disc_fake_pred = disc(fake_image_and_labels);
    disc_real_pred = disc(real_image_and_labels);
    //### END CODE HERE ####

    // Make sure that enough predictions were made
    assert(len(disc_real_pred) == len(real));
    // Make sure that the inputs are different
    assert(torch.any(fake_image_and_labels != real_image_and_labels));

    const disc_fake_loss = criterion(disc_fake_pred, torch.zeros_like(disc_fake_pred));
    const disc_real_loss = criterion(disc_real_pred, torch.ones_like(disc_real_pred));
    const disc_loss = (disc_fake_loss + disc_real_loss) / 2;
    disc_loss.backward(retain_graph=True);
    disc_opt.step();

    // Keep track of the average discriminator loss
    discriminator_losses += [disc_loss.item()];

    //## Update generator ###
    // Zero out the generator gradients
    gen_opt.zero_grad();

    fake_image_and_labels = combine_vectors(fake, image_one_hot_labels);
    // This will error if you didn't concatenate your labels to your image correctly
    disc_fake_pred = disc(fake_image_and_labels);
    const gen_loss = criterion(disc_fake_pred, torch.ones_like(disc_fake_pred));
    gen_loss.backward();
    gen_opt.step();

    // Keep track of the generator losses
    generator_losses += [gen_loss.item()];
    //

    if (cur_step % display_step == 0 && cur_step > 0) {
      const gen_mean = sum(generator_losses.slice(-display_step)) / display_step;
      const disc_mean = sum(discriminator_losses.slice(-display_step)) / display_step;
      print(\`Step \${cur_step}: Generator loss: \${gen_mean}, discriminator loss: \${disc_mean}\`);
      show_tensor_images(fake);
      show_tensor_images(real);
      const step_bins = 20;
      const x_axis = sorted(list(range(Math.floor(len(generator_losses) / step_bins))).map((i) => i * step_bins) * step_bins);
      const num_examples = Math.floor(len(generator_losses) / step_bins) * step_bins;
      plt.plot(
        range(Math.floor(num_examples / step_bins)),
        torch.Tensor(generator_losses.slice(0, num_examples)).view(-1, step_bins).mean(1),
        label="Generator Loss"
      );
      plt.plot(
        range(Math.floor(num_examples / step_bins)),
        torch.Tensor(discriminator_losses.slice(0, num_examples)).view(-1, step_bins).mean(1),
        label="Discriminator Loss"
      );
      plt.legend();
      plt.show();
    } else if (cur_step == 0) {
      print("Congratulations! If you've gotten here, it's working. Please let this train until you're happy with how the generated numbers look, and then go on to the exploration!");
    }
    cur_step += 1;
  }
}`,
  `print(labels[":6"], one_hot_labels[":2"]);
print(image_one_hot_labels.shape, noise_and_labels.shape, real_image_and_labels.shape);
print(real_image_and_labels[0, "1:", 0, 0]);`,
  `gen = gen.eval();`,
  `const math = Math;

//## Change me! ###
let n_interpolation = 9; // Choose the interpolation: how many intermediate images you want + 2 (for the start and end image)
const interpolation_noise = get_noise(1, z_dim, device=device).repeat(n_interpolation, 1);

function interpolate_class(first_number, second_number) {
  const first_label = get_one_hot_labels(torch.Tensor([first_number]).long(), n_classes);
  const second_label = get_one_hot_labels(torch.Tensor([second_number]).long(), n_classes);

  // Calculate the interpolation vector between the two labels
  const percent_second_label = torch.linspace(0, 1, n_interpolation)[":", None];
  const interpolation_labels = first_label * (1 - percent_second_label) + second_label * percent_second_label;

  // Combine the noise and the labels
  const noise_and_labels = combine_vectors(interpolation_noise, interpolation_labels.to(device));
  const fake = gen(noise_and_labels);
  show_tensor_images(fake, num_images=n_interpolation, nrow=int(math.sqrt(n_interpolation)), show=False);
  // not a course line: what the interpolation fed the generator
  print(interpolation_labels[":", [first_number, second_number]].T, fake.shape);
}

//## Change me! ###
const start_plot_number = 1; // Choose the start digit
//## Change me! ###
const end_plot_number = 5; // Choose the end digit

plt.figure(figsize=[8, 8]);
interpolate_class(start_plot_number, end_plot_number);
const _ = plt.axis('off');`,
];

