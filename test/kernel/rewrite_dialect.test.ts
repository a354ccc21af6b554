import type { Converter } from "tslab/dist/converter";
import { installTorchlabResolution } from "../../kernel/resolve";
import { KEYWORD_CALL_REF } from "../../kernel/keyword_args";
import { call as keywordCall, method as keywordMethod, unpack as keywordUnpack } from "../../kernel/keyword_call";
import { markKeywordUnpacking } from "../../kernel/keyword_unpacking";
import { markNoneDefaults } from "../../kernel/none_default";
import { markDelNames } from "../../kernel/del_name";
import { blockScopedNames, BlockNames } from "../../kernel/block_names";
import { attribute as liveAttribute, attributeOf as liveAttributeOf, callable as liveCallable, callee as liveCallee, lookup as liveLookup, unbind as liveUnbind } from "../../kernel/live_globals";
import { mayDefaultToClass } from "../../kernel/class_default";
import { mayCallInstances } from "../../kernel/call_dunder";
import { DYNAMIC_REF, FLOATS_REF, iterableClasses, lateBoundNames, mayUseDialect, onDialectRound, prepareCellSource, TORCH_REF, tupleSamples, unescapeExportList, withNotebookDialect } from "../../kernel/rewrite";
import { SEQUENCE_REF } from "../../kernel/sequence_index";
import { torch } from "../../src";
import * as fs from "fs";
import * as path from "path";
import { notebook, runCli, tempDir } from "./helpers";

// The converter the kernel uses (tslab's, TypeScript 5.0.4), with the dialect; type-checking only,
// so it runs in-process (executing cells needs the built kernel: see rewrite.test.ts).
installTorchlabResolution();
const { createConverter } = require("tslab/dist/converter") as typeof import("tslab/dist/converter");
let conv: ReturnType<typeof withNotebookDialect>;
let prev = "";

function run(src: string): void {
  const r = (conv as Converter).convert(prev, src);
  if (r.diagnostics.length) throw new Error(r.diagnostics.map((d) => d.messageText).join("\n"));
  prev = r.declOutput ?? "";
}
const rw = (src: string): string => conv.rewrite(prev, src).code;
const T = TORCH_REF;
const F = FLOATS_REF;

beforeAll(() => {
  conv = withNotebookDialect(() => createConverter({ isJS: false, isBrowser: false }));
  run(`import { torch } from "torchlab";`);
  run(
    [
      "const a = torch.ones(3); const b = torch.zeros(3); const w = new torch.nn.Parameter(torch.ones(3));",
      "const n = 2; const xs = [1, 2, 3]; const s = 'abc'; const anyv: any = 1; let maybe: torch.Tensor | null = null;",
      "const ds = new torch.utils.data.TensorDataset(a, b);",
      "class PyData extends torch.utils.data.Dataset { __len__() { return 1; } __getitem__(i: number): [torch.Tensor, number] { return [a, i]; } }",
      "const pd = new PyData();",
    ].join("\n"),
  );
}, 60000);

afterAll(() => conv?.close());

describe("Python's list operators, set.add and functools.partial (CS224n's word window demo)", () => {
  test("list + list and list * n are decided at run time (JavaScript would join texts; the checker refuses `*`)", () => {
    expect(rw(`["<pad>"] * n`)).toBe(`${DYNAMIC_REF}.seq("mul", ["<pad>"], n)`);
    expect(rw("xs + xs")).toBe(`${DYNAMIC_REF}.seq("add", xs, xs)`);
    expect(rw("2 * xs; xs + anyv")).toBe(`${DYNAMIC_REF}.seq("mul", 2, xs); ${DYNAMIC_REF}.seq("add", xs, anyv)`);
    // Strings and numbers keep JavaScript's operators.
    expect(rw("s + s; n * 2")).toBe("s + s; n * 2");
    run(`function pad(sentence, window_size, pad_token = "<pad>") { const w = [pad_token] * window_size; return w + sentence + w; }`);
  });
  test("a set's add is Python's (None), not the Set's (the set, which a cell would show)", () => {
    run(`import { set } from "torchlab/dist/src/builtins";`);
    expect(rw(`const vocab = set(["a"]);\nvocab.add("<unk>")`)).toBe(`const vocab = set(["a"]);\n${DYNAMIC_REF}.set_add(vocab, "<unk>")`);
  });
  test("partial's keywords are placed when it runs, and the call keeps partial's type", () => {
    run(`import * as functools from "torchlab/dist/src/functools";`);
    // Typed `any`, the loader's batches would be typed as the default collate's pairs: `[a, b, c]` did not compile.
    run("function f2(batch: number[], k: number) { return batch; }\nconst loader = new torch.utils.data.DataLoader([[1], [2]], {collate_fn: functools.partial(f2, k=2)});\nfor (const [a, b, c] of loader) a + b + c;");
  });
});

