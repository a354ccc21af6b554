"""Reference outputs of four more PyTorch tutorials, for the line-by-line ports in test/tutorials/.

Run with Debian's interpreter, which has PyTorch 1.13 and torchvision 0.14:
    /usr/bin/python3 test/reference/gen_tutorials2.py
Writes test/reference/tutorials2.json: {section: {name: value}}.

Sections: "NLP From Scratch: Classifying Names with a Character-Level RNN" (char_rnn_classification),
"Generating Names with a Character-Level RNN" (char_rnn_generation), "DCGAN Tutorial" (dcgan, at
16x16 with fewer layers), "Adversarial Example Generation" (fgsm), "Spatial Transformer Networks" (stn)
and "Neural Transfer Using PyTorch" (neural_style, with a small seeded conv stack for VGG-19).

torchlab's default generator reproduces PyTorch's CPU stream (mt19937 with ATen's transforms), so the
tutorials' own seeding (torch.manual_seed) gives both sides the same initial weights, noise, dropout
masks and DataLoader shuffles. What the tutorials download (the names files, CelebA, LeNet's MNIST
weights) is replaced by small synthetic data made the same way on both sides, and Python's
`random.choice` over the training pairs by a fixed cycle.
"""
import string
import unicodedata

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
import torchvision
import torchvision.transforms as transforms
import torchvision.utils as vutils
from torch.utils.data import DataLoader, TensorDataset

from _common import enc
from _tutorial_common import digits, write_json

OUT = {}

# The names files (data/names/*.txt), a few per language, some with accents for unicodeToAscii.
NAMES = {
    "English": ["Abbott", "Adams", "Baker", "Carter", "Dawson", "Ellis", "Fletcher"],
    "French": ["Abel", "Beaumont", "Chevalier", "Dubois", "Fontaine", "Lefèvre"],
    "Russian": ["Abramov", "Babanin", "Chernov", "Dovesky", "Ivanov", "Jakovlev", "Kozlov"],
    "Japanese": ["Abe", "Fujita", "Hayashi", "Ito", "Kato", "Nakamura", "Sato"],
}


