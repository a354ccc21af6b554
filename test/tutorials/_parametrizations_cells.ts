/**
 * pytorch/tutorials intermediate_source/parametrizations.py as notebook cells (torch.linalg.solve for the
 * removed torch.solve, as in gen_parametrizations_tutorial.py); each `print(x)` is `console.log(x)`,
 * `with parametrize.cached():` is `parametrize.cached(() => ...)`, `dict(it)` a Map, `x @ A` is
 * `x.matmul(A)`. TypeScript cannot see a module's class change at register_parametrization, so
 * `layer.parametrizations` is read through the value register_parametrization returns.
 */
export const PARAMETRIZATIONS_CELLS = [
  `torch.manual_seed(0);
const parametrize = nn.utils.parametrize;

let symmetric = (X: torch.Tensor) => X.triu() + X.triu(1).transpose(-1, -2);

let X = torch.rand(3, 3);
let A = symmetric(X);
assert(torch.allclose(A, A.T));  // A is symmetric
console.log(A);                  // Quick visual check`,
  `class LinearSymmetric extends nn.Module {
  weight: nn.Parameter;
  constructor(n_features: number) {
    super();
    this.weight = new nn.Parameter(torch.rand(n_features, n_features));
  }

  forward(x: torch.Tensor): torch.Tensor {
    const A = symmetric(this.weight);
    return x.matmul(A);
  }
}`,
  `const layer_symmetric = new LinearSymmetric(3);
let out = layer_symmetric(torch.rand(8, 3));`,
  `class Symmetric extends nn.Module {
  forward(X: torch.Tensor): torch.Tensor {
    return X.triu() + X.triu(1).transpose(-1, -2);
  }
}`,
  `let layer = new nn.Linear(3, 3);
parametrize.register_parametrization(layer, "weight", new Symmetric());`,
  `A = layer.weight;
assert(torch.allclose(A, A.T));  // A is symmetric
console.log(A);                  // Quick visual check`,
  `class Skew extends nn.Module {
  forward(X: torch.Tensor): torch.Tensor {
    const A = X.triu(1);
    return A - A.transpose(-1, -2);
  }
}

const cnn = new nn.Conv2d({in_channels: 5, out_channels: 8, kernel_size: 3});
parametrize.register_parametrization(cnn, "weight", new Skew());
// Print a few kernels
console.log(cnn.weight["0, 1"]);
console.log(cnn.weight["2, 2"]);`,
  `layer = new nn.Linear(3, 3);
console.log(\`Unparametrized:\\n\${layer}\`);
const parametrized = parametrize.register_parametrization(layer, "weight", new Symmetric());
console.log(\`\\nParametrized:\\n\${layer}\`);`,
  `console.log(parametrized.parametrizations);
console.log(parametrized.parametrizations.weight);`,
  `console.log(parametrized.parametrizations.weight[0]);`,
  `console.log(new Map(layer.named_parameters()));`,
  `console.log(parametrized.parametrizations.weight.original);`,
  `symmetric = new Symmetric();
const weight_orig = parametrized.parametrizations.weight.original;
console.log(torch.dist(layer.weight, symmetric(weight_orig)));`,
  `class NoisyParametrization extends nn.Module {
  forward(X: torch.Tensor): torch.Tensor {
    console.log("Computing the Parametrization");
    return X;
  }
}

layer = new nn.Linear(4, 4);
parametrize.register_parametrization(layer, "weight", new NoisyParametrization());
console.log("Here, layer.weight is recomputed every time we call it");
let foo = layer.weight + layer.weight.T;
let bar = layer.weight.sum();
parametrize.cached(() => {
  console.log("Here, it is computed just the first time layer.weight is called");
  foo = layer.weight + layer.weight.T;
  bar = layer.weight.sum();
});`,
  `class CayleyMap extends nn.Module {
  declare Id: torch.Tensor;
  constructor(n: number) {
    super();
    this.register_buffer("Id", torch.eye(n));
  }

  forward(X: torch.Tensor): torch.Tensor {
    // (I + X)(I - X)^{-1}
    return torch.linalg.solve(this.Id - X, this.Id + X);
  }
}

layer = new nn.Linear(3, 3);
parametrize.register_parametrization(layer, "weight", new Skew());
parametrize.register_parametrization(layer, "weight", new CayleyMap(3));
X = layer.weight;
console.log(torch.dist(X.T.matmul(X), torch.eye(3)));  // X is orthogonal`,
  `class MatrixExponential extends nn.Module {
  forward(X: torch.Tensor): torch.Tensor {
    return torch.matrix_exp(X);
  }
}

let layer_orthogonal = new nn.Linear(3, 3);
parametrize.register_parametrization(layer_orthogonal, "weight", new Skew());
parametrize.register_parametrization(layer_orthogonal, "weight", new MatrixExponential());
X = layer_orthogonal.weight;
console.log(torch.dist(X.T.matmul(X), torch.eye(3)));  // X is orthogonal

const layer_spd = new nn.Linear(3, 3);
parametrize.register_parametrization(layer_spd, "weight", new Symmetric());
parametrize.register_parametrization(layer_spd, "weight", new MatrixExponential());
X = layer_spd.weight;
console.log(torch.dist(X, X.T));                        // X is symmetric
console.log((torch.linalg.eigvalsh(X) > 0.).all());     // X is positive definite`,
  `class Skew extends nn.Module {
  forward(X: torch.Tensor): torch.Tensor {
    const A = X.triu(1);
    return A - A.transpose(-1, -2);
  }

  right_inverse(A: torch.Tensor): torch.Tensor {
    // We assume that A is skew-symmetric
    // We take the upper-triangular elements, as these are those used in the forward
    return A.triu(1);
  }
}`,
  `layer = new nn.Linear(3, 3);
parametrize.register_parametrization(layer, "weight", new Skew());
X = torch.rand(3, 3);
X = X - X.T;                            // X is now skew-symmetric
layer.weight = X;                       // Initialize layer.weight to be X
console.log(torch.dist(layer.weight, X));  // layer.weight == X`,
  `class CayleyMap extends nn.Module {
  declare Id: torch.Tensor;
  constructor(n: number) {
    super();
    this.register_buffer("Id", torch.eye(n));
  }

  forward(X: torch.Tensor): torch.Tensor {
    // Assume X skew-symmetric
    // (I + X)(I - X)^{-1}
    return torch.linalg.solve(this.Id - X, this.Id + X);
  }

  right_inverse(A: torch.Tensor): torch.Tensor {
    // Assume A orthogonal
    // See https://en.wikipedia.org/wiki/Cayley_transform#Matrix_map
    // (X - I)(X + I)^{-1}
    return torch.linalg.solve(this.Id + X, X - this.Id);
  }
}

layer_orthogonal = new nn.Linear(3, 3);
parametrize.register_parametrization(layer_orthogonal, "weight", new Skew());
parametrize.register_parametrization(layer_orthogonal, "weight", new CayleyMap(3));
// Sample an orthogonal matrix with positive determinant
X = torch.empty(3, 3);
nn.init.orthogonal_(X);
if (X.det() < 0.) {
  X[0].neg_();
}
layer_orthogonal.weight = X;
console.log(torch.dist(layer_orthogonal.weight, X));  // layer_orthogonal.weight == X`,
  `layer_orthogonal.weight = nn.init.orthogonal_(layer_orthogonal.weight);`,
  `class PruningParametrization extends nn.Module {
  mask: torch.Tensor;
  constructor(X: torch.Tensor, p_drop = 0.2) {
    super();
    // sample zeros with probability p_drop
    const mask = torch.full_like(X, 1.0 - p_drop);
    this.mask = torch.bernoulli(mask);
  }

  forward(X: torch.Tensor): torch.Tensor {
    return X * this.mask;
  }

  right_inverse(A: torch.Tensor): torch.Tensor {
    return A;
  }
}`,
  `layer = new nn.Linear(3, 4);
X = torch.rand_like(layer.weight);
console.log(\`Initialization matrix:\\n\${X}\`);
parametrize.register_parametrization(layer, "weight", new PruningParametrization(layer.weight));
layer.weight = X;
console.log(\`\\nInitialized weight:\\n\${layer.weight}\`);`,
  `layer = new nn.Linear(3, 3);
console.log("Before:");
console.log(layer);
console.log(layer.weight);
parametrize.register_parametrization(layer, "weight", new Skew());
console.log("\\nParametrized:");
console.log(layer);
console.log(layer.weight);
parametrize.remove_parametrizations(layer, "weight");
console.log("\\nAfter. Weight has skew-symmetric values but it is unconstrained:");
console.log(layer);
console.log(layer.weight);`,
  `layer = new nn.Linear(3, 3);
console.log("Before:");
console.log(layer);
console.log(layer.weight);
parametrize.register_parametrization(layer, "weight", new Skew());
console.log("\\nParametrized:");
console.log(layer);
console.log(layer.weight);
parametrize.remove_parametrizations(layer, "weight", {leave_parametrized: false});
console.log("\\nAfter. Same as Before:");
console.log(layer);
console.log(layer.weight);`,
];