describe("the notebook dialect rewrites Tensor-typed expressions only", () => {
  test("arithmetic, with the tensor on either side (Python's reflected operators)", () => {
    expect(rw("a + b * 2")).toBe("a.add(b.mul(2))");
    expect(rw("a - b; a / 2; a % 3; a ** 2")).toBe("a.sub(b); a.div(2); a.remainder(3); a.pow(2)");
    expect(rw("2 * a; 1 + a")).toBe("a.mul(2); a.add(1)");
    expect(rw("1 - a")).toBe("a.rsub(1)");
    expect(rw("2 / a")).toBe("a.reciprocal().mul(2)");
    expect(rw("2 ** a; 7 % a")).toBe(`${T}.pow(2, a); ${T}.remainder(7, a)`);
    // Subclasses (nn.Parameter) are Tensors too; parentheses and operands that are not simple receivers.
    expect(rw("(w + a) * n")).toBe("(w.add(a)).mul(n)");
    expect(rw("-a")).toBe("a.neg()");
    expect(rw("-(a + b)")).toBe("(a.add(b)).neg()");
  });

  test("results of rewritten expressions are tensors for the next pass", () => {
    expect(rw("(a + b).sum() * 2")).toBe("(a.add(b)).sum().mul(2)");
    expect(rw("const c = a * b;\nc + 1")).toBe("const c = a.mul(b);\nc.add(1)");
    expect(rw("torch.relu(a - 1) > 0")).toBe("torch.relu(a.sub(1)).gt(0)");
  });

  test("comparisons, equality (=== stays identity), bitwise and ~", () => {
    expect(rw("a < b; a <= 1; a > b; a >= 0")).toBe("a.lt(b); a.le(1); a.gt(b); a.ge(0)");
    expect(rw("0 < a; 1 >= a")).toBe("a.gt(0); a.le(1)");
    expect(rw("a == b; a != 1; 2 == a")).toBe("a.eq(b); a.ne(1); a.eq(2)");
    expect(rw("a === b; a !== b")).toBe("a === b; a !== b");
    expect(rw("maybe == null; maybe != undefined")).toBe("maybe == null; maybe != undefined");
    expect(rw("(a > 0) & (b < 1); a | b; a ^ true; ~(a > 0)")).toBe(
      `${T}.bitwise_and((a.gt(0)), (b.lt(1))); ${T}.bitwise_or(a, b); ${T}.bitwise_xor(a, true); ${T}.bitwise_not((a.gt(0)))`,
    );
    expect(rw("a << 2; 1 >> a; a << b")).toBe(`${T}.bitwise_left_shift(a, 2); ${T}.bitwise_right_shift(1, a); ${T}.bitwise_left_shift(a, b)`);
    expect(rw("n << 2")).toBe("n << 2");
  });

  test("an operand typed `torch.Tensor | number` (the Tensor Puzzles' `where(q, a, b)`) is decided at run time, as an untyped one; other unions are left alone", () => {
    const where = "function wh(q: torch.Tensor, x: torch.Tensor | number, y: torch.Tensor | number | boolean) { return (q * x) + (~q) * y; }";
    expect(rw(where)).toBe(`function wh(q: torch.Tensor, x: torch.Tensor | number, y: torch.Tensor | number | boolean) { return (q.mul(x)).add((${T}.bitwise_not(q)).mul(y)); }`);
    expect(rw("function neg(x: torch.Tensor | number) { return -x < a; }")).toBe(`function neg(x: torch.Tensor | number) { return a.gt(${DYNAMIC_REF}.unary("neg", x)); }`);
    expect(rw("function cat(x: torch.Tensor | string) { return x + 1; }")).toBe("function cat(x: torch.Tensor | string) { return x + 1; }");
  });

  test("a tensor in a template is Python's f-string field: format(t, ''), the number of a 0-d tensor", () => {
    // A number is Python's str() of it (`${1e-7}` is 1e-07); a string stays as it is.
    // `n`, an earlier cell's number, may hold a float written there (name_float asks when it runs).
    expect(rw("`loss ${a.sum()} ${n} ${s}`")).toBe(`\`loss \${(a.sum()).__format__()} \${${DYNAMIC_REF}.format(${DYNAMIC_REF}.name_float("n", n))} \${s}\``);
    expect(rw("`${a + b}`")).toBe("`${(a.add(b)).__format__()}`");
    // A torch.Size is an array: formatted as its str, torch.Size([2, 3]) (Python's f"{a.shape}").
    expect(rw("`${a.shape}`")).toBe(`\`\${${DYNAMIC_REF}.format(a.shape)}\``);
  });

  test("a tensor bound in a string index is its __index__ (Python's `x[idx, :seq_len]`), not its f-string text", () => {
    const D = DYNAMIC_REF;
    expect(rw("a[`:${a.sum()}`]")).toBe(`a.index(\`:\${${D}.index(a.sum())}\`)`);
    expect(rw("a[`${n}, :${a[0]}`] = 1;")).toBe(`a.setitem(\`\${n}, :\${${D}.index(a.get(0))}\`, 1);`);
    expect(rw("a[`:${anyv}`]")).toBe(`a.index(\`:\${${D}.index(anyv)}\`)`);
    // A template that is not a tensor's index keeps the f-string field.
    const lengthIndex = rw("xs[`${a.sum()}`.length]; `:${a.sum()}`");
    expect(lengthIndex).toContain("(xs, `${(a.sum()).__format__()}`.length)");
    expect(lengthIndex.endsWith("; `:${(a.sum()).__format__()}`")).toBe(true);
    // ... and so does an untyped receiver's (a dict keyed by an f-string).
    expect(rw("anyv[`${a.sum()}_loss`]")).toContain("`${(a.sum()).__format__()}_loss`");
  });

  test("element access, element assignment, compound assignment, dataset[i]", () => {
    expect(rw("a[0]; a[n - 1]")).toBe("a.get(0); a.get(n - 1)");
    // An untyped key is known only at run time: __getitem__ reads a list as Python's list (rows), the rest as index().
    expect(rw('a[":, 1:3"]; a[a > 0]; a[anyv]')).toBe('a.index(":, 1:3"); a.index(a.gt(0)); a.__getitem__(anyv)');
    expect(rw('a[":, 1"] = 0;')).toBe('a.setitem(":, 1", 0);');
    // Python's `x[None]` (pytorch-book's `alpha_HxW[None]`): a new leading axis.
    expect(rw("a[null]; a[null].shape")).toBe('a.index("None"); a.index("None").shape');
    expect((conv as Converter).convert(prev, "const a1: torch.Tensor = a[null];").diagnostics).toEqual([]);
    expect(rw("a[0] = b[1] * 2;")).toBe("a.setitem(0, b.get(1).mul(2));");
    expect(rw("let x = torch.zeros(3);\nx += a; x -= 1; x *= b; x /= 2;")).toBe("let x = torch.zeros(3);\nx.add_(a); x.sub_(1); x.mul_(b); x.div_(2);");
    expect(rw("let x = torch.zeros(3);\nx **= 2; x %= b;")).toBe("let x = torch.zeros(3);\nx.pow_(2); x.remainder_(b);");
    // Python's `x[i] += v` is x.__setitem__(i, x.__getitem__(i).__iadd__(v)): for a mask, index tensor
    // or list, __getitem__ is a copy and the write back is what lands. `x[0]++` has no tensor meaning.
    expect(rw("a[0] += 1; a[0]++;")).toBe("a.__setitem__(0, a.__getitem__(0).add_(1)); a[0]++;");
    expect(rw('a[":, 1"] -= b;\na[xs] *= 2;')).toBe('a.__setitem__(":, 1", a.__getitem__(":, 1").sub_(b));\na.__setitem__(xs, a.__getitem__(xs).mul_(2));');
    expect(rw("ds[0]; pd[0]")).toBe("ds.getitem(0); pd.__getitem__(0)");
    // Python's Dataset.__add__: `ants_dataset + bees_dataset` is a ConcatDataset.
    expect(rw("const both = pd + pd;\nboth[3]")).toBe("const both = pd.add(pd);\nboth.getitem(3)");
    // (The number a notebook method returns in the tuple is recorded by name, `label` a float where the sample holds one.)
    expect(rw("const [img, label] = pd[0];\nimg + label")).toBe(`const [img, label] = ${DYNAMIC_REF}.names_value([null,"label"], pd.__getitem__(0));\nimg.add(label)`);
  });

  test("an untyped dataset's random_split gives Subsets whose samples index and destructure (they were Subset<unknown>)", () => {
    const cell = "const loaded: any = ds;\nconst [train, val] = torch.utils.data.random_split(loaded, [1, 0]);\nconst [x0, y0] = train[0];\nconst n: number = x0.shape[0] + len(val);";
    expect((conv as Converter).convert(prev, `declare function len(x: unknown): number;\n${cell}`).diagnostics.map((d) => d.messageText)).toEqual([]);
    expect(rw(cell)).toContain("train.getitem(0)");
  });

  test("compound assignment on a const binding writes in place (\"What is torch.nn really?\"'s update loops)", () => {
    // a and w are const: `w -= g` is PyTorch's in-place update, which never rebinds w.
    expect(rw("torch.no_grad(() => { w -= w.grad! * 0.5; a -= 1; });")).toBe("torch.no_grad(() => { w.sub_(w.grad!.mul(0.5)); a.sub_(1); });");
    const loop = "const model = new torch.nn.Linear(3, 2);\ntorch.no_grad(() => { for (const p of model.parameters()) p -= p.grad! * 0.5; model.zero_grad(); });";
    expect(rw(loop)).toBe("const model = new torch.nn.Linear(3, 2);\ntorch.no_grad(() => { for (const p of model.parameters()) p.sub_(p.grad!.mul(0.5)); model.zero_grad(); });");
    expect((conv as Converter).convert(prev, loop).diagnostics).toEqual([]);
    // A const number stays an error: only tensors have an in-place meaning.
    const r = (conv as Converter).convert(prev, "const k = 1;\nk -= 1;");
    expect(r.diagnostics.map((d) => d.messageText)).toEqual(["Cannot assign to 'k' because it is a constant."]);
  });

  test("`loss = 0` then `loss += tensor` rebinds the number to a tensor, as Python's int + tensor does", () => {
    // seq2seq's train(): `loss = 0` ... `loss += criterion(decoder_output, target_tensor[di])` ... `loss.backward()`.
    expect(rw("let loss = 0;\nloss += a * 2;")).toBe("let loss: any = 0;\nloss = a.mul(2).add(loss);");
    // Python's `train_loss, train_acc = 0, 0`, then `train_loss += loss`: the array pattern is widened.
    // (ta, now `any` too, adds at run time: a number stays a number.)
    expect(rw("let [tl, ta] = [0, 0];\ntl += a.sum(); ta += 1;")).toMatch(/^let \[tl, ta\]: any = \[0, 0\];\ntl = a\.sum\(\)\.add\(tl\); ta = .*\.assign\("add_", ta, 1\);$/);
    expect(rw("let l = 1, k = 2;\nl -= a; l *= b; l /= a;")).toBe("let l: any = 1, k = 2;\nl = a.rsub(l); l = b.mul(l); l = a.reciprocal().mul(l);");
    const train = [
      "function train(): number {",
      "  let loss = 0;",
      "  for (let di = 0; di < 3; di++) loss += torch.nn.functional.mse_loss(a * di, b);",
      "  loss.backward;",
      "  return loss.item() / 3;",
      "}",
    ].join("\n");
    expect(rw(train)).toContain("let loss: any = 0;");
    expect(rw(train)).toContain("loss = torch.nn.functional.mse_loss(a.mul(di), b).add(loss);");
    expect((conv as Converter).convert(prev, train).diagnostics).toEqual([]);
    // Numbers stay numbers: a number added to a number, a typed declaration, a const, an earlier cell's number.
    expect(rw("let m = 0;\nm += 1;")).toBe("let m = 0;\nm += 1;");
    const typed = (conv as Converter).convert(prev, "let q: number = 0;\nq += a;");
    expect(typed.diagnostics.map((d) => d.messageText)).toEqual(["Operator '+=' cannot be applied to types 'number' and 'Tensor'."]);
    expect((conv as Converter).convert(prev, "n += a;").diagnostics.length).toBeGreaterThan(0);
  });

  test("a list index x[[0, 2]] is Python's list (rows 0 and 2), not the tuple x[0, 2]", () => {
    expect(rw("a[[0, 2]]; a[xs]; a[[true, false, true]] * 2")).toBe("a.__getitem__([0, 2]); a.__getitem__(xs); a.__getitem__([true, false, true]).mul(2)");
    expect(rw("a[[0, 2]] = 5;\na[xs] = b[[1, 1, 1]];")).toBe("a.__setitem__([0, 2], 5);\na.__setitem__(xs, b.__getitem__([1, 1, 1]));");
    expect(() => run("const rows = a[[0, 2]];\nconst r2: torch.Tensor = rows.sum();\na[[0, 1]] = rows.get(0);")).not.toThrow();
    // `+=` on a list index is index_put_ of the sum, as in Python.
    expect(rw("a[[0, 2]] += 1;")).toBe("a.__setitem__([0, 2], a.__getitem__([0, 2]).add_(1));");
    expect(() => run("a[[0, 2]] += 1;\na[xs] /= b[[0, 1, 2]];")).not.toThrow();
  });

  test("x[i] op= v evaluates x and i once; an assignment whose value is used gives the value back", () => {
    const X = "_torchlab_x", I = "_torchlab_i", F = "_torchlab_f", Y = "_torchlab_y", V = "_torchlab_v";
    const ty = `import("torchlab").torch.Tensor`;
    const head = `((${X}, ${I}, ${F}: (${Y}: ${ty}) => ${ty}) => { const ${V} = ${F}(${X}.__getitem__(${I})); ${X}.__setitem__(${I}, ${V}); return ${V}; })(`;
    expect(rw("a[a > 0] += 1;")).toBe(`${head}a, a.gt(0), (${Y}) => ${Y}.add_(1));`);
    expect(rw("a[n++] -= b;")).toBe(`${head}a, n++, (${Y}) => ${Y}.sub_(b));`);
    expect(rw("a.flip(0)[0] *= 2;")).toBe(`${head}a.flip(0), 0, (${Y}) => ${Y}.mul_(2));`);
    // Its value is used: the same call, which returns the new x[i].
    expect(rw("const r = (a[0] /= 2);")).toBe(`const r = (${head}a, 0, (${Y}) => ${Y}.div_(2)));`);
    expect(rw("a[0] = b[0] = 5;")).toBe(`a.setitem(0, ((${X}, ${I}, ${V}) => (${X}.setitem(${I}, ${V}), ${V}))(b, 0, 5));`);
    expect(() => run("const r2: torch.Tensor = (a[a > 0] += 1);\na[0] = b[[1]] = 2;")).not.toThrow();
    // An `await` in the value: the callback is async and the call awaited, so the order stays Python's.
    expect(rw("a[a > 0] += await Promise.resolve(1);")).toBe(
      `(await (async (${X}, ${I}, ${F}: (${Y}: ${ty}) => Promise<${ty}>) => { const ${V} = await ${F}(${X}.__getitem__(${I})); ${X}.__setitem__(${I}, ${V}); return ${V}; })(a, a.gt(0), async (${Y}) => ${Y}.add_(await Promise.resolve(1))));`,
    );
    expect(() => run("a[a > 0] += await Promise.resolve(1);")).not.toThrow();
  });

  test("a tuple index with list or tensor items (x[[0, 1, 2], t]) is index()/setitem() of an array, each list a tensor", () => {
    const TT = `${T}.tensor(`;
    expect(rw("a[[0, 1, 2], a]")).toBe(`a.index([${TT}[0, 1, 2]), a])`);
    expect(rw("a[0, xs]; a[a > 0, 1]")).toBe(`a.index([0, ${TT}xs)]); a.index([a.gt(0), 1])`);
    expect(rw("a[[0, 1], [1, 2]] = 5;")).toBe(`a.setitem([${TT}[0, 1]), ${TT}[1, 2])], 5);`);
    expect(rw("a[0, 1] = 7;")).toBe("a.setitem([0, 1], 7);");
    // A plain pair of integers still reads with get().
    expect(rw("a[0, 1]")).toBe("a.get(0, 1)");
    expect(() => run("const tup = a[[0, 1], a[\":2\"]];\na[[0, 1], xs] += 1;\na[n, [0]] = tup;")).not.toThrow();
  });

  test("Python's `-a ** b` is `-(a ** b)`: makemore's `(-counts_sum**-2)` (TypeScript parses `(-a) ** b`)", () => {
    expect(rw("(-a**-2) * b")).toBe("(a.pow(-2).neg()).mul(b)");
    expect(rw("-2 ** a")).toBe(`${T}.pow(2, a).neg()`);
    expect(rw("(-a) ** 2")).toBe("(a.neg()).pow(2)");
    expect(() => run("const negsq = -a**2;\nconst negpow = -2**a;")).not.toThrow();
  });

  test("`from torch import tensor`, written `const tensor = torch.tensor`, makes float tensors of `tensor([10., 6, -4])` as torch.tensor does", () => {
    run("const tensor = torch.tensor;");
    expect(rw("tensor([10., 6, -4])")).toBe(`tensor([10., 6, -4], ${F}.float_options())`);
    expect(rw("tensor([10, 6, -4])")).toBe("tensor([10, 6, -4])");
  });

  test("a tuple index with Python's range (x[range(n), y], makemore part 4's logprobs[range(n), Yb]) is the list of its numbers", () => {
    run('import { range } from "torchlab/dist/src/builtins";');
    const TT = `${T}.tensor(`;
    expect(rw("a[range(3), a]")).toBe(`a.index([${TT}[...range(3)]), a])`);
    expect(rw("a[range(n), a] = -1.0/n;")).toBe(`a.setitem([${TT}[...range(n)]), a], -1.0/n);`);
    expect(rw("a[range(n), a] -= 1;")).toContain(`[${TT}[...range(n)]), a]`);
    expect(() => run("const m3 = torch.zeros(2, 3);\nm3[range(2), torch.tensor([2, 0])] = 5;\nconst picked = m3[range(2), torch.tensor([2, 0])];")).not.toThrow();
  });

  test("a tuple index with an item the checker types as any (x[i, \":\"] = v, i from x[\":\", 0].argmax().item()) is still a tuple", () => {
    expect(rw('a[anyv, ":"] = -Infinity;')).toBe(`a.setitem([${DYNAMIC_REF}.tupleItem(anyv), ":"], -Infinity);`);
    expect(rw('a[anyv, ":"]')).toBe(`a.index([${DYNAMIC_REF}.tupleItem(anyv), ":"])`);
    expect(() => run('const m2 = torch.zeros(3, 2);\nconst i2 = m2[":", 0].argmax().item();\nm2[i2, ":"] = -Infinity;')).not.toThrow();
  });

  test("a comma subscript written on an untyped receiver (李宏毅 HW2's concat_feat `x[mid + r_idx, :] = shift(...)`, x a parameter) is a tensor's tuple setitem, as it is read", () => {
    expect(rw('anyv[n + 1, ":"] = a;')).toBe('anyv.setitem([n + 1, ":"], a);');
    expect(rw('anyv[n, ":"]')).toBe('anyv.index([n, ":"])');
    expect(() => run('function put(x, k) {\n  x = x.repeat(1, 3);\n  x[k, ":"] = torch.zeros(3);\n  return x;\n}')).not.toThrow();
    // What the rewritten cell runs: row k, every column, as PyTorch's x[k, :] = v.
    const x = torch.ones(2, 3);
    x.setitem([1, ":"], torch.zeros(3));
    expect(x.tolist()).toEqual([[1, 1, 1], [0, 0, 0]]);
  });

  test("Python's sequence operators on lists and strings (李宏毅 HW3's `prediction += test_label.squeeze().tolist()`, pad4's `\"0\"*(4-len(str(i)))`) run as Python's", () => {
    const D = DYNAMIC_REF;
    expect(rw("xs + xs; xs + anyv; anyv + xs")).toBe(`${D}.seq("add", xs, xs); ${D}.seq("add", xs, anyv); ${D}.seq("add", anyv, xs)`);
    expect(rw("s * 3; 3 * s; xs * n; n * xs")).toBe(`${D}.seq("mul", s, 3); ${D}.seq("mul", 3, s); ${D}.seq("mul", xs, n); ${D}.seq("mul", n, xs)`);
    // The result is typed as the list it is (seq's overloads), so Python's list methods on it are the
    // dialect's: BERT's `segment_ids = [0] * (1 + n + 1) + [1] * (m + 1)` then `segment_ids.extend(...)`
    // ("segment_ids.extend is not a function" when it was typed as a number).
    const seg = rw("const seg = [0] * 2 + [1] * 3;\nseg.extend([0] * 2);");
    expect(seg).toContain(`const seg = ${D}.seq("add", ${D}.seq("mul", [0], 2), ${D}.seq("mul", [1], 3));`);
    expect(seg).toContain(`${D}.list_extend(seg, ${D}.seq("mul", [0], 2));`);
    expect(rw("let lst = [];\nlst += xs;")).toBe(`let lst = [];\nlst = ${D}.assign("add_", lst, xs);`);
    expect(rw("xs += [4];")).toBe(`${D}.assignConst("add_", xs, [4]);`);
    // Other operands are left as they were: a string joined with anything, numbers, tensors.
    expect(rw("s + n; n * n; s + s")).toBe("s + n; n * n; s + s");
    expect(() => run("let pred = [];\npred += torch.tensor([3]).numpy().tolist();\nconst pad = '0' * (4 - 1) + '7';")).not.toThrow();

    const { op, assign, assignConst } = require("../../kernel/dynamic_ops") as typeof import("../../kernel/dynamic_ops");
    expect([op("add", [1, 2], [3]), op("mul", "0", 3), op("mul", 2, "ab"), op("mul", [0, 1], 2), op("mul", "x", -1), op("mul", [1], true)]).toEqual([[1, 2, 3], "000", "abab", [0, 1, 0, 1], "", [1]]);
    // `+=` extends the list in place: every name bound to it sees the items; any iterable will do.
    const items = [1];
    const alias = items;
    expect(assign("add_", items, torch.tensor([2, 3]).numpy())).toBe(alias);
    expect(assign("add_", items, "ab")).toBe(alias);
    expect(assignConst("mul_", items, 2)).toBe(alias);
    expect(alias).toEqual([1, 2, 3, "a", "b", 1, 2, 3, "a", "b"]);
    // A tensor on either side is still the tensor's operator, which refuses a list as PyTorch's does.
    expect(op("mul", torch.tensor([1, 2]), 3).tolist()).toEqual([3, 6]);
    expect(() => op("add", torch.tensor([1]), [2])).toThrow(TypeError);
    // Python's TypeErrors.
    expect(() => op("add", [1], 2)).toThrow('can only concatenate list (not "int") to list');
    // A string beside `+` keeps JavaScript's concatenation, as the dialect does everywhere.
    expect(op("add", "shape ", [2, 3])).toBe("shape 2,3");
    expect(() => op("mul", [1], 1.5)).toThrow("can't multiply sequence by non-int of type 'float'");
    expect(() => op("mul", "a", "b")).toThrow("can't multiply sequence by non-int of type 'str'");
    expect(() => assign("add_", [1], 5)).toThrow("'int' object is not iterable");
  });

  test("an untyped item that holds a list as it runs (李宏毅 HW1 2022's `x[:, feat_idx]`, `let feat_idx;` set in a branch) is the list's index tensor", () => {
    const { tupleItem } = require("../../kernel/dynamic_ops") as typeof import("../../kernel/dynamic_ops");
    const { range } = require("../../src/builtins") as typeof import("../../src/builtins");
    const m = torch.arange(24).reshape(4, 6);
    // As PyTorch: m[:, [0, 1, 2]] is columns 0-2 (index() would read a bare [0, 1, 2] as the slice 0:1:2).
    expect(m.index([":", tupleItem([0, 1, 2])]).shape).toEqual([4, 3]);
    expect(m.index([":", tupleItem(range(1, 6, 2))]).tolist()).toEqual(m.index([":", torch.tensor([1, 3, 5])]).tolist());
    expect(m.index([":", tupleItem([true, false, true, false, false, false])]).shape).toEqual([4, 2]);
    expect([tupleItem(2), tupleItem(":"), tupleItem(null)]).toEqual([2, ":", null]);
  });

  test("a subscript whose index ends in another subscript (x[t[0]]) keeps both brackets right", () => {
    expect(rw("a[a[0]]; a[xs[0]]")).toBe("a.index(a.get(0)); a.get(xs[0])");
    expect(rw("a[a[0]] = 1;")).toBe("a.setitem(a.get(0), 1);");
  });

  test("a rewritten tensor used as a condition is asked for its truth value, as Python's bool()", () => {
    const D = DYNAMIC_REF;
    expect(rw("if (a.sum() > 2) n;\nwhile (a == b) break;")).toBe(`if (${D}.truth(a.sum().gt(2))) n;\nwhile (${D}.truth(a.eq(b))) break;`);
    expect(rw("const r = (a < 1) ? 1 : 0; !(a > 0); (a > 0) && n > 1;")).toBe(`const r = (${D}.truth(a.lt(1))) ? 1 : 0; !(${D}.truth(a.gt(0))); (${D}.truth(a.gt(0))) && n > 1;`);
    // A Tensor-typed name or property: a one-element tensor's value (Python's `if not correct:`), anything
    // else JavaScript's null test (`if (p.grad)`): tensor_truth decides when it runs.
    expect(rw("if (a.grad) n; !a;")).toBe(`if (${D}.tensor_truth(a.grad)) n; !${D}.tensor_truth(a);`);
    expect(rw("if (w.grad) n; while (!a) break;")).toBe(`if (${D}.tensor_truth(w.grad)) n; while (!${D}.tensor_truth(a)) break;`);
    // Used for its value (`a.grad || b`), the tensor stays; a method call not written with an operator keeps JavaScript's meaning.
    expect(rw("const g = a.grad || b; if (a.eq(b)) n;")).toBe("const g = a.grad || b; if (a.eq(b)) n;");
    const { tensor_truth } = require("../../kernel/dynamic_ops") as typeof import("../../kernel/dynamic_ops");
    expect([tensor_truth(torch.tensor(false)), tensor_truth(torch.tensor([2])), tensor_truth(null), tensor_truth(undefined)]).toEqual([false, true, null, undefined]);
    const several = torch.zeros(3);
    expect(tensor_truth(several)).toBe(several);
  });

  test("a list or tuple used as a condition is Python's truth (empty is false); as a value it stays the list", () => {
    const D = DYNAMIC_REF;
    // Python's `while queue:` / `if not xs:`: to JavaScript every array is true, so the loop never ended.
    expect(rw("while (xs) xs.pop(); if (!xs) n;")).toBe(`while (${D}.truth(xs)) xs.pop(); if (!${D}.truth(xs)) n;`);
    expect(rw("const r = xs ? 1 : 0; if (xs && n > 1) n;")).toBe(`const r = ${D}.truth(xs) ? 1 : 0; if (${D}.truth(xs) && n > 1) n;`);
    // Used for its value (`xs || [0]`), Python's `xs or [0]`: the operand that decided, by Python's truth.
    expect(rw("const ys = xs || [0];")).toBe(`const ys = ${D}.or(xs, () => ([0]));`);
    const { truth, or, and } = require("../../kernel/dynamic_ops") as typeof import("../../kernel/dynamic_ops");
    expect([truth([]), truth([0]), truth(null), truth(undefined), truth("")]).toEqual([false, true, null, undefined, ""]);
    expect([truth({}), truth({ a: 1 }), truth(new Map()), truth(new Set([1]))]).toEqual([false, true, false, true]);
    expect([or([], () => [0]), or([1], () => [0]), and([], () => [0]), and([1], () => [0])]).toEqual([[0], [1], [], [0]]);
  });

  test("`!` of a method call typed Tensor is Python's `not tensor` (to JavaScript it is always false)", () => {
    // "Deep Learning with PyTorch" p1ch5: `if not torch.isfinite(loss).all(): break`.
    expect(mayUseDialect("if (!torch.isfinite(a).all()) n;")).toBe(true);
    expect(rw("if (!torch.isfinite(a).all()) n;")).toBe(`if (!${DYNAMIC_REF}.truth(torch.isfinite(a).all())) n;`);
    expect(rw("const k = !(a.any());")).toBe(`const k = !(${DYNAMIC_REF}.truth(a.any()));`);
    // Calls that are not typed Tensor keep JavaScript's meaning; a nullable tensor is tensor_truth's null test.
    expect(rw("if (!xs.includes(2)) n; if (!a.grad) n;")).toBe(`if (!xs.includes(2)) n; if (!${DYNAMIC_REF}.tensor_truth(a.grad)) n;`);
  });

  test("everything else is left alone, byte for byte", () => {
    const plain = [
      "const q = 1 + 2 * n - xs[0] * 3;",
      "const t = s + a;  // a string plus a tensor is string concatenation in JS",
      `console.log("loss: " + a, \`\${s}\`);`,
      "const sq = xs[0] ** 2; let k = 0; k += 1; k = -k; const same = a === b;",
      "for (let i = 0; i < xs.length; i++) { xs[i] *= 2; }",
      "const arr = [a, b]; arr[0];",
    ].join("\n");
    expect(rw(plain)).toBe(plain);
  });

  test("a variable's or attribute's float is recorded where it is written and asked where it is read, in a later cell too; the rewrite is at its fixed point", () => {
    const D = DYNAMIC_REF;
    run("let best_f = 1.0; let total_f = 0; const cfg_f = { lr: 1.0 };");
    const cell = "total_f += best_f; print(best_f, [best_f], `${total_f}`, cfg_f.lr); cfg_f.lr = 2; function two() { return best_f, total_f }";
    const once = rw(cell);
    expect(once).toContain(`total_f += ${D}.name_op("total_f", total_f, "+", ${D}.name_float("best_f", best_f))`);
    expect(once).toContain(`print(${D}.name_float("best_f", best_f), ${D}.floats([${D}.name_float("best_f", best_f)], []), \`\${${D}.format(${D}.name_float("total_f", total_f))}\`, ${D}.attr_float(cfg_f, "lr", cfg_f.lr))`);
    expect(once).toContain(`cfg_f.lr = ${D}.attr_value(cfg_f, "lr", 2)`);
    expect(once).toContain(`return ${D}.py_tuple(${D}.name_float("best_f", best_f), ${D}.name_float("total_f", total_f))`);
    // Rewritten again, nothing changes: the passes converged (MAX_PASSES was not what stopped them).
    expect(rw(once)).toBe(once);
    // A cell's own int variable is left alone; `xs.sort()` as a statement is Python's None.
    expect(rw("let k = 0; k += 1; print(k); xs.sort();")).toBe(`let k = 0; k += 1; print(k); void ${D}.list_sort(xs);`);
    // Python's `/` is a float, recorded for a later cell's read.
    expect(rw("const q = xs[0] / 3;")).toBe(`const q = ${D}.name_value("q", ${D}.py_float(xs[0] / 3));`);
  });

  test("a notebook function passes Python's floats across its calls (arg_float / param_float, ret_value / call_float); the rewrite is at its fixed point", () => {
    const D = DYNAMIC_REF;
    const cell = "function show_f(v) { print(v); }\nfunction one_f() { return 1.0; }\nfunction plain_f(x) { return x.length + 1; }\nshow_f(2.0); print(one_f());";
    const once = rw(cell);
    // The parameter read where its float shows records on entry what the caller passed.
    expect(once).toContain(`function show_f(v) { ${D}.param_float("v (local)", 0, v); print(${D}.name_float("v (local)", v)); }`);
    expect(once).toContain(`${D}.args_done(show_f(${D}.arg_float(0, ${D}.py_float(2.0))))`);
    expect(once).toContain(`return ${D}.ret_value(${D}.py_float(1.0));`);
    expect(once).toContain(`print(${D}.call_float(${D}.call_begin(), one_f()))`);
    // A function that returns no float, and whose parameter is never shown, is left as written.
    const plainLine = once.split("\n").find((l) => l.startsWith("function plain_f"))!;
    expect(plainLine).not.toMatch(/param_float|ret_value/);
    // Rewritten again, nothing changes: the passes converged (MAX_PASSES was not what stopped them).
    expect(rw(once)).toBe(once);
  });

  test("a dict literal with int keys (sentdex's counter_dict) is marked int-keyed and prints as Python's; other literals are left alone", () => {
    const D = DYNAMIC_REF;
    expect(rw("const counter = {0: 0, 1: 0, 10: 2};")).toBe(`const counter = ${D}.int_keyed({0: 0, 1: 0, 10: 2});`);
    expect(mayUseDialect("const c = {0: 0};")).toBe(true);
    for (const plain of ["const o = {a: 1, 2: 3};", "const o = {1.5: 1};", "const o = {};", "const o = {'0': 1};", "let f0, f1; ({0: f0, 1: f1} = ['p', 'q']);", "let g0; [{0: g0}] = [['r']];"]) expect(rw(plain)).toBe(plain);
    const { int_keyed } = require("../../kernel/dynamic_ops") as typeof import("../../kernel/dynamic_ops");
    const { repr } = require("../../src/builtins") as typeof import("../../src/builtins");
    const { dict_keys } = require("../../src/pydict") as typeof import("../../src/pydict");
    const counter: Record<number, number> = int_keyed({ 0: 14, 1: 7 });
    counter[1] += 1;
    expect(repr(counter)).toBe("{0: 14, 1: 8}");
    expect([...dict_keys(counter)]).toEqual([0, 1]);
    expect(repr({ 0: 14 })).toBe("{'0': 14}");
  });

  test("a list's count / index / remove take any value, as Python's: `matches.count(True)` over bool tensors (sentdex part 8)", () => {
    const D = DYNAMIC_REF;
    expect(rw("const ms = [a.eq(b), a.eq(a)]; ms.count(true); ms.index(true); ms.remove(false);")).toBe(
      `const ms = [a.eq(b), a.eq(a)]; ${D}.list_count(ms, true); ${D}.list_index(ms, true); ${D}.list_remove(ms, false);`,
    );
    expect(() => run("const ms1 = [torch.tensor(true), torch.tensor(false), torch.tensor(true)]; const k1: number = ms1.count(true);")).not.toThrow();
    const { list_count, list_index } = require("../../src/pylist") as typeof import("../../src/pylist");
    const matches = [torch.tensor(1).eq(torch.tensor(1)), torch.tensor(1).eq(torch.tensor(2)), torch.tensor(3).eq(torch.tensor(3))];
    expect(list_count(matches, true)).toBe(2);
    expect(list_count(matches, false)).toBe(1);
    expect(list_index(matches, false)).toBe(1);
  });

  test("line breaks, comments and spacing inside rewritten expressions are kept", () => {
    expect(rw("a +\n  b")).toBe("a.add(\n  b)");
    expect(rw("a\n  * b /* why */")).toBe("a\n  .mul(b) /* why */");
    expect(rw("const y = 1 -\n  a;\nlet z = 0;")).toBe("const y = a.rsub(1\n);\nlet z = 0;");
    expect(rw("a[\n  0]")).toBe("a.get(\n  0)");
  });
});

