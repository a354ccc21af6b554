/**
 * torch.nn.utils.parametrize and torch.matrix_exp against test/reference/gen_parametrize.py
 * (parametrize.json): the Parametrizations Tutorial's sections (Symmetric, Skew on a conv, caching,
 * chaining Skew + Cayley / matrix exponential, right_inverse, removal) and the error paths.
 */
import { torch } from "../../src";
import { Encoded, build, expectClose, readReference, Err, expectError } from "../tensor/fixtures";

const nn = torch.nn;
const P = nn.utils.parametrize;
type Tensor = InstanceType<typeof torch.Tensor>;
type Module = InstanceType<typeof nn.Module>;
type T = Record<string, unknown>;
const ref = readReference<{
  tutorial: {
    repr_before: string;
    symmetric: { original: Encoded; weight: Encoded; repr: string; params: string[]; state_dict: string[]; modules: string[]; type_before: string; is_p: boolean[]; y: Encoded; grad_original: Encoded };
    skew: { w01: Encoded; w22: Encoded };
    cached_calls: number;
    uncached_calls: number;
    cayley: { weight: Encoded; dist: number; repr: string; buffers: string[]; state_dict: string[] };
    orthogonal: { weight: Encoded; grad_original: Encoded };
    spd: { weight: Encoded; eigvalsh: Encoded };
    right_inverse_init: Encoded;
    right_inverse_set: { X: Encoded; weight: Encoded; original: Encoded };
    remove: { weight: Encoded; same_param: boolean; repr: string; params: string[]; has_attr: boolean };
    remove_unparametrized: { original: Encoded; weight: Encoded };
    remove_one_of_two: { repr: string; params: string[] };
  };
  errors: Record<string, Err>;
  matrix_exp: Record<string, { A: Encoded; out: Encoded; grad: Encoded }>;
}>("parametrize.json");

class Symmetric extends nn.Module {
  forward(X: Tensor): Tensor {
    return X.triu().add(X.triu(1).transpose(-1, -2));
  }
}
class SymmetricInv extends Symmetric {
  right_inverse(A: Tensor): Tensor {
    return A.triu();
  }
}
class Skew extends nn.Module {
  forward(X: Tensor): Tensor {
    const A = X.triu(1);
    return A.sub(A.transpose(-1, -2));
  }
}
class CayleyMap extends nn.Module {
  declare Id: Tensor;
  constructor(n: number) {
    super();
    this.register_buffer("Id", torch.eye(n));
  }
  forward(X: Tensor): Tensor {
    return torch.linalg.solve(this.Id.sub(X), this.Id.add(X));
  }
}
class MatrixExponential extends nn.Module {
  forward(X: Tensor): Tensor {
    return torch.matrix_exp(X);
  }
}
let calls = 0;
class Calls extends nn.Module {
  forward(X: Tensor): Tensor {
    calls++;
    return X;
  }
}
class Widen extends nn.Module {
  forward(X: Tensor): Tensor {
    return torch.cat([X, X], 0);
  }
}

const names = (pairs: [string, unknown][]): string[] => pairs.map(([n]) => n);
const orig = (m: Module, name = "weight"): Tensor => ((m as unknown as T).parametrizations as { get(k: string): T }).get(name).original as Tensor;
const weight = (m: Module): Tensor => (m as unknown as { weight: Tensor }).weight;

