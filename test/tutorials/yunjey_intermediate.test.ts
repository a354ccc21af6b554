/**
 * yunjey/pytorch-tutorial, tutorials/02-intermediate (convolutional_neural_network,
 * recurrent_neural_network, bidirectional_recurrent_neural_network, deep_residual_network,
 * language_model with its data_utils Dictionary / Corpus), ported line by line against PyTorch 1.13
 * (test/reference/gen_yunjey.py, yunjey.json). MNIST and CIFAR-10 are torchvision's FakeData, sizes and
 * epochs are reduced; the language model reads test/reference/yunjey_train.txt (a few lines in Penn
 * Treebank's style).
 */
import * as fs from "fs";
import * as path from "path";
import { torch, torchvision } from "../../src";
import { expectSamePrint, expectValues } from "./_tutorial";
import { printer } from "./_recipes";
import { classifier, lines, R } from "./_yunjey";

const nn = torch.nn;
const transforms = torchvision.transforms;
const { clip_grad_norm_ } = torch.nn.utils;
type Tensor = InstanceType<typeof torch.Tensor>;

const device = torch.device("cpu");

// Convolutional neural network (two convolutional layers)
class ConvNet extends nn.Module {
  layer1: InstanceType<typeof nn.Sequential>;
  layer2: InstanceType<typeof nn.Sequential>;
  fc: InstanceType<typeof nn.Linear>;
  constructor(num_classes = 10) {
    super();
    this.layer1 = new nn.Sequential(
      new nn.Conv2d(1, 16, { kernel_size: 5, stride: 1, padding: 2 }),
      new nn.BatchNorm2d(16),
      new nn.ReLU(),
      new nn.MaxPool2d({ kernel_size: 2, stride: 2 }),
    );
    this.layer2 = new nn.Sequential(
      new nn.Conv2d(16, 32, { kernel_size: 5, stride: 1, padding: 2 }),
      new nn.BatchNorm2d(32),
      new nn.ReLU(),
      new nn.MaxPool2d({ kernel_size: 2, stride: 2 }),
    );
    this.fc = new nn.Linear(7 * 7 * 32, num_classes);
  }
  forward(x: Tensor): Tensor {
    let out = this.layer1(x);
    out = this.layer2(out);
    out = out.reshape(out.size(0), -1);
    out = this.fc(out);
    return out;
  }
}

test("convolutional_neural_network: ConvNet with BatchNorm2d, Adam, eval-mode test accuracy", () => {
  const printed = classifier(
    () => new ConvNet(10).to(device),
    (m) => new torch.optim.Adam(m.parameters(), { lr: 0.001 }),
    (x) => x,
    { train_size: 100, test_size: 50, num_epochs: 1, log_every: 1, eval_mode: true, acc: "Test Accuracy of the model on the 10000 test images" },
  );
  expectSamePrint(printed.join("\n"), lines("convolutional_neural_network"), 1e-3);
});

// Recurrent neural network (many-to-one); bidirectional: the BiRNN of bidirectional_recurrent_neural_network
class RNN extends nn.Module {
  hidden_size: number;
  num_layers: number;
  lstm: InstanceType<typeof nn.LSTM>;
  fc: InstanceType<typeof nn.Linear>;
  d: number;
  constructor(input_size: number, hidden_size: number, num_layers: number, num_classes: number, bidirectional = false) {
    super();
    this.hidden_size = hidden_size;
    this.num_layers = num_layers;
    this.lstm = new nn.LSTM(input_size, hidden_size, num_layers, { batch_first: true, bidirectional });
    this.fc = new nn.Linear(hidden_size * (bidirectional ? 2 : 1), num_classes);
    this.d = bidirectional ? 2 : 1;
  }
  forward(x: Tensor): Tensor {
    // Set initial hidden and cell states
    const h0 = torch.zeros(this.num_layers * this.d, x.size(0), this.hidden_size).to(device);
    const c0 = torch.zeros(this.num_layers * this.d, x.size(0), this.hidden_size).to(device);
    // Forward propagate LSTM
    let [out] = this.lstm(x, [h0, c0]); // out: tensor of shape (batch_size, seq_length, hidden_size)
    // Decode the hidden state of the last time step
    out = this.fc(out.index(":, -1, :"));
    return out;
  }
}

test("recurrent_neural_network: a 2-layer LSTM over the image rows, the last step's hidden state", () => {
  const printed = classifier(
    () => new RNN(28, 32, 2, 10).to(device),
    (m) => new torch.optim.Adam(m.parameters(), { lr: 0.01 }),
    (x) => x.reshape(-1, 28, 28),
    { train_size: 100, test_size: 50, num_epochs: 1, log_every: 1, eval_mode: true, acc: "Test Accuracy of the model on the 10000 test images" },
  );
  expectSamePrint(printed.join("\n"), lines("recurrent_neural_network"), 1e-3);
});

