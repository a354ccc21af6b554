/**
 * torch.amp / torch.cuda.amp / torch.cpu.amp: automatic mixed precision, as PyTorch 1.13 runs it on a
 * machine without CUDA, which is torchlab's situation on the wasm and cpu backends.
 *
 * - `torch.cuda.amp.GradScaler()` warns "torch.cuda.amp.GradScaler is enabled, but CUDA is not
 *   available.  Disabling." and runs disabled: `scale(loss)` returns `loss`, `unscale_` and `update`
 *   do nothing, `step(opt)` is `opt.step()`, so the usual AMP loop trains exactly as the plain loop.
 * - `torch.autocast("cuda", ...)` / `torch.cuda.amp.autocast()` warn "User provided device_type of
 *   'cuda', but CUDA is not available. Disabling" and run their body unchanged.
 * - `torch.autocast("cpu")` / `torch.cpu.amp.autocast()` would run matmul, conv and linear in
 *   bfloat16, a dtype torchlab cannot store (tfjs has no 16-bit floats): entering one raises
 *   NotImplementedError naming bfloat16 rather than run float32 while claiming bfloat16. A CPU dtype
 *   other than bfloat16 warns ("... Disabling autocast.") and then, on entering, raises PyTorch
 *   1.13's RuntimeError.
 *
 * Python's `with autocast(): body` is `torch.autocast("cuda", () => body)` here (the function's result
 * is returned), as `torch.no_grad(() => ...)` is; without a function, the decorator form.
 *
 * @example
 * const scaler = torch.cuda.amp.GradScaler();
 * torch.cuda.amp.autocast(() => { loss = loss_fn(model(x), y); });
 * scaler.scale(loss).backward();
 * scaler.unscale_(opt);
 * torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0);
 * scaler.step(opt);
 * scaler.update();
 */
import { cudaAvailable } from "../backend";
import { AttributeError, NotImplementedError, RuntimeError, TypeError } from "../errors";
import { UnsupportedDtype, dtype as DTypeClass, float16, bfloat16, unsupportedDtypeMessage } from "../tensor/dtype";
import type { Tensor } from "../tensor/tensor";
import type { Optimizer } from "../optim/optimizer";

const warned = new Set<string>();
/** Python's default warning filter shows a warning once per place it is raised. */
function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  process.emitWarning(message, "UserWarning");
}

type AmpDtype = UnsupportedDtype | DTypeClass;

/** torch.get_autocast_gpu_dtype(): the dtype CUDA autocast casts to (float16). */
export const get_autocast_gpu_dtype = (): AmpDtype => float16;
/** torch.get_autocast_cpu_dtype(): the dtype CPU autocast casts to (bfloat16). */
export const get_autocast_cpu_dtype = (): AmpDtype => bfloat16;
/** torch.is_autocast_enabled(): CUDA autocast never runs here (no CUDA autocast region can be entered enabled). */
export const is_autocast_enabled = (): boolean => false;
/** torch.is_autocast_cpu_enabled(): false, since an enabled CPU region raises before its body runs. */
export const is_autocast_cpu_enabled = (): boolean => false;

/** The keyword arguments of torch.autocast. */
export type AutocastOptions = { device_type?: string; dtype?: AmpDtype; enabled?: boolean; cache_enabled?: boolean | null };
type Decorator = <A extends unknown[], R>(f: (...args: A) => R) => (...args: A) => R;

/** Checks torch.autocast's arguments as PyTorch's constructor does (warnings, errors); true if it would cast. */
function autocastEnabled(device_type: string, o: AutocastOptions): boolean {
  if (device_type !== "cuda" && device_type !== "cpu") {
    throw new RuntimeError("User specified autocast device_type must be 'cuda' or 'cpu'");
  }
  let enabled = o.enabled ?? true;
  const fast = o.dtype ?? (device_type === "cuda" ? float16 : bfloat16);
  if (enabled && device_type === "cuda" && !cudaAvailable()) {
    warnOnce("User provided device_type of 'cuda', but CUDA is not available. Disabling");
    enabled = false;
  }
  if (device_type === "cpu" && fast !== bfloat16) {
    warnOnce("In CPU autocast, but the target dtype is not supported. Disabling autocast.\nCPU Autocast only supports dtype of torch.bfloat16 currently.");
    enabled = false;
  }
  return enabled;
}

