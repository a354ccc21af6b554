"""Fixture for test/tutorials/persson_notebook.test.ts: Aladdin Persson's Machine-Learning-Collection
(aladdinpersson/Machine-Learning-Collection, ML/Pytorch/Basics), the port's cells in order, run on
PyTorch 1.13. Each cell records what it prints. MNIST is a pair of seeded IDX files per split written
by write_mnist (the same bytes the port's first cell writes), read by torchvision's own MNIST; what
is left out is listed in the test's header."""
import os
import sys
import tempfile
import warnings

import torch
import torch.nn.functional as F
import torchvision
import torchvision.datasets as datasets
import torchvision.transforms as transforms
from torch import nn, optim
from torch.utils.data import DataLoader

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _tutorial_common import write_json  # noqa: E402

warnings.simplefilter("ignore")
CELLS = []


def cell():
    CELLS.append("")


def print(*args, sep=" ", end="\n"):  # noqa: A001 - the cells' print, recorded per cell
    CELLS[-1] += sep.join(str(a) for a in args) + end


def err(f):
    try:
        f()
        print("no error")
    except Exception as e:  # noqa: BLE001 - the error is the reference
        print(f"ERR {type(e).__name__}: {e}")


def write_mnist(root, n_train, n_test):
    """MNIST-shaped IDX files: digit c is a bright bar whose row and column depend on c, over a texture."""
    raw = os.path.join(root, "MNIST", "raw")
    os.makedirs(raw, exist_ok=True)
    for prefix, n, off in (("train", n_train, 0), ("t10k", n_test, 3)):
        img = bytearray(16 + n * 784)
        lab = bytearray(8 + n)
        img[0:16] = (2051).to_bytes(4, "big") + n.to_bytes(4, "big") + (28).to_bytes(4, "big") + (28).to_bytes(4, "big")
        lab[0:8] = (2049).to_bytes(4, "big") + n.to_bytes(4, "big")
        for i in range(n):
            c = (i * 7 + off) % 10
            lab[8 + i] = c
            for r in range(28):
                for q in range(28):
                    v = (i * 31 + r * 7 + q * 13) % 23
                    if 4 + 2 * c <= r < 7 + 2 * c and 3 <= q < 25:
                        v += 200
                    if 4 + 2 * (9 - c) <= q < 6 + 2 * (9 - c) and 3 <= r < 25:
                        v += 50
                    img[16 + i * 784 + r * 28 + q] = min(255, v)
        with open(os.path.join(raw, f"{prefix}-images-idx3-ubyte"), "wb") as f:
            f.write(bytes(img))
        with open(os.path.join(raw, f"{prefix}-labels-idx1-ubyte"), "wb") as f:
            f.write(bytes(lab))


def fresh():
    CELLS.clear()
    torch.manual_seed(0)


