/** The cells of test/tutorials/graykode_notebook.test.ts (its header says what they port and how). */

/** The setup cell every section starts with: the scripts' imports, all of them the prelude's names. */
export const NUMPY = `// import numpy as np, torch, torch.nn as nn, torch.optim as optim, torch.nn.functional as F: the prelude's`;

export const NNLM = [NUMPY, `// code by Tae Hwan Jung @graykode
function make_batch() {
    const input_batch = [];
    const target_batch = [];

    for (const sen of sentences) {
        const word = sen.split(); // space tokenizer
        const input = word[":-1"].map((n) => word_dict[n]); // create (1~n-1) as input
        const target = word_dict[word[-1]]; // create (n) as target, We usually call this 'casual language model'

        input_batch.append(input);
        target_batch.append(target);
    }

    return [input_batch, target_batch];
}

// Model
class NNLM extends nn.Module {
    constructor() {
        super();
        this.C = nn.Embedding(n_class, m);
        this.H = nn.Linear(n_step * m, n_hidden, bias=False);
        this.d = nn.Parameter(torch.ones(n_hidden));
        this.U = nn.Linear(n_hidden, n_class, bias=False);
        this.W = nn.Linear(n_step * m, n_class, bias=False);
        this.b = nn.Parameter(torch.ones(n_class));
    }

    forward(X) {
        X = this.C(X); // X : [batch_size, n_step, m]
        X = X.view(-1, n_step * m); // [batch_size, n_step * m]
        const tanh = torch.tanh(this.d + this.H(X)); // [batch_size, n_hidden]
        const output = this.b + this.W(X) + this.U(tanh); // [batch_size, n_class]
        return output;
    }
}`, `const n_step = 2; // number of steps, n-1 in paper
const n_hidden = 2; // number of hidden size, h in paper
const m = 2; // embedding size, m in paper

const sentences = ["i like dog", "i love coffee", "i hate milk"];

let word_list = " ".join(sentences).split();
word_list = list(set(word_list));
const word_dict = Object.fromEntries(Array.from(enumerate(word_list), ([i, w]) => [w, i]));
const number_dict = Object.fromEntries(enumerate(word_list));
const n_class = len(word_dict);  // number of Vocabulary

torch.manual_seed(0);
const model = NNLM();

const criterion = nn.CrossEntropyLoss();
const optimizer = optim.Adam(model.parameters(), lr=0.001);

let [input_batch, target_batch] = make_batch();
input_batch = torch.LongTensor(input_batch);
target_batch = torch.LongTensor(target_batch);

// Training
for (const epoch of range(200)) {
    optimizer.zero_grad();
    const output = model(input_batch);

    // output : [batch_size, n_class], target_batch : [batch_size]
    const loss = criterion(output, target_batch);
    if ((epoch + 1) % 40 == 0)
        print('Epoch:', '%04d' % (epoch + 1), 'cost =', '{:.6f}'.format(loss));

    loss.backward();
    optimizer.step();
}

// Predict
const predict = model(input_batch).data.max(1, keepdim=True)[1];

// Test
print(sentences.map((sen) => sen.split()[":2"]), '->', Array.from(predict.squeeze(), (n) => number_dict[n.item()]));`];

export const WORD2VEC = [NUMPY, `// code by Tae Hwan Jung @graykode
function random_batch() {
    const random_inputs = [];
    const random_labels = [];
    const random_index = np.random.choice(range(len(skip_grams)), batch_size, replace=False);

    for (const i of random_index) {
        random_inputs.append(np.eye(voc_size)[skip_grams[i][0]]);  // target
        random_labels.append(skip_grams[i][1]);  // context word
    }

    return [random_inputs, random_labels];
}

// Model
class Word2Vec extends nn.Module {
    constructor() {
        super();
        // W and WT is not Traspose relationship
        this.W = nn.Linear(voc_size, embedding_size, bias=False); // voc_size > embedding_size Weight
        this.WT = nn.Linear(embedding_size, voc_size, bias=False); // embedding_size > voc_size Weight
    }

    forward(X) {
        // X : [batch_size, voc_size]
        const hidden_layer = this.W(X); // hidden_layer : [batch_size, embedding_size]
        const output_layer = this.WT(hidden_layer); // output_layer : [batch_size, voc_size]
        return output_layer;
    }
}`, `const batch_size = 2; // mini-batch size
const embedding_size = 2; // embedding size

const sentences = ["apple banana fruit", "banana orange fruit", "orange banana fruit",
                   "dog cat animal", "cat monkey animal", "monkey dog animal"];

const word_sequence = " ".join(sentences).split();
let word_list = " ".join(sentences).split();
word_list = list(set(word_list));
const word_dict = Object.fromEntries(Array.from(enumerate(word_list), ([i, w]) => [w, i]));
const voc_size = len(word_list);

// Make skip gram of one size window
const skip_grams = [];
for (const i of range(1, len(word_sequence) - 1)) {
    const target = word_dict[word_sequence[i]];
    const context = [word_dict[word_sequence[i - 1]], word_dict[word_sequence[i + 1]]];
    for (const w of context)
        skip_grams.append([target, w]);
}

np.random.seed(0);
torch.manual_seed(0);
const model = Word2Vec();

const criterion = nn.CrossEntropyLoss();
const optimizer = optim.Adam(model.parameters(), lr=0.001);

// Training
for (const epoch of range(200)) {
    let [input_batch, target_batch] = random_batch();
    input_batch = torch.Tensor(input_batch);
    target_batch = torch.LongTensor(target_batch);

    optimizer.zero_grad();
    const output = model(input_batch);

    // output : [batch_size, voc_size], target_batch : [batch_size] (LongTensor, not one-hot)
    const loss = criterion(output, target_batch);
    if ((epoch + 1) % 40 == 0)
        print('Epoch:', '%04d' % (epoch + 1), 'cost =', '{:.6f}'.format(loss));

    loss.backward();
    optimizer.step();
}

for (const [i, label] of enumerate(word_list)) {
    const [W, WT] = model.parameters();
    const [x, y] = [W[0][i].item(), W[1][i].item()];
    print(label, '{:.4f}'.format(x), '{:.4f}'.format(y));  // plt.scatter(x, y); plt.annotate(label, ...)
}`];

