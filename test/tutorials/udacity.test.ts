/**
 * udacity/deep-learning-v2-pytorch, intro-to-pytorch Parts 1-8 (the Solution notebooks and the
 * fc_model.py they import), ported cell by cell in the notebook dialect (test/tutorials/_udacity_cells.ts:
 * classes called without `new`, untyped parameters and forward(x), attributes assigned in
 * constructors) and run as notebooks through `torchlab run`. What a cell displays is printed with
 * console.log; the text must be PyTorch 1.13's (test/reference/gen_udacity.py runs the same cells,
 * udacity.json).
 *
 * Stand-ins: MNIST and FashionMNIST are torchvision's FakeData (1x28x28, 10 classes; 128-192
 * training images, 64-128 test images, batch 64), 2 epochs where the course runs 5 or 30, fc_model's
 * print_every 2; Cat_Dog_data is seeded PNGs (8 train, 4 test, 40-60 pixels) with Resize(255) /
 * crops of 224 scaled to 40 / 32; densenet121(pretrained=True) is a seeded mobilenet_v2 (its head is
 * also `classifier`; 1280 features where densenet has 1024). Where TypeScript differs from Python the
 * cells say so: a class redefined in a later cell needs its variable declared again (`let model =
 * Network()`: the old binding keeps the old class's type), `"{:.3f}".format(tensor)` is
 * `Number(t).toFixed(3)`, OrderedDict([...]) is Sequential's object form (`model.fc1` is
 * `get_submodule('fc1')`: its children are not typed as properties), state_dict().keys() is
 * `Object.keys(...)` printed through JSON, zip / len / iter / next are written as a student would (len is
 * torch.utils.data's), `with torch.no_grad():` is a callback.
 *
 * Left out: the matplotlib cells (helper.view_classify, helper.imshow, the loss plots: the values
 * they would draw are printed instead), Part 1's numpy bridge (np.random.rand; from_numpy shares
 * memory with a numpy array in PyTorch, which JavaScript has no counterpart for), type(images),
 * the six.moves download opener, CUDA (Part 8 times the CPU only and prints the losses instead of the
 * time per batch).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { printedText, sectionsForSuite } from "./_notebooks";
import { expectSamePrint } from "./_tutorial";
import { PART1, PART2, PART3, PART4, PART5, part6, part7, part8 } from "./_udacity_cells";

const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "udacity.json"), "utf8")) as Record<string, string[]>;
const DIR = fs.mkdtempSync(path.join(os.tmpdir(), "torchlab-udacity-"));
fs.mkdirSync(path.join(DIR, "p6"));

/** Printed text equals PyTorch's; objects printed by identity have no address in either. */
function expectPrinted(got: string, want: string[], tol?: number): void {
  const g = got.replace(/\n$/, "").replace(/ object at 0x[0-9a-f]{12}>/g, " object>");
  expectSamePrint(g, want.join("\n"), tol);
}

/** Losses and accuracies printed with 3 decimals may round the last digit the other way after a few float32 steps. */
const THREE_DECIMALS = 2e-3;

describe("udacity intro-to-pytorch Parts 1-8 as notebooks through `torchlab run`", () => {
  const nbs = sectionsForSuite(
    "udacity",
    { udacity: { part1: PART1, part2: PART2, part3: PART3, part4: PART4, part5: PART5, part6: part6(path.join(DIR, "p6")), part7: part7(path.join(DIR, "p7")), part8: part8(path.join(DIR, "p8")) } },
    300_000,
  );

  test("Part 1: a sigmoid neuron and a two-layer network from seeded randn, by sum, mm and view", () => {
    expectPrinted(printedText(nbs.part1), R.part1);
  });

  test("Part 2: FakeData batches, a network by hand, softmax, nn.Module classes, init, Sequential and OrderedDict", () => {
    expectPrinted(printedText(nbs.part2), R.part2);
  });

  test("Part 3: CrossEntropyLoss / NLLLoss, autograd on x**2, gradients before and after backward, one SGD step, the training loop", () => {
    expectPrinted(printedText(nbs.part3), R.part3);
  });

  test("Part 4: the Classifier trained with Adam; class probabilities of a test image", () => {
    expectPrinted(printedText(nbs.part4), R.part4);
  });

  test("Part 5: topk, accuracy, validation loops with reduction='sum' and with dropout, eval()", () => {
    expectPrinted(printedText(nbs.part5), R.part5, THREE_DECIMALS);
  });

  test("Part 6: fc_model's Network / train / validation, state_dict keys, save / load, the size-mismatch error, a checkpoint dict", () => {
    expectPrinted(printedText(nbs.part6), R.part6, THREE_DECIMALS);
  });

  test("Part 7: ImageFolder with Resize / CenterCrop and with RandomRotation / RandomResizedCrop / RandomHorizontalFlip", () => {
    expectPrinted(printedText(nbs.part7), R.part7);
  });

  test("Part 8: a frozen mobilenet_v2 with a new classifier, its losses and the evaluation loop", () => {
    // 3e-3: the epoch's train loss (Adam on the new head over a frozen mobilenet_v2 in grad mode) prints
    // 0.940-0.941 against PyTorch's 0.939 with the wasm NCHW kernels of the 1x1 convs, whose outputs are
    // within 1e-6 of the cpu kernels'; the two losses printed before it agree to 2e-4.
    expectPrinted(printedText(nbs.part8), R.part8, 3e-3);
  });
});
