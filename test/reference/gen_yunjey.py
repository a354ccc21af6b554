"""Fixtures for the ports of yunjey/pytorch-tutorial (tutorials/01-basics, 02-intermediate, 03-advanced;
MIT licence) in test/tutorials/yunjey_*.test.ts.

Each function is one tutorial's main.py as PyTorch 1.13 runs it, with what cannot run here changed alike
on both sides: MNIST and CIFAR-10 are torchvision's FakeData (seeded item by item, the same images in
torchlab), sizes, epochs and logging intervals are reduced, a manual_seed is added where the tutorial
draws random numbers, plots are dropped, pretrained weights are not downloaded (resnet18() and a small
VGG-like net instead of vgg19(pretrained=True)), and the language model reads test/reference/yunjey_train.txt
(a few lines in Penn Treebank's style: the repository's data/train.txt is not in the mirror).
Writes test/reference/yunjey.json: {tutorial: {name: value}}.
"""
import os
import sys
import tempfile

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision
import torchvision.transforms as transforms
from torch.nn.utils import clip_grad_norm_
from torchvision.utils import save_image

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _tutorial_common import HERE, err, write_json  # noqa: E402

OUT = {}
device = torch.device('cpu')


def printer():
    printed = []
    return printed, lambda *a: printed.append(" ".join(str(x) for x in a))


def vals(t):
    return [float(v) for v in t.detach().reshape(-1).tolist()]


def mnist(train, size):
    """The MNIST stand-in: FakeData with MNIST's image size (train and test differ by random_offset)."""
    return torchvision.datasets.FakeData(size=size, image_size=(1, 28, 28), num_classes=10,
                                         transform=transforms.ToTensor(), random_offset=0 if train else 1000)


def pytorch_basics():
    printed, print = printer()
    torch.manual_seed(0)
    # 1. Basic autograd example 1
    x = torch.tensor(1., requires_grad=True)
    w = torch.tensor(2., requires_grad=True)
    b = torch.tensor(3., requires_grad=True)
    y = w * x + b
    y.backward()
    print(x.grad)
    print(w.grad)
    print(b.grad)
    # 2. Basic autograd example 2
    x = torch.randn(10, 3)
    y = torch.randn(10, 2)
    linear = nn.Linear(3, 2)
    print('w: ', linear.weight)
    print('b: ', linear.bias)
    criterion = nn.MSELoss()
    optimizer = torch.optim.SGD(linear.parameters(), lr=0.01)
    pred = linear(x)
    loss = criterion(pred, y)
    print('loss: ', loss.item())
    loss.backward()
    print('dL/dw: ', linear.weight.grad)
    print('dL/db: ', linear.bias.grad)
    optimizer.step()
    pred = linear(x)
    loss = criterion(pred, y)
    print('loss after 1 step optimization: ', loss.item())
    # 3. Loading data from numpy
    x = np.array([[1, 2], [3, 4]])
    y = torch.from_numpy(x)
    z = y.numpy()
    print(y)
    print(z.dtype, z.shape, z.tolist())
    # 4. Input pipeline (CIFAR-10: FakeData)
    train_dataset = torchvision.datasets.FakeData(size=100, image_size=(3, 32, 32), num_classes=10,
                                                  transform=transforms.ToTensor())
    image, label = train_dataset[0]
    print(image.size())
    print(label)
    train_loader = torch.utils.data.DataLoader(dataset=train_dataset, batch_size=64, shuffle=True)
    data_iter = iter(train_loader)
    next_err = err(lambda: data_iter.next())  # the tutorial's Python 2 spelling: gone in 1.13
    images, labels = next(data_iter)
    print(images.size(), labels)
    for images, labels in train_loader:
        pass
    print(images.size())

    # 5. Input pipeline for custom dataset
    class CustomDataset(torch.utils.data.Dataset):
        def __init__(self):
            pass

        def __getitem__(self, index):
            pass

        def __len__(self):
            return 0

    custom_dataset = CustomDataset()
    custom_err = err(lambda: torch.utils.data.DataLoader(dataset=custom_dataset, batch_size=64, shuffle=True))
    # 6. Pretrained model (no download: resnet18 with torchvision's initialisation)
    resnet = torchvision.models.resnet18()
    for param in resnet.parameters():
        param.requires_grad = False
    resnet.fc = nn.Linear(resnet.fc.in_features, 100)
    images = torch.randn(2, 3, 64, 64)
    outputs = resnet(images)
    print(outputs.size())
    trainable = [n for n, p in resnet.named_parameters() if p.requires_grad]
    # 7. Save and load the model
    with tempfile.TemporaryDirectory() as d:
        torch.save(resnet, os.path.join(d, 'model.ckpt'))
        model = torch.load(os.path.join(d, 'model.ckpt'))
        torch.save(resnet.state_dict(), os.path.join(d, 'params.ckpt'))
        loaded = resnet.load_state_dict(torch.load(os.path.join(d, 'params.ckpt')))
    print(loaded)
    print(type(model).__name__, model.fc)
    OUT["pytorch_basics"] = {"printed": printed, "next_err": next_err, "custom_err": custom_err,
                             "outputs": vals(outputs), "trainable": trainable}


