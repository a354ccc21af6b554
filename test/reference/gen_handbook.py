"""Fixtures for the port of zergtant/pytorch-handbook (PyTorch 中文手册) in test/tutorials/handbook_notebook.test.ts.

Each section is one of the handbook's notebooks, its code cells kept literal where PyTorch 1.13 runs them,
executed here as Jupyter does: one namespace per notebook, each cell's stdout followed by the repr of
its last expression (the Out[] value). What the TypeScript port cannot do alike is changed on both sides:
the notebooks' data sets (median_benchmark.csv read with pandas, german.data-numeric, which the
handbook's repository ships without a license) become seeded torch stand-ins, numpy arrays become
tensors, plots become prints of the plotted tensors, CUDA cells are dropped, and epochs are shortened.
Every notebook starts with torch.manual_seed(0) so that torchlab (which draws PyTorch's random streams)
prints the same numbers. Writes test/reference/handbook.json: {section: [output of each cell]}.
"""
import ast
import contextlib
import io
import json
import os
import re

from IPython.lib.pretty import pretty

import torch

HERE = os.path.dirname(os.path.abspath(__file__))

SECTIONS = {}

# 2.1.1 张量 (tensor basics), less numpy, CUDA and the version cell
SECTIONS["tensor"] = [
    "torch.manual_seed(0)\nx = torch.rand(2, 3)\nx",
    "print(x.shape)\nprint(x.size())",
    "y=torch.rand(2,3,4,5)\nprint(y.size())\ny",
    "scalar =torch.tensor(3.1433223)\nprint(scalar)\nscalar.size()",
    "scalar.item()",
    "tensor = torch.tensor([3.1433223]) \nprint(tensor)\ntensor.size()",
    "tensor.item()",
    "long=tensor.long()\nlong",
    "int_t=tensor.int()\nint_t",
    "flo = tensor.float()\nflo",
    "short = tensor.short()\nshort",
    "ch = tensor.char()\nch",
    "bt = tensor.byte()\nbt",
    "cpu_a=torch.rand(4, 3)\ncpu_a.type()",
    "device = torch.device(\"cuda\" if torch.cuda.is_available() else \"cpu\")\nprint(device)\ngpu_b=cpu_a.to(device)\ngpu_b.type()",
    "rnd = torch.rand(5, 3)\nrnd",
    "one = torch.ones(2, 2)\none",
    "zero=torch.zeros(2,2)\nzero",
    "eye=torch.eye(2,2)\neye",
    "x = torch.randn(3, 3)\nprint(x)",
    "max_value, max_idx = torch.max(x, dim=1)\nprint(max_value, max_idx)",
    "sum_x = torch.sum(x, dim=1)\nprint(sum_x)",
    "y=torch.randn(3, 3)\nz = x + y\nprint(z)",
    "x.add_(y)\nprint(x)",
]

# 2.1.2 自动求导 (autograd), less dir() and id()
SECTIONS["autograd"] = [
    "torch.manual_seed(0)\nx = torch.rand(5, 5, requires_grad=True)\nx",
    "y = torch.rand(5, 5, requires_grad=True)\ny",
    "z=torch.sum(x+y)\nz",
    "z.backward()\nprint(x.grad,y.grad)",
    "x = torch.rand(5, 5, requires_grad=True)\ny = torch.rand(5, 5, requires_grad=True)\nz= x**2+y**3\nz",
    "z.backward(torch.ones_like(x))\nprint(x.grad)",
    "with torch.no_grad():\n    print((x +y*2).requires_grad)",
    "print(\"x.is_leaf=\"+str(x.is_leaf))\nprint(\"z.is_leaf=\"+str(z.is_leaf))",
    "z.grad_fn",
    "z.grad_fn.next_functions",
    "xg = z.grad_fn.next_functions[0][0]\nx_leaf=xg.next_functions[0][0]\nx_leaf",
    "x_leaf.variable",
    "assert(x_leaf.variable is x)",
    "from torch.autograd.function import Function",
    """class MulConstant(Function):
    @staticmethod
    def forward(ctx, tensor, constant):
        ctx.constant=constant
        return tensor *constant
    @staticmethod
    def backward(ctx, grad_output):
        return grad_output, None """,
    "a=torch.rand(3,3,requires_grad=True)\nb=MulConstant.apply(a,5)\nprint(\"a:\"+str(a))\nprint(\"b:\"+str(b))",
    "b.backward(torch.ones_like(a))",
    "a.grad",
]

