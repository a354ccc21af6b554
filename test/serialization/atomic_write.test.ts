/**
 * Nothing the user saved is lost: a writer of user files that fails halfway (here a disk that fills
 * up after taking half of the bytes) raises the file system's error and leaves the previous file
 * byte for byte, with no temporary beside it (src/serialization/atomic.ts). A SIGINT halfway through
 * is test/kernel/interrupt_scopes.test.ts's.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { torch, torchvision, display } from "../../src";
import * as np from "../../src/numpy";
import * as pd from "../../src/pandas";
import * as plt from "../../src/matplotlib/pyplot";

// The module object itself (an `import * as` namespace's properties cannot be replaced).
// eslint-disable-next-line @typescript-eslint/no-var-requires
const nodeFs: typeof fs = require("fs");

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "torchlab-atomic-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs `write` with a disk that accepts half of the first write and then reports ENOSPC. */
function withFullDisk(write: () => void): void {
  const real = nodeFs.writeSync;
  const spy = jest.spyOn(nodeFs, "writeSync").mockImplementation(((fd: number, buffer: Uint8Array, offset = 0, length = buffer.length - offset) => {
    const n = (real as (fd: number, b: Uint8Array, o: number, l: number) => number)(fd, buffer, offset, Math.ceil(length / 2));
    if (n > 0) spy.mockImplementation(() => {
      throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC", errno: -28, syscall: "write" });
    });
    return n;
  }) as never);
  try {
    write();
  } finally {
    spy.mockRestore();
  }
}

const image = () => torch.linspace(0, 1, 3 * 16 * 16).reshape(3, 16, 16);
const uint8Image = () => torch.arange(3 * 16 * 16).remainder(256).reshape(3, 16, 16).to(torch.uint8);

const WRITERS: [string, string, (file: string) => void][] = [
  ["torchvision.utils.save_image", "grid.png", (f) => torchvision.utils.save_image(image(), f)],
  ["torchvision.io.write_png", "picture.png", (f) => torchvision.io.write_png(uint8Image(), f)],
  ["torchvision.io.write_jpeg", "picture.jpg", (f) => torchvision.io.write_jpeg(uint8Image(), f)],
  ["torchvision.io.write_file", "bytes.bin", (f) => torchvision.io.write_file(f, new Uint8Array(4096).fill(7))],
  ["display.image({save})", "shown.png", (f) => display.image(image(), { save: f })],
  ["torch.save", "model.pt", (f) => torch.save({ w: torch.ones(256) }, f)],
  ["np.save", "array.npy", (f) => np.save(f, np.arange(512))],
  ["np.savez", "arrays.npz", (f) => np.savez(f, { x: np.arange(512), y: np.ones(64) })],
  ["np.savetxt", "table.txt", (f) => np.savetxt(f, np.arange(512).reshape(64, 8))],
  ["DataFrame.to_csv", "frame.csv", (f) => new pd.DataFrame({ a: np.arange(256), b: np.arange(256).mul(2) }).to_csv(f)],
  ["plt.savefig (png)", "figure.png", (f) => savedFigure(f)],
  ["plt.savefig (svg)", "figure.svg", (f) => savedFigure(f)],
];

function savedFigure(file: string): void {
  const fig = plt.figure();
  plt.plot([0, 1, 2], [1, 0, 1]);
  plt.savefig(file);
  plt.close(fig);
}

describe.each(WRITERS)("%s on a disk that fills up halfway", (_name, base, write) => {
  test("raises the disk's error and leaves the previous file and no temporary", () => {
    const sub = fs.mkdtempSync(path.join(dir, "w-"));
    const file = path.join(sub, base);
    const previous = Buffer.from("the previous file, saved by an earlier run");
    fs.writeFileSync(file, previous);
    expect(() => withFullDisk(() => write(file))).toThrow(/ENOSPC: no space left on device/);
    expect(Buffer.compare(fs.readFileSync(file), previous)).toBe(0);
    expect(fs.readdirSync(sub)).toEqual([base]);
    // The same write on a working disk replaces the file.
    write(file);
    expect(Buffer.compare(fs.readFileSync(file), previous)).not.toBe(0);
    expect(fs.readdirSync(sub)).toEqual([base]);
  });
});

test("profiler.export_chrome_trace on a full disk keeps the previous trace", () => {
  const file = path.join(dir, "trace.json");
  fs.writeFileSync(file, "[]");
  const prof = torch.profiler.profile({}, () => void torch.relu(torch.ones(4)));
  expect(() => withFullDisk(() => prof.export_chrome_trace(file))).toThrow(/ENOSPC/);
  expect(fs.readFileSync(file, "utf8")).toBe("[]");
});
