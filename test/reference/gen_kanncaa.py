"""Fixture for test/tutorials/kanncaa_notebook.test.ts: DATAI Team's (kanncaa1) "Pytorch Tutorial for Deep
Learning Lovers", Kaggle's most-forked PyTorch notebook, the code as students copy it, each cell paired with
its port in the notebook dialect and run here on PyTorch 1.13 (NumPy 1.24, pandas 1.5.3, matplotlib 3.6.3,
scikit-learn 1.2.1) as IPython runs it (gen_dlwizard.run_cells): what each cell prints and what it shows.

Its sections: numpy <-> tensor basics (`np.array`, `torch.Tensor`, `np.ones` / `torch.ones`, `np.random.rand`
/ `torch.rand`, `torch.from_numpy`, `.numpy()`, `view`, `torch.add`, `sub`, `torch.mul`, `torch.div`,
`mean`, `std`), `Variable(..., requires_grad = True)` with `o = (1/2)*sum(y)` and `o.backward()`, linear
regression of the number of cars sold on the car price (`nn.Module` `LinearRegression`, `nn.MSELoss`,
`torch.optim.SGD`, iterations printed every 50, the loss plotted), then logistic regression, an ANN and
a CNN on the Digit Recognizer's `train.csv` (`pd.read_csv(r"../input/train.csv", dtype = np.float32)`,
`train.loc[:,train.columns != "label"].values/255`, `train_test_split`, `TensorDataset`, `DataLoader`,
`Variable(images.view(-1, 28*28))`, `torch.max(outputs.data, 1)[1]`, `correct += (predicted ==
labels).sum()`, `'...Accuracy: {} %'.format(count, loss.data, accuracy)`, the loss and accuracy plotted).

Data: no network. Kaggle's input folder is ../input of the working directory: setup() makes a temporary
folder with input/train.csv and working/ and makes working/ the working directory. train.csv is the
Digit Recognizer's layout (a header `label,pixel0,...,pixel783`, then one row of ints 0-255 per image):
the first 500 images of the repository's Fashion-MNIST sample (data/FashionMNIST/raw), so the 80/20 split
gives 400 / 100 rows and the CNN's `images.view(100,1,28,28)` sees full batches as on the 42000-row file.
The test writes the same file the same way. np.random is seeded (np.random.seed(42), a line the tutorial
does not have) so that its `np.random.rand` cells print fixed numbers; torch is seeded 0 as a fresh
torchlab kernel is.
Shrunk: the linear regression's iteration_number (1001 in the tutorial), n_iters (logistic regression 10000,
ANN 10000, CNN 2500) and how often a cell evaluates and prints (every 50 / 500 iterations) are smaller; the
test's header lists them.
Run: /usr/bin/python3 test/reference/gen_kanncaa.py"""
import gzip
import os
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from _tutorial_common import write_json  # noqa: E402
from gen_dlwizard import run_cells  # noqa: E402

SOURCE = os.path.join(HERE, "..", "..", "data", "FashionMNIST", "raw")
ROWS = 500


def train_csv():
    """The Digit Recognizer's train.csv layout from the first ROWS images of the Fashion-MNIST sample."""
    with gzip.open(os.path.join(SOURCE, "train-images-idx3-ubyte.gz")) as f:
        images = f.read()[16:]
    with gzip.open(os.path.join(SOURCE, "train-labels-idx1-ubyte.gz")) as f:
        labels = f.read()[8:]
    lines = ["label," + ",".join(f"pixel{i}" for i in range(784))]
    for k in range(ROWS):
        lines.append(",".join([str(labels[k])] + [str(v) for v in images[784 * k: 784 * (k + 1)]]))
    return "\n".join(lines) + "\n"


def setup():
    """<tmp>/input/train.csv, and <tmp>/working the working directory (Kaggle's layout)."""
    tmp = tempfile.mkdtemp(prefix="kanncaa-")
    os.makedirs(os.path.join(tmp, "input"))
    os.makedirs(os.path.join(tmp, "working"))
    with open(os.path.join(tmp, "input", "train.csv"), "w") as f:
        f.write(train_csv())
    os.chdir(os.path.join(tmp, "working"))


