/** The cells of test/tutorials/llq_notebook.test.ts (its header says what they port and how). */
export const AUTOGRAD = [
  `const autograd = torch.autograd;


const x = torch.tensor(1.);
const a = torch.tensor(1., requires_grad=true);
const b = torch.tensor(2., requires_grad=true);
const c = torch.tensor(3., requires_grad=true);

const y = a**2 * x + b * x + c;

print('before:', a.grad, b.grad, c.grad);
const grads = autograd.grad(y, [a, b, c]);
print('after :', grads[0], grads[1], grads[2]);`,
];

export const HIMMELBLAU = [
  `function himmelblau(x) {
    return (x[0] ** 2 + x[1] - 11) ** 2 + (x[0] + x[1] ** 2 - 7) ** 2;
}


// [1., 0.], [-4, 0.], [4, 0.]
const x = torch.tensor([-4., 0.], requires_grad=true);
const optimizer = torch.optim.Adam([x], lr=1e-3);
for (const step of range(2000)) {

    const pred = himmelblau(x);

    optimizer.zero_grad();
    pred.backward();
    optimizer.step();

    if (step % 400 == 0) {
        print ('step {}: x = {}, f(x) = {}'
               .format(step, x.tolist(), pred.item()));
    }
}`,
];

export const MNIST = [
  `function one_hot(label, depth=10) {
    const out = torch.zeros(label.size(0), depth);
    const idx = torch.LongTensor(label).view(-1, 1);
    out.scatter_(dim=1, index=idx, value=1);
    return out;
}


const batch_size = 16;

torch.manual_seed(1234);
const train_images = torch.rand(48, 1, 28, 28);
const train_targets = torch.randint(0, 10, [48]);
const test_images = torch.rand(32, 1, 28, 28);
const test_targets = torch.randint(0, 10, [32]);

// step1. load dataset
const train_loader = torch.utils.data.DataLoader(
    torch.utils.data.TensorDataset((train_images - 0.1307) / 0.3081, train_targets),
    batch_size=batch_size, shuffle=true);

const test_loader = torch.utils.data.DataLoader(
    torch.utils.data.TensorDataset((test_images - 0.1307) / 0.3081, test_targets),
    batch_size=batch_size, shuffle=false);

let [x, y] = next(iter(train_loader));
print(x.shape, y.shape, x.min(), x.max());`,
  `class Net extends nn.Module {

    constructor() {
        super();

        // xw+b
        this.fc1 = nn.Linear(28*28, 256);
        this.fc2 = nn.Linear(256, 64);
        this.fc3 = nn.Linear(64, 10);
    }

    forward(x) {
        // x: [b, 1, 28, 28]
        // h1 = relu(xw1+b1)
        x = F.relu(this.fc1(x));
        // h2 = relu(h1w2+b2)
        x = F.relu(this.fc2(x));
        // h3 = h2w3+b3
        x = this.fc3(x);

        return x;
    }
}



const net = Net();
// [w1, b1, w2, b2, w3, b3]
const optimizer = optim.SGD(net.parameters(), lr=0.01, momentum=0.9);


const train_loss = [];

for (const epoch of range(3)) {

    for (let [batch_idx, [x, y]] of enumerate(train_loader)) {

        // x: [b, 1, 28, 28], y: [512]
        // [b, 1, 28, 28] => [b, 784]
        x = x.view(x.size(0), 28*28);
        // => [b, 10]
        const out = net(x);
        // [b, 10]
        const y_onehot = one_hot(y);
        // loss = mse(out, y_onehot)
        const loss = F.mse_loss(out, y_onehot);

        optimizer.zero_grad();
        loss.backward();
        // w' = w - lr*grad
        optimizer.step();

        train_loss.append(loss.item());

        if (batch_idx % 2==0) {
            print(epoch, batch_idx, loss.item());
        }
    }
}`,
  `let total_correct = 0;
for (let [x,y] of test_loader) {
    x  = x.view(x.size(0), 28*28);
    const out = net(x);
    // out: [b, 10] => pred: [b]
    const pred = out.argmax(dim=1);
    const correct = pred.eq(y).sum().float().item();
    total_correct += correct;
}

const total_num = len(test_loader.dataset);
const acc = total_correct / total_num;
print('test acc:', acc);

[x, y] = next(iter(test_loader));
const out = net(x.view(x.size(0), 28*28));
const pred = out.argmax(dim=1);
print(len(train_loss), pred);`,
];

const MLP_DATA = `const batch_size=16;
const learning_rate=0.01;
const epochs=2;

torch.manual_seed(4321);
const train_loader = torch.utils.data.DataLoader(
    torch.utils.data.TensorDataset((torch.rand(48, 1, 28, 28) - 0.1307) / 0.3081, torch.randint(0, 10, [48])),
    batch_size=batch_size, shuffle=true);
const test_loader = torch.utils.data.DataLoader(
    torch.utils.data.TensorDataset((torch.rand(32, 1, 28, 28) - 0.1307) / 0.3081, torch.randint(0, 10, [32])),
    batch_size=batch_size, shuffle=true);`;

