"""Fixture for test/tutorials/pytorch_book_ch4.test.ts: chenyuntc/pytorch-book (《深度学习框架PyTorch：入门与实践》,
2nd edition, MIT licence), Chapter4 (torch.nn) and the data-loading half of Chapter5 (CH5 below), cell
by cell as the book's notebooks run them. Each cell's
printed output and shown value are recorded (a tuple value as a list of reprs, as
gen_d2l_computation.py does).

Changes from the book, the same on both sides: the process is seeded once at the start (the book's
outputs come from an unseeded run); `print(t.__version__)` is left out; imgs/lena.png is a seeded
stand-in written by to_pil (a 200x200 grayscale image, as the book's); the book's `F.pool` (no such
function: the class is defined and never called) is F.max_pool2d, and MyLinear.forward uses
self.weight/self.bias (the book's names are undefined there; it is never called either); the PIL
images the book shows are also summed back through to_tensor so that their pixels are compared; the
ResNet34 cell prints the model and a few of its outputs; the two prints of
`module.__dict__.get('submodules')` are left out (a TypeScript object has no __dict__).
"""
import collections
import contextlib
import io
import json
import os
import sys
import tempfile
import types

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from gen_d2l_preliminaries import fmt as fmt_value  # noqa: E402


def fmt(v):
    # load_state_dict's result is a namedtuple that shows as <All keys matched successfully>
    if type(v).__name__ == "_IncompatibleKeys":
        return repr(v)
    # an object with Python's default repr shows in Jupyter as IPython prints it: <torch._C.Generator at 0x...>;
    # an OrderedDict (a state_dict, _parameters, _buffers) with IPython's line breaks
    if type(v).__repr__ is object.__repr__ or isinstance(v, collections.OrderedDict):
        from IPython.lib.pretty import pretty
        return pretty(v)
    return fmt_value(v)

DIR = tempfile.mkdtemp()

