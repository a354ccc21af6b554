/**
 * A notebook cell using the extra math functions, linalg and register_hook type-checks under
 * TypeScript 5.0.4 (tslab's compiler) in strict mode, and a wrong call is a type error.
 */
import * as path from "path";
import * as ts from "typescript";

const SRC = path.join(__dirname, "..", "..", "src").replace(/\\/g, "/");

const CELL = `
import { torch } from "${SRC}";
type Tensor = torch.Tensor;
const x: Tensor = torch.randn(3, 4, { requires_grad: true });
const y: Tensor = torch.atan2(x, x.abs().add(1)).addcmul(x, x, { value: 0.5 }).lerp(x, 0.3);
const [std, mean]: [Tensor, Tensor] = torch.std_mean(x, 1, { unbiased: false });
const { values, indices } = torch.cummax(x, 1);
const mm = torch.aminmax(x, { dim: 0 });
const lo: Tensor = mm.min;
const { sign, logabsdet } = torch.linalg.slogdet(torch.eye(3));
const n: Tensor = torch.linalg.norm(x, { dim: 1 });
const h = x.register_hook((grad: Tensor) => grad.mul(2));
h.remove();
const z: Tensor = torch.linalg.solve(torch.eye(3), torch.ones(3)).add(torch.logspace(0, 2, 3));
x.detach().clamp_min_(0).t_().fill_diagonal_(1);
void [y, std, mean, values, indices, lo, sign, logabsdet, n, z];
// @ts-expect-error value is keyword-only
torch.addcmul(x, x, x, 0.5);
`;

test("a cell using the extra math API type-checks under TypeScript " + ts.version, () => {
  expect(ts.version).toBe("5.0.4");
  const file = path.join(__dirname, "__math_cell__.ts");
  const options: ts.CompilerOptions = {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    esModuleInterop: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
    lib: ["lib.es2022.d.ts"],
  };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  host.readFile = (f) => (path.resolve(f) === file ? CELL : read(f));
  const exists = host.fileExists.bind(host);
  host.fileExists = (f) => path.resolve(f) === file || exists(f);
  const program = ts.createProgram([file], options, host);
  const diags = ts.getPreEmitDiagnostics(program).filter((d) => d.file && path.resolve(d.file.fileName) === file);
  expect(diags.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual([]);
}, 120000);
