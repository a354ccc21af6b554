"""Fixture for test/tutorials/dlwizard_notebook.test.ts: Deep Learning Wizard's "Practical Deep Learning with
PyTorch" (Ritchie Ng, ritchieng/deep-learning-wizard: docs/deep_learning/practical_pytorch/), the code cells of
pytorch_matrices, pytorch_gradients, pytorch_logistic_regression, pytorch_feedforward_neuralnetwork (the
sigmoid model), pytorch_convolutional_neuralnetwork (the max-pool model) and pytorch_recurrent_neuralnetwork
(the two-layer RNN) in order, each paired with its port in the notebook dialect, run here on PyTorch 1.13 and
torchvision 0.14 as IPython runs them: what each cell prints and what it shows as its value.

MNIST is not downloadable offline: before the first cell, SETUP writes the first 600 training and 100 test
images of the repository's Fashion-MNIST sample (data/FashionMNIST/raw, real 28x28 images) as torchvision's raw
MNIST files under ./data/MNIST/raw of a temporary folder (the test's setup writes the same), so
`dsets.MNIST(root='./data', download=True)` downloads nothing. Shrunk: n_iters is 60 for logistic regression
(accuracy every 20 iterations) and 12 for the other models (every 6) instead of 3000 (every 500). The whole
notebook starts from torch.manual_seed(0), as `torchlab run` seeds a fresh kernel. The test's header lists
what is left out and written differently.
Run: /usr/bin/python3 test/reference/gen_dlwizard.py"""
import ast
import contextlib
import gzip
import io
import os
import struct
import sys
import tempfile

import torch
from IPython.lib.pretty import pretty

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from _tutorial_common import write_json  # noqa: E402

SOURCE = os.path.normpath(os.path.join(HERE, "..", "..", "data", "FashionMNIST", "raw"))


def setup():
    """The first 600 training / 100 test images of data/FashionMNIST/raw as MNIST's raw IDX files under ./data."""
    tmp = tempfile.mkdtemp(prefix="dlwizard-")
    raw = os.path.join(tmp, "data", "MNIST", "raw")
    os.makedirs(raw)
    for split, n in (("train", 600), ("t10k", 100)):
        for kind, size in (("images-idx3", 784), ("labels-idx1", 1)):
            with gzip.open(os.path.join(SOURCE, f"{split}-{kind}-ubyte.gz")) as f:
                buf = f.read()
            start = 4 + 4 * buf[3]
            with open(os.path.join(raw, f"{split}-{kind}-ubyte"), "wb") as f:
                f.write(buf[:4] + struct.pack(">I", n) + buf[8:start] + buf[start:start + n * size])
    os.chdir(tmp)


