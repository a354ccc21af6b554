/**
 * pytorch/examples imagenet/main.py ported line by line against PyTorch 1.13 (its --dummy path:
 * torchvision FakeData; test/reference/gen_imagenet.py) for the single-process CPU run: resnet18,
 * CrossEntropyLoss, SGD with momentum and weight decay, StepLR(step_size=30, gamma=0.1), train and
 * validate with AverageMeter / ProgressMeter / Summary printouts, accuracy(output, target, topk=(1, 5))
 * and save_checkpoint (torch.save, then shutil.copyfile as fs.copyFileSync). Sizes are shrunk; the
 * Time / Data meters measure wall time and are compared by format only.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { torch, torchvision } from "../../src";
import { expectSamePrint, expectValues } from "./_tutorial";

const { nn } = torch;
const { StepLR } = torch.optim.lr_scheduler;
const { datasets, models, transforms } = torchvision;
const { len } = torch.utils.data;
type Tensor = InstanceType<typeof torch.Tensor>;
type Module = InstanceType<typeof nn.Module>;
const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "imagenet.json"), "utf8")) as Record<string, unknown>;

const printed: string[] = [];
const print = (s: string): void => void printed.push(s);

/** Python's format(v, spec) for the specs the example uses: [width][.precision](f|e|d). */
function format(v: number, spec: string): string {
  const [, width, precision, type] = /^(\d*)(?:\.(\d+))?([fed])$/.exec(spec)!;
  let s = type === "d" ? String(v) : type === "f" ? v.toFixed(Number(precision ?? 6)) : v.toExponential(Number(precision ?? 6)).replace(/e([+-])(\d)$/, "e$10$2");
  return s.padStart(Number(width || 0));
}

enum Summary {
  NONE = 0,
  AVERAGE = 1,
  SUM = 2,
  COUNT = 3,
}

/** Computes and stores the average and current value */
class AverageMeter {
  val = 0;
  avg = 0;
  sum = 0;
  count = 0;
  constructor(public name: string, public use_accel: boolean, public fmt = ":f", public summary_type = Summary.AVERAGE) {
    this.reset();
  }

  reset(): void {
    this.val = 0;
    this.avg = 0;
    this.sum = 0;
    this.count = 0;
  }

  update(val: number | Tensor, n = 1): void {
    // the example passes acc1[0], a 0-d tensor, which Python's format then prints as its value
    const v = typeof val === "number" ? val : val.item();
    this.val = v;
    this.sum += v * n;
    this.count += n;
    this.avg = this.sum / this.count;
  }

  toString(): string {
    return `${this.name} ${format(this.val, this.fmt.slice(1))} (${format(this.avg, this.fmt.slice(1))})`;
  }

  summary(): string {
    if (this.summary_type === Summary.NONE) return "";
    if (this.summary_type === Summary.AVERAGE) return `${this.name} ${format(this.avg, ".3f")}`;
    if (this.summary_type === Summary.SUM) return `${this.name} ${format(this.sum, ".3f")}`;
    if (this.summary_type === Summary.COUNT) return `${this.name} ${format(this.count, ".3f")}`;
    throw new Error(`invalid summary type ${this.summary_type}`);
  }
}

class ProgressMeter {
  batch_fmtstr: (batch: number) => string;
  constructor(num_batches: number, public meters: AverageMeter[], public prefix = "") {
    this.batch_fmtstr = this._get_batch_fmtstr(num_batches);
  }

  display(batch: number): void {
    let entries = [this.prefix + this.batch_fmtstr(batch)];
    entries = [...entries, ...this.meters.map((meter) => String(meter))];
    print(entries.join("\t"));
  }

  display_summary(): void {
    let entries = [" *"];
    entries = [...entries, ...this.meters.map((meter) => meter.summary())];
    print(entries.join(" "));
  }

  _get_batch_fmtstr(num_batches: number): (batch: number) => string {
    const num_digits = String(Math.floor(num_batches / 1)).length;
    const fmt = String(num_digits) + "d";
    return (batch) => "[" + format(batch, fmt) + "/" + format(num_batches, fmt) + "]";
  }
}

/** Computes the accuracy over the k top predictions for the specified values of k */
function accuracy(output: Tensor, target: Tensor, options: { topk?: number[] } = {}): Tensor[] {
  const { topk = [1] } = options;
  return torch.no_grad(() => {
    const maxk = Math.max(...topk);
    const batch_size = target.size(0);

    let [, pred] = output.topk(maxk, 1, true, true);
    pred = pred.t();
    const correct = pred.eq(target.view(1, -1).expand_as(pred));

    const res: Tensor[] = [];
    for (const k of topk) {
      const correct_k = correct.index(`:${k}`).reshape(-1).float().sum(0, { keepdim: true });
      res.push(correct_k.mul_(100.0 / batch_size));
    }
    return res;
  });
}

