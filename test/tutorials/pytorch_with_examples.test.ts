/**
 * "Learning PyTorch with Examples" (https://pytorch.org/tutorials/beginner/pytorch_with_examples.html),
 * ported line by line against PyTorch 1.13 (test/reference/gen_pytorch_with_examples.py): manual
 * gradients with Tensors, autograd, a custom autograd.Function (LegendrePolynomial3), nn, optim
 * (RMSprop), a custom nn.Module (Polynomial3) and DynamicNet's control flow and weight sharing.
 * Each section's printed lines (losses every 100 steps, the fitted polynomial) are compared with what
 * PyTorch printed from the same init: torch.manual_seed(0) draws PyTorch's numbers in torchlab too.
 * Python's random.randint in DynamicNet is FixedRandom, the same stand-in on both sides. The numpy
 * warm-up is not ported.
 */
import * as fs from "fs";
import * as path from "path";
import { torch } from "../../src";
import { expectSamePrint } from "./_tutorial";

type Tensor = torch.Tensor;
const math = { pi: Math.PI };
const REF = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "pytorch_with_examples.json"), "utf8")) as Record<string, string[]>;

/**
 * Printed lines equal PyTorch's; float32 sums over 2000 points in another order move the last digits
 * (gradient descent damps such differences; RMSprop's steps of about lr near the optimum do not, so
 * its section takes a wider tolerance: its last losses differ by 0.4% where its first agree to 1e-6).
 */
function expectSameLog(log: string[], section: string, tol = 2e-3): void {
  expectSamePrint(log.join("\n"), REF[section].join("\n"), tol);
}

test("PyTorch: Tensors (gradients computed by hand)", () => {
  function main(): string[] {
    const log: string[] = [];
    torch.manual_seed(0);
    const dtype = torch.float;
    const device = torch.device("cpu");
    // Create random input and output data
    const x = torch.linspace(-math.pi, math.pi, 2000, { device, dtype });
    const y = torch.sin(x);
    // Randomly initialize weights
    const a = torch.randn([], { device, dtype });
    const b = torch.randn([], { device, dtype });
    const c = torch.randn([], { device, dtype });
    const d = torch.randn([], { device, dtype });
    const learning_rate = 1e-6;
    for (let t = 0; t < 2000; t++) {
      // Forward pass: compute predicted y
      const y_pred = a.add(b.mul(x)).add(c.mul(x.pow(2))).add(d.mul(x.pow(3)));
      // Compute and print loss
      const loss = y_pred.sub(y).pow(2).sum().item();
      if (t % 100 === 99) log.push(`${t} ${loss}`);
      // Backprop to compute gradients of a, b, c, d with respect to loss
      const grad_y_pred = y_pred.sub(y).mul(2.0);
      const grad_a = grad_y_pred.sum();
      const grad_b = grad_y_pred.mul(x).sum();
      const grad_c = grad_y_pred.mul(x.pow(2)).sum();
      const grad_d = grad_y_pred.mul(x.pow(3)).sum();
      // Update weights using gradient descent
      a.sub_(grad_a.mul(learning_rate));
      b.sub_(grad_b.mul(learning_rate));
      c.sub_(grad_c.mul(learning_rate));
      d.sub_(grad_d.mul(learning_rate));
    }
    log.push(`Result: y = ${a.item()} + ${b.item()} x + ${c.item()} x^2 + ${d.item()} x^3`);
    return log;
  }
  expectSameLog(main(), "tensors");
});