describe("names declared in a top-level block (Python's `if __name__ == '__main__':` globals)", () => {
  test("are found: blocks of if / for / try / bare braces and loop variables, not functions, classes or top-level names", () => {
    const cell = [
      "let epoch = 0;",
      "if (__name__ == '__main__') { const classifier = 1; let [start, {lr}] = [2, {lr: 3}]; class Net {} for (const x of [1]) { let inner = x; } }",
      "for (const batch of [1]) {}",
      "try { const r = 1; } catch (e) { const failed = e; }",
      "{ const epoch = 5; }",
      "function f() { if (1) { const local = 1; } }",
      "const g = () => { { const arrowLocal = 1; } };",
    ].join("\n");
    const { inBlocks, topLevel } = blockScopedNames(cell);
    expect(inBlocks.sort()).toEqual(["Net", "batch", "classifier", "failed", "inner", "lr", "r", "start", "x"]);
    expect(topLevel.sort()).toEqual(["epoch", "f", "g"]);
  });

  test("a later cell's 'Cannot find name' says where the name was declared and what to write", () => {
    const names = new BlockNames();
    names.record("if (__name__ == '__main__') { const classifier = 1; }", "3");
    expect(names.explain("Cannot find name 'classifier'.")).toBe(
      "Cannot find name 'classifier'. 'classifier' was declared inside a block ({ ... } of an if, for or try) in cell [3], where TypeScript keeps it; " +
        "Python's module globals are TypeScript's top-level names: declare it before the block (`let classifier;`) and assign it inside.",
    );
    expect(names.explain("Cannot find name 'other'.")).toBe("Cannot find name 'other'.");
    // Declared at a later cell's top level: the name exists again, and no hint is given for it.
    names.record("let classifier = 2;", "4");
    expect(names.explain("Cannot find name 'classifier'.")).toBe("Cannot find name 'classifier'.");
  });
});

describe("float-written whole numbers (Python's floats) make PyTorch's float dtype", () => {
  test("the data of torch.tensor / torch.as_tensor: the default float dtype unless a dtype is given", () => {
    expect(rw("torch.tensor([[1., -1.], [1., -1.]])")).toBe(`torch.tensor([[1., -1.], [1., -1.]], ${F}.float_options())`);
    expect(rw("torch.tensor(2.0)")).toBe(`torch.tensor(2.0, ${F}.float_options())`);
    expect(rw("torch.tensor([1., 2.], {dtype: torch.int64})")).toBe(`torch.tensor([1., 2.], ${F}.float_options({dtype: torch.int64}))`);
    expect(rw("torch.tensor([[1, 2], [3, 1e3]], {requires_grad: true},)")).toBe(`torch.tensor([[1, 2], [3, 1e3]], ${F}.float_options({requires_grad: true}),)`);
    expect(rw("torch.as_tensor([1., 2.])")).toBe(`torch.as_tensor([1., 2.], ${F}.as_tensor_float_options())`);
    // Python's `/` of numbers is a float (Zero to GANs' accuracy, 1.0 when every prediction is right); of tensors it is the dialect's div.
    expect(rw("torch.tensor(a.sum().item() / xs.length)")).toBe(`torch.tensor(a.sum().item() / xs.length, ${F}.float_options())`);
    expect(rw("torch.tensor([n / 2, 1])")).toBe(`torch.tensor([n / 2, 1], ${F}.float_options())`);
    expect(rw("torch.tensor(n * 2)")).toBe("torch.tensor(n * 2)");
    // Integers, non-whole floats (already float32), hex, and a variable holding 1 are left alone.
    const plain = "torch.tensor([1, 2]); torch.tensor([1.5, 2]); torch.tensor([0xe, 1]); const one = 1.; torch.tensor([one]); torch.tensor(xs);";
    // (`one` records that it holds a float, for a later cell's print: dynamic_ops name_value.)
    expect(rw(plain)).toBe(plain.replace("const one = 1.;", `const one = ${DYNAMIC_REF}.name_value("one", ${DYNAMIC_REF}.py_float(1.));`));
  });

  test("torch.full's fill value and torch.arange's bounds; full_like and new_full keep their input's dtype", () => {
    expect(rw("torch.full([2, 2], 7.)")).toBe(`torch.full([2, 2], 7., ${F}.float_options())`);
    expect(rw("torch.full([2], 7., {requires_grad: true})")).toBe(`torch.full([2], 7., ${F}.float_options({requires_grad: true}))`);
    expect(rw("torch.arange(1., 4.); torch.arange(0, 5, 1.); torch.arange(5., {requires_grad: true})")).toBe(
      `torch.arange(1., 4., ${F}.arange_float_options()); torch.arange(0, 5, 1., ${F}.arange_float_options()); torch.arange(5., ${F}.arange_float_options({requires_grad: true}))`,
    );
    const plain = "torch.full([2], 7); torch.arange(5); torch.full_like(a, 7.); a.new_full([2], 7.); torch.zeros(2.)";
    expect(rw(plain)).toBe(plain);
  });

  test("a float-written operand of arithmetic with a tensor: the tensor as PyTorch promotes it", () => {
    expect(rw("a * 2.0")).toBe(`${F}.floating(a).mul(2.0)`);
    expect(rw("2. - a; 2.0 ** a; 1e2 + (a + b)")).toBe(`${F}.floating(a).rsub(2.); ${T}.pow(2.0, ${F}.floating(a)); ${F}.floating((a.add(b))).add(1e2)`);
    expect(rw("a.add(1.); a.pow(-2.0, ); torch.mul(a, 2.); torch.pow(2., a)")).toBe(
      `${F}.floating(a).add(1.); ${F}.floating(a).pow(-2.0, ); torch.mul(${F}.floating(a), 2.); torch.pow(2., ${F}.floating(a))`,
    );
    expect(rw("let y = torch.ones(3);\ny += 1.0;\ny.mul_(2.)")).toBe(
      `let y = torch.ones(3);\n${F}.floating_inplace(y, "add_").add_(1.0);\n${F}.floating_inplace(y, "mul_").mul_(2.)`,
    );
    // Integers, non-whole floats, variables and comparisons are left as they were.
    expect(rw("a * 2; a * 0.5; a.add(n); a < 1.0")).toBe("a.mul(2); a.mul(0.5); a.add(n); a.lt(1.0)");
  });

  test("lines and error columns are those of the cell as written", () => {
    const src = "const p = torch.tensor([1.,\n  2.]);\nconst q = torch.full([2], 7., {requires_grd: true});";
    expect(rw(src).split("\n").length).toBe(3);
    // The misspelt option is reported where it was written, as for the same cell with integers (`7 ` for `7.`).
    const diagnostics = (code: string) => (conv as Converter).convert(prev, code).diagnostics.map((d) => [d.start.line, d.start.character, d.messageText]);
    const got = diagnostics(src);
    expect(got.length).toBeGreaterThan(0);
    expect(got.map((d) => d.slice(0, 2))).toContainEqual([2, src.split("\n")[2].indexOf("requires_grd")]);
    expect(got).toEqual(diagnostics(src.replace(/(\d)\./g, "$1 ")));
    const r2 = (conv as Converter).convert(prev, "const u = a * 2.0 + nosuch;");
    expect(r2.diagnostics.map((d) => [d.start.line, d.start.character, d.messageText])).toEqual([[0, 20, "Cannot find name 'nosuch'."]]);
  });

  test("cells with a float-written whole number take the type-checked pass; others do not", () => {
    for (const code of ["torch.full([2], 7.)", "torch.arange(1e3)", "f(2.0)"]) expect([code, mayUseDialect(code)]).toEqual([code, true]);
    for (const code of ["torch.full([2], 7)", "torch.rand(2).mul(0.5)", "g(0x1e)"]) expect([code, mayUseDialect(code)]).toEqual([code, false]);
  });
});

describe("compile errors point at the text the user wrote", () => {
  test("a diagnostic after a rewritten expression keeps its line and column", () => {
    const r = (conv as Converter).convert(prev, "const y = a + b * 2;\nconst z = (a * b) + nosuch;");
    expect(r.diagnostics.map((d) => [d.start.line, d.start.character, d.messageText])).toEqual([[1, 20, "Cannot find name 'nosuch'."]]);
  });

  test("a type error inside a rewritten operand is reported there", () => {
    const r = (conv as Converter).convert(prev, "const y = a * b;  const z = a + b.nosuch(1);");
    expect(r.diagnostics.map((d) => [d.start.line, d.start.character])).toEqual([[0, 34]]);
    expect(r.diagnostics[0].messageText).toMatch(/Property 'nosuch' does not exist on type 'Tensor'/);
  });

  test("after an `@` or an f-string spec (marked before compiling), an error keeps the user's column", () => {
    const { markFormatSpecs } = require("../../kernel/format_spec") as typeof import("../../kernel/format_spec");
    const { markMatmul } = require("../../kernel/matmul_operator") as typeof import("../../kernel/matmul_operator");
    const src = "const q1 = `${a.sum():.2f} ${s!r}` + nosuch1;\nconst q2 = a @ b + nosuch2;";
    const r = (conv as Converter).convert(prev, markMatmul(markFormatSpecs(src)));
    expect(r.diagnostics.map((d) => [d.start.line, d.start.character, d.messageText])).toEqual([
      [0, src.indexOf("nosuch1"), "Cannot find name 'nosuch1'."],
      [1, src.split("\n")[1].indexOf("nosuch2"), "Cannot find name 'nosuch2'."],
    ]);
  });

  test("an operator the dialect has no in-place method for stays a compile error", () => {
    const r = (conv as Converter).convert(prev, "let x = torch.ones(2);\nx <<= 2;");
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(r.diagnostics[0].start.line).toBe(1);
  });
});

describe("completion and hover see the dialect", () => {
  test("`(a + b).` completes Tensor's methods; the replacement span is in the user's text", () => {
    const src = "const s = (a + b).su";
    const info = (conv as Converter).complete(prev, src, src.length);
    expect(info.candidates).toContain("sum");
    expect([info.start, info.end]).toEqual([src.length - 2, src.length]);
  });

  test("`(a @ b).` completes too: the cell being typed has `@` (the replacement span is in the user's text)", () => {
    const src = "const p = (a @ b).su";
    const info = (conv as Converter).complete(prev, src, src.length);
    expect(info.candidates).toContain("sum");
    expect([info.start, info.end]).toEqual([src.length - 2, src.length]);
  });

  test("hovering a variable computed with operators shows a Tensor", () => {
    const src = "const c = a * b + 1;\nc";
    const info = (conv as Converter).inspect(prev, src, src.length - 1);
    expect(info?.displayParts?.map((p) => p.text).join("")).toMatch(/const c: (torch\.)?Tensor/);
    expect(info?.textSpan).toEqual({ start: src.length - 1, length: 1 });
  });
});

describe("cells without syntax the dialect maps skip its type-checked pass", () => {
  test("operators, unary minus and tilde, element access, compound assignment and a cell's value that may be a float are candidates", () => {
    for (const code of ["a + 1", "x < y", "m & n", "t += 1", "-t", "~mask", "t[0]", "t[0] = 1", "if (f(a * 2)) {}", "a && b || !c", "t ? 1 : 2", "if (t) {}", "i++", "`${a}`", "best", "q.sum().item()", "np.mean(xs)"]) {
      expect([code, mayUseDialect(code)]).toEqual([code, true]);
    }
  });

  test("imports, calls (a module's, not a scalar's), declarations and plain assignment are not (the prelude compiles once)", () => {
    for (const code of [`import { torch } from "torchlab";`, "await torch.ready();", "const q = torch.ones(3); q.relu()", "x = y;", "`a`"]) {
      expect([code, mayUseDialect(code)]).toEqual([code, false]);
    }
  });
});

describe("a class called the Python way is constructed (`new` inserted where TypeScript asks for it)", () => {
  const convert = (src: string) => (conv as Converter).convert(prev, src);

  test("nn modules, nested; transforms; optimizers: compiled with `new`, no diagnostics", () => {
    const r = convert(
      [
        "const c1 = torch.nn.Conv2d(1, 3, {kernel_size: 3});",
        "const seq = torch.nn.Sequential(torch.nn.Linear(2, 3), torch.nn.ReLU());",
        "const opt1 = torch.optim.SGD(seq.parameters(), {lr: 0.1});",
      ].join("\n"),
    );
    expect(r.diagnostics).toEqual([]);
    // (tslab reaches an earlier cell's `torch` as `exports.torch`)
    expect(r.output).toContain("new exports.torch.nn.Conv2d(1, 3, { kernel_size: 3 })");
    expect(r.output).toContain("new exports.torch.nn.Sequential(new exports.torch.nn.Linear(2, 3), new exports.torch.nn.ReLU())");
    expect(r.output).toContain("new exports.torch.optim.SGD(");
  });

  test("the cell's own class, a chained call and a called module; the operators still rewrite after it", () => {
    const r = convert(
      [
        "class Net2 extends torch.nn.Module { forward(x: torch.Tensor) { return x; } }",
        "const net2 = Net2();",
        "const lin = torch.nn.Linear(3, 3).double();",
        "const y2 = torch.nn.Linear(3, 3)(a) + 1;",
      ].join("\n"),
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.output).toContain("new Net2()");
    expect(r.output).toContain("new exports.torch.nn.Linear(3, 3).double()");
    expect(r.output).toContain("new exports.torch.nn.Linear(3, 3)(exports.a).add(1)");
  });

  test("a callee that is not a name is parenthesised; functions and callable values are left alone", () => {
    const r = convert("const make = () => torch.nn.ReLU;\nconst r1 = make()();\nconst n1 = Number('3'); const t1 = torch.tensor([1]); const d1 = torch.Tensor(2, 3);");
    expect(r.diagnostics).toEqual([]);
    expect(r.output).toContain("new (make())()");
    expect(r.output).toContain("Number('3')");
    expect(r.output).not.toMatch(/new (exports\.torch\.tensor|exports\.torch\.Tensor|Number)/);
  });

  test("completion inside the call offers the constructor's options; hover shows the class", () => {
    const src = "const c3 = torch.nn.Conv2d(1, 3, {kernel_s";
    const info = (conv as Converter).complete(prev, src, src.length);
    expect(info.candidates).toContain("kernel_size");
    expect([info.start, info.end]).toEqual([src.length - "kernel_s".length, src.length]);
    const cell = "const c4 = torch.nn.Linear(2, 3);\nc4";
    const hover = (conv as Converter).inspect(prev, cell, cell.length - 1);
    expect(hover?.displayParts?.map((p) => p.text).join("")).toMatch(/const c4: (torch\.nn\.)?Linear/);
    expect(hover?.textSpan).toEqual({ start: cell.length - 2, length: 2 });
  });

  test("other errors of such a cell are reported at the user's own line and column", () => {
    const src = "const l2 = torch.nn.Linear(2, 3);\nl2.nosuch(1) + torch.nn.ReLU()";
    const r = convert(src);
    expect(r.diagnostics.map((d) => [d.code, d.start.line, d.start.character, d.start.offset])).toEqual([[2339, 1, 3, src.indexOf("nosuch")]]);
  });
});

describe("the fix-ups TypeScript's errors call for are made before the dialect's first round (kernel/early_fixups.ts)", () => {
  test("keyword class calls, a late-bound name and Python's fields: one round of the dialect, as compiled before", () => {
    const rounds: string[] = [];
    const stop = onDialectRound((cause) => rounds.push(cause));
    const converted = (src: string) => {
      try {
        return (conv as Converter).convert(prev, src);
      } finally {
        stop();
      }
    };
    const r = converted(
      [
        "class KwNet extends torch.nn.Module {",
        "  constructor() {",
        "    super();",
        "    this.lin = torch.nn.Linear(2, later_units, bias=false);",
        "    this.seq = torch.nn.Sequential(torch.nn.Linear(2, 2, bias=true), torch.nn.ReLU());",
        "  }",
        "  forward(x: torch.Tensor) { return this.lin(this.seq(x)) * 2; }",
        "}",
      ].join("\n"),
    );
    expect(r.diagnostics).toEqual([]);
    // Before: `new` for the keyword calls, then the late-bound name, then the fields, a round of the whole dialect each.
    expect(rounds).toEqual(["cell"]);
    expect(r.output).toContain("this.lin = new exports.torch.nn.Linear(2, (");
    expect(r.output).toContain('lookup(exports, "later_units")), { bias: false });');
    expect(r.output).toContain("new exports.torch.nn.Sequential(new exports.torch.nn.Linear(2, 2, { bias: true }), new exports.torch.nn.ReLU())");
    // The fields typed by the calls with their `new`: the dialect saw a Tensor (`* 2` is mul).
    expect(r.declOutput).toMatch(/lin: .*Linear;/);
    expect(r.output).toMatch(/this\.lin\(this\.seq\(x\)\)\.mul\(2\)/);
  });
});