# ------------------------------------------------------------------ Classifying Names
def char_rnn_classification():
    r = {}
    all_letters = string.ascii_letters + " .,;'"
    n_letters = len(all_letters)

    def unicodeToAscii(s):
        return ''.join(c for c in unicodedata.normalize('NFD', s)
                       if unicodedata.category(c) != 'Mn' and c in all_letters)

    r["unicodeToAscii"] = unicodeToAscii('Ślusàrski')
    category_lines = {}
    all_categories = []
    for category, lines in NAMES.items():
        all_categories.append(category)
        category_lines[category] = [unicodeToAscii(line) for line in lines]
    n_categories = len(all_categories)
    r["french"] = category_lines['French'][:5]

    def letterToIndex(letter):
        return all_letters.find(letter)

    def letterToTensor(letter):
        tensor = torch.zeros(1, n_letters)
        tensor[0][letterToIndex(letter)] = 1
        return tensor

    def lineToTensor(line):
        tensor = torch.zeros(len(line), 1, n_letters)
        for li, letter in enumerate(line):
            tensor[li][0][letterToIndex(letter)] = 1
        return tensor

    r["letterToTensor_J"] = repr(letterToTensor('J'))
    r["lineToTensor_size"] = str(lineToTensor('Jones').size())

    class RNN(nn.Module):
        def __init__(self, input_size, hidden_size, output_size):
            super(RNN, self).__init__()
            self.hidden_size = hidden_size
            self.i2h = nn.Linear(input_size + hidden_size, hidden_size)
            self.i2o = nn.Linear(input_size + hidden_size, output_size)
            self.softmax = nn.LogSoftmax(dim=1)

        def forward(self, input, hidden):
            combined = torch.cat((input, hidden), 1)
            hidden = self.i2h(combined)
            output = self.i2o(combined)
            output = self.softmax(output)
            return output, hidden

        def initHidden(self):
            return torch.zeros(1, self.hidden_size)

    torch.manual_seed(0)
    n_hidden = 128
    rnn = RNN(n_letters, n_hidden, n_categories)
    r["rnn_repr"] = repr(rnn)
    input = letterToTensor('A')
    hidden = torch.zeros(1, n_hidden)
    output, next_hidden = rnn(input, hidden)
    input = lineToTensor('Albert')
    hidden = torch.zeros(1, n_hidden)
    output, next_hidden = rnn(input[0], hidden)
    r["output"] = repr(output)

    def categoryFromOutput(output):
        top_n, top_i = output.topk(1)
        category_i = top_i[0].item()
        return all_categories[category_i], category_i

    r["categoryFromOutput"] = list(categoryFromOutput(output))

    # random.choice over categories and lines replaced by a fixed cycle
    step = [0]

    def randomTrainingExample():
        i = step[0]
        step[0] += 1
        category = all_categories[i % n_categories]
        lines = category_lines[category]
        line = lines[(i * 3) % len(lines)]
        category_tensor = torch.tensor([all_categories.index(category)], dtype=torch.long)
        line_tensor = lineToTensor(line)
        return category, line, category_tensor, line_tensor

    criterion = nn.NLLLoss()
    learning_rate = 0.005

    def train(category_tensor, line_tensor):
        hidden = rnn.initHidden()
        rnn.zero_grad()
        for i in range(line_tensor.size()[0]):
            output, hidden = rnn(line_tensor[i], hidden)
        loss = criterion(output, category_tensor)
        loss.backward()
        # Add parameters' gradients to their values, multiplied by learning rate
        for p in rnn.parameters():
            p.data.add_(p.grad.data, alpha=-learning_rate)
        return output, loss.item()

    n_iters = 120
    print_every = 30
    plot_every = 10
    current_loss = 0
    all_losses = []
    printed = []
    for iter in range(1, n_iters + 1):
        category, line, category_tensor, line_tensor = randomTrainingExample()
        output, loss = train(category_tensor, line_tensor)
        current_loss += loss
        if iter % print_every == 0:
            guess, guess_i = categoryFromOutput(output)
            correct = '✓' if guess == category else '✗ (%s)' % category
            printed.append('%d %d%% %.4f %s / %s %s' % (iter, iter / n_iters * 100, loss, line, guess, correct))
        if iter % plot_every == 0:
            all_losses.append(current_loss / plot_every)
            current_loss = 0
    r["printed"] = printed
    r["all_losses"] = all_losses

    confusion = torch.zeros(n_categories, n_categories)
    n_confusion = 40

    def evaluate(line_tensor):
        hidden = rnn.initHidden()
        for i in range(line_tensor.size()[0]):
            output, hidden = rnn(line_tensor[i], hidden)
        return output

    for i in range(n_confusion):
        category, line, category_tensor, line_tensor = randomTrainingExample()
        output = evaluate(line_tensor)
        guess, guess_i = categoryFromOutput(output)
        category_i = all_categories.index(category)
        confusion[category_i][guess_i] += 1
    for i in range(n_categories):
        confusion[i] = confusion[i] / confusion[i].sum()
    r["confusion"] = enc(confusion)

    predicted = []

    def predict(input_line, n_predictions=3):
        predicted.append('\n> %s' % input_line)
        with torch.no_grad():
            output = evaluate(lineToTensor(input_line))
            topv, topi = output.topk(n_predictions, 1, True)
            predictions = []
            for i in range(n_predictions):
                value = topv[0][i].item()
                category_index = topi[0][i].item()
                predicted.append('(%.2f) %s' % (value, all_categories[category_index]))
                predictions.append([value, all_categories[category_index]])
        return predictions

    predict('Dovesky')
    predict('Jackson')
    predict('Satoshi')
    r["predict"] = predicted
    OUT["char_rnn_classification"] = r


