"""Fixtures for the ports of Morvan Zhou's PyTorch tutorials (MorvanZhou/PyTorch-Tutorial,
tutorial-contents/*.py) in test/tutorials/morvan_*.test.ts.

Each function is one tutorial, written as PyTorch 1.13 accepts it (Variable, `.data.numpy()` and the
like kept where 1.13 still runs them), with what the TypeScript port cannot do alike changed in both:
MNIST is a seeded torch.rand/randint stand-in, numpy's random draws are torch's (seeded), plots are
dropped, and sizes/steps are reduced. Writes test/reference/morvan.json: {tutorial: {name: value}}.
"""
import io

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.utils.data as Data
from torch.autograd import Variable
from torch.nn import init

from _tutorial_common import err, write_json

OUT = {}


def printer():
    printed = []
    return printed, lambda *a: printed.append(" ".join(str(x) for x in a))


def vals(t):
    return [float(v) for v in t.detach().reshape(-1).tolist()]


def t201_torch_numpy():
    printed, print_ = printer()
    torch_data = torch.arange(6).reshape((2, 3))
    print_('\ntorch tensor:', torch_data)
    data = [-1, -2, 1, 2]
    tensor = torch.FloatTensor(data)
    print_('\nabs', '\ntorch: ', torch.abs(tensor))
    print_('\nsin', '\ntorch: ', torch.sin(tensor))
    print_('\nmean', '\ntorch: ', torch.mean(tensor))
    data = [[1, 2], [3, 4]]
    tensor = torch.FloatTensor(data)
    print_('\nmatrix multiplication (matmul)', '\ntorch: ', torch.mm(tensor, tensor))
    print_('\nmatrix multiplication (matmul)', '\ntorch: ', torch.matmul(tensor, tensor))
    OUT["t201"] = {
        "printed": printed,
        # the tutorial's last line: 1.13 refuses dot on 2-D tensors (0.1 flattened them)
        "dot_2d": err(lambda: tensor.dot(tensor)),
        "dot_1d": str(tensor.flatten().dot(tensor.flatten())),
    }


def t202_variable():
    printed, print_ = printer()
    tensor = torch.FloatTensor([[1, 2], [3, 4]])
    variable = Variable(tensor, requires_grad=True)
    print_(tensor)
    print_(variable)
    t_out = torch.mean(tensor * tensor)
    v_out = torch.mean(variable * variable)
    print_(t_out)
    print_(v_out)
    v_out.backward()
    print_(variable.grad)
    print_(variable)
    print_(variable.data)
    print_(type(variable).__name__, variable.requires_grad, Variable(tensor).requires_grad)
    OUT["t202"] = {"printed": printed}


def t203_activation():
    x = torch.linspace(-5, 5, 200)
    x = Variable(x)
    OUT["t203"] = {
        "x": vals(x.data),
        "relu": vals(torch.relu(x).data),
        "sigmoid": vals(torch.sigmoid(x).data),
        "tanh": vals(torch.tanh(x).data),
        "softplus": vals(F.softplus(x).data),
    }


class RegNet(torch.nn.Module):
    def __init__(self, n_feature, n_hidden, n_output):
        super(RegNet, self).__init__()
        self.hidden = torch.nn.Linear(n_feature, n_hidden)
        self.predict = torch.nn.Linear(n_hidden, n_output)

    def forward(self, x):
        x = F.relu(self.hidden(x))
        x = self.predict(x)
        return x


