/**
 * nn.DataParallel: PyTorch splits a batch over several GPUs and runs a replica of the module on each.
 * torchlab runs on one device (tfjs's backend), which is PyTorch's single-device case: forward is
 * the wrapped module's forward. What users depend on is kept: `.module` is the wrapped module, so
 * state_dict keys gain the `module.` prefix (and `model.module.state_dict()` drops it again), and the
 * repr is PyTorch's. Without CUDA, `device_ids` is [] (PyTorch's CPU-only case returns from its
 * constructor there); with the CUDA backend it is [0], with `output_device` 0 and `dim` as given.
 */
import { cudaAvailable } from "../../backend";
import { TypeError } from "../../errors";
import { parseArgs } from "../../tensor/args";
import { Module } from "./module";

export interface DataParallelOptions {
  device_ids?: (number | string)[] | null;
  output_device?: number | string | null;
  dim?: number;
}

/**
 * Implements data parallelism at the module level (here: one device, so `forward` is the module's).
 *
 * Args:
 *   module: the module to parallelize.
 *   device_ids: CUDA devices (default: all; torchlab has one).
 *   output_device: where the output goes (default: device_ids[0]).
 *   dim: the batch dimension the input would be scattered along (default: 0).
 *
 * @example
 * const model = new nn.DataParallel(new Net());
 * const out = model(input);
 * torch.save(model.module.state_dict(), "model.pt");
 */
export class DataParallel<M extends Module = Module> extends Module {
  module: M;
  device_ids!: number[];
  output_device?: number;
  dim?: number;

  constructor(module: M, device_ids?: (number | string)[] | null | DataParallelOptions, output_device?: number | string | null, dim?: number) {
    super();
    const a = parseArgs("DataParallel", [module, device_ids, output_device, dim].filter((v) => v !== undefined), ["module", "device_ids", "output_device", "dim"]);
    const m = a.module;
    if (!(m instanceof Module)) throw new TypeError(`DataParallel(): module must be an nn.Module, not ${m === null ? "null" : typeof m}`);
    this.module = m as M;
    if (!cudaAvailable()) {
      this.device_ids = [];
      return;
    }
    const ids = (a.device_ids as (number | string)[] | null | undefined) ?? [0];
    this.device_ids = ids.map((d) => (typeof d === "number" ? d : Number(String(d).split(":")[1] ?? 0)));
    const out = (a.output_device as number | string | null | undefined) ?? this.device_ids[0];
    this.output_device = typeof out === "number" ? out : Number(String(out).split(":")[1] ?? 0);
    this.dim = (a.dim as number | undefined) ?? 0;
  }

  forward(...inputs: unknown[]): unknown {
    return (this.module as unknown as (...a: unknown[]) => unknown)(...inputs);
  }
}
