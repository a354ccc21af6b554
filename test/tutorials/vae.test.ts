/**
 * pytorch/examples vae/main.py ported line by line against PyTorch 1.13
 * (test/reference/gen_tutorials3.py, section vae): the fc encoder to (mu, logvar), reparameterize with
 * torch.randn_like (PyTorch's noise: the same seeded generator), the sigmoid decoder, the BCE (sum) +
 * KLD loss, Adam(lr=1e-3), the train / test printouts, the comparison grid's torch.cat and sampling
 * from N(0, I) through decode. MNIST is replaced by gen_tutorials2.py's synthetic digits.
 */
import { torch } from "../../src";
import { digits, reference, expectSamePrint } from "./_tutorial";

const { nn } = torch;
const F = nn.functional;
const { DataLoader, TensorDataset, len } = torch.utils.data;
type Tensor = InstanceType<typeof torch.Tensor>;
const R = reference("vae");

class VAE extends nn.Module {
  fc1 = new nn.Linear(784, 400);
  fc21 = new nn.Linear(400, 20);
  fc22 = new nn.Linear(400, 20);
  fc3 = new nn.Linear(20, 400);
  fc4 = new nn.Linear(400, 784);

  encode(x: Tensor): [Tensor, Tensor] {
    const h1 = F.relu(this.fc1(x));
    return [this.fc21(h1), this.fc22(h1)];
  }
  reparameterize(mu: Tensor, logvar: Tensor): Tensor {
    const std = torch.exp(logvar.mul(0.5));
    const eps = torch.randn_like(std);
    return mu.add(eps.mul(std));
  }
  decode(z: Tensor): Tensor {
    const h3 = F.relu(this.fc3(z));
    return torch.sigmoid(this.fc4(h3));
  }
  forward(x: Tensor): [Tensor, Tensor, Tensor] {
    const [mu, logvar] = this.encode(x.view(-1, 784));
    const z = this.reparameterize(mu, logvar);
    return [this.decode(z), mu, logvar];
  }
}

// Reconstruction + KL divergence losses summed over all elements and batch
function loss_function(recon_x: Tensor, x: Tensor, mu: Tensor, logvar: Tensor): Tensor {
  const BCE = F.binary_cross_entropy(recon_x, x.view(-1, 784), { reduction: "sum" });
  // 0.5 * sum(1 + log(sigma^2) - mu^2 - sigma^2)
  const KLD = torch.sum(logvar.add(1).sub(mu.pow(2)).sub(logvar.exp())).mul(-0.5);
  return BCE.add(KLD);
}

test("vae: two epochs of Adam on BCE + KLD, test loss, comparison grid and samples", () => {
  torch.manual_seed(1);
  const [tx, ty] = digits(32, 0);
  const [vx, vy] = digits(16, 3);
  const batch_size = 8;
  const train_loader = new DataLoader(new TensorDataset(tx, ty), { batch_size, shuffle: true });
  const test_loader = new DataLoader(new TensorDataset(vx, vy), { batch_size, shuffle: false });
  const model = new VAE();
  const optimizer = new torch.optim.Adam(model.parameters(), { lr: 1e-3 });
  const printed: string[] = [];
  const log_interval = 2;
  const n_train = len(train_loader.dataset);
  const n_test = len(test_loader.dataset);

  function train(epoch: number): void {
    model.train();
    let train_loss = 0;
    let batch_idx = 0;
    for (const [data] of train_loader) {
      optimizer.zero_grad();
      const [recon_batch, mu, logvar] = model(data);
      const loss = loss_function(recon_batch, data, mu, logvar);
      loss.backward();
      train_loss += loss.item();
      optimizer.step();
      if (batch_idx % log_interval === 0) {
        printed.push(`Train Epoch: ${epoch} [${batch_idx * len(data)}/${n_train} (${((100 * batch_idx) / len(train_loader)).toFixed(0)}%)]\tLoss: ${(loss.item() / len(data)).toFixed(6)}`);
      }
      batch_idx++;
    }
    printed.push(`====> Epoch: ${epoch} Average loss: ${(train_loss / n_train).toFixed(4)}`);
  }

  function test(): Tensor {
    model.eval();
    let test_loss = 0;
    let comparison!: Tensor;
    torch.no_grad(() => {
      let i = 0;
      for (const [data] of test_loader) {
        const [recon_batch, mu, logvar] = model(data);
        test_loss += loss_function(recon_batch, data, mu, logvar).item();
        if (i === 0) {
          const n = Math.min(data.size(0), 8);
          comparison = torch.cat([data.index(`:${n}`), recon_batch.view(batch_size, 1, 28, 28).index(`:${n}`)]);
        }
        i++;
      }
    });
    test_loss /= n_test;
    printed.push(`====> Test set loss: ${test_loss.toFixed(4)}`);
    return comparison;
  }

  for (let epoch = 1; epoch <= 2; epoch++) {
    train(epoch);
    const comparison = test();
    const sample = torch.no_grad(() => model.decode(torch.randn(64, 20)).cpu());
    expect(comparison.shape).toEqual(R[`comparison_shape_${epoch}`]);
    expect(comparison.sum().item()).toBeCloseTo(R[`comparison_sum_${epoch}`] as number, 0);
    expect(sample.view(64, 1, 28, 28).shape).toEqual(R[`sample_shape_${epoch}`]);
    expect(Math.abs(sample.sum().item() - (R[`sample_sum_${epoch}`] as number))).toBeLessThan(0.05);
  }
  expect(printed.length).toBe((R.printed as string[]).length);
  (R.printed as string[]).forEach((want, i) => expectSamePrint(printed[i], want, 1e-4));
});
