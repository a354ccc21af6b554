/**
 * The deterministic weights of test/reference/gen_models.py, computed here exactly as there: an
 * integer hash of (element index, key position) mapped to [-1, 1), scaled by the kind of entry.
 * Float64 arithmetic on exact integers, then one rounding to float32, so both sides get the same bits.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { torch } from "../../src";
import type { Tensor } from "../../src/torch";

// A local alias: under jest every global lookup (`Math`) is slow (a vm context's interceptor).
const imul = Math.imul;
const sqrt = Math.sqrt;

export interface ModelCase {
  builder: string;
  kwargs: Record<string, number>;
  class: string;
  input_shape: number[];
  keys: [string, number[], string][];
  num_params: number;
  output: number[];
  output_shape: number[];
  /** For a few cases: per parameter (and "input"), [sum, sum of |.|] of the gradient of sum(y * c). */
  grads: Record<string, [number, number]> | null;
  /** The input key of the gradient cases: the candidate whose ReLU and max-pool decisions stay farthest from float32 noise. */
  grad_input_k: number | null;
}

export interface Presets {
  image_shape: number[];
  image: number[];
  uint8_output: number[];
  float_output: number[];
  output_shape: number[];
  repr: string;
  weights_repr: string;
}

export const FIXTURE = path.join(__dirname, "../reference/models");

export function loadCases(): { input_k: number; cases: Record<string, ModelCase>; presets: Presets; reprs: Record<string, string> } {
  return JSON.parse(fs.readFileSync(path.join(FIXTURE, "models.json"), "utf8"));
}

/** Element i of gen_models.py's hash_uniform(n, k), given kk = imul(k, 0x85ebca77): in [-1, 1). */
function hashAt(i: number, kk: number): number {
  let h = (imul(i, 0x9e3779b1) + kk + 0x165667b1) >>> 0;
  h = (h ^ (h >>> 15)) >>> 0;
  h = imul(h, 0x2c1b3c6d) >>> 0;
  h = (h ^ (h >>> 12)) >>> 0;
  h = imul(h, 0x297a2d39) >>> 0;
  h = (h ^ (h >>> 15)) >>> 0;
  return (h / 4294967296) * 2 - 1;
}

/** n values in [-1, 1), as gen_models.py's hash_uniform. */
export function hashUniform(n: number, k: number): Float64Array {
  const out = new Float64Array(n);
  const kk = imul(k, 0x85ebca77);
  for (let i = 0; i < n; i++) out[i] = hashAt(i, kk);
  return out;
}

/**
 * State_dict entry number k (PyTorch's order) of gen_models.py's formula. Each value is computed in
 * float64 and rounded once into the Float32Array, straight from the hash: no float64 copy of the
 * entry (vgg's classifier weight alone would be 822 MB of it; CI time).
 */
export function formulaTensor(name: string, shape: number[], k: number, dtype: string): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  if (dtype.startsWith("int")) return torch.full(shape, 3, { dtype: "int32" });
  const kk = imul(k, 0x85ebca77);
  const v = new Float32Array(n);
  if (name.endsWith("running_var")) for (let i = 0; i < n; i++) v[i] = 1 + 0.5 * hashAt(i, kk);
  else if (name.endsWith("running_mean") || name.endsWith("bias")) for (let i = 0; i < n; i++) v[i] = 0.1 * hashAt(i, kk);
  else if (shape.length >= 2) {
    const scale = sqrt(6 / shape.slice(1).reduce((a, b) => a * b, 1));
    for (let i = 0; i < n; i++) v[i] = hashAt(i, kk) * scale;
  } else for (let i = 0; i < n; i++) v[i] = 1 + 0.2 * hashAt(i, kk);
  return torch.from_typed(v, shape);
}

/** The formula state_dict for the given [name, shape, dtype] keys, in order. */
export function formulaStateDict(keys: [string, number[], string][]): Record<string, Tensor> {
  const sd: Record<string, Tensor> = {};
  keys.forEach(([name, shape, dtype], k) => (sd[name] = formulaTensor(name, shape, k, dtype)));
  return sd;
}

export function formulaInput(shape: number[], k: number): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  return torch.from_typed(Float32Array.from(hashUniform(n, k)), shape);
}
