/**
 * A standalone HTML page of an executed notebook, readable in any browser without Jupyter.
 * Rich outputs show their best static form (SVG, PNG, JPEG, HTML); a vega-lite chart is shown by
 * its SVG/PNG companion and keeps its spec embedded, and is drawn with vega-embed only when the
 * bundle has no static picture (that needs the network, so it is the last resort).
 */
import { marked } from "marked";
import { joinSource, type Notebook, type Output } from "./notebook";
import type { JsonObject } from "./wire";

const VEGA_LITE = /^application\/vnd\.vegalite\.v\d+\+json$/;

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Tracebacks and streams may carry ANSI colours, which a page can only show as noise. */
const stripAnsi = (text: string) => text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, "");

/** JSON safe inside <script>: no "</script>" can end it early. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

function text(value: unknown): string {
  return Array.isArray(value) ? value.join("") : String(value);
}

function renderData(data: JsonObject, needsVega: { value: boolean }): string {
  const parts: string[] = [];
  const vegaMime = Object.keys(data).find((mime) => VEGA_LITE.test(mime));
  let shown = true;
  if (data["image/svg+xml"] !== undefined) {
    parts.push(`<div class="svg">${text(data["image/svg+xml"])}</div>`);
  } else if (data["image/png"] !== undefined) {
    parts.push(`<img src="data:image/png;base64,${text(data["image/png"]).trim()}">`);
  } else if (data["image/jpeg"] !== undefined) {
    parts.push(`<img src="data:image/jpeg;base64,${text(data["image/jpeg"]).trim()}">`);
  } else if (data["text/html"] !== undefined) {
    parts.push(`<div class="html">${text(data["text/html"])}</div>`);
  } else if (data["text/markdown"] !== undefined) {
    parts.push(`<div class="md">${marked.parse(text(data["text/markdown"]), { async: false })}</div>`);
  } else {
    shown = false;
  }
  if (vegaMime) {
    const spec = `<script type="${vegaMime}">${scriptJson(data[vegaMime])}</script>`;
    if (shown) {
      parts.push(spec);
    } else {
      needsVega.value = true;
      parts.push(`<div class="vega-lite">${spec}</div>`);
      shown = true;
    }
  }
  if (!shown && data["text/plain"] !== undefined) {
    parts.push(`<pre>${escapeHtml(stripAnsi(text(data["text/plain"])))}</pre>`);
  }
  return parts.join("\n");
}

function renderOutput(output: Output, needsVega: { value: boolean }): string {
  switch (output.output_type) {
    case "stream":
      return `<pre class="stream ${escapeHtml(output.name)}">${escapeHtml(stripAnsi(joinSource(output.text)))}</pre>`;
    case "display_data":
    case "execute_result": {
      const prompt = output.output_type === "execute_result" ? `<span class="prompt">Out[${output.execution_count ?? " "}]:</span>` : "";
      return `<div class="output">${prompt}${renderData(output.data, needsVega)}</div>`;
    }
    case "error":
      return `<pre class="error">${escapeHtml(stripAnsi(output.traceback.length ? output.traceback.join("\n") : `${output.ename}: ${output.evalue}`))}</pre>`;
  }
}

const STYLE = `
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
.cell { margin: 1rem 0; }
.code pre.source { background: #f5f7fa; border-left: 3px solid #3178c6; padding: .6rem; overflow-x: auto; }
.prompt { color: #888; font-family: monospace; font-size: .8rem; display: block; }
pre { white-space: pre-wrap; margin: .3rem 0; }
pre.stderr { background: #fff4e5; }
pre.error { background: #fdecea; color: #7a1c12; padding: .5rem; }
img, .svg svg { max-width: 100%; height: auto; }
footer { color: #888; font-size: .8rem; margin-top: 3rem; }
`;

const VEGA_EMBED = `
<script src="https://cdn.jsdelivr.net/npm/vega@5"></script>
<script src="https://cdn.jsdelivr.net/npm/vega-lite@5"></script>
<script src="https://cdn.jsdelivr.net/npm/vega-embed@6"></script>
<script>
for (const div of document.querySelectorAll("div.vega-lite")) {
  const spec = JSON.parse(div.querySelector("script").textContent);
  vegaEmbed(div, spec).catch((e) => { div.textContent = "chart: " + e; });
}
</script>`;

export function renderHtml(nb: Notebook, title: string): string {
  const needsVega = { value: false };
  const cells = nb.cells.map((cell) => {
    const source = joinSource(cell.source);
    if (cell.cell_type === "markdown") {
      return `<div class="cell markdown">${marked.parse(source, { async: false })}</div>`;
    }
    if (cell.cell_type === "raw") {
      return `<div class="cell raw"><pre>${escapeHtml(source)}</pre></div>`;
    }
    const outputs = (cell.outputs ?? []).map((o) => renderOutput(o, needsVega)).join("\n");
    return (
      `<div class="cell code"><span class="prompt">In [${cell.execution_count ?? " "}]:</span>` +
      `<pre class="source"><code>${escapeHtml(source)}</code></pre>${outputs}</div>`
    );
  });
  const meta = nb.metadata.torchlab as JsonObject | undefined;
  const footer = meta ? `<footer>Executed by torchlab run: ${escapeHtml(JSON.stringify(meta))}</footer>` : "";
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${cells.join("\n")}
${footer}
${needsVega.value ? VEGA_EMBED : ""}
</body>
</html>
`;
}
