"""Fixture for test/tutorials/sentdex_notebook.test.ts: sentdex's (pythonprogramming.net) "Deep Learning and
Neural Networks with Python and Pytorch" parts 1-8 as the cells of one notebook, run on PyTorch 1.13 as
IPython runs them: each cell records what it prints and what Jupyter shows as its value.

Part 1 tensors, part 2 MNIST through torchvision.datasets / DataLoader and the class-balance counter,
parts 3-4 the 784-64-64-64-10 network and its Adam / nll_loss training with the accuracy loop, parts 5-6
the cats-vs-dogs data class (REBUILD_DATA) and the conv net trained with MSELoss on one-hot targets,
part 7 device selection and train(net) / test(net), part 8 fwd_pass with its accuracy, test(size) and
the model.log that create_acc_loss_graph reads back.
The course downloads MNIST and reads Kaggle's PetImages with cv2; neither is available offline (cv2 and
tqdm are not installed beside this PyTorch). SETUP (not a course cell; the test's setup cell writes the
same bytes) writes the stand-ins into a temporary working directory: MNIST's raw IDX files under
./MNIST/raw (120 training, 40 test digits whose pixels and labels come from a formula; every class
present, no class share a whole percent), and ./PetImages/Cat and ./PetImages/Dog (30 + 30 50x50
grayscale PNGs from a formula, a corrupt 666.png among the cats as Kaggle's set has, a Thumbs.db among
the dogs). It seeds Python's random module, gives tqdm as the identity and os.listdir sorted (its order
is the file system's, and the shuffle that follows depends on it). The whole notebook starts from
torch.manual_seed(0), as `torchlab run` seeds a fresh kernel. The test's header lists what else is
shrunk, left out or written differently.
Run: /usr/bin/python3 test/reference/gen_sentdex.py"""
import ast
import contextlib
import io
import os
import sys
import tempfile
import types
import warnings

import matplotlib
import torch
from IPython.lib.pretty import pretty

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from _tutorial_common import write_json  # noqa: E402


def show(v):
    if type(v) is tuple:
        return pretty(list(v))
    return pretty(v)


def figures_shown(shown):
    """The inline backend's show(): each open figure is displayed (its repr is what the test compares), then closed."""
    shown.extend(repr(plt.figure(n)) for n in plt.get_fignums())
    plt.close("all")


def run_cells(cells):
    """Runs cells as IPython does: the last statement, when an expression, is shown (unless None);
    matplotlib's figures are recorded as the inline backend displays them (at plt.show() and at the
    cell's end), under "figures" for the cells that display any."""
    torch.manual_seed(0)
    figures = []
    plt.show = lambda *args, **kwargs: figures_shown(figures)
    main = types.ModuleType("__main__")
    sys.modules["__main__"] = main
    ns = main.__dict__
    out = []
    for src in cells:
        tree = ast.parse(src)
        last = tree.body[-1] if tree.body and isinstance(tree.body[-1], ast.Expr) and not src.rstrip().endswith(";") else None
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
        figures_shown(figures)
        out.append({"printed": buf.getvalue(), "shown": shown, **({"figures": figures[:]} if figures else {})})
        figures.clear()
    return out


