/** The cells of test/tutorials/bentrevett_notebook.test.ts (its header says what they port and how). */

/** The notebooks' imports: the prelude has torch, nn, F, optim, transforms, copy, collections, os, random, time, tqdm. */
const IMPORTS = `const lr_scheduler = optim.lr_scheduler;
const _LRScheduler = optim.lr_scheduler._LRScheduler;
const data = torch.utils.data;
const datasets = torchvision.datasets;
const models = torchvision.models;
const namedtuple = collections.namedtuple;`;

/** The notebook's folder: a fresh temporary one (the generator runs in one too). */
const CHDIR = `process.chdir(require("fs").mkdtempSync(require("path").join(require("os").tmpdir(), "bentrevett-")));`;

/** MNIST in torchvision's raw IDX layout (gen_bentrevett.py's WRITE_MNIST). */
const WRITE_MNIST = `function write_mnist(root, n_train, n_test) {
    const raw = os.path.join(root, 'MNIST', 'raw');
    os.makedirs(raw, exist_ok=true);
    for (const [prefix, n, off] of [['train', n_train, 0], ['t10k', n_test, 3]]) {
        const i = torch.arange(n).view(-1, 1, 1);
        const r = torch.arange(28).view(1, -1, 1);
        const q = torch.arange(28).view(1, 1, -1);
        const c = (i * 7 + off) % 10;
        let v = (i * 31 + r * 7 + q * 13) % 23;
        v = v + 200 * ((r >= 4 + 2 * c) & (r < 7 + 2 * c) & (q >= 3) & (q < 25));
        v = v + 50 * ((q >= 4 + 2 * (9 - c)) & (q < 6 + 2 * (9 - c)) & (r >= 3) & (r < 25));
        require("fs").writeFileSync(os.path.join(raw, prefix + '-images-idx3-ubyte'), Buffer.from(int_bytes([2051, n, 28, 28]) + v.clamp(max=255).flatten().tolist()));
        require("fs").writeFileSync(os.path.join(raw, prefix + '-labels-idx1-ubyte'), Buffer.from(int_bytes([2049, n]) + c.flatten().tolist()));
    }
}


function int_bytes(values) {
    return values.flatMap((v) => [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255]);
}


write_mnist('.data', 100, 30);`;

const TRAIN = `function train(model, iterator, optimizer, criterion, device) {

    let epoch_loss = 0;
    let epoch_acc = 0;

    model.train();

    for (let [x, y] of tqdm(iterator, desc="Training", leave=false)) {

        x = x.to(device);
        y = y.to(device);

        optimizer.zero_grad();

        const [y_pred, _] = model(x);

        const loss = criterion(y_pred, y);

        const acc = calculate_accuracy(y_pred, y);

        loss.backward();

        optimizer.step();

        epoch_loss += loss.item();
        epoch_acc += acc.item();
    }

    return [epoch_loss / len(iterator), epoch_acc / len(iterator)];
}`;

const EVALUATE = `function evaluate(model, iterator, criterion, device) {

    let epoch_loss = 0;
    let epoch_acc = 0;

    model.eval();

    torch.no_grad(() => {

        for (let [x, y] of tqdm(iterator, desc="Evaluating", leave=false)) {

            x = x.to(device);
            y = y.to(device);

            const [y_pred, _] = model(x);

            const loss = criterion(y_pred, y);

            const acc = calculate_accuracy(y_pred, y);

            epoch_loss += loss.item();
            epoch_acc += acc.item();
        }
    });

    return [epoch_loss / len(iterator), epoch_acc / len(iterator)];
}`;

const CALCULATE_ACCURACY = `function calculate_accuracy(y_pred, y) {
    const top_pred = y_pred.argmax(1, keepdim=true);
    const correct = top_pred.eq(y.view_as(top_pred)).sum();
    const acc = correct.float() / y.shape[0];
    return acc;
}`;

const EPOCH_TIME = `function epoch_time(start_time, end_time) {
    const elapsed_time = end_time - start_time;
    const elapsed_mins = int(elapsed_time / 60);
    const elapsed_secs = int(elapsed_time - (elapsed_mins * 60));
    return [elapsed_mins, elapsed_secs];
}`;

const COUNT_PARAMETERS = `function count_parameters(model) {
    return sum(model.parameters().filter((p) => p.requires_grad).map((p) => p.numel()));
}`;

