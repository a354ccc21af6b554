/**
 * torchvision.models against torchvision 0.14 (test/reference/gen_models.py): for every
 * architecture, the state_dict keys, shapes and dtypes are PyTorch's, in PyTorch's order; with the
 * formula weights both sides compute, eval-mode outputs equal PyTorch's within 1e-4 of the output's
 * scale; the state_dict torchlab saves as .pth is what PyTorch loads with weights_only=True (checked
 * by test/reference/check_models_torchlab.py where /usr/bin/python3 has torch). A .pth written by
 * PyTorch itself (squeezenet1_1) loads through `weights: path`.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { torch, torchvision } from "../../src";
import type { Tensor } from "../../src/torch";
import { FIXTURE, ModelCase, formulaInput, formulaStateDict, loadCases } from "./models_formula";
import { pythonHas } from "../python";

const { models } = torchvision;
const { nn } = torch;
const PY = "/usr/bin/python3";
const REF = path.join(__dirname, "../reference");
const fixture = loadCases();
const cases = Object.entries(fixture.cases);
// The .pth files PyTorch checks: the small architectures by default, all with TORCHLAB_MODELS_ALL=1
// (vgg's state_dicts are ~500 MB each).
const ALL = process.env.TORCHLAB_MODELS_ALL === "1";
const SMALL = new Set(["resnet18", "mobilenet_v2", "mobilenet_v2_width_mult0.5", "squeezenet1_0", "squeezenet1_1"]);

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "torchlab-models-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Builder = (o: Record<string, unknown>) => InstanceType<typeof nn.Module>;
const builder = (name: string): Builder => (models as unknown as Record<string, Builder>)[name];

function hasPythonTorch(): boolean {
  return pythonHas("torch", "torchvision");
}

/** Max |a - b| and the scale the tolerance is relative to (float32 after tens of layers). */
function compare(got: Tensor, want: number[]): { diff: number; scale: number } {
  const g = Array.from(got.dataSync());
  expect(g.length).toBe(want.length);
  let diff = 0;
  for (let i = 0; i < g.length; i++) diff = Math.max(diff, Math.abs(g[i] - want[i]));
  return { diff, scale: Math.max(1, ...want.map(Math.abs)) };
}

const torchDtype = (d: unknown): string => String(d).replace(/^torch\./, "");

/** The std of the first 2^20 values (a float32 reduction over vgg's 102M-value weight drifts by >10%). */
function std(t: Tensor): number {
  const f = t.flatten();
  return f.narrow(0, 0, Math.min(f.numel(), 1 << 20)).std().item();
}

function checkInit(id: string, m: InstanceType<typeof nn.Module>): void {
  for (const [name, mod] of m.named_modules()) {
    if (mod instanceof nn.BatchNorm2d) {
      expect([mod.weight?.min().item(), mod.weight?.max().item(), mod.bias?.abs().max().item()]).toEqual([1, 1, 0]);
    } else if (mod instanceof nn.Conv2d && !id.startsWith("alexnet") && !id.startsWith("squeezenet")) {
      // kaiming_normal_(mode="fan_out", relu): std sqrt(2 / fan_out); checked where there are enough values.
      const fanOut = mod.weight.shape[0] * mod.weight.shape[2] * mod.weight.shape[3];
      if (mod.weight.numel() >= 4096) expect(std(mod.weight) / Math.sqrt(2 / fanOut)).toBeCloseTo(1, 1);
      if (mod.bias !== null) expect(mod.bias.abs().max().item()).toBe(0);
    } else if (mod instanceof nn.Linear && (id.startsWith("vgg") || id.startsWith("mobilenet"))) {
      expect(std(mod.weight)).toBeCloseTo(0.01, 3);
      expect((mod.bias as Tensor).abs().max().item()).toBe(0);
    }
    void name;
  }
}