def linear_regression():
    printed, print = printer()
    torch.manual_seed(0)
    input_size = 1
    output_size = 1
    num_epochs = 60
    learning_rate = 0.001
    x_train = np.array([[3.3], [4.4], [5.5], [6.71], [6.93], [4.168],
                        [9.779], [6.182], [7.59], [2.167], [7.042],
                        [10.791], [5.313], [7.997], [3.1]], dtype=np.float32)
    y_train = np.array([[1.7], [2.76], [2.09], [3.19], [1.694], [1.573],
                        [3.366], [2.596], [2.53], [1.221], [2.827],
                        [3.465], [1.65], [2.904], [1.3]], dtype=np.float32)
    model = nn.Linear(input_size, output_size)
    criterion = nn.MSELoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)
    for epoch in range(num_epochs):
        inputs = torch.from_numpy(x_train)
        targets = torch.from_numpy(y_train)
        outputs = model(inputs)
        loss = criterion(outputs, targets)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if (epoch+1) % 5 == 0:
            print('Epoch [{}/{}], Loss: {:.4f}'.format(epoch+1, num_epochs, loss.item()))
    predicted = model(torch.from_numpy(x_train)).detach().numpy()
    OUT["linear_regression"] = {"printed": printed, "predicted": [float(v) for v in predicted.reshape(-1)],
                                "predicted_dtype": str(predicted.dtype)}


def classifier(name, make_model, make_optimizer, reshape, *, train_size=200, test_size=100, batch_size=50,
               num_epochs=2, log_every=2, item=True, eval_mode=False, fmt='Epoch [{}/{}], Step [{}/{}], Loss: {:.4f}',
               acc='Accuracy of the network on the 10000 test images: {} %'):
    """The training and test loops logistic_regression, feedforward, CNN, RNN and BiRNN share (each as its
    main.py writes them; the differences are the arguments)."""
    printed, print = printer()
    torch.manual_seed(0)
    train_dataset = mnist(True, train_size)
    test_dataset = mnist(False, test_size)
    train_loader = torch.utils.data.DataLoader(dataset=train_dataset, batch_size=batch_size, shuffle=True)
    test_loader = torch.utils.data.DataLoader(dataset=test_dataset, batch_size=batch_size, shuffle=False)
    model = make_model()
    print(model)
    criterion = nn.CrossEntropyLoss()
    optimizer = make_optimizer(model)
    total_step = len(train_loader)
    for epoch in range(num_epochs):
        for i, (images, labels) in enumerate(train_loader):
            images = reshape(images).to(device)
            labels = labels.to(device)
            outputs = model(images)
            loss = criterion(outputs, labels)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            if (i+1) % log_every == 0:
                print(fmt.format(epoch+1, num_epochs, i+1, total_step, loss.item()))
    if eval_mode:
        model.eval()
    with torch.no_grad():
        correct = 0
        total = 0
        for images, labels in test_loader:
            images = reshape(images).to(device)
            labels = labels.to(device)
            outputs = model(images)
            _, predicted = torch.max(outputs.data, 1)
            total += labels.size(0)
            correct += (predicted == labels).sum().item() if item else (predicted == labels).sum()
        print(acc.format(100 * correct / total))
    OUT[name] = {"printed": printed}


