/**
 * `torch.autograd`: gradients of outputs with respect to chosen inputs (`grad`), the multi-output
 * `backward`, the grad-mode switches, custom differentiable ops (`Function`, function.ts) and
 * `gradcheck`, as PyTorch spells them.
 */
import { tf } from "../backend/tf";
import { RuntimeError, TypeError } from "../errors";
import { isOptions, parseArgs } from "../tensor/args";
import { Tensor } from "../tensor/tensor";
import * as D from "../tensor/dtype";
import { runBackward } from "./backward";
import { runBackwardGraph } from "./create_graph";
import { ones, zeros_like } from "../ops/creation";
import { stack } from "../ops/movement";
import { asPyTuple } from "../pyrepr";
import { warnOnce } from "../warnings";

export { no_grad, enable_grad, is_grad_enabled, set_grad_enabled, inference_mode } from "./grad_mode";
export { Function, FunctionCtx } from "./function";
export { once_differentiable } from "./once_differentiable";
export { detect_anomaly, set_detect_anomaly } from "./anomaly_mode";
export { Variable } from "./variable";
export type { VariableOptions } from "./variable";
export type { FunctionClass, ForwardArgs, ForwardResult } from "./function";
export { gradcheck, gradgradcheck, GradcheckError } from "./gradcheck";
export type { GradcheckOptions } from "./gradcheck";

/** One gradient per output (null: ones for a one-element output). */
export type GradOutputs = Tensor | (Tensor | null)[] | null;

export interface GradOptions {
  grad_outputs?: GradOutputs;
  /** Keep the graph for another backward pass (default: create_graph, i.e. false). */
  retain_graph?: boolean;
  /** Record the backward pass on the tape too, so the gradients can be differentiated again (higher-order gradients). */
  create_graph?: boolean;
  /** Return null for an input the outputs do not depend on, instead of raising. */
  allow_unused?: boolean;
  /** The first dimension of each grad_output is a batch: one gradient per entry, stacked (PyTorch's vmap over grad). */
  is_grads_batched?: boolean;
  /**
   * Deprecated and ignored, as in PyTorch (only the inputs' gradients are ever computed); false warns.
   * Courses still pass `only_inputs=True` (龙良曲's WGAN-GP gradient_penalty).
   */
  only_inputs?: boolean;
}

function asList(op: string, what: string, x: unknown): Tensor[] {
  const list = Array.isArray(x) ? x : [x];
  list.forEach((t, i) => {
    if (!(t instanceof Tensor)) throw new TypeError(`${op}(): ${what}[${i}] must be a Tensor, got ${t === null ? "null" : typeof t}`);
  });
  return list as Tensor[];
}

/** The float32 seed of output `i`: its grad_output, or ones for a one-element output (owned by the caller). */
function seedOf(op: string, out: Tensor, g: Tensor | null | undefined, i: number): tf.Tensor {
  if (!out.requires_grad) throw new RuntimeError(`element ${i} of tensors does not require grad and does not have a grad_fn`);
  if (g === undefined || g === null) {
    if (out.numel() !== 1) throw new RuntimeError(`grad can be implicitly created only for scalar outputs (outputs[${i}] has shape [${out.shape.join(", ")}]); pass grad_outputs`);
    return tf.ones(out.shape, "float32");
  }
  if (!(g instanceof Tensor)) throw new TypeError(`${op}(): grad_outputs[${i}] must be a Tensor or null`);
  if (g.shape.join(",") !== out.shape.join(",")) {
    throw new RuntimeError(`Mismatch in shape: grad_output[${i}] has a shape of [${g.shape.join(", ")}] and output[${i}] has a shape of [${out.shape.join(", ")}].`);
  }
  return tf.cast(g._t, "float32");
}

function gradList(op: string, outputs: Tensor[], given: unknown): (Tensor | null | undefined)[] {
  if (given === undefined || given === null) return outputs.map(() => undefined);
  const list = Array.isArray(given) ? (given as (Tensor | null)[]) : [given as Tensor];
  if (list.length !== outputs.length) throw new RuntimeError(`${op}(): got ${list.length} gradients for ${outputs.length} outputs; pass one per output (null for a one-element output)`);
  return list;
}

