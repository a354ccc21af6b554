"""Fixture for test/tutorials/mlm_notebook.test.ts: Jason Brownlee's Machine Learning Mastery PyTorch tutorials,
the code as beginners copy it, each cell paired with its port in the notebook dialect and run here on
PyTorch 1.13 (NumPy 1.24, pandas 1.5.3, scikit-learn 1.2.1) as IPython runs it (gen_dlwizard.run_cells): what
each cell prints and what it shows as its value.

- "Develop Your First Neural Network with PyTorch, Step by Step" (the Pima Indians diabetes MLP:
  `np.loadtxt(..., delimiter=',')`, `nn.Sequential`, the PimaClassifier class, manual batches
  `X[i:i+batch_size]`, `(y_pred.round() == y).float().mean()`, class predictions);
- "PyTorch Tutorial: How to Develop Deep Learning Models with Python" (the MLPs on the ionosphere, iris and
  Boston housing CSVs: a `CSVDataset(Dataset)` reading with `read_csv(path, header=None)`, `LabelEncoder`,
  `random_split`, `DataLoader`, `kaiming_uniform_` / `xavier_uniform_`, `vstack`, `accuracy_score`,
  `mean_squared_error`, `predict(row, model)`), and its CNN on MNIST (`MNIST('~/.torch/datasets/mnist', ...)`:
  the repository's Fashion-MNIST sample written as MNIST's raw files, under a temporary home; 1 epoch, the
  tutorial's 10).

Data: no network. The CSV files have the tutorials' files' columns and number formats with synthetic values
(numpy's default_rng(2026); iris is scikit-learn's bundled iris, data/sklearn/iris.csv, with the UCI file's
class names); they go into the fixture (`files`), and both this script and the test write them into a
temporary folder that is the notebook's working directory, so a cell reads `'housing.csv'` from disk as
the tutorial reads its file (its name where the tutorial has a URL). Shrunk: the Pima model trains 5 epochs
(the tutorial's 100), the ionosphere and iris MLPs 20 (the tutorial's 100 and
500). The test's header lists what is written differently and left out.
Run: /usr/bin/python3 test/reference/gen_mlm.py"""
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from _tutorial_common import write_json  # noqa: E402
from gen_dlwizard import run_cells, setup as mnist_setup  # noqa: E402

def data_files():
    """The CSV inputs: {file name: text}."""
    rng = np.random.default_rng(2026)

    def ionosphere(n=150):
        # 34 radar returns (the first 0/1, the second 0, the rest in [-1, 1] with 5 decimals), label g / b.
        w = rng.normal(size=32)
        rows = []
        for _ in range(n):
            x = np.round(rng.uniform(-1, 1, size=32), 5)
            x[rng.random(32) < 0.05] = 1.0
            good = x @ w + rng.normal(scale=0.5) > 0
            first = 1 if rng.random() < 0.9 else 0
            rows.append(",".join([str(first), "0"] + [("%d" % v) if v in (0, 1, -1) else "%.5f" % v for v in x] + ["g" if good else "b"]))
        return rows

    def pima(n=200):
        rows = []
        for _ in range(n):
            preg, glu, bp = int(rng.integers(0, 14)), int(rng.normal(120, 30)), int(rng.normal(70, 12))
            skin, ins = int(max(0, rng.normal(20, 15))), int(max(0, rng.normal(80, 100)))
            bmi, dpf, age = round(float(rng.normal(32, 7)), 1), round(float(rng.gamma(2, 0.25)), 3), int(rng.integers(21, 70))
            z = 0.03 * (glu - 120) + 0.08 * (bmi - 32) + 0.03 * (age - 33) + rng.normal(scale=0.8)
            rows.append(f"{preg},{glu},{bp},{skin},{ins},{bmi},{dpf},{age},{int(z > 0.3)}")
        return rows

    def housing(n=150):
        fmts = ["%.5f", "%.2f", "%.3f", "%d", "%.4f", "%.4f", "%.2f", "%.4f", "%d", "%.1f", "%.2f", "%.2f", "%.2f"]
        rows = []
        for _ in range(n):
            x = [rng.gamma(0.5, 4), rng.choice([0, 0, 12.5, 25, 80]), rng.uniform(0.5, 27), int(rng.random() < 0.07), rng.uniform(0.38, 0.87),
                 rng.normal(6.3, 0.7), rng.uniform(3, 100), rng.uniform(1.1, 12), int(rng.integers(1, 25)), float(rng.integers(187, 711)),
                 rng.uniform(12.6, 22), rng.uniform(300, 396.9), rng.uniform(1.7, 38)]
            y = 22 + 6 * (x[5] - 6.3) - 0.4 * (x[12] - 12) - 0.3 * x[0] + rng.normal(scale=2)
            rows.append(",".join(f % v for f, v in zip(fmts, x)) + ",%.2f" % min(50, max(5, y)))
        return rows

    def iris():
        names = ["Iris-setosa", "Iris-versicolor", "Iris-virginica"]
        with open(os.path.join(HERE, "..", "..", "data", "sklearn", "iris.csv")) as f:
            lines = f.read().split("\n")[1:]
        return [",".join(r.split(",")[:4] + [names[int(r.split(",")[4])]]) for r in lines if r]

    files = {"ionosphere.csv": ionosphere(), "pima-indians-diabetes.csv": pima(), "housing.csv": housing(), "iris.csv": iris()}
    return {name: "\n".join(rows) + "\n" for name, rows in files.items()}


