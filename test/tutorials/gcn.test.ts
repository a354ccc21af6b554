/**
 * pytorch/examples gcn/main.py ported line by line against PyTorch 1.13 (test/reference/gen_gcn.py):
 * GraphConv (xavier_normal_ kernel, torch.mm of the sparse features, torch.spmm of the sparse adjacency),
 * the two-layer GCN with ReLU, dropout and log_softmax, load_cora's sparse steps (diag(..).to_sparse() @
 * features, torch.sparse_coo_tensor of the citations, eye + sparse, the degree renormalisation), Adam
 * with weight decay, NLLLoss on index masks and the train_iter / test printouts. The Cora download is
 * the generator's seeded stand-in files in Cora's format, parsed here as np.genfromtxt reads them.
 * `degree_mat @ adj_mat @ degree_mat` is refused by PyTorch 1.13 (dense @ sparse) and here alike; both
 * sides then write it with the sparse operand on the left. The per-epoch seconds are compared by format only.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { torch } from "../../src";
import { expectSamePrint } from "./_tutorial";

const { nn } = torch;
const F = nn.functional;
const { Adam } = torch.optim;
type Tensor = InstanceType<typeof torch.Tensor>;
const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "gcn.json"), "utf8")) as Record<string, unknown>;

const printed: string[] = [];
const print = (s: string): void => void printed.push(s);

/** Graph Convolutional Layer of "Semi-Supervised Classification with Graph Convolutional Networks": H' = f(D^-1/2 A D^-1/2 H W). */
class GraphConv extends nn.Module {
  kernel: InstanceType<typeof nn.Parameter>;
  bias: InstanceType<typeof nn.Parameter> | null;
  constructor(input_dim: number, output_dim: number, use_bias = false) {
    super();
    // Initialize the weight matrix W (in this case called `kernel`); torch.Tensor(input_dim, output_dim) is torch.empty here
    this.kernel = new nn.Parameter(torch.empty(input_dim, output_dim));
    nn.init.xavier_normal_(this.kernel); // Initialize the weights using Xavier initialization

    // Initialize the bias (if use_bias is True)
    this.bias = null;
    if (use_bias) {
      this.bias = new nn.Parameter(torch.empty(output_dim));
      nn.init.zeros_(this.bias); // Initialize the bias to zeros
    }
  }

  forward(input_tensor: Tensor, adj_mat: Tensor): Tensor {
    const support = torch.mm(input_tensor, this.kernel); // Matrix multiplication between input and weight matrix
    let output = torch.spmm(adj_mat, support); // Sparse matrix multiplication between adjacency matrix and support
    // Add the bias (if bias is not None)
    if (this.bias !== null) output = output.add(this.bias);

    return output;
  }
}

/** Graph Convolutional Network: two GraphConv layers, ReLU and dropout between them, log_softmax after. */
class GCN extends nn.Module {
  gc1: GraphConv;
  gc2: GraphConv;
  dropout: InstanceType<typeof nn.Dropout>;
  constructor(input_dim: number, hidden_dim: number, output_dim: number, use_bias = true, dropout_p = 0.1) {
    super();
    // Define the Graph Convolution layers
    this.gc1 = new GraphConv(input_dim, hidden_dim, use_bias);
    this.gc2 = new GraphConv(hidden_dim, output_dim, use_bias);

    // Define the dropout layer
    this.dropout = new nn.Dropout(dropout_p);
  }

  forward(input_tensor: Tensor, adj_mat: Tensor): Tensor {
    // Perform the first graph convolutional layer
    let x = this.gc1(input_tensor, adj_mat);
    x = F.relu(x); // Apply ReLU activation function
    x = this.dropout(x); // Apply dropout regularization

    // Perform the second graph convolutional layer
    x = this.gc2(x, adj_mat);

    // Apply log-softmax activation function for classification
    return F.log_softmax(x, { dim: 1 });
  }
}

/** np.genfromtxt(path, dtype=str): whitespace-separated fields, one row a line. */
function genfromtxt(file: string): string[][] {
  return fs.readFileSync(file, "utf8").split("\n").filter((l) => l.trim() !== "").map((l) => l.trim().split(/\s+/));
}