# Not a course cell: the stand-ins (the test's SETUP writes the same bytes) and the shims.
SETUP = """import os, random
import torch
import numpy as np
import torchvision
os.makedirs("MNIST/raw")
for prefix, n in (("train", 120), ("t10k", 40)):
    labels = [(8 * i + i * i // 7) % 10 for i in range(n)]
    r = np.arange(28).reshape(28, 1)
    c = np.arange(28).reshape(1, 28)
    imgs = np.stack([(labels[i] * 25 + r * 3 + c * 5 + i * 7 + (r * c) % 13) % 256 for i in range(n)]).astype(np.uint8)
    with open(f"MNIST/raw/{prefix}-images-idx3-ubyte", "wb") as f:
        f.write(bytes([0, 0, 8, 3]) + n.to_bytes(4, "big") + (28).to_bytes(4, "big") * 2 + imgs.tobytes())
    with open(f"MNIST/raw/{prefix}-labels-idx1-ubyte", "wb") as f:
        f.write(bytes([0, 0, 8, 1]) + n.to_bytes(4, "big") + bytes(labels))
for j, name in enumerate(["Cat", "Dog"]):
    os.makedirs(f"PetImages/{name}")
    for k in range(30):
        h = torch.arange(50).reshape(50, 1)
        w = torch.arange(50).reshape(1, 50)
        img = (h * (3 + j) + w * (5 - 2 * j) + (h * w) % (7 + k % 5) * 9 + k * 13) % 256
        torchvision.io.write_png(img.to(torch.uint8).reshape(1, 50, 50), f"PetImages/{name}/{k}.png")
open("PetImages/Cat/666.png", "wb").write(b"\\x89PNG\\r\\n\\x1a\\n" + b"\\x00" * 40)
open("PetImages/Dog/Thumbs.db", "wb").write(b"\\x00" * 16)
random.seed(0)
tqdm = lambda it: it
_listdir = os.listdir
os.listdir = lambda p: sorted(_listdir(p))"""

PART1 = [
    """import torch
x = torch.Tensor([5, 3])
y = torch.Tensor([2, 1])
print(x * y)""",
    """x = torch.zeros([2, 5])
print(x)""",
    """x.shape""",
    """y = torch.rand([2, 5])
y""",
    """y.view([1, 10])""",
    """y = y.view([1, 10])
y""",
]

PART2 = [
    """import torch
import torchvision
from torchvision import transforms, datasets

train = datasets.MNIST('', train=True, download=True,
                       transform=transforms.Compose([
                           transforms.ToTensor()
                       ]))

test = datasets.MNIST('', train=False, download=True,
                       transform=transforms.Compose([
                           transforms.ToTensor()
                       ]))""",
    """trainset = torch.utils.data.DataLoader(train, batch_size=10, shuffle=True)
testset = torch.utils.data.DataLoader(test, batch_size=10, shuffle=False)""",
    """for data in trainset:
    print(data)
    break""",
    """X, y = data[0][0], data[1][0]
print(data[1])""",
    """print(y)
print(data[0][0].shape)""",
    """data[0][0].view(28, 28).shape""",
    """import matplotlib.pyplot as plt  # pip install matplotlib

plt.imshow(data[0][0].view(28,28))
plt.show()""",
    """total = 0
counter_dict = {0: 0, 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0, 9: 0}


for data in trainset:
    Xs, ys = data
    for y in ys:
        counter_dict[int(y)] += 1
        total += 1

print(counter_dict)

for i in counter_dict:
    print(f"{i}: {counter_dict[i]/total*100.0}%")""",
]

PART3 = [
    """import torch.nn as nn
import torch.nn.functional as F""",
    """class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(28*28, 64)
        self.fc2 = nn.Linear(64, 64)
        self.fc3 = nn.Linear(64, 64)
        self.fc4 = nn.Linear(64, 10)

    def forward(self, x):
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        x = F.relu(self.fc3(x))
        x = self.fc4(x)
        return F.log_softmax(x, dim=1)

net = Net()
print(net)""",
    """X = torch.rand((28, 28))
X = X.view(-1, 28*28)""",
    """output = net(X)""",
    """output""",
]

