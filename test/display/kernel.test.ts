/**
 * The display helpers through the real kernel (built CLI, ZeroMQ, signed messages): rich bundles
 * reach the front end, and a live plot's redraws arrive while the training loop runs.
 * No timing bounds: what arrives when is proven by acknowledgements and the kernel's own clock.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { KernelClient } from "../../kernel/client";
import type { JsonObject } from "../../kernel/wire";

const BUILT = fs.existsSync(path.join(__dirname, "..", "..", "dist", "src", "display", "index.js"));
const describeBuilt = BUILT ? describe : describe.skip;
if (!BUILT) console.warn("SKIPPED: dist/ is not built; run `npm run build` (npm test does) for the kernel display tests");

interface Output {
  msg_type: string;
  content: JsonObject;
}

describeBuilt("display through the kernel", () => {
  let kernel: KernelClient;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "torchlab-display-kernel-"));
    kernel = await KernelClient.start(dir);
    await run('import { display as rich } from "torchlab";');
  }, 120_000);
  afterAll(async () => {
    await kernel?.shutdown();
  });

  async function run(code: string, onOutput?: (msg_type: string) => void): Promise<Output[]> {
    const outputs: Output[] = [];
    const reply = await kernel.execute(code, 60_000, {
      onOutput: (msg_type, content) => {
        outputs.push({ msg_type, content });
        onOutput?.(msg_type);
      },
    });
    expect(reply.content.status === "ok" ? "ok" : `${String(reply.content.ename)}: ${String(reply.content.evalue)}`).toBe("ok");
    return outputs;
  }

  test("an image tensor as the cell's value: image/png beside text/plain", async () => {
    const [result] = (await run("torch.rand(3, 16, 16)")).filter((o) => o.msg_type === "execute_result");
    const data = result.content.data as Record<string, string>;
    expect(data["text/plain"]).toMatch(/^tensor\(/);
    expect(Buffer.from(data["image/png"], "base64").subarray(1, 4).toString()).toBe("PNG");
  });

  test("a labelled grid and a chart arrive as display_data bundles", async () => {
    const out = await run('rich.images(torch.rand(4, 1, 28, 28), { labels: ["a", "b", "c", "d"] });\nrich.line({ loss: [3, 2, 1] });');
    const shown = out.filter((o) => o.msg_type === "display_data").map((o) => Object.keys(o.content.data as object).sort());
    expect(shown).toEqual([
      ["image/png", "text/plain"],
      ["application/vnd.vegalite.v5+json", "image/png", "image/svg+xml", "text/plain"],
    ]);
  });

  test("matplotlib: plt.show() shows each open figure (SVG + repr), the cell's end the ones left open; a closed one never; keywords as Python's", async () => {
    const figures = (out: Output[]) =>
      out.filter((o) => o.msg_type === "display_data").map((o) => {
        const data = o.content.data as Record<string, string>;
        return [Object.keys(data).sort().join(" "), data["text/plain"], /<svg/.test(data["image/svg+xml"] ?? "")];
      });
    const out = await run(
      "plt.plot(torch.tensor([3.0, 2.0, 1.5]), label='train');\nplt.xlabel('epoch');\nplt.legend();\nplt.show();\n" +
        "plt.figure(figsize=[2, 2]);\nplt.imshow(torch.rand(1, 8, 8).squeeze(), cmap='gray');\nplt.figure();\nplt.plot([1, 2]);\nplt.close();",
    );
    expect(figures(out)).toEqual([
      ["image/svg+xml text/plain", "<Figure size 640x480 with 1 Axes>", true],
      ["image/svg+xml text/plain", "<Figure size 200x200 with 1 Axes>", true],
    ]);
    expect(figures(await run("print(len(plt.get_fignums()))"))).toEqual([]);
    // An Axes' plot takes Python's keywords too (`ax.plot(x, y, label='sin')`, `ax.semilogy(...)`).
    const axesOut = await run(
      "const [fig2, axes2] = plt.subplots(1, 2);\naxes2[0].plot([1, 2], [3, 4], 'r--', label='sin');\naxes2[0].legend(loc='lower left');\naxes2[1].semilogy([1, 2], [10, 1000], label='exp');\nprint(axes2[0].lines[0].get_label(), axes2[1].lines[0].get_label(), axes2[1].get_yscale());\nplt.close('all');",
    );
    expect(axesOut.filter((o) => o.msg_type === "stream").map((o) => o.content.text).join("")).toBe("sin exp log\n");
    // A failing cell still shows what it drew, after its error, as IPython's post_execute does.
    const failed: Output[] = [];
    const reply = await kernel.execute("plt.plot([1, 2]);\nplt.subplot(2, 2, 5);", 60_000, { onOutput: (msg_type, content) => failed.push({ msg_type, content }) });
    expect([reply.content.ename, reply.content.evalue]).toEqual(["ValueError", "num must be 1 <= num <= 4, not 5"]);
    expect(failed.map((o) => o.msg_type).filter((t) => t === "error" || t === "display_data")).toEqual(["error", "display_data"]);
  });

  test("await plot.add(...) in a busy loop: each redraw reaches the front end before the loop goes on, on one display_id", async () => {
    // The client acknowledges every update it receives in a file; after each step the loop waits,
    // busily (the only yield is plot.add's), for each redraw's acknowledgement. Were the redraw held
    // back until the cell yields again or ends, no acknowledgement could come.
    const ack = path.join(dir, "acked");
    fs.writeFileSync(ack, "0");
    let received = 0;
    const code = [
      'import * as fs from "fs";',
      `const acked = (): number => Number(fs.readFileSync(${JSON.stringify(ack)}, "utf8"));`,
      "const plot = rich.live_plot({ interval_ms: 200 });",
      "const t0 = Date.now();",
      "let steps = 0;",
      "for (; steps < 400 && (steps < 10 || plot.draws < 4); steps++) {",
      "  const t = Date.now(); while (Date.now() - t < 50) {}",
      "  await plot.add(steps, { loss: 1 / (steps + 1) });",
      "  const deadline = Date.now() + 30_000;",
      "  while (acked() < plot.draws - 1) {",
      "    if (Date.now() > deadline) throw new Error(`redraw ${plot.draws - 1} did not reach the client while the loop ran`);",
      "  }",
      "}",
      "const loop_ms = Date.now() - t0;",
      "plot.finish();",
      "console.log(JSON.stringify({ steps, loop_ms }));",
    ].join("\n");
    const all = await run(code, (msg_type) => {
      if (msg_type !== "update_display_data") return;
      fs.writeFileSync(`${ack}.tmp`, String(++received));
      fs.renameSync(`${ack}.tmp`, ack);
    });
    const { steps, loop_ms } = JSON.parse(all.filter((o) => o.msg_type === "stream").map((o) => o.content.text).join("")) as { steps: number; loop_ms: number };
    const out = all.filter((o) => o.msg_type === "display_data" || o.msg_type === "update_display_data");
    const ids = new Set(out.map((o) => (o.content.transient as { display_id?: string }).display_id));
    expect(ids.size).toBe(1);
    const updates = out.filter((o) => o.msg_type === "update_display_data");
    const redraws = updates.length - 1; // the last update is finish()'s snapshot
    expect(redraws).toBeGreaterThanOrEqual(3);
    // Redraws are at least interval_ms apart by the kernel's own clock (4 times their cost when
    // drawing is slower), and all of them fall inside the loop: n redraws need (n - 1) * 200 ms.
    expect((redraws - 1) * 200).toBeLessThanOrEqual(loop_ms);
    const final = updates[updates.length - 1].content.data as Record<string, { data: { values: unknown[] } }>;
    expect(final["application/vnd.vegalite.v5+json"].data.values).toHaveLength(steps);
  });
});
