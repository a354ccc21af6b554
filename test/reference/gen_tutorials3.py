"""Reference outputs of five more PyTorch tutorials/examples, for the line-by-line ports in test/tutorials/.

Run with Debian's interpreter, which has PyTorch 1.13:
    /usr/bin/python3 test/reference/gen_tutorials3.py
Writes test/reference/tutorials3.json: {section: {name: value}}.

Sections: "NLP From Scratch: Translation with a Sequence to Sequence Network and Attention"
(seq2seq_translation), "Language Modeling with nn.Transformer" (transformer_lm), "Text classification
with the torchtext library" (text_classification, plus F.embedding_bag cases: embedding_bag),
pytorch/examples vae/main.py (vae) and mnist/main.py (mnist_example).

torchlab's default generator reproduces PyTorch's CPU stream, so the tutorials' own seeding gives both
sides the same initial weights, dropout masks, noise and shuffles. What they download (the eng-fra
pairs, WikiText-2, AG_NEWS, MNIST) is replaced by small inline data made the same way on both sides;
torchtext's tokenizer and vocab by the few lines that do the same on this data, and `random.random()`
(teacher forcing) by a fixed alternation.
"""
import math
import re
import unicodedata

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.optim.lr_scheduler import StepLR
from torch.utils.data import DataLoader, TensorDataset, random_split

from _common import enc
from _tutorial_common import digits, err, write_json

OUT = {}


# ------------------------------------------------------------------ F.embedding_bag
def embedding_bag():
    r = {}
    weight = (0.1 * torch.sin(torch.arange(10 * 3, dtype=torch.float32) * 0.37)).reshape(10, 3)
    inp = torch.tensor([1, 2, 4, 5, 4, 3, 2, 9])
    offsets = torch.tensor([0, 4, 4, 6])
    psw = torch.tensor([0.5, -1.0, 2.0, 1.5, 0.25, 3.0, -0.5, 1.0])
    cases = []
    for mode in ["sum", "mean", "max"]:
        for include_last_offset in [False, True]:
            for use_psw in [False, True]:
                if use_psw and mode != "sum":
                    continue
                for padding_idx in [None, 4]:
                    w = weight.clone().requires_grad_()
                    p = psw.clone().requires_grad_() if use_psw else None
                    # with include_last_offset the last offset closes the last bag (PyTorch 1.13 crashes when it is < len(input))
                    offs = torch.tensor([0, 4, 4, 6, 8]) if include_last_offset else offsets
                    out = F.embedding_bag(inp, w, offs, mode=mode, include_last_offset=include_last_offset,
                                          per_sample_weights=p, padding_idx=padding_idx)
                    (out * torch.arange(1, out.numel() + 1, dtype=torch.float32).reshape(out.shape)).sum().backward()
                    cases.append({"mode": mode, "include_last_offset": include_last_offset, "psw": use_psw,
                                  "padding_idx": padding_idx, "out": enc(out), "grad": enc(w.grad),
                                  "psw_grad": enc(p.grad) if use_psw else None})
    r["cases"] = cases
    # 2-D input: fixed-length bags, no offsets.
    inp2 = torch.tensor([[1, 2, 4], [4, 3, 9]])
    for mode in ["sum", "mean", "max"]:
        w = weight.clone().requires_grad_()
        out = F.embedding_bag(inp2, w, mode=mode)
        (out * torch.arange(1, out.numel() + 1, dtype=torch.float32).reshape(out.shape)).sum().backward()
        r["2d_" + mode] = {"out": enc(out), "grad": enc(w.grad)}
    # max with ties: rows 2 and 7 equal; the gradient goes to the first index of the bag holding the max.
    w = weight.clone()
    w[7] = w[2]
    w.requires_grad_()
    out = F.embedding_bag(torch.tensor([2, 7, 7, 2, 4, 4]), w, torch.tensor([0, 2, 4]), mode="max")
    (out * torch.arange(1, out.numel() + 1, dtype=torch.float32).reshape(out.shape)).sum().backward()
    r["max_ties"] = {"out": enc(out), "grad": enc(w.grad)}
    torch.manual_seed(0)
    bag = nn.EmbeddingBag(10, 3, mode="max")
    r["module_repr"] = repr(bag)
    r["module_repr_sum_pad"] = repr(nn.EmbeddingBag(10, 3, mode="sum", padding_idx=0))
    r["module_weight"] = enc(bag.weight)
    r["module_out"] = enc(bag(inp, offsets))
    r["errors"] = {
        "1d_no_offsets": err(lambda: F.embedding_bag(inp, weight)),
        "2d_with_offsets": err(lambda: F.embedding_bag(inp2, weight, offsets)),
        "3d": err(lambda: F.embedding_bag(inp2.unsqueeze(0), weight)),
        "psw_mean": err(lambda: F.embedding_bag(inp, weight, offsets, mode="mean", per_sample_weights=psw)),
        "psw_shape": err(lambda: F.embedding_bag(inp, weight, offsets, mode="sum", per_sample_weights=psw[:3])),
        "bad_mode": err(lambda: F.embedding_bag(inp, weight, offsets, mode="min")),
        "offsets0": err(lambda: F.embedding_bag(inp, weight, torch.tensor([1, 4]))),
        "offsets_last": err(lambda: F.embedding_bag(inp, weight, torch.tensor([0, 9]))),
        "index": err(lambda: F.embedding_bag(torch.tensor([1, 10]), weight, torch.tensor([0]))),
        "float_input": err(lambda: F.embedding_bag(torch.tensor([1.0, 2.0]), weight, torch.tensor([0]))),
    }
    OUT["embedding_bag"] = r