def tensorbasics():
    fresh()
    cell()
    device = "cuda" if torch.cuda.is_available() else "cpu"
    my_tensor = torch.tensor([[1, 2, 3], [4, 5, 6]], dtype=torch.float32, device=device, requires_grad=True)
    print(f"Information about tensor: {my_tensor}")
    print("Type of Tensor {my_tensor.dtype}")
    print(f"Device Tensor is on {my_tensor.device}")
    print(f"Shape of tensor {my_tensor.shape}")
    print("Requires gradient:", my_tensor.requires_grad)
    cell()
    x = torch.empty(size=(3, 3))
    print(x.shape)
    x = torch.zeros((3, 3))
    print(x)
    x = torch.rand((3, 3))
    print(x)
    x = torch.ones((3, 3))
    print(x)
    x = torch.eye(5, 5)
    print(x)
    x = torch.arange(start=0, end=5, step=1)
    print(x)
    x = torch.linspace(start=0.1, end=1, steps=10)
    print(x)
    x = torch.empty(size=(1, 5)).normal_(mean=0, std=1)
    print(x)
    x = torch.empty(size=(1, 5)).uniform_(0, 1)
    print(x)
    x = torch.diag(torch.ones(3))
    print(x)
    cell()
    tensor = torch.arange(4)
    print(f"Converted Boolean: {tensor.bool()}")
    print(f"Converted int16 {tensor.short()}")
    print(f"Converted int64 {tensor.long()}")
    print(f"Converted float32 {tensor.float()}")
    print(f"Converted float64 {tensor.double()}")
    cell()
    x = torch.tensor([1, 2, 3])
    y = torch.tensor([9, 8, 7])
    z1 = torch.empty(3)
    torch.add(x, y, out=z1)
    print(z1)
    z2 = torch.add(x, y)
    z = x + y
    print(z2, z)
    z = x - y
    print(z)
    z = torch.true_divide(x, y)
    print(z)
    t = torch.zeros(3)
    t.add_(x)
    t += x
    print(t)
    z = x.pow(2)
    print(z)
    z = x**2
    print(z)
    z = x > 0
    print(z)
    z = x < 0
    print(z)
    cell()
    x1 = torch.rand((2, 5))
    x2 = torch.rand((5, 3))
    x3 = torch.mm(x1, x2)
    x3 = x1.mm(x2)
    print(x3)
    matrix_exp = torch.rand(5, 5)
    print(matrix_exp.matrix_power(3))
    z = x * y
    print(z)
    z = torch.dot(x, y)
    print(z)
    cell()
    batch, n, m, p = 32, 10, 20, 30
    tensor1 = torch.rand((batch, n, m))
    tensor2 = torch.rand((batch, m, p))
    out_bmm = torch.bmm(tensor1, tensor2)
    print(out_bmm.shape, out_bmm.sum())
    cell()
    x1 = torch.rand((5, 5))
    x2 = torch.ones((1, 5))
    z = x1 - x2
    print(z)
    z = x1**x2
    print(z)
    cell()
    sum_x = torch.sum(x, dim=0)
    print(sum_x)
    values, indices = torch.max(x, dim=0)
    print(values, indices)
    values, indices = torch.min(x, dim=0)
    print(values, indices)
    torch.abs(x)
    z = torch.argmax(x, dim=0)
    print(z)
    z = torch.argmin(x, dim=0)
    print(z)
    mean_x = torch.mean(x.float(), dim=0)
    print(mean_x)
    z = torch.eq(x, y)
    print(z)
    sorted_y, indices = torch.sort(y, dim=0, descending=False)
    print(sorted_y, indices)
    z = torch.clamp(x, min=0)
    print(z)
    cell()
    x = torch.tensor([1, 0, 1, 1, 1], dtype=torch.bool)
    z = torch.any(x)
    print(z)
    z = torch.all(x)
    print(z)
    cell()
    batch_size = 10
    features = 25
    x = torch.rand((batch_size, features))
    print(x[0].shape)
    print(x[:, 0].shape)
    print(x[2, 0:10].shape)
    x[0, 0] = 100
    print(x[0][0])
    cell()
    x = torch.arange(10)
    index_list = [2, 5, 8]
    print(x[index_list])
    cell()
    x = torch.rand((3, 5))
    rows = torch.tensor([1, 0])
    cols = torch.tensor([4, 0])
    print(x[rows, cols])
    cell()
    x = torch.arange(10)
    print(x[(x < 2) | (x > 8)])
    print(x[x.remainder(2) == 0])
    print(torch.where(x > 5, x, x * 2))
    x = torch.tensor([0, 0, 1, 2, 2, 3, 4]).unique()
    print(x)
    print(x.ndimension())
    x = torch.arange(10)
    print(x.numel())
    cell()
    x = torch.arange(9)
    x_3x3 = x.view(3, 3)
    x_3x3 = x.reshape(3, 3)
    y = x_3x3.t()
    print(y.is_contiguous())
    print(y.contiguous().view(9))
    err(lambda: y.view(9))
    cell()
    x1 = torch.rand(2, 5)
    x2 = torch.rand(2, 5)
    print(torch.cat((x1, x2), dim=0).shape)
    print(torch.cat((x1, x2), dim=1).shape)
    z = x1.view(-1)
    print(z)
    cell()
    x = torch.rand((batch, 2, 5))
    z = x.view(batch, -1)
    print(z.shape)
    z = x.permute(0, 2, 1)
    print(z.shape)
    chunks = torch.chunk(x, chunks=2, dim=1)
    print(chunks[0].shape)
    print(chunks[1].shape)
    x = torch.arange(10)
    print(x.unsqueeze(0).shape)
    print(x.unsqueeze(1).shape)
    x = torch.arange(10).unsqueeze(0).unsqueeze(1)
    z = x.squeeze(1)
    print(z.shape)
    return list(CELLS)


