/**
 * 《动手学深度学习》PyTorch版 (ShusenTang/Dive-into-DL-PyTorch), chapter 9 (computer vision) and chapter 10
 * (natural language processing), as notebook cells written the way the chapters read, with d2lzh_pytorch's
 * helpers (code/d2lzh_pytorch/utils.py) that these chapters call defined in the first cell. The book's
 * functions are kept literal; numpy becomes torch (float64 where the book computes in float64), Python's
 * `random` becomes torch's generator (the same draws on both sides), and the files the book downloads
 * are small stand-ins each side writes from the same seeded tensors. test/reference/gen_d2lzh_cv_nlp.py is
 * the same code in PyTorch 1.13; test/tutorials/d2lzh_cv_nlp.test.ts compares what both print.
 *
 * Ported: 9.1, 9.2, 9.3, 9.4, 9.5, 9.6, 9.9, 10.3 and 10.8 (its corr1d, TextCNN and a two-epoch training
 * on a stand-in corpus, with the book's train/predict_sentiment). Other changes, the same on both sides:
 * the stand-in corpus keeps every token (subsampling threshold 1e-1 instead of 1e-4, its draws still
 * made), windows of 2 and K = 2 negatives; the image sizes are small (64 x 48, crops of 32); 9.9's
 * "JPEG" files are PNG (torchlab encodes PNG only); label.json's floats are torch.rand's.
 *
 * Left out (need what torchlab cannot have): every matplotlib cell (imshow, show_images, show_bboxes'
 * drawing; their inputs are printed instead), CUDA device selection, pretrained resnet18 weights (an
 * untrained torchvision resnet18 stands in), the CIFAR-10, hotdog, Pikachu, VOC2012, PTB and IMDb
 * downloads (seeded stand-ins), tqdm, wall-clock times in printed lines, 9.6.0 (MXNet RecordIO
 * conversion), 9.8 (no code). Not ported for lack of time (no torchlab gap known): 9.11 neural style,
 * 10.6 (GloVe similarity/analogy: the knn is 10.3's get_similar_tokens), 10.7 (BiRNN sentiment; nn.LSTM
 * bidirectional is covered by other ports), 10.12.
 */

/** d2lzh_pytorch's helpers from earlier chapters that chapters 9 and 10 call (utils.py, literal). */
export const D2LZH_CELL = `class FlattenLayer extends nn.Module {
  forward(x: torch.Tensor) { // x shape: (batch, *, *, ...)
    return x.view(x.shape[0], -1);
  }
}
class GlobalAvgPool2d extends nn.Module {
  // 全局平均池化层可通过将池化窗口形状设置成输入的高和宽实现
  forward(x: torch.Tensor) {
    return F.avg_pool2d(x, {kernel_size: x.shape.slice(2)});
  }
}
class Residual extends nn.Module {
  conv1: nn.Conv2d; conv2: nn.Conv2d; conv3: nn.Conv2d | null; bn1: nn.BatchNorm2d; bn2: nn.BatchNorm2d;
  constructor(in_channels: number, out_channels: number, use_1x1conv = false, stride = 1) {
    super();
    this.conv1 = new nn.Conv2d(in_channels, out_channels, {kernel_size: 3, padding: 1, stride: stride});
    this.conv2 = new nn.Conv2d(out_channels, out_channels, {kernel_size: 3, padding: 1});
    if (use_1x1conv) {
      this.conv3 = new nn.Conv2d(in_channels, out_channels, {kernel_size: 1, stride: stride});
    } else {
      this.conv3 = null;
    }
    this.bn1 = new nn.BatchNorm2d(out_channels);
    this.bn2 = new nn.BatchNorm2d(out_channels);
  }
  forward(X: torch.Tensor) {
    let Y = F.relu(this.bn1(this.conv1(X)));
    Y = this.bn2(this.conv2(Y));
    if (this.conv3) {
      X = this.conv3(X);
    }
    return F.relu(Y + X);
  }
}
function resnet_block(in_channels: number, out_channels: number, num_residuals: number, first_block = false) {
  if (first_block) {
    assert(in_channels === out_channels); // 第一个模块的通道数同输入通道数一致
  }
  const blk: nn.Module[] = [];
  for (let i = 0; i < num_residuals; i++) {
    if (i === 0 && !first_block) {
      blk.push(new Residual(in_channels, out_channels, true, 2));
    } else {
      blk.push(new Residual(out_channels, out_channels));
    }
  }
  return new nn.Sequential(...blk);
}
function resnet18(output = 10, in_channels = 3) {
  const net = new nn.Sequential(
    new nn.Conv2d(in_channels, 64, {kernel_size: 7, stride: 2, padding: 3}),
    new nn.BatchNorm2d(64),
    new nn.ReLU(),
    new nn.MaxPool2d({kernel_size: 3, stride: 2, padding: 1}));
  net.add_module("resnet_block1", resnet_block(64, 64, 2, true));
  net.add_module("resnet_block2", resnet_block(64, 128, 2));
  net.add_module("resnet_block3", resnet_block(128, 256, 2));
  net.add_module("resnet_block4", resnet_block(256, 512, 2));
  net.add_module("global_avg_pool", new GlobalAvgPool2d()); // GlobalAvgPool2d的输出: (Batch, 512, 1, 1)
  net.add_module("fc", new nn.Sequential(new FlattenLayer(), new nn.Linear(512, output)));
  return net;
}
function evaluate_accuracy(data_iter: Iterable<torch.Tensor[]>, net: nn.Module) {
  let acc_sum = 0.0, n = 0;
  torch.no_grad(() => {
    for (const [X, y] of data_iter) {
      net.eval(); // 评估模式, 这会关闭dropout
      acc_sum += (net(X).argmax({dim: 1}) == y).float().sum().item();
      net.train(); // 改回训练模式
      n += y.shape[0];
    }
  });
  return acc_sum / n;
}
// Named apart from the chapters' own train functions (a later cell declaring train would retype d2l.train).
function d2l_train(train_iter: Iterable<torch.Tensor[]>, test_iter: Iterable<torch.Tensor[]>, net: nn.Module, loss: nn.Module, optimizer: optim.Optimizer, device: string, num_epochs: number) {
  console.log("training on ", device);
  let batch_count = 0;
  for (let epoch = 0; epoch < num_epochs; epoch++) {
    let train_l_sum = 0.0, train_acc_sum = 0.0, n = 0;
    for (const [X, y] of train_iter) {
      const y_hat = net(X);
      const l = loss(y_hat, y);
      optimizer.zero_grad();
      l.backward();
      optimizer.step();
      train_l_sum += l.item();
      train_acc_sum += (y_hat.argmax({dim: 1}) == y).sum().item();
      n += y.shape[0];
      batch_count += 1;
    }
    const test_acc = evaluate_accuracy(test_iter, net);
    console.log(\`epoch \${epoch + 1}, loss \${(train_l_sum / batch_count).toFixed(4)}, train acc \${(train_acc_sum / n).toFixed(3)}, test acc \${test_acc.toFixed(3)}\`);
  }
}
const d2l = { resnet_block, resnet18, evaluate_accuracy, train: d2l_train };
// Lists print as JSON on both sides.
const js = (x: unknown) => JSON.stringify(x);
const device = "cpu";`;