export const TEXTCNN = [NUMPY, `// code by Tae Hwan Jung @graykode
class TextCNN extends nn.Module {
    constructor() {
        super();
        this.num_filters_total = num_filters * len(filter_sizes);
        this.W = nn.Embedding(vocab_size, embedding_size);
        this.Weight = nn.Linear(this.num_filters_total, num_classes, bias=False);
        this.Bias = nn.Parameter(torch.ones([num_classes]));
        this.filter_list = nn.ModuleList(filter_sizes.map((size) => nn.Conv2d(1, num_filters, [size, embedding_size])));
    }

    forward(X) {
        let embedded_chars = this.W(X); // [batch_size, sequence_length, sequence_length]
        embedded_chars = embedded_chars.unsqueeze(1); // add channel(=1) [batch, channel(=1), sequence_length, embedding_size]

        const pooled_outputs = [];
        for (const [i, conv] of enumerate(this.filter_list)) {
            // conv : [input_channel(=1), output_channel(=3), (filter_height, filter_width), bias_option]
            const h = F.relu(conv(embedded_chars));
            // mp : ((filter_height, filter_width))
            const mp = nn.MaxPool2d([sequence_length - filter_sizes[i] + 1, 1]);
            // pooled : [batch_size(=6), output_height(=1), output_width(=1), output_channel(=3)]
            const pooled = mp(h).permute(0, 3, 2, 1);
            pooled_outputs.append(pooled);
        }

        const h_pool = torch.cat(pooled_outputs, len(filter_sizes)); // [batch_size(=6), output_height(=1), output_width(=1), output_channel(=3) * 3]
        const h_pool_flat = torch.reshape(h_pool, [-1, this.num_filters_total]); // [batch_size(=6), output_height * output_width * (output_channel * 3)]
        const model = this.Weight(h_pool_flat) + this.Bias; // [batch_size, num_classes]
        return model;
    }
}`, `const embedding_size = 2; // embedding size
const sequence_length = 3; // sequence length
const num_classes = 2; // number of classes
const filter_sizes = [2, 2, 2]; // n-gram windows
const num_filters = 3; // number of filters

// 3 words sentences (=sequence_length is 3)
const sentences = ["i love you", "he loves me", "she likes baseball", "i hate you", "sorry for that", "this is awful"];
const labels = [1, 1, 1, 0, 0, 0];  // 1 is good, 0 is not good.

let word_list = " ".join(sentences).split();
word_list = list(set(word_list));
const word_dict = Object.fromEntries(Array.from(enumerate(word_list), ([i, w]) => [w, i]));
const vocab_size = len(word_dict);

torch.manual_seed(0);
const model = TextCNN();

const criterion = nn.CrossEntropyLoss();
const optimizer = optim.Adam(model.parameters(), lr=0.001);

const inputs = torch.LongTensor(sentences.map((sen) => np.asarray(sen.split().map((n) => word_dict[n]))));
const targets = torch.LongTensor(labels.map((out) => out)); // To using Torch Softmax Loss function

// Training
for (const epoch of range(200)) {
    optimizer.zero_grad();
    const output = model(inputs);

    // output : [batch_size, num_classes], target_batch : [batch_size] (LongTensor, not one-hot)
    const loss = criterion(output, targets);
    if ((epoch + 1) % 40 == 0)
        print('Epoch:', '%04d' % (epoch + 1), 'cost =', '{:.6f}'.format(loss));

    loss.backward();
    optimizer.step();
}

// Test
const test_text = 'sorry hate you';
const tests = [np.asarray(test_text.split().map((n) => word_dict[n]))];
const test_batch = torch.LongTensor(tests);

// Predict
const predict = model(test_batch).data.max(1, keepdim=True)[1];
if (predict[0][0] == 0)
    print(test_text,"is Bad Mean...");
else
    print(test_text,"is Good Mean!!");`];

export const TEXTRNN = [NUMPY, `// code by Tae Hwan Jung @graykode
function make_batch() {
    const input_batch = [];
    const target_batch = [];

    for (const sen of sentences) {
        const word = sen.split();  // space tokenizer
        const input = word[":-1"].map((n) => word_dict[n]);  // create (1~n-1) as input
        const target = word_dict[word[-1]];  // create (n) as target, We usually call this 'casual language model'

        input_batch.append(np.eye(n_class)[input]);
        target_batch.append(target);
    }

    return [input_batch, target_batch];
}

class TextRNN extends nn.Module {
    constructor() {
        super();
        this.rnn = nn.RNN(input_size=n_class, hidden_size=n_hidden);
        this.W = nn.Linear(n_hidden, n_class, bias=False);
        this.b = nn.Parameter(torch.ones([n_class]));
    }

    forward(hidden, X) {
        X = X.transpose(0, 1); // X : [n_step, batch_size, n_class]
        let outputs;
        [outputs, hidden] = this.rnn(X, hidden);
        // outputs : [n_step, batch_size, num_directions(=1) * n_hidden]
        // hidden : [num_layers(=1) * num_directions(=1), batch_size, n_hidden]
        outputs = outputs[-1]; // [batch_size, num_directions(=1) * n_hidden]
        const model = this.W(outputs) + this.b; // model : [batch_size, n_class]
        return model;
    }
}`, `const n_step = 2; // number of cells(= number of Step)
const n_hidden = 5; // number of hidden units in one cell

const sentences = ["i like dog", "i love coffee", "i hate milk"];

let word_list = " ".join(sentences).split();
word_list = list(set(word_list));
const word_dict = Object.fromEntries(Array.from(enumerate(word_list), ([i, w]) => [w, i]));
const number_dict = Object.fromEntries(enumerate(word_list));
const n_class = len(word_dict);
const batch_size = len(sentences);

torch.manual_seed(0);
const model = TextRNN();

const criterion = nn.CrossEntropyLoss();
const optimizer = optim.Adam(model.parameters(), lr=0.001);

let [input_batch, target_batch] = make_batch();
input_batch = torch.FloatTensor(input_batch);
target_batch = torch.LongTensor(target_batch);

// Training
for (const epoch of range(200)) {
    optimizer.zero_grad();

    // hidden : [num_layers * num_directions, batch, hidden_size]
    const hidden = torch.zeros(1, batch_size, n_hidden);
    // input_batch : [batch_size, n_step, n_class]
    const output = model(hidden, input_batch);

    // output : [batch_size, n_class], target_batch : [batch_size] (LongTensor, not one-hot)
    const loss = criterion(output, target_batch);
    if ((epoch + 1) % 40 == 0)
        print('Epoch:', '%04d' % (epoch + 1), 'cost =', '{:.6f}'.format(loss));

    loss.backward();
    optimizer.step();
}

const input = sentences.map((sen) => sen.split()[":2"]);

// Predict
const hidden = torch.zeros(1, batch_size, n_hidden);
const predict = model(hidden, input_batch).data.max(1, keepdim=True)[1];
print(sentences.map((sen) => sen.split()[":2"]), '->', Array.from(predict.squeeze(), (n) => number_dict[n.item()]));`];

