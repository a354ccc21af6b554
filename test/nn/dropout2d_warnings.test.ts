/**
 * F.dropout2d's PyTorch 1.13 deprecation warnings (test/reference/gen_recipes.py, dropout2d_warnings):
 * a 2-D input (the "Defining a Neural Network" recipe applies nn.Dropout2d after flatten) and a 3-D
 * input each warn, once per message as Python's warnings module shows them; a 4-D input does not.
 */
import { torch } from "../../src";
import { reference } from "../tutorials/_tutorial";

const F = torch.nn.functional;
const R = reference("dropout2d_warnings") as Record<string, [string, string][]>;

test("dropout2d warns for 2-D and 3-D inputs with PyTorch's UserWarning text, once each", () => {
  const spy = jest.spyOn(process, "emitWarning").mockImplementation(() => undefined);
  try {
    for (const [dims, shape] of [["2", [4, 6]], ["3", [2, 3, 4]], ["4", [1, 2, 3, 4]]] as const) {
      spy.mockClear();
      F.dropout2d(torch.ones(...shape), 0.5);
      expect(spy.mock.calls.map(([message, type]) => [type, message])).toEqual(R[dims]);
    }
    spy.mockClear();
    F.dropout2d(torch.ones(4, 6), 0.5);
    new torch.nn.Dropout2d(0.5)(torch.ones(3, 6));
    expect(spy).not.toHaveBeenCalled();
  } finally {
    spy.mockRestore();
  }
});
