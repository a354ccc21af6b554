"""Fixture for test/tutorials/micrograd_notebook.test.ts: Andrej Karpathy's micrograd (karpathy/micrograd:
demo.ipynb, with micrograd/engine.py's Value and micrograd/nn.py's Module, Neuron, Layer, MLP typed into
cells as a student ports them, and the README's example of Value's operators), each cell paired with
its port in the notebook dialect and run here on Python 3 with NumPy 1.24 and scikit-learn 1.2.1 as
IPython runs it: what each cell prints. Shrunk: make_moons draws 30 points instead of 100 and the
training loop runs 10 steps instead of 100 (its learning-rate schedule still reads k/100): a step over
100 points costs ~2.5 s of CPU here, in Python as in the port. Run with /usr/bin/python3 from test/reference: writes
micrograd.json."""
import contextlib
import io
import os
import random
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _tutorial_common import write_json  # noqa: E402

CELLS = [
    ("""class Value:
    \"\"\" stores a single scalar value and its gradient \"\"\"

    def __init__(self, data, _children=(), _op=''):
        self.data = data
        self.grad = 0
        # internal variables used for autograd graph construction
        self._backward = lambda: None
        self._prev = set(_children)
        self._op = _op # the op that produced this node, for graphviz / debugging / etc

    def __add__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data + other.data, (self, other), '+')

        def _backward():
            self.grad += out.grad
            other.grad += out.grad
        out._backward = _backward

        return out

    def __mul__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data * other.data, (self, other), '*')

        def _backward():
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad
        out._backward = _backward

        return out

    def __pow__(self, other):
        assert isinstance(other, (int, float)), "only supporting int/float powers for now"
        out = Value(self.data**other, (self,), f'**{other}')

        def _backward():
            self.grad += (other * self.data**(other-1)) * out.grad
        out._backward = _backward

        return out

    def relu(self):
        out = Value(0 if self.data < 0 else self.data, (self,), 'ReLU')

        def _backward():
            self.grad += (out.data > 0) * out.grad
        out._backward = _backward

        return out

    def backward(self):

        # topological order all of the children in the graph
        topo = []
        visited = set()
        def build_topo(v):
            if v not in visited:
                visited.add(v)
                for child in v._prev:
                    build_topo(child)
                topo.append(v)
        build_topo(self)

        # go one variable at a time and apply the chain rule to get its gradient
        self.grad = 1
        for v in reversed(topo):
            v._backward()

    def __neg__(self): # -self
        return self * -1

    def __radd__(self, other): # other + self
        return self + other

    def __sub__(self, other): # self - other
        return self + (-other)

    def __rsub__(self, other): # other - self
        return other + (-self)

    def __rmul__(self, other): # other * self
        return self * other

    def __truediv__(self, other): # self / other
        return self * other**-1

    def __rtruediv__(self, other): # other / self
        return other * self**-1

    def __repr__(self):
        return f"Value(data={self.data}, grad={self.grad})"
""",
     """class Value {
  /* stores a single scalar value and its gradient */

  constructor(data, _children = [], _op = "") {
    this.data = data;
    this.grad = 0;
    // internal variables used for autograd graph construction
    this._backward = () => null;
    this._prev = set(_children);
    this._op = _op; // the op that produced this node, for graphviz / debugging / etc
  }

  __add__(other) {
    other = isinstance(other, Value) ? other : Value(other);
    const out = Value(this.data + other.data, [this, other], '+');

    const _backward = () => {
      this.grad += out.grad;
      other.grad += out.grad;
    };
    out._backward = _backward;

    return out;
  }

  __mul__(other) {
    other = isinstance(other, Value) ? other : Value(other);
    const out = Value(this.data * other.data, [this, other], '*');

    const _backward = () => {
      this.grad += other.data * out.grad;
      other.grad += this.data * out.grad;
    };
    out._backward = _backward;

    return out;
  }

  __pow__(other) {
    assert(isinstance(other, [int, float]), "only supporting int/float powers for now");
    const out = Value(this.data**other, [this], `**${other}`);

    const _backward = () => {
      this.grad += (other * this.data**(other-1)) * out.grad;
    };
    out._backward = _backward;

    return out;
  }

  relu() {
    const out = Value(this.data < 0 ? 0 : this.data, [this], 'ReLU');

    const _backward = () => {
      this.grad += (out.data > 0) * out.grad;
    };
    out._backward = _backward;

    return out;
  }

  backward() {

    // topological order all of the children in the graph
    const topo: Value[] = [];
    const visited = set();
    const build_topo = (v: Value) => {
      if (!visited.has(v)) {
        visited.add(v);
        for (const child of v._prev) {
          build_topo(child);
        }
        topo.append(v);
      }
    };
    build_topo(this);

    // go one variable at a time and apply the chain rule to get its gradient
    this.grad = 1;
    for (const v of reversed(topo)) {
      v._backward();
    }
  }

  __neg__() { // -self
    return this * -1;
  }

  __radd__(other) { // other + self
    return this + other;
  }

  __sub__(other) { // self - other
    return this + (-other);
  }

  __rsub__(other) { // other - self
    return other + (-this);
  }

  __rmul__(other) { // other * self
    return this * other;
  }

  __truediv__(other) { // self / other
    return this * other**-1;
  }

  __rtruediv__(other) { // other / self
    return other * this**-1;
  }

  __repr__() {
    return `Value(data=${this.data}, grad=${this.grad})`;
  }
}"""),
    ("""# micrograd/nn.py
class Module:

    def zero_grad(self):
        for p in self.parameters():
            p.grad = 0

    def parameters(self):
        return []

class Neuron(Module):

    def __init__(self, nin, nonlin=True):
        self.w = [Value(random.uniform(-1,1)) for _ in range(nin)]
        self.b = Value(0)
        self.nonlin = nonlin

    def __call__(self, x):
        act = sum((wi*xi for wi,xi in zip(self.w, x)), self.b)
        return act.relu() if self.nonlin else act

    def parameters(self):
        return self.w + [self.b]

    def __repr__(self):
        return f"{'ReLU' if self.nonlin else 'Linear'}Neuron({len(self.w)})"

class Layer(Module):

    def __init__(self, nin, nout, **kwargs):
        self.neurons = [Neuron(nin, **kwargs) for _ in range(nout)]

    def __call__(self, x):
        out = [n(x) for n in self.neurons]
        return out[0] if len(out) == 1 else out

    def parameters(self):
        return [p for n in self.neurons for p in n.parameters()]

    def __repr__(self):
        return f"Layer of [{', '.join(str(n) for n in self.neurons)}]"

class MLP(Module):

    def __init__(self, nin, nouts):
        sz = [nin] + nouts
        self.layers = [Layer(sz[i], sz[i+1], nonlin=i!=len(nouts)-1) for i in range(len(nouts))]

    def __call__(self, x):
        for layer in self.layers:
            x = layer(x)
        return x

    def parameters(self):
        return [p for layer in self.layers for p in layer.parameters()]

    def __repr__(self):
        return f"MLP of [{', '.join(str(layer) for layer in self.layers)}]"
""",
     """class Module {

  zero_grad() {
    for (const p of this.parameters()) {
      p.grad = 0;
    }
  }

  parameters(): Value[] {
    return [];
  }
}

class Neuron extends Module {

  constructor(nin: number, nonlin=true) {
    super();
    this.w = list(range(nin)).map((_) => Value(random.uniform(-1,1)));
    this.b = Value(0);
    this.nonlin = nonlin;
  }

  __call__(x) {
    const act = sum(list(zip(this.w, x)).map(([wi, xi]) => wi*xi), this.b);
    return this.nonlin ? act.relu() : act;
  }

  parameters() {
    return this.w + [this.b];
  }

  __repr__() {
    return `${this.nonlin ? 'ReLU' : 'Linear'}Neuron(${len(this.w)})`;
  }
}

class Layer extends Module {

  constructor(nin: number, nout: number, {...kwargs} = {}) {
    super();
    this.neurons = list(range(nout)).map((_) => Neuron(nin, **kwargs));
  }

  __call__(x) {
    const out = this.neurons.map((n) => n(x));
    return len(out) == 1 ? out[0] : out;
  }

  parameters() {
    return this.neurons.flatMap((n) => n.parameters());
  }

  __repr__() {
    return `Layer of [${this.neurons.map((n) => str(n)).join(', ')}]`;
  }
}

class MLP extends Module {

  constructor(nin: number, nouts: number[]) {
    super();
    const sz = [nin] + nouts;
    this.layers = list(range(len(nouts))).map((i) => Layer(sz[i], sz[i+1], nonlin=i!=len(nouts)-1));
  }

  __call__(x) {
    for (const layer of this.layers) {
      x = layer(x);
    }
    return x;
  }

  parameters() {
    return this.layers.flatMap((layer) => layer.parameters());
  }

  __repr__() {
    return `MLP of [${this.layers.map((layer) => str(layer)).join(', ')}]`;
  }
}"""),
    ("""a = Value(-4.0)
b = Value(2.0)
c = a + b
d = a * b + b**3
c += c + 1
c += 1 + c + (-a)
d += d * 2 + (b + a).relu()
d += 3 * d + (b - a).relu()
e = c - d
f = e**2
g = f / 2.0
g += 10.0 / f
print(f'{g.data:.4f}') # prints 24.7041, the outcome of this forward pass
g.backward()
print(f'{a.grad:.4f}') # prints 138.8338, i.e. the numerical value of dg/da
print(f'{b.grad:.4f}') # prints 645.5773, i.e. the numerical value of dg/db""",
     """const a = Value(-4.0);
const b = Value(2.0);
let c = a + b;
let d = a * b + b**3;
c += c + 1;
c += 1 + c + (-a);
d += d * 2 + (b + a).relu();
d += 3 * d + (b - a).relu();
const e = c - d;
const f = e**2;
let g = f / 2.0;
g += 10.0 / f;
print(`${g.data:.4f}`); // prints 24.7041, the outcome of this forward pass
g.backward();
print(`${a.grad:.4f}`); // prints 138.8338, i.e. the numerical value of dg/da
print(`${b.grad:.4f}`); // prints 645.5773, i.e. the numerical value of dg/db"""),
    ("""np.random.seed(1337)
random.seed(1337)""",
     """np.random.seed(1337);
random.seed(1337);"""),
    ("""# make up a dataset

from sklearn.datasets import make_moons, make_blobs
X, y = make_moons(n_samples=30, noise=0.1)

y = y*2 - 1 # make y be -1 or 1""",
     """// make up a dataset

const { make_moons, make_blobs } = sklearn.datasets;

let [X, y] = make_moons(n_samples=30, noise=0.1);

y = y*2 - 1; // make y be -1 or 1"""),
    ("""# initialize a model 
model = MLP(2, [16, 16, 1]) # 2-layer neural network
print(model)
print("number of parameters", len(model.parameters()))""",
     """// initialize a model 
const model = MLP(2, [16, 16, 1]); // 2-layer neural network
print(model);
print("number of parameters", len(model.parameters()));"""),
    ("""# loss function
def loss(batch_size=None):
    
    # inline DataLoader :)
    if batch_size is None:
        Xb, yb = X, y
    else:
        ri = np.random.permutation(X.shape[0])[:batch_size]
        Xb, yb = X[ri], y[ri]
    inputs = [list(map(Value, xrow)) for xrow in Xb]
    
    # forward the model to get scores
    scores = list(map(model, inputs))
    
    # svm "max-margin" loss
    losses = [(1 + -yi*scorei).relu() for yi, scorei in zip(yb, scores)]
    data_loss = sum(losses) * (1.0 / len(losses))
    # L2 regularization
    alpha = 1e-4
    reg_loss = alpha * sum((p*p for p in model.parameters()))
    total_loss = data_loss + reg_loss
    
    # also get accuracy
    accuracy = [(yi > 0) == (scorei.data > 0) for yi, scorei in zip(yb, scores)]
    return total_loss, sum(accuracy) / len(accuracy)

total_loss, acc = loss()
print(total_loss, acc)""",
     """// loss function
function loss(batch_size=None) {

  // inline DataLoader :)
  let Xb, yb;
  if (batch_size === None) {
    [Xb, yb] = [X, y];
  } else {
    const ri = np.random.permutation(X.shape[0])[`:${batch_size}`];
    [Xb, yb] = [X[ri], y[ri]];
  }
  const inputs = list(Xb).map((xrow) => list(map(Value, xrow)));

  // forward the model to get scores
  const scores = list(map(model, inputs));

  // svm "max-margin" loss
  const losses = list(zip(yb, scores)).map(([yi, scorei]) => (1 + -yi*scorei).relu());
  const data_loss = sum(losses) * (1.0 / len(losses));
  // L2 regularization
  const alpha = 1e-4;
  const reg_loss = alpha * sum(model.parameters().map((p) => p*p));
  const total_loss = data_loss + reg_loss;

  // also get accuracy
  const accuracy = list(zip(yb, scores)).map(([yi, scorei]) => (yi > 0) == (scorei.data > 0));
  return [total_loss, sum(accuracy) / len(accuracy)];
}

let [total_loss, acc] = loss();
print(total_loss, acc);"""),
    ("""# optimization
for k in range(10):
    
    # forward
    total_loss, acc = loss()
    
    # backward
    model.zero_grad()
    total_loss.backward()
    
    # update (sgd)
    learning_rate = 1.0 - 0.9*k/100
    for p in model.parameters():
        p.data -= learning_rate * p.grad
    
    if k % 1 == 0:
        print(f"step {k} loss {total_loss.data}, accuracy {acc*100}%")""",
     """// optimization
for (const k of range(10)) {

  // forward
  [total_loss, acc] = loss();

  // backward
  model.zero_grad();
  total_loss.backward();

  // update (sgd)
  const learning_rate = 1.0 - 0.9*k/100;
  for (const p of model.parameters()) {
    p.data -= learning_rate * p.grad;
  }

  if (k % 1 == 0) {
    print(`step ${k} loss ${total_loss.data}, accuracy ${acc*100}%`);
  }
}""")
]


def main():
    scope = {"__name__": "__main__", "random": random, "np": np}
    out = []
    for py, ts in CELLS:
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            exec(py, scope)
        out.append({"py": py, "ts": ts, "print": buf.getvalue()})
    print(write_json({"cells": out}, "micrograd.json", newline=True))


if __name__ == "__main__":
    main()
