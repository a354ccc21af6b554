/**
 * "Adversarial Example Generation" (pytorch/tutorials beginner_source/fgsm_tutorial.py) ported line by
 * line against PyTorch 1.13 (test/reference/gen_tutorials2.py, section fgsm): the LeNet with Dropout2d
 * and F.dropout, model.eval(), an input with requires_grad set, F.nll_loss, data.grad.sign(),
 * torch.clamp, denorm and transforms.Normalize, `output.max(1, keepdim=True)[1]`, and the accuracy per
 * epsilon. The tutorial's pretrained MNIST weights are replaced by a few epochs of training on
 * synthetic digits (seeded on both sides), MNIST's test set by 20 synthetic digits.
 */
import { torch, torchvision } from "../../src";
import { digits, reference } from "./_tutorial";

const { nn, optim } = torch;
const F = nn.functional;
const { transforms } = torchvision;
const { TensorDataset, DataLoader } = torch.utils.data;
type Tensor = InstanceType<typeof torch.Tensor>;
const R = reference("fgsm");

// LeNet Model definition
class Net extends nn.Module {
  conv1 = new nn.Conv2d(1, 10, { kernel_size: 5 });
  conv2 = new nn.Conv2d(10, 20, { kernel_size: 5 });
  conv2_drop = new nn.Dropout2d();
  fc1 = new nn.Linear(320, 50);
  fc2 = new nn.Linear(50, 10);
  forward(x: Tensor): Tensor {
    x = F.relu(F.max_pool2d(this.conv1(x), 2));
    x = F.relu(F.max_pool2d(this.conv2_drop(this.conv2(x)), 2));
    x = x.view(-1, 320);
    x = F.relu(this.fc1(x));
    x = F.dropout(x, { training: this.training });
    x = this.fc2(x);
    return F.log_softmax(x, { dim: 1 });
  }
}

// FGSM attack code
function fgsm_attack(image: Tensor, epsilon: number, data_grad: Tensor): Tensor {
  // Collect the element-wise sign of the data gradient
  const sign_data_grad = data_grad.sign();
  // Create the perturbed image by adjusting each pixel of the input image
  let perturbed_image = image.add(sign_data_grad.mul(epsilon));
  // Adding clipping to maintain [0,1] range
  perturbed_image = torch.clamp(perturbed_image, 0, 1);
  // Return the perturbed image
  return perturbed_image;
}

// restores the tensors to their original scale
function denorm(batch: Tensor, mean: number[] | Tensor = [0.1307], std: number[] | Tensor = [0.3081]): Tensor {
  if (Array.isArray(mean)) mean = torch.tensor(mean);
  if (Array.isArray(std)) std = torch.tensor(std);
  return batch.mul(std.view(1, -1, 1, 1)).add(mean.view(1, -1, 1, 1));
}