# (Python cell, its port): the tutorial's cells in order.
CELLS = [
    (r"""# import numpy library
import numpy as np
np.random.seed(42)

# numpy array
array = [[1,2,3],[4,5,6]]
first_array = np.array(array) # 2x3 array
print("Array Type: {}".format(type(first_array))) # type
print("Array Shape: {}".format(np.shape(first_array))) # shape
print(first_array)""",
     r"""// import numpy library
np.random.seed(42)

// numpy array
let array = [[1,2,3],[4,5,6]]
const first_array = np.array(array) // 2x3 array
print("Array Type: {}".format(type(first_array))) // type
print("Array Shape: {}".format(np.shape(first_array))) // shape
print(first_array)"""),
    (r"""# import pytorch library
import torch

# pytorch array
tensor = torch.Tensor(array)
print("Array Type: {}".format(tensor.type)) # type
print("Array Shape: {}".format(tensor.shape)) # shape
print(tensor)""",
     r"""// pytorch array
let tensor = torch.Tensor(array)
print("Array Type: {}".format(tensor.type)) // type
print("Array Shape: {}".format(tensor.shape)) // shape
print(tensor)"""),
    (r"""# numpy ones
print("Numpy {}\n".format(np.ones((2,3))))

# pytorch ones
print(torch.ones((2,3)))""",
     r"""// numpy ones
print("Numpy {}\n".format(np.ones((2,3))))

// pytorch ones
print(torch.ones((2,3)))"""),
    (r"""# numpy random
print("Numpy {}\n".format(np.random.rand(2,3)))

# pytorch random
print(torch.rand(2,3))""",
     r"""// numpy random
print("Numpy {}\n".format(np.random.rand(2,3)))

// pytorch random
print(torch.rand(2,3))"""),
    (r"""# random numpy array
array = np.random.rand(2,2)
print("{} {}\n".format(type(array),array))

# from numpy to tensor
from_numpy_to_tensor = torch.from_numpy(array)
print("{}\n".format(from_numpy_to_tensor))

# from tensor to numpy
tensor = from_numpy_to_tensor
from_tensor_to_numpy = tensor.numpy()
print("{} {}\n".format(type(from_tensor_to_numpy),from_tensor_to_numpy))""",
     r"""// random numpy array
array = np.random.rand(2,2)
print("{} {}\n".format(type(array),array))

// from numpy to tensor
const from_numpy_to_tensor = torch.from_numpy(array)
print("{}\n".format(from_numpy_to_tensor))

// from tensor to numpy
tensor = from_numpy_to_tensor
const from_tensor_to_numpy = tensor.numpy()
print("{} {}\n".format(type(from_tensor_to_numpy),from_tensor_to_numpy))"""),
    (r"""# create tensor
tensor = torch.ones(3,3)
print("\n",tensor)

# Resize
print("{}{}\n".format(tensor.view(9).shape,tensor.view(9)))

# Addition
print("Addition: {}\n".format(torch.add(tensor,tensor)))

# Subtraction
print("Subtraction: {}\n".format(tensor.sub(tensor)))

# Element wise multiplication
print("Element wise multiplication: {}\n".format(torch.mul(tensor,tensor)))

# Element wise division
print("Element wise division: {}\n".format(torch.div(tensor,tensor)))

# Mean
tensor = torch.Tensor([1,2,3,4,5])
print("Mean: {}".format(tensor.mean()))

# Standart deviation (std)
print("std: {}".format(tensor.std()))""",
     r"""// create tensor
tensor = torch.ones(3,3)
print("\n",tensor)

// Resize
print("{}{}\n".format(tensor.view(9).shape,tensor.view(9)))

// Addition
print("Addition: {}\n".format(torch.add(tensor,tensor)))

// Subtraction
print("Subtraction: {}\n".format(tensor.sub(tensor)))

// Element wise multiplication
print("Element wise multiplication: {}\n".format(torch.mul(tensor,tensor)))

// Element wise division
print("Element wise division: {}\n".format(torch.div(tensor,tensor)))

// Mean
tensor = torch.Tensor([1,2,3,4,5])
print("Mean: {}".format(tensor.mean()))

// Standart deviation (std)
print("std: {}".format(tensor.std()))"""),
    (r"""# import variable from pytorch library
from torch.autograd import Variable

# define variable
var = Variable(torch.ones(3), requires_grad = True)
var""",
     r"""// import variable from pytorch library
const { Variable } = torch.autograd

// define variable
const var_ = Variable(torch.ones(3), requires_grad = True)
var_"""),
    (r"""# lets make basic backward propagation
# we have an equation that is y = x^2
array = [2,4]
tensor = torch.Tensor(array)
x = Variable(tensor, requires_grad = True)
y = x**2
print(" y =  ",y)

# recap o equation o = 1/2*sum(y)
o = (1/2)*sum(y)
print(" o =  ",o)

# backward
o.backward() # calculates gradients

# As I defined, variables accumulates gradients. In this part there is only one variable x.
# Therefore variable x should be have gradients
# Lets look at gradients with x.grad
print("gradients: ",x.grad)""",
     r"""// lets make basic backward propagation
// we have an equation that is y = x^2
array = [2,4]
tensor = torch.Tensor(array)
const x = Variable(tensor, requires_grad = True)
const y = x**2
print(" y =  ",y)

// recap o equation o = 1/2*sum(y)
const o = (1/2)*sum(y)
print(" o =  ",o)

// backward
o.backward() // calculates gradients

// As I defined, variables accumulates gradients. In this part there is only one variable x.
// Therefore variable x should be have gradients
// Lets look at gradients with x.grad
print("gradients: ",x.grad)"""),
]