def logistic_regression():
    input_size = 28 * 28
    classifier("logistic_regression", lambda: nn.Linear(input_size, 10),
               lambda m: torch.optim.SGD(m.parameters(), lr=0.001), lambda x: x.reshape(-1, input_size),
               item=False, acc='Accuracy of the model on the 10000 test images: {} %')


class NeuralNet(nn.Module):
    def __init__(self, input_size, hidden_size, num_classes):
        super(NeuralNet, self).__init__()
        self.fc1 = nn.Linear(input_size, hidden_size)
        self.relu = nn.ReLU()
        self.fc2 = nn.Linear(hidden_size, num_classes)

    def forward(self, x):
        out = self.fc1(x)
        out = self.relu(out)
        out = self.fc2(out)
        return out


def feedforward_neural_network():
    classifier("feedforward_neural_network", lambda: NeuralNet(784, 500, 10).to(device),
               lambda m: torch.optim.Adam(m.parameters(), lr=0.001), lambda x: x.reshape(-1, 28*28))


class ConvNet(nn.Module):
    def __init__(self, num_classes=10):
        super(ConvNet, self).__init__()
        self.layer1 = nn.Sequential(
            nn.Conv2d(1, 16, kernel_size=5, stride=1, padding=2),
            nn.BatchNorm2d(16),
            nn.ReLU(),
            nn.MaxPool2d(kernel_size=2, stride=2))
        self.layer2 = nn.Sequential(
            nn.Conv2d(16, 32, kernel_size=5, stride=1, padding=2),
            nn.BatchNorm2d(32),
            nn.ReLU(),
            nn.MaxPool2d(kernel_size=2, stride=2))
        self.fc = nn.Linear(7*7*32, num_classes)

    def forward(self, x):
        out = self.layer1(x)
        out = self.layer2(out)
        out = out.reshape(out.size(0), -1)
        out = self.fc(out)
        return out


def convolutional_neural_network():
    classifier("convolutional_neural_network", lambda: ConvNet(10).to(device),
               lambda m: torch.optim.Adam(m.parameters(), lr=0.001), lambda x: x, train_size=100, test_size=50,
               num_epochs=1, log_every=1, eval_mode=True,
               acc='Test Accuracy of the model on the 10000 test images: {} %')


class RNN(nn.Module):
    def __init__(self, input_size, hidden_size, num_layers, num_classes, bidirectional=False):
        super(RNN, self).__init__()
        self.hidden_size = hidden_size
        self.num_layers = num_layers
        self.lstm = nn.LSTM(input_size, hidden_size, num_layers, batch_first=True, bidirectional=bidirectional)
        self.fc = nn.Linear(hidden_size * (2 if bidirectional else 1), num_classes)
        self.d = 2 if bidirectional else 1

    def forward(self, x):
        h0 = torch.zeros(self.num_layers*self.d, x.size(0), self.hidden_size).to(device)
        c0 = torch.zeros(self.num_layers*self.d, x.size(0), self.hidden_size).to(device)
        out, _ = self.lstm(x, (h0, c0))
        out = self.fc(out[:, -1, :])
        return out


def recurrent_neural_network():
    classifier("recurrent_neural_network", lambda: RNN(28, 32, 2, 10).to(device),
               lambda m: torch.optim.Adam(m.parameters(), lr=0.01), lambda x: x.reshape(-1, 28, 28),
               train_size=100, test_size=50, num_epochs=1, log_every=1, eval_mode=True,
               acc='Test Accuracy of the model on the 10000 test images: {} %')


