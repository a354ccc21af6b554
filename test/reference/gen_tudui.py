"""Fixture for test/tutorials/tudui_notebook.test.ts: 小土堆 (xiaotudui)'s "PyTorch深度学习快速入门教程"
(Bilibili; code in xiaotudui/pytorch-tutorial src/), the course's files in its order as the cells of one
notebook, run on PyTorch 1.13 as IPython runs them: each cell records what it prints and what Jupyter
shows as its value.

CIFAR10 and hymenoptera (ants / bees) are not available offline: this script writes small seeded
stand-ins under test/reference/tudui/ that both sides read: CIFAR10 in torchvision's own python batch
format (Python 2 pickles as the real files are; 5 training batches of 8 images, a test batch of 66),
three ant JPEGs and three bee PNGs, the transforms lesson's images/pytorch.png and test.py's
imgs/airplane.png. The notebook's first cell (not a course cell) copies them into a temporary folder
laid out as the course's scripts expect (src/ the working directory, src/dataset, ../data, ../imgs) and
puts the stand-in's MD5s in CIFAR10's lists of files (torchvision checks them); Python's os.listdir
gives the file system's order, so the first cell sorts it as Node's readdir does. The whole notebook
starts from torch.manual_seed(0), as `torchlab run` seeds a fresh kernel. The test's header lists what
else is shrunk or left out.
Run: /usr/bin/python3 test/reference/gen_tudui.py"""
import ast
import contextlib
import io
import os
import re
import shutil
import sys
import types

import numpy as np
import torch
from IPython.lib.pretty import pretty
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from _tutorial_common import write_json  # noqa: E402
from gen_cifar_pickle import dump  # noqa: E402

DATA = os.path.join(HERE, "tudui")


class SummaryWriter:
    """tensorboard is not installed beside this PyTorch: SummaryWriter cells print nothing, and the
    test compares only what they print (torchlab's writes real event files)."""

    def __init__(self, *args, **kwargs):
        pass

    def __getattr__(self, name):
        return lambda *args, **kwargs: None


tensorboard = types.ModuleType("torch.utils.tensorboard")
tensorboard.SummaryWriter = SummaryWriter
sys.modules["torch.utils.tensorboard"] = tensorboard


