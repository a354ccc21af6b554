/**
 * torchvision.datasets on small files written here (IDX, CIFAR binary batches, PNG/JPEG folders),
 * on CIFAR python batches pickled by Python (test/reference/gen_cifar_pickle.py), on the
 * Fashion-MNIST sample in data/, and on the real Fashion-MNIST files when Debian's
 * dataset-fashion-mnist package is installed. Downloads: download.test.ts.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { torch, torchvision } from "../../src";
import type { Tensor } from "../../src/torch";
import { FileNotFoundError, OSError } from "../../src/errors";
import { expandUser } from "../../src/torchvision/datasets/vision";

const { datasets, transforms, io } = torchvision;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "torchlab-ds-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function idx(dims: number[], values: Uint8Array): Buffer {
  const head = Buffer.alloc(4 + 4 * dims.length);
  head[2] = 0x08;
  head[3] = dims.length;
  dims.forEach((d, i) => head.writeUInt32BE(d, 4 + 4 * i));
  return Buffer.concat([head, Buffer.from(values)]);
}

/** N images of rows x cols with pixel (n, r, c) = (n * 31 + r * 7 + c) % 256, labels n % 10. */
function writeMnist(folder: string, split: "train" | "t10k", n: number, gz: boolean, rows = 4, cols = 3): void {
  fs.mkdirSync(folder, { recursive: true });
  const px = Uint8Array.from({ length: n * rows * cols }, (_, i) => {
    const k = Math.floor(i / (rows * cols));
    const r = Math.floor((i % (rows * cols)) / cols);
    return (k * 31 + r * 7 + (i % cols)) % 256;
  });
  const labels = Uint8Array.from({ length: n }, (_, i) => (i * 3) % 10);
  const write = (name: string, b: Buffer) => fs.writeFileSync(path.join(folder, gz ? `${name}.gz` : name), gz ? zlib.gzipSync(b) : b);
  write(`${split}-images-idx3-ubyte`, idx([n, rows, cols], px));
  write(`${split}-labels-idx1-ubyte`, idx([n], labels));
}