interface Args {
  arch: "resnet18";
  workers: number;
  epochs: number;
  start_epoch: number;
  batch_size: number;
  lr: number;
  momentum: number;
  weight_decay: number;
  print_freq: number;
  dummy: boolean;
  distributed: boolean;
  world_size: number;
  dir: string;
}
type Loader = InstanceType<typeof torch.utils.data.DataLoader<[Tensor, number], [Tensor, Tensor]>>;

function train(train_loader: Loader, model: Module, criterion: InstanceType<typeof nn.CrossEntropyLoss>, optimizer: InstanceType<typeof torch.optim.SGD>, epoch: number, device: ReturnType<typeof torch.device>, args: Args): void {
  const use_accel = false;
  const batch_time = new AverageMeter("Time", use_accel, ":6.3f", Summary.NONE);
  const data_time = new AverageMeter("Data", use_accel, ":6.3f", Summary.NONE);
  const losses = new AverageMeter("Loss", use_accel, ":.4e", Summary.NONE);
  const top1 = new AverageMeter("Acc@1", use_accel, ":6.2f", Summary.NONE);
  const top5 = new AverageMeter("Acc@5", use_accel, ":6.2f", Summary.NONE);
  const progress = new ProgressMeter(len(train_loader), [batch_time, data_time, losses, top1, top5], `Epoch: [${epoch}]`);

  // switch to train mode
  model.train();

  let end = performance.now() / 1000;
  for (let [i, [images, target]] of [...train_loader].entries()) {
    // measure data loading time
    data_time.update(performance.now() / 1000 - end);

    // move data to the same device as model
    images = images.to(device, { non_blocking: true });
    target = target.to(device, { non_blocking: true });

    // compute output
    const output = model(images) as Tensor;
    const loss = criterion(output, target);

    // measure accuracy and record loss
    const [acc1, acc5] = accuracy(output, target, { topk: [1, 5] });
    losses.update(loss.item(), images.size(0));
    top1.update(acc1.index(0), images.size(0));
    top5.update(acc5.index(0), images.size(0));

    // compute gradient and do SGD step
    optimizer.zero_grad();
    loss.backward();
    optimizer.step();

    // measure elapsed time
    batch_time.update(performance.now() / 1000 - end);
    end = performance.now() / 1000;

    if (i % args.print_freq === 0) progress.display(i + 1);
  }
}

function validate(val_loader: Loader, model: Module, criterion: InstanceType<typeof nn.CrossEntropyLoss>, args: Args): number {
  const use_accel = false;

  function run_validate(loader: Loader, base_progress = 0): void {
    torch.no_grad(() => {
      let end = performance.now() / 1000;
      for (let [i, [images, target]] of [...loader].entries()) {
        i = base_progress + i;

        // compute output
        const output = model(images) as Tensor;
        const loss = criterion(output, target);

        // measure accuracy and record loss
        const [acc1, acc5] = accuracy(output, target, { topk: [1, 5] });
        losses.update(loss.item(), images.size(0));
        top1.update(acc1.index(0), images.size(0));
        top5.update(acc5.index(0), images.size(0));

        // measure elapsed time
        batch_time.update(performance.now() / 1000 - end);
        end = performance.now() / 1000;

        if (i % args.print_freq === 0) progress.display(i + 1);
      }
    });
  }

  const batch_time = new AverageMeter("Time", use_accel, ":6.3f", Summary.NONE);
  const losses = new AverageMeter("Loss", use_accel, ":.4e", Summary.NONE);
  const top1 = new AverageMeter("Acc@1", use_accel, ":6.2f", Summary.AVERAGE);
  const top5 = new AverageMeter("Acc@5", use_accel, ":6.2f", Summary.AVERAGE);
  const progress = new ProgressMeter(len(val_loader) + Number(args.distributed), [batch_time, losses, top1, top5], "Test: ");

  // switch to evaluate mode
  model.eval();

  run_validate(val_loader);

  progress.display_summary();

  return top1.avg;
}

function save_checkpoint(state: Record<string, unknown>, is_best: boolean, filename = "checkpoint.pth.tar"): void {
  torch.save(state, filename);
  if (is_best) fs.copyFileSync(filename, path.join(path.dirname(filename), "model_best.pth.tar"));
}

let best_acc1 = 0;