# ------------------------------------------------------------------ Generating Names
def char_rnn_generation():
    r = {}
    all_letters = string.ascii_letters + " .,;'-"
    n_letters = len(all_letters) + 1  # Plus EOS marker

    def unicodeToAscii(s):
        return ''.join(c for c in unicodedata.normalize('NFD', s)
                       if unicodedata.category(c) != 'Mn' and c in all_letters)

    category_lines = {}
    all_categories = []
    for category, lines in NAMES.items():
        all_categories.append(category)
        category_lines[category] = [unicodeToAscii(line) for line in lines]
    n_categories = len(all_categories)

    class RNN(nn.Module):
        def __init__(self, input_size, hidden_size, output_size):
            super(RNN, self).__init__()
            self.hidden_size = hidden_size
            self.i2h = nn.Linear(n_categories + input_size + hidden_size, hidden_size)
            self.i2o = nn.Linear(n_categories + input_size + hidden_size, output_size)
            self.o2o = nn.Linear(hidden_size + output_size, output_size)
            self.dropout = nn.Dropout(0.1)
            self.softmax = nn.LogSoftmax(dim=1)

        def forward(self, category, input, hidden):
            input_combined = torch.cat((category, input, hidden), 1)
            hidden = self.i2h(input_combined)
            output = self.i2o(input_combined)
            output_combined = torch.cat((hidden, output), 1)
            output = self.o2o(output_combined)
            output = self.dropout(output)
            output = self.softmax(output)
            return output, hidden

        def initHidden(self):
            return torch.zeros(1, self.hidden_size)

    step = [0]

    def randomTrainingPair():
        i = step[0]
        step[0] += 1
        category = all_categories[i % n_categories]
        lines = category_lines[category]
        return category, lines[(i * 3) % len(lines)]

    def categoryTensor(category):
        li = all_categories.index(category)
        tensor = torch.zeros(1, n_categories)
        tensor[0][li] = 1
        return tensor

    def inputTensor(line):
        tensor = torch.zeros(len(line), 1, n_letters)
        for li in range(len(line)):
            letter = line[li]
            tensor[li][0][all_letters.find(letter)] = 1
        return tensor

    def targetTensor(line):
        letter_indexes = [all_letters.find(line[li]) for li in range(1, len(line))]
        letter_indexes.append(n_letters - 1)  # EOS
        return torch.LongTensor(letter_indexes)

    def randomTrainingExample():
        category, line = randomTrainingPair()
        category_tensor = categoryTensor(category)
        input_line_tensor = inputTensor(line)
        target_line_tensor = targetTensor(line)
        return category_tensor, input_line_tensor, target_line_tensor

    r["targetTensor"] = repr(targetTensor("Abe"))
    criterion = nn.NLLLoss()
    learning_rate = 0.0005

    def train(category_tensor, input_line_tensor, target_line_tensor):
        target_line_tensor.unsqueeze_(-1)
        hidden = rnn.initHidden()
        rnn.zero_grad()
        loss = torch.Tensor([0])  # you can also just simply use ``loss = 0``
        for i in range(input_line_tensor.size(0)):
            output, hidden = rnn(category_tensor, input_line_tensor[i], hidden)
            l = criterion(output, target_line_tensor[i])
            loss += l
        loss.backward()
        for p in rnn.parameters():
            p.data.add_(p.grad.data, alpha=-learning_rate)
        return output, loss.item() / input_line_tensor.size(0)

    torch.manual_seed(0)
    rnn = RNN(n_letters, 128, n_letters)
    n_iters = 80
    print_every = 20
    plot_every = 10
    all_losses = []
    total_loss = 0
    printed = []
    for iter in range(1, n_iters + 1):
        output, loss = train(*randomTrainingExample())
        total_loss += loss
        if iter % print_every == 0:
            printed.append('(%d %d%%) %.4f' % (iter, iter / n_iters * 100, loss))
        if iter % plot_every == 0:
            all_losses.append(total_loss / plot_every)
            total_loss = 0
    r["printed"] = printed
    r["all_losses"] = all_losses
    r["rnn_repr"] = repr(rnn)

    max_length = 20

    def sample(category, start_letter='A'):
        with torch.no_grad():  # no need to track history in sampling
            category_tensor = categoryTensor(category)
            input = inputTensor(start_letter)
            hidden = rnn.initHidden()
            output_name = start_letter
            for i in range(max_length):
                output, hidden = rnn(category_tensor, input[0], hidden)
                topv, topi = output.topk(1)
                topi = topi[0][0]
                if topi == n_letters - 1:
                    break
                else:
                    letter = all_letters[topi]
                    output_name += letter
                input = inputTensor(letter)
            return output_name

    # The exercise's variant: draw the next letter from the distribution instead of taking the top one.
    def sample_multinomial(category, start_letter='A'):
        with torch.no_grad():
            category_tensor = categoryTensor(category)
            input = inputTensor(start_letter)
            hidden = rnn.initHidden()
            output_name = start_letter
            for i in range(max_length):
                output, hidden = rnn(category_tensor, input[0], hidden)
                topi = torch.multinomial(output.exp(), 1)[0][0]
                if topi == n_letters - 1:
                    break
                else:
                    letter = all_letters[topi]
                    output_name += letter
                input = inputTensor(letter)
            return output_name

    samples = []
    torch.manual_seed(1)
    for category, start_letters in [('Russian', 'RUS'), ('Japanese', 'JAP')]:
        for start_letter in start_letters:
            samples.append(sample(category, start_letter))
    r["samples"] = samples
    rnn.eval()
    r["samples_eval"] = [sample('English', s) for s in 'ABC']
    rnn.train()
    torch.manual_seed(2)
    r["samples_multinomial"] = [sample_multinomial('French', s) for s in 'ABCD']
    OUT["char_rnn_generation"] = r