const mlpLoop = (net: string) => `for (const epoch of range(epochs)) {

    for (let [batch_idx, [data, target]] of enumerate(train_loader)) {
        data = data.view(-1, 28*28);

        const logits = ${net}(data);
        const loss = criteon(logits, target);

        optimizer.zero_grad();
        loss.backward();
        // print(w1.grad.norm(), w2.grad.norm())
        optimizer.step();

        if (batch_idx % 2 == 0) {
            print('Train Epoch: {} [{}/{} ({:.0f}%)]\\tLoss: {:.6f}'.format(
                epoch, batch_idx * len(data), len(train_loader.dataset),
                       100. * batch_idx / len(train_loader), loss.item()));
        }
    }


    let test_loss = 0;
    let correct = 0;
    for (let [data, target] of test_loader) {
        data = data.view(-1, 28 * 28);
        const logits = ${net}(data);
        test_loss += criteon(logits, target).item();

        const pred = logits.data.max(1)[1];
        correct += pred.eq(target.data).sum();
    }

    test_loss /= len(test_loader.dataset);
    print('\\nTest set: Average loss: {:.4f}, Accuracy: {}/{} ({:.0f}%)\\n'.format(
        test_loss, correct, len(test_loader.dataset),
        100. * correct / len(test_loader.dataset)));
}`;

export const MLP_RAW = [
  MLP_DATA,
  `const [w1, b1] = [torch.randn(200, 784, requires_grad=true),
                  torch.zeros(200, requires_grad=true)];
const [w2, b2] = [torch.randn(200, 200, requires_grad=true),
                  torch.zeros(200, requires_grad=true)];
const [w3, b3] = [torch.randn(10, 200, requires_grad=true),
                  torch.zeros(10, requires_grad=true)];

torch.nn.init.kaiming_normal_(w1);
torch.nn.init.kaiming_normal_(w2);
torch.nn.init.kaiming_normal_(w3);


function forward(x) {
    x = x@w1.t() + b1;
    x = F.relu(x);
    x = x@w2.t() + b2;
    x = F.relu(x);
    x = x@w3.t() + b3;
    x = F.relu(x);
    return x;
}



const optimizer = optim.SGD([w1, b1, w2, b2, w3, b3], lr=learning_rate);
const criteon = nn.CrossEntropyLoss();`,
  mlpLoop("forward"),
];

export const MLP_SEQ = [
  MLP_DATA,
  `class MLP extends nn.Module {

    constructor() {
        super();

        this.model = nn.Sequential(
            nn.Linear(784, 200),
            nn.ReLU(inplace=true),
            nn.Linear(200, 200),
            nn.ReLU(inplace=true),
            nn.Linear(200, 10),
            nn.ReLU(inplace=true),
        );
    }

    forward(x) {
        x = this.model(x);

        return x;
    }
}

const net = MLP();
const optimizer = optim.SGD(net.parameters(), lr=learning_rate);
const criteon = nn.CrossEntropyLoss();`,
  mlpLoop("net"),
];

export const NN_MODULE = [
  `class MyLinear extends nn.Module {

    constructor(inp, outp) {
        super();

        // requires_grad = True
        this.w = nn.Parameter(torch.randn(outp, inp));
        this.b = nn.Parameter(torch.randn(outp));
    }

    forward(x) {
        x = x @ this.w.t() + this.b;
        return x;
    }
}


class Flatten extends nn.Module {

    constructor() {
        super();
    }

    forward(input) {
        return input.view(input.size(0), -1);
    }
}



class TestNet extends nn.Module {

    constructor() {
        super();

        this.net = nn.Sequential(nn.Conv2d(1, 16, stride=1, padding=1),
                                 nn.MaxPool2d(2, 2),
                                 Flatten(),
                                 nn.Linear(1*14*14, 10));
    }

    forward(x) {
        return this.net(x);
    }
}


class BasicNet extends nn.Module {

    constructor() {
        super();

        this.net = nn.Linear(4, 3);
    }

    forward(x) {
        return this.net(x);
    }
}



class Net extends nn.Module {

    constructor() {
        super();

        this.net = nn.Sequential(BasicNet(),
                                 nn.ReLU(),
                                 nn.Linear(3, 2));
    }

    forward(x) {
        return this.net(x);
    }
}`,
  `function main() {
    const device = torch.device('cpu');
    const net = Net();
    net.to(device);

    net.train();

    net.eval();

    for (const [name, t] of net.named_parameters()) {
        print('parameters:', name, t.shape);
    }

    for (const [name, m] of net.named_children()) {
        print('children:', name, m);
    }


    for (const [name, m] of net.named_modules()) {
        print('modules:', name, m);
    }
}


main();`,
  `const layer = MyLinear(4, 3);
print(layer(torch.ones(2, 4)));
print(Flatten()(torch.ones(2, 3, 4)).shape);
try {
    TestNet();
} catch (e) {
    if (!(e instanceof TypeError)) throw e;
    print('TestNet:', e.message);
}`,
];