CH4 = [
    "import torch as t\nfrom torch import nn\nt.manual_seed(0)",
    """class Linear(nn.Module): # 继承nn.Module，必须重写构造函数（__init__)和前向传播函数（forward）
    def __init__(self, in_features, out_features):
        super().__init__() # 等价于nn.Module.__init__(self)，常用super方式
        # nn.Parameter内的参数是网络可学习的参数
        self.w = nn.Parameter(t.randn(in_features, out_features))
        self.b = nn.Parameter(t.randn(out_features))

    def forward(self, x):
        x = x.mm(self.w) # 矩阵乘法，等价于x.@(self.w)
        return x + self.b.expand_as(x)""",
    "layer = Linear(4,3)\ninput = t.randn(2,4)\noutput = layer(input)\noutput",
    "for name, parameter in layer.named_parameters():\n    print(name, parameter) # w and b",
    """class Perceptron(nn.Module):
    def __init__(self, in_features, hidden_features, out_features):
        super(Perceptron, self).__init__()
        # 此处的Linear是前面自定义的全连接层
        self.layer1 = Linear(in_features, hidden_features)
        self.layer2 = Linear(hidden_features, out_features)
    def forward(self, x):
        x = self.layer1(x)
        x = t.sigmoid(x)
        return self.layer2(x)""",
    "perceptron = Perceptron(3,4,1)\nfor name, param in perceptron.named_parameters():\n    print(name, param.size())",
    """from PIL import Image
from torchvision.transforms import ToTensor, ToPILImage
to_tensor = ToTensor() # img -> tensor
to_pil = ToPILImage()
to_pil(t.rand(1, 200, 200)).save(DIR + '/lena.png') # stand-in for imgs/lena.png
lena = Image.open(DIR + '/lena.png')
print(lena.mode, lena.width, lena.height, to_tensor(lena).sum())
lena#将lena可视化输出""",
    """# 输入是一个batch，batch_size＝1
lena = to_tensor(lena).unsqueeze(0)
print("Input Size:",lena.size())#查看input纬度
# 锐化卷积核
kernel = t.ones(3, 3) / (-9.)
kernel[1][1] = 1
conv = nn.Conv2d(1, 1, (3, 3), 1, bias=False)
conv.weight.data = kernel.view(1, 1, 3, 3)

out = conv(lena)
print("Output Size:",out.size())
print(to_tensor(to_pil(out.data.squeeze(0))).sum())
to_pil(out.data.squeeze(0))""",
    "input = t.randint(10,(1,1,4,4))\nprint(input)\npool = nn.AvgPool2d(2,2) # 平均池化，池化中的卷积核为2*2，步长默认等于卷积核长度，无填充\npool(input)",
    "list(pool.parameters()) # 可以看到，池化层中并没有可学习参数。",
    "out = pool(lena)\nprint(to_tensor(to_pil(out.data.squeeze(0))).sum())\nto_pil(out.data.squeeze(0))#输出池化后的lena",
    "# 输入 batch_size=2，维度3\ninput = t.randn(2, 3)\nlinear = nn.Linear(3, 4)\nh = linear(input)\nh",
    """# 4 channel，初始化标准差为4，均值为0
bn = nn.BatchNorm1d(4)
bn.weight.data = t.ones(4) * 4
bn.bias.data = t.zeros(4)

bn_out = bn(h)
print(bn_out)
# 注意输出的均值和方差
bn_out.mean(0),bn_out.std(0, unbiased=False)""",
    "# 每个元素以0.5的概率随机舍弃\ndropout = nn.Dropout(0.5)\no = dropout(bn_out)\no # 有一半左右的数变为0",
    "relu = nn.ReLU(inplace=True)\ninput = t.randn(2, 3)\nprint(input)\noutput = relu(input)\nprint(output) # 小于0的都被截断为0\n# 等价于input.clamp(min=0)",
    """# Sequential的三种写法
net1 = nn.Sequential()
net1.add_module('conv', nn.Conv2d(3, 3, 3))
net1.add_module('batchnorm', nn.BatchNorm2d(3))
net1.add_module('activation_layer', nn.ReLU())

net2 = nn.Sequential(
        nn.Conv2d(3, 3, 3),
        nn.BatchNorm2d(3),
        nn.ReLU()
        )

from collections import OrderedDict
net3= nn.Sequential(OrderedDict([
          ('conv1', nn.Conv2d(3, 3, 3)),
          ('bn1', nn.BatchNorm2d(3)),
          ('relu1', nn.ReLU())
        ]))
print('net1:', net1)
print('net2:', net2)
print('net3:', net3)""",
    "# 可根据名字或序号取出子module\nnet1.conv, net2[0], net3.conv1",
    """# 调用已构建的网络
input = t.rand(1, 3, 4, 4)
output = net1(input)
output = net2(input)
output = net3(input)
output = net3.relu1(net1.batchnorm(net1.conv(input)))
print(output)""",
    """modellist = nn.ModuleList([nn.Linear(3,4), nn.ReLU(), nn.Linear(4,2)])
input = t.randn(1, 3)
for model in modellist:
    input = model(input)
print(input)""",
    """class MyModule(nn.Module):
    def __init__(self):
        super(MyModule, self).__init__()
        self.list = [nn.Linear(3, 4), nn.ReLU()]
        self.module_list = nn.ModuleList([nn.Conv2d(3, 3, 3), nn.ReLU()])
    def forward(self):
        pass
model = MyModule()
model""",
    "for name, param in model.named_parameters():\n    print(name, param.size())",
    """t.manual_seed(2021)
# 输入：batch_size=3，序列长度都为2，序列中每个元素占4维
input = t.randn(2, 3, 4).float()
# lstm输入向量4维，3个隐藏元，1层
lstm = nn.LSTM(4, 3, 1)
# 初始状态：1层，batch_size=3，3个隐藏元
h0 = t.randn(1, 3, 3)
c0 = t.randn(1, 3, 3)
out1, hn = lstm(input, (h0, c0))
out1.shape""",
    """t.manual_seed(2021)
input = t.randn(2, 3, 4).float()
# 一个LSTMCell对应的层数只能是一层
lstm = nn.LSTMCell(4, 3)
hx = t.randn(3, 3)
cx = t.randn(3, 3)
out = []
for i_ in input:
    hx, cx=lstm(i_, (hx, cx))
    out.append(hx)
out2=t.stack(out)
out2.shape""",
    "#受限于精度问题，这里使用allclose函数说明结果的一致性\nout1.allclose(out2)",
    """# 有4个词，每个词用5维的向量表示
embedding = nn.Embedding(4, 5)
# 可以用预训练好的词向量初始化embedding
weight = t.arange(0,20).view(4,5).float()
nn.Embedding.from_pretrained(weight)""",
    "input = t.arange(3, 0, -1).long()\noutput = embedding(input)\noutput",
    """# batch_size=3，计算对应每个类别的分数（只有两个类别）
score = t.randn(3, 2)
# 三个样本分别属于1，0，1类，label必须是LongTensor
label = t.Tensor([1, 0, 1]).long()

# loss与普通的layer无差异
criterion = nn.CrossEntropyLoss()
loss = criterion(score, label)
loss""",
    "input = t.randn(2, 3)\nmodel = nn.Linear(3, 4)\noutput1 = model(input)\noutput2 = nn.functional.linear(input, model.weight, model.bias)\noutput1 == output2",
    "b = nn.functional.relu(input)\nb2 = nn.ReLU()(input)\nb == b2",
    """from torch.nn import functional as F
class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()
        self.conv1 = nn.Conv2d(3, 6, 5)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = x.view(-1, 16 * 5 * 5)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        x = self.fc3(x)
        return x""",
    """class MyLinear(nn.Module):
    def __init__(self):
        super(MyLinear, self).__init__()
        self.weight = nn.Parameter(t.randn(3, 4))
        self.bias = nn.Parameter(t.zeros(3))
    def forward(self):
        return F.linear(input, self.weight, self.bias)""",
    "print(to_tensor(to_pil(lena.data.squeeze(0))).sum())\nto_pil(lena.data.squeeze(0)) # 原始的lena数据",
    """# lena的形状是1x1x200x200，（N,C,Hin,Win）
w = 400 # 准备将图像放大至400
# 得到400x400的介于[-1,1]之间的均匀分布张量
h_out = t.linspace(-1, 1, w).view(-1, 1).repeat(1, w)
w_out = t.linspace(-1, 1, w).repeat(w, 1)
grid = t.cat((w_out.unsqueeze(2), h_out.unsqueeze(2)), dim = 2)
# grid形状为（N,Hout,Wout,2）
# grid最后一个维度大小为2，表示输入中pixel的位置信息，取值范围在（-1,1）
grid = grid.unsqueeze(0)
print(grid.shape, grid[0, 1, 2])""",
    """import torch
from torch.nn import functional as F
import warnings
warnings.filterwarnings("ignore")

out = F.grid_sample(lena, grid=grid, mode='bilinear')
print(out[0, 0, 1:3, :6], out.sum())
print(to_tensor(to_pil(out.data.squeeze(0))).sum())
to_pil(out.data.squeeze(0))""",
    """# 利用nn.init初始化
from torch.nn import init
linear = nn.Linear(3, 4)
t.manual_seed(2021)

init.xavier_normal_(linear.weight)""",
    """# 利用公式，直接初始化
import math
t.manual_seed(2021)

# xavier初始化的计算公式
std = math.sqrt(2) / math.sqrt(7.)
linear.weight.data.normal_(0,std)""",
    """# 对模型的所有参数进行初始化
net = Net()
for name, params in net.named_parameters():
    if name.find('linear') != -1:
        # init linear
        params[0] # weight
        params[1] # bias
    elif name.find('conv') != -1:
        pass
    elif name.find('norm') != -1:
        pass""",
    """# 以本章4.1节的感知器为例
class Perceptron(nn.Module):
    def __init__(self, in_features, hidden_features, out_features):
        super(Perceptron, self).__init__()
        # 此处的Linear是前面自定义的全连接层
        self.layer1 = Linear(in_features, hidden_features)
        self.layer2 = Linear(hidden_features, out_features)
    def forward(self, x):
        x = self.layer1(x)
        x = t.sigmoid(x)
        return self.layer2(x)

net=Perceptron(3,4,1)""",
    """from torch import optim
optimizer = optim.SGD(params=net.parameters(), lr=1)
optimizer.zero_grad() # 梯度清零，等价于net.zero_grad()

input = t.randn(32, 3)
output = net(input)
output.backward(output) # fake backward

optimizer.step() # 执行优化
print(net.layer1.w, net.layer2.b)""",
    """weight_params = [param for name,param in net.named_parameters() if name.endswith('.w')]
bias_params = [param for name,param in net.named_parameters() if name.endswith('.b')]

optimizer =optim.SGD([
                {'params':bias_params},
                {'params': weight_params, 'lr': 1e-2}
            ], lr=1e-5)
optimizer""",
    """# 只为第一个全连接层设置较大的学习率，其余层的学习率较小
special_layers = nn.ModuleList([net.layer1])
special_layers_params = list(map(id, special_layers.parameters()))
base_params = [param for param in net.parameters() if id(param) not in special_layers_params]
optimizer = t.optim.SGD([
            {'params': base_params},
            {'params': special_layers.parameters(), 'lr': 0.01}
        ], lr=0.001 )
optimizer""",
    """# 调整学习率，新建一个optimizer
old_lr = 0.1
optimizer1 =optim.SGD([
                {'params': bias_params},
                {'params': weight_params, 'lr': old_lr*0.1}
            ], lr=1e-5)
optimizer1""",
    """# 调整学习率, 手动decay, 保存动量
for param_group in optimizer.param_groups:
    param_group['lr'] *= 0.1 # 学习率为之前的0.1倍
optimizer""",
    """class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()
        # 等价与self.register_parameter('param1' ,nn.Parameter(t.randn(3, 3)))
        self.param1 = nn.Parameter(t.rand(3, 3))
        self.submodel1 = nn.Linear(3, 4)
    def forward(self, input):
        x = self.param1.mm(input)
        x = self.submodel1(x)
        return x
net = Net()
net""",
    "net._modules",
    "net._parameters",
    "net.param1 # 等价于net._parameters['param1']",
    "for name, param in net.named_parameters():\n    print(name, param.size())",
    "for name, submodel in net.named_modules():\n    print(name, submodel) # 当前module和他的子module",
    "bn = nn.BatchNorm1d(2)\ninput = t.rand(3, 2)\noutput = bn(input)\nbn._buffers",
    "input = t.arange(0, 12).view(3, 4).float()\nmodel = nn.Dropout()\n# 在训练阶段，会有一半左右的数被随机置为0\nmodel(input)",
    "model.training  = False\n# 在测试阶段，dropout什么都不做\nmodel(input)",
    "net.training, net.submodel1.training",
    "net.eval() # eval()将所有的training属性设为False\nnet.training, net.submodel1.training",
    "list(net.named_modules())",
    "module = nn.Module()\nmodule.param = nn.Parameter(t.ones(2, 2))\nmodule._parameters",
    """submodule1 = nn.Linear(2, 2)
submodule2 = nn.Linear(2, 2)
module_list = [submodule1, submodule2]
# 对于list对象，调用buildin函数，保存在__dict__中
module.submodules = module_list
print('_modules: ', module._modules)""",
    """module_list = nn.ModuleList(module_list)
module.submodules = module_list
print('ModuleList is instance of nn.Module: ', isinstance(module_list, nn.Module))
print('_modules: ', module._modules)""",
    "getattr(module, 'training') # 等价于module.training\n# error\n# module.__getattr__('training')",
    "module.attr1 = 2\ngetattr(module, 'attr1')\n# 报错\n# module.__getattr__('attr1')",
    "# 即module.param, 会调用module.__getattr__('param')\ngetattr(module, 'param')",
    """# 保存模型
t.save(net.state_dict(), DIR + '/net.pth')

# 加载已保存的模型
net2 = Net()
net2.load_state_dict(t.load(DIR + '/net.pth'))""",
    "t.save(net, DIR + '/net_all.pth')\nnet2 = t.load(DIR + '/net_all.pth')\nnet2",
    "from torch import  nn\nimport torch as t\nfrom torch.nn import  functional as F",
]