# The tutorials' cells in order, by section.
PIMA = [
    r"""import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim
dataset = np.loadtxt('pima-indians-diabetes.csv', delimiter=',')
# split into input (X) and output (y) variables
X = dataset[:,0:8]
y = dataset[:,8]""",
    r"""X = torch.tensor(X, dtype=torch.float32)
y = torch.tensor(y, dtype=torch.float32).reshape(-1, 1)""",
    r"""model = nn.Sequential(
    nn.Linear(8, 12),
    nn.ReLU(),
    nn.Linear(12, 8),
    nn.ReLU(),
    nn.Linear(8, 1),
    nn.Sigmoid()
)
print(model)""",
    r"""class PimaClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden1 = nn.Linear(8, 12)
        self.act1 = nn.ReLU()
        self.hidden2 = nn.Linear(12, 8)
        self.act2 = nn.ReLU()
        self.output = nn.Linear(8, 1)
        self.act_output = nn.Sigmoid()

    def forward(self, x):
        x = self.act1(self.hidden1(x))
        x = self.act2(self.hidden2(x))
        x = self.act_output(self.output(x))
        return x

model = PimaClassifier()
print(model)""",
    r"""loss_fn = nn.BCELoss()  # binary cross entropy
optimizer = optim.Adam(model.parameters(), lr=0.001)""",
    r"""n_epochs = 5
batch_size = 10

for epoch in range(n_epochs):
    for i in range(0, len(X), batch_size):
        Xbatch = X[i:i+batch_size]
        y_pred = model(Xbatch)
        ybatch = y[i:i+batch_size]
        loss = loss_fn(y_pred, ybatch)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    print(f'Finished epoch {epoch}, latest loss {loss}')""",
    r"""# compute accuracy (no_grad is optional)
with torch.no_grad():
    y_pred = model(X)

accuracy = (y_pred.round() == y).float().mean()
print(f"Accuracy {accuracy}")""",
    r"""# make probability predictions with the model
predictions = model(X)
# round predictions
rounded = predictions.round()""",
    r"""# make class predictions with the model
predictions = (model(X) > 0.5).int()
for i in range(5):
    print('%s => %d (expected %d)' % (X[i].tolist(), predictions[i], y[i]))""",
]

BINARY = [
    r"""# pytorch mlp for binary classification
from numpy import vstack
from pandas import read_csv
from sklearn.preprocessing import LabelEncoder
from sklearn.metrics import accuracy_score
from torch.utils.data import Dataset
from torch.utils.data import DataLoader
from torch.utils.data import random_split
from torch import Tensor
from torch.nn import Linear
from torch.nn import ReLU
from torch.nn import Sigmoid
from torch.nn import Module
from torch.optim import SGD
from torch.nn import BCELoss
from torch.nn.init import kaiming_uniform_
from torch.nn.init import xavier_uniform_""",
    r"""# dataset definition
class CSVDataset(Dataset):
    # load the dataset
    def __init__(self, path):
        # load the csv file as a dataframe
        df = read_csv(path, header=None)
        # store the inputs and outputs
        self.X = df.values[:, :-1]
        self.y = df.values[:, -1]
        # ensure input data is floats
        self.X = self.X.astype('float32')
        # label encode target and ensure the values are floats
        self.y = LabelEncoder().fit_transform(self.y)
        self.y = self.y.astype('float32')
        self.y = self.y.reshape((len(self.y), 1))

    # number of rows in the dataset
    def __len__(self):
        return len(self.X)

    # get a row at an index
    def __getitem__(self, idx):
        return [self.X[idx], self.y[idx]]

    # get indexes for train and test rows
    def get_splits(self, n_test=0.33):
        # determine sizes
        test_size = round(n_test * len(self.X))
        train_size = len(self.X) - test_size
        # calculate the split
        return random_split(self, [train_size, test_size])""",
    r"""# model definition
class MLP(Module):
    # define model elements
    def __init__(self, n_inputs):
        super(MLP, self).__init__()
        # input to first hidden layer
        self.hidden1 = Linear(n_inputs, 10)
        kaiming_uniform_(self.hidden1.weight, nonlinearity='relu')
        self.act1 = ReLU()
        # second hidden layer
        self.hidden2 = Linear(10, 8)
        kaiming_uniform_(self.hidden2.weight, nonlinearity='relu')
        self.act2 = ReLU()
        # third hidden layer and output
        self.hidden3 = Linear(8, 1)
        xavier_uniform_(self.hidden3.weight)
        self.act3 = Sigmoid()

    # forward propagate input
    def forward(self, X):
        # input to first hidden layer
        X = self.hidden1(X)
        X = self.act1(X)
         # second hidden layer
        X = self.hidden2(X)
        X = self.act2(X)
        # third hidden layer and output
        X = self.hidden3(X)
        X = self.act3(X)
        return X""",
    r"""# prepare the dataset
def prepare_data(path):
    # load the dataset
    dataset = CSVDataset(path)
    # calculate split
    train, test = dataset.get_splits()
    # prepare data loaders
    train_dl = DataLoader(train, batch_size=32, shuffle=True)
    test_dl = DataLoader(test, batch_size=1024, shuffle=False)
    return train_dl, test_dl

# train the model
def train_model(train_dl, model):
    # define the optimization
    criterion = BCELoss()
    optimizer = SGD(model.parameters(), lr=0.01, momentum=0.9)
    # enumerate epochs
    for epoch in range(20):
        # enumerate mini batches
        for i, (inputs, targets) in enumerate(train_dl):
            # clear the gradients
            optimizer.zero_grad()
            # compute the model output
            yhat = model(inputs)
            # calculate loss
            loss = criterion(yhat, targets)
            # credit assignment
            loss.backward()
            # update model weights
            optimizer.step()

# evaluate the model
def evaluate_model(test_dl, model):
    predictions, actuals = list(), list()
    for i, (inputs, targets) in enumerate(test_dl):
        # evaluate the model on the test set
        yhat = model(inputs)
        # retrieve numpy array
        yhat = yhat.detach().numpy()
        actual = targets.numpy()
        actual = actual.reshape((len(actual), 1))
        # round to class values
        yhat = yhat.round()
        # store
        predictions.append(yhat)
        actuals.append(actual)
    predictions, actuals = vstack(predictions), vstack(actuals)
    # calculate accuracy
    acc = accuracy_score(actuals, predictions)
    return acc

# make a class prediction for one row of data
def predict(row, model):
    # convert row to data
    row = Tensor([row])
    # make prediction
    yhat = model(row)
    # retrieve numpy array
    yhat = yhat.detach().numpy()
    return yhat""",
    r"""# prepare the data
path = 'ionosphere.csv'
train_dl, test_dl = prepare_data(path)
print(len(train_dl.dataset), len(test_dl.dataset))
# define the network
model = MLP(34)
# train the model
train_model(train_dl, model)
# evaluate the model
acc = evaluate_model(test_dl, model)
print('Accuracy: %.3f' % acc)
# make a single prediction (expect class=1)
row = [1,0,0.99539,-0.05889,0.85243,0.02306,0.83398,-0.37708,1,0.03760,0.85243,-0.17755,0.59755,-0.44945,0.60536,-0.38223,0.84356,-0.38542,0.58212,-0.32192,0.56971,-0.29674,0.36946,-0.47357,0.56811,-0.51171,0.41078,-0.46168,0.21266,-0.34090,0.42267,-0.54487,0.18641,-0.45300]
yhat = predict(row, model)
print('Predicted: %.3f (class=%d)' % (yhat, yhat.round()))""",
]