test("fgsm: an eval-mode LeNet attacked with data.grad.sign() at five epsilons", () => {
  const epsilons = [0, 0.05, 0.1, 0.2, 0.3];
  const normalize = new transforms.Normalize([0.1307], [0.3081]);
  torch.manual_seed(42);
  // Initialize the network (the tutorial loads pretrained weights; here a short training run)
  const model = new Net();
  const [train_x, train_y] = digits(60, 0);
  const train_loader = new DataLoader(new TensorDataset(normalize(train_x), train_y), { batch_size: 10, shuffle: true });
  const optimizer = new optim.SGD(model.parameters(), { lr: 0.05, momentum: 0.5 });
  const train_losses: number[] = [];
  for (let epoch = 0; epoch < 6; epoch++) {
    model.train();
    let loss!: Tensor;
    for (const [data, target] of train_loader) {
      optimizer.zero_grad();
      const output = model(data);
      loss = F.nll_loss(output, target);
      loss.backward();
      optimizer.step();
    }
    train_losses.push(loss.item());
  }
  train_losses.forEach((l, i) => expect(Math.abs(l - (R.train_losses as number[])[i])).toBeLessThan(1e-3));

  const [test_x, test_y] = digits(20, 3);
  const test_loader = new DataLoader(new TensorDataset(normalize(test_x), test_y), { batch_size: 1, shuffle: true });
  // Set the model in evaluation mode. In this case this is for the Dropout layers
  model.eval();

  const printed: string[] = [];
  function test_(model: Net, test_loader: InstanceType<typeof DataLoader>, epsilon: number): [number, [number, number, Tensor][]] {
    // Accuracy counter
    let correct = 0;
    const adv_examples: [number, number, Tensor][] = [];
    // Loop over all examples in test set
    for (const [data, target] of test_loader as Iterable<Tensor[]>) {
      // Set requires_grad attribute of tensor. Important for Attack
      data.requires_grad = true;
      // Forward pass the data through the model
      let output = model(data);
      const init_pred = output.max(1, { keepdim: true })[1]; // get the index of the max log-probability
      // If the initial prediction is wrong, don't bother attacking, just move on
      if (init_pred.item() !== target.item()) continue;
      // Calculate the loss
      const loss = F.nll_loss(output, target);
      // Zero all existing gradients
      model.zero_grad();
      // Calculate gradients of model in backward pass
      loss.backward();
      // Collect ``datagrad``
      const data_grad = data.grad!.data;
      // Restore the data to its original scale
      const data_denorm = denorm(data);
      // Call FGSM Attack
      const perturbed_data = fgsm_attack(data_denorm, epsilon, data_grad);
      // Reapply normalization
      const perturbed_data_normalized = new transforms.Normalize([0.1307], [0.3081])(perturbed_data);
      // Re-classify the perturbed image
      output = model(perturbed_data_normalized);
      // Check for success
      const final_pred = output.max(1, { keepdim: true })[1];
      if (final_pred.item() === target.item()) {
        correct += 1;
        // Special case for saving 0 epsilon examples
        if (epsilon === 0 && adv_examples.length < 5) {
          const adv_ex = perturbed_data.squeeze().detach().cpu();
          adv_examples.push([init_pred.item(), final_pred.item(), adv_ex]);
        }
      } else if (adv_examples.length < 5) {
        // Save some adv examples for visualization later
        const adv_ex = perturbed_data.squeeze().detach().cpu();
        adv_examples.push([init_pred.item(), final_pred.item(), adv_ex]);
      }
    }
    // Calculate final accuracy for this epsilon
    const n = torch.utils.data.len(test_loader);
    const final_acc = correct / n;
    printed.push(`Epsilon: ${epsilon}\tTest Accuracy = ${correct} / ${n} = ${final_acc}`);
    // Return the accuracy and an adversarial example
    return [final_acc, adv_examples];
  }

  const accuracies: number[] = [];
  const examples: [number, number, Tensor][][] = [];
  // Run test for each epsilon
  for (const eps of epsilons) {
    const [acc, ex] = test_(model, test_loader, eps);
    accuracies.push(acc);
    examples.push(ex);
  }
  // Python prints 0 and 1.0 where JavaScript prints 0 and 1.
  expect(printed.map((p) => p.replace(/= 1$/, "= 1.0"))).toEqual(R.printed);
  expect(accuracies).toEqual(R.accuracies);
  const want = R.examples as [number, number, number, number[]][][];
  expect(examples.map((ex) => ex.map(([a, b]) => [a, b]))).toEqual(want.map((ex) => ex.map(([a, b]) => [a, b])));
  // The sign of a gradient entry of ~1e-8 depends on float32 summation order (the exact zeros agree),
  // so one pixel of an adversarial image may move by 2 * epsilon the other way.
  examples.forEach((ex, i) =>
    ex.forEach(([, , e], j) => {
      expect(e.shape).toEqual(want[i][j][3]);
      expect(Math.abs(e.sum().item() - want[i][j][2])).toBeLessThanOrEqual(2 * epsilons[i] + 1e-3);
    }),
  );
});
