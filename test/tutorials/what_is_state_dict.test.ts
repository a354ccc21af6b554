/**
 * Recipe "What is a state_dict in PyTorch" (pytorch/tutorials recipes_source/recipes/what_is_state_dict.py)
 * ported line by line against PyTorch 1.13 (test/reference/gen_recipes.py, section what_is_state_dict):
 * print(net), the model's state_dict keys with their sizes, and the optimizer's state_dict.
 *
 * Python iterates a dict's keys with `for k in d`; a state_dict here is an object, so `for ... in`.
 * Python prints the optimizer's param_groups as a dict repr; the port compares that entry's value
 * (JSON) and prints the `state` line, whose empty dict Python prints as `{}`.
 */
import { torch } from "../../src";
import { reference } from "./_tutorial";
import { Net, optimizerJson, printer } from "./_recipes";

const { optim } = torch;
const R = reference("what_is_state_dict");

test("what_is_state_dict: the model's and the optimizer's state_dict", () => {
  const [printed, print] = printer();
  torch.manual_seed(0);
  const net = new Net();
  print(net);
  const optimizer = new optim.SGD(net.parameters(), { lr: 0.001, momentum: 0.9 });

  // Print model's state_dict
  print("Model's state_dict:");
  for (const param_tensor in net.state_dict()) {
    print(param_tensor, "\t", net.state_dict()[param_tensor].size());
  }
  print();

  // Print optimizer's state_dict
  print("Optimizer's state_dict:");
  for (const var_name in optimizer.state_dict()) {
    const value = (optimizer.state_dict() as unknown as Record<string, unknown>)[var_name];
    print(var_name, "\t", var_name === "state" ? JSON.stringify(value) : "<param_groups>");
  }
  const want = R.printed as string[];
  expect(printed.slice(0, -1)).toEqual(want.slice(0, -1));
  expect(printed[printed.length - 1]).toBe("param_groups \t <param_groups>");
  expect(optimizerJson(optimizer.state_dict() as never)).toEqual(R.optimizer_state_dict);
});
