/**
 * torch.einsum on existing differentiable ops (diagonal, sum, permute, expand, matmul), so autograd
 * is theirs. Supports PyTorch's equation forms: implicit output ("ij,jk": the labels seen once, in
 * alphabetical order, upper case first, after the ellipsis dims), explicit output ("ij,jk->ik"),
 * '...' broadcast across operands, repeated labels in one operand (diagonals: "ii->i", traces:
 * "ii"), and size-1 dims broadcast against the same label elsewhere. Operands contract left to
 * right, each pair as one batched matmul.
 */
import { fmtShape } from "./_core";
import { Tensor } from "../tensor/tensor";
import { RuntimeError, TypeError, ValueError } from "../errors";
import * as M from "./movement";
import * as L from "./linalg";
import * as R from "./reduce";

/** Ellipsis dims get labels after the 52 letters: ELL + k for the k-th from the left of the broadcast ellipsis. */
const ELL = 100;

function letterCode(ch: string, eq: string): number {
  const c = ch.charCodeAt(0);
  if (c >= 65 && c <= 90) return c - 65;
  if (c >= 97 && c <= 122) return c - 97 + 26;
  throw new ValueError(`einsum(): invalid subscript given at index ${eq.indexOf(ch)} in the equation string, subscripts must be in [a-zA-Z] (equation '${eq}')`);
}

interface Term {
  labels: number[];
  ellipsis: number;
}

function parseTerm(term: string, eq: string): Term {
  const labels: number[] = [];
  let ellipsis = -1;
  for (let i = 0; i < term.length; i++) {
    const ch = term[i];
    if (ch === " ") continue;
    if (ch === ".") {
      if (term.slice(i, i + 3) !== "..." || ellipsis >= 0) throw new ValueError(`einsum(): found '.' for operand that is not part of any ellipsis, or more than one ellipsis (equation '${eq}')`);
      ellipsis = labels.length;
      i += 2;
      continue;
    }
    labels.push(letterCode(ch, eq));
  }
  return { labels, ellipsis };
}

interface Operand {
  t: Tensor;
  labels: number[];
}

/** Sums `labels` out of `op` (all of them at once). */
function sumOut(op: Operand, drop: number[]): Operand {
  const dims = op.labels.map((l, i) => (drop.includes(l) ? i : -1)).filter((i) => i >= 0);
  if (dims.length === 0) return op;
  return { t: R.sum(op.t, dims), labels: op.labels.filter((l) => !drop.includes(l)) };
}

/** Permutes `op` so its labels come in `order` (which lists exactly its labels). */
function arrange(op: Operand, order: number[]): Tensor {
  const perm = order.map((l) => op.labels.indexOf(l));
  return perm.every((p, i) => p === i) ? op.t : M.permute(op.t, perm);
}

/** a x b contracting `contract`, keeping `keep` labels of both (batch: in both and kept). */
function pair(a: Operand, b: Operand, keep: Set<number>, size: Map<number, number>): Operand {
  const inA = new Set(a.labels);
  const inB = new Set(b.labels);
  const batch = a.labels.filter((l) => inB.has(l) && keep.has(l));
  const contract = a.labels.filter((l) => inB.has(l) && !keep.has(l));
  const left = a.labels.filter((l) => !inB.has(l));
  const right = b.labels.filter((l) => !inA.has(l));
  // Size-1 dims of a shared label broadcast against the other operand's size.
  const widen = (o: Operand): Operand => {
    const target = o.labels.map((l, i) => ((batch.includes(l) || contract.includes(l)) ? size.get(l)! : o.t.shape[i]));
    return target.every((s, i) => s === o.t.shape[i]) ? o : { t: M.expand(o.t, target), labels: o.labels };
  };
  const wa = widen(a);
  const wb = widen(b);
  const sz = (ls: number[]): number[] => ls.map((l) => size.get(l)!);
  const nl = sz(left).reduce((x, y) => x * y, 1);
  const nr = sz(right).reduce((x, y) => x * y, 1);
  const nk = sz(contract).reduce((x, y) => x * y, 1);
  const A = M.reshape(arrange(wa, [...batch, ...left, ...contract]), [...sz(batch), nl, nk], "ReshapeAliasBackward0");
  const B = M.reshape(arrange(wb, [...batch, ...contract, ...right]), [...sz(batch), nk, nr], "ReshapeAliasBackward0");
  const prod = L.matmul(A, B);
  return { t: M.reshape(prod, [...sz(batch), ...sz(left), ...sz(right)], "ReshapeAliasBackward0"), labels: [...batch, ...left, ...right] };
}