# ------------------------------------------------------------------ x[i] = value with leading size-1 dims
def setitem_prefix():
    """seq2seq's `decoder_attentions[di] = decoder_attention.data` writes a [1, 10] row into a [10] slot."""
    r = {}
    x = torch.zeros(3, 4)
    src = torch.tensor([[1.0, 2.0, 3.0, 4.0]], requires_grad=True)
    y = x.clone()
    y[1] = src
    y[:, 0] = torch.tensor([[[5.0, 6.0, 7.0]]])
    y[torch.tensor([0, 2]), 1:3] = torch.tensor([[[-1.0, -2.0], [-3.0, -4.0]]])
    (y * torch.arange(12.0).reshape(3, 4)).sum().backward()
    r["y"] = enc(y)
    r["src_grad"] = enc(src.grad)
    z = torch.zeros(3, 4)
    z[2] = torch.tensor([[[9.0]]])
    r["z"] = enc(z)
    r["error"] = err(lambda: torch.zeros(3, 4).__setitem__(1, torch.ones(2, 4)))
    OUT["setitem_prefix"] = r


# ------------------------------------------------------------------ Text classification
TEXTS = [
    (3, "Wall St. Bears Claw Back Into the Black (Reuters) Reuters - Short-sellers are seeing green again."),
    (3, "Oil and Economy Cloud Stocks' Outlook (Reuters) Reuters - Soaring crude prices plus worries."),
    (1, "Iraq Halts Oil Exports from Main Southern Pipeline (Reuters) Reuters - Authorities have halted oil exports."),
    (2, "Phelps wins gold in the pool, sets a world record at the Olympics in Athens."),
    (4, "New chip from Intel runs faster and cooler, the company said on Monday."),
    (1, "Rebels attack the capital as talks on a ceasefire stall, officials said."),
    (2, "The Red Sox beat the Yankees 5-3 to win the pennant in a thrilling game."),
    (4, "Google unveils a new search tool for desktop computers and email."),
    (3, "Stocks rise as oil prices fall and investors cheer earnings."),
    (1, "Leaders meet to discuss peace in the Middle East amid new violence."),
    (2, "Federer beats Hewitt to reach the final of the US Open in New York."),
    (4, "Microsoft patches a security hole in Windows that hackers could use."),
    (3, "The dollar slips against the euro as the trade deficit widens."),
    (2, "Olympic swimmers break records in the pool at Athens."),
    (4, "Scientists find water on Mars, NASA says, raising hopes for life."),
    (1, "Election officials count votes as the country awaits the result."),
]


def basic_english(line):
    """torchtext's get_tokenizer('basic_english')."""
    patterns = [r"\'", r"\"", r"\.", r"<br \/>", r",", r"\(", r"\)", r"\!", r"\?", r"\;", r"\:", r"\s+"]
    replacements = [" '  ", "", " . ", " ", " , ", " ( ", " ) ", " ! ", " ? ", " ", " ", " "]
    line = line.lower()
    for p, rpl in zip(patterns, replacements):
        line = re.sub(p, rpl, line)
    return line.split()