/** Chapter 9: 9.1 image augmentation, 9.2 fine-tuning, 9.3 bounding boxes, 9.4 anchors, 9.5 multiscale. */
export const CH9_CELLS: string[] = [
  // ---------------------------------------------------------------- 9.1 image augmentation
  // Stand-in for cat1.jpg: a seeded 64 x 48 RGB picture.
  `torch.manual_seed(0);
const img = new transforms.ToPILImage()(torch.randint(0, 256, [3, 48, 64], {dtype: torch.uint8}));
console.log(String(img), js(img.size));`,
  `// show_images is left out: each augmented picture prints its size, pixel sum and first pixels.
function apply(img: torchvision.io.Image, aug: (x: torchvision.io.Image) => torchvision.io.Image, num_rows = 2, num_cols = 4) {
  const Y = Array.from({length: num_rows * num_cols}, () => aug(img));
  for (const y of Y) {
    const t = transforms.functional.pil_to_tensor(y);
    console.log(js(y.size), t.sum().item(), js(t[0, 0, ":4"].tolist()));
  }
}`,
  `apply(img, new transforms.RandomHorizontalFlip());`,
  `apply(img, new transforms.RandomVerticalFlip());`,
  `const shape_aug = new transforms.RandomResizedCrop(32, {scale: [0.1, 1], ratio: [0.5, 2]});
apply(img, shape_aug);`,
  `apply(img, new transforms.ColorJitter({brightness: 0.5, contrast: 0, saturation: 0, hue: 0}));`,
  `apply(img, new transforms.ColorJitter({brightness: 0, contrast: 0, saturation: 0, hue: 0.5}));`,
  `apply(img, new transforms.ColorJitter({brightness: 0, contrast: 0.5, saturation: 0, hue: 0}));`,
  `const color_aug = new transforms.ColorJitter({brightness: 0.5, contrast: 0.5, saturation: 0.5, hue: 0.5});
apply(img, color_aug);`,
  `const augs = new transforms.Compose([
  new transforms.RandomHorizontalFlip(), color_aug, shape_aug]);
apply(img, augs);`,
  `const flip_aug = new transforms.Compose([
  new transforms.RandomHorizontalFlip(),
  new transforms.ToTensor()]);
const no_aug = new transforms.Compose([
  new transforms.ToTensor()]);`,
  // CIFAR-10 is FakeData of 16 + 8 pictures of 3 x 32 x 32; one epoch, batch 8.
  `function load_cifar10(is_train: boolean, augs: transforms.Compose, batch_size: number) {
  const dataset = new torchvision.datasets.FakeData({size: is_train ? 16 : 8, image_size: [3, 32, 32], num_classes: 10, transform: augs, random_offset: is_train ? 0 : 16});
  return new torch.utils.data.DataLoader(dataset, {batch_size: batch_size, shuffle: is_train});
}`,
  `function train_with_data_aug(train_augs: transforms.Compose, test_augs: transforms.Compose, lr = 0.001) {
  torch.manual_seed(1);
  const batch_size = 8, net = d2l.resnet18(10);
  const optimizer = new torch.optim.Adam(net.parameters(), {lr: lr});
  const loss = new torch.nn.CrossEntropyLoss();
  const train_iter = load_cifar10(true, train_augs, batch_size);
  const test_iter = load_cifar10(false, test_augs, batch_size);
  d2l.train(train_iter, test_iter, net, loss, optimizer, device, 1);
  console.log((net.get_submodule("fc.1") as nn.Linear).weight[0, ":4"]);
}
train_with_data_aug(flip_aug, no_aug);`,
  // ---------------------------------------------------------------- 9.2 fine-tuning
  `const normalize = new transforms.Normalize({mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225]});
const train_augs = new transforms.Compose([
  new transforms.RandomResizedCrop({size: 224}),
  new transforms.RandomHorizontalFlip(),
  new transforms.ToTensor(),
  normalize,
]);
const test_augs = new transforms.Compose([
  new transforms.Resize({size: 256}),
  new transforms.CenterCrop({size: 224}),
  new transforms.ToTensor(),
  normalize,
]);
torch.manual_seed(2);
for (const aug of [train_augs, test_augs]) {
  const x = aug(img) as torch.Tensor;
  console.log(x.shape, x.mean().item().toFixed(4), x[0, 100, ":3"]);
}`,
  // No pretrained weights: an untrained resnet18, seeded.
  `torch.manual_seed(3);
const pretrained_net = torchvision.models.resnet18();
console.log(pretrained_net.fc);`,
  `pretrained_net.fc = new nn.Linear(512, 2);
console.log(pretrained_net.fc);`,
  `const output_params = new Set(pretrained_net.fc.parameters());
const feature_params = [...pretrained_net.parameters()].filter((p) => !output_params.has(p));
let lr = 0.01;
let optimizer = new optim.SGD([{params: feature_params},
                               {params: pretrained_net.fc.parameters(), lr: lr * 10}],
                              {lr: lr, weight_decay: 0.001});
console.log(js(optimizer.param_groups.map((g) => [g.params.length, g.lr, g.weight_decay])));`,
  // train_fine_tuning: two SGD steps on a seeded batch instead of the hotdog folders.
  `function fine_tune_steps(net: nn.Module, optimizer: optim.Optimizer, steps = 2) {
  torch.manual_seed(4);
  const X = torch.rand(4, 3, 64, 64), y = torch.tensor([0, 1, 1, 0]);
  const loss = new torch.nn.CrossEntropyLoss();
  for (let i = 0; i < steps; i++) {
    const l = loss(net(X), y);
    optimizer.zero_grad();
    l.backward();
    optimizer.step();
    console.log(\`loss \${l.item().toFixed(4)}\`);
  }
}
fine_tune_steps(pretrained_net, optimizer);
console.log(pretrained_net.fc.weight[":", ":4"]);
console.log(pretrained_net.conv1.weight[0, 0, 0]);`,
  `torch.manual_seed(5);
const scratch_net = torchvision.models.resnet18({num_classes: 2});
lr = 0.1;
optimizer = new optim.SGD(scratch_net.parameters(), {lr: lr, weight_decay: 0.001});
fine_tune_steps(scratch_net, optimizer);
console.log(scratch_net.fc.weight[":", ":4"]);`,
  // ---------------------------------------------------------------- 9.3 bounding box
  `// bbox是bounding box的缩写
const [dog_bbox, cat_bbox] = [[60, 45, 378, 516], [400, 112, 655, 493]];
function bbox_to_rect(bbox: number[], color: string) {
  // 将边界框(左上x, 左上y, 右下x, 右下y)格式转换成matplotlib格式：((左上x, 左上y), 宽, 高)
  return {xy: [bbox[0], bbox[1]], width: bbox[2] - bbox[0], height: bbox[3] - bbox[1], edgecolor: color};
}
console.log(js(bbox_to_rect(dog_bbox, "blue")), js(bbox_to_rect(cat_bbox, "red")));`,
  // ---------------------------------------------------------------- 9.4 anchors
  // catdog.jpg is 728 x 561.
  `const [w, h] = [728, 561];
console.log(\`w = \${w}, h = \${h}\`);`,
  `function MultiBoxPrior(feature_map: torch.Tensor, sizes = [0.75, 0.5, 0.25], ratios = [1, 2, 0.5]) {
  const pairs: number[][] = []; // pair of (size, sqrt(ration))
  for (const r of ratios) {
    pairs.push([sizes[0], Math.sqrt(r)]);
  }
  for (const s of sizes.slice(1)) {
    pairs.push([s, Math.sqrt(ratios[0])]);
  }
  const p = torch.tensor(pairs, {dtype: torch.float64});
  const ss1 = p[":, 0"] * p[":, 1"]; // size * sqrt(ration)
  const ss2 = p[":, 0"] / p[":, 1"]; // size / sqrt(ration)
  const base_anchors = torch.stack([-ss1, -ss2, ss1, ss2], {dim: 1}) / 2;
  const [h, w] = feature_map.shape.slice(-2);
  const shifts_x = torch.arange(0, w, {dtype: torch.float64}) / w;
  const shifts_y = torch.arange(0, h, {dtype: torch.float64}) / h;
  let [shift_x, shift_y] = torch.meshgrid(shifts_x, shifts_y, {indexing: "xy"});
  shift_x = shift_x.reshape(-1);
  shift_y = shift_y.reshape(-1);
  const shifts = torch.stack([shift_x, shift_y, shift_x, shift_y], {dim: 1});
  const anchors = shifts.reshape([-1, 1, 4]) + base_anchors.reshape([1, -1, 4]);
  return anchors.to(torch.float32).view(1, -1, 4);
}`,
  `let X = torch.zeros(1, 3, h, w); // 构造输入数据
let Y = MultiBoxPrior(X, [0.75, 0.5, 0.25], [1, 2, 0.5]);
console.log(Y.shape);`,
  `const boxes = Y.reshape([h, w, 5, 4]);
console.log(boxes[250, 250, 0, ":"]);
let bbox_scale = torch.tensor([[w, h, w, h]], {dtype: torch.float32});
console.log(boxes[250, 250, ":", ":"] * bbox_scale);`,
  `function compute_intersection(set_1: torch.Tensor, set_2: torch.Tensor) {
  // PyTorch auto-broadcasts singleton dimensions
  const lower_bounds = torch.max(set_1[":, :2"].unsqueeze(1), set_2[":, :2"].unsqueeze(0)); // (n1, n2, 2)
  const upper_bounds = torch.min(set_1[":, 2:"].unsqueeze(1), set_2[":, 2:"].unsqueeze(0)); // (n1, n2, 2)
  const intersection_dims = torch.clamp(upper_bounds - lower_bounds, {min: 0}); // (n1, n2, 2)
  return intersection_dims[":, :, 0"] * intersection_dims[":, :, 1"]; // (n1, n2)
}
function compute_jaccard(set_1: torch.Tensor, set_2: torch.Tensor) {
  // Find intersections
  const intersection = compute_intersection(set_1, set_2); // (n1, n2)
  // Find areas of each box in both sets
  const areas_set_1 = (set_1[":, 2"] - set_1[":, 0"]) * (set_1[":, 3"] - set_1[":, 1"]); // (n1)
  const areas_set_2 = (set_2[":, 2"] - set_2[":, 0"]) * (set_2[":, 3"] - set_2[":, 1"]); // (n2)
  // Find the union
  const union = areas_set_1.unsqueeze(1) + areas_set_2.unsqueeze(0) - intersection; // (n1, n2)
  return intersection / union; // (n1, n2)
}`,
  `bbox_scale = torch.tensor([w, h, w, h], {dtype: torch.float32});
const ground_truth = torch.tensor([[0, 0.1, 0.08, 0.52, 0.92],
                                   [1, 0.55, 0.2, 0.9, 0.88]]);
let anchors = torch.tensor([[0, 0.1, 0.2, 0.3], [0.15, 0.2, 0.4, 0.4],
                            [0.63, 0.05, 0.88, 0.98], [0.66, 0.45, 0.8, 0.8],
                            [0.57, 0.3, 0.92, 0.9]]);
console.log(ground_truth[":, 1:"] * bbox_scale);
console.log(compute_jaccard(anchors, ground_truth[":, 1:"])); // 验证一下写的compute_jaccard函数`,
  `function assign_anchor(bb: torch.Tensor, anchor: torch.Tensor, jaccard_threshold = 0.5) {
  const na = anchor.shape[0];
  const nb = bb.shape[0];
  const jaccard = compute_jaccard(anchor, bb).detach(); // shape: (na, nb)
  const assigned_idx = torch.ones(na) * -1; // 初始全为-1
  // 先为每个bb分配一个anchor(不要求满足jaccard_threshold)
  const jaccard_cp = jaccard.clone();
  for (let j = 0; j < nb; j++) {
    const i = jaccard_cp[":", j].argmax().item();
    assigned_idx[i] = j;
    jaccard_cp[i, ":"] = -Infinity; // 赋值为负无穷, 相当于去掉这一行
  }
  // 处理还未被分配的anchor, 要求满足jaccard_threshold
  for (let i = 0; i < na; i++) {
    if (assigned_idx[i].item() === -1) {
      const j = jaccard[i, ":"].argmax().item();
      if (jaccard[i, j].item() >= jaccard_threshold) {
        assigned_idx[i] = j;
      }
    }
  }
  return assigned_idx.to(torch.long);
}
function xy_to_cxcy(xy: torch.Tensor) {
  return torch.cat([(xy[":, 2:"] + xy[":, :2"]) / 2, // c_x, c_y
                    xy[":, 2:"] - xy[":, :2"]], 1); // w, h
}
function MultiBoxTarget(anchor: torch.Tensor, label: torch.Tensor) {
  assert(anchor.shape.length === 3 && label.shape.length === 3);
  const bn = label.shape[0];
  function MultiBoxTarget_one(anc: torch.Tensor, lab: torch.Tensor, eps = 1e-6): [torch.Tensor, torch.Tensor, torch.Tensor] {
    const an = anc.shape[0];
    const assigned_idx = assign_anchor(lab[":, 1:"], anc); // (锚框总数, )
    const bbox_mask = ((assigned_idx >= 0).float().unsqueeze(-1)).repeat(1, 4); // (锚框总数, 4)
    const cls_labels = torch.zeros(an, {dtype: torch.long}); // 0表示背景
    const assigned_bb = torch.zeros([an, 4], {dtype: torch.float32}); // 所有anchor对应的bb坐标
    for (let i = 0; i < an; i++) {
      const bb_idx = assigned_idx[i].item();
      if (bb_idx >= 0) { // 即非背景
        cls_labels[i] = lab[bb_idx, 0].long().item() + 1; // 注意要加一
        assigned_bb[i, ":"] = lab[bb_idx, "1:"];
      }
    }
    const center_anc = xy_to_cxcy(anc); // (center_x, center_y, w, h)
    const center_assigned_bb = xy_to_cxcy(assigned_bb);
    const offset_xy = 10.0 * (center_assigned_bb[":, :2"] - center_anc[":, :2"]) / center_anc[":, 2:"];
    const offset_wh = 5.0 * torch.log(eps + center_assigned_bb[":, 2:"] / center_anc[":, 2:"]);
    const offset = torch.cat([offset_xy, offset_wh], {dim: 1}) * bbox_mask; // (锚框总数, 4)
    return [offset.view(-1), bbox_mask.view(-1), cls_labels];
  }
  const batch_offset = [];
  const batch_mask = [];
  const batch_cls_labels = [];
  for (let b = 0; b < bn; b++) {
    const [offset, bbox_mask, cls_labels] = MultiBoxTarget_one(anchor[0, ":", ":"], label[b, ":", ":"]);
    batch_offset.push(offset);
    batch_mask.push(bbox_mask);
    batch_cls_labels.push(cls_labels);
  }
  const bbox_offset = torch.stack(batch_offset);
  const bbox_mask = torch.stack(batch_mask);
  const cls_labels = torch.stack(batch_cls_labels);
  return [bbox_offset, bbox_mask, cls_labels];
}`,
  `const labels = MultiBoxTarget(anchors.unsqueeze(0), ground_truth.unsqueeze(0));
console.log(labels[2]);
console.log(labels[1]);
console.log(labels[0]);`,
  `anchors = torch.tensor([[0.1, 0.08, 0.52, 0.92], [0.08, 0.2, 0.56, 0.95],
                        [0.15, 0.3, 0.62, 0.91], [0.55, 0.2, 0.9, 0.88]]);
const offset_preds = torch.tensor(Array(4 * anchors.shape[0]).fill(0.0));
const cls_probs = torch.tensor([[0., 0., 0., 0.], // 背景的预测概率
                                [0.9, 0.8, 0.7, 0.1], // 狗的预测概率
                                [0.1, 0.2, 0.3, 0.9]]); // 猫的预测概率
console.log(anchors * bbox_scale);`,
  `type Pred_BB_Info = {index: number, class_id: number, confidence: number, xyxy: number[]};
function non_max_suppression(bb_info_list: Pred_BB_Info[], nms_threshold = 0.5) {
  const output: Pred_BB_Info[] = [];
  // 先根据置信度从高到低排序
  let sorted_bb_info_list = [...bb_info_list].sort((a, b) => b.confidence - a.confidence);
  while (sorted_bb_info_list.length !== 0) {
    const best = sorted_bb_info_list.shift()!;
    output.push(best);
    if (sorted_bb_info_list.length === 0) {
      break;
    }
    const bb_xyxy: number[][] = [];
    for (const bb of sorted_bb_info_list) {
      bb_xyxy.push(bb.xyxy);
    }
    const iou = compute_jaccard(torch.tensor([best.xyxy]), torch.tensor(bb_xyxy))[0]; // shape: (len(sorted_bb_info_list), )
    const n = sorted_bb_info_list.length;
    sorted_bb_info_list = sorted_bb_info_list.filter((_, i) => iou[i].item() <= nms_threshold);
  }
  return output;
}
function MultiBoxDetection(cls_prob: torch.Tensor, loc_pred: torch.Tensor, anchor: torch.Tensor, nms_threshold = 0.5) {
  assert(cls_prob.shape.length === 3 && loc_pred.shape.length === 2 && anchor.shape.length === 3);
  const bn = cls_prob.shape[0];
  function MultiBoxDetection_one(c_p: torch.Tensor, l_p: torch.Tensor, anc: torch.Tensor, nms_threshold = 0.5) {
    const pred_bb_num = c_p.shape[1];
    const anc_list = (anc + l_p.view(pred_bb_num, 4)).detach().tolist() as number[][]; // 加上偏移量
    const [confidence, class_id] = torch.max(c_p, 0);
    const conf = confidence.detach().tolist() as number[];
    const cls = class_id.detach().tolist() as number[];
    const pred_bb_info: Pred_BB_Info[] = Array.from({length: pred_bb_num}, (_, i) => ({
      index: i,
      class_id: cls[i] - 1, // 正类label从0开始
      confidence: conf[i],
      xyxy: [...anc_list[i]], // xyxy是个列表
    }));
    // 正类的index
    const obj_bb_idx = non_max_suppression(pred_bb_info, nms_threshold).map((bb) => bb.index);
    const output: number[][] = [];
    for (const bb of pred_bb_info) {
      output.push([obj_bb_idx.includes(bb.index) ? bb.class_id : -1.0, bb.confidence, ...bb.xyxy]);
    }
    return torch.tensor(output); // shape: (锚框个数, 6)
  }
  const batch_output = [];
  for (let b = 0; b < bn; b++) {
    batch_output.push(MultiBoxDetection_one(cls_prob[b], loc_pred[b], anchor[0], nms_threshold));
  }
  return torch.stack(batch_output);
}`,
  `const output = MultiBoxDetection(
  cls_probs.unsqueeze(0), offset_preds.unsqueeze(0),
  anchors.unsqueeze(0), 0.5);
console.log(output);`,
  `for (const i of output[0].detach().tolist() as number[][]) {
  if (i[0] === -1) {
    continue;
  }
  const label = ["dog=", "cat="][Math.trunc(i[0])] + i[1].toFixed(2);
  console.log(label, torch.tensor(i.slice(2)) * bbox_scale);
}`,
  // ---------------------------------------------------------------- 9.5 multiscale object detection
  `function display_anchors(fmap_w: number, fmap_h: number, s: number[]) {
  const fmap = torch.zeros([1, 10, fmap_h, fmap_w], {dtype: torch.float32});
  // 平移所有锚框使均匀分布在图片上
  const [offset_x, offset_y] = [1.0 / fmap_w, 1.0 / fmap_h];
  const anchors = MultiBoxPrior(fmap, s, [1, 2, 0.5]) +
    torch.tensor([offset_x / 2, offset_y / 2, offset_x / 2, offset_y / 2]);
  const bbox_scale = torch.tensor([[w, h, w, h]], {dtype: torch.float32});
  console.log(anchors[0] * bbox_scale);
}
display_anchors(4, 2, [0.15]);
display_anchors(2, 1, [0.4]);
display_anchors(1, 1, [0.8]);`,
  // ---------------------------------------------------------------- 9.6 object detection dataset (stand-in files)
  // Pikachu's RecordIO files are replaced by 6 + 2 seeded 40 x 40 PNGs and label.json, written here.
  `import * as fs from "fs";
import * as os from "os";
import * as path from "path";
const data_dir = fs.mkdtempSync(path.join(os.tmpdir(), "pikachu-"));
torch.manual_seed(6);
for (const [part, n] of [["train", 6], ["val", 2]] as [string, number][]) {
  fs.mkdirSync(path.join(data_dir, part, "images"), {recursive: true});
  const label: Record<string, {class: number, loc: number[]}> = {};
  for (let k = 1; k <= n; k++) {
    const pic = torch.randint(0, 256, [3, 40, 40], {dtype: torch.uint8});
    new transforms.ToPILImage()(pic).save(path.join(data_dir, part, "images", \`\${k}.png\`));
    const xy = (torch.rand(2) * 0.5).tolist() as number[];
    label[\`\${k}.png\`] = {class: 0, loc: [xy[0], xy[1], xy[0] + 0.25, xy[1] + 0.25]};
  }
  fs.writeFileSync(path.join(data_dir, part, "label.json"), JSON.stringify(label));
}`,
  `class PikachuDetDataset extends torch.utils.data.Dataset<{label: torch.Tensor, image: torch.Tensor}> {
  // 皮卡丘检测数据集类
  image_size: [number, number]; image_dir: string; label: Record<string, {class: number, loc: number[]}>; transform: transforms.Compose;
  constructor(data_dir: string, part: string, image_size: [number, number] = [256, 256]) {
    super();
    assert(["train", "val"].includes(part));
    this.image_size = image_size;
    this.image_dir = path.join(data_dir, part, "images");
    this.label = JSON.parse(fs.readFileSync(path.join(data_dir, part, "label.json"), "utf8"));
    this.transform = new transforms.Compose([
      // 将 PIL 图片转换成位于[0.0, 1.0]的floatTensor, shape (C x H x W)
      new transforms.ToTensor()]);
  }
  __len__() {
    return Object.keys(this.label).length;
  }
  __getitem__(index: number) {
    const image_path = String(index + 1) + ".png";
    const cls = this.label[image_path]["class"];
    const label = torch.tensor([cls, ...this.label[image_path]["loc"]], {dtype: torch.float32}).unsqueeze(0);
    // PIL's Image.resize (bicubic by default)
    const PIL_img = transforms.functional.resize(torchvision.io.Image.open(path.join(this.image_dir, image_path)).convert("RGB"),
                                                 [this.image_size[1], this.image_size[0]], transforms.InterpolationMode.BICUBIC);
    const img = this.transform(PIL_img) as torch.Tensor;
    return {
      label: label, // shape: (1, 5) [class, xmin, ymin, xmax, ymax]
      image: img, // shape: (3, *image_size)
    };
  }
}
function load_data_pikachu(batch_size: number, edge_size = 256, data_dir = "../../data/pikachu") {
  // edge_size：输出图像的宽和高
  const image_size: [number, number] = [edge_size, edge_size];
  const train_dataset = new PikachuDetDataset(data_dir, "train", image_size);
  const val_dataset = new PikachuDetDataset(data_dir, "val", image_size);
  const train_iter = new torch.utils.data.DataLoader(train_dataset, {batch_size: batch_size, shuffle: true});
  const val_iter = new torch.utils.data.DataLoader(val_dataset, {batch_size: batch_size, shuffle: false});
  return [train_iter, val_iter];
}`,
  `const [batch_size, edge_size] = [4, 32];
torch.manual_seed(7);
const [train_iter] = load_data_pikachu(batch_size, edge_size, data_dir);
const batch = train_iter[Symbol.iterator]().next().value!;
console.log(batch["image"].shape, batch["label"].shape);
console.log(batch["label"][":, 0, 1:"] * edge_size);
console.log(batch["image"][0, 0, 5, ":6"], batch["image"].sum().item().toFixed(2));`,
  // ---------------------------------------------------------------- 9.9 semantic segmentation dataset (stand-in files)
  `const VOC_COLORMAP = [[0, 0, 0], [128, 0, 0], [0, 128, 0], [128, 128, 0],
                      [0, 0, 128], [128, 0, 128], [0, 128, 128], [128, 128, 128],
                      [64, 0, 0], [192, 0, 0], [64, 128, 0], [192, 128, 0],
                      [64, 0, 128], [192, 0, 128], [64, 128, 128], [192, 128, 128],
                      [0, 64, 0], [128, 64, 0], [0, 192, 0], [128, 192, 0],
                      [0, 64, 128]];
const VOC_CLASSES = ["background", "aeroplane", "bicycle", "bird", "boat",
                     "bottle", "bus", "car", "cat", "chair", "cow",
                     "diningtable", "dog", "horse", "motorbike", "person",
                     "potted plant", "sheep", "sofa", "train", "tv/monitor"];
// VOC2012 stand-in: 3 training and 2 validation pictures with label maps of 5 x 7 blocks of 8 pixels
// (one training picture too small for the crop); PNG where VOC has JPEG.
const voc_dir = fs.mkdtempSync(path.join(os.tmpdir(), "voc-"));
for (const d of ["ImageSets/Segmentation", "JPEGImages", "SegmentationClass"]) fs.mkdirSync(path.join(voc_dir, d), {recursive: true});
torch.manual_seed(8);
for (const [part, names] of [["train", ["a", "b", "c"]], ["val", ["d", "e"]]] as [string, string[]][]) {
  fs.writeFileSync(path.join(voc_dir, "ImageSets/Segmentation", part + ".txt"), names.join("\\n") + "\\n");
  for (const name of names) {
    const H = name === "b" ? 24 : 40;
    const blocks = torch.randint(0, 21, [H / 8, 7]);
    const idx = blocks.repeat_interleave(8, 0).repeat_interleave(8, 1);
    const colors = torch.tensor(VOC_COLORMAP, {dtype: torch.uint8})[idx].permute(2, 0, 1);
    new transforms.ToPILImage()(torch.randint(0, 256, [3, H, 56], {dtype: torch.uint8})).save(path.join(voc_dir, "JPEGImages", name + ".png"));
    new transforms.ToPILImage()(colors).save(path.join(voc_dir, "SegmentationClass", name + ".png"));
  }
}`,
  `function read_voc_images(root = "../../data/VOCdevkit/VOC2012", is_train = true, max_num: number | null = null) {
  const txt_fname = \`\${root}/ImageSets/Segmentation/\${is_train ? "train.txt" : "val.txt"}\`;
  let images = fs.readFileSync(txt_fname, "utf8").split(/\\s+/).filter((s) => s.length > 0);
  if (max_num !== null) {
    images = images.slice(0, Math.min(max_num, images.length));
  }
  const features: torchvision.io.Image[] = Array(images.length), labels: torchvision.io.Image[] = Array(images.length);
  for (const [i, fname] of images.entries()) {
    features[i] = torchvision.io.Image.open(\`\${root}/JPEGImages/\${fname}.png\`).convert("RGB");
    labels[i] = torchvision.io.Image.open(\`\${root}/SegmentationClass/\${fname}.png\`).convert("RGB");
  }
  return [features, labels]; // PIL image
}
const [train_features, train_labels] = read_voc_images(voc_dir, true, 100);
console.log(js(train_features.map(String)), js(train_labels.map((l) => js(l.size))));`,
  `const colormap2label = torch.zeros(256 ** 3, {dtype: torch.uint8});
for (const [i, colormap] of VOC_COLORMAP.entries()) {
  colormap2label[(colormap[0] * 256 + colormap[1]) * 256 + colormap[2]] = i;
}
function voc_label_indices(colormap: torchvision.io.Image, colormap2label: torch.Tensor) {
  // convert colormap (PIL image) to colormap2label (uint8 tensor).
  // numpy's int32 array indexes as long; an int32 tensor index is an IndexError in PyTorch 1.13 too.
  const cm = transforms.functional.pil_to_tensor(colormap.convert("RGB")).permute(1, 2, 0).long();
  const idx = ((cm[":, :, 0"] * 256 + cm[":, :, 1"]) * 256 + cm[":, :, 2"]);
  return colormap2label[idx];
}
let y = voc_label_indices(train_labels[0], colormap2label);
console.log(y["5:10, 4:12"], VOC_CLASSES[1]);`,
  `function voc_rand_crop(feature: torchvision.io.Image, label: torchvision.io.Image, height: number, width: number): [torchvision.io.Image, torchvision.io.Image] {
  // Random crop feature (PIL image) and label (PIL image).
  const [i, j, h, w] = transforms.RandomCrop.get_params(feature, [height, width]);
  feature = transforms.functional.crop(feature, i, j, h, w);
  label = transforms.functional.crop(label, i, j, h, w);
  return [feature, label];
}
let imgs: torchvision.io.Image[] = [];
torch.manual_seed(9);
for (let k = 0; k < 3; k++) {
  imgs.push(...voc_rand_crop(train_features[0], train_labels[0], 20, 30));
}
for (const im of imgs) console.log(js(im.size), transforms.functional.pil_to_tensor(im).sum().item());`,
  `class VOCSegDataset extends torch.utils.data.Dataset<[torch.Tensor, torch.Tensor]> {
  rgb_mean: number[]; rgb_std: number[]; tsf: transforms.Compose; crop_size: [number, number];
  features: torchvision.io.Image[]; labels: torchvision.io.Image[]; colormap2label: torch.Tensor;
  constructor(is_train: boolean, crop_size: [number, number], voc_dir: string, colormap2label: torch.Tensor, max_num: number | null = null) {
    // crop_size: (h, w)
    super();
    this.rgb_mean = [0.485, 0.456, 0.406];
    this.rgb_std = [0.229, 0.224, 0.225];
    this.tsf = new transforms.Compose([
      new transforms.ToTensor(),
      new transforms.Normalize({mean: this.rgb_mean, std: this.rgb_std}),
    ]);
    this.crop_size = crop_size; // (h, w)
    const [features, labels] = read_voc_images(voc_dir, is_train, max_num);
    this.features = this.filter(features); // PIL image
    this.labels = this.filter(labels); // PIL image
    this.colormap2label = colormap2label;
    console.log("read " + String(this.features.length) + " valid examples");
  }
  filter(imgs: torchvision.io.Image[]) {
    return imgs.filter((img) => img.size[1] >= this.crop_size[0] && img.size[0] >= this.crop_size[1]);
  }
  __getitem__(idx: number): [torch.Tensor, torch.Tensor] {
    const [feature, label] = voc_rand_crop(this.features[idx], this.labels[idx], ...this.crop_size);
    return [this.tsf(feature) as torch.Tensor, voc_label_indices(label, this.colormap2label)];
  }
  __len__() {
    return this.features.length;
  }
}
const crop_size: [number, number] = [32, 48];
const max_num = 100;
const voc_train = new VOCSegDataset(true, crop_size, voc_dir, colormap2label, max_num);
const voc_test = new VOCSegDataset(false, crop_size, voc_dir, colormap2label, max_num);`,
  `torch.manual_seed(10);
const seg_train_iter = new torch.utils.data.DataLoader(voc_train, {batch_size: 2, shuffle: true, drop_last: true});
for (const [X, Y] of seg_train_iter) {
  console.log(X.dtype, X.shape);
  console.log(y.dtype, Y.shape);
  console.log(X.sum().item().toFixed(3), Y.sum().item());
  break;
}`,
];

