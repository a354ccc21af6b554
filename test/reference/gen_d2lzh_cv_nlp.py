"""Reference output of 《动手学深度学习》PyTorch版 (ShusenTang/Dive-into-DL-PyTorch) chapter 9 (computer
vision) and chapter 10 (natural language processing), for the port test/tutorials/d2lzh_cv_nlp.test.ts,
which runs the same code as notebook cells (test/tutorials/_d2lzh_cv_nlp.ts) through `torchlab run`.

Run with Debian's interpreter, which has PyTorch 1.13:
    /usr/bin/python3 test/reference/gen_d2lzh_cv_nlp.py
Writes test/reference/d2lzh_cv_nlp.json: {"ch9": [lines], "ch10": [lines]}.

The chapters' code is kept literal, d2lzh_pytorch's helpers (utils.py) inlined. Changes, the same on both
sides: matplotlib cells print their inputs instead of drawing; downloads are seeded stand-ins (a 64 x 48
picture for cat1.jpg, FakeData for CIFAR-10, a seeded batch for the hotdog folders, small PNG files each
side writes for Pikachu and VOC2012, a small torch.randint corpus for PTB and IMDb); resnet18 is untrained
(no pretrained weights); Python's `random` draws come from torch's generator (random.uniform ->
torch.rand, random.randint -> torch.randint, random.choices -> torch.multinomial); printed lines leave
out wall-clock times; lists print as JSON (the port's JSON.stringify). Sections ported and left out are
listed in test/tutorials/_d2lzh_cv_nlp.ts's header.
"""
import json
import math
import os
import sys
import tempfile
import collections

import numpy as np
import torch
import torchvision
from torch import nn, optim
import torch.nn.functional as F
from PIL import Image
from torchvision import transforms

from _tutorial_common import write_json

OUT = {"ch9": [], "ch10": []}
CUR = OUT["ch9"]


def show(*args):
    CUR.append(" ".join(str(a) for a in args))


def js(x):
    return json.dumps(x, ensure_ascii=False, separators=(",", ":"))


# ---------------------------------------------------------------- d2lzh_pytorch (utils.py)
class FlattenLayer(torch.nn.Module):
    def __init__(self):
        super(FlattenLayer, self).__init__()

    def forward(self, x):  # x shape: (batch, *, *, ...)
        return x.view(x.shape[0], -1)


class GlobalAvgPool2d(nn.Module):
    # 全局平均池化层可通过将池化窗口形状设置成输入的高和宽实现
    def __init__(self):
        super(GlobalAvgPool2d, self).__init__()

    def forward(self, x):
        return F.avg_pool2d(x, kernel_size=x.size()[2:])


class Residual(nn.Module):
    def __init__(self, in_channels, out_channels, use_1x1conv=False, stride=1):
        super(Residual, self).__init__()
        self.conv1 = nn.Conv2d(in_channels, out_channels, kernel_size=3, padding=1, stride=stride)
        self.conv2 = nn.Conv2d(out_channels, out_channels, kernel_size=3, padding=1)
        if use_1x1conv:
            self.conv3 = nn.Conv2d(in_channels, out_channels, kernel_size=1, stride=stride)
        else:
            self.conv3 = None
        self.bn1 = nn.BatchNorm2d(out_channels)
        self.bn2 = nn.BatchNorm2d(out_channels)

    def forward(self, X):
        Y = F.relu(self.bn1(self.conv1(X)))
        Y = self.bn2(self.conv2(Y))
        if self.conv3:
            X = self.conv3(X)
        return F.relu(Y + X)


def resnet_block(in_channels, out_channels, num_residuals, first_block=False):
    if first_block:
        assert in_channels == out_channels  # 第一个模块的通道数同输入通道数一致
    blk = []
    for i in range(num_residuals):
        if i == 0 and not first_block:
            blk.append(Residual(in_channels, out_channels, use_1x1conv=True, stride=2))
        else:
            blk.append(Residual(out_channels, out_channels))
    return nn.Sequential(*blk)


def resnet18(output=10, in_channels=3):
    net = nn.Sequential(
        nn.Conv2d(in_channels, 64, kernel_size=7, stride=2, padding=3),
        nn.BatchNorm2d(64),
        nn.ReLU(),
        nn.MaxPool2d(kernel_size=3, stride=2, padding=1))
    net.add_module("resnet_block1", resnet_block(64, 64, 2, first_block=True))
    net.add_module("resnet_block2", resnet_block(64, 128, 2))
    net.add_module("resnet_block3", resnet_block(128, 256, 2))
    net.add_module("resnet_block4", resnet_block(256, 512, 2))
    net.add_module("global_avg_pool", GlobalAvgPool2d())  # GlobalAvgPool2d的输出: (Batch, 512, 1, 1)
    net.add_module("fc", nn.Sequential(FlattenLayer(), nn.Linear(512, output)))
    return net


def evaluate_accuracy(data_iter, net, device=None):
    acc_sum, n = 0.0, 0
    with torch.no_grad():
        for X, y in data_iter:
            net.eval()  # 评估模式, 这会关闭dropout
            acc_sum += (net(X).argmax(dim=1) == y).float().sum().item()
            net.train()  # 改回训练模式
            n += y.shape[0]
    return acc_sum / n


