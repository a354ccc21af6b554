"""Reference outputs of PyTorch's recipes and "PyTorch for former Torch users" tutorials, for the
line-by-line ports in test/tutorials/recipes_*.test.ts and former_torchies.test.ts.

Run with Debian's interpreter, which has PyTorch 1.13:
    /usr/bin/python3 test/reference/gen_recipes.py
Writes test/reference/recipes.json: {section: {name: value}}.

Sources (pytorch/tutorials): recipes_source/recipes/defining_a_neural_network.py, what_is_state_dict.py,
saving_and_loading_a_general_checkpoint.py, saving_multiple_models_in_one_file.py,
warmstarting_model_using_parameters_from_a_different_model.py, saving_and_loading_models_for_inference.py,
save_load_across_devices.py (the CPU parts), zeroing_out_gradients.py, and
beginner_source/former_torchies/tensor_tutorial.py, autograd_tutorial.py, nnft_tutorial.py.

The recipes draw their weights and data without a seed; both sides call torch.manual_seed first
(torchlab's generator is PyTorch's CPU stream). CIFAR10 (zeroing_out_gradients) becomes 40 seeded
random images in [-1, 1] (what Normalize((0.5,)*3, (0.5,)*3) gives), printed every 5 mini-batches.
"""
import os
import tempfile
import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

from _common import enc
from _tutorial_common import err, write_json

OUT = {}


def printer():
    printed = []
    return printed, lambda *a: printed.append(" ".join(str(x) for x in a))