describe("MNIST / FashionMNIST from IDX files", () => {
  test("torchvision's layout <root>/MNIST/raw with plain files", () => {
    const root = path.join(dir, "m1");
    writeMnist(path.join(root, "MNIST", "raw"), "train", 5, false);
    writeMnist(path.join(root, "MNIST", "raw"), "t10k", 2, false);
    const train = new datasets.MNIST(root);
    expect(train.len()).toBe(5);
    expect(train.length).toBe(5);
    const [img, label] = train.getitem(1);
    expect(img).toBeInstanceOf(io.Image);
    expect(img.mode).toBe("L");
    expect(img.size).toEqual([3, 4]);
    expect(label).toBe(3);
    expect(Array.from(img.data.subarray(0, 4))).toEqual([31, 32, 33, 38]);
    expect(train.getitem(-1)[1]).toBe(2);
    expect(train.data.shape).toEqual([5, 4, 3]);
    expect(train.data.dtype).toBe(torch.uint8);
    expect(train.targets.tolist()).toEqual([0, 3, 6, 9, 2]);
    expect(train.target(3)).toBe(9);
    // torchvision's old names (Deep Learning Wizard's `train_dataset.train_data.size()`; each warns as torchvision's).
    expect([train.train_data.shape, train.train_labels.tolist(), train.test_data.dtype, train.test_labels.shape]).toEqual([[5, 4, 3], [0, 3, 6, 9, 2], torch.uint8, [5]]);
    expect(train.class_to_idx["3 - three"]).toBe(3);
    const test = new datasets.MNIST(root, false);
    expect(test.len()).toBe(2);
    expect(String(test)).toBe(`Dataset MNIST\n    Number of datapoints: 2\n    Root location: ${root}\n    Split: Test`);
  });

  test("gzipped files directly in root, with transforms; a DataLoader batches them", () => {
    const root = path.join(dir, "m2");
    writeMnist(root, "train", 6, true, 28, 28);
    const ds = new datasets.FashionMNIST(root, { transform: new transforms.ToTensor(), target_transform: (y: number) => y * 10 });
    const [x, y] = ds.getitem(2);
    expect(x.shape).toEqual([1, 28, 28]);
    expect(x.dtype).toBe(torch.float32);
    expect(x.mul(255).round().int().equal(ds.data.get(2).unsqueeze(0))).toBe(true);
    expect(y).toBe(60);
    expect(ds.classes[9]).toBe("Ankle boot");
    // PyTorch's spelling, typed as the dataset's sample (`image, _ = loader.dataset.__getitem__(i)`).
    const [x2, y2]: [Tensor, number] = ds.__getitem__(2);
    expect([x2.equal(x), y2]).toEqual([true, 60]);
    expect(String(ds)).toBe(`Dataset FashionMNIST\n    Number of datapoints: 6\n    Root location: ${root}\n    Split: Train\n    StandardTransform\nTransform: ToTensor()\nTarget transform: <function target_transform>`);
    const loader = new torch.utils.data.DataLoader(ds, { batch_size: 4 });
    const batches = [...loader] as unknown as [Tensor, Tensor][];
    expect(batches.map((b) => b[0].shape)).toEqual([[4, 1, 28, 28], [2, 1, 28, 28]]);
    expect(batches[0][1].tolist()).toEqual([0, 30, 60, 90]);
  });

  test("a root under `~` is under the home folder, as torchvision's os.path.expanduser makes it (`MNIST('~/.torch/datasets/mnist')`)", () => {
    const where = path.join(os.homedir(), ".torchlab-no-such-folder", "MNIST", "raw");
    expect(() => new datasets.MNIST("~/.torchlab-no-such-folder", false)).toThrow(`MNIST looked for t10k-images-idx3-ubyte[.gz], t10k-labels-idx1-ubyte[.gz] in:\n  ${where}\n`);
    expect(expandUser("~")).toBe(os.homedir());
    expect(expandUser("data/~x")).toBe("data/~x");
  });

  test("<root>/FashionMNIST/ without raw/ is found too", () => {
    const root = path.join(dir, "m3");
    writeMnist(path.join(root, "FashionMNIST"), "t10k", 3, true);
    expect(new datasets.FashionMNIST({ root, train: false }).len()).toBe(3);
  });

  test("missing files: the error says where it looked and the ways out", () => {
    const root = path.join(dir, "empty");
    fs.mkdirSync(root, { recursive: true });
    expect(() => new datasets.MNIST(root)).toThrow(/Dataset not found. You can use download: true/);
    let msg = "";
    try {
      new datasets.FashionMNIST(root);
    } catch (e) {
      msg = (e as Error).message;
      expect((e as Error).name).toBe("RuntimeError");
    }
    for (const where of [path.join(root, "FashionMNIST", "raw"), path.join(root, "FashionMNIST"), root]) expect(msg).toContain(`\n  ${where}\n`);
    expect(msg).toContain("train-images-idx3-ubyte[.gz]");
    expect(msg).toContain(`copy the files to ${path.join(root, "FashionMNIST", "raw")}`);
    expect(msg).toContain("TORCHLAB_DATASETS_MIRROR");
    expect(msg).toContain("apt install dataset-fashion-mnist");
    expect(msg).toContain(`root: "${path.resolve(__dirname, "..", "..", "data")}"`);
  });

  test("an IDX header cut inside its dimensions is an error naming the file", () => {
    const root = path.join(dir, "cuthead");
    writeMnist(root, "train", 2, false);
    const file = path.join(root, "train-images-idx3-ubyte");
    fs.writeFileSync(file, idx([2, 4, 3], new Uint8Array(24)).subarray(0, 10));
    expect(() => new datasets.MNIST(root)).toThrow(`${file} is truncated inside its header: 3 dimensions need 16 header bytes, the file has 10`);
    fs.writeFileSync(file + ".gz", zlib.gzipSync(idx([2, 4, 3], new Uint8Array(24)).subarray(0, 7)));
    fs.rmSync(file);
    expect(() => new datasets.MNIST(root)).toThrow(`${file}.gz is truncated inside its header`);
  });

  test("KMNIST and EMNIST read torchvision's file names and classes", () => {
    const root = path.join(dir, "k");
    writeMnist(path.join(root, "KMNIST", "raw"), "t10k", 3, true);
    const k = new datasets.KMNIST(root, false);
    expect(k.len()).toBe(3);
    expect(k.classes[k.getitem(1)[1]]).toBe("tsu");
    const raw = path.join(root, "EMNIST", "raw");
    writeMnist(raw, "train", 4, false);
    for (const kind of ["images-idx3", "labels-idx1"]) fs.renameSync(path.join(raw, `train-${kind}-ubyte`), path.join(raw, `emnist-letters-train-${kind}-ubyte`));
    const e = new datasets.EMNIST(root, "letters");
    expect(e.split).toBe("letters");
    expect(e.len()).toBe(4);
    expect(e.classes).toHaveLength(27);
    expect(e.classes.slice(0, 3)).toEqual(["N/A", "a", "b"]);
    expect(e.targets.tolist()).toEqual([0, 3, 6, 9]);
    expect(new datasets.EMNIST({ root, split: "letters", transform: new transforms.ToTensor() }).getitem(0)[0].shape).toEqual([1, 4, 3]);
    expect(datasets.EMNIST.classes_split_dict.balanced).toHaveLength(47);
    expect(datasets.EMNIST.classes_split_dict.byclass).toHaveLength(62);
    expect(datasets.EMNIST.classes_split_dict.bymerge.slice(36)).toEqual(["a", "b", "d", "e", "f", "g", "h", "n", "q", "r", "t"]);
    expect(() => new datasets.EMNIST(root, "digits")).toThrow(/emnist-digits-train-images-idx3-ubyte/);
    expect(() => new datasets.EMNIST(root, "cursive" as never)).toThrow("Unknown value 'cursive' for argument split. Valid values are {'byclass', 'bymerge', 'balanced', 'letters', 'digits', 'mnist'}.");
    expect(() => new datasets.EMNIST(root)).toThrow(/missing 1 required argument: 'split'/);
  });

  test("corrupt and inconsistent files are errors naming the file", () => {
    const root = path.join(dir, "bad");
    fs.mkdirSync(root, { recursive: true });
    fs.writeFileSync(path.join(root, "train-images-idx3-ubyte"), Buffer.from([1, 2, 3, 4, 5]));
    fs.writeFileSync(path.join(root, "train-labels-idx1-ubyte"), idx([1], new Uint8Array(1)));
    expect(() => new datasets.MNIST(root)).toThrow(/bad magic number/);
    fs.writeFileSync(path.join(root, "train-images-idx3-ubyte"), idx([2, 2, 2], new Uint8Array(3)));
    expect(() => new datasets.MNIST(root)).toThrow(/truncated/);
    fs.writeFileSync(path.join(root, "train-images-idx3-ubyte"), idx([2, 2, 2], new Uint8Array(8)));
    expect(() => new datasets.MNIST(root)).toThrow(/2 images but 1 labels/);
    fs.writeFileSync(path.join(root, "train-images-idx3-ubyte.gz"), Buffer.from([0x1f, 0x8b, 1, 2, 3]));
    fs.rmSync(path.join(root, "train-images-idx3-ubyte"));
    expect(() => new datasets.MNIST(root)).toThrow(/corrupt gzip/);
  });

  test("an IDX file of another data type is refused, naming the type", () => {
    const root = path.join(dir, "floatidx");
    writeMnist(root, "train", 2, false);
    const b = idx([2, 4, 3], new Uint8Array(24));
    b[2] = 0x0d;
    fs.writeFileSync(path.join(root, "train-images-idx3-ubyte"), b);
    expect(() => new datasets.MNIST(root)).toThrow(/data type 0xd is not supported/);
    expect(() => new datasets.MNIST(3 as never)).toThrow(/root must be a folder path string/);
  });

  test("index errors and a missing root", () => {
    const root = path.join(dir, "m1");
    const ds = new datasets.MNIST(root);
    expect(() => ds.getitem(5)).toThrow(/out of bounds/);
    expect(() => ds.getitem(1.5)).toThrow(TypeError);
    expect(() => new datasets.MNIST()).toThrow(/missing 1 required argument: 'root'/);
    expect(() => new datasets.MNIST(root, { mirrors: "http://x/" as never, download: true })).not.toThrow();
    expect(() => new datasets.MNIST(path.join(dir, "nothing"), { mirrors: "http://x/" as never, download: true })).toThrow(/mirrors must be a non-empty array/);
    expect(() => new datasets.MNIST(root, { transform: 3 as never })).toThrow(/transform must be callable/);
  });
});