export const CIFAR = [
  `class Lenet5 extends nn.Module {
    /**
     * for cifar10 dataset.
     */
    constructor() {
        super();

        this.conv_unit = nn.Sequential(
            // x: [b, 3, 32, 32] => [b, 16, ]
            nn.Conv2d(3, 16, kernel_size=5, stride=1, padding=0),
            nn.MaxPool2d(kernel_size=2, stride=2, padding=0),
            //
            nn.Conv2d(16, 32, kernel_size=5, stride=1, padding=0),
            nn.MaxPool2d(kernel_size=2, stride=2, padding=0),
            //
        );
        // flatten
        // fc unit
        this.fc_unit = nn.Sequential(
            nn.Linear(32*5*5, 32),
            nn.ReLU(),
            // nn.Linear(120, 84),
            // nn.ReLU(),
            nn.Linear(32, 10)
        );


        // [b, 3, 32, 32]
        const tmp = torch.randn(2, 3, 32, 32);
        const out = this.conv_unit(tmp);
        // [b, 16, 5, 5]
        print('conv out:', out.shape);
    }



    forward(x) {
        /**
         * :param x: [b, 3, 32, 32]
         * :return:
         */
        const batchsz = x.size(0);
        // [b, 3, 32, 32] => [b, 16, 5, 5]
        x = this.conv_unit(x);
        // [b, 16, 5, 5] => [b, 16*5*5]
        x = x.view(batchsz, 32*5*5);
        // [b, 16*5*5] => [b, 10]
        const logits = this.fc_unit(x);

        return logits;
    }
}

function main() {

    const net = Lenet5();

    const tmp = torch.randn(2, 3, 32, 32);
    const out = net(tmp);
    print('lenet out:', out.shape);
}


main();`,
  `class ResBlk extends nn.Module {
    /**
     * resnet block
     */

    constructor(ch_in, ch_out, stride=1) {
        /**
         * :param ch_in:
         * :param ch_out:
         */
        super();

        // we add stride support for resbok, which is distinct from tutorials.
        this.conv1 = nn.Conv2d(ch_in, ch_out, kernel_size=3, stride=stride, padding=1);
        this.bn1 = nn.BatchNorm2d(ch_out);
        this.conv2 = nn.Conv2d(ch_out, ch_out, kernel_size=3, stride=1, padding=1);
        this.bn2 = nn.BatchNorm2d(ch_out);

        this.extra = nn.Sequential();
        if (ch_out != ch_in) {
            // [b, ch_in, h, w] => [b, ch_out, h, w]
            this.extra = nn.Sequential(
                nn.Conv2d(ch_in, ch_out, kernel_size=1, stride=stride),
                nn.BatchNorm2d(ch_out)
            );
        }
    }


    forward(x) {
        /**
         * :param x: [b, ch, h, w]
         * :return:
         */
        let out = F.relu(this.bn1(this.conv1(x)));
        out = this.bn2(this.conv2(out));
        // short cut.
        // extra module: [b, ch_in, h, w] => [b, ch_out, h, w]
        // element-wise add:
        out = this.extra(x) + out;
        out = F.relu(out);

        return out;
    }
}




class ResNet18 extends nn.Module {

    constructor() {
        super();

        this.conv1 = nn.Sequential(
            nn.Conv2d(3, 64, kernel_size=3, stride=3, padding=0),
            nn.BatchNorm2d(64)
        );
        // followed 4 blocks
        // [b, 64, h, w] => [b, 128, h ,w]
        this.blk1 = ResBlk(64, 128, stride=2);
        // [b, 128, h, w] => [b, 256, h, w]
        this.blk2 = ResBlk(128, 256, stride=2);
        // # [b, 256, h, w] => [b, 512, h, w]
        this.blk3 = ResBlk(256, 512, stride=2);
        // # [b, 512, h, w] => [b, 1024, h, w]
        this.blk4 = ResBlk(512, 512, stride=2);

        this.outlayer = nn.Linear(512*1*1, 10);
    }

    forward(x) {
        x = F.relu(this.conv1(x));

        // [b, 64, h, w] => [b, 1024, h, w]
        x = this.blk1(x);
        x = this.blk2(x);
        x = this.blk3(x);
        x = this.blk4(x);


        // print('after conv:', x.shape) #[b, 512, 2, 2]
        // [b, 512, h, w] => [b, 512, 1, 1]
        x = F.adaptive_avg_pool2d(x, [1, 1]);
        // print('after pool:', x.shape)
        x = x.view(x.size(0), -1);
        x = this.outlayer(x);


        return x;
    }
}



function main() {

    const blk = ResBlk(64, 128, stride=4);
    const tmp = torch.randn(2, 64, 32, 32);
    let out = blk(tmp);
    print('block:', out.shape);

    const x = torch.randn(2, 3, 32, 32);
    const model = ResNet18();
    out = model(x);
    print('resnet:', out.shape);
}


main();`,
  `const DataLoader = torch.utils.data.DataLoader;
const to_pil_image = transforms.functional.to_pil_image;


class CIFAR10 extends torch.utils.data.Dataset {

    constructor(root, train, transform, download) {
        super();
        const g = torch.Generator().manual_seed(train ? 10 : 11);
        this.pixels = torch.randint(0, 256, [8, 3, 32, 32], dtype=torch.uint8, generator=g);
        this.labels = torch.randint(0, 10, [8], generator=g);
        this.transform = transform;
    }

    __len__() {
        return len(this.pixels);
    }

    __getitem__(index) {
        return tuple([this.transform(to_pil_image(this.pixels[index])), int(this.labels[index])]);
    }
}


function main() {
    const batchsz = 4;

    let cifar_train = CIFAR10('cifar', true, transform=transforms.Compose([
        transforms.Resize([32, 32]),
        transforms.ToTensor(),
        transforms.Normalize(mean=[0.485, 0.456, 0.406],
                             std=[0.229, 0.224, 0.225])
    ]), download=true);
    cifar_train = DataLoader(cifar_train, batch_size=batchsz, shuffle=true);

    let cifar_test = CIFAR10('cifar', false, transform=transforms.Compose([
        transforms.Resize([32, 32]),
        transforms.ToTensor(),
        transforms.Normalize(mean=[0.485, 0.456, 0.406],
                             std=[0.229, 0.224, 0.225])
    ]), download=true);
    cifar_test = DataLoader(cifar_test, batch_size=batchsz, shuffle=true);


    let [x, label] = next(iter(cifar_train));
    print('x:', x.shape, 'label:', label.shape);

    const device = torch.device('cpu');
    const model = Lenet5().to(device);
    // model = ResNet18().to(device)

    const criteon = nn.CrossEntropyLoss().to(device);
    const optimizer = optim.Adam(model.parameters(), lr=1e-3);
    print(model);

    let loss;
    for (const epoch of range(2)) {

        model.train();
        for (let [batchidx, [x, label]] of enumerate(cifar_train)) {
            // [b, 3, 32, 32]
            // [b]
            [x, label] = [x.to(device), label.to(device)];


            const logits = model(x);
            // logits: [b, 10]
            // label:  [b]
            // loss: tensor scalar
            loss = criteon(logits, label);

            // backprop
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }


        print(epoch, 'loss:', loss.item());


        model.eval();
        torch.no_grad(() => {
            // test
            let total_correct = 0;
            let total_num = 0;
            for (let [x, label] of cifar_test) {
                // [b, 3, 32, 32]
                // [b]
                [x, label] = [x.to(device), label.to(device)];

                // [b, 10]
                const logits = model(x);
                // [b]
                const pred = logits.argmax(dim=1);
                // [b] vs [b] => scalar tensor
                const correct = torch.eq(pred, label).float().sum().item();
                total_correct += correct;
                total_num += x.size(0);
                // print(correct)
            }

            const acc = total_correct / total_num;
            print(epoch, 'test acc:', acc);
        });
    }
}


main();`,
];