def text_classification():
    r = {}
    tokenizer = basic_english
    r["tokens0"] = tokenizer(TEXTS[0][1])
    # build_vocab_from_iterator(yield_tokens(train_iter), specials=["<unk>"]); vocab.set_default_index(vocab["<unk>"])
    counter = {}
    for _, text in TEXTS:
        for t in tokenizer(text):
            counter[t] = counter.get(t, 0) + 1
    itos = ["<unk>"] + [t for t, _ in sorted(counter.items(), key=lambda x: (-x[1], x[0]))]
    stoi = {t: i for i, t in enumerate(itos)}

    def vocab(tokens):
        return [stoi.get(t, 0) for t in tokens]

    r["vocab_example"] = vocab(['here', 'is', 'the', 'an', 'example'])
    text_pipeline = lambda x: vocab(tokenizer(x))  # noqa: E731
    label_pipeline = lambda x: int(x) - 1  # noqa: E731
    r["text_pipeline"] = text_pipeline('here is the an example')
    r["label_pipeline"] = label_pipeline('10')

    def collate_batch(batch):
        label_list, text_list, offsets = [], [], [0]
        for (_label, _text) in batch:
            label_list.append(label_pipeline(_label))
            processed_text = torch.tensor(text_pipeline(_text), dtype=torch.int64)
            text_list.append(processed_text)
            offsets.append(processed_text.size(0))
        label_list = torch.tensor(label_list, dtype=torch.int64)
        offsets = torch.tensor(offsets[:-1]).cumsum(dim=0)
        text_list = torch.cat(text_list)
        return label_list, text_list, offsets

    class TextClassificationModel(nn.Module):
        def __init__(self, vocab_size, embed_dim, num_class):
            super(TextClassificationModel, self).__init__()
            self.embedding = nn.EmbeddingBag(vocab_size, embed_dim, sparse=False)
            self.fc = nn.Linear(embed_dim, num_class)
            self.init_weights()

        def init_weights(self):
            initrange = 0.5
            self.embedding.weight.data.uniform_(-initrange, initrange)
            self.fc.weight.data.uniform_(-initrange, initrange)
            self.fc.bias.data.zero_()

        def forward(self, text, offsets):
            embedded = self.embedding(text, offsets)
            return self.fc(embedded)

    torch.manual_seed(0)
    num_class = len(set([label for (label, text) in TEXTS]))
    vocab_size = len(itos)
    emsize = 16
    model = TextClassificationModel(vocab_size, emsize, num_class)
    r["model_repr"] = repr(model)
    printed = []

    def train(dataloader, epoch):
        model.train()
        total_acc, total_count = 0, 0
        log_interval = 2
        for idx, (label, text, offsets) in enumerate(dataloader):
            optimizer.zero_grad()
            predicted_label = model(text, offsets)
            loss = criterion(predicted_label, label)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 0.1)
            optimizer.step()
            total_acc += (predicted_label.argmax(1) == label).sum().item()
            total_count += label.size(0)
            if idx % log_interval == 0 and idx > 0:
                printed.append('| epoch {:3d} | {:5d}/{:5d} batches | accuracy {:8.3f} | loss {:8.5f}'.format(
                    epoch, idx, len(dataloader), total_acc / total_count, loss.item()))
                total_acc, total_count = 0, 0

    def evaluate(dataloader):
        model.eval()
        total_acc, total_count = 0, 0
        with torch.no_grad():
            for idx, (label, text, offsets) in enumerate(dataloader):
                predicted_label = model(text, offsets)
                criterion(predicted_label, label)
                total_acc += (predicted_label.argmax(1) == label).sum().item()
                total_count += label.size(0)
        return total_acc / total_count

    EPOCHS = 4
    LR = 5
    BATCH_SIZE = 3
    criterion = torch.nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=LR)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, 1.0, gamma=0.1)
    total_accu = None
    train_dataset = TEXTS[:12]  # to_map_style_dataset(train_iter)
    test_dataset = TEXTS[12:]
    num_train = int(len(train_dataset) * 0.75)
    split_train_, split_valid_ = random_split(train_dataset, [num_train, len(train_dataset) - num_train])
    r["split_train_indices"] = list(split_train_.indices)
    train_dataloader = DataLoader(split_train_, batch_size=BATCH_SIZE, shuffle=True, collate_fn=collate_batch)
    valid_dataloader = DataLoader(split_valid_, batch_size=BATCH_SIZE, shuffle=True, collate_fn=collate_batch)
    test_dataloader = DataLoader(test_dataset, batch_size=BATCH_SIZE, shuffle=True, collate_fn=collate_batch)
    accus = []
    lrs = []
    for epoch in range(1, EPOCHS + 1):
        train(train_dataloader, epoch)
        accu_val = evaluate(valid_dataloader)
        if total_accu is not None and total_accu > accu_val:
            scheduler.step()
        else:
            total_accu = accu_val
        accus.append(accu_val)
        lrs.append(optimizer.param_groups[0]["lr"])
    r["printed"] = printed
    r["accus"] = accus
    r["lrs"] = lrs
    r["test_accu"] = evaluate(test_dataloader)
    r["fc_weight"] = enc(model.fc.weight)
    r["embedding_weight_sum"] = model.embedding.weight.sum().item()
    ag_news_label = {1: "World", 2: "Sports", 3: "Business", 4: "Sci/Tec"}

    def predict(text, text_pipeline):
        with torch.no_grad():
            text = torch.tensor(text_pipeline(text))
            output = model(text, torch.tensor([0]))
            return output.argmax(1).item() + 1

    ex_text_str = "Oil prices rise as stocks fall in New York."
    r["predict"] = ag_news_label[predict(ex_text_str, text_pipeline)]
    r["logits"] = enc(model(torch.tensor(text_pipeline(ex_text_str)), torch.tensor([0])))
    OUT["text_classification"] = r