# ------------------------------------------------------------------ DCGAN
def dcgan():
    r = {}
    manualSeed = 999
    torch.manual_seed(manualSeed)
    batch_size = 8
    image_size = 16
    nc = 3
    nz = 16
    ngf = 8
    ndf = 8
    num_epochs = 2
    lr = 0.0002
    beta1 = 0.5

    # Stand-in for CelebA through ImageFolder + Resize/CenterCrop/ToTensor/Normalize: 32 images in [-1, 1].
    n = 32
    idx = torch.arange(n * nc * image_size * image_size, dtype=torch.float32)
    images = torch.sin(idx * 0.013).reshape(n, nc, image_size, image_size) * 0.9
    dataset = TensorDataset(images, torch.zeros(n, dtype=torch.long))
    dataloader = DataLoader(dataset, batch_size=batch_size, shuffle=True)

    real_batch = next(iter(dataloader))
    grid = vutils.make_grid(real_batch[0][:64], padding=2, normalize=True)
    r["real_grid"] = {"shape": list(grid.shape), "sum": float(grid.sum()), "corner": enc(grid[:, :4, :4])}

    def weights_init(m):
        classname = m.__class__.__name__
        if classname.find('Conv') != -1:
            nn.init.normal_(m.weight.data, 0.0, 0.02)
        elif classname.find('BatchNorm') != -1:
            nn.init.normal_(m.weight.data, 1.0, 0.02)
            nn.init.constant_(m.bias.data, 0)

    class Generator(nn.Module):
        def __init__(self):
            super(Generator, self).__init__()
            self.main = nn.Sequential(
                # input is Z, going into a convolution
                nn.ConvTranspose2d(nz, ngf * 4, 4, 1, 0, bias=False),
                nn.BatchNorm2d(ngf * 4),
                nn.ReLU(True),
                # state size. (ngf*4) x 4 x 4
                nn.ConvTranspose2d(ngf * 4, ngf * 2, 4, 2, 1, bias=False),
                nn.BatchNorm2d(ngf * 2),
                nn.ReLU(True),
                # state size. (ngf*2) x 8 x 8
                nn.ConvTranspose2d(ngf * 2, nc, 4, 2, 1, bias=False),
                nn.Tanh()
                # state size. (nc) x 16 x 16
            )

        def forward(self, input):
            return self.main(input)

    netG = Generator()
    netG.apply(weights_init)
    r["netG"] = repr(netG)

    class Discriminator(nn.Module):
        def __init__(self):
            super(Discriminator, self).__init__()
            self.main = nn.Sequential(
                # input is (nc) x 16 x 16
                nn.Conv2d(nc, ndf, 4, 2, 1, bias=False),
                nn.LeakyReLU(0.2, inplace=True),
                # state size. (ndf) x 8 x 8
                nn.Conv2d(ndf, ndf * 2, 4, 2, 1, bias=False),
                nn.BatchNorm2d(ndf * 2),
                nn.LeakyReLU(0.2, inplace=True),
                # state size. (ndf*2) x 4 x 4
                nn.Conv2d(ndf * 2, 1, 4, 1, 0, bias=False),
                nn.Sigmoid()
            )

        def forward(self, input):
            return self.main(input)

    netD = Discriminator()
    netD.apply(weights_init)
    r["netD"] = repr(netD)
    r["init_sums"] = [float(netG.main[0].weight.sum()), float(netG.main[1].weight.sum()), float(netD.main[0].weight.sum())]

    criterion = nn.BCELoss()
    fixed_noise = torch.randn(64, nz, 1, 1)
    real_label = 1.
    fake_label = 0.
    optimizerD = optim.Adam(netD.parameters(), lr=lr, betas=(beta1, 0.999))
    optimizerG = optim.Adam(netG.parameters(), lr=lr, betas=(beta1, 0.999))

    img_list = []
    G_losses = []
    D_losses = []
    iters = 0
    printed = []
    for epoch in range(num_epochs):
        for i, data in enumerate(dataloader, 0):
            # (1) Update D network: maximize log(D(x)) + log(1 - D(G(z)))
            netD.zero_grad()
            real_cpu = data[0]
            b_size = real_cpu.size(0)
            label = torch.full((b_size,), real_label, dtype=torch.float)
            output = netD(real_cpu).view(-1)
            errD_real = criterion(output, label)
            errD_real.backward()
            D_x = output.mean().item()
            noise = torch.randn(b_size, nz, 1, 1)
            fake = netG(noise)
            label.fill_(fake_label)
            output = netD(fake.detach()).view(-1)
            errD_fake = criterion(output, label)
            errD_fake.backward()
            D_G_z1 = output.mean().item()
            errD = errD_real + errD_fake
            optimizerD.step()
            # (2) Update G network: maximize log(D(G(z)))
            netG.zero_grad()
            label.fill_(real_label)
            output = netD(fake).view(-1)
            errG = criterion(output, label)
            errG.backward()
            D_G_z2 = output.mean().item()
            optimizerG.step()
            if i % 2 == 0:
                printed.append('[%d/%d][%d/%d]\tLoss_D: %.4f\tLoss_G: %.4f\tD(x): %.4f\tD(G(z)): %.4f / %.4f'
                               % (epoch, num_epochs, i, len(dataloader),
                                  errD.item(), errG.item(), D_x, D_G_z1, D_G_z2))
            G_losses.append(errG.item())
            D_losses.append(errD.item())
            if (iters % 5 == 0) or ((epoch == num_epochs - 1) and (i == len(dataloader) - 1)):
                with torch.no_grad():
                    fake = netG(fixed_noise).detach().cpu()
                img_list.append(vutils.make_grid(fake, padding=2, normalize=True))
            iters += 1
    r["printed"] = printed
    r["G_losses"] = G_losses
    r["D_losses"] = D_losses
    r["img_list"] = [{"shape": list(g.shape), "sum": float(g.sum()), "corner": enc(g[:, 2:6, 2:6])} for g in img_list]
    OUT["dcgan"] = r