# 2.1.3 神经网络包 (the nn package)
SECTIONS["network"] = [
    "torch.manual_seed(0)",
    "import torch.nn as nn\nimport torch.nn.functional as F",
    """class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()
        self.conv1 = nn.Conv2d(1, 6, 3) 
        self.fc1   = nn.Linear(1350, 10)
    def forward(self, x): 
        print(x.size())
        x = self.conv1(x)
        x = F.relu(x)
        print(x.size())
        x = F.max_pool2d(x, (2, 2))
        x = F.relu(x)
        print(x.size())
        x = x.view(x.size()[0], -1) 
        print(x.size())
        x = self.fc1(x)        
        return x

net = Net()
print(net)""",
    "for parameters in net.parameters():\n    print(parameters)",
    "for name,parameters in net.named_parameters():\n    print(name,':',parameters.size())",
    "input = torch.randn(1, 1, 32, 32)\nout = net(input)\nout.size()",
    "input.size()",
    "net.zero_grad() \nout.backward(torch.ones(1,10))",
    "y = torch.arange(0,10).view(1,10).float()\ncriterion = nn.MSELoss()\nloss = criterion(out, y)\nprint(loss.item()) ",
    "import torch.optim",
    """out = net(input)
criterion = nn.MSELoss()
loss = criterion(out, y)
optimizer = torch.optim.SGD(net.parameters(), lr = 0.01)
optimizer.zero_grad() 
loss.backward()
optimizer.step()
print(net.fc1.bias)""",
]

# 2.1.4 数据加载 (Dataset / DataLoader); the csv's SalePrice column is a seeded stand-in, and __getitem__
# returns the 0-d tensor instead of its .item(): JavaScript cannot tell 24000.0 from 24000, so torchlab's
# default_collate batches whole numbers as int64 where PyTorch batches Python floats as float64
SECTIONS["data_loader"] = [
    "torch.manual_seed(0)\nfrom torch.utils.data import Dataset\nSalePrice = torch.randint(10, 30, (25,)).double() * 1000",
    '''class BulldozerDataset(Dataset):
    """ 数据集演示 """
    def __init__(self, csv_file):
        """实现初始化方法，在初始化的时候将数据读载入"""
        self.df=csv_file
    def __len__(self):
        return len(self.df)
    def __getitem__(self, idx):
        return self.df[idx]''',
    "ds_demo= BulldozerDataset(SalePrice)",
    "len(ds_demo)",
    "ds_demo[0]",
    "dl = torch.utils.data.DataLoader(ds_demo, batch_size=10, shuffle=True, num_workers=0)",
    "idata=iter(dl)\nprint(next(idata))",
    "for i, data in enumerate(dl):\n    print(i,data)\n    break",
    """from torchvision import transforms as transforms
transform = transforms.Compose([
    transforms.RandomCrop(32, padding=4),
    transforms.RandomHorizontalFlip(),
    transforms.RandomRotation((-45,45)),
    transforms.ToTensor(),
    transforms.Normalize((0.4914, 0.4822, 0.4465), (0.229, 0.224, 0.225)),
])
print(transform)""",
]

# 2.2 深度学习基础及数学原理 (linear regression by gradient descent); numpy's draws are torch's
SECTIONS["mathematics"] = [
    "torch.manual_seed(0)\nfrom torch.nn import Linear, Module, MSELoss\nfrom torch.optim import SGD",
    "x = torch.rand(256)\nnoise = torch.randn(256) / 4\ny = x * 5 + 7 + noise",
    "model=Linear(1, 1)",
    "criterion = MSELoss()",
    "optim = SGD(model.parameters(), lr = 0.01)",
    "epochs = 300",
    "x_train = x.reshape(-1, 1)\ny_train = y.reshape(-1, 1)",
    """for i in range(epochs):
    inputs = x_train
    labels = y_train
    outputs = model(inputs)
    optim.zero_grad()
    loss = criterion(outputs, labels)
    loss.backward()
    optim.step()
    if (i%100==0):
        print('epoch {}, loss {:1.4f}'.format(i,loss.data.item()))""",
    "[w, b] = model.parameters()\nprint (w.item(),b.item())",
    "optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)\nprint(optimizer)",
    "optimizer = torch.optim.RMSprop(model.parameters(), lr=0.01, alpha=0.99)\nprint(optimizer)",
    "optimizer = torch.optim.Adam(model.parameters(), lr=0.001, betas=(0.9, 0.999), eps=1e-08)\nprint(optimizer)",
]

