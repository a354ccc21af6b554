import { torch } from "../../src";

describe("device-selection lines as tutorials write them", () => {
  const cuda = torch.backend() === "cuda";

  test("torch.backends.mps: never built or available here", () => {
    expect(torch.backends.mps.is_available()).toBe(false);
    expect(torch.backends.mps.is_built()).toBe(false);
    // The quickstart's selection line picks the CPU (or CUDA) instead.
    const device = torch.cuda.is_available() ? "cuda" : torch.backends.mps.is_available() ? "mps" : "cpu";
    expect(device).toBe(cuda ? "cuda" : "cpu");
  });

  test("torch.cuda.get_device_name: the driver's GPU name, or PyTorch's error without CUDA", () => {
    // Godoy's chapter 1: `for i in range(torch.cuda.device_count()): print(torch.cuda.get_device_name(i))`.
    if (cuda) {
      expect(torch.cuda.get_device_name(0)).toMatch(/\S/);
      expect(torch.cuda.get_device_name("cuda:0")).toBe(torch.cuda.get_device_name());
      expect(() => torch.cuda.get_device_name(torch.cuda.device_count())).toThrow("CUDA error: invalid device ordinal");
    } else {
      // PyTorch 1.13's CPU build: AssertionError("Torch not compiled with CUDA enabled").
      expect(() => torch.cuda.get_device_name(0)).toThrow("Torch not compiled with CUDA enabled");
      expect(() => torch.cuda.get_device_name()).toThrow("Torch not compiled with CUDA enabled");
    }
  });

  test("torch.backends.cudnn: PyTorch's defaults, settable, available exactly with CUDA", () => {
    const { cudnn } = torch.backends;
    expect([cudnn.enabled, cudnn.benchmark, cudnn.deterministic]).toEqual([true, false, false]);
    expect(cudnn.is_available()).toBe(cuda);
    try {
      cudnn.benchmark = true;
      cudnn.deterministic = true;
      expect(torch.backends.cudnn.benchmark).toBe(true);
      expect(torch.backends.cudnn.deterministic).toBe(true);
    } finally {
      cudnn.benchmark = false;
      cudnn.deterministic = false;
    }
  });

  test("torch.accelerator: CUDA when active, else none (the CPU is not an accelerator)", () => {
    expect(torch.accelerator.is_available()).toBe(cuda);
    expect(torch.accelerator.device_count()).toBe(cuda ? 1 : 0);
    const acc = torch.accelerator.current_accelerator();
    if (cuda) expect(String(acc)).toBe("cuda");
    else expect(acc).toBeNull();
    // PyTorch 2.6's idiom.
    const device = torch.accelerator.is_available() ? torch.accelerator.current_accelerator()!.type : "cpu";
    expect(String(torch.zeros(2).to(device).device)).toBe(cuda ? "cuda" : "cpu");
  });
});