describe("the Fashion-MNIST sample shipped in data/", () => {
  const DATA = path.resolve(__dirname, "..", "..", "data");

  test("6,000 training and 1,000 test images in torchvision's layout, every class present", () => {
    const train = new datasets.FashionMNIST({ root: DATA, train: true, download: true });
    expect(train.len()).toBe(6000);
    expect(train.found_folder).toBe(path.join(DATA, "FashionMNIST", "raw"));
    const test = new datasets.FashionMNIST({ root: DATA, train: false, download: true, transform: new transforms.ToTensor() });
    expect(test.len()).toBe(1000);
    expect(test.classes[test.getitem(0)[1]]).toBe("Ankle boot");
    const counts = new Array(10).fill(0);
    for (const y of train.targets.tolist() as number[]) counts[y]++;
    expect(Math.min(...counts)).toBeGreaterThan(500);
    expect(fs.readFileSync(path.join(DATA, "FashionMNIST", "LICENSE"), "utf8")).toContain("Copyright (c) 2017 Zalando SE");
  });

  test("is in the published package files", () => {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, "..", "..", "package.json"), "utf8")) as { files: string[] };
    expect(pkg.files).toContain("data/FashionMNIST");
  });
});

const FASHION = "/usr/share/datasets/fashion-mnist";
(fs.existsSync(path.join(FASHION, "train-images-idx3-ubyte.gz")) ? describe : describe.skip)("the real Fashion-MNIST (Debian's dataset-fashion-mnist)", () => {
  // Speed belongs to `npm run bench`, not to a test: this one only checks what is read.
  test("60,000 train / 10,000 test images, found without a root", () => {
    const train = new datasets.FashionMNIST();
    expect(train.len()).toBe(60000);
    expect(train.root).toBe(FASHION);
    const [img, label] = train.getitem(0);
    expect(label).toBe(9);
    expect(train.classes[label]).toBe("Ankle boot");
    expect(img.size).toEqual([28, 28]);
    const test = new datasets.FashionMNIST({ train: false, transform: new transforms.ToTensor() });
    expect(test.len()).toBe(10000);
    const [x] = test.getitem(0);
    expect(x.shape).toEqual([1, 28, 28]);
    expect(x.max().item()).toBeLessThanOrEqual(1);
    const counts = new Array(10).fill(0);
    for (const y of train.targets.tolist() as number[]) counts[y]++;
    expect(counts).toEqual(new Array(10).fill(6000));
  });
});

