/**
 * "DCGAN Tutorial" (pytorch/tutorials beginner_source/dcgan_faces_tutorial.py) ported line by line at
 * a small scale (16x16 images, nz=16, ngf=ndf=8, one ConvTranspose2d/Conv2d block fewer on each side)
 * against PyTorch 1.13 (test/reference/gen_tutorials2.py, section dcgan): weights_init dispatching on
 * the class name through `netG.apply`, BCELoss, Adam with betas, torch.full labels and fill_, the
 * alternating D and G steps, and make_grid of the fixed-noise fakes. CelebA is replaced by 32 synthetic
 * images in [-1, 1]; `torch.manual_seed(999)` gives both sides the same weights, noise and shuffles.
 */
import { torch, torchvision } from "../../src";
import { reference, expectSamePrint, expectTensor, Encoded } from "./_tutorial";

const { nn, optim } = torch;
const vutils = torchvision.utils;
const { TensorDataset, DataLoader } = torch.utils.data;
type Tensor = InstanceType<typeof torch.Tensor>;
type Module = InstanceType<typeof nn.Module>;
const R = reference("dcgan");

interface GridSummary {
  shape: number[];
  sum: number;
  corner: Encoded;
}
function expectGrid(grid: Tensor, want: GridSummary, corner: string): void {
  expect(grid.shape).toEqual(want.shape);
  expect(Math.abs(grid.sum().item() - want.sum)).toBeLessThan(2e-3 * Math.abs(want.sum));
  expectTensor(grid.index(corner), want.corner, 2e-3);
}

// Number of channels in the training images. For color images this is 3
const nc = 3;
// Size of z latent vector (i.e. size of generator input)
const nz = 16;
// Size of feature maps in generator
const ngf = 8;
// Size of feature maps in discriminator
const ndf = 8;

// custom weights initialization called on ``netG`` and ``netD``
function weights_init(m: Module): void {
  const classname = m.constructor.name;
  if (classname.indexOf("Conv") !== -1) {
    nn.init.normal_((m as InstanceType<typeof nn.Conv2d>).weight.data, 0.0, 0.02);
  } else if (classname.indexOf("BatchNorm") !== -1) {
    const bn = m as InstanceType<typeof nn.BatchNorm2d>;
    nn.init.normal_(bn.weight!.data, 1.0, 0.02);
    nn.init.constant_(bn.bias!.data, 0);
  }
}

class Generator extends nn.Module {
  main: InstanceType<typeof nn.Sequential>;
  constructor() {
    super();
    this.main = new nn.Sequential(
      // input is Z, going into a convolution
      new nn.ConvTranspose2d(nz, ngf * 4, 4, 1, 0, { bias: false }),
      new nn.BatchNorm2d(ngf * 4),
      new nn.ReLU(true),
      // state size. ``(ngf*4) x 4 x 4``
      new nn.ConvTranspose2d(ngf * 4, ngf * 2, 4, 2, 1, { bias: false }),
      new nn.BatchNorm2d(ngf * 2),
      new nn.ReLU(true),
      // state size. ``(ngf*2) x 8 x 8``
      new nn.ConvTranspose2d(ngf * 2, nc, 4, 2, 1, { bias: false }),
      new nn.Tanh(),
      // state size. ``(nc) x 16 x 16``
    );
  }
  forward(input: Tensor): Tensor {
    return this.main(input);
  }
}

class Discriminator extends nn.Module {
  main: InstanceType<typeof nn.Sequential>;
  constructor() {
    super();
    this.main = new nn.Sequential(
      // input is ``(nc) x 16 x 16``
      new nn.Conv2d(nc, ndf, 4, 2, 1, { bias: false }),
      new nn.LeakyReLU(0.2, { inplace: true }),
      // state size. ``(ndf) x 8 x 8``
      new nn.Conv2d(ndf, ndf * 2, 4, 2, 1, { bias: false }),
      new nn.BatchNorm2d(ndf * 2),
      new nn.LeakyReLU(0.2, { inplace: true }),
      // state size. ``(ndf*2) x 4 x 4``
      new nn.Conv2d(ndf * 2, 1, 4, 1, 0, { bias: false }),
      new nn.Sigmoid(),
    );
  }
  forward(input: Tensor): Tensor {
    return this.main(input);
  }
}