LINEAR = [
    (r"""# As a car company we collect this data from previous selling
# lets define car prices
car_prices_array = [3,4,5,6,7,8,9]
car_price_np = np.array(car_prices_array,dtype=np.float32)
car_price_np = car_price_np.reshape(-1,1)
car_price_tensor = Variable(torch.from_numpy(car_price_np))

# lets define number of car sell
number_of_car_sell_array = [ 7.5, 7, 6.5, 6.0, 5.5, 5.0, 4.5]
number_of_car_sell_np = np.array(number_of_car_sell_array,dtype=np.float32)
number_of_car_sell_np = number_of_car_sell_np.reshape(-1,1)
number_of_car_sell_tensor = Variable(torch.from_numpy(number_of_car_sell_np))

# lets visualize our data
import matplotlib.pyplot as plt
plt.scatter(car_prices_array,number_of_car_sell_array)
plt.xlabel("Car Price $")
plt.ylabel("Number of Car Sell")
plt.title("Car Price$ VS Number of Car Sell")
plt.show()""",
     r"""// As a car company we collect this data from previous selling
// lets define car prices
const car_prices_array = [3,4,5,6,7,8,9]
let car_price_np = np.array(car_prices_array,dtype=np.float32)
car_price_np = car_price_np.reshape(-1,1)
const car_price_tensor = Variable(torch.from_numpy(car_price_np))

// lets define number of car sell
const number_of_car_sell_array = [ 7.5, 7, 6.5, 6.0, 5.5, 5.0, 4.5]
let number_of_car_sell_np = np.array(number_of_car_sell_array,dtype=np.float32)
number_of_car_sell_np = number_of_car_sell_np.reshape(-1,1)
const number_of_car_sell_tensor = Variable(torch.from_numpy(number_of_car_sell_np))

// lets visualize our data
plt.scatter(car_prices_array,number_of_car_sell_array)
plt.xlabel("Car Price $")
plt.ylabel("Number of Car Sell")
plt.title("Car Price$ VS Number of Car Sell")
plt.show()"""),
    (r"""# Linear Regression with Pytorch

# libraries
import torch
from torch.autograd import Variable
import torch.nn as nn
import warnings
warnings.filterwarnings("ignore")

# create class
class LinearRegression(nn.Module):
    def __init__(self,input_size,output_size):
        # super function. It inherits from nn.Module and we can access everythink in nn.Module
        super(LinearRegression,self).__init__()
        # Linear function.
        self.linear = nn.Linear(input_dim,output_dim)

    def forward(self,x):
        return self.linear(x)

# define model
input_dim = 1
output_dim = 1
model = LinearRegression(input_dim,output_dim) # input and output size are 1

# MSE
mse = nn.MSELoss()

# Optimization (find parameters that minimize error)
learning_rate = 0.02   # how fast we reach best parameters
optimizer = torch.optim.SGD(model.parameters(),lr = learning_rate)

# train model
loss_list = []
iteration_number = 301
for iteration in range(iteration_number):

    # optimization
    optimizer.zero_grad()

    # Forward to get output
    results = model(car_price_tensor)

    # Calculate Loss
    loss = mse(results, number_of_car_sell_tensor)

    # backward propagation
    loss.backward()

    # Updating parameters
    optimizer.step()

    # store loss
    loss_list.append(loss.data)

    # print loss
    if(iteration % 50 == 0):
        print('epoch {}, loss {}'.format(iteration, loss.data))

plt.plot(range(iteration_number),loss_list)
plt.xlabel("Number of Iterations")
plt.ylabel("Loss")
plt.show()""",
     r"""// Linear Regression with Pytorch

// libraries
warnings.filterwarnings("ignore")

// create class
class LinearRegression extends nn.Module {
    linear;
    constructor(input_size,output_size) {
        // super function. It inherits from nn.Module and we can access everythink in nn.Module
        super()
        // Linear function.
        this.linear = nn.Linear(input_dim,output_dim)
    }

    forward(x) {
        return this.linear(x)
    }
}

// define model
let input_dim = 1
let output_dim = 1
let model = LinearRegression(input_dim,output_dim) // input and output size are 1

// MSE
const mse = nn.MSELoss()

// Optimization (find parameters that minimize error)
let learning_rate = 0.02   // how fast we reach best parameters
let optimizer = torch.optim.SGD(model.parameters(),lr = learning_rate)

// train model
let loss_list = []
const iteration_number = 301
for (const iteration of range(iteration_number)) {

    // optimization
    optimizer.zero_grad()

    // Forward to get output
    const results = model(car_price_tensor)

    // Calculate Loss
    const loss = mse(results, number_of_car_sell_tensor)

    // backward propagation
    loss.backward()

    // Updating parameters
    optimizer.step()

    // store loss
    loss_list.append(loss.data)

    // print loss
    if(iteration % 50 == 0) {
        print('epoch {}, loss {}'.format(iteration, loss.data))
    }
}

plt.plot(range(iteration_number),loss_list)
plt.xlabel("Number of Iterations")
plt.ylabel("Loss")
plt.show()"""),
    (r"""# predict our car price
predicted = model(car_price_tensor).data.numpy()
plt.scatter(car_prices_array,number_of_car_sell_array,label = "original data",color ="red")
plt.scatter(car_prices_array,predicted,label = "predicted data",color ="blue")

# predict if car price is 10$, what will be the number of car sell
#predicted_10 = model(torch.from_numpy(np.array([10]))).data.numpy()
#plt.scatter(10,predicted_10.data,label = "car price 10$",color ="green")
plt.legend()
plt.xlabel("Car Price $")
plt.ylabel("Number of Car Sell")
plt.title("Original vs Predicted values")
plt.show()""",
     r"""// predict our car price
let predicted = model(car_price_tensor).data.numpy()
plt.scatter(car_prices_array,number_of_car_sell_array,label = "original data",color ="red")
plt.scatter(car_prices_array,predicted,label = "predicted data",color ="blue")

// predict if car price is 10$, what will be the number of car sell
//predicted_10 = model(torch.from_numpy(np.array([10]))).data.numpy()
//plt.scatter(10,predicted_10.data,label = "car price 10$",color ="green")
plt.legend()
plt.xlabel("Car Price $")
plt.ylabel("Number of Car Sell")
plt.title("Original vs Predicted values")
plt.show()"""),
]

