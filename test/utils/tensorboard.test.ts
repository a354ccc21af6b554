/**
 * torch.utils.tensorboard.SummaryWriter against PyTorch 1.13's own summary code (test/reference/
 * gen_tensorboard.py): the event records torchlab writes for scalars, text and histograms are the
 * bytes Google's protobuf library and TensorBoard's TFRecord framing give for PyTorch's Summary
 * messages; images decode to the pixels of PyTorch's PNG; add_scalars writes one run per key.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { torch, torchvision } from "../../src";
import { eventFiles, records, fields } from "./_tfevents";

const { SummaryWriter } = torch.utils.tensorboard;
const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "tensorboard.json"), "utf8")) as {
  main: string;
  scalars: Record<string, string>;
  images: Record<string, { height: number; width: number; colorspace: number; pixels: number[] }>;
};
const ft = (data: number | number[] | number[][] | number[][][]) => torch.tensor(data, { dtype: torch.float32 });

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "torchlab-tb-"));

test("scalars (numbers and tensors, with and without a step), text and histograms are PyTorch's event records byte for byte", () => {
  const dir = tmp();
  const writer = new SummaryWriter(dir);
  writer.add_scalar("Loss/train", 0.25, 0, 1000.5);
  writer.add_scalar("Loss/train", torch.tensor(0.125), 1, 1001.25);
  writer.add_scalar("acc", 1.0 / 3, { walltime: 1002.0 });
  writer.add_scalar("zero", 0.0, 5, 1003.0);
  writer.add_text("note", "lr = 0.1, **bold** é", 2, 1004.0);
  writer.add_histogram("w", ft([-1.5, -0.25, 0.0, 0.25, 0.5, 0.5, 3.0]), 3, { walltime: 1005.0 });
  writer.add_histogram("w_pos", torch.arange(1, 41, { dtype: torch.float32 }).div(8), 4, { walltime: 1006.0 });
  writer.add_histogram("w_edges", ft([0.5, 1.0, 1.5, 2.0, 4.0]), 4, [0.0, 1.0, 2.0, 3.0, 4.0], 1007.0);
  writer.add_histogram("w_count", ft([0.0, 0.25, 0.5, 0.75, 1.0, 1.0]), 4, 4, 1008.0);
  writer.flush();
  const files = eventFiles(dir);
  expect(files).toHaveLength(1);
  expect(files[0]).toMatch(new RegExp(`^events\\.out\\.tfevents\\.\\d{10}\\.${os.hostname().replace(/[.]/g, "\\.")}\\.${process.pid}\\.\\d+$`));
  const buf = fs.readFileSync(path.join(dir, files[0]));
  const [first] = records(buf);
  const ev = fields(first);
  expect(Buffer.from(ev.get(3)![0] as Uint8Array).toString()).toBe("brain.Event:2");
  expect(Math.abs((ev.get(1)![0] as number) - Date.now() / 1000)).toBeLessThan(60);
  const rest = buf.subarray(12 + first.length + 4);
  expect(Buffer.from(rest).toString("base64")).toBe(R.main);
  writer.close();
});

test("add_scalars writes each key to its own run, <log_dir>/<main_tag with / as _>_<key>", () => {
  const dir = tmp();
  const writer = new SummaryWriter({ log_dir: dir });
  writer.add_scalars("Loss/all", { train: 0.5, val: 0.75 }, 7, 1009.0);
  writer.close();
  for (const key of ["train", "val"]) {
    const sub = path.join(dir, `Loss_all_${key}`);
    const files = eventFiles(sub);
    expect(files).toHaveLength(1);
    const buf = fs.readFileSync(path.join(sub, files[0]));
    const [first] = records(buf);
    expect(Buffer.from(buf.subarray(12 + first.length + 4)).toString("base64")).toBe(R.scalars[key]);
  }
});

test("images: CHW, HWC, HW and a batch grid decode to the pixels of PyTorch's PNG, RGB as PyTorch writes them", () => {
  const gray = torch.arange(12, { dtype: torch.float32 }).reshape(1, 3, 4).div(11);
  const rgb = torch.stack([torch.linspace(0, 1, 6).reshape(2, 3), torch.full([2, 3], 0.5), ft([[1.0, 0.0, 1.2], [-0.1, 0.3, 0.999]])]);
  const batch = torch.arange(10 * 1 * 2 * 2, { dtype: torch.float32 }).reshape(10, 1, 2, 2).div(40);
  const cases: [string, InstanceType<typeof torch.Tensor>, string][] = [
    ["gray_chw", gray, "CHW"],
    ["rgb_chw", rgb, "CHW"],
    ["rgb_hwc", rgb.permute(1, 2, 0), "HWC"],
    ["hw", gray.get(0), "HW"],
    ["batch_nchw", batch, "NCHW"],
  ];
  for (const [name, img, fmt] of cases) {
    const dir = tmp();
    const writer = new SummaryWriter(dir);
    if (fmt === "NCHW") writer.add_images("img", img, 0);
    else writer.add_image("img", img, 0, { dataformats: fmt });
    writer.close();
    const recs = records(fs.readFileSync(path.join(dir, eventFiles(dir)[0])));
    const value = fields(fields(fields(recs[1]).get(5)![0] as Uint8Array).get(1)![0] as Uint8Array);
    expect(Buffer.from(value.get(1)![0] as Uint8Array).toString()).toBe("img");
    const image = fields(value.get(4)![0] as Uint8Array);
    const want = R.images[name];
    expect([image.get(1)![0], image.get(2)![0], image.get(3)![0]]).toEqual([want.height, want.width, want.colorspace]);
    const decoded = torchvision.io.decode_png(image.get(4)![0] as Uint8Array).permute(1, 2, 0).contiguous();
    expect({ name, pixels: Array.from(decoded.dataSync()) }).toEqual({ name, pixels: want.pixels });
  }
});

test("bad input names what was wrong; close() then writing again starts a new event file; the default log_dir is PyTorch's", () => {
  const dir = tmp();
  const writer = new SummaryWriter(dir);
  expect(() => writer.add_scalar("x", torch.ones(2))).toThrow("add_scalar: scalar should be 0D, got a tensor of shape [2]");
  expect(() => writer.add_image("x", torch.ones(3, 4), 0)).toThrow("size of input tensor and input format are different. tensor shape: (3, 4), input_format: CHW");
  expect(() => writer.add_histogram("x", torch.ones(0))).toThrow("The input has no element.");
  expect(() => writer.add_scalar("x", 1, { step: 2 } as never)).toThrow("unexpected keyword argument 'step'");
  writer.add_scalar("x", 1, 0);
  writer.close();
  writer.add_scalar("x", 2, 1);
  writer.close();
  expect(eventFiles(dir)).toHaveLength(2);
  const cwd = process.cwd();
  const home = tmp();
  process.chdir(home);
  try {
    const w = new SummaryWriter({ comment: "_lr0.1" });
    expect(w.log_dir).toMatch(new RegExp(`^runs/[A-Z][a-z]{2}\\d{2}_\\d{2}-\\d{2}-\\d{2}_${os.hostname().replace(/[.]/g, "\\.")}_lr0\\.1$`));
    expect(eventFiles(path.join(home, w.log_dir))).toHaveLength(1);
    w.close();
  } finally {
    process.chdir(cwd);
  }
});
