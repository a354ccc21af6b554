/**
 * The public entry from outside: `import { torch, torchvision, display } from "torchlab"` in an ESM
 * program and `require("torchlab")` in a CommonJS one, resolved through package.json's main/types
 * (the build in dist/, made by `npm test`'s pretest).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..");
const built = fs.existsSync(path.join(ROOT, "dist", "src", "index.js"));
const maybe = built ? test : test.skip;

function project(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "torchlab-entry-"));
  fs.mkdirSync(path.join(dir, "node_modules"));
  fs.symlinkSync(ROOT, path.join(dir, "node_modules", "torchlab"), "dir");
  return dir;
}

maybe("ESM import of the named namespaces", () => {
  const dir = project();
  fs.writeFileSync(
    path.join(dir, "main.mjs"),
    [
      'import { torch, torchvision, display } from "torchlab";',
      "await torch.ready();",
      "const out = new torch.nn.Conv2d(1, 3, { kernel_size: 3 })(torch.rand(1, 1, 28, 28));",
      "console.log(JSON.stringify([out.shape, typeof torchvision.transforms.RandomRotation, typeof display.image]));",
    ].join("\n"),
  );
  const stdout = execFileSync(process.execPath, ["main.mjs"], { cwd: dir, encoding: "utf8" });
  expect(JSON.parse(stdout.trim().split("\n").pop() as string)).toEqual([[1, 3, 26, 26], "function", "function"]);
});

maybe("CommonJS require, and package.json points main/types at the build", () => {
  const dir = project();
  fs.writeFileSync(path.join(dir, "main.cjs"), 'const { torch } = require("torchlab");\ntorch.ready().then(() => console.log(String(torch.arange(3))));\n');
  expect(execFileSync(process.execPath, ["main.cjs"], { cwd: dir, encoding: "utf8" }).trim()).toBe("tensor([0, 1, 2])");
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
  expect(fs.existsSync(path.join(ROOT, pkg.main))).toBe(true);
  expect(fs.existsSync(path.join(ROOT, pkg.types))).toBe(true);
});