def write_data():
    shutil.rmtree(DATA, ignore_errors=True)
    rng = np.random.RandomState(0)
    folder = os.path.join(DATA, "cifar-10-batches-py")
    os.makedirs(folder)
    for b, (name, n) in enumerate([(f"data_batch_{i}", 8) for i in range(1, 6)] + [("test_batch", 66)], start=1):
        dump(os.path.join(folder, name), {
            b"batch_label": f"batch {b} of 6".encode(),
            b"labels": [int(v) for v in rng.randint(0, 10, n)],
            b"data": rng.randint(0, 256, (n, 3072)).astype(np.uint8),
            b"filenames": [f"img_{b}_{i}.png".encode() for i in range(n)],
        }, 2)
    dump(os.path.join(folder, "batches.meta"), {
        b"num_cases_per_batch": 10000,
        b"label_names": [s.encode() for s in ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]],
        b"num_vis": 3072,
    }, 2)

    def picture(w, h, seed):
        y, x = np.mgrid[0:h, 0:w]
        r = (x * 255 // max(w - 1, 1) + seed * 40) % 256
        g = (y * 255 // max(h - 1, 1) + seed * 70) % 256
        bl = ((x + y) * 7 + seed * 13) % 256
        return np.stack([r, g, bl], -1).astype(np.uint8)

    for label, ext, sizes in [("ants", "jpg", [(50, 40), (36, 48), (64, 32)]), ("bees", "png", [(40, 40), (56, 44), (30, 50)])]:
        os.makedirs(os.path.join(DATA, "train", label))
        for k, (w, h) in enumerate(sizes):
            Image.fromarray(picture(w, h, k + (3 if label == "bees" else 0))).save(os.path.join(DATA, "train", label, f"{label}_{k}.{ext}"))
    Image.fromarray(picture(48, 40, 7)).save(os.path.join(DATA, "pytorch.png"))
    rgba = np.concatenate([picture(40, 30, 9), np.full((30, 40, 1), 255, np.uint8)], -1)
    Image.fromarray(rgba, "RGBA").save(os.path.join(DATA, "airplane.png"))


def show(v):
    if type(v) is tuple:
        return pretty(list(v))
    return pretty(v)


ADDRESS = re.compile(r" at 0x[0-9A-Fa-f]+>")


def run_cells(cells):
    """Runs cells as IPython does: the last statement, when an expression, is shown (unless None)."""
    torch.manual_seed(0)
    # A module of its own as __main__, so that torch.save pickles the cells' classes as __main__.Tudui.
    main = types.ModuleType("__main__")
    sys.modules["__main__"] = main
    ns = main.__dict__
    ns["torch"] = torch
    out = []
    for src in cells:
        tree = ast.parse(src)
        last = tree.body[-1] if tree.body and isinstance(tree.body[-1], ast.Expr) and not src.rstrip().split("\n")[-1].split("#")[0].rstrip().endswith(";") else None
        body = tree.body[:-1] if last is not None else tree.body
        buf = io.StringIO()
        shown = None
        with contextlib.redirect_stdout(buf):
            try:
                exec(compile(ast.Module(body=body, type_ignores=[]), "<cell>", "exec"), ns)
                if last is not None:
                    v = eval(compile(ast.Expression(last.value), "<cell>", "eval"), ns)
                    if v is not None:
                        shown = show(v)
            except Exception as e:  # noqa: BLE001 - the error is the reference
                print(f"ERROR {type(e).__name__}: {e}")
        # PIL's repr ends with the object's address, which no other run has.
        out.append({"printed": ADDRESS.sub(">", buf.getvalue()), "shown": shown})
    return out


SETUP = f"""import hashlib, os, shutil, tempfile
import torchvision
tmp = tempfile.mkdtemp(prefix="tudui-")
fixture = {DATA!r}
for dst in ["src/dataset/cifar-10-batches-py", "data/cifar-10-batches-py"]:
    shutil.copytree(os.path.join(fixture, "cifar-10-batches-py"), os.path.join(tmp, dst))
shutil.copytree(os.path.join(fixture, "train"), os.path.join(tmp, "src/dataset/train"))
os.makedirs(os.path.join(tmp, "imgs"))
shutil.copy(os.path.join(fixture, "airplane.png"), os.path.join(tmp, "imgs/airplane.png"))
os.makedirs(os.path.join(tmp, "src/images"))
shutil.copy(os.path.join(fixture, "pytorch.png"), os.path.join(tmp, "src/images/pytorch.png"))
os.chdir(os.path.join(tmp, "src"))
md5 = lambda f: hashlib.md5(open(os.path.join("dataset/cifar-10-batches-py", f), "rb").read()).hexdigest()
torchvision.datasets.CIFAR10.train_list = [[f, md5(f)] for f, _ in torchvision.datasets.CIFAR10.train_list]
torchvision.datasets.CIFAR10.test_list = [[f, md5(f)] for f, _ in torchvision.datasets.CIFAR10.test_list]
torchvision.datasets.CIFAR10.meta = {{**torchvision.datasets.CIFAR10.meta, "md5": md5("batches.meta")}}
_listdir = os.listdir
os.listdir = lambda p=".": sorted(_listdir(p))
del hashlib, shutil, tempfile, torchvision"""

TUDUI_SEQ = """class Tudui(nn.Module):
    def __init__(self):
        super(Tudui, self).__init__()
        self.model1 = Sequential(
            Conv2d(3, 32, 5, padding=2),
            MaxPool2d(2),
            Conv2d(32, 32, 5, padding=2),
            MaxPool2d(2),
            Conv2d(32, 64, 5, padding=2),
            MaxPool2d(2),
            Flatten(),
            Linear(1024, 64),
            Linear(64, 10)
        )

    def forward(self, x):
        x = self.model1(x)
        return x"""

TUDUI_MODEL = """class Tudui(nn.Module):
    def __init__(self):
        super(Tudui, self).__init__()
        self.model = nn.Sequential(
            nn.Conv2d(3, 32, 5, 1, 2),
            nn.MaxPool2d(2),
            nn.Conv2d(32, 32, 5, 1, 2),
            nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 5, 1, 2),
            nn.MaxPool2d(2),
            nn.Flatten(),
            nn.Linear(64*4*4, 64),
            nn.Linear(64, 10)
        )

    def forward(self, x):
        x = self.model(x)
        return x"""

CELLS = [
    SETUP,
    # read_data.py
    """from torch.utils.data import Dataset
from PIL import Image
import os""",
    """class MyData(Dataset):

    def __init__(self, root_dir, label_dir):
        self.root_dir = root_dir
        self.label_dir = label_dir
        self.path = os.path.join(self.root_dir, self.label_dir)
        self.img_path = os.listdir(self.path)

    def __getitem__(self, idx):
        img_name = self.img_path[idx]
        img_item_path = os.path.join(self.root_dir, self.label_dir, img_name)
        img = Image.open(img_item_path)
        label = self.label_dir
        return img, label

    def __len__(self):
        return len(self.img_path)""",
    """root_dir = "dataset/train"
ants_label_dir = "ants"
bees_label_dir = "bees"
ants_dataset = MyData(root_dir, ants_label_dir)
bees_dataset = MyData(root_dir, bees_label_dir)
img, label = ants_dataset[0]
print(img)
print(img.size)
print(label)""",
    """train_dataset = ants_dataset + bees_dataset
print(len(ants_dataset), len(bees_dataset), len(train_dataset))
img, label = train_dataset[4]
print(img)
print(label)""",
    # UsefulTransforms.py
    """from PIL import Image
from torch.utils.tensorboard import SummaryWriter
from torchvision import transforms

writer = SummaryWriter("logs")
img = Image.open("images/pytorch.png")
print(img)""",
    """# ToTensor
trans_totensor = transforms.ToTensor()
img_tensor = trans_totensor(img)
writer.add_image("ToTensor", img_tensor)""",
    """# Normalize
print(img_tensor[0][0][0])
trans_norm = transforms.Normalize([0.5, 0.5, 0.5], [0.5, 0.5, 0.5])
img_norm = trans_norm(img_tensor)
print(img_norm[0][0][0])
writer.add_image("Normalize", img_norm)""",
    """# Resize
print(img.size)
trans_resize = transforms.Resize((512, 512))
# img PIL -> resize -> img_resize PIL
img_resize = trans_resize(img)
# img_resize PIL -> totensor -> img_resize tensor
img_resize = trans_totensor(img_resize)
writer.add_image("Resize", img_resize, 0)
print(img_resize)""",
    """# Compose - resize - 2
trans_resize_2 = transforms.Resize(512)
# PIL -> PIL -> tensor
trans_compose = transforms.Compose([trans_resize_2, trans_totensor])
img_resize_2 = trans_compose(img)
writer.add_image("Resize", img_resize_2, 1)
print(img_resize_2.shape)""",
    """# RandomCrop
trans_random = transforms.RandomCrop(32)
trans_compose_2 = transforms.Compose([trans_random, trans_totensor])
for i in range(10):
    img_crop = trans_compose_2(img)
    writer.add_image("RandomCrop", img_crop, i)
    print(img_crop[0][0][0])

writer.close()""",
    # P10_dataset_transform.py
    """import torchvision

train_set = torchvision.datasets.CIFAR10(root="./dataset", train=True, download=True)
test_set = torchvision.datasets.CIFAR10(root="./dataset", train=False, download=True)""",
    """print(test_set[0])
print(test_set.classes)

img, target = test_set[0]
print(img)
print(target)
print(test_set.classes[target])""",
    """dataset_transform = torchvision.transforms.Compose([
    torchvision.transforms.ToTensor()
])
train_set = torchvision.datasets.CIFAR10(root="./dataset", train=True, transform=dataset_transform, download=True)
test_set = torchvision.datasets.CIFAR10(root="./dataset", train=False, transform=dataset_transform, download=True)
print(test_set[0][0].shape)
print(test_set[0][0][0][0][:5])""",
    """writer = SummaryWriter("p10")
for i in range(10):
    img, target = test_set[i]
    writer.add_image("test_set", img, i)

writer.close()""",
    # dataloader.py
    """import torchvision

# 准备的测试数据集
from torch.utils.data import DataLoader
from torch.utils.tensorboard import SummaryWriter

test_data = torchvision.datasets.CIFAR10("./dataset", train=False, transform=torchvision.transforms.ToTensor())

test_loader = DataLoader(dataset=test_data, batch_size=64, shuffle=True, num_workers=0, drop_last=True)

# 测试数据集中第一张图片及target
img, target = test_data[0]
print(img.shape)
print(target)""",
    """writer = SummaryWriter("dataloader")
for epoch in range(2):
    step = 0
    for data in test_loader:
        imgs, targets = data
        print(imgs.shape)
        print(targets)
        writer.add_images("Epoch: {}".format(epoch), imgs, step)
        step = step + 1

writer.close()""",
    # nn_module.py
    """import torch
from torch import nn

class Tudui(nn.Module):
    def __init__(self):
        super().__init__()

    def forward(self, input):
        output = input + 1
        return output

tudui = Tudui()
x = torch.tensor(1.0)
output = tudui(x)
print(output)""",
    # nn_conv.py
    """import torch
import torch.nn.functional as F

input = torch.tensor([[1, 2, 0, 3, 1],
                      [0, 1, 2, 3, 1],
                      [1, 2, 1, 0, 0],
                      [5, 2, 3, 1, 1],
                      [2, 1, 0, 1, 1]])

kernel = torch.tensor([[1, 2, 1],
                       [0, 1, 0],
                       [2, 1, 0]])

input = torch.reshape(input, (1, 1, 5, 5))
kernel = torch.reshape(kernel, (1, 1, 3, 3))

print(input.shape)
print(kernel.shape)

output = F.conv2d(input, kernel, stride=1)
print(output)

output2 = F.conv2d(input, kernel, stride=2)
print(output2)

output3 = F.conv2d(input, kernel, stride=1, padding=1)
print(output3)""",
    # nn_conv2d.py
    """import torch
import torchvision
from torch import nn
from torch.nn import Conv2d
from torch.utils.data import DataLoader
from torch.utils.tensorboard import SummaryWriter

dataset = torchvision.datasets.CIFAR10("../data", train=False, transform=torchvision.transforms.ToTensor(),
                                       download=True)
dataloader = DataLoader(dataset, batch_size=64)

class Tudui(nn.Module):
    def __init__(self):
        super(Tudui, self).__init__()
        self.conv1 = Conv2d(in_channels=3, out_channels=6, kernel_size=3, stride=1, padding=0)

    def forward(self, x):
        x = self.conv1(x)
        return x

tudui = Tudui()
print(tudui)""",
    """writer = SummaryWriter("../logs")

step = 0
for data in dataloader:
    imgs, targets = data
    output = tudui(imgs)
    print(imgs.shape)
    print(output.shape)
    # torch.Size([64, 3, 32, 32])
    writer.add_images("input", imgs, step)
    # torch.Size([64, 6, 30, 30])  -> [xxx, 3, 30, 30]
    output = torch.reshape(output, (-1, 3, 30, 30))
    print(output.shape)
    writer.add_images("output", output, step)
    step = step + 1

writer.close()""",
    # nn_maxpool.py
    """from torch.nn import MaxPool2d

input = torch.tensor([[1, 2, 0, 3, 1],
                      [0, 1, 2, 3, 1],
                      [1, 2, 1, 0, 0],
                      [5, 2, 3, 1, 1],
                      [2, 1, 0, 1, 1]], dtype=torch.float32)
input = torch.reshape(input, (-1, 1, 5, 5))
print(input.shape)

class Tudui(nn.Module):
    def __init__(self):
        super(Tudui, self).__init__()
        self.maxpool1 = MaxPool2d(kernel_size=3, ceil_mode=True)

    def forward(self, input):
        output = self.maxpool1(input)
        return output

tudui = Tudui()
output = tudui(input)
print(output)""",
    """tudui.maxpool1 = MaxPool2d(kernel_size=3, ceil_mode=False)
print(tudui)
print(tudui(input))

writer = SummaryWriter("../logs_maxpool")
step = 0
for data in dataloader:
    imgs, targets = data
    writer.add_images("input", imgs, step)
    output = tudui(imgs)
    print(output.shape)
    writer.add_images("output", output, step)
    step = step + 1

writer.close()""",
    # nn_relu.py
    """from torch.nn import ReLU, Sigmoid

input = torch.tensor([[1, -0.5],
                      [-1, 3]])

input = torch.reshape(input, (-1, 1, 2, 2))
print(input.shape)

class Tudui(nn.Module):
    def __init__(self):
        super(Tudui, self).__init__()
        self.relu1 = ReLU()
        self.sigmoid1 = Sigmoid()

    def forward(self, input):
        output = self.relu1(input)
        return output

tudui = Tudui()
output = tudui(input)
print(output)
print(tudui.sigmoid1(input))""",
    """writer = SummaryWriter("../logs_relu")
step = 0
for data in dataloader:
    imgs, targets = data
    writer.add_images("input", imgs, global_step=step)
    output = tudui.sigmoid1(imgs)
    print(output[0][0][0][:4])
    writer.add_images("output", output, step)
    step += 1

writer.close()""",
    # nn_linear.py
    """from torch.nn import Linear

dataloader = DataLoader(dataset, batch_size=64, drop_last=True)

class Tudui(nn.Module):
    def __init__(self):
        super(Tudui, self).__init__()
        self.linear1 = Linear(196608, 10)

    def forward(self, input):
        output = self.linear1(input)
        return output

tudui = Tudui()

for data in dataloader:
    imgs, targets = data
    print(imgs.shape)
    output = torch.flatten(imgs)
    print(output.shape)
    output = tudui(output)
    print(output.shape)
    print(output)""",
    # nn_seq.py
    """from torch.nn import Conv2d, MaxPool2d, Flatten, Linear, Sequential

""" + TUDUI_SEQ + """

tudui = Tudui()
print(tudui)
input = torch.ones((64, 3, 32, 32))
output = tudui(input)
print(output.shape)
print(output[0])""",
    # nn_loss.py
    """from torch.nn import L1Loss

inputs = torch.tensor([1, 2, 3], dtype=torch.float32)
targets = torch.tensor([1, 2, 5], dtype=torch.float32)

inputs = torch.reshape(inputs, (1, 1, 1, 3))
targets = torch.reshape(targets, (1, 1, 1, 3))

loss = L1Loss(reduction='sum')
result = loss(inputs, targets)

loss_mse = nn.MSELoss()
result_mse = loss_mse(inputs, targets)

print(result)
print(result_mse)


x = torch.tensor([0.1, 0.2, 0.3])
y = torch.tensor([1])
x = torch.reshape(x, (1, 3))
loss_cross = nn.CrossEntropyLoss()
result_cross = loss_cross(x, y)
print(result_cross)""",
    # nn_loss_network.py
    """dataloader = DataLoader(dataset, batch_size=1)

loss = nn.CrossEntropyLoss()
tudui = Tudui()
for data in dataloader:
    imgs, targets = data
    outputs = tudui(imgs)
    result_loss = loss(outputs, targets)
    print("ok")
print(outputs)
print(targets)
print(result_loss)""",
    # nn_optim.py
    """loss = nn.CrossEntropyLoss()
tudui = Tudui()
optim = torch.optim.SGD(tudui.parameters(), lr=0.01)
for epoch in range(2):
    running_loss = 0.0
    for data in dataloader:
        imgs, targets = data
        outputs = tudui(imgs)
        result_loss = loss(outputs, targets)
        optim.zero_grad()
        result_loss.backward()
        optim.step()
        running_loss = running_loss + result_loss
    print(running_loss)""",
    # model_save.py (the course's "trap" model; VGG16 is left out, see the test's header)
    """class Tudui(nn.Module):
    def __init__(self):
        super(Tudui, self).__init__()
        self.conv1 = nn.Conv2d(3, 64, kernel_size=3)

    def forward(self, x):
        x = self.conv1(x)
        return x

tudui = Tudui()
# 保存方式1,模型结构+模型参数
torch.save(tudui, "tudui_method1.pth")
# 保存方式2，模型参数（官方推荐）
torch.save(tudui.state_dict(), "tudui_method2.pth")""",
    # model_load.py
    """# 方式1-》保存方式1，加载模型
model = torch.load("tudui_method1.pth")
print(model)
print(torch.equal(model.conv1.weight, tudui.conv1.weight))""",
    """# 方式2，加载模型
tudui2 = Tudui()
tudui2.load_state_dict(torch.load("tudui_method2.pth"))
state = torch.load("tudui_method2.pth")
print(list(state.keys()))
print(state["conv1.bias"][:4])
print(torch.equal(tudui2.conv1.bias, tudui.conv1.bias))""",
    # model.py + train.py
    TUDUI_MODEL + """

tudui = Tudui()
input = torch.ones((64, 3, 32, 32))
output = tudui(input)
print(output.shape)""",
    """# 准备数据集
train_data = torchvision.datasets.CIFAR10(root="../data", train=True, transform=torchvision.transforms.ToTensor(),
                                          download=True)
test_data = torchvision.datasets.CIFAR10(root="../data", train=False, transform=torchvision.transforms.ToTensor(),
                                         download=True)

# length 长度
train_data_size = len(train_data)
test_data_size = len(test_data)
# 如果train_data_size=10, 训练数据集的长度为：10
print("训练数据集的长度为：{}".format(train_data_size))
print("测试数据集的长度为：{}".format(test_data_size))""",
    """# 利用 DataLoader 来加载数据集
train_dataloader = DataLoader(train_data, batch_size=64)
test_dataloader = DataLoader(test_data, batch_size=64)

# 创建网络模型
tudui = Tudui()

# 损失函数
loss_fn = nn.CrossEntropyLoss()

# 优化器
# learning_rate = 0.01
# 1e-2=1 x (10)^(-2) = 1 /100 = 0.01
learning_rate = 1e-2
optimizer = torch.optim.SGD(tudui.parameters(), lr=learning_rate)

# 设置训练网络的一些参数
# 记录训练的次数
total_train_step = 0
# 记录测试的次数
total_test_step = 0
# 训练的轮数
epoch = 2

# 添加tensorboard
writer = SummaryWriter("../logs_train")""",
    """for i in range(epoch):
    print("-------第 {} 轮训练开始-------".format(i+1))

    # 训练步骤开始
    tudui.train()
    for data in train_dataloader:
        imgs, targets = data
        outputs = tudui(imgs)
        loss = loss_fn(outputs, targets)

        # 优化器优化模型
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

        total_train_step = total_train_step + 1
        if total_train_step % 2 == 0:
            print("训练次数：{}, Loss: {}".format(total_train_step, loss.item()))
            writer.add_scalar("train_loss", loss.item(), total_train_step)

    # 测试步骤开始
    tudui.eval()
    total_test_loss = 0
    total_accuracy = 0
    with torch.no_grad():
        for data in test_dataloader:
            imgs, targets = data
            outputs = tudui(imgs)
            loss = loss_fn(outputs, targets)
            total_test_loss = total_test_loss + loss.item()
            accuracy = (outputs.argmax(1) == targets).sum()
            total_accuracy = total_accuracy + accuracy

    print("整体测试集上的Loss: {}".format(total_test_loss))
    print("整体测试集上的正确率: {}".format(total_accuracy/test_data_size))
    writer.add_scalar("test_loss", total_test_loss, total_test_step)
    writer.add_scalar("test_accuracy", total_accuracy/test_data_size, total_test_step)
    total_test_step = total_test_step + 1

    torch.save(tudui, "tudui_{}.pth".format(i))
    print("模型已保存")

writer.close()""",
    # train_gpu_1.py / train_gpu_2.py
    """# 定义训练的设备
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print(device)
tudui = Tudui()
tudui = tudui.to(device)
loss_fn = nn.CrossEntropyLoss()
loss_fn = loss_fn.to(device)
if torch.cuda.is_available():
    tudui = tudui.cuda()
    loss_fn = loss_fn.cuda()
optimizer = torch.optim.SGD(tudui.parameters(), lr=learning_rate)
tudui.train()
for data in train_dataloader:
    imgs, targets = data
    imgs = imgs.to(device)
    targets = targets.to(device)
    outputs = tudui(imgs)
    loss = loss_fn(outputs, targets)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    print("Loss: {}".format(loss.item()))""",
    # test.py
    """image_path = "../imgs/airplane.png"
image = Image.open(image_path)
print(image)
image = image.convert('RGB')
print(image)
transform = torchvision.transforms.Compose([torchvision.transforms.Resize((32, 32)),
                                            torchvision.transforms.ToTensor()])

image = transform(image)
print(image.shape)""",
    """model = torch.load("tudui_1.pth", map_location=torch.device('cpu'))
print(model)
image = torch.reshape(image, (1, 3, 32, 32))
model.eval()
with torch.no_grad():
    output = model(image)
print(output)

print(output.argmax(1))""",
]


GROUPS = [[0], [1, 2, 3, 4], [5, 6, 7, 8, 9, 10], [11, 12, 13, 14], [15, 16], [17], [18], [19, 20], [21, 22], [23, 24], [25], [26], [27], [28], [29], [30], [31, 32], [33, 34, 35, 36], [37], [38, 39]]


def main():
    cwd = os.getcwd()
    write_data()
    # One notebook cell per course file (the cells above split them where the video pauses): each
    # cell is one type-check in torchlab, and the suite must stay fast.
    out = {"tudui": run_cells(["\n\n".join(CELLS[i] for i in g) for g in GROUPS])}
    os.chdir(cwd)
    write_json(out, "tudui.json")


if __name__ == "__main__":
    main()