const GET_PREDICTIONS = `function get_predictions(model, iterator, device) {

    model.eval();

    let images = [];
    let labels = [];
    let probs = [];

    torch.no_grad(() => {

        for (let [x, y] of iterator) {

            x = x.to(device);

            const [y_pred, _] = model(x);

            const y_prob = F.softmax(y_pred, dim=-1);

            images.append(x.cpu());
            labels.append(y.cpu());
            probs.append(y_prob.cpu());
        }
    });

    images = torch.cat(images, dim=0);
    labels = torch.cat(labels, dim=0);
    probs = torch.cat(probs, dim=0);

    return [images, labels, probs];
}`;

const SEED = `const SEED = 1234;

random.seed(SEED);
torch.manual_seed(SEED);
torch.cuda.manual_seed(SEED);
torch.backends.cudnn.deterministic = true;`;

export const MLP = [
  IMPORTS + "\n" + CHDIR,
  WRITE_MNIST,
  SEED,
  `const ROOT = '.data';

let train_data: any = datasets.MNIST(root=ROOT,
                            train=true,
                            download=true);`,
  `const mean = train_data.data.float().mean() / 255;
const std = train_data.data.float().std() / 255;`,
  `print(\`Calculated mean: \${mean}\`);
print(\`Calculated std: \${std}\`);`,
  `const train_transforms = transforms.Compose([
                            transforms.RandomRotation(5, fill=[0]),
                            transforms.RandomCrop(28, padding=2),
                            transforms.ToTensor(),
                            transforms.Normalize(mean=[mean], std=[std])
                                      ]);

const test_transforms = transforms.Compose([
                           transforms.ToTensor(),
                           transforms.Normalize(mean=[mean], std=[std])
                                     ]);`,
  `train_data = datasets.MNIST(root=ROOT,
                            train=true,
                            download=true,
                            transform=train_transforms);

const test_data = datasets.MNIST(root=ROOT,
                           train=false,
                           download=true,
                           transform=test_transforms);`,
  `print(\`Number of training examples: \${len(train_data)}\`);
print(\`Number of testing examples: \${len(test_data)}\`);`,
  `let N_IMAGES = 25;

let images = [...range(N_IMAGES)].map((i) => train_data[i]).map(([image, label]) => image);

print(len(images), images[0].shape, images[3].sum());`,
  `const VALID_RATIO = 0.9;

const n_train_examples = int(len(train_data) * VALID_RATIO);
const n_valid_examples = len(train_data) - n_train_examples;`,
  `let valid_data;
[train_data, valid_data] = data.random_split(train_data,
                                           [n_train_examples, n_valid_examples]);`,
  `print(\`Number of training examples: \${len(train_data)}\`);
print(\`Number of validation examples: \${len(valid_data)}\`);
print(\`Number of testing examples: \${len(test_data)}\`);`,
  `valid_data = copy.deepcopy(valid_data);
valid_data.dataset.transform = test_transforms;`,
  `N_IMAGES = 5;

images = [...range(N_IMAGES)].map((i) => valid_data[i]).map(([image, label]) => image);

print(images.map((image) => image.sum().item()).join() == [...range(N_IMAGES)].map((i) => valid_data[i]).map(([image, label]) => image.sum().item()).join());
print(train_data.dataset.transform === train_transforms, valid_data.dataset.transform === test_transforms);`,
  `const BATCH_SIZE = 64;

const train_iterator = data.DataLoader(train_data,
                                 shuffle=true,
                                 batch_size=BATCH_SIZE);

const valid_iterator = data.DataLoader(valid_data,
                                 batch_size=BATCH_SIZE);

const test_iterator = data.DataLoader(test_data,
                                batch_size=BATCH_SIZE);`,
  `class MLP extends nn.Module {
    constructor(input_dim, output_dim) {
        super();

        this.input_fc = nn.Linear(input_dim, 250);
        this.hidden_fc = nn.Linear(250, 100);
        this.output_fc = nn.Linear(100, output_dim);
    }

    forward(x) {

        // x = [batch size, height, width]

        const batch_size = x.shape[0];

        x = x.view(batch_size, -1);

        // x = [batch size, height * width]

        const h_1 = F.relu(this.input_fc(x));

        // h_1 = [batch size, 250]

        const h_2 = F.relu(this.hidden_fc(h_1));

        // h_2 = [batch size, 100]

        const y_pred = this.output_fc(h_2);

        // y_pred = [batch size, output dim]

        return [y_pred, h_2];
    }
}`,
  `const INPUT_DIM = 28 * 28;
const OUTPUT_DIM = 10;

let model = MLP(INPUT_DIM, OUTPUT_DIM);`,
  COUNT_PARAMETERS,
  `print(\`The model has \${count_parameters(model):,} trainable parameters\`);`,
  `const optimizer = optim.Adam(model.parameters());`,
  `let criterion = nn.CrossEntropyLoss();`,
  `const device = torch.device(torch.cuda.is_available() ? 'cuda' : 'cpu');`,
  `model = model.to(device);
criterion = criterion.to(device);`,
  CALCULATE_ACCURACY,
  TRAIN,
  EVALUATE,
  EPOCH_TIME,
  `const EPOCHS = 2;

let best_valid_loss = float('inf');

for (const epoch of trange(EPOCHS)) {

    const start_time = time.monotonic();

    const [train_loss, train_acc] = train(model, train_iterator, optimizer, criterion, device);
    const [valid_loss, valid_acc] = evaluate(model, valid_iterator, criterion, device);

    if (valid_loss < best_valid_loss) {
        best_valid_loss = valid_loss;
        torch.save(model.state_dict(), 'tut1-model.pt');
    }

    const end_time = time.monotonic();

    const [epoch_mins, epoch_secs] = epoch_time(start_time, end_time);

    print(\`Epoch: \${epoch+1:02} | Epoch Time: \${epoch_mins}m \${epoch_secs}s\`);
    print(\`\\tTrain Loss: \${train_loss:.3f} | Train Acc: \${train_acc*100:.2f}%\`);
    print(\`\\t Val. Loss: \${valid_loss:.3f} |  Val. Acc: \${valid_acc*100:.2f}%\`);
}`,
  `model.load_state_dict(torch.load('tut1-model.pt'));

const [test_loss, test_acc] = evaluate(model, test_iterator, criterion, device);`,
  `print(\`Test Loss: \${test_loss:.3f} | Test Acc: \${test_acc*100:.2f}%\`);`,
  GET_PREDICTIONS,
  `let [images_, labels, probs] = get_predictions(model, test_iterator, device);

const pred_labels = torch.argmax(probs, 1);`,
  `const corrects = torch.eq(labels, pred_labels);`,
  `const incorrect_examples = [];

for (const [image, label, prob, correct] of zip(images_, labels, probs, corrects)) {
    if (!correct) {
        incorrect_examples.append([image, label, prob]);
    }
}

void incorrect_examples.sort(reverse=true,
                        key=(x) => torch.max(x[2], dim=0).values);`,
  `function plot_most_incorrect(incorrect, n_images) {

    const rows = int(n_images ** 0.5);
    const cols = int(n_images ** 0.5);

    for (const i of range(rows*cols)) {
        const [image, true_label, probs] = incorrect[i];
        const true_prob = probs[true_label];
        const [incorrect_prob, incorrect_label] = torch.max(probs, dim=0);
        print(\`true label: \${true_label} (\${true_prob:.3f})\\n\` +
              \`pred label: \${incorrect_label} (\${incorrect_prob:.3f})\`);
    }
}`,
  `N_IMAGES = 4;

plot_most_incorrect(incorrect_examples, N_IMAGES);`,
  `function get_representations(model, iterator, device) {

    model.eval();

    let outputs = [];
    let intermediates = [];
    let labels = [];

    torch.no_grad(() => {

        for (let [x, y] of tqdm(iterator)) {

            x = x.to(device);

            const [y_pred, h] = model(x);

            outputs.append(y_pred.cpu());
            intermediates.append(h.cpu());
            labels.append(y);
        }
    });

    outputs = torch.cat(outputs, dim=0);
    intermediates = torch.cat(intermediates, dim=0);
    labels = torch.cat(labels, dim=0);

    return [outputs, intermediates, labels];
}`,
  `let [outputs, intermediates, labels_] = get_representations(model,
                                                     test_iterator,
                                                     device);
print(outputs.shape, intermediates.shape, labels_[":10"]);`,
  `function imagine_digit(model, digit, device, n_iterations=50_000) {

    model.eval();

    let best_prob = 0;
    let best_image = null;

    torch.no_grad(() => {

        for (const _ of trange(n_iterations)) {

            const x = torch.randn(32, 28, 28).to(device);

            const [y_pred, _y] = model(x);

            const preds = F.softmax(y_pred, dim=-1);

            const [_best_prob, index] = torch.max(preds[\`:, \${digit}\`], dim=0);

            if (_best_prob > best_prob) {
                best_prob = _best_prob;
                best_image = x[index];
            }
        }
    });

    return [best_image, best_prob];
}`,
  `const DIGIT = 3;

const [best_image, best_prob] = imagine_digit(model, DIGIT, device, n_iterations=20);`,
  `print(\`Best image probability: \${best_prob.item()*100:.2f}%\`);`,
  `const N_WEIGHTS = 25;

const weights = model.input_fc.weight.data;

print(weights.shape, weights[\`:\${N_WEIGHTS}\`].view(-1, 28, 28).shape);`,
];