REGRESSION = [
    r"""# pytorch mlp for regression
from numpy import vstack
from numpy import sqrt
from pandas import read_csv
from sklearn.metrics import mean_squared_error
from torch.utils.data import Dataset
from torch.utils.data import DataLoader
from torch.utils.data import random_split
from torch import Tensor
from torch.nn import Linear
from torch.nn import Sigmoid
from torch.nn import Module
from torch.optim import SGD
from torch.nn import MSELoss
from torch.nn.init import xavier_uniform_""",
    r"""# dataset definition
class CSVDataset(Dataset):
    # load the dataset
    def __init__(self, path):
        # load the csv file as a dataframe
        df = read_csv(path, header=None)
        # store the inputs and outputs
        self.X = df.values[:, :-1].astype('float32')
        self.y = df.values[:, -1].astype('float32')
        # ensure target has the right shape
        self.y = self.y.reshape((len(self.y), 1))

    # number of rows in the dataset
    def __len__(self):
        return len(self.X)

    # get a row at an index
    def __getitem__(self, idx):
        return [self.X[idx], self.y[idx]]

    # get indexes for train and test rows
    def get_splits(self, n_test=0.33):
        # determine sizes
        test_size = round(n_test * len(self.X))
        train_size = len(self.X) - test_size
        # calculate the split
        return random_split(self, [train_size, test_size])

# model definition
class MLP(Module):
    # define model elements
    def __init__(self, n_inputs):
        super(MLP, self).__init__()
        # input to first hidden layer
        self.hidden1 = Linear(n_inputs, 10)
        xavier_uniform_(self.hidden1.weight)
        self.act1 = Sigmoid()
        # second hidden layer
        self.hidden2 = Linear(10, 8)
        xavier_uniform_(self.hidden2.weight)
        self.act2 = Sigmoid()
        # third hidden layer and output
        self.hidden3 = Linear(8, 1)
        xavier_uniform_(self.hidden3.weight)

    # forward propagate input
    def forward(self, X):
        # input to first hidden layer
        X = self.hidden1(X)
        X = self.act1(X)
         # second hidden layer
        X = self.hidden2(X)
        X = self.act2(X)
        # third hidden layer and output
        X = self.hidden3(X)
        return X

# prepare the dataset
def prepare_data(path):
    # load the dataset
    dataset = CSVDataset(path)
    # calculate split
    train, test = dataset.get_splits()
    # prepare data loaders
    train_dl = DataLoader(train, batch_size=32, shuffle=True)
    test_dl = DataLoader(test, batch_size=1024, shuffle=False)
    return train_dl, test_dl

# train the model
def train_model(train_dl, model):
    # define the optimization
    criterion = MSELoss()
    optimizer = SGD(model.parameters(), lr=0.01, momentum=0.9)
    # enumerate epochs
    for epoch in range(100):
        # enumerate mini batches
        for i, (inputs, targets) in enumerate(train_dl):
            # clear the gradients
            optimizer.zero_grad()
            # compute the model output
            yhat = model(inputs)
            # calculate loss
            loss = criterion(yhat, targets)
            # credit assignment
            loss.backward()
            # update model weights
            optimizer.step()

# evaluate the model
def evaluate_model(test_dl, model):
    predictions, actuals = list(), list()
    for i, (inputs, targets) in enumerate(test_dl):
        # evaluate the model on the test set
        yhat = model(inputs)
        # retrieve numpy array
        yhat = yhat.detach().numpy()
        actual = targets.numpy()
        actual = actual.reshape((len(actual), 1))
        # store
        predictions.append(yhat)
        actuals.append(actual)
    predictions, actuals = vstack(predictions), vstack(actuals)
    # calculate mse
    mse = mean_squared_error(actuals, predictions)
    return mse

# make a class prediction for one row of data
def predict(row, model):
    # convert row to data
    row = Tensor([row])
    # make prediction
    yhat = model(row)
    # retrieve numpy array
    yhat = yhat.detach().numpy()
    return yhat""",
    r"""# prepare the data
path = 'housing.csv'
train_dl, test_dl = prepare_data(path)
print(len(train_dl.dataset), len(test_dl.dataset))
# define the network
model = MLP(13)
# train the model
train_model(train_dl, model)
# evaluate the model
mse = evaluate_model(test_dl, model)
print('MSE: %.3f, RMSE: %.3f' % (mse, sqrt(mse)))
# make a single prediction (expect class=1)
row = [0.00632,18.00,2.310,0,0.5380,6.5750,65.20,4.0900,1,296.0,15.30,396.90,4.98]
yhat = predict(row, model)
print('Predicted: %.3f' % yhat)""",
]