describe("the Parametrizations Tutorial", () => {
  const t = ref.tutorial;
  test("every section, in the tutorial's order (one random stream)", () => {
    torch.manual_seed(0);
    const layer = new nn.Linear(3, 3);
    expect(String(layer)).toBe(t.repr_before);
    P.register_parametrization(layer, "weight", new Symmetric());
    const s = t.symmetric;
    expectClose("original", orig(layer), s.original, 1e-6, 1e-9);
    expect(((((layer as unknown as T).parametrizations as T).weight as T).original)).toBe(orig(layer));
    expectClose("weight", layer.weight, s.weight, 1e-6, 1e-9);
    expect(layer.weight.equal(layer.weight.T)).toBe(true);
    expect(String(layer)).toBe(s.repr);
    expect(names(layer.named_parameters())).toEqual(s.params);
    expect(Object.keys(layer.state_dict())).toEqual(s.state_dict);
    expect(names(layer.named_modules())).toEqual(s.modules);
    expect(P.type_before_parametrizations(layer).name).toBe(s.type_before);
    expect(layer).toBeInstanceOf(nn.Linear);
    expect([P.is_parametrized(layer), P.is_parametrized(layer, "weight"), P.is_parametrized(layer, "bias")]).toEqual(s.is_p);
    const y = layer(torch.tensor([[1.0, -2.0, 0.5]]));
    expectClose("y", y, s.y);
    y.sum().backward();
    expectClose("original.grad", orig(layer).grad as Tensor, s.grad_original);

    const cnn = new nn.Conv2d({ in_channels: 5, out_channels: 8, kernel_size: 3 });
    P.register_parametrization(cnn, "weight", new Skew());
    expectClose("cnn.weight[0, 1]", cnn.weight.get(0, 1), t.skew.w01, 1e-6, 1e-9);
    expectClose("cnn.weight[2, 2]", cnn.weight.get(2, 2), t.skew.w22, 1e-6, 1e-9);

    const noisy = new nn.Linear(3, 3);
    P.register_parametrization(noisy, "weight", new Calls());
    calls = 0;
    P.cached(() => {
      weight(noisy).add(weight(noisy).T);
      weight(noisy).sum();
    });
    expect(calls).toBe(t.cached_calls);
    weight(noisy).add(weight(noisy).T);
    expect(calls).toBe(t.uncached_calls);

    const cay = new nn.Linear(3, 3);
    P.register_parametrization(cay, "weight", new Skew());
    P.register_parametrization(cay, "weight", new CayleyMap(3));
    const X = weight(cay);
    expectClose("Cayley weight", X, t.cayley.weight, 1e-5, 1e-6);
    expect(torch.dist(X.T.matmul(X), torch.eye(3)).item()).toBeLessThan(1e-5);
    expect(String(cay)).toBe(t.cayley.repr);
    expect(names(cay.named_buffers())).toEqual(t.cayley.buffers);
    expect(Object.keys(cay.state_dict())).toEqual(t.cayley.state_dict);

    const ortho = new nn.Linear(3, 3);
    P.register_parametrization(ortho, "weight", new Skew());
    P.register_parametrization(ortho, "weight", new MatrixExponential());
    const Q = weight(ortho);
    expectClose("exp(skew)", Q, t.orthogonal.weight, 1e-5, 1e-6);
    Q.sum().backward();
    expectClose("original.grad", orig(ortho).grad as Tensor, t.orthogonal.grad_original, 1e-4, 1e-6);

    const spd = new nn.Linear(3, 3);
    P.register_parametrization(spd, "weight", new Symmetric());
    P.register_parametrization(spd, "weight", new MatrixExponential());
    expectClose("exp(sym)", weight(spd), t.spd.weight, 1e-5, 1e-6);
    expectClose("eigvalsh", torch.linalg.eigvalsh(weight(spd)), t.spd.eigvalsh, 1e-4, 1e-6);

    const inv = new nn.Linear(3, 3);
    P.register_parametrization(inv, "weight", new SymmetricInv());
    expectClose("right_inverse at registration", orig(inv), t.right_inverse_init, 1e-6, 1e-9);
    let R = torch.rand(3, 3);
    R = R.add(R.T);
    expectClose("X", R, t.right_inverse_set.X, 1e-6, 1e-9);
    const param = orig(inv);
    (inv as unknown as { weight: Tensor }).weight = R;
    expect(orig(inv)).toBe(param);
    expect(torch.allclose(weight(inv), R)).toBe(true);
    expectClose("original after set", orig(inv), t.right_inverse_set.original, 1e-6, 1e-9);

    const rm = new nn.Linear(3, 3);
    P.register_parametrization(rm, "weight", new Skew());
    const o = orig(rm);
    P.remove_parametrizations(rm, "weight");
    expectClose("weight kept parametrized", rm.weight, t.remove.weight, 1e-6, 1e-9);
    expect(rm.weight === o).toBe(t.remove.same_param);
    expect(rm.weight).toBeInstanceOf(nn.Parameter);
    expect(String(rm)).toBe(t.remove.repr);
    expect(names(rm.named_parameters())).toEqual(t.remove.params);
    expect("parametrizations" in rm).toBe(t.remove.has_attr);
    expect(P.type_before_parametrizations(rm)).toBe(nn.Linear);

    const rm2 = new nn.Linear(3, 3);
    P.register_parametrization(rm2, "weight", new Skew());
    expectClose("original", orig(rm2), t.remove_unparametrized.original, 1e-6, 1e-9);
    P.remove_parametrizations(rm2, "weight", { leave_parametrized: false });
    expectClose("weight = original", rm2.weight, t.remove_unparametrized.weight, 1e-6, 1e-9);

    const two = new nn.Linear(3, 3);
    P.register_parametrization(two, "weight", new Skew());
    P.register_parametrization(two, "bias", new Calls());
    P.remove_parametrizations(two, "weight");
    expect(String(two)).toBe(t.remove_one_of_two.repr);
    expect(names(two.named_parameters())).toEqual(t.remove_one_of_two.params);
  });

  test("training a parametrized layer moves `original` only", () => {
    const layer = new nn.Linear(3, 3);
    P.register_parametrization(layer, "weight", new Symmetric());
    const opt = new torch.optim.SGD(layer.parameters(), { lr: 0.1 });
    const before = orig(layer).clone();
    layer(torch.ones(2, 3)).pow(2).sum().backward();
    opt.step();
    expect(orig(layer).equal(before)).toBe(false);
    expect(layer.weight.equal(layer.weight.T)).toBe(true);
  });
});

