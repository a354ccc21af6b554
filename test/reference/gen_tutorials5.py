"""Reference outputs of five more PyTorch tutorials/examples, for the line-by-line ports in test/tutorials/.

Run with Debian's interpreter, which has PyTorch 1.13:
    /usr/bin/python3 test/reference/gen_tutorials5.py
Writes test/reference/tutorials5.json: {section: {name: value}}.

Sections: "Chatbot Tutorial" (chatbot: pytorch/tutorials beginner_source/chatbot_tutorial.py, the model
parts: Voc, the padded batches, EncoderRNN on a packed bidirectional GRU, Luong attention, the masked
NLL loss, train() with clip_grad_norm_, GreedySearchDecoder), pytorch/examples
time_sequence_prediction (time_sequence), super_resolution (super_resolution), the introyt series'
"Training with PyTorch" (trainingyt) and word_language_model (word_language_model).

torchlab's default generator reproduces PyTorch's CPU stream, so each tutorial's own seeding gives both
sides the same initial weights, dropout masks and shuffles. Downloads (the Cornell movie dialogs, BSDS300,
Fashion-MNIST, WikiText-2) become small inline data made the same way on both sides; sizes are shrunk
(named where they are) and `random.choice` / `random.random()` become fixed cycles.
"""
import itertools
import math

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

from _common import enc
from _tutorial_common import det, err, write_json

OUT = {}


def printer():
    printed = []
    return printed, lambda *a: printed.append(" ".join(str(x) for x in a))


# ------------------------------------------------------------------ Chatbot Tutorial (model parts)
PAIRS = [
    ["hi .", "hello ."],
    ["how are you ?", "i am fine ."],
    ["what is your name ?", "my name is bot ."],
    ["where are you from ?", "i am from here ."],
    ["are you a bot ?", "yes i am ."],
    ["good night .", "good night ."],
]