/** Seeds every output, then runs one backward sweep per output (gradients are linear in the seed, so the sums are a joint sweep's). */
function sweep(op: string, outs: Tensor[], given: unknown, retain: boolean, capture?: Map<Tensor, tf.Tensor | null>): void {
  const gs = gradList(op, outs, given);
  const seeds: (tf.Tensor | null)[] = [];
  try {
    outs.forEach((out, i) => seeds.push(seedOf(op, out, gs[i], i)));
    outs.forEach((out, i) => {
      const seed = seeds[i]!;
      seeds[i] = null;
      runBackward(out, seed, retain || i < outs.length - 1, capture);
    });
  } finally {
    for (const s of seeds) s?.dispose();
  }
}

/** sweep() with create_graph: the seeds and the gradients are Tensors on the tape (create_graph.ts). */
function sweepGraph(op: string, outs: Tensor[], given: unknown, retain: boolean, capture?: Map<Tensor, Tensor | null>): void {
  const gs = gradList(op, outs, given);
  const seeds = outs.map((out, i) => {
    const g = gs[i];
    if (g === undefined || g === null) {
      seedOf(op, out, g, i).dispose();
      return ones(out.shape);
    }
    seedOf(op, out, g, i).dispose();
    return g.dtype._tf === "float32" ? g : g.float();
  });
  outs.forEach((out, i) => runBackwardGraph(out, seeds[i], retain || i < outs.length - 1, capture));
}

/**
 * The sum of the gradients of `outputs` with respect to each of `inputs`, returned instead of being
 * accumulated into `.grad` (no `.grad` changes). The graph is freed unless `retain_graph`.
 *
 * @example
 * const x = torch.tensor([1, 2, 3], {dtype: torch.float32, requires_grad: true});
 * const [dx] = torch.autograd.grad(x.pow(2).sum(), x);   // tensor([2., 4., 6.])
 */
/** grad's arguments all given by name, as `torch.autograd.grad(outputs=..., inputs=..., grad_outputs=...)` passes them (WGAN-GP's gradient penalty). */
export interface GradNamedArgs extends GradOptions {
  outputs: Tensor | Tensor[];
  inputs: Tensor | Tensor[];
}

export function grad(outputs: Tensor | Tensor[], inputs: Tensor | Tensor[], options: GradOptions & { allow_unused: true }): (Tensor | null)[];
export function grad(outputs: Tensor | Tensor[], inputs: Tensor | Tensor[], grad_outputs: GradOutputs, options: Omit<GradOptions, "grad_outputs"> & { allow_unused: true }): (Tensor | null)[];
export function grad(
  outputs: Tensor | Tensor[],
  inputs: Tensor | Tensor[],
  grad_outputs?: GradOutputs | GradOptions,
  retain_graph?: boolean | Omit<GradOptions, "grad_outputs">,
  options?: Omit<GradOptions, "grad_outputs" | "retain_graph">,
): Tensor[];
export function grad(named: GradNamedArgs & { allow_unused: true }): (Tensor | null)[];
export function grad(named: GradNamedArgs): Tensor[];
export function grad(...args: unknown[]): (Tensor | null)[] {
  const op = "torch.autograd.grad";
  const o = parseArgs(op, args, ["outputs", "inputs", "grad_outputs", "retain_graph", "create_graph", "only_inputs", "allow_unused", "is_grads_batched"]);
  for (const name of ["outputs", "inputs"]) {
    if (o[name] === undefined) throw new TypeError(`${op}() missing required argument '${name}'`);
  }
  if (o.only_inputs === false) {
    warnOnce("only_inputs argument is deprecated and is ignored now (defaults to True). To accumulate gradient for other parts of the graph, please use torch.autograd.backward.");
  }
  const [outputs, inputs] = [o.outputs, o.inputs];
  const outs = asList(op, "outputs", outputs);
  const ins = asList(op, "inputs", inputs);
  // PyTorch checks the outputs first: grad of a tensor off the graph names the output.
  outs.forEach((t, i) => {
    if (!t.requires_grad) throw new RuntimeError(`element ${i} of tensors does not require grad and does not have a grad_fn`);
  });
  if (o.is_grads_batched) return batchedGrad(op, outs, ins, o);
  ins.forEach((t, i) => {
    if (!t.requires_grad) throw new RuntimeError(`One of the differentiated Tensors does not require grad (inputs[${i}], shape [${t.shape.join(", ")}])`);
  });
  if (o.create_graph) return gradGraph(op, outs, ins, o);
  const capture = new Map<Tensor, tf.Tensor | null>(ins.map((t) => [t, null]));
  try {
    sweep(op, outs, o.grad_outputs, (o.retain_graph as boolean | undefined) ?? false, capture);
  } catch (e) {
    for (const g of capture.values()) g?.dispose();
    throw e;
  }
  const unused = o.allow_unused ? -1 : ins.findIndex((t) => capture.get(t) === null);
  if (unused >= 0) {
    for (const g of capture.values()) g?.dispose();
    throw unusedError(ins, unused);
  }
  const given = new Set<Tensor>();
  return asPyTuple(ins.map((t) => {
    const g = capture.get(t);
    if (!g) return null;
    // An input listed twice gets a tensor of its own each time, as it would in PyTorch.
    const own = given.has(t) ? g.clone() : g;
    given.add(t);
    const r = Tensor._wrap(own);
    if (t._s.dt === D.float64) r._s.dt = D.float64;
    return r;
  }));
}