test("dcgan: weights_init by class name, alternating D/G Adam steps with BCELoss, make_grid of the fakes", () => {
  // Set random seed for reproducibility
  const manualSeed = 999;
  torch.manual_seed(manualSeed);
  const batch_size = 8;
  const image_size = 16;
  const num_epochs = 2;
  const lr = 0.0002;
  const beta1 = 0.5;

  const n = 32;
  const idx = torch.arange(n * nc * image_size * image_size, { dtype: torch.float32 });
  const images = torch.sin(idx.mul(0.013)).reshape(n, nc, image_size, image_size).mul(0.9);
  const dataset = new TensorDataset(images, torch.zeros(n, { dtype: torch.long }));
  // Create the dataloader
  const dataloader = new DataLoader(dataset, { batch_size, shuffle: true });

  // Plot some training images
  const real_batch = dataloader[Symbol.iterator]().next().value as Tensor[];
  expectGrid(vutils.make_grid(real_batch[0].index(":64"), { padding: 2, normalize: true }), R.real_grid as GridSummary, ":, :4, :4");

  // Create the generator and apply the ``weights_init`` function to randomly initialize all weights
  const netG = new Generator();
  netG.apply(weights_init);
  expect(String(netG)).toBe(R.netG);
  const netD = new Discriminator();
  netD.apply(weights_init);
  expect(String(netD)).toBe(R.netD);
  const firstWeight = (s: InstanceType<typeof nn.Sequential>, i: number) => (s.get(i) as InstanceType<typeof nn.Conv2d>).weight.sum().item();
  const init_sums = [firstWeight(netG.main, 0), firstWeight(netG.main, 1), firstWeight(netD.main, 0)];
  init_sums.forEach((s, i) => expect(Math.abs(s - (R.init_sums as number[])[i])).toBeLessThan(1e-4));

  // Initialize the ``BCELoss`` function
  const criterion = new nn.BCELoss();
  // Create batch of latent vectors that we will use to visualize the progression of the generator
  const fixed_noise = torch.randn(64, nz, 1, 1);
  // Establish convention for real and fake labels during training
  const real_label = 1;
  const fake_label = 0;
  // Setup Adam optimizers for both G and D
  const optimizerD = new optim.Adam(netD.parameters(), { lr, betas: [beta1, 0.999] });
  const optimizerG = new optim.Adam(netG.parameters(), { lr, betas: [beta1, 0.999] });

  // Lists to keep track of progress
  const img_list: Tensor[] = [];
  const G_losses: number[] = [];
  const D_losses: number[] = [];
  let iters = 0;
  const printed: string[] = [];

  function training_loop(): void {
    for (let epoch = 0; epoch < num_epochs; epoch++) {
      let i = 0;
      for (const data of dataloader) {
        // (1) Update D network: maximize log(D(x)) + log(1 - D(G(z)))
        // Train with all-real batch
        netD.zero_grad();
        const real_cpu = data[0];
        const b_size = real_cpu.size(0);
        const label = torch.full([b_size], real_label, { dtype: torch.float });
        // Forward pass real batch through D
        let output = netD(real_cpu).view(-1);
        // Calculate loss on all-real batch
        const errD_real = criterion(output, label);
        // Calculate gradients for D in backward pass
        errD_real.backward();
        const D_x = output.mean().item();

        // Train with all-fake batch
        // Generate batch of latent vectors
        const noise = torch.randn(b_size, nz, 1, 1);
        // Generate fake image batch with G
        const fake = netG(noise);
        label.fill_(fake_label);
        // Classify all fake batch with D
        output = netD(fake.detach()).view(-1);
        // Calculate D's loss on the all-fake batch
        const errD_fake = criterion(output, label);
        // Calculate the gradients for this batch, accumulated (summed) with previous gradients
        errD_fake.backward();
        const D_G_z1 = output.mean().item();
        // Compute error of D as sum over the fake and the real batches
        const errD = errD_real.add(errD_fake);
        // Update D
        optimizerD.step();

        // (2) Update G network: maximize log(D(G(z)))
        netG.zero_grad();
        label.fill_(real_label); // fake labels are real for generator cost
        // Since we just updated D, perform another forward pass of all-fake batch through D
        output = netD(fake).view(-1);
        // Calculate G's loss based on this output
        const errG = criterion(output, label);
        // Calculate gradients for G
        errG.backward();
        const D_G_z2 = output.mean().item();
        // Update G
        optimizerG.step();

        // Output training stats
        if (i % 2 === 0) {
          printed.push(
            `[${epoch}/${num_epochs}][${i}/${dataloader.length}]\tLoss_D: ${errD.item().toFixed(4)}\tLoss_G: ${errG.item().toFixed(4)}\tD(x): ${D_x.toFixed(4)}\tD(G(z)): ${D_G_z1.toFixed(4)} / ${D_G_z2.toFixed(4)}`,
          );
        }
        // Save Losses for plotting later
        G_losses.push(errG.item());
        D_losses.push(errD.item());
        // Check how the generator is doing by saving G's output on fixed_noise
        if (iters % 5 === 0 || (epoch === num_epochs - 1 && i === dataloader.length - 1)) {
          const fake = torch.no_grad(() => netG(fixed_noise).detach().cpu());
          img_list.push(vutils.make_grid(fake, { padding: 2, normalize: true }));
        }
        iters += 1;
        i += 1;
      }
    }
  }
  training_loop();

  (R.printed as string[]).forEach((want, k) => expectSamePrint(printed[k], want, 1e-3));
  expect(printed.length).toBe((R.printed as string[]).length);
  G_losses.forEach((l, k) => expect(Math.abs(l - (R.G_losses as number[])[k])).toBeLessThan(2e-4));
  D_losses.forEach((l, k) => expect(Math.abs(l - (R.D_losses as number[])[k])).toBeLessThan(2e-4));
  const want_imgs = R.img_list as GridSummary[];
  expect(img_list.length).toBe(want_imgs.length);
  img_list.forEach((g, k) => expectGrid(g, want_imgs[k], ":, 2:6, 2:6"));
});