RESNET = '''class ResidualBlock(nn.Module):
    \'\'\'
    实现子module: Residual Block
    \'\'\'
    def __init__(self, inchannel, outchannel, stride=1, shortcut=None):
        super(ResidualBlock, self).__init__()
        self.left = nn.Sequential(
                nn.Conv2d(inchannel,outchannel,3,stride,1,bias=False),
                nn.BatchNorm2d(outchannel),
                nn.ReLU(inplace=True),
                nn.Conv2d(outchannel,outchannel,3,1,1,bias=False),
                nn.BatchNorm2d(outchannel) )
        self.right = shortcut

    def forward(self, x):
        out = self.left(x)
        residual = x if self.right is None else self.right(x)
        out += residual
        return F.relu(out)

class ResNet(nn.Module):
    \'\'\'
    实现主module：ResNet34
    ResNet34 包含多个layer，每个layer又包含多个residual block
    用子module来实现residual block，用_make_layer函数来实现layer
    \'\'\'
    def __init__(self, num_classes=1000):
        super(ResNet, self).__init__()
        # 前几层图像转换
        self.pre = nn.Sequential(
                nn.Conv2d(3, 64, 7, 2, 3, bias=False),
                nn.BatchNorm2d(64),
                nn.ReLU(inplace=True),
                nn.MaxPool2d(3, 2, 1)
        )

        # 重复的layer，分别有3，4，6，3个Residual Block
        self.layer1 = self._make_layer(64, 64, 3, 1, is_shortcut=False)
        self.layer2 = self._make_layer(64,  128, 4, 2)
        self.layer3 = self._make_layer(128, 256, 6, 2)
        self.layer4 = self._make_layer(256, 512, 3, 2)

        # 分类用的全连接
        self.classifier = nn.Linear(512, num_classes)

    def _make_layer(self, inchannel, outchannel, block_num, stride, is_shortcut=True):
        \'\'\'
        构建layer,包含多个residual block
        \'\'\'
        if is_shortcut:
            shortcut = nn.Sequential(
                    nn.Conv2d(inchannel,outchannel,1,stride, bias=False),
                    nn.BatchNorm2d(outchannel))
        else:
            shortcut = None

        layers = []
        layers.append(ResidualBlock(inchannel, outchannel, stride, shortcut))

        for i in range(1, block_num):
            layers.append(ResidualBlock(outchannel, outchannel))
        return nn.Sequential(*layers)

    def forward(self, x):
        x = self.pre(x)

        x = self.layer1(x)
        x = self.layer2(x)
        x = self.layer3(x)
        x = self.layer4(x)

        x = F.avg_pool2d(x, 7)
        x = x.view(x.size(0), -1)
        return self.classifier(x)'''

