/**
 * Every nn module is a `Module` to the kernel's type checker (tslab's TypeScript 5.0.4), so that a
 * cell can put it in a Sequential, a ModuleList or a `nn.Module` variable: recurrent layers, whose
 * forward takes a PackedSequence and returns tuples, once were not (the hooks' and the call's types
 * followed the polymorphic `this`). The hooks still see each module's own input and output types.
 */
import { torch } from "../../src";
import { Session } from "../../kernel/session";

/** The classes torch.nn exports that are Modules at run time: each must be one to the checker too. */
const MODULES = Object.keys(torch.nn).filter((k) => {
  const v = (torch.nn as unknown as Record<string, unknown>)[k];
  return typeof v === "function" && v.prototype instanceof torch.nn.Module;
});

// Checked, never run (the session runs in jest, which cannot load the built package): the statements
// sit in a function the cell does not call.
const CELL = `import type { torch } from "torchlab";
type Tensor = torch.Tensor;
function typesOnly(nn: typeof torch.nn, randn: (...size: number[]) => Tensor): void {
${MODULES.map((k) => `const m_${k}: torch.nn.Module = null as unknown as torch.nn.${k};`).join("\n")}
const rnns = new nn.Sequential(new nn.LSTM(10, 20), new nn.GRU(3, 4), new nn.RNN(3, 4), new nn.LSTMCell(3, 4), new nn.GRUCell(3, 4), new nn.RNNCell(3, 4));
const list = new nn.ModuleList([new nn.LSTM(3, 4), new nn.MultiheadAttention(4, 2)]);
const any: torch.nn.Module = new nn.LSTM(3, 4);
const lstm = new nn.LSTM(3, 4);
lstm.register_forward_hook((m, input, output) => {
  const o: [Tensor | torch.nn.utils.rnn.PackedSequence, [Tensor, Tensor]] = output;
  void [m.hidden_size, input[0], o];
});
const conv = new nn.Conv2d(1, 2, 3);
conv.register_forward_hook((m, input, output) => { const s: number[] = output.shape; void [m.kernel_size, input[0].shape, s]; });
conv.register_forward_pre_hook((m, input) => { void [m.out_channels, input[0].shape]; });
for (const m of new nn.Sequential(conv, new nn.ReLU()).modules()) m.register_forward_hook((_m, _input, output) => { void output.shape; });
// @ts-expect-error a Conv2d's output is a Tensor, not a string
conv.register_forward_hook((_m, _input, output) => { const bad: string = output; void bad; });
// @ts-expect-error an LSTM's result is a tuple, not a Tensor
const wrong: Tensor = lstm(randn(5, 1, 3));
const [out, [h, c]] = lstm(randn(5, 1, 3));
void [rnns, list, any, wrong, out.shape, h.shape, c.shape];
}
void typesOnly;
"checked"`;

describe("nn modules as Module in a cell", () => {
  let session: Session;
  beforeAll(() => {
    session = new Session();
  });
  afterAll(() => session.close());

  test("the list covers the recurrent layers", () => {
    expect(MODULES).toEqual(expect.arrayContaining(["RNN", "LSTM", "GRU", "RNNCell", "LSTMCell", "GRUCell", "MultiheadAttention", "Sequential", "Conv2d"]));
  });

  test(`all ${MODULES.length} of them type-check as Module, and each hook sees its module's types`, async () => {
    expect(await session.execute(CELL)).toEqual({ status: "ok", hasValue: true, value: "checked" });
  }, 240000);
});
