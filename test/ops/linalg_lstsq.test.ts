/**
 * torch.linalg.pinv / matrix_rank / lstsq / cond / vander, LinAlgError, torch.gradient and the
 * geometric_ / cauchy_ / log_normal_ draws against PyTorch 1.13 (test/reference/gen_linalg_lstsq.py).
 */
import { torch } from "../../src";
import { Encoded, Err, build, expectClose, expectError, readReference } from "../tensor/fixtures";

type Tensor = InstanceType<typeof torch.Tensor>;
interface Lstsq { solution: Encoded; residuals: Encoded; rank: Encoded; singular_values: Encoded }
const REF = readReference<{
  pinv: Record<string, { A: Encoded; pinv: Encoded; rank: Encoded; rtol: Encoded; rank_atol: Encoded; hermitian?: Encoded }>;
  cond: Record<string, Record<string, Encoded>>;
  lstsq: Record<string, { A: Encoded; B: Encoded } & Record<string, Lstsq>>;
  grad: { lstsq: Encoded; pinv: Encoded };
  vander: { float: Encoded; int: Encoded };
  gradient: Record<string, Encoded[]> & { input: Encoded };
  draws: Record<string, Encoded>;
  errors: Record<string, Err>;
}>("linalg_lstsq.json");

function expectSame(label: string, got: Tensor, want: Encoded, rtol = 1e-4, atol = 1e-5): void {
  expect(`${label}: ${got.dtype}`).toBe(`${label}: torch.${want.dtype}`);
  expectClose(label, got, want, rtol, atol);
}

describe("torch.linalg.pinv and matrix_rank", () => {
  for (const [name, c] of Object.entries(REF.pinv)) {
    test(name, () => {
      const A = build(c.A);
      expectSame("pinv", torch.linalg.pinv(A), c.pinv, 1e-4, 1e-4);
      expectSame("pinv rtol", torch.linalg.pinv(A, { rtol: 1e-2 }), c.rtol, 1e-4, 1e-4);
      expectSame("rank", torch.linalg.matrix_rank(A), c.rank);
      expectSame("rank atol", torch.linalg.matrix_rank(A, { atol: 0.5 }), c.rank_atol);
      if (c.hermitian) expectSame("hermitian", torch.linalg.pinv(A, { hermitian: true }), c.hermitian, 1e-4, 1e-4);
    });
  }
  test("gradient of pinv", () => {
    const X = build(REF.pinv.square.A, true);
    torch.linalg.pinv(X).mul(torch.arange(9, { dtype: torch.float32 }).reshape(3, 3)).sum().backward();
    expectClose("grad", X.grad as Tensor, REF.grad.pinv, 1e-3, 1e-4);
  });
});