def chatbot():
    printed, print_ = printer()
    torch.manual_seed(1)
    device = torch.device("cpu")
    PAD_token, SOS_token, EOS_token = 0, 1, 2
    MAX_LENGTH = 10
    picks = itertools.count()
    choice = lambda seq: seq[(5 * next(picks) + 1) % len(seq)]  # noqa: E731  random.choice
    coins = itertools.cycle([0.3, 0.8])
    random_ = lambda: next(coins)  # noqa: E731  random.random

    class Voc:
        def __init__(self, name):
            self.name = name
            self.trimmed = False
            self.word2index = {}
            self.word2count = {}
            self.index2word = {PAD_token: "PAD", SOS_token: "SOS", EOS_token: "EOS"}
            self.num_words = 3

        def addSentence(self, sentence):
            for word in sentence.split(' '):
                self.addWord(word)

        def addWord(self, word):
            if word not in self.word2index:
                self.word2index[word] = self.num_words
                self.word2count[word] = 1
                self.index2word[self.num_words] = word
                self.num_words += 1
            else:
                self.word2count[word] += 1

    voc = Voc("tiny")
    pairs = PAIRS
    for pair in pairs:
        voc.addSentence(pair[0])
        voc.addSentence(pair[1])
    print_("Counted words:", voc.num_words)

    def indexesFromSentence(voc, sentence):
        return [voc.word2index[word] for word in sentence.split(' ')] + [EOS_token]

    def zeroPadding(l, fillvalue=PAD_token):
        return list(itertools.zip_longest(*l, fillvalue=fillvalue))

    def binaryMatrix(l, value=PAD_token):
        m = []
        for i, seq in enumerate(l):
            m.append([])
            for token in seq:
                if token == PAD_token:
                    m[i].append(0)
                else:
                    m[i].append(1)
        return m

    def inputVar(l, voc):
        indexes_batch = [indexesFromSentence(voc, sentence) for sentence in l]
        lengths = torch.tensor([len(indexes) for indexes in indexes_batch])
        padList = zeroPadding(indexes_batch)
        padVar = torch.LongTensor(padList)
        return padVar, lengths

    def outputVar(l, voc):
        indexes_batch = [indexesFromSentence(voc, sentence) for sentence in l]
        max_target_len = max([len(indexes) for indexes in indexes_batch])
        padList = zeroPadding(indexes_batch)
        mask = binaryMatrix(padList)
        mask = torch.BoolTensor(mask)
        padVar = torch.LongTensor(padList)
        return padVar, mask, max_target_len

    def batch2TrainData(voc, pair_batch):
        pair_batch.sort(key=lambda x: len(x[0].split(" ")), reverse=True)
        input_batch, output_batch = [], []
        for pair in pair_batch:
            input_batch.append(pair[0])
            output_batch.append(pair[1])
        inp, lengths = inputVar(input_batch, voc)
        output, mask, max_target_len = outputVar(output_batch, voc)
        return inp, lengths, output, mask, max_target_len

    small_batch_size = 5
    batches = batch2TrainData(voc, [choice(pairs) for _ in range(small_batch_size)])
    input_variable, lengths, target_variable, mask, max_target_len = batches
    print_("input_variable:", input_variable)
    print_("lengths:", lengths)
    print_("target_variable:", target_variable)
    print_("mask:", mask)
    print_("max_target_len:", max_target_len)

    class EncoderRNN(nn.Module):
        def __init__(self, hidden_size, embedding, n_layers=1, dropout=0):
            super(EncoderRNN, self).__init__()
            self.n_layers = n_layers
            self.hidden_size = hidden_size
            self.embedding = embedding
            self.gru = nn.GRU(hidden_size, hidden_size, n_layers,
                              dropout=(0 if n_layers == 1 else dropout), bidirectional=True)

        def forward(self, input_seq, input_lengths, hidden=None):
            embedded = self.embedding(input_seq)
            packed = nn.utils.rnn.pack_padded_sequence(embedded, input_lengths)
            outputs, hidden = self.gru(packed, hidden)
            outputs, _ = nn.utils.rnn.pad_packed_sequence(outputs)
            outputs = outputs[:, :, :self.hidden_size] + outputs[:, :, self.hidden_size:]
            return outputs, hidden

    class Attn(nn.Module):
        def __init__(self, method, hidden_size):
            super(Attn, self).__init__()
            self.method = method
            if self.method not in ['dot', 'general', 'concat']:
                raise ValueError(self.method, "is not an appropriate attention method.")
            self.hidden_size = hidden_size
            if self.method == 'general':
                self.attn = nn.Linear(self.hidden_size, hidden_size)
            elif self.method == 'concat':
                self.attn = nn.Linear(self.hidden_size * 2, hidden_size)
                # torch.FloatTensor(hidden_size) is uninitialised memory; both sides fill it with det()
                self.v = nn.Parameter(torch.FloatTensor(hidden_size))
                with torch.no_grad():
                    self.v.copy_(det([hidden_size], 5))

        def dot_score(self, hidden, encoder_output):
            return torch.sum(hidden * encoder_output, dim=2)

        def general_score(self, hidden, encoder_output):
            energy = self.attn(encoder_output)
            return torch.sum(hidden * energy, dim=2)

        def concat_score(self, hidden, encoder_output):
            energy = self.attn(torch.cat((hidden.expand(encoder_output.size(0), -1, -1), encoder_output), 2)).tanh()
            return torch.sum(self.v * energy, dim=2)

        def forward(self, hidden, encoder_outputs):
            if self.method == 'general':
                attn_energies = self.general_score(hidden, encoder_outputs)
            elif self.method == 'concat':
                attn_energies = self.concat_score(hidden, encoder_outputs)
            elif self.method == 'dot':
                attn_energies = self.dot_score(hidden, encoder_outputs)
            attn_energies = attn_energies.t()
            return F.softmax(attn_energies, dim=1).unsqueeze(1)

    class LuongAttnDecoderRNN(nn.Module):
        def __init__(self, attn_model, embedding, hidden_size, output_size, n_layers=1, dropout=0.1):
            super(LuongAttnDecoderRNN, self).__init__()
            self.attn_model = attn_model
            self.hidden_size = hidden_size
            self.output_size = output_size
            self.n_layers = n_layers
            self.dropout = dropout
            self.embedding = embedding
            self.embedding_dropout = nn.Dropout(dropout)
            self.gru = nn.GRU(hidden_size, hidden_size, n_layers, dropout=(0 if n_layers == 1 else dropout))
            self.concat = nn.Linear(hidden_size * 2, hidden_size)
            self.out = nn.Linear(hidden_size, output_size)
            self.attn = Attn(attn_model, hidden_size)

        def forward(self, input_step, last_hidden, encoder_outputs):
            embedded = self.embedding(input_step)
            embedded = self.embedding_dropout(embedded)
            rnn_output, hidden = self.gru(embedded, last_hidden)
            attn_weights = self.attn(rnn_output, encoder_outputs)
            context = attn_weights.bmm(encoder_outputs.transpose(0, 1))
            rnn_output = rnn_output.squeeze(0)
            context = context.squeeze(1)
            concat_input = torch.cat((rnn_output, context), 1)
            concat_output = torch.tanh(self.concat(concat_input))
            output = self.out(concat_output)
            output = F.softmax(output, dim=1)
            return output, hidden

    def maskNLLLoss(inp, target, mask):
        nTotal = mask.sum()
        crossEntropy = -torch.log(torch.gather(inp, 1, target.view(-1, 1)).squeeze(1))
        loss = crossEntropy.masked_select(mask).mean()
        loss = loss.to(device)
        return loss, nTotal.item()

    teacher_forcing_ratio = 0.5  # the tutorial's 1.0 would never run the greedy branch

    def train(input_variable, lengths, target_variable, mask, max_target_len, encoder, decoder, embedding,
              encoder_optimizer, decoder_optimizer, batch_size, clip, max_length=MAX_LENGTH):
        encoder_optimizer.zero_grad()
        decoder_optimizer.zero_grad()
        input_variable = input_variable.to(device)
        target_variable = target_variable.to(device)
        mask = mask.to(device)
        lengths = lengths.to("cpu")
        loss = 0
        print_losses = []
        n_totals = 0
        encoder_outputs, encoder_hidden = encoder(input_variable, lengths)
        decoder_input = torch.LongTensor([[SOS_token for _ in range(batch_size)]])
        decoder_input = decoder_input.to(device)
        decoder_hidden = encoder_hidden[:decoder.n_layers]
        use_teacher_forcing = True if random_() < teacher_forcing_ratio else False
        if use_teacher_forcing:
            for t in range(max_target_len):
                decoder_output, decoder_hidden = decoder(decoder_input, decoder_hidden, encoder_outputs)
                decoder_input = target_variable[t].view(1, -1)
                mask_loss, nTotal = maskNLLLoss(decoder_output, target_variable[t], mask[t])
                loss += mask_loss
                print_losses.append(mask_loss.item() * nTotal)
                n_totals += nTotal
        else:
            for t in range(max_target_len):
                decoder_output, decoder_hidden = decoder(decoder_input, decoder_hidden, encoder_outputs)
                _, topi = decoder_output.topk(1)
                decoder_input = torch.LongTensor([[topi[i][0] for i in range(batch_size)]])
                decoder_input = decoder_input.to(device)
                mask_loss, nTotal = maskNLLLoss(decoder_output, target_variable[t], mask[t])
                loss += mask_loss
                print_losses.append(mask_loss.item() * nTotal)
                n_totals += nTotal
        loss.backward()
        _ = nn.utils.clip_grad_norm_(encoder.parameters(), clip)
        _ = nn.utils.clip_grad_norm_(decoder.parameters(), clip)
        encoder_optimizer.step()
        decoder_optimizer.step()
        return sum(print_losses) / n_totals

    def trainIters(model_name, voc, pairs, encoder, decoder, encoder_optimizer, decoder_optimizer, embedding,
                   encoder_n_layers, decoder_n_layers, n_iteration, batch_size, print_every, clip):
        training_batches = [batch2TrainData(voc, [choice(pairs) for _ in range(batch_size)])
                            for _ in range(n_iteration)]
        print_('Initializing ...')
        start_iteration = 1
        print_loss = 0
        print_('Training...')
        for iteration in range(start_iteration, n_iteration + 1):
            training_batch = training_batches[iteration - 1]
            input_variable, lengths, target_variable, mask, max_target_len = training_batch
            loss = train(input_variable, lengths, target_variable, mask, max_target_len, encoder,
                         decoder, embedding, encoder_optimizer, decoder_optimizer, batch_size, clip)
            print_loss += loss
            if iteration % print_every == 0:
                print_loss_avg = print_loss / print_every
                print_("Iteration: {}; Percent complete: {:.1f}%; Average loss: {:.4f}".format(
                    iteration, iteration / n_iteration * 100, print_loss_avg))
                print_loss = 0

    class GreedySearchDecoder(nn.Module):
        def __init__(self, encoder, decoder):
            super(GreedySearchDecoder, self).__init__()
            self.encoder = encoder
            self.decoder = decoder

        def forward(self, input_seq, input_length, max_length):
            encoder_outputs, encoder_hidden = self.encoder(input_seq, input_length)
            decoder_hidden = encoder_hidden[:decoder.n_layers]
            decoder_input = torch.ones(1, 1, device=device, dtype=torch.long) * SOS_token
            all_tokens = torch.zeros([0], device=device, dtype=torch.long)
            all_scores = torch.zeros([0], device=device)
            for _ in range(max_length):
                decoder_output, decoder_hidden = self.decoder(decoder_input, decoder_hidden, encoder_outputs)
                decoder_scores, decoder_input = torch.max(decoder_output, dim=1)
                all_tokens = torch.cat((all_tokens, decoder_input), dim=0)
                all_scores = torch.cat((all_scores, decoder_scores), dim=0)
                decoder_input = torch.unsqueeze(decoder_input, 0)
            return all_tokens, all_scores

    def evaluate(encoder, decoder, searcher, voc, sentence, max_length=MAX_LENGTH):
        indexes_batch = [indexesFromSentence(voc, sentence)]
        lengths = torch.tensor([len(indexes) for indexes in indexes_batch])
        input_batch = torch.LongTensor(indexes_batch).transpose(0, 1)
        input_batch = input_batch.to(device)
        lengths = lengths.to("cpu")
        tokens, scores = searcher(input_batch, lengths, max_length)
        decoded_words = [voc.index2word[token.item()] for token in tokens]
        return decoded_words, tokens, scores

    # Configure models (sizes shrunk: hidden 500 -> 16, batch 64 -> 5; lr 1e-4 -> 1e-2 and clip 50 -> 1
    # so that a few iterations move the weights and the clipping bites)
    model_name = 'cb_model'
    attn_model = 'dot'
    hidden_size = 16
    encoder_n_layers = 2
    decoder_n_layers = 2
    dropout = 0.1
    batch_size = 5
    print_('Building encoder and decoder ...')
    embedding = nn.Embedding(voc.num_words, hidden_size)
    encoder = EncoderRNN(hidden_size, embedding, encoder_n_layers, dropout)
    decoder = LuongAttnDecoderRNN(attn_model, embedding, hidden_size, voc.num_words, decoder_n_layers, dropout)
    encoder = encoder.to(device)
    decoder = decoder.to(device)
    print_('Models built and ready to go!')
    print_(encoder)
    print_(decoder)

    out = {}
    # One forward of the validation batch through the encoder, and each attention method on it
    encoder.eval()
    with torch.no_grad():
        enc_out, enc_hidden = encoder(input_variable, lengths)
        out["encoder_outputs"] = enc(enc_out)
        out["encoder_hidden"] = enc(enc_hidden)
        for method in ["dot", "general", "concat"]:
            torch.manual_seed(2)
            attn = Attn(method, hidden_size)
            out["attn_" + method] = enc(attn(enc_hidden[:1], enc_out))
    packed = nn.utils.rnn.pack_padded_sequence(embedding(input_variable), lengths)
    out["packed_batch_sizes"] = packed.batch_sizes.tolist()
    out["packed_data_shape"] = list(packed.data.shape)

    clip = 1.0
    learning_rate = 0.01
    decoder_learning_ratio = 5.0
    n_iteration = 4
    print_every = 1
    encoder.train()
    decoder.train()
    print_('Building optimizers ...')
    encoder_optimizer = optim.Adam(encoder.parameters(), lr=learning_rate)
    decoder_optimizer = optim.Adam(decoder.parameters(), lr=learning_rate * decoder_learning_ratio)
    print_("Starting Training!")
    trainIters(model_name, voc, pairs, encoder, decoder, encoder_optimizer, decoder_optimizer,
               embedding, encoder_n_layers, decoder_n_layers, n_iteration, batch_size, print_every, clip)
    out["embedding_after"] = enc(embedding.weight)
    out["grad_norm_after"] = nn.utils.clip_grad_norm_(decoder.parameters(), 1e9).item()

    encoder.eval()
    decoder.eval()
    searcher = GreedySearchDecoder(encoder, decoder)
    for input_sentence in ["how are you ?", "good night ."]:
        output_words, tokens, scores = evaluate(encoder, decoder, searcher, voc, input_sentence)
        output_words[:] = [x for x in output_words if not (x == 'EOS' or x == 'PAD')]
        print_('Bot:', ' '.join(output_words))
        out["tokens_" + str(len(input_sentence))] = enc(tokens)
        out["scores_" + str(len(input_sentence))] = enc(scores)
    out["printed"] = printed
    OUT["chatbot"] = out


