/**
 * pytorch/examples mnist/main.py ported line by line against PyTorch 1.13
 * (test/reference/gen_tutorials3.py, section mnist_example): the two-conv Net with Dropout(0.25) and
 * Dropout(0.5) (PyTorch's masks while training: the same seeded generator; none in eval mode),
 * log_softmax + nll_loss, Adadelta(lr=1.0) and StepLR(step_size=1, gamma=0.7), the example's train and
 * test printouts. MNIST is replaced by gen_tutorials2.py's synthetic digits, normalised with the
 * example's (0.1307,), (0.3081,).
 */
import { torch } from "../../src";
import { digits, reference, expectSamePrint, expectTensor, Encoded } from "./_tutorial";

const { nn } = torch;
const F = nn.functional;
const { DataLoader, TensorDataset, len } = torch.utils.data;
type Tensor = InstanceType<typeof torch.Tensor>;
type Loader = InstanceType<typeof DataLoader<Tensor[], Tensor[]>>;
const R = reference("mnist_example");

class Net extends nn.Module {
  conv1 = new nn.Conv2d(1, 32, 3, 1);
  conv2 = new nn.Conv2d(32, 64, 3, 1);
  dropout1 = new nn.Dropout(0.25);
  dropout2 = new nn.Dropout(0.5);
  fc1 = new nn.Linear(9216, 128);
  fc2 = new nn.Linear(128, 10);

  forward(x: Tensor): Tensor {
    x = this.conv1(x);
    x = F.relu(x);
    x = this.conv2(x);
    x = F.relu(x);
    x = F.max_pool2d(x, 2);
    x = this.dropout1(x);
    x = torch.flatten(x, 1);
    x = this.fc1(x);
    x = F.relu(x);
    x = this.dropout2(x);
    x = this.fc2(x);
    const output = F.log_softmax(x, { dim: 1 });
    return output;
  }
}

test("mnist_example: Net with dropout, Adadelta + StepLR, train and test printouts", () => {
  const printed: string[] = [];
  const log_interval = 2;

  function train(model: Net, train_loader: Loader, optimizer: InstanceType<typeof torch.optim.Adadelta>, epoch: number): void {
    model.train();
    let batch_idx = 0;
    for (const [data, target] of train_loader) {
      optimizer.zero_grad();
      const output = model(data);
      const loss = F.nll_loss(output, target);
      loss.backward();
      optimizer.step();
      if (batch_idx % log_interval === 0) {
        printed.push(
          `Train Epoch: ${epoch} [${batch_idx * len(data)}/${len(train_loader.dataset)} (${((100 * batch_idx) / len(train_loader)).toFixed(0)}%)]\tLoss: ${loss.item().toFixed(6)}`,
        );
      }
      batch_idx++;
    }
  }

  function test(model: Net, test_loader: Loader): void {
    model.eval();
    let test_loss = 0;
    let correct = 0;
    torch.no_grad(() => {
      for (const [data, target] of test_loader) {
        const output = model(data);
        test_loss += F.nll_loss(output, target, { reduction: "sum" }).item(); // sum up batch loss
        const pred = output.argmax({ dim: 1, keepdim: true }); // get the index of the max log-probability
        correct += pred.eq(target.view_as(pred)).sum().item();
      }
    });
    const n = len(test_loader.dataset);
    test_loss /= n;
    printed.push(`\nTest set: Average loss: ${test_loss.toFixed(4)}, Accuracy: ${correct}/${n} (${((100 * correct) / n).toFixed(0)}%)\n`);
  }

  torch.manual_seed(1);
  // transforms.Normalize((0.1307,), (0.3081,)) after ToTensor
  let [tx, ty] = digits(24, 0);
  let [vx, vy] = digits(10, 5);
  tx = tx.sub(0.1307).div(0.3081);
  vx = vx.sub(0.1307).div(0.3081);
  const train_loader: Loader = new DataLoader(new TensorDataset(tx, ty), { batch_size: 8, shuffle: true });
  const test_loader: Loader = new DataLoader(new TensorDataset(vx, vy), { batch_size: 5 });
  const model = new Net();
  const optimizer = new torch.optim.Adadelta(model.parameters(), { lr: 1.0 });
  const scheduler = new torch.optim.lr_scheduler.StepLR(optimizer, { step_size: 1, gamma: 0.7 });
  const lrs: number[] = [];
  for (let epoch = 1; epoch <= 2; epoch++) {
    train(model, train_loader, optimizer, epoch);
    test(model, test_loader);
    scheduler.step();
    lrs.push(optimizer.param_groups[0].lr as number);
  }
  expect(printed.length).toBe((R.printed as string[]).length);
  (R.printed as string[]).forEach((want, i) => expectSamePrint(printed[i], want, 1e-3));
  lrs.forEach((lr, i) => expect(lr).toBeCloseTo((R.lrs as number[])[i], 12));
  expectTensor(model.fc2.bias!, R.fc2_bias as Encoded, 1e-3);
});