CNN = [
    r"""# pytorch cnn for multiclass classification
from numpy import vstack
from numpy import argmax
from pandas import read_csv
from sklearn.metrics import accuracy_score
from torchvision.datasets import MNIST
from torchvision.transforms import Compose
from torchvision.transforms import ToTensor
from torchvision.transforms import Normalize
from torch.utils.data import DataLoader
from torch.nn import Conv2d
from torch.nn import MaxPool2d
from torch.nn import Linear
from torch.nn import ReLU
from torch.nn import Softmax
from torch.nn import Module
from torch.optim import SGD
from torch.nn import CrossEntropyLoss
from torch.nn.init import kaiming_uniform_
from torch.nn.init import xavier_uniform_""",
    r"""# model definition
class CNN(Module):
    # define model elements
    def __init__(self, n_channels):
        super(CNN, self).__init__()
        # input to first hidden layer
        self.hidden1 = Conv2d(n_channels, 32, (3,3))
        kaiming_uniform_(self.hidden1.weight, nonlinearity='relu')
        self.act1 = ReLU()
        # first pooling layer
        self.pool1 = MaxPool2d((2,2), stride=(2,2))
        # second hidden layer
        self.hidden2 = Conv2d(32, 32, (3,3))
        kaiming_uniform_(self.hidden2.weight, nonlinearity='relu')
        self.act2 = ReLU()
        # second pooling layer
        self.pool2 = MaxPool2d((2,2), stride=(2,2))
        # fully connected layer
        self.hidden3 = Linear(5*5*32, 100)
        kaiming_uniform_(self.hidden3.weight, nonlinearity='relu')
        self.act3 = ReLU()
        # output layer
        self.hidden4 = Linear(100, 10)
        xavier_uniform_(self.hidden4.weight)
        self.act4 = Softmax(dim=1)

    # forward propagate input
    def forward(self, X):
        # input to first hidden layer
        X = self.hidden1(X)
        X = self.act1(X)
        X = self.pool1(X)
        # second hidden layer
        X = self.hidden2(X)
        X = self.act2(X)
        X = self.pool2(X)
        # flatten
        X = X.view(-1, 4*4*50)
        # third hidden layer
        X = self.hidden3(X)
        X = self.act3(X)
        # output layer
        X = self.hidden4(X)
        X = self.act4(X)
        return X

# prepare the dataset
def prepare_data(path):
    # define standardization
    trans = Compose([ToTensor(), Normalize((0.1307,), (0.3081,))])
    # load dataset
    train = MNIST(path, train=True, download=True, transform=trans)
    test = MNIST(path, train=False, download=True, transform=trans)
    # prepare data loaders
    train_dl = DataLoader(train, batch_size=64, shuffle=True)
    test_dl = DataLoader(test, batch_size=1024, shuffle=False)
    return train_dl, test_dl""",
    r"""# prepare the data
path = '~/.torch/datasets/mnist'
train_dl, test_dl = prepare_data(path)
print(len(train_dl.dataset), len(test_dl.dataset))
# define the network
model = CNN(1)""",
    r"""# train the model
def train_model(train_dl, model):
    # define the optimization
    criterion = CrossEntropyLoss()
    optimizer = SGD(model.parameters(), lr=0.01, momentum=0.9)
    # enumerate epochs
    for epoch in range(1):
        # enumerate mini batches
        for i, (inputs, targets) in enumerate(train_dl):
            # clear the gradients
            optimizer.zero_grad()
            # compute the model output
            yhat = model(inputs)
            # calculate loss
            loss = criterion(yhat, targets)
            # credit assignment
            loss.backward()
            # update model weights
            optimizer.step()

# evaluate the model
def evaluate_model(test_dl, model):
    predictions, actuals = list(), list()
    for i, (inputs, targets) in enumerate(test_dl):
        # evaluate the model on the test set
        yhat = model(inputs)
        # retrieve numpy array
        yhat = yhat.detach().numpy()
        actual = targets.numpy()
        # convert to class labels
        yhat = argmax(yhat, axis=1)
        # reshape for stacking
        actual = actual.reshape((len(actual), 1))
        yhat = yhat.reshape((len(yhat), 1))
        # store
        predictions.append(yhat)
        actuals.append(actual)
    predictions, actuals = vstack(predictions), vstack(actuals)
    # calculate accuracy
    acc = accuracy_score(actuals, predictions)
    return acc""",
    r"""# train the model
train_model(train_dl, model)
# evaluate the model
acc = evaluate_model(test_dl, model)
print('Accuracy: %.3f' % acc)""",
]