export const TEXTLSTM = [NUMPY, `// code by Tae Hwan Jung @graykode
function make_batch() {
    const [input_batch, target_batch] = [[], []];

    for (const seq of seq_data) {
        const input = Array.from(seq[":-1"], (n: string) => word_dict[n]); // 'm', 'a' , 'k' is input
        const target = word_dict[seq[-1]]; // 'e' is target
        input_batch.append(np.eye(n_class)[input]);
        target_batch.append(target);
    }

    return [input_batch, target_batch];
}

class TextLSTM extends nn.Module {
    constructor() {
        super();

        this.lstm = nn.LSTM(input_size=n_class, hidden_size=n_hidden);
        this.W = nn.Linear(n_hidden, n_class, bias=False);
        this.b = nn.Parameter(torch.ones([n_class]));
    }

    forward(X) {
        const input = X.transpose(0, 1);  // X : [n_step, batch_size, n_class]

        const hidden_state = torch.zeros(1, len(X), n_hidden);  // [num_layers(=1) * num_directions(=1), batch_size, n_hidden]
        const cell_state = torch.zeros(1, len(X), n_hidden);     // [num_layers(=1) * num_directions(=1), batch_size, n_hidden]

        let [outputs, [_, __]] = this.lstm(input, [hidden_state, cell_state]);
        outputs = outputs[-1];  // [batch_size, n_hidden]
        const model = this.W(outputs) + this.b;  // model : [batch_size, n_class]
        return model;
    }
}`, `const n_step = 3; // number of cells(= number of Step)
const n_hidden = 128; // number of hidden units in one cell

const char_arr = Array.from('abcdefghijklmnopqrstuvwxyz', (c) => c);
const word_dict = Object.fromEntries(Array.from(enumerate(char_arr), ([i, n]) => [n, i]));
const number_dict = Object.fromEntries(enumerate(char_arr));
const n_class = len(word_dict);  // number of class(=number of vocab)

const seq_data = ['make', 'need', 'coal', 'word', 'love', 'hate', 'live', 'home', 'hash', 'star'];

torch.manual_seed(0);
const model = TextLSTM();

const criterion = nn.CrossEntropyLoss();
const optimizer = optim.Adam(model.parameters(), lr=0.001);

let [input_batch, target_batch] = make_batch();
input_batch = torch.FloatTensor(input_batch);
target_batch = torch.LongTensor(target_batch);

// Training
for (const epoch of range(100)) {
    optimizer.zero_grad();

    const output = model(input_batch);
    const loss = criterion(output, target_batch);
    if ((epoch + 1) % 20 == 0)
        print('Epoch:', '%04d' % (epoch + 1), 'cost =', '{:.6f}'.format(loss));

    loss.backward();
    optimizer.step();
}

const inputs = seq_data.map((sen) => sen[":3"]);

const predict = model(input_batch).data.max(1, keepdim=True)[1];
print(inputs, '->', Array.from(predict.squeeze(), (n) => number_dict[n.item()]));`];

export const BILSTM = [NUMPY, `// code by Tae Hwan Jung @graykode
function make_batch() {
    const input_batch = [];
    const target_batch = [];

    const words = sentence.split();
    for (const [i, word] of enumerate(words[":-1"])) {
        let input = words[\`:\${i + 1}\`].map((n) => word_dict[n]);
        input = input + [0] * (max_len - len(input));
        const target = word_dict[words[i + 1]];
        input_batch.append(np.eye(n_class)[input]);
        target_batch.append(target);
    }

    return [input_batch, target_batch];
}

class BiLSTM extends nn.Module {
    constructor() {
        super();

        this.lstm = nn.LSTM(input_size=n_class, hidden_size=n_hidden, bidirectional=True);
        this.W = nn.Linear(n_hidden * 2, n_class, bias=False);
        this.b = nn.Parameter(torch.ones([n_class]));
    }

    forward(X) {
        const input = X.transpose(0, 1);  // input : [n_step, batch_size, n_class]

        const hidden_state = torch.zeros(1*2, len(X), n_hidden);   // [num_layers(=1) * num_directions(=2), batch_size, n_hidden]
        const cell_state = torch.zeros(1*2, len(X), n_hidden);     // [num_layers(=1) * num_directions(=2), batch_size, n_hidden]

        let [outputs, [_, __]] = this.lstm(input, [hidden_state, cell_state]);
        outputs = outputs[-1];  // [batch_size, n_hidden]
        const model = this.W(outputs) + this.b;  // model : [batch_size, n_class]
        return model;
    }
}`, `const n_hidden = 5; // number of hidden units in one cell

const sentence = (
    'Lorem ipsum dolor sit amet consectetur adipisicing elit ' +
    'sed do eiusmod tempor incididunt ut labore et dolore magna ' +
    'aliqua Ut enim ad minim veniam quis nostrud exercitation'
);

const word_dict = Object.fromEntries(Array.from(enumerate(list(set(sentence.split()))), ([i, w]) => [w, i]));
const number_dict = Object.fromEntries(enumerate(list(set(sentence.split()))));
const n_class = len(word_dict);
const max_len = len(sentence.split());

torch.manual_seed(0);
const model = BiLSTM();

const criterion = nn.CrossEntropyLoss();
const optimizer = optim.Adam(model.parameters(), lr=0.001);

let [input_batch, target_batch] = make_batch();
input_batch = torch.FloatTensor(input_batch);
target_batch = torch.LongTensor(target_batch);

// Training
for (const epoch of range(300)) {
    optimizer.zero_grad();
    const output = model(input_batch);
    const loss = criterion(output, target_batch);
    if ((epoch + 1) % 100 == 0)
        print('Epoch:', '%04d' % (epoch + 1), 'cost =', '{:.6f}'.format(loss));

    loss.backward();
    optimizer.step();
}

const predict = model(input_batch).data.max(1, keepdim=True)[1];
print(sentence);
print(Array.from(predict.squeeze(), (n) => number_dict[n.item()]));`];

