/**
 * What the pytorch-handbook's autograd notebook reads off the graph (test/tutorials/handbook_notebook.test.ts):
 * `z.grad_fn.next_functions[0][0].next_functions[0][0].variable` is the leaf itself and type-checks on
 * the union the nodes are typed as; any other node has no `variable` (PyTorch's AttributeError message,
 * raised as ValueError as elsewhere in torchlab). A cell ending in `torch.manual_seed(0)` shows the
 * Generator as Python's repr does, less its address.
 */
import { inspect } from "util";
import { torch } from "../../src";
import { plainText } from "../../src/display/emitter";

describe("graph nodes as the handbook reads them", () => {
  test("next_functions[0][0].variable: the leaf tensor; a non-leaf node has none", () => {
    const x = torch.rand(5, 5, { requires_grad: true });
    const y = torch.rand(5, 5, { requires_grad: true });
    const z = x.pow(2).add(y.pow(3));
    const xg = z.grad_fn!.next_functions[0][0]!;
    const x_leaf = xg.next_functions[0][0]!;
    expect(x_leaf.variable).toBe(x);
    expect(() => xg.variable).toThrow(torch.ValueError);
    expect(() => xg.variable).toThrow("'PowBackward0' object has no attribute 'variable'");
  });

  test("torch.manual_seed(0) shows <torch._C.Generator object at 0x...>, and IPython's form as a cell's value", () => {
    const g = torch.manual_seed(0);
    expect(String(g)).toMatch(/^<torch\._C\.Generator object at 0x7f[0-9a-f]{10}>$/);
    expect(inspect(g)).toBe(String(g));
    expect(plainText(g)).toBe(String(g).replace(" object at ", " at "));
  });

  test("a custom Function's node is named by PyTorch's module, torch.autograd.function", () => {
    class Double extends torch.autograd.Function {
      static forward(_ctx: unknown, x: torch.Tensor) {
        return x.mul(2);
      }
      static backward(_ctx: unknown, g: torch.Tensor) {
        return g.mul(2);
      }
    }
    const z = Double.apply(torch.ones(1, { requires_grad: true }));
    expect(String(z.grad_fn)).toMatch(/^<torch\.autograd\.function\.DoubleBackward object at 0x7f[0-9a-f]{10}>$/);
    expect(plainText(z.grad_fn)).toBe(String(z.grad_fn).replace(" object at ", " at "));
    expect(String(z)).toBe("tensor([2.], grad_fn=<DoubleBackward>)");
  });
});
