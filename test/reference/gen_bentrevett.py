"""Fixture for test/tutorials/bentrevett_notebook.test.ts: Ben Trevett's pytorch-image-classification
(bentrevett/pytorch-image-classification) 1_mlp, 2_lenet, 3_alexnet, 4_vgg and 5_resnet, each notebook's
code cells run on PyTorch 1.13 as IPython runs them (gen_uva.py's run_cells). The stand-ins are the
same on both sides: MNIST is a few IDX images written by the first cell, CIFAR10 / CUB200 a seeded
uint8 data set in torchvision's layout, tqdm / trange pass their iterable through, the pretrained
weights are a seeded init; the test's header lists what is shrunk and written differently."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _tutorial_common import write_json  # noqa: E402
from gen_uva import run_cells  # noqa: E402

import torch  # noqa: E402

IMPORTS = """import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
import torch.optim.lr_scheduler as lr_scheduler
from torch.optim.lr_scheduler import _LRScheduler
import torch.utils.data as data

import torchvision.transforms as transforms
import torchvision.datasets as datasets
import torchvision.models as models

import copy
from collections import namedtuple
import os
import random
import time


def tqdm(iterable, **kwargs):
    return iterable


def trange(n, **kwargs):
    return range(n)"""

# MNIST in torchvision's raw IDX layout: digit c is a bright bar whose row and column depend on c.
WRITE_MNIST = """def write_mnist(root, n_train, n_test):
    raw = os.path.join(root, 'MNIST', 'raw')
    os.makedirs(raw, exist_ok=True)
    for prefix, n, off in [('train', n_train, 0), ('t10k', n_test, 3)]:
        i = torch.arange(n).view(-1, 1, 1)
        r = torch.arange(28).view(1, -1, 1)
        q = torch.arange(28).view(1, 1, -1)
        c = (i * 7 + off) % 10
        v = (i * 31 + r * 7 + q * 13) % 23
        v = v + 200 * ((r >= 4 + 2 * c) & (r < 7 + 2 * c) & (q >= 3) & (q < 25))
        v = v + 50 * ((q >= 4 + 2 * (9 - c)) & (q < 6 + 2 * (9 - c)) & (r >= 3) & (r < 25))
        with open(os.path.join(raw, prefix + '-images-idx3-ubyte'), 'wb') as f:
            f.write(bytes(int_bytes([2051, n, 28, 28]) + v.clamp(max=255).flatten().tolist()))
        with open(os.path.join(raw, prefix + '-labels-idx1-ubyte'), 'wb') as f:
            f.write(bytes(int_bytes([2049, n]) + c.flatten().tolist()))


def int_bytes(values):
    return [b for v in values for b in v.to_bytes(4, 'big')]


write_mnist('.data', 100, 30)"""

MLP = [
    IMPORTS,
    WRITE_MNIST,
    """SEED = 1234

random.seed(SEED)
torch.manual_seed(SEED)
torch.cuda.manual_seed(SEED)
torch.backends.cudnn.deterministic = True""",
    """ROOT = '.data'

train_data = datasets.MNIST(root=ROOT,
                            train=True,
                            download=True)""",
    """mean = train_data.data.float().mean() / 255
std = train_data.data.float().std() / 255""",
    """print(f'Calculated mean: {mean}')
print(f'Calculated std: {std}')""",
    """train_transforms = transforms.Compose([
                            transforms.RandomRotation(5, fill=(0,)),
                            transforms.RandomCrop(28, padding=2),
                            transforms.ToTensor(),
                            transforms.Normalize(mean=[mean], std=[std])
                                      ])

test_transforms = transforms.Compose([
                           transforms.ToTensor(),
                           transforms.Normalize(mean=[mean], std=[std])
                                     ])""",
    """train_data = datasets.MNIST(root=ROOT,
                            train=True,
                            download=True,
                            transform=train_transforms)

test_data = datasets.MNIST(root=ROOT,
                           train=False,
                           download=True,
                           transform=test_transforms)""",
    """print(f'Number of training examples: {len(train_data)}')