# ------------------------------------------------------------------ VAE
def vae():
    r = {}
    torch.manual_seed(1)

    class VAE(nn.Module):
        def __init__(self):
            super(VAE, self).__init__()
            self.fc1 = nn.Linear(784, 400)
            self.fc21 = nn.Linear(400, 20)
            self.fc22 = nn.Linear(400, 20)
            self.fc3 = nn.Linear(20, 400)
            self.fc4 = nn.Linear(400, 784)

        def encode(self, x):
            h1 = F.relu(self.fc1(x))
            return self.fc21(h1), self.fc22(h1)

        def reparameterize(self, mu, logvar):
            std = torch.exp(0.5 * logvar)
            eps = torch.randn_like(std)
            return mu + eps * std

        def decode(self, z):
            h3 = F.relu(self.fc3(z))
            return torch.sigmoid(self.fc4(h3))

        def forward(self, x):
            mu, logvar = self.encode(x.view(-1, 784))
            z = self.reparameterize(mu, logvar)
            return self.decode(z), mu, logvar

    tx, ty = digits(32, 0)
    vx, vy = digits(16, 3)
    batch_size = 8
    train_loader = DataLoader(TensorDataset(tx, ty), batch_size=batch_size, shuffle=True)
    test_loader = DataLoader(TensorDataset(vx, vy), batch_size=batch_size, shuffle=False)
    model = VAE()
    optimizer = optim.Adam(model.parameters(), lr=1e-3)

    def loss_function(recon_x, x, mu, logvar):
        BCE = F.binary_cross_entropy(recon_x, x.view(-1, 784), reduction='sum')
        KLD = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())
        return BCE + KLD

    printed = []
    log_interval = 2

    def train(epoch):
        model.train()
        train_loss = 0
        for batch_idx, (data, _) in enumerate(train_loader):
            optimizer.zero_grad()
            recon_batch, mu, logvar = model(data)
            loss = loss_function(recon_batch, data, mu, logvar)
            loss.backward()
            train_loss += loss.item()
            optimizer.step()
            if batch_idx % log_interval == 0:
                printed.append('Train Epoch: {} [{}/{} ({:.0f}%)]\tLoss: {:.6f}'.format(
                    epoch, batch_idx * len(data), len(train_loader.dataset),
                    100. * batch_idx / len(train_loader), loss.item() / len(data)))
        printed.append('====> Epoch: {} Average loss: {:.4f}'.format(epoch, train_loss / len(train_loader.dataset)))

    def test(epoch):
        model.eval()
        test_loss = 0
        comparison = None
        with torch.no_grad():
            for i, (data, _) in enumerate(test_loader):
                recon_batch, mu, logvar = model(data)
                test_loss += loss_function(recon_batch, data, mu, logvar).item()
                if i == 0:
                    n = min(data.size(0), 8)
                    comparison = torch.cat([data[:n], recon_batch.view(batch_size, 1, 28, 28)[:n]])
        test_loss /= len(test_loader.dataset)
        printed.append('====> Test set loss: {:.4f}'.format(test_loss))
        return comparison

    for epoch in range(1, 3):
        train(epoch)
        comparison = test(epoch)
        with torch.no_grad():
            sample = torch.randn(64, 20)
            sample = model.decode(sample).cpu()
        r["comparison_shape_%d" % epoch] = list(comparison.shape)
        r["comparison_sum_%d" % epoch] = comparison.sum().item()
        r["sample_shape_%d" % epoch] = list(sample.view(64, 1, 28, 28).shape)
        r["sample_sum_%d" % epoch] = sample.sum().item()
    r["printed"] = printed
    OUT["vae"] = r


