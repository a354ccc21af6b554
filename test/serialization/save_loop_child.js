// Child process for the kill-mid-save test: saves a large checkpoint to argv[2] over and over,
// version k holding the value k everywhere, and reports "begin k" / "end k" on stdout.
// Loads torchlab from source (TypeScript transpiled on require), so no build is needed.
const fs = require("fs");
const path = require("path");
const ts = require("typescript");

require.extensions[".ts"] = (module, filename) => {
  const out = ts.transpileModule(fs.readFileSync(filename, "utf8"), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
    fileName: filename,
  });
  module._compile(out.outputText, filename);
};

const { torch } = require(path.join(__dirname, "../../src/index.ts"));

async function main() {
  await torch.ready();
  const target = process.argv[2];
  const n = Number(process.argv[3] || 4 * 1024 * 1024);
  for (let k = 1; ; k++) {
    const sd = { "0.weight": torch.full([n], k), "0.bias": torch.full([16], k), step: k };
    process.stdout.write(`begin ${k}\n`);
    torch.save(sd, target);
    process.stdout.write(`end ${k}\n`);
  }
}
main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e));
  process.exit(1);
});
