"""Fixture for test/tutorials/udacity.test.ts: udacity/deep-learning-v2-pytorch, intro-to-pytorch
Parts 1-8 (the Solution notebooks, fc_model.py), the same cells as test/tutorials/_udacity_cells.ts
run on PyTorch 1.13 with the same stand-ins (torchvision's FakeData for MNIST / FashionMNIST, seeded
PNGs for Cat_Dog_data, a seeded mobilenet_v2 for densenet121(pretrained=True); see the test's
header). Run from test/reference with /usr/bin/python3 gen_udacity.py; writes udacity.json.
log() prints what the port's console.log prints (null, integral floats without ".0", grad_fn
reprs without their address)."""
import json
import os
import re
import shutil
import sys
import tempfile
from collections import OrderedDict

import torch
from torch import nn, optim
import torch.nn.functional as F
from torchvision import datasets, transforms, models

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _tutorial_common import write_json  # noqa: E402

OUT = []


def fmt(v):
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else repr(v)
    if "Backward" in type(v).__name__:
        return re.sub(r" at 0x[0-9a-f]+>$", ">", repr(v))
    return str(v)


def log(*args):
    OUT.append(" ".join(fmt(a) for a in args))


def js(v):
    """JSON.stringify's text."""
    return json.dumps(v, separators=(",", ":"))


def section(f, *args):
    OUT.clear()
    f(*args)
    return list(OUT)


def fake_mnist(train, test):
    transform = transforms.Compose([transforms.ToTensor(),
                                    transforms.Normalize((0.5,), (0.5,))])
    trainset = datasets.FakeData(size=train, image_size=(1, 28, 28), num_classes=10, transform=transform)
    trainloader = torch.utils.data.DataLoader(trainset, batch_size=64, shuffle=True)
    if test is None:
        return trainloader, None
    testset = datasets.FakeData(size=test, image_size=(1, 28, 28), num_classes=10, transform=transform, random_offset=train)
    testloader = torch.utils.data.DataLoader(testset, batch_size=64, shuffle=True)
    return trainloader, testloader


def part1():
    def activation(x):
        return 1 / (1 + torch.exp(-x))

    torch.manual_seed(7)
    features = torch.randn((1, 5))
    weights = torch.randn_like(features)
    bias = torch.randn((1, 1))
    y = activation(torch.sum(features * weights) + bias)
    log(y)
    y = activation((features * weights).sum() + bias)
    log(y)
    y = activation(torch.mm(features, weights.view(5, 1)) + bias)
    log(y)
    torch.manual_seed(7)
    features = torch.randn((1, 3))
    n_input = features.shape[1]
    n_hidden = 2
    n_output = 1
    W1 = torch.randn(n_input, n_hidden)
    W2 = torch.randn(n_hidden, n_output)
    B1 = torch.randn((1, n_hidden))
    B2 = torch.randn((1, n_output))
    h = activation(torch.mm(features, W1) + B1)
    output = activation(torch.mm(h, W2) + B2)
    log(output)


