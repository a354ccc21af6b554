/**
 * A model summary in the manner of torchinfo's `summary(model, input_size=...)`: one forward pass
 * on a random input (eval mode, no gradients; each module's mode is put back afterwards) records
 * every module call through hooks, giving the layer tree with its depth, input and output shapes,
 * parameter counts (trainable and not), mult-adds and an estimate of the memory a training step needs.
 *
 * It renders as torchinfo's text table (terminals, `toString()`) and as an HTML table (notebooks).
 */
import { Tensor } from "../tensor/tensor";
import { rand } from "../ops/creation";
import { no_grad } from "../autograd/grad_mode";
import { TypeError, ValueError } from "../errors";
import type { Module } from "../nn/modules/module";
import { JUPYTER_DISPLAY, MimeBundle } from "./emitter";
import { escape_html, format_count } from "./format";

/** The columns a summary can show, as torchinfo names them. */
export type SummaryColumn = "input_size" | "output_size" | "num_params" | "params_percent" | "kernel_size" | "mult_adds" | "trainable";

/** Options of {@link summary}. */
export interface SummaryOptions {
  /** Shape of the input (a random tensor of this shape goes through the model), or one shape per forward argument. */
  input_size?: readonly number[] | readonly (readonly number[])[];
  /** The input itself (a tensor or one per forward argument), instead of input_size. */
  input_data?: Tensor | readonly Tensor[];
  /** With input_size: where to insert a batch dimension of 1 (input_size then has no batch dimension). */
  batch_dim?: number;
  /** Rows deeper than this are folded into their parent (whose counts then include them). Default 3. */
  depth?: number;
  /** The columns, in order. Default ["output_size", "num_params"]. */
  col_names?: readonly SummaryColumn[];
  /** "var_names" adds each layer's attribute name to its row: `Conv2d (conv1): 1-1`. */
  row_settings?: readonly ("depth" | "var_names")[];
  /** 1: also print the table (plain scripts); 0 (default): only return it. */
  verbose?: 0 | 1;
}

/** One module call of the forward pass. */
export interface LayerSummary {
  /** Attribute path in named_modules(), "" for the model itself. */
  name: string;
  class_name: string;
  /** 0 for the model, 1 for its children, ... */
  depth: number;
  /** Running count of the calls seen at this depth (torchinfo's `depth-idx`). */
  depth_index: number;
  input_size: number[] | null;
  output_size: number[] | null;
  /** Parameters of the module and its submodules. */
  num_params: number;
  /** Parameters of the module itself (not of submodules). */
  own_params: number;
  trainable_params: number;
  kernel_size: number[] | null;
  /** Multiply-adds of this call, summed over submodules (torchinfo's rule, see {@link summary}). */
  mult_adds: number;
  /** Whether the call ran no submodule. */
  is_leaf: boolean;
}

type Row = LayerSummary & { module: Module; children: Row[]; parent: Row | null };

const BYTES_PER_VALUE = 4; // torchlab computes in float32
const fmtShape = (s: number[] | null): string => (s === null ? "--" : `[${s.join(", ")}]`);
const numel = (s: readonly number[]): number => s.reduce((a, b) => a * b, 1);

function countOf(params: Tensor[]): { total: number; trainable: number } {
  let total = 0;
  let trainable = 0;
  for (const p of params) {
    total += p.numel();
    if (p.requires_grad) trainable += p.numel();
  }
  return { total, trainable };
}

function firstShape(value: unknown): number[] | null {
  if (value instanceof Tensor) return value.shape;
  if (Array.isArray(value)) {
    for (const v of value) {
      const s = firstShape(v);
      if (s !== null) return s;
    }
  }
  return null;
}

/** A sum of bytes as torchinfo writes megabytes (10^6 bytes), two decimals. */
const megabytes = (bytes: number): string => (bytes / 1e6).toFixed(2);

/** Mult-adds with the unit that keeps the number readable: (K), (M), (G), (T). */
export function format_mult_adds(n: number): [string, string] {
  const units: [number, string][] = [[1e12, "T"], [1e9, "G"], [1e6, "M"], [1e3, "K"]];
  for (const [scale, unit] of units) if (n >= scale) return [unit, (n / scale).toFixed(2)];
  return ["", String(n)];
}

/** What {@link summary} returns: the rows, the totals, and its text and HTML renderings. */
export class ModelStatistics {
  /** Every module call, in call order (rows deeper than `depth` included). */
  readonly summary_list: LayerSummary[];
  readonly total_params: number;
  readonly trainable_params: number;
  readonly non_trainable_params: number;
  /** Multiply-adds of one forward pass on the given input. */
  readonly total_mult_adds: number;
  readonly total_input: number;
  /** Outputs of the leaf layers, twice (the values kept for backward and their gradients), in bytes. */
  readonly total_output_bytes: number;
  readonly total_param_bytes: number;
  private readonly rows: Row[];
  private readonly depth: number;
  private readonly columns: readonly SummaryColumn[];
  private readonly varNames: boolean;

