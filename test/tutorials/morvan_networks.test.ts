/**
 * Morvan Zhou's PyTorch tutorials (莫烦Python, MorvanZhou/PyTorch-Tutorial tutorial-contents/401-504)
 * ported line by line against PyTorch 1.13 (test/reference/gen_morvan.py, morvan.json): CNN, LSTM
 * classifier, RNN regressor, autoencoder, GAN, dropout, batch normalization.
 *
 * MNIST becomes seeded torch.randint images and labels (gen_morvan.py's fake_mnist) on both sides;
 * numpy's random draws are torch's; plots are dropped; sizes and steps are reduced.
 */
import * as fs from "fs";
import * as path from "path";
import { torch } from "../../src";
import { expectSamePrint, expectValues } from "./_tutorial";
import { printer } from "./_recipes";

const { nn } = torch;
const Data = torch.utils.data;
const init = torch.nn.init;
type Tensor = InstanceType<typeof torch.Tensor>;

const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "morvan.json"), "utf8")) as Record<string, Record<string, unknown>>;

const f4 = (x: number) => x.toFixed(4);
const f2 = (x: number) => x.toFixed(2);

/** gen_morvan.py's fake_mnist: MNIST's images (0..255) and labels from a seeded generator. */
function fake_mnist(n: number, seed: number): [Tensor, Tensor] {
  const g = new torch.Generator().manual_seed(seed);
  const images = torch.randint(0, 256, [n, 28, 28], { generator: g });
  const labels = torch.randint(0, 10, [n], { generator: g });
  return [images, labels];
}

test("401 CNN: two conv blocks, Adam, test accuracy from torch.max(test_output, 1)[1]", () => {
  class CNN extends nn.Module {
    conv1: InstanceType<typeof nn.Sequential>;
    conv2: InstanceType<typeof nn.Sequential>;
    out: InstanceType<typeof nn.Linear>;
    constructor() {
      super();
      this.conv1 = new nn.Sequential( // input shape (1, 28, 28)
        new nn.Conv2d({ in_channels: 1, out_channels: 16, kernel_size: 5, stride: 1, padding: 2 }), // output shape (16, 28, 28)
        new nn.ReLU(), // activation
        new nn.MaxPool2d({ kernel_size: 2 }), // choose max value in 2x2 area, output shape (16, 14, 14)
      );
      this.conv2 = new nn.Sequential(new nn.Conv2d(16, 32, 5, 1, 2), new nn.ReLU(), new nn.MaxPool2d(2)); // output shape (32, 7, 7)
      this.out = new nn.Linear(32 * 7 * 7, 10); // fully connected layer, output 10 classes
    }
    forward(x: Tensor): [Tensor, Tensor] {
      x = this.conv1(x);
      x = this.conv2(x);
      x = x.view(x.size(0), -1); // flatten the output of conv2 to (batch_size, 32 * 7 * 7)
      const output = this.out(x);
      return [output, x]; // return x for visualization
    }
  }
  const [printed, print] = printer();
  torch.manual_seed(1);
  const [images, labels] = fake_mnist(150, 11);
  const train_data = new Data.TensorDataset(torch.unsqueeze(images, { dim: 1 }).type(torch.FloatTensor).div(255), labels);
  print(images.size());
  print(labels.size());
  const train_loader = new Data.DataLoader(train_data, { batch_size: 50, shuffle: true });
  const [test_images, test_labels] = fake_mnist(60, 12);
  const test_x = torch.unsqueeze(test_images, { dim: 1 }).type(torch.FloatTensor).index(":40").div(255);
  const test_y = test_labels.index(":40");
  const cnn = new CNN();
  print(cnn);
  const optimizer = new torch.optim.Adam(cnn.parameters(), { lr: 0.001 }); // optimize all cnn parameters
  const loss_func = new nn.CrossEntropyLoss(); // the target label is not one-hotted
  let last_layer = test_x;
  for (let epoch = 0; epoch < 1; epoch++) {
    let step = 0;
    for (const [b_x, b_y] of train_loader) {
      const output = cnn(b_x)[0]; // cnn output
      const loss = loss_func(output, b_y); // cross entropy loss
      optimizer.zero_grad();
      loss.backward();
      optimizer.step();
      if (step % 2 === 0) {
        let test_output: Tensor;
        [test_output, last_layer] = cnn(test_x);
        const pred_y = torch.max(test_output, 1)[1];
        const accuracy = pred_y.eq(test_y).sum().item() / test_y.size(0);
        print("Epoch: ", epoch, `| train loss: ${f4(loss.item())}`, `| test accuracy: ${f2(accuracy)}`);
      }
      step++;
    }
  }
  const [test_output] = cnn(test_x.index(":10"));
  const pred_y = torch.max(test_output, 1)[1];
  print(pred_y, "prediction number");
  print(test_y.index(":10"), "real number");
  // Random labels leave near-tied logits: an accuracy may differ by one test image of 40 (float32 order).
  const ACC = /test accuracy: (\d\.\d\d)/;
  const want = R.t401.printed as string[];
  printed.forEach((line, i) => {
    const [g, w] = [ACC.exec(line), ACC.exec(want[i])];
    expect(g === null).toBe(w === null);
    if (g && w) expect(Math.abs(Number(g[1]) - Number(w[1]))).toBeLessThanOrEqual(1 / 40 + 1e-9);
  });
  const strip = (lines: string[]) => lines.map((l) => l.replace(ACC, "test accuracy: #")).join("\n");
  expectSamePrint(strip(printed), strip(want), 2e-3);
  expect(last_layer.shape).toEqual(R.t401.last_layer_shape);
  expectValues(test_output, R.t401.test_output as number[], 1e-3);
});