test("PyTorch: Tensors and autograd", () => {
  function main(): string[] {
    const log: string[] = [];
    torch.manual_seed(0);
    const dtype = torch.float;
    const device = torch.device("cpu");
    const x = torch.linspace(-math.pi, math.pi, 2000, { device, dtype });
    const y = torch.sin(x);
    // Setting requires_grad=True indicates that we want to compute gradients with respect to these Tensors during the backward pass.
    const a = torch.randn([], { device, dtype, requires_grad: true });
    const b = torch.randn([], { device, dtype, requires_grad: true });
    const c = torch.randn([], { device, dtype, requires_grad: true });
    const d = torch.randn([], { device, dtype, requires_grad: true });
    const learning_rate = 1e-6;
    for (let t = 0; t < 2000; t++) {
      const y_pred = a.add(b.mul(x)).add(c.mul(x.pow(2))).add(d.mul(x.pow(3)));
      const loss = y_pred.sub(y).pow(2).sum();
      if (t % 100 === 99) log.push(`${t} ${loss.item()}`);
      loss.backward();
      torch.no_grad(() => {
        a.sub_(a.grad!.mul(learning_rate));
        b.sub_(b.grad!.mul(learning_rate));
        c.sub_(c.grad!.mul(learning_rate));
        d.sub_(d.grad!.mul(learning_rate));
        // Manually zero the gradients after updating weights
        a.grad = null;
        b.grad = null;
        c.grad = null;
        d.grad = null;
      });
    }
    log.push(`Result: y = ${a.item()} + ${b.item()} x + ${c.item()} x^2 + ${d.item()} x^3`);
    return log;
  }
  expectSameLog(main(), "autograd");
});

/**
 * We can implement our own custom autograd Functions by subclassing torch.autograd.Function and
 * implementing the forward and backward passes which operate on Tensors.
 */
class LegendrePolynomial3 extends torch.autograd.Function {
  /**
   * In the forward pass we receive a Tensor containing the input and return a Tensor containing the
   * output. ctx is a context object that can be used to stash information for backward computation.
   */
  static forward(ctx: torch.autograd.FunctionCtx, input: torch.Tensor): torch.Tensor {
    ctx.save_for_backward(input);
    return input.pow(3).mul(5).sub(input.mul(3)).mul(0.5); // 0.5 * (5 * input ** 3 - 3 * input)
  }

  /**
   * In the backward pass we receive a Tensor containing the gradient of the loss with respect to the
   * output, and we need to compute the gradient of the loss with respect to the input.
   */
  static backward(ctx: torch.autograd.FunctionCtx, grad_output: torch.Tensor): torch.Tensor {
    const [input] = ctx.saved_tensors;
    return grad_output.mul(1.5).mul(input.pow(2).mul(5).sub(1)); // grad_output * 1.5 * (5 * input ** 2 - 1)
  }
}

test("PyTorch: Defining new autograd functions (LegendrePolynomial3)", () => {
  function main(): string[] {
    const log: string[] = [];
    const dtype = torch.float;
    const device = torch.device("cpu");
    const x = torch.linspace(-math.pi, math.pi, 2000, { device, dtype });
    const y = torch.sin(x);
    // For this example, we need 4 weights: y = a + b * P3(c + d * x); these weights need to be initialized
    // not too far from the correct result to ensure convergence.
    const a = torch.full([], 0.0, { device, dtype, requires_grad: true });
    const b = torch.full([], -1.0, { device, dtype, requires_grad: true });
    const c = torch.full([], 0.0, { device, dtype, requires_grad: true });
    const d = torch.full([], 0.3, { device, dtype, requires_grad: true });
    const learning_rate = 5e-6;
    for (let t = 0; t < 2000; t++) {
      // To apply our Function, we use Function.apply method. We alias this as 'P3'.
      const P3 = (input: Tensor): Tensor => LegendrePolynomial3.apply(input);
      // Forward pass: compute predicted y using operations; we compute P3 using our custom autograd operation.
      const y_pred = a.add(b.mul(P3(c.add(d.mul(x)))));
      const loss = y_pred.sub(y).pow(2).sum();
      if (t % 100 === 99) log.push(`${t} ${loss.item()}`);
      loss.backward();
      torch.no_grad(() => {
        a.sub_(a.grad!.mul(learning_rate));
        b.sub_(b.grad!.mul(learning_rate));
        c.sub_(c.grad!.mul(learning_rate));
        d.sub_(d.grad!.mul(learning_rate));
        a.grad = null;
        b.grad = null;
        c.grad = null;
        d.grad = null;
      });
    }
    log.push(`Result: y = ${a.item()} + ${b.item()} * P3(${c.item()} + ${d.item()} x)`);
    return log;
  }
  expectSameLog(main(), "legendre");
});

