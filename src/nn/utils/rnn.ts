/**
 * torch.nn.utils.rnn: PackedSequence and the functions that pad and pack batches of sequences of
 * different lengths, as PyTorch 1.13 has them.
 *
 * A PackedSequence stores the time steps one after the other: step t holds the first
 * `batch_sizes[t]` sequences of the batch sorted by decreasing length, so a recurrent layer runs
 * each step on the sequences still going and never on padding.
 */
import { unstableSortOrder } from "../../ops/cpu_order";
import { Tensor } from "../../tensor/tensor";
import { parseArgs } from "../../tensor/args";
import { tensor, full } from "../../ops/creation";
import { cat, stack } from "../../ops/movement";
import { RuntimeError, TypeError, ValueError } from "../../errors";
import { asPyTuple } from "../../pyrepr";

/**
 * A batch of variable-length sequences packed time step by time step (PyTorch's namedtuple
 * `PackedSequence(data, batch_sizes, sorted_indices, unsorted_indices)`). Build it with
 * `pack_padded_sequence` or `pack_sequence`, not directly.
 *
 * Attributes:
 *   data: [sum(lengths), *] the steps of all sequences, step by step.
 *   batch_sizes: int tensor [max_length]: how many sequences are still going at each step.
 *   sorted_indices: the permutation that sorted the batch by length (null when it was given sorted).
 *   unsorted_indices: its inverse, which restores the original order.
 */
export class PackedSequence {
  readonly data: Tensor;
  readonly batch_sizes: Tensor;
  readonly sorted_indices: Tensor | null;
  readonly unsorted_indices: Tensor | null;

  constructor(data: Tensor, batch_sizes: Tensor, sorted_indices: Tensor | null = null, unsorted_indices: Tensor | null = null) {
    if (!(data instanceof Tensor)) throw new TypeError(`PackedSequence(): data must be a Tensor, not ${typeof data}`);
    if (!(batch_sizes instanceof Tensor) || batch_sizes.dim() !== 1) {
      throw new TypeError("PackedSequence(): batch_sizes must be a 1-D integer Tensor (build a PackedSequence with pack_padded_sequence or pack_sequence)");
    }
    this.data = data;
    this.batch_sizes = batch_sizes;
    this.sorted_indices = sorted_indices;
    this.unsorted_indices = unsorted_indices ?? (sorted_indices === null ? null : invertPermutation(sorted_indices));
  }

  /** @internal the batch sizes as numbers. */
  _sizes(): number[] {
    return this.batch_sizes.tolist() as number[];
  }

  /** The same packing with `data` converted (dtype or device), as PyTorch's `PackedSequence.to`. */
  to(...args: Parameters<Tensor["to"]>): PackedSequence {
    const data = (this.data.to as (...a: unknown[]) => Tensor)(...args);
    return data === this.data ? this : new PackedSequence(data, this.batch_sizes, this.sorted_indices, this.unsorted_indices);
  }

  get is_cuda(): boolean {
    return this.data.is_cuda;
  }

