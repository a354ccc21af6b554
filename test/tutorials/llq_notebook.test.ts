/**
 * 龙良曲's Deep-Learning-with-PyTorch-Tutorials (dragen1860/Deep-Learning-with-PyTorch-Tutorials, one of
 * the most used Chinese PyTorch video courses), its lessons' code ported line by line in the notebook
 * dialect (test/tutorials/_llq_cells.ts) and run through `torchlab run`: lesson01 autograd_demo.py
 * (autograd.grad), lesson22 main.py (himmelblau minimised with torch.optim.Adam, `x.tolist()` in
 * str.format), lesson05 mnist_train.py with utils.one_hot (`torch.LongTensor(label)`, `scatter_(dim=1,
 * index=idx, value=1)`, SGD with momentum on F.mse_loss), lesson26 main.py (the MLP written with raw
 * w1/b1 tensors, kaiming_normal_, `x@w1.t() + b1`, CrossEntropyLoss, `logits.data.max(1)[1]`, a tensor
 * `correct` formatted with '{}' and '{:.0f}'), lesson27 main.py (the same as nn.Sequential with
 * ReLU(inplace=True)), lesson43 main.py (MyLinear with nn.Parameter, Flatten, named_parameters /
 * named_children / named_modules), lesson45 lenet5.py / resnet.py / main.py (Lenet5 printing its conv
 * shape, ResBlk with the `extra` shortcut, ResNet18 with F.adaptive_avg_pool2d, the CIFAR10 loop with
 * Adam and torch.no_grad evaluation, print(model)), lesson49 seris.py (nn.RNN on a sine wave, Adam, the
 * hidden state detached between steps, the free-running prediction), lesson55 vae.py / main.py (VAE with
 * chunk / randn_like and its KL term), lesson57 wgan_gp.py (Generator / Discriminator on 8 gaussians,
 * weights_init through apply, gradient_penalty with autograd.grad(create_graph=True)) and lesson63
 * resnet.py / pokemon.py / utils.py / train_transfer.py (ResNet18(5), the Pokemon Dataset's
 * 60/20/20 split and denormalize, utils.Flatten with torch.prod, torchvision's resnet18 children[:-1]
 * with a new head, evalute, torch.save / load_state_dict of the best model).
 * What each cell prints must be PyTorch 1.13's (test/reference/gen_llq.py, llq.json).
 *
 * Stand-ins (the same code on both sides): MNIST is seeded torch.rand images normalised as the course's
 * Normalize((0.1307,), (0.3081,)) in a TensorDataset; CIFAR10 and the Pokemon photos are seeded
 * uint8 tensors made PIL images with to_pil_image, passed through the course's transforms (Pokemon's
 * RandomRotation(15) left out); numpy (seris.py's np.random.randint / np.linspace / np.sin, wgan_gp.py's
 * np.random.randn and random.choice) is the same computation with torch (torch.randint, torch.linspace
 * in float64, torch.randn); resnet18(pretrained=True) is resnet18() (no weights offline); device is
 * torch.device('cpu') (`.cuda()` is `.to(device)`); visdom and matplotlib calls are left out.
 * Shrunk: batch sizes 16 / 4 / 32 / 32 / 2 (512, 200, 128, 32, 512, 32), 48 training and 32 test images,
 * 2 or 3 epochs (10, 1000, 50000), himmelblau 2000 Adam steps printing every 400 (20000, 2000), seris.py
 * 60 iterations printing every 10 (6000, 100), the Pokemon images 64 x 64 in train_transfer's loop and 32 x 32 in pokemon.py's sample (224) from 7
 * samples, one epoch (10): at 32 x 32 resnet18's last BatchNorm sees 2 values per channel (batch 2, 1 x 1),
 * whose normalisation turns float32 rounding into losses 1e-3 apart;
 * lesson45's main trains Lenet5 (the course's other choice, in its comment);
 * the ResBlk demos run 32 x 32 inputs (224). Prints added where the course plots: the last cell of
 * lesson05 (the count of losses and the predictions it plots), seris.py's predictions, the VAE's x_hat
 * and kld (viz.images), the Pokemon training loss (viz.line) and the split sizes.
 * Written differently from the course:
 * - `class A(nn.Module)` is `class A extends nn.Module` with `super()`; `def` a function; docstrings
 *   are comments; `with torch.no_grad():` is `torch.no_grad(() => {...})`; tuples are arrays;
 *   `x[:-1]` is x[":-1"], `list(...)[:-1]` the same string slice; `lambda` an arrow function;
 * - `iter(loader).next()` (Python 2's spelling, an AttributeError in PyTorch 1.13) is
 *   `next(iter(loader))`, as lesson05 writes it;
 * - lesson43's TestNet (whose `nn.Conv2d(1, 16, stride=1, padding=1)` lacks kernel_size) is never
 *   built by the course; the port builds it once to show PyTorch's TypeError.
 * Divergences this port found, fixed (each with a focused test):
 * - `pred.detach().numpy().ravel()[0]` (seris.py) raised AttributeError: NumPy's ravel() / flatten()
 *   and a[i] (src/tensor/ndarray.ts, test/tensor/ndarray.test.ts);
 * - `autograd.grad(..., only_inputs=True)` (wgan_gp.py) did not compile: only_inputs is taken and
 *   ignored as PyTorch's (src/autograd/index.ts, test/autograd/higher_order.test.ts).
 */
import * as fs from "fs";
import * as path from "path";
import { cellsOf, sectionsForSuite, type CellOutput } from "./_notebooks";
import { expectSameCells } from "./_tutorial";
import { AUTOGRAD, CIFAR, HIMMELBLAU, MLP_RAW, MLP_SEQ, MNIST, NN_MODULE, POKEMON, SERIES, VAE, WGAN } from "./_llq_cells";

const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "llq.json"), "utf8")) as Record<string, CellOutput[]>;

/** Every cell printed and shows PyTorch's text (expectSameCells); all differing cells are reported at once. */
function expectCells(got: CellOutput[], want: CellOutput[]): void {
  expect(got.length).toBe(want.length);
  const failures: string[] = [];
  want.forEach((w, i) => {
    try {
      expectSameCells([got[i]], [w]);
    } catch (e) {
      failures.push(`cell ${i}: ${(e as Error).message}`);
    }
  });
  expect(failures).toEqual([]);
}

describe("龙良曲's Deep-Learning-with-PyTorch-Tutorials as notebooks through `torchlab run`", () => {
  const nbs = sectionsForSuite("llq", {
    llq: { autograd: AUTOGRAD, himmelblau: HIMMELBLAU, mnist: MNIST, mlp_raw: MLP_RAW, mlp_seq: MLP_SEQ, nn_module: NN_MODULE, cifar: CIFAR, series: SERIES, vae: VAE, wgan: WGAN, pokemon: POKEMON },
  }, 600_000);

  test.each(["autograd", "himmelblau", "mnist", "mlp_raw", "mlp_seq", "nn_module", "cifar", "series", "vae", "wgan", "pokemon"])("%s: each cell prints what PyTorch 1.13 prints", (name) => {
    expectCells(cellsOf(nbs[name]), R[name]);
  });
});
