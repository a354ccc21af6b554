"""Fixture for test/tutorials/d2l_lr_scheduling_notebook.test.ts: Dive into Deep Learning (d2l.ai,
PyTorch edition) 12.11, "Learning Rate Scheduling": LeNet trained with a constant rate, then under the
section's hand-written schedulers (SquareRootScheduler, FactorScheduler, CosineScheduler with and
without warm-up, called with the epoch and written into param_groups) and PyTorch's
lr_scheduler.MultiStepLR (stepped per epoch; the train loop tells them apart by
`scheduler.__module__ == lr_scheduler.__name__`). Each entry is one cell: the book's Python and the
port's dialect; the Python cells run in order in one scope (PyTorch 1.13) and record what they print.
Stand-ins: seeded Fashion-MNIST-shaped data (48 training and 32 test images of 28 x 28, a bright band
whose row depends on the label) for d2l.load_data_fashion_mnist, batch size 16, 6 epochs of training
where the book trains 30 (the schedules themselves are printed for the book's 30 and 50 epochs, where
the book plots them); d2l.Animator and d2l.plot are left out.
Run with Debian's /usr/bin/python3 from test/reference: writes d2l_lr_scheduling.json.
"""
import contextlib
import io
import json
import math

import torch
from torch import nn

assert torch.__version__.startswith("1.13"), torch.__version__