export const SEQ2SEQ = [NUMPY, `// code by Tae Hwan Jung @graykode

// S: Symbol that shows starting of decoding input
// E: Symbol that shows starting of decoding output
// P: Symbol that will fill in blank sequence if current batch data size is short than time steps

function make_batch() {
    const [input_batch, output_batch, target_batch] = [[], [], []];

    for (const seq of seq_data) {
        for (const i of range(2))
            seq[i] = seq[i] + 'P' * (n_step - len(seq[i]));

        const input = Array.from(seq[0], (n) => num_dic[n]);
        const output = Array.from(('S' + seq[1]), (n) => num_dic[n]);
        const target = Array.from((seq[1] + 'E'), (n) => num_dic[n]);

        input_batch.append(np.eye(n_class)[input]);
        output_batch.append(np.eye(n_class)[output]);
        target_batch.append(target); // not one-hot
    }

    // make tensor
    return [torch.FloatTensor(input_batch), torch.FloatTensor(output_batch), torch.LongTensor(target_batch)];
}

// make test batch
function make_testbatch(input_word) {
    let [input_batch, output_batch] = [[], []];

    const input_w = input_word + 'P' * (n_step - len(input_word));
    const input = Array.from(input_w, (n) => num_dic[n]);
    const output = Array.from('S' + 'P' * n_step, (n) => num_dic[n]);

    input_batch = np.eye(n_class)[input];
    output_batch = np.eye(n_class)[output];

    return [torch.FloatTensor(input_batch).unsqueeze(0), torch.FloatTensor(output_batch).unsqueeze(0)];
}

// Model
class Seq2Seq extends nn.Module {
    constructor() {
        super();

        this.enc_cell = nn.RNN(input_size=n_class, hidden_size=n_hidden, dropout=0.5);
        this.dec_cell = nn.RNN(input_size=n_class, hidden_size=n_hidden, dropout=0.5);
        this.fc = nn.Linear(n_hidden, n_class);
    }

    forward(enc_input, enc_hidden, dec_input) {
        enc_input = enc_input.transpose(0, 1); // enc_input: [max_len(=n_step, time step), batch_size, n_class]
        dec_input = dec_input.transpose(0, 1); // dec_input: [max_len(=n_step, time step), batch_size, n_class]

        // enc_states : [num_layers(=1) * num_directions(=1), batch_size, n_hidden]
        const [_, enc_states] = this.enc_cell(enc_input, enc_hidden);
        // outputs : [max_len+1(=6), batch_size, num_directions(=1) * n_hidden(=128)]
        const [outputs, __] = this.dec_cell(dec_input, enc_states);

        const model = this.fc(outputs); // model : [max_len+1(=6), batch_size, n_class]
        return model;
    }
}`, `const n_step = 5;
const n_hidden = 128;

const char_arr = Array.from('SEPabcdefghijklmnopqrstuvwxyz', (c) => c);
const num_dic = Object.fromEntries(Array.from(enumerate(char_arr), ([i, n]) => [n, i]));
const seq_data = [['man', 'women'], ['black', 'white'], ['king', 'queen'], ['girl', 'boy'], ['up', 'down'], ['high', 'low']];

const n_class = len(num_dic);
const batch_size = len(seq_data);

torch.manual_seed(0);
const model = Seq2Seq();

const criterion = nn.CrossEntropyLoss();
const optimizer = torch.optim.Adam(model.parameters(), lr=0.001);

const [input_batch, output_batch, target_batch] = make_batch();

for (const epoch of range(200)) {
    // make hidden shape [num_layers * num_directions, batch_size, n_hidden]
    const hidden = torch.zeros(1, batch_size, n_hidden);

    optimizer.zero_grad();
    // input_batch : [batch_size, max_len(=n_step, time step), n_class]
    // output_batch : [batch_size, max_len+1(=n_step, time step) (becase of 'S' or 'E'), n_class]
    // target_batch : [batch_size, max_len+1(=n_step, time step)], not one-hot
    let output = model(input_batch, hidden, output_batch);
    // output : [max_len+1, batch_size, n_class]
    output = output.transpose(0, 1); // [batch_size, max_len+1(=6), n_class]
    let loss = 0;
    for (const i of range(0, len(target_batch))) {
        // output[i] : [max_len+1, n_class, target_batch[i] : max_len+1]
        loss += criterion(output[i], target_batch[i]);
    }
    if ((epoch + 1) % 40 == 0)
        print('Epoch:', '%04d' % (epoch + 1), 'cost =', '{:.6f}'.format(loss));
    loss.backward();
    optimizer.step();
}

// Test
function translate(word) {
    const [input_batch, output_batch] = make_testbatch(word);

    // make hidden shape [num_layers * num_directions, batch_size, n_hidden]
    const hidden = torch.zeros(1, 1, n_hidden);
    const output = model(input_batch, hidden, output_batch);
    // output : [max_len+1(=6), batch_size(=1), n_class]

    const predict = output.data.max(2, keepdim=True)[1]; // select n_class dimension
    const decoded = Array.from(predict, (i) => char_arr[i]);
    const end = decoded.index('E');
    const translated = ''.join(decoded[\`:\${end}\`]);

    return translated.replace('P', '');
}

print('test');
print('man ->', translate('man'));
print('mans ->', translate('mans'));
print('king ->', translate('king'));
print('black ->', translate('black'));
print('upp ->', translate('upp'));`];