describe("CIFAR10 / CIFAR100 from binary batches", () => {
  function record(labelBytes: number[], seed: number): Buffer {
    return Buffer.concat([Buffer.from(labelBytes), Buffer.from(Uint8Array.from({ length: 3072 }, (_, i) => (i * 7 + seed) % 256))]);
  }

  test("CIFAR10: five training batches and the test batch, channel-planar records to RGB images", () => {
    const folder = path.join(dir, "c10", "cifar-10-batches-bin");
    fs.mkdirSync(folder, { recursive: true });
    for (let b = 1; b <= 5; b++) fs.writeFileSync(path.join(folder, `data_batch_${b}.bin`), Buffer.concat([record([b], b), record([b + 1], 100 + b)]));
    fs.writeFileSync(path.join(folder, "test_batch.bin"), record([7], 9));
    fs.writeFileSync(path.join(folder, "batches.meta.txt"), "airplane\nautomobile\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\ntruck\n\n");
    const train = new datasets.CIFAR10(path.join(dir, "c10"));
    expect(train.len()).toBe(10);
    expect(train.targets).toEqual([1, 2, 2, 3, 3, 4, 4, 5, 5, 6]);
    expect(train.classes).toHaveLength(10);
    const [img, y] = train.getitem(0);
    expect(y).toBe(1);
    expect(img.mode).toBe("RGB");
    expect(img.size).toEqual([32, 32]);
    // Pixel 0: R from offset 0, G from offset 1024, B from offset 2048 of the record.
    expect(Array.from(img.data.subarray(0, 3))).toEqual([(0 + 1) % 256, (1024 * 7 + 1) % 256, (2048 * 7 + 1) % 256]);
    expect(train.data.shape).toEqual([10, 32, 32, 3]);
    const test = new datasets.CIFAR10(folder, { train: false, transform: new transforms.ToTensor() });
    expect(test.len()).toBe(1);
    expect(test.getitem(0)[0].shape).toEqual([3, 32, 32]);
    expect(test.class_to_idx.cat).toBe(3);
  });

  test("without batches.meta.txt the class names are CIFAR-10's; index errors", () => {
    const folder = path.join(dir, "c10b");
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, "test_batch.bin"), Buffer.concat([record([3], 0), record([9], 1)]));
    const ds = new datasets.CIFAR10(folder, false);
    expect(ds.classes[ds.getitem(-1)[1]]).toBe("truck");
    expect(() => ds.getitem(2)).toThrow(/out of bounds/);
    expect(String(ds)).toBe(`Dataset CIFAR10\n    Number of datapoints: 2\n    Root location: ${folder}\n    Split: Test`);
  });

  test("CIFAR100: fine labels (the second label byte)", () => {
    const folder = path.join(dir, "c100", "cifar-100-binary");
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, "train.bin"), Buffer.concat([record([3, 42], 0), record([5, 99], 1)]));
    const ds = new datasets.CIFAR100(path.join(dir, "c100"));
    expect(ds.targets).toEqual([42, 99]);
  });

  test("missing or malformed batches are errors that say what to do", () => {
    const root = path.join(dir, "c-none");
    fs.mkdirSync(root, { recursive: true });
    expect(() => new datasets.CIFAR10(root)).toThrow(/Dataset not found. You can use download: true/);
    expect(() => new datasets.CIFAR10(root)).toThrow(path.join(root, "cifar-10-batches-py"));
    expect(() => new datasets.CIFAR10(root)).toThrow(/cifar-10-python.tar.gz/);
    const bad = path.join(dir, "c-bad");
    fs.mkdirSync(bad, { recursive: true });
    fs.writeFileSync(path.join(bad, "test_batch.bin"), Buffer.alloc(100));
    expect(() => new datasets.CIFAR10(bad, false)).toThrow(/whole number of 3073-byte records/);
    expect(() => new datasets.CIFAR10()).toThrow(/root/);
  });
});