test("402 RNN classifier: LSTM(batch_first) over image rows, rnn(x, None), r_out[:, -1, :]", () => {
  class RNN extends nn.Module {
    rnn = new nn.LSTM({ input_size: 28, hidden_size: 64, num_layers: 1, batch_first: true });
    out = new nn.Linear(64, 10);
    forward(x: Tensor): Tensor {
      const [r_out, [h_n, h_c]] = this.rnn(x, null); // None represents zero initial hidden state
      void h_n;
      void h_c;
      return this.out(r_out.index(":, -1, :"));
    }
  }
  const [printed, print] = printer();
  torch.manual_seed(1);
  const [images, labels] = fake_mnist(96, 21);
  const train_data = new Data.TensorDataset(images.type(torch.FloatTensor).div(255), labels);
  const train_loader = new torch.utils.data.DataLoader(train_data, { batch_size: 32, shuffle: true });
  const [test_images, test_labels] = fake_mnist(40, 22);
  const test_x = test_images.type(torch.FloatTensor).index(":30").div(255);
  const test_y = test_labels.index(":30");
  const rnn = new RNN();
  print(rnn);
  const optimizer = new torch.optim.Adam(rnn.parameters(), { lr: 0.01 });
  const loss_func = new nn.CrossEntropyLoss();
  for (let epoch = 0; epoch < 1; epoch++) {
    for (let [b_x, b_y] of train_loader) {
      b_x = b_x.view(-1, 28, 28); // reshape x to (batch, time_step, input_size)
      const output = rnn(b_x);
      const loss = loss_func(output, b_y);
      optimizer.zero_grad();
      loss.backward();
      optimizer.step();
      const test_output = rnn(test_x); // (samples, time_step, input_size)
      const pred_y = torch.max(test_output, 1)[1];
      const accuracy = pred_y.eq(test_y).sum().item() / test_y.size(0);
      print("Epoch: ", epoch, `| train loss: ${f4(loss.item())}`, `| test accuracy: ${f2(accuracy)}`);
    }
  }
  const test_output = rnn(test_x.index(":10").view(-1, 28, 28));
  print(torch.max(test_output, 1)[1], "prediction number");
  expectSamePrint(printed.join("\n"), (R.t402.printed as string[]).join("\n"), 2e-3);
  expectValues(test_output, R.t402.test_output as number[], 1e-3);
});

