/**
 * Checks a chart the way a front end would meet it: vega-lite compiles the spec and vega draws it,
 * with no warning, every scale domain finite, and the SVG in the bundle equal to what vega draws
 * from the spec in the bundle (so the static picture is the interactive chart).
 */
import { render_vegalite, RenderedChart, VegaLiteSpec, VEGALITE_MIME } from "../../src/display/vega";
import { parseXml, XmlElement } from "./xml";

function finiteDomain(name: string, domain: unknown[]): void {
  for (const v of domain) {
    if (typeof v === "number" && !Number.isFinite(v)) throw new Error(`scale '${name}' has a non-finite domain [${domain.join(", ")}]`);
  }
}

export function renderChecked(spec: VegaLiteSpec): RenderedChart & { root: XmlElement } {
  const r = render_vegalite(JSON.parse(JSON.stringify(spec)) as VegaLiteSpec);
  expect(r.warnings).toEqual([]);
  for (const [name, domain] of Object.entries(r.scales)) finiteDomain(name, domain);
  expect(r.svg).not.toMatch(/NaN|Infinity/);
  return { ...r, root: parseXml(r.svg) };
}

/** vega numbers gradients and clip paths across the process (unique ids in one HTML page); equal up to those. */
const withoutIds = (svg: string): string => svg.replace(/\b(gradient|clip|pattern)_?\d+/g, "$1_N");

/** Checks a bundle carrying a vega-lite spec; returns the parsed SVG. */
export function checkChartBundle(data: Record<string, unknown>): RenderedChart & { root: XmlElement } {
  const spec = data[VEGALITE_MIME] as VegaLiteSpec;
  expect(spec.$schema).toBe("https://vega.github.io/schema/vega-lite/v5.json");
  const r = renderChecked(spec);
  expect(withoutIds(data["image/svg+xml"] as string)).toBe(withoutIds(r.svg));
  return r;
}

/** The items of vega's marks of one type (`<g class="mark-symbol role-mark ...">`'s children). */
export function markItems(root: XmlElement, type: string, role?: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (el: XmlElement): void => {
    const cls = (el.attrs.class ?? "").split(/\s+/);
    if (el.name === "g" && cls.includes(`mark-${type}`) && (role === undefined || cls.includes(role))) out.push(...el.children);
    else el.children.forEach(walk);
  };
  walk(root);
  return out;
}