# Their ports in the notebook dialect, cell for cell.
PIMA_TS = [
    r"""const dataset = np.loadtxt('pima-indians-diabetes.csv', delimiter=',')
// split into input (X) and output (y) variables
let X = dataset[:,0:8]
let y = dataset[:,8]""",
    r"""X = torch.tensor(X, dtype=torch.float32)
y = torch.tensor(y, dtype=torch.float32).reshape(-1, 1)""",
    r"""let model = nn.Sequential(
    nn.Linear(8, 12),
    nn.ReLU(),
    nn.Linear(12, 8),
    nn.ReLU(),
    nn.Linear(8, 1),
    nn.Sigmoid()
)
print(model)""",
    r"""class PimaClassifier extends nn.Module {
    hidden1; act1; hidden2; act2; output; act_output;
    constructor() {
        super()
        this.hidden1 = nn.Linear(8, 12)
        this.act1 = nn.ReLU()
        this.hidden2 = nn.Linear(12, 8)
        this.act2 = nn.ReLU()
        this.output = nn.Linear(8, 1)
        this.act_output = nn.Sigmoid()
    }

    forward(x) {
        x = this.act1(this.hidden1(x))
        x = this.act2(this.hidden2(x))
        x = this.act_output(this.output(x))
        return x
    }
}

model = PimaClassifier()
print(model)""",
    r"""const loss_fn = nn.BCELoss()  // binary cross entropy
const optimizer = optim.Adam(model.parameters(), lr=0.001)""",
    r"""const n_epochs = 5
const batch_size = 10

for (const epoch of range(n_epochs)) {
    for (const i of range(0, len(X), batch_size)) {
        const Xbatch = X[i:i+batch_size]
        const y_pred = model(Xbatch)
        const ybatch = y[i:i+batch_size]
        var loss = loss_fn(y_pred, ybatch)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    }
    print(`Finished epoch ${epoch}, latest loss ${loss}`)
}""",
    r"""// compute accuracy (no_grad is optional)
let y_pred
torch.no_grad(() => {
    y_pred = model(X)
})

const accuracy = (y_pred.round() == y).float().mean()
print(`Accuracy ${accuracy}`)""",
    r"""// make probability predictions with the model
let predictions = model(X)
// round predictions
const rounded = predictions.round()""",
    r"""// make class predictions with the model
predictions = (model(X) > 0.5).int()
for (const i of range(5)) {
    print('%s => %d (expected %d)' % (X[i].tolist(), predictions[i], y[i]))
}""",
]

BINARY_TS = [
    r"""// pytorch mlp for binary classification
const { vstack } = np;
const { read_csv } = pd;
const { LabelEncoder } = sklearn.preprocessing;
const { accuracy_score } = sklearn.metrics;
const { Dataset, DataLoader, random_split } = torch.utils.data;
const { Tensor } = torch;
const { Linear, ReLU, Sigmoid, Module, BCELoss } = torch.nn;
const { SGD } = torch.optim;
const { kaiming_uniform_, xavier_uniform_ } = torch.nn.init;""",
    r"""// dataset definition
class CSVDataset extends Dataset {
    X; y;
    // load the dataset
    constructor(path) {
        super()
        // load the csv file as a dataframe
        const df = read_csv(path, header=None)
        // store the inputs and outputs
        this.X = df.values[:, :-1]
        this.y = df.values[:, -1]
        // ensure input data is floats
        this.X = this.X.astype('float32')
        // label encode target and ensure the values are floats
        this.y = LabelEncoder().fit_transform(this.y)
        this.y = this.y.astype('float32')
        this.y = this.y.reshape((len(this.y), 1))
    }

    // number of rows in the dataset
    __len__() {
        return len(this.X)
    }

    // get a row at an index
    __getitem__(idx) {
        return [this.X[idx], this.y[idx]]
    }

    // get indexes for train and test rows
    get_splits(n_test=0.33) {
        // determine sizes
        const test_size = round(n_test * len(this.X))
        const train_size = len(this.X) - test_size
        // calculate the split
        return random_split(this, [train_size, test_size])
    }
}""",
    r"""// model definition
class MLP extends Module {
    hidden1; act1; hidden2; act2; hidden3; act3;
    // define model elements
    constructor(n_inputs) {
        super()
        // input to first hidden layer
        this.hidden1 = Linear(n_inputs, 10)
        kaiming_uniform_(this.hidden1.weight, nonlinearity='relu')
        this.act1 = ReLU()
        // second hidden layer
        this.hidden2 = Linear(10, 8)
        kaiming_uniform_(this.hidden2.weight, nonlinearity='relu')
        this.act2 = ReLU()
        // third hidden layer and output
        this.hidden3 = Linear(8, 1)
        xavier_uniform_(this.hidden3.weight)
        this.act3 = Sigmoid()
    }

    // forward propagate input
    forward(X) {
        // input to first hidden layer
        X = this.hidden1(X)
        X = this.act1(X)
         // second hidden layer
        X = this.hidden2(X)
        X = this.act2(X)
        // third hidden layer and output
        X = this.hidden3(X)
        X = this.act3(X)
        return X
    }
}""",
    r"""// prepare the dataset
function prepare_data(path) {
    // load the dataset
    const dataset = new CSVDataset(path)
    // calculate split
    const [train, test] = dataset.get_splits()
    // prepare data loaders
    const train_dl = DataLoader(train, batch_size=32, shuffle=True)
    const test_dl = DataLoader(test, batch_size=1024, shuffle=False)
    return [train_dl, test_dl]
}

// train the model
function train_model(train_dl, model) {
    // define the optimization
    const criterion = BCELoss()
    const optimizer = SGD(model.parameters(), lr=0.01, momentum=0.9)
    // enumerate epochs
    for (const epoch of range(20)) {
        // enumerate mini batches
        for (const [i, [inputs, targets]] of enumerate(train_dl)) {
            // clear the gradients
            optimizer.zero_grad()
            // compute the model output
            const yhat = model(inputs)
            // calculate loss
            const loss = criterion(yhat, targets)
            // credit assignment
            loss.backward()
            // update model weights
            optimizer.step()
        }
    }
}

// evaluate the model
function evaluate_model(test_dl, model) {
    let [predictions, actuals] = [list(), list()]
    for (const [i, [inputs, targets]] of enumerate(test_dl)) {
        // evaluate the model on the test set
        let yhat = model(inputs)
        // retrieve numpy array
        yhat = yhat.detach().numpy()
        let actual = targets.numpy()
        actual = actual.reshape((len(actual), 1))
        // round to class values
        yhat = yhat.round()
        // store
        predictions.append(yhat)
        actuals.append(actual)
    }
    [predictions, actuals] = [vstack(predictions), vstack(actuals)]
    // calculate accuracy
    const acc = accuracy_score(actuals, predictions)
    return acc
}

// make a class prediction for one row of data
function predict(row, model) {
    // convert row to data
    row = Tensor([row])
    // make prediction
    let yhat = model(row)
    // retrieve numpy array
    yhat = yhat.detach().numpy()
    return yhat
}""",
    r"""// prepare the data
const path = 'ionosphere.csv'
const [train_dl, test_dl] = prepare_data(path)
print(len(train_dl.dataset), len(test_dl.dataset))
// define the network
const model = MLP(34)
// train the model
train_model(train_dl, model)
// evaluate the model
const acc = evaluate_model(test_dl, model)
print('Accuracy: %.3f' % acc)
// make a single prediction (expect class=1)
const row = [1,0,0.99539,-0.05889,0.85243,0.02306,0.83398,-0.37708,1,0.03760,0.85243,-0.17755,0.59755,-0.44945,0.60536,-0.38223,0.84356,-0.38542,0.58212,-0.32192,0.56971,-0.29674,0.36946,-0.47357,0.56811,-0.51171,0.41078,-0.46168,0.21266,-0.34090,0.42267,-0.54487,0.18641,-0.45300]
const yhat = predict(row, model)
print('Predicted: %.3f (class=%d)' % (yhat, yhat.round()))""",
]