function main_worker(args: Args): Module {
  const device = torch.device("cpu");
  torch.manual_seed(0);

  print(`=> creating model '${args.arch}'`);
  const model = models[args.arch]();

  // define loss function (criterion), optimizer, and learning rate scheduler
  const criterion = new nn.CrossEntropyLoss().to(device);

  const optimizer = new torch.optim.SGD(model.parameters(), args.lr, { momentum: args.momentum, weight_decay: args.weight_decay });

  // Sets the learning rate to the initial LR decayed by 10 every 30 epochs
  const scheduler = new StepLR(optimizer, { step_size: 30, gamma: 0.1 });

  // Data loading code
  print("=> Dummy data is used!");
  const train_dataset = new datasets.FakeData(8, [3, 32, 32], 1000, new transforms.ToTensor());
  const val_dataset = new datasets.FakeData(4, [3, 32, 32], 1000, new transforms.ToTensor());

  const train_sampler = null;
  const val_sampler = null;

  const train_loader: Loader = new torch.utils.data.DataLoader(train_dataset, { batch_size: args.batch_size, shuffle: train_sampler === null, num_workers: args.workers, pin_memory: true, sampler: train_sampler });

  const val_loader: Loader = new torch.utils.data.DataLoader(val_dataset, { batch_size: args.batch_size, shuffle: false, num_workers: args.workers, pin_memory: true, sampler: val_sampler });

  for (let epoch = args.start_epoch; epoch < args.epochs; epoch++) {
    // train for one epoch
    train(train_loader, model, criterion, optimizer, epoch, device, args);

    // evaluate on validation set
    const acc1 = validate(val_loader, model, criterion, args);

    scheduler.step();

    // remember best acc@1 and save checkpoint
    const is_best = acc1 > best_acc1;
    best_acc1 = Math.max(acc1, best_acc1);

    save_checkpoint(
      { epoch: epoch + 1, arch: args.arch, state_dict: model.state_dict(), best_acc1, optimizer: optimizer.state_dict(), scheduler: scheduler.state_dict() },
      is_best,
      path.join(args.dir, "checkpoint.pth.tar"),
    );
  }
  return model;
}

test("imagenet: resnet18 on FakeData, AverageMeter / ProgressMeter prints, top-1/top-5 accuracy, checkpoint", () => {
  const args: Args = {
    arch: "resnet18", workers: 0, epochs: 1, start_epoch: 0, batch_size: 4, lr: 0.1, momentum: 0.9, weight_decay: 1e-4,
    print_freq: 1, dummy: true, distributed: false, world_size: -1, dir: fs.mkdtempSync(path.join(os.tmpdir(), "imagenet-")),
  };
  const model = main_worker(args);

  const want = R.printed as string[];
  expect(printed.length).toBe(want.length);
  // wall times: the same layout, any value
  const untimed = (s: string) => s.replace(/(Time|Data) +[\d.]+ \( *[\d.]+\)/g, "$1 #");
  // The validation loss (4.5e6) comes from weights two SGD steps at lr 0.1 blew up, through BatchNorm's
  // running statistics, where float32 rounding grows to percents. PyTorch itself, re-run with only the
  // order of its convolutions' sums changed (bench/pytorch_rounding_spread.py gen_imagenet.py: 2 threads,
  // --no-mkldnn, --conv-float64, --permute-channels 1-12, --no-mkldnn --permute-channels 1-12;
  // 2026-12-07), printed 29 values from 4.3026e6 to 4.4568e6 (the fixture's, the highest), median
  // 4.3445e6: each evaluation lies within 2.6% of that median (the fixture is the farthest), so two
  // evaluations may differ by twice that: 5.2e-2. torchlab, whose conv2d runs resnet18's convolutions
  // through its NCHW kernels at 1 thread, prints 4.2903e6: 1.25% from PyTorch's median, 3.7% from the
  // fixture. The training losses before it move by at most 1.3e-5 that way: 1e-3 as before.
  want.forEach((line, i) => expectSamePrint(untimed(printed[i]), untimed(line), line.startsWith("Test:") ? 5.2e-2 : 1e-3));

  const ckpt = torch.load(path.join(args.dir, "checkpoint.pth.tar"));
  expect(fs.existsSync(path.join(args.dir, "model_best.pth.tar"))).toBe(R.best_saved);
  expect(Object.keys(ckpt)).toEqual(R.ckpt_keys);
  expect([ckpt.epoch, ckpt.arch, ckpt.best_acc1]).toEqual([R.ckpt_epoch, R.ckpt_arch, R.ckpt_best_acc1]);
  expect(ckpt.scheduler).toEqual(R.ckpt_scheduler);
  expect(ckpt.optimizer.param_groups[0].lr).toBe(R.ckpt_param_groups);
  const acc = accuracy(torch.tensor([[0.1, 0.5, 0.2, 0.9, 0.0, 0.3], [0.8, 0.1, 0.05, 0.2, 0.3, 0.6]]), torch.tensor([1, 2]), { topk: [1, 5] });
  expect(acc.map((a) => a.tolist())).toEqual(R.accuracy);
  expectValues((model as InstanceType<typeof torchvision.models.ResNet>).fc.bias!.index(":6"), R.fc_bias as number[], 1e-4);
});

test("FakeData's images are PyTorch's: to_pil_image of a float tensor wraps as pic.mul(255).byte() does", () => {
  const img = torchvision.transforms.functional.to_pil_image(torch.tensor(R.wrap_in as number[][][]));
  expect(Array.from(img.data)).toEqual(R.wrap_out);
  const fake = new datasets.FakeData(3, [3, 4, 4], 10, new transforms.ToTensor());
  (R.fake_items as [number, number][]).forEach(([sum, target], i) => {
    const [x, y] = fake.getitem(i);
    expect(x.sum().item()).toBeCloseTo(sum, 4);
    expect(y).toBe(target);
  });
});
