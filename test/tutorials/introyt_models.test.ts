/**
 * The introyt series' "Building Models with PyTorch" (pytorch/tutorials beginner_source/introyt/
 * modelsyt_tutorial.py) ported line by line against PyTorch 1.13 (test/reference/gen_tutorials4.py,
 * section introyt_models): printing a model, a layer and their Parameters (the 200x100 weight
 * summarised), a Linear layer's input / parameters / output, MaxPool2d on an unbatched [1, 6, 6]
 * tensor, BatchNorm1d in training mode, and Dropout(p=0.4) drawing two masks. The tutorial's LeNet
 * and LSTMTagger are only defined there (the LSTM tagger is ported in nlp_sequence_models.test.ts);
 * the tutorial does not seed, so both sides start with torch.manual_seed(0).
 */
import { torch } from "../../src";
import { reference, expectSamePrint } from "./_tutorial";

type Tensor = InstanceType<typeof torch.Tensor>;
const R = reference("introyt_models");

class TinyModel extends torch.nn.Module {
  linear1 = new torch.nn.Linear(100, 200);
  activation = new torch.nn.ReLU();
  linear2 = new torch.nn.Linear(200, 10);
  softmax = new torch.nn.Softmax();
  forward(x: Tensor): Tensor {
    x = this.linear1(x);
    x = this.activation(x);
    x = this.linear2(x);
    x = this.softmax(x);
    return x;
  }
}

test("introyt models: printing modules and parameters, Linear, MaxPool2d, BatchNorm1d, Dropout", () => {
  const printed: string[] = [];
  const print = (...xs: unknown[]) => printed.push(xs.map((x) => String(x)).join(" "));
  torch.manual_seed(0);
  const tinymodel = new TinyModel();
  print("The model:");
  print(tinymodel);
  print("\n\nJust one layer:");
  print(tinymodel.linear2);
  print("\n\nModel params:");
  for (const param of tinymodel.parameters()) print(param);
  print("\n\nLayer params:");
  for (const param of tinymodel.linear2.parameters()) print(param);

  const lin = new torch.nn.Linear(3, 2);
  const x = torch.rand(1, 3);
  print("Input:");
  print(x);
  print("\n\nWeight and Bias parameters:");
  for (const param of lin.parameters()) print(param);
  const y = lin(x);
  print("\n\nOutput:");
  print(y);

  let my_tensor = torch.rand(1, 6, 6);
  print(my_tensor);
  const maxpool_layer = new torch.nn.MaxPool2d(3);
  print(maxpool_layer(my_tensor));

  my_tensor = torch.rand(1, 4, 4).mul(20).add(5);
  print(my_tensor);
  print(my_tensor.mean());
  const norm_layer = new torch.nn.BatchNorm1d(4);
  const normed_tensor = norm_layer(my_tensor);
  print(normed_tensor);
  print(normed_tensor.mean());

  my_tensor = torch.rand(1, 4, 4);
  const dropout = new torch.nn.Dropout({ p: 0.4 });
  print(dropout(my_tensor));
  print(dropout(my_tensor));

  const want = R.printed as string[];
  expect(printed.length).toBe(want.length);
  // normed_tensor.mean() is float32 rounding noise around 0 (PyTorch: -1.1176e-07): compared by value.
  const meanAt = want.findIndex((w) => w.includes("MeanBackward0"));
  want.forEach((w, i) => {
    if (i !== meanAt) return expectSamePrint(printed[i], w);
    expect(printed[i]).toMatch(/, grad_fn=<MeanBackward0>\)$/);
    expect(Math.abs(normed_tensor.mean().item())).toBeLessThan(1e-6);
  });
});