def t301_regression():
    printed, print_ = printer()
    torch.manual_seed(1)
    x = torch.unsqueeze(torch.linspace(-1, 1, 100), dim=1)
    y = x.pow(2) + 0.2 * torch.rand(x.size())
    net = RegNet(n_feature=1, n_hidden=10, n_output=1)
    print_(net)
    optimizer = torch.optim.SGD(net.parameters(), lr=0.2)
    loss_func = torch.nn.MSELoss()
    for t in range(200):
        prediction = net(x)
        loss = loss_func(prediction, y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if t % 5 == 0:
            print_('Loss=%.4f' % loss.data.numpy())
    OUT["t301"] = {"printed": printed, "prediction": vals(prediction)}


class ClsNet(torch.nn.Module):
    def __init__(self, n_feature, n_hidden, n_output):
        super(ClsNet, self).__init__()
        self.hidden = torch.nn.Linear(n_feature, n_hidden)
        self.out = torch.nn.Linear(n_hidden, n_output)

    def forward(self, x):
        x = F.relu(self.hidden(x))
        x = self.out(x)
        return x


def t302_classification():
    printed, print_ = printer()
    torch.manual_seed(1)
    n_data = torch.ones(100, 2)
    x0 = torch.normal(2 * n_data, 1)
    y0 = torch.zeros(100)
    x1 = torch.normal(-2 * n_data, 1)
    y1 = torch.ones(100)
    x = torch.cat((x0, x1), 0).type(torch.FloatTensor)
    y = torch.cat((y0, y1), ).type(torch.LongTensor)
    print_(x.dtype, y.dtype, x.shape, y.shape, y.type())
    print_(torch.FloatTensor.dtype, torch.LongTensor.dtype)
    net = ClsNet(n_feature=2, n_hidden=10, n_output=2)
    print_(net)
    optimizer = torch.optim.SGD(net.parameters(), lr=0.02)
    loss_func = torch.nn.CrossEntropyLoss()
    for t in range(100):
        out = net(x)
        loss = loss_func(out, y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if t % 10 == 0:
            prediction = torch.max(out, 1)[1]
            pred_y = prediction.data.numpy()
            target_y = y.data.numpy()
            accuracy = float((pred_y == target_y).astype(int).sum()) / float(target_y.size)
            print_('Accuracy=%.2f' % accuracy, 'loss=%.4f' % loss.item())
    OUT["t302"] = {"printed": printed, "x0": vals(x0[:3])}


def t303_build_nn_quickly():
    torch.manual_seed(1)
    net1 = RegNet(1, 10, 1)
    net2 = torch.nn.Sequential(torch.nn.Linear(1, 10), torch.nn.ReLU(), torch.nn.Linear(10, 1))
    x = torch.linspace(-1, 1, 5).unsqueeze(1)
    net2.load_state_dict({"0.weight": net1.hidden.weight, "0.bias": net1.hidden.bias,
                          "2.weight": net1.predict.weight, "2.bias": net1.predict.bias})
    OUT["t303"] = {"printed": [str(net1), str(net2)], "same": bool(torch.equal(net1(x), net2(x))), "out": vals(net2(x))}


def t304_save_reload():
    torch.manual_seed(1)
    x = torch.unsqueeze(torch.linspace(-1, 1, 100), dim=1)
    y = x.pow(2) + 0.2 * torch.rand(x.size())
    net1 = torch.nn.Sequential(torch.nn.Linear(1, 10), torch.nn.ReLU(), torch.nn.Linear(10, 1))
    optimizer = torch.optim.SGD(net1.parameters(), lr=0.5)
    loss_func = torch.nn.MSELoss()
    for t in range(100):
        prediction = net1(x)
        loss = loss_func(prediction, y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    buf = io.BytesIO()
    torch.save(net1, buf)
    buf.seek(0)
    net2 = torch.load(buf)
    buf = io.BytesIO()
    torch.save(net1.state_dict(), buf)
    buf.seek(0)
    net3 = torch.nn.Sequential(torch.nn.Linear(1, 10), torch.nn.ReLU(), torch.nn.Linear(10, 1))
    net3.load_state_dict(torch.load(buf))
    OUT["t304"] = {"loss": loss.item(), "prediction": vals(prediction), "net2": vals(net2(x)), "net3": vals(net3(x)), "printed": str(net2)}


def t305_batch_train():
    printed, print_ = printer()
    torch.manual_seed(1)
    BATCH_SIZE = 5
    x = torch.linspace(1, 10, 10)
    y = torch.linspace(10, 1, 10)
    torch_dataset = Data.TensorDataset(x, y)
    loader = Data.DataLoader(dataset=torch_dataset, batch_size=BATCH_SIZE, shuffle=True)
    for epoch in range(3):
        for step, (batch_x, batch_y) in enumerate(loader):
            print_('Epoch: ', epoch, '| Step: ', step, '| batch x: ', batch_x, '| batch y: ', batch_y)
    # the tutorial's first version: keywords that TensorDataset no longer takes
    OUT["t305"] = {"printed": printed,
                   "old_keywords": err(lambda: Data.TensorDataset(data_tensor=x, target_tensor=y))}


class OptNet(torch.nn.Module):
    def __init__(self):
        super(OptNet, self).__init__()
        self.hidden = torch.nn.Linear(1, 20)
        self.predict = torch.nn.Linear(20, 1)

    def forward(self, x):
        x = F.relu(self.hidden(x))
        x = self.predict(x)
        return x


def t306_optimizer():
    printed, print_ = printer()
    torch.manual_seed(1)
    LR = 0.01
    BATCH_SIZE = 32
    EPOCH = 2
    x = torch.unsqueeze(torch.linspace(-1, 1, 256), dim=1)
    y = x.pow(2) + 0.1 * torch.normal(torch.zeros(*x.size()))
    torch_dataset = Data.TensorDataset(x, y)
    loader = Data.DataLoader(dataset=torch_dataset, batch_size=BATCH_SIZE, shuffle=True)
    nets = [OptNet(), OptNet(), OptNet(), OptNet()]
    net_SGD, net_Momentum, net_RMSprop, net_Adam = nets
    opt_SGD = torch.optim.SGD(net_SGD.parameters(), lr=LR)
    opt_Momentum = torch.optim.SGD(net_Momentum.parameters(), lr=LR, momentum=0.8)
    opt_RMSprop = torch.optim.RMSprop(net_RMSprop.parameters(), lr=LR, alpha=0.9)
    opt_Adam = torch.optim.Adam(net_Adam.parameters(), lr=LR, betas=(0.9, 0.99))
    optimizers = [opt_SGD, opt_Momentum, opt_RMSprop, opt_Adam]
    loss_func = torch.nn.MSELoss()
    losses_his = [[], [], [], []]
    for epoch in range(EPOCH):
        print_('Epoch: ', epoch)
        for step, (b_x, b_y) in enumerate(loader):
            for net, opt, l_his in zip(nets, optimizers, losses_his):
                output = net(b_x)
                loss = loss_func(output, b_y)
                opt.zero_grad()
                loss.backward()
                opt.step()
                l_his.append(float(loss.data.numpy()))
    OUT["t306"] = {"printed": printed, "losses": losses_his, "opt_repr": [str(o) for o in optimizers]}


def fake_mnist(n, seed):
    """Stand-in for MNIST's uint8 images and labels: seeded torch.randint."""
    g = torch.Generator().manual_seed(seed)
    images = torch.randint(0, 256, (n, 28, 28), generator=g)
    labels = torch.randint(0, 10, (n,), generator=g)
    return images, labels


class CNN(nn.Module):
    def __init__(self):
        super(CNN, self).__init__()
        self.conv1 = nn.Sequential(
            nn.Conv2d(in_channels=1, out_channels=16, kernel_size=5, stride=1, padding=2),
            nn.ReLU(),
            nn.MaxPool2d(kernel_size=2),
        )
        self.conv2 = nn.Sequential(nn.Conv2d(16, 32, 5, 1, 2), nn.ReLU(), nn.MaxPool2d(2))
        self.out = nn.Linear(32 * 7 * 7, 10)

    def forward(self, x):
        x = self.conv1(x)
        x = self.conv2(x)
        x = x.view(x.size(0), -1)
        output = self.out(x)
        return output, x


def t401_cnn():
    printed, print_ = printer()
    torch.manual_seed(1)
    BATCH_SIZE = 50
    LR = 0.001
    images, labels = fake_mnist(150, 11)
    train_data = Data.TensorDataset(torch.unsqueeze(images, dim=1).type(torch.FloatTensor) / 255., labels)
    print_(images.size())
    print_(labels.size())
    train_loader = Data.DataLoader(dataset=train_data, batch_size=BATCH_SIZE, shuffle=True)
    test_images, test_labels = fake_mnist(60, 12)
    test_x = torch.unsqueeze(test_images, dim=1).type(torch.FloatTensor)[:40] / 255.
    test_y = test_labels[:40]
    cnn = CNN()
    print_(cnn)
    optimizer = torch.optim.Adam(cnn.parameters(), lr=LR)
    loss_func = nn.CrossEntropyLoss()
    for epoch in range(1):
        for step, (b_x, b_y) in enumerate(train_loader):
            output = cnn(b_x)[0]
            loss = loss_func(output, b_y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            if step % 2 == 0:
                test_output, last_layer = cnn(test_x)
                pred_y = torch.max(test_output, 1)[1].data.numpy()
                accuracy = float((pred_y == test_y.data.numpy()).astype(int).sum()) / float(test_y.size(0))
                print_('Epoch: ', epoch, '| train loss: %.4f' % loss.data.numpy(), '| test accuracy: %.2f' % accuracy)
    test_output, _ = cnn(test_x[:10])
    pred_y = torch.max(test_output, 1)[1]
    print_(pred_y, 'prediction number')
    print_(test_y[:10], 'real number')
    OUT["t401"] = {"printed": printed, "last_layer_shape": list(last_layer.shape), "test_output": vals(test_output)}


class LSTMNet(nn.Module):
    def __init__(self):
        super(LSTMNet, self).__init__()
        self.rnn = nn.LSTM(input_size=28, hidden_size=64, num_layers=1, batch_first=True)
        self.out = nn.Linear(64, 10)

    def forward(self, x):
        r_out, (h_n, h_c) = self.rnn(x, None)
        out = self.out(r_out[:, -1, :])
        return out


def t402_rnn_classifier():
    printed, print_ = printer()
    torch.manual_seed(1)
    images, labels = fake_mnist(96, 21)
    train_data = Data.TensorDataset(images.type(torch.FloatTensor) / 255., labels)
    train_loader = torch.utils.data.DataLoader(dataset=train_data, batch_size=32, shuffle=True)
    test_images, test_labels = fake_mnist(40, 22)
    test_x = test_images.type(torch.FloatTensor)[:30] / 255.
    test_y = test_labels.numpy()[:30]
    rnn = LSTMNet()
    print_(rnn)
    optimizer = torch.optim.Adam(rnn.parameters(), lr=0.01)
    loss_func = nn.CrossEntropyLoss()
    for epoch in range(1):
        for step, (b_x, b_y) in enumerate(train_loader):
            b_x = b_x.view(-1, 28, 28)
            output = rnn(b_x)
            loss = loss_func(output, b_y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            test_output = rnn(test_x)
            pred_y = torch.max(test_output, 1)[1].data.numpy()
            accuracy = float((pred_y == test_y).astype(int).sum()) / float(test_y.size)
            print_('Epoch: ', epoch, '| train loss: %.4f' % loss.data.numpy(), '| test accuracy: %.2f' % accuracy)
    test_output = rnn(test_x[:10].view(-1, 28, 28))
    pred_y = torch.max(test_output, 1)[1]
    print_(pred_y, 'prediction number')
    OUT["t402"] = {"printed": printed, "test_output": vals(test_output)}


class RNNReg(nn.Module):
    def __init__(self):
        super(RNNReg, self).__init__()
        self.rnn = nn.RNN(input_size=1, hidden_size=32, num_layers=1, batch_first=True)
        self.out = nn.Linear(32, 1)

    def forward(self, x, h_state):
        r_out, h_state = self.rnn(x, h_state)
        outs = []
        for time_step in range(r_out.size(1)):
            outs.append(self.out(r_out[:, time_step, :]))
        return torch.stack(outs, dim=1), h_state


def t403_rnn_regressor():
    printed, print_ = printer()
    torch.manual_seed(1)
    TIME_STEP = 10
    rnn = RNNReg()
    print_(rnn)
    optimizer = torch.optim.Adam(rnn.parameters(), lr=0.02)
    loss_func = nn.MSELoss()
    h_state = None
    losses = []
    for step in range(15):
        start, end = step * torch.pi, (step + 1) * torch.pi
        # np.linspace(start, end, TIME_STEP, endpoint=False)
        steps = torch.linspace(start, end, TIME_STEP + 1)[:-1]
        x_np = torch.sin(steps)
        y_np = torch.cos(steps)
        x = x_np[None, :, None]
        y = y_np[None, :, None]
        prediction, h_state = rnn(x, h_state)
        h_state = h_state.data
        loss = loss_func(prediction, y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    OUT["t403"] = {"printed": printed, "losses": losses, "h_state": vals(h_state), "h_shape": list(h_state.shape),
                   "prediction": vals(prediction)}


class AutoEncoder(nn.Module):
    def __init__(self):
        super(AutoEncoder, self).__init__()
        self.encoder = nn.Sequential(
            nn.Linear(28 * 28, 128), nn.Tanh(), nn.Linear(128, 64), nn.Tanh(),
            nn.Linear(64, 12), nn.Tanh(), nn.Linear(12, 3),
        )
        self.decoder = nn.Sequential(
            nn.Linear(3, 12), nn.Tanh(), nn.Linear(12, 64), nn.Tanh(),
            nn.Linear(64, 128), nn.Tanh(), nn.Linear(128, 28 * 28), nn.Sigmoid(),
        )

    def forward(self, x):
        encoded = self.encoder(x)
        decoded = self.decoder(encoded)
        return encoded, decoded


def t404_autoencoder():
    printed, print_ = printer()
    torch.manual_seed(1)
    images, labels = fake_mnist(128, 31)
    train_data = Data.TensorDataset(images.type(torch.FloatTensor) / 255., labels)
    train_loader = Data.DataLoader(dataset=train_data, batch_size=64, shuffle=True)
    autoencoder = AutoEncoder()
    print_(autoencoder)
    optimizer = torch.optim.Adam(autoencoder.parameters(), lr=0.005)
    loss_func = nn.MSELoss()
    view_data = images[:5].view(-1, 28 * 28).type(torch.FloatTensor) / 255.
    for epoch in range(2):
        for step, (x, b_label) in enumerate(train_loader):
            b_x = x.view(-1, 28 * 28)
            b_y = x.view(-1, 28 * 28)
            encoded, decoded = autoencoder(b_x)
            loss = loss_func(decoded, b_y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            print_('Epoch: ', epoch, '| train loss: %.4f' % loss.data.numpy())
    _, decoded_data = autoencoder(view_data)
    view_data = images[:20].view(-1, 28 * 28).type(torch.FloatTensor) / 255.
    encoded_data, _ = autoencoder(view_data)
    X = encoded_data.data[:, 0]
    OUT["t404"] = {"printed": printed, "decoded_shape": list(decoded_data.shape), "decoded": vals(decoded_data[0]),
                   "encoded": vals(encoded_data), "X": vals(X)}


def t406_gan():
    printed, print_ = printer()
    torch.manual_seed(1)
    BATCH_SIZE = 64
    N_IDEAS = 5
    ART_COMPONENTS = 15
    PAINT_POINTS = torch.vstack([torch.linspace(-1, 1, ART_COMPONENTS) for _ in range(BATCH_SIZE)])

    def artist_works():
        a = (torch.rand(BATCH_SIZE) + 1)[:, None]   # np.random.uniform(1, 2, size=BATCH_SIZE)[:, np.newaxis]
        paintings = a * torch.pow(PAINT_POINTS, 2) + (a - 1)
        return paintings.float()

    G = nn.Sequential(nn.Linear(N_IDEAS, 128), nn.ReLU(), nn.Linear(128, ART_COMPONENTS))
    D = nn.Sequential(nn.Linear(ART_COMPONENTS, 128), nn.ReLU(), nn.Linear(128, 1), nn.Sigmoid())
    opt_D = torch.optim.Adam(D.parameters(), lr=0.0001)
    opt_G = torch.optim.Adam(G.parameters(), lr=0.0001)
    for step in range(20):
        artist_paintings = artist_works()
        G_ideas = torch.randn(BATCH_SIZE, N_IDEAS, requires_grad=True)
        G_paintings = G(G_ideas)
        prob_artist1 = D(G_paintings)
        G_loss = torch.mean(torch.log(1. - prob_artist1))
        opt_G.zero_grad()
        G_loss.backward()
        opt_G.step()
        prob_artist0 = D(artist_paintings)
        prob_artist1 = D(G_paintings.detach())
        D_loss = - torch.mean(torch.log(prob_artist0) + torch.log(1. - prob_artist1))
        opt_D.zero_grad()
        D_loss.backward(retain_graph=True)
        opt_D.step()
        if step % 5 == 0:
            print_('D accuracy=%.2f (0.5 for D to converge)' % prob_artist0.data.numpy().mean(),
                   'D score= %.2f (-1.38 for G to converge)' % -D_loss.data.numpy())
    OUT["t406"] = {"printed": printed, "G_paintings0": vals(G_paintings[0]), "G_ideas_grad": vals(G_ideas.grad[0])}


def t503_dropout():
    printed, print_ = printer()
    torch.manual_seed(1)
    N_SAMPLES = 20
    N_HIDDEN = 100
    x = torch.unsqueeze(torch.linspace(-1, 1, N_SAMPLES), 1)
    y = x + 0.3 * torch.normal(torch.zeros(N_SAMPLES, 1), torch.ones(N_SAMPLES, 1))
    test_x = torch.unsqueeze(torch.linspace(-1, 1, N_SAMPLES), 1)
    test_y = test_x + 0.3 * torch.normal(torch.zeros(N_SAMPLES, 1), torch.ones(N_SAMPLES, 1))
    net_overfitting = torch.nn.Sequential(
        torch.nn.Linear(1, N_HIDDEN), torch.nn.ReLU(),
        torch.nn.Linear(N_HIDDEN, N_HIDDEN), torch.nn.ReLU(),
        torch.nn.Linear(N_HIDDEN, 1),
    )
    net_dropped = torch.nn.Sequential(
        torch.nn.Linear(1, N_HIDDEN), torch.nn.Dropout(0.5), torch.nn.ReLU(),
        torch.nn.Linear(N_HIDDEN, N_HIDDEN), torch.nn.Dropout(0.5), torch.nn.ReLU(),
        torch.nn.Linear(N_HIDDEN, 1),
    )
    print_(net_overfitting)
    print_(net_dropped)
    optimizer_ofit = torch.optim.Adam(net_overfitting.parameters(), lr=0.01)
    optimizer_drop = torch.optim.Adam(net_dropped.parameters(), lr=0.01)
    loss_func = torch.nn.MSELoss()
    for t in range(30):
        pred_ofit = net_overfitting(x)
        pred_drop = net_dropped(x)
        loss_ofit = loss_func(pred_ofit, y)
        loss_drop = loss_func(pred_drop, y)
        optimizer_ofit.zero_grad()
        optimizer_drop.zero_grad()
        loss_ofit.backward()
        loss_drop.backward()
        optimizer_ofit.step()
        optimizer_drop.step()
        if t % 10 == 0:
            net_overfitting.eval()
            net_dropped.eval()
            test_pred_ofit = net_overfitting(test_x)
            test_pred_drop = net_dropped(test_x)
            print_('overfitting loss=%.4f' % loss_func(test_pred_ofit, test_y).data.numpy(),
                   'dropout loss=%.4f' % loss_func(test_pred_drop, test_y).data.numpy())
            net_overfitting.train()
            net_dropped.train()
    OUT["t503"] = {"printed": printed, "train_losses": [loss_ofit.item(), loss_drop.item()]}


N_HIDDEN_BN = 8
B_INIT = -0.2


class BNNet(nn.Module):
    def __init__(self, batch_normalization=False):
        super(BNNet, self).__init__()
        self.do_bn = batch_normalization
        self.fcs = []
        self.bns = []
        self.bn_input = nn.BatchNorm1d(1, momentum=0.5)
        for i in range(N_HIDDEN_BN):
            input_size = 1 if i == 0 else 10
            fc = nn.Linear(input_size, 10)
            setattr(self, 'fc%i' % i, fc)
            self._set_init(fc)
            self.fcs.append(fc)
            if self.do_bn:
                bn = nn.BatchNorm1d(10, momentum=0.5)
                setattr(self, 'bn%i' % i, bn)
                self.bns.append(bn)
        self.predict = nn.Linear(10, 1)
        self._set_init(self.predict)

    def _set_init(self, layer):
        init.normal_(layer.weight, mean=0., std=.1)
        init.constant_(layer.bias, B_INIT)

    def forward(self, x):
        pre_activation = [x]
        if self.do_bn:
            x = self.bn_input(x)
        layer_input = [x]
        for i in range(N_HIDDEN_BN):
            x = self.fcs[i](x)
            pre_activation.append(x)
            if self.do_bn:
                x = self.bns[i](x)
            x = torch.tanh(x)
            layer_input.append(x)
        out = self.predict(x)
        return out, layer_input, pre_activation


def t504_batch_normalization():
    printed, print_ = printer()
    torch.manual_seed(1)
    N_SAMPLES = 256
    x = torch.linspace(-7, 10, N_SAMPLES)[:, None]
    noise = torch.normal(0, 2, x.shape)
    y = torch.square(x) - 5 + noise
    test_x = torch.linspace(-7, 10, 50)[:, None]
    noise = torch.normal(0, 2, test_x.shape)
    test_y = torch.square(test_x) - 5 + noise
    train_loader = Data.DataLoader(dataset=Data.TensorDataset(x, y), batch_size=64, shuffle=True)
    nets = [BNNet(batch_normalization=False), BNNet(batch_normalization=True)]
    print_(nets[1])
    print_([len(list(net.parameters())) for net in nets], list(nets[1].state_dict().keys())[:8])
    opts = [torch.optim.Adam(net.parameters(), lr=0.03) for net in nets]
    loss_func = torch.nn.MSELoss()
    losses = [[], []]
    for epoch in range(2):
        print_('Epoch: ', epoch)
        layer_inputs, pre_acts = [], []
        for net, l in zip(nets, losses):
            net.eval()
            pred, layer_input, pre_act = net(test_x)
            l.append(loss_func(pred, test_y).data.item())
            layer_inputs.append(layer_input)
            pre_acts.append(pre_act)
            net.train()
        for step, (b_x, b_y) in enumerate(train_loader):
            for net, opt in zip(nets, opts):
                pred, _, _ = net(b_x)
                loss = loss_func(pred, b_y)
                opt.zero_grad()
                loss.backward()
                opt.step()
    [net.eval() for net in nets]
    preds = [net(test_x)[0] for net in nets]
    OUT["t504"] = {"printed": printed, "losses": losses, "preds": [vals(p) for p in preds],
                   "hist": vals(torch.histc(pre_acts[0][1], bins=10, min=-4, max=4))}


def old_forms():
    """The tutorials' pre-0.4 spellings, as PyTorch 1.13 answers them (values, errors, warnings)."""
    import warnings
    out = {}
    loss = torch.tensor([1.5, 2.5]).mean()
    out["data_0"] = err(lambda: loss.data[0])
    x = torch.linspace(1, 10, 10)
    out["tensor_dataset_keywords"] = err(lambda: Data.TensorDataset(data_tensor=x, target_tensor=x))
    w = torch.ones(2, requires_grad=True)
    out["retain_variables"] = err(lambda: (w * 2).sum().backward(retain_variables=True))
    logits = torch.tensor([[1., 2., 3.], [3., 1., 0.]])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out["softmax_argmax"] = vals(torch.max(F.softmax(logits), 1)[1].float())
        torch.manual_seed(3)
        a = torch.empty(3, 2)
        init.normal(a, mean=0., std=.1)
        init.constant(torch.empty(2), -0.2)
        Variable(x, volatile=True)
    out["init_normal"] = vals(a)
    out["warnings"] = [str(c.message) for c in caught]
    out["constants"] = [torch.pi, torch.e]
    OUT["old_forms"] = out


# the tutorials call all these classes Net or RNN (one file each); the reprs print that name
for cls, name in [(RegNet, "Net"), (ClsNet, "Net"), (OptNet, "Net"), (BNNet, "Net"), (LSTMNet, "RNN"), (RNNReg, "RNN")]:
    cls.__name__ = name

for f in [t201_torch_numpy, t202_variable, t203_activation, t301_regression, t302_classification,
          t303_build_nn_quickly, t304_save_reload, t305_batch_train, t306_optimizer, t401_cnn,
          t402_rnn_classifier, t403_rnn_regressor, t404_autoencoder, t406_gan, t503_dropout,
          t504_batch_normalization, old_forms]:
    f()

if __name__ == "__main__":
    print(write_json(OUT, "morvan.json"))