DIGITS = [
    (r"""# Import Libraries
import torch
import torch.nn as nn
from torch.autograd import Variable
from torch.utils.data import DataLoader
import pandas as pd
from sklearn.model_selection import train_test_split

# Prepare Dataset
# load data
train = pd.read_csv(r"../input/train.csv",dtype = np.float32)

# split data into features(pixels) and labels(numbers from 0 to 9)
targets_numpy = train.label.values
features_numpy = train.loc[:,train.columns != "label"].values/255 # normalization

# train test split. Size of train data is 80% and size of test data is 20%.
features_train, features_test, targets_train, targets_test = train_test_split(features_numpy,
                                                                             targets_numpy,
                                                                             test_size = 0.2,
                                                                             random_state = 42)

# create feature and targets tensor for train set. As you remember we need variable to accumulate gradients. Therefore first we create tensor, then we will create variable
featuresTrain = torch.from_numpy(features_train)
targetsTrain = torch.from_numpy(targets_train).type(torch.LongTensor) # data type is long

# create feature and targets tensor for test set.
featuresTest = torch.from_numpy(features_test)
targetsTest = torch.from_numpy(targets_test).type(torch.LongTensor) # data type is long

# batch_size, epoch and iteration
batch_size = 100
n_iters = 40
num_epochs = n_iters / (len(features_train) / batch_size)
num_epochs = int(num_epochs)

# Pytorch train and test sets
train = torch.utils.data.TensorDataset(featuresTrain,targetsTrain)
test = torch.utils.data.TensorDataset(featuresTest,targetsTest)

# data loader
train_loader = DataLoader(train, batch_size = batch_size, shuffle = False)
test_loader = DataLoader(test, batch_size = batch_size, shuffle = False)

# visualize one of the images in data set
plt.imshow(features_numpy[10].reshape(28,28))
plt.axis("off")
plt.title(str(targets_numpy[10]))
plt.savefig('graph.png')
plt.show()""",
     r"""// Import Libraries
const { DataLoader } = torch.utils.data
const { train_test_split } = sklearn.model_selection

// Prepare Dataset
// load data
let train = pd.read_csv(r"../input/train.csv",dtype = np.float32)

// split data into features(pixels) and labels(numbers from 0 to 9)
const targets_numpy = train.label.values
const features_numpy = train.loc[:,train.columns != "label"].values/255 // normalization

// train test split. Size of train data is 80% and size of test data is 20%.
const [features_train, features_test, targets_train, targets_test] = train_test_split(features_numpy,
                                                                             targets_numpy,
                                                                             test_size = 0.2,
                                                                             random_state = 42)

// create feature and targets tensor for train set. As you remember we need variable to accumulate gradients. Therefore first we create tensor, then we will create variable
const featuresTrain = torch.from_numpy(features_train)
const targetsTrain = torch.from_numpy(targets_train).type(torch.LongTensor) // data type is long

// create feature and targets tensor for test set.
const featuresTest = torch.from_numpy(features_test)
const targetsTest = torch.from_numpy(targets_test).type(torch.LongTensor) // data type is long

// batch_size, epoch and iteration
let batch_size = 100
let n_iters = 40
let num_epochs = n_iters / (len(features_train) / batch_size)
num_epochs = int(num_epochs)

// Pytorch train and test sets
train = torch.utils.data.TensorDataset(featuresTrain,targetsTrain)
let test = torch.utils.data.TensorDataset(featuresTest,targetsTest)

// data loader
let train_loader = DataLoader(train, batch_size = batch_size, shuffle = False)
let test_loader = DataLoader(test, batch_size = batch_size, shuffle = False)

// visualize one of the images in data set
plt.imshow(features_numpy[10].reshape(28,28))
plt.axis("off")
plt.title(str(targets_numpy[10]))
plt.savefig('graph.png')
plt.show()"""),
]