REGRESSION_TS = [
    r"""// pytorch mlp for regression
const { vstack } = np;
const { sqrt } = np;
const { read_csv } = pd;
const { mean_squared_error } = sklearn.metrics;
const { Dataset, DataLoader, random_split } = torch.utils.data;
const { Tensor } = torch;
const { Linear, Sigmoid, Module, MSELoss } = torch.nn;
const { SGD } = torch.optim;
const { xavier_uniform_ } = torch.nn.init;""",
    r"""// dataset definition
class CSVDataset extends Dataset {
    X; y;
    // load the dataset
    constructor(path) {
        super()
        // load the csv file as a dataframe
        const df = read_csv(path, header=None)
        // store the inputs and outputs
        this.X = df.values[:, :-1].astype('float32')
        this.y = df.values[:, -1].astype('float32')
        // ensure target has the right shape
        this.y = this.y.reshape((len(this.y), 1))
    }

    // number of rows in the dataset
    __len__() {
        return len(this.X)
    }

    // get a row at an index
    __getitem__(idx) {
        return [this.X[idx], this.y[idx]]
    }

    // get indexes for train and test rows
    get_splits(n_test=0.33) {
        // determine sizes
        const test_size = round(n_test * len(this.X))
        const train_size = len(this.X) - test_size
        // calculate the split
        return random_split(this, [train_size, test_size])
    }
}

// model definition
class MLP extends Module {
    hidden1; act1; hidden2; act2; hidden3;
    // define model elements
    constructor(n_inputs) {
        super()
        // input to first hidden layer
        this.hidden1 = Linear(n_inputs, 10)
        xavier_uniform_(this.hidden1.weight)
        this.act1 = Sigmoid()
        // second hidden layer
        this.hidden2 = Linear(10, 8)
        xavier_uniform_(this.hidden2.weight)
        this.act2 = Sigmoid()
        // third hidden layer and output
        this.hidden3 = Linear(8, 1)
        xavier_uniform_(this.hidden3.weight)
    }

    // forward propagate input
    forward(X) {
        // input to first hidden layer
        X = this.hidden1(X)
        X = this.act1(X)
         // second hidden layer
        X = this.hidden2(X)
        X = this.act2(X)
        // third hidden layer and output
        X = this.hidden3(X)
        return X
    }
}

// prepare the dataset
function prepare_data(path) {
    // load the dataset
    const dataset = new CSVDataset(path)
    // calculate split
    const [train, test] = dataset.get_splits()
    // prepare data loaders
    const train_dl = DataLoader(train, batch_size=32, shuffle=True)
    const test_dl = DataLoader(test, batch_size=1024, shuffle=False)
    return [train_dl, test_dl]
}

// train the model
function train_model(train_dl, model) {
    // define the optimization
    const criterion = MSELoss()
    const optimizer = SGD(model.parameters(), lr=0.01, momentum=0.9)
    // enumerate epochs
    for (const epoch of range(100)) {
        // enumerate mini batches
        for (const [i, [inputs, targets]] of enumerate(train_dl)) {
            // clear the gradients
            optimizer.zero_grad()
            // compute the model output
            const yhat = model(inputs)
            // calculate loss
            const loss = criterion(yhat, targets)
            // credit assignment
            loss.backward()
            // update model weights
            optimizer.step()
        }
    }
}

// evaluate the model
function evaluate_model(test_dl, model) {
    let [predictions, actuals] = [list(), list()]
    for (const [i, [inputs, targets]] of enumerate(test_dl)) {
        // evaluate the model on the test set
        let yhat = model(inputs)
        // retrieve numpy array
        yhat = yhat.detach().numpy()
        let actual = targets.numpy()
        actual = actual.reshape((len(actual), 1))
        // store
        predictions.append(yhat)
        actuals.append(actual)
    }
    [predictions, actuals] = [vstack(predictions), vstack(actuals)]
    // calculate mse
    const mse = mean_squared_error(actuals, predictions)
    return mse
}

// make a class prediction for one row of data
function predict(row, model) {
    // convert row to data
    row = Tensor([row])
    // make prediction
    let yhat = model(row)
    // retrieve numpy array
    yhat = yhat.detach().numpy()
    return yhat
}""",
    r"""// prepare the data
const path = 'housing.csv'
const [train_dl, test_dl] = prepare_data(path)
print(len(train_dl.dataset), len(test_dl.dataset))
// define the network
const model = MLP(13)
// train the model
train_model(train_dl, model)
// evaluate the model
const mse = evaluate_model(test_dl, model)
print('MSE: %.3f, RMSE: %.3f' % (mse, sqrt(mse)))
// make a single prediction (expect class=1)
const row = [0.00632,18.00,2.310,0,0.5380,6.5750,65.20,4.0900,1,296.0,15.30,396.90,4.98]
const yhat = predict(row, model)
print('Predicted: %.3f' % yhat)""",
]
CNN_TS = [
    r"""// pytorch cnn for multiclass classification
const { vstack } = np;
const { argmax } = np;
const { accuracy_score } = sklearn.metrics;
const { MNIST } = torchvision.datasets;
const { Compose, ToTensor, Normalize } = torchvision.transforms;
const { DataLoader } = torch.utils.data;
const { Conv2d, MaxPool2d, Linear, ReLU, Softmax, Module, CrossEntropyLoss } = torch.nn;
const { SGD } = torch.optim;
const { kaiming_uniform_, xavier_uniform_ } = torch.nn.init;""",
    r"""// model definition
class CNN extends Module {
    hidden1; act1; pool1; hidden2; act2; pool2; hidden3; act3; hidden4; act4;
    // define model elements
    constructor(n_channels) {
        super()
        // input to first hidden layer
        this.hidden1 = Conv2d(n_channels, 32, (3,3))
        kaiming_uniform_(this.hidden1.weight, nonlinearity='relu')
        this.act1 = ReLU()
        // first pooling layer
        this.pool1 = MaxPool2d((2,2), stride=(2,2))
        // second hidden layer
        this.hidden2 = Conv2d(32, 32, (3,3))
        kaiming_uniform_(this.hidden2.weight, nonlinearity='relu')
        this.act2 = ReLU()
        // second pooling layer
        this.pool2 = MaxPool2d((2,2), stride=(2,2))
        // fully connected layer
        this.hidden3 = Linear(5*5*32, 100)
        kaiming_uniform_(this.hidden3.weight, nonlinearity='relu')
        this.act3 = ReLU()
        // output layer
        this.hidden4 = Linear(100, 10)
        xavier_uniform_(this.hidden4.weight)
        this.act4 = Softmax(dim=1)
    }

    // forward propagate input
    forward(X) {
        // input to first hidden layer
        X = this.hidden1(X)
        X = this.act1(X)
        X = this.pool1(X)
        // second hidden layer
        X = this.hidden2(X)
        X = this.act2(X)
        X = this.pool2(X)
        // flatten
        X = X.view(-1, 4*4*50)
        // third hidden layer
        X = this.hidden3(X)
        X = this.act3(X)
        // output layer
        X = this.hidden4(X)
        X = this.act4(X)
        return X
    }
}

// prepare the dataset
function prepare_data(path) {
    // define standardization
    const trans = Compose([ToTensor(), Normalize((0.1307,), (0.3081,))])
    // load dataset
    const train = MNIST(path, train=True, download=True, transform=trans)
    const test = MNIST(path, train=False, download=True, transform=trans)
    // prepare data loaders
    const train_dl = DataLoader(train, batch_size=64, shuffle=True)
    const test_dl = DataLoader(test, batch_size=1024, shuffle=False)
    return [train_dl, test_dl]
}""",
    r"""// prepare the data
const path = '~/.torch/datasets/mnist'
const [train_dl, test_dl] = prepare_data(path)
print(len(train_dl.dataset), len(test_dl.dataset))
// define the network
const model = CNN(1)""",
    r"""// train the model
function train_model(train_dl, model) {
    // define the optimization
    const criterion = CrossEntropyLoss()
    const optimizer = SGD(model.parameters(), lr=0.01, momentum=0.9)
    // enumerate epochs
    for (const epoch of range(1)) {
        // enumerate mini batches
        for (const [i, [inputs, targets]] of enumerate(train_dl)) {
            // clear the gradients
            optimizer.zero_grad()
            // compute the model output
            const yhat = model(inputs)
            // calculate loss
            const loss = criterion(yhat, targets)
            // credit assignment
            loss.backward()
            // update model weights
            optimizer.step()
        }
    }
}

// evaluate the model
function evaluate_model(test_dl, model) {
    let [predictions, actuals] = [list(), list()]
    for (const [i, [inputs, targets]] of enumerate(test_dl)) {
        // evaluate the model on the test set
        let yhat = model(inputs)
        // retrieve numpy array
        yhat = yhat.detach().numpy()
        let actual = targets.numpy()
        // convert to class labels
        yhat = argmax(yhat, axis=1)
        // reshape for stacking
        actual = actual.reshape((len(actual), 1))
        yhat = yhat.reshape((len(yhat), 1))
        // store
        predictions.append(yhat)
        actuals.append(actual)
    }
    [predictions, actuals] = [vstack(predictions), vstack(actuals)]
    // calculate accuracy
    const acc = accuracy_score(actuals, predictions)
    return acc
}""",
    r"""// train the model
train_model(train_dl, model)
// evaluate the model
const acc = evaluate_model(test_dl, model)
print('Accuracy: %.3f' % acc)""",
]