# (Python cell, its port): the tutorials' cells in order.
CELLS = [
    (r"""import numpy as np
# Creating a 2x2 array
arr = [[1, 2], [3, 4]]
print(arr)""",
     r"""// Creating a 2x2 array
const arr = [[1, 2], [3, 4]];
print(arr);"""),
    (r"""# Convert to NumPy
np.array(arr)""",
     r"""// Convert to NumPy
np.array(arr)"""),
    (r"""import torch
# Convert to PyTorch Tensor
torch.Tensor(arr)""",
     r"""// Convert to PyTorch Tensor
torch.Tensor(arr)"""),
    (r"""np.ones((2, 2))""",
     r"""np.ones((2, 2))"""),
    (r"""torch.ones((2, 2))""",
     r"""torch.ones((2, 2))"""),
    (r"""torch.rand(2, 2)""",
     r"""torch.rand(2, 2)"""),
    (r"""# Seed
np.random.seed(0)
np.random.rand(2, 2)""",
     r"""// Seed
np.random.seed(0)
np.random.rand(2, 2)"""),
    (r"""# No seed
np.random.rand(2, 2)""",
     r"""// No seed
np.random.rand(2, 2)"""),
    (r"""# Torch Seed
torch.manual_seed(0)
torch.rand(2, 2)""",
     r"""// Torch Seed
torch.manual_seed(0)
torch.rand(2, 2)"""),
    (r"""# Torch No Seed
torch.rand(2, 2)""",
     r"""// Torch No Seed
torch.rand(2, 2)"""),
    (r"""if torch.cuda.is_available():
    torch.cuda.manual_seed_all(0)""",
     r"""if (torch.cuda.is_available()) {
    torch.cuda.manual_seed_all(0)
}"""),
    (r"""# Numpy array
np_array = np.ones((2, 2))
print(np_array)
print(type(np_array))""",
     r"""// Numpy array
let np_array = np.ones((2, 2))
print(np_array)
print(type(np_array))"""),
    (r"""# Convert to Torch Tensor
torch_tensor = torch.from_numpy(np_array)
print(torch_tensor)
print(type(torch_tensor))""",
     r"""// Convert to Torch Tensor
let torch_tensor = torch.from_numpy(np_array)
print(torch_tensor)
print(type(torch_tensor))"""),
    (r"""# Data types matter: intentional error
np_array_new = np.ones((2, 2), dtype=np.int8)
torch.from_numpy(np_array_new)""",
     r"""// Data types matter: intentional error
let np_array_new = np.ones((2, 2), dtype=np.int8)
torch.from_numpy(np_array_new)"""),
    (r"""# Data types matter
np_array_new = np.ones((2, 2), dtype=np.int64)
torch.from_numpy(np_array_new)""",
     r"""// Data types matter
np_array_new = np.ones((2, 2), dtype=np.int64)
torch.from_numpy(np_array_new)"""),
    (r"""np_array_new = np.ones((2, 2), dtype=np.int32)
torch.from_numpy(np_array_new)""",
     r"""np_array_new = np.ones((2, 2), dtype=np.int32)
torch.from_numpy(np_array_new)"""),
    (r"""np_array_new = np.ones((2, 2), dtype=np.uint8)
torch.from_numpy(np_array_new)""",
     r"""np_array_new = np.ones((2, 2), dtype=np.uint8)
torch.from_numpy(np_array_new)"""),
    (r"""np_array_new = np.ones((2, 2), dtype=np.float64)
torch.from_numpy(np_array_new)""",
     r"""np_array_new = np.ones((2, 2), dtype=np.float64)
torch.from_numpy(np_array_new)"""),
    (r"""np_array_new = np.ones((2, 2), dtype=np.double)
torch.from_numpy(np_array_new)""",
     r"""np_array_new = np.ones((2, 2), dtype=np.double)
torch.from_numpy(np_array_new)"""),
    (r"""np_array_new = np.ones((2, 2), dtype=np.float32)
torch.from_numpy(np_array_new)""",
     r"""np_array_new = np.ones((2, 2), dtype=np.float32)
torch.from_numpy(np_array_new)"""),
    (r"""torch_tensor = torch.ones(2, 2)
type(torch_tensor)""",
     r"""torch_tensor = torch.ones(2, 2)
type(torch_tensor)"""),
    (r"""torch_to_numpy = torch_tensor.numpy()
type(torch_to_numpy)""",
     r"""let torch_to_numpy = torch_tensor.numpy()
type(torch_to_numpy)"""),
    (r"""# CPU
tensor_cpu = torch.ones(2, 2)
# CPU to GPU
if torch.cuda.is_available():
    tensor_cpu.cuda()
# GPU to CPU
tensor_cpu.cpu()""",
     r"""// CPU
let tensor_cpu = torch.ones(2, 2)
// CPU to GPU
if (torch.cuda.is_available()) {
    tensor_cpu.cuda()
}
// GPU to CPU
tensor_cpu.cpu()"""),
    (r"""a = torch.ones(2, 2)
print(a)
print(a.size())
a.view(4)""",
     r"""let a = torch.ones(2, 2)
print(a)
print(a.size())
a.view(4)"""),
    (r"""a.view(4).size()""",
     r"""a.view(4).size()"""),
    (r"""b = torch.ones(2, 2)
# Element-wise addition
c = a + b
print(c)
c = torch.add(a, b)
print(c)""",
     r"""let b = torch.ones(2, 2)
// Element-wise addition
let c = a + b
print(c)
c = torch.add(a, b)
print(c)"""),
    (r"""# In-place addition
print('Old c tensor')
print(c)

c.add_(a)

print('-'*60)
print('New c tensor')
print(c)""",
     r"""// In-place addition
print('Old c tensor')
print(c)

c.add_(a)

print('-'*60)
print('New c tensor')
print(c)"""),
    (r"""a - b""",
     r"""a - b"""),
    (r"""# Not in-place
print(a.sub(b))
print(a)
# Inplace
print(a.sub_(b))
print(a)""",
     r"""// Not in-place
print(a.sub(b))
print(a)
// Inplace
print(a.sub_(b))
print(a)"""),
    (r"""a = torch.ones(2, 2)
b = torch.zeros(2, 2)
a * b""",
     r"""a = torch.ones(2, 2)
b = torch.zeros(2, 2)
a * b"""),
    (r"""# Not in-place
print(torch.mul(a, b))
print(a)
# In-place
print(a.mul_(b))
print(a)""",
     r"""// Not in-place
print(torch.mul(a, b))
print(a)
// In-place
print(a.mul_(b))
print(a)"""),
    (r"""a = torch.ones(2, 2)
b = torch.zeros(2, 2)
b / a""",
     r"""a = torch.ones(2, 2)
b = torch.zeros(2, 2)
b / a"""),
    (r"""torch.div(b, a)""",
     r"""torch.div(b, a)"""),
    (r"""# Inplace
b.div_(a)""",
     r"""// Inplace
b.div_(a)"""),
    (r"""a = torch.Tensor([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
a.size()""",
     r"""a = torch.Tensor([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
a.size()"""),
    (r"""a.mean(dim=0)""",
     r"""a.mean(dim=0)"""),
    (r"""a.mean(dim=1)""",
     r"""a.mean(dim=1)"""),
    (r"""a = torch.Tensor([[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]])
a.size()""",
     r"""a = torch.Tensor([[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]])
a.size()"""),
    (r"""a.mean(dim=1)""",
     r"""a.mean(dim=1)"""),
    (r"""a = torch.Tensor([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
a.std(dim=0)""",
     r"""a = torch.Tensor([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
a.std(dim=0)"""),
    (r"""a = torch.ones((2, 2), requires_grad=True)
a""",
     r"""a = torch.ones((2, 2), requires_grad=true)
a"""),
    (r"""a.requires_grad""",
     r"""a.requires_grad"""),
    (r"""# Normal way of creating gradients
a = torch.ones((2, 2))

# Requires gradient
a.requires_grad_()

# Check if requires gradient
a.requires_grad""",
     r"""// Normal way of creating gradients
a = torch.ones((2, 2))

// Requires gradient
a.requires_grad_()

// Check if requires gradient
a.requires_grad"""),
    (r"""# Not a variable
no_gradient = torch.ones(2, 2)
no_gradient.requires_grad""",
     r"""// Not a variable
let no_gradient = torch.ones(2, 2)
no_gradient.requires_grad"""),
    (r"""# Behaves similarly to tensors
b = torch.ones((2, 2), requires_grad=True)
print(a + b)
print(torch.add(a, b))
print(a * b)
print(torch.mul(a, b))""",
     r"""// Behaves similarly to tensors
b = torch.ones((2, 2), requires_grad=true)
print(a + b)
print(torch.add(a, b))
print(a * b)
print(torch.mul(a, b))"""),
    (r"""x = torch.ones(2, requires_grad=True)
x""",
     r"""let x = torch.ones(2, requires_grad=true)
x"""),
    (r"""y = 5 * (x + 1) ** 2
y""",
     r"""let y = 5 * (x + 1) ** 2
y"""),
    (r"""o = (1/2) * torch.sum(y)
o""",
     r"""let o = (1/2) * torch.sum(y)
o"""),
    (r"""o.backward()
x.grad""",
     r"""o.backward()
x.grad"""),
    (r"""print(x.requires_grad)
print(y.requires_grad)
print(o.requires_grad)""",
     r"""print(x.requires_grad)
print(y.requires_grad)
print(o.requires_grad)"""),
    (r"""import math
print(-math.log(1 - 0.00001))
print(-math.log(1 - 0.99999))

print(math.log(0.99999))
print(math.log(0.00001))""",
     r"""print(-math.log(1 - 0.00001))
print(-math.log(1 - 0.99999))

print(math.log(0.99999))
print(math.log(0.00001))"""),
    (r"""import torch
import torch.nn as nn
import torchvision.transforms as transforms
import torchvision.datasets as dsets
train_dataset = dsets.MNIST(root='./data', 
                            train=True, 
                            transform=transforms.ToTensor(),
                            download=True)
len(train_dataset)""",
     r"""const dsets = torchvision.datasets
const transforms = torchvision.transforms
const train_dataset = dsets.MNIST(root='./data', 
                            train=true, 
                            transform=transforms.ToTensor(),
                            download=true)
len(train_dataset)"""),
    (r"""type(train_dataset[0])""",
     r"""type(train_dataset[0])"""),
    (r"""# Input Matrix
train_dataset[0][0].size()""",
     r"""// Input Matrix
train_dataset[0][0].size()"""),
    (r"""# Label
train_dataset[0][1]""",
     r"""// Label
train_dataset[0][1]"""),
    (r"""import matplotlib.pyplot as plt
import numpy as np
train_dataset[0][0].numpy().shape""",
     r"""train_dataset[0][0].numpy().shape"""),
    (r"""show_img = train_dataset[0][0].numpy().reshape(28, 28)
show_img[10:13, 10:16]""",
     r"""let show_img = train_dataset[0][0].numpy().reshape(28, 28)
show_img[10:13, 10:16]"""),
    (r"""test_dataset = dsets.MNIST(root='./data', 
                           train=False, 
                           transform=transforms.ToTensor())
len(test_dataset)""",
     r"""const test_dataset = dsets.MNIST(root='./data', 
                           train=false, 
                           transform=transforms.ToTensor())
len(test_dataset)"""),
    (r"""type(test_dataset[0])""",
     r"""type(test_dataset[0])"""),
    (r"""# Image matrix
test_dataset[0][0].size()""",
     r"""// Image matrix
test_dataset[0][0].size()"""),
    (r"""# Label
test_dataset[0][1]""",
     r"""// Label
test_dataset[0][1]"""),
    (r"""batch_size = 100
n_iters = 60
num_epochs = n_iters / (len(train_dataset) / batch_size)
num_epochs = int(num_epochs)
num_epochs""",
     r"""const batch_size = 100
const n_iters = 60
let num_epochs = n_iters / (len(train_dataset) / batch_size)
num_epochs = int(num_epochs)
num_epochs"""),
    (r"""train_loader = torch.utils.data.DataLoader(dataset=train_dataset, 
                                           batch_size=batch_size, 
                                           shuffle=True)
import collections.abc
isinstance(train_loader, collections.abc.Iterable)""",
     r"""const train_loader = torch.utils.data.DataLoader(dataset=train_dataset, 
                                           batch_size=batch_size, 
                                           shuffle=true)
isinstance(train_loader, collections.abc.Iterable)"""),
    (r"""# Iterable object
test_loader = torch.utils.data.DataLoader(dataset=test_dataset, 
                                          batch_size=batch_size, 
                                          shuffle=False)
isinstance(test_loader, collections.abc.Iterable)""",
     r"""// Iterable object
const test_loader = torch.utils.data.DataLoader(dataset=test_dataset, 
                                          batch_size=batch_size, 
                                          shuffle=false)
isinstance(test_loader, collections.abc.Iterable)"""),
    (r"""img_1 = np.ones((28, 28))
img_2 = np.ones((28, 28))
lst = [img_1, img_2]
# Need to iterate
# Think of numbers as the images
for i in lst:
    print(i.shape)""",
     r"""const img_1 = np.ones((28, 28))
const img_2 = np.ones((28, 28))
const lst = [img_1, img_2]
// Need to iterate
// Think of numbers as the images
for (const i of lst) {
    print(i.shape)
}"""),
    (r"""# Same as linear regression! 
class LogisticRegressionModel(nn.Module):
    def __init__(self, input_dim, output_dim):
        super(LogisticRegressionModel, self).__init__()
        self.linear = nn.Linear(input_dim, output_dim)
    
    def forward(self, x):
        out = self.linear(x)
        return out""",
     r"""// Same as linear regression! 
class LogisticRegressionModel extends nn.Module {
    constructor(input_dim, output_dim) {
        super()
        this.linear = nn.Linear(input_dim, output_dim)
    }
    
    forward(x) {
        const out = this.linear(x)
        return out
    }
}"""),
    (r"""input_dim = 28*28
output_dim = 10

model = LogisticRegressionModel(input_dim, output_dim)
criterion = nn.CrossEntropyLoss()  
learning_rate = 0.001

optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)  """,
     r"""const input_dim = 28*28
const output_dim = 10

let model = LogisticRegressionModel(input_dim, output_dim)
let criterion = nn.CrossEntropyLoss()  
let learning_rate = 0.001

let optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)  """),
    (r"""print(model.parameters())

print(len(list(model.parameters())))

# FC 1 Parameters 
print(list(model.parameters())[0].size())

# FC 1 Bias Parameters
print(list(model.parameters())[1].size())""",
     r"""print(model.parameters())

print(len(list(model.parameters())))

// FC 1 Parameters 
print(list(model.parameters())[0].size())

// FC 1 Bias Parameters
print(list(model.parameters())[1].size())"""),
    (r"""iter = 0
for epoch in range(num_epochs):
    for i, (images, labels) in enumerate(train_loader):
        # Load images as Variable
        images = images.view(-1, 28*28).requires_grad_()
        labels = labels
        
        # Clear gradients w.r.t. parameters
        optimizer.zero_grad()
        
        # Forward pass to get output/logits
        outputs = model(images)
        
        # Calculate Loss: softmax --> cross entropy loss
        loss = criterion(outputs, labels)
        
        # Getting gradients w.r.t. parameters
        loss.backward()
        
        # Updating parameters
        optimizer.step()
        
        iter += 1
        
        if iter % 20 == 0:
            # Calculate Accuracy         
            correct = 0
            total = 0
            # Iterate through test dataset
            for images, labels in test_loader:
                # Load images to a Torch Variable
                images = images.view(-1, 28*28).requires_grad_()
                
                # Forward pass only to get logits/output
                outputs = model(images)
                
                # Get predictions from the maximum value
                _, predicted = torch.max(outputs.data, 1)
                
                # Total number of labels
                total += labels.size(0)
                
                # Total correct predictions
                correct += (predicted == labels).sum()
            
            accuracy = 100 * correct / total
            
            # Print Loss
            print('Iteration: {}. Loss: {}. Accuracy: {}'.format(iter, loss.item(), accuracy))""",
     r"""let iter = 0
for (const epoch of range(num_epochs)) {
    for (let [i, [images, labels]] of enumerate(train_loader)) {
        // Load images as Variable
        images = images.view(-1, 28*28).requires_grad_()
        labels = labels
        
        // Clear gradients w.r.t. parameters
        optimizer.zero_grad()
        
        // Forward pass to get output/logits
        let outputs = model(images)
        
        // Calculate Loss: softmax --> cross entropy loss
        const loss = criterion(outputs, labels)
        
        // Getting gradients w.r.t. parameters
        loss.backward()
        
        // Updating parameters
        optimizer.step()
        
        iter += 1
        
        if (iter % 20 == 0) {
            // Calculate Accuracy         
            let correct = 0
            let total = 0
            // Iterate through test dataset
            for (let [images, labels] of test_loader) {
                // Load images to a Torch Variable
                images = images.view(-1, 28*28).requires_grad_()
                
                // Forward pass only to get logits/output
                outputs = model(images)
                
                // Get predictions from the maximum value
                const [_, predicted] = torch.max(outputs.data, 1)
                
                // Total number of labels
                total += labels.size(0)
                
                // Total correct predictions
                correct += (predicted == labels).sum()
            }
            
            const accuracy = 100 * correct / total
            
            // Print Loss
            print('Iteration: {}. Loss: {}. Accuracy: {}'.format(iter, loss.item(), accuracy))
        }
    }
}"""),
    (r"""iter_test = 0
for images, labels in test_loader:
    iter_test += 1
    images = images.view(-1, 28*28).requires_grad_()
    outputs = model(images)
    if iter_test == 1:
        print('OUTPUTS')
        print(outputs.size())
        print(outputs[0, :])
    _, predicted = torch.max(outputs.data, 1)
    if iter_test == 1:
        print('PREDICTION')
        print(predicted[0])
        
        print('LABEL SIZE')
        print(labels.size())
        
        print('LABEL FOR IMAGE 0')
        print(labels[0])""",
     r"""let iter_test = 0
for (let [images, labels] of test_loader) {
    iter_test += 1
    images = images.view(-1, 28*28).requires_grad_()
    const outputs = model(images)
    if (iter_test == 1) {
        print('OUTPUTS')
        print(outputs.size())
        print(outputs[0, :])
    }
    const [_, predicted] = torch.max(outputs.data, 1)
    if (iter_test == 1) {
        print('PREDICTION')
        print(predicted[0])
        
        print('LABEL SIZE')
        print(labels.size())
        
        print('LABEL FOR IMAGE 0')
        print(labels[0])
    }
}"""),
    (r"""correct = 0
total = 0
iter_test = 0
for images, labels in test_loader:
    iter_test += 1
    images = images.view(-1, 28*28).requires_grad_()
    outputs = model(images)
    _, predicted = torch.max(outputs.data, 1)
    
    # Total number of labels
    total += labels.size(0)

    # Total correct predictions
    correct += (predicted == labels).sum()

accuracy = 100 * (correct.item() / total)

print(accuracy)""",
     r"""let correct = 0
let total = 0
iter_test = 0
let _, predicted
for (let [images, labels] of test_loader) {
    iter_test += 1
    images = images.view(-1, 28*28).requires_grad_()
    const outputs = model(images);
    [_, predicted] = torch.max(outputs.data, 1)
    
    // Total number of labels
    total += labels.size(0)

    // Total correct predictions
    correct += (predicted == labels).sum()
}

let accuracy = 100 * (correct.item() / total)

print(accuracy)"""),
    (r"""# Explaining .sum() python built-in function
# correct += (predicted == labels).sum()
a = np.ones((10))
print(a)
b = np.ones((10))
print(b)

print(a == b)

print((a == b).sum())""",
     r"""// Explaining .sum() python built-in function
// correct += (predicted == labels).sum()
let a = np.ones((10))
print(a)
let b = np.ones((10))
print(b)

print(a == b)

print((a == b).sum())"""),
    (r"""import torch
import torch.nn as nn
import torchvision.transforms as transforms
import torchvision.datasets as dsets
train_dataset = dsets.MNIST(root='./data', 
                            train=True, 
                            transform=transforms.ToTensor(),
                            download=True)

test_dataset = dsets.MNIST(root='./data', 
                           train=False, 
                           transform=transforms.ToTensor())
print(train_dataset.train_data.size())
print(train_dataset.train_labels.size())
print(test_dataset.test_data.size())
print(test_dataset.test_labels.size())""",
     r"""const dsets = torchvision.datasets
const train_dataset = dsets.MNIST(root='./data', 
                            train=true, 
                            transform=transforms.ToTensor(),
                            download=true)

const test_dataset = dsets.MNIST(root='./data', 
                           train=false, 
                           transform=transforms.ToTensor())
print(train_dataset.train_data.size())
print(train_dataset.train_labels.size())
print(test_dataset.test_data.size())
print(test_dataset.test_labels.size())"""),
    (r"""batch_size = 100
n_iters = 12
num_epochs = n_iters / (len(train_dataset) / batch_size)
num_epochs = int(num_epochs)

train_loader = torch.utils.data.DataLoader(dataset=train_dataset, 
                                           batch_size=batch_size, 
                                           shuffle=True)

test_loader = torch.utils.data.DataLoader(dataset=test_dataset, 
                                          batch_size=batch_size, 
                                          shuffle=False)""",
     r"""const batch_size = 100
const n_iters = 12
let num_epochs = n_iters / (len(train_dataset) / batch_size)
num_epochs = int(num_epochs)

const train_loader = torch.utils.data.DataLoader(dataset=train_dataset, 
                                           batch_size=batch_size, 
                                           shuffle=true)

const test_loader = torch.utils.data.DataLoader(dataset=test_dataset, 
                                          batch_size=batch_size, 
                                          shuffle=false)"""),
    (r"""class FeedforwardNeuralNetModel(nn.Module):
    def __init__(self, input_dim, hidden_dim, output_dim):
        super(FeedforwardNeuralNetModel, self).__init__()
        # Linear function
        self.fc1 = nn.Linear(input_dim, hidden_dim) 
        # Non-linearity
        self.sigmoid = nn.Sigmoid()
        # Linear function (readout)
        self.fc2 = nn.Linear(hidden_dim, output_dim)  

    def forward(self, x):
        # Linear function  # LINEAR
        out = self.fc1(x)

        # Non-linearity  # NON-LINEAR
        out = self.sigmoid(out)
        # Linear function (readout)  # LINEAR
        out = self.fc2(out)
        return out""",
     r"""class FeedforwardNeuralNetModel extends nn.Module {
    constructor(input_dim, hidden_dim, output_dim) {
        super()
        // Linear function
        this.fc1 = nn.Linear(input_dim, hidden_dim) 
        // Non-linearity
        this.sigmoid = nn.Sigmoid()
        // Linear function (readout)
        this.fc2 = nn.Linear(hidden_dim, output_dim)  
    }

    forward(x) {
        // Linear function  // LINEAR
        let out = this.fc1(x)

        // Non-linearity  // NON-LINEAR
        out = this.sigmoid(out)
        // Linear function (readout)  // LINEAR
        out = this.fc2(out)
        return out
    }
}"""),
    (r"""input_dim = 28*28
hidden_dim = 100
output_dim = 10

model = FeedforwardNeuralNetModel(input_dim, hidden_dim, output_dim)
criterion = nn.CrossEntropyLoss()
learning_rate = 0.1

optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)
print(len(list(model.parameters())))
print(list(model.parameters())[0].size())
print(list(model.parameters())[1].size())
print(list(model.parameters())[2].size())
print(list(model.parameters())[3].size())""",
     r"""let input_dim = 28*28
let hidden_dim = 100
let output_dim = 10

let model = FeedforwardNeuralNetModel(input_dim, hidden_dim, output_dim)
let criterion = nn.CrossEntropyLoss()
let learning_rate = 0.1

let optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)
print(len(list(model.parameters())))
print(list(model.parameters())[0].size())
print(list(model.parameters())[1].size())
print(list(model.parameters())[2].size())
print(list(model.parameters())[3].size())"""),
    (r"""iter = 0
for epoch in range(num_epochs):
    for i, (images, labels) in enumerate(train_loader):
        images = images.view(-1, 28*28).requires_grad_()
        optimizer.zero_grad()
        outputs = model(images)
        loss = criterion(outputs, labels)
        loss.backward()
        optimizer.step()
        iter += 1
        if iter % 6 == 0:
            correct = 0
            total = 0
            for images, labels in test_loader:
                images = images.view(-1, 28*28)
                outputs = model(images)
                _, predicted = torch.max(outputs.data, 1)
                total += labels.size(0)
                correct += (predicted == labels).sum()
            accuracy = 100 * correct / total
            print('Iteration: {}. Loss: {}. Accuracy: {}'.format(iter, loss.item(), accuracy))""",
     r"""let iter = 0
for (const epoch of range(num_epochs)) {
    for (let [i, [images, labels]] of enumerate(train_loader)) {
        images = images.view(-1, 28*28).requires_grad_()
        optimizer.zero_grad()
        let outputs = model(images)
        const loss = criterion(outputs, labels)
        loss.backward()
        optimizer.step()
        iter += 1
        if (iter % 6 == 0) {
            let correct = 0
            let total = 0
            for (let [images, labels] of test_loader) {
                images = images.view(-1, 28*28)
                outputs = model(images)
                const [_, predicted] = torch.max(outputs.data, 1)
                total += labels.size(0)
                correct += (predicted == labels).sum()
            }
            const accuracy = 100 * correct / total
            print('Iteration: {}. Loss: {}. Accuracy: {}'.format(iter, loss.item(), accuracy))
        }
    }
}"""),
    (r"""class CNNModel(nn.Module):
    def __init__(self):
        super(CNNModel, self).__init__()
        
        # Convolution 1
        self.cnn1 = nn.Conv2d(in_channels=1, out_channels=16, kernel_size=5, stride=1, padding=2)
        self.relu1 = nn.ReLU()
        
        # Max pool 1
        self.maxpool1 = nn.MaxPool2d(kernel_size=2)
     
        # Convolution 2
        self.cnn2 = nn.Conv2d(in_channels=16, out_channels=32, kernel_size=5, stride=1, padding=2)
        self.relu2 = nn.ReLU()
        
        # Max pool 2
        self.maxpool2 = nn.MaxPool2d(kernel_size=2)
        
        # Fully connected 1 (readout)
        self.fc1 = nn.Linear(32 * 7 * 7, 10) 
    
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
        
        # Resize
        # Original size: (100, 32, 7, 7)
        # out.size(0): 100
        # New out size: (100, 32*7*7)
        out = out.view(out.size(0), -1)

        # Linear function (readout)
        out = self.fc1(out)
        
        return out""",
     r"""class CNNModel extends nn.Module {
    constructor() {
        super()
        
        // Convolution 1
        this.cnn1 = nn.Conv2d(in_channels=1, out_channels=16, kernel_size=5, stride=1, padding=2)
        this.relu1 = nn.ReLU()
        
        // Max pool 1
        this.maxpool1 = nn.MaxPool2d(kernel_size=2)
     
        // Convolution 2
        this.cnn2 = nn.Conv2d(in_channels=16, out_channels=32, kernel_size=5, stride=1, padding=2)
        this.relu2 = nn.ReLU()
        
        // Max pool 2
        this.maxpool2 = nn.MaxPool2d(kernel_size=2)
        
        // Fully connected 1 (readout)
        this.fc1 = nn.Linear(32 * 7 * 7, 10) 
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
        
        // Resize
        // Original size: (100, 32, 7, 7)
        // out.size(0): 100
        // New out size: (100, 32*7*7)
        out = out.view(out.size(0), -1)

        // Linear function (readout)
        out = this.fc1(out)
        
        return out
    }
}"""),
    (r"""model = CNNModel()
criterion = nn.CrossEntropyLoss()
learning_rate = 0.01

optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)  
print(model)""",
     r"""model = CNNModel()
criterion = nn.CrossEntropyLoss()
learning_rate = 0.01

optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)  
print(model)"""),
    (r"""print(len(list(model.parameters())))

# Convolution 1: 16 Kernels
print(list(model.parameters())[0].size())

# Convolution 1 Bias: 16 Kernels
print(list(model.parameters())[1].size())

# Convolution 2: 32 Kernels with depth = 16
print(list(model.parameters())[2].size())

# Convolution 2 Bias: 32 Kernels with depth = 16
print(list(model.parameters())[3].size())

# Fully Connected Layer 1
print(list(model.parameters())[4].size())

# Fully Connected Layer Bias
print(list(model.parameters())[5].size())""",
     r"""print(len(list(model.parameters())))

// Convolution 1: 16 Kernels
print(list(model.parameters())[0].size())

// Convolution 1 Bias: 16 Kernels
print(list(model.parameters())[1].size())

// Convolution 2: 32 Kernels with depth = 16
print(list(model.parameters())[2].size())

// Convolution 2 Bias: 32 Kernels with depth = 16
print(list(model.parameters())[3].size())

// Fully Connected Layer 1
print(list(model.parameters())[4].size())

// Fully Connected Layer Bias
print(list(model.parameters())[5].size())"""),
    (r"""iter = 0
for epoch in range(num_epochs):
    for i, (images, labels) in enumerate(train_loader):
        images = images.requires_grad_()
        optimizer.zero_grad()
        outputs = model(images)
        loss = criterion(outputs, labels)
        loss.backward()
        optimizer.step()
        iter += 1
        if iter % 6 == 0:
            correct = 0
            total = 0
            for images, labels in test_loader:
                images = images
                outputs = model(images)
                _, predicted = torch.max(outputs.data, 1)
                total += labels.size(0)
                correct += (predicted == labels).sum()
            accuracy = 100 * correct / total
            print('Iteration: {}. Loss: {}. Accuracy: {}'.format(iter, loss.item(), accuracy))""",
     r"""let iter = 0
for (const epoch of range(num_epochs)) {
    for (let [i, [images, labels]] of enumerate(train_loader)) {
        images = images.requires_grad_()
        optimizer.zero_grad()
        let outputs = model(images)
        const loss = criterion(outputs, labels)
        loss.backward()
        optimizer.step()
        iter += 1
        if (iter % 6 == 0) {
            let correct = 0
            let total = 0
            for (let [images, labels] of test_loader) {
                images = images
                outputs = model(images)
                const [_, predicted] = torch.max(outputs.data, 1)
                total += labels.size(0)
                correct += (predicted == labels).sum()
            }
            const accuracy = 100 * correct / total
            print('Iteration: {}. Loss: {}. Accuracy: {}'.format(iter, loss.item(), accuracy))
        }
    }
}"""),
    (r"""class RNNModel(nn.Module):
    def __init__(self, input_dim, hidden_dim, layer_dim, output_dim):
        super(RNNModel, self).__init__()
        # Hidden dimensions
        self.hidden_dim = hidden_dim

        # Number of hidden layers
        self.layer_dim = layer_dim

        # Building your RNN
        # batch_first=True causes input/output tensors to be of shape
        # (batch_dim, seq_dim, input_dim)
        # batch_dim = number of samples per batch
        self.rnn = nn.RNN(input_dim, hidden_dim, layer_dim, batch_first=True, nonlinearity='relu')

        # Readout layer
        self.fc = nn.Linear(hidden_dim, output_dim)

    def forward(self, x):
        # Initialize hidden state with zeros
        # (layer_dim, batch_size, hidden_dim)
        h0 = torch.zeros(self.layer_dim, x.size(0), self.hidden_dim).requires_grad_()

        # We need to detach the hidden state to prevent exploding/vanishing gradients
        # This is part of truncated backpropagation through time (BPTT)
        out, hn = self.rnn(x, h0.detach())

        # Index hidden state of last time step
        # out.size() --> 100, 28, 10
        # out[:, -1, :] --> 100, 10 --> just want last time step hidden states! 
        out = self.fc(out[:, -1, :]) 
        # out.size() --> 100, 10
        return out""",
     r"""class RNNModel extends nn.Module {
    constructor(input_dim, hidden_dim, layer_dim, output_dim) {
        super()
        // Hidden dimensions
        this.hidden_dim = hidden_dim

        // Number of hidden layers
        this.layer_dim = layer_dim

        // Building your RNN
        // batch_first=True causes input/output tensors to be of shape
        // (batch_dim, seq_dim, input_dim)
        // batch_dim = number of samples per batch
        this.rnn = nn.RNN(input_dim, hidden_dim, layer_dim, batch_first=true, nonlinearity='relu')

        // Readout layer
        this.fc = nn.Linear(hidden_dim, output_dim)
    }

    forward(x) {
        // Initialize hidden state with zeros
        // (layer_dim, batch_size, hidden_dim)
        const h0 = torch.zeros(this.layer_dim, x.size(0), this.hidden_dim).requires_grad_()

        // We need to detach the hidden state to prevent exploding/vanishing gradients
        // This is part of truncated backpropagation through time (BPTT)
        let [out, hn] = this.rnn(x, h0.detach())

        // Index hidden state of last time step
        // out.size() --> 100, 28, 10
        // out[:, -1, :] --> 100, 10 --> just want last time step hidden states! 
        out = this.fc(out[:, -1, :]) 
        // out.size() --> 100, 10
        return out
    }
}"""),
    (r"""input_dim = 28
hidden_dim = 100
layer_dim = 2  # ONLY CHANGE IS HERE FROM ONE LAYER TO TWO LAYER
output_dim = 10

model = RNNModel(input_dim, hidden_dim, layer_dim, output_dim)
print(model)
print(len(list(model.parameters())))
for i in range(len(list(model.parameters()))):
    print(list(model.parameters())[i].size())
criterion = nn.CrossEntropyLoss()
learning_rate = 0.01

optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)  """,
     r"""input_dim = 28
hidden_dim = 100
let layer_dim = 2  // ONLY CHANGE IS HERE FROM ONE LAYER TO TWO LAYER
output_dim = 10

model = RNNModel(input_dim, hidden_dim, layer_dim, output_dim)
print(model)
print(len(list(model.parameters())))
for (const i of range(len(list(model.parameters())))) {
    print(list(model.parameters())[i].size())
}
criterion = nn.CrossEntropyLoss()
learning_rate = 0.01

optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)  """),
    (r"""# Number of steps to unroll
seq_dim = 28  
iter = 0
for epoch in range(num_epochs):
    for i, (images, labels) in enumerate(train_loader):
        images = images.view(-1, seq_dim, input_dim).requires_grad_()
        optimizer.zero_grad()
        outputs = model(images)
        loss = criterion(outputs, labels)
        loss.backward()
        optimizer.step()
        iter += 1
        if iter % 6 == 0:
            correct = 0
            total = 0
            for images, labels in test_loader:
                images = images.view(-1, seq_dim, input_dim)
                outputs = model(images)
                _, predicted = torch.max(outputs.data, 1)
                total += labels.size(0)
                correct += (predicted == labels).sum()
            accuracy = 100 * correct / total
            print('Iteration: {}. Loss: {}. Accuracy: {}'.format(iter, loss.item(), accuracy))""",
     r"""// Number of steps to unroll
const seq_dim = 28  
let iter = 0
for (const epoch of range(num_epochs)) {
    for (let [i, [images, labels]] of enumerate(train_loader)) {
        images = images.view(-1, seq_dim, input_dim).requires_grad_()
        optimizer.zero_grad()
        let outputs = model(images)
        const loss = criterion(outputs, labels)
        loss.backward()
        optimizer.step()
        iter += 1
        if (iter % 6 == 0) {
            let correct = 0
            let total = 0
            for (let [images, labels] of test_loader) {
                images = images.view(-1, seq_dim, input_dim)
                outputs = model(images)
                const [_, predicted] = torch.max(outputs.data, 1)
                total += labels.size(0)
                correct += (predicted == labels).sum()
            }
            const accuracy = 100 * correct / total
            print('Iteration: {}. Loss: {}. Accuracy: {}'.format(iter, loss.item(), accuracy))
        }
    }
}"""),
]


