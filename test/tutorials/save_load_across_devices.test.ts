/**
 * Recipe "Saving and loading models across devices in PyTorch" (pytorch/tutorials
 * recipes_source/recipes/save_load_across_devices.py), its CPU part ported line by line against
 * PyTorch 1.13 (test/reference/gen_recipes.py, section across_devices): torch.load with
 * `map_location=torch.device('cpu')` and `model.to(device)`. The GPU steps need CUDA, which the
 * reference machine lacks.
 */
import { torch } from "../../src";
import { reference, expectTensor, type Encoded } from "./_tutorial";
import { Net, inTempDir } from "./_recipes";

const R = reference("across_devices");
inTempDir();

test("save_load_across_devices: save, load with map_location=torch.device('cpu')", () => {
  torch.manual_seed(0);
  const net = new Net();

  // Specify a path to save to
  const PATH = "model.pt";
  // Save
  torch.save(net.state_dict(), PATH);
  // Load
  const device = torch.device("cpu");
  const model = new Net();
  const loaded = model.load_state_dict(torch.load(PATH, { map_location: device }) as never);
  const x = torch.rand(1, 3, 32, 32);
  expect(String(device)).toBe(R.device);
  expect(String(loaded)).toBe(R.loaded);
  expectTensor(model(x), R.output as Encoded);
  expect(String(model.to(device))).toBe(R.to);
});