LOGISTIC_MODEL = (r"""# Create Logistic Regression Model
class LogisticRegressionModel(nn.Module):
    def __init__(self, input_dim, output_dim):
        super(LogisticRegressionModel, self).__init__()
        # Linear part
        self.linear = nn.Linear(input_dim, output_dim)
        # There should be logistic function right?
        # However logistic function in pytorch is in loss function
        # So actually we do not forget to put it, it is only at next parts

    def forward(self, x):
        out = self.linear(x)
        return out

# Instantiate Model Class
input_dim = 28*28 # size of image px*px
output_dim = 10  # labels 0,1,2,3,4,5,6,7,8,9

# create logistic regression model
model = LogisticRegressionModel(input_dim, output_dim)

# Cross Entropy Loss
error = nn.CrossEntropyLoss()

# SGD Optimizer
learning_rate = 0.001
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)""",
                  r"""// Create Logistic Regression Model
class LogisticRegressionModel extends nn.Module {
    linear;
    constructor(input_dim, output_dim) {
        super()
        // Linear part
        this.linear = nn.Linear(input_dim, output_dim)
        // There should be logistic function right?
        // However logistic function in pytorch is in loss function
        // So actually we do not forget to put it, it is only at next parts
    }

    forward(x) {
        const out = this.linear(x)
        return out
    }
}

// Instantiate Model Class
input_dim = 28*28 // size of image px*px
output_dim = 10  // labels 0,1,2,3,4,5,6,7,8,9

// create logistic regression model
model = LogisticRegressionModel(input_dim, output_dim)

// Cross Entropy Loss
let error = nn.CrossEntropyLoss()

// SGD Optimizer
learning_rate = 0.001
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)""")


