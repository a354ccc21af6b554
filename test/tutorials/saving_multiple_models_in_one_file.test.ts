/**
 * Recipe "Saving and loading multiple models in one file using PyTorch" (pytorch/tutorials
 * recipes_source/recipes/saving_multiple_models_in_one_file.py) ported line by line against PyTorch
 * 1.13 (test/reference/gen_recipes.py, section multiple_models): two models' and two optimizers'
 * state_dicts in one dict, loaded back into new models. The recipe loads the optimizer states into
 * optimizerA/optimizerB (not the new optimModelA/optimModelB); so does the port.
 */
import { torch } from "../../src";
import { reference, expectTensor, type Encoded } from "./_tutorial";
import { Net, inTempDir } from "./_recipes";

const { optim } = torch;
const R = reference("multiple_models");
inTempDir();

test("saving_multiple_models_in_one_file: save netA, netB and their optimizers, load into modelA, modelB", () => {
  torch.manual_seed(0);
  const netA = new Net();
  const netB = new Net();

  const optimizerA = new optim.SGD(netA.parameters(), { lr: 0.001, momentum: 0.9 });
  const optimizerB = new optim.SGD(netB.parameters(), { lr: 0.001, momentum: 0.9 });

  // Specify a path to save to
  const PATH = "model.pt";

  torch.save(
    {
      modelA_state_dict: netA.state_dict(),
      modelB_state_dict: netB.state_dict(),
      optimizerA_state_dict: optimizerA.state_dict(),
      optimizerB_state_dict: optimizerB.state_dict(),
    },
    PATH,
  );

  const modelA = new Net();
  const modelB = new Net();
  const optimModelA = new optim.SGD(modelA.parameters(), { lr: 0.001, momentum: 0.9 });
  const optimModelB = new optim.SGD(modelB.parameters(), { lr: 0.001, momentum: 0.9 });
  void optimModelA;
  void optimModelB;

  const checkpoint = torch.load(PATH) as Record<string, never>;
  const a = modelA.load_state_dict(checkpoint["modelA_state_dict"]);
  const b = modelB.load_state_dict(checkpoint["modelB_state_dict"]);
  optimizerA.load_state_dict(checkpoint["optimizerA_state_dict"]);
  optimizerB.load_state_dict(checkpoint["optimizerB_state_dict"]);

  modelA.eval();
  modelB.eval();
  const x = torch.rand(2, 3, 32, 32);
  expect(Object.keys(checkpoint)).toEqual(R.keys);
  expect([String(a), String(b)]).toEqual(R.loaded);
  expectTensor(modelA(x), R.outA as Encoded);
  expectTensor(modelB(x), R.outB as Encoded);
  // - or -
  modelA.train();
  modelB.train();
  expect(modelA.training && modelB.training).toBe(true);
});