def fullynet(root):
    fresh()
    cell()
    write_mnist(root, 128, 64)
    cell()

    class NN(nn.Module):
        def __init__(self, input_size, num_classes):
            super(NN, self).__init__()
            self.fc1 = nn.Linear(input_size, 50)
            self.fc2 = nn.Linear(50, num_classes)

        def forward(self, x):
            x = F.relu(self.fc1(x))
            x = self.fc2(x)
            return x

    device = "mps" if torch.backends.mps.is_available() else "cuda" if torch.cuda.is_available() else "cpu"
    input_size = 784
    num_classes = 10
    learning_rate = 0.001
    batch_size = 64
    num_epochs = 3
    cell()
    train_dataset = datasets.MNIST(root=root, train=True, transform=transforms.ToTensor(), download=True)
    test_dataset = datasets.MNIST(root=root, train=False, transform=transforms.ToTensor(), download=True)
    train_loader = DataLoader(dataset=train_dataset, batch_size=batch_size, shuffle=True)
    test_loader = DataLoader(dataset=test_dataset, batch_size=batch_size, shuffle=True)
    model = NN(input_size=input_size, num_classes=num_classes).to(device)
    criterion = nn.CrossEntropyLoss()
    optimizer = optim.Adam(model.parameters(), lr=learning_rate)
    cell()
    for epoch in range(num_epochs):
        for batch_idx, (data, targets) in enumerate(train_loader):
            data = data.to(device=device)
            targets = targets.to(device=device)
            data = data.reshape(data.shape[0], -1)
            scores = model(data)
            loss = criterion(scores, targets)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            print(epoch, batch_idx, loss.item())
    print(model.fc2.bias)
    print(model.fc1.weight.sum(), model.fc1.weight.abs().sum())
    cell()

    def check_accuracy(loader, model):
        num_correct = 0
        num_samples = 0
        model.eval()
        with torch.no_grad():
            for x, y in loader:
                x = x.to(device=device)
                y = y.to(device=device)
                x = x.reshape(x.shape[0], -1)
                scores = model(x)
                _, predictions = scores.max(1)
                num_correct += (predictions == y).sum()
                num_samples += predictions.size(0)
        model.train()
        return num_correct / num_samples

    print(f"Accuracy on training set: {check_accuracy(train_loader, model)*100:.2f}")
    print(f"Accuracy on test set: {check_accuracy(test_loader, model)*100:.2f}")
    return list(CELLS)