def training(view, every, printed, percent, accuracies=True):
    """The tutorial's training cell (its three copies differ in the view, how often they evaluate and print, and the printed line's '%'), in Python and in the port."""
    py = f"""# Traning the Model
count = 0
loss_list = []
iteration_list = []
accuracy_list = []
for epoch in range(num_epochs):
    for i, (images, labels) in enumerate(train_loader):

        # Define variables
        train = Variable(images.view({view}))
        labels = Variable(labels)

        # Clear gradients
        optimizer.zero_grad()

        # Forward propagation
        outputs = model(train)

        # Calculate softmax and cross entropy loss
        loss = error(outputs, labels)

        # Calculate gradients
        loss.backward()

        # Update parameters
        optimizer.step()

        count += 1

        # Prediction
        if count % {every} == 0:
            # Calculate Accuracy
            correct = 0
            total = 0
            # Predict test dataset
            for images, labels in test_loader:
                test = Variable(images.view({view}))

                # Forward propagation
                outputs = model(test)

                # Get predictions from the maximum value
                predicted = torch.max(outputs.data, 1)[1]

                # Total number of labels
                total += len(labels)

                # Total correct predictions
                correct += (predicted == labels).sum()

            accuracy = 100 * correct / float(total)

            # store loss and iteration
            loss_list.append(loss.data)
            iteration_list.append(count)
            accuracy_list.append(accuracy)
        if count % {printed} == 0:
            # Print Loss
            print('Iteration: {{}}  Loss: {{}}  Accuracy: {{}}{percent}'.format(count, loss.data, accuracy))"""
    if not accuracies:
        py = py.replace("accuracy_list = []\n", "").replace("            accuracy_list.append(accuracy)\n", "")
    ts = f"""// Traning the Model
let count = 0
loss_list = []
let iteration_list = []
let accuracy_list = []
let accuracy
for (const epoch of range(num_epochs)) {{
    for (let [i, [images, labels]] of enumerate(train_loader)) {{

        // Define variables
        train = Variable(images.view({view}))
        labels = Variable(labels)

        // Clear gradients
        optimizer.zero_grad()

        // Forward propagation
        var outputs = model(train)

        // Calculate softmax and cross entropy loss
        var loss = error(outputs, labels)

        // Calculate gradients
        loss.backward()

        // Update parameters
        optimizer.step()

        count += 1

        // Prediction
        if (count % {every} == 0) {{
            // Calculate Accuracy
            let correct = 0
            let total = 0
            // Predict test dataset
            for (const [images, labels] of test_loader) {{
                test = Variable(images.view({view}))

                // Forward propagation
                outputs = model(test)

                // Get predictions from the maximum value
                predicted = torch.max(outputs.data, 1)[1]

                // Total number of labels
                total += len(labels)

                // Total correct predictions
                correct += (predicted == labels).sum()
            }}

            accuracy = 100 * correct / float(total)

            // store loss and iteration
            loss_list.append(loss.data)
            iteration_list.append(count)
            accuracy_list.append(accuracy)
        }}
        if (count % {printed} == 0) {{
            // Print Loss
            print('Iteration: {{}}  Loss: {{}}  Accuracy: {{}}{percent}'.format(count, loss.data, accuracy))
        }}
    }}
}}"""
    if not accuracies:
        ts = ts.replace("let accuracy_list = []\n", "").replace("            accuracy_list.append(accuracy)\n", "")
    return py, ts


def plots(name, accuracy):
    """The loss (and accuracy) plots after each model's training."""
    py = f"""# visualization loss
plt.plot(iteration_list,loss_list)
plt.xlabel("Number of iteration")
plt.ylabel("Loss")
plt.title("{name}: Loss vs Number of iteration")
plt.show()"""
    if accuracy:
        py += f"""

# visualization accuracy
plt.plot(iteration_list,accuracy_list,color = "red")
plt.xlabel("Number of iteration")
plt.ylabel("Accuracy")
plt.title("{name}: Accuracy vs Number of iteration")
plt.show()"""
    return py, py.replace("# visualization", "// visualization")