export function einsum(equation: string, operands: Tensor[]): Tensor {
  if (typeof equation !== "string") throw new TypeError(`einsum(): argument 'equation' must be str, not ${typeof equation}`);
  const eq = equation;
  const arrow = eq.indexOf("->");
  const lhs = arrow >= 0 ? eq.slice(0, arrow) : eq;
  const terms = lhs.split(",").map((t) => parseTerm(t, eq));
  if (terms.length !== operands.length) {
    const which = terms.length > operands.length ? "fewer operands were provided than" : "more operands were provided than";
    throw new ValueError(`einsum(): ${which} specified in the equation (equation '${eq}' has ${terms.length} operands, got ${operands.length})`);
  }
  if (operands.length === 0) throw new ValueError("einsum(): must provide at least one operand");
  operands.forEach((t, i) => {
    if (!(t instanceof Tensor)) throw new TypeError(`einsum(): expected a list of Tensors, but operand ${i} is not a Tensor`);
  });
  // Expand each operand's ellipsis into labels, right-aligned across operands.
  let ellDims = 0;
  const ops: Operand[] = terms.map((term, i) => {
    const t = operands[i];
    const nd = t.dim();
    if (term.ellipsis < 0) {
      if (term.labels.length !== nd) {
        throw new RuntimeError(`einsum(): the number of subscripts in the equation (${term.labels.length}) does not match the number of dimensions (${nd}) for operand ${i} and no ellipsis was given (shape ${fmtShape(t.shape)})`);
      }
      return { t, labels: term.labels.slice() };
    }
    const k = nd - term.labels.length;
    if (k < 0) {
      throw new RuntimeError(`einsum(): the number of subscripts in the equation (${term.labels.length}) is more than the number of dimensions (${nd}) for operand ${i} (shape ${fmtShape(t.shape)})`);
    }
    ellDims = Math.max(ellDims, k);
    return { t, labels: [...term.labels.slice(0, term.ellipsis), ...Array.from({ length: k }, (_, j) => -(k - j)), ...term.labels.slice(term.ellipsis)] };
  });
  // -(k - j) counts from the right; map to ELL + position from the left of the broadcast ellipsis.
  ops.forEach((o) => (o.labels = o.labels.map((l) => (l < 0 ? ELL + ellDims + l : l))));
  const ellLabels = Array.from({ length: ellDims }, (_, j) => ELL + j);

  // Repeated labels inside one operand: take diagonals until each label appears once.
  for (const o of ops) {
    for (;;) {
      const dup = o.labels.findIndex((l, i) => o.labels.indexOf(l) !== i);
      if (dup < 0) break;
      const first = o.labels.indexOf(o.labels[dup]);
      if (o.t.shape[first] !== o.t.shape[dup]) {
        throw new RuntimeError(`einsum(): subscript ${labelName(o.labels[dup])} is repeated for operand ${ops.indexOf(o)} but the sizes don't match, ${o.t.shape[first]} != ${o.t.shape[dup]}`);
      }
      const l = o.labels[dup];
      o.t = M.diagonal(o.t, 0, first, dup);
      o.labels = [...o.labels.filter((_, i) => i !== first && i !== dup), l];
    }
  }

  // Sizes, with size-1 dims broadcasting.
  const size = new Map<number, number>();
  ops.forEach((o, i) =>
    o.labels.forEach((l, k) => {
      const s = o.t.shape[k];
      const cur = size.get(l);
      if (cur === undefined || cur === 1) size.set(l, s);
      else if (s !== 1 && s !== cur) {
        throw new RuntimeError(
          `einsum(): subscript ${labelName(l)} has size ${s} for operand ${i} which does not broadcast with previously seen size ${cur} (operand ${i} has shape ${fmtShape(o.t.shape)})`,
        );
      }
    }),
  );

  let out: number[];
  if (arrow >= 0) {
    const rhs = parseTerm(eq.slice(arrow + 2), eq);
    const seen = new Set<number>();
    rhs.labels.forEach((l) => {
      if (seen.has(l)) throw new ValueError(`einsum(): output subscript ${labelName(l)} appears more than once in the output (equation '${eq}')`);
      if (!size.has(l)) throw new ValueError(`einsum(): output subscript ${labelName(l)} does not appear in the equation for any input operand (equation '${eq}')`);
      seen.add(l);
    });
    out = rhs.ellipsis < 0 ? rhs.labels : [...rhs.labels.slice(0, rhs.ellipsis), ...ellLabels, ...rhs.labels.slice(rhs.ellipsis)];
  } else {
    const counts = new Map<number, number>();
    terms.forEach((t) => t.labels.forEach((l) => counts.set(l, (counts.get(l) ?? 0) + 1)));
    out = [...ellLabels, ...[...counts.entries()].filter(([, c]) => c === 1).map(([l]) => l).sort((a, b) => a - b)];
  }

  // Labels used by no later operand and not in the output are summed out as early as possible.
  const laterUse = (from: number): Set<number> => new Set([...out, ...ops.slice(from).flatMap((o) => o.labels)]);
  let acc = sumOut(ops[0], ops[0].labels.filter((l) => !laterUse(1).has(l)));
  for (let i = 1; i < ops.length; i++) {
    const keepAfter = laterUse(i + 1);
    const b = sumOut(ops[i], ops[i].labels.filter((l) => !keepAfter.has(l) && !acc.labels.includes(l)));
    acc = pair(acc, b, keepAfter, size);
  }
  acc = sumOut(acc, acc.labels.filter((l) => !out.includes(l)));
  // A label of size 1 in this operand but larger in the output broadcast: expand at the end.
  const t = arrange(acc, out);
  const want = out.map((l) => size.get(l)!);
  if (want.some((s, i) => s !== t.shape[i])) return M.expand(t, want);
  return t === operands[0] ? t.alias() : t;
}

function labelName(l: number): string {
  if (l >= ELL) return "...";
  return String.fromCharCode(l < 26 ? 65 + l : 97 + l - 26);
}
