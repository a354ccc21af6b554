/**
 * "Spatial Transformer Networks Tutorial" (pytorch/tutorials intermediate_source/
 * spatial_transformer_tutorial.py) ported line by line against PyTorch 1.13
 * (test/reference/gen_tutorials2.py, section stn): the localization network and fc_loc regressor
 * initialised to the identity through `fc_loc[2].weight.data.zero_()` and `bias.data.copy_`,
 * F.affine_grid / F.grid_sample with their default align_corners, the train and test loops (with the
 * deprecated `size_average=False` of nll_loss) and make_grid of the input and transformed batches.
 * MNIST is replaced by synthetic digits; `torch.manual_seed(3)` gives both sides the same weights,
 * dropout masks and shuffles.
 */
import { torch, torchvision } from "../../src";
import { digits, reference, expectSamePrint, Encoded } from "./_tutorial";

const { nn, optim } = torch;
const F = nn.functional;
const { transforms } = torchvision;
const { TensorDataset, DataLoader } = torch.utils.data;
type Tensor = InstanceType<typeof torch.Tensor>;
type Linear = InstanceType<typeof nn.Linear>;
const R = reference("stn");

class Net extends nn.Module {
  conv1 = new nn.Conv2d(1, 10, { kernel_size: 5 });
  conv2 = new nn.Conv2d(10, 20, { kernel_size: 5 });
  conv2_drop = new nn.Dropout2d();
  fc1 = new nn.Linear(320, 50);
  fc2 = new nn.Linear(50, 10);
  // Spatial transformer localization-network
  localization = new nn.Sequential(
    new nn.Conv2d(1, 8, { kernel_size: 7 }),
    new nn.MaxPool2d(2, { stride: 2 }),
    new nn.ReLU(true),
    new nn.Conv2d(8, 10, { kernel_size: 5 }),
    new nn.MaxPool2d(2, { stride: 2 }),
    new nn.ReLU(true),
  );
  // Regressor for the 3 * 2 affine matrix
  fc_loc = new nn.Sequential(new nn.Linear(10 * 3 * 3, 32), new nn.ReLU(true), new nn.Linear(32, 3 * 2));
  constructor() {
    super();
    // Initialize the weights/bias with identity transformation
    (this.fc_loc.get(2) as Linear).weight.data.zero_();
    (this.fc_loc.get(2) as Linear).bias!.data.copy_(torch.tensor([1, 0, 0, 0, 1, 0], { dtype: torch.float }));
  }
  // Spatial transformer network forward function
  stn(x: Tensor): Tensor {
    let xs = this.localization(x);
    xs = xs.view(-1, 10 * 3 * 3);
    let theta = this.fc_loc(xs);
    theta = theta.view(-1, 2, 3);
    const grid = F.affine_grid(theta, x.size());
    x = F.grid_sample(x, grid);
    return x;
  }
  forward(x: Tensor): Tensor {
    // transform the input
    x = this.stn(x);
    // Perform the usual forward pass
    x = F.relu(F.max_pool2d(this.conv1(x), 2));
    x = F.relu(F.max_pool2d(this.conv2_drop(this.conv2(x)), 2));
    x = x.view(-1, 320);
    x = F.relu(this.fc1(x));
    x = F.dropout(x, { training: this.training });
    x = this.fc2(x);
    return F.log_softmax(x, { dim: 1 });
  }
}

test("spatial transformer: identity-initialised fc_loc, affine_grid + grid_sample, train/test loops, make_grid", () => {
  const normalize = new transforms.Normalize([0.1307], [0.3081]);
  torch.manual_seed(3);
  const [train_x, train_y] = digits(40, 0);
  const [test_x, test_y] = digits(20, 5);
  const train_loader = new DataLoader(new TensorDataset(normalize(train_x), train_y), { batch_size: 8, shuffle: true });
  const test_loader = new DataLoader(new TensorDataset(normalize(test_x), test_y), { batch_size: 8, shuffle: true });
  const model = new Net();
  expect(String(model)).toBe(R.repr);
  const optimizer = new optim.SGD(model.parameters(), { lr: 0.01 });
  const printed: string[] = [];
  const { len } = torch.utils.data;

  function train(epoch: number): void {
    model.train();
    let batch_idx = 0;
    for (const [data, target] of train_loader) {
      optimizer.zero_grad();
      const output = model(data);
      const loss = F.nll_loss(output, target);
      loss.backward();
      optimizer.step();
      if (batch_idx % 2 === 0) {
        printed.push(
          `Train Epoch: ${epoch} [${batch_idx * len(data)}/${len(train_loader.dataset)} (${((100 * batch_idx) / len(train_loader)).toFixed(0)}%)]\tLoss: ${loss.item().toFixed(6)}`,
        );
      }
      batch_idx++;
    }
  }

  function test_(): void {
    torch.no_grad(() => {
      model.eval();
      let test_loss = 0;
      let correct = 0;
      for (const [data, target] of test_loader) {
        const output = model(data);
        // sum up batch loss
        test_loss += F.nll_loss(output, target, { size_average: false }).item();
        // get the index of the max log-probability
        const pred = output.max(1, { keepdim: true })[1];
        correct += pred.eq(target.view_as(pred)).sum().item();
      }
      test_loss /= len(test_loader.dataset);
      const n = len(test_loader.dataset);
      printed.push(`\nTest set: Average loss: ${test_loss.toFixed(4)}, Accuracy: ${correct}/${n} (${((100 * correct) / n).toFixed(0)}%)\n`);
    });
  }

  for (let epoch = 1; epoch < 4; epoch++) {
    train(epoch);
    test_();
  }
  const want = R.printed as string[];
  expect(printed.length).toBe(want.length);
  printed.forEach((p, i) => expectSamePrint(p, want[i], 1e-3));
  // theta's translation moves little (its gradient sums large terms of both signs), and on the first
  // step, with every sampling point on a pixel centre, the backends' conv rounding decides some max-pool
  // ties differently: its two translation entries keep a few 1e-3 of that first-step difference.
  const bias = (model.fc_loc.get(2) as Linear).bias!;
  expect(bias.shape).toEqual((R.theta_bias as Encoded).shape);
  bias.tolist().forEach((v, i) => expect(Math.abs((v as number) - ((R.theta_bias as Encoded).values[i] as number))).toBeLessThan(6e-3));

  function visualize_stn(): [Tensor, Tensor] {
    return torch.no_grad(() => {
      // Get a batch of training data
      const data = (test_loader[Symbol.iterator]().next().value as Tensor[])[0];
      const input_tensor = data.cpu();
      const transformed_input_tensor = model.stn(data).cpu();
      const in_grid = torchvision.utils.make_grid(input_tensor);
      const out_grid = torchvision.utils.make_grid(transformed_input_tensor);
      return [in_grid, out_grid];
    });
  }
  const [in_grid, out_grid] = visualize_stn();
  const wi = R.in_grid as { shape: number[]; sum: number };
  const wo = R.out_grid as { shape: number[]; sum: number };
  expect(in_grid.shape).toEqual(wi.shape);
  expect(Math.abs(in_grid.sum().item() - wi.sum)).toBeLessThan(1e-3 * Math.abs(wi.sum));
  expect(out_grid.shape).toEqual(wo.shape);
  // The transformed batch moves with theta's translation (above): a few thousandths of a pixel.
  expect(Math.abs(out_grid.sum().item() - wo.sum)).toBeLessThan(5e-3 * Math.abs(wo.sum));
});
