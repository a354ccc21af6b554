/**
 * Recipe "Zeroing out gradients in PyTorch" (pytorch/tutorials recipes_source/recipes/zeroing_out_gradients.py)
 * ported line by line against PyTorch 1.13 (test/reference/gen_recipes.py, section zeroing_out_gradients):
 * the training loop that calls optimizer.zero_grad() before every step, and model.zero_grad().
 *
 * CIFAR10 becomes 40 seeded random images in [-1, 1] (what the recipe's Normalize gives) with seeded
 * labels, in a TensorDataset, on both sides; the loss is printed every 5 mini-batches (not 2000).
 */
import { torch } from "../../src";
import { reference, expectTensor, type Encoded } from "./_tutorial";
import { Net, printer } from "./_recipes";

const { nn, optim } = torch;
const { DataLoader, TensorDataset } = torch.utils.data;
type Tensor = InstanceType<typeof torch.Tensor>;
const R = reference("zeroing_out_gradients");

test("zeroing_out_gradients: optimizer.zero_grad() in the training loop, then net.zero_grad()", () => {
  const [printed, print] = printer();
  torch.manual_seed(0);
  const images = torch.rand(40, 3, 32, 32).mul(2).sub(1);
  const labels0 = torch.randint(0, 10, [40]);
  const trainset = new TensorDataset(images, labels0);
  const trainloader = new DataLoader(trainset, { batch_size: 4, shuffle: true, num_workers: 2 });

  const net = new Net();
  const criterion = new nn.CrossEntropyLoss();
  const optimizer = new optim.SGD(net.parameters(), { lr: 0.001, momentum: 0.9 });

  function train(): void {
    for (let epoch = 0; epoch < 2; epoch++) { // loop over the dataset multiple times
      let running_loss = 0.0;
      let i = 0;
      for (const data of trainloader) {
        // get the inputs; data is a list of [inputs, labels]
        const [inputs, labels] = data as [Tensor, Tensor];

        // zero the parameter gradients
        optimizer.zero_grad();

        // forward + backward + optimize
        const outputs = net(inputs);
        const loss = criterion(outputs, labels);
        loss.backward();
        optimizer.step();

        // print statistics
        running_loss += loss.item();
        if (i % 5 === 4) { // print every 5 mini-batches
          print(`[${epoch + 1}, ${String(i + 1).padStart(5)}] loss: ${(running_loss / 5).toFixed(3)}`);
          running_loss = 0.0;
        }
        i++;
      }
    }
    print("Finished Training");
  }
  train();
  expect(printed).toEqual(R.printed);
  net.zero_grad();
  expect(net.parameters().map((p) => p.grad === null)).toEqual(R.grads_after_zero_grad);
  expectTensor(net.fc3.bias!, R.fc3_bias as Encoded);
});