def train(train_iter, test_iter, net, loss, optimizer, device, num_epochs):
    show("training on ", device)
    batch_count = 0
    for epoch in range(num_epochs):
        train_l_sum, train_acc_sum, n = 0.0, 0.0, 0
        for X, y in train_iter:
            y_hat = net(X)
            l = loss(y_hat, y)
            optimizer.zero_grad()
            l.backward()
            optimizer.step()
            train_l_sum += l.cpu().item()
            train_acc_sum += (y_hat.argmax(dim=1) == y).sum().cpu().item()
            n += y.shape[0]
            batch_count += 1
        test_acc = evaluate_accuracy(test_iter, net)
        show('epoch %d, loss %.4f, train acc %.3f, test acc %.3f'
             % (epoch + 1, train_l_sum / batch_count, train_acc_sum / n, test_acc))


device = "cpu"

# ---------------------------------------------------------------- 9.1 image augmentation
torch.manual_seed(0)
img = transforms.ToPILImage()(torch.randint(0, 256, (3, 48, 64), dtype=torch.uint8))
show(repr(img).split(" at ")[0] + ">", js(list(img.size)))


def apply(img, aug, num_rows=2, num_cols=4, scale=1.5):
    Y = [aug(img) for _ in range(num_rows * num_cols)]
    for y in Y:
        t = transforms.functional.pil_to_tensor(y)
        show(js(list(y.size)), t.sum().item(), js(t[0, 0, :4].tolist()))


apply(img, torchvision.transforms.RandomHorizontalFlip())
apply(img, torchvision.transforms.RandomVerticalFlip())
shape_aug = torchvision.transforms.RandomResizedCrop(32, scale=(0.1, 1), ratio=(0.5, 2))
apply(img, shape_aug)
apply(img, torchvision.transforms.ColorJitter(brightness=0.5, contrast=0, saturation=0, hue=0))
apply(img, torchvision.transforms.ColorJitter(brightness=0, contrast=0, saturation=0, hue=0.5))
apply(img, torchvision.transforms.ColorJitter(brightness=0, contrast=0.5, saturation=0, hue=0))
color_aug = torchvision.transforms.ColorJitter(brightness=0.5, contrast=0.5, saturation=0.5, hue=0.5)
apply(img, color_aug)
augs = torchvision.transforms.Compose([
    torchvision.transforms.RandomHorizontalFlip(), color_aug, shape_aug])
apply(img, augs)

flip_aug = torchvision.transforms.Compose([
    torchvision.transforms.RandomHorizontalFlip(),
    torchvision.transforms.ToTensor()])
no_aug = torchvision.transforms.Compose([
    torchvision.transforms.ToTensor()])


def load_cifar10(is_train, augs, batch_size):
    dataset = torchvision.datasets.FakeData(size=16 if is_train else 8, image_size=(3, 32, 32), num_classes=10,
                                            transform=augs, random_offset=0 if is_train else 16)
    return torch.utils.data.DataLoader(dataset, batch_size=batch_size, shuffle=is_train)


def train_with_data_aug(train_augs, test_augs, lr=0.001):
    torch.manual_seed(1)
    batch_size, net = 8, resnet18(10)
    optimizer = torch.optim.Adam(net.parameters(), lr=lr)
    loss = torch.nn.CrossEntropyLoss()
    train_iter = load_cifar10(True, train_augs, batch_size)
    test_iter = load_cifar10(False, test_augs, batch_size)
    train(train_iter, test_iter, net, loss, optimizer, device, num_epochs=1)
    show(net.fc[1].weight[0, :4])


train_with_data_aug(flip_aug, no_aug)

# ---------------------------------------------------------------- 9.2 fine-tuning
normalize = transforms.Normalize(mean=[0.485, 0.456, 0.406], std=[0.229, 0.224, 0.225])
train_augs = transforms.Compose([
    transforms.RandomResizedCrop(size=224),
    transforms.RandomHorizontalFlip(),
    transforms.ToTensor(),
    normalize
])
test_augs = transforms.Compose([
    transforms.Resize(size=256),
    transforms.CenterCrop(size=224),
    transforms.ToTensor(),
    normalize
])
torch.manual_seed(2)
for aug in [train_augs, test_augs]:
    x = aug(img)
    show(x.shape, "%.4f" % x.mean().item(), x[0, 100, :3])

torch.manual_seed(3)
pretrained_net = torchvision.models.resnet18()
show(pretrained_net.fc)
pretrained_net.fc = nn.Linear(512, 2)
show(pretrained_net.fc)

output_params = list(map(id, pretrained_net.fc.parameters()))
feature_params = filter(lambda p: id(p) not in output_params, pretrained_net.parameters())
lr = 0.01
optimizer = optim.SGD([{'params': feature_params},
                       {'params': pretrained_net.fc.parameters(), 'lr': lr * 10}],
                      lr=lr, weight_decay=0.001)
show(js([[len(g["params"]), g["lr"], g["weight_decay"]] for g in optimizer.param_groups]))


def fine_tune_steps(net, optimizer, steps=2):
    torch.manual_seed(4)
    X, y = torch.rand(4, 3, 64, 64), torch.tensor([0, 1, 1, 0])
    loss = torch.nn.CrossEntropyLoss()
    for i in range(steps):
        l = loss(net(X), y)
        optimizer.zero_grad()
        l.backward()
        optimizer.step()
        show("loss %.4f" % l.item())


fine_tune_steps(pretrained_net, optimizer)
show(pretrained_net.fc.weight[:, :4])
show(pretrained_net.conv1.weight[0, 0, 0])