def bidirectional_recurrent_neural_network():
    classifier("bidirectional_recurrent_neural_network", lambda: RNN(28, 32, 2, 10, True).to(device),
               lambda m: torch.optim.Adam(m.parameters(), lr=0.003), lambda x: x.reshape(-1, 28, 28),
               train_size=60, test_size=30, batch_size=30, num_epochs=1, log_every=1,
               acc='Test Accuracy of the model on the 10000 test images: {} %')


def conv3x3(in_channels, out_channels, stride=1):
    return nn.Conv2d(in_channels, out_channels, kernel_size=3, stride=stride, padding=1, bias=False)


class ResidualBlock(nn.Module):
    def __init__(self, in_channels, out_channels, stride=1, downsample=None):
        super(ResidualBlock, self).__init__()
        self.conv1 = conv3x3(in_channels, out_channels, stride)
        self.bn1 = nn.BatchNorm2d(out_channels)
        self.relu = nn.ReLU(inplace=True)
        self.conv2 = conv3x3(out_channels, out_channels)
        self.bn2 = nn.BatchNorm2d(out_channels)
        self.downsample = downsample

    def forward(self, x):
        residual = x
        out = self.conv1(x)
        out = self.bn1(out)
        out = self.relu(out)
        out = self.conv2(out)
        out = self.bn2(out)
        if self.downsample:
            residual = self.downsample(x)
        out += residual
        out = self.relu(out)
        return out


class ResNet(nn.Module):
    def __init__(self, block, layers, num_classes=10):
        super(ResNet, self).__init__()
        self.in_channels = 16
        self.conv = conv3x3(3, 16)
        self.bn = nn.BatchNorm2d(16)
        self.relu = nn.ReLU(inplace=True)
        self.layer1 = self.make_layer(block, 16, layers[0])
        self.layer2 = self.make_layer(block, 32, layers[1], 2)
        self.layer3 = self.make_layer(block, 64, layers[2], 2)
        self.avg_pool = nn.AvgPool2d(8)
        self.fc = nn.Linear(64, num_classes)

    def make_layer(self, block, out_channels, blocks, stride=1):
        downsample = None
        if (stride != 1) or (self.in_channels != out_channels):
            downsample = nn.Sequential(
                conv3x3(self.in_channels, out_channels, stride=stride),
                nn.BatchNorm2d(out_channels))
        layers = []
        layers.append(block(self.in_channels, out_channels, stride, downsample))
        self.in_channels = out_channels
        for i in range(1, blocks):
            layers.append(block(out_channels, out_channels))
        return nn.Sequential(*layers)

    def forward(self, x):
        out = self.conv(x)
        out = self.bn(out)
        out = self.relu(out)
        out = self.layer1(out)
        out = self.layer2(out)
        out = self.layer3(out)
        out = self.avg_pool(out)
        out = out.view(out.size(0), -1)
        out = self.fc(out)
        return out


def deep_residual_network():
    printed, print = printer()
    torch.manual_seed(0)
    num_epochs = 2
    batch_size = 10
    learning_rate = 0.001
    transform = transforms.Compose([
        transforms.Pad(4),
        transforms.RandomHorizontalFlip(),
        transforms.RandomCrop(32),
        transforms.ToTensor()])
    train_dataset = torchvision.datasets.FakeData(size=20, image_size=(3, 32, 32), transform=transform)
    test_dataset = torchvision.datasets.FakeData(size=10, image_size=(3, 32, 32), transform=transforms.ToTensor(),
                                                 random_offset=1000)
    train_loader = torch.utils.data.DataLoader(dataset=train_dataset, batch_size=batch_size, shuffle=True)
    test_loader = torch.utils.data.DataLoader(dataset=test_dataset, batch_size=batch_size, shuffle=False)
    first = next(iter(train_loader))[0]
    model = ResNet(ResidualBlock, [1, 1, 1]).to(device)
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate)

    def update_lr(optimizer, lr):
        for param_group in optimizer.param_groups:
            param_group['lr'] = lr

    total_step = len(train_loader)
    curr_lr = learning_rate
    for epoch in range(num_epochs):
        for i, (images, labels) in enumerate(train_loader):
            images = images.to(device)
            labels = labels.to(device)
            outputs = model(images)
            loss = criterion(outputs, labels)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            if (i+1) % 1 == 0:
                print("Epoch [{}/{}], Step [{}/{}] Loss: {:.4f}"
                      .format(epoch+1, num_epochs, i+1, total_step, loss.item()))
        if (epoch+1) % 1 == 0:
            curr_lr /= 3
            update_lr(optimizer, curr_lr)
    print(optimizer.param_groups[0]['lr'])
    model.eval()
    with torch.no_grad():
        correct = 0
        total = 0
        for images, labels in test_loader:
            images = images.to(device)
            labels = labels.to(device)
            outputs = model(images)
            _, predicted = torch.max(outputs.data, 1)
            total += labels.size(0)
            correct += (predicted == labels).sum().item()
        print('Accuracy of the model on the test images: {} %'.format(100 * correct / total))
    OUT["deep_residual_network"] = {"printed": printed, "first_batch": vals(first[:2, :, :6, :6]),
                                    "outputs": vals(outputs)}