/** grad() with is_grads_batched: one grad() per entry of the grad_outputs' first dimension, stacked. */
function batchedGrad(op: string, outs: Tensor[], ins: Tensor[], o: Record<string, unknown>): (Tensor | null)[] {
  const gs = gradList(op, outs, o.grad_outputs);
  const batch = gs.map((g, i) => {
    if (!(g instanceof Tensor) || g.dim() === 0) throw new RuntimeError(`${op}(): with is_grads_batched=true, grad_outputs[${i}] must be a Tensor with a batch dimension first`);
    return g.shape[0];
  });
  if (batch.some((b) => b !== batch[0])) throw new RuntimeError(`${op}(): with is_grads_batched=true, every grad_output must have the same batch size (got ${batch.join(", ")})`);
  const rows: (Tensor | null)[][] = ins.map(() => []);
  for (let b = 0; b < batch[0]; b++) {
    const last = b === batch[0] - 1;
    const r = grad(outs, ins, gs.map((g) => g!.select(0, b)), {
      retain_graph: last ? ((o.retain_graph as boolean | undefined) ?? Boolean(o.create_graph)) : true,
      create_graph: Boolean(o.create_graph),
      allow_unused: Boolean(o.allow_unused),
    });
    r.forEach((g, j) => rows[j].push(g));
  }
  return asPyTuple(rows.map((r, j) => (r.every((g) => g === null) ? null : stack(r.map((g) => g ?? zeros_like(ins[j]))))));
}

function unusedError(ins: Tensor[], i: number): RuntimeError {
  return new RuntimeError(
    `One of the differentiated Tensors appears to not have been used in the graph. Set allow_unused=True if this is the desired behavior. (inputs[${i}], shape [${ins[i].shape.join(", ")}])`,
  );
}

/** grad() with create_graph: the graph is kept unless retain_graph is false, as in PyTorch. */
function gradGraph(op: string, outs: Tensor[], ins: Tensor[], o: Record<string, unknown>): (Tensor | null)[] {
  const capture = new Map<Tensor, Tensor | null>(ins.map((t) => [t, null]));
  sweepGraph(op, outs, o.grad_outputs, (o.retain_graph as boolean | undefined) ?? true, capture);
  const unused = o.allow_unused ? -1 : ins.findIndex((t) => capture.get(t) === null);
  if (unused >= 0) throw unusedError(ins, unused);
  const given = new Set<Tensor>();
  return asPyTuple(ins.map((t) => {
    const g = capture.get(t) ?? null;
    if (g === null) return null;
    const own = given.has(t) ? g.clone() : g;
    given.add(t);
    return own;
  }));
}

/**
 * Accumulates the gradients of several outputs into the leaves' `.grad` in one call, as
 * `torch.autograd.backward([loss1, loss2])` does (the same as summing them and calling backward()).
 */
export function backward(
  tensors: Tensor | Tensor[],
  grad_tensors?: GradOutputs | { grad_tensors?: GradOutputs; retain_graph?: boolean; create_graph?: boolean },
  options?: { retain_graph?: boolean; create_graph?: boolean },
): void {
  const op = "torch.autograd.backward";
  if (isOptions(grad_tensors) && options !== undefined) throw new TypeError(`${op}() takes grad_tensors either positionally or in the options object`);
  const o = parseArgs(op, [grad_tensors, options], ["grad_tensors", "retain_graph", "create_graph"]);
  if (o.create_graph) return sweepGraph(op, asList(op, "tensors", tensors), o.grad_tensors, (o.retain_graph as boolean | undefined) ?? true);
  sweep(op, asList(op, "tensors", tensors), o.grad_tensors, (o.retain_graph as boolean | undefined) ?? false);
}
export * as functional from "./functional";
export * as forward_ad from "./forward_ad";
