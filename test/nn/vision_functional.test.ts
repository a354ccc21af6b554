/** F.conv2d / conv_transpose2d / pooling / interpolate / pad / batch_norm against PyTorch 1.13. */
import { torch } from "../../src";
import { evalTs, loadVision, runCase } from "./vision_helpers";
import { tf } from "../../src/backend/tf";

for (const group of ["conv", "pool", "interp", "pad", "bn", "conv_random", "pool_random", "interp_random", "pad_random", "bn_random", "pool3d", "torch_functional"]) {
  describe(`F vision ${group}`, () => {
    for (const c of loadVision(group).cases) {
      test(c.name, () => runCase(c));
    }
  });
}

// 3-D pooling is built from gathers and segment sums, not from tfjs's 3-D pooling kernels: the same
// cases on tfjs's cpu backend (the reference kernels) as on the active one.
describe("F vision pool3d on the cpu backend", () => {
  let active = "";
  beforeAll(async () => {
    active = tf.getBackend();
    await tf.setBackend("cpu");
  });
  afterAll(async () => {
    await tf.setBackend(active);
  });
  for (const c of loadVision("pool3d").cases) {
    test(c.name, () => runCase(c));
  }
});

describe("grad_fn names match PyTorch", () => {
  const fixture = loadVision<{ grad_fn: { py: string; ts: string; name: string }[] }>("modules");
  for (const c of fixture.grad_fn) {
    test(`${c.py} -> ${c.name}`, () => {
      torch.manual_seed(0);
      const scope = {
        x: torch.randn(1, 2, 6, 6).requires_grad_(),
        w: torch.randn(3, 2, 3, 3).requires_grad_(),
        wt: torch.randn(2, 3, 3, 3).requires_grad_(),
        x3: torch.randn(2, 2, 6).requires_grad_(),
        x5: torch.randn(1, 2, 4, 4, 4).requires_grad_(),
      };
      const y = evalTs(c.ts, scope) as InstanceType<typeof torch.Tensor>;
      expect(y.grad_fn?.name()).toBe(c.name);
    });
  }
});