chatbot()

# ------------------------------------------------------------------ pytorch/examples time_sequence_prediction
def time_sequence(dtype=torch.float):
    """generate_sine_wave.py then train.py. Shrunk: N 100 -> 6 waves of L 1000 -> 30 steps, 51
    hidden units kept, --steps 15 -> 2, future 1000 -> 20. The example calls seq.double() and makes
    its states with dtype=torch.double; torchlab's float64 is float32, so the reference runs in
    float32 (the data is cast with .astype('float32')) to make LBFGS's trajectory comparable."""
    import numpy as np
    printed, print_ = printer()
    np.random.seed(2)
    T = 20
    L = 30
    N = 6
    x = np.empty((N, L), 'int64')
    x[:] = np.array(range(L)) + np.random.randint(-4 * T, 4 * T, N).reshape(N, 1)
    data = np.sin(x / 1.0 / T).astype('float32' if dtype == torch.float else 'float64')

    class Sequence(nn.Module):
        def __init__(self):
            super(Sequence, self).__init__()
            self.lstm1 = nn.LSTMCell(1, 51)
            self.lstm2 = nn.LSTMCell(51, 51)
            self.linear = nn.Linear(51, 1)

        def forward(self, input, future=0):
            outputs = []
            h_t = torch.zeros(input.size(0), 51, dtype=dtype)
            c_t = torch.zeros(input.size(0), 51, dtype=dtype)
            h_t2 = torch.zeros(input.size(0), 51, dtype=dtype)
            c_t2 = torch.zeros(input.size(0), 51, dtype=dtype)
            for input_t in input.split(1, dim=1):
                h_t, c_t = self.lstm1(input_t, (h_t, c_t))
                h_t2, c_t2 = self.lstm2(h_t, (h_t2, c_t2))
                output = self.linear(h_t2)
                outputs += [output]
            for i in range(future):
                h_t, c_t = self.lstm1(output, (h_t, c_t))
                h_t2, c_t2 = self.lstm2(h_t, (h_t2, c_t2))
                output = self.linear(h_t2)
                outputs += [output]
            outputs = torch.cat(outputs, dim=1)
            return outputs

    np.random.seed(0)
    torch.manual_seed(0)
    input = torch.from_numpy(data[3:, :-1])
    target = torch.from_numpy(data[3:, 1:])
    test_input = torch.from_numpy(data[:3, :-1])
    test_target = torch.from_numpy(data[:3, 1:])
    seq = Sequence()
    seq.to(dtype)
    criterion = nn.MSELoss()
    optimizer = optim.LBFGS(seq.parameters(), lr=0.8)
    out = {"data": data.flatten().tolist(), "data_shape": [N, L]}
    preds = []
    for i in range(2):
        print_('STEP: ', i)

        def closure():
            optimizer.zero_grad()
            out = seq(input)
            loss = criterion(out, target)
            print_('loss:', loss.item())
            loss.backward()
            return loss
        optimizer.step(closure)
        with torch.no_grad():
            future = 20
            pred = seq(test_input, future=future)
            loss = criterion(pred[:, :-future], test_target)
            print_('test loss:', loss.item())
            y = pred.detach().numpy()
            preds.append(enc(torch.from_numpy(y).float()))
    out["preds"] = preds
    out["state_keys"] = list(optimizer.state_dict()["state"][0].keys())
    out["func_evals"] = optimizer.state_dict()["state"][0]["func_evals"]
    out["n_iter"] = optimizer.state_dict()["state"][0]["n_iter"]
    out["printed"] = printed
    return out