# ------------------------------------------------------------------ Adversarial Example Generation
def fgsm():
    r = {}
    epsilons = [0, .05, .1, .2, .3]

    class Net(nn.Module):
        def __init__(self):
            super(Net, self).__init__()
            self.conv1 = nn.Conv2d(1, 10, kernel_size=5)
            self.conv2 = nn.Conv2d(10, 20, kernel_size=5)
            self.conv2_drop = nn.Dropout2d()
            self.fc1 = nn.Linear(320, 50)
            self.fc2 = nn.Linear(50, 10)

        def forward(self, x):
            x = F.relu(F.max_pool2d(self.conv1(x), 2))
            x = F.relu(F.max_pool2d(self.conv2_drop(self.conv2(x)), 2))
            x = x.view(-1, 320)
            x = F.relu(self.fc1(x))
            x = F.dropout(x, training=self.training)
            x = self.fc2(x)
            return F.log_softmax(x, dim=1)

    normalize = transforms.Normalize((0.1307,), (0.3081,))
    torch.manual_seed(42)
    # The tutorial loads LeNet's pretrained MNIST weights; here the same Net is trained briefly instead.
    model = Net()
    train_x, train_y = digits(60, 0)
    train_loader = DataLoader(TensorDataset(normalize(train_x), train_y), batch_size=10, shuffle=True)
    optimizer = optim.SGD(model.parameters(), lr=0.05, momentum=0.5)
    train_losses = []
    for epoch in range(6):
        model.train()
        for data, target in train_loader:
            optimizer.zero_grad()
            output = model(data)
            loss = F.nll_loss(output, target)
            loss.backward()
            optimizer.step()
        train_losses.append(loss.item())
    r["train_losses"] = train_losses

    test_x, test_y = digits(20, 3)
    test_loader = DataLoader(TensorDataset(normalize(test_x), test_y), batch_size=1, shuffle=True)
    model.eval()

    def fgsm_attack(image, epsilon, data_grad):
        sign_data_grad = data_grad.sign()
        perturbed_image = image + epsilon * sign_data_grad
        perturbed_image = torch.clamp(perturbed_image, 0, 1)
        return perturbed_image

    def denorm(batch, mean=[0.1307], std=[0.3081]):
        if isinstance(mean, list):
            mean = torch.tensor(mean)
        if isinstance(std, list):
            std = torch.tensor(std)
        return batch * std.view(1, -1, 1, 1) + mean.view(1, -1, 1, 1)

    printed = []

    def test(model, test_loader, epsilon):
        correct = 0
        adv_examples = []
        for data, target in test_loader:
            data.requires_grad = True
            output = model(data)
            init_pred = output.max(1, keepdim=True)[1]
            if init_pred.item() != target.item():
                continue
            loss = F.nll_loss(output, target)
            model.zero_grad()
            loss.backward()
            data_grad = data.grad.data
            data_denorm = denorm(data)
            perturbed_data = fgsm_attack(data_denorm, epsilon, data_grad)
            perturbed_data_normalized = transforms.Normalize((0.1307,), (0.3081,))(perturbed_data)
            output = model(perturbed_data_normalized)
            final_pred = output.max(1, keepdim=True)[1]
            if final_pred.item() == target.item():
                correct += 1
                if epsilon == 0 and len(adv_examples) < 5:
                    adv_ex = perturbed_data.squeeze().detach()
                    adv_examples.append((init_pred.item(), final_pred.item(), adv_ex))
            else:
                if len(adv_examples) < 5:
                    adv_ex = perturbed_data.squeeze().detach()
                    adv_examples.append((init_pred.item(), final_pred.item(), adv_ex))
        final_acc = correct / float(len(test_loader))
        printed.append(f"Epsilon: {epsilon}\tTest Accuracy = {correct} / {len(test_loader)} = {final_acc}")
        return final_acc, adv_examples

    accuracies = []
    examples = []
    for eps in epsilons:
        acc, ex = test(model, test_loader, eps)
        accuracies.append(acc)
        examples.append(ex)
    r["printed"] = printed
    r["accuracies"] = accuracies
    r["examples"] = [[[a, b, float(e.sum()), list(e.shape)] for a, b, e in ex] for ex in examples]
    OUT["fgsm"] = r