PART4 = [
    """import torch.optim as optim

loss_function = nn.CrossEntropyLoss()
optimizer = optim.Adam(net.parameters(), lr=0.001)

for epoch in range(3): # 3 full passes over the data
    for data in trainset:  # `data` is a batch of data
        X, y = data  # X is the batch of features, y is the batch of targets.
        net.zero_grad()  # sets gradients to 0 before loss calc. You will do this likely every step.
        output = net(X.view(-1,784))  # pass in the reshaped batch (recall they are 28x28 atm)
        loss = F.nll_loss(output, y)  # calc and grab the loss value
        loss.backward()  # apply this loss backwards thru the network's parameters
        optimizer.step()  # attempt to optimize weights to account for loss/gradients
    print(loss)  # print loss. We hope loss (a measure of wrong-ness) declines!""",
    """correct = 0
total = 0

with torch.no_grad():
    for data in testset:
        X, y = data
        output = net(X.view(-1,784))
        #print(output)
        for idx, i in enumerate(output):
            #print(torch.argmax(i), y[idx])
            if torch.argmax(i) == y[idx]:
                correct += 1
            total += 1

print("Accuracy: ", round(correct/total, 3))""",
    """print(torch.argmax(net(X[0].view(-1,784))[0]))""",
    """a_featureset = X[0]
reshaped_for_network = a_featureset.view(-1,784) # 784 b/c 28*28 image resolution.
output = net(reshaped_for_network) #output will be a list of network predictions.
first_pred = output[0]
print(first_pred)""",
    """biggest_index = torch.argmax(first_pred)
print(biggest_index)""",
]

PART5 = [
    """import os
import numpy as np

REBUILD_DATA = True # set to true to one once, then back to false unless you want to change something in your training data.

class DogsVSCats():
    IMG_SIZE = 50
    CATS = "PetImages/Cat"
    DOGS = "PetImages/Dog"
    LABELS = {CATS: 0, DOGS: 1}
    training_data = []

    catcount = 0
    dogcount = 0

    def make_training_data(self):
        for label in self.LABELS:
            print(label)
            for f in tqdm(os.listdir(label)):
                if "png" in f:
                    try:
                        path = os.path.join(label, f)
                        img = torchvision.io.read_image(path, torchvision.io.ImageReadMode.GRAY)
                        img = transforms.functional.resize(img, [self.IMG_SIZE, self.IMG_SIZE])
                        self.training_data.append([img[0].numpy(), np.eye(2)[self.LABELS[label]]])  # do something like print(np.eye(2)[1]), just makes one_hot
                        #print(np.eye(2)[self.LABELS[label]])

                        if label == self.CATS:
                            self.catcount += 1
                        elif label == self.DOGS:
                            self.dogcount += 1

                    except Exception as e:
                        pass
                        #print(label, f, str(e))

        random.shuffle(self.training_data)
        torch.save([[torch.from_numpy(a), torch.from_numpy(b)] for a, b in self.training_data], "training_data.pt")
        print('Cats:', dogsvcats.catcount)
        print('Dogs:', dogsvcats.dogcount)

if REBUILD_DATA:
    dogsvcats = DogsVSCats()
    dogsvcats.make_training_data()""",
    """training_data = [[a.numpy(), b.numpy()] for a, b in torch.load("training_data.pt")]""",
    """print(len(training_data))""",
    """print(training_data[1][1])
print(training_data[1][0].shape)""",
]

