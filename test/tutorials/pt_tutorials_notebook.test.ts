/**
 * pytorch/tutorials ports run as notebooks through `torchlab run` (the real kernel, its prelude and the
 * notebook dialect), in one notebook (one kernel): the Pruning Tutorial (_pruning_cells.ts) and the
 * Parametrizations Tutorial (_parametrizations_cells.ts), then the Channels Last Memory Format tutorial
 * (_memory_format_cells.ts, against gen_tutorials6.py). Everything the notebook prints must be what the
 * tutorials print under PyTorch 1.13 (test/reference/gen_pruning_tutorial.py,
 * gen_parametrizations_tutorial.py), object addresses aside. A printed tensor must read as PyTorch's, character for character; around them, Python's
 * containers print as JavaScript's (a tuple `('weight', Parameter ...)` is the array `['weight', ...]`,
 * the hooks' OrderedDict a Map, `odict_keys([...])` an array), so the rest is compared as the sequence
 * of names, numbers and reprs, without the brackets.
 */
import * as fs from "fs";
import * as path from "path";
import { notebooksForSuite, printedText } from "./_notebooks";
import { PRUNING_CELLS } from "./_pruning_cells";
import { PARAMETRIZATIONS_CELLS } from "./_parametrizations_cells";
import { MEMORY_FORMAT_CELLS } from "./_memory_format_cells";
import { expectSamePrint } from "./_tutorial";

/** The prints that are a bare tensor repr: from a line starting with `tensor(` to the next line starting at column 0, not inside a list (no names). */
function tensorPrints(text: string): string[] {
  return text.split(/\n(?=\S)/).filter((r) => r.startsWith("tensor(") && !/['"]/.test(r) && /[^)]\)\s*$/.test(r));
}

/** Names, numbers and reprs, in order, without the containers' punctuation (Python's or JavaScript's). */
function tokens(text: string): string[] {
  return text
    .replace(/OrderedDict|odict_keys|dict_keys|Map\(\d+\)|=>/g, " ")
    .split(/[\s()[\]{},:]+/)
    .filter((t) => t !== "");
}

function expectSameTokens(got: string, want: string, tol: number): void {
  const g = tokens(got);
  const w = tokens(want);
  const NUM = /^-?\d+\.?\d*(?:e[+-]\d+)?$/;
  expect(g.map((t) => (NUM.test(t) ? "#" : t))).toEqual(w.map((t) => (NUM.test(t) ? "#" : t)));
  g.forEach((t, i) => {
    if (NUM.test(t) && Math.abs(Number(t) - Number(w[i])) > tol * Math.max(1, Math.abs(Number(w[i])))) throw new Error(`token ${i}: got ${t}, PyTorch printed ${w[i]}`);
  });
}

const ref = (name: string) => JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", `${name}.json`), "utf8")) as { printed: string[] };

describe("pytorch/tutorials as notebooks", () => {
  const nbs = notebooksForSuite("pttut", { pruning: [...PRUNING_CELLS, ...PARAMETRIZATIONS_CELLS, ...MEMORY_FORMAT_CELLS] });
  // The memory format tutorial's cells come last in the same notebook (one kernel): its prints are compared apart.
  const first = PRUNING_CELLS.length + PARAMETRIZATIONS_CELLS.length;
  const part = (from: number, to?: number) => printedText({ cells: nbs.pruning.cells.slice(from, to) }, true);

  test("pruning_tutorial + parametrizations: parameters, buffers, hooks, masks, sparsities, parametrized modules and distances print as PyTorch's", () => {
    // Object addresses (`<... object at 0x7f...>`) differ from run to run: cut on both sides, as the generators do.
    const got = part(0, first).replace(/ at 0x[0-9a-f]+/g, "");
    const want = ref("pruning_tutorial").printed.join("") + ref("parametrizations_tutorial").printed.join("");
    expectSameTokens(got, want, 1e-4);
    const tg = tensorPrints(got);
    const tw = tensorPrints(want);
    expect(tw.length).toBe(25); // the bare tensor prints of both tutorials
    expect(tg.length).toBe(tw.length);
    tg.forEach((t, i) => expectSamePrint(t, tw[i], 1e-4));
  });

  test("memory_format_tutorial: strides, is_contiguous(memory_format=...), to / contiguous / empty with a memory format print as PyTorch's", () => {
    const want = (JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "tutorials6.json"), "utf8")) as Record<string, { printed: string }>).memory_format.printed;
    expect(part(first)).toBe(want + "\n");
  });
});