torch.manual_seed(5)
scratch_net = torchvision.models.resnet18(pretrained=False, num_classes=2)
lr = 0.1
optimizer = optim.SGD(scratch_net.parameters(), lr=lr, weight_decay=0.001)
fine_tune_steps(scratch_net, optimizer)
show(scratch_net.fc.weight[:, :4])

# ---------------------------------------------------------------- 9.3 bounding box
dog_bbox, cat_bbox = [60, 45, 378, 516], [400, 112, 655, 493]


def bbox_to_rect(bbox, color):
    return {"xy": [bbox[0], bbox[1]], "width": bbox[2] - bbox[0], "height": bbox[3] - bbox[1], "edgecolor": color}


show(js(bbox_to_rect(dog_bbox, 'blue')), js(bbox_to_rect(cat_bbox, 'red')))

# ---------------------------------------------------------------- 9.4 anchors
w, h = 728, 561
show("w = %d, h = %d" % (w, h))


def MultiBoxPrior(feature_map, sizes=[0.75, 0.5, 0.25], ratios=[1, 2, 0.5]):
    pairs = []  # pair of (size, sqrt(ration))
    for r in ratios:
        pairs.append([sizes[0], math.sqrt(r)])
    for s in sizes[1:]:
        pairs.append([s, math.sqrt(ratios[0])])
    pairs = np.array(pairs)
    ss1 = pairs[:, 0] * pairs[:, 1]  # size * sqrt(ration)
    ss2 = pairs[:, 0] / pairs[:, 1]  # size / sqrt(ration)
    base_anchors = np.stack([-ss1, -ss2, ss1, ss2], axis=1) / 2
    h, w = feature_map.shape[-2:]
    shifts_x = np.arange(0, w) / w
    shifts_y = np.arange(0, h) / h
    shift_x, shift_y = np.meshgrid(shifts_x, shifts_y)
    shift_x = shift_x.reshape(-1)
    shift_y = shift_y.reshape(-1)
    shifts = np.stack((shift_x, shift_y, shift_x, shift_y), axis=1)
    anchors = shifts.reshape((-1, 1, 4)) + base_anchors.reshape((1, -1, 4))
    return torch.tensor(anchors, dtype=torch.float32).view(1, -1, 4)


X = torch.zeros(1, 3, h, w)  # 构造输入数据
Y = MultiBoxPrior(X, sizes=[0.75, 0.5, 0.25], ratios=[1, 2, 0.5])
show(Y.shape)
boxes = Y.reshape((h, w, 5, 4))
show(boxes[250, 250, 0, :])
bbox_scale = torch.tensor([[w, h, w, h]], dtype=torch.float32)
show(boxes[250, 250, :, :] * bbox_scale)


def compute_intersection(set_1, set_2):
    lower_bounds = torch.max(set_1[:, :2].unsqueeze(1), set_2[:, :2].unsqueeze(0))  # (n1, n2, 2)
    upper_bounds = torch.min(set_1[:, 2:].unsqueeze(1), set_2[:, 2:].unsqueeze(0))  # (n1, n2, 2)
    intersection_dims = torch.clamp(upper_bounds - lower_bounds, min=0)  # (n1, n2, 2)
    return intersection_dims[:, :, 0] * intersection_dims[:, :, 1]  # (n1, n2)


def compute_jaccard(set_1, set_2):
    intersection = compute_intersection(set_1, set_2)  # (n1, n2)
    areas_set_1 = (set_1[:, 2] - set_1[:, 0]) * (set_1[:, 3] - set_1[:, 1])  # (n1)
    areas_set_2 = (set_2[:, 2] - set_2[:, 0]) * (set_2[:, 3] - set_2[:, 1])  # (n2)
    union = areas_set_1.unsqueeze(1) + areas_set_2.unsqueeze(0) - intersection  # (n1, n2)
    return intersection / union  # (n1, n2)


bbox_scale = torch.tensor((w, h, w, h), dtype=torch.float32)
ground_truth = torch.tensor([[0, 0.1, 0.08, 0.52, 0.92],
                             [1, 0.55, 0.2, 0.9, 0.88]])
anchors = torch.tensor([[0, 0.1, 0.2, 0.3], [0.15, 0.2, 0.4, 0.4],
                        [0.63, 0.05, 0.88, 0.98], [0.66, 0.45, 0.8, 0.8],
                        [0.57, 0.3, 0.92, 0.9]])
show(ground_truth[:, 1:] * bbox_scale)
show(compute_jaccard(anchors, ground_truth[:, 1:]))


def assign_anchor(bb, anchor, jaccard_threshold=0.5):
    na = anchor.shape[0]
    nb = bb.shape[0]
    jaccard = compute_jaccard(anchor, bb).detach().cpu().numpy()  # shape: (na, nb)
    assigned_idx = np.ones(na) * -1  # 初始全为-1
    jaccard_cp = jaccard.copy()
    for j in range(nb):
        i = np.argmax(jaccard_cp[:, j])
        assigned_idx[i] = j
        jaccard_cp[i, :] = float("-inf")  # 赋值为负无穷, 相当于去掉这一行
    for i in range(na):
        if assigned_idx[i] == -1:
            j = np.argmax(jaccard[i, :])
            if jaccard[i, j] >= jaccard_threshold:
                assigned_idx[i] = j
    return torch.tensor(assigned_idx, dtype=torch.long)