describe.each(cases)("%s", (id: string, c: ModelCase) => {
  test(
    "PyTorch's keys, shapes and dtypes; PyTorch's outputs from the same weights; its state_dict saved as .pth",
    () => {
      // vgg's init draws 130M normals; only vgg11 pays for it (and checks it), the others skip it as torchvision does when given weights.
      const skipInit = c.builder.startsWith("vgg") && id !== "vgg11";
      const model = builder(c.builder)({ ...c.kwargs, ...(skipInit ? { init_weights: false } : {}) });
      expect(model._get_name()).toBe(c.class);
      const sd = model.state_dict();
      expect(Object.entries(sd).map(([k, t]) => [k, t.shape, torchDtype(t.dtype)])).toEqual(c.keys);
      expect(model.parameters().reduce((n, p) => n + p.numel(), 0)).toBe(c.num_params);
      if (!skipInit) checkInit(id, model);

      model.load_state_dict(formulaStateDict(c.keys));
      model.eval();
      const y = torch.no_grad(() => model(formulaInput(c.input_shape, fixture.input_k)));
      expect(y.shape).toEqual(c.output_shape);
      const { diff, scale } = compare(y, c.output);
      expect(diff).toBeLessThanOrEqual(1e-4 * scale);

      if (ALL || SMALL.has(id)) {
        const file = path.join(dir, `${id}.pth`);
        torch.save(model.state_dict(), file);
        const back = torch.load(file) as Record<string, Tensor>;
        expect(Object.keys(back)).toEqual(c.keys.map(([k]) => k));
      }
    },
    300_000,
  );
});

const py = hasPythonTorch();
(py ? test : test.skip)("PyTorch loads torchlab's .pth files with weights_only=True, strictly, and gets the same outputs (skipped without /usr/bin/python3 + torch)", () => {
  // A run over every architecture refreshes the committed record (test/reference/models/torchlab_to_pytorch.json).
  const r = spawnSync(PY, [path.join(REF, "check_models_torchlab.py"), dir, ...(ALL ? ["--record"] : [])], { encoding: "utf8", maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`check_models_torchlab.py failed:\n${r.stdout}\n${r.stderr}`);
  const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, { ok: boolean; max_abs_diff: number }>);
  const checked = Object.assign({}, ...lines);
  expect(Object.keys(checked).sort()).toEqual(cases.map(([id]) => id).filter((id) => ALL || SMALL.has(id)).sort());
  for (const v of Object.values(checked) as { ok: boolean }[]) expect(v.ok).toBe(true);
}, 300_000);

describe("a state_dict PyTorch saved (squeezenet1_1_formula.pth, torch.save in torchvision 0.14)", () => {
  const c = fixture.cases.squeezenet1_1;
  const pth = path.join(FIXTURE, "squeezenet1_1_formula.pth");

  test("loads through weights: <path> with no renaming and gives PyTorch's outputs", () => {
    const model = models.squeezenet1_1({ num_classes: 10, weights: pth }).eval();
    const y = torch.no_grad(() => model(formulaInput(c.input_shape, fixture.input_k)));
    const { diff, scale } = compare(y, c.output);
    expect(diff).toBeLessThanOrEqual(1e-4 * scale);
  });

  test("holds exactly the formula's values (the formula is the same on both sides)", () => {
    const sd = torch.load(pth) as Record<string, Tensor>;
    const want = formulaStateDict(c.keys);
    expect(Object.keys(sd)).toEqual(Object.keys(want));
    for (const k of Object.keys(want)) expect(torch.equal(sd[k], want[k])).toBe(true);
  });

  test("load_state_dict(torch.load(path)) into a model built by hand, as PyTorch's tutorial does", () => {
    const model = new models.SqueezeNet("1_1", { num_classes: 10 });
    const r = model.load_state_dict(torch.load(pth));
    expect(r).toEqual({ missing_keys: [], unexpected_keys: [] });
  });
});

if (!py) {
  test("the Python check was skipped", () => {
    console.warn("skipping check_models_torchlab.py: /usr/bin/python3 with torch and torchvision is not available");
  });
}