# The tutorial's multiclass MLP (iris) is its binary one with these lines changed, in Python and in the port.
ROW = "[1,0,0.99539,-0.05889,0.85243,0.02306,0.83398,-0.37708,1,0.03760,0.85243,-0.17755,0.59755,-0.44945,0.60536,-0.38223,0.84356,-0.38542,0.58212,-0.32192,0.56971,-0.29674,0.36946,-0.47357,0.56811,-0.51171,0.41078,-0.46168,0.21266,-0.34090,0.42267,-0.54487,0.18641,-0.45300]"
MULTICLASS_CHANGES = [
    ("mlp for binary classification", "mlp for multiclass classification"),
    ("from numpy import vstack\n", "from numpy import vstack\nfrom numpy import argmax\n"),
    ("const { vstack } = np;\n", "const { vstack } = np;\nconst { argmax } = np;\n"),
    ("import Sigmoid", "import Softmax"),
    ("import BCELoss", "import CrossEntropyLoss"),
    ("ReLU, Sigmoid, Module, BCELoss }", "ReLU, Softmax, Module, CrossEntropyLoss }"),
    ("\n        self.y = self.y.astype('float32')\n        self.y = self.y.reshape((len(self.y), 1))", ""),
    ("\n        this.y = this.y.astype('float32')\n        this.y = this.y.reshape((len(this.y), 1))", ""),
    ("Linear(8, 1)", "Linear(8, 3)"),
    ("act3 = Sigmoid()", "act3 = Softmax(dim=1)"),
    ("criterion = BCELoss()", "criterion = CrossEntropyLoss()"),
    ("actual = targets.numpy()\n        actual = actual.reshape((len(actual), 1))\n        # round to class values\n        yhat = yhat.round()",
     "actual = targets.numpy()\n        # convert to class labels\n        yhat = argmax(yhat, axis=1)\n        # reshape for stacking\n        actual = actual.reshape((len(actual), 1))\n        yhat = yhat.reshape((len(yhat), 1))"),
    ("actual = targets.numpy()\n        actual = actual.reshape((len(actual), 1))\n        // round to class values\n        yhat = yhat.round()",
     "actual = targets.numpy()\n        // convert to class labels\n        yhat = argmax(yhat, axis=1)\n        // reshape for stacking\n        actual = actual.reshape((len(actual), 1))\n        yhat = yhat.reshape((len(yhat), 1))"),
    ("'ionosphere.csv'", "'iris.csv'"),
    ("MLP(34)", "MLP(4)"),
    (" single prediction (expect class=1)\n", " single prediction\n"),
    ("row = " + ROW, "row = [5.1,3.5,1.4,0.2]"),
    ("'Predicted: %.3f (class=%d)' % (yhat, yhat.round())", "'Predicted: %s (class=%d)' % (yhat, argmax(yhat))"),
]