const FIXTURES = path.join(__dirname, "fixtures");
type Resource = readonly [string, string];

/** The fixtures' MD5s (md5sum), standing in for CIFAR's own in the class's lists. */
class TinyCIFAR10<X = torchvision.io.Image, Y = number> extends datasets.CIFAR10<X, Y> {
  static train_list: readonly Resource[] = [
    ["data_batch_1", "75e3b63d4c9e23b515202f92b766936a"],
    ["data_batch_2", "aa2e1ac9e8107c89170c9e033846d365"],
    ["data_batch_3", "fb15d63f0c0c339b785ff84c47a1eb4a"],
    ["data_batch_4", "db879572b608d486a7203868a1d2e0cd"],
    ["data_batch_5", "3b0c099a2dcd0aaf3cedbf4bc24f8d02"],
  ];
  static test_list: readonly Resource[] = [["test_batch", "f15e16ab7a207d35022a3dbdc6336e28"]];
  static meta = { filename: "batches.meta", key: "label_names", md5: "56a2023d12d9afdf5284508eeb834c17" };
}

class TinyCIFAR100<X = torchvision.io.Image, Y = number> extends datasets.CIFAR100<X, Y> {
  static train_list: readonly Resource[] = [["train", "8043ef2718c5183fed2465a675e17f9c"]];
  static test_list: readonly Resource[] = [["test", "8b5e13d4f2d69d3a12f27227eba3ea40"]];
  static meta = { filename: "meta", key: "fine_label_names", md5: "b890ee21149c75f74f32fccf6356a95c" };
}

