/**
 * Daniel Bourke's "Zero to Mastery: Learn PyTorch for Deep Learning" (mrdbourke/pytorch-deep-learning),
 * notebook 08 "PyTorch Paper Replicating" (a Vision Transformer from scratch: patches through a Conv2d
 * and nn.Flatten, the class token and position embedding as nn.Parameter, MultiheadSelfAttentionBlock
 * on nn.MultiheadAttention, MLPBlock, TransformerEncoderBlock, nn.TransformerEncoderLayer beside it,
 * ViT) trained with 05 "Going Modular"'s engine.py (train_step / test_step / train, ported as a cell) and
 * saved with its utils.save_model, ported cell by cell in the notebook dialect (see ztm_notebook.test.ts)
 * and run as a notebook through `torchlab run`. What each cell prints and shows must be PyTorch 1.13's
 * (test/reference/gen_ztm_vit.py, ztm_vit.json).
 *
 * Stand-ins: the pizza_steak_sushi download and data_setup.create_dataloaders are two seeded
 * TensorDatasets of 32x32 images (8 train, 4 test) with seeded labels in DataLoaders of batch 4; ViT-Base's
 * sizes (224 px, patch 16, embedding 768, 12 heads, MLP 3072, 12 layers) shrink to 32 px, patch 8,
 * embedding 32, 4 heads, MLP 64, 2 layers; training runs 2 epochs, not 10; helper_functions' set_seeds is
 * defined in the first cell; save_model writes to a temporary folder and prints the file name; the
 * course's cells print whole 768-wide tensors, the port prints slices of them.
 * Left out: installs, matplotlib cells (the patch plots, the feature maps, plot_loss_curves), torchinfo's
 * summary (the module's print and its parameter counts instead), the random.sample of feature maps, the
 * pretrained torchvision ViT_B_16 (a weights download), the custom-image prediction (a download),
 * notebook 06 (transfer learning with efficientnet_b0: torchlab has no EfficientNet, and its weights are
 * a download), and 05's data_setup / model_builder (ImageFolder and TinyVGG: the same code as 03 and 04,
 * ported in ztm_notebook.test.ts).
 * Written differently from the course: a tuple is an array (printed as a list on both sides); Python's
 * keyword arguments to the user's own classes and functions are positional, torch's are options
 * objects; `img_size/patch_size` (4.0 in Python) is integer division on both sides (JavaScript has one
 * number type); `nn.Sequential(*[... for _ in range(n)])` is `nn.Sequential(...list(range(n)).map(...))`;
 * `{train_loss:.4f}` is `${train_loss.toFixed(4)}`; the results dict's lists are pushed to.
 * Divergences this port found, fixed: `torch.cuda.manual_seed(seed)` (set_seeds) did not exist (PyTorch
 * ignores it without CUDA); `nn.LayerNorm(normalized_shape=768)` (the shape as a keyword) did not
 * compile; `self.multihead_attn(query=x, key=x, value=x, need_weights=False)` (all keywords) did not
 * compile; `for batch, (X, y) in enumerate(dataloader)` over an untyped parameter did not compile (the
 * items of an `any` were `unknown`, now `any`); `image_out_of_conv[:, 0, :, :]` showed
 * grad_fn=<SelectBackward0> where PyTorch records a SliceBackward0 for each `:` written out (it showed
 * <SliceBackward0>), and `x[:]` an AliasBackward0.
 * Found, left alone: `${[32, 32, 3]}` in a template string is JavaScript's `32,32,3`, Python's f-string
 * gives `[32, 32, 3]` (the port prints the list with print(), which writes Python's form).
 */
import * as fs from "fs";
import * as path from "path";
import { cellsOf, sectionsForSuite, type CellOutput } from "./_notebooks";
import { expectSameCells } from "./_tutorial";

type Cell = CellOutput;
const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "ztm_vit.json"), "utf8")) as Record<string, Cell[]>;

