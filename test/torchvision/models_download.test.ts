/**
 * `weights:` over the network, against a loopback HTTP server started here: torch.hub's cache folder
 * ($TORCH_HOME/hub/checkpoints), the URL's file name, the SHA-256 prefix check, progress, and
 * nothing left behind by a failed transfer. Real pretrained files are not reachable offline, so the
 * downloaded checkpoints are small ones made here; with a torchvision enum member the hash in its
 * file name cannot match them, which is what that test checks.
 */
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { torch, torchvision } from "../../src";
import type { Tensor } from "../../src/torch";
import { startLoopback, Loopback } from "./loopback";

const { models } = torchvision;
const { hub } = torch;

let dir: string;
let served: string;
let lb: Loopback;
let tinyName: string;
const saved: Record<string, string | undefined> = {};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "torchlab-hub-"));
  served = path.join(dir, "served");
  fs.mkdirSync(served);
  // A tiny checkpoint named as torch.hub names files: <name>-<first 8 hex digits of its SHA-256>.pth.
  const tmp = path.join(dir, "tiny.pth");
  torch.save({ w: torch.arange(6).float(), b: torch.ones(2) }, tmp);
  const bytes = fs.readFileSync(tmp);
  tinyName = `tiny-${crypto.createHash("sha256").update(bytes).digest("hex").slice(0, 8)}.pth`;
  fs.writeFileSync(path.join(served, tinyName), bytes);
  fs.writeFileSync(path.join(served, "tiny-deadbeef.pth"), bytes);
  lb = await startLoopback(served);
  for (const k of ["TORCH_HOME", "XDG_CACHE_HOME", "TORCHLAB_MODELS_MIRROR"]) saved[k] = process.env[k];
});
afterAll(async () => {
  await lb.close();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

let home: string;
beforeEach(() => {
  home = fs.mkdtempSync(path.join(dir, "home-"));
  process.env.TORCH_HOME = home;
  delete process.env.TORCHLAB_MODELS_MIRROR;
});

const checkpoints = (): string => path.join(home, "hub", "checkpoints");
const filesIn = (folder: string): string[] => (fs.existsSync(folder) ? fs.readdirSync(folder).sort() : []);

function captured<T>(fn: () => T): { value: T; err: string } {
  const err: string[] = [];
  const spy = jest.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    err.push(String(chunk));
    return true;
  });
  try {
    return { value: fn(), err: err.join("") };
  } finally {
    spy.mockRestore();
  }
}