test("PyTorch: nn (Sequential(Linear(3, 1), Flatten(0, 1)), MSELoss(reduction='sum'), a manual update)", () => {
  function main(): string[] {
    const log: string[] = [];
    torch.manual_seed(0);
    const x = torch.linspace(-math.pi, math.pi, 2000);
    const y = torch.sin(x);
    // The output y is a linear function of (x, x^2, x^3), so we can consider it as a linear layer neural network.
    const p = torch.tensor([1, 2, 3]);
    const xx = x.unsqueeze(-1).pow(p);
    const model = new torch.nn.Sequential(new torch.nn.Linear(3, 1), new torch.nn.Flatten(0, 1));
    const loss_fn = new torch.nn.MSELoss({ reduction: "sum" });
    const learning_rate = 1e-6;
    for (let t = 0; t < 2000; t++) {
      const y_pred = model(xx);
      const loss = loss_fn(y_pred, y);
      if (t % 100 === 99) log.push(`${t} ${loss.item()}`);
      // Zero the gradients before running the backward pass.
      model.zero_grad();
      loss.backward();
      torch.no_grad(() => {
        for (const param of model.parameters()) param.sub_(param.grad!.mul(learning_rate));
      });
    }
    // You can access the first layer of `model` like accessing the first item of a list
    const linear_layer = model[0] as torch.nn.Linear;
    const w = linear_layer.weight;
    log.push(`Result: y = ${linear_layer.bias!.item()} + ${w.index(":, 0").item()} x + ${w.index(":, 1").item()} x^2 + ${w.index(":, 2").item()} x^3`);
    return log;
  }
  expectSameLog(main(), "nn");
});

test("PyTorch: optim (RMSprop)", () => {
  function main(): string[] {
    const log: string[] = [];
    torch.manual_seed(0);
    const x = torch.linspace(-math.pi, math.pi, 2000);
    const y = torch.sin(x);
    const p = torch.tensor([1, 2, 3]);
    const xx = x.unsqueeze(-1).pow(p);
    const model = new torch.nn.Sequential(new torch.nn.Linear(3, 1), new torch.nn.Flatten(0, 1));
    const loss_fn = new torch.nn.MSELoss({ reduction: "sum" });
    // Use the optim package to define an Optimizer that will update the weights of the model for us.
    const learning_rate = 1e-3;
    const optimizer = new torch.optim.RMSprop(model.parameters(), { lr: learning_rate });
    for (let t = 0; t < 2000; t++) {
      const y_pred = model(xx);
      const loss = loss_fn(y_pred, y);
      if (t % 100 === 99) log.push(`${t} ${loss.item()}`);
      optimizer.zero_grad();
      loss.backward();
      optimizer.step();
    }
    const linear_layer = model[0] as torch.nn.Linear;
    const w = linear_layer.weight;
    log.push(`Result: y = ${linear_layer.bias!.item()} + ${w.index(":, 0").item()} x + ${w.index(":, 1").item()} x^2 + ${w.index(":, 2").item()} x^3`);
    return log;
  }
  expectSameLog(main(), "optim", 1e-2);
});

class Polynomial3 extends torch.nn.Module {
  a: torch.nn.Parameter;
  b: torch.nn.Parameter;
  c: torch.nn.Parameter;
  d: torch.nn.Parameter;
  /** In the constructor we instantiate four parameters and assign them as member parameters. */
  constructor() {
    super();
    this.a = new torch.nn.Parameter(torch.randn([]));
    this.b = new torch.nn.Parameter(torch.randn([]));
    this.c = new torch.nn.Parameter(torch.randn([]));
    this.d = new torch.nn.Parameter(torch.randn([]));
  }

  forward(x: Tensor): Tensor {
    return this.a.add(this.b.mul(x)).add(this.c.mul(x.pow(2))).add(this.d.mul(x.pow(3)));
  }