describe("CIFAR10 / CIFAR100 python batches (pickled by Python)", () => {
  test("CIFAR10, protocol 2: batches in order, planar records to HWC, class names from batches.meta", () => {
    const train = new TinyCIFAR10(path.join(FIXTURES, "cifar10"));
    expect(train.len()).toBe(10);
    // Batch b (1..5) holds 2 images labelled (b + i) % 10.
    expect(train.targets).toEqual([1, 2, 2, 3, 3, 4, 4, 5, 5, 6]);
    expect(train.classes[3]).toBe("cat");
    const [img, y] = train.getitem(3);
    expect(y).toBe(3);
    expect(img.mode).toBe("RGB");
    // torchvision 0.14 reads pixels (0, 0) and (0, 1) of this image as [13, 63, 113] and [16, 66, 116].
    expect(Array.from(img.data.subarray(0, 6))).toEqual([13, 63, 113, 16, 66, 116]);
    const test = new TinyCIFAR10(path.join(FIXTURES, "cifar10"), { train: false, transform: new transforms.ToTensor() });
    expect(test.len()).toBe(3);
    const [x] = test.getitem(0);
    expect(x.shape).toEqual([3, 32, 32]);
    // torchvision: test set image 0, pixel (0, 1) is [9, 59, 109]; ToTensor puts G in channel 1.
    expect(Math.round(x.get(1).get(0).get(1).item() * 255)).toBe(59);
  });

  test("CIFAR100, protocol 4: fine labels and fine_label_names", () => {
    const ds = new TinyCIFAR100(path.join(FIXTURES, "cifar100"));
    expect(ds.targets).toEqual([37, 74, 11]);
    expect(ds.classes).toHaveLength(100);
    expect(ds.classes[ds.getitem(2)[1]]).toBe("fine11");
  });

  test("a batch that fails its MD5 is 'not found or corrupted', as in torchvision", () => {
    const root = path.join(dir, "c10-corrupt");
    fs.cpSync(path.join(FIXTURES, "cifar10"), root, { recursive: true });
    const f = path.join(root, "cifar-10-batches-py", "data_batch_3");
    const b = fs.readFileSync(f);
    b[b.length - 5] ^= 1;
    fs.writeFileSync(f, b);
    expect(() => new TinyCIFAR10(root)).toThrow(/data_batch_3 in .* failed the MD5 check/);
    // The real CIFAR-10 MD5s reject the fixtures.
    expect(() => new datasets.CIFAR10(path.join(FIXTURES, "cifar10"))).toThrow(/failed the MD5 check/);
  });

  test("the unpickler refuses globals a data set does not need, and truncated pickles", () => {
    const root = path.join(dir, "c10-evil");
    fs.cpSync(path.join(FIXTURES, "cifar10"), root, { recursive: true });
    const evil = Buffer.from("\x80\x02cos\nsystem\nX\x02\x00\x00\x00lsq\x00\x85R.", "latin1");
    const meta = path.join(root, "cifar-10-batches-py", "batches.meta");
    fs.writeFileSync(meta, evil);
    class Evil<X = torchvision.io.Image, Y = number> extends TinyCIFAR10<X, Y> {
      static meta = { filename: "batches.meta", key: "label_names", md5: require("node:crypto").createHash("md5").update(evil).digest("hex") as string };
    }
    expect(() => new Evil(root)).toThrow(/the global os.system is not one a data set file needs; refusing to load it/);
    const batch = path.join(root, "cifar-10-batches-py", "test_batch");
    const cut = fs.readFileSync(batch).subarray(0, 5000);
    class Cut<X = torchvision.io.Image, Y = number> extends TinyCIFAR10<X, Y> {
      static test_list: readonly Resource[] = [["test_batch", require("node:crypto").createHash("md5").update(cut).digest("hex") as string]];
      static meta = TinyCIFAR10.meta;
    }
    fs.writeFileSync(batch, cut);
    fs.cpSync(path.join(FIXTURES, "cifar10", "cifar-10-batches-py", "batches.meta"), meta);
    expect(() => new Cut(root, false)).toThrow(/test_batch: truncated pickle/);
  });
});