export const SEQ2SEQ_ATTENTION = [NUMPY, `// code by Tae Hwan Jung @graykode
// Reference : https://github.com/hunkim/PyTorchZeroToAll/blob/master/14_2_seq2seq_att.py

// S: Symbol that shows starting of decoding input
// E: Symbol that shows starting of decoding output
// P: Symbol that will fill in blank sequence if current batch data size is short than time steps

function make_batch() {
    const input_batch = [np.eye(n_class)[sentences[0].split().map((n) => word_dict[n])]];
    const output_batch = [np.eye(n_class)[sentences[1].split().map((n) => word_dict[n])]];
    const target_batch = [sentences[2].split().map((n) => word_dict[n])];

    // make tensor
    return [torch.FloatTensor(input_batch), torch.FloatTensor(output_batch), torch.LongTensor(target_batch)];
}

class Attention extends nn.Module {
    constructor() {
        super();
        this.enc_cell = nn.RNN(input_size=n_class, hidden_size=n_hidden, dropout=0.5);
        this.dec_cell = nn.RNN(input_size=n_class, hidden_size=n_hidden, dropout=0.5);

        // Linear for attention
        this.attn = nn.Linear(n_hidden, n_hidden);
        this.out = nn.Linear(n_hidden * 2, n_class);
    }

    forward(enc_inputs, hidden, dec_inputs) {
        enc_inputs = enc_inputs.transpose(0, 1);  // enc_inputs: [n_step(=n_step, time step), batch_size, n_class]
        dec_inputs = dec_inputs.transpose(0, 1);  // dec_inputs: [n_step(=n_step, time step), batch_size, n_class]

        // enc_outputs : [n_step, batch_size, num_directions(=1) * n_hidden], matrix F
        // enc_hidden : [num_layers(=1) * num_directions(=1), batch_size, n_hidden]
        const [enc_outputs, enc_hidden] = this.enc_cell(enc_inputs, hidden);

        const trained_attn = [];
        hidden = enc_hidden;
        const n_step = len(dec_inputs);
        const model = torch.empty([n_step, 1, n_class]);

        for (const i of range(n_step)) {  // each time step
            // dec_output : [n_step(=1), batch_size(=1), num_directions(=1) * n_hidden]
            // hidden : [num_layers(=1) * num_directions(=1), batch_size(=1), n_hidden]
            let dec_output;
            [dec_output, hidden] = this.dec_cell(dec_inputs[i].unsqueeze(0), hidden);
            const attn_weights = this.get_att_weight(dec_output, enc_outputs);  // attn_weights : [1, 1, n_step]
            trained_attn.append(attn_weights.squeeze().data.numpy());

            // matrix-matrix product of matrices [1,1,n_step] x [1,n_step,n_hidden] = [1,1,n_hidden]
            let context = attn_weights.bmm(enc_outputs.transpose(0, 1));
            dec_output = dec_output.squeeze(0);  // dec_output : [batch_size(=1), num_directions(=1) * n_hidden]
            context = context.squeeze(1);  // [1, num_directions(=1) * n_hidden]
            model[i] = this.out(torch.cat([dec_output, context], 1));
        }

        // make model shape [n_step, n_class]
        return tuple([model.transpose(0, 1).squeeze(0), trained_attn]);
    }

    get_att_weight(dec_output, enc_outputs) {  // get attention weight one 'dec_output' with 'enc_outputs'
        const n_step = len(enc_outputs);
        const attn_scores = torch.zeros(n_step);  // attn_scores : [n_step]

        for (const i of range(n_step))
            attn_scores[i] = this.get_att_score(dec_output, enc_outputs[i]);

        // Normalize scores to weights in range 0 to 1
        return F.softmax(attn_scores).view(1, 1, -1);
    }

    get_att_score(dec_output, enc_output) {  // enc_outputs [batch_size, num_directions(=1) * n_hidden]
        const score = this.attn(enc_output);  // score : [batch_size, n_hidden]
        return torch.dot(dec_output.view(-1), score.view(-1));  // inner product make scalar value
    }
}`, `const n_step = 5; // number of cells(= number of Step)
const n_hidden = 128; // number of hidden units in one cell

const sentences = ['ich mochte ein bier P', 'S i want a beer', 'i want a beer E'];

let word_list = " ".join(sentences).split();
word_list = list(set(word_list));
const word_dict = Object.fromEntries(Array.from(enumerate(word_list), ([i, w]) => [w, i]));
const number_dict = Object.fromEntries(enumerate(word_list));
const n_class = len(word_dict);  // vocab list

// hidden : [num_layers(=1) * num_directions(=1), batch_size, n_hidden]
const hidden = torch.zeros(1, 1, n_hidden);

torch.manual_seed(0);
const model = Attention();
const criterion = nn.CrossEntropyLoss();
const optimizer = torch.optim.Adam(model.parameters(), lr=0.001);

const [input_batch, output_batch, target_batch] = make_batch();

// Train
for (const epoch of range(60)) {
    optimizer.zero_grad();
    const [output, _] = model(input_batch, hidden, output_batch);

    const loss = criterion(output, target_batch.squeeze(0));
    if ((epoch + 1) % 20 == 0)
        print('Epoch:', '%04d' % (epoch + 1), 'cost =', '{:.6f}'.format(loss));

    loss.backward();
    optimizer.step();
}

// Test
let test_batch = [np.eye(n_class)[Array.from('SPPPP', (n: string) => word_dict[n])]];
test_batch = torch.FloatTensor(test_batch);
let [predict, trained_attn] = model(input_batch, hidden, test_batch);
predict = predict.data.max(1, keepdim=True)[1];
print(sentences[0], '->', Array.from(predict.squeeze(), (n) => number_dict[n.item()]));
print(trained_attn[0]);  // ax.matshow(trained_attn, cmap='viridis'): the first row of the attention it draws`];