def xy_to_cxcy(xy):
    return torch.cat([(xy[:, 2:] + xy[:, :2]) / 2,  # c_x, c_y
                      xy[:, 2:] - xy[:, :2]], 1)  # w, h


def MultiBoxTarget(anchor, label):
    assert len(anchor.shape) == 3 and len(label.shape) == 3
    bn = label.shape[0]

    def MultiBoxTarget_one(anc, lab, eps=1e-6):
        an = anc.shape[0]
        assigned_idx = assign_anchor(lab[:, 1:], anc)  # (锚框总数, )
        bbox_mask = ((assigned_idx >= 0).float().unsqueeze(-1)).repeat(1, 4)  # (锚框总数, 4)
        cls_labels = torch.zeros(an, dtype=torch.long)  # 0表示背景
        assigned_bb = torch.zeros((an, 4), dtype=torch.float32)  # 所有anchor对应的bb坐标
        for i in range(an):
            bb_idx = assigned_idx[i]
            if bb_idx >= 0:  # 即非背景
                cls_labels[i] = lab[bb_idx, 0].long().item() + 1  # 注意要加一
                assigned_bb[i, :] = lab[bb_idx, 1:]
        center_anc = xy_to_cxcy(anc)  # (center_x, center_y, w, h)
        center_assigned_bb = xy_to_cxcy(assigned_bb)
        offset_xy = 10.0 * (center_assigned_bb[:, :2] - center_anc[:, :2]) / center_anc[:, 2:]
        offset_wh = 5.0 * torch.log(eps + center_assigned_bb[:, 2:] / center_anc[:, 2:])
        offset = torch.cat([offset_xy, offset_wh], dim=1) * bbox_mask  # (锚框总数, 4)
        return offset.view(-1), bbox_mask.view(-1), cls_labels

    batch_offset = []
    batch_mask = []
    batch_cls_labels = []
    for b in range(bn):
        offset, bbox_mask, cls_labels = MultiBoxTarget_one(anchor[0, :, :], label[b, :, :])
        batch_offset.append(offset)
        batch_mask.append(bbox_mask)
        batch_cls_labels.append(cls_labels)
    bbox_offset = torch.stack(batch_offset)
    bbox_mask = torch.stack(batch_mask)
    cls_labels = torch.stack(batch_cls_labels)
    return [bbox_offset, bbox_mask, cls_labels]


labels = MultiBoxTarget(anchors.unsqueeze(dim=0), ground_truth.unsqueeze(dim=0))
show(labels[2])
show(labels[1])
show(labels[0])

anchors = torch.tensor([[0.1, 0.08, 0.52, 0.92], [0.08, 0.2, 0.56, 0.95],
                        [0.15, 0.3, 0.62, 0.91], [0.55, 0.2, 0.9, 0.88]])
offset_preds = torch.tensor([0.0] * (4 * len(anchors)))
cls_probs = torch.tensor([[0., 0., 0., 0.],  # 背景的预测概率
                          [0.9, 0.8, 0.7, 0.1],  # 狗的预测概率
                          [0.1, 0.2, 0.3, 0.9]])  # 猫的预测概率
show(anchors * bbox_scale)

from collections import namedtuple
Pred_BB_Info = namedtuple("Pred_BB_Info", ["index", "class_id", "confidence", "xyxy"])


def non_max_suppression(bb_info_list, nms_threshold=0.5):
    output = []
    sorted_bb_info_list = sorted(bb_info_list, key=lambda x: x.confidence, reverse=True)
    while len(sorted_bb_info_list) != 0:
        best = sorted_bb_info_list.pop(0)
        output.append(best)
        if len(sorted_bb_info_list) == 0:
            break
        bb_xyxy = []
        for bb in sorted_bb_info_list:
            bb_xyxy.append(bb.xyxy)
        iou = compute_jaccard(torch.tensor([best.xyxy]),
                              torch.tensor(bb_xyxy))[0]  # shape: (len(sorted_bb_info_list), )
        n = len(sorted_bb_info_list)
        sorted_bb_info_list = [sorted_bb_info_list[i] for i in range(n) if iou[i] <= nms_threshold]
    return output


def MultiBoxDetection(cls_prob, loc_pred, anchor, nms_threshold=0.5):
    assert len(cls_prob.shape) == 3 and len(loc_pred.shape) == 2 and len(anchor.shape) == 3
    bn = cls_prob.shape[0]

    def MultiBoxDetection_one(c_p, l_p, anc, nms_threshold=0.5):
        pred_bb_num = c_p.shape[1]
        anc = (anc + l_p.view(pred_bb_num, 4)).detach().cpu().numpy()  # 加上偏移量
        confidence, class_id = torch.max(c_p, 0)
        confidence = confidence.detach().cpu().numpy()
        class_id = class_id.detach().cpu().numpy()
        pred_bb_info = [Pred_BB_Info(
            index=i,
            class_id=class_id[i] - 1,  # 正类label从0开始
            confidence=confidence[i],
            xyxy=[*anc[i]])  # xyxy是个列表
            for i in range(pred_bb_num)]
        obj_bb_idx = [bb.index for bb in non_max_suppression(pred_bb_info, nms_threshold)]
        output = []
        for bb in pred_bb_info:
            output.append([
                (bb.class_id if bb.index in obj_bb_idx else -1.0),
                bb.confidence,
                *bb.xyxy
            ])
        return torch.tensor(output)  # shape: (锚框个数, 6)

    batch_output = []
    for b in range(bn):
        batch_output.append(MultiBoxDetection_one(cls_prob[b], loc_pred[b], anchor[0], nms_threshold))
    return torch.stack(batch_output)