def part2():
    torch.manual_seed(0)
    trainloader, _ = fake_mnist(128, None)
    dataiter = iter(trainloader)
    images, labels = next(dataiter)
    log(images.shape)
    log(labels.shape)

    def activation(x):
        return 1 / (1 + torch.exp(-x))

    inputs = images.view(images.shape[0], -1)
    w1 = torch.randn(784, 256)
    b1 = torch.randn(256)
    w2 = torch.randn(256, 10)
    b2 = torch.randn(10)
    h = activation(torch.mm(inputs, w1) + b1)
    out = activation(torch.mm(h, w2) + b2)

    def softmax(x):
        return torch.exp(x) / torch.sum(torch.exp(x), dim=1).view(-1, 1)

    probabilities = softmax(out)
    log(probabilities.shape)
    log(probabilities.sum(dim=1))

    class Network(nn.Module):
        def __init__(self):
            super().__init__()
            self.hidden = nn.Linear(784, 256)
            self.output = nn.Linear(256, 10)
            self.sigmoid = nn.Sigmoid()
            self.softmax = nn.Softmax(dim=1)

        def forward(self, x):
            x = self.hidden(x)
            x = self.sigmoid(x)
            x = self.output(x)
            x = self.softmax(x)
            return x

    model = Network()
    log(model)

    class Network(nn.Module):  # noqa: F811 - the notebook redefines it
        def __init__(self):
            super().__init__()
            self.hidden = nn.Linear(784, 256)
            self.output = nn.Linear(256, 10)

        def forward(self, x):
            x = F.sigmoid(self.hidden(x))
            x = F.softmax(self.output(x), dim=1)
            return x

    model = Network()
    log(model)

    class Network(nn.Module):  # noqa: F811
        def __init__(self):
            super().__init__()
            self.fc1 = nn.Linear(784, 128)
            self.fc2 = nn.Linear(128, 64)
            self.fc3 = nn.Linear(64, 10)

        def forward(self, x):
            x = self.fc1(x)
            x = F.relu(x)
            x = self.fc2(x)
            x = F.relu(x)
            x = self.fc3(x)
            x = F.softmax(x, dim=1)
            return x

    model = Network()
    log(model)
    log(model.fc1.weight)
    log(model.fc1.bias)
    log(model.fc1.bias.data.fill_(0))
    log(model.fc1.weight.data.normal_(std=0.01))
    dataiter = iter(trainloader)
    images, labels = next(dataiter)
    images.resize_(64, 1, 784)
    img_idx = 0
    ps = model.forward(images[img_idx, :])
    img = images[img_idx]
    log(img.view(1, 28, 28).shape, ps)

    input_size = 784
    hidden_sizes = [128, 64]
    output_size = 10
    seq = nn.Sequential(nn.Linear(input_size, hidden_sizes[0]),
                        nn.ReLU(),
                        nn.Linear(hidden_sizes[0], hidden_sizes[1]),
                        nn.ReLU(),
                        nn.Linear(hidden_sizes[1], output_size),
                        nn.Softmax(dim=1))
    log(seq)
    images, labels = next(iter(trainloader))
    images.resize_(images.shape[0], 1, 784)
    ps = seq.forward(images[0, :])
    log(ps)
    log(seq[0])
    log(seq[0].weight)
    seq = nn.Sequential(OrderedDict([
        ('fc1', nn.Linear(input_size, hidden_sizes[0])),
        ('relu1', nn.ReLU()),
        ('fc2', nn.Linear(hidden_sizes[0], hidden_sizes[1])),
        ('relu2', nn.ReLU()),
        ('output', nn.Linear(hidden_sizes[1], output_size)),
        ('softmax', nn.Softmax(dim=1))]))
    log(seq)
    log(seq[0])
    log(seq.fc1)


def part3():
    torch.manual_seed(0)
    trainloader, _ = fake_mnist(128, None)
    model = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(), nn.Linear(64, 10))
    criterion = nn.CrossEntropyLoss()
    images, labels = next(iter(trainloader))
    images = images.view(images.shape[0], -1)
    logits = model(images)
    loss = criterion(logits, labels)
    log(loss)
    model = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(), nn.Linear(64, 10), nn.LogSoftmax(dim=1))
    criterion = nn.NLLLoss()
    images, labels = next(iter(trainloader))
    images = images.view(images.shape[0], -1)
    logps = model(images)
    loss = criterion(logps, labels)
    log(loss)
    x = torch.randn(2, 2, requires_grad=True)
    log(x)
    y = x**2
    log(y)
    log(y.grad_fn)
    z = y.mean()
    log(z)
    log(x.grad)
    z.backward()
    log(x.grad)
    log(x / 2)
    model = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(), nn.Linear(64, 10), nn.LogSoftmax(dim=1))
    criterion = nn.NLLLoss()
    images, labels = next(iter(trainloader))
    images = images.view(images.shape[0], -1)
    logps = model(images)
    loss = criterion(logps, labels)
    log('Before backward pass: \n', model[0].weight.grad)
    loss.backward()
    log('After backward pass: \n', model[0].weight.grad)
    optimizer = optim.SGD(model.parameters(), lr=0.01)
    log('Initial weights - ', model[0].weight)
    images, labels = next(iter(trainloader))
    images.resize_(64, 784)
    optimizer.zero_grad()
    output = model(images)
    loss = criterion(output, labels)
    loss.backward()
    log('Gradient -', model[0].weight.grad)
    optimizer.step()
    log('Updated weights - ', model[0].weight)
    model = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(), nn.Linear(64, 10), nn.LogSoftmax(dim=1))
    criterion = nn.NLLLoss()
    optimizer = optim.SGD(model.parameters(), lr=0.003)
    epochs = 2
    for e in range(epochs):
        running_loss = 0
        for images, labels in trainloader:
            images = images.view(images.shape[0], -1)
            optimizer.zero_grad()
            output = model(images)
            loss = criterion(output, labels)
            loss.backward()
            optimizer.step()
            running_loss += loss.item()
        else:
            log(f"Training loss: {fmt(running_loss/len(trainloader))}")
    images, labels = next(iter(trainloader))
    img = images[0].view(1, 784)
    with torch.no_grad():
        logps = model(img)
    ps = torch.exp(logps)
    log(ps)