export const BILSTM_ATTENTION = [NUMPY, `// code by Tae Hwan Jung(Jeff Jung) @graykode
// Reference : https://github.com/prakashpandey9/Text-Classification-Pytorch/blob/master/models/LSTM_Attn.py
class BiLSTM_Attention extends nn.Module {
    constructor() {
        super();

        this.embedding = nn.Embedding(vocab_size, embedding_dim);
        this.lstm = nn.LSTM(embedding_dim, n_hidden, bidirectional=True);
        this.out = nn.Linear(n_hidden * 2, num_classes);
    }

    // lstm_output : [batch_size, n_step, n_hidden * num_directions(=2)], F matrix
    attention_net(lstm_output, final_state) {
        const hidden = final_state.view(-1, n_hidden * 2, 1);   // hidden : [batch_size, n_hidden * num_directions(=2), 1(=n_layer)]
        const attn_weights = torch.bmm(lstm_output, hidden).squeeze(2); // attn_weights : [batch_size, n_step]
        const soft_attn_weights = F.softmax(attn_weights, 1);
        // [batch_size, n_hidden * num_directions(=2), n_step] * [batch_size, n_step, 1] = [batch_size, n_hidden * num_directions(=2), 1]
        const context = torch.bmm(lstm_output.transpose(1, 2), soft_attn_weights.unsqueeze(2)).squeeze(2);
        return tuple([context, soft_attn_weights.data.numpy()]); // context : [batch_size, n_hidden * num_directions(=2)]
    }

    forward(X) {
        let input = this.embedding(X); // input : [batch_size, len_seq, embedding_dim]
        input = input.permute(1, 0, 2); // input : [len_seq, batch_size, embedding_dim]

        const hidden_state = torch.zeros(1*2, len(X), n_hidden); // [num_layers(=1) * num_directions(=2), batch_size, n_hidden]
        const cell_state = torch.zeros(1*2, len(X), n_hidden); // [num_layers(=1) * num_directions(=2), batch_size, n_hidden]

        // final_hidden_state, final_cell_state : [num_layers(=1) * num_directions(=2), batch_size, n_hidden]
        let [output, [final_hidden_state, final_cell_state]] = this.lstm(input, [hidden_state, cell_state]);
        output = output.permute(1, 0, 2); // output : [batch_size, len_seq, n_hidden]
        const [attn_output, attention] = this.attention_net(output, final_hidden_state);
        return tuple([this.out(attn_output), attention]); // model : [batch_size, num_classes], attention : [batch_size, n_step]
    }
}`, `const embedding_dim = 2; // embedding size
const n_hidden = 5;  // number of hidden units in one cell
const num_classes = 2;  // 0 or 1

// 3 words sentences (=sequence_length is 3)
const sentences = ["i love you", "he loves me", "she likes baseball", "i hate you", "sorry for that", "this is awful"];
const labels = [1, 1, 1, 0, 0, 0];  // 1 is good, 0 is not good.

let word_list = " ".join(sentences).split();
word_list = list(set(word_list));
const word_dict = Object.fromEntries(Array.from(enumerate(word_list), ([i, w]) => [w, i]));
const vocab_size = len(word_dict);

torch.manual_seed(0);
const model = BiLSTM_Attention();

const criterion = nn.CrossEntropyLoss();
const optimizer = optim.Adam(model.parameters(), lr=0.001);

const inputs = torch.LongTensor(sentences.map((sen) => np.asarray(sen.split().map((n) => word_dict[n]))));
const targets = torch.LongTensor(labels.map((out) => out));  // To using Torch Softmax Loss function

// Training
let attention;
for (const epoch of range(200)) {
    optimizer.zero_grad();
    let output;
    [output, attention] = model(inputs);
    const loss = criterion(output, targets);
    if ((epoch + 1) % 40 == 0)
        print('Epoch:', '%04d' % (epoch + 1), 'cost =', '{:.6f}'.format(loss));

    loss.backward();
    optimizer.step();
}

// Test
const test_text = 'sorry hate you';
const tests = [np.asarray(test_text.split().map((n) => word_dict[n]))];
const test_batch = torch.LongTensor(tests);

// Predict
let [predict, _] = model(test_batch);
predict = predict.data.max(1, keepdim=True)[1];
if (predict[0][0] == 0)
    print(test_text,"is Bad Mean...");
else
    print(test_text,"is Good Mean!!");
print(torch.from_numpy(attention));  // ax.matshow(attention, cmap='viridis'): the attention it draws`];