describe("parametrize errors", () => {
  const e = ref.errors;
  test("PyTorch's classes and messages", () => {
    expectError(() => P.register_parametrization(new nn.Linear(3, 3), "foo", new Skew()), e.no_such);
    expectError(() => P.register_parametrization(new nn.Linear(3, 3), "weight", new Widen()), e.shape);
    const lay = new nn.Linear(3, 3);
    P.register_parametrization(lay, "weight", new Skew());
    expectError(() => P.register_parametrization(lay, "weight", new Widen()), e.shape_second);
    expectError(() => {
      (lay as unknown as { weight: Tensor }).weight = torch.zeros(3, 3);
    }, e.set_without_inverse);
    expectError(() => P.remove_parametrizations(new nn.Linear(2, 2), "weight"), e.remove_not);
    expectError(() => torch.matrix_exp(torch.ones([2, 2], { dtype: torch.int64 })), e.matrix_exp_int);
    expectError(() => torch.matrix_exp(torch.ones(2, 3)), e.matrix_exp_nonsquare);
    expectError(() => torch.matrix_exp(torch.ones(3)), e.matrix_exp_1d);
  });
});

describe("torch.matrix_exp", () => {
  test.each(Object.entries(ref.matrix_exp))("%s: value and gradient", (_name, c) => {
    const A = build(c.A, true);
    const E = torch.matrix_exp(A);
    expectClose("exp(A)", E, c.out, 2e-5, 1e-6);
    const G = torch.linspace(-1, 1, E.numel()).reshape(E.shape);
    E.mul(G).sum().backward();
    expectClose("grad", A.grad as Tensor, c.grad, 1e-4, 1e-5);
    expectClose("linalg.matrix_exp", torch.linalg.matrix_exp(A.detach()), c.out, 2e-5, 1e-6);
  });
});
