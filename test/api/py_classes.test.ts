/**
 * `type(x)` of torchlab's classes prints PyTorch's module and name (`<class 'torch.optim.sgd.SGD'>`,
 * `<class 'torchvision.transforms.transforms.ToTensor'>`, `<class 'torch.device'>`), as
 * test/reference/gen_py_classes.py read them from PyTorch 1.13, torchvision 0.14 and NumPy 1.24; a class
 * a notebook writes stays `__main__`'s, also one that extends a library class.
 */
import * as fs from "fs";
import * as path from "path";
import { torch, torchvision } from "../../src";
import { str, type } from "../../src/builtins";
import * as np from "../../src/numpy";
import { unlistedClassPaths } from "../../src/py_classes_walk";

const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "py_classes.json"), "utf8")) as Record<string, string> & { __name__: Record<string, string> };
const { nn, optim } = torch;
const { transforms } = torchvision;

const printed = (x: unknown) => str(type(x));

test("every exported class is in the generated table (a class added since needs gen_py_classes.py rerun)", () => {
  expect(unlistedClassPaths()).toEqual([]);
});

test("type() of the objects a tutorial makes prints PyTorch's and NumPy's class", () => {
  const p = [torch.ones(1, { requires_grad: true })];
  const sgd = new optim.SGD(p, { lr: 0.1 });
  const made: Record<string, unknown> = {
    tensor: torch.ones(1),
    size: torch.ones(2).shape,
    parameter: new nn.Parameter(torch.ones(1)),
    linear: new nn.Linear(1, 1),
    sequential: new nn.Sequential(),
    mse: new nn.MSELoss(),
    sgd,
    adam: new optim.Adam(p),
    steplr: new optim.lr_scheduler.StepLR(sgd, 1),
    dataloader: new torch.utils.data.DataLoader([1, 2]),
    tensordataset: new torch.utils.data.TensorDataset(torch.ones(2)),
    generator: new torch.Generator(),
    device: torch.device("cpu"),
    dtype: torch.float32,
    to_tensor: new transforms.ToTensor(),
    compose: new transforms.Compose([]),
    normalize: new transforms.Normalize([0.5], [0.5]),
    normal: new torch.distributions.Normal(0.0, 1.0),
    fakedata: new torchvision.datasets.FakeData(),
    resnet18: torchvision.models.resnet18(),
    ndarray: np.array([1]),
    randomstate: new np.random.RandomState(0),
  };
  const got = Object.fromEntries(Object.keys(made).map((k) => [k, printed(made[k])]));
  const { __name__: names, ...want } = R;
  expect(got).toEqual(want);
  expect((type(torch.device("cpu")) as unknown as { __name__: string }).__name__).toBe(names.device);
  expect((type(sgd) as unknown as { __name__: string }).__name__).toBe(names.sgd);
  expect(type(torch.ones(2).shape)).toBe(torch.Size);
  expect(type(new optim.SGD(p, { lr: 1 }))).toBe(optim.SGD);
});

test("a class a notebook writes is __main__'s, also when it extends a renamed library class", () => {
  class Net extends nn.Module {}
  class MyScheduler extends optim.lr_scheduler.LRScheduler {
    get_lr(): number[] {
      return [0.1];
    }
  }
  const opt = new optim.SGD([torch.ones(1, { requires_grad: true })], { lr: 0.1 });
  expect(printed(new Net())).toBe("<class '__main__.Net'>");
  expect(printed(new MyScheduler(opt))).toBe("<class '__main__.MyScheduler'>");
  expect((MyScheduler as unknown as { __name__: string }).__name__).toBe("MyScheduler");
  expect((optim.lr_scheduler.LRScheduler as unknown as { __name__: string }).__name__).toBe("_LRScheduler");
});
