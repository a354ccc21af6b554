/**
 * Recipe "Saving and loading models for inference in PyTorch" (pytorch/tutorials
 * recipes_source/recipes/saving_and_loading_models_for_inference.py) ported line by line against
 * PyTorch 1.13 (test/reference/gen_recipes.py, section inference): the state_dict way and the
 * entire-model way, and the recipe's warning that `model.load_state_dict(PATH)` does not take a path.
 *
 * One difference from 1.13, by design (src/serialization/FORMAT.md): `torch.load` rebuilds a module of
 * the user's own class only once the class is registered (it runs no code a file names), so the
 * entire-model load is `torch.serialization.add_safe_globals([Net])` before `torch.load(PATH)`.
 */
import { torch } from "../../src";
import { reference, expectTensor, type Encoded } from "./_tutorial";
import { Net, inTempDir } from "./_recipes";

const R = reference("inference");
inTempDir();

test("saving_and_loading_models_for_inference: via state_dict, and the entire model", () => {
  torch.manual_seed(0);
  const net = new Net();

  // Specify a path
  let PATH = "state_dict_model.pt";
  // Save
  torch.save(net.state_dict(), PATH);
  // Load
  let model = new Net();
  const loaded = model.load_state_dict(torch.load(PATH) as never);
  model.eval();
  const x = torch.rand(1, 3, 32, 32);
  expect(String(loaded)).toBe(R.loaded);
  expect(String(model.eval())).toBe(R.eval_repr);
  expectTensor(model(x), R.state_dict_output as Encoded);

  // Specify a path
  PATH = "entire_model.pt";
  // Save
  torch.save(net, PATH);
  // Load
  torch.serialization.add_safe_globals([Net]);
  model = torch.load(PATH) as Net;
  model.eval();
  expect(model).toBeInstanceOf(Net);
  expectTensor(model(x), R.entire_output as Encoded);

  // "you CANNOT load using model.load_state_dict(PATH)"
  const [cls, message] = R.path_error as [string, string];
  expect(() => model.load_state_dict(PATH as never)).toThrow(message);
  expect(() => model.load_state_dict(PATH as never)).toThrow(expect.objectContaining({ name: cls }));
});