CH4 += [
    RESNET,
    "model = ResNet()\ninput = t.randn(1, 3, 224, 224)\nout = model(input)\nprint(model)\nprint(out.shape, out[0, :4])",
]

# Chapter5 (tools): Dataset, transforms, ImageFolder, DataLoader with a collate_fn, WeightedRandomSampler.
# The book's dogcat JPEGs are seeded PNG stand-ins of small sizes written by to_pil (dogcat_wrong's
# extra file is not an image); os.listdir is sorted (its order is the file system's).
CH5 = [
    """import os
import torch as t
from torchvision.transforms import ToPILImage
t.manual_seed(0)
to_pil = ToPILImage()
sizes = {'cat.12484': (50, 49), 'cat.12485': (37, 49), 'cat.12486': (40, 30), 'cat.12487': (37, 49),
         'dog.12496': (49, 37), 'dog.12497': (23, 28), 'dog.12498': (37, 49), 'dog.12499': (37, 49)}
for folder in ['dogcat', 'dogcat_2/cat', 'dogcat_2/dog', 'dogcat_wrong']:
    os.makedirs(DIR + '/data/' + folder)
for name in sizes:
    img = to_pil(t.rand(3, sizes[name][0], sizes[name][1]))
    img.save(DIR + '/data/dogcat/' + name + '.png')
    img.save(DIR + '/data/dogcat_2/' + name[:3] + '/' + name + '.png')
    img.save(DIR + '/data/dogcat_wrong/' + name + '.png')
with open(DIR + '/data/dogcat_wrong/dog.wrong.png', 'w') as f:
    f.write('not an image')""",
    "from torch.utils.data import Dataset",
    """import os
from PIL import Image
import numpy as np

class DogCat(Dataset):
    def __init__(self, root):
        imgs = sorted(os.listdir(root))
        # 所有图片的绝对路径
        # 这里不实际加载图片，只是指定路径，当调用__getitem__时才会真正读图片
        self.imgs = [os.path.join(root, img) for img in imgs]

    def __getitem__(self, index):
        img_path = self.imgs[index]
        # dog->1， cat->0
        label = 1 if 'dog' in img_path.split('/')[-1] else 0
        pil_img = Image.open(img_path)
        array = np.asarray(pil_img)
        data = t.from_numpy(array)
        return data, label

    def __len__(self):
        return len(self.imgs)""",
    """dataset = DogCat(DIR + '/data/dogcat/')
img, label = dataset[0] # 相当于调用dataset.__getitem__(0)
for img, label in dataset:
    print(img.size(), img.float().mean(), label)""",
    """from torchvision import transforms as T

transform = T.Compose([
    T.Resize(24), # 缩放图片(Image)，保持长宽比不变，最短边为24像素
    T.CenterCrop(24), # 从图片中间切出24*24的图片
    T.ToTensor(), # 将图片(Image)转成Tensor，归一化至[0, 1]
    T.Normalize(mean=[.5, .5, .5], std=[.5, .5, .5]) # 标准化至[-1, 1]，规定均值和标准差
])

class DogCat(Dataset):
    def __init__(self, root, transforms=None):
        imgs = sorted(os.listdir(root))
        self.imgs = [os.path.join(root, img) for img in imgs]
        self.transforms=transforms

    def __getitem__(self, index):
        img_path = self.imgs[index]
        label = 0 if 'dog' in img_path.split('/')[-1] else 1
        data = Image.open(img_path)
        if self.transforms:
            data = self.transforms(data)
        return data, label

    def __len__(self):
        return len(self.imgs)

dataset = DogCat(DIR + '/data/dogcat/', transforms=transform)
img, label = dataset[0]
for img, label in dataset:
    print(img.size(), label, img.mean())""",
    """from torchvision.datasets import ImageFolder
dataset = ImageFolder(DIR + '/data/dogcat_2/')
# cat文件夹的图片对应label 0，dog对应1
dataset.class_to_idx""",
    "# 所有图片的路径和对应的label\n[(p[len(DIR):], c) for p, c in dataset.imgs]",
    "# 没有任何的transform，所以返回的还是PIL Image对象\nprint(dataset[0][1]) # 第一维是第几张图，第二维为1返回label\ndataset[0][0] # 为0返回图片数据",
    """# 加上transform
transform  = T.Compose([
         T.RandomResizedCrop(24),
         T.RandomHorizontalFlip(), #水平翻转
         T.ToTensor(),
         T.Normalize(mean=[.5, .5, .5], std=[.5, .5, .5]),
])""",
    "dataset = ImageFolder(DIR + '/data/dogcat_2/', transform=transform)\n# 深度学习中图片数据一般保存成CxHxW，即通道数x图片高x图片宽\nprint(dataset[0][0].mean())\ndataset[0][0].size()",
    "to_img = T.ToPILImage()\n# 0.2和0.4是标准差和均值的近似\nto_img(dataset[0][0]*0.2+0.4)",
    """from torch.utils.data import DataLoader
dataloader = DataLoader(dataset, batch_size=3, shuffle=True, num_workers=0, drop_last=False)
dataiter = iter(dataloader)
imgs, labels = next(dataiter)
print(labels, imgs.mean())
imgs.size() # batch_size, channel, height, width""",
    """class NewDogCat(DogCat): # 继承前面实现的DogCat数据集
    def __getitem__(self, index):
        try:
            # 调用父类的获取函数，即 DogCat.__getitem__(self, index)
            return super().__getitem__(index)
        except:
            return None, None

from torch.utils.data.dataloader import default_collate # 导入默认的拼接方式
def my_collate_fn(batch):
    \'\'\'
    batch是一个list，每个元素是dataset的返回值，形如(data, label)
    \'\'\'
    # 过滤为None的数据
    batch = [_ for _ in batch if _[0] is not None]
    if len(batch) == 0: return t.Tensor()
    return default_collate(batch) # 用默认方式拼接过滤后的batch数据""",
    "dataset = NewDogCat(DIR + '/data/dogcat_wrong/', transforms=transform)\ndataset[8]",
    """dataloader = DataLoader(dataset, 2, collate_fn=my_collate_fn, num_workers=0,shuffle=True)
for batch_datas, batch_labels in dataloader:
    print(batch_datas.size(),batch_labels.size(), batch_labels.tolist())""",
    """dataset = DogCat(DIR + '/data/dogcat/', transforms=transform)
# 假设狗的图片被取出的概率是猫的概率的两倍
# 两类图片被取出的概率与weights的绝对大小无关，只和比值有关
weights = [2 if label == 1 else 1 for data, label in dataset]
weights""",
    """from torch.utils.data.sampler import  WeightedRandomSampler
sampler = WeightedRandomSampler(weights,
                                num_samples=9,
                                replacement=True)
dataloader = DataLoader(dataset,
                        batch_size=3,
                        sampler=sampler)
for datas, labels in dataloader:
    print(labels.tolist())""",
    """sampler = WeightedRandomSampler(weights, 8, replacement=False)
dataloader = DataLoader(dataset, batch_size=4, sampler=sampler)
for datas, labels in dataloader:
    print(labels.tolist())""",
]