test("403 RNN regressor: sin -> cos with nn.RNN, the hidden state carried over as h_state.data", () => {
  class RNN extends nn.Module {
    rnn = new nn.RNN({ input_size: 1, hidden_size: 32, num_layers: 1, batch_first: true });
    out = new nn.Linear(32, 1);
    forward(x: Tensor, h_state: Tensor | null): [Tensor, Tensor] {
      let r_out: Tensor;
      [r_out, h_state] = this.rnn(x, h_state);
      const outs: Tensor[] = []; // save all predictions
      for (let time_step = 0; time_step < r_out.size(1); time_step++) outs.push(this.out(r_out.index(`:, ${time_step}, :`)));
      return [torch.stack(outs, { dim: 1 }), h_state];
    }
  }
  const [printed, print] = printer();
  torch.manual_seed(1);
  const TIME_STEP = 10;
  const rnn = new RNN();
  print(rnn);
  const optimizer = new torch.optim.Adam(rnn.parameters(), { lr: 0.02 });
  const loss_func = new nn.MSELoss();
  let h_state: Tensor | null = null; // for initial hidden state
  const losses: number[] = [];
  let prediction = torch.zeros(1);
  for (let step = 0; step < 15; step++) {
    const [start, end] = [step * torch.pi, (step + 1) * torch.pi]; // time range
    const steps = torch.linspace(start, end, TIME_STEP + 1).index(":-1"); // np.linspace(..., endpoint=False)
    const x = torch.sin(steps).index("None, :, None"); // shape (batch, time_step, input_size)
    const y = torch.cos(steps).index("None, :, None");
    [prediction, h_state] = rnn(x, h_state);
    h_state = h_state.data; // repack the hidden state, break the connection from last iteration
    const loss = loss_func(prediction, y);
    optimizer.zero_grad();
    loss.backward();
    optimizer.step();
    losses.push(loss.item());
  }
  expect(printed).toEqual(R.t403.printed);
  expectValues(losses, R.t403.losses as number[], 1e-3);
  expect(h_state!.shape).toEqual(R.t403.h_shape);
  expectValues(h_state!, R.t403.h_state as number[], 1e-3);
  expectValues(prediction, R.t403.prediction as number[], 1e-3);
});

test("404 autoencoder: 784 -> 3 -> 784 with Tanh/Sigmoid, MSE reconstruction", () => {
  class AutoEncoder extends nn.Module {
    encoder = new nn.Sequential(
      new nn.Linear(28 * 28, 128), new nn.Tanh(), new nn.Linear(128, 64), new nn.Tanh(),
      new nn.Linear(64, 12), new nn.Tanh(), new nn.Linear(12, 3), // compress to 3 features which can be visualized in plt
    );
    decoder = new nn.Sequential(
      new nn.Linear(3, 12), new nn.Tanh(), new nn.Linear(12, 64), new nn.Tanh(),
      new nn.Linear(64, 128), new nn.Tanh(), new nn.Linear(128, 28 * 28), new nn.Sigmoid(), // compress to a range (0, 1)
    );
    forward(x: Tensor): [Tensor, Tensor] {
      const encoded = this.encoder(x);
      const decoded = this.decoder(encoded);
      return [encoded, decoded];
    }
  }
  const [printed, print] = printer();
  torch.manual_seed(1);
  const [images, labels] = fake_mnist(128, 31);
  const train_data = new Data.TensorDataset(images.type(torch.FloatTensor).div(255), labels);
  const train_loader = new Data.DataLoader(train_data, { batch_size: 64, shuffle: true });
  const autoencoder = new AutoEncoder();
  print(autoencoder);
  const optimizer = new torch.optim.Adam(autoencoder.parameters(), { lr: 0.005 });
  const loss_func = new nn.MSELoss();
  let view_data = images.index(":5").view(-1, 28 * 28).type(torch.FloatTensor).div(255);
  for (let epoch = 0; epoch < 2; epoch++) {
    for (const [x] of train_loader) {
      const b_x = x.view(-1, 28 * 28); // batch x, shape (batch, 28*28)
      const b_y = x.view(-1, 28 * 28); // batch y, shape (batch, 28*28)
      const [, decoded] = autoencoder(b_x);
      const loss = loss_func(decoded, b_y); // mean square error
      optimizer.zero_grad();
      loss.backward();
      optimizer.step();
      print("Epoch: ", epoch, `| train loss: ${f4(loss.item())}`);
    }
  }
  const [, decoded_data] = autoencoder(view_data);
  view_data = images.index(":20").view(-1, 28 * 28).type(torch.FloatTensor).div(255);
  const [encoded_data] = autoencoder(view_data);
  const X = encoded_data.data.index(":, 0");
  expectSamePrint(printed.join("\n"), (R.t404.printed as string[]).join("\n"), 2e-3);
  expect(decoded_data.shape).toEqual(R.t404.decoded_shape);
  expectValues(decoded_data.index("0"), R.t404.decoded as number[], 1e-3);
  expectValues(encoded_data, R.t404.encoded as number[], 1e-3);
  expectValues(X, R.t404.X as number[], 1e-3);
});