output = MultiBoxDetection(
    cls_probs.unsqueeze(dim=0), offset_preds.unsqueeze(dim=0),
    anchors.unsqueeze(dim=0), nms_threshold=0.5)
show(output)
for i in output[0].detach().cpu().numpy():
    if i[0] == -1:
        continue
    label = ('dog=', 'cat=')[int(i[0])] + "%.2f" % i[1]
    show(label, torch.tensor(i[2:]) * bbox_scale)


# ---------------------------------------------------------------- 9.5 multiscale object detection
def display_anchors(fmap_w, fmap_h, s):
    fmap = torch.zeros((1, 10, fmap_h, fmap_w), dtype=torch.float32)
    offset_x, offset_y = 1.0 / fmap_w, 1.0 / fmap_h
    anchors = MultiBoxPrior(fmap, sizes=s, ratios=[1, 2, 0.5]) + \
        torch.tensor([offset_x / 2, offset_y / 2, offset_x / 2, offset_y / 2])
    bbox_scale = torch.tensor([[w, h, w, h]], dtype=torch.float32)
    show(anchors[0] * bbox_scale)


display_anchors(fmap_w=4, fmap_h=2, s=[0.15])
display_anchors(fmap_w=2, fmap_h=1, s=[0.4])
display_anchors(fmap_w=1, fmap_h=1, s=[0.8])

# ---------------------------------------------------------------- 9.6 object detection dataset (stand-in files)
data_dir = tempfile.mkdtemp(prefix="pikachu-")
torch.manual_seed(6)
for part, n in [("train", 6), ("val", 2)]:
    os.makedirs(os.path.join(data_dir, part, "images"))
    label = {}
    for k in range(1, n + 1):
        pic = torch.randint(0, 256, (3, 40, 40), dtype=torch.uint8)
        transforms.ToPILImage()(pic).save(os.path.join(data_dir, part, "images", "%d.png" % k))
        xy = (torch.rand(2) * 0.5).tolist()
        label["%d.png" % k] = {"class": 0, "loc": [xy[0], xy[1], xy[0] + 0.25, xy[1] + 0.25]}
    with open(os.path.join(data_dir, part, "label.json"), "w") as f:
        json.dump(label, f)


class PikachuDetDataset(torch.utils.data.Dataset):
    """皮卡丘检测数据集类"""
    def __init__(self, data_dir, part, image_size=(256, 256)):
        assert part in ["train", "val"]
        self.image_size = image_size
        self.image_dir = os.path.join(data_dir, part, "images")
        with open(os.path.join(data_dir, part, "label.json")) as f:
            self.label = json.load(f)
        self.transform = torchvision.transforms.Compose([
            torchvision.transforms.ToTensor()])

    def __len__(self):
        return len(self.label)

    def __getitem__(self, index):
        image_path = str(index + 1) + ".png"
        cls = self.label[image_path]["class"]
        label = np.array([cls] + self.label[image_path]["loc"], dtype="float32")[None, :]
        PIL_img = Image.open(os.path.join(self.image_dir, image_path)).convert('RGB').resize(self.image_size)
        img = self.transform(PIL_img)
        sample = {
            "label": label,  # shape: (1, 5) [class, xmin, ymin, xmax, ymax]
            "image": img     # shape: (3, *image_size)
        }
        return sample


def load_data_pikachu(batch_size, edge_size=256, data_dir='../../data/pikachu'):
    image_size = (edge_size, edge_size)
    train_dataset = PikachuDetDataset(data_dir, 'train', image_size)
    val_dataset = PikachuDetDataset(data_dir, 'val', image_size)
    train_iter = torch.utils.data.DataLoader(train_dataset, batch_size=batch_size, shuffle=True)
    val_iter = torch.utils.data.DataLoader(val_dataset, batch_size=batch_size, shuffle=False)
    return train_iter, val_iter


batch_size, edge_size = 4, 32
torch.manual_seed(7)
train_iter, _ = load_data_pikachu(batch_size, edge_size, data_dir)
batch = next(iter(train_iter))
show(batch["image"].shape, batch["label"].shape)
show(batch["label"][:, 0, 1:] * edge_size)
show(batch["image"][0, 0, 5, :6], "%.2f" % batch["image"].sum().item())

# ---------------------------------------------------------------- 9.9 semantic segmentation dataset (stand-in files)
VOC_COLORMAP = [[0, 0, 0], [128, 0, 0], [0, 128, 0], [128, 128, 0],
                [0, 0, 128], [128, 0, 128], [0, 128, 128], [128, 128, 128],
                [64, 0, 0], [192, 0, 0], [64, 128, 0], [192, 128, 0],
                [64, 0, 128], [192, 0, 128], [64, 128, 128], [192, 128, 128],
                [0, 64, 0], [128, 64, 0], [0, 192, 0], [128, 192, 0],
                [0, 64, 128]]
VOC_CLASSES = ['background', 'aeroplane', 'bicycle', 'bird', 'boat',
               'bottle', 'bus', 'car', 'cat', 'chair', 'cow',
               'diningtable', 'dog', 'horse', 'motorbike', 'person',
               'potted plant', 'sheep', 'sofa', 'train', 'tv/monitor']
voc_dir = tempfile.mkdtemp(prefix="voc-")
for d in ["ImageSets/Segmentation", "JPEGImages", "SegmentationClass"]:
    os.makedirs(os.path.join(voc_dir, d))