OUT["time_sequence"] = time_sequence()
# How far float32 lands from the example's float64 (the test's tolerance must cover at least this)
_f64 = time_sequence(torch.double)
OUT["time_sequence"]["float64_pred_max_diff"] = max(
    max(abs(a - b) for a, b in zip(p32["values"], p64["values"]))
    for p32, p64 in zip(OUT["time_sequence"]["preds"], _f64["preds"]))
OUT["time_sequence"]["float64_printed"] = _f64["printed"]


# ------------------------------------------------------------------ pytorch/examples super_resolution
def super_resolution():
    """model.py and main.py. BSDS300 (Y channel, cropped and bicubic-downscaled by torchvision
    transforms on PIL images) becomes 8 training and 4 test 12x12 targets made of sines, their inputs
    the targets average-pooled by the upscale factor 3; --batchSize 64 -> 4, --testBatchSize 10 -> 2,
    --nEpochs 2, --lr 0.01 and --seed 123 as the example's defaults say."""
    import torch.nn.init as init
    from math import log10
    from torch.utils.data import DataLoader, TensorDataset
    printed, print_ = printer()

    class Net(nn.Module):
        def __init__(self, upscale_factor):
            super(Net, self).__init__()
            self.relu = nn.ReLU()
            self.conv1 = nn.Conv2d(1, 64, (5, 5), (1, 1), (2, 2))
            self.conv2 = nn.Conv2d(64, 64, (3, 3), (1, 1), (1, 1))
            self.conv3 = nn.Conv2d(64, 32, (3, 3), (1, 1), (1, 1))
            self.conv4 = nn.Conv2d(32, upscale_factor ** 2, (3, 3), (1, 1), (1, 1))
            self.pixel_shuffle = nn.PixelShuffle(upscale_factor)
            self._initialize_weights()

        def forward(self, x):
            x = self.relu(self.conv1(x))
            x = self.relu(self.conv2(x))
            x = self.relu(self.conv3(x))
            x = self.pixel_shuffle(self.conv4(x))
            return x

        def _initialize_weights(self):
            init.orthogonal_(self.conv1.weight, init.calculate_gain('relu'))
            init.orthogonal_(self.conv2.weight, init.calculate_gain('relu'))
            init.orthogonal_(self.conv3.weight, init.calculate_gain('relu'))
            init.orthogonal_(self.conv4.weight)

    def images(n, k0):
        i = torch.arange(12, dtype=torch.float32)
        out = torch.zeros(n, 1, 12, 12)
        for k in range(n):
            out[k, 0] = 0.5 + 0.4 * torch.sin(i.view(12, 1) * (0.3 + 0.05 * (k + k0))) * torch.cos(i.view(1, 12) * (0.2 + 0.07 * (k + k0)))
        return out

    upscale_factor = 3
    torch.manual_seed(123)
    print_('===> Loading datasets')
    train_target = images(8, 0)
    test_target = images(4, 8)
    train_set = TensorDataset(F.avg_pool2d(train_target, upscale_factor), train_target)
    test_set = TensorDataset(F.avg_pool2d(test_target, upscale_factor), test_target)
    training_data_loader = DataLoader(dataset=train_set, num_workers=0, batch_size=4, shuffle=True)
    testing_data_loader = DataLoader(dataset=test_set, num_workers=0, batch_size=2, shuffle=False)
    print_('===> Building model')
    model = Net(upscale_factor=upscale_factor)
    out = {"conv1_weight": enc(model.conv1.weight), "conv2_weight": enc(model.conv2.weight),
           "conv4_weight": enc(model.conv4.weight), "gain_relu": init.calculate_gain('relu')}
    out["forward0"] = enc(model(test_set[0][0].unsqueeze(0)).detach())
    criterion = nn.MSELoss()
    optimizer = optim.Adam(model.parameters(), lr=0.01)

    def train(epoch):
        epoch_loss = 0
        for iteration, batch in enumerate(training_data_loader, 1):
            input, target = batch[0], batch[1]
            optimizer.zero_grad()
            loss = criterion(model(input), target)
            epoch_loss += loss.item()
            loss.backward()
            optimizer.step()
            print_("===> Epoch[{}]({}/{}): Loss: {:.4f}".format(epoch, iteration, len(training_data_loader), loss.item()))
        print_("===> Epoch {} Complete: Avg. Loss: {:.4f}".format(epoch, epoch_loss / len(training_data_loader)))

    def test():
        avg_psnr = 0
        with torch.no_grad():
            for batch in testing_data_loader:
                input, target = batch[0], batch[1]
                prediction = model(input)
                mse = criterion(prediction, target)
                psnr = 10 * log10(1 / mse.item())
                avg_psnr += psnr
        print_("===> Avg. PSNR: {:.4f} dB".format(avg_psnr / len(testing_data_loader)))

    for epoch in range(1, 2 + 1):
        train(epoch)
        test()
    print_(model)
    out["conv4_after"] = enc(model.conv4.weight)
    out["printed"] = printed
    OUT["super_resolution"] = out