test("406 GAN: G and D from nn.Sequential, log-losses, D_loss.backward(retain_graph=True)", () => {
  const [printed, print] = printer();
  torch.manual_seed(1);
  const BATCH_SIZE = 64;
  const N_IDEAS = 5; // think of this as number of ideas for generating an art work (Generator)
  const ART_COMPONENTS = 15; // it could be total point G can draw in the canvas
  const PAINT_POINTS = torch.vstack(Array.from({ length: BATCH_SIZE }, () => torch.linspace(-1, 1, ART_COMPONENTS)));
  function artist_works(): Tensor { // painting from the famous artist (real target)
    const a = torch.rand(BATCH_SIZE).add(1).index(":, None"); // np.random.uniform(1, 2, size=BATCH_SIZE)[:, np.newaxis]
    const paintings = a.mul(torch.pow(PAINT_POINTS, 2)).add(a.sub(1));
    return paintings.float();
  }
  const G = new nn.Sequential(new nn.Linear(N_IDEAS, 128), new nn.ReLU(), new nn.Linear(128, ART_COMPONENTS));
  const D = new nn.Sequential(new nn.Linear(ART_COMPONENTS, 128), new nn.ReLU(), new nn.Linear(128, 1), new nn.Sigmoid());
  const opt_D = new torch.optim.Adam(D.parameters(), { lr: 0.0001 });
  const opt_G = new torch.optim.Adam(G.parameters(), { lr: 0.0001 });
  let G_paintings = torch.zeros(1);
  let G_ideas = torch.zeros(1);
  for (let step = 0; step < 20; step++) {
    const artist_paintings = artist_works(); // real painting from artist
    G_ideas = torch.randn(BATCH_SIZE, N_IDEAS, { requires_grad: true }); // random ideas
    G_paintings = G(G_ideas); // fake painting from G (random ideas)
    let prob_artist1 = D(G_paintings); // D try to reduce this prob
    const G_loss = torch.mean(torch.log(prob_artist1.rsub(1)));
    opt_G.zero_grad();
    G_loss.backward();
    opt_G.step();
    const prob_artist0 = D(artist_paintings); // D try to increase this prob
    prob_artist1 = D(G_paintings.detach()); // D try to reduce this prob
    const D_loss = torch.mean(torch.log(prob_artist0).add(torch.log(prob_artist1.rsub(1)))).neg();
    opt_D.zero_grad();
    D_loss.backward({ retain_graph: true }); // reusing computational graph
    opt_D.step();
    if (step % 5 === 0) {
      print(`D accuracy=${f2(prob_artist0.mean().item())} (0.5 for D to converge)`, `D score= ${f2(-D_loss.item())} (-1.38 for G to converge)`);
    }
  }
  expectSamePrint(printed.join("\n"), (R.t406.printed as string[]).join("\n"), 2e-2);
  expectValues(G_paintings.index("0"), R.t406.G_paintings0 as number[], 1e-3);
  expectValues(G_ideas.grad!.index("0"), R.t406.G_ideas_grad as number[], 1e-3);
});