CELLS = [
    ("""import math
import torch
from torch import nn
from torch.optim import lr_scheduler

def net_fn():
    model = nn.Sequential(
        nn.Conv2d(1, 6, kernel_size=5, padding=2), nn.ReLU(),
        nn.MaxPool2d(kernel_size=2, stride=2),
        nn.Conv2d(6, 16, kernel_size=5), nn.ReLU(),
        nn.MaxPool2d(kernel_size=2, stride=2),
        nn.Flatten(),
        nn.Linear(16 * 5 * 5, 120), nn.ReLU(),
        nn.Linear(120, 84), nn.ReLU(),
        nn.Linear(84, 10))
    return model

loss = nn.CrossEntropyLoss()
device = torch.device('cpu')  # d2l.try_gpu()""",
     """const lr_scheduler = torch.optim.lr_scheduler;

function net_fn() {
  const model = nn.Sequential(
    nn.Conv2d(1, 6, {kernel_size: 5, padding: 2}), nn.ReLU(),
    nn.MaxPool2d({kernel_size: 2, stride: 2}),
    nn.Conv2d(6, 16, {kernel_size: 5}), nn.ReLU(),
    nn.MaxPool2d({kernel_size: 2, stride: 2}),
    nn.Flatten(),
    nn.Linear(16 * 5 * 5, 120), nn.ReLU(),
    nn.Linear(120, 84), nn.ReLU(),
    nn.Linear(84, 10));
  return model;
}

const loss = nn.CrossEntropyLoss();
const device = torch.device("cpu"); // d2l.try_gpu()"""),
    ("""# d2l.load_data_fashion_mnist's stand-in: images whose bright band's row is the label
def fashion_standin(n):
    X = torch.rand(n, 1, 28, 28) * 0.5
    y = torch.randint(0, 10, (n,))
    for i in range(n):
        r = int(y[i]) * 2
        X[i, 0, r:r + 2, :] += 0.5
    return X, y

torch.manual_seed(0)
batch_size = 16
train_iter = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(*fashion_standin(48)), batch_size, shuffle=True)
test_iter = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(*fashion_standin(32)), batch_size, shuffle=False)
print(len(train_iter), len(test_iter))""",
     """// d2l.load_data_fashion_mnist's stand-in: images whose bright band's row is the label
function fashion_standin(n: number): [torch.Tensor, torch.Tensor] {
  const X = torch.rand(n, 1, 28, 28) * 0.5;
  const y = torch.randint(0, 10, [n]);
  for (const i of range(n)) {
    const r = int(y[i]) * 2;
    X[`${i}, 0, ${r}:${r + 2}, :`] += 0.5;
  }
  return [X, y];
}

torch.manual_seed(0);
const batch_size = 16;
const train_iter = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(...fashion_standin(48)), batch_size, {shuffle: true});
const test_iter = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(...fashion_standin(32)), batch_size, {shuffle: false});
print(len(train_iter), len(test_iter));"""),
    ("""# d2l's Accumulator, accuracy and evaluate_accuracy_gpu
class Accumulator:
    \"\"\"For accumulating sums over `n` variables.\"\"\"
    def __init__(self, n):
        self.data = [0.0] * n

    def add(self, *args):
        self.data = [a + float(b) for a, b in zip(self.data, args)]

    def reset(self):
        self.data = [0.0] * len(self.data)

    def __getitem__(self, idx):
        return self.data[idx]

def accuracy(y_hat, y):
    \"\"\"Compute the number of correct predictions.\"\"\"
    if len(y_hat.shape) > 1 and y_hat.shape[1] > 1:
        y_hat = y_hat.argmax(axis=1)
    cmp = y_hat.type(y.dtype) == y
    return float(cmp.type(y.dtype).sum())

def evaluate_accuracy_gpu(net, data_iter, device=None):
    \"\"\"Compute the accuracy for a model on a dataset using a GPU.\"\"\"
    if isinstance(net, nn.Module):
        net.eval()  # Set the model to evaluation mode
        if not device:
            device = next(iter(net.parameters())).device
    # No. of correct predictions, no. of predictions
    metric = Accumulator(2)
    with torch.no_grad():
        for X, y in data_iter:
            X = X.to(device)
            y = y.to(device)
            metric.add(accuracy(net(X), y), y.numel())
    return metric[0] / metric[1]""",
     """// d2l's Accumulator, accuracy and evaluate_accuracy_gpu
class Accumulator {
  // For accumulating sums over \\`n\\` variables.
  data: number[];
  constructor(n: number) {
    this.data = Array(n).fill(0.0);
  }
  add(...args: (number | torch.Tensor)[]) {
    this.data = [...zip(this.data, args)].map(([a, b]) => a + float(b));
  }
  reset() {
    this.data = Array(len(this.data)).fill(0.0);
  }
  __getitem__(idx: number) {
    return this.data[idx];
  }
}

function accuracy(y_hat: torch.Tensor, y: torch.Tensor) {
  // Compute the number of correct predictions.
  if (len(y_hat.shape) > 1 && y_hat.shape[1] > 1) {
    y_hat = y_hat.argmax({axis: 1});
  }
  const cmp = y_hat.type(y.dtype) == y;
  return float(cmp.type(y.dtype).sum());
}

function evaluate_accuracy_gpu(net: nn.Module, data_iter: torch.utils.data.DataLoader, device: torch.device | null = null) {
  // Compute the accuracy for a model on a dataset using a GPU.
  if (isinstance(net, nn.Module)) {
    net.eval(); // Set the model to evaluation mode
    if (!device) {
      device = next(iter(net.parameters())).device;
    }
  }
  // No. of correct predictions, no. of predictions
  const metric = new Accumulator(2);
  torch.no_grad(() => {
    for (let [X, y] of data_iter) {
      X = X.to(device!);
      y = y.to(device!);
      metric.add(accuracy(net(X), y), y.numel());
    }
  });
  return metric[0] / metric[1];
}"""),
    ("""# The code is almost identical to `d2l.train_ch6` defined in the
# lenet section of chapter convolutional neural networks
def train(net, train_iter, test_iter, num_epochs, loss, trainer, device,
          scheduler=None):
    net.to(device)

    for epoch in range(num_epochs):
        metric = Accumulator(3)  # train_loss, train_acc, num_examples
        for i, (X, y) in enumerate(train_iter):
            net.train()
            trainer.zero_grad()
            X, y = X.to(device), y.to(device)
            y_hat = net(X)
            l = loss(y_hat, y)
            l.backward()
            trainer.step()
            with torch.no_grad():
                metric.add(l * X.shape[0], accuracy(y_hat, y), X.shape[0])
            train_loss = metric[0] / metric[2]
            train_acc = metric[1] / metric[2]

        test_acc = evaluate_accuracy_gpu(net, test_iter)

        if scheduler:
            if scheduler.__module__ == lr_scheduler.__name__:
                # Using PyTorch In-Built scheduler
                scheduler.step()
            else:
                # Using custom defined scheduler
                for param_group in trainer.param_groups:
                    param_group['lr'] = scheduler(epoch)

    print(f'train loss {train_loss:.3f}, train acc {train_acc:.3f}, '
          f'test acc {test_acc:.3f}')""",
     """// The code is almost identical to \\`d2l.train_ch6\\` defined in the
// lenet section of chapter convolutional neural networks
function train(net: nn.Module, train_iter: torch.utils.data.DataLoader, test_iter: torch.utils.data.DataLoader, num_epochs: number,
               loss: nn.Module, trainer: torch.optim.Optimizer, device: torch.device,
               scheduler: any = null) {
  net.to(device);
  let train_loss = 0, train_acc = 0, test_acc = 0;

  for (const epoch of range(num_epochs)) {
    const metric = new Accumulator(3); // train_loss, train_acc, num_examples
    for (let [i, [X, y]] of enumerate(train_iter)) {
      net.train();
      trainer.zero_grad();
      [X, y] = [X.to(device), y.to(device)];
      const y_hat = net(X);
      const l = loss(y_hat, y);
      l.backward();
      trainer.step();
      torch.no_grad(() => {
        metric.add(l * X.shape[0], accuracy(y_hat, y), X.shape[0]);
      });
      train_loss = metric[0] / metric[2];
      train_acc = metric[1] / metric[2];
    }

    test_acc = evaluate_accuracy_gpu(net, test_iter);

    if (scheduler) {
      if (scheduler.__module__ == lr_scheduler.__name__) {
        // Using PyTorch In-Built scheduler
        scheduler.step();
      } else {
        // Using custom defined scheduler
        for (const param_group of trainer.param_groups) {
          param_group["lr"] = scheduler(epoch);
        }
      }
    }
  }

  print(`train loss ${train_loss:.3f}, train acc ${train_acc:.3f}, ` +
        `test acc ${test_acc:.3f}`);
}"""),
    ("""torch.manual_seed(1)
lr, num_epochs = 0.3, 6
net = net_fn()
trainer = torch.optim.SGD(net.parameters(), lr=lr)
train(net, train_iter, test_iter, num_epochs, loss, trainer, device)""",
     """torch.manual_seed(1);
let [lr, num_epochs] = [0.3, 6];
let net = net_fn();
let trainer = torch.optim.SGD(net.parameters(), {lr: lr});
train(net, train_iter, test_iter, num_epochs, loss, trainer, device);"""),
    ("""lr = 0.1
trainer.param_groups[0]["lr"] = lr
print(f'learning rate is now {trainer.param_groups[0]["lr"]:.2f}')""",
     """lr = 0.1;
trainer.param_groups[0]["lr"] = lr;
print(`learning rate is now ${trainer.param_groups[0]["lr"]:.2f}`);"""),
    ("""class SquareRootScheduler:
    def __init__(self, lr=0.1):
        self.lr = lr

    def __call__(self, num_update):
        return self.lr * pow(num_update + 1.0, -0.5)

scheduler = SquareRootScheduler(lr=0.1)
print([round(scheduler(t), 4) for t in range(30)])  # d2l.plot(torch.arange(num_epochs), ...)""",
     """class SquareRootScheduler {
  lr: number;
  constructor(lr = 0.1) {
    this.lr = lr;
  }

  __call__(num_update: number) {
    return this.lr * pow(num_update + 1.0, -0.5);
  }
}

let scheduler: any = new SquareRootScheduler(lr=0.1);
print([...range(30)].map((t) => round(scheduler(t), 4))); // d2l.plot(torch.arange(num_epochs), ...)"""),
    ("""torch.manual_seed(2)
net = net_fn()
trainer = torch.optim.SGD(net.parameters(), lr)
train(net, train_iter, test_iter, num_epochs, loss, trainer, device,
      scheduler)
print(trainer.param_groups[0]['lr'])""",
     """torch.manual_seed(2);
net = net_fn();
trainer = torch.optim.SGD(net.parameters(), lr);
train(net, train_iter, test_iter, num_epochs, loss, trainer, device,
      scheduler);
print(trainer.param_groups[0]["lr"]);"""),
    ("""class FactorScheduler:
    def __init__(self, factor=1, stop_factor_lr=1e-7, base_lr=0.1):
        self.factor = factor
        self.stop_factor_lr = stop_factor_lr
        self.base_lr = base_lr

    def __call__(self, num_update):
        self.base_lr = max(self.stop_factor_lr, self.base_lr * self.factor)
        return self.base_lr

scheduler = FactorScheduler(factor=0.9, stop_factor_lr=1e-2, base_lr=2.0)
print([round(scheduler(t), 4) for t in range(50)])  # d2l.plot(torch.arange(50), ...)""",
     """class FactorScheduler {
  factor: number;
  stop_factor_lr: number;
  base_lr: number;
  constructor(factor = 1, stop_factor_lr = 1e-7, base_lr = 0.1) {
    this.factor = factor;
    this.stop_factor_lr = stop_factor_lr;
    this.base_lr = base_lr;
  }

  __call__(num_update: number) {
    this.base_lr = max(this.stop_factor_lr, this.base_lr * this.factor);
    return this.base_lr;
  }
}

scheduler = new FactorScheduler(factor=0.9, stop_factor_lr=1e-2, base_lr=2.0);
print([...range(50)].map((t) => round(scheduler(t), 4))); // d2l.plot(torch.arange(50), ...)"""),
    ("""torch.manual_seed(3)
net = net_fn()
trainer = torch.optim.SGD(net.parameters(), lr=0.5)
scheduler = lr_scheduler.MultiStepLR(trainer, milestones=[15, 30], gamma=0.5)

def get_lr(trainer, scheduler):
    lr = scheduler.get_last_lr()[0]
    trainer.step()
    scheduler.step()
    return lr

print([get_lr(trainer, scheduler) for t in range(30)])  # d2l.plot(torch.arange(num_epochs), ...)
print(scheduler.__module__, lr_scheduler.__name__, scheduler.last_epoch)
class HalvingLR(lr_scheduler.StepLR):  # not the book's: a notebook's subclass is __main__'s
    pass
print(HalvingLR(torch.optim.SGD(net.parameters(), lr=0.5), 5).__module__, train_iter.__module__)""",
     """torch.manual_seed(3);
net = net_fn();
trainer = torch.optim.SGD(net.parameters(), {lr: 0.5});
scheduler = lr_scheduler.MultiStepLR(trainer, {milestones: [15, 30], gamma: 0.5});

function get_lr(trainer: torch.optim.Optimizer, scheduler: any) {
  const lr = scheduler.get_last_lr()[0];
  trainer.step();
  scheduler.step();
  return lr;
}

print([...range(30)].map((t) => get_lr(trainer, scheduler))); // d2l.plot(torch.arange(num_epochs), ...)
print(scheduler.__module__, lr_scheduler.__name__, scheduler.last_epoch);
class HalvingLR extends lr_scheduler.StepLR {} // not the book's: a notebook's subclass is __main__'s
print(new HalvingLR(torch.optim.SGD(net.parameters(), {lr: 0.5}), 5).__module__, train_iter.__module__);"""),
    ("""scheduler = lr_scheduler.MultiStepLR(trainer, milestones=[3, 5], gamma=0.5)
train(net, train_iter, test_iter, num_epochs, loss, trainer, device,
      scheduler)
print(scheduler.get_last_lr(), scheduler.last_epoch)""",
     """scheduler = lr_scheduler.MultiStepLR(trainer, {milestones: [3, 5], gamma: 0.5});
train(net, train_iter, test_iter, num_epochs, loss, trainer, device,
      scheduler);
print(scheduler.get_last_lr(), scheduler.last_epoch);"""),
    ("""class CosineScheduler:
    def __init__(self, max_update, base_lr=0.01, final_lr=0,
               warmup_steps=0, warmup_begin_lr=0):
        self.base_lr_orig = base_lr
        self.max_update = max_update
        self.final_lr = final_lr
        self.warmup_steps = warmup_steps
        self.warmup_begin_lr = warmup_begin_lr
        self.max_steps = self.max_update - self.warmup_steps

    def get_warmup_lr(self, epoch):
        increase = (self.base_lr_orig - self.warmup_begin_lr) \\
                       * float(epoch) / float(self.warmup_steps)
        return self.warmup_begin_lr + increase

    def __call__(self, epoch):
        if epoch < self.warmup_steps:
            return self.get_warmup_lr(epoch)
        if epoch <= self.max_update:
            self.base_lr = self.final_lr + (
                self.base_lr_orig - self.final_lr) * (1 + math.cos(
                math.pi * (epoch - self.warmup_steps) / self.max_steps)) / 2
        return self.base_lr

scheduler = CosineScheduler(max_update=20, base_lr=0.3, final_lr=0.01)
print([round(scheduler(t), 4) for t in range(30)])  # d2l.plot(torch.arange(num_epochs), ...)""",
     """class CosineScheduler {
  base_lr_orig: number;
  max_update: number;
  final_lr: number;
  warmup_steps: number;
  warmup_begin_lr: number;
  max_steps: number;
  base_lr!: number;
  constructor(max_update: number, base_lr = 0.01, final_lr = 0,
              warmup_steps = 0, warmup_begin_lr = 0) {
    this.base_lr_orig = base_lr;
    this.max_update = max_update;
    this.final_lr = final_lr;
    this.warmup_steps = warmup_steps;
    this.warmup_begin_lr = warmup_begin_lr;
    this.max_steps = this.max_update - this.warmup_steps;
  }

  get_warmup_lr(epoch: number) {
    const increase = (this.base_lr_orig - this.warmup_begin_lr)
                     * float(epoch) / float(this.warmup_steps);
    return this.warmup_begin_lr + increase;
  }

  __call__(epoch: number) {
    if (epoch < this.warmup_steps) {
      return this.get_warmup_lr(epoch);
    }
    if (epoch <= this.max_update) {
      this.base_lr = this.final_lr + (
        this.base_lr_orig - this.final_lr) * (1 + math.cos(
        math.pi * (epoch - this.warmup_steps) / this.max_steps)) / 2;
    }
    return this.base_lr;
  }
}

scheduler = new CosineScheduler(max_update=20, base_lr=0.3, final_lr=0.01);
print([...range(30)].map((t) => round(scheduler(t), 4))); // d2l.plot(torch.arange(num_epochs), ...)"""),
    ("""torch.manual_seed(4)
scheduler = CosineScheduler(max_update=4, base_lr=0.3, final_lr=0.01)
net = net_fn()
trainer = torch.optim.SGD(net.parameters(), lr=0.3)
train(net, train_iter, test_iter, num_epochs, loss, trainer, device,
      scheduler)""",
     """torch.manual_seed(4);
scheduler = new CosineScheduler(max_update=4, base_lr=0.3, final_lr=0.01);
net = net_fn();
trainer = torch.optim.SGD(net.parameters(), {lr: 0.3});
train(net, train_iter, test_iter, num_epochs, loss, trainer, device,
      scheduler);"""),
    ("""scheduler = CosineScheduler(20, warmup_steps=5, base_lr=0.3, final_lr=0.01)
print([round(scheduler(t), 4) for t in range(30)])  # d2l.plot(torch.arange(num_epochs), ...)""",
     """scheduler = new CosineScheduler(20, warmup_steps=5, base_lr=0.3, final_lr=0.01);
print([...range(30)].map((t) => round(scheduler(t), 4))); // d2l.plot(torch.arange(num_epochs), ...)"""),
    ("""torch.manual_seed(5)
scheduler = CosineScheduler(5, warmup_steps=2, base_lr=0.3, final_lr=0.01)
net = net_fn()
trainer = torch.optim.SGD(net.parameters(), lr=0.3)
train(net, train_iter, test_iter, num_epochs, loss, trainer, device,
      scheduler)""",
     """torch.manual_seed(5);
scheduler = new CosineScheduler(5, warmup_steps=2, base_lr=0.3, final_lr=0.01);
net = net_fn();
trainer = torch.optim.SGD(net.parameters(), {lr: 0.3});
train(net, train_iter, test_iter, num_epochs, loss, trainer, device,
      scheduler);"""),
]


def main():
    scope = {"torch": torch, "nn": nn, "__name__": "__main__"}  # a notebook's classes are __main__'s
    out = []
    for py, ts in CELLS:
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            exec(py, scope)
        out.append({"py": py, "ts": ts, "print": buf.getvalue()})
    with open("d2l_lr_scheduling.json", "w") as f:
        json.dump({"cells": out}, f, indent=1, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()