def rnn_gru_lstm(root):
    fresh()
    cell()
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    input_size = 28
    hidden_size = 64
    num_layers = 2
    num_classes = 10
    sequence_length = 28
    learning_rate = 0.005
    batch_size = 64
    num_epochs = 2
    cell()

    class RNN(nn.Module):
        def __init__(self, input_size, hidden_size, num_layers, num_classes):
            super(RNN, self).__init__()
            self.hidden_size = hidden_size
            self.num_layers = num_layers
            self.rnn = nn.RNN(input_size, hidden_size, num_layers, batch_first=True)
            self.fc = nn.Linear(hidden_size * sequence_length, num_classes)

        def forward(self, x):
            h0 = torch.zeros(self.num_layers, x.size(0), self.hidden_size).to(device)
            out, _ = self.rnn(x, h0)
            out = out.reshape(out.shape[0], -1)
            out = self.fc(out)
            return out

    class RNN_GRU(nn.Module):
        def __init__(self, input_size, hidden_size, num_layers, num_classes):
            super(RNN_GRU, self).__init__()
            self.hidden_size = hidden_size
            self.num_layers = num_layers
            self.gru = nn.GRU(input_size, hidden_size, num_layers, batch_first=True)
            self.fc = nn.Linear(hidden_size * sequence_length, num_classes)

        def forward(self, x):
            h0 = torch.zeros(self.num_layers, x.size(0), self.hidden_size).to(device)
            out, _ = self.gru(x, h0)
            out = out.reshape(out.shape[0], -1)
            out = self.fc(out)
            return out

    class RNN_LSTM(nn.Module):
        def __init__(self, input_size, hidden_size, num_layers, num_classes):
            super(RNN_LSTM, self).__init__()
            self.hidden_size = hidden_size
            self.num_layers = num_layers
            self.lstm = nn.LSTM(input_size, hidden_size, num_layers, batch_first=True)
            self.fc = nn.Linear(hidden_size * sequence_length, num_classes)

        def forward(self, x):
            h0 = torch.zeros(self.num_layers, x.size(0), self.hidden_size).to(device)
            c0 = torch.zeros(self.num_layers, x.size(0), self.hidden_size).to(device)
            out, _ = self.lstm(x, (h0, c0))
            out = out.reshape(out.shape[0], -1)
            out = self.fc(out)
            return out

    cell()
    train_dataset = datasets.MNIST(root=root, train=True, transform=transforms.ToTensor(), download=True)
    test_dataset = datasets.MNIST(root=root, train=False, transform=transforms.ToTensor(), download=True)
    train_loader = DataLoader(dataset=train_dataset, batch_size=batch_size, shuffle=True)
    test_loader = DataLoader(dataset=test_dataset, batch_size=batch_size, shuffle=True)
    cell()
    x0 = test_dataset[0][0]
    print(RNN(input_size, hidden_size, num_layers, num_classes).to(device)(x0)[0, :4])
    print(RNN_GRU(input_size, hidden_size, num_layers, num_classes).to(device)(x0)[0, :4])
    cell()
    model = RNN_LSTM(input_size, hidden_size, num_layers, num_classes).to(device)
    criterion = nn.CrossEntropyLoss()
    optimizer = optim.Adam(model.parameters(), lr=learning_rate)
    for epoch in range(num_epochs):
        for batch_idx, (data, targets) in enumerate(train_loader):
            data = data.to(device=device).squeeze(1)
            targets = targets.to(device=device)
            scores = model(data)
            loss = criterion(scores, targets)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            print(epoch, batch_idx, loss.item())
    print(model.fc.bias)
    print(model.lstm.weight_hh_l1.sum())
    cell()

    def check_accuracy(loader, model):
        if loader.dataset.train:
            print("Checking accuracy on training data")
        else:
            print("Checking accuracy on test data")
        num_correct = 0
        num_samples = 0
        model.eval()
        with torch.no_grad():
            for x, y in loader:
                x = x.to(device=device).squeeze(1)
                y = y.to(device=device)
                scores = model(x)
                _, predictions = scores.max(1)
                num_correct += (predictions == y).sum()
                num_samples += predictions.size(0)
            print(f"Got {num_correct} / {num_samples} with accuracy {float(num_correct)/float(num_samples)*100:.2f}")
        model.train()

    check_accuracy(train_loader, model)
    check_accuracy(test_loader, model)
    return list(CELLS)