super_resolution()


def init_orthogonal():
    """nn.init.orthogonal_ (super_resolution's initialisation) on tall, wide and conv shapes."""
    out = {}
    torch.manual_seed(0)
    out["tall"] = enc(nn.init.orthogonal_(torch.empty(5, 3)))
    out["wide"] = enc(nn.init.orthogonal_(torch.empty(3, 5), 2.0))
    out["conv"] = enc(nn.init.orthogonal_(torch.empty(4, 2, 3, 3), gain=nn.init.calculate_gain("tanh")))
    out["square"] = enc(nn.init.orthogonal_(torch.empty(20, 20)))
    out["err_1d"] = err(lambda: nn.init.orthogonal_(torch.empty(4)))
    OUT["init_orthogonal"] = out


init_orthogonal()


# ------------------------------------------------------------------ introyt "Training with PyTorch"
class Writer:
    """Stands in for torch.utils.tensorboard.SummaryWriter (the tensorboard package is not installed
    beside this PyTorch): records the scalars the tutorial logs, which the port reads back from the
    event files torchlab's SummaryWriter writes."""

    def __init__(self, logdir):
        self.logdir = logdir
        self.scalars = []

    def add_scalar(self, tag, value, step):
        self.scalars.append([tag, float(value), step])

    def add_scalars(self, tag, values, step):
        self.scalars.append([tag, {k: float(v) for k, v in values.items()}, step])

    def flush(self):
        pass