# ------------------------------------------------------------------ MNIST example
def mnist_example():
    r = {}

    class Net(nn.Module):
        def __init__(self):
            super(Net, self).__init__()
            self.conv1 = nn.Conv2d(1, 32, 3, 1)
            self.conv2 = nn.Conv2d(32, 64, 3, 1)
            self.dropout1 = nn.Dropout(0.25)
            self.dropout2 = nn.Dropout(0.5)
            self.fc1 = nn.Linear(9216, 128)
            self.fc2 = nn.Linear(128, 10)

        def forward(self, x):
            x = self.conv1(x)
            x = F.relu(x)
            x = self.conv2(x)
            x = F.relu(x)
            x = F.max_pool2d(x, 2)
            x = self.dropout1(x)
            x = torch.flatten(x, 1)
            x = self.fc1(x)
            x = F.relu(x)
            x = self.dropout2(x)
            x = self.fc2(x)
            output = F.log_softmax(x, dim=1)
            return output

    printed = []
    log_interval = 2

    def train(model, train_loader, optimizer, epoch):
        model.train()
        for batch_idx, (data, target) in enumerate(train_loader):
            optimizer.zero_grad()
            output = model(data)
            loss = F.nll_loss(output, target)
            loss.backward()
            optimizer.step()
            if batch_idx % log_interval == 0:
                printed.append('Train Epoch: {} [{}/{} ({:.0f}%)]\tLoss: {:.6f}'.format(
                    epoch, batch_idx * len(data), len(train_loader.dataset),
                    100. * batch_idx / len(train_loader), loss.item()))

    def test(model, test_loader):
        model.eval()
        test_loss = 0
        correct = 0
        with torch.no_grad():
            for data, target in test_loader:
                output = model(data)
                test_loss += F.nll_loss(output, target, reduction='sum').item()  # sum up batch loss
                pred = output.argmax(dim=1, keepdim=True)  # get the index of the max log-probability
                correct += pred.eq(target.view_as(pred)).sum().item()
        test_loss /= len(test_loader.dataset)
        printed.append('\nTest set: Average loss: {:.4f}, Accuracy: {}/{} ({:.0f}%)\n'.format(
            test_loss, correct, len(test_loader.dataset),
            100. * correct / len(test_loader.dataset)))

    torch.manual_seed(1)
    # transforms.Normalize((0.1307,), (0.3081,)) after ToTensor
    tx, ty = digits(24, 0)
    vx, vy = digits(10, 5)
    tx = (tx - 0.1307) / 0.3081
    vx = (vx - 0.1307) / 0.3081
    train_loader = DataLoader(TensorDataset(tx, ty), batch_size=8, shuffle=True)
    test_loader = DataLoader(TensorDataset(vx, vy), batch_size=5)
    model = Net()
    optimizer = optim.Adadelta(model.parameters(), lr=1.0)
    scheduler = StepLR(optimizer, step_size=1, gamma=0.7)
    lrs = []
    for epoch in range(1, 3):
        train(model, train_loader, optimizer, epoch)
        test(model, test_loader)
        scheduler.step()
        lrs.append(optimizer.param_groups[0]["lr"])
    r["printed"] = printed
    r["lrs"] = lrs
    r["fc2_bias"] = enc(model.fc2.bias)
    OUT["mnist_example"] = r


# ------------------------------------------------------------------ Translation with seq2seq + attention
PAIRS_TEXT = """Go.\tVa !
Run!\tCours !
I am cold.\tJ'ai froid.
He is tall.\tIl est grand.
She is happy.\tElle est heureuse.
We are friends.\tNous sommes amis.
You are late.\tVous êtes en retard.
I am tired.\tJe suis fatigué.
He is a teacher.\tIl est professeur.
They are here.\tIls sont là.
She is not here.\tElle n'est pas là.
I am very hungry!\tJ'ai très faim !"""


