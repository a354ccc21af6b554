/**
 * Recipe "Defining a Neural Network in PyTorch" (pytorch/tutorials
 * recipes_source/recipes/defining_a_neural_network.py) ported line by line against PyTorch 1.13
 * (test/reference/gen_recipes.py, section defining_a_neural_network): the MNIST Net with Dropout2d
 * applied to a flattened (2-D) input, as the recipe does, and its log-softmax on one random image.
 * The recipe draws without a seed; both sides call torch.manual_seed(0) first. PyTorch's UserWarning
 * about Dropout2d on a 2-D input is checked too.
 */
import { torch } from "../../src";
import { reference, expectSamePrint } from "./_tutorial";

const { nn } = torch;
const F = nn.functional;
type Tensor = InstanceType<typeof torch.Tensor>;
const R = reference("defining_a_neural_network");

class Net extends nn.Module {
  conv1: InstanceType<typeof nn.Conv2d>;
  conv2: InstanceType<typeof nn.Conv2d>;
  dropout1: InstanceType<typeof nn.Dropout2d>;
  dropout2: InstanceType<typeof nn.Dropout2d>;
  fc1: InstanceType<typeof nn.Linear>;
  fc2: InstanceType<typeof nn.Linear>;
  constructor() {
    super();
    this.conv1 = new nn.Conv2d(1, 32, 3, 1);
    this.conv2 = new nn.Conv2d(32, 64, 3, 1);
    this.dropout1 = new nn.Dropout2d(0.25);
    this.dropout2 = new nn.Dropout2d(0.5);
    this.fc1 = new nn.Linear(9216, 128);
    this.fc2 = new nn.Linear(128, 10);
  }

  // x represents our data
  forward(x: Tensor): Tensor {
    x = this.conv1(x);
    x = F.relu(x);
    x = this.conv2(x);
    x = F.relu(x);
    x = F.max_pool2d(x, 2);
    x = this.dropout1(x);
    x = x.flatten({ start_dim: 1 });
    x = this.fc1(x);
    x = F.relu(x);
    x = this.dropout2(x);
    x = this.fc2(x);
    const output = F.log_softmax(x, { dim: 1 });
    return output;
  }
}

test("defining_a_neural_network: print(my_nn) and the output on one random 28x28 image", () => {
  torch.manual_seed(0);
  // Equates to one random 28x28 image
  const random_data = torch.rand([1, 1, 28, 28]);
  const my_nn = new Net();
  const spy = jest.spyOn(process, "emitWarning").mockImplementation(() => undefined);
  let result: Tensor;
  try {
    result = my_nn(random_data);
    // PyTorch warns that Dropout2d got a 2-D input (the recipe applies it after flatten).
    expect(spy.mock.calls.map(([message, type]) => [type, message])).toEqual(R.warnings);
  } finally {
    spy.mockRestore();
  }
  expect(String(my_nn)).toBe(R.repr);
  expectSamePrint(String(result), R.result as string);
});