function load_cora(dir = "./cora", device: ReturnType<typeof torch.device> | string = "cpu"): [Tensor, Tensor, Tensor] {
  // Set the paths to the data files
  const content_path = path.join(dir, "cora.content");
  const cites_path = path.join(dir, "cora.cites");

  // Load data from files
  const content_tensor = genfromtxt(content_path);
  const cites_tensor = genfromtxt(cites_path).map((r) => r.map(Number));

  // Process features
  let features = torch.FloatTensor(content_tensor.map((r) => r.slice(1, -1).map(Number))); // Extract feature values
  let scale_vector = torch.sum(features, { dim: 1 }); // Compute sum of features for each node
  scale_vector = scale_vector.reciprocal(); // Compute reciprocal of the sums
  scale_vector.setitem(scale_vector.eq(Infinity), 0); // Handle division by zero cases
  scale_vector = torch.diag(scale_vector).to_sparse(); // Convert the scale vector to a sparse diagonal matrix
  features = scale_vector.matmul(features); // Scale the features using the scale vector

  // Process labels: np.unique(content_tensor[:, -1], return_inverse=True)
  const names = content_tensor.map((r) => r[r.length - 1]);
  const classes = Array.from(new Set(names)).sort();
  const labels = torch.LongTensor(names.map((n) => classes.indexOf(n))); // Convert labels to a tensor

  // Process adjacency matrix
  const idx = content_tensor.map((r) => Number(r[0])); // Extract node indices
  const idx_map = new Map(idx.map((id, pos) => [id, pos])); // Create a dictionary to map indices to positions

  // Map node indices to positions in the adjacency matrix
  const edges = torch.tensor(cites_tensor.map((edge) => [idx_map.get(edge[0])!, idx_map.get(edge[1])!]), { dtype: torch.int32 });

  const V = idx.length; // Number of nodes
  const E = edges.shape[0]; // Number of edges
  let adj_mat = torch.sparse_coo_tensor(edges.T, torch.ones(E), [V, V], { dtype: torch.int64 }); // Create the initial adjacency matrix as a sparse tensor
  expect(String(adj_mat)).toBe(R.adj_sparse);
  adj_mat = torch.eye(V).add(adj_mat); // Add self-loops to the adjacency matrix

  let degree_mat = torch.sum(adj_mat, { dim: 1 }); // Compute the sum of each row in the adjacency matrix (degree matrix)
  degree_mat = torch.sqrt(degree_mat.reciprocal()); // Compute the reciprocal square root of the degrees
  degree_mat.setitem(degree_mat.eq(Infinity), 0); // Handle division by zero cases
  degree_mat = torch.diag(degree_mat).to_sparse(); // Convert the degree matrix to a sparse diagonal matrix

  // adj_mat = degree_mat @ adj_mat @ degree_mat: PyTorch 1.13 has no dense @ sparse kernel
  const err = R.renormalization_error as { type: string; message: string };
  expect(() => degree_mat.matmul(adj_mat).matmul(degree_mat)).toThrow(err.type === "NotImplementedError" ? torch.NotImplementedError : Error);
  adj_mat = degree_mat.matmul(degree_mat.matmul(adj_mat).t()).t(); // Apply the renormalization trick

  return [features.to_sparse().to(device), labels.to(device), adj_mat.to_sparse().to(device)];
}

type Input = [Tensor, Tensor];

function train_iter(epoch: number, model: GCN, optimizer: InstanceType<typeof Adam>, criterion: InstanceType<typeof nn.NLLLoss>, input: Input, target: Tensor, mask_train: Tensor, mask_val: Tensor, print_every = 10): void {
  const start_t = performance.now() / 1000;
  model.train();
  optimizer.zero_grad();

  // Forward pass
  const output = model(...input);
  const loss = criterion(output.index(mask_train), target.index(mask_train)); // Compute the loss using the training mask

  loss.backward();
  optimizer.step();

  // Evaluate the model performance on training and validation sets
  const [loss_train, acc_train] = test(model, criterion, input, target, mask_train);
  const [loss_val, acc_val] = test(model, criterion, input, target, mask_val);

  if (epoch % print_every === 0) {
    // Print the training progress at specified intervals
    print(`Epoch: ${String(epoch).padStart(4, "0")} (${(performance.now() / 1000 - start_t).toFixed(4)}s) loss_train: ${loss_train.toFixed(4)} acc_train: ${acc_train.toFixed(4)} loss_val: ${loss_val.toFixed(4)} acc_val: ${acc_val.toFixed(4)}`);
  }
}

