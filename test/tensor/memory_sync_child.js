// A plain `node` script (no flags, no dispose, no yielding): trains a small conv net for argv[2]
// steps inside a function, the way a PyTorch user writes `def train(...)`, and prints one JSON line
// with the backend's live tensor count and bytes at every step and after a synchronous reclaim every
// 100 steps. Loads the build in dist/ (`npm test` builds first), as a user's script would load the
// package; without a build it transpiles the sources on require.
const fs = require("fs");
const path = require("path");

function load() {
  const built = path.join(__dirname, "../../dist/src/index.js");
  if (fs.existsSync(built)) return require(built);
  const ts = require("typescript");
  require.extensions[".ts"] = (module, filename) => {
    const out = ts.transpileModule(fs.readFileSync(filename, "utf8"), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
      fileName: filename,
    });
    module._compile(out.outputText, filename);
  };
  return require(path.join(__dirname, "../../src/index.ts"));
}

const { torch } = load();
const { nn } = torch;
const F = torch.nn.functional;

function train(model, opt, steps, budget) {
  const live = [];
  const settled = [];
  for (let i = 1; i <= steps; i++) {
    const x = torch.randn(8, 1, 10, 10);
    const y = torch.randint(0, 10, [8]);
    const loss = F.cross_entropy(model(x), y);
    opt.zero_grad();
    loss.backward();
    opt.step();
    const m = torch.memory();
    live.push([m.numTensors, m.numBytes]);
    if (i % 100 === 0) {
      torch._collect();
      const s = torch.memory();
      settled.push([s.numTensors, s.numBytes]);
    }
  }
  return { live, settled, budget };
}

async function main() {
  await torch.ready();
  torch.manual_seed(0);
  const budget = Number(process.argv[3] || 2 * 1024 * 1024);
  torch._setGcBudget(budget);
  const model = new nn.Sequential(new nn.Conv2d(1, 4, 3), new nn.ReLU(), new nn.MaxPool2d(2), new nn.Flatten(), new nn.Linear(4 * 4 * 4, 10));
  const opt = new torch.optim.Adam(model.parameters(), { lr: 1e-3 });
  const result = train(model, opt, Number(process.argv[2] || 1500), budget);
  process.stdout.write(JSON.stringify({ backend: torch.backend(), ...result }) + "\n");
}
main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e));
  process.exit(1);
});