export const TRANSFORMER = [NUMPY, `// code by Tae Hwan Jung(Jeff Jung) @graykode, Derek Miller @dmmiller612
// Reference : https://github.com/jadore801120/attention-is-all-you-need-pytorch
//           https://github.com/JayParks/transformer

// S: Symbol that shows starting of decoding input
// E: Symbol that shows starting of decoding output
// P: Symbol that will fill in blank sequence if current batch data size is short than time steps

function make_batch(sentences) {
    const input_batch = [sentences[0].split().map((n) => src_vocab[n])];
    const output_batch = [sentences[1].split().map((n) => tgt_vocab[n])];
    const target_batch = [sentences[2].split().map((n) => tgt_vocab[n])];
    return [torch.LongTensor(input_batch), torch.LongTensor(output_batch), torch.LongTensor(target_batch)];
}

function get_sinusoid_encoding_table(n_position, d_model) {
    function cal_angle(position, hid_idx) {
        return position / np.power(10000, 2 * (Math.floor(hid_idx / 2)) / d_model);
    }
    function get_posi_angle_vec(position) {
        return Array.from(range(d_model), (hid_j) => cal_angle(position, hid_j));
    }

    const sinusoid_table = np.array(Array.from(range(n_position), (pos_i) => get_posi_angle_vec(pos_i)));
    sinusoid_table[":, 0::2"] = np.sin(sinusoid_table[":, 0::2"]);  // dim 2i
    sinusoid_table[":, 1::2"] = np.cos(sinusoid_table[":, 1::2"]);  // dim 2i+1
    return torch.FloatTensor(sinusoid_table);
}

function get_attn_pad_mask(seq_q, seq_k) {
    let [batch_size, len_q] = seq_q.size();
    let len_k;
    [batch_size, len_k] = seq_k.size();
    // eq(zero) is PAD token
    const pad_attn_mask = seq_k.data.eq(0).unsqueeze(1);  // batch_size x 1 x len_k(=len_q), one is masking
    return pad_attn_mask.expand(batch_size, len_q, len_k);  // batch_size x len_q x len_k
}

function get_attn_subsequent_mask(seq) {
    const attn_shape = [seq.size(0), seq.size(1), seq.size(1)];
    let subsequent_mask = np.triu(np.ones(attn_shape), k=1);
    subsequent_mask = torch.from_numpy(subsequent_mask).byte();
    return subsequent_mask;
}

class ScaledDotProductAttention extends nn.Module {
    constructor() {
        super();
    }

    forward(Q, K, V, attn_mask) {
        const scores = torch.matmul(Q, K.transpose(-1, -2)) / np.sqrt(d_k); // scores : [batch_size x n_heads x len_q(=len_k) x len_k(=len_q)]
        scores.masked_fill_(attn_mask, -1e9); // Fills elements of self tensor with value where mask is one.
        const attn = nn.Softmax(dim=-1)(scores);
        const context = torch.matmul(attn, V);
        return [context, attn];
    }
}

class MultiHeadAttention extends nn.Module {
    constructor() {
        super();
        this.W_Q = nn.Linear(d_model, d_k * n_heads);
        this.W_K = nn.Linear(d_model, d_k * n_heads);
        this.W_V = nn.Linear(d_model, d_v * n_heads);
        this.linear = nn.Linear(n_heads * d_v, d_model);
        this.layer_norm = nn.LayerNorm(d_model);
    }

    forward(Q, K, V, attn_mask) {
        // q: [batch_size x len_q x d_model], k: [batch_size x len_k x d_model], v: [batch_size x len_k x d_model]
        const [residual, batch_size] = [Q, Q.size(0)];
        // (B, S, D) -proj-> (B, S, D) -split-> (B, S, H, W) -trans-> (B, H, S, W)
        const q_s = this.W_Q(Q).view(batch_size, -1, n_heads, d_k).transpose(1,2);  // q_s: [batch_size x n_heads x len_q x d_k]
        const k_s = this.W_K(K).view(batch_size, -1, n_heads, d_k).transpose(1,2);  // k_s: [batch_size x n_heads x len_k x d_k]
        const v_s = this.W_V(V).view(batch_size, -1, n_heads, d_v).transpose(1,2);  // v_s: [batch_size x n_heads x len_k x d_v]

        attn_mask = attn_mask.unsqueeze(1).repeat(1, n_heads, 1, 1); // attn_mask : [batch_size x n_heads x len_q x len_k]

        // context: [batch_size x n_heads x len_q x d_v], attn: [batch_size x n_heads x len_q(=len_k) x len_k(=len_q)]
        let [context, attn] = ScaledDotProductAttention()(q_s, k_s, v_s, attn_mask);
        context = context.transpose(1, 2).contiguous().view(batch_size, -1, n_heads * d_v); // context: [batch_size x len_q x n_heads * d_v]
        const output = this.linear(context);
        return [this.layer_norm(output + residual), attn]; // output: [batch_size x len_q x d_model]
    }
}

class PoswiseFeedForwardNet extends nn.Module {
    constructor() {
        super();
        this.conv1 = nn.Conv1d(in_channels=d_model, out_channels=d_ff, kernel_size=1);
        this.conv2 = nn.Conv1d(in_channels=d_ff, out_channels=d_model, kernel_size=1);
        this.layer_norm = nn.LayerNorm(d_model);
    }

    forward(inputs) {
        const residual = inputs; // inputs : [batch_size, len_q, d_model]
        let output = nn.ReLU()(this.conv1(inputs.transpose(1, 2)));
        output = this.conv2(output).transpose(1, 2);
        return this.layer_norm(output + residual);
    }
}

class EncoderLayer extends nn.Module {
    constructor() {
        super();
        this.enc_self_attn = MultiHeadAttention();
        this.pos_ffn = PoswiseFeedForwardNet();
    }

    forward(enc_inputs, enc_self_attn_mask) {
        let [enc_outputs, attn] = this.enc_self_attn(enc_inputs, enc_inputs, enc_inputs, enc_self_attn_mask); // enc_inputs to same Q,K,V
        enc_outputs = this.pos_ffn(enc_outputs); // enc_outputs: [batch_size x len_q x d_model]
        return [enc_outputs, attn];
    }
}

class DecoderLayer extends nn.Module {
    constructor() {
        super();
        this.dec_self_attn = MultiHeadAttention();
        this.dec_enc_attn = MultiHeadAttention();
        this.pos_ffn = PoswiseFeedForwardNet();
    }

    forward(dec_inputs, enc_outputs, dec_self_attn_mask, dec_enc_attn_mask) {
        let [dec_outputs, dec_self_attn] = this.dec_self_attn(dec_inputs, dec_inputs, dec_inputs, dec_self_attn_mask);
        let dec_enc_attn;
        [dec_outputs, dec_enc_attn] = this.dec_enc_attn(dec_outputs, enc_outputs, enc_outputs, dec_enc_attn_mask);
        dec_outputs = this.pos_ffn(dec_outputs);
        return [dec_outputs, dec_self_attn, dec_enc_attn];
    }
}

class Encoder extends nn.Module {
    constructor() {
        super();
        this.src_emb = nn.Embedding(src_vocab_size, d_model);
        this.pos_emb = nn.Embedding.from_pretrained(get_sinusoid_encoding_table(src_len+1, d_model),freeze=True);
        this.layers = nn.ModuleList(Array.from(range(n_layers), (_) => EncoderLayer()));
    }

    forward(enc_inputs) { // enc_inputs : [batch_size x source_len]
        let enc_outputs = this.src_emb(enc_inputs) + this.pos_emb(torch.LongTensor([[1,2,3,4,0]]));
        const enc_self_attn_mask = get_attn_pad_mask(enc_inputs, enc_inputs);
        const enc_self_attns = [];
        for (const layer of this.layers) {
            let enc_self_attn;
            [enc_outputs, enc_self_attn] = layer(enc_outputs, enc_self_attn_mask);
            enc_self_attns.append(enc_self_attn);
        }
        return tuple([enc_outputs, enc_self_attns]);
    }
}

class Decoder extends nn.Module {
    constructor() {
        super();
        this.tgt_emb = nn.Embedding(tgt_vocab_size, d_model);
        this.pos_emb = nn.Embedding.from_pretrained(get_sinusoid_encoding_table(tgt_len+1, d_model),freeze=True);
        this.layers = nn.ModuleList(Array.from(range(n_layers), (_) => DecoderLayer()));
    }

    forward(dec_inputs, enc_inputs, enc_outputs) { // dec_inputs : [batch_size x target_len]
        let dec_outputs = this.tgt_emb(dec_inputs) + this.pos_emb(torch.LongTensor([[5,1,2,3,4]]));
        const dec_self_attn_pad_mask = get_attn_pad_mask(dec_inputs, dec_inputs);
        const dec_self_attn_subsequent_mask = get_attn_subsequent_mask(dec_inputs);
        const dec_self_attn_mask = torch.gt((dec_self_attn_pad_mask + dec_self_attn_subsequent_mask), 0);

        const dec_enc_attn_mask = get_attn_pad_mask(dec_inputs, enc_inputs);

        const [dec_self_attns, dec_enc_attns] = [[], []];
        for (const layer of this.layers) {
            let dec_self_attn, dec_enc_attn;
            [dec_outputs, dec_self_attn, dec_enc_attn] = layer(dec_outputs, enc_outputs, dec_self_attn_mask, dec_enc_attn_mask);
            dec_self_attns.append(dec_self_attn);
            dec_enc_attns.append(dec_enc_attn);
        }
        return tuple([dec_outputs, dec_self_attns, dec_enc_attns]);
    }
}

class Transformer extends nn.Module {
    constructor() {
        super();
        this.encoder = Encoder();
        this.decoder = Decoder();
        this.projection = nn.Linear(d_model, tgt_vocab_size, bias=False);
    }
    forward(enc_inputs, dec_inputs) {
        const [enc_outputs, enc_self_attns] = this.encoder(enc_inputs);
        const [dec_outputs, dec_self_attns, dec_enc_attns] = this.decoder(dec_inputs, enc_inputs, enc_outputs);
        const dec_logits = this.projection(dec_outputs); // dec_logits : [batch_size x src_vocab_size x tgt_vocab_size]
        return tuple([dec_logits.view(-1, dec_logits.size(-1)), enc_self_attns, dec_self_attns, dec_enc_attns]);
    }
}`, `const sentences = ['ich mochte ein bier P', 'S i want a beer', 'i want a beer E'];

// Transformer Parameters
// Padding Should be Zero
const src_vocab = {'P': 0, 'ich': 1, 'mochte': 2, 'ein': 3, 'bier': 4};
const src_vocab_size = len(src_vocab);

const tgt_vocab = {'P': 0, 'i': 1, 'want': 2, 'a': 3, 'beer': 4, 'S': 5, 'E': 6};
const number_dict = Object.fromEntries(enumerate(tgt_vocab));
const tgt_vocab_size = len(tgt_vocab);

const src_len = 5; // length of source
const tgt_len = 5; // length of target

const d_model = 32;  // Embedding Size
const d_ff = 64;  // FeedForward dimension
const d_k = 8, d_v = 8;  // dimension of K(=Q), V
const n_layers = 2;  // number of Encoder of Decoder Layer
const n_heads = 4;  // number of heads in Multi-Head Attention

torch.manual_seed(0);
const model = Transformer();

const criterion = nn.CrossEntropyLoss();
const optimizer = optim.Adam(model.parameters(), lr=0.001);

const [enc_inputs, dec_inputs, target_batch] = make_batch(sentences);

let enc_self_attns, dec_self_attns, dec_enc_attns;
for (const epoch of range(5)) {
    optimizer.zero_grad();
    let outputs;
    [outputs, enc_self_attns, dec_self_attns, dec_enc_attns] = model(enc_inputs, dec_inputs);
    const loss = criterion(outputs, target_batch.contiguous().view(-1));
    print('Epoch:', '%04d' % (epoch + 1), 'cost =', '{:.6f}'.format(loss));
    loss.backward();
    optimizer.step();
}

// Test
let [predict, _, __, ___] = model(enc_inputs, dec_inputs);
predict = predict.data.max(1, keepdim=True)[1];
print(sentences[0], '->', Array.from(predict.squeeze(), (n) => number_dict[n.item()]));

print('first head of last state enc_self_attns');
print(enc_self_attns[-1].squeeze(0)[0]);  // showgraph(enc_self_attns): the attention it draws

print('first head of last state dec_self_attns');
print(dec_self_attns[-1].squeeze(0)[0]);  // showgraph(dec_self_attns)

print('first head of last state dec_enc_attns');
print(dec_enc_attns[-1].squeeze(0)[0]);  // showgraph(dec_enc_attns)`];