describe("ImageFolder", () => {
  function png(file: string, c: number, h: number, w: number, value: number): void {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    io.write_png(torch.full([c, h, w], value, { dtype: torch.uint8 }), file);
  }

  beforeAll(() => {
    const root = path.join(dir, "pets");
    png(path.join(root, "dog", "b.png"), 3, 4, 5, 10);
    png(path.join(root, "dog", "a.PNG"), 1, 4, 5, 20);
    png(path.join(root, "cat", "z", "deep.png"), 4, 4, 5, 30);
    png(path.join(root, "cat", "m.png"), 3, 4, 5, 40);
    fs.writeFileSync(path.join(root, "dog", "notes.txt"), "not an image");
  });

  test("sorted classes, recursive sorted samples, RGB images, transforms", () => {
    const root = path.join(dir, "pets");
    const ds = new datasets.ImageFolder(root);
    expect(ds.classes).toEqual(["cat", "dog"]);
    expect(ds.class_to_idx).toEqual({ cat: 0, dog: 1 });
    expect(ds.samples.map(([p, y]) => [path.relative(root, p), y])).toEqual([
      [path.join("cat", "m.png"), 0],
      [path.join("cat", "z", "deep.png"), 0],
      [path.join("dog", "a.PNG"), 1],
      [path.join("dog", "b.png"), 1],
    ]);
    expect(ds.targets).toEqual([0, 0, 1, 1]);
    expect(ds.imgs).toBe(ds.samples);
    const [img, y] = ds.getitem(2);
    expect(y).toBe(1);
    expect(img.mode).toBe("RGB");
    expect(Array.from(img.data.subarray(0, 3))).toEqual([20, 20, 20]);
    expect(ds.getitem(1)[0].mode).toBe("RGB");
    const tds = new datasets.ImageFolder(root, { transform: new transforms.Compose([new transforms.Resize([8, 8]), new transforms.ToTensor()]) });
    expect(tds.getitem(0)[0].shape).toEqual([3, 8, 8]);
    const loader = new torch.utils.data.DataLoader(tds, { batch_size: 4 });
    const [[x, t]] = [...loader] as unknown as [Tensor, Tensor][];
    expect(x.shape).toEqual([4, 3, 8, 8]);
    expect(t.tolist()).toEqual([0, 0, 1, 1]);
    // torchvision's positional order, ImageFolder(root, transform, target_transform), as Zero to GANs writes it.
    const positional = new datasets.ImageFolder(root, new transforms.Compose([new transforms.Resize([8, 8]), new transforms.ToTensor()]), (y: number) => y + 10);
    const [px, py] = positional.getitem(2);
    expect(px.shape).toEqual([3, 8, 8]);
    expect(py).toBe(11);
    expect(() => new datasets.ImageFolder(root, null, null, { transform: null })).toThrow("ImageFolder() got multiple values for argument 'transform'");
  });

  test("JPEG files decode (through @napi-rs/canvas)", () => {
    const root = path.join(dir, "jpegs");
    fs.mkdirSync(path.join(root, "red"), { recursive: true });
    const { createCanvas } = require("@napi-rs/canvas") as typeof import("@napi-rs/canvas");
    const cv = createCanvas(6, 4);
    const ctx = cv.getContext("2d");
    ctx.fillStyle = "rgb(250, 10, 10)";
    ctx.fillRect(0, 0, 6, 4);
    fs.writeFileSync(path.join(root, "red", "x.jpg"), cv.encodeSync("jpeg", 95));
    const [img] = new datasets.ImageFolder(root).getitem(0);
    expect(img.size).toEqual([6, 4]);
    expect(Math.abs(img.data[0] - 250)).toBeLessThan(5);
  });

  test("is_valid_file, DatasetFolder with a custom loader", () => {
    const root = path.join(dir, "pets");
    const only = new datasets.ImageFolder(root, { is_valid_file: (p: string) => p.endsWith("b.png") || p.endsWith("m.png") });
    expect(only.len()).toBe(2);
    const sizes = new datasets.DatasetFolder(root, { loader: (p: string) => fs.statSync(p).size, extensions: [".png"] });
    // Extensions match case-insensitively, as torchvision lowercases the file name.
    expect(sizes.len()).toBe(4);
    expect(typeof sizes.getitem(0)[0]).toBe("number");
  });

  test("errors: no class folders, a class without images, both or neither of extensions / is_valid_file", () => {
    const flat = path.join(dir, "flat");
    fs.mkdirSync(flat, { recursive: true });
    fs.writeFileSync(path.join(flat, "x.png"), "");
    expect(() => new datasets.ImageFolder(flat)).toThrow(`Couldn't find any class folder in ${flat}.`);
    const emptyCls = path.join(dir, "emptycls");
    png(path.join(emptyCls, "a", "1.png"), 1, 2, 2, 0);
    fs.mkdirSync(path.join(emptyCls, "b"), { recursive: true });
    let err: Error | null = null;
    try {
      new datasets.ImageFolder(emptyCls);
    } catch (e) {
      err = e as Error;
    }
    expect(err!.name).toBe("FileNotFoundError");
    expect(err!.message).toBe("Found no valid file for the classes b. Supported extensions are: .jpg, .jpeg, .png, .ppm, .bmp, .pgm, .tif, .tiff, .webp");
    expect(() => new datasets.ImageFolder(path.join(dir, "nope"))).toThrow(/No such file or directory/);
    // The prelude's FileNotFoundError, an OSError: `except FileNotFoundError` / `except OSError` catch it.
    expect(() => new datasets.ImageFolder(path.join(dir, "nope"))).toThrow(FileNotFoundError);
    expect(() => new datasets.ImageFolder(path.join(dir, "nope"))).toThrow(OSError);
    expect(() => datasets.make_dataset(emptyCls, { a: 0 })).toThrow(/Both extensions and is_valid_file/);
    expect(() => new datasets.DatasetFolder(emptyCls, {} as never)).toThrow(/loader must be a function/);
  });
});