print(f'Number of testing examples: {len(test_data)}')""",
    """N_IMAGES = 25

images = [image for image, label in [train_data[i] for i in range(N_IMAGES)]]

print(len(images), images[0].shape, images[3].sum())""",
    """VALID_RATIO = 0.9

n_train_examples = int(len(train_data) * VALID_RATIO)
n_valid_examples = len(train_data) - n_train_examples""",
    """train_data, valid_data = data.random_split(train_data,
                                           [n_train_examples, n_valid_examples])""",
    """print(f'Number of training examples: {len(train_data)}')
print(f'Number of validation examples: {len(valid_data)}')
print(f'Number of testing examples: {len(test_data)}')""",
    """valid_data = copy.deepcopy(valid_data)
valid_data.dataset.transform = test_transforms""",
    """N_IMAGES = 5

images = [image for image, label in [valid_data[i] for i in range(N_IMAGES)]]

print([image.sum().item() for image in images] == [image.sum().item() for image, label in [valid_data[i] for i in range(N_IMAGES)]])
print(train_data.dataset.transform is train_transforms, valid_data.dataset.transform is test_transforms)""",
    """BATCH_SIZE = 64

train_iterator = data.DataLoader(train_data,
                                 shuffle=True,
                                 batch_size=BATCH_SIZE)

valid_iterator = data.DataLoader(valid_data,
                                 batch_size=BATCH_SIZE)

test_iterator = data.DataLoader(test_data,
                                batch_size=BATCH_SIZE)""",
    """class MLP(nn.Module):
    def __init__(self, input_dim, output_dim):
        super().__init__()

        self.input_fc = nn.Linear(input_dim, 250)
        self.hidden_fc = nn.Linear(250, 100)
        self.output_fc = nn.Linear(100, output_dim)

    def forward(self, x):

        # x = [batch size, height, width]

        batch_size = x.shape[0]

        x = x.view(batch_size, -1)

        # x = [batch size, height * width]

        h_1 = F.relu(self.input_fc(x))

        # h_1 = [batch size, 250]

        h_2 = F.relu(self.hidden_fc(h_1))

        # h_2 = [batch size, 100]

        y_pred = self.output_fc(h_2)

        # y_pred = [batch size, output dim]

        return y_pred, h_2""",
    """INPUT_DIM = 28 * 28
OUTPUT_DIM = 10

