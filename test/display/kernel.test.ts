/**
 * The display helpers through the real kernel (built CLI, ZeroMQ, signed messages): rich bundles
 * reach the front end, and a live plot's redraws arrive while the training loop runs.
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
  at: number;
}

describeBuilt("display through the kernel", () => {
  let kernel: KernelClient;
  beforeAll(async () => {
    kernel = await KernelClient.start(fs.mkdtempSync(path.join(os.tmpdir(), "torchlab-display-kernel-")));
    await run('import { display as rich } from "torchlab";');
  }, 120_000);
  afterAll(async () => {
    await kernel?.shutdown();
  });

  async function run(code: string): Promise<Output[]> {
    const outputs: Output[] = [];
    const reply = await kernel.execute(code, 60_000, { onOutput: (msg_type, content) => outputs.push({ msg_type, content, at: Date.now() }) });
    expect(reply.content.status).toBe("ok");
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

  test("await plot.add(...) in a busy loop: redraws arrive while the loop runs, on one display_id", async () => {
    const code = [
      "const plot = rich.live_plot({ interval_ms: 200 });",
      "for (let i = 0; i < 20; i++) { const t = Date.now(); while (Date.now() - t < 100) {} await plot.add(i, { loss: 1 / (i + 1) }); }",
      "plot.finish();",
    ].join("\n");
    const out = (await run(code)).filter((o) => o.msg_type === "display_data" || o.msg_type === "update_display_data");
    const ids = new Set(out.map((o) => (o.content.transient as { display_id?: string }).display_id));
    expect(ids.size).toBe(1);
    const updates = out.filter((o) => o.msg_type === "update_display_data");
    // Redraws are spaced by interval_ms, or by 4 times their own cost when drawing is slower (a busy machine).
    expect(updates.length).toBeGreaterThanOrEqual(3);
    // At most one redraw per interval_ms over the loop (whose length includes the drawing), plus the final one.
    // `at` is when this client received each message: allow 150 ms of delivery jitter on the span's two ends.
    const span = updates[updates.length - 2].at - updates[0].at;
    expect(updates.length).toBeLessThanOrEqual(Math.floor((span + 150) / 200) + 2);
    // The loop runs ~2 s; its redraws are spread over it instead of arriving together at the end.
    expect(updates[updates.length - 2].at - updates[0].at).toBeGreaterThan(1000);
    const final = updates[updates.length - 1].content.data as Record<string, { data: { values: unknown[] } }>;
    expect(final["application/vnd.vegalite.v5+json"].data.values).toHaveLength(20);
  });
});