# 2.3 神经网络简介 (activation functions): the plotted values printed
SECTIONS["activations"] = [
    "import torch.nn.functional as F\nx= torch.linspace(-10,10,6)",
    "sigmod=torch.sigmoid(x)\nprint(sigmod)",
    "tanh=torch.tanh(x)\nprint(tanh)",
    "relu=F.relu(x)\nprint(relu)",
    "l_relu=F.leaky_relu(x,0.1)\nprint(l_relu)",
]

# 2.4 卷积神经网络 (LeNet-5 and torchvision's resnet18; AlexNet/VGG/Inception left out: building their
# tens of millions of parameters costs a CI run seconds for a repr)
SECTIONS["cnn"] = [
    "torch.manual_seed(0)",
    "import torch.nn as nn\nimport torch.nn.functional as F",
    """class LeNet5(nn.Module):

    def __init__(self):
        super(LeNet5, self).__init__()
        self.conv1 = nn.Conv2d(1, 6, 5)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), (2, 2))
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = x.view(-1, self.num_flat_features(x))
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        x = self.fc3(x)
        return x

    def num_flat_features(self, x):
        size = x.size()[1:]
        num_features = 1
        for s in size:
            num_features *= s
        return num_features


net = LeNet5()
print(net)""",
    "print(net(torch.randn(2, 1, 32, 32)))",
    "import torchvision\nmodel = torchvision.models.resnet18(pretrained=False)\nprint(model.layer2)",
    "model.eval()\nprint(model(torch.randn(1, 3, 64, 64)).shape)",
]

# 2.5 循环神经网络 (RNN, a hand-written RNN step, LSTM, GRU, Embedding)
SECTIONS["rnn"] = [
    "torch.manual_seed(0)\nrnn = torch.nn.RNN(20, 50, 2)\ninput = torch.randn(100, 32, 20)\nh_0 =torch.randn(2, 32 ,50)\noutput,hn=rnn(input, h_0) \nprint(output.size(), hn.size())",
    """class RNN(object):
    def __init__(self,input_size,hidden_size):
        super().__init__()
        self.W_xh = torch.nn.Linear(input_size, hidden_size)
        self.W_hh = torch.nn.Linear(hidden_size, hidden_size)
        
    def __call__(self, x, hidden):
        return self.step(x, hidden)
    def step(self, x, hidden):
        h1 = self.W_hh(hidden)
        w1 = self.W_xh(x)
        out = torch.tanh(h1 + w1)
        hidden = self.W_hh.weight
        return out, hidden""",
    "rnn = RNN(20, 50)\ninput = torch.randn(32 , 20)\nh_0 = torch.randn(32, 50) \nseq_len = input.shape[0]",
    "for i in range(seq_len):\n    output, hn = rnn(input[i, :], h_0)\nprint(output.size(), h_0.size())",
    "lstm = torch.nn.LSTM(10, 20,2)\ninput = torch.randn(5, 3, 10)\nh0 = torch.randn(2, 3, 20)\nc0 = torch.randn(2, 3, 20)\noutput, hn = lstm(input, (h0, c0))\nprint(output.size(), hn[0].size(), hn[1].size())",
    "rnn = torch.nn.GRU(10, 20, 2)\ninput = torch.randn(5, 3, 10)\nh_0= torch.randn(2, 3, 20)\noutput, hn = rnn(input, h0)\nprint(output.size(),hn.size())\nprint(hn[1, 0, :4])",
    "embedding = torch.nn.Embedding(10, 3)\ninput = torch.LongTensor([[1, 2, 4, 5], [4, 3, 2, 9]])\noutput = embedding(input)\nprint(output.size())",
]