class Dictionary(object):
    def __init__(self):
        self.word2idx = {}
        self.idx2word = {}
        self.idx = 0

    def add_word(self, word):
        if not word in self.word2idx:  # noqa: E713 - the tutorial's spelling
            self.word2idx[word] = self.idx
            self.idx2word[self.idx] = word
            self.idx += 1

    def __len__(self):
        return len(self.word2idx)


class Corpus(object):
    def __init__(self):
        self.dictionary = Dictionary()

    def get_data(self, path, batch_size=20):
        with open(path, 'r') as f:
            tokens = 0
            for line in f:
                words = line.split() + ['<eos>']
                tokens += len(words)
                for word in words:
                    self.dictionary.add_word(word)
        ids = torch.LongTensor(tokens)
        token = 0
        with open(path, 'r') as f:
            for line in f:
                words = line.split() + ['<eos>']
                for word in words:
                    ids[token] = self.dictionary.word2idx[word]
                    token += 1
        num_batches = ids.size(0) // batch_size
        ids = ids[:num_batches*batch_size]
        return ids.view(batch_size, -1)


class RNNLM(nn.Module):
    def __init__(self, vocab_size, embed_size, hidden_size, num_layers):
        super(RNNLM, self).__init__()
        self.embed = nn.Embedding(vocab_size, embed_size)
        self.lstm = nn.LSTM(embed_size, hidden_size, num_layers, batch_first=True)
        self.linear = nn.Linear(hidden_size, vocab_size)

    def forward(self, x, h):
        x = self.embed(x)
        out, (h, c) = self.lstm(x, h)
        out = out.reshape(out.size(0)*out.size(1), out.size(2))
        out = self.linear(out)
        return out, (h, c)


def language_model():
    printed, print = printer()
    torch.manual_seed(0)
    embed_size = 16
    hidden_size = 32
    num_layers = 1
    num_epochs = 2
    num_samples = 20
    batch_size = 4
    seq_length = 5
    learning_rate = 0.002
    corpus = Corpus()
    ids = corpus.get_data(os.path.join(HERE, 'yunjey_train.txt'), batch_size)
    vocab_size = len(corpus.dictionary)
    num_batches = ids.size(1) // seq_length
    print(ids.size(), vocab_size, num_batches)
    model = RNNLM(vocab_size, embed_size, hidden_size, num_layers).to(device)
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate)

    def detach(states):
        return [state.detach() for state in states]

    for epoch in range(num_epochs):
        states = (torch.zeros(num_layers, batch_size, hidden_size).to(device),
                  torch.zeros(num_layers, batch_size, hidden_size).to(device))
        for i in range(0, ids.size(1) - seq_length, seq_length):
            inputs = ids[:, i:i+seq_length].to(device)
            targets = ids[:, (i+1):(i+1)+seq_length].to(device)
            states = detach(states)
            outputs, states = model(inputs, states)
            loss = criterion(outputs, targets.reshape(-1))
            optimizer.zero_grad()
            loss.backward()
            clip_grad_norm_(model.parameters(), 0.5)
            optimizer.step()
            step = (i+1) // seq_length
            if step % 2 == 0:
                print('Epoch [{}/{}], Step[{}/{}], Loss: {:.4f}, Perplexity: {:5.2f}'
                      .format(epoch+1, num_epochs, step, num_batches, loss.item(), np.exp(loss.item())))
    sample = []
    with torch.no_grad():
        state = (torch.zeros(num_layers, 1, hidden_size).to(device),
                 torch.zeros(num_layers, 1, hidden_size).to(device))
        prob = torch.ones(vocab_size)
        input = torch.multinomial(prob, num_samples=1).unsqueeze(1).to(device)
        for i in range(num_samples):
            output, state = model(input, state)
            prob = output.exp()
            word_id = torch.multinomial(prob, num_samples=1).item()
            input.fill_(word_id)
            word = corpus.dictionary.idx2word[word_id]
            word = '\n' if word == '<eos>' else word + ' '
            sample.append(word)
            if (i+1) % 10 == 0:
                print('Sampled [{}/{}] words and save to {}'.format(i+1, num_samples, 'sample.txt'))
    OUT["language_model"] = {"printed": printed, "ids": vals(ids[:, :8]), "sample": "".join(sample),
                             "idx2word": [corpus.dictionary.idx2word[i] for i in range(12)]}


