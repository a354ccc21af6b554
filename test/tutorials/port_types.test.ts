/**
 * Lines of the tutorial ports, as a user types them in a cell, type-check the way tslab compiles
 * cells (test/cell_types.ts): EmbeddingBag called with (text, offsets), F.embedding_bag with
 * positional or keyword arguments, `len(loader.dataset)`, `output.max(1, {keepdim: true})`,
 * `x.type(torch.float).sum()`, `new nn.LeakyReLU(0.2, {inplace: true})`, pytorch/examples' `sampler: null`,
 * `x.to(device, {non_blocking: true})` and a Linear subclass's super(in, out, bias, device, dtype); and a
 * wrong call is still a type error.
 */
import * as path from "path";
import { SRC, cellsDiagnostics } from "../cell_types";

const CELL = `
import { torch } from "${SRC}";
const nn = torch.nn;
const F = torch.nn.functional;
const { DataLoader, TensorDataset, len } = torch.utils.data;
type Tensor = torch.Tensor;

class TextClassificationModel extends nn.Module {
  embedding: torch.nn.EmbeddingBag;
  fc: torch.nn.Linear;
  constructor(vocab_size: number, embed_dim: number, num_class: number) {
    super();
    this.embedding = new nn.EmbeddingBag(vocab_size, embed_dim, { sparse: false });
    this.fc = new nn.Linear(embed_dim, num_class);
  }
  forward(text: Tensor, offsets: Tensor): Tensor {
    return this.fc(this.embedding(text, offsets));
  }
}
const model = new TextClassificationModel(10, 4, 2);
const logits: Tensor = model(torch.tensor([1, 2, 3]), torch.tensor([0, 2]));
const w = torch.randn(10, 3);
const a: Tensor = F.embedding_bag(torch.tensor([1, 2]), w, torch.tensor([0]), { mode: "sum" });
const b: Tensor = F.embedding_bag(torch.tensor([[1, 2]]), w, { mode: "max" });
const c: Tensor = F.embedding_bag(torch.tensor([1, 2]), w, torch.tensor([0]), null, 2, false, "sum", false, null, false, null);

const loader = new DataLoader(new TensorDataset(torch.rand(4, 2), torch.tensor([0, 1, 0, 1])), { batch_size: 2 });
const n: number = len(loader.dataset) + len(loader);
const output = logits.log_softmax(1);
const pred: Tensor = output.max(1, { keepdim: true })[1];
const lo: Tensor = output.min(1, { keepdim: true }).values;
const correct: number = pred.eq(torch.tensor([0])).type(torch.float).sum().item();
const name: string = pred.type();
const act = new nn.LeakyReLU(0.2, { inplace: true });

// pytorch/examples: imagenet's DataLoader(..., sampler=None) and images.to(device, non_blocking=True),
// mnist_forward_forward's Layer(nn.Linear) passing device and dtype on positionally
const device = torch.device("cpu");
const loader2 = new DataLoader(new TensorDataset(torch.rand(4, 2)), { batch_size: 2, shuffle: false, sampler: null });
const moved: Tensor = torch.rand(2).to(device, { non_blocking: true });
class Layer extends nn.Linear {
  constructor(in_features: number, out_features: number, bias = true, device: torch.device | null = null, dtype: torch.dtype | null = null) {
    super(in_features, out_features, bias, device, dtype);
  }
}
const f64 = new nn.Linear(2, 3, { dtype: torch.float64 });
`;

const BAD = `
import { torch } from "${SRC}";
const F = torch.nn.functional;
F.embedding_bag(torch.tensor([1]), torch.randn(3, 2), { mode: "min" });
const s: Tensor = torch.tensor([1]).type();
type Tensor = torch.Tensor;
`;

const GOOD_FILE = path.join(__dirname, "__port_cell__.ts");
const BAD_FILE = path.join(__dirname, "__port_bad_cell__.ts");
// Both cells in one program: torchlab's declarations are read and checked once.
let diagnostics: Record<string, string[]> | undefined;
const diagnosticsOf = (file: string): string[] => (diagnostics ??= cellsDiagnostics({ [GOOD_FILE]: CELL, [BAD_FILE]: BAD }))[file];

test("the tutorial ports' lines type-check as a cell", () => {
  expect(diagnosticsOf(GOOD_FILE)).toEqual([]);
}, 120000);

test("a wrong call is still a type error", () => {
  expect(diagnosticsOf(BAD_FILE).length).toBe(2);
}, 120000);
