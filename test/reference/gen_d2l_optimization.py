"""Fixture for test/tutorials/d2l_optimization_notebook.test.ts: Dive into Deep Learning (d2l-en 1.0, the
PyTorch edition), chapter 12 "Optimization Algorithms", sections 12.1-12.10, cell by cell.

Each entry of CELLS is one cell: the book's Python and the port's notebook dialect. The Python cells run
in order in one scope (PyTorch 1.13, torch.manual_seed(0) first, as `torchlab run` seeds a fresh kernel)
and record what they print. The first cell is what the chapter uses of the `d2l` package from earlier
chapters (plot, set_axes, load_array, linreg, squared_loss, evaluate_loss, Accumulator, Animator), written
out as a user without the package would; the Animator records its points instead of redrawing a figure.
A function the chapter saves into d2l (`#@save`: train_2d, show_trace_2d, Timer, get_data_ch11,
train_ch11, train_concise_ch11) is called by its own name in later sections (`train_2d(...)` for
`d2l.train_2d(...)`), as it is in the notebook that defined it.

Stand-ins, the same on both sides: the airfoil download is 300 rows of seeded airfoil-like data (the
table below, kept in the fixture; `download` returns where the first cell wrote it); 12.5's timed matrix
products are 64 x 64 (blocks of 16) instead of 256 x 256 (blocks of 64). The test's header lists what
else differs and why.
Run with Debian's /usr/bin/python3 from test/reference: writes d2l_optimization.json.
"""
import contextlib
import io
import json
import os
import sys
import tempfile

import matplotlib

matplotlib.use("Agg")
import numpy as np  # noqa: E402
import torch  # noqa: E402

assert torch.__version__.startswith("1.13"), torch.__version__


def airfoil_standin(n=300):
    """Tab-separated rows shaped like the UCI airfoil self-noise file: frequency, angle of attack, chord
    length, free-stream velocity, suction-side displacement thickness, sound pressure (the target)."""
    rng = np.random.RandomState(12)
    freq = rng.choice([500, 800, 1000, 1250, 1600, 2000, 2500, 3150, 4000, 5000, 6300, 8000], n)
    angle = np.round(rng.uniform(0, 22.2, n), 1)
    chord = rng.choice([0.0254, 0.0508, 0.1016, 0.1524, 0.2286, 0.3048], n)
    velocity = rng.choice([31.7, 39.6, 55.5, 71.3], n)
    thickness = np.round(0.0004 + 0.00025 * angle * chord * 10 + rng.uniform(0, 0.002, n), 7)
    sound = 132 - 0.0012 * freq - 0.35 * angle - 30 * chord + 0.08 * velocity - 900 * thickness + rng.normal(0, 5.5, n)
    rows = [f"{f}\t{a:g}\t{c:g}\t{v:g}\t{t:.7g}\t{s:.3f}" for f, a, c, v, t, s in zip(freq, angle, chord, velocity, thickness, sound)]
    return "\n".join(rows) + "\n"