def generative_adversarial_network(sample_dir):
    printed, print = printer()
    torch.manual_seed(0)
    latent_size = 16
    hidden_size = 32
    image_size = 784
    num_epochs = 2
    batch_size = 50
    transform = transforms.Compose([
        transforms.ToTensor(),
        transforms.Normalize(mean=[0.5], std=[0.5])])
    mnist_ = torchvision.datasets.FakeData(size=100, image_size=(1, 28, 28), transform=transform)
    data_loader = torch.utils.data.DataLoader(dataset=mnist_, batch_size=batch_size, shuffle=True)
    D = nn.Sequential(
        nn.Linear(image_size, hidden_size),
        nn.LeakyReLU(0.2),
        nn.Linear(hidden_size, hidden_size),
        nn.LeakyReLU(0.2),
        nn.Linear(hidden_size, 1),
        nn.Sigmoid())
    G = nn.Sequential(
        nn.Linear(latent_size, hidden_size),
        nn.ReLU(),
        nn.Linear(hidden_size, hidden_size),
        nn.ReLU(),
        nn.Linear(hidden_size, image_size),
        nn.Tanh())
    D = D.to(device)
    G = G.to(device)
    criterion = nn.BCELoss()
    d_optimizer = torch.optim.Adam(D.parameters(), lr=0.0002)
    g_optimizer = torch.optim.Adam(G.parameters(), lr=0.0002)

    def denorm(x):
        out = (x + 1) / 2
        return out.clamp(0, 1)

    def reset_grad():
        d_optimizer.zero_grad()
        g_optimizer.zero_grad()

    total_step = len(data_loader)
    for epoch in range(num_epochs):
        for i, (images, _) in enumerate(data_loader):
            images = images.reshape(batch_size, -1).to(device)
            real_labels = torch.ones(batch_size, 1).to(device)
            fake_labels = torch.zeros(batch_size, 1).to(device)
            outputs = D(images)
            d_loss_real = criterion(outputs, real_labels)
            real_score = outputs
            z = torch.randn(batch_size, latent_size).to(device)
            fake_images = G(z)
            outputs = D(fake_images)
            d_loss_fake = criterion(outputs, fake_labels)
            fake_score = outputs
            d_loss = d_loss_real + d_loss_fake
            reset_grad()
            d_loss.backward()
            d_optimizer.step()
            z = torch.randn(batch_size, latent_size).to(device)
            fake_images = G(z)
            outputs = D(fake_images)
            g_loss = criterion(outputs, real_labels)
            reset_grad()
            g_loss.backward()
            g_optimizer.step()
            if (i+1) % 1 == 0:
                print('Epoch [{}/{}], Step [{}/{}], d_loss: {:.4f}, g_loss: {:.4f}, D(x): {:.2f}, D(G(z)): {:.2f}'
                      .format(epoch, num_epochs, i+1, total_step, d_loss.item(), g_loss.item(),
                              real_score.mean().item(), fake_score.mean().item()))
        if (epoch+1) == 1:
            images = images.reshape(images.size(0), 1, 28, 28)
            save_image(denorm(images), os.path.join(sample_dir, 'real_images.png'))
        fake_images = fake_images.reshape(fake_images.size(0), 1, 28, 28)
        save_image(denorm(fake_images), os.path.join(sample_dir, 'fake_images-{}.png'.format(epoch+1)))
    grid = torchvision.utils.make_grid(denorm(fake_images))
    OUT["generative_adversarial_network"] = {"printed": printed, "grid_shape": list(grid.shape),
                                             "grid": vals(grid[:, 30:32, 30:34])}