def seq2seq_translation():
    r = {}
    SOS_token = 0
    EOS_token = 1

    class Lang:
        def __init__(self, name):
            self.name = name
            self.word2index = {}
            self.word2count = {}
            self.index2word = {0: "SOS", 1: "EOS"}
            self.n_words = 2  # Count SOS and EOS

        def addSentence(self, sentence):
            for word in sentence.split(' '):
                self.addWord(word)

        def addWord(self, word):
            if word not in self.word2index:
                self.word2index[word] = self.n_words
                self.word2count[word] = 1
                self.index2word[self.n_words] = word
                self.n_words += 1
            else:
                self.word2count[word] += 1

    def unicodeToAscii(s):
        return ''.join(c for c in unicodedata.normalize('NFD', s) if unicodedata.category(c) != 'Mn')

    def normalizeString(s):
        s = unicodeToAscii(s.lower().strip())
        s = re.sub(r"([.!?])", r" \1", s)
        s = re.sub(r"[^a-zA-Z.!?]+", r" ", s)
        return s

    def readLangs(lang1, lang2, reverse=False):
        lines = PAIRS_TEXT.strip().split('\n')
        pairs = [[normalizeString(s) for s in l.split('\t')] for l in lines]
        if reverse:
            pairs = [list(reversed(p)) for p in pairs]
            input_lang = Lang(lang2)
            output_lang = Lang(lang1)
        else:
            input_lang = Lang(lang1)
            output_lang = Lang(lang2)
        return input_lang, output_lang, pairs

    MAX_LENGTH = 10
    eng_prefixes = ("i am ", "i m ", "he is", "he s ", "she is", "she s ", "you are", "you re ",
                    "we are", "we re ", "they are", "they re ")

    def filterPair(p):
        return len(p[0].split(' ')) < MAX_LENGTH and len(p[1].split(' ')) < MAX_LENGTH and p[1].startswith(eng_prefixes)

    def filterPairs(pairs):
        return [pair for pair in pairs if filterPair(pair)]

    def prepareData(lang1, lang2, reverse=False):
        input_lang, output_lang, pairs = readLangs(lang1, lang2, reverse)
        pairs = filterPairs(pairs)
        for pair in pairs:
            input_lang.addSentence(pair[0])
            output_lang.addSentence(pair[1])
        return input_lang, output_lang, pairs

    input_lang, output_lang, pairs = prepareData('eng', 'fra', True)
    r["pairs"] = pairs
    r["n_words"] = [input_lang.n_words, output_lang.n_words]

    class EncoderRNN(nn.Module):
        def __init__(self, input_size, hidden_size):
            super(EncoderRNN, self).__init__()
            self.hidden_size = hidden_size
            self.embedding = nn.Embedding(input_size, hidden_size)
            self.gru = nn.GRU(hidden_size, hidden_size)

        def forward(self, input, hidden):
            embedded = self.embedding(input).view(1, 1, -1)
            output = embedded
            output, hidden = self.gru(output, hidden)
            return output, hidden

        def initHidden(self):
            return torch.zeros(1, 1, self.hidden_size)

    class AttnDecoderRNN(nn.Module):
        def __init__(self, hidden_size, output_size, dropout_p=0.1, max_length=MAX_LENGTH):
            super(AttnDecoderRNN, self).__init__()
            self.hidden_size = hidden_size
            self.output_size = output_size
            self.dropout_p = dropout_p
            self.max_length = max_length
            self.embedding = nn.Embedding(self.output_size, self.hidden_size)
            self.attn = nn.Linear(self.hidden_size * 2, self.max_length)
            self.attn_combine = nn.Linear(self.hidden_size * 2, self.hidden_size)
            self.dropout = nn.Dropout(self.dropout_p)
            self.gru = nn.GRU(self.hidden_size, self.hidden_size)
            self.out = nn.Linear(self.hidden_size, self.output_size)

        def forward(self, input, hidden, encoder_outputs):
            embedded = self.embedding(input).view(1, 1, -1)
            embedded = self.dropout(embedded)
            attn_weights = F.softmax(self.attn(torch.cat((embedded[0], hidden[0]), 1)), dim=1)
            attn_applied = torch.bmm(attn_weights.unsqueeze(0), encoder_outputs.unsqueeze(0))
            output = torch.cat((embedded[0], attn_applied[0]), 1)
            output = self.attn_combine(output).unsqueeze(0)
            output = F.relu(output)
            output, hidden = self.gru(output, hidden)
            output = F.log_softmax(self.out(output[0]), dim=1)
            return output, hidden, attn_weights

    def indexesFromSentence(lang, sentence):
        return [lang.word2index[word] for word in sentence.split(' ')]

    def tensorFromSentence(lang, sentence):
        indexes = indexesFromSentence(lang, sentence)
        indexes.append(EOS_token)
        return torch.tensor(indexes, dtype=torch.long).view(-1, 1)

    def tensorsFromPair(pair):
        input_tensor = tensorFromSentence(input_lang, pair[0])
        target_tensor = tensorFromSentence(output_lang, pair[1])
        return (input_tensor, target_tensor)

    teacher_forcing_ratio = 0.5
    coin = [0]

    def random_random():
        """random.random(), replaced by 0.25, 0.75, 0.25, ...: teacher forcing on every other pair."""
        coin[0] += 1
        return 0.25 if coin[0] % 2 == 1 else 0.75

    def train(input_tensor, target_tensor, encoder, decoder, encoder_optimizer, decoder_optimizer, criterion,
              max_length=MAX_LENGTH):
        encoder_hidden = encoder.initHidden()
        encoder_optimizer.zero_grad()
        decoder_optimizer.zero_grad()
        input_length = input_tensor.size(0)
        target_length = target_tensor.size(0)
        encoder_outputs = torch.zeros(max_length, encoder.hidden_size)
        loss = 0
        for ei in range(input_length):
            encoder_output, encoder_hidden = encoder(input_tensor[ei], encoder_hidden)
            encoder_outputs[ei] = encoder_output[0, 0]
        decoder_input = torch.tensor([[SOS_token]])
        decoder_hidden = encoder_hidden
        use_teacher_forcing = True if random_random() < teacher_forcing_ratio else False
        if use_teacher_forcing:
            for di in range(target_length):
                decoder_output, decoder_hidden, decoder_attention = decoder(decoder_input, decoder_hidden, encoder_outputs)
                loss += criterion(decoder_output, target_tensor[di])
                decoder_input = target_tensor[di]  # Teacher forcing
        else:
            for di in range(target_length):
                decoder_output, decoder_hidden, decoder_attention = decoder(decoder_input, decoder_hidden, encoder_outputs)
                topv, topi = decoder_output.topk(1)
                decoder_input = topi.squeeze().detach()  # detach from history as input
                loss += criterion(decoder_output, target_tensor[di])
                if decoder_input.item() == EOS_token:
                    break
        loss.backward()
        encoder_optimizer.step()
        decoder_optimizer.step()
        return loss.item() / target_length

    def trainIters(encoder, decoder, n_iters, print_every=1000, plot_every=100, learning_rate=0.01):
        plot_losses = []
        print_loss_total = 0
        plot_loss_total = 0
        encoder_optimizer = optim.SGD(encoder.parameters(), lr=learning_rate)
        decoder_optimizer = optim.SGD(decoder.parameters(), lr=learning_rate)
        # random.choice(pairs), replaced by a fixed cycle
        training_pairs = [tensorsFromPair(pairs[(i * 5) % len(pairs)]) for i in range(n_iters)]
        criterion = nn.NLLLoss()
        printed = []
        for iter in range(1, n_iters + 1):
            training_pair = training_pairs[iter - 1]
            input_tensor = training_pair[0]
            target_tensor = training_pair[1]
            loss = train(input_tensor, target_tensor, encoder, decoder, encoder_optimizer, decoder_optimizer, criterion)
            print_loss_total += loss
            plot_loss_total += loss
            if iter % print_every == 0:
                print_loss_avg = print_loss_total / print_every
                print_loss_total = 0
                printed.append('(%d %d%%) %.4f' % (iter, iter / n_iters * 100, print_loss_avg))
            if iter % plot_every == 0:
                plot_loss_avg = plot_loss_total / plot_every
                plot_losses.append(plot_loss_avg)
                plot_loss_total = 0
        return printed, plot_losses

    def evaluate(encoder, decoder, sentence, max_length=MAX_LENGTH):
        with torch.no_grad():
            input_tensor = tensorFromSentence(input_lang, sentence)
            input_length = input_tensor.size()[0]
            encoder_hidden = encoder.initHidden()
            encoder_outputs = torch.zeros(max_length, encoder.hidden_size)
            for ei in range(input_length):
                encoder_output, encoder_hidden = encoder(input_tensor[ei], encoder_hidden)
                encoder_outputs[ei] += encoder_output[0, 0]
            decoder_input = torch.tensor([[SOS_token]])  # SOS
            decoder_hidden = encoder_hidden
            decoded_words = []
            decoder_attentions = torch.zeros(max_length, max_length)
            for di in range(max_length):
                decoder_output, decoder_hidden, decoder_attention = decoder(decoder_input, decoder_hidden, encoder_outputs)
                decoder_attentions[di] = decoder_attention.data
                topv, topi = decoder_output.data.topk(1)
                if topi.item() == EOS_token:
                    decoded_words.append('<EOS>')
                    break
                else:
                    decoded_words.append(output_lang.index2word[topi.item()])
                decoder_input = topi.squeeze().detach()
            return decoded_words, decoder_attentions[:di + 1]

    torch.manual_seed(0)
    hidden_size = 32
    encoder1 = EncoderRNN(input_lang.n_words, hidden_size)
    attn_decoder1 = AttnDecoderRNN(hidden_size, output_lang.n_words, dropout_p=0.1)
    r["encoder_repr"] = repr(encoder1)
    r["decoder_repr"] = repr(attn_decoder1)
    printed, plot_losses = trainIters(encoder1, attn_decoder1, 40, print_every=10, plot_every=5, learning_rate=0.05)
    r["printed"] = printed
    r["plot_losses"] = plot_losses
    encoder1.eval()
    attn_decoder1.eval()
    output_words, attentions = evaluate(encoder1, attn_decoder1, pairs[0][0])
    r["output_words"] = output_words
    r["attentions"] = enc(attentions)
    OUT["seq2seq_translation"] = r