ANN_MODEL = (r"""# Import Libraries
import torch
import torch.nn as nn
from torch.autograd import Variable

# Create ANN Model
class ANNModel(nn.Module):
    def __init__(self, input_dim, hidden_dim, output_dim):
        super(ANNModel, self).__init__()
        # Linear function 1: 784 --> 150
        self.fc1 = nn.Linear(input_dim, hidden_dim)
        # Non-linearity 1
        self.relu1 = nn.ReLU()

        # Linear function 2: 150 --> 150
        self.fc2 = nn.Linear(hidden_dim, hidden_dim)
        # Non-linearity 2
        self.tanh2 = nn.Tanh()

        # Linear function 3: 150 --> 150
        self.fc3 = nn.Linear(hidden_dim, hidden_dim)
        # Non-linearity 3
        self.elu3 = nn.ELU()

        # Linear function 4 (readout): 150 --> 10
        self.fc4 = nn.Linear(hidden_dim, output_dim)

    def forward(self, x):
        # Linear function 1
        out = self.fc1(x)
        # Non-linearity 1
        out = self.relu1(out)

        # Linear function 2
        out = self.fc2(out)
        # Non-linearity 2
        out = self.tanh2(out)

        # Linear function 2
        out = self.fc3(out)
        # Non-linearity 2
        out = self.elu3(out)

        # Linear function 4 (readout)
        out = self.fc4(out)
        return out

# instantiate ANN
input_dim = 28*28
hidden_dim = 150 #hidden layer dim is one of the hyper parameter and it should be chosen and tuned. For now I only say 150 there is no reason.
output_dim = 10

# Create ANN
model = ANNModel(input_dim, hidden_dim, output_dim)

# Cross Entropy Loss
error = nn.CrossEntropyLoss()

# SGD Optimizer
learning_rate = 0.02
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)""",
             r"""// Create ANN Model
class ANNModel extends nn.Module {
    fc1; relu1; fc2; tanh2; fc3; elu3; fc4;
    constructor(input_dim, hidden_dim, output_dim) {
        super()
        // Linear function 1: 784 --> 150
        this.fc1 = nn.Linear(input_dim, hidden_dim)
        // Non-linearity 1
        this.relu1 = nn.ReLU()

        // Linear function 2: 150 --> 150
        this.fc2 = nn.Linear(hidden_dim, hidden_dim)
        // Non-linearity 2
        this.tanh2 = nn.Tanh()

        // Linear function 3: 150 --> 150
        this.fc3 = nn.Linear(hidden_dim, hidden_dim)
        // Non-linearity 3
        this.elu3 = nn.ELU()

        // Linear function 4 (readout): 150 --> 10
        this.fc4 = nn.Linear(hidden_dim, output_dim)
    }

    forward(x) {
        // Linear function 1
        let out = this.fc1(x)
        // Non-linearity 1
        out = this.relu1(out)

        // Linear function 2
        out = this.fc2(out)
        // Non-linearity 2
        out = this.tanh2(out)

        // Linear function 2
        out = this.fc3(out)
        // Non-linearity 2
        out = this.elu3(out)

        // Linear function 4 (readout)
        out = this.fc4(out)
        return out
    }
}

// instantiate ANN
input_dim = 28*28
let hidden_dim = 150 //hidden layer dim is one of the hyper parameter and it should be chosen and tuned. For now I only say 150 there is no reason.
output_dim = 10

// Create ANN
model = ANNModel(input_dim, hidden_dim, output_dim)

// Cross Entropy Loss
error = nn.CrossEntropyLoss()

// SGD Optimizer
learning_rate = 0.02
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)""")