D2L = (r'''import math
import os
import time
import types

import numpy as np
import torch
from torch import nn
from torch.utils import data
import matplotlib.pyplot as plt


def use_svg_display():
    """Use the svg format to display a plot in Jupyter."""


def set_figsize(figsize=(3.5, 2.5)):
    """Set the figure size for matplotlib."""
    use_svg_display()
    plt.rcParams['figure.figsize'] = figsize


def set_axes(axes, xlabel, ylabel, xlim, ylim, xscale, yscale, legend):
    """Set the axes for matplotlib."""
    axes.set_xlabel(xlabel), axes.set_ylabel(ylabel)
    axes.set_xscale(xscale), axes.set_yscale(yscale)
    axes.set_xlim(xlim), axes.set_ylim(ylim)
    if legend:
        axes.legend(legend)
    axes.grid()


def plot(X, Y=None, xlabel=None, ylabel=None, legend=[], xlim=None,
         ylim=None, xscale='linear', yscale='linear',
         fmts=('-', 'm--', 'g-.', 'r:'), figsize=(3.5, 2.5), axes=None):
    """Plot data points."""

    def has_one_axis(X):  # True if X (tensor or list) has 1 axis
        return (hasattr(X, "ndim") and X.ndim == 1 or isinstance(X, list)
                and not hasattr(X[0], "__len__"))

    if has_one_axis(X): X = [X]
    if Y is None:
        X, Y = [[]] * len(X), X
    elif has_one_axis(Y):
        Y = [Y]
    if len(X) != len(Y):
        X = X * len(Y)

    set_figsize(figsize)
    if axes is None:
        axes = plt.gca()
    axes.cla()
    for x, y, fmt in zip(X, Y, fmts):
        axes.plot(x, y, fmt) if len(x) else axes.plot(y, fmt)
    set_axes(axes, xlabel, ylabel, xlim, ylim, xscale, yscale, legend)


DATA_HUB = dict()
DATA_URL = 'http://d2l-data.s3-accelerate.amazonaws.com/'


def download(name, cache_dir='data'):
    """Where d2l would have downloaded the file (the first cell has put the stand-in there)."""
    assert name in DATA_HUB, f"{name} does not exist in {DATA_HUB}."
    url, sha1_hash = DATA_HUB[name]
    return os.path.join(cache_dir, url.split('/')[-1])


def load_array(data_arrays, batch_size, is_train=True):
    """Construct a PyTorch data iterator."""
    dataset = data.TensorDataset(*data_arrays)
    return data.DataLoader(dataset, batch_size, shuffle=is_train)


def linreg(X, w, b):
    """The linear regression model."""
    return torch.matmul(X, w) + b


def squared_loss(y_hat, y):
    """Squared loss."""
    return (y_hat - y.reshape(y_hat.shape)) ** 2 / 2


class Accumulator:
    """For accumulating sums over `n` variables."""
    def __init__(self, n):
        self.data = [0.0] * n

    def add(self, *args):
        self.data = [a + float(b) for a, b in zip(self.data, args)]

    def reset(self):
        self.data = [0.0] * len(self.data)

    def __getitem__(self, idx):
        return self.data[idx]


def evaluate_loss(net, data_iter, loss):
    """Evaluate the loss of a model on the given dataset."""
    metric = Accumulator(2)  # Sum of losses, no. of examples
    for X, y in data_iter:
        out = net(X)
        y = y.reshape(out.shape)
        l = loss(out, y)
        metric.add(l.sum(), l.numel())
    return metric[0] / metric[1]


class Animator:
    """For plotting data in animation (records the points it would draw)."""
    def __init__(self, xlabel=None, ylabel=None, legend=None, xlim=None,
                 ylim=None, xscale='linear', yscale='linear',
                 fmts=('-', 'm--', 'g-.', 'r:'), nrows=1, ncols=1,
                 figsize=(3.5, 2.5)):
        self.X, self.Y, self.fmts = None, None, fmts

    def add(self, x, y):
        # Add multiple data points into the figure
        if not hasattr(y, "__len__"):
            y = [y]
        n = len(y)
        if not hasattr(x, "__len__"):
            x = [x] * n
        if not self.X:
            self.X = [[] for _ in range(n)]
        if not self.Y:
            self.Y = [[] for _ in range(n)]
        for i, (a, b) in enumerate(zip(x, y)):
            if a is not None and b is not None:
                self.X[i].append(a)
                self.Y[i].append(b)


d2l = types.SimpleNamespace(
    plt=plt, use_svg_display=use_svg_display, set_figsize=set_figsize, set_axes=set_axes, plot=plot,
    DATA_HUB=DATA_HUB, DATA_URL=DATA_URL, download=download, load_array=load_array, linreg=linreg,
    squared_loss=squared_loss, Accumulator=Accumulator, evaluate_loss=evaluate_loss, Animator=Animator)''',
       r'''function use_svg_display() {
  // Use the svg format to display a plot in Jupyter.
}

function set_figsize(figsize=[3.5, 2.5]) {
  // Set the figure size for matplotlib.
  use_svg_display();
  plt.rcParams['figure.figsize'] = figsize;
}

function set_axes(axes, xlabel, ylabel, xlim, ylim, xscale, yscale, legend) {
  // Set the axes for matplotlib.
  axes.set_xlabel(xlabel), axes.set_ylabel(ylabel);
  axes.set_xscale(xscale), axes.set_yscale(yscale);
  axes.set_xlim(xlim), axes.set_ylim(ylim);
  if (legend) {
    axes.legend(legend);
  }
  axes.grid();
}

function plot(X, Y=None, xlabel=None, ylabel=None, legend=[], xlim=None,
              ylim=None, xscale='linear', yscale='linear',
              fmts=['-', 'm--', 'g-.', 'r:'], figsize=[3.5, 2.5], axes=None) {
  // Plot data points.

  function has_one_axis(X) {  // True if X (tensor or list) has 1 axis
    return (hasattr(X, "ndim") && X.ndim == 1 || isinstance(X, list)
            && !hasattr(X[0], "__len__"));
  }

  if (has_one_axis(X)) X = [X];
  if (Y === None) {
    [X, Y] = [[[]] * len(X), X];
  } else if (has_one_axis(Y)) {
    Y = [Y];
  }
  if (len(X) != len(Y)) {
    X = X * len(Y);
  }

  set_figsize(figsize);
  if (axes === None) {
    axes = plt.gca();
  }
  axes.cla();
  for (const [x, y, fmt] of zip(X, Y, fmts)) {
    len(x) ? axes.plot(x, y, fmt) : axes.plot(y, fmt);
  }
  set_axes(axes, xlabel, ylabel, xlim, ylim, xscale, yscale, legend);
}

const DATA_HUB = dict();
const DATA_URL = 'http://d2l-data.s3-accelerate.amazonaws.com/';

function download(name, cache_dir='data') {
  // Where d2l would have downloaded the file (the first cell has put the stand-in there).
  assert(name in DATA_HUB, `${name} does not exist in ${DATA_HUB}.`);
  const [url, sha1_hash] = DATA_HUB[name];
  return os.path.join(cache_dir, url.split('/')[-1]);
}

function load_array(data_arrays, batch_size, is_train=True) {
  // Construct a PyTorch data iterator.
  const dataset = torch.utils.data.TensorDataset(...data_arrays);
  return torch.utils.data.DataLoader(dataset, batch_size, shuffle=is_train);
}

function linreg(X, w, b) {
  // The linear regression model.
  return torch.matmul(X, w) + b;
}

function squared_loss(y_hat, y) {
  // Squared loss.
  return (y_hat - y.reshape(y_hat.shape)) ** 2 / 2;
}

class Accumulator {
  // For accumulating sums over `n` variables.
  data: number[];
  constructor(n: number) {
    this.data = [0.0] * n;
  }

  add(...args) {
    this.data = list(zip(this.data, args)).map(([a, b]) => a + float(b));
  }

  reset() {
    this.data = [0.0] * len(this.data);
  }

  __getitem__(idx: number) {
    return this.data[idx];
  }
}

function evaluate_loss(net, data_iter, loss) {
  // Evaluate the loss of a model on the given dataset.
  const metric = Accumulator(2);  // Sum of losses, no. of examples
  for (let [X, y] of data_iter) {
    const out = net(X);
    y = y.reshape(out.shape);
    const l = loss(out, y);
    metric.add(l.sum(), l.numel());
  }
  return metric[0] / metric[1];
}

class Animator {
  // For plotting data in animation (records the points it would draw).
  X; Y; fmts;
  constructor(xlabel=None, ylabel=None, legend=None, xlim=None,
              ylim=None, xscale='linear', yscale='linear',
              fmts=['-', 'm--', 'g-.', 'r:'], nrows=1, ncols=1,
              figsize=[3.5, 2.5]) {
    [this.X, this.Y, this.fmts] = [None, None, fmts];
  }

  add(x, y) {
    // Add multiple data points into the figure
    if (!hasattr(y, "__len__")) {
      y = [y];
    }
    const n = len(y);
    if (!hasattr(x, "__len__")) {
      x = [x] * n;
    }
    if (!this.X) {
      this.X = list(range(n)).map(() => []);
    }
    if (!this.Y) {
      this.Y = list(range(n)).map(() => []);
    }
    for (const [i, [a, b]] of enumerate(zip(x, y))) {
      if (a !== None && b !== None) {
        this.X[i].append(a);
        this.Y[i].append(b);
      }
    }
  }
}

const d2l = {
  plt, use_svg_display, set_figsize, set_axes, plot,
  DATA_HUB, DATA_URL, download, load_array, linreg,
  squared_loss, Accumulator, evaluate_loss, Animator};''')

