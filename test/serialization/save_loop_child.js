// Child process for the kill-mid-save test: saves a large checkpoint to argv[2] over and over,
// version k holding the value k everywhere, and reports "begin k" / "end k" on stdout.
// Loads the built library (dist/, as the kernel tests do: `npm test` builds first). It loaded the
// TypeScript sources through the compiler on require, which under load took longer than the test's
// 90 s wait for the third save.
const path = require("path");

const { torch } = require(path.join(__dirname, "../../dist/src/index.js"));

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
