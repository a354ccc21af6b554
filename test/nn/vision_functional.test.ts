/** F.conv2d / conv_transpose2d / pooling / interpolate / pad / batch_norm against PyTorch 1.13. */
import { loadVision, runCase } from "./vision_helpers";

for (const group of ["conv", "pool", "interp", "pad", "bn"]) {
  describe(`F vision ${group}`, () => {
    for (const c of loadVision(group).cases) {
      test(c.name, () => runCase(c));
    }
  });
}
