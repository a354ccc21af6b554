"""Fixture for the Trevett sections of test/tutorials/persson_notebook.test.ts: Ben Trevett's
pytorch-image-classification (bentrevett/pytorch-image-classification) 1_mlp.ipynb, 2_lenet.ipynb and
3_alexnet.ipynb's model / initialisation / training cells, the port's cells in order, run on PyTorch
1.13. MNIST is gen_persson.py's IDX stand-in (the suite writes it once); CIFAR10 for AlexNet is
FakeData. Each cell records what it prints; what is left out is listed in the test's header."""
import copy
import os
import sys
import tempfile
import warnings

import torch
import torch.nn.functional as F
import torch.utils.data as data
import torchvision.datasets as datasets
import torchvision.transforms as transforms
from torch import nn, optim

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_persson as G  # noqa: E402
from gen_persson import cell, print, write_mnist  # noqa: E402,A004
from _tutorial_common import write_json  # noqa: E402

warnings.simplefilter("ignore")


def mlp(root):
    G.fresh()
    cell()
    SEED = 1234
    torch.manual_seed(SEED)
    cell()
    train_data = datasets.MNIST(root=root, train=True, download=True)
    cell()
    mean = train_data.data.float().mean() / 255
    std = train_data.data.float().std() / 255
    cell()
    print(f"Calculated mean: {mean}")
    print(f"Calculated std: {std}")
    cell()
    train_transforms = transforms.Compose([
        transforms.RandomRotation(5, fill=(0,)),
        transforms.RandomCrop(28, padding=2),
        transforms.ToTensor(),
        transforms.Normalize(mean=[mean], std=[std]),
    ])
    test_transforms = transforms.Compose([
        transforms.ToTensor(),
        transforms.Normalize(mean=[mean], std=[std]),
    ])
    cell()
    train_data = datasets.MNIST(root=root, train=True, download=True, transform=train_transforms)
    test_data = datasets.MNIST(root=root, train=False, download=True, transform=test_transforms)
    cell()
    print(f"Number of training examples: {len(train_data)}")
    print(f"Number of testing examples: {len(test_data)}")
    cell()
    VALID_RATIO = 0.9
    n_train_examples = int(len(train_data) * VALID_RATIO)
    n_valid_examples = len(train_data) - n_train_examples
    cell()
    train_data, valid_data = data.random_split(train_data, [n_train_examples, n_valid_examples])
    cell()
    print(f"Number of training examples: {len(train_data)}")
    print(f"Number of validation examples: {len(valid_data)}")
    print(f"Number of testing examples: {len(test_data)}")
    print(valid_data.indices[:5])
    cell()
    valid_data = copy.deepcopy(valid_data)
    valid_data.dataset.transform = test_transforms
    print(valid_data[0][0].sum(), train_data[0][0].sum())
    cell()
    BATCH_SIZE = 64
    train_iterator = data.DataLoader(train_data, shuffle=True, batch_size=BATCH_SIZE)
    valid_iterator = data.DataLoader(valid_data, batch_size=BATCH_SIZE)
    test_iterator = data.DataLoader(test_data, batch_size=BATCH_SIZE)
    cell()

    class MLP(nn.Module):
        def __init__(self, input_dim, output_dim):
            super().__init__()
            self.input_fc = nn.Linear(input_dim, 250)
            self.hidden_fc = nn.Linear(250, 100)
            self.output_fc = nn.Linear(100, output_dim)

        def forward(self, x):
            batch_size = x.shape[0]
            x = x.view(batch_size, -1)
            h_1 = F.relu(self.input_fc(x))
            h_2 = F.relu(self.hidden_fc(h_1))
            y_pred = self.output_fc(h_2)
            return y_pred, h_2

    cell()
    INPUT_DIM = 28 * 28
    OUTPUT_DIM = 10
    model = MLP(INPUT_DIM, OUTPUT_DIM)
    cell()

    def count_parameters(model):
        return sum(p.numel() for p in model.parameters() if p.requires_grad)

    cell()
    print(f"The model has {count_parameters(model):,} trainable parameters")
    cell()
    optimizer = optim.Adam(model.parameters())
    criterion = nn.CrossEntropyLoss()
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    model = model.to(device)
    criterion = criterion.to(device)
    fns = train_eval(locals(), "tut1-model.pt")
    return list(G.CELLS), dict(fns, count_parameters=count_parameters, criterion=criterion, device=device, train_iterator=train_iterator, valid_iterator=valid_iterator)