const PAPER_REPLICATING = [
  `function set_seeds(seed = 42) {
  torch.manual_seed(seed);
  torch.cuda.manual_seed(seed);
}
let device = torch.cuda.is_available() ? "cuda" : "cpu";
device`,
  `const { DataLoader, TensorDataset } = torch.utils.data;
torch.manual_seed(0);
const train_data = TensorDataset(torch.rand(8, 3, 32, 32), torch.randint(0, 3, [8]));
const test_data = TensorDataset(torch.rand(4, 3, 32, 32), torch.randint(0, 3, [4]));
const class_names = ["pizza", "steak", "sushi"];
const BATCH_SIZE = 4;
const train_dataloader = DataLoader(train_data, {batch_size: BATCH_SIZE, shuffle: true});
const test_dataloader = DataLoader(test_data, {batch_size: BATCH_SIZE, shuffle: false});
[train_dataloader.length, test_dataloader.length, class_names]`,
  `const [image_batch, label_batch] = next(iter(train_dataloader));
const [image, label] = [image_batch[0], label_batch[0]];
[image.shape, label]`,
  `let height = 32;
let width = 32;
const color_channels = 3;
let patch_size = 8;
let number_of_patches = int((height * width) / patch_size**2);
print(\`Number of patches (N) with image height (H=\${height}), width (W=\${width}) and patch size (P=\${patch_size}): \${number_of_patches}\`);`,
  `const embedding_layer_input_shape = [height, width, color_channels];
const embedding_layer_output_shape = [number_of_patches, patch_size**2 * color_channels];
print("Input shape (single 2D image):", embedding_layer_input_shape);
print("Output shape (single 2D image flattened into patches):", embedding_layer_output_shape);`,
  `const image_permuted = image.permute(1, 2, 0);
const img_size = 32;
const num_patches = img_size / patch_size;
print(\`Number of patches per row: \${num_patches}\\nPatch size: \${patch_size} pixels x \${patch_size} pixels\`);
image_permuted[\`:\${patch_size}, :, :\`].shape`,
  `set_seeds();
const conv2d = nn.Conv2d({in_channels: 3, out_channels: 32, kernel_size: patch_size, stride: patch_size, padding: 0});
let image_out_of_conv = conv2d(image.unsqueeze(0));
print(image_out_of_conv.shape);`,
  `const single_feature_map = image_out_of_conv[":, 0, :, :"];
[single_feature_map, single_feature_map.requires_grad]`,
  `print(\`Current tensor shape: \${image_out_of_conv.shape} -> [batch, embedding_dim, feature_map_height, feature_map_width]\`);`,
  `const flatten = nn.Flatten({start_dim: 2, end_dim: 3});
print(\`Original image shape: \${image.shape}\`);
image_out_of_conv = conv2d(image.unsqueeze(0));
print(\`Image feature map shape: \${image_out_of_conv.shape}\`);
const image_out_of_conv_flattened = flatten(image_out_of_conv);
print(\`Flattened image feature map shape: \${image_out_of_conv_flattened.shape}\`);`,
  `const image_out_of_conv_flattened_reshaped = image_out_of_conv_flattened.permute(0, 2, 1);
print(\`Patch embedding sequence shape: \${image_out_of_conv_flattened_reshaped.shape} -> [batch_size, num_patches, embedding_size]\`);`,
  `const single_flattened_feature_map = image_out_of_conv_flattened_reshaped[":, :, 0"];
[single_flattened_feature_map, single_flattened_feature_map.requires_grad, single_flattened_feature_map.shape]`,
  `class PatchEmbedding extends nn.Module {
  constructor(in_channels = 3, patch_size = 16, embedding_dim = 768) {
    super();
    this.patcher = nn.Conv2d({in_channels: in_channels, out_channels: embedding_dim, kernel_size: patch_size, stride: patch_size, padding: 0});
    this.flatten = nn.Flatten({start_dim: 2, end_dim: 3});
  }
  forward(x) {
    const image_resolution = x.shape[-1];
    assert(image_resolution % patch_size == 0, \`Input image size must be divisible by patch size, image shape: \${image_resolution}, patch size: \${patch_size}\`);
    const x_patched = this.patcher(x);
    const x_flattened = this.flatten(x_patched);
    return x_flattened.permute(0, 2, 1);
  }
}`,
  `set_seeds();
const patchify = PatchEmbedding(3, 8, 32);
print(\`Input image shape: \${image.unsqueeze(0).shape}\`);
let patch_embedded_image = patchify(image.unsqueeze(0));
print(\`Output patch embedding shape: \${patch_embedded_image.shape}\`);`,
  `print(patch_embedded_image);
print(\`Patch embedding shape: \${patch_embedded_image.shape} -> [batch_size, number_of_patches, embedding_dimension]\`);`,
  `let batch_size = patch_embedded_image.shape[0];
let embedding_dimension = patch_embedded_image.shape[-1];
let class_token = nn.Parameter(torch.ones(batch_size, 1, embedding_dimension), {requires_grad: true});
print(class_token[":, :, :10"]);
print(\`Class token shape: \${class_token.shape} -> [batch_size, number_of_tokens, embedding_dimension]\`);`,
  `const patch_embedded_image_with_class_embedding = torch.cat([class_token, patch_embedded_image], {dim: 1});
print(patch_embedded_image_with_class_embedding[":, :3, :8"]);
print(\`Sequence of patch embeddings with class token prepended shape: \${patch_embedded_image_with_class_embedding.shape} -> [batch_size, number_of_patches, embedding_dimension]\`);`,
  `number_of_patches = int((height * width) / patch_size**2);
embedding_dimension = patch_embedded_image_with_class_embedding.shape[2];
let position_embedding = nn.Parameter(torch.ones(1, number_of_patches + 1, embedding_dimension), {requires_grad: true});
print(position_embedding[":, :10, :10"]);
print(\`Position embedding shape: \${position_embedding.shape} -> [batch_size, number_of_patches, embedding_dimension]\`);`,
  `let patch_and_position_embedding = patch_embedded_image_with_class_embedding + position_embedding;
print(patch_and_position_embedding[":, :3, :8"]);
print(\`Patch embeddings, class token prepended and positional embeddings added shape: \${patch_and_position_embedding.shape} -> [batch_size, number_of_patches, embedding_dimension]\`);`,
  `set_seeds();
patch_size = 8;
print(\`Image tensor shape: \${image.shape}\`);
[height, width] = [image.shape[1], image.shape[2]];
const x = image.unsqueeze(0);
print(\`Input image with batch dimension shape: \${x.shape}\`);
const patch_embedding_layer = PatchEmbedding(3, patch_size, 32);
const patch_embedding = patch_embedding_layer(x);
print(\`Patching embedding shape: \${patch_embedding.shape}\`);
batch_size = patch_embedding.shape[0];
embedding_dimension = patch_embedding.shape[-1];
class_token = nn.Parameter(torch.ones(batch_size, 1, embedding_dimension), {requires_grad: true});
print(\`Class token embedding shape: \${class_token.shape}\`);
const patch_embedding_class_token = torch.cat([class_token, patch_embedding], {dim: 1});
print(\`Patch embedding with class token shape: \${patch_embedding_class_token.shape}\`);
number_of_patches = int((height * width) / patch_size**2);
position_embedding = nn.Parameter(torch.ones(1, number_of_patches + 1, embedding_dimension), {requires_grad: true});
patch_and_position_embedding = patch_embedding_class_token + position_embedding;
print(\`Patch and position embedding shape: \${patch_and_position_embedding.shape}\`);`,
  `class MultiheadSelfAttentionBlock extends nn.Module {
  constructor(embedding_dim = 768, num_heads = 12, attn_dropout = 0) {
    super();
    this.layer_norm = nn.LayerNorm({normalized_shape: embedding_dim});
    this.multihead_attn = nn.MultiheadAttention({embed_dim: embedding_dim, num_heads: num_heads, dropout: attn_dropout, batch_first: true});
  }
  forward(x) {
    x = this.layer_norm(x);
    const [attn_output, _] = this.multihead_attn({query: x, key: x, value: x, need_weights: false});
    return attn_output;
  }
}`,
  `set_seeds();
const multihead_self_attention_block = MultiheadSelfAttentionBlock(32, 4);
const patched_image_through_msa_block = multihead_self_attention_block(patch_and_position_embedding);
print(\`Input shape of MSA block: \${patch_and_position_embedding.shape}\`);
print(\`Output shape MSA block: \${patched_image_through_msa_block.shape}\`);
patched_image_through_msa_block[":, :2, :6"]`,
  `class MLPBlock extends nn.Module {
  constructor(embedding_dim = 768, mlp_size = 3072, dropout = 0.1) {
    super();
    this.layer_norm = nn.LayerNorm({normalized_shape: embedding_dim});
    this.mlp = nn.Sequential(
      nn.Linear({in_features: embedding_dim, out_features: mlp_size}),
      nn.GELU(),
      nn.Dropout({p: dropout}),
      nn.Linear({in_features: mlp_size, out_features: embedding_dim}),
      nn.Dropout({p: dropout}),
    );
  }
  forward(x) {
    x = this.layer_norm(x);
    x = this.mlp(x);
    return x;
  }
}`,
  `set_seeds();
const mlp_block = MLPBlock(32, 64, 0.1);
const patched_image_through_mlp_block = mlp_block(patched_image_through_msa_block);
print(\`Input shape of MLP block: \${patched_image_through_msa_block.shape}\`);
print(\`Output shape MLP block: \${patched_image_through_mlp_block.shape}\`);
patched_image_through_mlp_block[":, :2, :6"]`,
  `class TransformerEncoderBlock extends nn.Module {
  constructor(embedding_dim = 768, num_heads = 12, mlp_size = 3072, mlp_dropout = 0.1, attn_dropout = 0) {
    super();
    this.msa_block = MultiheadSelfAttentionBlock(embedding_dim, num_heads, attn_dropout);
    this.mlp_block = MLPBlock(embedding_dim, mlp_size, mlp_dropout);
  }
  forward(x) {
    x = this.msa_block(x) + x;
    x = this.mlp_block(x) + x;
    return x;
  }
}`,
  `set_seeds();
const transformer_encoder_block = TransformerEncoderBlock(32, 4, 64);
print(transformer_encoder_block);`,
  `const torch_transformer_encoder_layer = nn.TransformerEncoderLayer({d_model: 32, nhead: 4, dim_feedforward: 64, dropout: 0.1, activation: "gelu", batch_first: true, norm_first: true});
torch_transformer_encoder_layer`,
  `print(sum(transformer_encoder_block.parameters().map((p) => p.numel())));
print(sum(torch_transformer_encoder_layer.parameters().map((p) => p.numel())));
torch_transformer_encoder_layer(patch_and_position_embedding)[":, :2, :6"]`,
  `class ViT extends nn.Module {
  constructor(img_size = 224, in_channels = 3, patch_size = 16, num_transformer_layers = 12, embedding_dim = 768, mlp_size = 3072, num_heads = 12, attn_dropout = 0, mlp_dropout = 0.1, embedding_dropout = 0.1, num_classes = 1000) {
    super();
    assert(img_size % patch_size == 0, \`Image size must be divisible by patch size, image size: \${img_size}, patch size: \${patch_size}.\`);
    this.num_patches = int((img_size * img_size) / patch_size**2);
    this.class_embedding = nn.Parameter({data: torch.randn(1, 1, embedding_dim), requires_grad: true});
    this.position_embedding = nn.Parameter({data: torch.randn(1, this.num_patches + 1, embedding_dim), requires_grad: true});
    this.embedding_dropout = nn.Dropout({p: embedding_dropout});
    this.patch_embedding = PatchEmbedding(in_channels, patch_size, embedding_dim);
    this.transformer_encoder = nn.Sequential(...list(range(num_transformer_layers)).map((_) => TransformerEncoderBlock(embedding_dim, num_heads, mlp_size, mlp_dropout)));
    this.classifier = nn.Sequential(
      nn.LayerNorm({normalized_shape: embedding_dim}),
      nn.Linear({in_features: embedding_dim, out_features: num_classes}),
    );
  }
  forward(x) {
    const batch_size = x.shape[0];
    const class_token = this.class_embedding.expand(batch_size, -1, -1);
    x = this.patch_embedding(x);
    x = torch.cat([class_token, x], {dim: 1});
    x = this.position_embedding + x;
    x = this.embedding_dropout(x);
    x = this.transformer_encoder(x);
    x = this.classifier(x[":, 0"]);
    return x;
  }
}`,
  `batch_size = 32;
const class_token_embedding_single = nn.Parameter({data: torch.randn(1, 1, 768)});
const class_token_embedding_expanded = class_token_embedding_single.expand(batch_size, -1, -1);
print(\`Shape of class token embedding single: \${class_token_embedding_single.shape}\`);
print(\`Shape of class token embedding expanded: \${class_token_embedding_expanded.shape}\`);`,
  `set_seeds();
const random_image_tensor = torch.randn(1, 3, 32, 32);
const vit = ViT(32, 3, 8, 2, 32, 64, 4, 0, 0.1, 0.1, len(class_names));
vit(random_image_tensor)`,
  `print(vit);
print(\`Total params: \${sum(vit.parameters().map((p) => p.numel()))}\`);
print(\`Trainable params: \${sum(vit.parameters().filter((p) => p.requires_grad).map((p) => p.numel()))}\`);`,
  `function train_step(model, dataloader, loss_fn, optimizer, device) {
  model.train();
  let [train_loss, train_acc] = [0, 0];
  for (let [batch, [X, y]] of enumerate(dataloader)) {
    [X, y] = [X.to(device), y.to(device)];
    const y_pred = model(X);
    const loss = loss_fn(y_pred, y);
    train_loss += loss.item();
    optimizer.zero_grad();
    loss.backward();
    optimizer.step();
    const y_pred_class = torch.argmax(torch.softmax(y_pred, {dim: 1}), {dim: 1});
    train_acc += (y_pred_class == y).sum().item() / len(y_pred);
  }
  train_loss = train_loss / len(dataloader);
  train_acc = train_acc / len(dataloader);
  return [train_loss, train_acc];
}

function test_step(model, dataloader, loss_fn, device) {
  model.eval();
  let [test_loss, test_acc] = [0, 0];
  torch.inference_mode(() => {
    for (let [batch, [X, y]] of enumerate(dataloader)) {
      [X, y] = [X.to(device), y.to(device)];
      const test_pred_logits = model(X);
      const loss = loss_fn(test_pred_logits, y);
      test_loss += loss.item();
      const test_pred_labels = test_pred_logits.argmax({dim: 1});
      test_acc += (test_pred_labels == y).sum().item() / len(test_pred_labels);
    }
  });
  test_loss = test_loss / len(dataloader);
  test_acc = test_acc / len(dataloader);
  return [test_loss, test_acc];
}

function train(model, train_dataloader, test_dataloader, optimizer, loss_fn, epochs, device) {
  const results = {train_loss: [], train_acc: [], test_loss: [], test_acc: []};
  model.to(device);
  for (const epoch of range(epochs)) {
    const [train_loss, train_acc] = train_step(model, train_dataloader, loss_fn, optimizer, device);
    const [test_loss, test_acc] = test_step(model, test_dataloader, loss_fn, device);
    print(
      \`Epoch: \${epoch + 1} | \` +
      \`train_loss: \${train_loss.toFixed(4)} | \` +
      \`train_acc: \${train_acc.toFixed(4)} | \` +
      \`test_loss: \${test_loss.toFixed(4)} | \` +
      \`test_acc: \${test_acc.toFixed(4)}\`
    );
    results.train_loss.push(train_loss);
    results.train_acc.push(train_acc);
    results.test_loss.push(test_loss);
    results.test_acc.push(test_acc);
  }
  return results;
}`,
  `const optimizer = torch.optim.Adam({params: vit.parameters(), lr: 3e-3, betas: [0.9, 0.999], weight_decay: 0.3});
const loss_fn = torch.nn.CrossEntropyLoss();
set_seeds();
const results = train(vit, train_dataloader, test_dataloader, optimizer, loss_fn, 2, device);`,
  `results.train_loss`,
  `function save_model(model, target_dir, model_name) {
  const target_dir_path = target_dir;
  require("fs").mkdirSync(target_dir_path, {recursive: true});
  assert(model_name.endsWith(".pth") || model_name.endsWith(".pt"), "model_name should end with '.pt' or '.pth'");
  const model_save_path = require("path").join(target_dir_path, model_name);
  print(\`[INFO] Saving model to: \${require("path").basename(model_save_path)}\`);
  torch.save({obj: model.state_dict(), f: model_save_path});
  return model_save_path;
}
const models_dir = require("fs").mkdtempSync(require("path").join(require("os").tmpdir(), "models-"));
const saved = save_model(vit, models_dir, "08_vit_stand_in.pth");
const loaded_vit = ViT(32, 3, 8, 2, 32, 64, 4, 0, 0.1, 0.1, len(class_names));
loaded_vit.load_state_dict(torch.load(saved));
vit.eval();
loaded_vit.eval();
torch.inference_mode(() => torch.allclose(vit(random_image_tensor), loaded_vit(random_image_tensor)))`,
];

describe("Zero to Mastery PyTorch notebook 08 (a ViT from scratch) with 05's engine as a notebook through `torchlab run`", () => {
  const nbs = sectionsForSuite("ztm-vit", { ztm_vit: { paper_replicating: PAPER_REPLICATING } });

  test("08 paper replicating: PatchEmbedding, class token and position embedding, MSA / MLP / encoder blocks, nn.TransformerEncoderLayer, ViT, parameter counts, two epochs of Adam through engine.train, save / load", () => {
    expectSameCells(cellsOf(nbs.paper_replicating), R.paper_replicating);
  });
});