  /** @internal */
  constructor(rows: Row[], model: Module, inputs: Tensor[], depth: number, columns: readonly SummaryColumn[], varNames: boolean) {
    this.rows = rows;
    this.depth = depth;
    this.columns = columns;
    this.varNames = varNames;
    this.summary_list = rows.map(({ module: _m, children: _c, parent: _p, ...info }) => info);
    const { total, trainable } = countOf(model.parameters());
    this.total_params = total;
    this.trainable_params = trainable;
    this.non_trainable_params = total - trainable;
    const leaves = rows.filter((r) => r.is_leaf);
    this.total_mult_adds = leaves.reduce((a, r) => a + r.mult_adds, 0);
    this.total_input = inputs.reduce((a, t) => a + t.numel() * BYTES_PER_VALUE, 0);
    this.total_output_bytes = leaves.reduce((a, r) => a + (r.output_size === null ? 0 : numel(r.output_size) * BYTES_PER_VALUE * 2), 0);
    this.total_param_bytes = total * BYTES_PER_VALUE;
  }

  /** The rows shown at the summary's depth. */
  private shown(): Row[] {
    return this.rows.filter((r) => r.depth <= this.depth);
  }

  private layerLabel(r: Row, tree: boolean): string {
    const name = this.varNames && r.name !== "" ? `${r.class_name} (${r.name.split(".").pop()})` : r.class_name;
    if (r.depth === 0) return name;
    const prefix = !tree ? "" : r.depth === 1 ? "├─" : `${"│    ".repeat(r.depth - 1)}└─`;
    return `${prefix}${name}: ${r.depth}-${r.depth_index}`;
  }

  /** The parameter count a row shows: its own, or with its submodules' when those rows are folded in. */
  private paramsOf(r: Row): number {
    const folded = r.is_leaf || r.depth === this.depth;
    return folded ? r.num_params : r.own_params;
  }

  private cell(r: Row, c: SummaryColumn): string {
    const folded = r.is_leaf || r.depth === this.depth;
    switch (c) {
      case "input_size":
        return fmtShape(r.input_size);
      case "output_size":
        return fmtShape(r.output_size);
      case "num_params": {
        const n = this.paramsOf(r);
        return n === 0 ? "--" : format_count(n);
      }
      case "params_percent": {
        const n = this.paramsOf(r);
        return n === 0 || this.total_params === 0 ? "--" : `${((100 * n) / this.total_params).toFixed(2)}%`;
      }
      case "kernel_size":
        return r.kernel_size === null ? "--" : `[${r.kernel_size.join(", ")}]`;
      case "mult_adds":
        return folded && r.mult_adds > 0 ? format_count(r.mult_adds) : "--";
      case "trainable": {
        const n = this.paramsOf(r);
        if (n === 0) return "--";
        const t = folded ? r.trainable_params : countOf(r.module.parameters(false)).trainable;
        return t === n ? "True" : t === 0 ? "False" : "Partial";
      }
    }
  }

  private static readonly HEADERS: Record<SummaryColumn, string> = {
    input_size: "Input Shape",
    output_size: "Output Shape",
    num_params: "Param #",
    params_percent: "Param %",
    kernel_size: "Kernel Shape",
    mult_adds: "Mult-Adds",
    trainable: "Trainable",
  };

  private totals(): [string, string][] {
    const [unit, adds] = format_mult_adds(this.total_mult_adds);
    return [
      ["Total params", format_count(this.total_params)],
      ["Trainable params", format_count(this.trainable_params)],
      ["Non-trainable params", format_count(this.non_trainable_params)],
      [`Total mult-adds${unit ? ` (${unit})` : ""}`, adds],
    ];
  }

  private sizes(): [string, string][] {
    return [
      ["Input size (MB)", megabytes(this.total_input)],
      ["Forward/backward pass size (MB)", megabytes(this.total_output_bytes)],
      ["Params size (MB)", megabytes(this.total_param_bytes)],
      ["Estimated Total Size (MB)", megabytes(this.total_input + this.total_output_bytes + this.total_param_bytes)],
    ];
  }

