/**
 * pytorch/examples super_resolution (model.py and main.py) ported line by line against PyTorch 1.13
 * (test/reference/gen_tutorials5.py, section super_resolution): four convolutions with tuple
 * kernel/stride/padding, nn.PixelShuffle, weights from nn.init.orthogonal_ scaled by
 * nn.init.calculate_gain('relu') (PyTorch's draws: same seed, same weights), MSELoss and Adam over a
 * shuffled DataLoader, the PSNR test loop under no_grad, and the printed model.
 * BSDS300 becomes 8 + 4 sine images of 12x12, their low-resolution inputs average-pooled by the upscale
 * factor 3; batch sizes 64 / 10 become 4 / 2; the checkpoint's torch.save is left out.
 */
import { torch } from "../../src";
import { reference, expectSamePrint, expectTensor, Encoded } from "./_tutorial";

const { nn, optim } = torch;
const F = nn.functional;
const init = nn.init;
type Tensor = InstanceType<typeof torch.Tensor>;
const R = reference("super_resolution");

class Net extends nn.Module {
  relu: InstanceType<typeof nn.ReLU>;
  conv1: InstanceType<typeof nn.Conv2d>;
  conv2: InstanceType<typeof nn.Conv2d>;
  conv3: InstanceType<typeof nn.Conv2d>;
  conv4: InstanceType<typeof nn.Conv2d>;
  pixel_shuffle: InstanceType<typeof nn.PixelShuffle>;
  constructor(upscale_factor: number) {
    super();
    this.relu = new nn.ReLU();
    this.conv1 = new nn.Conv2d(1, 64, [5, 5], [1, 1], [2, 2]);
    this.conv2 = new nn.Conv2d(64, 64, [3, 3], [1, 1], [1, 1]);
    this.conv3 = new nn.Conv2d(64, 32, [3, 3], [1, 1], [1, 1]);
    this.conv4 = new nn.Conv2d(32, upscale_factor ** 2, [3, 3], [1, 1], [1, 1]);
    this.pixel_shuffle = new nn.PixelShuffle(upscale_factor);
    this._initialize_weights();
  }
  forward(x: Tensor): Tensor {
    x = this.relu(this.conv1(x));
    x = this.relu(this.conv2(x));
    x = this.relu(this.conv3(x));
    x = this.pixel_shuffle(this.conv4(x));
    return x;
  }
  _initialize_weights(): void {
    init.orthogonal_(this.conv1.weight, init.calculate_gain("relu"));
    init.orthogonal_(this.conv2.weight, init.calculate_gain("relu"));
    init.orthogonal_(this.conv3.weight, init.calculate_gain("relu"));
    init.orthogonal_(this.conv4.weight);
  }
}

function images(n: number, k0: number): Tensor {
  const i = torch.arange(12, { dtype: torch.float32 });
  const out = torch.zeros(n, 1, 12, 12);
  for (let k = 0; k < n; k++) {
    out.setitem([k, 0], torch.sin(i.view(12, 1).mul(0.3 + 0.05 * (k + k0))).mul(torch.cos(i.view(1, 12).mul(0.2 + 0.07 * (k + k0)))).mul(0.4).add(0.5));
  }
  return out;
}

test("super_resolution: orthogonal init, PixelShuffle, Adam over a DataLoader, PSNR", () => {
  const printed: string[] = [];
  const print = (...a: unknown[]) => printed.push(a.map(String).join(" "));
  const upscale_factor = 3;
  torch.manual_seed(123);
  print("===> Loading datasets");
  const train_target = images(8, 0);
  const test_target = images(4, 8);
  const train_set = new torch.utils.data.TensorDataset(F.avg_pool2d(train_target, upscale_factor), train_target);
  const test_set = new torch.utils.data.TensorDataset(F.avg_pool2d(test_target, upscale_factor), test_target);
  const training_data_loader = new torch.utils.data.DataLoader(train_set, { num_workers: 0, batch_size: 4, shuffle: true });
  const testing_data_loader = new torch.utils.data.DataLoader(test_set, { num_workers: 0, batch_size: 2, shuffle: false });
  print("===> Building model");
  const model = new Net(upscale_factor);
  expectTensor(model.conv1.weight, R.conv1_weight as Encoded, 1e-4);
  expectTensor(model.conv2.weight, R.conv2_weight as Encoded, 1e-4);
  expectTensor(model.conv4.weight, R.conv4_weight as Encoded, 1e-4);
  expect(init.calculate_gain("relu")).toBeCloseTo(R.gain_relu as number, 12);
  expectTensor(model(test_set.getitem(0)[0].unsqueeze(0)), R.forward0 as Encoded, 1e-4);
  const criterion = new nn.MSELoss();
  const optimizer = new optim.Adam(model.parameters(), { lr: 0.01 });

  function train(epoch: number): void {
    let epoch_loss = 0;
    let iteration = 0;
    for (const batch of training_data_loader) {
      iteration += 1;
      const [input, target] = [batch[0], batch[1]];
      optimizer.zero_grad();
      const loss = criterion(model(input), target);
      epoch_loss += loss.item();
      loss.backward();
      optimizer.step();
      print(`===> Epoch[${epoch}](${iteration}/${training_data_loader.length}): Loss: ${loss.item().toFixed(4)}`);
    }
    print(`===> Epoch ${epoch} Complete: Avg. Loss: ${(epoch_loss / training_data_loader.length).toFixed(4)}`);
  }

  function test_(): void {
    let avg_psnr = 0;
    torch.no_grad(() => {
      for (const batch of testing_data_loader) {
        const [input, target] = [batch[0], batch[1]];
        const prediction = model(input);
        const mse = criterion(prediction, target);
        const psnr = 10 * Math.log10(1 / mse.item());
        avg_psnr += psnr;
      }
    });
    print(`===> Avg. PSNR: ${(avg_psnr / testing_data_loader.length).toFixed(4)} dB`);
  }

  for (let epoch = 1; epoch < 2 + 1; epoch++) {
    train(epoch);
    test_();
  }
  print(model);
  expectTensor(model.conv4.weight, R.conv4_after as Encoded, 1e-3);
  const want = R.printed as string[];
  expect(printed.length).toBe(want.length);
  printed.forEach((p, i) => expectSamePrint(p, want[i], 1e-3));
});