describe("attributes assigned in a constructor the Python way are declared (`self.conv1 = nn.Conv2d(...)`)", () => {
  const convert = (src: string) => (conv as Converter).convert(prev, src);

  test("a module written as PyTorch's tutorial writes it compiles, with its fields typed", () => {
    const r = convert(
      [
        "class TutNet extends torch.nn.Module {",
        "  constructor() {",
        "    super();",
        "    this.conv1 = torch.nn.Conv2d(1, 6, 5);",
        "    this.fc = torch.nn.Linear(16, 10);",
        "    this.steps = 0;",
        "    this.hidden = null;",
        "  }",
        "  forward(x: torch.Tensor) {",
        "    this.steps += 1;",
        "    return this.fc(torch.relu(this.conv1(x)).flatten(1)) + 1;",
        "  }",
        "}",
      ].join("\n"),
    );
    expect(r.diagnostics).toEqual([]);
    // The dialect saw a Tensor: `+ 1` became add (it would be string concatenation on `any`).
    expect(r.output).toMatch(/this\.fc\(.*\)\.add\(1\)/);
    expect(r.declOutput).toMatch(/conv1: .*Conv2d;/);
    expect(r.declOutput).toMatch(/fc: .*Linear;/);
    expect(r.declOutput).toMatch(/steps: number;/);
    expect(r.declOutput).toMatch(/hidden: any;/);
    // Nothing emitted for the declarations: the assignments run as written.
    expect(r.output).not.toMatch(/^\s*(conv1|fc);/m);
    expect(r.output).toContain("this.conv1 = new exports.torch.nn.Conv2d(1, 6, 5);");
  });

  test("fields assigned by destructuring (`self.classes, self.class_to_idx = find_classes(d)`) are declared too", () => {
    const r = convert(
      [
        "function pair(): [string[], Record<string, number>] { return [['a'], {a: 0}]; }",
        "class Folder extends torch.utils.data.Dataset {",
        "  constructor() { super(); [this.classes, this.class_to_idx] = pair(); [this.first] = [1, 2].map(String); }",
        "  __len__() { return this.classes.length; }",
        "  __getitem__(i: number): [torch.Tensor, number] { return [torch.ones(1), this.class_to_idx[this.classes[i]]]; }",
        "}",
      ].join("\n"),
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.declOutput).toMatch(/classes: string\[\];/);
    expect(r.declOutput).toMatch(/class_to_idx: Record<string, number>;/);
    expect(r.declOutput).toMatch(/first: any;/);
  });

  test("a field assigned an operator on tensors (`self.data = x.float() / 255`, CS231n's dataset) is a Tensor, not the checker's number", () => {
    const r = convert(
      [
        "class Images extends torch.utils.data.Dataset {",
        "  constructor() { super(); this.data = torch.ones(4, 3).float() / 255; this.mask = -(torch.ones(2) - 1) > 0; this.n = 2 * 3; }",
        "  __len__() { return this.n; }",
        "  __getitem__(i: number) { return [this.data[i], this.mask.sum()]; }",
        "}",
      ].join("\n"),
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.declOutput).toMatch(/data: .*Tensor;/);
    expect(r.declOutput).toMatch(/mask: .*Tensor;/);
    expect(r.declOutput).toMatch(/n: number;/);
  });

  test("`this.name = ...` (UvA tutorial 3's `self.name = self.__class__.__name__`) is the module's own attribute, not Function's read-only name", () => {
    const r = convert(
      [
        "class Act extends torch.nn.Module {",
        "  constructor() { super(); this.name = this.constructor.name; this.length = 3; }",
        "  forward(x: torch.Tensor) { return x; }",
        "}",
        "const act_name: string = new Act().name;",
      ].join("\n"),
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.declOutput).toMatch(/ name: string;/);
    expect(r.declOutput).toMatch(/ length: number;/);
    // A read-only property of the cell's own is still one.
    const own = convert("class Ro extends torch.nn.Module { readonly name = 'r'; rename() { this.name = 's'; } }");
    expect(own.diagnostics.map((d) => d.code)).toEqual([2540]);
  });

  test("attributes named by register_buffer / register_parameter / add_module (a positional encoding's `self.register_buffer('pe', pe)`) are declared", () => {
    const r = convert(
      [
        "class PosEnc extends torch.nn.Module {",
        "  constructor(d: number) {",
        "    super();",
        "    this.register_buffer('pe', torch.zeros(1, 4, d));",
        "    this.register_buffer('running', null);",
        "    this.register_parameter('scale', new torch.nn.Parameter(torch.ones(1)));",
        "    this.add_module('proj', torch.nn.Linear(d, d));",
        "  }",
        "  forward(x: torch.Tensor) { return this.proj(x + this.pe * this.scale + this.running); }",
        "}",
      ].join("\n"),
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.declOutput).toMatch(/ pe: .*Tensor;/);
    expect(r.declOutput).toMatch(/ running: .*Tensor;/);
    expect(r.declOutput).toMatch(/ scale: .*Parameter;/);
    expect(r.declOutput).toMatch(/ proj: .*Linear;/);
    // The dialect saw tensors: `+` and `*` became tensor ops.
    expect(r.output).toMatch(/x\.add\(this\.pe\.mul\(this\.scale\)\)\.add\(this\.running\)/);
    // A name no registration or assignment gives is still an error.
    const misspelt = convert("class B extends torch.nn.Module {\n  constructor() { super(); this.register_buffer('mean', torch.zeros(2)); }\n  forward(x: torch.Tensor) { return x.sub(this.maen); }\n}");
    expect(misspelt.diagnostics.map((d) => d.code)).toEqual([2339]);
  });

  test("a misspelt property read is still an error, at its place; assignments outside classes are left alone", () => {
    const src = "class Two extends torch.nn.Module {\n  constructor() { super(); this.lin = torch.nn.Linear(2, 2); }\n  forward(x: torch.Tensor) { return this.lni(x); }\n}";
    const r = convert(src);
    expect(r.diagnostics.map((d) => [d.code, d.start.line, d.start.character])).toEqual([[2339, 2, src.split("\n")[2].indexOf("lni")]]);
    const plain = convert("const o1 = {a: 1};\no1.b = 2;");
    expect(plain.diagnostics.map((d) => d.code)).toEqual([2339]);
  });
});

describe("operators on operands typed `any` (an untyped `forward(x)`) are decided at run time", () => {
  const D = DYNAMIC_REF;
  test("arithmetic, comparisons, bitwise, unary and compound assignment go through kernel/dynamic_ops.ts", () => {
    expect(rw("anyv + anyv; anyv * 2; 1 - anyv")).toBe(`${D}.op("add", anyv, anyv); ${D}.op("mul", anyv, 2); ${D}.op("sub", 1, anyv)`);
    expect(rw("anyv < 0; anyv == 1; anyv & anyv; -anyv")).toBe(`${D}.op("lt", anyv, 0); ${D}.op("eq", anyv, 1); ${D}.op("bitwise_and", anyv, anyv); ${D}.unary("neg", anyv)`);
    expect(rw("let acc: any = 0;\nacc += a.sum();")).toBe("let acc: any = 0;\nacc.add_(a.sum());".replace("acc.add_(a.sum())", `acc = ${D}.assign("add_", acc, a.sum())`));
    expect(rw("if (anyv > 0.5) {}")).toBe(`if (${D}.truth(${D}.op("gt", anyv, 0.5))) {}`);
    expect(rw("anyv * 2.0;\nanyv;")).toBe(`${D}.op("mul", ${F}.floating(anyv), 2.0);\nanyv;`);
    // As the cell's value, Python's float shows (`6.0`).
    expect(rw("anyv * 2.0")).toBe(`${D}.py_float(${D}.op("mul", ${F}.floating(anyv), 2.0))`);
  });

  // Python: f"Got {num_correct} / {n}" with num_correct = 0 then += (pred == y).sum() prints `Got 25 / 128`.
  test("a template's `any` value goes through dynamic_ops.format (a tensor at run time is Python's f-string)", () => {
    expect(rw("`Got ${anyv} / ${s}`")).toBe(`\`Got \${${D}.format(anyv)} / \${s}\``);
  });

  test("element reads and writes on an `any` receiver (a child reached untyped: `net[0].weight[\"0, :5\"]`)", () => {
    expect(rw('anyv["0, :5"]; anyv[0]')).toBe(`${D}.getitem(anyv, "0, :5"); ${D}.getitem(anyv, 0)`);
    expect(rw('anyv[":, 1"] = 0;')).toBe(`${D}.setitem(anyv, ":, 1", 0);`);
    // Compound assignment to an element is Python's getitem, in-place op, setitem; ++ and -- are += 1 and -= 1.
    expect(rw("anyv[0] += 1;")).toBe(`${D}.compound("add_", anyv, 0, 1);`);
    expect(rw("anyv[n] *= a; anyv[0]++; const p = anyv[1]--;")).toBe(`${D}.compound("mul_", anyv, n, a); ${D}.compound("add_", anyv, 0, 1); const p = ${D}.compound("sub_", anyv, 1, 1, true);`);
    expect(rw("anyv++; const q = anyv--; --anyv;")).toBe(`(anyv = ${D}.assign("add_", anyv, 1)); const q = ${D}.postfix(anyv, anyv = ${D}.assign("sub_", anyv, 1)); (anyv = ${D}.assign("sub_", anyv, 1));`);
    expect(rw("if (anyv) {} const c = !anyv ? 1 : 2;")).toBe(`if (${D}.truth(anyv)) {} const c = !${D}.truth(anyv) ? 1 : 2;`);
    // Destructuring targets and for-of variables stay JavaScript's.
    expect(rw("[anyv[0], anyv[1]] = [1, 2];")).toBe("[anyv[0], anyv[1]] = [1, 2];");
    expect(rw("for (anyv[0] of xs) {}")).toBe("for (anyv[0] of xs) {}");
    expect(rw("xs[0];\nanyv;")).toBe("xs[0];\nanyv;");
  });

  test("a rewrite that opens a line with `(` after a line without a semicolon starts with `;` (Python's lines have none)", () => {
    // `const us: any = [5, 6]` then `us[0] = 3` would be read as the call `[5, 6](...)`.
    expect(rw("anyv\nanyv[0] = 3")).toBe(`anyv\n;${D}.setitem(anyv, 0, 3)`);
    expect(rw("anyv\nanyv[0] + 1")).toBe(`anyv\n;${D}.op("add", ${D}.getitem(anyv, 0), 1)`);
    // After a semicolon or a brace, at the start, or inside an expression: nothing added.
    expect(rw("anyv[0] = 3; anyv[1] = 4")).toBe(`${D}.setitem(anyv, 0, 3); ${D}.setitem(anyv, 1, 4)`);
    expect(rw("{}\nanyv[0] = 3")).toBe(`{}\n${D}.setitem(anyv, 0, 3)`);
    expect(rw("const k = 1\nconst v = anyv[0]")).toBe(`const k = 1\nconst v = ${D}.getitem(anyv, 0)`);
    // A statement that must stay one statement (an if's body) is not split.
    expect(rw("if (n) anyv[0] = 3")).toBe(`if (n) ${D}.setitem(anyv, 0, 3)`);
  });

  test("Python's negative index on arrays, Sizes, strings and typed arrays reads and writes from the end", () => {
    expect(rw("xs[-1]; s[-2]; a.shape[-1]")).toBe("xs.at(-1)!; s.at(-2)!; a.shape.at(-1)!");
    expect(rw("xs[-1] = 7;")).toBe(`${D}.setitem(xs, -1, 7);`);
    // A computed index is Python's too (kernel/sequence_index.ts); a tensor (its own index), a record keyed by numbers: as before.
    expect(rw("xs[n - 3]; xs[-0]; xs[-1.5]; a[-1]")).toBe(`${SEQUENCE_REF}.item(xs, n - 3); xs[-0]; xs[-1.5]; a.get(-1)`);
    const r = (conv as Converter).convert(prev, "const rec: Record<number, string> = {[-1]: 'neg'};\nconst got = rec[-1];\nconst last: number = xs[-1] + a.shape[-1];");
    expect(r.diagnostics).toEqual([]);
    // A record keyed by numbers is Python's dict: its item, a missing key Python's KeyError.
    expect(r.output).toContain("getitem(rec, -1)");
  });

  test("Python's `lst[t]` with a tensor index reads t.__index__() (Loeber's `n_class_correct[label] += 1`, `class_names[x]`)", () => {
    // TypeScript refused the tensor as an index ("Type 'Tensor' cannot be used as an index type").
    // Then counted from the end when negative, past either end Python's IndexError (kernel/sequence_index.ts).
    const S = SEQUENCE_REF;
    expect(rw("xs[a[0]]; s[a[1]]; xs[a[0]] += 1;")).toBe(`${S}.item(xs, ${D}.index(a.get(0))); ${S}.item(s, ${D}.index(a.get(1))); xs[${S}.pos(xs, ${D}.index(a.get(0)))] += 1;`);
    expect((conv as Converter).convert(prev, "const counts = [0, 0, 0];\ncounts[a[0]] += 1;\nconst chosen: string = s[a[1]];").diagnostics).toEqual([]);
  });

  test("`w -= lr * w.grad` on a const typed `any` (CS231n's `for w in params`) is in place, never a rebinding", () => {
    const r = (conv as Converter).convert(prev, "function sgd(params, lr) { for (const w of params) { w -= lr * w.grad; w.grad.zero_(); } }");
    expect(r.diagnostics).toEqual([]);
    const J = 'require("torchlab/dist/kernel/dynamic_ops")';
    expect(r.output).toContain(`${J}.assignConst("sub_", w, ${J}.op("mul", lr, w.grad))`);
    // A `let` is still rebound (a number there becomes the tensor, as Python's `loss = 0; loss += l`).
    expect(rw("let acc2: any = 0;\nacc2 -= a;")).toBe(`let acc2: any = 0;\nacc2 = ${D}.assign("sub_", acc2, a);`);
  });

  test("`hist[epoch] += loss` / `/= n` on an array of untyped items (`Array(n).fill(0)`, Raschka's train loop) is Python's list item op", () => {
    expect(rw("const hist = Array(3).fill(0);\nhist[0] += a.mean(); hist[0] /= 2;")).toBe(
      `const hist = Array(3).fill(0);\n${D}.compound("add_", hist, 0, a.mean()); ${D}.compound("div_", hist, 0, 2);`,
    );
    // Typed items keep JavaScript's operators.
    expect(rw("xs[0] += 1; xs[1] /= 2;")).toBe("xs[0] += 1; xs[1] /= 2;");
  });

  test("`${v}` of a value typed `any` is Python's f-string of it: a tensor's __format__ (`Got ${num_correct} / ...`)", () => {
    expect(rw("`Got ${anyv} / ${s}`")).toBe(`\`Got \${${D}.format(anyv)} / \${s}\``);
    expect(rw("`${a}`")).toBe("`${(a).__format__()}`");
  });

  test("a string, null, and a tensor beside `any` keep their own rules", () => {
    expect(rw('"loss " + anyv; anyv + "!"')).toBe('"loss " + anyv; anyv + "!"');
    expect(rw("anyv == null; anyv === 1")).toBe("anyv == null; anyv === 1");
    expect(rw("a + anyv; anyv * a")).toBe("a.add(anyv); a.mul(anyv)");
  });

  test("an untyped forward's result composes: the operators inside it and on its result", () => {
    const r = (conv as Converter).convert(prev, "function f(x) { return x * 2 + x; }\nconst y3 = f(a) - 1;");
    expect(r.diagnostics).toEqual([]);
    const J = 'require("torchlab/dist/kernel/dynamic_ops")';
    // x may be a number the caller passed as a float (Python's `2 * x` of 1.0 is 2.0): the operators note their operands' floats.
    const left = (e: string): string => `${J}.float_left(${e})`;
    const right = (e: string): string => `${J}.float_right(${e})`;
    const x = `${J}.name_float("x (local)", x)`;
    expect(r.output).toContain(`${J}.op("add", ${left(`${J}.float_arith(${J}.op("mul", ${left(x)}, ${right("2")}))`)}, ${right(x)})`);
    expect(r.output).toContain(`${J}.op("sub", ${left(`${J}.call_float(${J}.call_begin(), f(exports.a))`)}, ${right("1")})`);
  });
});

describe("Python's `@` is matmul (kernel/matmul_operator.ts)", () => {
  test("an `@` between operands becomes a marked `*`, with `*`'s precedence; decorators, strings, comments, templates and regular expressions are left alone", () => {
    const { markMatmul, MATMUL_MARK: M } = require("../../kernel/matmul_operator") as typeof import("../../kernel/matmul_operator");
    expect(markMatmul("x @ w + b")).toBe(`x *${M} w + b`);
    expect(markMatmul("a@b; (f(x) @ m[0]) @ c")).toBe(`a*${M}b; (f(x) *${M} m[0]) *${M} c`);
    expect(markMatmul("const y = (x\n  @ w);")).toBe(`const y = (x\n  *${M} w);`);
    // Names TypeScript's scanner reads as contextual keywords are operands too (makemore's `out @ w`).
    expect(markMatmul("loss = out @ torch.randn(n); type @ of; from @ x")).toBe(`loss = out *${M} torch.randn(n); type *${M} of; from *${M} x`);
    for (const kept of [
      '"a@b.com" + `${s}@${t}` + \'@\'',
      "// x @ w\n/* a @ b */ 1",
      "const r = /a@b/g;",
      "@dec\nclass A {\n  x = 1\n  @dec m() {}\n}",
      "class B { @dec y = 2; }",
    ]) expect(markMatmul(kept)).toBe(kept);
    expect(markMatmul("`${x @ w}`")).toBe(`\`\${x *${M} w}\``);
  });

  test("a marked `*` of two tensors is matmul; any other operand is decided at run time (Python's TypeError)", () => {
    const { markMatmul } = require("../../kernel/matmul_operator") as typeof import("../../kernel/matmul_operator");
    expect(rw(markMatmul("a @ b"))).toBe("a.matmul(/*@*/ b)");
    expect(rw(markMatmul("a @ b + 1"))).toBe("a.matmul(/*@*/ b).add(1)");
    expect(rw(markMatmul("a @ 2"))).toBe(`${DYNAMIC_REF}.op("matmul", a, /*@*/ 2)`);
    expect(rw(markMatmul("n @ n"))).toBe(`${DYNAMIC_REF}.op("matmul", n, /*@*/ n)`);
  });
});

