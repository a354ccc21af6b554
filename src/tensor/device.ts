/**
 * torch.device: where a tensor lives ('cpu' always; 'cuda' only under the tfjs-node-gpu backend).
 *
 * A Device is a String object holding PyTorch's str(device) ('cpu', 'cuda:0'), so code written when
 * `x.device` was a plain string keeps working: `String(x.device) === "cpu"`, `${x.device}`,
 * `x.device == "cpu"` (loose equality reads the string) and its string methods. There is one
 * Device per spelling, so `x.device == torch.device("cpu")` and `a.device != b.device` compare as
 * PyTorch's do; only strict equality with a string (`x.device === "cpu"`) is false, as for any object.
 */
import { RuntimeError } from "../errors";

const interned = new Map<string, Device>();

/**
 * A device handle (PyTorch's torch.device): `type` 'cpu', 'cuda' or 'meta', `index` a number or null.
 * torch.device('meta') is a device as in PyTorch; a tensor or module made on it is refused (src/tensor/tensor.ts checkDevice).
 */
export class Device extends String {
  readonly type!: "cpu" | "cuda" | "meta";
  readonly index!: number | null;
  constructor(spec: string | Device) {
    const text = String(spec);
    const [kind, idx] = text.split(":");
    if (kind !== "cpu" && kind !== "cuda" && kind !== "meta") throw new RuntimeError(`Expected one of cpu, cuda device type at start of device string: ${text}`);
    const index = idx === undefined ? null : Number(idx);
    if (index !== null && !(Number.isInteger(index) && index >= 0)) throw new RuntimeError(`Invalid device string: '${text}'`);
    const key = index === null ? kind : `${kind}:${index}`;
    const known = interned.get(key);
    if (known !== undefined) return known;
    super(key);
    this.type = kind;
    this.index = index;
    interned.set(key, this);
    Object.freeze(this);
  }
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return repr(this);
  }
  [Symbol.for("Jupyter.display")](): Record<string, string> {
    return { "text/plain": repr(this) };
  }
}

/** PyTorch's repr: device(type='cpu'), device(type='cuda', index=0). */
function repr(d: Device): string {
  return `device(type='${d.type}'${d.index === null ? "" : `, index=${d.index}`})`;
}