class Net(nn.Module):
    """The recipes' CIFAR net (what_is_state_dict.py and the saving recipes)."""

    def __init__(self):
        super(Net, self).__init__()
        self.conv1 = nn.Conv2d(3, 6, 5)
        self.pool = nn.MaxPool2d(2, 2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        x = x.flatten(start_dim=1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        x = self.fc3(x)
        return x


def optimizer_json(sd):
    """An optimizer state_dict as JSON: param_groups as they are, state tensors encoded."""
    return {
        "state": {str(k): {n: enc(v) if torch.is_tensor(v) else v for n, v in s.items()} for k, s in sd["state"].items()},
        "param_groups": sd["param_groups"],
    }


def defining_a_neural_network():
    class Net(nn.Module):
        def __init__(self):
            super(Net, self).__init__()
            self.conv1 = nn.Conv2d(1, 32, 3, 1)
            self.conv2 = nn.Conv2d(32, 64, 3, 1)
            self.dropout1 = nn.Dropout2d(0.25)
            self.dropout2 = nn.Dropout2d(0.5)
            self.fc1 = nn.Linear(9216, 128)
            self.fc2 = nn.Linear(128, 10)

        def forward(self, x):
            x = self.conv1(x)
            x = F.relu(x)
            x = self.conv2(x)
            x = F.relu(x)
            x = F.max_pool2d(x, 2)
            x = self.dropout1(x)
            x = x.flatten(start_dim=1)
            x = self.fc1(x)
            x = F.relu(x)
            x = self.dropout2(x)
            x = self.fc2(x)
            output = F.log_softmax(x, dim=1)
            return output

    torch.manual_seed(0)
    random_data = torch.rand((1, 1, 28, 28))
    my_nn = Net()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = my_nn(random_data)
    return {"repr": str(my_nn), "result": str(result), "warnings": [[w.category.__name__, str(w.message)] for w in caught]}


def dropout2d_warnings():
    """What F.dropout2d warns for a 2-D, 3-D and 4-D input (the recipe's Dropout2d sees a 2-D one)."""
    out = {}
    for shape in [(4, 6), (2, 3, 4), (1, 2, 3, 4)]:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            F.dropout2d(torch.ones(shape), 0.5)
        out[str(len(shape))] = [[w.category.__name__, str(w.message)] for w in caught]
    return out


def what_is_state_dict():
    printed, print_ = printer()
    torch.manual_seed(0)
    net = Net()
    print_(net)
    optimizer = optim.SGD(net.parameters(), lr=0.001, momentum=0.9)
    print_("Model's state_dict:")
    for param_tensor in net.state_dict():
        print_(param_tensor, "\t", net.state_dict()[param_tensor].size())
    print_()
    print_("Optimizer's state_dict:")
    for var_name in optimizer.state_dict():
        print_(var_name, "\t", optimizer.state_dict()[var_name])
    return {"printed": printed, "optimizer_state_dict": optimizer_json(optimizer.state_dict())}


def general_checkpoint(tmp):
    torch.manual_seed(0)
    net = Net()
    optimizer = optim.SGD(net.parameters(), lr=0.001, momentum=0.9)
    EPOCH = 5
    PATH = os.path.join(tmp, "model.pt")
    LOSS = 0.4
    torch.save({
        'epoch': EPOCH,
        'model_state_dict': net.state_dict(),
        'optimizer_state_dict': optimizer.state_dict(),
        'loss': LOSS,
    }, PATH)
    model = Net()
    optimizer = optim.SGD(net.parameters(), lr=0.001, momentum=0.9)
    checkpoint = torch.load(PATH)
    loaded = model.load_state_dict(checkpoint['model_state_dict'])
    optimizer.load_state_dict(checkpoint['optimizer_state_dict'])
    epoch = checkpoint['epoch']
    loss = checkpoint['loss']
    model.eval()
    out = {"keys": list(checkpoint.keys()), "loaded": repr(loaded), "epoch": epoch, "loss": loss,
           "training_after_eval": model.training}
    model.train()
    out["training_after_train"] = model.training
    out["optimizer_state_dict"] = optimizer_json(optimizer.state_dict())
    out["output"] = enc(model(torch.rand(2, 3, 32, 32)))
    return out


def multiple_models(tmp):
    torch.manual_seed(0)
    netA = Net()
    netB = Net()
    optimizerA = optim.SGD(netA.parameters(), lr=0.001, momentum=0.9)
    optimizerB = optim.SGD(netB.parameters(), lr=0.001, momentum=0.9)
    PATH = os.path.join(tmp, "model.pt")
    torch.save({
        'modelA_state_dict': netA.state_dict(),
        'modelB_state_dict': netB.state_dict(),
        'optimizerA_state_dict': optimizerA.state_dict(),
        'optimizerB_state_dict': optimizerB.state_dict(),
    }, PATH)
    modelA = Net()
    modelB = Net()
    optimModelA = optim.SGD(modelA.parameters(), lr=0.001, momentum=0.9)  # noqa: F841  (as the recipe has it)
    optimModelB = optim.SGD(modelB.parameters(), lr=0.001, momentum=0.9)  # noqa: F841
    checkpoint = torch.load(PATH)
    a = modelA.load_state_dict(checkpoint['modelA_state_dict'])
    b = modelB.load_state_dict(checkpoint['modelB_state_dict'])
    optimizerA.load_state_dict(checkpoint['optimizerA_state_dict'])
    optimizerB.load_state_dict(checkpoint['optimizerB_state_dict'])
    modelA.eval()
    modelB.eval()
    x = torch.rand(2, 3, 32, 32)
    out = {"keys": list(checkpoint.keys()), "loaded": [repr(a), repr(b)], "outA": enc(modelA(x)), "outB": enc(modelB(x))}
    modelA.train()
    modelB.train()
    return out


def warmstarting(tmp):
    class NetB(Net):
        pass

    class NetC(nn.Module):
        """Not in the recipe: a model whose keys partly differ, to show what strict=False reports."""

        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(3, 6, 5)
            self.head = nn.Linear(84, 10)

    torch.manual_seed(0)
    netA = Net()
    netB = NetB()
    PATH = os.path.join(tmp, "model.pt")
    torch.save(netA.state_dict(), PATH)
    r = netB.load_state_dict(torch.load(PATH), strict=False)
    netC = NetC()
    rc = netC.load_state_dict(torch.load(PATH), strict=False)
    return {
        "result": repr(r),
        "result_partial": repr(rc),
        "missing": rc.missing_keys,
        "unexpected": rc.unexpected_keys,
        "strict_error": err(lambda: NetC().load_state_dict(torch.load(PATH))),
        "conv1_equal": bool(torch.equal(netC.conv1.weight, netA.conv1.weight)),
    }


def inference(tmp):
    torch.manual_seed(0)
    net = Net()
    PATH = os.path.join(tmp, "state_dict_model.pt")
    torch.save(net.state_dict(), PATH)
    model = Net()
    loaded = model.load_state_dict(torch.load(PATH))
    model.eval()
    x = torch.rand(1, 3, 32, 32)
    out = {"loaded": repr(loaded), "eval_repr": repr(model.eval()), "state_dict_output": enc(model(x))}
    PATH = os.path.join(tmp, "entire_model.pt")
    torch.save(net, PATH)
    model = torch.load(PATH)
    model.eval()
    out["entire_output"] = enc(model(x))
    out["path_error"] = err(lambda: model.load_state_dict(PATH))
    return out


def across_devices(tmp):
    torch.manual_seed(0)
    net = Net()
    PATH = os.path.join(tmp, "model.pt")
    torch.save(net.state_dict(), PATH)
    device = torch.device('cpu')
    model = Net()
    loaded = model.load_state_dict(torch.load(PATH, map_location=device))
    x = torch.rand(1, 3, 32, 32)
    return {"device": str(device), "loaded": repr(loaded), "output": enc(model(x)), "to": repr(model.to(device))}


def zeroing_out_gradients():
    printed, print_ = printer()
    torch.manual_seed(0)
    images = torch.rand(40, 3, 32, 32) * 2 - 1
    labels = torch.randint(0, 10, (40,))
    trainset = torch.utils.data.TensorDataset(images, labels)
    trainloader = torch.utils.data.DataLoader(trainset, batch_size=4, shuffle=True, num_workers=2)
    net = Net()
    criterion = nn.CrossEntropyLoss()
    optimizer = optim.SGD(net.parameters(), lr=0.001, momentum=0.9)
    for epoch in range(2):
        running_loss = 0.0
        for i, data in enumerate(trainloader, 0):
            inputs, labels = data
            optimizer.zero_grad()
            outputs = net(inputs)
            loss = criterion(outputs, labels)
            loss.backward()
            optimizer.step()
            running_loss += loss.item()
            if i % 5 == 4:
                print_('[%d, %5d] loss: %.3f' % (epoch + 1, i + 1, running_loss / 5))
                running_loss = 0.0
    print_('Finished Training')
    # "You can also use model.zero_grad()": after it every parameter's grad is None (set_to_none).
    net.zero_grad()
    return {"printed": printed, "grads_after_zero_grad": [p.grad is None for p in net.parameters()],
            "fc3_bias": enc(net.fc3.bias)}


def tensor_tutorial():
    printed, print_ = printer()
    torch.manual_seed(0)
    a = torch.empty(5, 7, dtype=torch.float)
    a = torch.randn(5, 7)  # the tutorial's dtype=torch.double: torchlab computes in float32 only
    print_(a)
    print_(a.size())
    a.fill_(3.5)
    b = a.add(4.0)
    print_(a, b)
    b = a[0, 3]
    print_(b)
    b = a[:, 3:5]
    print_(b)
    x = torch.ones(5, 5)
    print_(x)
    z = torch.empty(5, 2)
    z[:, 0] = 10
    z[:, 1] = 100
    print_(z)
    x.index_add_(1, torch.tensor([4, 0], dtype=torch.long), z)
    print_(x)
    a = torch.ones(5)
    print_(a)
    a.add_(1)
    print_(a)
    print_(torch.full((10,), 3))
    return {"printed": printed}


def autograd_tutorial():
    printed, print_ = printer()
    torch.manual_seed(0)
    x = torch.ones(2, 2, requires_grad=True)
    print_(x)
    print_(x.data)
    print_(x.grad)
    print_(x.grad_fn)
    y = x + 2
    print_(y)
    print_(type(y.grad_fn).__name__)
    z = y * y * 3
    out = z.mean()
    print_(z, out)
    a = torch.randn(2, 2)
    a = ((a * 3) / (a - 1))
    print_(a.requires_grad)
    to_error = err(lambda: a.to(requires_grad=True))
    a.requires_grad_(True)  # what the tutorial means; Tensor.to takes no requires_grad in 1.13
    print_(a.requires_grad)
    b = (a * a).sum()
    print_(type(b.grad_fn).__name__)
    out.backward()
    print_(x.grad)
    x = torch.ones(2, 2, requires_grad=True)
    y = x + 2
    y.backward(torch.ones(2, 2), retain_graph=True)
    print_(x.grad)
    z = y * y
    print_(z)
    gradient = torch.randn(2, 2)
    y.backward(gradient)
    print_(x.grad)
    print_(x.requires_grad)
    print_((x ** 2).requires_grad)
    with torch.no_grad():
        print_((x ** 2).requires_grad)
    return {"printed": printed, "to_error": to_error}


def nnft_tutorial():
    printed, print_ = printer()

    class MNISTConvNet(nn.Module):
        def __init__(self):
            super(MNISTConvNet, self).__init__()
            self.conv1 = nn.Conv2d(1, 10, 5)
            self.pool1 = nn.MaxPool2d(2, 2)
            self.conv2 = nn.Conv2d(10, 20, 5)
            self.pool2 = nn.MaxPool2d(2, 2)
            self.fc1 = nn.Linear(320, 50)
            self.fc2 = nn.Linear(50, 10)

        def forward(self, input):
            x = self.pool1(F.relu(self.conv1(input)))
            x = self.pool2(F.relu(self.conv2(x)))
            x = x.flatten(start_dim=1)
            x = F.relu(self.fc1(x))
            x = F.relu(self.fc2(x))
            return x

    torch.manual_seed(0)
    net = MNISTConvNet()
    print_(net)
    input = torch.randn(1, 1, 28, 28)
    out = net(input)
    print_(out.size())
    target = torch.tensor([3], dtype=torch.long)
    loss_fn = nn.CrossEntropyLoss()
    err_ = loss_fn(out, target)
    err_.backward()
    print_(err_)
    print_(net.conv1.weight.grad.size())
    print_(net.conv1.weight.data.norm())
    print_(net.conv1.weight.grad.data.norm())

    def printnorm(self, input, output):
        print_('Inside ' + self.__class__.__name__ + ' forward')
        print_('')
        print_('input size:', input[0].size())
        print_('output size:', output.data.size())
        print_('output norm:', output.data.norm())

    net.conv2.register_forward_hook(printnorm)
    out = net(input)

    def printgradnorm(self, grad_input, grad_output):
        print_('Inside ' + self.__class__.__name__ + ' backward')
        print_('Inside class:' + self.__class__.__name__)
        print_('')
        print_('grad_input size:', grad_input[0].size())
        print_('grad_output size:', grad_output[0].size())
        print_('grad_input norm:', grad_input[0].norm())
        print_('grad_input sizes:', [tuple(g.shape) if g is not None else None for g in grad_input])

    net.conv2.register_backward_hook(printgradnorm)
    out = net(input)
    err_ = loss_fn(out, target)
    err_.backward()

    class RNN(nn.Module):
        def __init__(self, data_size, hidden_size, output_size):
            super(RNN, self).__init__()
            self.hidden_size = hidden_size
            input_size = data_size + hidden_size
            self.i2h = nn.Linear(input_size, hidden_size)
            self.h2o = nn.Linear(hidden_size, output_size)

        def forward(self, data, last_hidden):
            input = torch.cat((data, last_hidden), 1)
            hidden = self.i2h(input)
            output = self.h2o(hidden)
            return hidden, output

    rnn = RNN(50, 20, 10)
    loss_fn = nn.MSELoss()
    batch_size = 10
    TIMESTEPS = 5
    batch = torch.randn(batch_size, 50)
    hidden = torch.zeros(batch_size, 20)
    target = torch.zeros(batch_size, 10)
    loss = 0
    for t in range(TIMESTEPS):
        hidden, output = rnn(batch, hidden)
        loss += loss_fn(output, target)
    loss.backward()
    print_(loss)
    return {"printed": printed, "i2h_grad": enc(rnn.i2h.weight.grad)}


def main():
    with tempfile.TemporaryDirectory() as tmp:
        OUT["defining_a_neural_network"] = defining_a_neural_network()
        OUT["dropout2d_warnings"] = dropout2d_warnings()
        OUT["what_is_state_dict"] = what_is_state_dict()
        OUT["general_checkpoint"] = general_checkpoint(tmp)
        OUT["multiple_models"] = multiple_models(tmp)
        OUT["warmstarting"] = warmstarting(tmp)
        OUT["inference"] = inference(tmp)
        OUT["across_devices"] = across_devices(tmp)
    OUT["zeroing_out_gradients"] = zeroing_out_gradients()
    OUT["tensor_tutorial"] = tensor_tutorial()
    OUT["autograd_tutorial"] = autograd_tutorial()
    OUT["nnft_tutorial"] = nnft_tutorial()
    print(write_json(OUT, "recipes.json", newline=True))


if __name__ == "__main__":
    main()