describe("Python's f-string specs (kernel/format_spec.ts) and `@=`", () => {
  const { markFormatSpecs } = require("../../kernel/format_spec") as typeof import("../../kernel/format_spec");
  const { markMatmul, MATMUL_MARK: M } = require("../../kernel/matmul_operator") as typeof import("../../kernel/matmul_operator");

  test("a `:` or `!r` at a template expression's own level starts a spec, put in a comment; conditionals, objects, types, strings are left alone", () => {
    expect(markFormatSpecs("`${loss.item():.4f} ${acc:>6.2%}`")).toBe("`${loss.item()/*:.4f*/} ${acc/*:>6.2%*/}`");
    expect(markFormatSpecs("`${name!r} ${x!r:>10} ${y!s}`")).toBe("`${name/*!r*/} ${x/*!r:>10*/} ${y/*!s*/}`");
    expect(markFormatSpecs("`${c ? a : b:>3}`")).toBe("`${c ? a : b/*:>3*/}`");
    expect(markFormatSpecs("`${f(x, {k: 1}):,}` + `${`${q:.2f}`}`")).toBe("`${f(x, {k: 1})/*:,*/}` + `${`${q/*:.2f*/}`}`");
    for (const kept of ["`${c ? a : b}`", "`${x!}`", "`${((v: number) => v)(1)}`", "const o = {a: 1, b: `${x}`};", '"${x:.2f}"', "// `${x:d}`", "`${x != y}`"]) {
      expect(markFormatSpecs(kept)).toBe(kept);
    }
  });

  test("Python's `{x=}` starts its comment at the `=` (spaces kept); a spec's nested fields run to the `}` that balances them", () => {
    expect(markFormatSpecs("`${x=} ${x = } ${loss.item()=:.4f} ${name=!r:>8}`")).toBe("`${x/*=*/} ${x /*= */} ${loss.item()/*=:.4f*/} ${name/*=!r:>8*/}`");
    expect(markFormatSpecs("`${x:{w}} ${acc:>{w}.{p}f}|`")).toBe("`${x/*:{w}*/} ${acc/*:>{w}.{p}f*/}|`");
    for (const kept of ["`${x = 5}`", "`${x == y}`", "`${x >= y}`", "`${x <= y}`", "`${(x = 1)}`", "`${f((y) => y)}`"]) expect(markFormatSpecs(kept)).toBe(kept);
  });

  test("`${x=}` writes the expression's text and its repr (or the spec's format); nested fields are evaluated", () => {
    expect(rw(markFormatSpecs("`${n=}`"))).toBe(`\`\${${DYNAMIC_REF}.fstring(n, "", "", "n=")/*=*/}\``);
    expect(rw(markFormatSpecs("`${ s.length = :.2f}`"))).toBe(`\`\${ ${DYNAMIC_REF}.fstring(s.length, ".2f", "", " s.length = ") /*= :.2f*/}\``);
    expect(rw(markFormatSpecs("`${a.sum():>{n}.{n + 1}f}`"))).toBe(`\`\${${DYNAMIC_REF}.fstring(a.sum(), \`>\${${DYNAMIC_REF}.format(${DYNAMIC_REF}.name_float("n", n))}.\${${DYNAMIC_REF}.format(n + 1)}f\`, "")/*:>{n}.{n + 1}f*/}\``);
  });

  test("a template expression with a spec is formatted by it at run time; a boolean one writes True / False", () => {
    expect(rw(markFormatSpecs("`${a.sum():.2f}`"))).toBe(`\`\${${DYNAMIC_REF}.fstring(a.sum(), ".2f", "")/*:.2f*/}\``);
    expect(rw(markFormatSpecs("`${s!r:>8}`"))).toBe(`\`\${${DYNAMIC_REF}.fstring(s, ">8", "r")/*!r:>8*/}\``);
    expect(rw("`${n > 1}`")).toBe(`\`\${${DYNAMIC_REF}.format(n > 1)}\``);
    // An array is a Python list in an f-string: `${[32, 32, 3]}` writes [32, 32, 3], not JavaScript's 32,32,3.
    expect(rw("const shape = [32, 32, 3];\n`${shape}`")).toBe(`const shape = [32, 32, 3];\n\`\${${DYNAMIC_REF}.format(shape)}\``);
    // So is what may be a list when it runs: tolist() is typed NestedList (number | boolean | NestedList[]),
    // and gpt-dev's f"when input is {context.tolist()}" writes [29, 25].
    expect(rw("`${a.tolist()}`")).toBe(`\`\${${DYNAMIC_REF}.format(a.tolist())}\``);
    expect(rw("const name = 'a';\n`${name}`")).toBe("const name = 'a';\n`${name}`");
    expect(rw("const r = Math.random() > 0.5 ? 'a' : 1;\n`${r}`")).toBe(`const r = Math.random() > 0.5 ? 'a' : 1;\n\`\${${DYNAMIC_REF}.format(r)}\``);
  });

  test("`a @= b` is `*=` with the mark, and `a = a.matmul(b)` for tensors, else decided at run time", () => {
    expect(markMatmul("x @= w;")).toBe(`x *=${M} w;`);
    expect(rw(markMatmul("let c = a;\nc @= b"))).toBe("let c = a;\nc = c.matmul(/*@*/ b)");
    expect(rw(markMatmul("let k = 2;\nk @= 3"))).toBe(`let k = 2;\nk = ${DYNAMIC_REF}.op("imatmul", k, /*@*/ 3)`);
  });

  test("`delete net.fc` on a module is Python's del: Module.__delattr__; on anything else JavaScript's delete", () => {
    expect(rw("const lin = new torch.nn.Linear(2, 2);\ndelete lin.bias;")).toBe('const lin = new torch.nn.Linear(2, 2);\nlin.__delattr__("bias");');
    expect(rw("const o: { k?: number } = {k: 1};\ndelete o.k;")).toBe("const o: { k?: number } = {k: 1};\ndelete o.k;");
  });

  test("completion after a spec maps through its comment", () => {
    const src = "const f1 = `${a.sum():.2f}` + a.su";
    const info = (conv as Converter).complete(prev, src, src.length);
    expect(info.candidates).toContain("sum");
    expect([info.start, info.end]).toEqual([src.length - 2, src.length]);
  });
});

describe("Python's rebinding, attributes and tuples in the tutorials' code (kernel/rewrite.ts)", () => {
  /** Converts `cells` one after the other, each seeing the ones before; returns the last result. */
  const cells = (...srcs: string[]) => {
    let decl = prev;
    let r: ReturnType<Converter["convert"]> | undefined;
    for (const src of srcs) {
      r = (conv as Converter).convert(decl, src);
      if (r.diagnostics.length) return r;
      decl = r.declOutput ?? "";
    }
    return r!;
  };
  const codes = (r: ReturnType<Converter["convert"]>) => r.diagnostics.map((d) => `${d.code} ${d.messageText}`);

  test("a module's attribute takes another kind of module: transfer learning's `model.fc = nn.Sequential(...)`", () => {
    const r = cells(
      [
        'import { torchvision } from "torchlab";',
        "const rn = torchvision.models.resnet18();",
        "const nf: number = rn.fc.in_features;",
        "rn.fc = torch.nn.Sequential(torch.nn.Linear(nf, 128), torch.nn.ReLU(), torch.nn.Linear(128, 2));",
        "const vg = torchvision.models.vgg16();",
        "vg.classifier[6] = torch.nn.Linear(4096, 10);",
        "vg.features[0] = torch.nn.Conv2d(1, 64, 3, {padding: 1});",
        "vg.classifier = torch.nn.Sequential(torch.nn.Linear(25088, 10));",
        "const ax = torchvision.models.alexnet();",
        "ax.classifier[6] = torch.nn.Linear(4096, 10);",
        "function headless(m: typeof rn) { m.fc = torch.nn.Identity(); }",
      ].join("\n"),
      "rn.fc = new torch.nn.Identity();\nconst still: number = rn.fc.in_features;",
    );
    expect(codes(r)).toEqual([]);
    expect(r.output).toContain("exports.rn.fc = (new exports.torch.nn.Identity())");
    // Not a module: still an error.
    expect(codes(cells('import { torchvision } from "torchlab";\nconst rn2 = torchvision.models.resnet18();\nrn2.fc = 3;'))).toEqual([
      "2322 Type 'number' is not assignable to type 'Linear'.",
    ]);
  });

  test("a `let` of this cell rebound to another type, as predict.py's `img = data_transform(img)` rebinds a PIL image to a tensor", () => {
    const r = cells(
      [
        'import { torchvision } from "torchlab";',
        "const tf = torchvision.transforms.Compose([new torchvision.transforms.ToTensor()]);",
        "let img = torchvision.transforms.functional.to_pil_image(torch.zeros([3, 4, 4]));",
        "img = tf(img);",
        "img = torch.unsqueeze(img, 0);",
        "function load() { let pic = torchvision.transforms.functional.to_pil_image(torch.zeros([3, 2, 2])); pic = tf(pic); return pic; }",
      ].join("\n"),
    );
    expect(codes(r)).toEqual([]);
    expect(r.output).toContain("exports.img = tf(exports.img);");
    // A name of an unpacking (graykode's `input_batch, target_batch = make_batch()`, then
    // `input_batch = torch.LongTensor(input_batch)`): the pattern is typed `any`.
    const u = cells("function make_batch() { return [[[1, 2]], [3]]; }\nlet [input_batch, target_batch] = make_batch();\ninput_batch = torch.LongTensor(input_batch);\ntarget_batch = torch.LongTensor(target_batch);");
    expect(codes(u)).toEqual([]);
    expect(u.output).toContain("exports.input_batch = exports.torch.LongTensor(exports.input_batch);");
    // Such names rebound by an unpacking (Brownlee's `predictions, actuals = vstack(predictions), vstack(actuals)`,
    // lists, then arrays): each is typed `any`, in a function too.
    const v = cells("function evaluate() {\n  let [predictions, actuals] = [list(), list()];\n  predictions.append(np.ones([1, 1]));\n  actuals.append(np.zeros([1, 1]));\n  [predictions, actuals] = [np.vstack(predictions), np.vstack(actuals)];\n  return predictions.shape;\n}\nconst shape = evaluate();");
    expect(codes(v)).toEqual([]);
    expect(codes(cells("let [m, w]: number[] = [1, 2];\n[m, w] = ['a', 'b'];"))).toEqual(["2322 Type 'string' is not assignable to type 'number'.", "2322 Type 'string' is not assignable to type 'number'."]);
    expect(codes(cells("let [p, q]: number[] = [1, 2];\np = 'a';"))).toEqual(["2322 Type 'string' is not assignable to type 'number'."]);
    // A const, or a `let` given a type, is still TypeScript's error.
    expect(codes(cells("let n: number = 1;\nn = 'a';"))).toEqual(["2322 Type 'string' is not assignable to type 'number'."]);
    expect(codes(cells("const k = 1;\nk = 2;")).length).toBe(1);
  });

  test("`features[\":5\"]` slices a Sequential (its __getitem__); a `{...kwargs} = {}` parameter takes any keyword (BasicConv2d's **kwargs)", () => {
    const r = cells(
      [
        "const feats = torch.nn.Sequential(torch.nn.Linear(2, 3), torch.nn.ReLU());",
        'const head = feats[":1"];',
        "class Basic extends torch.nn.Module {",
        "  conv: torch.nn.Conv2d;",
        "  constructor(cin: number, cout: number, {...kwargs} = {}) { super(); this.conv = new torch.nn.Conv2d(cin, cout, {...kwargs}); }",
        "}",
        "const b = new Basic(3, 4, kernel_size=3, padding=1);",
      ].join("\n"),
    );
    expect(codes(r)).toEqual([]);
    expect(r.output).toContain('feats.__getitem__(":1")');
    expect(r.output).toContain("new Basic(3, 4, { kernel_size: 3, padding: 1 })");
  });

  test("a Sequential's children read by negative index, get/at and in a loop as `seq[0]` does", () => {
    const r = cells(
      [
        "const sq = torch.nn.Sequential(torch.nn.Linear(2, 3), torch.nn.ReLU(), torch.nn.Linear(3, 1));",
        "const w0: torch.Tensor = sq[0].weight;",
        "const b1: torch.Tensor = sq[-1].bias;",
        "const g1: torch.Tensor = sq.get(-1).weight;",
        "for (const m of sq) if ('weight' in m) torch.nn.init.zeros_(m.weight);",
        "const mdict = torch.nn.ModuleDict({output: torch.nn.Linear(2, 2)});",
        "const mo: torch.Tensor = mdict.get('output').weight;",
      ].join("\n"),
    );
    expect(codes(r)).toEqual([]);
  });

  test("an nn container read by position or key is its get(): Python's IndexError / KeyError past the end, not undefined", () => {
    run(
      [
        "const cs = new torch.nn.Sequential(new torch.nn.Linear(2, 3));",
        "const cl = new torch.nn.ModuleList([new torch.nn.ReLU()]);",
        "const cd = new torch.nn.ModuleDict({ a: new torch.nn.ReLU() });",
        "const cp = new torch.nn.ParameterList([w]);",
        "const cpd = new torch.nn.ParameterDict({ p: w });",
      ].join("\n"),
    );
    expect(rw("cs[1]; cs[-2].weight; cl[n]")).toBe("cs.get(1); cs.get(-2).weight; cl.get(n)");
    expect(rw('cd["b"]; cp[0]; cpd["q"]')).toBe('cd.get("b"); cp.get(0); cpd.get("q")');
    // Writes stay JavaScript's (the accessor replaces the child); a dict read by a number, too.
    expect(rw("cs[0] = new torch.nn.Tanh()")).toBe("cs[0] = new torch.nn.Tanh()");
    expect(rw("cd[0]")).toBe("cd[0]");
    expect(() => new torch.nn.Sequential(new torch.nn.Linear(2, 3)).get(1)).toThrow(expect.objectContaining({ name: "IndexError", message: "index 1 is out of range" }));
    expect(() => new torch.nn.ModuleDict({ a: new torch.nn.ReLU() }).get("b")).toThrow(expect.objectContaining({ name: "KeyError", message: "'b'" }));
  });

  test("a ModuleDict's keys and attributes set in another method or a later cell read as Python's attributes", () => {
    const r = cells(
      [
        "class Built extends torch.nn.Module {",
        "  constructor() { super(); this.build(); }",
        "  build() { this.fc = torch.nn.Linear(2, 3); }",
        "  forward(x: torch.Tensor) { return this.fc(x); }",
        "}",
        "const bt = Built();",
        "const hd = torch.nn.ModuleDict({output: torch.nn.Linear(2, 2)});",
      ].join("\n"),
      "bt.extra = torch.nn.Linear(3, 1);\nconst ew: torch.Tensor = bt.extra.weight;\nconst hw: torch.Tensor = hd.output.weight;\nconst fw: torch.Tensor = bt.fc.weight;",
      "const eb: torch.Tensor = bt.extra.bias;",
    );
    expect(codes(r)).toEqual([]);
    expect(r.output).toContain("exports.bt.extra.bias");
    // A name no cell assigned (a misspelt layer), or not on a module (a Tensor): still an error.
    const typo = "class Two2 extends torch.nn.Module {\n  constructor() { super(); this.fc_1 = torch.nn.Linear(2, 2); }\n}\nconst two = Two2();\ntwo.fc1;";
    expect(codes(cells(typo))).toEqual(["2551 Property 'fc1' does not exist on type 'Two2'. Did you mean 'fc_1'?"]);
    // ... while an assignment is Python's, suggestion or not (`net.fc_2 = ...` beside `fc_1`).
    expect(codes(cells(typo.replace("two.fc1;", "two.fc_2 = torch.nn.Linear(2, 1);")))).toEqual([]);
    expect(codes(cells("const t9 = torch.ones(2);\nt9.extra;")).map((c) => c.split(" ")[0])).toEqual(["2339"]);
  });

  test("a tensor takes the attributes a cell assigns, as a Python object does: fastbook's `inp.g = ...` in an untyped function, read back as `w1.g`; `this.inp.g = ...` in a class", () => {
    const r = cells(
      "function relu_grad9(inp, out) { inp.g = (inp>0).float() * out.g; }",
      "const w9 = torch.ones(2);\nrelu_grad9(w9, {g: torch.ones(2)});\nconst wg: torch.Tensor = w9.g;",
      "class Relu9 {\n  constructor(inp: torch.Tensor) { this.inp = inp; }\n  backward(g: torch.Tensor) { this.inp.g = g; return this.inp.g * 2; }\n}",
    );
    expect(codes(r)).toEqual([]);
    // A name nothing assigned is still TypeScript's error.
    expect(codes(cells("const t8 = torch.ones(2);\nt8.never_set;")).map((c) => c.split(" ")[0])).toEqual(["2339"]);
  });

  test("a name an earlier cell declared, assigned at a cell's top level, takes the new value's type", () => {
    const circle = "class Circle extends torch.nn.Module {\n  constructor() { super(); this.l1 = torch.nn.Linear(2, 1); }\n  forward(x: torch.Tensor) { return this.l1(x); }\n}\nlet m0 = Circle();";
    const r = cells(circle, "m0 = torch.nn.Sequential(torch.nn.Linear(2, 5), torch.nn.Linear(5, 1));", "const n0: number = m0.length;");
    expect(codes(r)).toEqual([]);
    // Udacity's notebooks define `class Network` again in a later cell, then `model = Network()` again.
    const net = (fields: string) => `class Network extends torch.nn.Module {\n  constructor() { super(); ${fields} }\n  forward(x: torch.Tensor) { return x; }\n}`;
    const u = cells(`${net("this.fc = torch.nn.Linear(4, 3);")}\nlet model = Network();`, `${net("this.hidden = torch.nn.Linear(4, 8);")}\nmodel = Network();\nconst h: number = model.hidden.out_features;`);
    expect(codes(u)).toEqual([]);
    // Inside a function, or after the cell has read the name: the module is assigned `as any`.
    expect(codes(cells(circle, "function reset() { m0 = torch.nn.Identity(); }\nconsole.log(m0);\nm0 = torch.nn.Identity();"))).toEqual([]);
    // Python rebinds any name; a value the cell read first is still checked.
    expect(codes(cells("let cnt = 1;", 'cnt = "x";\nconst sx: string = cnt;'))).toEqual([]);
    expect(codes(cells("let cnt = 1;", 'cnt;\ncnt = "x";'))).toEqual(["2322 Type 'string' is not assignable to type 'number'."]);
    // `train_loader = DeviceDataLoader(train_loader, device)` (Zero to GANs): the value reads the name,
    // so it is assigned `as any` (a declaration would read its own uninitialised binding).
    const wrap = cells("let ldr = [1, 2];", 'class Wrap { constructor(public inner: number[]) {} }\nldr = new Wrap(ldr);');
    expect(codes(wrap)).toEqual([]);
    expect(wrap.output).toContain("new Wrap(exports.ldr))");
  });

  test("a function an earlier cell declared, assigned at a cell's top level: d2l's `f = lambda x: 0.5 * x**2` after `def f(x)`", () => {
    const r = cells("function fq(x: number) { return x ** 2; }", "fq = (x: number) => 0.5 * x ** 2;\nconst half: number = fq(2);");
    expect(codes(r)).toEqual([]);
    expect(r.output).toContain("let fq = ");
    // A function of this same cell is still not rebound.
    expect(codes(cells("function fr(x: number) { return x; }\nfr = (x: number) => x + 1;")).map((c) => c.split(" ")[0])).toEqual(["2630"]);
  });

  test("Python's tuple in parentheses where its value is used: `size=(feature_dim, 1)`, `return ((s_w, d_w), (s_b, d_b))`", () => {
    const P = 'require("torchlab/dist/kernel/dynamic_ops").py_tuple';
    const r = cells(
      [
        "const fd = 5;",
        "const w5 = torch.normal(0, 0.01, (fd, 1));",
        "const hub: Record<string, [string, string]> = {};",
        "hub['airfoil'] = ('url', 'sha1');",
        "function states(n: number) { const s_w = torch.zeros((n, 1)), s_b = torch.zeros(1); return ((s_w, s_w), (s_b, s_b)); }",
        "const [[sw, dw], [sb, db]] = states(fd);",
        "let k = 0;",
        "for (let i = 0, j = 1; i < 2; i++, j++) (k++, k++);",
      ].join("\n"),
    );
    expect(codes(r)).toEqual([]);
    expect(r.output).toContain(`torch.normal(0, 0.01, (${P}(fd, 1)))`);
    expect(r.output).toContain(`hub['airfoil'] = (${P}('url', 'sha1'))`);
    expect(r.output).toContain(`return (${P}((${P}(s_w, s_w)), (${P}(s_b, s_b))))`);
    // A comma whose value is not used stays JavaScript's (a for clause, a statement).
    expect(r.output).toMatch(/for \(let i = 0, j = 1; i < 2; i\+\+, j\+\+\)\s+\(exports\.k\+\+, exports\.k\+\+\);/);
  });

  test("Python's tuple in parentheses in a cell with nothing else of the dialect: `torch.zeros((2, 3))` (Deep Learning Wizard's `np.ones((2, 2))`)", () => {
    const r = cells("const z23 = torch.zeros((2, 3));");
    expect(codes(r)).toEqual([]);
    expect(r.output).toContain('torch.zeros((require("torchlab/dist/kernel/dynamic_ops").py_tuple(2, 3)))');
  });

  test("a constructor's `super()` written without `;` keeps its own statement when a parameter's float is recorded after it", () => {
    const r = cells(
      [
        "class Hid extends torch.nn.Module {",
        "  constructor(i, h) {",
        "    super()",
        "    this.hd = h",
        "    this.lin = new torch.nn.Linear(i, 2)",
        "  }",
        "  forward(x) {",
        "    let out = this.lin(x)",
        "    out = out[0]",
        "    return out",
        "  }",
        "}",
      ].join("\n"),
    );
    expect(codes(r)).toEqual([]);
    expect(r.output).toMatch(/super\(\);\s*require\("torchlab\/dist\/kernel\/dynamic_ops"\)\.param_float\("h \(local\)", 1, h\);/);
  });

  test("a Dataset's `__getitem__` returning [x, y] gives tuples: a DataLoader's batches are typed item by item", () => {
    const r = cells(
      [
        "class Named extends torch.utils.data.Dataset {",
        "  constructor(public X: torch.Tensor, public names: string[]) { super(); }",
        "  __len__() { return this.names.length; }",
        "  __getitem__(i: number) { if (i < 0) return [this.X[0], 'none']; return ([this.X[i], this.names[i]]); }",
        "}",
        "for (const batch of new torch.utils.data.DataLoader(Named(torch.ones(4, 2), ['a', 'b', 'c', 'd']), {batch_size: 2})) {",
        "  const [xb, nb] = batch;",
        "  const shape: number[] = xb.shape;",
        "  const names: string[] = nb;",
        "  const [xc] = batch as torch.Tensor[];",
        "  nb.push('e');",
        "}",
      ].join("\n"),
    );
    expect(codes(r)).toEqual([]);
    // A declared return type, a nested function's array and a class extending nothing are left alone.
    expect(tupleSamples("class A extends B { __getitem__(i: number): [X, Y] { return [x, y]; } }")).toBeNull();
    expect(tupleSamples("class A { __getitem__(i) { return [x, y]; } }")).toBeNull();
    expect(tupleSamples("class A extends B { getitem(i) { const f = () => [1]; return [x, (y)]; } }")?.code).toBe(
      "class A extends B { getitem(i) { const f = () => [1]; return [x, (y)] satisfies unknown[] | []; } }",
    );
  });

  test("a class defining `__iter__` (Zero to GANs' DeviceDataLoader) is iterated by for-of, spread and iter()", () => {
    const r = cells(
      [
        "class DevLoader {",
        "  constructor(dl: torch.utils.data.DataLoader<torch.Tensor[]>) { this.dl = dl; }",
        "  *__iter__() { for (const b of this.dl) yield b.map((x) => x.mul(2)); }",
        "  __len__() { return this.dl.length; }",
        "}",
        "const dvl = new DevLoader(new torch.utils.data.DataLoader(ds, {batch_size: 2}));",
        "for (const [xd, yd] of dvl) { const sh: number[] = xd.shape; }",
        "const all = [...dvl];",
      ].join("\n"),
    );
    expect(codes(r)).toEqual([]);
    expect(iterableClasses("class L {\n  *__iter__() { yield 1; }\n}")?.code).toBe("class L { [Symbol.iterator]() { return this.__iter__(); }\n  *__iter__() { yield 1; }\n}");
    // A class that has its own iterator, or no `__iter__` method, is left alone.
    expect(iterableClasses("class L { [Symbol.iterator]() { return [][Symbol.iterator](); } __iter__() { return 1; } }")).toBeNull();
    expect(iterableClasses("class L { __len__() { return 1; } }")).toBeNull();
    expect(iterableClasses("const __iter__ = 1;")).toBeNull();
  });

  test("PyTorch's OrderedDict form, a Map of named layers, makes a Sequential or a ModuleDict", () => {
    const r = cells(
      [
        'const od = torch.nn.Sequential(new Map([["conv1", torch.nn.Conv2d(1, 20, 5)], ["relu1", torch.nn.ReLU()]]));',
        'const odict = new torch.nn.ModuleDict(new Map([["a", new torch.nn.Linear(2, 2)], ["b", new torch.nn.ReLU()]]));',
      ].join("\n"),
    );
    expect(codes(r)).toEqual([]);
    // Entries other than [key, module] pairs: as TypeScript has it.
    expect(codes(cells('const mixed = new Map([["a", 1], ["b", "x"]]);'))[0]).toBe("2769 No overload matches this call.");
  });

  test("Python's throwaway name `__` is exported under the name written, not TypeScript's escaped `___`", () => {
    expect(codes(cells("let [__, idx7] = torch.max(a, 0);", "const v7: torch.Tensor = __;\nconst i7: torch.Tensor = idx7;"))).toEqual([]);
    expect(unescapeExportList("export {};\nlet x;\nexport {a, ___, ____x, _b}")).toBe("export {};\nlet x;\nexport {a, __, ___x, _b}");
    expect(unescapeExportList("export {};\nexport {a, b}")).toBe("export {};\nexport {a, b}");
  });
});

