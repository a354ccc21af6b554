/**
 * Recipe "Warmstarting model using parameters from a different model in PyTorch" (pytorch/tutorials
 * recipes_source/recipes/warmstarting_model_using_parameters_from_a_different_model.py) ported line by
 * line against PyTorch 1.13 (test/reference/gen_recipes.py, section warmstarting): netA's state_dict
 * loaded into netB with strict=False. Beyond the recipe, a model whose keys partly differ (NetC)
 * shows what strict=False reports and what strict loading raises.
 */
import { torch } from "../../src";
import { reference } from "./_tutorial";
import { Net, inTempDir } from "./_recipes";

const { nn } = torch;
const R = reference("warmstarting");
inTempDir();

class NetA extends Net {}
class NetB extends Net {}

class NetC extends nn.Module {
  conv1 = new nn.Conv2d(3, 6, 5);
  head = new nn.Linear(84, 10);
}

test("warmstarting: netB.load_state_dict(torch.load(PATH), strict=False)", () => {
  torch.manual_seed(0);
  const netA = new NetA();
  const netB = new NetB();

  // Specify a path to save to
  const PATH = "model.pt";
  torch.save(netA.state_dict(), PATH);

  const r = netB.load_state_dict(torch.load(PATH) as never, { strict: false });
  expect(String(r)).toBe(R.result);

  const netC = new NetC();
  const rc = netC.load_state_dict(torch.load(PATH) as never, { strict: false });
  expect(String(rc)).toBe(R.result_partial);
  expect(rc.missing_keys).toEqual(R.missing);
  expect(rc.unexpected_keys).toEqual(R.unexpected);
  expect(netC.conv1.weight.equal(netA.conv1.weight)).toBe(R.conv1_equal);
  const [cls, message] = R.strict_error as [string, string];
  let thrown: Error | null = null;
  try {
    new NetC().load_state_dict(torch.load(PATH) as never);
  } catch (e) {
    thrown = e as Error;
  }
  expect(thrown?.name).toBe(cls);
  expect(thrown?.message).toBe(message);
});