class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(784, 256)
        self.fc2 = nn.Linear(256, 128)
        self.fc3 = nn.Linear(128, 64)
        self.fc4 = nn.Linear(64, 10)

    def forward(self, x):
        x = x.view(x.shape[0], -1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        x = F.relu(self.fc3(x))
        x = F.log_softmax(self.fc4(x), dim=1)
        return x


class DropoutClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(784, 256)
        self.fc2 = nn.Linear(256, 128)
        self.fc3 = nn.Linear(128, 64)
        self.fc4 = nn.Linear(64, 10)
        self.dropout = nn.Dropout(p=0.2)

    def forward(self, x):
        x = x.view(x.shape[0], -1)
        x = self.dropout(F.relu(self.fc1(x)))
        x = self.dropout(F.relu(self.fc2(x)))
        x = self.dropout(F.relu(self.fc3(x)))
        x = F.log_softmax(self.fc4(x), dim=1)
        return x


def part4():
    torch.manual_seed(0)
    trainloader, testloader = fake_mnist(128, 64)
    image, label = next(iter(trainloader))
    log(image[0, :].shape, image[0, :].mean())
    model = Classifier()
    criterion = nn.NLLLoss()
    optimizer = optim.Adam(model.parameters(), lr=0.003)
    epochs = 2
    for e in range(epochs):
        running_loss = 0
        for images, labels in trainloader:
            log_ps = model(images)
            loss = criterion(log_ps, labels)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            running_loss += loss.item()
        else:
            log(f"Training loss: {fmt(running_loss/len(trainloader))}")
    dataiter = iter(testloader)
    images, labels = next(dataiter)
    img = images[1]
    ps = torch.exp(model(img))
    log(ps)


def part5():
    torch.manual_seed(0)
    trainloader, testloader = fake_mnist(128, 128)
    model = Classifier()
    images, labels = next(iter(testloader))
    ps = torch.exp(model(images))
    log(ps.shape)
    top_p, top_class = ps.topk(1, dim=1)
    log(top_class[:10, :])
    equals = top_class == labels.view(*top_class.shape)
    log(equals.shape)
    accuracy = torch.mean(equals.type(torch.FloatTensor))
    log(f'Accuracy: {fmt(accuracy.item()*100)}%')
    model = Classifier()
    criterion = nn.NLLLoss(reduction='sum')
    optimizer = optim.Adam(model.parameters(), lr=0.003)
    epochs = 2
    train_losses, test_losses = [], []
    for e in range(epochs):
        tot_train_loss = 0
        for images, labels in trainloader:
            optimizer.zero_grad()
            log_ps = model(images)
            loss = criterion(log_ps, labels)
            tot_train_loss += loss.item()
            loss.backward()
            optimizer.step()
        else:
            tot_test_loss = 0
            test_correct = 0
            with torch.no_grad():
                for images, labels in testloader:
                    log_ps = model(images)
                    loss = criterion(log_ps, labels)
                    tot_test_loss += loss.item()
                    ps = torch.exp(log_ps)
                    top_p, top_class = ps.topk(1, dim=1)
                    equals = top_class == labels.view(*top_class.shape)
                    test_correct += equals.sum().item()
            train_loss = tot_train_loss / len(trainloader.dataset)
            test_loss = tot_test_loss / len(testloader.dataset)
            train_losses.append(train_loss)
            test_losses.append(test_loss)
            log("Epoch: {}/{}.. ".format(e + 1, epochs),
                "Training Loss: {:.3f}.. ".format(train_loss),
                "Test Loss: {:.3f}.. ".format(test_loss),
                "Test Accuracy: {:.3f}".format(test_correct / len(testloader.dataset)))
    model = DropoutClassifier()
    criterion = nn.NLLLoss()
    optimizer = optim.Adam(model.parameters(), lr=0.003)
    epochs = 2
    train_losses, test_losses = [], []
    for e in range(epochs):
        running_loss = 0
        for images, labels in trainloader:
            optimizer.zero_grad()
            log_ps = model(images)
            loss = criterion(log_ps, labels)
            loss.backward()
            optimizer.step()
            running_loss += loss.item()
        else:
            test_loss = 0
            accuracy = 0
            with torch.no_grad():
                model.eval()
                for images, labels in testloader:
                    log_ps = model(images)
                    test_loss += criterion(log_ps, labels)
                    ps = torch.exp(log_ps)
                    top_p, top_class = ps.topk(1, dim=1)
                    equals = top_class == labels.view(*top_class.shape)
                    accuracy += torch.mean(equals.type(torch.FloatTensor))
            model.train()
            train_losses.append(running_loss / len(trainloader))
            test_losses.append(test_loss / len(testloader))
            log("Epoch: {}/{}.. ".format(e + 1, epochs),
                "Training Loss: {:.3f}.. ".format(train_losses[-1]),
                "Test Loss: {:.3f}.. ".format(test_losses[-1]),
                "Test Accuracy: {:.3f}".format(accuracy / len(testloader)))
    model.eval()
    dataiter = iter(testloader)
    images, labels = next(dataiter)
    img = images[0]
    img = img.view(1, 784)
    with torch.no_grad():
        output = model.forward(img)
    ps = torch.exp(output)
    log(ps)


# fc_model.py
class Network(nn.Module):
    def __init__(self, input_size, output_size, hidden_layers, drop_p=0.5):
        super().__init__()
        self.hidden_layers = nn.ModuleList([nn.Linear(input_size, hidden_layers[0])])
        layer_sizes = zip(hidden_layers[:-1], hidden_layers[1:])
        self.hidden_layers.extend([nn.Linear(h1, h2) for h1, h2 in layer_sizes])
        self.output = nn.Linear(hidden_layers[-1], output_size)
        self.dropout = nn.Dropout(p=drop_p)

    def forward(self, x):
        for each in self.hidden_layers:
            x = F.relu(each(x))
            x = self.dropout(x)
        x = self.output(x)
        return F.log_softmax(x, dim=1)


def validation(model, testloader, criterion):
    accuracy = 0
    test_loss = 0
    for images, labels in testloader:
        images = images.resize_(images.size()[0], 784)
        output = model.forward(images)
        test_loss += criterion(output, labels).item()
        ps = torch.exp(output)
        equality = (labels.data == ps.max(1)[1])
        accuracy += equality.type_as(torch.FloatTensor()).mean()
    return test_loss, accuracy


def train(model, trainloader, testloader, criterion, optimizer, epochs=5, print_every=40):
    steps = 0
    running_loss = 0
    for e in range(epochs):
        model.train()
        for images, labels in trainloader:
            steps += 1
            images.resize_(images.size()[0], 784)
            optimizer.zero_grad()
            output = model.forward(images)
            loss = criterion(output, labels)
            loss.backward()
            optimizer.step()
            running_loss += loss.item()
            if steps % print_every == 0:
                model.eval()
                with torch.no_grad():
                    test_loss, accuracy = validation(model, testloader, criterion)
                log("Epoch: {}/{}.. ".format(e + 1, epochs),
                    "Training Loss: {:.3f}.. ".format(running_loss / print_every),
                    "Test Loss: {:.3f}.. ".format(test_loss / len(testloader)),
                    "Test Accuracy: {:.3f}".format(accuracy / len(testloader)))
                running_loss = 0
                model.train()


def part6(d):
    torch.manual_seed(0)
    trainloader, testloader = fake_mnist(192, 64)
    image, label = next(iter(trainloader))
    log(image[0, :].shape)
    model = Network(784, 10, [512, 256, 128])
    criterion = nn.NLLLoss()
    optimizer = optim.Adam(model.parameters(), lr=0.001)
    train(model, trainloader, testloader, criterion, optimizer, epochs=2, print_every=2)
    log("Our model: \n\n", model, '\n')
    log("The state dict keys: \n\n", js(list(model.state_dict().keys())))
    torch.save(model.state_dict(), os.path.join(d, 'checkpoint.pth'))
    state_dict = torch.load(os.path.join(d, 'checkpoint.pth'))
    log(js(list(state_dict.keys())))
    log(model.load_state_dict(state_dict))
    model = Network(784, 10, [400, 200, 100])
    try:
        model.load_state_dict(state_dict)
    except RuntimeError as e:
        log(type(e).__name__ + ": " + str(e))
    checkpoint = {'input_size': 784,
                  'output_size': 10,
                  'hidden_layers': [each.out_features for each in model.hidden_layers],
                  'state_dict': model.state_dict()}
    torch.save(checkpoint, os.path.join(d, 'checkpoint.pth'))

    def load_checkpoint(filepath):
        checkpoint = torch.load(filepath)
        model = Network(checkpoint['input_size'], checkpoint['output_size'], checkpoint['hidden_layers'])
        model.load_state_dict(checkpoint['state_dict'])
        return model

    model = load_checkpoint(os.path.join(d, 'checkpoint.pth'))
    log(model)


def cat_dog_data(d):
    torch.manual_seed(0)
    to_pil = transforms.ToPILImage()
    sizes = [[40, 52], [48, 48], [56, 44], [45, 60]]
    for split, n in [['train', 4], ['test', 2]]:
        for cls in ['cat', 'dog']:
            os.makedirs(f"{d}/Cat_Dog_data/{split}/{cls}", exist_ok=True)
            for i in range(n):
                h, w = sizes[i]
                to_pil(torch.rand(3, h, w)).save(f"{d}/Cat_Dog_data/{split}/{cls}/{cls}.{i}.png")


def part7(d):
    cat_dog_data(d)
    data_dir = d + '/Cat_Dog_data/train'
    transform = transforms.Compose([transforms.Resize(40), transforms.CenterCrop(32), transforms.ToTensor()])
    dataset = datasets.ImageFolder(data_dir, transform=transform)
    dataloader = torch.utils.data.DataLoader(dataset, batch_size=32, shuffle=True)
    images, labels = next(iter(dataloader))
    log(images.shape, labels)
    log(images.mean([1, 2, 3]))
    data_dir = d + '/Cat_Dog_data'
    train_transforms = transforms.Compose([transforms.RandomRotation(30),
                                           transforms.RandomResizedCrop(32),
                                           transforms.RandomHorizontalFlip(),
                                           transforms.ToTensor()])
    test_transforms = transforms.Compose([transforms.Resize(40), transforms.CenterCrop(32), transforms.ToTensor()])
    train_data = datasets.ImageFolder(data_dir + '/train', transform=train_transforms)
    test_data = datasets.ImageFolder(data_dir + '/test', transform=test_transforms)
    trainloader = torch.utils.data.DataLoader(train_data, batch_size=32)
    testloader = torch.utils.data.DataLoader(test_data, batch_size=32)
    images, labels = next(iter(testloader))
    for ii in range(4):
        log(images[ii].shape, images[ii].mean(), images[ii].std())
    images, labels = next(iter(trainloader))
    for ii in range(4):
        log(images[ii].shape, images[ii].mean(), images[ii].std())


def part8(d):
    cat_dog_data(d)
    data_dir = d + '/Cat_Dog_data'
    train_transforms = transforms.Compose([transforms.RandomRotation(30),
                                           transforms.RandomResizedCrop(32),
                                           transforms.RandomHorizontalFlip(),
                                           transforms.ToTensor(),
                                           transforms.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])])
    test_transforms = transforms.Compose([transforms.Resize(40),
                                          transforms.CenterCrop(32),
                                          transforms.ToTensor(),
                                          transforms.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])])
    train_data = datasets.ImageFolder(data_dir + '/train', transform=train_transforms)
    test_data = datasets.ImageFolder(data_dir + '/test', transform=test_transforms)
    trainloader = torch.utils.data.DataLoader(train_data, batch_size=4, shuffle=True)
    testloader = torch.utils.data.DataLoader(test_data, batch_size=4)
    model = models.mobilenet_v2()
    log(model)
    for param in model.parameters():
        param.requires_grad = False
    classifier = nn.Sequential(OrderedDict([
        ('fc1', nn.Linear(1280, 500)),
        ('relu', nn.ReLU()),
        ('fc2', nn.Linear(500, 2)),
        ('output', nn.LogSoftmax(dim=1))
    ]))
    model.classifier = classifier
    for device in ['cpu']:
        criterion = nn.NLLLoss()
        optimizer = optim.Adam(model.classifier.parameters(), lr=0.001)
        model.to(device)
        for ii, (inputs, labels) in enumerate(trainloader):
            inputs, labels = inputs.to(device), labels.to(device)
            outputs = model.forward(inputs)
            loss = criterion(outputs, labels)
            log(loss)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            if ii == 3:
                break
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    model = models.mobilenet_v2()
    for param in model.parameters():
        param.requires_grad = False
    model.classifier = nn.Sequential(nn.Linear(1280, 256),
                                     nn.ReLU(),
                                     nn.Dropout(0.2),
                                     nn.Linear(256, 2),
                                     nn.LogSoftmax(dim=1))
    criterion = nn.NLLLoss()
    optimizer = optim.Adam(model.classifier.parameters(), lr=0.003)
    model.to(device)
    epochs = 1
    steps = 0
    running_loss = 0
    print_every = 1
    for epoch in range(epochs):
        for inputs, labels in trainloader:
            steps += 1
            inputs, labels = inputs.to(device), labels.to(device)
            logps = model.forward(inputs)
            loss = criterion(logps, labels)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            running_loss += loss.item()
            if steps % print_every == 0:
                test_loss = 0
                accuracy = 0
                model.eval()
                with torch.no_grad():
                    for inputs, labels in testloader:
                        inputs, labels = inputs.to(device), labels.to(device)
                        logps = model.forward(inputs)
                        batch_loss = criterion(logps, labels)
                        test_loss += batch_loss.item()
                        ps = torch.exp(logps)
                        top_p, top_class = ps.topk(1, dim=1)
                        equals = top_class == labels.view(*top_class.shape)
                        accuracy += torch.mean(equals.type(torch.FloatTensor)).item()
                log(f"Epoch {epoch+1}/{epochs}.. "
                    f"Train loss: {running_loss/print_every:.3f}.. "
                    f"Test loss: {test_loss/len(testloader):.3f}.. "
                    f"Test accuracy: {accuracy/len(testloader):.3f}")
                running_loss = 0
                model.train()


def main():
    d = tempfile.mkdtemp()
    try:
        out = {
            "part1": section(part1),
            "part2": section(part2),
            "part3": section(part3),
            "part4": section(part4),
            "part5": section(part5),
            "part6": section(part6, d),
            "part7": section(part7, d),
            "part8": section(part8, d),
        }
    finally:
        shutil.rmtree(d)
    print(write_json(out, "udacity.json"))


if __name__ == "__main__":
    main()