test("bidirectional_recurrent_neural_network: LSTM(bidirectional=True), fc over hidden_size*2", () => {
  const printed = classifier(
    () => new RNN(28, 32, 2, 10, true).to(device),
    (m) => new torch.optim.Adam(m.parameters(), { lr: 0.003 }),
    (x) => x.reshape(-1, 28, 28),
    { train_size: 60, test_size: 30, batch_size: 30, num_epochs: 1, log_every: 1, acc: "Test Accuracy of the model on the 10000 test images" },
  );
  expectSamePrint(printed.join("\n"), lines("bidirectional_recurrent_neural_network"), 1e-3);
});

// 3x3 convolution
function conv3x3(in_channels: number, out_channels: number, stride = 1) {
  return new nn.Conv2d(in_channels, out_channels, { kernel_size: 3, stride: stride, padding: 1, bias: false });
}

// Residual block
class ResidualBlock extends nn.Module {
  conv1: InstanceType<typeof nn.Conv2d>;
  bn1: InstanceType<typeof nn.BatchNorm2d>;
  relu: InstanceType<typeof nn.ReLU>;
  conv2: InstanceType<typeof nn.Conv2d>;
  bn2: InstanceType<typeof nn.BatchNorm2d>;
  downsample: InstanceType<typeof nn.Sequential> | null;
  constructor(in_channels: number, out_channels: number, stride = 1, downsample: InstanceType<typeof nn.Sequential> | null = null) {
    super();
    this.conv1 = conv3x3(in_channels, out_channels, stride);
    this.bn1 = new nn.BatchNorm2d(out_channels);
    this.relu = new nn.ReLU({ inplace: true });
    this.conv2 = conv3x3(out_channels, out_channels);
    this.bn2 = new nn.BatchNorm2d(out_channels);
    this.downsample = downsample;
  }
  forward(x: Tensor): Tensor {
    let residual = x;
    let out = this.conv1(x);
    out = this.bn1(out);
    out = this.relu(out);
    out = this.conv2(out);
    out = this.bn2(out);
    if (this.downsample) residual = this.downsample(x);
    out.add_(residual); // out += residual
    out = this.relu(out);
    return out;
  }
}

// ResNet
class ResNet extends nn.Module {
  in_channels: number;
  conv: InstanceType<typeof nn.Conv2d>;
  bn: InstanceType<typeof nn.BatchNorm2d>;
  relu: InstanceType<typeof nn.ReLU>;
  layer1: InstanceType<typeof nn.Sequential>;
  layer2: InstanceType<typeof nn.Sequential>;
  layer3: InstanceType<typeof nn.Sequential>;
  avg_pool: InstanceType<typeof nn.AvgPool2d>;
  fc: InstanceType<typeof nn.Linear>;
  constructor(block: typeof ResidualBlock, layers: number[], num_classes = 10) {
    super();
    this.in_channels = 16;
    this.conv = conv3x3(3, 16);
    this.bn = new nn.BatchNorm2d(16);
    this.relu = new nn.ReLU({ inplace: true });
    this.layer1 = this.make_layer(block, 16, layers[0]);
    this.layer2 = this.make_layer(block, 32, layers[1], 2);
    this.layer3 = this.make_layer(block, 64, layers[2], 2);
    this.avg_pool = new nn.AvgPool2d(8);
    this.fc = new nn.Linear(64, num_classes);
  }
  make_layer(block: typeof ResidualBlock, out_channels: number, blocks: number, stride = 1) {
    let downsample = null;
    if (stride !== 1 || this.in_channels !== out_channels) {
      downsample = new nn.Sequential(conv3x3(this.in_channels, out_channels, stride), new nn.BatchNorm2d(out_channels));
    }
    const layers = [];
    layers.push(new block(this.in_channels, out_channels, stride, downsample));
    this.in_channels = out_channels;
    for (let i = 1; i < blocks; i++) layers.push(new block(out_channels, out_channels));
    return new nn.Sequential(...layers);
  }
  forward(x: Tensor): Tensor {
    let out = this.conv(x);
    out = this.bn(out);
    out = this.relu(out);
    out = this.layer1(out);
    out = this.layer2(out);
    out = this.layer3(out);
    out = this.avg_pool(out);
    out = out.view(out.size(0), -1);
    out = this.fc(out);
    return out;
  }
}