def train_eval(env, model_file_name):
    """The train / evaluate / epoch_time / best-model / predictions cells shared by 1_mlp and 2_lenet."""
    model, optimizer, criterion, device = env["model"], env["optimizer"], env["criterion"], env["device"]
    train_iterator, valid_iterator, test_iterator, root = env["train_iterator"], env["valid_iterator"], env["test_iterator"], env["root"]
    cell()

    def calculate_accuracy(y_pred, y):
        top_pred = y_pred.argmax(1, keepdim=True)
        correct = top_pred.eq(y.view_as(top_pred)).sum()
        acc = correct.float() / y.shape[0]
        return acc

    cell()

    def train(model, iterator, optimizer, criterion, device):
        epoch_loss = 0
        epoch_acc = 0
        model.train()
        for (x, y) in iterator:
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
        return epoch_loss / len(iterator), epoch_acc / len(iterator)

    cell()

    def evaluate(model, iterator, criterion, device):
        epoch_loss = 0
        epoch_acc = 0
        model.eval()
        with torch.no_grad():
            for (x, y) in iterator:
                x = x.to(device)
                y = y.to(device)
                y_pred, _ = model(x)
                loss = criterion(y_pred, y)
                acc = calculate_accuracy(y_pred, y)
                epoch_loss += loss.item()
                epoch_acc += acc.item()
        return epoch_loss / len(iterator), epoch_acc / len(iterator)

    cell()

    def epoch_time(start_time, end_time):
        elapsed_time = end_time - start_time
        elapsed_mins = int(elapsed_time / 60)
        elapsed_secs = int(elapsed_time - (elapsed_mins * 60))
        return elapsed_mins, elapsed_secs

    print(*epoch_time(10, 135.5))
    cell()
    EPOCHS = 3
    best_valid_loss = float("inf")
    model_file = os.path.join(root, model_file_name)
    for epoch in range(EPOCHS):
        train_loss, train_acc = train(model, train_iterator, optimizer, criterion, device)
        valid_loss, valid_acc = evaluate(model, valid_iterator, criterion, device)
        if valid_loss < best_valid_loss:
            best_valid_loss = valid_loss
            torch.save(model.state_dict(), model_file)
        print(f"Epoch: {epoch+1:02}")
        print(f"\tTrain Loss: {train_loss:.3f} | Train Acc: {train_acc*100:.2f}%")
        print(f"\t Val. Loss: {valid_loss:.3f} |  Val. Acc: {valid_acc*100:.2f}%")
        print(train_loss, valid_loss)
    cell()
    model.load_state_dict(torch.load(model_file))
    test_loss, test_acc = evaluate(model, test_iterator, criterion, device)
    cell()
    print(f"Test Loss: {test_loss:.3f} | Test Acc: {test_acc*100:.2f}%")
    cell()

    def get_predictions(model, iterator, device):
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
        return images, labels, probs

    cell()
    images, labels, probs = get_predictions(model, test_iterator, device)
    pred_labels = torch.argmax(probs, 1)
    print(pred_labels[:16])
    cell()
    cm = torch.bincount(labels * 10 + pred_labels, minlength=100).reshape(10, 10)
    print(cm)
    cell()
    corrects = torch.eq(labels, pred_labels)
    incorrect_examples = []
    for image, label, prob, correct in zip(images, labels, probs, corrects):
        if not correct:
            incorrect_examples.append((image, label, prob))
    incorrect_examples.sort(reverse=True, key=lambda x: torch.max(x[2], dim=0).values)
    print(len(incorrect_examples))
    for image, true_label, p in incorrect_examples[:3]:
        true_prob = p[true_label]
        incorrect_prob, incorrect_label = torch.max(p, dim=0)
        print(f"true label: {true_label} ({true_prob:.3f})")
        print(f"pred label: {incorrect_label} ({incorrect_prob:.3f})")
    return {"train": train, "evaluate": evaluate}


