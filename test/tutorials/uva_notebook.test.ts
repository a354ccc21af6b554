/**
 * The University of Amsterdam Deep Learning course's tutorials (Phillip Lippe, phlippe/uvadlc_notebooks,
 * docs/tutorial_notebooks/): tutorial 2 (Introduction to PyTorch), tutorial 3 (Activation functions)
 * and tutorial 6 (Transformers and multi-head attention), ported cell by cell in the notebook dialect
 * (test/tutorials/_uva_cells.ts) and run as one notebook through `torchlab run`. What each cell prints
 * and shows must be PyTorch 1.13's (test/reference/gen_uva.py runs the same cells as IPython does,
 * uva.json).
 *
 * Stand-ins and shrinking: tutorial 2's XOR training runs 20 epochs (100); tutorial 3's FashionMNIST is
 * 192 + 64 seeded torch.rand images in [-1, 1] (what ToTensor + Normalize((0.5,), (0.5,)) give) with
 * seeded random labels (TensorDataset; random_split 128 / 64), train_model runs 2 epochs (50) at
 * batch_size=64, and the activation functions are evaluated on linspace(-5, 5, 11) (1000 points);
 * tutorial 6's ReverseDataset has 512 / 128 / 128 sequences (50000 / 1000 / 10000) and trains 3 epochs
 * (10) with warmup 4 (50). `pl.seed_everything(42)` is `torch.manual_seed(42)` on both sides.
 * Left out: the matplotlib / seaborn cells (plots of the data, the activation functions, the
 * positional encoding, the lr factor, histograms, attention maps): where a plot shows values, a cell
 * prints them instead (the activation functions and their gradients, the gradients' and activations'
 * mean and std per layer, a slice of the positional encoding, the lr factor every 250 iterations, a
 * slice of an attention map); `torch.__version__`; the NumPy bridge cells of tutorial 2 (torchlab's
 * `numpy()` is not NumPy's array); the GPU timing cell; TensorBoard; the pretrained-model downloads
 * (tutorial 3 trains its models here; tutorial 6's checkpoints); tutorial 6's set anomaly detection
 * (CIFAR100 with a pretrained ResNet34). `torch.Tensor(2, 3, 4)` prints its shape (PyTorch leaves its
 * values uninitialised). Tutorial 4 (Optimization and Initialization) is not ported: its notebook is not
 * in the stored snapshot of the repository (time).
 * Written differently from the tutorials:
 * - `import torch.utils.data as data` is `const data = torch.utils.data`; os / json are Node's fs / path
 *   and JSON (`json.dump(config)` is `JSON.stringify`, `os.path.isfile` is `fs.existsSync`).
 * - `with torch.no_grad():` is `torch.no_grad(() => {...})`; `@torch.no_grad()` over a method is its body
 *   inside `torch.no_grad(() => ...)`; a tuple result `return values, attention` is an array, and
 *   `return data_point, data_label` in a Dataset is `tuple([...])` so that it prints as Python's tuple.
 * - `**block_args` / `**kwargs` / `**config_dict` are an options object read field by field (TypeScript
 *   has no keyword splat); `partial(ReverseDataset, 10, 16)` is an arrow function; LightningModule's
 *   `save_hyperparameters()` is an `hparams` object (a SimpleNamespace in the generator), and its
 *   Trainer a plain loop over train_loader that steps the optimizer and the scheduler per batch.
 * - `self.__class__.__name__` is `this.constructor.name`; `act_fn_by_name[name](**cfg)` is
 *   `new act_fn_by_name[name](...)` (a class taken from a dict is called with `new`); str.center is a
 *   helper; `net.layers[:-1]` is `net.layers.slice(0, -1)` (Sequential's slice: the dialect's `x[":-1"]`
 *   is a tensor's index, not a container's); `CosineWarmupScheduler` sets its fields after `super(optimizer)`
 *   (JavaScript cannot set them before, PyTorch's subclass does) and uses Math.cos for np.cos.
 * - `train_loader.dataset[0]` casts the loader's dataset to its class, `(train_loader.dataset as
 *   ReverseDataset)[0]`: DataLoader's `dataset` is typed as any dataset-like value, so the dialect does
 *   not take `[0]` for `__getitem__` (found, left alone: DataLoader would need its dataset's type as a
 *   type parameter).
 * - tutorial 6 prints `scaled_dot_product` with a causal mask too (masked_fill's path), and the
 *   scheduler's lr before and after three steps.
 * Divergences this port found, fixed: `print(dataset[0])` wrote a list where Python prints the tuple
 *   (Python's `tuple` builtin, src/builtins.ts); `this.name = ...` in a module's constructor (Python's
 *   `self.name = self.__class__.__name__`) did not compile: a module's call signature gave it
 *   Function's read-only `name` (kernel/rewrite.ts now declares it as the module's own attribute); and
 *   a user's `_LRScheduler` subclass never took PyTorch's first step in the constructor (epoch 0's lr,
 *   0 during warm-up), so the warm-up started one step late: it now takes it before the optimizer's first
 *   step (src/optim/lr_scheduler.ts); `l(x, mask=mask)` on an nn.ModuleList's item did not compile (its
 *   forward is unknown to the checker: the keywords are now placed when the call runs,
 *   kernel/keyword_args.ts), and `l.self_attn(x, mask=mask, return_attention=True)` on such an item ran
 *   PyTorch's Module.apply(fn) instead of the child module (kernel/keyword_call.ts used `f.apply`).
 */