  /** torchinfo's text table. */
  toString(): string {
    const rows = this.shown();
    const first = Math.max(40, ...rows.map((r) => this.layerLabel(r, true).length + 2));
    const widths = this.columns.map((c) => Math.max(25, ...rows.map((r) => this.cell(r, c).length + 2)));
    const W = first + widths.reduce((a, b) => a + b, 0);
    const rule = "=".repeat(W);
    const line = (label: string, cells: string[]): string => (label.padEnd(first) + cells.map((s, i) => s.padEnd(widths[i])).join("")).trimEnd();
    const head = this.varNames ? "Layer (type (var_name):depth-idx)" : "Layer (type:depth-idx)";
    return [
      rule,
      line(head, this.columns.map((c) => ModelStatistics.HEADERS[c])),
      rule,
      ...rows.map((r) => line(this.layerLabel(r, true), this.columns.map((c) => this.cell(r, c)))),
      rule,
      ...this.totals().map(([k, v]) => `${k}: ${v}`),
      rule,
      ...this.sizes().map(([k, v]) => `${k}: ${v}`),
      rule,
    ].join("\n");
  }

  /** The same table as HTML: indented layer names, numbers right-aligned, totals below. */
  to_html(): string {
    const th = (s: string, right = false): string => `<th style="text-align:${right ? "right" : "left"};padding:2px 10px">${escape_html(s)}</th>`;
    const numeric = (c: SummaryColumn): boolean => c === "num_params" || c === "params_percent" || c === "mult_adds";
    const td = (s: string, right: boolean, extra = ""): string => `<td style="text-align:${right ? "right" : "left"};padding:2px 10px;${extra}">${escape_html(s)}</td>`;
    const body = this.shown().map((r) => {
      const label = `${td(this.layerLabel(r, false), false, `padding-left:${10 + 18 * r.depth}px;white-space:nowrap;${r.depth === 0 ? "font-weight:bold;" : ""}`)}`;
      const cells = this.columns.map((c) => td(this.cell(r, c), numeric(c), "font-family:monospace;white-space:nowrap;"));
      return `<tr>${label}${cells.join("")}</tr>`;
    });
    const facts = [...this.totals(), ...this.sizes()].map(([k, v]) => `<tr><td style="text-align:left;padding:1px 10px">${escape_html(k)}</td><td style="text-align:right;padding:1px 10px;font-family:monospace">${escape_html(v)}</td></tr>`);
    return (
      `<div class="torchlab-summary">` +
      `<table style="border-collapse:collapse;font-size:13px"><thead><tr>${th(this.varNames ? "Layer (type (var_name):depth-idx)" : "Layer (type:depth-idx)")}${this.columns.map((c) => th(ModelStatistics.HEADERS[c], numeric(c))).join("")}</tr></thead>` +
      `<tbody>${body.join("")}</tbody></table>` +
      `<table style="border-collapse:collapse;font-size:13px;margin-top:6px">${facts.join("")}</table></div>`
    );
  }