function errorOf(fn: () => unknown): Error {
  try {
    captured(fn);
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected an error");
}

class TinyWeights extends models.WeightsEnum {
  static V1: TinyWeights;
  static BAD: TinyWeights;
}
const meta = { categories: ["a", "b"], num_params: 8, min_size: [1, 1] as [number, number], recipe: "", _metrics: {} };

beforeAll(() => {
  TinyWeights.V1 = new TinyWeights("V1", new models.Weights(`${lb.base}ok/${tinyName}`, { crop_size: 8 }, meta));
  TinyWeights.BAD = new TinyWeights("BAD", new models.Weights(`${lb.base}ok/tiny-deadbeef.pth`, { crop_size: 8 }, meta));
});

describe("torch.hub's folder", () => {
  test("$TORCH_HOME/hub, else $XDG_CACHE_HOME/torch/hub, else ~/.cache/torch/hub", () => {
    expect(hub.get_dir()).toBe(path.join(home, "hub"));
    delete process.env.TORCH_HOME;
    process.env.XDG_CACHE_HOME = path.join(dir, "xdg");
    expect(hub.get_dir()).toBe(path.join(dir, "xdg", "torch", "hub"));
    delete process.env.XDG_CACHE_HOME;
    expect(hub.get_dir()).toBe(path.join(os.homedir(), ".cache", "torch", "hub"));
    process.env.TORCH_HOME = home;
  });
});

describe("a weights enum member downloads once into the cache", () => {
  test("into $TORCH_HOME/hub/checkpoints under the URL's file name, with a progress bar, the hash prefix checked", () => {
    const before = lb.requests().length;
    const { value: sd, err } = captured(() => TinyWeights.V1.get_state_dict());
    expect(Array.from((sd.w as Tensor).dataSync())).toEqual([0, 1, 2, 3, 4, 5]);
    expect(filesIn(checkpoints())).toEqual([tinyName]);
    expect(lb.requests().slice(before)).toEqual([`ok ${tinyName}`]);
    expect(err).toContain(`Downloading: "${lb.base}ok/${tinyName}" to ${path.join(checkpoints(), tinyName)}`);
    expect(err).toContain(tinyName); // the progress bar's label
    expect(err).toMatch(/100%/);
  });

  test("a second call reads the cached file and asks the server nothing", () => {
    captured(() => TinyWeights.V1.get_state_dict({ progress: false }));
    const before = lb.requests().length;
    const { value: sd, err } = captured(() => TinyWeights.V1.get_state_dict());
    expect(Object.keys(sd)).toEqual(["w", "b"]);
    expect(lb.requests().length).toBe(before);
    expect(err).toBe("");
  });

  test("a file whose SHA-256 does not start with the name's hash prefix is refused and not kept", () => {
    const e = errorOf(() => TinyWeights.BAD.get_state_dict());
    expect(e.name).toBe("RuntimeError");
    expect(e.message).toMatch(/^invalid hash value \(expected "deadbeef", got "[0-9a-f]{64}"\)/);
    expect(filesIn(checkpoints())).toEqual([]);
  });

  test.each([
    ["missing", "HTTP 404 Not Found"],
    ["truncate", "truncated: the connection ended after"],
  ])("a %s transfer raises with the URL and the reason, and leaves nothing in the cache", (mode, reason) => {
    const w = new TinyWeights("V1", new models.Weights(`${lb.base}${mode}/${tinyName}`, { crop_size: 8 }, meta));
    const e = errorOf(() => w.get_state_dict());
    expect(e.message).toContain(`could not download ${lb.base}${mode}/${tinyName}`);
    expect(e.message).toContain(reason);
    expect(filesIn(checkpoints())).toEqual([]);
  });
});

describe("torchvision's own enum members through a mirror (TORCHLAB_MODELS_MIRROR)", () => {
  // A stand-in for squeezenet1_1-b8a52dc0.pth: the right keys and shapes, other bytes (so another hash).
  let fake: string;
  beforeAll(() => {
    fake = path.join(served, "squeezenet1_1-b8a52dc0.pth");
    torch.manual_seed(3);
    torch.save(models.squeezenet1_1().state_dict(), fake);
  });

  test("the request goes to <mirror>/<torchvision's file name>; a file that is not the real one fails the hash check", () => {
    process.env.TORCHLAB_MODELS_MIRROR = `${lb.base}ok`;
    const before = lb.requests().length;
    const e = errorOf(() => models.squeezenet1_1({ weights: "DEFAULT" }));
    expect(lb.requests().slice(before)).toEqual(["ok squeezenet1_1-b8a52dc0.pth"]);
    expect(e.message).toContain('invalid hash value (expected "b8a52dc0"');
    expect(filesIn(checkpoints())).toEqual([]);
  });

  test("a file already in the cache is used as torch.hub uses it: weights 'DEFAULT', the enum, or pretrained: true", () => {
    fs.mkdirSync(checkpoints(), { recursive: true });
    fs.copyFileSync(fake, path.join(checkpoints(), "squeezenet1_1-b8a52dc0.pth"));
    const before = lb.requests().length;
    const a = captured(() => models.squeezenet1_1({ weights: "DEFAULT" })).value;
    const b = captured(() => models.squeezenet1_1({ weights: models.SqueezeNet1_1_Weights.IMAGENET1K_V1 })).value;
    const warn = jest.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    const c = captured(() => models.squeezenet1_1({ pretrained: true })).value;
    expect(String(warn.mock.calls[0][0])).toContain("weights=SqueezeNet1_1_Weights.IMAGENET1K_V1");
    warn.mockRestore();
    expect(lb.requests().length).toBe(before);
    const want = (torch.load(fake) as Record<string, Tensor>)["classifier.1.weight"];
    for (const m of [a, b, c]) {
      expect(m.num_classes).toBe(1000);
      expect(torch.equal(m.state_dict()["classifier.1.weight"], want)).toBe(true);
    }
  });
});

describe("torch.hub functions", () => {
  test("download_url_to_file checks hash_prefix; load_state_dict_from_url takes model_dir and file_name", () => {
    const dst = path.join(dir, "dl", "x.pth");
    captured(() => hub.download_url_to_file(`${lb.base}ok/${tinyName}`, dst, { hash_prefix: tinyName.slice(5, 13), progress: false }));
    expect(fs.existsSync(dst)).toBe(true);
    const e = errorOf(() => hub.download_url_to_file(`${lb.base}ok/${tinyName}`, path.join(dir, "dl", "y.pth"), "00000000"));
    expect(e.message).toContain('invalid hash value (expected "00000000"');
    expect(filesIn(path.join(dir, "dl"))).toEqual(["x.pth"]);
    const md = path.join(dir, "md");
    const sd = captured(() => hub.load_state_dict_from_url(`${lb.base}ok/${tinyName}`, { model_dir: md, file_name: "named.pth", check_hash: false, progress: false })).value;
    expect(Object.keys(sd)).toEqual(["w", "b"]);
    expect(filesIn(md)).toEqual(["named.pth"]);
  });

  test("check_hash uses the hex digits after a '-' in the name (torch.hub's HASH_REGEX)", () => {
    expect(hub.HASH_REGEX.exec("alexnet-owt-7be5be79.pth")?.[1]).toBe("7be5be79");
    expect(hub.HASH_REGEX.exec("vgg16_features-amdegroot-88682ab5.pth")?.[1]).toBe("88682ab5");
    expect(hub.HASH_REGEX.exec("plain.pth")).toBeNull();
  });

  test("weights: a path holding something other than a state_dict is a TypeError naming the file", () => {
    const f = path.join(dir, "t.pth");
    torch.save(torch.ones(2), f);
    expect(() => models.squeezenet1_1({ weights: f })).toThrow(`the checkpoint '${f}' holds a Tensor, not a state_dict`);
  });
});
