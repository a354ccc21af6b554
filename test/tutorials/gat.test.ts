/**
 * pytorch/examples gat/main.py ported line by line against PyTorch 1.13 (test/reference/gen_gat.py):
 * GraphAttentionLayer (xavier_normal_ W and a, source + target scores with .mT, LeakyReLU, the
 * -9e16 connectivity mask through torch.where, softmax and dropout on the attention, heads averaged or
 * concatenated), the two-layer GAT with ELU and log_softmax, Adam with weight decay, NLLLoss on index
 * masks and the train_iter / test printouts. The Cora download is a seeded synthetic Cora-like graph;
 * load_cora's torch.sparse steps are the example's. The per-epoch seconds are compared by format only.
 */
import * as fs from "fs";
import * as path from "path";
import { torch } from "../../src";
import { expectSamePrint, expectValues } from "./_tutorial";

const { nn } = torch;
const F = nn.functional;
const { Adam } = torch.optim;
type Tensor = InstanceType<typeof torch.Tensor>;
const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "gat.json"), "utf8")) as Record<string, unknown>;

const printed: string[] = [];
const print = (s: string): void => void printed.push(s);

/** Graph Attention Layer (GAT) as described in the paper "Graph Attention Networks". */
class GraphAttentionLayer extends nn.Module {
  n_heads: number;
  concat: boolean;
  dropout: number;
  out_features = 0;
  n_hidden: number;
  W: InstanceType<typeof nn.Parameter>;
  a: InstanceType<typeof nn.Parameter>;
  leakyrelu: InstanceType<typeof nn.LeakyReLU>;
  softmax: InstanceType<typeof nn.Softmax>;

  constructor(options: { in_features: number; out_features: number; n_heads: number; concat?: boolean; dropout?: number; leaky_relu_slope?: number }) {
    super();
    const { in_features, out_features, n_heads, concat = false, dropout = 0.4, leaky_relu_slope = 0.2 } = options;

    this.n_heads = n_heads; // Number of attention heads
    this.concat = concat; // wether to concatenate the final attention heads
    this.dropout = dropout; // Dropout rate

    if (concat) {
      // concatenating the attention heads
      this.out_features = out_features; // Number of output features per node
      if (out_features % n_heads !== 0) throw new Error("AssertionError"); // Ensure that out_features is a multiple of n_heads
      this.n_hidden = Math.floor(out_features / n_heads);
    } else {
      // averaging output over the attention heads (Used in the main paper)
      this.n_hidden = out_features;
    }

    this.W = new nn.Parameter(torch.empty({ size: [in_features, this.n_hidden * n_heads] }));
    this.a = new nn.Parameter(torch.empty({ size: [n_heads, 2 * this.n_hidden, 1] }));

    this.leakyrelu = new nn.LeakyReLU(leaky_relu_slope); // LeakyReLU activation function
    this.softmax = new nn.Softmax({ dim: 1 }); // softmax activation function to the attention coefficients

    this.reset_parameters(); // Reset the parameters
  }

  reset_parameters(): void {
    nn.init.xavier_normal_(this.W);
    nn.init.xavier_normal_(this.a);
  }

  _get_attention_scores(h_transformed: Tensor): Tensor {
    const source_scores = torch.matmul(h_transformed, this.a.index(`:, :${this.n_hidden}, :`));
    const target_scores = torch.matmul(h_transformed, this.a.index(`:, ${this.n_hidden}:, :`));

    const e = source_scores.add(target_scores.mT);
    return this.leakyrelu(e);
  }

  forward(h: Tensor, adj_mat: Tensor): Tensor {
    const n_nodes = h.shape[0];

    let h_transformed = torch.mm(h, this.W);
    h_transformed = F.dropout(h_transformed, this.dropout, { training: this.training });

    h_transformed = h_transformed.view(n_nodes, this.n_heads, this.n_hidden).permute(1, 0, 2);

    let e = this._get_attention_scores(h_transformed);

    const connectivity_mask = torch.ones_like(e).mul(-9e16);
    e = torch.where(adj_mat.gt(0), e, connectivity_mask); // masked attention scores

    let attention = F.softmax(e, { dim: -1 });
    attention = F.dropout(attention, this.dropout, { training: this.training });

    let h_prime = torch.matmul(attention, h_transformed);

    if (this.concat) {
      h_prime = h_prime.permute(1, 0, 2).contiguous().view(n_nodes, this.out_features);
    } else {
      h_prime = h_prime.mean({ dim: 0 });
    }

    return h_prime;
  }
}

/** Graph Attention Network: two Graph Attention Layers, ELU between them, log_softmax after. */
class GAT extends nn.Module {
  gat1: GraphAttentionLayer;
  gat2: GraphAttentionLayer;
  constructor(options: { in_features: number; n_hidden: number; n_heads: number; num_classes: number; concat?: boolean; dropout?: number; leaky_relu_slope?: number }) {
    super();
    const { in_features, n_hidden, n_heads, num_classes, concat = false, dropout = 0.4, leaky_relu_slope = 0.2 } = options;

    this.gat1 = new GraphAttentionLayer({ in_features, out_features: n_hidden, n_heads, concat, dropout, leaky_relu_slope });

    this.gat2 = new GraphAttentionLayer({ in_features: n_hidden, out_features: num_classes, n_heads: 1, concat: false, dropout, leaky_relu_slope });
  }