def multiclass(cells):
    """The binary MLP's cells with MULTICLASS_CHANGES made."""
    out = []
    for c in cells:
        for old, new in MULTICLASS_CHANGES:
            c = c.replace(old, new)
        out.append(c)
    return out


SECTIONS = {"pima": (PIMA, PIMA_TS), "binary": (BINARY, BINARY_TS), "multiclass": (multiclass(BINARY), multiclass(BINARY_TS)), "regression": (REGRESSION, REGRESSION_TS), "cnn": (CNN, CNN_TS)}


def main():
    files = data_files()
    cwd = os.getcwd()
    # The MNIST sample under ./data/MNIST/raw of a temporary folder, the working directory (gen_dlwizard's
    # setup); the CSV files beside it; that folder is the home, and ~/.torch/datasets/mnist its ./data.
    mnist_setup()
    for name, text in files.items():
        with open(name, "w") as f:
            f.write(text)
    os.environ["HOME"] = os.getcwd()
    os.makedirs(os.path.join(".torch", "datasets"))
    os.symlink(os.path.join(os.getcwd(), "data"), os.path.join(".torch", "datasets", "mnist"))
    # One notebook, the sections in order (as the test runs them, one kernel).
    py = [c for cells, _ in SECTIONS.values() for c in cells]
    ts = [c for _, cells in SECTIONS.values() for c in cells]
    assert len(py) == len(ts), (len(py), len(ts))
    results = run_cells(py)
    os.chdir(cwd)
    write_json({"files": files, "cells": [{"py": p, "ts": t, **r} for p, t, r in zip(py, ts, results)]}, "mlm.json")


if __name__ == "__main__":
    main()
