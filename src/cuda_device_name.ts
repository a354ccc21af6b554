/**
 * torch.cuda.get_device_name: the GPU's name as the driver reports it. tfjs-node-gpu does not say
 * which GPU it runs on, so the name is the NVIDIA driver's (Linux's /proc/driver/nvidia/gpus/<bus>/information,
 * its `Model:` line); without CUDA it is PyTorch's "Torch not compiled with CUDA enabled".
 */
import * as fs from "fs";
import * as path from "path";
import { cudaAvailable } from "./backend";
import { AssertionError, RuntimeError, ValueError } from "./errors";
import type { Device } from "./tensor/device";

const GPUS = "/proc/driver/nvidia/gpus";

/** The device index a `get_device_name` argument names (None, 0, "cuda", "cuda:0", torch.device("cuda:0")). */
function deviceIndex(device: number | string | Device | null | undefined): number {
  if (device === null || device === undefined) return 0;
  if (typeof device === "number") return device;
  const spec = String(device);
  const [kind, index] = spec.split(":");
  if (kind !== "cuda") throw new ValueError(`Expected a cuda device, but got: ${spec}`);
  return index === undefined ? 0 : Number(index);
}

export function get_device_name(device: number | string | Device | null = null): string {
  if (!cudaAvailable()) throw new AssertionError("Torch not compiled with CUDA enabled");
  const index = deviceIndex(device);
  const buses = fs.existsSync(GPUS) ? fs.readdirSync(GPUS).sort() : [];
  // torchlab runs on one GPU (torch.cuda.device_count() is 1): the driver's first.
  if (!(index >= 0 && index < Math.min(buses.length, 1))) throw new RuntimeError(`CUDA error: invalid device ordinal (device ${index}; torchlab uses one GPU, and the NVIDIA driver lists ${buses.length} under ${GPUS})`);
  const model = /^Model:\s*(.*)$/m.exec(fs.readFileSync(path.join(GPUS, buses[index], "information"), "utf8"));
  if (model === null) throw new RuntimeError(`get_device_name: the NVIDIA driver's ${GPUS}/${buses[index]}/information has no Model line`);
  return model[1].trim();
}