PART6 = [
    """import torch
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self):
        super().__init__() # just run the init of parent class (nn.Module)
        self.conv1 = nn.Conv2d(1, 32, 5) # input is 1 image, 32 output channels, 5x5 kernel / window
        self.conv2 = nn.Conv2d(32, 64, 5) # input is 32, bc the first layer output 32. Then we say the output will be 64 channels, 5x5 kernel / window
        self.conv3 = nn.Conv2d(64, 128, 5)

        x = torch.randn(50,50).view(-1,1,50,50)
        self._to_linear = None
        self.convs(x)

        self.fc1 = nn.Linear(self._to_linear, 512) #flattening.
        self.fc2 = nn.Linear(512, 2) # 512 in, 2 out bc we're doing 2 classes (dog vs cat).

    def convs(self, x):
        # max pooling over 2x2
        x = F.max_pool2d(F.relu(self.conv1(x)), (2, 2))
        x = F.max_pool2d(F.relu(self.conv2(x)), (2, 2))
        x = F.max_pool2d(F.relu(self.conv3(x)), (2, 2))

        if self._to_linear is None:
            self._to_linear = x[0].shape[0]*x[0].shape[1]*x[0].shape[2]
        return x

    def forward(self, x):
        x = self.convs(x)
        x = x.view(-1, self._to_linear)  # .view is reshape ... this flattens X before
        x = F.relu(self.fc1(x))
        x = self.fc2(x) # bc this is our output layer. No need for activation here.
        return F.softmax(x, dim=1)


net = Net()
print(net)""",
    """import torch.optim as optim

optimizer = optim.Adam(net.parameters(), lr=0.001)
loss_function = nn.MSELoss()

X = torch.Tensor([i[0] for i in training_data]).view(-1,50,50)
X = X/255.0
y = torch.Tensor([i[1] for i in training_data])

VAL_PCT = 0.1  # lets reserve 10% of our data for validation
val_size = int(len(X)*VAL_PCT)
print(val_size)""",
    """train_X = X[:-val_size]
train_y = y[:-val_size]

test_X = X[-val_size:]
test_y = y[-val_size:]

print(len(train_X), len(test_X))""",
    """BATCH_SIZE = 10
EPOCHS = 1

for epoch in range(EPOCHS):
    for i in tqdm(range(0, len(train_X), BATCH_SIZE)): # from 0, to the len of x, stepping BATCH_SIZE at a time. [:50] ..for now just to dev
        #print(f"{i}:{i+BATCH_SIZE}")
        batch_X = train_X[i:i+BATCH_SIZE].view(-1, 1, 50, 50)
        batch_y = train_y[i:i+BATCH_SIZE]

        net.zero_grad()

        outputs = net(batch_X)
        loss = loss_function(outputs, batch_y)
        loss.backward()
        optimizer.step()    # Does the update

    print(f"Epoch: {epoch}. Loss: {loss}")""",
    """correct = 0
total = 0
with torch.no_grad():
    for i in tqdm(range(len(test_X))):
        real_class = torch.argmax(test_y[i])
        net_out = net(test_X[i].view(-1, 1, 50, 50))[0]  # returns a list,
        predicted_class = torch.argmax(net_out)

        if predicted_class == real_class:
            correct += 1
        total += 1
print("Accuracy: ", round(correct/total, 3))""",
]

PART7 = [
    """torch.cuda.is_available()""",
    """device = torch.device("cuda:0")
device""",
    """torch.cuda.device_count()""",
    """if torch.cuda.is_available():
    device = torch.device("cuda:0")  # you can continue going on here, like cuda:1 cuda:2....etc.
    print("Running on the GPU")
else:
    device = torch.device("cpu")
    print("Running on the CPU")""",
    """device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
device""",
    """net.to(device)""",
    """net = Net().to(device)

def train(net):
    optimizer = optim.Adam(net.parameters(), lr=0.001)
    BATCH_SIZE = 10
    EPOCHS = 1
    for epoch in range(EPOCHS):
        for i in tqdm(range(0, len(train_X), BATCH_SIZE)):
            batch_X = train_X[i:i+BATCH_SIZE].view(-1, 1, 50, 50)
            batch_y = train_y[i:i+BATCH_SIZE]

            batch_X, batch_y = batch_X.to(device), batch_y.to(device)

            net.zero_grad()

            optimizer.zero_grad()   # zero the gradient buffers
            outputs = net(batch_X)
            loss = loss_function(outputs, batch_y)
            loss.backward()
            optimizer.step()    # Does the update

        print(f"Epoch: {epoch}. Loss: {loss}")

train(net)""",
    """test_X.to(device)
test_y.to(device)

def test(net):
    correct = 0
    total = 0
    with torch.no_grad():
        for i in tqdm(range(len(test_X))):
            real_class = torch.argmax(test_y[i]).to(device)
            net_out = net(test_X[i].view(-1, 1, 50, 50).to(device))[0]  # returns a list,
            predicted_class = torch.argmax(net_out)

            if predicted_class == real_class:
                correct += 1
            total += 1

    print("Accuracy: ", round(correct/total, 3))

test(net)""",
]

