/**
 * Declaration files read without their documentation until a notebook asks for some (issue 12's
 * start target).
 *
 * TypeScript 5.0 parses every JSDoc comment of every file it reads into nodes of its own. Measured
 * on the 2-core machine over the ~2.6 MB of declarations a kernel start reads, in a fresh process
 * as a start parses them: ~1.1-1.6 s of CPU with the comments, ~0.65-0.85 s with them read as plain
 * comments. In a declaration (.d.ts) file, which is TypeScript and not JavaScript, a JSDoc comment
 * means nothing to the type checker but `@deprecated`, which the parser turns into a flag of the
 * node it documents; everything else in it is documentation, which only hovers (inspect_request)
 * show. So the kernel's compilers start on the declarations with each JSDoc opener `/**` turned
 * into `/* ` (the same length: every position in the file is unchanged), except in the comments
 * that contain `@deprecated`, and build again from the files as they are before the first
 * inspection (kernel/session.ts). Cells, completions and errors are checked against the same types
 * either way; completions rank deprecated names last either way, since those comments are kept.
 * The price is the first hover's: the rebuild parses the declarations again (~1.4 s of CPU measured
 * in-process, against ~0.1 s for a later hover), paid only by a notebook that asks for one.
 */

/** Whether `file` is a declaration file whose documentation the kernel's compilers may defer. */
export function isDeclarationFile(file: string): boolean {
  return /\.d\.[cm]?ts$/.test(file);
}

const STAR = 0x2a;
const SLASH = 0x2f;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
const BACKTICK = 0x60;
const DOLLAR = 0x24;
const OPEN_BRACE = 0x7b;
const DEPRECATED = "@deprecated";
/** What the scan stops at: a comment's start, a quote, a backtick; and braces inside a template literal's `${...}`. */
const SIGNIFICANT = /\/[/*]|["'`]/g;
const SIGNIFICANT_IN_SUBSTITUTION = /\/[/*]|["'`{}]/g;

/**
 * `text` with the opener of each JSDoc comment that has no `@deprecated` in it turned into a plain
 * comment's, or `text` itself when there is none to turn. Comments are told from string and
 * template literals as TypeScript's scanner tells them: quotes with backslash escapes ending at the
 * line's end, `//` comments to the end of the line, template literal types with their `${...}`
 * nested in braces. Text this scan does not follow to its end (an unterminated template literal)
 * is returned as it is.
 */
export function withoutDocComments(text: string): string {
  const opened: number[] = [];
  const n = text.length;
  /** The brace depth at which each open `${` began. */
  const substitutions: number[] = [];
  let depth = 0;
  let i = 0;
  /** From just inside a template literal: the index after its end or after its next `${`, or -1. */
  const template = (from: number): number => {
    for (let j = from; j < n; j++) {
      const c = text.charCodeAt(j);
      if (c === BACKSLASH) j++;
      else if (c === BACKTICK) return j + 1;
      else if (c === DOLLAR && text.charCodeAt(j + 1) === OPEN_BRACE) {
        substitutions.push(depth);
        return j + 2;
      }
    }
    return -1;
  };
  if (!text.includes("/**")) return text;
  for (;;) {
    // Braces matter only to find where a `${...}` ends: outside one, the scan skips them.
    const significant = substitutions.length > 0 ? SIGNIFICANT_IN_SUBSTITUTION : SIGNIFICANT;
    significant.lastIndex = i;
    const found = significant.exec(text);
    if (found === null) break;
    i = found.index;
    const token = found[0];
    if (token === "//") {
      const end = text.indexOf("\n", i + 2);
      i = end < 0 ? n : end + 1;
    } else if (token === "/*") {
      const close = text.indexOf("*/", i + 2);
      const end = close < 0 ? n : close + 2;
      // TypeScript's rule for a JSDoc comment: `/**` not followed by `/` (so `/**/` is not one).
      if (text.charCodeAt(i + 2) === STAR && text.charCodeAt(i + 3) !== SLASH) {
        const deprecated = text.indexOf(DEPRECATED, i + 3);
        if (deprecated < 0 || deprecated >= end) opened.push(i);
      }
      i = end;
    } else if (token === "'" || token === '"') {
      const quote = token.charCodeAt(0);
      i++;
      while (i < n) {
        const c = text.charCodeAt(i++);
        if (c === BACKSLASH) i++;
        else if (c === quote || c === NEWLINE) break;
      }
    } else if (token === "`") {
      i = template(i + 1);
      if (i < 0) return text;
    } else if (token === "{") {
      depth++;
      i++;
    } else if (substitutions.length > 0 && substitutions[substitutions.length - 1] === depth) {
      substitutions.pop();
      i = template(i + 1);
      if (i < 0) return text;
    } else {
      depth--;
      i++;
    }
  }
  // Inside a `${` at the end: a template literal that does not end.
  if (opened.length === 0 || substitutions.length > 0) return text;
  const parts: string[] = [];
  let from = 0;
  for (const at of opened) {
    // `/**` -> `/* `: the third character becomes a space.
    parts.push(text.slice(from, at + 2), " ");
    from = at + 3;
  }
  parts.push(text.slice(from));
  return parts.join("");
}