torch.manual_seed(8)
for part, names in [("train", ["a", "b", "c"]), ("val", ["d", "e"])]:
    with open(os.path.join(voc_dir, "ImageSets/Segmentation", part + ".txt"), "w") as f:
        f.write("\n".join(names) + "\n")
    for name in names:
        H = 24 if name == "b" else 40
        blocks = torch.randint(0, 21, (H // 8, 7))
        idx = blocks.repeat_interleave(8, 0).repeat_interleave(8, 1)
        colors = torch.tensor(VOC_COLORMAP, dtype=torch.uint8)[idx].permute(2, 0, 1)
        transforms.ToPILImage()(torch.randint(0, 256, (3, H, 56), dtype=torch.uint8)).save(os.path.join(voc_dir, "JPEGImages", name + ".png"))
        transforms.ToPILImage()(colors).save(os.path.join(voc_dir, "SegmentationClass", name + ".png"))


def read_voc_images(root="../../data/VOCdevkit/VOC2012", is_train=True, max_num=None):
    txt_fname = '%s/ImageSets/Segmentation/%s' % (root, 'train.txt' if is_train else 'val.txt')
    with open(txt_fname, 'r') as f:
        images = f.read().split()
    if max_num is not None:
        images = images[:min(max_num, len(images))]
    features, labels = [None] * len(images), [None] * len(images)
    for i, fname in enumerate(images):
        features[i] = Image.open('%s/JPEGImages/%s.png' % (root, fname)).convert("RGB")
        labels[i] = Image.open('%s/SegmentationClass/%s.png' % (root, fname)).convert("RGB")
    return features, labels  # PIL image


train_features, train_labels = read_voc_images(voc_dir, max_num=100)
show(js([repr(f).split(" at ")[0] + ">" for f in train_features]), js([js(list(l.size)) for l in train_labels]))

colormap2label = torch.zeros(256 ** 3, dtype=torch.uint8)
for i, colormap in enumerate(VOC_COLORMAP):
    colormap2label[(colormap[0] * 256 + colormap[1]) * 256 + colormap[2]] = i


def voc_label_indices(colormap, colormap2label):
    colormap = np.array(colormap.convert("RGB")).astype('int32')
    idx = ((colormap[:, :, 0] * 256 + colormap[:, :, 1]) * 256 + colormap[:, :, 2])
    return colormap2label[idx]


y = voc_label_indices(train_labels[0], colormap2label)
show(y[5:10, 4:12], VOC_CLASSES[1])


def voc_rand_crop(feature, label, height, width):
    i, j, h, w = torchvision.transforms.RandomCrop.get_params(feature, output_size=(height, width))
    feature = torchvision.transforms.functional.crop(feature, i, j, h, w)
    label = torchvision.transforms.functional.crop(label, i, j, h, w)
    return feature, label


imgs = []
torch.manual_seed(9)
for _ in range(3):
    imgs += voc_rand_crop(train_features[0], train_labels[0], 20, 30)
for im in imgs:
    show(js(list(im.size)), transforms.functional.pil_to_tensor(im).sum().item())


class VOCSegDataset(torch.utils.data.Dataset):
    def __init__(self, is_train, crop_size, voc_dir, colormap2label, max_num=None):
        self.rgb_mean = np.array([0.485, 0.456, 0.406])
        self.rgb_std = np.array([0.229, 0.224, 0.225])
        self.tsf = torchvision.transforms.Compose([
            torchvision.transforms.ToTensor(),
            torchvision.transforms.Normalize(mean=self.rgb_mean, std=self.rgb_std)
        ])
        self.crop_size = crop_size  # (h, w)
        features, labels = read_voc_images(root=voc_dir, is_train=is_train, max_num=max_num)
        self.features = self.filter(features)  # PIL image
        self.labels = self.filter(labels)     # PIL image
        self.colormap2label = colormap2label
        show('read ' + str(len(self.features)) + ' valid examples')

    def filter(self, imgs):
        return [img for img in imgs if (
            img.size[1] >= self.crop_size[0] and
            img.size[0] >= self.crop_size[1])]

    def __getitem__(self, idx):
        feature, label = voc_rand_crop(self.features[idx], self.labels[idx], *self.crop_size)
        return (self.tsf(feature), voc_label_indices(label, self.colormap2label))

    def __len__(self):
        return len(self.features)


crop_size = (32, 48)
max_num = 100
voc_train = VOCSegDataset(True, crop_size, voc_dir, colormap2label, max_num)
voc_test = VOCSegDataset(False, crop_size, voc_dir, colormap2label, max_num)
torch.manual_seed(10)
seg_train_iter = torch.utils.data.DataLoader(voc_train, 2, shuffle=True, drop_last=True)
for X, Y in seg_train_iter:
    show(X.dtype, X.shape)
    show(y.dtype, Y.shape)
    show("%.3f" % X.sum().item(), Y.sum().item())
    break

# ================================================================ chapter 10
CUR = OUT["ch10"]
# ---------------------------------------------------------------- 10.3 word2vec
torch.manual_seed(11)
words = "the a chip join market stock company year new share price trade".split(" ")
raw_dataset = [[words[k] for k in torch.randint(0, 12, (torch.randint(2, 9, (1,)).item(),)).tolist()] for _ in range(40)]
show('# sentences: %d' % len(raw_dataset))
for st in raw_dataset[:3]:
    show('# tokens:', len(st), js(st[:5]))

counter = collections.Counter([tk for st in raw_dataset for tk in st])
counter = dict(filter(lambda x: x[1] >= 5, counter.items()))
idx_to_token = [tk for tk, _ in counter.items()]
token_to_idx = {tk: idx for idx, tk in enumerate(idx_to_token)}
dataset = [[token_to_idx[tk] for tk in st if tk in token_to_idx] for st in raw_dataset]
num_tokens = sum([len(st) for st in dataset])
show('# tokens: %d' % num_tokens)


def discard(idx):
    return torch.rand(1).item() < 1 - math.sqrt(1e-1 / counter[idx_to_token[idx]] * num_tokens)


subsampled_dataset = [[tk for tk in st if not discard(tk)] for st in dataset]
show('# tokens: %d' % sum([len(st) for st in subsampled_dataset]))


def compare_counts(token):
    return '# %s: before=%d, after=%d' % (token, sum(
        [st.count(token_to_idx[token]) for st in dataset]), sum(
        [st.count(token_to_idx[token]) for st in subsampled_dataset]))


show(compare_counts('the'))


def get_centers_and_contexts(dataset, max_window_size):
    centers, contexts = [], []
    for st in dataset:
        if len(st) < 2:
            continue
        centers += st
        for center_i in range(len(st)):
            window_size = torch.randint(1, max_window_size + 1, (1,)).item()
            indices = list(range(max(0, center_i - window_size), min(len(st), center_i + 1 + window_size)))
            indices.remove(center_i)
            contexts.append([st[idx] for idx in indices])
    return centers, contexts


tiny_dataset = [list(range(7)), list(range(7, 10))]
show('dataset', js(tiny_dataset))
for center, context in zip(*get_centers_and_contexts(tiny_dataset, 2)):
    show('center', center, 'has contexts', js(context))

all_centers, all_contexts = get_centers_and_contexts(subsampled_dataset, 2)


def get_negatives(all_contexts, sampling_weights, K):
    all_negatives, neg_candidates, i = [], [], 0
    for contexts in all_contexts:
        negatives = []
        while len(negatives) < len(contexts) * K:
            if i == len(neg_candidates):
                i, neg_candidates = 0, torch.multinomial(torch.tensor(sampling_weights), 100, replacement=True).tolist()
            neg, i = neg_candidates[i], i + 1
            if neg not in set(contexts):
                negatives.append(neg)
        all_negatives.append(negatives)
    return all_negatives


sampling_weights = [counter[w] ** 0.75 for w in idx_to_token]
all_negatives = get_negatives(all_contexts, sampling_weights, 2)
show(len(all_centers), js(all_contexts[:3]), js(all_negatives[:3]))


def batchify(data):
    max_len = max(len(c) + len(n) for _, c, n in data)
    centers, contexts_negatives, masks, labels = [], [], [], []
    for center, context, negative in data:
        cur_len = len(context) + len(negative)
        centers += [center]
        contexts_negatives += [context + negative + [0] * (max_len - cur_len)]
        masks += [[1] * cur_len + [0] * (max_len - cur_len)]
        labels += [[1] * len(context) + [0] * (max_len - len(context))]
    return (torch.tensor(centers).view(-1, 1), torch.tensor(contexts_negatives),
            torch.tensor(masks), torch.tensor(labels))


class MyDataset(torch.utils.data.Dataset):
    def __init__(self, centers, contexts, negatives):
        assert len(centers) == len(contexts) == len(negatives)
        self.centers = centers
        self.contexts = contexts
        self.negatives = negatives

    def __getitem__(self, index):
        return (self.centers[index], self.contexts[index], self.negatives[index])

    def __len__(self):
        return len(self.centers)


batch_size = 8
torch.manual_seed(12)
data_iter = torch.utils.data.DataLoader(MyDataset(all_centers, all_contexts, all_negatives), batch_size,
                                        shuffle=True, collate_fn=batchify)
for batch in data_iter:
    for name, data in zip(['centers', 'contexts_negatives', 'masks', 'labels'], batch):
        show(name, 'shape:', data.shape)
    show(batch[1])
    break

torch.manual_seed(13)
embed = nn.Embedding(num_embeddings=20, embedding_dim=4)
show(embed.weight)
x = torch.tensor([[1, 2, 3], [4, 5, 6]], dtype=torch.long)
show(embed(x))
show(torch.bmm(torch.ones((2, 1, 4)), torch.ones((2, 4, 6))).shape)


def skip_gram(center, contexts_and_negatives, embed_v, embed_u):
    v = embed_v(center)
    u = embed_u(contexts_and_negatives)
    pred = torch.bmm(v, u.permute(0, 2, 1))
    return pred


class SigmoidBinaryCrossEntropyLoss(nn.Module):
    def __init__(self):
        super(SigmoidBinaryCrossEntropyLoss, self).__init__()

    def forward(self, inputs, targets, mask=None):
        inputs, targets, mask = inputs.float(), targets.float(), mask.float()
        res = nn.functional.binary_cross_entropy_with_logits(inputs, targets, reduction="none", weight=mask)
        return res.mean(dim=1)


loss = SigmoidBinaryCrossEntropyLoss()
pred = torch.tensor([[1.5, 0.3, -1, 2], [1.1, -0.6, 2.2, 0.4]])
label = torch.tensor([[1, 0, 0, 0], [1, 1, 0, 0]])
mask = torch.tensor([[1, 1, 1, 1], [1, 1, 1, 0]])
show(loss(pred, label, mask) * mask.shape[1] / mask.float().sum(dim=1))


def sigmd(x):
    return - math.log(1 / (1 + math.exp(-x)))


show('%.4f' % ((sigmd(1.5) + sigmd(-0.3) + sigmd(1) + sigmd(-2)) / 4))
show('%.4f' % ((sigmd(1.1) + sigmd(-0.6) + sigmd(-2.2)) / 3))

torch.manual_seed(14)
embed_size = 8
net = nn.Sequential(
    nn.Embedding(num_embeddings=len(idx_to_token), embedding_dim=embed_size),
    nn.Embedding(num_embeddings=len(idx_to_token), embedding_dim=embed_size)
)


def train_w2v(net, lr, num_epochs):
    show("train on", device)
    optimizer = torch.optim.Adam(net.parameters(), lr=lr)
    for epoch in range(num_epochs):
        l_sum, n = 0.0, 0
        for batch in data_iter:
            center, context_negative, mask, label = [d for d in batch]
            pred = skip_gram(center, context_negative, net[0], net[1])
            l = (loss(pred.view(label.shape), label, mask) *
                 mask.shape[1] / mask.float().sum(dim=1)).mean()
            optimizer.zero_grad()
            l.backward()
            optimizer.step()
            l_sum += l.cpu().item()
            n += 1
        show('epoch %d, loss %.4f' % (epoch + 1, l_sum / n))


train_w2v(net, 0.01, 3)


def get_similar_tokens(query_token, k, embed):
    W = embed.weight.data
    x = W[token_to_idx[query_token]]
    cos = torch.matmul(W, x) / (torch.sum(W * W, dim=1) * torch.sum(x * x) + 1e-9).sqrt()
    _, topk = torch.topk(cos, k=k + 1)
    topk = topk.cpu().numpy()
    for i in topk[1:]:
        show('cosine sim=%.3f: %s' % (cos[i], (idx_to_token[i])))


get_similar_tokens('chip', 3, net[0])


# ---------------------------------------------------------------- 10.8 textCNN
def corr1d(X, K):
    w = K.shape[0]
    Y = torch.zeros((X.shape[0] - w + 1))
    for i in range(Y.shape[0]):
        Y[i] = (X[i: i + w] * K).sum()
    return Y


X, K = torch.tensor([0, 1, 2, 3, 4, 5, 6]), torch.tensor([1, 2])
show(corr1d(X, K))


def corr1d_multi_in(X, K):
    return torch.stack([corr1d(x, k) for x, k in zip(X, K)]).sum(dim=0)


X = torch.tensor([[0, 1, 2, 3, 4, 5, 6],
                  [1, 2, 3, 4, 5, 6, 7],
                  [2, 3, 4, 5, 6, 7, 8]])
K = torch.tensor([[1, 2], [3, 4], [-1, -3]])
show(corr1d_multi_in(X, K))


class GlobalMaxPool1d(nn.Module):
    def __init__(self):
        super(GlobalMaxPool1d, self).__init__()

    def forward(self, x):
        return F.max_pool1d(x, kernel_size=x.shape[2])


class TextCNN(nn.Module):
    def __init__(self, vocab, embed_size, kernel_sizes, num_channels):
        super(TextCNN, self).__init__()
        self.embedding = nn.Embedding(len(vocab), embed_size)
        self.constant_embedding = nn.Embedding(len(vocab), embed_size)
        self.dropout = nn.Dropout(0.5)
        self.decoder = nn.Linear(sum(num_channels), 2)
        self.pool = GlobalMaxPool1d()
        self.convs = nn.ModuleList()
        for c, k in zip(num_channels, kernel_sizes):
            self.convs.append(nn.Conv1d(in_channels=2 * embed_size, out_channels=c, kernel_size=k))

    def forward(self, inputs):
        embeddings = torch.cat((
            self.embedding(inputs),
            self.constant_embedding(inputs)), dim=2)
        embeddings = embeddings.permute(0, 2, 1)
        encoding = torch.cat([self.pool(F.relu(conv(embeddings))).squeeze(-1) for conv in self.convs], dim=1)
        outputs = self.decoder(self.dropout(encoding))
        return outputs


torch.manual_seed(15)
reviews = torch.randint(0, 12, (16, 10))
sentiments = ((reviews == 9).sum(dim=1) > (reviews == 11).sum(dim=1)).long()
imdb_iter = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(reviews, sentiments), 8, shuffle=True)
cnn = TextCNN(words, 6, [3, 4, 5], [4, 4, 4])
cnn.constant_embedding.weight.requires_grad = False
cnn_optimizer = torch.optim.Adam(filter(lambda p: p.requires_grad, cnn.parameters()), lr=0.01)
train(imdb_iter, imdb_iter, cnn, nn.CrossEntropyLoss(), cnn_optimizer, device, 2)
show(cnn.decoder.weight[0, :6])


def predict_sentiment(net, vocab, sentence):
    sentence = torch.tensor([vocab.index(word) for word in sentence])
    label = torch.argmax(net(sentence.view((1, -1))), dim=1)
    return 'positive' if label.item() == 1 else 'negative'


show(predict_sentiment(cnn, words, [w if w in words else "the" for w in ['the', 'share', 'price', 'is', 'so', 'share']]))

write_json(OUT, "d2lzh_cv_nlp.json")