PART8 = [
    """def fwd_pass(X, y, train=False):

    if train:
        net.zero_grad()
    outputs = net(X)
    matches  = [torch.argmax(i)==torch.argmax(j) for i, j in zip(outputs, y)]
    acc = matches.count(True)/len(matches)
    loss = loss_function(outputs, y)

    if train:
        loss.backward()
        optimizer.step()

    return acc, loss""",
    """def test(size=4):
    random_start = random.randrange(len(test_X)-size)
    X, y = test_X[random_start:random_start+size], test_y[random_start:random_start+size]
    with torch.no_grad():
        val_acc, val_loss = fwd_pass(X.view(-1,1,50,50).to(device), y.to(device))
    return val_acc, val_loss

val_acc, val_loss = test(size=4)
print(val_acc, val_loss)""",
    """import time

MODEL_NAME = f"model-{int(time.time())}"  # gives a dynamic model name, to just help with things getting messy over time.
net = Net().to(device)
optimizer = optim.Adam(net.parameters(), lr=0.001)
loss_function = nn.MSELoss()

print(MODEL_NAME.startswith("model-"), len(MODEL_NAME))""",
    """def train(net):
    BATCH_SIZE = 10
    EPOCHS = 1

    with open("model.log", "a") as f:
        for epoch in range(EPOCHS):
            for i in tqdm(range(0, len(train_X), BATCH_SIZE)):
                batch_X = train_X[i:i+BATCH_SIZE].view(-1,1,50,50)
                batch_y = train_y[i:i+BATCH_SIZE]

                batch_X, batch_y = batch_X.to(device), batch_y.to(device)

                acc, loss = fwd_pass(batch_X, batch_y, train=True)

                #print(f"Acc: {round(float(acc),2)}  Loss: {round(float(loss),4)}")
                #f.write(f"{MODEL_NAME},{round(time.time(),3)},train,{round(float(acc),2)},{round(float(loss),4)}\\n")
                # just to show the above working, and then get out:
                if i % 50 == 0:
                    val_acc, val_loss = test(size=4)
                    f.write(f"{MODEL_NAME},{round(time.time(),3)},{round(float(acc),2)},{round(float(loss), 4)},{round(float(val_acc),2)},{round(float(val_loss),4)},{epoch}\\n")

train(net)""",
    """model_name = MODEL_NAME

def create_acc_loss_graph(model_name):
    contents = open("model.log", "r").read().split("\\n")

    times = []
    accuracies = []
    losses = []

    val_accs = []
    val_losses = []

    for c in contents:
        if model_name in c:
            name, timestamp, acc, loss, val_acc, val_loss, epoch = c.split(",")

            times.append(float(timestamp))
            accuracies.append(float(acc))
            losses.append(float(loss))

            val_accs.append(float(val_acc))
            val_losses.append(float(val_loss))

    print(len(times), times == sorted(times))
    print(accuracies)
    print(losses)
    print(val_accs)
    print(val_losses)

create_acc_loss_graph(model_name)""",
]

PARTS = {"part1": PART1, "part2": PART2, "part3": PART3, "part4": PART4, "part5": PART5, "part6": PART6, "part7": PART7, "part8": PART8}


def main():
    cells = [SETUP] + [c for part in PARTS.values() for c in part]
    cwd = os.getcwd()
    with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
        # "Creating a tensor from a list of numpy.ndarrays is extremely slow": stderr, not the cell's output.
        warnings.simplefilter("ignore")
        os.chdir(tmp)
        try:
            outs = run_cells(cells)
        finally:
            os.chdir(cwd)
    assert outs[0] == {"printed": "", "shown": None}, outs[0]
    out, k = {}, 1
    for name, part in PARTS.items():
        out[name] = outs[k:k + len(part)]
        k += len(part)
    write_json(out, "sentdex.json")


if __name__ == "__main__":
    main()
