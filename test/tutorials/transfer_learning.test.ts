/**
 * "Transfer learning for computer vision": its train_model loop ported line by line (train and val
 * phases, `with torch.set_grad_enabled(phase == 'train')`, `_, preds = torch.max(outputs, 1)`, the
 * scheduler stepped once per epoch, the best weights kept with copy.deepcopy and loaded at the end),
 * run with StepLR, ExponentialLR and ReduceLROnPlateau on a small model and stand-in data, against
 * PyTorch 1.13 (test/reference/gen_tutorials.py, section schedulers).
 */
import { torch } from "../../src";
import * as copy from "../../src/copy";
import { reference, det, det_init_, expectSamePrint, expectTensor, Encoded } from "./_tutorial";

const { nn } = torch;
const { lr_scheduler } = torch.optim;
const { TensorDataset, DataLoader } = torch.utils.data;
type Tensor = InstanceType<typeof torch.Tensor>;
type Module = InstanceType<typeof nn.Module>;
type Optimizer = InstanceType<typeof torch.optim.SGD>;
type Scheduler = { step(...args: never[]): void };
const R = reference("schedulers");

let dataloaders: Record<string, Iterable<Tensor[]>>;
const dataset_sizes: Record<string, number> = { train: 16, val: 8 };

beforeAll(() => {
  const xs = det([24, 6], 0.5).mul(8);
  const ys = xs.index(":, :3").argmax(1);
  dataloaders = {
    train: new DataLoader(new TensorDataset(xs.index(":16"), ys.index(":16")), { batch_size: 4 }),
    val: new DataLoader(new TensorDataset(xs.index("16:"), ys.index("16:")), { batch_size: 4 }),
  };
});

function train_model(model: Module, criterion: (a: Tensor, b: Tensor) => Tensor, optimizer: Optimizer, scheduler: Scheduler, num_epochs: number, log: string[]): Module {
  let best_model_wts = copy.deepcopy(model.state_dict());
  let best_acc = 0.0;

  for (let epoch = 0; epoch < num_epochs; epoch++) {
    log.push(`Epoch ${epoch}/${num_epochs - 1}`);
    // Each epoch has a training and validation phase
    for (const phase of ["train", "val"]) {
      if (phase === "train") model.train(); // Set model to training mode
      else model.eval(); // Set model to evaluate mode

      let running_loss = 0.0;
      let running_corrects = 0;
      // Iterate over data.
      for (const [inputs, labels] of dataloaders[phase]) {
        // zero the parameter gradients
        optimizer.zero_grad();
        // forward; track history if only in train
        const [preds, loss] = torch.set_grad_enabled(phase === "train", () => {
          const outputs = model(inputs);
          const [, preds] = torch.max(outputs, 1);
          const loss = criterion(outputs, labels);
          // backward + optimize only if in training phase
          if (phase === "train") {
            loss.backward();
            optimizer.step();
          }
          return [preds, loss];
        });
        // statistics
        running_loss += loss.item() * inputs.size(0);
        running_corrects += torch.sum(preds.eq(labels.data)).item();
      }
      if (phase === "train" && !(scheduler instanceof lr_scheduler.ReduceLROnPlateau)) (scheduler as { step(): void }).step();
      const epoch_loss = running_loss / dataset_sizes[phase];
      if (phase === "val" && scheduler instanceof lr_scheduler.ReduceLROnPlateau) scheduler.step(epoch_loss);
      const epoch_acc = running_corrects / dataset_sizes[phase];
      log.push(`${phase} Loss: ${epoch_loss.toFixed(4)} Acc: ${epoch_acc.toFixed(4)}`);
      // deep copy the model
      if (phase === "val" && epoch_acc > best_acc) {
        best_acc = epoch_acc;
        best_model_wts = copy.deepcopy(model.state_dict());
      }
    }
    log.push(`lr ${optimizer.param_groups[0].lr}`);
  }
  log.push(`Best val Acc: ${best_acc.toFixed(6)}`);
  // load best model weights
  model.load_state_dict(best_model_wts);
  return model;
}

/** The log equals PyTorch's: the lr lines as numbers (Python prints 5e-05 where JS prints 0.00005), the rest as printed. */
function expectLog(got: string[], want: string[]): void {
  expect(got.length).toBe(want.length);
  got.forEach((line, i) => {
    if (line.startsWith("lr ")) expect(Number(line.slice(3))).toBeCloseTo(Number(want[i].slice(3)), 10);
    else expectSamePrint(line, want[i], 1e-3);
  });
}

const cases: [string, (opt: Optimizer) => Scheduler][] = [
  ["step", (opt) => new lr_scheduler.StepLR(opt, { step_size: 2, gamma: 0.1 })],
  ["exponential", (opt) => new lr_scheduler.ExponentialLR(opt, { gamma: 0.5 })],
  ["plateau", (opt) => new lr_scheduler.ReduceLROnPlateau(opt, "min", { factor: 0.5, patience: 0, threshold: 0.15 })],
];

test.each(cases)("train_model with %s: losses, accuracies, learning rates and the best weights as PyTorch's", (name, make) => {
  let model: Module = new nn.Sequential(new nn.Linear(6, 8), new nn.ReLU(), new nn.Linear(8, 3));
  det_init_(model);
  const criterion = new nn.CrossEntropyLoss();
  // Observe that all parameters are being optimized
  const optimizer_ft = new torch.optim.SGD(model.parameters(), { lr: 0.1, momentum: 0.9 });
  const exp_lr_scheduler = make(optimizer_ft);
  const log: string[] = [];
  model = train_model(model, criterion, optimizer_ft, exp_lr_scheduler, 4, log);
  expectLog(log, R[name] as string[]);
  expectTensor(((model as InstanceType<typeof nn.Sequential>).get(2) as InstanceType<typeof nn.Linear>).bias!, R[`${name}_weight`] as Encoded, 1e-3);
});