export const SERIES = [
  `const num_time_steps = 50;
const input_size = 1;
const hidden_size = 16;
const output_size = 1;
const lr=0.01;



class Net extends nn.Module {

    constructor() {
        super();

        this.rnn = nn.RNN(
            input_size=input_size,
            hidden_size=hidden_size,
            num_layers=1,
            batch_first=true,
        );
        for (const p of this.rnn.parameters()) {
          nn.init.normal_(p, mean=0.0, std=0.001);
        }

        this.linear = nn.Linear(hidden_size, output_size);
    }

    forward(x, hidden_prev) {

       let out;
       [out, hidden_prev] = this.rnn(x, hidden_prev);
       // [b, seq, h]
       out = out.view(-1, hidden_size);
       out = this.linear(out);
       out = out.unsqueeze(dim=0);
       return [out, hidden_prev];
    }
}




const model = Net();
const criterion = nn.MSELoss();
const optimizer = optim.Adam(model.parameters(), lr);

let hidden_prev = torch.zeros(1, 1, hidden_size);

for (const iter of range(60)) {
    const start = torch.randint(3, [1])[0].item();
    const time_steps = torch.linspace(start, start + 10, num_time_steps, dtype=torch.float64);
    let data = torch.sin(time_steps);
    data = data.reshape(num_time_steps, 1);
    const x = data[":-1"].float().view(1, num_time_steps - 1, 1);
    const y = data["1:"].float().view(1, num_time_steps - 1, 1);

    let output;
    [output, hidden_prev] = model(x, hidden_prev);
    hidden_prev = hidden_prev.detach();

    const loss = criterion(output, y);
    model.zero_grad();
    loss.backward();
    // for p in model.parameters():
    //     print(p.grad.norm())
    // torch.nn.utils.clip_grad_norm_(p, 10)
    optimizer.step();

    if (iter % 10 == 0) {
        print("Iteration: {} loss {}".format(iter, loss.item()));
    }
}`,
  `const start = torch.randint(3, [1])[0].item();
const time_steps = torch.linspace(start, start + 10, num_time_steps, dtype=torch.float64);
let data = torch.sin(time_steps);
data = data.reshape(num_time_steps, 1);
let x = data[":-1"].float().view(1, num_time_steps - 1, 1);
let y = data["1:"].float().view(1, num_time_steps - 1, 1);

const predictions = [];
let input = x[":", 0, ":"];
for (const _ of range(x.shape[1])) {
  input = input.view(1, 1, 1);
  let pred;
  [pred, hidden_prev] = model(input, hidden_prev);
  input = pred;
  predictions.append(pred.detach().numpy().ravel()[0]);
}

x = x.data.numpy().ravel();
y = y.data.numpy();
print(len(predictions), x.shape, y.shape, torch.tensor(predictions[":4"]));`,
];