describe("Python's keyword arguments (kernel/keyword_args.ts)", () => {
  const convert = (src: string) => (conv as Converter).convert(prev, src);
  const messages = (src: string) => convert(src).diagnostics.map((d) => `${d.start.line}:${d.start.character} ${d.messageText}`);
  const user = [
    "function accuracy_fn(y_true: torch.Tensor, y_pred: torch.Tensor) { return y_true.eq(y_pred).sum().item() / y_true.numel(); }",
    "function scaled(x: number, factor = 2, shift = 0) { return x * factor + shift; }",
    "class ThreeLayerConvNet extends torch.nn.Module {",
    "  conv: torch.nn.Conv2d;",
    "  constructor(in_channel: number, channel_1: number, num_classes = 10) { super(); this.conv = torch.nn.Conv2d(in_channel, channel_1, {kernel_size: 3}); }",
    "  forward(x: torch.Tensor, scale = 1) { return this.conv(x).mul(scale); }",
    "  describe(prefix: string, verbose = false) { return prefix + verbose; }",
    "}",
    "function train(epochs: number, opts: { lr?: number; momentum?: number } = {}) { return epochs; }",
    "let dim = 0;",
  ].join("\n");
  beforeAll(() => run(user), 60000);

  test("torchlab's API: the keywords become its trailing options object, merged with one written before them", () => {
    expect(rw("torch.nn.Conv2d(1, 32, kernel_size=3, padding=1)")).toBe("torch.nn.Conv2d(1, 32, {kernel_size:3, padding:1})");
    expect(rw("torch.nn.functional.cross_entropy(a, b, reduction = 'sum')")).toBe("torch.nn.functional.cross_entropy(a, b, {reduction : 'sum'})");
    expect(rw("new torch.utils.data.DataLoader(ds, batch_size=64, shuffle=true)")).toBe("new torch.utils.data.DataLoader(ds, {batch_size:64, shuffle:true})");
    expect(rw("torch.nn.Conv2d(1, 32, {kernel_size: 3}, padding=1, stride=2)")).toBe("torch.nn.Conv2d(1, 32, {kernel_size: 3, padding:1, stride:2})");
    expect(rw("torch.nn.Conv2d(1, 32, {}, kernel_size=3)")).toBe("torch.nn.Conv2d(1, 32, { kernel_size:3})");
    // Every argument a keyword, as PyTorch allows.
    expect(rw("new torch.utils.data.DataLoader(dataset=ds, batch_size=2)")).toBe("new torch.utils.data.DataLoader({dataset:ds, batch_size:2})");
    expect(convert("const loader = new torch.utils.data.DataLoader(dataset=ds, batch_size=2, shuffle=true);").diagnostics).toEqual([]);
  });

  test("a keyword that names a variable of the cell is still a keyword, never an assignment to it", () => {
    // `torch.sum(x, dim=dim)`: TypeScript alone would assign dim to itself and pass it positionally.
    expect(rw("torch.sum(a, dim=dim, keepdim=true)")).toBe("torch.sum(a, {dim:dim, keepdim:true})");
    expect(convert("const s3 = torch.sum(a, dim=dim, keepdim=true);").diagnostics).toEqual([]);
    // A parameter that takes no options object: the keywords go to the parameters of their names.
    expect(rw("torch.logsumexp(a, keepdim=true, dim=0)")).toBe("torch.logsumexp(a, 0, true)");
    expect(rw("a.sum(dim=0, keepdim=true)")).toBe("a.sum({dim:0, keepdim:true})");
  });

  test("keywords of a float-written torch.tensor all reach its options (Loeber's `torch.tensor(0.0, dtype=torch.float32, requires_grad=True)`)", () => {
    // The float rewrite wrapped only the first keyword, leaving `requires_grad` a keyword no parameter took.
    expect(rw("torch.tensor(0.0, dtype=torch.float32, requires_grad=true)")).toBe(`torch.tensor(0.0, ${F}.float_options({dtype:torch.float32, requires_grad:true}))`);
    expect(rw("torch.tensor(1.0, requires_grad=true)")).toBe(`torch.tensor(1.0, ${F}.float_options({requires_grad:true}))`);
    expect(convert("const w0 = torch.tensor(0.0, dtype=torch.float64, requires_grad=true);").diagnostics).toEqual([]);
  });

  test("the notebook's own functions, methods and classes take keywords at their parameters' places", () => {
    expect(rw("accuracy_fn(y_true=a, y_pred=b)")).toBe("accuracy_fn(a, b)");
    expect(rw("accuracy_fn(y_pred=b, y_true=a)")).toBe("accuracy_fn(a, b)");
    expect(rw("scaled(3, shift=1)")).toBe("scaled(3, undefined, 1)");
    expect(rw("ThreeLayerConvNet(in_channel=3, channel_1=12)")).toBe("ThreeLayerConvNet(3, 12)");
    expect(rw("const net = new ThreeLayerConvNet(3, 12);\nnet.describe(prefix='x', verbose=true)")).toBe("const net = new ThreeLayerConvNet(3, 12);\nnet.describe('x', true)");
    expect(rw("train(3, lr=0.1, momentum=0.9)")).toBe("train(3, {lr:0.1, momentum:0.9})");
    // Lines never move: a keyword call over several lines keeps its line count.
    expect(rw("scaled(\n  shift=1,\n  x=2,\n)")).toBe("scaled(\n  2, undefined, 1\n,\n)");
    const r = convert("const net2 = ThreeLayerConvNet(in_channel=3, channel_1=12);\nconst out2 = net2(torch.rand(1, 3, 8, 8), scale=2);\nconst acc = accuracy_fn(y_true=a, y_pred=b);");
    expect(r.diagnostics).toEqual([]);
  });

  test("a callee typed `any` (an untyped parameter) takes its keywords when the call runs, as in Python", () => {
    const KC = KEYWORD_CALL_REF;
    expect(rw("function ev(fn, y) {\n  return fn(y, y_pred=y);\n}")).toBe(`function ev(fn, y) {\n  return ${KC}.call(fn, [y], {y_pred:y});\n}`);
    // A statement opening with the call: a `;` keeps it from continuing the line before; lines stay.
    expect(rw("anyv.fit(1,\n  epochs=2)")).toBe(`;${KC}.method(anyv, "fit", [1], {epochs:2}\n)`);
    expect(convert("function ev2(fn, y) {\n  let acc = 0;\n  acc += fn(y_true=y, y_pred=y);\n  return acc;\n}").diagnostics).toEqual([]);
  });

  test("a module whose forward the checker does not know (a ModuleList's item) takes its keywords when the call runs (UvA tutorial 6's `l(x, mask=mask)`)", () => {
    const KC = KEYWORD_CALL_REF;
    const src = "const blocks = torch.nn.ModuleList([torch.nn.Identity()]);\nfor (const l of blocks) l(torch.ones(1), mask=null);";
    expect(convert(src).diagnostics).toEqual([]);
    expect(rw(src)).toContain(`${KC}.call(l, [torch.ones(1)], {mask:null})`);
    // At run time, `l.self_attn(x, mask=m)` calls the child module (not Module.apply(fn), PyTorch's apply).
    const holder = { attn: new torch.nn.Linear(2, 1) };
    expect((keywordMethod(holder, "attn", [], { input: torch.ones(2) }) as torch.Tensor).shape).toEqual([1]);
    // A module whose forward is known still refuses a keyword it has no parameter for.
    expect(messages("const lin = torch.nn.Linear(1, 1);\nlin(torch.ones(1), mask=null);")[0]).toMatch(/TypeError: .*got an unexpected keyword argument 'mask'/);
  });

  test("an untyped receiver's `.to(device, non_blocking=True)` (Zero to GANs' to_device) reaches Tensor.to and Module.to", () => {
    const t = torch.ones(2);
    expect(keywordMethod(t, "to", [torch.device("cpu")], { non_blocking: true })).toBe(t);
    expect(keywordMethod(t, "to", ["cpu"], { dtype: torch.float64 }).dtype).toBe(torch.float64);
    const net = new torch.nn.Linear(2, 1);
    expect(keywordMethod(net, "to", [torch.device("cpu")], { non_blocking: true })).toBe(net);
    expect(keywordMethod(net, "to", ["cpu"], { dtype: torch.float64 }).weight.dtype).toBe(torch.float64);
    expect(() => keywordMethod(net, "to", ["cpu"], { blocking: true })).toThrow("to() got an unexpected keyword argument 'blocking'");
  });

  test("Python's errors: an unknown keyword, a keyword twice or also positional, a required one missing, a positional after a keyword", () => {
    expect(messages("accuracy_fn(a, y_pred=b, foo=1)")).toEqual(["0:0 TypeError: accuracy_fn() got an unexpected keyword argument 'foo'"]);
    expect(messages("const c = torch.nn.Conv2d(1, 3, kernal_size=3);")).toEqual(["0:10 TypeError: Conv2d.__init__() got an unexpected keyword argument 'kernal_size'"]);
    expect(messages("ThreeLayerConvNet(3, 4, classes=2)")).toEqual(["0:0 TypeError: ThreeLayerConvNet.__init__() got an unexpected keyword argument 'classes'"]);
    expect(messages("accuracy_fn(a, y_true=b)")).toEqual(["0:0 TypeError: accuracy_fn() got multiple values for argument 'y_true'"]);
    expect(messages("accuracy_fn(y_pred=b)")).toEqual(["0:0 TypeError: accuracy_fn() missing 1 required positional argument: 'y_true'"]);
    expect(messages("scaled(1, factor=2, factor=3)")).toEqual(["0:20 SyntaxError: keyword argument repeated: factor"]);
    expect(messages("const s2 = 1;\nscaled(x=1, 2)")).toEqual(["1:12 SyntaxError: positional argument follows keyword argument"]);
    // An existing variable named like the keyword is not assigned: the cell does not run.
    expect(messages("scaled(1, dim=2)")).toEqual(["0:0 TypeError: scaled() got an unexpected keyword argument 'dim'"]);
  });

  test("completion and hover inside a keyword call", () => {
    const src = "const c5 = torch.nn.Conv2d(1, 3, kernel_size=3, padding=di";
    const info = (conv as Converter).complete(prev, src, src.length);
    expect(info.candidates).toContain("dim");
    expect([info.start, info.end]).toEqual([src.length - 2, src.length]);
    // Just after `=`, the value is being typed: the cell's names are offered.
    const open = "const c7 = torch.nn.Conv2d(1, 3, kernel_size=";
    expect((conv as Converter).complete(prev, open, open.length).candidates).toContain("dim");
    const cell = "const c6 = torch.nn.Conv2d(1, 3, kernel_size=3);";
    const hover = (conv as Converter).inspect(prev, cell, cell.indexOf("kernel_size") + 2);
    expect(hover?.displayParts?.map((p) => p.text).join("")).toMatch(/^\(property\) Conv2dOptions\.kernel_size\?: /);
    expect(hover?.textSpan).toEqual({ start: cell.indexOf("kernel_size"), length: "kernel_size".length });
  });

  test("Python's `**mapping` in a call (kernel/keyword_unpacking.ts): a spread into the options object, or placed when the call runs", () => {
    const KC = KEYWORD_CALL_REF;
    const mark = markKeywordUnpacking;
    // The mark keeps every column; `**` elsewhere (exponentiation, strings, comments, object literals) is left alone.
    expect(mark("nn.Conv2d(**cfg); f(a, ** b); 2 ** 3; '(**x'; /* (**y */ g({...o}); h(x ** 2, (**z))")).toBe(
      "nn.Conv2d($=cfg); f(a, $= b); 2 ** 3; '(**x'; /* (**y */ g({...o}); h(x ** 2, ($=z))",
    );
    expect(mark("f(`${g(**k)}`, [a ** 2])")).toBe("f(`${g($=k)}`, [a ** 2])");
    expect(rw(mark("torch.nn.Conv2d(**cfg)"))).toBe(`torch.nn.Conv2d({...${KC}.unpack(cfg, "Conv2d.__init__", [])})`);
    expect(rw(mark("new torch.utils.data.DataLoader(ds, **loader_kwargs, shuffle=true)"))).toBe(
      `new torch.utils.data.DataLoader(ds, {...${KC}.unpack(loader_kwargs, "DataLoader.__init__", ["shuffle"]), shuffle:true})`,
    );
    expect(rw(mark("accuracy_fn(**batch)"))).toBe(`;${KC}.call(accuracy_fn, [], {...${KC}.unpack(batch, "accuracy_fn", [])})`);
    const cells = [
      "const cfg = {in_channels: 1, out_channels: 4, kernel_size: 3};",
      "const c8 = torch.nn.Conv2d(**cfg, padding=1);",
      "const loader_kwargs = {batch_size: 2, drop_last: true};",
      "const dl = new torch.utils.data.DataLoader(ds, **loader_kwargs);",
      "const batch = {y_true: a, y_pred: b};",
      "const acc8 = accuracy_fn(**batch);",
      "const s8 = scaled(1, **{shift: 2});",
    ].join("\n");
    expect(convert(mark(cells)).diagnostics).toEqual([]);
    // Python's errors: a key torchlab's options do not have (typed: at compile time), a positional after `**`.
    expect(messages(mark("const c9 = torch.nn.Conv2d(1, 3, **{kernal_size: 3});"))).toEqual(["0:11 TypeError: Conv2d.__init__() got an unexpected keyword argument 'kernal_size'"]);
    expect(messages(mark("scaled(**{x: 1}, 2)"))).toEqual(["0:17 SyntaxError: positional argument follows keyword argument unpacking"]);
    // `*xs` with keywords, before or after them (Python's `f(a=1, *xs)`): placed when the call runs.
    expect(rw("scaled(...xs, shift=2)")).toBe(`;${KC}.call(scaled, [...xs], {shift:2})`);
    expect(rw("scaled(shift=2, ...xs)")).toBe(`;${KC}.call(scaled, [...xs], {shift:2})`);
    expect(messages(mark("scaled(**{x: 1}, ...xs)"))).toEqual(["0:17 SyntaxError: iterable argument unpacking follows keyword argument unpacking"]);
    // Python's `def f(**kwargs)` is not read as a parameter `$` with a default.
    expect(messages(mark("const kw = {};\nfunction takes(a: number, **kw) { return a; }"))).toEqual([
      "1:26 SyntaxError: a parameter list takes no `**kwargs` here: take an options object (`opts = {}`) or name the parameters",
    ]);
  });

  test("`**mapping` at run time: Python's TypeErrors for a key given twice, an unknown key, and a value that is no mapping", () => {
    expect(keywordUnpack({ x: 1 }, "f", ["y"])).toEqual({ x: 1 });
    expect(keywordUnpack(new Map([["x", 1]]), "f", [])).toEqual({ x: 1 });
    expect(() => keywordUnpack({ x: 2 }, "f", ["x"])).toThrow(new TypeError("f() got multiple values for keyword argument 'x'"));
    expect(() => keywordUnpack([1], "f", [])).toThrow(new TypeError("f() argument after ** must be a mapping, not list"));
    expect(() => keywordUnpack(null, "f", [])).toThrow(new TypeError("f() argument after ** must be a mapping, not NoneType"));
    const f = function f(x: number, y = 2) { return [x, y]; };
    expect(keywordCall(f, [], keywordUnpack({ y: 3, x: 1 }, "f", []))).toEqual([1, 3]);
    expect(() => keywordCall(f, [], keywordUnpack({ z: 2 }, "f", []))).toThrow(new TypeError("f() got an unexpected keyword argument 'z'"));
    expect(() => keywordCall(f, [1], keywordUnpack({ x: 3 }, "f", []))).toThrow(new TypeError("f() got multiple values for argument 'x'"));
  });
});