CELLS = [
    D2L,
    # ------------------------------------------------------------------ 12.1 Optimization and Deep Learning
    (r'''def f(x):
    return x * torch.cos(np.pi * x)

def g(x):
    return f(x) + 0.2 * torch.cos(5 * np.pi * x)''',
     r'''function f(x) {
  return x * torch.cos(np.pi * x);
}

function g(x) {
  return f(x) + 0.2 * torch.cos(5 * np.pi * x);
}'''),
    (r'''def annotate(text, xy, xytext):  #@save
    d2l.plt.gca().annotate(text, xy=xy, xytext=xytext,
                           arrowprops=dict(arrowstyle='->'))

x = torch.arange(0.5, 1.5, 0.01)
d2l.set_figsize((4.5, 2.5))
d2l.plot(x, [f(x), g(x)], 'x', 'risk')
annotate('min of\nempirical risk', (1.0, -1.2), (0.5, -1.1))
annotate('min of risk', (1.1, -1.05), (0.95, -0.5))''',
     r'''function annotate(text, xy, xytext) {  //@save
  d2l.plt.gca().annotate(text, xy=xy, xytext=xytext,
                         arrowprops=dict(arrowstyle='->'));
}

let x = torch.arange(0.5, 1.5, 0.01);
d2l.set_figsize([4.5, 2.5]);
d2l.plot(x, [f(x), g(x)], 'x', 'risk');
annotate('min of\nempirical risk', [1.0, -1.2], [0.5, -1.1]);
annotate('min of risk', [1.1, -1.05], [0.95, -0.5]);'''),
    (r'''x = torch.arange(-1.0, 2.0, 0.01)
d2l.plot(x, [f(x), ], 'x', 'f(x)')
annotate('local minimum', (-0.3, -0.25), (-0.77, -1.0))
annotate('global minimum', (1.1, -0.95), (0.6, 0.8))''',
     r'''x = torch.arange(-1.0, 2.0, 0.01);
d2l.plot(x, [f(x), ], 'x', 'f(x)');
annotate('local minimum', [-0.3, -0.25], [-0.77, -1.0]);
annotate('global minimum', [1.1, -0.95], [0.6, 0.8]);'''),
    (r'''x = torch.arange(-2.0, 2.0, 0.01)
d2l.plot(x, [x**3], 'x', 'f(x)')
annotate('saddle point', (0, -0.2), (-0.52, -5.0))''',
     r'''x = torch.arange(-2.0, 2.0, 0.01);
d2l.plot(x, [x**3], 'x', 'f(x)');
annotate('saddle point', [0, -0.2], [-0.52, -5.0]);'''),
    (r'''x = torch.arange(-2.0, 5.0, 0.01)
d2l.plot(x, [torch.tanh(x)], 'x', 'f(x)')
annotate('vanishing gradient', (4, 1), (2, 0.0))''',
     r'''x = torch.arange(-2.0, 5.0, 0.01);
d2l.plot(x, [torch.tanh(x)], 'x', 'f(x)');
annotate('vanishing gradient', [4, 1], [2, 0.0]);'''),
    # ------------------------------------------------------------------ 12.2 Convexity
    (r'''f = lambda x: 0.5 * x**2  # Convex
g = lambda x: torch.cos(np.pi * x)  # Nonconvex
h = lambda x: torch.exp(0.5 * x)  # Convex

x, segment = torch.arange(-2, 2, 0.01), torch.tensor([-1.5, 1])
d2l.use_svg_display()
_, axes = d2l.plt.subplots(1, 3, figsize=(9, 3))
for ax, func in zip(axes, [f, g, h]):
    d2l.plot([x, segment], [func(x), func(segment)], axes=ax)''',
     r'''f = (x) => 0.5 * x**2;  // Convex
g = (x) => torch.cos(np.pi * x);  // Nonconvex
let h = (x) => torch.exp(0.5 * x);  // Convex

let segment;
[x, segment] = [torch.arange(-2, 2, 0.01), torch.tensor([-1.5, 1])];
d2l.use_svg_display();
let [_, axes] = d2l.plt.subplots(1, 3, figsize=[9, 3]);
for (const [ax, func] of zip(axes, [f, g, h])) {
  d2l.plot([x, segment], [func(x), func(segment)], axes=ax);
}'''),
    (r'''f = lambda x: (x - 1) ** 2
d2l.set_figsize()
d2l.plot([x, segment], [f(x), f(segment)], 'x', 'f(x)')''',
     r'''f = (x) => (x - 1) ** 2;
d2l.set_figsize();
d2l.plot([x, segment], [f(x), f(segment)], 'x', 'f(x)');'''),
    # ------------------------------------------------------------------ 12.3 Gradient Descent
    (r'''def f(x):  # Objective function
    return x ** 2

def f_grad(x):  # Gradient (derivative) of the objective function
    return 2 * x''',
     r'''function f(x) {  // Objective function
  return x ** 2;
}

function f_grad(x) {  // Gradient (derivative) of the objective function
  return 2 * x;
}'''),
    (r'''def gd(eta, f_grad):
    x = 10.0
    results = [x]
    for i in range(10):
        x -= eta * f_grad(x)
        results.append(float(x))
    print(f'epoch 10, x: {x:f}')
    return results

results = gd(0.2, f_grad)''',
     r'''function gd(eta, f_grad) {
  let x = 10.0;
  const results = [x];
  for (const i of range(10)) {
    x -= eta * f_grad(x);
    results.append(float(x));
  }
  print(`epoch 10, x: ${x:f}`);
  return results;
}

let results = gd(0.2, f_grad);'''),
    (r'''def show_trace(results, f):
    n = max(abs(min(results)), abs(max(results)))
    f_line = torch.arange(-n, n, 0.01)
    d2l.set_figsize()
    d2l.plot([f_line, results], [[f(x) for x in f_line], [
        f(x) for x in results]], 'x', 'f(x)', fmts=['-', '-o'])

show_trace(results, f)''',
     r'''function show_trace(results, f) {
  const n = max(abs(min(results)), abs(max(results)));
  const f_line = torch.arange(-n, n, 0.01);
  d2l.set_figsize();
  d2l.plot([f_line, results], [list(f_line).map((x) => f(x)),
      results.map((x) => f(x))], 'x', 'f(x)', fmts=['-', '-o']);
}

show_trace(results, f);'''),
    (r'''show_trace(gd(0.05, f_grad), f)''',
     r'''show_trace(gd(0.05, f_grad), f);'''),
    (r'''show_trace(gd(1.1, f_grad), f)''',
     r'''show_trace(gd(1.1, f_grad), f);'''),
    (r'''c = torch.tensor(0.15 * np.pi)

def f(x):  # Objective function
    return x * torch.cos(c * x)

def f_grad(x):  # Gradient of the objective function
    return torch.cos(c * x) - c * x * torch.sin(c * x)

show_trace(gd(2, f_grad), f)''',
     r'''let c = torch.tensor(0.15 * np.pi);

function f(x) {  // Objective function
  return x * torch.cos(c * x);
}

function f_grad(x) {  // Gradient of the objective function
  return torch.cos(c * x) - c * x * torch.sin(c * x);
}

show_trace(gd(2, f_grad), f);'''),
    (r'''def train_2d(trainer, steps=20, f_grad=None):  #@save
    """Optimize a 2D objective function with a customized trainer."""
    # `s1` and `s2` are internal state variables that will be used in Momentum, adagrad, RMSProp
    x1, x2, s1, s2 = -5, -2, 0, 0
    results = [(x1, x2)]
    for i in range(steps):
        if f_grad:
            x1, x2, s1, s2 = trainer(x1, x2, s1, s2, f_grad)
        else:
            x1, x2, s1, s2 = trainer(x1, x2, s1, s2)
        results.append((x1, x2))
    print(f'epoch {i + 1}, x1: {float(x1):f}, x2: {float(x2):f}')
    return results

def show_trace_2d(f, results):  #@save
    """Show the trace of 2D variables during optimization."""
    d2l.set_figsize()
    d2l.plt.plot(*zip(*results), '-o', color='#ff7f0e')
    x1, x2 = torch.meshgrid(torch.arange(-5.5, 1.0, 0.1),
                          torch.arange(-3.0, 1.0, 0.1), indexing='ij')
    d2l.plt.contour(x1, x2, f(x1, x2), colors='#1f77b4')
    d2l.plt.xlabel('x1')
    d2l.plt.ylabel('x2')''',
     r'''function train_2d(trainer, steps=20, f_grad=None) {  //@save
  // Optimize a 2D objective function with a customized trainer.
  // `s1` and `s2` are internal state variables that will be used in Momentum, adagrad, RMSProp
  let [x1, x2, s1, s2] = [-5, -2, 0, 0];
  const results = [tuple([x1, x2])];
  let i;
  for (i of range(steps)) {
    if (f_grad) {
      [x1, x2, s1, s2] = trainer(x1, x2, s1, s2, f_grad);
    } else {
      [x1, x2, s1, s2] = trainer(x1, x2, s1, s2);
    }
    results.append(tuple([x1, x2]));
  }
  print(`epoch ${i + 1}, x1: ${float(x1):f}, x2: ${float(x2):f}`);
  return results;
}

function show_trace_2d(f, results) {  //@save
  // Show the trace of 2D variables during optimization.
  d2l.set_figsize();
  d2l.plt.plot(...zip(...results), '-o', color='#ff7f0e');
  const [x1, x2] = torch.meshgrid(torch.arange(-5.5, 1.0, 0.1),
                                  torch.arange(-3.0, 1.0, 0.1), indexing='ij');
  d2l.plt.contour(x1, x2, f(x1, x2), colors='#1f77b4');
  d2l.plt.xlabel('x1');
  d2l.plt.ylabel('x2');
}'''),
    (r'''def f_2d(x1, x2):  # Objective function
    return x1 ** 2 + 2 * x2 ** 2

def f_2d_grad(x1, x2):  # Gradient of the objective function
    return (2 * x1, 4 * x2)

def gd_2d(x1, x2, s1, s2, f_grad):
    g1, g2 = f_grad(x1, x2)
    return (x1 - eta * g1, x2 - eta * g2, 0, 0)

eta = 0.1
show_trace_2d(f_2d, train_2d(gd_2d, f_grad=f_2d_grad))''',
     r'''function f_2d(x1, x2) {  // Objective function
  return x1 ** 2 + 2 * x2 ** 2;
}

function f_2d_grad(x1, x2) {  // Gradient of the objective function
  return (2 * x1, 4 * x2);
}

function gd_2d(x1, x2, s1, s2, f_grad) {
  const [g1, g2] = f_grad(x1, x2);
  return (x1 - eta * g1, x2 - eta * g2, 0, 0);
}

let eta = 0.1;
show_trace_2d(f_2d, train_2d(gd_2d, f_grad=f_2d_grad));'''),
    (r'''c = torch.tensor(0.5)

def f(x):  # Objective function
    return torch.cosh(c * x)

def f_grad(x):  # Gradient of the objective function
    return c * torch.sinh(c * x)

def f_hess(x):  # Hessian of the objective function
    return c**2 * torch.cosh(c * x)

def newton(eta=1):
    x = 10.0
    results = [x]
    for i in range(10):
        x -= eta * f_grad(x) / f_hess(x)
        results.append(float(x))
    print('epoch 10, x:', x)
    return results

show_trace(newton(), f)''',
     r'''c = torch.tensor(0.5);

function f(x) {  // Objective function
  return torch.cosh(c * x);
}

function f_grad(x) {  // Gradient of the objective function
  return c * torch.sinh(c * x);
}

function f_hess(x) {  // Hessian of the objective function
  return c**2 * torch.cosh(c * x);
}

function newton(eta=1) {
  let x = 10.0;
  const results = [x];
  for (const i of range(10)) {
    x -= eta * f_grad(x) / f_hess(x);
    results.append(float(x));
  }
  print('epoch 10, x:', x);
  return results;
}

show_trace(newton(), f);'''),
    (r'''c = torch.tensor(0.15 * np.pi)

def f(x):  # Objective function
    return x * torch.cos(c * x)

def f_grad(x):  # Gradient of the objective function
    return torch.cos(c * x) - c * x * torch.sin(c * x)

def f_hess(x):  # Hessian of the objective function
    return - 2 * c * torch.sin(c * x) - x * c**2 * torch.cos(c * x)

show_trace(newton(), f)''',
     r'''c = torch.tensor(0.15 * np.pi);

function f(x) {  // Objective function
  return x * torch.cos(c * x);
}

function f_grad(x) {  // Gradient of the objective function
  return torch.cos(c * x) - c * x * torch.sin(c * x);
}

function f_hess(x) {  // Hessian of the objective function
  return - 2 * c * torch.sin(c * x) - x * c**2 * torch.cos(c * x);
}

show_trace(newton(), f);'''),
    (r'''show_trace(newton(0.5), f)''',
     r'''show_trace(newton(0.5), f);'''),
    # ------------------------------------------------------------------ 12.4 Stochastic Gradient Descent
    (r'''def f(x1, x2):  # Objective function
    return x1 ** 2 + 2 * x2 ** 2

def f_grad(x1, x2):  # Gradient of the objective function
    return 2 * x1, 4 * x2''',
     r'''function f(x1, x2) {  // Objective function
  return x1 ** 2 + 2 * x2 ** 2;
}

function f_grad(x1, x2) {  // Gradient of the objective function
  return 2 * x1, 4 * x2;
}'''),
    (r'''def sgd(x1, x2, s1, s2, f_grad):
    g1, g2 = f_grad(x1, x2)
    # Simulate noisy gradient
    g1 += torch.normal(0.0, 1, (1,)).item()
    g2 += torch.normal(0.0, 1, (1,)).item()
    eta_t = eta * lr()
    return (x1 - eta_t * g1, x2 - eta_t * g2, 0, 0)''',
     r'''function sgd(x1, x2, s1, s2, f_grad) {
  let [g1, g2] = f_grad(x1, x2);
  // Simulate noisy gradient
  g1 += torch.normal(0.0, 1, [1]).item();
  g2 += torch.normal(0.0, 1, [1]).item();
  const eta_t = eta * lr();
  return (x1 - eta_t * g1, x2 - eta_t * g2, 0, 0);
}'''),
    (r'''def constant_lr():
    return 1

eta = 0.1
lr = constant_lr  # Constant learning rate
show_trace_2d(f, train_2d(sgd, steps=50, f_grad=f_grad))''',
     r'''function constant_lr() {
  return 1;
}

eta = 0.1;
let lr = constant_lr;  // Constant learning rate
show_trace_2d(f, train_2d(sgd, steps=50, f_grad=f_grad));'''),
    (r'''def exponential_lr():
    # Global variable that is defined outside this function and updated inside
    global t
    t += 1
    return math.exp(-0.1 * t)

t = 1
lr = exponential_lr
show_trace_2d(f, train_2d(sgd, steps=1000, f_grad=f_grad))''',
     r'''function exponential_lr() {
  // Global variable that is defined outside this function and updated inside
  t += 1;
  return math.exp(-0.1 * t);
}

let t = 1;
lr = exponential_lr;
show_trace_2d(f, train_2d(sgd, steps=1000, f_grad=f_grad));'''),
    (r'''def polynomial_lr():
    # Global variable that is defined outside this function and updated inside
    global t
    t += 1
    return (1 + 0.1 * t) ** (-0.5)

t = 1
lr = polynomial_lr
show_trace_2d(f, train_2d(sgd, steps=50, f_grad=f_grad))''',
     r'''function polynomial_lr() {
  // Global variable that is defined outside this function and updated inside
  t += 1;
  return (1 + 0.1 * t) ** (-0.5);
}

t = 1;
lr = polynomial_lr;
show_trace_2d(f, train_2d(sgd, steps=50, f_grad=f_grad));'''),
    # ------------------------------------------------------------------ 12.5 Minibatch Stochastic Gradient Descent
    (r'''A = torch.zeros(64, 64)
B = torch.randn(64, 64)
C = torch.randn(64, 64)''',
     r'''let A = torch.zeros(64, 64);
const B = torch.randn(64, 64);
const C = torch.randn(64, 64);'''),
    (r'''class Timer:  #@save
    """Record multiple running times."""
    def __init__(self):
        self.times = []
        self.start()

    def start(self):
        """Start the timer."""
        self.tik = time.time()

    def stop(self):
        """Stop the timer and record the time in a list."""
        self.times.append(time.time() - self.tik)
        return self.times[-1]

    def avg(self):
        """Return the average time."""
        return sum(self.times) / len(self.times)

    def sum(self):
        """Return the sum of time."""
        return sum(self.times)

    def cumsum(self):
        """Return the accumulated time."""
        return np.array(self.times).cumsum().tolist()

timer = Timer()''',
     r'''class Timer {  //@save
  // Record multiple running times.
  times: number[]; tik: number;
  constructor() {
    this.times = [];
    this.start();
  }

  start() {
    // Start the timer.
    this.tik = time.time();
  }

  stop() {
    // Stop the timer and record the time in a list.
    this.times.append(time.time() - this.tik);
    return this.times[-1];
  }

  avg() {
    // Return the average time.
    return sum(this.times) / len(this.times);
  }

  sum() {
    // Return the sum of time.
    return sum(this.times);
  }

  cumsum() {
    // Return the accumulated time.
    return np.array(this.times).cumsum().tolist();
  }
}

const timer = Timer();'''),
    (r'''# Compute A = BC one element at a time
timer.start()
for i in range(64):
    for j in range(64):
        A[i, j] = torch.dot(B[i, :], C[:, j])
timer.stop()''',
     r'''// Compute A = BC one element at a time
timer.start();
for (const i of range(64)) {
  for (const j of range(64)) {
    A[i, j] = torch.dot(B[i, :], C[:, j]);
  }
}
timer.stop();'''),
    (r'''# Compute A = BC one column at a time
timer.start()
for j in range(64):
    A[:, j] = torch.mv(B, C[:, j])
timer.stop()''',
     r'''// Compute A = BC one column at a time
timer.start();
for (const j of range(64)) {
  A[:, j] = torch.mv(B, C[:, j]);
}
timer.stop();'''),
    (r'''# Compute A = BC in one go
timer.start()
A = torch.mm(B, C)
timer.stop()

gigaflops = [0.03 / i for i in timer.times]
print(f'performance in Gigaflops: element {gigaflops[0]:.3f}, '
      f'column {gigaflops[1]:.3f}, full {gigaflops[2]:.3f}')''',
     r'''// Compute A = BC in one go
timer.start();
A = torch.mm(B, C);
timer.stop();

const gigaflops = timer.times.map((i) => 0.03 / i);
print(`performance in Gigaflops: element ${gigaflops[0]:.3f}, ` +
      `column ${gigaflops[1]:.3f}, full ${gigaflops[2]:.3f}`);'''),
    (r'''timer.start()
for j in range(0, 64, 16):
    A[:, j:j+16] = torch.mm(B, C[:, j:j+16])
timer.stop()
print(f'performance in Gigaflops: block {0.03 / timer.times[3]:.3f}')''',
     r'''timer.start();
for (const j of range(0, 64, 16)) {
  A[:, j:j+16] = torch.mm(B, C[:, j:j+16]);
}
timer.stop();
print(`performance in Gigaflops: block ${0.03 / timer.times[3]:.3f}`);'''),
    (r'''#@save
d2l.DATA_HUB['airfoil'] = (d2l.DATA_URL + 'airfoil_self_noise.dat',
                           '76e5be1548fd8222e5074cf0faae75edff8cf93f')

#@save
def get_data_ch11(batch_size=10, n=1500):
    data = np.genfromtxt(d2l.download('airfoil'),
                         dtype=np.float32, delimiter='\t')
    data = torch.from_numpy((data - data.mean(axis=0)) / data.std(axis=0))
    data_iter = d2l.load_array((data[:n, :-1], data[:n, -1]),
                               batch_size, is_train=True)
    return data_iter, data.shape[1]-1''',
     r'''//@save
d2l.DATA_HUB['airfoil'] = (d2l.DATA_URL + 'airfoil_self_noise.dat',
                           '76e5be1548fd8222e5074cf0faae75edff8cf93f');

//@save
function get_data_ch11(batch_size=10, n=1500) {
  let data = np.genfromtxt(d2l.download('airfoil'),
                           dtype=np.float32, delimiter='\t');
  data = torch.from_numpy((data - data.mean(axis=0)) / data.std(axis=0));
  const data_iter = d2l.load_array((data[:n, :-1], data[:n, -1]),
                                   batch_size, is_train=True);
  return data_iter, data.shape[1]-1;
}'''),
    (r'''def sgd(params, states, hyperparams):
    for p in params:
        p.data.sub_(hyperparams['lr'] * p.grad)
        p.grad.data.zero_()''',
     r'''function sgd(params, states, hyperparams) {
  for (const p of params) {
    p.data.sub_(hyperparams['lr'] * p.grad);
    p.grad.data.zero_();
  }
}'''),
    (r'''#@save
def train_ch11(trainer_fn, states, hyperparams, data_iter,
               feature_dim, num_epochs=2):
    # Initialization
    w = torch.normal(mean=0.0, std=0.01, size=(feature_dim, 1),
                     requires_grad=True)
    b = torch.zeros((1), requires_grad=True)
    net, loss = lambda X: d2l.linreg(X, w, b), d2l.squared_loss
    # Train
    animator = d2l.Animator(xlabel='epoch', ylabel='loss',
                            xlim=[0, num_epochs], ylim=[0.22, 0.35])
    n, timer = 0, Timer()
    for _ in range(num_epochs):
        for X, y in data_iter:
            l = loss(net(X), y).mean()
            l.backward()
            trainer_fn([w, b], states, hyperparams)
            n += X.shape[0]
            if n % 200 == 0:
                timer.stop()
                animator.add(n/X.shape[0]/len(data_iter),
                             (d2l.evaluate_loss(net, data_iter, loss),))
                timer.start()
    print(f'loss: {animator.Y[0][-1]:.3f}, {timer.sum()/num_epochs:.3f} sec/epoch')
    return timer.cumsum(), animator.Y[0]''',
     r'''//@save
function train_ch11(trainer_fn, states, hyperparams, data_iter,
                    feature_dim, num_epochs=2) {
  // Initialization
  const w = torch.normal(mean=0.0, std=0.01, size=(feature_dim, 1),
                         requires_grad=True);
  const b = torch.zeros((1), requires_grad=True);
  const [net, loss] = [(X) => d2l.linreg(X, w, b), d2l.squared_loss];
  // Train
  const animator = d2l.Animator(xlabel='epoch', ylabel='loss',
                                xlim=[0, num_epochs], ylim=[0.22, 0.35]);
  let [n, timer] = [0, Timer()];
  for (const _ of range(num_epochs)) {
    for (const [X, y] of data_iter) {
      const l = loss(net(X), y).mean();
      l.backward();
      trainer_fn([w, b], states, hyperparams);
      n += X.shape[0];
      if (n % 200 == 0) {
        timer.stop();
        animator.add(n/X.shape[0]/len(data_iter),
                     tuple([d2l.evaluate_loss(net, data_iter, loss)]));
        timer.start();
      }
    }
  }
  print(`loss: ${animator.Y[0][-1]:.3f}, ${timer.sum()/num_epochs:.3f} sec/epoch`);
  return timer.cumsum(), animator.Y[0];
}'''),
    (r'''def train_sgd(lr, batch_size, num_epochs=2):
    data_iter, feature_dim = get_data_ch11(batch_size)
    return train_ch11(
        sgd, None, {'lr': lr}, data_iter, feature_dim, num_epochs)

gd_res = train_sgd(1, 1500, 10)''',
     r'''function train_sgd(lr, batch_size, num_epochs=2) {
  const [data_iter, feature_dim] = get_data_ch11(batch_size);
  return train_ch11(
      sgd, None, {'lr': lr}, data_iter, feature_dim, num_epochs);
}

const gd_res = train_sgd(1, 1500, 10);'''),
    (r'''sgd_res = train_sgd(0.005, 1)''',
     r'''const sgd_res = train_sgd(0.005, 1);'''),
    (r'''mini1_res = train_sgd(.4, 100)''',
     r'''const mini1_res = train_sgd(.4, 100);'''),
    (r'''mini2_res = train_sgd(.05, 10)''',
     r'''const mini2_res = train_sgd(.05, 10);'''),
    (r'''d2l.set_figsize([6, 3])
d2l.plot(*list(map(list, zip(gd_res, sgd_res, mini1_res, mini2_res))),
         'time (sec)', 'loss', xlim=[1e-2, 10],
         legend=['gd', 'sgd', 'batch size=100', 'batch size=10'])
d2l.plt.gca().set_xscale('log')''',
     r'''d2l.set_figsize([6, 3]);
d2l.plot(...list(map(list, zip(gd_res, sgd_res, mini1_res, mini2_res))),
         'time (sec)', 'loss', xlim=[1e-2, 10],
         legend=['gd', 'sgd', 'batch size=100', 'batch size=10']);
d2l.plt.gca().set_xscale('log');'''),
    (r'''#@save
def train_concise_ch11(trainer_fn, hyperparams, data_iter, num_epochs=4):
    # Initialization
    net = nn.Sequential(nn.Linear(5, 1))
    def init_weights(module):
        if type(module) == nn.Linear:
            torch.nn.init.normal_(module.weight, std=0.01)
    net.apply(init_weights)

    optimizer = trainer_fn(net.parameters(), **hyperparams)
    loss = nn.MSELoss(reduction='none')
    animator = d2l.Animator(xlabel='epoch', ylabel='loss',
                            xlim=[0, num_epochs], ylim=[0.22, 0.35])
    n, timer = 0, Timer()
    for _ in range(num_epochs):
        for X, y in data_iter:
            optimizer.zero_grad()
            out = net(X)
            y = y.reshape(out.shape)
            l = loss(out, y)
            l.mean().backward()
            optimizer.step()
            n += X.shape[0]
            if n % 200 == 0:
                timer.stop()
                # `MSELoss` computes squared error without the 1/2 factor
                animator.add(n/X.shape[0]/len(data_iter),
                             (d2l.evaluate_loss(net, data_iter, loss) / 2,))
                timer.start()
    print(f'loss: {animator.Y[0][-1]:.3f}, {timer.sum()/num_epochs:.3f} sec/epoch')''',
     r'''//@save
function train_concise_ch11(trainer_fn, hyperparams, data_iter, num_epochs=4) {
  // Initialization
  const net = nn.Sequential(nn.Linear(5, 1));
  function init_weights(module) {
    if (type(module) == nn.Linear) {
      torch.nn.init.normal_(module.weight, std=0.01);
    }
  }
  net.apply(init_weights);

  const optimizer = trainer_fn(net.parameters(), **hyperparams);
  const loss = nn.MSELoss(reduction='none');
  const animator = d2l.Animator(xlabel='epoch', ylabel='loss',
                                xlim=[0, num_epochs], ylim=[0.22, 0.35]);
  let [n, timer] = [0, Timer()];
  for (const _ of range(num_epochs)) {
    for (let [X, y] of data_iter) {
      optimizer.zero_grad();
      const out = net(X);
      y = y.reshape(out.shape);
      const l = loss(out, y);
      l.mean().backward();
      optimizer.step();
      n += X.shape[0];
      if (n % 200 == 0) {
        timer.stop();
        // `MSELoss` computes squared error without the 1/2 factor
        animator.add(n/X.shape[0]/len(data_iter),
                     tuple([d2l.evaluate_loss(net, data_iter, loss) / 2]));
        timer.start();
      }
    }
  }
  print(`loss: ${animator.Y[0][-1]:.3f}, ${timer.sum()/num_epochs:.3f} sec/epoch`);
}'''),
    (r'''data_iter, _ = get_data_ch11(10)
trainer = torch.optim.SGD
train_concise_ch11(trainer, {'lr': 0.01}, data_iter)''',
     r'''let [data_iter, _] = get_data_ch11(10);
let trainer = torch.optim.SGD;
train_concise_ch11(trainer, {'lr': 0.01}, data_iter);'''),
    # ------------------------------------------------------------------ 12.6 Momentum
    (r'''eta = 0.4
def f_2d(x1, x2):
    return 0.1 * x1 ** 2 + 2 * x2 ** 2
def gd_2d(x1, x2, s1, s2):
    return (x1 - eta * 0.2 * x1, x2 - eta * 4 * x2, 0, 0)

show_trace_2d(f_2d, train_2d(gd_2d))''',
     r'''eta = 0.4;
function f_2d(x1, x2) {
  return 0.1 * x1 ** 2 + 2 * x2 ** 2;
}
function gd_2d(x1, x2, s1, s2) {
  return (x1 - eta * 0.2 * x1, x2 - eta * 4 * x2, 0, 0);
}

show_trace_2d(f_2d, train_2d(gd_2d));'''),
    (r'''eta = 0.6
show_trace_2d(f_2d, train_2d(gd_2d))''',
     r'''eta = 0.6;
show_trace_2d(f_2d, train_2d(gd_2d));'''),
    (r'''def momentum_2d(x1, x2, v1, v2):
    v1 = beta * v1 + 0.2 * x1
    v2 = beta * v2 + 4 * x2
    return x1 - eta * v1, x2 - eta * v2, v1, v2

eta, beta = 0.6, 0.5
show_trace_2d(f_2d, train_2d(momentum_2d))''',
     r'''function momentum_2d(x1, x2, v1, v2) {
  v1 = beta * v1 + 0.2 * x1;
  v2 = beta * v2 + 4 * x2;
  return x1 - eta * v1, x2 - eta * v2, v1, v2;
}

let beta;
[eta, beta] = [0.6, 0.5];
show_trace_2d(f_2d, train_2d(momentum_2d));'''),
    (r'''eta, beta = 0.6, 0.25
show_trace_2d(f_2d, train_2d(momentum_2d))''',
     r'''[eta, beta] = [0.6, 0.25];
show_trace_2d(f_2d, train_2d(momentum_2d));'''),
    (r'''d2l.set_figsize()
betas = [0.95, 0.9, 0.6, 0]
for beta in betas:
    x = torch.arange(40).detach().numpy()
    d2l.plt.plot(x, beta ** x, label=f'beta = {beta:.2f}')
d2l.plt.xlabel('time')
d2l.plt.legend();''',
     r'''d2l.set_figsize();
const betas = [0.95, 0.9, 0.6, 0];
for (beta of betas) {
  const x = torch.arange(40).detach().numpy();
  d2l.plt.plot(x, beta ** x, label=`beta = ${beta:.2f}`);
}
d2l.plt.xlabel('time');
d2l.plt.legend();'''),
    (r'''def init_momentum_states(feature_dim):
    v_w = torch.zeros((feature_dim, 1))
    v_b = torch.zeros(1)
    return (v_w, v_b)

def sgd_momentum(params, states, hyperparams):
    for p, v in zip(params, states):
        with torch.no_grad():
            v[:] = hyperparams['momentum'] * v + p.grad
            p[:] -= hyperparams['lr'] * v
        p.grad.data.zero_()''',
     r'''function init_momentum_states(feature_dim) {
  const v_w = torch.zeros((feature_dim, 1));
  const v_b = torch.zeros(1);
  return (v_w, v_b);
}

function sgd_momentum(params, states, hyperparams) {
  for (const [p, v] of zip(params, states)) {
    torch.no_grad(() => {
      v[:] = hyperparams['momentum'] * v + p.grad;
      p[:] -= hyperparams['lr'] * v;
    });
    p.grad.data.zero_();
  }
}'''),
    (r'''def train_momentum(lr, momentum, num_epochs=2):
    train_ch11(sgd_momentum, init_momentum_states(feature_dim),
               {'lr': lr, 'momentum': momentum}, data_iter,
               feature_dim, num_epochs)

data_iter, feature_dim = get_data_ch11(batch_size=10)
train_momentum(0.02, 0.5)''',
     r'''function train_momentum(lr, momentum, num_epochs=2) {
  train_ch11(sgd_momentum, init_momentum_states(feature_dim),
             {'lr': lr, 'momentum': momentum}, data_iter,
             feature_dim, num_epochs);
}

let feature_dim;
[data_iter, feature_dim] = get_data_ch11(batch_size=10);
train_momentum(0.02, 0.5);'''),
    (r'''train_momentum(0.01, 0.9)''',
     r'''train_momentum(0.01, 0.9);'''),
    (r'''train_momentum(0.005, 0.9)''',
     r'''train_momentum(0.005, 0.9);'''),
    (r'''trainer = torch.optim.SGD
train_concise_ch11(trainer, {'lr': 0.005, 'momentum': 0.9}, data_iter)''',
     r'''trainer = torch.optim.SGD;
train_concise_ch11(trainer, {'lr': 0.005, 'momentum': 0.9}, data_iter);'''),
    (r'''lambdas = [0.1, 1, 10, 19]
eta = 0.1
d2l.set_figsize((6, 4))
for lam in lambdas:
    t = torch.arange(20).detach().numpy()
    d2l.plt.plot(t, (1 - eta * lam) ** t, label=f'lambda = {lam:.2f}')
d2l.plt.xlabel('time')
d2l.plt.legend();''',
     r'''const lambdas = [0.1, 1, 10, 19];
eta = 0.1;
d2l.set_figsize((6, 4));
for (const lam of lambdas) {
  const t = torch.arange(20).detach().numpy();
  d2l.plt.plot(t, (1 - eta * lam) ** t, label=`lambda = ${lam:.2f}`);
}
d2l.plt.xlabel('time');
d2l.plt.legend();'''),
    # ------------------------------------------------------------------ 12.7 Adagrad
    (r'''def adagrad_2d(x1, x2, s1, s2):
    eps = 1e-6
    g1, g2 = 0.2 * x1, 4 * x2
    s1 += g1 ** 2
    s2 += g2 ** 2
    x1 -= eta / math.sqrt(s1 + eps) * g1
    x2 -= eta / math.sqrt(s2 + eps) * g2
    return x1, x2, s1, s2

def f_2d(x1, x2):
    return 0.1 * x1 ** 2 + 2 * x2 ** 2

eta = 0.4
show_trace_2d(f_2d, train_2d(adagrad_2d))''',
     r'''function adagrad_2d(x1, x2, s1, s2) {
  const eps = 1e-6;
  const [g1, g2] = [0.2 * x1, 4 * x2];
  s1 += g1 ** 2;
  s2 += g2 ** 2;
  x1 -= eta / math.sqrt(s1 + eps) * g1;
  x2 -= eta / math.sqrt(s2 + eps) * g2;
  return x1, x2, s1, s2;
}

function f_2d(x1, x2) {
  return 0.1 * x1 ** 2 + 2 * x2 ** 2;
}

eta = 0.4;
show_trace_2d(f_2d, train_2d(adagrad_2d));'''),
    (r'''eta = 2
show_trace_2d(f_2d, train_2d(adagrad_2d))''',
     r'''eta = 2;
show_trace_2d(f_2d, train_2d(adagrad_2d));'''),
    (r'''def init_adagrad_states(feature_dim):
    s_w = torch.zeros((feature_dim, 1))
    s_b = torch.zeros(1)
    return (s_w, s_b)

def adagrad(params, states, hyperparams):
    eps = 1e-6
    for p, s in zip(params, states):
        with torch.no_grad():
            s[:] += torch.square(p.grad)
            p[:] -= hyperparams['lr'] * p.grad / torch.sqrt(s + eps)
        p.grad.data.zero_()''',
     r'''function init_adagrad_states(feature_dim) {
  const s_w = torch.zeros((feature_dim, 1));
  const s_b = torch.zeros(1);
  return (s_w, s_b);
}

function adagrad(params, states, hyperparams) {
  const eps = 1e-6;
  for (const [p, s] of zip(params, states)) {
    torch.no_grad(() => {
      s[:] += torch.square(p.grad);
      p[:] -= hyperparams['lr'] * p.grad / torch.sqrt(s + eps);
    });
    p.grad.data.zero_();
  }
}'''),
    (r'''data_iter, feature_dim = get_data_ch11(batch_size=10)
train_ch11(adagrad, init_adagrad_states(feature_dim),
           {'lr': 0.1}, data_iter, feature_dim);''',
     r'''[data_iter, feature_dim] = get_data_ch11(batch_size=10);
train_ch11(adagrad, init_adagrad_states(feature_dim),
           {'lr': 0.1}, data_iter, feature_dim);'''),
    (r'''trainer = torch.optim.Adagrad
train_concise_ch11(trainer, {'lr': 0.1}, data_iter)''',
     r'''trainer = torch.optim.Adagrad;
train_concise_ch11(trainer, {'lr': 0.1}, data_iter);'''),
    # ------------------------------------------------------------------ 12.8 RMSProp
    (r'''d2l.set_figsize()
gammas = [0.95, 0.9, 0.8, 0.7]
for gamma in gammas:
    x = torch.arange(40).detach().numpy()
    d2l.plt.plot(x, (1-gamma) * gamma ** x, label=f'gamma = {gamma:.2f}')
d2l.plt.xlabel('time');''',
     r'''d2l.set_figsize();
const gammas = [0.95, 0.9, 0.8, 0.7];
let gamma;
for (gamma of gammas) {
  const x = torch.arange(40).detach().numpy();
  d2l.plt.plot(x, (1-gamma) * gamma ** x, label=`gamma = ${gamma:.2f}`);
}
d2l.plt.xlabel('time');'''),
    (r'''def rmsprop_2d(x1, x2, s1, s2):
    g1, g2, eps = 0.2 * x1, 4 * x2, 1e-6
    s1 = gamma * s1 + (1 - gamma) * g1 ** 2
    s2 = gamma * s2 + (1 - gamma) * g2 ** 2
    x1 -= eta / math.sqrt(s1 + eps) * g1
    x2 -= eta / math.sqrt(s2 + eps) * g2
    return x1, x2, s1, s2

def f_2d(x1, x2):
    return 0.1 * x1 ** 2 + 2 * x2 ** 2

eta, gamma = 0.4, 0.9
show_trace_2d(f_2d, train_2d(rmsprop_2d))''',
     r'''function rmsprop_2d(x1, x2, s1, s2) {
  const [g1, g2, eps] = [0.2 * x1, 4 * x2, 1e-6];
  s1 = gamma * s1 + (1 - gamma) * g1 ** 2;
  s2 = gamma * s2 + (1 - gamma) * g2 ** 2;
  x1 -= eta / math.sqrt(s1 + eps) * g1;
  x2 -= eta / math.sqrt(s2 + eps) * g2;
  return x1, x2, s1, s2;
}

function f_2d(x1, x2) {
  return 0.1 * x1 ** 2 + 2 * x2 ** 2;
}

[eta, gamma] = [0.4, 0.9];
show_trace_2d(f_2d, train_2d(rmsprop_2d));'''),
    (r'''def init_rmsprop_states(feature_dim):
    s_w = torch.zeros((feature_dim, 1))
    s_b = torch.zeros(1)
    return (s_w, s_b)

def rmsprop(params, states, hyperparams):
    gamma, eps = hyperparams['gamma'], 1e-6
    for p, s in zip(params, states):
        with torch.no_grad():
            s[:] = gamma * s + (1 - gamma) * torch.square(p.grad)
            p[:] -= hyperparams['lr'] * p.grad / torch.sqrt(s + eps)
        p.grad.data.zero_()''',
     r'''function init_rmsprop_states(feature_dim) {
  const s_w = torch.zeros((feature_dim, 1));
  const s_b = torch.zeros(1);
  return (s_w, s_b);
}

function rmsprop(params, states, hyperparams) {
  const [gamma, eps] = [hyperparams['gamma'], 1e-6];
  for (const [p, s] of zip(params, states)) {
    torch.no_grad(() => {
      s[:] = gamma * s + (1 - gamma) * torch.square(p.grad);
      p[:] -= hyperparams['lr'] * p.grad / torch.sqrt(s + eps);
    });
    p.grad.data.zero_();
  }
}'''),
    (r'''data_iter, feature_dim = get_data_ch11(batch_size=10)
train_ch11(rmsprop, init_rmsprop_states(feature_dim),
           {'lr': 0.01, 'gamma': 0.9}, data_iter, feature_dim);''',
     r'''[data_iter, feature_dim] = get_data_ch11(batch_size=10);
train_ch11(rmsprop, init_rmsprop_states(feature_dim),
           {'lr': 0.01, 'gamma': 0.9}, data_iter, feature_dim);'''),
    (r'''trainer = torch.optim.RMSprop
train_concise_ch11(trainer, {'lr': 0.01, 'alpha': 0.9},
                   data_iter)''',
     r'''trainer = torch.optim.RMSprop;
train_concise_ch11(trainer, {'lr': 0.01, 'alpha': 0.9},
                   data_iter);'''),
    # ------------------------------------------------------------------ 12.9 Adadelta
    (r'''def init_adadelta_states(feature_dim):
    s_w, s_b = torch.zeros((feature_dim, 1)), torch.zeros(1)
    delta_w, delta_b = torch.zeros((feature_dim, 1)), torch.zeros(1)
    return ((s_w, delta_w), (s_b, delta_b))

def adadelta(params, states, hyperparams):
    rho, eps = hyperparams['rho'], 1e-5
    for p, (s, delta) in zip(params, states):
        with torch.no_grad():
            # In-place updates via [:]
            s[:] = rho * s + (1 - rho) * torch.square(p.grad)
            g = (torch.sqrt(delta + eps) / torch.sqrt(s + eps)) * p.grad
            p[:] -= g
            delta[:] = rho * delta + (1 - rho) * g * g
        p.grad.data.zero_()''',
     r'''function init_adadelta_states(feature_dim) {
  const [s_w, s_b] = [torch.zeros((feature_dim, 1)), torch.zeros(1)];
  const [delta_w, delta_b] = [torch.zeros((feature_dim, 1)), torch.zeros(1)];
  return ((s_w, delta_w), (s_b, delta_b));
}

function adadelta(params, states, hyperparams) {
  const [rho, eps] = [hyperparams['rho'], 1e-5];
  for (const [p, [s, delta]] of zip(params, states)) {
    torch.no_grad(() => {
      // In-place updates via [:]
      s[:] = rho * s + (1 - rho) * torch.square(p.grad);
      const g = (torch.sqrt(delta + eps) / torch.sqrt(s + eps)) * p.grad;
      p[:] -= g;
      delta[:] = rho * delta + (1 - rho) * g * g;
    });
    p.grad.data.zero_();
  }
}'''),
    (r'''data_iter, feature_dim = get_data_ch11(batch_size=10)
train_ch11(adadelta, init_adadelta_states(feature_dim),
           {'rho': 0.9}, data_iter, feature_dim);''',
     r'''[data_iter, feature_dim] = get_data_ch11(batch_size=10);
train_ch11(adadelta, init_adadelta_states(feature_dim),
           {'rho': 0.9}, data_iter, feature_dim);'''),
    (r'''trainer = torch.optim.Adadelta
train_concise_ch11(trainer, {'rho': 0.9}, data_iter)''',
     r'''trainer = torch.optim.Adadelta;
train_concise_ch11(trainer, {'rho': 0.9}, data_iter);'''),
    # ------------------------------------------------------------------ 12.10 Adam
    (r'''def init_adam_states(feature_dim):
    v_w, v_b = torch.zeros((feature_dim, 1)), torch.zeros(1)
    s_w, s_b = torch.zeros((feature_dim, 1)), torch.zeros(1)
    return ((v_w, s_w), (v_b, s_b))

def adam(params, states, hyperparams):
    beta1, beta2, eps = 0.9, 0.999, 1e-6
    for p, (v, s) in zip(params, states):
        with torch.no_grad():
            v[:] = beta1 * v + (1 - beta1) * p.grad
            s[:] = beta2 * s + (1 - beta2) * torch.square(p.grad)
            v_bias_corr = v / (1 - beta1 ** hyperparams['t'])
            s_bias_corr = s / (1 - beta2 ** hyperparams['t'])
            p[:] -= hyperparams['lr'] * v_bias_corr / (torch.sqrt(s_bias_corr)
                                                       + eps)
        p.grad.data.zero_()
    hyperparams['t'] += 1''',
     r'''function init_adam_states(feature_dim) {
  const [v_w, v_b] = [torch.zeros((feature_dim, 1)), torch.zeros(1)];
  const [s_w, s_b] = [torch.zeros((feature_dim, 1)), torch.zeros(1)];
  return ((v_w, s_w), (v_b, s_b));
}

function adam(params, states, hyperparams) {
  const [beta1, beta2, eps] = [0.9, 0.999, 1e-6];
  for (const [p, [v, s]] of zip(params, states)) {
    torch.no_grad(() => {
      v[:] = beta1 * v + (1 - beta1) * p.grad;
      s[:] = beta2 * s + (1 - beta2) * torch.square(p.grad);
      const v_bias_corr = v / (1 - beta1 ** hyperparams['t']);
      const s_bias_corr = s / (1 - beta2 ** hyperparams['t']);
      p[:] -= hyperparams['lr'] * v_bias_corr / (torch.sqrt(s_bias_corr)
                                                 + eps);
    });
    p.grad.data.zero_();
  }
  hyperparams['t'] += 1;
}'''),
    (r'''data_iter, feature_dim = get_data_ch11(batch_size=10)
train_ch11(adam, init_adam_states(feature_dim),
           {'lr': 0.01, 't': 1}, data_iter, feature_dim);''',
     r'''[data_iter, feature_dim] = get_data_ch11(batch_size=10);
train_ch11(adam, init_adam_states(feature_dim),
           {'lr': 0.01, 't': 1}, data_iter, feature_dim);'''),
    (r'''trainer = torch.optim.Adam
train_concise_ch11(trainer, {'lr': 0.01}, data_iter)''',
     r'''trainer = torch.optim.Adam;
train_concise_ch11(trainer, {'lr': 0.01}, data_iter);'''),
    (r'''def yogi(params, states, hyperparams):
    beta1, beta2, eps = 0.9, 0.999, 1e-3
    for p, (v, s) in zip(params, states):
        with torch.no_grad():
            v[:] = beta1 * v + (1 - beta1) * p.grad
            s[:] = s + (1 - beta2) * torch.sign(
                torch.square(p.grad) - s) * torch.square(p.grad)
            v_bias_corr = v / (1 - beta1 ** hyperparams['t'])
            s_bias_corr = s / (1 - beta2 ** hyperparams['t'])
            p[:] -= hyperparams['lr'] * v_bias_corr / (torch.sqrt(s_bias_corr)
                                                       + eps)
        p.grad.data.zero_()
    hyperparams['t'] += 1

data_iter, feature_dim = get_data_ch11(batch_size=10)
train_ch11(yogi, init_adam_states(feature_dim),
           {'lr': 0.01, 't': 1}, data_iter, feature_dim);''',
     r'''function yogi(params, states, hyperparams) {
  const [beta1, beta2, eps] = [0.9, 0.999, 1e-3];
  for (const [p, [v, s]] of zip(params, states)) {
    torch.no_grad(() => {
      v[:] = beta1 * v + (1 - beta1) * p.grad;
      s[:] = s + (1 - beta2) * torch.sign(
          torch.square(p.grad) - s) * torch.square(p.grad);
      const v_bias_corr = v / (1 - beta1 ** hyperparams['t']);
      const s_bias_corr = s / (1 - beta2 ** hyperparams['t']);
      p[:] -= hyperparams['lr'] * v_bias_corr / (torch.sqrt(s_bias_corr)
                                                 + eps);
    });
    p.grad.data.zero_();
  }
  hyperparams['t'] += 1;
}

[data_iter, feature_dim] = get_data_ch11(batch_size=10);
train_ch11(yogi, init_adam_states(feature_dim),
           {'lr': 0.01, 't': 1}, data_iter, feature_dim);'''),
]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    airfoil = airfoil_standin()
    os.chdir(tempfile.mkdtemp(prefix="d2l-optimization-"))
    os.makedirs("data")
    with open(os.path.join("data", "airfoil_self_noise.dat"), "w") as f:
        f.write(airfoil)
    torch.manual_seed(0)
    scope = {"__name__": "__main__"}
    out = []
    for py, ts in CELLS:
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            exec(compile(py, "<cell>", "exec"), scope)
        out.append({"py": py, "ts": ts, "print": buf.getvalue()})
    with open(os.path.join(here, "d2l_optimization.json"), "w") as f:
        json.dump({"airfoil": airfoil, "cells": out}, f, indent=1, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    sys.exit(main())
