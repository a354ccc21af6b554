/**
 * Recipe "Saving and loading a general checkpoint in PyTorch" (pytorch/tutorials
 * recipes_source/recipes/saving_and_loading_a_general_checkpoint.py) ported line by line against
 * PyTorch 1.13 (test/reference/gen_recipes.py, section general_checkpoint): a dict of epoch, model and
 * optimizer state_dicts and loss saved with torch.save and read back with torch.load. The recipe
 * builds the second optimizer on `net.parameters()` (not `model`'s); so does the port.
 */
import { torch } from "../../src";
import { reference, expectTensor, type Encoded } from "./_tutorial";
import { Net, inTempDir, optimizerJson } from "./_recipes";

const { optim } = torch;
const R = reference("general_checkpoint");
inTempDir();

test("saving_and_loading_a_general_checkpoint: save the dict, load it into a new model and optimizer", () => {
  torch.manual_seed(0);
  const net = new Net();
  let optimizer = new optim.SGD(net.parameters(), { lr: 0.001, momentum: 0.9 });

  // Additional information
  const EPOCH = 5;
  const PATH = "model.pt";
  const LOSS = 0.4;

  torch.save(
    {
      epoch: EPOCH,
      model_state_dict: net.state_dict(),
      optimizer_state_dict: optimizer.state_dict(),
      loss: LOSS,
    },
    PATH,
  );

  const model = new Net();
  optimizer = new optim.SGD(net.parameters(), { lr: 0.001, momentum: 0.9 });

  const checkpoint = torch.load(PATH) as Record<string, unknown>;
  const loaded = model.load_state_dict(checkpoint["model_state_dict"] as never);
  optimizer.load_state_dict(checkpoint["optimizer_state_dict"] as never);
  const epoch = checkpoint["epoch"];
  const loss = checkpoint["loss"];

  model.eval();
  expect(model.training).toBe(R.training_after_eval);
  // - or -
  model.train();
  expect(model.training).toBe(R.training_after_train);

  expect(Object.keys(checkpoint)).toEqual(R.keys);
  expect(String(loaded)).toBe(R.loaded);
  expect(epoch).toBe(R.epoch);
  expect(loss).toBe(R.loss);
  expect(optimizerJson(optimizer.state_dict() as never)).toEqual(R.optimizer_state_dict);
  expectTensor(model(torch.rand(2, 3, 32, 32)), R.output as Encoded);
});