def trainingyt():
    """introyt/trainingyt.py. Fashion-MNIST becomes 40 training and 12 validation images from
    _tutorial_common.digits (28x28 in [0, 1]) in a Dataset that applies the tutorial's
    transforms.Normalize((0.5,), (0.5,)) (ToTensor's PIL step has nothing to do on a tensor); the
    tutorial draws without a seed, the port seeds torch.manual_seed(0) first; the loss is reported every
    5 batches (not 1000), 2 epochs (not 5); here the SummaryWriter is a recorder (Writer above) and
    the timestamp is fixed; torch.save of the best state_dict is left out."""
    import torchvision.transforms as transforms
    from torch.utils.data import Dataset, DataLoader
    from _tutorial_common import digits
    import torchvision
    printed, print_ = printer()
    torch.manual_seed(0)
    transform = transforms.Compose([transforms.Normalize((0.5,), (0.5,))])

    class FashionMNIST(Dataset):
        def __init__(self, train, transform):
            self.data, self.targets = digits(40, 0) if train else digits(12, 3)
            self.transform = transform

        def __len__(self):
            return len(self.data)

        def __getitem__(self, i):
            return self.transform(self.data[i]), int(self.targets[i])

    training_set = FashionMNIST(train=True, transform=transform)
    validation_set = FashionMNIST(train=False, transform=transform)
    training_loader = torch.utils.data.DataLoader(training_set, batch_size=4, shuffle=True, num_workers=2)
    validation_loader = torch.utils.data.DataLoader(validation_set, batch_size=4, shuffle=False, num_workers=2)
    classes = ('T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat',
               'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle Boot')
    print_('Training set has {} instances'.format(len(training_set)))
    print_('Validation set has {} instances'.format(len(validation_set)))
    dataiter = iter(training_loader)
    images, labels = next(dataiter)
    img_grid = torchvision.utils.make_grid(images)
    out = {"img_grid_shape": list(img_grid.shape), "img_grid_sum": img_grid.sum().item()}
    print_('  '.join(classes[labels[j]] for j in range(4)))

    class GarmentClassifier(nn.Module):
        def __init__(self):
            super(GarmentClassifier, self).__init__()
            self.conv1 = nn.Conv2d(1, 6, 5)
            self.pool = nn.MaxPool2d(2, 2)
            self.conv2 = nn.Conv2d(6, 16, 5)
            self.fc1 = nn.Linear(16 * 4 * 4, 120)
            self.fc2 = nn.Linear(120, 84)
            self.fc3 = nn.Linear(84, 10)

        def forward(self, x):
            x = self.pool(F.relu(self.conv1(x)))
            x = self.pool(F.relu(self.conv2(x)))
            x = x.view(-1, 16 * 4 * 4)
            x = F.relu(self.fc1(x))
            x = F.relu(self.fc2(x))
            x = self.fc3(x)
            return x

    model = GarmentClassifier()
    loss_fn = torch.nn.CrossEntropyLoss()
    dummy_outputs = torch.rand(4, 10)
    dummy_labels = torch.tensor([1, 5, 3, 7])
    print_(dummy_outputs)
    print_(dummy_labels)
    loss = loss_fn(dummy_outputs, dummy_labels)
    print_('Total loss for this batch: {}'.format(loss.item()))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.001, momentum=0.9)

    def train_one_epoch(epoch_index, tb_writer):
        running_loss = 0.
        last_loss = 0.
        for i, data in enumerate(training_loader):
            inputs, labels = data
            optimizer.zero_grad()
            outputs = model(inputs)
            loss = loss_fn(outputs, labels)
            loss.backward()
            optimizer.step()
            running_loss += loss.item()
            if i % 5 == 4:
                last_loss = running_loss / 5  # loss per batch
                print_('  batch {} loss: {}'.format(i + 1, last_loss))
                tb_x = epoch_index * len(training_loader) + i + 1
                tb_writer.add_scalar('Loss/train', last_loss, tb_x)
                running_loss = 0.
        return last_loss

    timestamp = '20240101_000000'
    writer = Writer('runs/fashion_trainer_{}'.format(timestamp))
    epoch_number = 0
    EPOCHS = 2
    best_vloss = 1_000_000.
    saved = []
    for epoch in range(EPOCHS):
        print_('EPOCH {}:'.format(epoch_number + 1))
        model.train(True)
        avg_loss = train_one_epoch(epoch_number, writer)
        running_vloss = 0.0
        model.eval()
        with torch.no_grad():
            for i, vdata in enumerate(validation_loader):
                vinputs, vlabels = vdata
                voutputs = model(vinputs)
                vloss = loss_fn(voutputs, vlabels)
                running_vloss += vloss
        avg_vloss = running_vloss / (i + 1)
        print_('LOSS train {} valid {}'.format(avg_loss, avg_vloss))
        writer.add_scalars('Training vs. Validation Loss',
                           {'Training': avg_loss, 'Validation': avg_vloss},
                           epoch_number + 1)
        writer.flush()
        if avg_vloss < best_vloss:
            best_vloss = avg_vloss
            model_path = 'model_{}_{}'.format(timestamp, epoch_number)
            saved.append(model_path)
        epoch_number += 1
    out["scalars"] = writer.scalars
    out["saved"] = saved
    out["best_vloss"] = str(best_vloss)
    out["printed"] = printed
    OUT["trainingyt"] = out


