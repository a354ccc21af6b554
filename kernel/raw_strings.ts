/**
 * Python's raw strings: `pd.read_csv(r"../input/train.csv")` (Kaggle notebooks), `re.compile(r'\d+')`,
 * `r"C:\data\train.csv"`. TypeScript has no string prefixes, so such a cell did not compile ("Cannot find
 * name 'r'", or a keyword argument after it refused). Before the cell is parsed, the `r` (or `R`) of a
 * string written right after it becomes a space, and each backslash in the string gets one more, so that
 * the JavaScript string holds the characters written: `r"\d+"` is ` "\\d+"`. A raw string's backslash also
 * keeps the quote after it from ending the string (`r"a\"b"` is `a\"b`), as in JavaScript, so the
 * string's extent is the one TypeScript's scanner reads; such a quote is escaped too. Byte and format
 * prefixes (`rb`, `f`, `rf`) are left as written.
 */
import { scanTokens } from "./matmul_operator";
import { tslabTypeScript } from "./resolve";

interface Insert {
  at: number;
  text: string;
}

/** `code` with each raw string's prefix blanked, and the backslashes to insert (see above); null when it has none. */
export function rawStrings(code: string): { code: string; inserts: Insert[] } | null {
  if (!/(^|[^\w$.])[rR]["']/.test(code)) return null;
  const K = tslabTypeScript().SyntaxKind;
  const prefixes: number[] = [];
  const inserts: Insert[] = [];
  let name = { pos: -1, end: -1 };
  scanTokens(code, (kind, pos, previous, _newLine, _depth, end) => {
    if (kind === K.Identifier) name = { pos, end };
    if (kind !== K.StringLiteral || previous !== K.Identifier || name.end !== pos || name.end - name.pos !== 1 || !/[rR]/.test(code[name.pos])) return;
    if (name.pos > 0 && code[name.pos - 1] === ".") return;
    prefixes.push(name.pos);
    const quote = code[pos];
    for (let i = pos + 1; i < end - 1; i++) {
      if (code[i] !== "\\") continue;
      inserts.push({ at: i, text: "\\" });
      // The character after a raw backslash is written as it stands; a quote or backslash there is escaped too.
      const next = code[i + 1];
      if (next === quote || next === "\\") inserts.push({ at: i + 1, text: "\\" });
      i++;
    }
  });
  if (prefixes.length === 0) return null;
  let out = code;
  for (const at of prefixes) out = `${out.slice(0, at)} ${out.slice(at + 1)}`;
  return { code: out, inserts };
}
