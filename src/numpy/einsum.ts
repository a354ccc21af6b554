/**
 * np.einsum(subscripts, *operands): Einstein summation as NumPy spells it, explicit (`'ij,jk->ik'`)
 * or implicit (`'ij,jk'`: the output is the letters that appear once, in alphabetical order), with
 * `...` for broadcast leading dimensions (`'...ij,...jk->...ik'`). Each output element is the sum,
 * over the letters that do not reach the output, of the operands' products, in float64 (or the
 * operands' promoted dtype).
 */
import { ValueError } from "../errors";
import * as D from "../tensor/dtype";
import { ndarray } from "../tensor/ndarray";
import * as N from "./core";

const LETTER = /^[a-zA-Z]$/;

/** One operand's letters, its `...` expanded to the broadcast dims' names (upper-case placeholders past 'Z'). */
function parseTerm(term: string, ndim: number, index: number): { letters: string[]; ell: number } {
  const dots = term.indexOf("...");
  if (term.indexOf("...", dots + 1) !== -1 && dots !== -1) throw new ValueError("einstein sum subscripts string contains too many '...' for operand " + index);
  const plain = term.replace("...", "");
  for (const c of plain) if (!LETTER.test(c)) throw new ValueError(`invalid subscript '${c}' in einstein sum subscripts string, subscripts must be letters`);
  if (dots === -1) {
    if (plain.length > ndim) throw new ValueError(`einstein sum subscripts string contains too many subscripts for operand ${index}`);
    if (plain.length < ndim) throw new ValueError(`operand has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions.`);
    return { letters: [...plain], ell: 0 };
  }
  const ell = ndim - plain.length;
  if (ell < 0) throw new ValueError(`einstein sum subscripts string contains too many subscripts for operand ${index}`);
  return { letters: [...term.slice(0, dots), ...Array.from({ length: ell }, (_, k) => `#${ell - k}`), ...term.slice(dots + 3)], ell };
}

/**
 * np.einsum(subscripts, ...operands): sums of products over the named axes.
 * @example np.einsum('ij,jk->ik', a, b)  // a @ b
 * @example np.einsum('ii->', a)          // the trace
 */
export function einsum<S extends string>(subscripts: S, ...operands: unknown[]): S extends `${string}->` ? number : ndarray;
export function einsum(subscripts: string, ...operands: unknown[]): ndarray | number | boolean {
  if (typeof subscripts !== "string") throw new ValueError("einsum(): the subscripts come first, as a string ('ij,jk->ik')");
  const spec = subscripts.replace(/\s+/g, "");
  const arrow = spec.indexOf("->");
  const lhs = arrow === -1 ? spec : spec.slice(0, arrow);
  const terms = lhs.split(",");
  if (terms.length !== operands.length) throw new ValueError(terms.length > operands.length ? "more operands provided to einstein sum function than specified in the subscripts string" : "fewer operands provided to einstein sum function than specified in the subscripts string");
  const arrays = operands.map((o) => N.asarray(o));
  const parsed = terms.map((t, i) => parseTerm(t, arrays[i].ndim, i));
  const ellMax = Math.max(0, ...parsed.map((p) => p.ell));
  // Each letter's size; a `...` dim of size 1 broadcasts.
  const size = new Map<string, number>();
  parsed.forEach((p, i) =>
    p.letters.forEach((l, k) => {
      const d = arrays[i].shape[k];
      const had = size.get(l);
      if (had === undefined || had === 1) size.set(l, d);
      else if (d !== had && !(l.startsWith("#") && d === 1)) {
        throw new ValueError(`operands could not be broadcast together with remapped shapes [original->remapped]: size ${d} of '${l.startsWith("#") ? "..." : l}' in operand ${i} does not match ${had}`);
      }
    }),
  );
  const ellNames = Array.from({ length: ellMax }, (_, k) => `#${ellMax - k}`);
  let out: string[];
  if (arrow === -1) {
    const counts = new Map<string, number>();
    for (const p of parsed) for (const l of p.letters) if (!l.startsWith("#")) counts.set(l, (counts.get(l) ?? 0) + 1);
    out = [...ellNames, ...[...counts].filter(([, c]) => c === 1).map(([l]) => l).sort()];
  } else {
    const rhs = spec.slice(arrow + 2);
    const dots = rhs.indexOf("...");
    const plain = rhs.replace("...", "");
    for (const c of plain) {
      if (!LETTER.test(c)) throw new ValueError(`invalid subscript '${c}' in einstein sum subscripts string, subscripts must be letters`);
      if (!size.has(c)) throw new ValueError(`einstein sum subscripts string included output subscript '${c}' which never appeared in an input`);
    }
    if (new Set(plain).size !== plain.length) throw new ValueError(`einstein sum subscripts string includes output subscript '${[...plain].find((c, i) => plain.indexOf(c) !== i)}' multiple times`);
    if (dots === -1 && ellMax > 0 && ellNames.some((n) => (size.get(n) ?? 1) !== 1)) {
      throw new ValueError("output has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions.");
    }
    out = dots === -1 ? [...plain] : [...rhs.slice(0, dots), ...ellNames, ...rhs.slice(dots + 3)];
  }
  const summed = [...size.keys()].filter((l) => !out.includes(l));
  const loop = [...out, ...summed];
  const dims = loop.map((l) => size.get(l) ?? 1);
  // Each operand's stride for each loop letter (0 for a letter it lacks or a broadcast dim of size 1).
  const strides = parsed.map((p, i) => {
    const shape = arrays[i].shape;
    const rowMajor = shape.map((_, k) => shape.slice(k + 1).reduce((a, b) => a * b, 1));
    return loop.map((l) => p.letters.reduce((s, name, k) => (name === l && shape[k] !== 1 ? s + rowMajor[k] : s), 0));
  });
  const data = arrays.map((a) => a.data);
  const dtype = arrays.reduce<D.dtype>((d, a) => N.promote(d, a._dtype === D.bool ? D.int64 : a._dtype), arrays[0]._dtype === D.bool ? D.int64 : arrays[0]._dtype);
  const nOut = out.reduce((n, l) => n * (size.get(l) ?? 1), 1);
  const nSum = summed.reduce((n, l) => n * size.get(l)!, 1);
  const values = new Float64Array(nOut);
  const idx = new Array<number>(loop.length).fill(0);
  for (let o = 0; o < nOut; o++) {
    let acc = 0;
    for (let s = 0; s < nSum; s++) {
      // The loop counter as the letters' positions (output letters from o, summed ones from s).
      let rest = o;
      for (let k = out.length - 1; k >= 0; k--) {
        idx[k] = rest % dims[k];
        rest = Math.floor(rest / dims[k]);
      }
      rest = s;
      for (let k = loop.length - 1; k >= out.length; k--) {
        idx[k] = rest % dims[k];
        rest = Math.floor(rest / dims[k]);
      }
      let prod = 1;
      for (let i = 0; i < arrays.length; i++) {
        let at = 0;
        for (let k = 0; k < loop.length; k++) at += idx[k] * strides[i][k];
        prod *= data[i][at];
      }
      acc += prod;
    }
    values[o] = acc;
  }
  const result = N.make(values, out.map((l) => size.get(l) ?? 1), dtype);
  return out.length === 0 ? N.scalarOf(result) : result;
}