test("503 dropout: an overfitting net and one with nn.Dropout(0.5), eval() for the test loss", () => {
  const [printed, print] = printer();
  torch.manual_seed(1);
  const N_SAMPLES = 20;
  const N_HIDDEN = 100;
  const x = torch.unsqueeze(torch.linspace(-1, 1, N_SAMPLES), 1);
  const y = x.add(torch.normal(torch.zeros(N_SAMPLES, 1), torch.ones(N_SAMPLES, 1)).mul(0.3));
  const test_x = torch.unsqueeze(torch.linspace(-1, 1, N_SAMPLES), 1);
  const test_y = test_x.add(torch.normal(torch.zeros(N_SAMPLES, 1), torch.ones(N_SAMPLES, 1)).mul(0.3));
  const net_overfitting = new torch.nn.Sequential(
    new torch.nn.Linear(1, N_HIDDEN), new torch.nn.ReLU(),
    new torch.nn.Linear(N_HIDDEN, N_HIDDEN), new torch.nn.ReLU(),
    new torch.nn.Linear(N_HIDDEN, 1),
  );
  const net_dropped = new torch.nn.Sequential(
    new torch.nn.Linear(1, N_HIDDEN), new torch.nn.Dropout(0.5), new torch.nn.ReLU(), // drop 50% of the neuron
    new torch.nn.Linear(N_HIDDEN, N_HIDDEN), new torch.nn.Dropout(0.5), new torch.nn.ReLU(),
    new torch.nn.Linear(N_HIDDEN, 1),
  );
  print(net_overfitting);
  print(net_dropped);
  const optimizer_ofit = new torch.optim.Adam(net_overfitting.parameters(), { lr: 0.01 });
  const optimizer_drop = new torch.optim.Adam(net_dropped.parameters(), { lr: 0.01 });
  const loss_func = new torch.nn.MSELoss();
  let loss_ofit = torch.zeros(1);
  let loss_drop = torch.zeros(1);
  for (let t = 0; t < 30; t++) {
    const pred_ofit = net_overfitting(x);
    const pred_drop = net_dropped(x);
    loss_ofit = loss_func(pred_ofit, y);
    loss_drop = loss_func(pred_drop, y);
    optimizer_ofit.zero_grad();
    optimizer_drop.zero_grad();
    loss_ofit.backward();
    loss_drop.backward();
    optimizer_ofit.step();
    optimizer_drop.step();
    if (t % 10 === 0) {
      net_overfitting.eval(); // change to eval mode in order to fix drop out effect
      net_dropped.eval(); // parameters for dropout differ from train mode
      const test_pred_ofit = net_overfitting(test_x);
      const test_pred_drop = net_dropped(test_x);
      print(`overfitting loss=${f4(loss_func(test_pred_ofit, test_y).item())}`, `dropout loss=${f4(loss_func(test_pred_drop, test_y).item())}`);
      net_overfitting.train(); // change back to train mode
      net_dropped.train();
    }
  }
  expectSamePrint(printed.join("\n"), (R.t503.printed as string[]).join("\n"), 2e-3);
  expectValues([loss_ofit.item(), loss_drop.item()], R.t503.train_losses as number[], 1e-3);
});