trainingyt()


# ------------------------------------------------------------------ pytorch/examples word_language_model
WLM_TRAIN = """the cat sat on the mat
the dog sat on the log
a cat saw a dog
the dog saw the cat on the mat
a bird sat on a log
the bird saw a cat
the cat and the dog sat
a dog and a bird saw the mat
the mat was on the log
a cat was on a mat"""
WLM_VALID = """the cat saw the bird
a dog sat on the mat
the log was a mat"""
WLM_TEST = """a bird and a cat sat
the dog was on a log"""


# word_language_model's model.py, at module level so that torch.save(model) can pickle it
class RNNModel(nn.Module):
    def __init__(self, rnn_type, ntoken, ninp, nhid, nlayers, dropout=0.5, tie_weights=False):
        super(RNNModel, self).__init__()
        self.ntoken = ntoken
        self.drop = nn.Dropout(dropout)
        self.encoder = nn.Embedding(ntoken, ninp)
        if rnn_type in ['LSTM', 'GRU']:
            self.rnn = getattr(nn, rnn_type)(ninp, nhid, nlayers, dropout=dropout)
        else:
            try:
                nonlinearity = {'RNN_TANH': 'tanh', 'RNN_RELU': 'relu'}[rnn_type]
            except KeyError as e:
                raise ValueError("""An invalid option for `--model` was supplied,
                                 options are ['LSTM', 'GRU', 'RNN_TANH' or 'RNN_RELU']""") from e
            self.rnn = nn.RNN(ninp, nhid, nlayers, nonlinearity=nonlinearity, dropout=dropout)
        self.decoder = nn.Linear(nhid, ntoken)
        if tie_weights:
            if nhid != ninp:
                raise ValueError('When using the tied flag, nhid must be equal to emsize')
            self.decoder.weight = self.encoder.weight
        self.init_weights()
        self.rnn_type = rnn_type
        self.nhid = nhid
        self.nlayers = nlayers

    def init_weights(self):
        initrange = 0.1
        nn.init.uniform_(self.encoder.weight, -initrange, initrange)
        nn.init.zeros_(self.decoder.bias)
        nn.init.uniform_(self.decoder.weight, -initrange, initrange)

    def forward(self, input, hidden):
        emb = self.drop(self.encoder(input))
        output, hidden = self.rnn(emb, hidden)
        output = self.drop(output)
        decoded = self.decoder(output)
        decoded = decoded.view(-1, self.ntoken)
        return F.log_softmax(decoded, dim=1), hidden

    def init_hidden(self, bsz):
        weight = next(self.parameters())
        if self.rnn_type == 'LSTM':
            return (weight.new_zeros(self.nlayers, bsz, self.nhid),
                    weight.new_zeros(self.nlayers, bsz, self.nhid))
        else:
            return weight.new_zeros(self.nlayers, bsz, self.nhid)