  /** A cell whose value is the summary shows the HTML table (the text table in terminals). */
  [JUPYTER_DISPLAY](): MimeBundle {
    return { "text/html": this.to_html(), "text/plain": this.toString() };
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

function isModule(x: unknown): x is Module {
  return typeof x === "function" && typeof (x as Partial<Module>).named_modules === "function" && typeof (x as Partial<Module>).register_forward_hook === "function";
}

function inputsOf(o: SummaryOptions): Tensor[] {
  if (o.input_data !== undefined) {
    if (o.input_size !== undefined) throw new ValueError("summary(): give input_size or input_data, not both");
    const list = o.input_data instanceof Tensor ? [o.input_data] : Array.isArray(o.input_data) ? [...o.input_data] : null;
    if (list === null || list.length === 0 || !list.every((t) => t instanceof Tensor)) throw new TypeError("summary(): input_data must be a Tensor or a non-empty list of Tensors");
    return list;
  }
  if (o.input_size === undefined) throw new ValueError("summary(): needs input_size (e.g. { input_size: [1, 1, 28, 28] }) or input_data to run the model");
  const sizes: number[][] = Array.isArray(o.input_size[0]) ? (o.input_size as number[][]).map((s) => [...s]) : [[...(o.input_size as number[])]];
  return sizes.map((size) => {
    if (!Array.isArray(size) || !size.every((d) => Number.isInteger(d) && d >= 0)) throw new ValueError(`summary(): input_size must list non-negative integers, got ${JSON.stringify(o.input_size)}`);
    if (o.batch_dim !== undefined) {
      if (!Number.isInteger(o.batch_dim) || o.batch_dim < 0 || o.batch_dim > size.length) throw new ValueError(`summary(): batch_dim ${o.batch_dim} is out of range for input_size [${size.join(", ")}]`);
      size.splice(o.batch_dim, 0, 1);
    }
    return rand(size);
  });
}

/** torchinfo's mult-adds of one call of a module with its own parameters: conv weights once per output position, others once per sample. */
function multAdds(module: Module, output: number[] | null): number {
  if (output === null || output.length === 0) return 0;
  const isConv = /Conv/.test(module._get_name());
  let n = 0;
  for (const [, p] of module.named_parameters({ recurse: false })) {
    n += isConv ? p.numel() * numel([output[0], ...output.slice(2)]) : output[0] * p.numel();
  }
  return n;
}

/**
 * Summarises `model` by running it once: its layer tree with output shapes, parameter counts,
 * mult-adds and estimated memory, as torchinfo's `summary` does. The result prints as torchinfo's
 * table and shows as an HTML table when it is a cell's value.
 *
 * Mult-adds follow torchinfo: a conv layer's parameters count once per output position
 * (N * H_out * W_out), any other layer's once per sample. The memory estimate counts float32 values:
 * the input, the leaf layers' outputs twice (kept for backward, and their gradients), the parameters.
 *
 * Args:
 *   model: a torch.nn.Module.
 *   input_size: the shape of a random input, e.g. [1, 1, 28, 28] (or input_data: a real batch).
 *   depth: rows deeper than this fold into their parent (default 3).
 *   col_names: ["input_size", "output_size", "num_params", "params_percent", "kernel_size", "mult_adds", "trainable"].
 *
 * @example
 * const stats = torchinfo.summary(net, { input_size: [1, 1, 28, 28] });
 * stats.total_params;                                   // 61706
 * display.summary(net, { input_size: [1, 1, 28, 28], col_names: ["output_size", "num_params", "mult_adds"] });
 */
export function summary(model: Module, options: SummaryOptions = {}): ModelStatistics {
  if (!isModule(model)) throw new TypeError(`summary(): model must be a torch.nn.Module, got ${model === null ? "null" : typeof model}`);
  const depth = options.depth ?? 3;
  if (!Number.isInteger(depth) || depth < 0) throw new ValueError(`summary(): depth must be a non-negative integer, got ${String(depth)}`);
  const columns = options.col_names ?? ["output_size", "num_params"];
  const known = Object.keys({ input_size: 1, output_size: 1, num_params: 1, params_percent: 1, kernel_size: 1, mult_adds: 1, trainable: 1 });
  for (const c of columns) if (!known.includes(c)) throw new ValueError(`summary(): unknown column '${String(c)}' (columns: ${known.join(", ")})`);
  const inputs = inputsOf(options);
  const named = model.named_modules();
  const nameOf = new Map<Module, string>(named.map(([n, m]) => [m, n]));
  const rows: Row[] = [];
  const stack: Row[] = [];
  const counters: number[] = [];
  const handles = named.flatMap(([, m]) => [
    m.register_forward_pre_hook((mod: Module, input: unknown) => {
      const d = stack.length;
      counters[d] = (counters[d] ?? 0) + 1;
      const all = countOf(mod.parameters());
      const own = countOf(mod.parameters(false));
      const ks = (mod as unknown as { kernel_size?: unknown }).kernel_size;
      const row: Row = {
        name: nameOf.get(mod) ?? "",
        class_name: mod._get_name(),
        depth: d,
        depth_index: counters[d],
        input_size: firstShape(input),
        output_size: null,
        num_params: all.total,
        own_params: own.total,
        trainable_params: all.trainable,
        kernel_size: Array.isArray(ks) ? ks.map(Number) : typeof ks === "number" ? [ks] : null,
        mult_adds: 0,
        is_leaf: true,
        module: mod,
        children: [],
        parent: stack.length ? stack[stack.length - 1] : null,
      };
      row.parent?.children.push(row);
      if (row.parent) row.parent.is_leaf = false;
      rows.push(row);
      stack.push(row);
    }),
    m.register_forward_hook((mod: Module, _input: unknown, output: unknown) => {
      const row = stack.pop();
      if (row === undefined || row.module !== mod) throw new ValueError("summary(): module calls did not nest (a forward hook saw another module's return)");
      row.output_size = firstShape(output);
      row.mult_adds = multAdds(mod, row.output_size) + row.children.reduce((a, c) => a + c.mult_adds, 0);
    }),
  ]);
  // Looking must not change the model: eval mode keeps BatchNorm's statistics; modes come back after.
  const modes = named.map(([, m]) => [m, m.training] as const);
  model.eval();
  try {
    no_grad(() => (model as unknown as (...x: Tensor[]) => unknown)(...inputs));
  } catch (e) {
    const shapes = inputs.map((t) => `[${t.shape.join(", ")}]`).join(", ");
    const inner = stack[stack.length - 1];
    const where = inner === undefined ? "" : ` in ${inner.name === "" ? inner.class_name : `${inner.name} (${inner.class_name})`}`;
    throw new ValueError(`summary(): the forward pass on input ${shapes} failed${where}: ${(e as Error).message}`);
  } finally {
    handles.forEach((h) => h.remove());
    for (const [m, mode] of modes) m.training = mode;
  }
  const stats = new ModelStatistics(rows, model, inputs, depth, columns, (options.row_settings ?? []).includes("var_names"));
  if (options.verbose === 1) process.stdout.write(stats.toString() + "\n");
  return stats;
}