function runAutocast<T>(device_type: string, o: AutocastOptions, fn: (() => T) | undefined): T | Decorator {
  const enabled = autocastEnabled(device_type, o);
  const d = o.dtype ?? (device_type === "cuda" ? float16 : bfloat16);
  const enter = (): void => {
    // PyTorch sets the CPU autocast dtype on entering even when disabled, and refuses any but bfloat16.
    if (device_type === "cpu" && d !== bfloat16) throw new RuntimeError("Currently, AutocastCPU only support Bfloat16 as the autocast_cpu_dtype");
    if (!enabled) return;
    throw new NotImplementedError(
      `torch.autocast(device_type='${device_type}', dtype=${String(d)}) runs matmul, conv and linear in ${String(d)}, ` +
        `which torchlab cannot represent: ${unsupportedDtypeMessage(d instanceof UnsupportedDtype ? d : float16)}. Pass enabled=False (or drop autocast) to train in float32`,
    );
  };
  if (fn === undefined) {
    return ((f: (...args: unknown[]) => unknown) => (...args: unknown[]) => {
      enter();
      return f(...args);
    }) as Decorator;
  }
  enter();
  return fn();
}

function splitAutocast(args: unknown[]): { o: AutocastOptions; fn: (() => unknown) | undefined } {
  const fn = typeof args[args.length - 1] === "function" ? (args.pop() as () => unknown) : undefined;
  const o = (args[0] ?? {}) as AutocastOptions;
  return { o, fn };
}

/**
 * torch.autocast(device_type, {dtype, enabled, cache_enabled}, fn): runs `fn` in an autocast region
 * (PyTorch's `with torch.autocast(device_type='cuda'):`). Without CUDA a 'cuda' region warns and runs
 * disabled; an enabled 'cpu' region (bfloat16) raises NotImplementedError.
 * @example const out = torch.autocast("cuda", () => model(x));
 */
export function autocast<T>(device_type: string | AutocastOptions, fn: () => T): T;
export function autocast<T>(device_type: string | AutocastOptions, options: AutocastOptions, fn: () => T): T;
export function autocast(device_type: string | AutocastOptions, options?: AutocastOptions): Decorator;
export function autocast(device_type: string | AutocastOptions, ...rest: unknown[]): unknown {
  const { o, fn } = splitAutocast(rest);
  const opts = typeof device_type === "string" ? o : { ...device_type, ...o };
  if (typeof opts.device_type === "string" && typeof device_type === "string") {
    throw new TypeError("autocast() got multiple values for argument 'device_type'");
  }
  const dev = typeof device_type === "string" ? device_type : opts.device_type;
  if (dev === undefined) throw new TypeError("autocast() missing 1 required positional argument: 'device_type'");
  return runAutocast(dev, opts, fn);
}

/** torch.cuda.amp.autocast({enabled, dtype, cache_enabled}, fn): torch.autocast("cuda", ...). */
export function cudaAutocast<T>(fn: () => T): T;
export function cudaAutocast<T>(options: AutocastOptions, fn: () => T): T;
export function cudaAutocast(options?: AutocastOptions): Decorator;
export function cudaAutocast(...args: unknown[]): unknown {
  const { o, fn } = splitAutocast(args);
  return runAutocast("cuda", o, fn);
}

/** torch.cpu.amp.autocast({enabled, dtype, cache_enabled}, fn): torch.autocast("cpu", ...). */
export function cpuAutocast<T>(fn: () => T): T;
export function cpuAutocast<T>(options: AutocastOptions, fn: () => T): T;
export function cpuAutocast(options?: AutocastOptions): Decorator;
export function cpuAutocast(...args: unknown[]): unknown {
  const { o, fn } = splitAutocast(args);
  return runAutocast("cpu", o, fn);
}