model = MLP(INPUT_DIM, OUTPUT_DIM)""",
    """def count_parameters(model):
    return sum(p.numel() for p in model.parameters() if p.requires_grad)""",
    """print(f'The model has {count_parameters(model):,} trainable parameters')""",
    """optimizer = optim.Adam(model.parameters())""",
    """criterion = nn.CrossEntropyLoss()""",
    """device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')""",
    """model = model.to(device)
criterion = criterion.to(device)""",
    """def calculate_accuracy(y_pred, y):
    top_pred = y_pred.argmax(1, keepdim=True)
    correct = top_pred.eq(y.view_as(top_pred)).sum()
    acc = correct.float() / y.shape[0]
    return acc""",
    """def train(model, iterator, optimizer, criterion, device):

    epoch_loss = 0
    epoch_acc = 0

    model.train()

    for (x, y) in tqdm(iterator, desc="Training", leave=False):

        x = x.to(device)
        y = y.to(device)

        optimizer.zero_grad()

        y_pred, _ = model(x)

        loss = criterion(y_pred, y)

        acc = calculate_accuracy(y_pred, y)

        loss.backward()

        optimizer.step()

        epoch_loss += loss.item()
        epoch_acc += acc.item()

    return epoch_loss / len(iterator), epoch_acc / len(iterator)""",
    """def evaluate(model, iterator, criterion, device):

    epoch_loss = 0
    epoch_acc = 0

    model.eval()

    with torch.no_grad():

        for (x, y) in tqdm(iterator, desc="Evaluating", leave=False):

            x = x.to(device)
            y = y.to(device)

            y_pred, _ = model(x)

            loss = criterion(y_pred, y)

            acc = calculate_accuracy(y_pred, y)

            epoch_loss += loss.item()
            epoch_acc += acc.item()

    return epoch_loss / len(iterator), epoch_acc / len(iterator)""",
    """def epoch_time(start_time, end_time):
    elapsed_time = end_time - start_time
    elapsed_mins = int(elapsed_time / 60)
    elapsed_secs = int(elapsed_time - (elapsed_mins * 60))
    return elapsed_mins, elapsed_secs""",
    """EPOCHS = 2

best_valid_loss = float('inf')

for epoch in trange(EPOCHS):

    start_time = time.monotonic()

    train_loss, train_acc = train(model, train_iterator, optimizer, criterion, device)
    valid_loss, valid_acc = evaluate(model, valid_iterator, criterion, device)

    if valid_loss < best_valid_loss:
        best_valid_loss = valid_loss
        torch.save(model.state_dict(), 'tut1-model.pt')

    end_time = time.monotonic()

    epoch_mins, epoch_secs = epoch_time(start_time, end_time)

    print(f'Epoch: {epoch+1:02} | Epoch Time: {epoch_mins}m {epoch_secs}s')
    print(f'\\tTrain Loss: {train_loss:.3f} | Train Acc: {train_acc*100:.2f}%')
    print(f'\\t Val. Loss: {valid_loss:.3f} |  Val. Acc: {valid_acc*100:.2f}%')""",
    """model.load_state_dict(torch.load('tut1-model.pt'))

test_loss, test_acc = evaluate(model, test_iterator, criterion, device)""",
    """print(f'Test Loss: {test_loss:.3f} | Test Acc: {test_acc*100:.2f}%')""",
    """def get_predictions(model, iterator, device):

    model.eval()

    images = []
    labels = []
    probs = []

    with torch.no_grad():

        for (x, y) in iterator:

            x = x.to(device)

            y_pred, _ = model(x)

            y_prob = F.softmax(y_pred, dim=-1)

            images.append(x.cpu())
            labels.append(y.cpu())
            probs.append(y_prob.cpu())

    images = torch.cat(images, dim=0)
    labels = torch.cat(labels, dim=0)
    probs = torch.cat(probs, dim=0)

    return images, labels, probs""",
    """images, labels, probs = get_predictions(model, test_iterator, device)

pred_labels = torch.argmax(probs, 1)""",
    """corrects = torch.eq(labels, pred_labels)""",
    """incorrect_examples = []

for image, label, prob, correct in zip(images, labels, probs, corrects):
    if not correct:
        incorrect_examples.append((image, label, prob))

incorrect_examples.sort(reverse=True,
                        key=lambda x: torch.max(x[2], dim=0).values)""",
    """def plot_most_incorrect(incorrect, n_images):

    rows = int(n_images ** 0.5)
    cols = int(n_images ** 0.5)

    for i in range(rows*cols):
        image, true_label, probs = incorrect[i]
        true_prob = probs[true_label]
        incorrect_prob, incorrect_label = torch.max(probs, dim=0)
        print(f'true label: {true_label} ({true_prob:.3f})\\n'
              f'pred label: {incorrect_label} ({incorrect_prob:.3f})')""",
    """N_IMAGES = 4

plot_most_incorrect(incorrect_examples, N_IMAGES)""",
    """def get_representations(model, iterator, device):

    model.eval()

    outputs = []
    intermediates = []
    labels = []

    with torch.no_grad():

        for (x, y) in tqdm(iterator):

            x = x.to(device)

            y_pred, h = model(x)

            outputs.append(y_pred.cpu())
            intermediates.append(h.cpu())
            labels.append(y)

    outputs = torch.cat(outputs, dim=0)
    intermediates = torch.cat(intermediates, dim=0)
    labels = torch.cat(labels, dim=0)

    return outputs, intermediates, labels""",
    """outputs, intermediates, labels = get_representations(model,
                                                     test_iterator,
                                                     device)
print(outputs.shape, intermediates.shape, labels[:10])""",
    """def imagine_digit(model, digit, device, n_iterations=50_000):

    model.eval()

    best_prob = 0
    best_image = None

    with torch.no_grad():

        for _ in trange(n_iterations):

            x = torch.randn(32, 28, 28).to(device)

            y_pred, _ = model(x)

            preds = F.softmax(y_pred, dim=-1)

            _best_prob, index = torch.max(preds[:, digit], dim=0)

            if _best_prob > best_prob:
                best_prob = _best_prob
                best_image = x[index]

    return best_image, best_prob""",
    """DIGIT = 3

best_image, best_prob = imagine_digit(model, DIGIT, device, n_iterations=20)""",
    """print(f'Best image probability: {best_prob.item()*100:.2f}%')""",
    """N_WEIGHTS = 25

weights = model.input_fc.weight.data

print(weights.shape, weights[:N_WEIGHTS].view(-1, 28, 28).shape)""",
]