# ------------------------------------------------------------------ Spatial Transformer Networks
def stn():
    r = {}

    class Net(nn.Module):
        def __init__(self):
            super(Net, self).__init__()
            self.conv1 = nn.Conv2d(1, 10, kernel_size=5)
            self.conv2 = nn.Conv2d(10, 20, kernel_size=5)
            self.conv2_drop = nn.Dropout2d()
            self.fc1 = nn.Linear(320, 50)
            self.fc2 = nn.Linear(50, 10)
            # Spatial transformer localization-network
            self.localization = nn.Sequential(
                nn.Conv2d(1, 8, kernel_size=7),
                nn.MaxPool2d(2, stride=2),
                nn.ReLU(True),
                nn.Conv2d(8, 10, kernel_size=5),
                nn.MaxPool2d(2, stride=2),
                nn.ReLU(True)
            )
            # Regressor for the 3 * 2 affine matrix
            self.fc_loc = nn.Sequential(
                nn.Linear(10 * 3 * 3, 32),
                nn.ReLU(True),
                nn.Linear(32, 3 * 2)
            )
            # Initialize the weights/bias with identity transformation
            self.fc_loc[2].weight.data.zero_()
            self.fc_loc[2].bias.data.copy_(torch.tensor([1, 0, 0, 0, 1, 0], dtype=torch.float))

        # Spatial transformer network forward function
        def stn(self, x):
            xs = self.localization(x)
            xs = xs.view(-1, 10 * 3 * 3)
            theta = self.fc_loc(xs)
            theta = theta.view(-1, 2, 3)
            grid = F.affine_grid(theta, x.size())
            x = F.grid_sample(x, grid)
            return x

        def forward(self, x):
            # transform the input
            x = self.stn(x)
            # Perform the usual forward pass
            x = F.relu(F.max_pool2d(self.conv1(x), 2))
            x = F.relu(F.max_pool2d(self.conv2_drop(self.conv2(x)), 2))
            x = x.view(-1, 320)
            x = F.relu(self.fc1(x))
            x = F.dropout(x, training=self.training)
            x = self.fc2(x)
            return F.log_softmax(x, dim=1)

    normalize = transforms.Normalize((0.1307,), (0.3081,))
    torch.manual_seed(3)
    train_x, train_y = digits(40, 0)
    test_x, test_y = digits(20, 5)
    train_loader = DataLoader(TensorDataset(normalize(train_x), train_y), batch_size=8, shuffle=True)
    test_loader = DataLoader(TensorDataset(normalize(test_x), test_y), batch_size=8, shuffle=True)
    model = Net()
    r["repr"] = repr(model)
    optimizer = optim.SGD(model.parameters(), lr=0.01)
    printed = []

    def train(epoch):
        model.train()
        for batch_idx, (data, target) in enumerate(train_loader):
            optimizer.zero_grad()
            output = model(data)
            loss = F.nll_loss(output, target)
            loss.backward()
            optimizer.step()
            if batch_idx % 2 == 0:
                printed.append('Train Epoch: {} [{}/{} ({:.0f}%)]\tLoss: {:.6f}'.format(
                    epoch, batch_idx * len(data), len(train_loader.dataset),
                    100. * batch_idx / len(train_loader), loss.item()))

    def test():
        with torch.no_grad():
            model.eval()
            test_loss = 0
            correct = 0
            for data, target in test_loader:
                output = model(data)
                # sum up batch loss
                test_loss += F.nll_loss(output, target, size_average=False).item()
                # get the index of the max log-probability
                pred = output.max(1, keepdim=True)[1]
                correct += pred.eq(target.view_as(pred)).sum().item()
            test_loss /= len(test_loader.dataset)
            printed.append('\nTest set: Average loss: {:.4f}, Accuracy: {}/{} ({:.0f}%)\n'
                           .format(test_loss, correct, len(test_loader.dataset),
                                   100. * correct / len(test_loader.dataset)))

    for epoch in range(1, 4):
        train(epoch)
        test()
    r["printed"] = printed
    r["theta_bias"] = enc(model.fc_loc[2].bias)

    def visualize_stn():
        with torch.no_grad():
            # Get a batch of training data
            data = next(iter(test_loader))[0]
            input_tensor = data.cpu()
            transformed_input_tensor = model.stn(data).cpu()
            in_grid = torchvision.utils.make_grid(input_tensor)
            out_grid = torchvision.utils.make_grid(transformed_input_tensor)
            return in_grid, out_grid

    in_grid, out_grid = visualize_stn()
    r["in_grid"] = {"shape": list(in_grid.shape), "sum": float(in_grid.sum())}
    r["out_grid"] = {"shape": list(out_grid.shape), "sum": float(out_grid.sum())}
    OUT["stn"] = r


