/**
 * Shared by the ports of PyTorch's recipes (test/reference/gen_recipes.py): the recipes' CIFAR `Net`,
 * a `print` that records lines as Python's print joins its arguments, a temporary working folder for
 * the files the recipes save, and an optimizer state_dict as the fixture encodes it.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { torch } from "../../src";
import type { Encoded } from "./_tutorial";

const { nn } = torch;
const F = nn.functional;
type Tensor = InstanceType<typeof torch.Tensor>;

export class Net extends nn.Module {
  conv1: InstanceType<typeof nn.Conv2d>;
  pool: InstanceType<typeof nn.MaxPool2d>;
  conv2: InstanceType<typeof nn.Conv2d>;
  fc1: InstanceType<typeof nn.Linear>;
  fc2: InstanceType<typeof nn.Linear>;
  fc3: InstanceType<typeof nn.Linear>;
  constructor() {
    super();
    this.conv1 = new nn.Conv2d(3, 6, 5);
    this.pool = new nn.MaxPool2d(2, 2);
    this.conv2 = new nn.Conv2d(6, 16, 5);
    this.fc1 = new nn.Linear(16 * 5 * 5, 120);
    this.fc2 = new nn.Linear(120, 84);
    this.fc3 = new nn.Linear(84, 10);
  }

  forward(x: Tensor): Tensor {
    x = this.pool(F.relu(this.conv1(x)));
    x = this.pool(F.relu(this.conv2(x)));
    x = x.flatten({ start_dim: 1 });
    x = F.relu(this.fc1(x));
    x = F.relu(this.fc2(x));
    x = this.fc3(x);
    return x;
  }
}

/** Python's print into `printed`: arguments joined by a space, each as str() shows it. */
export function printer(): [string[], (...a: unknown[]) => void] {
  const printed: string[] = [];
  return [printed, (...a: unknown[]) => printed.push(a.map((x) => (x === null ? "None" : typeof x === "boolean" ? (x ? "True" : "False") : String(x))).join(" "))];
}

/** Runs each test of the calling file in a fresh temporary folder (the recipes save to "model.pt"). */
export function inTempDir(): void {
  let dir = "";
  let cwd = "";
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "recipe-"));
    cwd = process.cwd();
    process.chdir(dir);
  });
  afterEach(() => {
    process.chdir(cwd);
    fs.rmSync(dir, { recursive: true, force: true });
  });
}

/** An optimizer state_dict as gen_recipes.py's optimizer_json writes it (state tensors encoded). */
export function optimizerJson(sd: { state: Record<string, Record<string, unknown>>; param_groups: unknown[] }): unknown {
  const enc = (v: unknown): unknown => {
    if (!(v instanceof torch.Tensor)) return v;
    const e: Encoded = { shape: v.shape.slice(), dtype: String(v.dtype).slice(6), values: Array.from(v.detach().contiguous().dataSync()) };
    return e;
  };
  return {
    state: Object.fromEntries(Object.entries(sd.state).map(([k, s]) => [k, Object.fromEntries(Object.entries(s).map(([n, v]) => [n, enc(v)]))])),
    param_groups: JSON.parse(JSON.stringify(sd.param_groups)),
  };
}