/** 2_lenet: 1_mlp's MNIST cells, then the filters, the pooling and LeNet. */
export const LENET = [
  ...MLP.slice(0, 4),
  `const mean = train_data.data.float().mean() / 255;
const std = train_data.data.float().std() / 255;
const train_transforms = transforms.Compose([
                            transforms.RandomRotation(5, fill=[0]),
                            transforms.RandomCrop(28, padding=2),
                            transforms.ToTensor(),
                            transforms.Normalize(mean=[mean], std=[std])
                                      ]);

const test_transforms = transforms.Compose([
                           transforms.ToTensor(),
                           transforms.Normalize(mean=[mean], std=[std])
                                     ]);
train_data = datasets.MNIST(root=ROOT,
                            train=true,
                            download=true,
                            transform=train_transforms);

const test_data = datasets.MNIST(root=ROOT,
                           train=false,
                           download=true,
                           transform=test_transforms);
const VALID_RATIO = 0.9;

const n_train_examples = int(len(train_data) * VALID_RATIO);
const n_valid_examples = len(train_data) - n_train_examples;

let valid_data;
[train_data, valid_data] = data.random_split(train_data,
                                           [n_train_examples, n_valid_examples]);

valid_data = copy.deepcopy(valid_data);
valid_data.dataset.transform = test_transforms;
const BATCH_SIZE = 64;

const train_iterator = data.DataLoader(train_data,
                                 shuffle=true,
                                 batch_size=BATCH_SIZE);

const valid_iterator = data.DataLoader(valid_data,
                                 batch_size=BATCH_SIZE);

const test_iterator = data.DataLoader(test_data,
                                batch_size=BATCH_SIZE);`,
  `function plot_filter(images, filter) {

    images = images = torch.cat(images.map((i) => i.unsqueeze(0)),
                                dim=0).cpu();
    filter = torch.FloatTensor(filter).unsqueeze(0).unsqueeze(0).cpu();

    const n_images = images.shape[0];

    const filtered_images = F.conv2d(images, filter);

    for (const i of range(n_images)) {

        const image = filtered_images[i].squeeze(0);

        print(\`Filtered \${i}: \${image.shape} \${image.sum():.4f}\`);
    }
}`,
  `const N_IMAGES = 5;

let images = [...range(N_IMAGES)].map((i) => test_data[i]).map(([image, label]) => image);`,
  `const horizontal_filter = [[-1, -2, -1],
                     [ 0,  0,  0],
                     [ 1,  2,  1]];

plot_filter(images, horizontal_filter);`,
  `const diagonal_filter = [[-2, -1, 0],
                   [-1,  0, 1],
                   [ 0,  1, 2]];

plot_filter(images, diagonal_filter);`,
  `function plot_subsample(images, pool_type, pool_size) {

    images = torch.cat(images.map((i) => i.unsqueeze(0)), dim=0).cpu();

    let pool;
    if (pool_type.lower() == 'max') {
        pool = F.max_pool2d;
    } else if (['mean', 'avg'].includes(pool_type.lower())) {
        pool = F.avg_pool2d;
    } else {
        throw new torch.ValueError(\`pool_type must be either max or mean, got: \${pool_type}\`);
    }

    const n_images = images.shape[0];

    const pooled_images = pool(images, kernel_size=pool_size);

    for (const i of range(n_images)) {

        const image = pooled_images[i].squeeze(0);

        print(\`Subsampled \${i}: \${image.shape} \${image.sum():.4f}\`);
    }
}`,
  `plot_subsample(images, 'max', 3);`,
  `plot_subsample(images, 'avg', 2);`,
  `try {
    plot_subsample(images, 'min', 2);
} catch (e) {
    if (!(e instanceof torch.ValueError)) throw e;
    print('ValueError:', e.message);
}`,
  `class LeNet extends nn.Module {
    constructor(output_dim) {
        super();

        this.conv1 = nn.Conv2d(in_channels=1,
                               out_channels=6,
                               kernel_size=5);

        this.conv2 = nn.Conv2d(in_channels=6,
                               out_channels=16,
                               kernel_size=5);

        this.fc_1 = nn.Linear(16 * 4 * 4, 120);
        this.fc_2 = nn.Linear(120, 84);
        this.fc_3 = nn.Linear(84, output_dim);
    }

    forward(x) {

        // x = [batch size, 1, 28, 28]

        x = this.conv1(x);

        // x = [batch size, 6, 24, 24]

        x = F.max_pool2d(x, kernel_size=2);

        // x = [batch size, 6, 12, 12]

        x = F.relu(x);

        x = this.conv2(x);

        // x = [batch size, 16, 8, 8]

        x = F.max_pool2d(x, kernel_size=2);

        // x = [batch size, 16, 4, 4]

        x = F.relu(x);

        x = x.view(x.shape[0], -1);

        // x = [batch size, 16*4*4 = 256]

        const h = x;

        x = this.fc_1(x);

        // x = [batch size, 120]

        x = F.relu(x);

        x = this.fc_2(x);

        // x = batch size, 84]

        x = F.relu(x);

        x = this.fc_3(x);

        // x = [batch size, output dim]

        return [x, h];
    }
}`,
  `const OUTPUT_DIM = 10;

let model = LeNet(OUTPUT_DIM);`,
  MLP[18],
  MLP[19],
  `const optimizer = optim.Adam(model.parameters());

let criterion = nn.CrossEntropyLoss();

const device = torch.device(torch.cuda.is_available() ? 'cuda' : 'cpu');

model = model.to(device);
criterion = criterion.to(device);`,
  MLP[24], MLP[25], MLP[26], MLP[27],
  MLP[28].replace("EPOCHS = 2", "EPOCHS = 1").replace("tut1-model.pt", "tut2-model.pt"),
  `model.load_state_dict(torch.load('tut2-model.pt'));

const [test_loss, test_acc] = evaluate(model, test_iterator, criterion, device);
print(\`Test Loss: \${test_loss:.3f} | Test Acc: \${test_acc*100:.2f}%\`);`,
  MLP[31],
  `let [images_, labels, probs] = get_predictions(model, test_iterator, device);

const pred_labels = torch.argmax(probs, 1);
print(pred_labels[":10"], probs[0]);`,
];