export const VAE = [
  `const DataLoader = torch.utils.data.DataLoader;


class VAE extends nn.Module {



    constructor() {
        super();


        // [b, 784] => [b, 20]
        // u: [b, 10]
        // sigma: [b, 10]
        this.encoder = nn.Sequential(
            nn.Linear(784, 256),
            nn.ReLU(),
            nn.Linear(256, 64),
            nn.ReLU(),
            nn.Linear(64, 20),
            nn.ReLU()
        );
        // [b, 20] => [b, 784]
        this.decoder = nn.Sequential(
            nn.Linear(10, 64),
            nn.ReLU(),
            nn.Linear(64, 256),
            nn.ReLU(),
            nn.Linear(256, 784),
            nn.Sigmoid()
        );

        this.criteon = nn.MSELoss();
    }

    forward(x) {
        /**
         * :param x: [b, 1, 28, 28]
         * :return:
         */
        const batchsz = x.size(0);
        // flatten
        x = x.view(batchsz, 784);
        // encoder
        // [b, 20], including mean and sigma
        const h_ = this.encoder(x);
        // [b, 20] => [b, 10] and [b, 10]
        const [mu, sigma] = h_.chunk(2, dim=1);
        // reparametrize trick, epison~N(0, 1)
        const h = mu + sigma * torch.randn_like(sigma);

        // decoder
        let x_hat = this.decoder(h);
        // reshape
        x_hat = x_hat.view(batchsz, 1, 28, 28);

        const kld = 0.5 * torch.sum(
            torch.pow(mu, 2) +
            torch.pow(sigma, 2) -
            torch.log(1e-8 + torch.pow(sigma, 2)) - 1
        ) / (batchsz*28*28);

        return [x_hat, kld];
    }
}`,
  `function main() {
    torch.manual_seed(55);
    let mnist_train = torch.utils.data.TensorDataset(torch.rand(64, 1, 28, 28), torch.randint(0, 10, [64]));
    mnist_train = DataLoader(mnist_train, batch_size=32, shuffle=true);


    let mnist_test = torch.utils.data.TensorDataset(torch.rand(32, 1, 28, 28), torch.randint(0, 10, [32]));
    mnist_test = DataLoader(mnist_test, batch_size=32, shuffle=true);


    let [x, _] = next(iter(mnist_train));
    print('x:', x.shape);

    const device = torch.device('cpu');
    // model = AE().to(device)
    const model = VAE().to(device);
    const criteon = nn.MSELoss();
    const optimizer = optim.Adam(model.parameters(), lr=1e-3);
    print(model);

    let x_hat, kld, loss;
    for (const epoch of range(2)) {


        for (let [batchidx, [x, _]] of enumerate(mnist_train)) {
            // [b, 1, 28, 28]
            x = x.to(device);

            [x_hat, kld] = model(x);
            loss = criteon(x_hat, x);

            if (kld !== None) {
                const elbo = - loss - 1.0 * kld;
                loss = - elbo;
            }

            // backprop
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }


        print(epoch, 'loss:', loss.item(), 'kld:', kld.item());

        [x, _] = next(iter(mnist_test));
        x = x.to(device);
        torch.no_grad(() => {
            [x_hat, kld] = model(x);
        });
        print(x_hat.shape, kld);
    }
}


main();`,
];

