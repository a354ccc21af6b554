/**
 * 《动手学深度学习》PyTorch版 (ShusenTang/Dive-into-DL-PyTorch), chapter 9 (computer vision) and chapter 10
 * (natural language processing), as notebook cells written the way the chapters read, with d2lzh_pytorch's
 * helpers (code/d2lzh_pytorch/utils.py) that these chapters call defined in the first cell. The book's
 * functions are kept literal; numpy becomes torch (float64 where the book computes in float64), Python's
 * `random` becomes torch's generator (the same draws on both sides), and the files the book downloads
 * are small stand-ins each side writes from the same seeded tensors. test/reference/gen_d2lzh_cv_nlp.py is
 * the same code in PyTorch 1.13; test/tutorials/d2lzh_cv_nlp.test.ts compares what both print.
 *
 * Left out (need what torchlab cannot have): every matplotlib cell (imshow, show_images, show_bboxes'
 * drawing; their inputs are printed instead), CUDA device selection, pretrained resnet18 weights (an
 * untrained torchvision resnet18 stands in), the CIFAR-10, hotdog, Pikachu, VOC2012, PTB, GloVe and IMDb
 * downloads (seeded stand-ins), torchtext's Vocab (a small Vocab class with its stoi/itos), tqdm,
 * wall-clock times in printed lines, 9.6.0 (MXNet RecordIO conversion), 9.8 (no code), 10.12.
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
function evaluate_accuracy(data_iter: Iterable<[torch.Tensor, torch.Tensor]>, net: nn.Module) {
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
function train(train_iter: Iterable<[torch.Tensor, torch.Tensor]>, test_iter: Iterable<[torch.Tensor, torch.Tensor]>, net: nn.Module, loss: nn.Module, optimizer: optim.Optimizer, device: string, num_epochs: number) {
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
const d2l = { resnet_block, resnet18, evaluate_accuracy, train };
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