  /** Just like any class in Python, you can also define custom method on PyTorch modules */
  string(): string {
    return `y = ${this.a.item()} + ${this.b.item()} x + ${this.c.item()} x^2 + ${this.d.item()} x^3`;
  }
}

test("PyTorch: Custom nn Modules (Polynomial3)", () => {
  function main(): string[] {
    const log: string[] = [];
    torch.manual_seed(0);
    const x = torch.linspace(-math.pi, math.pi, 2000);
    const y = torch.sin(x);
    const model = new Polynomial3();
    const criterion = new torch.nn.MSELoss({ reduction: "sum" });
    const optimizer = new torch.optim.SGD(model.parameters(), { lr: 1e-6 });
    for (let t = 0; t < 2000; t++) {
      const y_pred = model(x);
      const loss = criterion(y_pred, y);
      if (t % 100 === 99) log.push(`${t} ${loss.item()}`);
      optimizer.zero_grad();
      loss.backward();
      optimizer.step();
    }
    log.push(`Result: ${model.string()}`);
    return log;
  }
  expectSameLog(main(), "custom_module");
});

/** gen_pytorch_with_examples.py's stand-in for Python's random module: randint(a, b), a fixed sequence. */
class FixedRandom {
  private k = 0;
  randint(a: number, b: number): number {
    return a + (((this.k++ * 7919 + 13) % 104729) % (b - a + 1));
  }
}
let random = new FixedRandom();

class DynamicNet extends torch.nn.Module {
  a: torch.nn.Parameter;
  b: torch.nn.Parameter;
  c: torch.nn.Parameter;
  d: torch.nn.Parameter;
  e: torch.nn.Parameter;
  constructor() {
    super();
    this.a = new torch.nn.Parameter(torch.randn([]));
    this.b = new torch.nn.Parameter(torch.randn([]));
    this.c = new torch.nn.Parameter(torch.randn([]));
    this.d = new torch.nn.Parameter(torch.randn([]));
    this.e = new torch.nn.Parameter(torch.randn([]));
  }

  /**
   * For the forward pass of the model, we randomly choose either 4, 5 and reuse the e parameter to
   * compute the contribution of these orders: the same parameter used many times in one graph.
   */
  forward(x: Tensor): Tensor {
    let y = this.a.add(this.b.mul(x)).add(this.c.mul(x.pow(2))).add(this.d.mul(x.pow(3)));
    // for exp in range(4, random.randint(4, 6)): the bound is drawn once, as Python's range takes it.
    const stop = random.randint(4, 6);
    for (let exp = 4; exp < stop; exp++) y = y.add(this.e.mul(x.pow(exp)));
    return y;
  }

  string(): string {
    return `y = ${this.a.item()} + ${this.b.item()} x + ${this.c.item()} x^2 + ${this.d.item()} x^3 + ${this.e.item()} x^4 ? + ${this.e.item()} x^5 ?`;
  }
}

test("PyTorch: Control Flow + Weight Sharing (DynamicNet, SGD with momentum; 4000 of the tutorial's 30000 steps)", () => {
  function main(steps: number): string[] {
    random = new FixedRandom();
    const log: string[] = [];
    torch.manual_seed(0);
    const x = torch.linspace(-math.pi, math.pi, 2000);
    const y = torch.sin(x);
    const model = new DynamicNet();
    const criterion = new torch.nn.MSELoss({ reduction: "sum" });
    const optimizer = new torch.optim.SGD(model.parameters(), { lr: 1e-8, momentum: 0.9 });
    for (let t = 0; t < steps; t++) {
      const y_pred = model(x);
      const loss = criterion(y_pred, y);
      if (t % 2000 === 1999) log.push(`${t} ${loss.item()}`);
      optimizer.zero_grad();
      loss.backward();
      optimizer.step();
    }
    log.push(`Result: ${model.string()}`);
    return log;
  }
  expectSameLog(main(4000), "dynamic_net_4000");
}, 300000);