# 3.1 logistic regression; german.data-numeric (1000 rows: 24 features, label 1 or 2) is a seeded stand-in
SECTIONS["logistic"] = [
    "torch.manual_seed(0)",
    "import torch.nn as nn",
    "feat = torch.randint(0, 10, (1000, 24)).double()\nlab = (feat[:, :3].sum(1) + torch.randn(1000) * 3 > 13.5).double() + 1\ndata = torch.cat([feat, lab.unsqueeze(1)], 1)",
    """n,l=data.shape
for j in range(l-1):
    meanVal=torch.mean(data[:,j])
    stdVal=torch.std(data[:,j], unbiased=False)
    data[:,j]=(data[:,j]-meanVal)/stdVal""",
    "data = data[torch.randperm(n)]",
    "train_data=data[:900,:l-1]\ntrain_lab=data[:900,l-1]-1\ntest_data=data[900:,:l-1]\ntest_lab=data[900:,l-1]-1",
    """class LR(nn.Module):
    def __init__(self):
        super(LR,self).__init__()
        self.fc=nn.Linear(24,2)
    def forward(self,x):
        out=self.fc(x)
        out=torch.sigmoid(out)
        return out
        """,
    "def test(pred,lab):\n    t=pred.max(-1)[1]==lab\n    return torch.mean(t.float())",
    "net=LR() \ncriterion=nn.CrossEntropyLoss()\noptm=torch.optim.Adam(net.parameters())\nepochs=300\n",
    """for i in range(epochs):
    net.train()
    x=train_data.float()
    y=train_lab.long()
    y_hat=net(x)
    loss=criterion(y_hat,y)
    optm.zero_grad()
    loss.backward()
    optm.step()
    if (i+1)%100 ==0 :
        net.eval()
        test_in=test_data.float()
        test_l=test_lab.long()
        test_out=net(test_in)
        accu=test(test_out,test_l)
        print("Epoch:{},Loss:{:.4f},Accuracy：{:.2f}".format(i+1,loss.item(),accu))""",
]

# 3.2 MNIST: the data set is torchvision's FakeData (64 train / 32 test images), batches of 16, one epoch
SECTIONS["mnist"] = [
    "torch.manual_seed(0)\nimport torch.nn as nn\nimport torch.nn.functional as F\nimport torch.optim as optim\nfrom torchvision import datasets, transforms",
    'BATCH_SIZE=16\nEPOCHS=1\nDEVICE = torch.device("cuda" if torch.cuda.is_available() else "cpu")',
    """train_loader = torch.utils.data.DataLoader(
        datasets.FakeData(64, (1, 28, 28), 10,
                       transform=transforms.Compose([
                           transforms.ToTensor(),
                           transforms.Normalize((0.1307,), (0.3081,))
                       ])),
        batch_size=BATCH_SIZE, shuffle=True)""",
    """test_loader = torch.utils.data.DataLoader(
        datasets.FakeData(32, (1, 28, 28), 10, transform=transforms.Compose([
                           transforms.ToTensor(),
                           transforms.Normalize((0.1307,), (0.3081,))
                       ]), random_offset=1000),
        batch_size=BATCH_SIZE, shuffle=True)""",
    """class ConvNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 10, 5)
        self.conv2 = nn.Conv2d(10, 20, 3)
        self.fc1 = nn.Linear(20*10*10, 500)
        self.fc2 = nn.Linear(500, 10)
    def forward(self,x):
        in_size = x.size(0)
        out = self.conv1(x)
        out = F.relu(out)
        out = F.max_pool2d(out, 2, 2)
        out = self.conv2(out)
        out = F.relu(out)
        out = out.view(in_size, -1)
        out = self.fc1(out)
        out = F.relu(out)
        out = self.fc2(out)
        out = F.log_softmax(out, dim=1)
        return out""",
    "model = ConvNet().to(DEVICE)\noptimizer = optim.Adam(model.parameters())",
    """def train(model, device, train_loader, optimizer, epoch):
    model.train()
    for batch_idx, (data, target) in enumerate(train_loader):
        data, target = data.to(device), target.to(device)
        optimizer.zero_grad()
        output = model(data)
        loss = F.nll_loss(output, target)
        loss.backward()
        optimizer.step()
        if(batch_idx+1)%2 == 0: 
            print('Train Epoch: {} [{}/{} ({:.0f}%)]\\tLoss: {:.6f}'.format(
                epoch, batch_idx * len(data), len(train_loader.dataset),
                100. * batch_idx / len(train_loader), loss.item()))""",
    """def test(model, device, test_loader):
    model.eval()
    test_loss = 0
    correct = 0
    with torch.no_grad():
        for data, target in test_loader:
            data, target = data.to(device), target.to(device)
            output = model(data)
            test_loss += F.nll_loss(output, target, reduction='sum').item()
            pred = output.max(1, keepdim=True)[1]
            correct += pred.eq(target.view_as(pred)).sum().item()

    test_loss /= len(test_loader.dataset)
    print('\\nTest set: Average loss: {:.4f}, Accuracy: {}/{} ({:.0f}%)\\n'.format(
        test_loss, correct, len(test_loader.dataset),
        100. * correct / len(test_loader.dataset)))""",
    "for epoch in range(1, EPOCHS + 1):\n    train(model, DEVICE, train_loader, optimizer, epoch)\n    test(model, DEVICE, test_loader)",
]