class VAE(nn.Module):
    def __init__(self, image_size=784, h_dim=400, z_dim=20):
        super(VAE, self).__init__()
        self.fc1 = nn.Linear(image_size, h_dim)
        self.fc2 = nn.Linear(h_dim, z_dim)
        self.fc3 = nn.Linear(h_dim, z_dim)
        self.fc4 = nn.Linear(z_dim, h_dim)
        self.fc5 = nn.Linear(h_dim, image_size)

    def encode(self, x):
        h = F.relu(self.fc1(x))
        return self.fc2(h), self.fc3(h)

    def reparameterize(self, mu, log_var):
        std = torch.exp(log_var/2)
        eps = torch.randn_like(std)
        return mu + eps * std

    def decode(self, z):
        h = F.relu(self.fc4(z))
        return F.sigmoid(self.fc5(h))

    def forward(self, x):
        mu, log_var = self.encode(x)
        z = self.reparameterize(mu, log_var)
        x_reconst = self.decode(z)
        return x_reconst, mu, log_var


def variational_autoencoder(sample_dir):
    printed, print = printer()
    torch.manual_seed(0)
    image_size = 784
    h_dim = 64
    z_dim = 8
    num_epochs = 2
    batch_size = 32
    learning_rate = 1e-3
    dataset = torchvision.datasets.FakeData(size=64, image_size=(1, 28, 28), transform=transforms.ToTensor())
    data_loader = torch.utils.data.DataLoader(dataset=dataset, batch_size=batch_size, shuffle=True)
    model = VAE(image_size, h_dim, z_dim).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate)
    for epoch in range(num_epochs):
        for i, (x, _) in enumerate(data_loader):
            x = x.to(device).view(-1, image_size)
            x_reconst, mu, log_var = model(x)
            reconst_loss = F.binary_cross_entropy(x_reconst, x, size_average=False)
            kl_div = - 0.5 * torch.sum(1 + log_var - mu.pow(2) - log_var.exp())
            loss = reconst_loss + kl_div
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            if (i+1) % 1 == 0:
                print("Epoch[{}/{}], Step [{}/{}], Reconst Loss: {:.4f}, KL Div: {:.4f}"
                      .format(epoch+1, num_epochs, i+1, len(data_loader), reconst_loss.item(), kl_div.item()))
        with torch.no_grad():
            z = torch.randn(batch_size, z_dim).to(device)
            out = model.decode(z).view(-1, 1, 28, 28)
            save_image(out, os.path.join(sample_dir, 'sampled-{}.png'.format(epoch+1)))
            out, _, _ = model(x)
            x_concat = torch.cat([x.view(-1, 1, 28, 28), out.view(-1, 1, 28, 28)], dim=3)
            save_image(x_concat, os.path.join(sample_dir, 'reconst-{}.png'.format(epoch+1)))
    OUT["variational_autoencoder"] = {"printed": printed, "x_concat_shape": list(x_concat.shape),
                                      "x_concat": vals(x_concat[0, 0, 10, 20:36])}