  forward(input_tensor: Tensor, adj_mat: Tensor): Tensor {
    let x = this.gat1(input_tensor, adj_mat);
    x = F.elu(x); // Apply ELU activation function to the output of the first layer
    x = this.gat2(x, adj_mat);

    return F.log_softmax(x, { dim: 1 }); // Apply log softmax activation function
  }
}

/** Synthetic stand-in for the Cora files (gen_gat.py's): features, labels and the adjacency matrix. */
function load_cora(options: { device?: ReturnType<typeof torch.device> | string } = {}): [Tensor, Tensor, Tensor] {
  const { device = "cpu" } = options;
  const V = 24;
  let features = torch.rand(V, 16).gt(0.7).float(); // Extract feature values
  let scale_vector = torch.sum(features, { dim: 1 }); // Compute sum of features for each node
  scale_vector = scale_vector.reciprocal(); // Compute reciprocal of the sums
  scale_vector.setitem(scale_vector.eq(Infinity), 0); // Handle division by zero cases
  scale_vector = torch.diag(scale_vector).to_sparse(); // Convert the scale vector to a sparse diagonal matrix
  features = scale_vector.matmul(features); // Scale the features using the scale vector

  const labels = torch.arange(V).remainder(3);

  const edges = torch.tensor([...Array.from({ length: V }, (_, i) => [i, (3 * i + 1) % V]), ...Array.from({ length: V }, (_, i) => [i, (i + 5) % V])]);
  const E = edges.shape[0]; // Number of edges
  let adj_mat = torch.sparse_coo_tensor(edges.T, torch.ones(E), [V, V], { dtype: torch.int64 }); // Create the initial adjacency matrix as a sparse tensor
  adj_mat = torch.eye(V).add(adj_mat); // Add self-loops to the adjacency matrix

  return [features.to(device), labels.to(device), adj_mat.to(device)];
}

type Input = [Tensor, Tensor];

function train_iter(epoch: number, model: GAT, optimizer: InstanceType<typeof Adam>, criterion: InstanceType<typeof nn.NLLLoss>, input: Input, target: Tensor, mask_train: Tensor, mask_val: Tensor, print_every = 10): void {
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

function test(model: GAT, criterion: InstanceType<typeof nn.NLLLoss>, input: Input, target: Tensor, mask: Tensor): [number, number] {
  model.eval();
  return torch.no_grad(() => {
    let output = model(...input);
    [output, target] = [output.index(mask), target.index(mask)];

    const loss = criterion(output, target);
    const acc = output.argmax({ dim: 1 }).eq(target).float().sum().div(target.shape[0]);
    return [loss.item(), acc.item()];
  });
}

it("gat: two-layer Graph Attention Network on a synthetic Cora-like graph, train_iter / test printouts", () => {
  const args = { epochs: 6, lr: 0.005, l2: 5e-4, dropout_p: 0.6, hidden_dim: 8, num_heads: 2, concat_heads: false, val_every: 2, no_accel: true, dry_run: false, seed: 13 };
  torch.manual_seed(args.seed);
  const device = torch.device("cpu");
  print(`Using ${device} device`);
  print("Loading dataset...");
  const [features, labels, adj_mat] = load_cora({ device });
  expect(adj_mat.sum().item()).toBe(R.adj_sum);
  expect(String(adj_mat.dtype)).toBe(R.adj_dtype);
  expect(features.sum().item()).toBeCloseTo(R.features_sum as number, 4);
  const idx = torch.randperm(labels.shape[0]).to(device);
  expect(idx.tolist()).toEqual(R.idx);
  const [idx_test, idx_val, idx_train] = [idx.index(":6"), idx.index("6:12"), idx.index("12:")];

  const gat_net = new GAT({
    in_features: features.shape[1], // Number of input features per node
    n_hidden: args.hidden_dim, // Output size of the first Graph Attention Layer
    n_heads: args.num_heads, // Number of attention heads in the first Graph Attention Layer
    num_classes: labels.max().item() + 1, // Number of classes to predict for each node
    concat: args.concat_heads, // Wether to concatinate attention heads
    dropout: args.dropout_p, // Dropout rate
    leaky_relu_slope: 0.2, // Alpha (slope) of the leaky relu activation
  }).to(device);

  const optimizer = new Adam(gat_net.parameters(), { lr: args.lr, weight_decay: args.l2 });
  const criterion = new nn.NLLLoss();

  for (let epoch = 0; epoch < args.epochs; epoch++) {
    train_iter(epoch + 1, gat_net, optimizer, criterion, [features, adj_mat], labels, idx_train, idx_val, args.val_every);
    if (args.dry_run) break;
  }
  const [loss_test, acc_test] = test(gat_net, criterion, [features, adj_mat], labels, idx_test);
  print(`Test set results: loss ${loss_test.toFixed(4)} accuracy ${acc_test.toFixed(4)}`);

  expectValues(gat_net.gat1.a.view(-1).index(":6"), R.a as number[], 1e-4);
  const want = R.printed as string[];
  expect(printed.length).toBe(want.length);
  const untimed = (s: string) => s.replace(/\(\d+\.\d{4}s\)/, "(#s)");
  want.forEach((line, i) => expectSamePrint(untimed(printed[i]), untimed(line), 1e-4));
});