# 3.3 RNN: predicting cos from sin; numpy's linspace/sin/cos are torch's, 60 steps instead of 300
SECTIONS["rnn_sin"] = [
    "torch.manual_seed(0)",
    "import math\nimport torch.nn as nn",
    'TIME_STEP = 10\nINPUT_SIZE = 1\nDEVICE = torch.device("cuda" if torch.cuda.is_available() else "cpu") \nH_SIZE = 64\nEPOCHS=60\nh_state = None',
    """class RNN(nn.Module):
    def __init__(self):
        super(RNN, self).__init__()
        self.rnn = nn.RNN(
        input_size=INPUT_SIZE,
        hidden_size=H_SIZE, 
        num_layers=1, 
        batch_first=True,
        )
        self.out = nn.Linear(H_SIZE, 1)
    def forward(self, x, h_state):
        r_out, h_state = self.rnn(x, h_state)
        outs = []
        for time_step in range(r_out.size(1)):
            outs.append(self.out(r_out[:, time_step, :]))
        return torch.stack(outs, dim=1), h_state""",
    "rnn = RNN().to(DEVICE)\noptimizer = torch.optim.Adam(rnn.parameters())\ncriterion = nn.MSELoss()\nprint(rnn)",
    """rnn.train()
for step in range(EPOCHS):
    start, end = step * math.pi, (step+1)*math.pi
    steps = torch.linspace(start, end, TIME_STEP)
    x_np = torch.sin(steps) 
    y_np = torch.cos(steps)
    x = x_np[None, :, None]
    y = y_np[None, :, None]
    x=x.to(DEVICE)
    prediction, h_state = rnn(x, h_state)
    h_state = h_state.data
    loss = criterion(prediction.cpu(), y) 
    optimizer.zero_grad() 
    loss.backward() 
    optimizer.step() 
    if (step+1)%20==0:
        print("EPOCHS: {},Loss:{:4f}".format(step,loss))""",
]