# 2_lenet: the MNIST cells are 1_mlp's (run again here), then the filters, the pooling and LeNet.
LENET = MLP[:4] + [
    """mean = train_data.data.float().mean() / 255
std = train_data.data.float().std() / 255
train_transforms = transforms.Compose([
                            transforms.RandomRotation(5, fill=(0,)),
                            transforms.RandomCrop(28, padding=2),
                            transforms.ToTensor(),
                            transforms.Normalize(mean=[mean], std=[std])
                                      ])

test_transforms = transforms.Compose([
                           transforms.ToTensor(),
                           transforms.Normalize(mean=[mean], std=[std])
                                     ])
train_data = datasets.MNIST(root=ROOT,
                            train=True,
                            download=True,
                            transform=train_transforms)

test_data = datasets.MNIST(root=ROOT,
                           train=False,
                           download=True,
                           transform=test_transforms)
VALID_RATIO = 0.9

n_train_examples = int(len(train_data) * VALID_RATIO)
n_valid_examples = len(train_data) - n_train_examples

train_data, valid_data = data.random_split(train_data,
                                           [n_train_examples, n_valid_examples])

valid_data = copy.deepcopy(valid_data)
valid_data.dataset.transform = test_transforms
BATCH_SIZE = 64

train_iterator = data.DataLoader(train_data,
                                 shuffle=True,
                                 batch_size=BATCH_SIZE)

valid_iterator = data.DataLoader(valid_data,
                                 batch_size=BATCH_SIZE)

test_iterator = data.DataLoader(test_data,
                                batch_size=BATCH_SIZE)""",
    """def plot_filter(images, filter):

    images = images = torch.cat([i.unsqueeze(0) for i in images],
                                dim=0).cpu()
    filter = torch.FloatTensor(filter).unsqueeze(0).unsqueeze(0).cpu()

    n_images = images.shape[0]

    filtered_images = F.conv2d(images, filter)

    for i in range(n_images):

        image = filtered_images[i].squeeze(0)

        print(f'Filtered {i}: {image.shape} {image.sum():.4f}')""",
    """N_IMAGES = 5

images = [image for image, label in [test_data[i] for i in range(N_IMAGES)]]""",
    """horizontal_filter = [[-1, -2, -1],
                     [ 0,  0,  0],
                     [ 1,  2,  1]]

plot_filter(images, horizontal_filter)""",
    """diagonal_filter = [[-2, -1, 0],
                   [-1,  0, 1],
                   [ 0,  1, 2]]

plot_filter(images, diagonal_filter)""",
    """def plot_subsample(images, pool_type, pool_size):

    images = torch.cat([i.unsqueeze(0) for i in images], dim=0).cpu()

    if pool_type.lower() == 'max':
        pool = F.max_pool2d
    elif pool_type.lower() in ['mean', 'avg']:
        pool = F.avg_pool2d
    else:
        raise ValueError(f'pool_type must be either max or mean, got: {pool_type}')

    n_images = images.shape[0]

    pooled_images = pool(images, kernel_size=pool_size)

    for i in range(n_images):

        image = pooled_images[i].squeeze(0)

        print(f'Subsampled {i}: {image.shape} {image.sum():.4f}')""",
    """plot_subsample(images, 'max', 3)""",
    """plot_subsample(images, 'avg', 2)""",
    """try:
    plot_subsample(images, 'min', 2)
except ValueError as e:
    print('ValueError:', e)""",
    """class LeNet(nn.Module):
    def __init__(self, output_dim):
        super().__init__()

        self.conv1 = nn.Conv2d(in_channels=1,
                               out_channels=6,
                               kernel_size=5)

        self.conv2 = nn.Conv2d(in_channels=6,
                               out_channels=16,
                               kernel_size=5)

        self.fc_1 = nn.Linear(16 * 4 * 4, 120)
        self.fc_2 = nn.Linear(120, 84)
        self.fc_3 = nn.Linear(84, output_dim)

    def forward(self, x):

        # x = [batch size, 1, 28, 28]

        x = self.conv1(x)

        # x = [batch size, 6, 24, 24]

        x = F.max_pool2d(x, kernel_size=2)

        # x = [batch size, 6, 12, 12]

        x = F.relu(x)

        x = self.conv2(x)

        # x = [batch size, 16, 8, 8]

        x = F.max_pool2d(x, kernel_size=2)

        # x = [batch size, 16, 4, 4]

        x = F.relu(x)

        x = x.view(x.shape[0], -1)

        # x = [batch size, 16*4*4 = 256]

        h = x

        x = self.fc_1(x)

        # x = [batch size, 120]

        x = F.relu(x)

        x = self.fc_2(x)

        # x = batch size, 84]

        x = F.relu(x)

        x = self.fc_3(x)

        # x = [batch size, output dim]

        return x, h""",
    """OUTPUT_DIM = 10

model = LeNet(OUTPUT_DIM)""",
    MLP[18],
    MLP[19],
    """optimizer = optim.Adam(model.parameters())

criterion = nn.CrossEntropyLoss()

device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')

model = model.to(device)
criterion = criterion.to(device)""",
    MLP[24], MLP[25], MLP[26], MLP[27],
    MLP[28].replace("EPOCHS = 2", "EPOCHS = 1").replace("tut1-model.pt", "tut2-model.pt"),
    """model.load_state_dict(torch.load('tut2-model.pt'))

test_loss, test_acc = evaluate(model, test_iterator, criterion, device)
print(f'Test Loss: {test_loss:.3f} | Test Acc: {test_acc*100:.2f}%')""",
    MLP[31],
    """images, labels, probs = get_predictions(model, test_iterator, device)

pred_labels = torch.argmax(probs, 1)
print(pred_labels[:10], probs[0])""",
]

