/** Every cell the tutorial ports' cell files and the notebooks hold, with where it is: what the dialect's markings must leave as it is. */
import * as fs from "fs";
import * as path from "path";

export function corpusCells(): [string, string][] {
  const cells: [string, string][] = [];
  const collect = (v: unknown, where: string): void => {
    if (typeof v === "string") cells.push([where, v]);
    else if (Array.isArray(v)) v.forEach((x, i) => collect(x, `${where}[${i}]`));
    else if (v !== null && typeof v === "object") for (const [k, x] of Object.entries(v)) collect(x, `${where}.${k}`);
  };
  const tutorials = path.join(__dirname, "..", "tutorials");
  for (const f of fs.readdirSync(tutorials).filter((f) => f.startsWith("_") && f.endsWith("_cells.ts"))) {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    collect(require(path.join(tutorials, f)), f);
  }
  const notebooks = path.join(__dirname, "..", "..", "notebooks");
  for (const f of fs.readdirSync(notebooks).filter((f) => f.endsWith(".ipynb"))) {
    const nb = JSON.parse(fs.readFileSync(path.join(notebooks, f), "utf8")) as { cells: { cell_type: string; source: string | string[] }[] };
    nb.cells.filter((c) => c.cell_type === "code").forEach((c, i) => collect(Array.isArray(c.source) ? c.source.join("") : c.source, `${f} cell ${i}`));
  }
  return cells;
}