# ------------------------------------------------------------------ Neural Transfer
def neural_style():
    r = {}
    imsize = 16
    # Stand-ins for picasso.jpg and dancing.jpg after Resize + ToTensor: [1, 3, 16, 16] in [0, 1].
    idx = torch.arange(3 * imsize * imsize, dtype=torch.float32)
    style_img = (0.5 + 0.5 * torch.sin(idx * 0.31)).reshape(1, 3, imsize, imsize)
    content_img = (0.5 + 0.4 * torch.cos(idx * 0.05) * torch.sin(idx * 0.011)).reshape(1, 3, imsize, imsize)
    assert style_img.size() == content_img.size()

    class ContentLoss(nn.Module):
        def __init__(self, target,):
            super(ContentLoss, self).__init__()
            self.target = target.detach()

        def forward(self, input):
            self.loss = F.mse_loss(input, self.target)
            return input

    def gram_matrix(input):
        a, b, c, d = input.size()  # a=batch size(=1)
        features = input.view(a * b, c * d)  # resize F_XL into \hat F_XL
        G = torch.mm(features, features.t())  # compute the gram product
        return G.div(a * b * c * d)

    class StyleLoss(nn.Module):
        def __init__(self, target_feature):
            super(StyleLoss, self).__init__()
            self.target = gram_matrix(target_feature).detach()

        def forward(self, input):
            G = gram_matrix(input)
            self.loss = F.mse_loss(G, self.target)
            return input

    r["gram"] = enc(gram_matrix(content_img))
    # Stand-in for models.vgg19(pretrained=True).features: VGG's first layers, narrower, seeded.
    torch.manual_seed(7)
    cnn = nn.Sequential(
        nn.Conv2d(3, 8, 3, padding=1), nn.ReLU(inplace=True), nn.Conv2d(8, 8, 3, padding=1), nn.ReLU(inplace=True),
        nn.MaxPool2d(2, 2), nn.Conv2d(8, 16, 3, padding=1), nn.ReLU(inplace=True), nn.Conv2d(16, 16, 3, padding=1),
        nn.ReLU(inplace=True), nn.MaxPool2d(2, 2), nn.Conv2d(16, 16, 3, padding=1), nn.ReLU(inplace=True),
        nn.Conv2d(16, 16, 3, padding=1)).eval()
    cnn_normalization_mean = torch.tensor([0.485, 0.456, 0.406])
    cnn_normalization_std = torch.tensor([0.229, 0.224, 0.225])

    class Normalization(nn.Module):
        def __init__(self, mean, std):
            super(Normalization, self).__init__()
            self.mean = torch.tensor(mean).view(-1, 1, 1)
            self.std = torch.tensor(std).view(-1, 1, 1)

        def forward(self, img):
            return (img - self.mean) / self.std

    content_layers_default = ['conv_4']
    style_layers_default = ['conv_1', 'conv_2', 'conv_3', 'conv_4', 'conv_5']

    def get_style_model_and_losses(cnn, normalization_mean, normalization_std, style_img, content_img,
                                   content_layers=content_layers_default, style_layers=style_layers_default):
        normalization = Normalization(normalization_mean, normalization_std)
        content_losses = []
        style_losses = []
        model = nn.Sequential(normalization)
        i = 0  # increment every time we see a conv
        for layer in cnn.children():
            if isinstance(layer, nn.Conv2d):
                i += 1
                name = 'conv_{}'.format(i)
            elif isinstance(layer, nn.ReLU):
                name = 'relu_{}'.format(i)
                layer = nn.ReLU(inplace=False)
            elif isinstance(layer, nn.MaxPool2d):
                name = 'pool_{}'.format(i)
            elif isinstance(layer, nn.BatchNorm2d):
                name = 'bn_{}'.format(i)
            else:
                raise RuntimeError('Unrecognized layer: {}'.format(layer.__class__.__name__))
            model.add_module(name, layer)
            if name in content_layers:
                target = model(content_img).detach()
                content_loss = ContentLoss(target)
                model.add_module("content_loss_{}".format(i), content_loss)
                content_losses.append(content_loss)
            if name in style_layers:
                target_feature = model(style_img).detach()
                style_loss = StyleLoss(target_feature)
                model.add_module("style_loss_{}".format(i), style_loss)
                style_losses.append(style_loss)
        # now we trim off the layers after the last content and style losses
        for i in range(len(model) - 1, -1, -1):
            if isinstance(model[i], ContentLoss) or isinstance(model[i], StyleLoss):
                break
        model = model[:(i + 1)]
        return model, style_losses, content_losses

    input_img = content_img.clone()

    def get_input_optimizer(input_img):
        optimizer = optim.LBFGS([input_img])
        return optimizer

    printed = []

    def run_style_transfer(cnn, normalization_mean, normalization_std, content_img, style_img, input_img,
                           num_steps=300, style_weight=1000000, content_weight=1):
        printed.append('Building the style transfer model..')
        model, style_losses, content_losses = get_style_model_and_losses(cnn, normalization_mean, normalization_std,
                                                                         style_img, content_img)
        r["model"] = repr(model)
        input_img.requires_grad_(True)
        model.eval()
        model.requires_grad_(False)
        optimizer = get_input_optimizer(input_img)
        printed.append('Optimizing..')
        run = [0]
        while run[0] <= num_steps:
            def closure():
                with torch.no_grad():
                    input_img.clamp_(0, 1)
                optimizer.zero_grad()
                model(input_img)
                style_score = 0
                content_score = 0
                for sl in style_losses:
                    style_score += sl.loss
                for cl in content_losses:
                    content_score += cl.loss
                style_score *= style_weight
                content_score *= content_weight
                loss = style_score + content_score
                loss.backward()
                run[0] += 1
                if run[0] % 4 == 0:
                    printed.append("run {}:".format(run))
                    printed.append('Style Loss : {:4f} Content Loss: {:4f}'.format(style_score.item(), content_score.item()))
                return style_score + content_score
            optimizer.step(closure)
        with torch.no_grad():
            input_img.clamp_(0, 1)
        return input_img

    output = run_style_transfer(cnn, cnn_normalization_mean, cnn_normalization_std, content_img, style_img, input_img,
                                num_steps=40)
    r["printed"] = printed
    r["output_shape"] = list(output.shape)
    OUT["neural_style"] = r


if __name__ == "__main__":
    char_rnn_classification()
    char_rnn_generation()
    dcgan()
    fgsm()
    stn()
    neural_style()
    write_json(OUT, "tutorials2.json")