CNN_MODEL = (r"""# Import Libraries
import torch
import torch.nn as nn
from torch.autograd import Variable

# Create CNN Model
class CNNModel(nn.Module):
    def __init__(self):
        super(CNNModel, self).__init__()

        # Convolution 1
        self.cnn1 = nn.Conv2d(in_channels=1, out_channels=16, kernel_size=5, stride=1, padding=0)
        self.relu1 = nn.ReLU()

        # Max pool 1
        self.maxpool1 = nn.MaxPool2d(kernel_size=2)

        # Convolution 2
        self.cnn2 = nn.Conv2d(in_channels=16, out_channels=32, kernel_size=5, stride=1, padding=0)
        self.relu2 = nn.ReLU()

        # Max pool 2
        self.maxpool2 = nn.MaxPool2d(kernel_size=2)

        # Fully connected 1
        self.fc1 = nn.Linear(32 * 4 * 4, 10)

    def forward(self, x):
        # Convolution 1
        out = self.cnn1(x)
        out = self.relu1(out)

        # Max pool 1
        out = self.maxpool1(out)

        # Convolution 2
        out = self.cnn2(out)
        out = self.relu2(out)

        # Max pool 2
        out = self.maxpool2(out)

        # flatten
        out = out.view(out.size(0), -1)

        # Linear function (readout)
        out = self.fc1(out)

        return out

# batch_size, epoch and iteration
batch_size = 100
n_iters = 4
num_epochs = n_iters / (len(features_train) / batch_size)
num_epochs = int(num_epochs)

# Pytorch train and test sets
train = torch.utils.data.TensorDataset(featuresTrain,targetsTrain)
test = torch.utils.data.TensorDataset(featuresTest,targetsTest)

# data loader
train_loader = torch.utils.data.DataLoader(train, batch_size = batch_size, shuffle = False)
test_loader = torch.utils.data.DataLoader(test, batch_size = batch_size, shuffle = False)

# Create CNN
model = CNNModel()

# Cross Entropy Loss
error = nn.CrossEntropyLoss()

# SGD Optimizer
learning_rate = 0.1
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)""",
             r"""// Create CNN Model
class CNNModel extends nn.Module {
    cnn1; relu1; maxpool1; cnn2; relu2; maxpool2; fc1;
    constructor() {
        super()

        // Convolution 1
        this.cnn1 = nn.Conv2d(in_channels=1, out_channels=16, kernel_size=5, stride=1, padding=0)
        this.relu1 = nn.ReLU()

        // Max pool 1
        this.maxpool1 = nn.MaxPool2d(kernel_size=2)

        // Convolution 2
        this.cnn2 = nn.Conv2d(in_channels=16, out_channels=32, kernel_size=5, stride=1, padding=0)
        this.relu2 = nn.ReLU()

        // Max pool 2
        this.maxpool2 = nn.MaxPool2d(kernel_size=2)

        // Fully connected 1
        this.fc1 = nn.Linear(32 * 4 * 4, 10)
    }

    forward(x) {
        // Convolution 1
        let out = this.cnn1(x)
        out = this.relu1(out)

        // Max pool 1
        out = this.maxpool1(out)

        // Convolution 2
        out = this.cnn2(out)
        out = this.relu2(out)

        // Max pool 2
        out = this.maxpool2(out)

        // flatten
        out = out.view(out.size(0), -1)

        // Linear function (readout)
        out = this.fc1(out)

        return out
    }
}

// batch_size, epoch and iteration
batch_size = 100
n_iters = 4
num_epochs = n_iters / (len(features_train) / batch_size)
num_epochs = int(num_epochs)

// Pytorch train and test sets
train = torch.utils.data.TensorDataset(featuresTrain,targetsTrain)
test = torch.utils.data.TensorDataset(featuresTest,targetsTest)

// data loader
train_loader = torch.utils.data.DataLoader(train, batch_size = batch_size, shuffle = False)
test_loader = torch.utils.data.DataLoader(test, batch_size = batch_size, shuffle = False)

// Create CNN
model = CNNModel()

// Cross Entropy Loss
error = nn.CrossEntropyLoss()

// SGD Optimizer
learning_rate = 0.1
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)""")

MODELS = [
    LOGISTIC_MODEL,
    training("-1, 28*28", 10, 20, "", accuracies=False),
    plots("Logistic Regression", False),
    ANN_MODEL,
    training("-1, 28*28", 10, 20, " %"),
    plots("ANN", True),
    CNN_MODEL,
    training("100,1,28,28", 2, 2, " %"),
    plots("CNN", True),
]

SECTIONS = CELLS + LINEAR + DIGITS + MODELS


def main():
    cwd = os.getcwd()
    setup()
    results = run_cells([py for py, _ in SECTIONS])
    os.chdir(cwd)
    write_json({"rows": ROWS, "cells": [{"py": py, "ts": ts, **r} for (py, ts), r in zip(SECTIONS, results)]}, "kanncaa.json")


if __name__ == "__main__":
    main()
