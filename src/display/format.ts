/** Number formatting shared by the text renderings of pictures and charts. */

/** A value for a text summary: 4 significant digits, exponent form for very large or small ones. */
export function format_value(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v !== 0 && (Math.abs(v) >= 1e6 || Math.abs(v) < 1e-3)) return v.toExponential(3);
  return String(Number(v.toPrecision(4)));
}

/** An integer with thousands separators, as torchinfo prints parameter counts: 61,706. */
export function format_count(n: number): string {
  return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

export function escape_html(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