test("504 batch_normalization: layers registered with setattr, plain lists of layers, BatchNorm1d(momentum=0.5)", () => {
  const N_HIDDEN = 8;
  const B_INIT = -0.2; // use a bad bias constant initializer
  class Net extends nn.Module {
    do_bn: boolean;
    fcs: InstanceType<typeof nn.Linear>[];
    bns: InstanceType<typeof nn.BatchNorm1d>[];
    bn_input: InstanceType<typeof nn.BatchNorm1d>;
    predict: InstanceType<typeof nn.Linear>;
    constructor(batch_normalization = false) {
      super();
      this.do_bn = batch_normalization;
      this.fcs = [];
      this.bns = [];
      this.bn_input = new nn.BatchNorm1d(1, { momentum: 0.5 }); // for input data
      for (let i = 0; i < N_HIDDEN; i++) { // build hidden layers and BN layers
        const input_size = i === 0 ? 1 : 10;
        const fc = new nn.Linear(input_size, 10);
        Object.assign(this, { [`fc${i}`]: fc }); // IMPORTANT set layer to the Module (Python's setattr)
        this._set_init(fc); // parameters initialization
        this.fcs.push(fc);
        if (this.do_bn) {
          const bn = new nn.BatchNorm1d(10, { momentum: 0.5 });
          Object.assign(this, { [`bn${i}`]: bn }); // IMPORTANT set layer to the Module
          this.bns.push(bn);
        }
      }
      this.predict = new nn.Linear(10, 1); // output layer
      this._set_init(this.predict); // parameters initialization
    }
    _set_init(layer: InstanceType<typeof nn.Linear>): void {
      init.normal_(layer.weight, { mean: 0, std: 0.1 });
      init.constant_(layer.bias!, B_INIT);
    }
    forward(x: Tensor): [Tensor, Tensor[], Tensor[]] {
      const pre_activation = [x];
      if (this.do_bn) x = this.bn_input(x); // input batch normalization
      const layer_input = [x];
      for (let i = 0; i < N_HIDDEN; i++) {
        x = this.fcs[i](x);
        pre_activation.push(x);
        if (this.do_bn) x = this.bns[i](x); // batch normalization
        x = torch.tanh(x);
        layer_input.push(x);
      }
      const out = this.predict(x);
      return [out, layer_input, pre_activation];
    }
  }
  const [printed, print] = printer();
  torch.manual_seed(1);
  const N_SAMPLES = 256;
  const x = torch.linspace(-7, 10, N_SAMPLES).index(":, None");
  let noise = torch.normal(0, 2, x.shape);
  const y = torch.square(x).sub(5).add(noise);
  const test_x = torch.linspace(-7, 10, 50).index(":, None");
  noise = torch.normal(0, 2, test_x.shape);
  const test_y = torch.square(test_x).sub(5).add(noise);
  const train_loader = new Data.DataLoader(new Data.TensorDataset(x, y), { batch_size: 64, shuffle: true });
  const nets = [new Net(false), new Net(true)];
  print(nets[1]);
  print(`[${nets.map((net) => net.parameters().length).join(", ")}]`, `[${Object.keys(nets[1].state_dict()).slice(0, 8).map((k) => `'${k}'`).join(", ")}]`);
  const opts = nets.map((net) => new torch.optim.Adam(net.parameters(), { lr: 0.03 }));
  const loss_func = new torch.nn.MSELoss();
  const losses: number[][] = [[], []];
  let pre_acts: Tensor[][] = [];
  for (let epoch = 0; epoch < 2; epoch++) {
    print("Epoch: ", epoch);
    const layer_inputs: Tensor[][] = [];
    pre_acts = [];
    nets.forEach((net, k) => {
      net.eval(); // set eval mode to fix moving_mean and moving_var
      const [pred, layer_input, pre_act] = net(test_x);
      losses[k].push(loss_func(pred, test_y).item());
      layer_inputs.push(layer_input);
      pre_acts.push(pre_act);
      net.train(); // free moving_mean and moving_var
    });
    for (const [b_x, b_y] of train_loader) {
      nets.forEach((net, k) => {
        const [pred] = net(b_x);
        const loss = loss_func(pred, b_y);
        opts[k].zero_grad();
        loss.backward();
        opts[k].step(); // it will also learns the parameters in Batch Normalization
      });
    }
  }
  nets.forEach((net) => net.eval());
  const preds = nets.map((net) => net(test_x)[0]);
  expectSamePrint(printed.join("\n"), (R.t504.printed as string[]).join("\n"));
  // The plain net trains as PyTorch's. In the BN net, the biases of the layers before a BatchNorm have a
  // gradient that is zero but for float32 rounding (the mean is subtracted), and Adam turns that noise
  // into full lr-sized steps: its trajectory depends on the summation order, in PyTorch too. Before
  // training it matches; after, its loss stays within 2%.
  expectValues(losses[0], (R.t504.losses as number[][])[0], 1e-3);
  expectValues(preds[0], (R.t504.preds as number[][])[0], 1e-3);
  expectValues([losses[1][0]], [(R.t504.losses as number[][])[1][0]], 1e-3);
  expectValues(losses[1].slice(1), (R.t504.losses as number[][])[1].slice(1), 2e-2);
  expectValues(torch.histc(pre_acts[0][1], { bins: 10, min: -4, max: 4 }), R.t504.hist as number[]);
});