def word_language_model():
    """data.py, model.py (RNNModel) and main.py with --model LSTM --tied. WikiText-2 becomes the three
    small texts above (Corpus reads lines the same way); sizes: --emsize/--nhid 200 -> 16, --nlayers 2,
    --dropout 0.2, --bptt 35 -> 5, --batch_size 20 -> 4, eval_batch_size 10 -> 2, --log-interval 200 -> 2,
    --epochs 40 -> 3, --lr 20, --clip 0.25, --seed 1111. The printed elapsed times are fixed at 0 on both
    sides (they are wall-clock). The model is saved with torch.save(model) and loaded back as main.py
    does, into a temporary folder."""
    import os
    import tempfile
    printed, print_ = printer()

    class Dictionary(object):
        def __init__(self):
            self.word2idx = {}
            self.idx2word = []

        def add_word(self, word):
            if word not in self.word2idx:
                self.idx2word.append(word)
                self.word2idx[word] = len(self.idx2word) - 1
            return self.word2idx[word]

        def __len__(self):
            return len(self.idx2word)

    class Corpus(object):
        def __init__(self):
            self.dictionary = Dictionary()
            self.train = self.tokenize(WLM_TRAIN)
            self.valid = self.tokenize(WLM_VALID)
            self.test = self.tokenize(WLM_TEST)

        def tokenize(self, text):
            for line in text.split("\n"):
                words = line.split() + ['<eos>']
                for word in words:
                    self.dictionary.add_word(word)
            idss = []
            for line in text.split("\n"):
                words = line.split() + ['<eos>']
                ids = []
                for word in words:
                    ids.append(self.dictionary.word2idx[word])
                idss.append(torch.tensor(ids).type(torch.int64))
            ids = torch.cat(idss)
            return ids

    class args:
        model = 'LSTM'
        emsize = 16
        nhid = 16
        nlayers = 2
        lr = 20
        clip = 0.25
        epochs = 3
        batch_size = 4
        bptt = 5
        dropout = 0.2
        tied = True
        seed = 1111
        log_interval = 2
        dry_run = False
        save = os.path.join(tempfile.mkdtemp(), 'model.pt')

    torch.manual_seed(args.seed)
    corpus = Corpus()

    def batchify(data, bsz):
        nbatch = data.size(0) // bsz
        data = data.narrow(0, 0, nbatch * bsz)
        data = data.view(bsz, -1).t().contiguous()
        return data

    eval_batch_size = 2
    train_data = batchify(corpus.train, args.batch_size)
    val_data = batchify(corpus.valid, eval_batch_size)
    test_data = batchify(corpus.test, eval_batch_size)
    out = {"train_data": enc(train_data), "ntokens": len(corpus.dictionary)}
    ntokens = len(corpus.dictionary)
    model = RNNModel(args.model, ntokens, args.emsize, args.nhid, args.nlayers, args.dropout, args.tied)
    out["n_params"] = len(list(model.parameters()))
    out["state_keys"] = list(model.state_dict().keys())
    out["invalid_model"] = err(lambda: RNNModel('LSTMX', ntokens, 16, 16, 1))
    out["tied_error"] = err(lambda: RNNModel('GRU', ntokens, 16, 8, 1, 0.0, True))
    criterion = nn.NLLLoss()

    def repackage_hidden(h):
        if isinstance(h, torch.Tensor):
            return h.detach()
        else:
            return tuple(repackage_hidden(v) for v in h)

    def get_batch(source, i):
        seq_len = min(args.bptt, len(source) - 1 - i)
        data = source[i:i + seq_len]
        target = source[i + 1:i + 1 + seq_len].view(-1)
        return data, target

    def evaluate(data_source):
        model.eval()
        total_loss = 0.
        ntokens = len(corpus.dictionary)
        hidden = model.init_hidden(eval_batch_size)
        with torch.no_grad():
            for i in range(0, data_source.size(0) - 1, args.bptt):
                data, targets = get_batch(data_source, i)
                output, hidden = model(data, hidden)
                hidden = repackage_hidden(hidden)
                total_loss += len(data) * criterion(output, targets).item()
        return total_loss / (len(data_source) - 1)

    def train():
        model.train()
        total_loss = 0.
        ntokens = len(corpus.dictionary)
        hidden = model.init_hidden(args.batch_size)
        for batch, i in enumerate(range(0, train_data.size(0) - 1, args.bptt)):
            data, targets = get_batch(train_data, i)
            model.zero_grad()
            hidden = repackage_hidden(hidden)
            output, hidden = model(data, hidden)
            loss = criterion(output, targets)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), args.clip)
            for p in model.parameters():
                p.data.add_(p.grad, alpha=-lr)
            total_loss += loss.item()
            if batch % args.log_interval == 0 and batch > 0:
                cur_loss = total_loss / args.log_interval
                elapsed = 0
                print_('| epoch {:3d} | {:5d}/{:5d} batches | lr {:02.2f} | ms/batch {:5.2f} | '
                       'loss {:5.2f} | ppl {:8.2f}'.format(
                           epoch, batch, len(train_data) // args.bptt, lr,
                           elapsed * 1000 / args.log_interval, cur_loss, math.exp(cur_loss)))
                total_loss = 0
            if args.dry_run:
                break

    lr = args.lr
    best_val_loss = None
    val_losses = []
    for epoch in range(1, args.epochs + 1):
        train()
        val_loss = evaluate(val_data)
        val_losses.append(val_loss)
        print_('-' * 89)
        print_('| end of epoch {:3d} | time: {:5.2f}s | valid loss {:5.2f} | '
               'valid ppl {:8.2f}'.format(epoch, 0.0, val_loss, math.exp(val_loss)))
        print_('-' * 89)
        if not best_val_loss or val_loss < best_val_loss:
            with open(args.save, 'wb') as f:
                torch.save(model, f)
            best_val_loss = val_loss
        else:
            lr /= 4.0
    out["val_losses"] = val_losses
    out["tied_after"] = model.decoder.weight is model.encoder.weight
    with open(args.save, 'rb') as f:
        model = torch.load(f)
        model.rnn.flatten_parameters()
    out["tied_loaded"] = model.decoder.weight is model.encoder.weight
    test_loss = evaluate(test_data)
    print_('=' * 89)
    print_('| End of training | test loss {:5.2f} | test ppl {:8.2f}'.format(test_loss, math.exp(test_loss)))
    print_('=' * 89)
    out["test_loss"] = test_loss
    out["printed"] = printed
    OUT["word_language_model"] = out


word_language_model()


# ------------------------------------------------------------------ what these ports needed from torch.tensor
def creation_cases():
    """The legacy typed constructors, and lists holding one-element tensors (the chatbot's greedy branch)."""
    out = {}
    out["bool_tensor"] = enc(torch.BoolTensor([[1, 0, 2], [0, 0, 1]]))
    out["int_tensor"] = enc(torch.IntTensor([[1, -2], [3, 4]]))
    out["double_tensor"] = enc(torch.DoubleTensor([0.5, 2]))
    out["from_0d_long"] = enc(torch.LongTensor([[torch.tensor(3), torch.tensor(1)]]))
    out["from_0d_float"] = enc(torch.tensor([torch.tensor(2.0), 3]))
    out["from_1elem"] = enc(torch.tensor([[torch.tensor([7])], [torch.tensor([[8]])]]))
    out["from_bool"] = enc(torch.tensor([torch.tensor(True), torch.tensor(False)]))
    out["from_requires_grad"] = enc(torch.tensor([torch.tensor(1.5, requires_grad=True), 2]))
    out["err_many"] = err(lambda: torch.tensor([torch.ones(2), torch.ones(2)]))
    OUT["creation_cases"] = out


creation_cases()

if __name__ == "__main__":
    print(write_json(OUT, "tutorials5.json"))