describe("an instance of a class defining `__call__` is callable, as in Python (kernel/call_dunder.ts)", () => {
  const convert = (src: string) => (conv as Converter).convert(prev, src);
  const messages = (src: string) => convert(src).diagnostics.map((d) => `${d.start.line}:${d.start.character} ${d.messageText}`);
  beforeAll(
    () =>
      run(
        [
          // makemore's layers, with the fields they assign the Python way.
          "class Lin {",
          "  constructor(fan_in: number, fan_out: number, bias = true) { this.weight = torch.randn(fan_in, fan_out); this.bias = bias ? torch.zeros(fan_out) : null; }",
          "  __call__(x: torch.Tensor) { this.out = x.matmul(this.weight); if (this.bias !== null) this.out += this.bias; return this.out; }",
          "}",
          "class Th { __call__(x: torch.Tensor) { this.out = torch.tanh(x); return this.out; } }",
          "class Scale { __call__(x: torch.Tensor, factor = 2) { return x * factor; } }",
          "class Seq {",
          "  constructor(layers: (Lin | Th)[]) { this.layers = layers; }",
          "  __call__(x: torch.Tensor) { for (const layer of this.layers) x = layer(x); return x; }",
          "}",
          "class Plain { value = 1; }",
          "const lin = Lin(3, 4); const th = Th(); const sc = Scale(); const plain = Plain();",
        ].join("\n"),
      ),
    60000,
  );

  test("`layer(x)` is `layer.__call__(x)`, the rest of the cell as written", () => {
    expect(rw("lin(a)")).toBe("lin.__call__(a)");
    expect(rw("const h = th(lin(a));\nh")).toBe("const h = th.__call__(lin.__call__(a));\nh");
    expect(rw("const layers = [lin, th];\nlet x = a;\nfor (const layer of layers) x = layer(x);")).toBe(
      "const layers = [lin, th];\nlet x = a;\nfor (const layer of layers) x = layer.__call__(x);",
    );
    // Callables and classes are left alone: an nn.Module instance, a function, a class called the Python way.
    expect(rw("const relu = torch.nn.ReLU();\nrelu(a); Number('1'); Lin(1, 2)")).toBe("const relu = torch.nn.ReLU();\nrelu(a); Number('1'); Lin(1, 2)");
  });

  test("the call is typed by `__call__`'s signature, so the dialect's operators apply to its result", () => {
    expect(rw("th(a) * 2")).toBe("th.__call__(a).mul(2)");
    expect(convert("const y1: torch.Tensor = th(lin(a));\nconst y2: torch.Tensor = sc(a, 3);\nconst y3: torch.Tensor = Seq([lin, th])(a);").diagnostics).toEqual([]);
    // A return type is checked as TypeScript checks `layer.__call__(x)`'s.
    expect(messages("const y4: string = th(a);")).toEqual(["0:6 Type 'Tensor' is not assignable to type 'string'."]);
    expect(messages("const layers2 = [lin, th];\nlet x2 = a;\nfor (const layer of layers2) {\n  x2 = layer(x2);\n}\nconst s2: torch.Tensor = x2 + 1;")).toEqual([]);
  });

  test("micrograd's layers: an untyped `__call__(x)` calling its neurons", () => {
    const cell = [
      "class Neuron { w: number[]; constructor(nin: number) { this.w = Array(nin).fill(0.5); } __call__(x: number[]) { return Math.tanh(this.w.reduce((s, wi, i) => s + wi * x[i], 0)); } }",
      "class Layer1 { neurons: Neuron[]; constructor(nin: number, nout: number) { this.neurons = Array.from({length: nout}, () => Neuron(nin)); }",
      "  __call__(x) { const outs = this.neurons.map((n) => n(x)); return outs.length == 1 ? outs[0] : outs; } }",
      "const l1 = Layer1(2, 3);\nconst o1 = l1([1, 2]);",
    ].join("\n");
    expect(rw(cell)).toContain("const outs = this.neurons.map((n) => n.__call__(x));");
    // `Layer1(2, 3)` gets its `new` in convert's next pass, and then `l1(...)` its `__call__`, typed by it.
    expect(convert(cell).diagnostics).toEqual([]);
    expect(convert(`${cell}\nconst o2: string = l1([1, 2]);`).diagnostics[0]?.messageText).toBe("Type 'number | number[]' is not assignable to type 'string'.");
  });

  test("keyword arguments reach `__call__`'s parameters; completion sees the call's type", () => {
    expect(rw("sc(a, factor=3)")).toBe("sc.__call__(a, 3)");
    // Completion sees the typed result.
    const src = "const c8 = th(a).su";
    const info = (conv as Converter).complete(prev, src, src.length);
    expect(info.candidates).toContain("sum");
    expect([info.start, info.end]).toEqual([src.length - 2, src.length]);
    expect(messages("sc(a, scale=3)")).toEqual(["0:0 TypeError: Scale.__call__() got an unexpected keyword argument 'scale'"]);
  });

  test("an object without `__call__` is still TypeScript's error, at the column written", () => {
    expect(rw("plain(a)")).toBe("plain(a)");
    expect(messages("const p1 = 1;\nplain(a)").join("\n")).toMatch(/^1:0 This expression is not callable\.\n.*Type 'Plain' has no call signatures\.$/);
    // Errors inside a rewritten call are placed in the text as written.
    expect(messages("const p2 = lin(a, nosuch);")).toEqual(["0:18 Cannot find name 'nosuch'.", "0:18 Expected 1 arguments, but got 2."]);
  });
});

describe("Python's operator methods of the notebook's classes (micrograd's Value, src/pyoperator.ts)", () => {
  const convert = (src: string) => (conv as Converter).convert(prev, src);
  const messages = (src: string) => convert(src).diagnostics.map((d) => `${d.start.line}:${d.start.character} ${d.messageText}`);
  beforeAll(
    () =>
      run(
        [
          "class Val {",
          "  constructor(data, _children = []) { this.data = data; this._prev = _children; }",
          "  __add__(other) { other = isinstance(other, Val) ? other : Val(other); return Val(this.data + other.data, [this, other]); }",
          "  __mul__(other) { other = isinstance(other, Val) ? other : Val(other); return Val(this.data * other.data, [this, other]); }",
          "  __radd__(other) { return this + other; }",
          "  __rmul__(other) { return this * other; }",
          "  __neg__() { return this * -1; }",
          "  __sub__(other) { return this + (-other); }",
          "  __lt__(other) { return this.data < (isinstance(other, Val) ? other.data : other); }",
          "}",
          "const u = Val(2); const v = Val(3); const anyv2: any = 1;",
        ].join("\n"),
      ),
    60000,
  );

  test("`a + b` is a.__add__(b), `2 * v` v.__rmul__(2), `-v` v.__neg__(), `c += 1` c = c.__add__(1), `u < 3` u.__lt__(3)", () => {
    expect(rw("u + v")).toBe("u.__add__(v)");
    expect(rw("2 * v")).toBe("v.__rmul__(2)");
    expect(rw("-v")).toBe("v.__neg__()");
    expect(rw("u * v + 1")).toBe("u.__mul__(v).__add__(1)");
    expect(rw("let c = u;\nc += 1;")).toBe("let c = u;\nc = c.__add__(1);");
    expect(rw("u < 3;\nu;")).toBe("u.__lt__(3);\nu;");
    // An untyped operand may hold such an object, whose own method comes first: decided at run time.
    expect(rw("anyv2 + v")).toBe(`${DYNAMIC_REF}.op("add", anyv2, v)`);
    // A class without the method is still TypeScript's error.
    expect(messages("u / v")).toEqual(["0:0 The left-hand side of an arithmetic operation must be of type 'any', 'number', 'bigint' or an enum type.", "0:4 The right-hand side of an arithmetic operation must be of type 'any', 'number', 'bigint' or an enum type."]);
  });

  test("the result is typed by the method, so operators chain and a wrong type is TypeScript's error", () => {
    expect(convert("const w1: Val = 1 + -u * v + (u - 2);").diagnostics).toEqual([]);
    expect(messages("const w2: string = u + v;")).toEqual(["0:6 Type 'Val' is not assignable to type 'string'."]);
  });
});

