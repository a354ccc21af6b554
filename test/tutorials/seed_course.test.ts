/**
 * The course's own tutorial (/work/shared/seed, the nn.Module section), ported line by line: a
 * Sequential net exactly as the text has it (its 35-channel conv into BatchNorm2d(32) is a mistake
 * PyTorch reports), named_parameters look-ups, train/eval, and a Flatten module written with view.
 * The random tensor is a det() stand-in (test/reference/gen_tutorials.py).
 */
import { torch } from "../../src";
import { reference, det, det_init_, expectSamePrint } from "./_tutorial";

type Tensor = InstanceType<typeof torch.Tensor>;
const R = reference("seed_course");

class Net extends torch.nn.Module {
  net = new torch.nn.Sequential(
    new torch.nn.Conv2d(1, 35, 5, 1, 1),
    new torch.nn.MaxPool2d(2, 2),
    new torch.nn.ReLU(true),
    new torch.nn.BatchNorm2d(32),
    new torch.nn.Conv2d(32, 64, 3, 1, 1),
    new torch.nn.ReLU(true),
    new torch.nn.BatchNorm2d(64),
  );
  forward(x: Tensor): Tensor {
    return this.net(x);
  }
}

class Flatten extends torch.nn.Module {
  forward(input: Tensor): Tensor {
    return input.view(input.size(0), -1);
  }
}

test("nn.Module section: the text's Sequential prints as PyTorch's and fails as PyTorch's does", () => {
  const net = new Net();
  expect(String(net)).toBe(R.net);
  expect(() => net(torch.rand(1, 1, 28, 28))).toThrow(new torch.RuntimeError(R.typo_error as string));
});

test("list(net.named_parameters())[0] and [3], train() / eval()", () => {
  const net = new torch.nn.Sequential(
    new torch.nn.Linear(4, 2), // layer 0
    new torch.nn.Linear(2, 2), // layer 1
  );
  det_init_(net);
  const [name0, p0] = [...net.named_parameters()][0];
  const [name3, p3] = [...net.named_parameters()][3];
  const want0 = R.named_parameters_0 as string[];
  const want3 = R.named_parameters_3 as string[];
  expect(name0).toBe(want0[0]);
  expectSamePrint(String(p0), want0[1]);
  expect(name3).toBe(want3[0]);
  expectSamePrint(String(p3), want3[1]);
  expect([net.train().training, net.eval().training]).toEqual(R.train_eval);
});

test("Flatten with input.view(input.size(0), -1): [2, 2, 2] becomes [2, 4]", () => {
  const sd = new Flatten();
  const orin = det([2, 2, 2], 0.4);
  expectSamePrint(String(orin), R.orin as string);
  expectSamePrint(String(sd.forward(orin)), R.flat as string);
  expectSamePrint(String(sd(orin)), R.flat as string);
});