# 5.3 Fashion-MNIST: the csv files are a seeded stand-in of the same layout (pixels 0-255 as float64
# images, labels 0-9), 64 train / 32 test rows; batches of 16, two epochs, printing every 2 iterations
SECTIONS["fashion_mnist"] = [
    "torch.manual_seed(0)\nimport math\nfrom torch.utils.data import Dataset, DataLoader\nimport torch.nn.functional as F\nimport torch.nn as NN",
    """class FashionMNISTDataset(Dataset):
    def __init__(self, csv_file, transform=None):
        data = csv_file
        self.X = data[:, 1:].reshape(-1, 1, 28, 28).double()
        self.Y = data[:, 0];
        del data;
        self.len=len(self.X)

    def __len__(self):
        return self.len
        
    
    def __getitem__(self, idx):
        item = self.X[idx]
        label = self.Y[idx]
        return (item, label)""",
    "train_csv = torch.cat([torch.randint(0, 10, (64, 1)), torch.randint(0, 256, (64, 784))], 1)\ntest_csv = torch.cat([torch.randint(0, 10, (32, 1)), torch.randint(0, 256, (32, 784))], 1)",
    "train_dataset = FashionMNISTDataset(csv_file=train_csv)\ntest_dataset = FashionMNISTDataset(csv_file=test_csv)",
    "BATCH_SIZE=16",
    "train_loader = torch.utils.data.DataLoader(dataset=train_dataset,\n                                           batch_size=BATCH_SIZE,\n                                           shuffle=True)",
    "test_loader = torch.utils.data.DataLoader(dataset=test_dataset,\n                                           batch_size=BATCH_SIZE,\n                                           shuffle=False)",
    "a=iter(train_loader)\ndata=next(a)\nimg=data[0][0].reshape(28,28)\nprint(data[0][0].shape,img.shape, data[0].dtype, data[1])",
    """class CNN(NN.Module):
    def __init__(self):
        super(CNN, self).__init__()
        self.layer1 = NN.Sequential(   
            NN.Conv2d(1, 16, kernel_size=5, padding=2),
            NN.BatchNorm2d(16), 
            NN.ReLU())
        self.pool1=NN.MaxPool2d(2)
        self.layer2 = NN.Sequential(
            NN.Conv2d(16, 32, kernel_size=3),
            NN.BatchNorm2d(32),
            NN.ReLU())
        self.layer3 = NN.Sequential(
            NN.Conv2d(32, 64, kernel_size=3),
            NN.BatchNorm2d(64),
            NN.ReLU())
        self.pool2=NN.MaxPool2d(2)
        self.fc = NN.Linear(5*5*64, 10)
    def forward(self, x):
        out = self.layer1(x)
        out=self.pool1(out)
        out = self.layer2(out)
        out=self.layer3(out)
        out=self.pool2(out)
        out = out.view(out.size(0), -1)
        out = self.fc(out)
        return out""",
    "cnn = CNN();\ncnn(torch.rand(1,1,28,28))",
    "print(cnn)",
    'DEVICE=torch.device("cpu")\nif torch.cuda.is_available():\n        DEVICE=torch.device("cuda")\nprint(DEVICE)',
    "cnn=cnn.to(DEVICE)",
    "criterion = NN.CrossEntropyLoss().to(DEVICE)",
    "LEARNING_RATE=0.01",
    "optimizer = torch.optim.Adam(cnn.parameters(), lr=LEARNING_RATE)",
    "TOTAL_EPOCHS=2",
    """losses = [];
for epoch in range(TOTAL_EPOCHS):
    for i, (images, labels) in enumerate(train_loader):
        images = images.float().to(DEVICE)
        labels = labels.to(DEVICE)
        optimizer.zero_grad()
        outputs = cnn(images)
        loss = criterion(outputs, labels)
        loss.backward()
        optimizer.step()
        losses.append(loss.cpu().data.item());
        if (i+1) % 2 == 0:
            print ('Epoch : %d/%d, Iter : %d/%d,  Loss: %.4f'%(epoch+1, TOTAL_EPOCHS, i+1, len(train_dataset)//BATCH_SIZE, loss.data.item()))""",
    """cnn.eval()
correct = 0
total = 0
for images, labels in test_loader:
    images = images.float().to(DEVICE)
    outputs = cnn(images).cpu()
    _, predicted = torch.max(outputs.data, 1)
    total += labels.size(0)
    correct += (predicted == labels).sum()
print('准确率: %.4f %%' % (100 * correct / total))""",
]


def ipython_form(v):
    """Whether IPython's display differs from repr: a default repr, alone or inside a tuple/list (next_functions)."""
    return type(v).__repr__ is object.__repr__ or (isinstance(v, (tuple, list)) and any(ipython_form(x) for x in v))


def run_notebook(cells):
    """Runs the cells as Jupyter does; returns each cell's output (stdout, then the Out[] repr)."""
    ns = {"torch": torch, "__name__": "__main__"}
    outputs = []
    for src in cells:
        tree = ast.parse(src)
        last = tree.body[-1] if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        if last is not None:
            tree.body = tree.body[:-1]
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            exec(compile(tree, "<cell>", "exec"), ns)
            if last is not None:
                value = eval(compile(ast.Expression(last.value), "<cell>", "eval"), ns)
                if value is not None:
                    # as Jupyter shows it (IPython's form of a default repr: <torch._C.Generator at 0x...>),
                    # without the address, which differs per run (the test cuts torchlab's made-up one)
                    shown = pretty(value) if ipython_form(value) else repr(value)
                    print(re.sub(r" at 0x[0-9a-f]+>", ">", shown))
        outputs.append(buf.getvalue())
    return outputs


if __name__ == "__main__":
    out = {name: run_notebook(cells) for name, cells in SECTIONS.items()}
    with open(os.path.join(HERE, "handbook.json"), "w") as f:
        json.dump(out, f, indent=1, ensure_ascii=False)
        f.write("\n")