# ------------------------------------------------------------------ Language modeling with nn.Transformer
CORPUS = """the quick brown fox jumps over the lazy dog . the dog sleeps in the sun .
a fox is quick and a dog is lazy . the sun is bright over the hill .
the brown dog runs to the hill and the fox runs to the sun .
a lazy fox sleeps and a quick dog jumps over the brown hill ."""
VALID = "the fox jumps over the dog . a dog sleeps in the bright sun ."


def transformer_lm():
    r = {}
    from torch.nn import TransformerEncoder, TransformerEncoderLayer

    class TransformerModel(nn.Module):
        def __init__(self, ntoken, d_model, nhead, d_hid, nlayers, dropout=0.5):
            super().__init__()
            self.model_type = 'Transformer'
            self.pos_encoder = PositionalEncoding(d_model, dropout)
            encoder_layers = TransformerEncoderLayer(d_model, nhead, d_hid, dropout)
            self.transformer_encoder = TransformerEncoder(encoder_layers, nlayers)
            self.encoder = nn.Embedding(ntoken, d_model)
            self.d_model = d_model
            self.decoder = nn.Linear(d_model, ntoken)
            self.init_weights()

        def init_weights(self):
            initrange = 0.1
            self.encoder.weight.data.uniform_(-initrange, initrange)
            self.decoder.bias.data.zero_()
            self.decoder.weight.data.uniform_(-initrange, initrange)

        def forward(self, src, src_mask):
            src = self.encoder(src) * math.sqrt(self.d_model)
            src = self.pos_encoder(src)
            output = self.transformer_encoder(src, src_mask)
            output = self.decoder(output)
            return output

    def generate_square_subsequent_mask(sz):
        return torch.triu(torch.ones(sz, sz) * float('-inf'), diagonal=1)

    class PositionalEncoding(nn.Module):
        def __init__(self, d_model, dropout=0.1, max_len=5000):
            super().__init__()
            self.dropout = nn.Dropout(p=dropout)
            position = torch.arange(max_len).unsqueeze(1)
            div_term = torch.exp(torch.arange(0, d_model, 2) * (-math.log(10000.0) / d_model))
            pe = torch.zeros(max_len, 1, d_model)
            pe[:, 0, 0::2] = torch.sin(position * div_term)
            pe[:, 0, 1::2] = torch.cos(position * div_term)
            self.register_buffer('pe', pe)

        def forward(self, x):
            x = x + self.pe[:x.size(0)]
            return self.dropout(x)

    r["mask4"] = repr(generate_square_subsequent_mask(4))
    pe = PositionalEncoding(8, 0.1, max_len=50)
    r["pe"] = enc(pe.pe[:6])
    r["pe_state_keys"] = list(pe.state_dict().keys())

    # torchtext's vocab over the tokenized corpus (basic_english on this text is a whitespace split)
    tokens = CORPUS.split()
    counter = {}
    for t in tokens:
        counter[t] = counter.get(t, 0) + 1
    itos = ["<unk>"] + [t for t, _ in sorted(counter.items(), key=lambda x: (-x[1], x[0]))]
    stoi = {t: i for i, t in enumerate(itos)}

    def data_process(raw_text_iter):
        data = [torch.tensor([stoi.get(t, 0) for t in item.split()], dtype=torch.long) for item in raw_text_iter]
        return torch.cat(tuple(filter(lambda t: t.numel() > 0, data)))

    train_data = data_process(CORPUS.split("\n"))
    val_data = data_process(VALID.split("\n"))

    def batchify(data, bsz):
        seq_len = data.size(0) // bsz
        data = data[:seq_len * bsz]
        data = data.view(bsz, seq_len).t().contiguous()
        return data

    batch_size = 4
    eval_batch_size = 2
    train_data = batchify(train_data, batch_size)
    val_data = batchify(val_data, eval_batch_size)
    r["train_data"] = enc(train_data)
    bptt = 6

    def get_batch(source, i):
        seq_len = min(bptt, len(source) - 1 - i)
        data = source[i:i + seq_len]
        target = source[i + 1:i + 1 + seq_len].reshape(-1)
        return data, target

    d0, t0 = get_batch(train_data, 0)
    r["batch0"] = [enc(d0), enc(t0)]

    torch.manual_seed(0)
    ntokens = len(itos)
    emsize = 16
    d_hid = 32
    nlayers = 2
    nhead = 2
    dropout = 0.2
    model = TransformerModel(ntokens, emsize, nhead, d_hid, nlayers, dropout)
    r["n_params"] = sum(p.numel() for p in model.parameters())

    criterion = nn.CrossEntropyLoss()
    lr = 5.0
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, 1.0, gamma=0.95)
    printed = []

    def train(model, epoch):
        model.train()
        total_loss = 0.
        log_interval = 2
        src_mask = generate_square_subsequent_mask(bptt)
        num_batches = len(train_data) // bptt
        for batch, i in enumerate(range(0, train_data.size(0) - 1, bptt)):
            data, targets = get_batch(train_data, i)
            seq_len = data.size(0)
            if seq_len != bptt:
                src_mask = src_mask[:seq_len, :seq_len]
            output = model(data, src_mask)
            loss = criterion(output.view(-1, ntokens), targets)
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 0.5)
            optimizer.step()
            total_loss += loss.item()
            if batch % log_interval == 0 and batch > 0:
                lr = scheduler.get_last_lr()[0]
                cur_loss = total_loss / log_interval
                ppl = math.exp(cur_loss)
                printed.append(f'| epoch {epoch:3d} | {batch:5d}/{num_batches:5d} batches | '
                               f'lr {lr:02.2f} | loss {cur_loss:5.2f} | ppl {ppl:8.2f}')
                total_loss = 0

    def evaluate(model, eval_data):
        model.eval()
        total_loss = 0.
        src_mask = generate_square_subsequent_mask(bptt)
        with torch.no_grad():
            for i in range(0, eval_data.size(0) - 1, bptt):
                data, targets = get_batch(eval_data, i)
                seq_len = data.size(0)
                if seq_len != bptt:
                    src_mask = src_mask[:seq_len, :seq_len]
                output = model(data, src_mask)
                output_flat = output.view(-1, ntokens)
                total_loss += seq_len * criterion(output_flat, targets).item()
        return total_loss / (len(eval_data) - 1)

    val_losses = []
    for epoch in range(1, 3):
        train(model, epoch)
        val_loss = evaluate(model, val_data)
        val_losses.append(val_loss)
        scheduler.step()
    r["printed"] = printed
    r["val_losses"] = val_losses
    r["decoder_bias"] = enc(model.decoder.bias)
    OUT["transformer_lm"] = r


if __name__ == "__main__":
    embedding_bag()
    setitem_prefix()
    text_classification()
    vae()
    mnist_example()
    seq2seq_translation()
    transformer_lm()
    write_json(OUT, "tutorials3.json")