test("deep_residual_network: Pad / RandomHorizontalFlip / RandomCrop, ResNet, update_lr", () => {
  const [printed, print] = printer();
  torch.manual_seed(0);
  const num_epochs = 2;
  const batch_size = 10;
  const learning_rate = 0.001;
  // Image preprocessing modules
  const transform = new transforms.Compose([new transforms.Pad(4), new transforms.RandomHorizontalFlip(), new transforms.RandomCrop(32), new transforms.ToTensor()]);
  // CIFAR-10 dataset (FakeData)
  const train_dataset = new torchvision.datasets.FakeData({ size: 20, image_size: [3, 32, 32], transform: transform });
  const test_dataset = new torchvision.datasets.FakeData({ size: 10, image_size: [3, 32, 32], transform: new transforms.ToTensor(), random_offset: 1000 });
  const train_loader = new torch.utils.data.DataLoader({ dataset: train_dataset, batch_size: batch_size, shuffle: true });
  const test_loader = new torch.utils.data.DataLoader({ dataset: test_dataset, batch_size: batch_size, shuffle: false });
  const first = (train_loader[Symbol.iterator]().next().value as Tensor[])[0];
  expectValues(first.index(":2, :, :6, :6"), R.deep_residual_network.first_batch as number[], 1e-6);
  const model = new ResNet(ResidualBlock, [1, 1, 1]).to(device);
  const criterion = new nn.CrossEntropyLoss();
  const optimizer = new torch.optim.Adam(model.parameters(), { lr: learning_rate });

  // For updating learning rate
  function update_lr(optimizer: InstanceType<typeof torch.optim.Optimizer>, lr: number) {
    for (const param_group of optimizer.param_groups) param_group["lr"] = lr;
  }

  const total_step = torch.utils.data.len(train_loader);
  let curr_lr = learning_rate;
  let outputs = torch.zeros(0);
  for (let epoch = 0; epoch < num_epochs; epoch++) {
    let i = 0;
    for (let [images, labels] of train_loader) {
      images = images.to(device);
      labels = labels.to(device);
      outputs = model(images);
      const loss = criterion(outputs, labels);
      optimizer.zero_grad();
      loss.backward();
      optimizer.step();
      if ((i + 1) % 1 === 0) print(`Epoch [${epoch + 1}/${num_epochs}], Step [${i + 1}/${total_step}] Loss: ${loss.item().toFixed(4)}`);
      i++;
    }
    // Decay learning rate
    if ((epoch + 1) % 1 === 0) {
      curr_lr /= 3;
      update_lr(optimizer, curr_lr);
    }
  }
  print(optimizer.param_groups[0]["lr"]);
  model.eval();
  torch.no_grad(() => {
    let correct = 0;
    let total = 0;
    for (let [images, labels] of test_loader) {
      images = images.to(device);
      labels = labels.to(device);
      outputs = model(images);
      const [, predicted] = torch.max(outputs.data, 1);
      total += labels.size(0);
      correct += predicted.eq(labels).sum().item();
    }
    print(`Accuracy of the model on the test images: ${(100 * correct) / total} %`);
  });
  expectValues(outputs, R.deep_residual_network.outputs as number[], 2e-3);
  expectSamePrint(printed.join("\n"), lines("deep_residual_network"), 1e-3);
});

// data_utils.py
class Dictionary {
  word2idx: Record<string, number> = {};
  idx2word: Record<number, string> = {};
  idx = 0;
  add_word(word: string) {
    if (!(word in this.word2idx)) {
      this.word2idx[word] = this.idx;
      this.idx2word[this.idx] = word;
      this.idx += 1;
    }
  }
  __len__() {
    return Object.keys(this.word2idx).length;
  }
}

class Corpus {
  dictionary = new Dictionary();
  get_data(path: string, batch_size = 20): Tensor {
    // Add words to the dictionary (`for line in f`: the file's lines, each with its newline)
    let tokens = 0;
    for (const line of fs.readFileSync(path, "utf8").split(/(?<=\n)/)) {
      const words = [...line.split(/\s+/).filter((w) => w !== ""), "<eos>"];
      tokens += words.length;
      for (const word of words) this.dictionary.add_word(word);
    }
    // Tokenize the file content
    let ids = torch.LongTensor(tokens);
    let token = 0;
    for (const line of fs.readFileSync(path, "utf8").split(/(?<=\n)/)) {
      const words = [...line.split(/\s+/).filter((w) => w !== ""), "<eos>"];
      for (const word of words) {
        ids.setitem(token, this.dictionary.word2idx[word]);
        token += 1;
      }
    }
    const num_batches = Math.floor(ids.size(0) / batch_size);
    ids = ids.index(`:${num_batches * batch_size}`);
    return ids.view(batch_size, -1);
  }
}