export const WGAN = [
  `const autograd = torch.autograd;

const h_dim = 400;
const batchsz = 32;
const device = torch.device('cpu');

class Generator extends nn.Module {

    constructor() {
        super();

        this.net = nn.Sequential(
            nn.Linear(2, h_dim),
            nn.ReLU(true),
            nn.Linear(h_dim, h_dim),
            nn.ReLU(true),
            nn.Linear(h_dim, h_dim),
            nn.ReLU(true),
            nn.Linear(h_dim, 2),
        );
    }

    forward(z) {
        const output = this.net(z);
        return output;
    }
}


class Discriminator extends nn.Module {

    constructor() {
        super();

        this.net = nn.Sequential(
            nn.Linear(2, h_dim),
            nn.ReLU(true),
            nn.Linear(h_dim, h_dim),
            nn.ReLU(true),
            nn.Linear(h_dim, h_dim),
            nn.ReLU(true),
            nn.Linear(h_dim, 1),
            nn.Sigmoid()
        );
    }

    forward(x) {
        const output = this.net(x);
        return output.view(-1);
    }
}

function* data_generator() {

    const scale = 2.;
    let centers = [
        [1, 0],
        [-1, 0],
        [0, 1],
        [0, -1],
        [1. / 2 ** 0.5, 1. / 2 ** 0.5],
        [1. / 2 ** 0.5, -1. / 2 ** 0.5],
        [-1. / 2 ** 0.5, 1. / 2 ** 0.5],
        [-1. / 2 ** 0.5, -1. / 2 ** 0.5]
    ];
    centers = centers.map(([x, y]) => [scale * x, scale * y]);
    while (true) {
        let dataset = [];
        for (const i of range(batchsz)) {
            const point = torch.randn(2) * .02;
            const center = centers[torch.randint(len(centers), [1]).item()];
            point[0] += center[0];
            point[1] += center[1];
            dataset.append(point);
        }
        dataset = torch.stack(dataset);
        dataset /= 1.414;  // stdev
        yield dataset;
    }
}`,
  `function weights_init(m) {
    if (isinstance(m, nn.Linear)) {
        // m.weight.data.normal_(0.0, 0.02)
        nn.init.kaiming_normal_(m.weight);
        m.bias.data.fill_(0);
    }
}

function gradient_penalty(D, xr, xf) {
    /**
     * :param D:
     * :param xr:
     * :param xf:
     * :return:
     */
    const LAMBDA = 0.3;

    // only constrait for Discriminator
    xf = xf.detach();
    xr = xr.detach();

    // [b, 1] => [b, 2]
    let alpha = torch.rand(batchsz, 1).to(device);
    alpha = alpha.expand_as(xr);

    const interpolates = alpha * xr + ((1 - alpha) * xf);
    interpolates.requires_grad_();

    const disc_interpolates = D(interpolates);

    const gradients = autograd.grad(outputs=disc_interpolates, inputs=interpolates,
                                    grad_outputs=torch.ones_like(disc_interpolates),
                                    create_graph=true, retain_graph=true, only_inputs=true)[0];

    const gp = ((gradients.norm(2, dim=1) - 1) ** 2).mean() * LAMBDA;

    return gp;
}

function main() {

    torch.manual_seed(23);

    const G = Generator().to(device);
    const D = Discriminator().to(device);
    G.apply(weights_init);
    D.apply(weights_init);

    const optim_G = optim.Adam(G.parameters(), lr=1e-3, betas=[0.5, 0.9]);
    const optim_D = optim.Adam(D.parameters(), lr=1e-3, betas=[0.5, 0.9]);


    const data_iter = data_generator();
    print('batch:', next(data_iter).shape);

    for (const epoch of range(2)) {

        let loss_D;
        // 1. train discriminator for k steps
        for (const _ of range(5)) {
            const x = next(data_iter);
            const xr = x.to(device);

            // [b]
            const predr = (D(xr));
            // max log(lossr)
            const lossr = - (predr.mean());

            // [b, 2]
            const z = torch.randn(batchsz, 2).to(device);
            // stop gradient on G
            // [b, 2]
            const xf = G(z).detach();
            // [b]
            const predf = (D(xf));
            // min predf
            const lossf = (predf.mean());

            // gradient penalty
            const gp = gradient_penalty(D, xr, xf);

            loss_D = lossr + lossf + gp;
            optim_D.zero_grad();
            loss_D.backward();
            // for p in D.parameters():
            //     print(p.grad.norm())
            optim_D.step();
        }


        // 2. train Generator
        const z = torch.randn(batchsz, 2).to(device);
        const xf = G(z);
        const predf = (D(xf));
        // max predf
        const loss_G = - (predf.mean());
        optim_G.zero_grad();
        loss_G.backward();
        optim_G.step();


        if (epoch % 1 == 0) {
            print(loss_D.item(), loss_G.item());
        }
    }
}


main();`,
];

