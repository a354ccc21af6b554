/**
 * Running out of memory is an OutOfMemoryError (a RuntimeError, as PyTorch's) that names the op, the
 * bytes asked for and the bytes live; it changes no existing tensor, leaves nothing allocated
 * behind, and the backend keeps working. `torch._setMemoryLimit` brings the ceiling within reach of
 * a test on every backend; the wasm heap's own 4 GiB ceiling is exercised through the kernel in
 * test/backend/oom_kernel.test.ts.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { torch } from "../../src";

type Tensor = InstanceType<typeof torch.Tensor>;

const LIMIT = 64 * 1024 * 1024;
const MiB4 = 1024 * 1024;

function oomOf(f: () => unknown): InstanceType<typeof torch.OutOfMemoryError> {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(torch.OutOfMemoryError);
    return e as InstanceType<typeof torch.OutOfMemoryError>;
  }
  throw new Error("expected an OutOfMemoryError");
}

describe("out of memory", () => {
  afterEach(() => {
    torch._setMemoryLimit(null);
    torch._collect();
  });

  test("torch.zeros(1e10) is an OutOfMemoryError naming zeros and 40000000000 bytes, not a RangeError", () => {
    const e = oomOf(() => torch.zeros(1e10));
    expect(e).toBeInstanceOf(torch.RuntimeError);
    expect(e.name).toBe("OutOfMemoryError");
    expect(e.op).toBe("zeros");
    expect(e.requested).toBe(40000000000);
    expect(e.message).toMatch(/^zeros: out of memory on \w+: tried to allocate 37\.25 GiB \(40000000000 bytes\)/);
    expect(e.message).toMatch(/ live in \d+ tensors/);
    expect(torch.cuda.OutOfMemoryError).toBe(torch.OutOfMemoryError);
    expect(torch.ones(3).add(1).tolist()).toEqual([2, 2, 2]);
  });

  test("allocating until it cannot: every earlier tensor intact, nothing corrupt saved, training works after", () => {
    torch.manual_seed(0);
    const canary = torch.tensor([0.25, -0.5, 0.75]);
    const net = new torch.nn.Linear(4, 2);
    const opt = new torch.optim.SGD(net.parameters(), { lr: 0.1 });
    const before = net.weight.detach().clone().tolist();
    torch._collect();
    const start = torch.memory();
    torch._setMemoryLimit(start.numBytes + LIMIT);

    let hoard: Tensor[] = [];
    const e = oomOf(() => {
      for (let i = 0; ; i++) hoard.push(torch.full([MiB4], i));
    });
    expect(hoard.length).toBeGreaterThanOrEqual(14);
    expect(hoard.length).toBeLessThanOrEqual(16);
    expect(e.op).toBe("full");
    expect(e.requested).toBe(4 * MiB4);
    expect(e.live).toBeGreaterThanOrEqual(hoard.length * 4 * MiB4);
    expect(e.message).toMatch(/^full: out of memory on \w+: tried to allocate 4\.00 MiB \(4194304 bytes\)/);
    expect(e.message).toMatch(/the limit set with torch\._setMemoryLimit is/);

    // The refused op left nothing behind, and no existing tensor changed.
    expect(torch.memory().numTensors).toBe(start.numTensors + hoard.length);
    expect(canary.tolist()).toEqual([0.25, -0.5, 0.75]);
    expect(net.weight.tolist()).toEqual(before);
    // Read back without allocating on the backend (the heap is full).
    hoard.forEach((t, i) => expect(t.dataSync().every((v) => v === i)).toBe(true));

    // An op whose output does not fit fails the same way, inside a kernel.
    const big = oomOf(() => hoard[0].view(1024, 1024).matmul(hoard[1].view(1024, 1024)));
    expect(big.op).toBe("Tensor.matmul");
    expect(big.message).toMatch(/in backend kernel \w+/);
    torch._collect();
    expect(torch.memory().numTensors).toBe(start.numTensors + hoard.length);
    expect(torch.memory().numBytes).toBe(start.numBytes + hoard.length * 4 * MiB4);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "torchlab-oom-"));
    torch.save({ canary, weight: net.weight }, path.join(dir, "ckpt.mdl"));

    hoard = [];
    const back = torch.load(path.join(dir, "ckpt.mdl")) as { canary: Tensor; weight: Tensor };
    expect(back.canary.tolist()).toEqual([0.25, -0.5, 0.75]);
    expect(back.weight.tolist()).toEqual(before);

    const x = torch.randn(8, 4);
    const loss = net(x).pow(2).mean();
    opt.zero_grad();
    loss.backward();
    opt.step();
    expect(Number.isFinite(loss.item())).toBe(true);
    expect(net.weight.tolist()).not.toEqual(before);
  });

  test("unreachable tensors are reclaimed before giving up", () => {
    torch._collect();
    torch._setMemoryLimit(torch.memory().numBytes + LIMIT);
    // Each iteration's tensor becomes garbage at once: 50 x 4 MiB never fit at the same time, and
    // never need to, so no OutOfMemoryError even with the GC budget far above the limit.
    let total = 0;
    for (let i = 0; i < 50; i++) total += torch.full([MiB4], 1).sum().item();
    expect(total).toBe(50 * MiB4);
  });

  test("_setMemoryLimit rejects nonsense", () => {
    expect(() => torch._setMemoryLimit(-1)).toThrow(torch.RuntimeError);
    expect(() => torch._setMemoryLimit(Number.NaN)).toThrow(/positive number of bytes or null/);
  });
});