function test(model: GCN, criterion: InstanceType<typeof nn.NLLLoss>, input: Input, target: Tensor, mask: Tensor): [number, number] {
  model.eval();
  return torch.no_grad(() => {
    let output = model(...input);
    [output, target] = [output.index(mask), target.index(mask)];

    const loss = criterion(output, target);
    const acc = output.argmax({ dim: 1 }).eq(target).float().sum().div(target.shape[0]);
    return [loss.item(), acc.item()];
  });
}

it("gcn: two-layer Graph Convolutional Network with sparse features and adjacency on Cora-format stand-in files", () => {
  const args = { epochs: 6, lr: 0.01, l2: 5e-4, dropout_p: 0.5, hidden_dim: 8, val_every: 2, include_bias: false, no_accel: true, dry_run: false, seed: 42 };
  torch.manual_seed(args.seed);
  const device = torch.device("cpu");
  print(`Using ${device} device`);
  print("Loading dataset...");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gcn-"));
  fs.mkdirSync(path.join(dir, "cora"));
  fs.writeFileSync(path.join(dir, "cora", "cora.content"), R.cora_content as string);
  fs.writeFileSync(path.join(dir, "cora", "cora.cites"), R.cora_cites as string);
  const [features, labels, adj_mat] = load_cora(path.join(dir, "cora"), device);
  fs.rmSync(dir, { recursive: true });
  expect(String(features)).toBe(R.features);
  const adj = adj_mat as Tensor & { _nnz(): number; _values(): Tensor };
  expect(adj._nnz()).toBe(R.adj_mat_nnz);
  expect(adj._values().sum().item()).toBeCloseTo(R.adj_mat_values_sum as number, 4);
  const dense = adj_mat.to_dense().reshape(-1).tolist() as number[];
  (R.adj_mat_dense as number[]).forEach((v, i) => expect(Math.abs(dense[i] - v)).toBeLessThan(1e-6));
  expect(labels.tolist()).toEqual(R.labels);
  const idx = torch.randperm(labels.shape[0]).to(device);
  expect(idx.tolist()).toEqual(R.idx);
  const [idx_test, idx_val, idx_train] = [idx.index(":10"), idx.index("10:20"), idx.index("20:")];

  const gcn = new GCN(features.shape[1], args.hidden_dim, labels.max().item() + 1, args.include_bias, args.dropout_p).to(device);
  const optimizer = new Adam(gcn.parameters(), { lr: args.lr, weight_decay: args.l2 });
  const criterion = new nn.NLLLoss();

  for (let epoch = 0; epoch < args.epochs; epoch++) {
    train_iter(epoch + 1, gcn, optimizer, criterion, [features, adj_mat], labels, idx_train, idx_val, args.val_every);
    if (args.dry_run) break;
  }

  const [loss_test, acc_test] = test(gcn, criterion, [features, adj_mat], labels, idx_test);
  print(`Test set results: loss ${loss_test.toFixed(4)} accuracy ${acc_test.toFixed(4)}`);

  const kernel = gcn.gc1.kernel.detach().reshape(-1).tolist() as number[];
  (R.kernel_after as number[]).forEach((v, i) => expect(Math.abs(kernel[i] - v)).toBeLessThan(1e-4));
  const want = R.printed as string[];
  expect(printed.length).toBe(want.length);
  const untimed = (s: string): string => s.replace(/\(\d+\.\d{4}s\)/, "(#s)");
  want.forEach((line, i) => expectSamePrint(untimed(printed[i]), untimed(line), 1e-4));
});