describe("torch.linalg.lstsq", () => {
  for (const [name, c] of Object.entries(REF.lstsq)) {
    test(name, () => {
      const A = build(c.A);
      const B = build(c.B);
      for (const driver of ["gels", "gelsy", "gelsd", "gelss"]) {
        const want = c[driver];
        if (want === undefined) continue;
        const r = torch.linalg.lstsq(A, B, { driver });
        const [solution, residuals, rank, sv] = r;
        expect(solution).toBe(r.solution);
        expect(residuals).toBe(r.residuals);
        expect(rank).toBe(r.rank);
        expect(sv).toBe(r.singular_values);
        expectSame(`${driver} solution`, solution, want.solution, 1e-3, 1e-4);
        expectSame(`${driver} residuals`, residuals, want.residuals, 1e-3, 1e-4);
        expectSame(`${driver} rank`, rank, want.rank);
        expectSame(`${driver} singular values`, sv, want.singular_values);
      }
    });
  }
  test("gradient of the solution", () => {
    const A = build(REF.lstsq.tall.A, true);
    torch.linalg.lstsq(A, build(REF.lstsq.tall.B)).solution.pow(2).sum().backward();
    expectClose("grad", A.grad as Tensor, REF.grad.lstsq, 1e-3, 1e-4);
  });
  test("the printed result", () => {
    expect(String(torch.linalg.lstsq(build(REF.lstsq.tall.A), build(REF.lstsq.tall.B)))).toMatch(/^torch\.return_types\.linalg_lstsq\(\nsolution=tensor\(/);
  });
});

describe("torch.linalg.cond and vander", () => {
  for (const [name, c] of Object.entries(REF.cond)) {
    test(name, () => {
      const A = build(c.A);
      for (const [p, want] of Object.entries(c)) {
        if (p === "A") continue;
        const ord = p === "None" ? null : p === "inf" ? Infinity : p === "-inf" ? -Infinity : p === "fro" || p === "nuc" ? p : Number(p);
        expectSame(`cond ${p}`, torch.linalg.cond(A, ord), want, 1e-3, 1e-4);
      }
    });
  }
  test("vander", () => {
    expectSame("float", torch.linalg.vander(torch.tensor([1, 2, 3], { dtype: torch.float32 }), { N: 4 }), REF.vander.float);
    expectSame("int", torch.linalg.vander(torch.tensor([[1, 2], [3, 4]])), REF.vander.int);
  });
});

describe("torch.gradient", () => {
  const g = (): Tensor => build(REF.gradient.input);
  const coords = (): Tensor => torch.tensor([0, 1, 1.5, 3.5]);
  const cases: [string, () => Tensor[]][] = [
    ["all", () => torch.gradient(g())],
    ["dim1_step", () => torch.gradient(g(), { dim: 1, spacing: 2.0 })],
    ["steps", () => torch.gradient(g(), { spacing: [2.0, 0.5] })],
    ["coords", () => torch.gradient(g(), { dim: 1, spacing: [coords()] })],
    ["edge2", () => torch.gradient(g(), { edge_order: 2 })],
    ["coords_edge2", () => torch.gradient(g(), { dim: [1], spacing: [coords()], edge_order: 2 })],
    ["int", () => torch.gradient(torch.tensor([1, 2, 4, 8]))],
  ];
  for (const [name, f] of cases) {
    test(name, () => {
      const got = f();
      expect(got.length).toBe(REF.gradient[name].length);
      got.forEach((t, i) => expectSame(`${name}[${i}]`, t, REF.gradient[name][i], 1e-5, 1e-5));
    });
  }
  test("differentiable", () => {
    const x = torch.tensor([1, 2, 4, 8], { dtype: torch.float32, requires_grad: true });
    torch.gradient(x)[0].sum().backward();
    // d/dx of the sum of [x1-x0, (x2-x0)/2, (x3-x1)/2, x3-x2].
    expect((x.grad as Tensor).tolist()).toEqual([-1.5, 0.5, -0.5, 1.5]);
  });
});

describe("sampling and errors as PyTorch's", () => {
  test("geometric_, cauchy_, log_normal_ draw PyTorch's numbers", () => {
    torch.manual_seed(0);
    expectSame("geometric", torch.empty(8).geometric_(0.3), REF.draws.geometric);
    expectSame("cauchy", torch.empty(5).cauchy_(1.0, 2.0), REF.draws.cauchy, 1e-5, 1e-5);
    expectSame("log_normal", torch.empty(5).log_normal_(0.0, 0.5), REF.draws.log_normal, 1e-5, 1e-5);
  });
  const A = (): Tensor => torch.tensor([[1, 2], [3, 4], [5, 7]], { dtype: torch.float32 });
  const cases: [string, () => unknown][] = [
    ["lstsq_rows", () => torch.linalg.lstsq(A(), torch.zeros(2, 1))],
    ["lstsq_driver", () => torch.linalg.lstsq(A(), A(), { driver: "x" })],
    ["lstsq_1d", () => torch.linalg.lstsq(torch.zeros(3), A())],
    ["lstsq_vector", () => torch.linalg.lstsq(A(), torch.zeros(2))],
    ["inv_singular", () => torch.linalg.inv(torch.zeros(2, 2))],
    ["cholesky", () => torch.linalg.cholesky(torch.eye(2).neg())],
    ["cond_nonsquare", () => torch.linalg.cond(A(), "fro")],
    ["gradient_small", () => torch.gradient(torch.tensor([1], { dtype: torch.float32 }))],
    ["gradient_edge", () => torch.gradient(build(REF.gradient.input), { edge_order: 3 })],
    ["vander_N", () => torch.linalg.vander(torch.tensor([1, 2], { dtype: torch.float32 }), { N: 1 })],
    ["geometric_p", () => torch.empty(2).geometric_(1.5)],
  ];
  for (const [name, f] of cases) test(name, () => expectError(f, REF.errors[name]));
  test("LinAlgError is a RuntimeError", () => {
    let caught: unknown;
    try {
      torch.linalg.inv(torch.zeros(2, 2));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(torch.linalg.LinAlgError);
    expect(caught).toBeInstanceOf(torch.RuntimeError);
  });
});