  toString(): string {
    const ix = (t: Tensor | null): string => (t === null ? "None" : String(t));
    return `PackedSequence(data=${String(this.data)}, batch_sizes=${String(this.batch_sizes)}, sorted_indices=${ix(this.sorted_indices)}, unsorted_indices=${ix(this.unsorted_indices)})`;
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

function invertPermutation(perm: Tensor): Tensor {
  const p = perm.tolist() as number[];
  const inv = new Array<number>(p.length);
  p.forEach((v, i) => (inv[v] = i));
  return tensor(inv, { dtype: perm.dtype });
}

function lengthList(op: string, lengths: unknown): number[] {
  let list: unknown;
  if (lengths instanceof Tensor) {
    if (lengths.dim() !== 1) throw new RuntimeError(`${op}(): 'lengths' argument should be a 1D tensor, got shape [${lengths.shape.join(", ")}]`);
    list = lengths.tolist();
  } else list = lengths;
  if (!Array.isArray(list) || list.some((v) => typeof v !== "number" || !Number.isInteger(v))) {
    throw new TypeError(`${op}(): lengths must be a 1-D integer Tensor or an array of integers`);
  }
  return list as number[];
}

export interface PackPaddedOptions {
  batch_first?: boolean;
  enforce_sorted?: boolean;
}

/**
 * Packs a padded batch of variable-length sequences.
 *
 * Args:
 *   input: [T, B, *] (or [B, T, *] with batch_first) padded sequences.
 *   lengths: each sequence's length (a 1-D tensor or an array).
 *   batch_first: the input is [B, T, *]. Default: false.
 *   enforce_sorted: the sequences must come sorted by decreasing length; with false they are sorted
 *     here and `unsorted_indices` restores the order. Default: true.
 *
 * @example
 * const packed = nn.utils.rnn.pack_padded_sequence(x, [3, 2], {batch_first: true});
 * const [out, h_n] = lstm(packed);
 */
export function pack_padded_sequence(
  input: Tensor,
  lengths: Tensor | number[],
  batch_first?: boolean | PackPaddedOptions,
  enforce_sorted?: boolean | PackPaddedOptions,
): PackedSequence {
  const o = parseArgs("pack_padded_sequence", [batch_first, enforce_sorted], ["batch_first", "enforce_sorted"]);
  if (!(input instanceof Tensor)) throw new TypeError(`pack_padded_sequence(): input must be a Tensor, not ${typeof input}`);
  const bf = (o.batch_first as boolean | undefined) ?? false;
  const enforce = (o.enforce_sorted as boolean | undefined) ?? true;
  let lens = lengthList("pack_padded_sequence", lengths);
  if (input.dim() < 2) throw new RuntimeError(`pack_padded_sequence(): input must have at least 2 dimensions ([T, B, *]), got shape [${input.shape.join(", ")}]`);
  const bdim = bf ? 0 : 1;
  const B = input.shape[bdim];
  const T = input.shape[1 - bdim];
  let sorted: Tensor | null = null;
  let x = input;
  if (enforce) {
    for (let i = 1; i < lens.length; i++) {
      if (lens[i] > lens[i - 1]) {
        throw new RuntimeError(
          "`lengths` array must be sorted in decreasing order when `enforce_sorted` is True. You can pass `enforce_sorted=False` to pack_padded_sequence and/or pack_sequence to sidestep this requirement if you do not need ONNX exportability.",
        );
      }
    }
  } else {
    // By decreasing length, equal lengths as torch.sort(lengths, descending=True) leaves them on CPU.
    const order = new Array<number>(lens.length);
    unstableSortOrder(lens, 0, lens.length, true, order);
    sorted = tensor(order);
    lens = order.map((i) => lens[i]);
    x = input.index_select(bdim, sorted);
  }
  if (lens.length !== B) throw new RuntimeError(`Expected \`len(lengths)\` to be equal to batch_size, but got ${lens.length} (batch_size=${B})`);
  if (lens.length && lens[lens.length - 1] <= 0) throw new RuntimeError("Length of all samples has to be greater than 0, but found an element in 'lengths' that is <= 0");
  if (lens.length && lens[0] > T) {
    throw new RuntimeError(`pack_padded_sequence(): a sequence length ${lens[0]} is longer than the input's ${T} time steps (input shape [${input.shape.join(", ")}])`);
  }
  if (bf) x = x.transpose(0, 1);
  const steps: Tensor[] = [];
  const sizes: number[] = [];
  for (let t = 0; t < (lens[0] ?? 0); t++) {
    let bs = 0;
    while (bs < lens.length && lens[bs] > t) bs++;
    sizes.push(bs);
    const step = x.select(0, t);
    steps.push(bs === B ? step : step.narrow(0, 0, bs));
  }
  const data = steps.length === 1 ? steps[0].clone() : cat(steps, 0);
  return new PackedSequence(data, tensor(sizes), sorted, null);
}

export interface PadPackedOptions {
  batch_first?: boolean;
  padding_value?: number;
  total_length?: number | null;
}

/**
 * The inverse of pack_padded_sequence: returns `[padded, lengths]`, padded [T, B, *] (or [B, T, *]
 * with batch_first) in the batch's original order.
 *
 * Args:
 *   sequence: a PackedSequence.
 *   batch_first: Default: false.  padding_value: Default: 0.
 *   total_length: pad to this many steps (at least the longest sequence). Default: the longest.
 */
export function pad_packed_sequence(
  sequence: PackedSequence,
  batch_first?: boolean | PadPackedOptions,
  padding_value?: number | PadPackedOptions,
  total_length?: number | null | PadPackedOptions,
): [Tensor, Tensor] {
  const o = parseArgs("pad_packed_sequence", [batch_first, padding_value, total_length], ["batch_first", "padding_value", "total_length"]);
  if (!(sequence instanceof PackedSequence)) throw new TypeError("pad_packed_sequence(): sequence must be a PackedSequence");
  const bf = (o.batch_first as boolean | undefined) ?? false;
  const value = (o.padding_value as number | undefined) ?? 0.0;
  const sizes = sequence._sizes();
  const T = sizes.length;
  let total = (o.total_length as number | null | undefined) ?? T;
  if (o.total_length !== undefined && o.total_length !== null && total < T) {
    throw new ValueError(
      `Expected total_length to be at least the length of the longest sequence in input, but got total_length=${total} and max sequence length being ${T}`,
    );
  }
  total = Math.max(total, T);
  const B = sizes[0] ?? 0;
  const data = sequence.data;
  const feat = data.shape.slice(1);
  const rows: Tensor[] = [];
  let offset = 0;
  for (const bs of sizes) {
    const step = data.narrow(0, offset, bs);
    offset += bs;
    rows.push(bs === B ? step : cat([step, full([B - bs, ...feat], value, { dtype: data.dtype })], 0));
  }
  for (let t = T; t < total; t++) rows.push(full([B, ...feat], value, { dtype: data.dtype }));
  let padded = stack(rows, 0);
  const lens = new Array<number>(B).fill(0);
  for (const bs of sizes) for (let b = 0; b < bs; b++) lens[b]++;
  let lengths = tensor(lens);
  if (sequence.unsorted_indices !== null) {
    padded = padded.index_select(1, sequence.unsorted_indices);
    lengths = lengths.index_select(0, sequence.unsorted_indices);
  }
  if (bf) padded = padded.transpose(0, 1);
  return asPyTuple([padded, lengths]) as [Tensor, Tensor];
}

export interface PadSequenceOptions {
  batch_first?: boolean;
  padding_value?: number;
}

/**
 * Pads a list of [L_i, *] tensors to one [max L, B, *] tensor (or [B, max L, *] with batch_first).
 *
 * @example
 * nn.utils.rnn.pad_sequence([torch.ones(3, 2), torch.ones(1, 2)]).shape   // [3, 2, 2]
 */
export function pad_sequence(sequences: Tensor[], batch_first?: boolean | PadSequenceOptions, padding_value?: number | PadSequenceOptions): Tensor {
  const o = parseArgs("pad_sequence", [batch_first, padding_value], ["batch_first", "padding_value"]);
  if (!Array.isArray(sequences) || sequences.some((s) => !(s instanceof Tensor))) {
    throw new TypeError("pad_sequence(): sequences must be an array of Tensors");
  }
  if (sequences.length === 0) throw new RuntimeError("received an empty list of sequences");
  const bf = (o.batch_first as boolean | undefined) ?? false;
  const value = (o.padding_value as number | undefined) ?? 0.0;
  const trailing = sequences[0].shape.slice(1);
  for (const s of sequences) {
    if (s.dim() === 0 || s.shape.slice(1).join(",") !== trailing.join(",")) {
      throw new RuntimeError(
        `pad_sequence(): every sequence must be [L, ${trailing.join(", ")}] like the first one, got shape [${s.shape.join(", ")}]`,
      );
    }
  }
  const maxLen = Math.max(...sequences.map((s) => s.shape[0]));
  const padded = sequences.map((s) => (s.shape[0] === maxLen ? s : cat([s, full([maxLen - s.shape[0], ...trailing], value, { dtype: s.dtype })], 0)));
  return stack(padded, bf ? 0 : 1);
}

/**
 * Packs a list of [L_i, *] tensors (pad_sequence then pack_padded_sequence).
 *
 * @example
 * const packed = nn.utils.rnn.pack_sequence([a, b, c], {enforce_sorted: false});
 */
export function pack_sequence(sequences: Tensor[], enforce_sorted?: boolean | { enforce_sorted?: boolean }): PackedSequence {
  const o = parseArgs("pack_sequence", [enforce_sorted], ["enforce_sorted"]);
  const lengths = sequences.map((s) => (s instanceof Tensor ? s.shape[0] : 0));
  return pack_padded_sequence(pad_sequence(sequences), lengths, { enforce_sorted: (o.enforce_sorted as boolean | undefined) ?? true });
}

/** The sequences of a PackedSequence as a list of tensors, in the original order. */
export function unpack_sequence(packed_sequences: PackedSequence): Tensor[] {
  const [padded, lengths] = pad_packed_sequence(packed_sequences, { batch_first: true });
  return (lengths.tolist() as number[]).map((n, i) => padded.select(0, i).narrow(0, 0, n));
}