def more_basics(root):
    fresh()
    cell()

    class CNN(nn.Module):
        def __init__(self, in_channels, num_classes):
            super(CNN, self).__init__()
            self.conv1 = nn.Conv2d(in_channels=in_channels, out_channels=6, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))
            self.pool = nn.MaxPool2d(kernel_size=(2, 2), stride=(2, 2))
            self.conv2 = nn.Conv2d(in_channels=6, out_channels=16, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))
            self.fc1 = nn.Linear(16 * 7 * 7, num_classes)
            self.initialize_weights()

        def forward(self, x):
            x = F.relu(self.conv1(x))
            x = self.pool(x)
            x = F.relu(self.conv2(x))
            x = self.pool(x)
            x = x.reshape(x.shape[0], -1)
            x = self.fc1(x)
            return x

        def initialize_weights(self):
            for m in self.modules():
                if isinstance(m, nn.Conv2d):
                    nn.init.kaiming_uniform_(m.weight)
                    if m.bias is not None:
                        nn.init.constant_(m.bias, 0)
                elif isinstance(m, nn.BatchNorm2d):
                    nn.init.constant_(m.weight, 1)
                    nn.init.constant_(m.bias, 0)
                elif isinstance(m, nn.Linear):
                    nn.init.kaiming_uniform_(m.weight)
                    nn.init.constant_(m.bias, 0)

    model = CNN(in_channels=3, num_classes=10)
    for param in model.parameters():
        print(param.shape, param.sum(), param.abs().max())
    print(model.conv1.bias)
    print(model(torch.ones(2, 3, 28, 28)))
    cell()

    def save_checkpoint(state, filename="my_checkpoint.pth.tar"):
        print("=> Saving checkpoint")
        torch.save(state, filename)

    def load_checkpoint(checkpoint, model, optimizer):
        print("=> Loading checkpoint")
        model.load_state_dict(checkpoint["state_dict"])
        optimizer.load_state_dict(checkpoint["optimizer"])

    ckpt_file = os.path.join(root, "my_checkpoint.pth.tar")
    optimizer = optim.Adam(model.parameters())
    loss = model(torch.ones(2, 3, 28, 28)).pow(2).mean()
    loss.backward()
    optimizer.step()
    checkpoint = {"state_dict": model.state_dict(), "optimizer": optimizer.state_dict()}
    save_checkpoint(checkpoint, ckpt_file)
    model2 = CNN(3, 10)
    optimizer2 = optim.Adam(model2.parameters())
    load_checkpoint(torch.load(ckpt_file), model2, optimizer2)
    print(torch.equal(model2.fc1.weight, model.fc1.weight))
    print(optimizer2.state_dict()["state"][0]["step"], optimizer2.state_dict()["param_groups"][0]["lr"])
    cell()
    learning_rate = 0.1
    batch_size = 128
    num_epochs = NUM_EPOCHS_LR
    lr_model = nn.Sequential(nn.Linear(784, 50), nn.ReLU(), nn.Linear(50, 10))
    train_dataset = datasets.MNIST(root=root, train=True, transform=transforms.ToTensor(), download=True)
    train_loader = DataLoader(dataset=train_dataset, batch_size=batch_size, shuffle=True)
    criterion = nn.CrossEntropyLoss()
    lr_optimizer = optim.Adam(lr_model.parameters(), lr=learning_rate)
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(lr_optimizer, factor=0.1, patience=5, verbose=True)
    cell()
    import builtins
    real_print = builtins.print
    builtins.print = print  # the scheduler's verbose message goes to the cell
    for epoch in range(1, num_epochs):
        losses = []
        for batch_idx, (data, targets) in enumerate(train_loader):
            data = data.reshape(data.shape[0], -1)
            scores = lr_model(data)
            loss = criterion(scores, targets)
            losses.append(loss.item())
            loss.backward()
            lr_optimizer.step()
            lr_optimizer.zero_grad()
        mean_loss = sum(losses) / len(losses)
        scheduler.step(mean_loss)
        print(f"Cost at epoch {epoch} is {mean_loss}")
    builtins.print = real_print
    print(lr_optimizer.param_groups[0]["lr"])
    cell()

    def get_mean_std(loader):
        channels_sum, channels_sqrd_sum, num_batches = 0, 0, 0
        for data, _ in loader:
            channels_sum += torch.mean(data, dim=[0, 2, 3])
            channels_sqrd_sum += torch.mean(data**2, dim=[0, 2, 3])
            num_batches += 1
        mean = channels_sum / num_batches
        std = (channels_sqrd_sum / num_batches - mean**2) ** 0.5
        return mean, std

    train_set = datasets.FakeData(size=96, image_size=(3, 32, 32), num_classes=10, transform=transforms.ToTensor())
    std_loader = DataLoader(dataset=train_set, batch_size=64, shuffle=True)
    mean, std = get_mean_std(std_loader)
    print(mean)
    print(std)
    return list(CELLS)


NUM_EPOCHS_LR = 12

if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as root:
        out = {"tensorbasics": tensorbasics(), "fullynet": fullynet(root), "rnn_gru_lstm": rnn_gru_lstm(root), "more_basics": more_basics(root)}
    sys.stdout.write(write_json(out, "persson.json") + "\n")