VGG = [
    IMPORTS,
    """vgg11_config = [64, 'M', 128, 'M', 256, 256, 'M', 512, 512, 'M', 512, 512, 'M']

vgg13_config = [64, 64, 'M', 128, 128, 'M', 256, 256, 'M', 512, 512, 'M', 512,
                512, 'M']""",
    """def get_vgg_layers(config, batch_norm):

    layers = []
    in_channels = 3

    for c in config:
        assert c == 'M' or isinstance(c, int)
        if c == 'M':
            layers += [nn.MaxPool2d(kernel_size=2)]
        else:
            conv2d = nn.Conv2d(in_channels, c, kernel_size=3, padding=1)
            if batch_norm:
                layers += [conv2d, nn.BatchNorm2d(c), nn.ReLU(inplace=True)]
            else:
                layers += [conv2d, nn.ReLU(inplace=True)]
            in_channels = c

    return nn.Sequential(*layers)""",
    """vgg11_layers = get_vgg_layers(vgg11_config, batch_norm=True)""",
    """print(vgg11_layers)""",
    """print(get_vgg_layers(vgg13_config[0:3], batch_norm=False))""",
]

SECTIONS = [("mlp", MLP), ("lenet", LENET), ("vgg", VGG)]

if __name__ == "__main__":
    out = {}
    for name, cells in SECTIONS:
        torch.set_printoptions(profile="default")
        out[name] = run_cells(cells)
    print(write_json(out, "bentrevett.json"))
