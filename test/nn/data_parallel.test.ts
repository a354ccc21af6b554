/**
 * nn.DataParallel on one device (test/reference/gen_parallel_devices.py, PyTorch 1.13 without CUDA):
 * former_torchies/parallelism_tutorial.py's DataParallelModel, with block2 wrapped. Forward and
 * backward are the module's; the repr, the `module.`-prefixed state_dict keys and device_ids are
 * PyTorch's.
 */
import * as fs from "fs";
import * as path from "path";
import { torch } from "../../src";
import { det, det_init_, expectTensor, type Encoded } from "../tutorials/_tutorial";

const { nn } = torch;
type Tensor = InstanceType<typeof torch.Tensor>;
const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "parallel_devices.json"), "utf8")).data_parallel as Record<string, unknown>;

class DataParallelModel extends nn.Module {
  block1: InstanceType<typeof nn.Linear>;
  block2: InstanceType<typeof nn.Linear> | InstanceType<typeof nn.DataParallel>;
  block3: InstanceType<typeof nn.Linear>;
  constructor() {
    super();
    this.block1 = new nn.Linear(10, 20);
    // wrap block2 in DataParallel
    this.block2 = new nn.Linear(20, 20);
    this.block2 = new nn.DataParallel(this.block2);
    this.block3 = new nn.Linear(20, 20);
  }

  forward(x: Tensor): Tensor {
    x = this.block1(x);
    x = (this.block2 as (x: Tensor) => Tensor)(x);
    x = this.block3(x);
    return x;
  }
}

test("DataParallelModel: repr, state_dict keys, forward and backward through the wrapped block", () => {
  const model = new DataParallelModel();
  det_init_(model);
  const x = det([3, 10], 0.5);
  const out = model(x);
  out.sum().backward();
  const wrapped = new nn.DataParallel(model);
  const block2 = model.block2 as InstanceType<typeof nn.DataParallel<InstanceType<typeof nn.Linear>>>;
  expect(String(model)).toBe(R.repr);
  expect(String(wrapped)).toBe(R.wrapped_repr);
  expect(Object.keys(model.state_dict())).toEqual(R.keys);
  expect(Object.keys(wrapped.state_dict())).toEqual(R.wrapped_keys);
  expect(Object.keys(wrapped.module.state_dict())).toEqual(R.module_keys);
  if (!torch.cuda.is_available()) {
    expect(block2.device_ids).toEqual(R.device_ids);
    expect(block2.output_device !== undefined).toBe(R.has_output_device);
  }
  expectTensor(out, R.output as Encoded);
  expectTensor(block2.module.weight.grad!, R.block2_weight_grad as Encoded);
  expect((wrapped as unknown as (x: Tensor) => Tensor)(x).equal(out)).toBe(R.same_output);
  expect(wrapped.module === model).toBe(R.module_is);
});

test("DataParallel needs a module", () => {
  expect(() => new nn.DataParallel(3 as never)).toThrow(torch.TypeError);
  expect(() => new nn.DataParallel(3 as never)).toThrow("DataParallel(): module must be an nn.Module, not number");
});