// RNN based language model
class RNNLM extends nn.Module {
  embed: InstanceType<typeof nn.Embedding>;
  lstm: InstanceType<typeof nn.LSTM>;
  linear: InstanceType<typeof nn.Linear>;
  constructor(vocab_size: number, embed_size: number, hidden_size: number, num_layers: number) {
    super();
    this.embed = new nn.Embedding(vocab_size, embed_size);
    this.lstm = new nn.LSTM(embed_size, hidden_size, num_layers, { batch_first: true });
    this.linear = new nn.Linear(hidden_size, vocab_size);
  }
  forward(x: Tensor, h: [Tensor, Tensor]): [Tensor, [Tensor, Tensor]] {
    // Embed word ids to vectors
    x = this.embed(x);
    // Forward propagate LSTM
    let [out, [hn, c]] = this.lstm(x, h);
    // Reshape output to (batch_size*sequence_length, hidden_size)
    out = out.reshape(out.size(0) * out.size(1), out.size(2));
    // Decode hidden states of all time steps
    out = this.linear(out);
    return [out, [hn, c]];
  }
}

test("language_model: Corpus / Dictionary, truncated BPTT with clip_grad_norm_, sampling with torch.multinomial", () => {
  const [printed, print] = printer();
  torch.manual_seed(0);
  const embed_size = 16;
  const hidden_size = 32;
  const num_layers = 1;
  const num_epochs = 2;
  const num_samples = 20; // number of words to be sampled
  const batch_size = 4;
  const seq_length = 5;
  const learning_rate = 0.002;
  const corpus = new Corpus();
  const ids = corpus.get_data(path.join(__dirname, "..", "reference", "yunjey_train.txt"), batch_size);
  const vocab_size = torch.utils.data.len(corpus.dictionary);
  const num_batches = Math.floor(ids.size(1) / seq_length);
  print(ids.size(), vocab_size, num_batches);
  expectValues(ids.index(":, :8"), R.language_model.ids as number[], 0);
  expect(Array.from({ length: 12 }, (_, i) => corpus.dictionary.idx2word[i])).toEqual(R.language_model.idx2word);
  const model = new RNNLM(vocab_size, embed_size, hidden_size, num_layers).to(device);
  const criterion = new nn.CrossEntropyLoss();
  const optimizer = new torch.optim.Adam(model.parameters(), { lr: learning_rate });

  // Truncated backpropagation
  function detach(states: Tensor[]): [Tensor, Tensor] {
    return states.map((state) => state.detach()) as [Tensor, Tensor];
  }

  for (let epoch = 0; epoch < num_epochs; epoch++) {
    // Set initial hidden and cell states
    let states: [Tensor, Tensor] = [torch.zeros(num_layers, batch_size, hidden_size).to(device), torch.zeros(num_layers, batch_size, hidden_size).to(device)];
    for (let i = 0; i < ids.size(1) - seq_length; i += seq_length) {
      // Get mini-batch inputs and targets
      const inputs = ids.index(`:, ${i}:${i + seq_length}`).to(device);
      const targets = ids.index(`:, ${i + 1}:${i + 1 + seq_length}`).to(device);
      // Forward pass
      states = detach(states);
      let outputs: Tensor;
      [outputs, states] = model(inputs, states);
      const loss = criterion(outputs, targets.reshape(-1));
      // Backward and optimize
      optimizer.zero_grad();
      loss.backward();
      clip_grad_norm_(model.parameters(), 0.5);
      optimizer.step();
      const step = Math.floor((i + 1) / seq_length);
      if (step % 2 === 0) {
        print(`Epoch [${epoch + 1}/${num_epochs}], Step[${step}/${num_batches}], Loss: ${loss.item().toFixed(4)}, Perplexity: ${Math.exp(loss.item()).toFixed(2).padStart(5)}`);
      }
    }
  }
  // Test the model
  let f = "";
  torch.no_grad(() => {
    // Set intial hidden ane cell states
    let state: [Tensor, Tensor] = [torch.zeros(num_layers, 1, hidden_size).to(device), torch.zeros(num_layers, 1, hidden_size).to(device)];
    // Select one word id randomly
    let prob = torch.ones(vocab_size);
    const input = torch.multinomial(prob, { num_samples: 1 }).unsqueeze(1).to(device);
    for (let i = 0; i < num_samples; i++) {
      // Forward propagate RNN
      let output: Tensor;
      [output, state] = model(input, state);
      // Sample a word id
      prob = output.exp();
      const word_id = torch.multinomial(prob, { num_samples: 1 }).item();
      // Fill input with sampled word id for the next time step
      input.fill_(word_id);
      // File write
      let word = corpus.dictionary.idx2word[word_id];
      word = word === "<eos>" ? "\n" : word + " ";
      f += word;
      if ((i + 1) % 10 === 0) print(`Sampled [${i + 1}/${num_samples}] words and save to ${"sample.txt"}`);
    }
  });
  expectSamePrint(printed.join("\n"), lines("language_model"), 1e-3);
  expect(f).toBe(R.language_model.sample);
});