/** Chapter 10: 10.3 word2vec (skip-gram, negative sampling) and 10.8 textCNN, on small stand-ins. */
export const CH10_CELLS: string[] = [
  // ---------------------------------------------------------------- 10.3 word2vec
  // PTB stand-in: 40 sentences over 12 words, drawn from torch's generator; min count 5.
  `torch.manual_seed(11);
const words = "the a chip join market stock company year new share price trade".split(" ");
const raw_dataset = Array.from({length: 40}, () => (torch.randint(0, 12, [torch.randint(2, 9, [1]).item()]).tolist() as number[]).map((k) => words[k]));
console.log(\`# sentences: \${raw_dataset.length}\`);
for (const st of raw_dataset.slice(0, 3)) {
  console.log("# tokens:", st.length, js(st.slice(0, 5)));
}`,
  `// tk是token的缩写
let counter = new Map<string, number>();
for (const st of raw_dataset) for (const tk of st) counter.set(tk, (counter.get(tk) ?? 0) + 1);
counter = new Map([...counter].filter((x) => x[1] >= 5));
const idx_to_token = [...counter.keys()];
const token_to_idx = new Map(idx_to_token.map((tk, idx) => [tk, idx]));
let dataset = raw_dataset.map((st) => st.filter((tk) => token_to_idx.has(tk)).map((tk) => token_to_idx.get(tk)!));
const num_tokens = dataset.reduce((a, st) => a + st.length, 0);
console.log(\`# tokens: \${num_tokens}\`);`,
  `// random.uniform(0, 1) is torch.rand(1) on both sides
function discard(idx: number) {
  return torch.rand(1).item() < 1 - Math.sqrt(1e-1 / counter.get(idx_to_token[idx])! * num_tokens);
}
const subsampled_dataset = dataset.map((st) => st.filter((tk) => !discard(tk)));
console.log(\`# tokens: \${subsampled_dataset.reduce((a, st) => a + st.length, 0)}\`);
function compare_counts(token: string) {
  const count = (ds: number[][]) => ds.reduce((a, st) => a + st.filter((t) => t === token_to_idx.get(token)).length, 0);
  return \`# \${token}: before=\${count(dataset)}, after=\${count(subsampled_dataset)}\`;
}
console.log(compare_counts("the"));`,
  `function get_centers_and_contexts(dataset: number[][], max_window_size: number): [number[], number[][]] {
  let centers: number[] = [];
  const contexts: number[][] = [];
  for (const st of dataset) {
    if (st.length < 2) { // 每个句子至少要有2个词才可能组成一对“中心词-背景词”
      continue;
    }
    centers = centers.concat(st);
    for (let center_i = 0; center_i < st.length; center_i++) {
      const window_size = torch.randint(1, max_window_size + 1, [1]).item(); // random.randint(1, max_window_size)
      const indices: number[] = [];
      for (let idx = Math.max(0, center_i - window_size); idx < Math.min(st.length, center_i + 1 + window_size); idx++) {
        if (idx !== center_i) indices.push(idx); // 将中心词排除在背景词之外
      }
      contexts.push(indices.map((idx) => st[idx]));
    }
  }
  return [centers, contexts];
}
const tiny_dataset = [[0, 1, 2, 3, 4, 5, 6], [7, 8, 9]];
console.log("dataset", js(tiny_dataset));
const [tc, tx] = get_centers_and_contexts(tiny_dataset, 2);
tc.forEach((center, i) => console.log("center", center, "has contexts", js(tx[i])));`,
  `const [all_centers, all_contexts] = get_centers_and_contexts(subsampled_dataset, 2);
// random.choices(population, sampling_weights, k) is torch.multinomial with replacement on both sides
function get_negatives(all_contexts: number[][], sampling_weights: number[], K: number) {
  const all_negatives: number[][] = [];
  let neg_candidates: number[] = [], i = 0;
  for (const contexts of all_contexts) {
    const negatives: number[] = [];
    while (negatives.length < contexts.length * K) {
      if (i === neg_candidates.length) {
        [i, neg_candidates] = [0, torch.multinomial(torch.tensor(sampling_weights), 100, {replacement: true}).tolist() as number[]];
      }
      const neg = neg_candidates[i];
      i = i + 1;
      // 噪声词不能是背景词
      if (!new Set(contexts).has(neg)) {
        negatives.push(neg);
      }
    }
    all_negatives.push(negatives);
  }
  return all_negatives;
}
const sampling_weights = idx_to_token.map((w) => counter.get(w)! ** 0.75);
const all_negatives = get_negatives(all_contexts, sampling_weights, 2);
console.log(all_centers.length, js(all_contexts.slice(0, 3)), js(all_negatives.slice(0, 3)));`,
  `function batchify(data: [number, number[], number[]][]): [torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor] {
  // 用作DataLoader的参数collate_fn
  const max_len = Math.max(...data.map(([, c, n]) => c.length + n.length));
  const centers: number[] = [], contexts_negatives: number[][] = [], masks: number[][] = [], labels: number[][] = [];
  for (const [center, context, negative] of data) {
    const cur_len = context.length + negative.length;
    centers.push(center);
    contexts_negatives.push([...context, ...negative, ...Array(max_len - cur_len).fill(0)]);
    masks.push([...Array(cur_len).fill(1), ...Array(max_len - cur_len).fill(0)]);
    labels.push([...Array(context.length).fill(1), ...Array(max_len - context.length).fill(0)]);
  }
  return [torch.tensor(centers).view(-1, 1), torch.tensor(contexts_negatives),
          torch.tensor(masks), torch.tensor(labels)];
}
class MyDataset extends torch.utils.data.Dataset<[number, number[], number[]]> {
  constructor(public centers: number[], public contexts: number[][], public negatives: number[][]) {
    super();
    assert(centers.length === contexts.length && contexts.length === negatives.length);
  }
  __getitem__(index: number): [number, number[], number[]] {
    return [this.centers[index], this.contexts[index], this.negatives[index]];
  }
  __len__() {
    return this.centers.length;
  }
}
const batch_size = 8;
torch.manual_seed(12);
const data_iter = new torch.utils.data.DataLoader(new MyDataset(all_centers, all_contexts, all_negatives),
                                                  {batch_size: batch_size, shuffle: true, collate_fn: batchify});
for (const batch of data_iter) {
  for (const [k, name] of ["centers", "contexts_negatives", "masks", "labels"].entries()) {
    console.log(name, "shape:", batch[k].shape);
  }
  console.log(batch[1]);
  break;
}`,
  `torch.manual_seed(13);
const embed = new nn.Embedding({num_embeddings: 20, embedding_dim: 4});
console.log(embed.weight);
const x = torch.tensor([[1, 2, 3], [4, 5, 6]], {dtype: torch.long});
console.log(embed(x));
console.log(torch.bmm(torch.ones([2, 1, 4]), torch.ones([2, 4, 6])).shape);`,
  `function skip_gram(center: torch.Tensor, contexts_and_negatives: torch.Tensor, embed_v: nn.Module, embed_u: nn.Module) {
  const v = embed_v(center);
  const u = embed_u(contexts_and_negatives);
  const pred = torch.bmm(v, u.permute(0, 2, 1));
  return pred;
}
class SigmoidBinaryCrossEntropyLoss extends nn.Module {
  forward(inputs: torch.Tensor, targets: torch.Tensor, mask: torch.Tensor) {
    [inputs, targets, mask] = [inputs.float(), targets.float(), mask.float()];
    const res = nn.functional.binary_cross_entropy_with_logits(inputs, targets, {reduction: "none", weight: mask});
    return res.mean({dim: 1});
  }
}
const loss = new SigmoidBinaryCrossEntropyLoss();
const pred = torch.tensor([[1.5, 0.3, -1, 2], [1.1, -0.6, 2.2, 0.4]]);
// 标签变量label中的1和0分别代表背景词和噪声词
const label = torch.tensor([[1, 0, 0, 0], [1, 1, 0, 0]]);
const mask = torch.tensor([[1, 1, 1, 1], [1, 1, 1, 0]]); // 掩码变量
console.log(loss(pred, label, mask) * mask.shape[1] / mask.float().sum({dim: 1}));
function sigmd(x: number) {
  return -Math.log(1 / (1 + Math.exp(-x)));
}
console.log(((sigmd(1.5) + sigmd(-0.3) + sigmd(1) + sigmd(-2)) / 4).toFixed(4)); // 注意1-sigmoid(x) = sigmoid(-x)
console.log(((sigmd(1.1) + sigmd(-0.6) + sigmd(-2.2)) / 3).toFixed(4));`,
  `torch.manual_seed(14);
const embed_size = 8;
const net = new nn.Sequential(
  new nn.Embedding({num_embeddings: idx_to_token.length, embedding_dim: embed_size}),
  new nn.Embedding({num_embeddings: idx_to_token.length, embedding_dim: embed_size}),
);
function train(net: nn.Sequential, lr: number, num_epochs: number) {
  console.log("train on", device);
  const optimizer = new torch.optim.Adam(net.parameters(), {lr: lr});
  for (let epoch = 0; epoch < num_epochs; epoch++) {
    let l_sum = 0.0, n = 0;
    for (const batch of data_iter) {
      const [center, context_negative, mask, label] = batch;
      const pred = skip_gram(center, context_negative, net[0], net[1]);
      // 使用掩码变量mask来避免填充项对损失函数计算的影响
      const l = (loss(pred.view(label.shape), label, mask) *
                 mask.shape[1] / mask.float().sum({dim: 1})).mean(); // 一个batch的平均loss
      optimizer.zero_grad();
      l.backward();
      optimizer.step();
      l_sum += l.item();
      n += 1;
    }
    console.log(\`epoch \${epoch + 1}, loss \${(l_sum / n).toFixed(4)}\`);
  }
}
train(net, 0.01, 3);`,
  `function get_similar_tokens(query_token: string, k: number, embed: nn.Embedding) {
  const W = embed.weight.data;
  const x = W[token_to_idx.get(query_token)!];
  // 添加的1e-9是为了数值稳定性
  const cos = torch.matmul(W, x) / (torch.sum(W * W, {dim: 1}) * torch.sum(x * x) + 1e-9).sqrt();
  const [, topk] = torch.topk(cos, {k: k + 1});
  for (const i of (topk.tolist() as number[]).slice(1)) { // 除去输入词
    console.log(\`cosine sim=\${cos[i].item().toFixed(3)}: \${idx_to_token[i]}\`);
  }
}
get_similar_tokens("chip", 3, net[0] as nn.Embedding);`,
  // ---------------------------------------------------------------- 10.8 textCNN
  `function corr1d(X: torch.Tensor, K: torch.Tensor) {
  const w = K.shape[0];
  const Y = torch.zeros([X.shape[0] - w + 1]);
  for (let i = 0; i < Y.shape[0]; i++) {
    Y[i] = (X[\`\${i}:\${i + w}\`] * K).sum();
  }
  return Y;
}
let [X, K] = [torch.tensor([0, 1, 2, 3, 4, 5, 6]), torch.tensor([1, 2])];
console.log(corr1d(X, K));
function corr1d_multi_in(X: torch.Tensor, K: torch.Tensor) {
  // 首先沿着X和K的第0维（通道维）遍历并计算一维互相关结果。然后将所有结果堆叠起来沿第0维累加
  return torch.stack([...Array(X.shape[0]).keys()].map((i) => corr1d(X[i], K[i]))).sum({dim: 0});
}
X = torch.tensor([[0, 1, 2, 3, 4, 5, 6],
                  [1, 2, 3, 4, 5, 6, 7],
                  [2, 3, 4, 5, 6, 7, 8]]);
K = torch.tensor([[1, 2], [3, 4], [-1, -3]]);
console.log(corr1d_multi_in(X, K));`,
  `class GlobalMaxPool1d extends nn.Module {
  forward(x: torch.Tensor) {
    // x shape: (batch_size, channel, seq_len)
    return F.max_pool1d(x, {kernel_size: x.shape[2]}); // shape: (batch_size, channel, 1)
  }
}
class TextCNN extends nn.Module {
  embedding: nn.Embedding; constant_embedding: nn.Embedding; dropout: nn.Dropout; decoder: nn.Linear; pool: GlobalMaxPool1d; convs: nn.ModuleList;
  constructor(vocab: string[], embed_size: number, kernel_sizes: number[], num_channels: number[]) {
    super();
    this.embedding = new nn.Embedding(vocab.length, embed_size);
    // 不参与训练的嵌入层
    this.constant_embedding = new nn.Embedding(vocab.length, embed_size);
    this.dropout = new nn.Dropout(0.5);
    this.decoder = new nn.Linear(num_channels.reduce((a, b) => a + b, 0), 2);
    // 时序最大池化层没有权重，所以可以共用一个实例
    this.pool = new GlobalMaxPool1d();
    this.convs = new nn.ModuleList(); // 创建多个一维卷积层
    num_channels.forEach((c, i) => {
      this.convs.append(new nn.Conv1d({in_channels: 2 * embed_size, out_channels: c, kernel_size: kernel_sizes[i]}));
    });
  }
  forward(inputs: torch.Tensor) {
    // 将两个形状是(批量大小, 词数, 词向量维度)的嵌入层的输出按词向量连结
    let embeddings = torch.cat([
      this.embedding(inputs),
      this.constant_embedding(inputs)], {dim: 2}); // (batch, seq_len, 2*embed_size)
    // 根据Conv1D要求的输入格式，将词向量维变换到前一维
    embeddings = embeddings.permute(0, 2, 1);
    const encoding = torch.cat([...this.convs].map((conv) => this.pool(F.relu(conv(embeddings))).squeeze(-1)), {dim: 1});
    // 应用丢弃法后使用全连接层得到输出
    const outputs = this.decoder(this.dropout(encoding));
    return outputs;
  }
}
// IMDb stand-in: 16 reviews of 10 tokens over the 12 words, label 1 when "share" outnumbers "trade".
torch.manual_seed(15);
const reviews = torch.randint(0, 12, [16, 10]);
const sentiments = ((reviews == 9).sum({dim: 1}) > (reviews == 11).sum({dim: 1})).long();
const imdb_iter = new torch.utils.data.DataLoader(new torch.utils.data.TensorDataset(reviews, sentiments), {batch_size: 8, shuffle: true});
const cnn = new TextCNN(words, 6, [3, 4, 5], [4, 4, 4]);
cnn.constant_embedding.weight.requires_grad = false;
const cnn_optimizer = new torch.optim.Adam([...cnn.parameters()].filter((p) => p.requires_grad), {lr: 0.01});
d2l.train(imdb_iter, imdb_iter, cnn, new nn.CrossEntropyLoss(), cnn_optimizer, device, 2);
console.log(cnn.decoder.weight[0, ":6"]);`,
  `function predict_sentiment(net: nn.Module, vocab: string[], sentence: string[]) {
  // sentence是词语的列表
  const s = torch.tensor(sentence.map((word) => vocab.indexOf(word)));
  const label = torch.argmax(net(s.view([1, -1])), {dim: 1});
  return label.item() === 1 ? "positive" : "negative";
}
console.log(predict_sentiment(cnn, words, ["the", "share", "price", "is", "so", "share"].map((w) => words.includes(w) ? w : "the")));`,
];