import * as fs from "fs";
import * as path from "path";
import { cellsOf, sectionsForSuite, type CellOutput } from "./_notebooks";
import { expectSameCells } from "./_tutorial";
import { T2, T3, T6 } from "./_uva_cells";

const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "uva.json"), "utf8")) as Record<string, CellOutput[]>;

/** A Python object's address (`<torch._C.Generator at 0x7f...>`) differs from run to run. */
const addressFree = (c: CellOutput): CellOutput => ({ printed: c.printed.replace(/0x[0-9a-f]+/g, "0x"), shown: c.shown && c.shown.replace(/0x[0-9a-f]+/g, "0x") });

/** Every cell printed and shows PyTorch's text (expectSameCells); all differing cells are reported at once. */
function expectCells(got: CellOutput[], want: CellOutput[]): void {
  expect(got.length).toBe(want.length);
  const failures: string[] = [];
  want.forEach((w, i) => {
    try {
      expectSameCells([addressFree(got[i])], [addressFree(w)]);
    } catch (e) {
      failures.push(`cell ${i}: ${(e as Error).message}`);
    }
  });
  expect(failures).toEqual([]);
}

describe("UvA DL course tutorials (Phillip Lippe) as one notebook through `torchlab run`", () => {
  const nbs = sectionsForSuite("uva", { uva: { t2: T2, t3: T3, t6: T6 } }, 600_000);

  test("tutorial 2, Introduction to PyTorch: tensors, view / permute / matmul / indexing, requires_grad_ and backward, SimpleClassifier, the XORDataset, DataLoader, train_model, state_dict save / load, eval_model", () => {
    expectCells(cellsOf(nbs.t2), R.t2);
  });

  test("tutorial 3, Activation functions: an ActivationFunction base class with a config dict, Sigmoid / Tanh / ReLU / LeakyReLU / ELU / Swish by hand and their gradients, BaseNetwork over nn.Sequential(...layers), a json config + state_dict save / load, training with early stopping, activation statistics, dead neurons", () => {
    expectCells(cellsOf(nbs.t3), R.t3);
  });

  test("tutorial 6, Transformers and multi-head attention: scaled_dot_product with masked_fill, MultiheadAttention (qkv_proj, xavier_uniform_), EncoderBlock, TransformerEncoder.get_attention_maps, PositionalEncoding's non-persistent buffer, a CosineWarmupScheduler subclass of _LRScheduler, the ReverseDataset trained in a plain loop, attention maps", () => {
    expectCells(cellsOf(nbs.t6), R.t6);
  });
});