/** 4_vgg's config-built features (the VGG model itself is left out: 129M parameters). */
export const VGG = [
  IMPORTS,
  `const vgg11_config = [64, 'M', 128, 'M', 256, 256, 'M', 512, 512, 'M', 512, 512, 'M'];

const vgg13_config = [64, 64, 'M', 128, 128, 'M', 256, 256, 'M', 512, 512, 'M', 512,
                512, 'M'];`,
  `function get_vgg_layers(config, batch_norm) {

    let layers = [];
    let in_channels = 3;

    for (const c of config) {
        assert(c == 'M' || Number.isInteger(c));
        if (c == 'M') {
            layers += [nn.MaxPool2d(kernel_size=2)];
        } else {
            const conv2d = nn.Conv2d(in_channels, c, kernel_size=3, padding=1);
            if (batch_norm) {
                layers += [conv2d, nn.BatchNorm2d(c), nn.ReLU(inplace=true)];
            } else {
                layers += [conv2d, nn.ReLU(inplace=true)];
            }
            in_channels = c;
        }
    }

    return nn.Sequential(...layers);
}`,
  `const vgg11_layers = get_vgg_layers(vgg11_config, batch_norm=true);`,
  `print(vgg11_layers);`,
  `print(get_vgg_layers(vgg13_config.slice(0, 3), batch_norm=false));`,
];
