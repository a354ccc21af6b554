/**
 * torchvision.io: PNG/JPEG decoding against files written by torchvision 0.14 / PIL
 * (test/reference/vision_io.json), PNG round trips, and the error paths.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { torch, torchvision } from "../../src";
import ref from "../reference/vision_io.json";
import { repr } from "../../src/builtins";
import { BytesIO } from "../../src/io";
import { open } from "../../src/pyfile";

const io = torchvision.io;
const bytes = (b64: string): Uint8Array => new Uint8Array(Buffer.from(b64, "base64"));

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "torchlab-io-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("decode files written by torchvision / PIL", () => {
  test.each(["rgb_png", "gray_png", "rgba_png", "palette_png", "png16"] as const)("%s decodes exactly", (name) => {
    const c = ref[name];
    const t = io.decode_image(bytes(c.bytes));
    expect(t.dtype).toBe(torch.uint8);
    expect(t.shape).toEqual(c.shape);
    expect(Array.from(t.dataSync())).toEqual(c.values);
  });

  test("JPEG decodes within 3 levels of libjpeg (different IDCTs), 3 channels", () => {
    const t = io.decode_jpeg(bytes(ref.jpeg.bytes));
    expect(t.shape).toEqual(ref.jpeg.shape);
    const got = t.dataSync();
    const maxErr = Math.max(...ref.jpeg.values.map((v, i) => Math.abs(v - got[i])));
    expect(maxErr).toBeLessThanOrEqual(3);
  });

  test("ImageReadMode.GRAY of an RGB PNG: PIL's luma, within 1 of libpng's", () => {
    const t = io.decode_png(bytes(ref.rgb_png.bytes), io.ImageReadMode.GRAY);
    expect(t.shape).toEqual([1, 5, 7]);
    const got = t.dataSync();
    expect(Math.max(...ref.rgb_as_gray.map((v, i) => Math.abs(v - got[i])))).toBeLessThanOrEqual(1);
  });

  test("RGB_ALPHA adds an opaque channel; RGB drops alpha", () => {
    const rgba = io.decode_image(bytes(ref.rgb_png.bytes), "RGB_ALPHA");
    expect(rgba.shape).toEqual([4, 5, 7]);
    expect(rgba.get(3).eq(255).all().item()).toBe(true);
    expect(io.decode_image(bytes(ref.rgba_png.bytes), "RGB").shape).toEqual([3, 3, 5]);
    expect(io.decode_image(bytes(ref.gray_png.bytes), "GRAY_ALPHA").shape).toEqual([2, 4, 6]);
  });
});

describe("write_png / read_image round trip", () => {
  test.each([[1], [2], [3], [4]])("%i channel(s)", (c) => {
    const t = torch.randint(0, 256, [c, 9, 13], { dtype: torch.uint8 });
    const file = path.join(dir, `rt${c}.png`);
    io.write_png(t, file, 9);
    const back = io.read_image(file);
    expect(back.equal(t)).toBe(true);
    expect(io.decode_png(io.read_file(file)).equal(t)).toBe(true);
  });

  test("encode_png of a 2-D tensor is a gray image; compression levels all decode", () => {
    const t = torch.randint(0, 256, [5, 6], { dtype: torch.uint8 });
    for (const level of [0, 1, 6, 9]) expect(io.decode_image(io.encode_png(t, level)).equal(t.unsqueeze(0))).toBe(true);
  });

  test("Image.open / save / convert and the notebook display bundle", () => {
    const img = new io.Image(Uint8Array.from({ length: 2 * 3 * 3 }, (_, i) => i * 10), 3, 2, "RGB");
    const file = path.join(dir, "img.png");
    img.save(file);
    const back = io.Image.open(file);
    expect(back.size).toEqual([3, 2]);
    expect(Array.from(back.data)).toEqual(Array.from(img.data));
    expect(img.convert("RGBA").convert("RGB").data).toEqual(img.data);
    expect(img.getbands()).toEqual(["R", "G", "B"]);
    const bundle = (img as unknown as Record<symbol, () => Record<string, string>>)[Symbol.for("Jupyter.display")]();
    expect(bundle["text/plain"]).toBe("<PIL.Image.Image image mode=RGB size=3x2>");
    expect(io.decode_image(new Uint8Array(Buffer.from(bundle["image/png"], "base64"))).shape).toEqual([3, 2, 3]);
    // PIL: an opened file is its plugin's class and knows its format; size is a tuple; a converted copy is a plain Image.
    expect([String(back), back.format, repr(back.size)]).toEqual(["<PIL.PngImagePlugin.PngImageFile image mode=RGB size=3x2>", "PNG", "(3, 2)"]);
    expect([String(back.convert("RGBA")), back.convert("RGBA").format, img.format]).toEqual(["<PIL.Image.Image image mode=RGBA size=3x2>", null, null]);
  });

  test("Image.open reads an io.BytesIO of a file's bytes (from its position) and a file opened 'rb', as PIL's", () => {
    const img = new io.Image(Uint8Array.from({ length: 4 * 5 * 3 }, (_, i) => (i * 7) % 256), 5, 4, "RGB");
    const file = path.join(dir, "bytes.png");
    img.save(file);
    const buf = new BytesIO();
    buf.write(new Uint8Array([1, 2, 3]));
    const start = buf.tell();
    buf.write(new Uint8Array(fs.readFileSync(file)));
    buf.seek(start);
    const fromBuffer = io.Image.open(buf);
    expect([String(fromBuffer), fromBuffer.format]).toEqual(["<PIL.PngImagePlugin.PngImageFile image mode=RGB size=5x4>", "PNG"]);
    expect(Array.from(fromBuffer.data)).toEqual(Array.from(img.data));
    expect(Array.from(io.Image.open(open(file, "rb")).data)).toEqual(Array.from(img.data));
    // Read from the position: the three bytes before the PNG are not an image.
    buf.seek(0);
    expect(() => io.Image.open(buf)).toThrow(/cannot identify image file <_io\.BytesIO object at 0x/);
  });

  test("a JPEG written by canvas reads back close to the original", () => {
    const { createCanvas } = require("@napi-rs/canvas") as typeof import("@napi-rs/canvas");
    const cv = createCanvas(8, 8);
    const ctx = cv.getContext("2d");
    ctx.fillStyle = "rgb(200, 40, 90)";
    ctx.fillRect(0, 0, 8, 8);
    const file = path.join(dir, "c.jpg");
    fs.writeFileSync(file, cv.encodeSync("jpeg", 95));
    const t = io.read_image(file);
    expect(t.shape).toEqual([3, 8, 8]);
    const mean = t.float().mean([1, 2]).tolist() as number[];
    [200, 40, 90].forEach((v, i) => expect(Math.abs(mean[i] - v)).toBeLessThan(4));
  });
});

test("encode_jpeg / write_jpeg: a smooth image reads back within a few levels", () => {
  const y = torch.arange(16).reshape([1, 4, 4]).mul(8);
  const rgb = torch.cat([y, y.add(60), y.add(120)], 0).byte();
  const file = path.join(dir, "w.jpg");
  io.write_jpeg(rgb, file, 100);
  const back = io.read_image(file);
  expect(back.shape).toEqual([3, 4, 4]);
  expect(back.sub(rgb).abs().max().item()).toBeLessThanOrEqual(6);
  expect(io.decode_jpeg(io.encode_jpeg(y.byte())).shape).toEqual([3, 4, 4]);
  expect(() => io.encode_jpeg(rgb, 0)).toThrow(/quality/);
  expect(() => io.encode_jpeg(torch.zeros([2, 4, 4], { dtype: torch.uint8 }))).toThrow(/1 or 3/);
});

test("the torchvision namespace has transforms, datasets, io and utils", () => {
  expect(typeof torchvision.transforms.RandomRotation).toBe("function");
  expect(typeof torchvision.datasets.FashionMNIST).toBe("function");
  expect(typeof torchvision.io.read_image).toBe("function");
  expect(typeof torchvision.utils.make_grid).toBe("function");
  expect(typeof torchvision.transforms.functional.rotate).toBe("function");
});

describe("io error paths", () => {
  test.each([
    ["missing file", () => io.read_image(path.join(os.tmpdir(), "no-such-file.png")), "RuntimeError"],
    ["not an image", () => io.decode_image(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])), "RuntimeError"],
    ["decode_png of a JPEG", () => io.decode_png(bytes(ref.jpeg.bytes)), "RuntimeError"],
    ["decode_jpeg of a PNG", () => io.decode_jpeg(bytes(ref.rgb_png.bytes)), "RuntimeError"],
    ["truncated PNG", () => io.decode_image(bytes(ref.rgb_png.bytes).subarray(0, 60)), "RuntimeError"],
    ["unknown read mode", () => io.decode_image(bytes(ref.rgb_png.bytes), "CMYK" as "RGB"), "ValueError"],
    ["encode a float tensor", () => io.encode_png(torch.rand([3, 2, 2])), "RuntimeError"],
    ["encode 5 channels", () => io.encode_png(torch.zeros([5, 2, 2], { dtype: torch.uint8 })), "RuntimeError"],
    ["compression level 10", () => io.encode_png(torch.zeros([1, 2, 2], { dtype: torch.uint8 }), 10), "RuntimeError"],
    ["decode a 2-D tensor", () => io.decode_image(torch.zeros([2, 2], { dtype: "int32" })), "RuntimeError"],
    ["Image with the wrong byte count", () => new io.Image(new Uint8Array(5), 2, 2, "L"), "ValueError"],
    ["Image with an unknown mode", () => new io.Image(new Uint8Array(4), 2, 2, "P" as "L"), "ValueError"],
    ["Image.save to .jpg", () => new io.Image(new Uint8Array(4), 2, 2, "L").save(path.join(os.tmpdir(), "x.jpg")), "ValueError"],
  ] as [string, () => unknown, string][])("%s", (_name, fn, type) => {
    expect(fn).toThrow();
    try {
      fn();
    } catch (e) {
      expect((e as Error).name).toBe(type);
    }
  });

  /** A PNG with the given IHDR colour type, optional PLTE, and raw (unfiltered-by-us) scanlines. */
  function craftPng(colorType: number, rows: number[][], plte?: number[]): Uint8Array {
    const zlib = require("node:zlib") as typeof import("node:zlib");
    const crcTable = Array.from({ length: 256 }, (_, n) => {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      return c >>> 0;
    });
    const chunk = (type: string, body: Buffer): Buffer => {
      const head = Buffer.alloc(8);
      head.writeUInt32BE(body.length, 0);
      head.write(type, 4, "latin1");
      let c = 0xffffffff;
      for (const b of Buffer.concat([head.subarray(4), body])) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE((c ^ 0xffffffff) >>> 0, 0);
      return Buffer.concat([head, body, crc]);
    };
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(rows[0].length - 1, 0);
    ihdr.writeUInt32BE(rows.length, 4);
    ihdr[8] = 8;
    ihdr[9] = colorType;
    const parts = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr)];
    if (plte) parts.push(chunk("PLTE", Buffer.from(plte)));
    parts.push(chunk("IDAT", zlib.deflateSync(Buffer.from(rows.flat()))), chunk("IEND", Buffer.alloc(0)));
    return new Uint8Array(Buffer.concat(parts));
  }

  test("crafted PNGs: every filter type decodes; bad filter, colour type and missing palette are errors", () => {
    // One gray row per filter type 0..4 (None, Sub, Up, Average, Paeth), 3 pixels each.
    const png = craftPng(0, [[0, 10, 20, 30], [1, 5, 5, 5], [2, 1, 1, 1], [3, 4, 4, 4], [4, 1, 2, 3]]);
    const t = io.decode_image(png);
    expect(t.shape).toEqual([1, 5, 3]);
    // The expected rows, unfiltered by the PNG specification's rules (each row uses the one above).
    const expected: number[][] = [[10, 20, 30]];
    const sub = [5, 10, 15];
    expected.push(sub);
    expected.push(sub.map((v) => v + 1));
    const avg: number[] = [];
    [4, 4, 4].forEach((v, i) => avg.push((v + (((i > 0 ? avg[i - 1] : 0) + expected[2][i]) >> 1)) & 0xff));
    expected.push(avg);
    const paeth: number[] = [];
    [1, 2, 3].forEach((v, i) => {
      const a = i > 0 ? paeth[i - 1] : 0;
      const b = expected[3][i];
      const c = i > 0 ? expected[3][i - 1] : 0;
      const p = a + b - c;
      const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
      paeth.push((v + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)) & 0xff);
    });
    expected.push(paeth);
    expect(t.tolist()).toEqual([expected]);
    expect(() => io.decode_image(craftPng(0, [[7, 1, 2]]))).toThrow(/bad filter type 7/);
    expect(() => io.decode_image(craftPng(5, [[0, 1, 2]]))).toThrow(/colour type 5/);
    expect(() => io.decode_image(craftPng(3, [[0, 0, 0]]))).toThrow(/without PLTE/);
    expect(io.decode_image(craftPng(3, [[0, 1, 0]], [9, 8, 7, 1, 2, 3])).tolist()).toEqual([[[1, 9]], [[2, 8]], [[3, 7]]]);
  });

  test("bad arguments: a path that is not a string, bytes that are not bytes, unknown Image modes", () => {
    expect(() => io.read_image(3 as never)).toThrow(TypeError);
    expect(() => io.decode_image("abc" as never)).toThrow(TypeError);
    expect(() => new io.Image(new Uint8Array(4), 2, 2, "L").convert("P" as never)).toThrow(/unknown mode/);
    expect(() => new io.Image([1, 2] as never, 1, 1, "L")).toThrow(TypeError);
    expect(() => io.encode_png(3 as never)).toThrow(TypeError);
  });

  test("write_file / read_file round trip bytes (and a 1-D tensor of bytes)", () => {
    const file = path.join(dir, "raw.bin");
    io.write_file(file, new Uint8Array([1, 2, 255]));
    expect(Array.from(io.read_file(file))).toEqual([1, 2, 255]);
    io.write_file(file, torch.tensor([7, 8], { dtype: "int32" }));
    expect(Array.from(io.read_file(file))).toEqual([7, 8]);
  });

  test("decode_image accepts the bytes as a 1-D integer tensor (read_file's torchvision form)", () => {
    const b = bytes(ref.gray_png.bytes);
    const t = io.decode_image(torch.tensor(Array.from(b), { dtype: "int32" }));
    expect(Array.from(t.dataSync())).toEqual(ref.gray_png.values);
  });
});
