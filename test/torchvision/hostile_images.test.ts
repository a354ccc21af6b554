/**
 * Hostile and unlucky image input (issue 15, items 7, 11, 12): decompression bombs are refused
 * before decoding, as PIL refuses them (configurable through Image.MAX_IMAGE_PIXELS), a truncated
 * file's error names it, a dangling symlink under an ImageFolder fails only its own item, and
 * Resize rejects sizes torchvision rejects.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { torch, torchvision } from "../../src";
import { crc32 } from "../../src/utils/crc32";
import { encodePng } from "../../src/utils/png";
import { RuntimeError } from "../../src/errors";

const { io, datasets, transforms: T } = torchvision;

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "torchlab-hostile-img-"));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  io.Image.MAX_IMAGE_PIXELS = 89478485;
});

/** A PNG of the given header whose IDAT holds `idat` (any bytes: a header is checked before they are read). */
function png(width: number, height: number, idat: Buffer, colorType = 0, depth = 8): Buffer {
  const chunk = (type: string, body: Buffer): Buffer => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(body.length, 0);
    head.write(type, 4, "latin1");
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = depth;
  ihdr[9] = colorType;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", idat), chunk("IEND", Buffer.alloc(0))]);
}
const write = (name: string, bytes: Uint8Array): string => {
  const f = path.join(dir, name);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, bytes);
  return f;
};
const gray = (w: number, h: number): Uint8Array => encodePng({ width: w, height: h, channels: 1, data: new Uint8Array(w * h).fill(9) });

describe("decompression bombs (item 7)", () => {
  test("an 18000x18000 PNG is refused before decoding, as PIL refuses it", () => {
    const f = write("bomb.png", png(18000, 18000, zlib.deflateSync(Buffer.alloc(18001 * 64))));
    const message = "Image size (324000000 pixels) exceeds limit of 178956970 pixels, could be decompression bomb DOS attack";
    expect(() => io.read_image(f)).toThrow(message);
    expect(() => io.Image.open(f)).toThrow(io.DecompressionBombError);
    expect(() => io.decode_image(fs.readFileSync(f))).toThrow(RuntimeError);
    let err: unknown;
    try {
      io.Image.open(f);
    } catch (e) {
      err = e;
    }
    expect((err as Error).name).toBe("DecompressionBombError");
    expect((err as Error).message).toContain(f);
  });

  test("the limit is Image.MAX_IMAGE_PIXELS: a warning past it, an error past twice it, null turns it off", () => {
    io.Image.MAX_IMAGE_PIXELS = 100;
    const big = write("big.png", gray(16, 16));
    const mid = write("mid.png", gray(12, 12));
    expect(() => io.read_image(big)).toThrow("Image size (256 pixels) exceeds limit of 200 pixels");
    const warn = jest.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    try {
      expect(io.read_image(mid).shape).toEqual([1, 12, 12]);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining("Image size (144 pixels) exceeds limit of 100 pixels"), "DecompressionBombWarning");
    } finally {
      warn.mockRestore();
    }
    io.Image.MAX_IMAGE_PIXELS = null;
    expect(io.read_image(big).shape).toEqual([1, 16, 16]);
  });

  test("image data that inflates past what the header needs stops there", () => {
    const f = write("idat_bomb.png", png(4, 4, zlib.deflateSync(Buffer.alloc(64 * 1024 * 1024))));
    expect(() => io.read_image(f)).toThrow(`decode_png(): the image data inflates past the 20 bytes a 4x4 image needs (the file is corrupted) (in '${f}')`);
  });

  test("a bit depth the colour type cannot have is an error, not garbage", () => {
    const f = write("depth.png", png(2, 2, zlib.deflateSync(Buffer.alloc(8)), 0, 3));
    expect(() => io.read_image(f)).toThrow("decode_png(): bit depth 3 is invalid for colour type 0");
  });
});

describe("raw errors become errors that name the file (item 12)", () => {
  test("a truncated PNG names the file", () => {
    const whole = gray(32, 32);
    for (const cut of [20, 40, whole.length - 20]) {
      const f = write(`cut${cut}.png`, whole.subarray(0, cut));
      expect(() => io.read_image(f)).toThrow(f);
      expect(() => io.Image.open(f)).toThrow(RuntimeError);
    }
    expect(() => io.read_image(write("t.png", whole.subarray(0, 60)))).toThrow(/image file is truncated \(the "IDAT" chunk at byte 33 needs \d+ bytes, 19 remain\)/);
  });

  test("a dangling symlink under an ImageFolder root fails only its own item, as in torchvision", () => {
    const root = path.join(dir, "pets");
    write("pets/cat/a.png", encodePng({ width: 2, height: 2, channels: 3, data: new Uint8Array(12).fill(200) }));
    write("pets/dog/b.png", encodePng({ width: 2, height: 2, channels: 3, data: new Uint8Array(12).fill(10) }));
    fs.symlinkSync(path.join(dir, "gone.png"), path.join(root, "cat", "broken.png"));
    fs.symlinkSync(path.join(dir, "gone_folder"), path.join(root, "ghost"));
    // A link back up the tree (os.walk would follow it until the path is too long) is not walked again.
    fs.symlinkSync(path.join(root, "dog"), path.join(root, "dog", "loop"));
    const ds = new datasets.ImageFolder(root);
    expect(ds.classes).toEqual(["cat", "dog"]);
    expect(ds.samples.map(([p, c]) => [path.relative(root, p), c])).toEqual([
      ["cat/a.png", 0],
      ["cat/broken.png", 0],
      ["dog/b.png", 1],
    ]);
    expect(ds.getitem(0)[0].size).toEqual([2, 2]);
    expect(() => ds.getitem(1)).toThrow(`No such file or directory: '${path.join(root, "cat", "broken.png")}'`);
    expect(ds.getitem(2)[1]).toBe(1);
  });
});

describe("Resize refuses sizes torchvision refuses (items 11, 12)", () => {
  const img = (): ReturnType<typeof torch.rand> => torch.rand(3, 8, 8);
  test.each([
    [[0, 0], "Input and output sizes should be greater than 0, but got input (H: 8, W: 8) output (H: 0, W: 0)"],
    [-5, "Input and output sizes should be greater than 0, but got input (H: 8, W: 8) output (H: -5, W: -5)"],
    [[0, 4], "Input and output sizes should be greater than 0, but got input (H: 8, W: 8) output (H: 0, W: 4)"],
  ])("Resize(%j) raises RuntimeError when applied", (size, message) => {
    const r = new T.Resize(size);
    expect(() => r.forward(img())).toThrow(message);
    expect(() => r.forward(img())).toThrow(RuntimeError);
    expect(() => T.functional.resize(img(), size)).toThrow(message);
  });

  test("Resize(2.5) is a TypeError at construction, as torchvision", () => {
    expect(() => new T.Resize(2.5)).toThrow(TypeError);
    expect(() => new T.Resize(2.5)).toThrow("Size should be int or sequence. Got <class 'float'>");
    expect(() => T.functional.resize(img(), [2.5, 3])).toThrow(TypeError);
  });
});
