/**
 * Source map v3 lookups, for tracebacks that name the user's lines: a cell reaches V8 through two
 * compilations (TypeScript to an ES module, then tslab's ES module to CommonJS), and torchlab's own
 * frames are compiled TypeScript too. Only what a traceback needs: decode "mappings", and find the
 * original position of a generated one.
 *
 * https://sourcemaps.info/spec.html
 */

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));

/** One mapping segment: generated column -> source index, original line and column (all 0-based). */
interface Segment {
  column: number;
  source: number;
  line: number;
  sourceColumn: number;
}

export interface Position {
  /** 0-based, as in the map. */
  line: number;
  column: number;
  source: string;
}

export class SourceMap {
  private readonly lines: Segment[][];

  constructor(readonly sources: string[], mappings: string) {
    this.lines = decodeMappings(mappings);
  }

  static parse(json: string): SourceMap | null {
    try {
      const raw = JSON.parse(json) as { sources?: unknown; mappings?: unknown; sourceRoot?: unknown };
      if (!Array.isArray(raw.sources) || typeof raw.mappings !== "string") return null;
      const root = typeof raw.sourceRoot === "string" ? raw.sourceRoot : "";
      return new SourceMap(raw.sources.map((s) => root + String(s)), raw.mappings);
    } catch {
      return null;
    }
  }

  /**
   * The original position of generated (line, column), both 0-based: the last segment of that
   * line starting at or before the column, else the line's first segment (a frame's column can
   * point into indentation that no segment covers).
   */
  lookup(line: number, column: number): Position | null {
    const segments = this.lines[line];
    if (!segments || segments.length === 0) return null;
    let found = segments[0];
    for (const segment of segments) {
      if (segment.column > column) break;
      found = segment;
    }
    return { line: found.line, column: found.sourceColumn, source: this.sources[found.source] ?? "" };
  }
}

function decodeMappings(mappings: string): Segment[][] {
  const lines: Segment[][] = [];
  // Source index, original line and original column are relative to the previous segment
  // anywhere in the map; the generated column restarts at each line.
  let source = 0;
  let line = 0;
  let sourceColumn = 0;
  for (const text of mappings.split(";")) {
    const segments: Segment[] = [];
    let column = 0;
    for (const field of text.split(",")) {
      if (field === "") continue;
      const values = decodeVlq(field);
      column += values[0];
      if (values.length < 4) continue;
      source += values[1];
      line += values[2];
      sourceColumn += values[3];
      segments.push({ column, source, line, sourceColumn });
    }
    segments.sort((a, b) => a.column - b.column);
    lines.push(segments);
  }
  return lines;
}

function decodeVlq(field: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of field) {
    const digit = DIGIT.get(char);
    if (digit === undefined) return values;
    value += (digit & 31) * 2 ** shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -Math.floor(value / 2) : Math.floor(value / 2));
    value = 0;
    shift = 0;
  }
  return values;
}

const INLINE_MAP = /^\/\/# sourceMappingURL=data:application\/json;(?:charset=utf-8;)?base64,([A-Za-z0-9+/=]+)\s*$/m;

/** The JSON of the inline source map a compilation appended to `js`, if any. */
export function inlineSourceMapJson(js: string): string | null {
  const match = INLINE_MAP.exec(js);
  return match ? Buffer.from(match[1], "base64").toString("utf8") : null;
}

/** `js` without its trailing sourceMappingURL comments (they end the text, so no line moves). */
export function withoutSourceMapComments(js: string): string {
  return js.replace(/^\/\/# sourceMappingURL=.*$/gm, "");
}