class VGGNet(nn.Module):
    def __init__(self):
        """Select conv1_1 ~ conv3_1 activation maps (of a small VGG-like net: no pretrained vgg19)."""
        super(VGGNet, self).__init__()
        self.select = ['0', '5', '10']
        self.vgg = nn.Sequential(
            nn.Conv2d(3, 8, 3, padding=1), nn.ReLU(inplace=True), nn.Conv2d(8, 8, 3, padding=1), nn.ReLU(inplace=True),
            nn.MaxPool2d(2, 2),
            nn.Conv2d(8, 16, 3, padding=1), nn.ReLU(inplace=True), nn.Conv2d(16, 16, 3, padding=1), nn.ReLU(inplace=True),
            nn.MaxPool2d(2, 2),
            nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(inplace=True))

    def forward(self, x):
        """Extract multiple convolutional feature maps."""
        features = []
        for name, layer in self.vgg._modules.items():
            x = layer(x)
            if name in self.select:
                features.append(x)
        return features


def neural_style_transfer():
    printed, print = printer()
    torch.manual_seed(0)

    class Config:
        total_step = 6
        log_step = 2
        sample_step = 3
        style_weight = 100
        lr = 0.003

    config = Config()
    transform = transforms.Compose([
        transforms.ToTensor(),
        transforms.Normalize(mean=(0.485, 0.456, 0.406), std=(0.229, 0.224, 0.225))])
    # load_image: the PNGs become seeded images of the same kind (PIL images, 3 channels)
    to_pil = transforms.ToPILImage()
    content = transform(to_pil(torch.rand(3, 24, 24))).unsqueeze(0).to(device)
    style = transform(to_pil(torch.rand(3, 24, 24))).unsqueeze(0).to(device)
    target = content.clone().requires_grad_(True)
    optimizer = torch.optim.Adam([target], lr=config.lr, betas=[0.5, 0.999])
    vgg = VGGNet().to(device).eval()
    for step in range(config.total_step):
        target_features = vgg(target)
        content_features = vgg(content)
        style_features = vgg(style)
        style_loss = 0
        content_loss = 0
        for f1, f2, f3 in zip(target_features, content_features, style_features):
            content_loss += torch.mean((f1 - f2)**2)
            _, c, h, w = f1.size()
            f1 = f1.view(c, h * w)
            f3 = f3.view(c, h * w)
            f1 = torch.mm(f1, f1.t())
            f3 = torch.mm(f3, f3.t())
            style_loss += torch.mean((f1 - f3)**2) / (c * h * w)
        loss = content_loss + config.style_weight * style_loss
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if (step+1) % config.log_step == 0:
            print('Step [{}/{}], Content Loss: {:.4f}, Style Loss: {:.4f}'
                  .format(step+1, config.total_step, content_loss.item(), style_loss.item()))
        if (step+1) % config.sample_step == 0:
            denorm = transforms.Normalize((-2.12, -2.04, -1.80), (4.37, 4.46, 4.44))
            img = target.clone().squeeze()
            img = denorm(img).clamp_(0, 1)
    OUT["neural_style_transfer"] = {"printed": printed, "img": vals(img[:, 5, 3:9]), "content": vals(content[0, :, 0, :4])}


def fakedata_pixels():
    """FakeData's images are standard normal values through ToPILImage: pic.mul(255).byte() wraps modulo 256."""
    img, label = torchvision.datasets.FakeData(size=1, image_size=(3, 4, 4))[0]
    pic = transforms.ToPILImage()(torch.tensor([[[-0.5, -0.001, 1.5, 1.0, -1.18, 3.92, 0.25]]]))
    OUT["fakedata_pixels"] = {"rgb": [list(p) for p in img.getdata()], "label": label, "wrapped": list(pic.getdata())}


if __name__ == "__main__":
    fakedata_pixels()
    pytorch_basics()
    linear_regression()
    logistic_regression()
    feedforward_neural_network()
    convolutional_neural_network()
    recurrent_neural_network()
    bidirectional_recurrent_neural_network()
    deep_residual_network()
    language_model()
    with tempfile.TemporaryDirectory() as d:
        generative_adversarial_network(d)
        variational_autoencoder(d)
    neural_style_transfer()
    write_json(OUT, "yunjey.json", newline=True)