def lenet_alexnet(env):
    G.fresh()
    train, evaluate, count_parameters, criterion, device = env["train"], env["evaluate"], env["count_parameters"], env["criterion"], env["device"]
    cell()

    class LeNet(nn.Module):
        def __init__(self, output_dim):
            super().__init__()
            self.conv1 = nn.Conv2d(in_channels=1, out_channels=6, kernel_size=5)
            self.conv2 = nn.Conv2d(in_channels=6, out_channels=16, kernel_size=5)
            self.fc_1 = nn.Linear(16 * 4 * 4, 120)
            self.fc_2 = nn.Linear(120, 84)
            self.fc_3 = nn.Linear(84, output_dim)

        def forward(self, x):
            x = self.conv1(x)
            x = F.max_pool2d(x, kernel_size=2)
            x = F.relu(x)
            x = self.conv2(x)
            x = F.max_pool2d(x, kernel_size=2)
            x = F.relu(x)
            x = x.view(x.shape[0], -1)
            h = x
            x = self.fc_1(x)
            x = F.relu(x)
            x = self.fc_2(x)
            x = F.relu(x)
            x = self.fc_3(x)
            return x, h

    cell()
    lenet = LeNet(10)
    print(f"The model has {count_parameters(lenet):,} trainable parameters")
    lenet_optimizer = optim.Adam(lenet.parameters())
    lenet_train_loss, lenet_train_acc = train(lenet, env["train_iterator"], lenet_optimizer, criterion, device)
    lenet_valid_loss, lenet_valid_acc = evaluate(lenet, env["valid_iterator"], criterion, device)
    print(lenet_train_loss, lenet_train_acc, lenet_valid_loss, lenet_valid_acc)
    print(lenet.conv1.weight.sum(), lenet.fc_3.bias)
    cell()

    class AlexNet(nn.Module):
        def __init__(self, output_dim):
            super().__init__()
            self.features = nn.Sequential(
                nn.Conv2d(3, 64, 3, 2, 1),
                nn.MaxPool2d(2),
                nn.ReLU(inplace=True),
                nn.Conv2d(64, 192, 3, padding=1),
                nn.MaxPool2d(2),
                nn.ReLU(inplace=True),
                nn.Conv2d(192, 384, 3, padding=1),
                nn.ReLU(inplace=True),
                nn.Conv2d(384, 256, 3, padding=1),
                nn.ReLU(inplace=True),
                nn.Conv2d(256, 256, 3, padding=1),
                nn.MaxPool2d(2),
                nn.ReLU(inplace=True),
            )
            self.classifier = nn.Sequential(
                nn.Dropout(0.5),
                nn.Linear(256 * 2 * 2, 4096),
                nn.ReLU(inplace=True),
                nn.Dropout(0.5),
                nn.Linear(4096, 4096),
                nn.ReLU(inplace=True),
                nn.Linear(4096, output_dim),
            )

        def forward(self, x):
            x = self.features(x)
            h = x.view(x.shape[0], -1)
            x = self.classifier(h)
            return x, h

    alexnet = AlexNet(10)
    print(f"The model has {count_parameters(alexnet):,} trainable parameters")
    cell()

    def initialize_parameters(m):
        if isinstance(m, nn.Conv2d):
            nn.init.kaiming_normal_(m.weight.data, nonlinearity="relu")
            nn.init.constant_(m.bias.data, 0)
        elif isinstance(m, nn.Linear):
            nn.init.xavier_normal_(m.weight.data, gain=nn.init.calculate_gain("relu"))
            nn.init.constant_(m.bias.data, 0)

    cell()
    alexnet.apply(initialize_parameters)
    print(alexnet.features[0].weight.std(), alexnet.classifier[4].weight.std(), alexnet.classifier[6].bias.abs().sum())
    cell()
    cifar = datasets.FakeData(size=4, image_size=(3, 32, 32), num_classes=10, transform=transforms.ToTensor())
    cifar_x = torch.stack([cifar[i][0] for i in [0, 1, 2, 3]])
    alexnet.eval()
    alex_out, alex_h = alexnet(cifar_x)
    print(alex_out[0], alex_h.shape)
    return list(G.CELLS)


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as root:
        write_mnist(root, 128, 64)
        mlp_cells, env = mlp(root)
        out = {"mlp": mlp_cells, "lenet_alexnet": lenet_alexnet(env)}
    sys.stdout.write(write_json(out, "trevett.json") + "\n")