def run_cells(cells):
    """Runs cells as IPython does: the last statement, when an expression, is shown (unless None); an error
    is printed as `ERROR Class: message`, and the next cell runs."""
    torch.manual_seed(0)
    ns = {"__name__": "__main__"}
    out = []
    for src in cells:
        tree = ast.parse(src)
        last = tree.body[-1] if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        body = tree.body[:-1] if last is not None else tree.body
        buf = io.StringIO()
        shown = None
        with contextlib.redirect_stdout(buf):
            try:
                exec(compile(ast.Module(body=body, type_ignores=[]), "<cell>", "exec"), ns)
                if last is not None:
                    v = eval(compile(ast.Expression(last.value), "<cell>", "eval"), ns)
                    if v is not None:
                        shown = pretty(v)
            except Exception as e:  # noqa: BLE001 - the error is the reference
                print(f"ERROR {type(e).__name__}: {e}")
        out.append({"printed": buf.getvalue(), "shown": shown})
    return out


def main():
    cwd = os.getcwd()
    setup()
    results = run_cells([py for py, _ in CELLS])
    os.chdir(cwd)
    write_json({"cells": [{"py": py, "ts": ts, **r} for (py, ts), r in zip(CELLS, results)]}, "dlwizard.json")


if __name__ == "__main__":
    main()