describe("The Annotated Transformer's Python, ported as written (kernel/none_default.ts, del_name.ts, call_dunder.ts, live_globals.ts)", () => {
  test("an untyped parameter defaulting to `None` is untyped, so `mask == 0` is the tensor's comparison", () => {
    const cell = "function attention2(scores: torch.Tensor, mask=None) {\n  if (mask !== None) scores = scores.masked_fill(mask == 0, -1e9);\n  return scores;\n}";
    // The kernel compiles the cell as prepareCellSource gives it (kernel/converter_worker.ts's "source").
    expect(prepareCellSource(cell, null, false)).toContain("mask=null");
    expect((conv as Converter).convert(prev, prepareCellSource(cell, null, false)).diagnostics).toEqual([]);
    expect(markNoneDefaults("function f(a, b=None, c: null = None) { let d = None; const e: any = None; return [None, b]; }")).toBe(
      "function f(a, b=null, c: null = None) { let d = null; const e: any = None; return [None, b]; }",
    );
  });

  test("`del query` of a name unbinds it (`query=void 0`, the same width); `delete net.fc` is left to the dialect", () => {
    expect(markDelNames("function g(query, net) {\n  delete query; delete (net.fc);\n  return query;\n}")).toBe("function g(query, net) {\n  query=void 0; delete (net.fc);\n  return query;\n}");
    const cell = "function g2(query) {\n  const x = query * 2;\n  delete query;\n  return x;\n}";
    expect((conv as Converter).convert(prev, cell).diagnostics.map((d) => d.messageText)).toContain("'delete' cannot be called on an identifier in strict mode.");
    expect((conv as Converter).convert(prev, prepareCellSource(cell, null, false)).diagnostics).toEqual([]);
    // At the cell's top level the name is a global: marked for live_globals.unbind (Python's NameError afterwards).
    expect(markDelNames("let q = 1;\ndelete q;\nfunction h(r) { delete r; }")).toBe("let q = 1;\nvoid   q;\nfunction h(r) { r=void 0; }");
    const globals: Record<string, unknown> = { q: 1, keep: 2 };
    liveUnbind(globals, "q");
    expect(() => globals.q).toThrow("name 'q' is not defined");
    expect(() => liveLookup(globals, "q")).toThrow("name 'q' is not defined");
    expect(() => liveUnbind(globals, "q")).toThrow("name 'q' is not defined");
    expect(Object.keys(globals)).toEqual(["keep"]);
    globals.q = 3;
    expect([globals.q, Object.keys(globals)]).toEqual([3, ["keep", "q"]]);
  });

  test("Python's `del a, b` (`delete a, b`, JavaScript's comma) marks its first name, the same width, at every level", () => {
    expect(markDelNames("let a1 = 1, b1 = 2;\ndelete a1, b1;\nfunction h(x, y, z) { delete x, y,z; delete x; }")).toBe(
      "let a1 = 1, b1 = 2;\nvoid   a1, b1;\nfunction h(x, y, z) { void   x, y,z; x=void 0; }",
    );
    // A list whose items are not all names is left as JavaScript's comma.
    expect(markDelNames("function h(x) { delete x, f(); }")).toBe("function h(x) { x=void 0, f(); }");
  });

  test("a kernel runs `del a, b`, a list's and a string's slices reached untyped and a dict method on an untyped call's result as Python does", async () => {
    // test/reference/gen_dialect_del_slice.py: the same cells in Python.
    const want = (JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "dialect_del_slice.json"), "utf8")) as { cells: string[] }).cells;
    const cells = [
      "let a = 1;\nlet b = 2;\nlet c = 3;",
      "delete a, b",
      "print(c);\ntry {\n  print(a);\n} catch (e) {\n  print(e.message);\n}\ntry {\n  print(b);\n} catch (e) {\n  print(e.message);\n}",
      [
        "function head(xs, n) {",
        "  return xs[`:${n}`];",
        "}",
        'print(head([1, 2, 3, 4], 2), head("hello", 3));',
        "let ys;",
        "ys = [1, 2, 3, 4, 5];",
        'print(ys[":3"], ys["1:"], ys["::-1"], ys["-2:"], ys["1:-1:2"], ys["10:"], ys[":-10"], ys["3:1:-1"]);',
        "function rev(s) {",
        '  return s["::-1"];',
        "}",
        'print(rev("hello"), rev([1, 2]));',
        "const zs = [1, 2, 3];",
        'print(zs[":2"], "abc"["1:"]);',
      ].join("\n"),
      [
        "function item(l, k) {",
        "  return l[k];",
        "}",
        'for (const seq of [[1, 2], "ab"]) {',
        "  try {",
        '    item(seq, "a");',
        "  } catch (e) {",
        "    print(e.name, e.message);",
        "  }",
        "}",
        "try {",
        '  item([1, 2], "::0");',
        "} catch (e) {",
        "  print(e.name, e.message);",
        "}",
      ].join("\n"),
      [
        "class Run {",
        "  constructor(lr, epochs) {",
        "    this.lr = lr;",
        "    this.epochs = epochs;",
        "  }",
        "  _asdict() {",
        '    return {"lr": this.lr, "epochs": this.epochs};',
        "  }",
        "}",
        "function show(run) {",
        "  return run._asdict().items();",
        "}",
        "print(show(Run(0.1, 3)));",
        "function ks(cfg) {",
        "  return cfg().keys();",
        "}",
        'print(ks(() => ({"lr": 0.1})));',
        "let run2;",
        "run2 = Run(0.5, 1);",
        "for (const [k, v] of run2._asdict().items()) print(k, v);",
      ].join("\n"),
      // Inside a function each name of the list is left undefined (kernel/del_name.ts).
      "function f(x, y) {\n  const z = x + y;\n  delete x, y;\n  return [x, y, z];\n}\nprint(f(1, 2));",
      // A later error of the cell is where the user wrote it.
      { code: "let q2 = 1, r2 = 2;\ndelete q2, r2; const s2 = undefined_name + 1;", tags: ["raises-exception"] },
    ];
    const dir = tempDir("torchlab-delslice-");
    fs.writeFileSync(path.join(dir, "delslice.ipynb"), JSON.stringify(notebook(cells)));
    await runCli(["run", path.join(dir, "delslice.ipynb"), "--out", dir]);
    type Output = { text?: string[]; data?: { "text/plain"?: string[] }; ename?: string; evalue?: string };
    const nb = JSON.parse(fs.readFileSync(path.join(dir, "delslice.ipynb"), "utf8")) as { cells: { outputs: Output[] }[] };
    const shown = nb.cells.map((c) => c.outputs.map((o) => (o.text ?? o.data?.["text/plain"] ?? [`ERROR ${o.ename}: ${o.evalue}`]).join("")).join(""));
    expect(shown.slice(0, want.length)).toEqual(want);
    expect(shown[want.length]).toBe("[None, None, 3]\n");
    const column = "delete q2, r2; const s2 = ".length + 1;
    expect(shown[want.length + 1]).toBe(`ERROR CompileError: cell:2:${column} - Cannot find name 'undefined_name'.`);
  }, 120000);

  test("str and list methods on untyped values are Python's where JavaScript's of that name means otherwise (split, replace, sort, pop, %)", async () => {
    // test/reference/gen_dialect_untyped_methods.py: the same cells in Python.
    const want = (JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "dialect_untyped_methods.json"), "utf8")) as { cells: string[] }).cells;
    const cells = [
      [
        "function words(line) {",
        "  return line.split();",
        "}",
        'print(words("a b  c"), words(" x\\ty "));',
        "function fields(line, n) {",
        '  return line.split(",", n);',
        "}",
        'print(fields("a,b,c", 1), fields("a,b,c", -1));',
        "function clean(s) {",
        '  return s.replace("-", " ");',
        "}",
        'print(clean("a-b-c"));',
        "function order(xs) {",
        "  xs.sort();",
        "  return xs;",
        "}",
        'print(order([10, 9, 1, 100]), order([0.5, 10, 2]), order(["b", "a"]));',
        "function first(queue) {",
        "  const head = queue.pop(0);",
        "  print(head, queue, queue.pop());",
        "}",
        "first([1, 2, 3]);",
      ].join("\n"),
      [
        "let lines;",
        'lines = ["b a", "d,c,e"];',
        'for (const line of lines) print(line.split(), line.split(",", 1));',
        "const cfg = JSON.parse('{\"sizes\": [64, 128, 32], \"name\": \"a-b-c\"}');",
        "cfg.sizes.sort();",
        'print(cfg["sizes"], cfg["name"].replace("-", "_"), cfg.sizes.pop(0), cfg.sizes);',
      ].join("\n"),
      [
        "class Vocab {",
        "  constructor(text, counts) {",
        "    this.words = text.split();",
        "    this.counts = counts;",
        "  }",
        "  top() {",
        "    this.counts.sort();",
        "    return this.counts.pop(-1);",
        "  }",
        "}",
        'const v = Vocab("the cat  sat", [3, 10, 2]);',
        "print(v.words, v.top(), v.counts);",
      ].join("\n"),
      [
        "function parts(s, xs) {",
        '  print(s.split(maxsplit=1), s.split(".", maxsplit=1));',
        "  xs.sort(key=len, reverse=True);",
        "  print(xs);",
        "}",
        'parts("a.b c.d", ["bb", "a", "ccc"]);',
      ].join("\n"),
      // JavaScript's own forms, meant as JavaScript: a RegExp separator or pattern, a comparison function.
      [
        "function js_forms(q, r) {",
        '  print(q.split(/\\d/), q.replace(/\\d/g, "#"), q.replace(/1/, "one"));',
        "  r.sort((a, b) => b - a);",
        "  print(r);",
        "}",
        'js_forms("a1b2", [1, 10, 2]);',
      ].join("\n"),
      [
        "function wrap(i, n) {",
        "  return i % n;",
        "}",
        "print(wrap(-1, 5), wrap(-7.5, 2), wrap(7, -3), wrap(6, 3));",
        "function fmt(f, x) {",
        "  return f % x;",
        "}",
        'print(fmt("%d items", 3), fmt("%.2f", 0.5));',
        "try {",
        "  wrap(1, 0);",
        "} catch (e) {",
        "  print(e.name, e.message);",
        "}",
        'const m: any = new Map([["a", 1]]);',
        'print(m.get("z", 0), m.get("a"));',
      ].join("\n"),
    ];
    const dir = tempDir("torchlab-untyped-methods-");
    fs.writeFileSync(path.join(dir, "untyped.ipynb"), JSON.stringify(notebook(cells)));
    await runCli(["run", path.join(dir, "untyped.ipynb"), "--out", dir]);
    type Output = { text?: string[]; data?: { "text/plain"?: string[] }; ename?: string; evalue?: string };
    const nb = JSON.parse(fs.readFileSync(path.join(dir, "untyped.ipynb"), "utf8")) as { cells: { outputs: Output[] }[] };
    const shown = nb.cells.map((c) => c.outputs.map((o) => (o.text ?? o.data?.["text/plain"] ?? [`ERROR ${o.ename}: ${o.evalue}`]).join("")).join(""));
    expect(shown).toEqual(want);
  }, 120000);

  test("a parameter defaulting to a class takes any class, and its call constructs it (Zero to GANs' `opt_func=torch.optim.SGD`)", () => {
    const cell = "function fit9(lr, model, opt_func=torch.optim.SGD) {\n  return opt_func(model.parameters(), lr);\n}";
    expect(mayDefaultToClass(cell)).toBe(true);
    expect(mayDefaultToClass("function f(n=N, m=cfg.x) {}")).toBe(true);
    expect(mayDefaultToClass("function f(n=1, m=x.y, o: typeof torch.optim.SGD = torch.optim.SGD) {}")).toBe(false);
    expect(rw(cell)).toContain("opt_func: any=torch.optim.SGD");
    expect(rw(cell)).toContain(".callable(opt_func)(");
    // A capitalised default that is no class (a constant) keeps its type.
    expect(rw("const EPOCHS = 3;\nfunction f9(n=EPOCHS) { return n; }")).toBe("const EPOCHS = 3;\nfunction f9(n=EPOCHS) { return n; }");
    expect((conv as Converter).convert(prev, `${cell}\nconst o9 = fit9(0.1, new torch.nn.Linear(2, 2), torch.optim.Adam);`).diagnostics).toEqual([]);
    // A class held by a variable typed `any`, here or in an earlier cell, is called as Python calls it.
    expect(mayCallInstances("", "const hp: any = {cls: torch.nn.ReLU};\nhp.cls();")).toBe(true);
    expect(mayCallInstances("export declare const hp: any;\n", "hp.cls();")).toBe(true);
    expect(mayCallInstances("", "const hp = {cls: torch.nn.ReLU};\nhp.cls();")).toBe(false);
  });

  test("an untyped parameter that is called goes through live_globals.callable: an instance with `__call__` is called through it", () => {
    run("class LossCompute { __call__(x, y) { return [x, y]; } }");
    // run_epoch's cell comes before SimpleLossCompute's: no `__call__` is declared yet when it compiles.
    expect(mayCallInstances("", "function run_once(loss_compute, x) {\n  return loss_compute(x, 1);\n}")).toBe(true);
    expect(mayCallInstances("", "function typed(f: (x: number) => number) { return f(1); }\nfunction shadow(x) { return g(x); }")).toBe(false);
    const cell = "function run_once(loss_compute, x) {\n  return loss_compute(x, 1);\n}";
    expect(rw(cell)).toContain(".callable(loss_compute)(x, 1)");
    expect((conv as Converter).convert(prev, cell).diagnostics).toEqual([]);
    const instance = { __call__: (a: number, b: number) => a + b };
    expect(liveCallable(instance)(1, 2)).toBe(3);
    const f = (a: number) => a;
    expect(liveCallable(f)).toBe(f);
    expect(liveCallable(null)).toBe(null);
  });

  test("a variable declared `any` that is called goes through live_globals.callable (fast.ai's `let model: any = Model(w1, b1, w2, b2)` then `model(x, y)`)", () => {
    run("class TwoArgs { __call__(x, y) { return [x, y]; } }\nlet held: any = TwoArgs();\nlet later;");
    expect(mayCallInstances("export declare let held: any;\n", "held(1, 2);")).toBe(true);
    expect(mayCallInstances("", "let h2: any = 1;\nh2(1);")).toBe(true);
    expect(mayCallInstances("", "const typed2 = (a: number) => a;\ntyped2(1);")).toBe(false);
    expect(rw("held(1, 2)")).toContain(".callable(held)(1, 2)");
    // `let later;` (no type, no initializer) is `any` too; a typed variable is left as it is.
    expect(rw("later = TwoArgs();\nlater(3, 4)")).toContain(".callable(later)(3, 4)");
    expect(rw("const f3 = (a: number) => a;\nf3(1)")).toBe("const f3 = (a: number) => a;\nf3(1)");
  });

  test("a class that a later cell declares, called the Python way inside a function, is constructed", () => {
    class Later {
      constructor(readonly size: number) {}
    }
    const made = liveCallee({ Later }, "Later")(3) as Later;
    expect(made).toBeInstanceOf(Later);
    expect(made.size).toBe(3);
    // A class given as an untyped parameter and called is constructed too.
    expect((liveCallable(Later)(4) as Later).size).toBe(4);
    const fn = (n: number) => n + 1;
    expect(liveCallee({ fn }, "fn")).toBe(fn);
    expect(() => liveCallee({}, "Missing")).toThrow("name 'Missing' is not defined");
    const cell = "function enc(n) { return [LayerNormLater(n), LayerNormLater]; }";
    const at = (k: number) => { const i = cell.indexOf("LayerNormLater", k); return [i, i + "LayerNormLater".length] as const; };
    const late = lateBoundNames(cell, [at(0), at(at(0)[1])])?.code;
    expect(late).toContain('.callee(exports, "LayerNormLater"))(n)');
    expect(late).toContain('.lookup(exports, "LayerNormLater"))]');
  });

  test("an untyped attribute is called as Python calls its value: a method with its receiver, a class constructed, a `__call__` instance through it", () => {
    const cell = "class Holder {\n  constructor(transform=None) { this.transform = transform; }\n  apply(sample) { return this.transform(sample); }\n}\nfunction build(cfg) { return cfg.model_cls(3); }";
    expect(mayCallInstances("", cell)).toBe(true);
    const out = rw(prepareCellSource(cell, null, false));
    expect(out).toContain('.attribute(this, this.transform, "transform")(sample)');
    expect(out).toContain('.attribute(cfg, cfg.model_cls, "model_cls")(3)');
    expect((conv as Converter).convert(prev, prepareCellSource(cell, null, false)).diagnostics).toEqual([]);
    // An error inside a rewritten call is placed in the text as written.
    expect(rw("function g3(o) {\n  return o.f(1 as string);\n}")).toContain('.attribute(o, o.f, "f")(1 as string);');
    expect((conv as Converter).convert(prev, "function g3(o) {\n  return o.f(1 as string);\n}").diagnostics.map((d) => `${d.start.line}:${d.start.character}`)).toEqual(["1:13"]);
    // Calls TypeScript types stay plain calls: a tensor's method, a typed module field, a typed parameter's method.
    const typed = "class Typed extends torch.nn.Module {\n  fc = new torch.nn.Linear(3, 3);\n  forward(x: torch.Tensor) { return this.fc(x).view(-1).sum(); }\n}\nfunction total(t: torch.Tensor) { return t.view(-1).sum(); }\npd.__len__(); a.view(3);";
    expect(rw(typed)).toBe(typed);
    // A receiver that is not a chain of names is evaluated once: attributeOf reads the attribute from its value.
    expect(rw("function first(xs) { return xs.get(0).f(1); }")).toContain('.attributeOf((require("torchlab/dist/kernel/live_globals") as typeof import("torchlab/dist/kernel/live_globals")).attribute(xs, xs.get, "get")(0), (o: any) => o.f, "f")(1); }');
    // `s.lower()` of a typed string is `any` only as the checker's error: Python's str methods, typed (CS224n's `sent.lower().split()`).
    expect(rw('function words(sent: string, cfg) { cfg(); return sent.lower().split(); }')).toContain(`${DYNAMIC_REF}.str_split(${DYNAMIC_REF}.str_lower(sent))`);
    let evaluated = 0;
    const once = () => (evaluated++, { f: (k: number) => k + 1 });
    expect([liveAttributeOf(once(), (o) => o.f, "f")(1), evaluated]).toEqual([2, 1]);
    expect(liveAttributeOf({ a: 1 }, (o) => o.items, "items")()).toEqual([["a", 1]]);
    expect(() => liveAttributeOf({ a: 1 }, (o) => o.itmes, "itmes")).toThrow("'dict' object has no attribute 'itmes'");
    expect(() => liveAttributeOf(null, (o) => o.items, "items")).toThrow("'NoneType' object has no attribute 'items'");
    // A Python list method on a typed array in the same cell as an untyped call (刘二大人 lecture 07's
    // model class and its `loss_list.append(...)`) is the list method, not an attribute read (which did
    // not compile: "Property 'append' does not exist on type 'any[]'").
    const listed = rw("class Lst extends torch.nn.Module {\n  lin = torch.nn.Linear(1, 1);\n  forward(x) { return this.lin(x); }\n}\nconst seen = [];\nseen.append(1);");
    expect(listed).toContain(`${DYNAMIC_REF}.list_append(seen, 1);`);
    expect(listed).not.toContain("attribute(seen");
    class Counter {
      constructor(readonly n: number) {}
      plus(k: number) { return this.n + k; }
    }
    const c = new Counter(2);
    expect(liveAttribute(c, c.plus)(3)).toBe(5);
    expect((liveAttribute(null, Counter)(7) as Counter).n).toBe(7);
    const mul = { factor: 4, __call__(x: number) { return x * this.factor; } };
    expect(liveAttribute({}, mul)(2)).toBe(8);
    // With keywords the call is keyword_call's `method`, which does the same.
    class Scaled {
      constructor(readonly n: number, readonly k = 1) {}
    }
    expect((keywordMethod({ act_fn: Scaled }, "act_fn", [2], { k: 3 }) as Scaled).k).toBe(3);
    expect(keywordMethod({ transform: { __call__: (x: number, k = 1) => x * k } }, "transform", [2], { k: 5 })).toBe(10);
  });

  test("a kernel runs Loeber's WineDataset with a `__call__` transform and a Compose, an optimizer class passed in and `self.act_fn` holding nn.ReLU, printing PyTorch's text", async () => {
    // Patrick Loeber's PyTorch tutorial 10 (dataset transforms), the wine rows inline; ToTensor makes
    // float32 targets as the tutorial's np.loadtxt(dtype=np.float32) rows are.
    const cells = [
      [
        "class WineDataset extends torch.utils.data.Dataset {",
        "  constructor(transform=None) {",
        "    super();",
        "    const xy = [[1.0, 13.2, 1.78], [2.0, 12.4, 2.5], [3.0, 14.1, 0.75]];",
        "    this.x_data = xy.map((r) => r.slice(1));",
        "    this.y_data = xy.map((r) => [r[0]]);",
        "    this.n_samples = xy.length;",
        "    this.transform = transform;",
        "  }",
        "  __getitem__(index) {",
        "    let sample = [this.x_data[index], this.y_data[index]];",
        "    if (this.transform) sample = this.transform(sample);",
        "    return sample;",
        "  }",
        "  __len__() { return this.n_samples; }",
        "}",
        "class ToTensor {",
        "  __call__(sample) {",
        "    const [inputs, targets] = sample;",
        "    return [torch.tensor(inputs), torch.tensor(targets, dtype=torch.float32)];",
        "  }",
        "}",
        "class MulTransform {",
        "  constructor(factor) { this.factor = factor; }",
        "  __call__(sample) {",
        "    let [inputs, targets] = sample;",
        "    inputs *= this.factor;",
        "    return [inputs, targets];",
        "  }",
        "}",
      ].join("\n"),
      [
        "let dataset = WineDataset(transform=ToTensor());",
        "let [features, labels] = dataset[0];",
        "print(features, labels);",
        "const composed = torchvision.transforms.Compose([ToTensor(), MulTransform(4)]);",
        "dataset = WineDataset(transform=composed);",
        "[features, labels] = dataset[1];",
        "print(features, labels);",
        "print(WineDataset()[2][0]);",
      ].join("\n"),
      // Zero to GANs' fit(..., opt_func) given torch.optim.Adam; UvA's act_fn given as a class and kept
      // as an attribute; a model class read from a config's attribute.
      [
        "function fit(model, lr, opt_func) {",
        "  return opt_func(model.parameters(), lr);",
        "}",
        "class Net extends nn.Module {",
        "  constructor(act_fn) { super(); this.act_fn = act_fn; this.layer = nn.Linear(2, 2); }",
        "  forward(x) { return this.act_fn()(this.layer(x)); }",
        "}",
        "function build(cfg) { return cfg.model_cls(cfg.act); }",
        "torch.manual_seed(0);",
        "const net = build({model_cls: Net, act: nn.ReLU});",
        "const opt = fit(net, 0.1, torch.optim.Adam);",
        "print(opt.constructor.name, opt.param_groups[0]['lr']);",
        "print(net(torch.tensor([[-1.0, 2.0]])), net.act_fn(), net.layer.weight.view(4));",
        "function norm(t) { return t.view(-1).abs().sum(); }",
        "print(norm(torch.ones(2, 2)));",
      ].join("\n"),
    ];
    const dir = tempDir("torchlab-callattr-");
    fs.writeFileSync(path.join(dir, "callattr.ipynb"), JSON.stringify(notebook(cells)));
    const result = await runCli(["run", path.join(dir, "callattr.ipynb"), "--out", dir]);
    expect(result.stderr).not.toMatch(/failed/);
    const nb = JSON.parse(fs.readFileSync(path.join(dir, "callattr.ipynb"), "utf8")) as { cells: { outputs: { text?: string[] }[] }[] };
    const printed = nb.cells.map((c) => c.outputs.map((o) => (o.text ?? []).join("")).join(""));
    expect(printed).toEqual([
      "",
      [
        // features, labels = dataset[0]; print(features, labels)  (transform=ToTensor())
        "tensor([13.2000,  1.7800]) tensor([1.])",
        // composed = torchvision.transforms.Compose([ToTensor(), MulTransform(4)]); features, labels = dataset[1]
        "tensor([49.6000, 10.0000]) tensor([2.])",
        // print(WineDataset()[2][0]): no transform
        "[14.1, 0.75]",
        "",
      ].join("\n"),
      [
        // opt = fit(net, 0.1, torch.optim.Adam); print(type(opt).__name__, opt.param_groups[0]['lr'])
        "Adam 0.1",
        // torch.manual_seed(0); net = build(SimpleNamespace(model_cls=Net, act=nn.ReLU)); print(net(torch.tensor([[-1.0, 2.0]])), net.act_fn(), net.layer.weight.view(4))
        "tensor([[0.4916, 0.0000]], grad_fn=<ReluBackward0>) ReLU() tensor([-0.0053,  0.3793, -0.5820, -0.5204], grad_fn=<ViewBackward0>)",
        // print(norm(torch.ones(2, 2)))
        "tensor(4.)",
        "",
      ].join("\n"),
    ]);
  }, 60000);
});

describe("Python ports that TypeScript's scoping and narrowing refused (Deep Learning Wizard's last port, kernel/rewrite.ts, block_names.ts)", () => {
  const compiles = (cell: string) => (conv as Converter).convert(prev, prepareCellSource(cell, null, false)).diagnostics.map((d) => d.messageText);
  beforeAll(() => run('import { print, enumerate, range } from "torchlab/dist/src/builtins";'));
  test("an LSTM's output that forward reads back after the class's own fields (LSTMModel: `out = this.fc(out[:, -1, :])`) is a tensor", () => {
    const cell = [
      "class LSTMModel extends torch.nn.Module {",
      "  constructor(input_dim, hidden_dim, layer_dim, output_dim) {",
      "    super()",
      "    this.hidden_dim = hidden_dim",
      "    this.layer_dim = layer_dim",
      "    this.lstm = torch.nn.LSTM(input_dim, hidden_dim, layer_dim, batch_first=true)",
      "    this.fc = torch.nn.Linear(hidden_dim, output_dim)",
      "  }",
      "  forward(x) {",
      "    const h0 = torch.zeros(this.layer_dim, x.size(0), this.hidden_dim).requires_grad_()",
      "    const c0 = torch.zeros(this.layer_dim, x.size(0), this.hidden_dim).requires_grad_()",
      "    let [out, [hn, cn]] = this.lstm(x, (h0.detach(), c0.detach()))",
      "    out = this.fc(out[:, -1, :])",
      "    return out",
      "  }",
      "}",
    ].join("\n");
    expect(compiles(cell)).toEqual([]);
    expect(conv.rewrite(prev, prepareCellSource(cell, null, false)).code).toContain("out.index([");
  });
  test("a name compared with a literal it cannot hold as narrowed (`save_model = False` then `if save_model == True:`) is compared as Python compares", () => {
    expect(compiles("const save_model = false\nif (save_model === true) { print('saved') }\nconst n_epochs = 3\nprint(n_epochs == 4, save_model != true)")).toEqual([]);
    expect(rw("const sm = false; sm === true; sm == false")).toBe("const sm = false; (sm as boolean) === true; sm == false");
    // A comparison TypeScript finds unintentional for other types stays its error.
    expect(compiles("const k = 'a'; k === 3")).toEqual([expect.stringContaining("no overlap")]);
  });
  test("a loop's names outlive the loop in the cell and in a function (`for _, (x, y) in ...` then `_`), as Python's", () => {
    expect(compiles("for (const [_, [u, v]] of enumerate([[1, 2], [3, 4]])) { print(u, v) }\nprint(_, u)")).toEqual([]);
    expect(compiles("for (const i of range(2)) {\n  let [_, pred] = torch.max(a.view(1, 3), 1)\n}\nprint(_)")).toEqual([]);
    expect(compiles("function last() { for (const i of range(3)) { const k = i * 2 } return k }")).toEqual([]);
    // A name no block declared is still not found.
    expect(compiles("for (const i of range(2)) { }\nprint(nowhere)")).toEqual(["Cannot find name 'nowhere'."]);
  });
});

describe("A module typed as nn.Module itself takes any attribute (dataflowr's 02b_linear_reg, kernel/rewrite.ts moduleAttributes)", () => {
  test("`for m in model.children(): m.weight.data = ...` reaches the child's weight; a misspelt layer of a known class stays an error", () => {
    run("const seq02b = new torch.nn.Sequential(new torch.nn.Linear(2, 1));");
    expect(() => run("for (const m of seq02b.children()) {\n  m.weight.data = torch.ones(1, 2)\n  m.bias.data = torch.zeros(1)\n}")).not.toThrow();
    expect(() => run("const lin02b = new torch.nn.Linear(2, 1); lin02b.weigth")).toThrow("Property 'weigth' does not exist");
  });
});

describe("Python's tuple assignment on its own line (`a, b = f()` ported `[a, b] = f()`), after a line without `;` (kernel/rewrite.ts prepareCellSource)", () => {
  test("is a statement of its own, not an index of the line before; a line that continues an expression is left alone", () => {
    const cell = "function pair02() { return [1, 2] }\nlet p02 = 0\nlet q02 = 0\n[p02, q02] = pair02()\n[q02, p02] = [p02, q02]";
    expect(prepareCellSource(cell, null, false)).toContain("\n;[p02, q02] = pair02()\n;[q02, p02] = [p02, q02]");
    expect((conv as Converter).convert(prev, prepareCellSource(cell, null, false)).diagnostics).toEqual([]);
    expect(prepareCellSource("const m02 = [1,\n[2] == 3]", null, false)).toBe("const m02 = [1,\n[2] == 3]");
    expect(prepareCellSource("if (p02 > 0)\n  [p02, q02] = pair02()", null, false)).toBe("if (p02 > 0)\n  [p02, q02] = pair02()");
  });
});
