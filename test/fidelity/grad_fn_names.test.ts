/**
 * The grad_fn a PyTorch 1.13 user sees on the outputs of ~150 common ops and layers (its name, how it
 * prints, and the graph below it), read from test/reference/gen_grad_fn_names.py; each case's torchlab
 * port is in ./grad_fn_cases.ts under the same name.
 */
import { torch } from "../../src";
import { readReference } from "../tensor/fixtures";
import { cases } from "./grad_fn_cases";

interface GraphNode {
  name(): string;
  next_functions: [GraphNode | null, number][];
}
interface Ref {
  cases: Record<string, { name: string; repr: string; graph: string }>;
  blitz: string[];
}
const ref = readReference<Ref>("grad_fn_names.json");

function graph(f: GraphNode | null, depth = 6): string {
  if (f === null) return "None";
  const n = f.name();
  if (n === "AccumulateGrad" || depth === 0) return n;
  return `${n}(${f.next_functions.map(([g]) => graph(g, depth - 1)).join(", ")})`;
}

// Outputs whose node is still another than PyTorch's: compositions whose PyTorch graph has a
// different shape (einsum's bmm over permutes, multi-head attention's views, 1.13's
// cosine_similarity normalising before the product).
const OTHER_NAME = new Set(["einsum", "multihead_attention", "cosine_similarity"]);
// Right node, different graph below it: the recurrent layers run one fused node per direction,
// scalars that torchlab records as constant inputs (None entries), and views PyTorch folds differently.
const OTHER_GRAPH = new Set([
  "lstm", "gru", "rnn", "matmul_3d_2d", "outer", "stack", "index_slice_col",
  "index_list", "index_mask", "prod", "rsub", "normalize",
  // nll_loss of a 3-D input: PyTorch views it as 4-D, runs nll_loss2d and (unreduced) views back; torchlab's
  // node takes the input directly, so the top name matches and the views between are not there.
  "nll_loss_3d_none", "nll_loss_3d_mean",
]);

describe("grad_fn as PyTorch 1.13 names and prints it", () => {
  const names = Object.keys(cases);
  test("the fixture and the ports list the same cases", () => {
    expect(names.sort()).toEqual(Object.keys(ref.cases).sort());
  });
  test.each(names.filter((n) => !OTHER_NAME.has(n)))("%s", (name) => {
    torch.manual_seed(0);
    const y = cases[name]();
    const want = ref.cases[name];
    expect(y.grad_fn!.name()).toBe(want.name);
    // The address is made up (`<NativeLayerNormBackward0 object at 0x7f...>`), as PyTorch's differs per run.
    expect(String(y.grad_fn).replace(/ at 0x[0-9a-f]{12}>$/, " at ...>")).toBe(want.repr);
    if (!OTHER_GRAPH.has(name)) expect(graph(y.grad_fn as unknown as GraphNode)).toBe(want.graph);
  });
  test("the blitz's walk from the loss: loss.grad_fn.next_functions[0][0]...", () => {
    const { nn } = torch;
    const net = new nn.Sequential(new nn.Conv2d(1, 6, 5), new nn.ReLU(), new nn.MaxPool2d(2), new nn.Flatten(), new nn.Linear(6 * 4 * 4, 10));
    const loss = new nn.MSELoss()(net(torch.randn(1, 1, 12, 12)), torch.randn(1, 10));
    const f = loss.grad_fn!;
    const g = f.next_functions[0][0]!;
    expect([f.name(), g.name(), g.next_functions[0][0]!.name()]).toEqual(ref.blitz);
  });
});

describe("ops now recorded as one node keep their gradients", () => {
  const { nn } = torch;
  const F = nn.functional;
  // Each op against the same math written out in torch ops, first and second order.
  test.each<[string, (x: InstanceType<typeof torch.Tensor>) => InstanceType<typeof torch.Tensor>, (x: InstanceType<typeof torch.Tensor>) => InstanceType<typeof torch.Tensor>]>([
    ["layer_norm", (x) => F.layer_norm(x, [4]), (x) => x.sub(x.mean(-1, true)).div(x.var(-1, { unbiased: false, keepdim: true }).add(1e-5).sqrt())],
    ["hardtanh", (x) => F.hardtanh(x), (x) => x.clamp(-1, 1)],
    ["norm", (x) => x.norm(), (x) => x.pow(2).sum().sqrt()],
    ["trace", (x) => x.reshape(4, 4).trace(), (x) => x.reshape(4, 4).diagonal().sum()],
    ["lerp", (x) => torch.lerp(x, x.mul(3), 0.25), (x) => x.add(x.mul(3).sub(x).mul(0.25))],
  ])("%s", (_, f, g) => {
    const x = torch.tensor([[0.5, -1.5, 2, 0.25], [1.1, 3, -2, 0.75], [-0.3, 0.2, 0.9, -0.4], [2.5, -0.1, 0.6, 1.2]], { requires_grad: true });
    const [ga] = torch.autograd.grad(f(x).pow(3).sum(), [x], { create_graph: true });
    const [gb] = torch.autograd.grad(g(x).pow(3).sum(), [x], { create_graph: true });
    expect(torch.allclose(ga, gb, { atol: 1e-4 })).toBe(true);
    const [ha] = torch.autograd.grad(ga.pow(2).sum(), [x]);
    const [hb] = torch.autograd.grad(gb.pow(2).sum(), [x]);
    expect(torch.allclose(ha, hb, { atol: 1e-3, rtol: 1e-3 })).toBe(true);
  });
});
