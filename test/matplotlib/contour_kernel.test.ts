/**
 * contourf / contour / ListedColormap / twinx / arrow as a notebook spells them, through the real
 * kernel (built CLI): Python's keyword arguments, `matplotlib.colors.ListedColormap`, a tensor as Z.
 * What it prints is what matplotlib 3.6 prints for the same cell (run by hand with /usr/bin/python3:
 * `[0.   0.15 0.3  0.45 0.6  0.75 0.9  1.05] [0.5] FancyArrow() Figure(640x480)`), which the
 * levels' fixture (test/reference/contour.json, case 'listed') also holds.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { KernelClient } from "../../kernel/client";
import { readReference } from "../tensor/fixtures";

const BUILT = fs.existsSync(path.join(__dirname, "..", "..", "dist", "src", "matplotlib", "contour.js"));
const describeBuilt = BUILT ? describe : describe.skip;
if (!BUILT) console.warn("SKIPPED: dist/ is not built; run `npm run build` for the kernel contour test");

const listed = readReference<{ cases: Record<string, { contours: { levels: number[] }[] }> }>("contour.json").cases.listed;

describeBuilt("a decision boundary cell through the kernel", () => {
  let kernel: KernelClient;
  beforeAll(async () => {
    kernel = await KernelClient.start(fs.mkdtempSync(path.join(os.tmpdir(), "torchlab-contour-kernel-")));
  }, 120_000);
  afterAll(async () => {
    await kernel?.shutdown();
  });

  test("plt.contourf(xx, yy, Z, alpha=0.4, cmap=ListedColormap([...])), contour, arrow and twinx with Python's keywords", async () => {
    const code = [
      "const [xx, yy] = np.meshgrid(np.arange(-2, 2.01, 0.5), np.arange(-2, 2.01, 0.5));",
      "const Z = ((torch.tensor(xx) ** 2 + torch.tensor(yy) ** 2) < 1.5).float();",
      "const cs = plt.contourf(xx, yy, Z, alpha=0.4, cmap=matplotlib.colors.ListedColormap(['#FFAAAA', '#AAAAFF']));",
      "const lines = plt.contour(xx, yy, Z.numpy(), levels=[0.5], colors='k');",
      "const a = plt.arrow(0, 0, 1, 0.5, head_width=0.1);",
      "const ax2 = plt.gca().twinx();",
      "ax2.plot([0, 1], [2, 3], 'r-');",
      "print(cs.levels, lines.levels, a, plt.gcf());",
      "plt.close('all');",
    ].join("\n");
    let text = "";
    const reply = await kernel.execute(code, 60_000, {
      onOutput: (msg_type, content) => {
        if (msg_type === "stream") text += String(content.text);
      },
    });
    expect(reply.content.status === "ok" ? "ok" : `${String(reply.content.ename)}: ${String(reply.content.evalue)}`).toBe("ok");
    expect(text).toBe("[0.   0.15 0.3  0.45 0.6  0.75 0.9  1.05] [0.5] FancyArrow() Figure(640x480)\n");
    // The levels printed as NumPy prints them: matplotlib's, to the digits shown.
    const printed = text.slice(1, text.indexOf("]")).trim().split(/\s+/).map(Number);
    expect(printed.length).toBe(listed.contours[0].levels.length);
    printed.forEach((v, i) => expect(v).toBeCloseTo(listed.contours[0].levels[i], 2));
  }, 120_000);
});