/** GradScaler's state_dict: empty when disabled, as PyTorch's. */
export type GradScalerState = { scale?: number; growth_factor?: number; backoff_factor?: number; growth_interval?: number; _growth_tracker?: number };
export type GradScalerOptions = { init_scale?: number; growth_factor?: number; backoff_factor?: number; growth_interval?: number; enabled?: boolean };

/**
 * torch.cuda.amp.GradScaler: loss scaling for float16 gradients. Without CUDA PyTorch disables it
 * (with a warning), and so does torchlab; every method then behaves as PyTorch's disabled scaler:
 * `scale(x)` is `x`, `step(opt)` is `opt.step()`, `get_scale()` is 1.0, `state_dict()` is `{}`, and
 * `get_growth_factor()` raises AttributeError as PyTorch 1.13's does until `set_growth_factor`.
 * On the CUDA backend there are still no float16 gradients to scale, so an enabled scaler there
 * raises NotImplementedError: pass `enabled: false`.
 */
export class GradScaler {
  private readonly _enabled: boolean;
  private _factors: { _growth_factor?: number; _backoff_factor?: number; _growth_interval?: number } = {};

  constructor(init_scale: number | GradScalerOptions = 2 ** 16, growth_factor = 2.0, backoff_factor = 0.5, growth_interval = 2000, enabled = true) {
    const o: GradScalerOptions = typeof init_scale === "object" ? init_scale : { init_scale, growth_factor, backoff_factor, growth_interval, enabled };
    let on = o.enabled ?? true;
    if (on && !cudaAvailable()) {
      warnOnce("torch.cuda.amp.GradScaler is enabled, but CUDA is not available.  Disabling.");
      on = false;
    }
    if (on) {
      throw new NotImplementedError(
        "torch.cuda.amp.GradScaler(enabled=True) on the CUDA backend: torchlab trains in float32 (it cannot represent float16), so there is no float16 gradient to scale; pass enabled=False",
      );
    }
    this._enabled = on;
  }

  /** Multiplies by the scale when enabled; disabled, returns `outputs` itself. */
  scale<T extends Tensor | Tensor[]>(outputs: T): T {
    return outputs;
  }

  /** Divides the optimizer's gradients by the scale when enabled; disabled, does nothing. */
  unscale_(optimizer: Optimizer): void {
    void optimizer;
  }

  /** Unscales (if not yet) and steps unless a gradient is inf/NaN; disabled, `optimizer.step(...args)`. */
  step(optimizer: Optimizer, ...args: Parameters<Optimizer["step"]>): ReturnType<Optimizer["step"]> {
    return optimizer.step(...args);
  }

  /** Updates the scale; disabled, does nothing. */
  update(new_scale?: number | Tensor): void {
    void new_scale;
  }

  /** The current scale: 1.0 when disabled. */
  get_scale(): number {
    return 1.0;
  }

  is_enabled(): boolean {
    return this._enabled;
  }

  private _get(name: "_growth_factor" | "_backoff_factor" | "_growth_interval"): number {
    const v = this._factors[name];
    if (v === undefined) throw new AttributeError(`'GradScaler' object has no attribute '${name}'`);
    return v;
  }

  /** PyTorch 1.13's disabled scaler never sets its factors, so reading one first raises AttributeError. */
  get_growth_factor(): number {
    return this._get("_growth_factor");
  }
  set_growth_factor(new_factor: number): void {
    this._factors._growth_factor = new_factor;
  }
  get_backoff_factor(): number {
    return this._get("_backoff_factor");
  }
  set_backoff_factor(new_factor: number): void {
    this._factors._backoff_factor = new_factor;
  }
  get_growth_interval(): number {
    return this._get("_growth_interval");
  }
  set_growth_interval(new_interval: number): void {
    this._factors._growth_interval = new_interval;
  }

  /** `{}` when disabled. */
  state_dict(): GradScalerState {
    return {};
  }

  /** A no-op when disabled. */
  load_state_dict(state_dict: GradScalerState): void {
    void state_dict;
  }
}

/** torch.cuda.amp */
export const cuda_amp = { GradScaler, autocast: cudaAutocast };
/** torch.cpu.amp */
export const cpu_amp = { autocast: cpuAutocast };
