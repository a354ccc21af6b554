/** Source map lookups that tracebacks rest on (kernel/sourcemap.ts), against maps TypeScript itself writes. */
import { inlineSourceMapJson, SourceMap, withoutSourceMapComments } from "../../kernel/sourcemap";
import { tslabTypeScript } from "../../kernel/resolve";

describe("SourceMap", () => {
  const ts = tslabTypeScript();
  const source = ["const a = 1;", "", "function f(x: number): number {", "  throw new Error(`bad ${x}`);", "}", "f(a);"].join("\n");
  const out = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2020, inlineSourceMap: true, removeComments: false } });

  test("finds the original line of each generated statement", () => {
    const json = inlineSourceMapJson(out.outputText);
    expect(json).not.toBeNull();
    const map = SourceMap.parse(json!)!;
    const generated = withoutSourceMapComments(out.outputText).split("\n");
    const at = (text: string) => generated.findIndex((line) => line.includes(text));
    expect(map.lookup(at("throw new Error"), 4)?.line).toBe(3);
    expect(map.lookup(at("f(a)"), 0)?.line).toBe(5);
    expect(map.lookup(at("const a"), 0)?.line).toBe(0);
  });

  test("lines without mappings and unreadable maps give nothing", () => {
    expect(new SourceMap(["x.ts"], ";;AAAA").lookup(0, 0)).toBeNull();
    expect(new SourceMap(["x.ts"], ";;AAAA").lookup(2, 5)).toEqual({ line: 0, column: 0, source: "x.ts" });
    expect(SourceMap.parse("{not json")).toBeNull();
    expect(SourceMap.parse(JSON.stringify({ sources: [] }))).toBeNull();
  });

  test("the sourceMappingURL comments go, and every other line stays where it was", () => {
    const stripped = withoutSourceMapComments(out.outputText);
    expect(stripped).not.toMatch(/sourceMappingURL/);
    expect(stripped.split("\n").length).toBe(out.outputText.split("\n").length);
  });
});
