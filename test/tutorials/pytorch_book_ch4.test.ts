/**
 * chenyuntc/pytorch-book (《深度学习框架PyTorch：入门与实践》, 2nd edition), Chapter4 (torch.nn: custom
 * layers with nn.Parameter, the common layers, Sequential/ModuleList, LSTM/LSTMCell, Embedding, losses,
 * nn.functional, grid_sample, nn.init, per-layer learning rates and param_groups, nn.Module internals,
 * save/load, ResNet34 from scratch) and Chapter5's data loading (Dataset, transforms, ImageFolder,
 * DataLoader with a collate_fn, WeightedRandomSampler) as two notebooks in one `torchlab run`. Each
 * cell's printed output and shown value must be PyTorch's (test/reference/gen_pytorch_book_ch4.py).
 *
 * Written differently from the book, for TypeScript: `t.Tensor([1, 0, 1])` is `t.FloatTensor(...)`
 * (torch.Tensor is a class, not callable); a Sequential's named children are read through `_modules`
 * (`net1.conv` does not type-check); a bare nn.Module given attributes is typed `nn.ModuleItem`;
 * `getattr(module, 'x')` is `module['x']`; the PIL image and its tensor are `lena_img` and `lena` (one
 * variable cannot change type); `torch.load` of a whole model needs its class registered first
 * (torch.serialization.add_safe_globals: torchlab calls no class a file names). A plain object shown
 * as a cell's value is Python's dict (`{'cat': 0, 'dog': 1}`; it was Node's `{ cat: 0, dog: 1 }`).
 */
import * as fs from "fs";
import * as path from "path";
import { tempDir } from "../kernel/helpers";
import { sectionsForSuite, type ExecutedNotebook as Nb } from "./_notebooks";
import { expectSamePrint } from "./_tutorial";
import { ch4Cells } from "./_pytorch_book_ch4_cells";
import { ch5Cells } from "./_pytorch_book_ch5_cells";
import { torch } from "../../src";

const REF = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "pytorch_book_ch4.json"), "utf8")) as { ch4: [string, string | null][]; ch5: [string, string | null][]; checks: Record<string, unknown> };
const R = { ch4: REF.ch4, ch5: REF.ch5 };
const C = REF.checks;
const DIR = tempDir("torchlab-book-ch4-");

/** Each cell's stdout and shown value (text/plain of its execute_result, or null); errors as text. */
function cells(nb: Nb): [string, string | null][] {
  return nb.cells.map((c) => {
    const outs = c.outputs ?? [];
    const text = (t: string | string[] | undefined) => (Array.isArray(t) ? t.join("") : t ?? "");
    const stdout = outs.map((o) => (o.output_type === "error" ? `ERROR ${o.ename}: ${o.evalue}\n` : o.output_type === "stream" && o.name === "stdout" ? text(o.text) : "")).join("");
    const res = outs.find((o) => o.output_type === "execute_result");
    return [stdout, res ? text(res.data!["text/plain"]) : null];
  });
}

/**
 * Python's reprs end with an address (`<torch._C.Generator object at 0x7f...>`) and PIL's name the file
 * type it was read from (`<PIL.PngImagePlugin.PngImageFile image ...>`); console.log prints a boolean
 * as JavaScript spells it.
 */
const norm = (s: string) =>
  s
    .replace(/<PIL\.\w+\.\w+ image/g, "<PIL.Image.Image image")
    .replace(/ at 0x[0-9A-Fa-f]+>/g, ">")
    .replace(/\btrue\b/g, "True")
    .replace(/\bfalse\b/g, "False");

/** Divergences left: each cell's value as torchlab shows it today (see the header). */
const KNOWN: Record<"ch4" | "ch5", Record<number, string>> = { ch4: {}, ch5: {} };

describe("pytorch-book Chapter4 (torch.nn) and Chapter5's data loading as notebooks through `torchlab run`", () => {
  // One notebook, one kernel: the second section starts from a reseeded torch, as a fresh kernel would.
  const nbs = sectionsForSuite("book-ch4", { book: { ch4: ch4Cells(DIR), ch5: ch5Cells(DIR) } }, 300_000);

  test.each(["ch4", "ch5"] as const)("%s: every cell prints and shows PyTorch's output", (name) => {
    const got = cells(nbs[name]);
    const want = R[name];
    expect(got.length).toBe(want.length);
    const diffs: string[] = [];
    want.forEach(([wantOut, wantValue], i) => {
      const [gotOut, gotValue] = got[i];
      const known = KNOWN[name][i];
      if (known !== undefined) {
        expect([i, gotValue]).toEqual([i, known]);
        return;
      }
      try {
        expectSamePrint(norm(gotOut), norm(wantOut), 2e-3);
        if (wantValue === null || gotValue === null) expect([i, gotValue]).toEqual([i, wantValue]);
        else if (wantValue.startsWith("[")) expectSamePrint(norm(gotValue).replace(/\s+/g, ""), norm(wantValue).replace(/\s+/g, ""));
        else expectSamePrint(norm(gotValue), norm(wantValue));
      } catch (e) {
        diffs.push(`cell ${i}:\n${String(e)}`);
      }
    });
    expect(diffs).toEqual([]);
  });
});

describe("what the Chapter4 notebook found, called directly", () => {
  const F = torch.nn.functional;

  test("avg_pool2d on a Long tensor: the window sum divided and truncated toward zero, as PyTorch's", () => {
    const x = torch.tensor(C.input as number[][][][]);
    expect(F.avg_pool2d(x, 2).tolist()).toEqual(C.k2);
    expect(F.avg_pool2d(x, 2, { stride: 1 }).tolist()).toEqual(C.k2s1);
    expect(F.avg_pool2d(x, 3, { stride: 2, padding: 1 }).tolist()).toEqual(C.k3s2p1);
    expect(F.avg_pool2d(x, 3, { stride: 2, padding: 1, count_include_pad: false }).tolist()).toEqual(C.k3s2p1_exclude);
    expect(F.avg_pool2d(x, 3, { stride: 2, ceil_mode: true }).tolist()).toEqual(C.k3s2_ceil);
    expect(F.avg_pool2d(x, 2, { divisor_override: 3 }).tolist()).toEqual(C.k2_divisor3);
    expect(String(F.avg_pool2d(x, 2).dtype)).toBe(C.dtype);
    expect(() => F.avg_pool2d(x.int(), 2)).toThrow(`"avg_pool2d" not implemented for 'Int'`);
  });

  test("optimizers take their parameters by keyword: new optim.Adam({params, lr, betas})", () => {
    const p = new torch.nn.Parameter(torch.ones(2));
    expect(String(new torch.optim.Adam({ params: [p], lr: 0.1, betas: [0.5, 0.9] }))).toBe(C.adam);
    expect(String(new torch.optim.SGD({ params: [p], lr: 0.1, momentum: 0.9 }))).toBe(C.sgd);
    expect(() => new torch.optim.SGD({ params: [p], lr: -1 })).toThrow("Invalid learning rate: -1");
  });
});
