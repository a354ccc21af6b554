import { torch } from "../../src";
import type { Tensor } from "../../src/torch";

const { nn, optim } = torch;
const F = nn.functional;

/** A tiny conv net on a synthetic 2-class image task: bright top half vs bright bottom half. */
class Net extends nn.Module {
  conv = new nn.Conv2d(1, 4, 3, { padding: 1 });
  pool = new nn.MaxPool2d(2);
  fc = new nn.Linear(4 * 4 * 4, 2);
  forward(x: Tensor): Tensor {
    return this.fc.forward(this.pool.forward(F.relu(this.conv.forward(x))).flatten(1));
  }
}

function data(n: number): [Tensor, Tensor] {
  const labels = torch.randint(0, 2, [n]);
  const noise = torch.rand(n, 1, 8, 8).mul(0.5);
  const top = torch.cat([torch.ones(1, 1, 4, 8), torch.zeros(1, 1, 4, 8)], 2);
  const bottom = top.flip(2);
  const lab = labels.float().reshape(n, 1, 1, 1);
  const x = noise.add(top.mul(lab.neg().add(1))).add(bottom.mul(lab));
  return [x, labels];
}

test.each([
  ["SGD momentum", (p: Tensor[]) => new optim.SGD(p, { lr: 0.05, momentum: 0.9 })],
  ["Adam", (p: Tensor[]) => new optim.Adam(p, { lr: 0.01 })],
])("a small conv net trains to a falling loss on this backend (%s, DataLoader, StepLR)", async (_name, make) => {
  torch.manual_seed(0);
  const [x, y] = data(64);
  const loader = new torch.utils.data.DataLoader(new torch.utils.data.TensorDataset(x, y), { batch_size: 16, shuffle: true });
  const net = new Net();
  const opt = make(net.parameters());
  const sched = new optim.lr_scheduler.StepLR(opt, 2, { gamma: 0.5 });
  const params = net.parameters();
  const epochLoss: number[] = [];
  for (let epoch = 0; epoch < 4; epoch++) {
    let total = 0;
    for await (const [xb, yb] of loader) {
      opt.zero_grad();
      const loss = F.cross_entropy(net.forward(xb), yb);
      loss.backward();
      opt.step();
      total += loss.item();
    }
    sched.step();
    epochLoss.push(total / loader.length);
  }
  expect(epochLoss[3]).toBeLessThan(epochLoss[0] * 0.7);
  // The optimizer updated the module's own Parameter objects.
  net.parameters().forEach((p, i) => expect(p).toBe(params[i]));
  expect(opt.param_groups[0].lr).toBeCloseTo((opt.defaults.lr as number) * 0.25, 12);
});
