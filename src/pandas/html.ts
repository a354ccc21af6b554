/**
 * DataFrame._repr_html_: the table pandas 1.5 gives Jupyter for a frame that is a cell's value
 * (pandas/io/formats/html.py's NotebookFormatter): the scoped style, a header row of the column labels
 * (the columns' name in its corner), a row for the index's name when it has one, one `<tr>` per row with
 * its label in a `<th>`, each cell the column's text as the plain repr writes it (formatValues) without
 * its padding and HTML-escaped, the `...` row and column of a truncated frame, and then its dimensions.
 */
import { formatValues, Kind, pprint, Scalar, truncatedColumns, truncatedRows } from "./format";
import type { Index } from "./index_";

/** What the table needs of a frame (a DataFrame; an interface, so that frame.ts and this file do not import each other). */
export interface HtmlFrame {
  readonly _columns: Index;
  readonly _index: Index;
  readonly _data: { values: Scalar[]; kind: Kind }[];
  _take(rows: readonly number[] | null, cols: readonly number[] | null): HtmlFrame;
}

const STYLE = `<style scoped>
    .dataframe tbody tr th:only-of-type {
        vertical-align: middle;
    }

    .dataframe tbody tr th {
        vertical-align: top;
    }

    .dataframe thead th {
        text-align: right;
    }
</style>`;

const escape = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** One `<tr>` of cells, `...` put at the truncated column's place. */
function row(cells: string[], cut: number | null, dots: string, attrs = ""): string[] {
  const all = cut === null ? cells : [...cells.slice(0, cut + 1), dots, ...cells.slice(cut + 1)];
  return [`    <tr${attrs}>`, ...all.map((c) => `      ${c}`), "    </tr>"];
}

export function frameHtml(f: HtmlFrame): string {
  const [nrows, ncols] = [f._index.size, f._data.length];
  const [rows, rowCut] = truncatedRows(nrows);
  const [cols, colCut] = truncatedColumns(ncols);
  const shown = f._take(rows, cols);
  const th = (s: string) => `<th>${escape(s.trim())}</th>`;
  const td = (s: string) => `<td>${escape(s.trim())}</td>`;
  const corner = f._columns.name === null ? "" : pprint(f._columns.name);
  const head = row([th(corner), ...shown._columns._format().map(th)], colCut, "<th>...</th>", ' style="text-align: right;"');
  if (f._index.name !== null) head.push(...row([th(pprint(f._index.name)), ...shown._columns._values.map(() => th(""))], colCut, "<th></th>"));
  const values = shown._data.map((c) => formatValues(c.values, c.kind));
  const labels = shown._index._format();
  const body: string[] = [];
  labels.forEach((label, i) => {
    if (i === rowCut) body.push(...row([th("..."), ...values.map(() => td("..."))], colCut, "<td>...</td>"));
    body.push(...row([th(label), ...values.map((v) => td(v[i]))], colCut, "<td>...</td>"));
  });
  const lines = ["<div>", STYLE, '<table border="1" class="dataframe">', "  <thead>", ...head, "  </thead>", "  <tbody>", ...body, "  </tbody>", "</table>"];
  if (rowCut !== null || colCut !== null) lines.push(`<p>${nrows} rows × ${ncols} columns</p>`);
  lines.push("</div>");
  return lines.join("\n");
}