export const POKEMON = [
  `const resnet18 = torchvision.models.resnet18;
const to_pil_image = transforms.functional.to_pil_image;
const Dataset = torch.utils.data.Dataset;
const DataLoader = torch.utils.data.DataLoader;


class ResBlk extends nn.Module {
    /**
     * resnet block
     */

    constructor(ch_in, ch_out, stride=1) {
        /**
         * :param ch_in:
         * :param ch_out:
         */
        super();

        this.conv1 = nn.Conv2d(ch_in, ch_out, kernel_size=3, stride=stride, padding=1);
        this.bn1 = nn.BatchNorm2d(ch_out);
        this.conv2 = nn.Conv2d(ch_out, ch_out, kernel_size=3, stride=1, padding=1);
        this.bn2 = nn.BatchNorm2d(ch_out);

        this.extra = nn.Sequential();
        if (ch_out != ch_in) {
            // [b, ch_in, h, w] => [b, ch_out, h, w]
            this.extra = nn.Sequential(
                nn.Conv2d(ch_in, ch_out, kernel_size=1, stride=stride),
                nn.BatchNorm2d(ch_out)
            );
        }
    }


    forward(x) {
        /**
         * :param x: [b, ch, h, w]
         * :return:
         */
        let out = F.relu(this.bn1(this.conv1(x)));
        out = this.bn2(this.conv2(out));
        // short cut.
        // extra module: [b, ch_in, h, w] => [b, ch_out, h, w]
        // element-wise add:
        out = this.extra(x) + out;
        out = F.relu(out);

        return out;
    }
}




class ResNet18 extends nn.Module {

    constructor(num_class) {
        super();

        this.conv1 = nn.Sequential(
            nn.Conv2d(3, 16, kernel_size=3, stride=3, padding=0),
            nn.BatchNorm2d(16)
        );
        // followed 4 blocks
        // [b, 16, h, w] => [b, 32, h ,w]
        this.blk1 = ResBlk(16, 32, stride=3);
        // [b, 32, h, w] => [b, 64, h, w]
        this.blk2 = ResBlk(32, 64, stride=3);
        // # [b, 64, h, w] => [b, 128, h, w]
        this.blk3 = ResBlk(64, 128, stride=2);
        // # [b, 128, h, w] => [b, 256, h, w]
        this.blk4 = ResBlk(128, 256, stride=2);

        // [b, 256, 7, 7]
        this.outlayer = nn.Linear(256*3*3, num_class);
    }

    forward(x) {
        /**
         * :param x:
         * :return:
         */
        x = F.relu(this.conv1(x));

        // [b, 64, h, w] => [b, 1024, h, w]
        x = this.blk1(x);
        x = this.blk2(x);
        x = this.blk3(x);
        x = this.blk4(x);

        // print(x.shape)
        x = x.view(x.size(0), -1);
        x = this.outlayer(x);


        return x;
    }
}



function main() {
    const blk = ResBlk(64, 128);
    let tmp = torch.randn(2, 64, 32, 32);
    let out = blk(tmp);
    print('block:', out.shape);


    const model = ResNet18(5);
    tmp = torch.randn(2, 3, 224, 224);
    out = model(tmp);
    print('resnet:', out.shape);

    const p = sum(map((p) => p.numel(), model.parameters()));
    print('parameters size:', p);
}


main();`,
  `class Pokemon extends Dataset {

    constructor(root, resize, mode) {
        super();

        this.root = root;
        this.resize = resize;

        this.name2label = {}; // "sq...":0
        for (const name of sorted(['bulbasaur', 'charmander', 'mewtwo', 'pikachu', 'squirtle'])) {
            this.name2label[name] = len(this.name2label.keys());
        }

        // image, label
        [this.images, this.labels] = this.load_csv('images.csv');

        if (mode=='train') { // 60%
            this.images = this.images[\`:\${int(0.6*len(this.images))}\`];
            this.labels = this.labels[\`:\${int(0.6*len(this.labels))}\`];
        } else if (mode=='val') { // 20% = 60%->80%
            this.images = this.images[\`\${int(0.6*len(this.images))}:\${int(0.8*len(this.images))}\`];
            this.labels = this.labels[\`\${int(0.6*len(this.labels))}:\${int(0.8*len(this.labels))}\`];
        } else { // 20% = 80%->100%
            this.images = this.images[\`\${int(0.8*len(this.images))}:\`];
            this.labels = this.labels[\`\${int(0.8*len(this.labels))}:\`];
        }
    }

    load_csv(filename) {
        const g = torch.Generator().manual_seed(6);
        const [images, labels] = [[], []];
        for (const i of range(7)) {
            images.append(torch.randint(0, 256, [3, 80, 96], dtype=torch.uint8, generator=g));
            labels.append(int(torch.randint(0, len(this.name2label), [1], generator=g)));
        }

        assert(len(images) == len(labels));

        return [images, labels];
    }



    __len__() {

        return len(this.images);
    }


    denormalize(x_hat) {

        let mean = [0.485, 0.456, 0.406];
        let std = [0.229, 0.224, 0.225];

        // x_hat = (x-mean)/std
        // x = x_hat*std = mean
        // x: [c, h, w]
        // mean: [3] => [3, 1, 1]
        mean = torch.tensor(mean).unsqueeze(1).unsqueeze(1);
        std = torch.tensor(std).unsqueeze(1).unsqueeze(1);
        // print(mean.shape, std.shape)
        const x = x_hat * std + mean;

        return x;
    }


    __getitem__(idx) {
        // idx~[0~len(images)]
        // self.images, self.labels
        // img: 'pokemon\\\\bulbasaur\\\\00000000.png'
        // label: 0
        let [img, label] = [this.images[idx], this.labels[idx]];

        const tf = transforms.Compose([
            (x) => to_pil_image(x).convert('RGB'), // string path= > image data
            transforms.Resize([int(this.resize*1.25), int(this.resize*1.25)]),
            transforms.CenterCrop(this.resize),
            transforms.ToTensor(),
            transforms.Normalize(mean=[0.485, 0.456, 0.406],
                                 std=[0.229, 0.224, 0.225])
        ]);

        img = tf(img);
        label = torch.tensor(label);


        return tuple([img, label]);
    }
}


const db = Pokemon('pokemon', 32, 'train');

const [x,y] = next(iter(db));
print('sample:', x.shape, y.shape, y);
print(db.denormalize(x).shape, len(db), len(Pokemon('pokemon', 32, 'val')), db.name2label);`,
  `class Flatten extends nn.Module {

    constructor() {
        super();
    }

    forward(x) {
        const shape = torch.prod(torch.tensor(x.shape["1:"])).item();
        return x.view(-1, shape);
    }
}


const batchsz = 2;
const lr = 1e-3;
const epochs = 1;

const device = torch.device('cpu');
torch.manual_seed(1234);


const train_db = Pokemon('pokemon', 64, mode='train');
const val_db = Pokemon('pokemon', 64, mode='val');
const test_db = Pokemon('pokemon', 64, mode='test');
const train_loader = DataLoader(train_db, batch_size=batchsz, shuffle=true);
const val_loader = DataLoader(val_db, batch_size=batchsz);
const test_loader = DataLoader(test_db, batch_size=batchsz);


function evalute(model, loader) {
    model.eval();

    let correct = 0;
    const total = len(loader.dataset);

    for (let [x,y] of loader) {
        [x,y] = [x.to(device), y.to(device)];
        let pred;
        torch.no_grad(() => {
            const logits = model(x);
            pred = logits.argmax(dim=1);
        });
        correct += torch.eq(pred, y).sum().float().item();
    }

    return correct / total;
}

function main() {

    const trained_model = resnet18();
    const model = nn.Sequential(...list(trained_model.children())[":-1"], //[b, 512, 1, 1]
                                Flatten(), // [b, 512, 1, 1] => [b, 512]
                                nn.Linear(512, 5)
                                ).to(device);

    const optimizer = optim.Adam(model.parameters(), lr=lr);
    const criteon = nn.CrossEntropyLoss();


    let [best_acc, best_epoch] = [0, 0];
    let global_step = 0;
    for (const epoch of range(epochs)) {

        for (let [step, [x,y]] of enumerate(train_loader)) {

            // x: [b, 3, 224, 224], y: [b]
            [x, y] = [x.to(device), y.to(device)];

            model.train();
            const logits = model(x);
            const loss = criteon(logits, y);

            optimizer.zero_grad();
            loss.backward();
            optimizer.step();

            print(global_step, loss.item());
            global_step += 1;
        }

        if (epoch % 1 == 0) {

            const val_acc = evalute(model, val_loader);
            if (val_acc> best_acc) {
                best_epoch = epoch;
                best_acc = val_acc;

                torch.save(model.state_dict(), 'best.mdl');
            }
        }
    }


    print('best acc:', best_acc, 'best epoch:', best_epoch);

    model.load_state_dict(torch.load('best.mdl'));
    print('loaded from ckpt!');

    const test_acc = evalute(model, test_loader);
    print('test acc:', test_acc);
}


main();`,
];