def run(cells):
    # a module of its own, so that torch.save can pickle the classes the cells define
    book = types.ModuleType("book")
    sys.modules["book"] = book
    ns = book.__dict__
    ns["DIR"] = DIR
    out = []
    for cell in cells:
        lines = cell.strip().split("\n")
        # a trailing comment line is not the cell's value
        while lines[-1].lstrip().startswith("#"):
            lines.pop()
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            try:
                code = None if lines[-1][:1].isspace() else compile(lines[-1], "<cell>", "eval")
            except SyntaxError:
                code = None
            if code is None:
                exec("\n".join(lines), ns)
                v = None
            else:
                exec("\n".join(lines[:-1]), ns)
                v = eval(code, ns)
        out.append([buf.getvalue(), None if v is None or lines[-1].startswith("print(") else fmt(v)])
    return out


def checks():
    """Direct calls for what the notebook found: avg_pool2d on Long tensors (negative sums truncate
    toward zero; padding with and without count_include_pad; ceil_mode) and optimizers given their
    parameters by keyword."""
    x = torch.tensor([[[[-7, 2, 3, 9], [1, -1, 5, 0], [4, 4, 4, -3], [2, -8, 6, 1]]]])
    F = torch.nn.functional
    p = torch.nn.Parameter(torch.ones(2))
    return {
        "input": x.tolist(),
        "k2": F.avg_pool2d(x, 2).tolist(),
        "k2s1": F.avg_pool2d(x, 2, 1).tolist(),
        "k3s2p1": F.avg_pool2d(x, 3, 2, 1).tolist(),
        "k3s2p1_exclude": F.avg_pool2d(x, 3, 2, 1, count_include_pad=False).tolist(),
        "k3s2_ceil": F.avg_pool2d(x, 3, 2, ceil_mode=True).tolist(),
        "k2_divisor3": F.avg_pool2d(x, 2, divisor_override=3).tolist(),
        "dtype": str(F.avg_pool2d(x, 2).dtype),
        "adam": repr(torch.optim.Adam(params=[p], lr=0.1, betas=(0.5, 0.9))),
        "sgd": repr(torch.optim.SGD(params=[p], lr=0.1, momentum=0.9)),
    }


if __name__ == "__main__":
    out = {"ch4": run(CH4), "ch5": run(CH5), "checks": checks()}
    with open(os.path.join(HERE, "pytorch_book_ch4.json"), "w") as f:
        json.dump(out, f, indent=1, ensure_ascii=False)
        f.write("\n")