describe("FakeData", () => {
  test("items are reproducible per index and leave torch's generator alone", () => {
    const ds = new datasets.FakeData({ size: 20, image_size: [1, 6, 5], num_classes: 3, transform: new transforms.ToTensor() });
    expect(ds.len()).toBe(20);
    torch.manual_seed(0);
    const before = torch.rand([1]).item();
    torch.manual_seed(0);
    const [x, y] = ds.getitem(4);
    expect(torch.rand([1]).item()).toBe(before);
    expect(x.shape).toEqual([1, 6, 5]);
    expect(ds.getitem(4)[0].equal(x)).toBe(true);
    expect(ds.getitem(4)[1]).toBe(y);
    expect(ds.getitem(5)[0].equal(x)).toBe(false);
    const labels = new Set(Array.from({ length: 20 }, (_, i) => ds.getitem(i)[1]));
    expect([...labels].every((l) => l >= 0 && l < 3)).toBe(true);
    expect(labels.size).toBeGreaterThan(1);
    const shifted = new datasets.FakeData({ size: 20, image_size: [1, 6, 5], num_classes: 3, random_offset: 4, transform: new transforms.ToTensor() });
    expect(shifted.getitem(0)[0].equal(x)).toBe(true);
    expect(new datasets.FakeData(2).getitem(0)[0].size).toEqual([224, 224]);
    expect(String(new datasets.FakeData(2))).toBe("Dataset FakeData\n    Number of datapoints: 2");
  });

  test("pixels and labels are torchvision's: normal values * 255 wrap modulo 256 (test/reference/gen_fakedata.py)", () => {
    const want = (JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "fakedata.json"), "utf8")) as { items: [number[], number][] }).items;
    const ds = new datasets.FakeData({ size: 3, image_size: [1, 6, 5], num_classes: 3 });
    want.forEach(([pixels, label], i) => {
      const [img, y] = ds.getitem(i);
      expect(Array.from(img.data)).toEqual(pixels);
      expect(y).toBe(label);
    });
  });

  test("errors", () => {
    expect(() => new datasets.FakeData({ image_size: [2, 4, 4] })).toThrow(/image_size/);
    expect(() => new datasets.FakeData({ num_classes: 0 })).toThrow(/num_classes/);
    expect(() => new datasets.FakeData(-1)).toThrow(/size/);
    expect(() => new datasets.FakeData(2).getitem(2)).toThrow(/out of range/);
  });
});
