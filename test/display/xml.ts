/**
 * A strict little XML parser for the tests: it throws on anything not well-formed (unbalanced or
 * misnested tags, unquoted or duplicate attributes, stray `<` or `&`), and returns the element tree.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.:-]*/;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(s: string, at: number): string {
  return s.replace(/&([^;\s]*);?/g, (m, name: string) => {
    if (!m.endsWith(";")) throw new Error(`bare & at ${at}`);
    if (name in ENTITIES) return ENTITIES[name];
    if (/^#\d+$/.test(name)) return String.fromCodePoint(Number(name.slice(1)));
    if (/^#x[0-9a-f]+$/i.test(name)) return String.fromCodePoint(parseInt(name.slice(2), 16));
    throw new Error(`unknown entity &${name}; at ${at}`);
  });
}

export function parseXml(src: string): XmlElement {
  let i = 0;
  const root: XmlElement = { name: "#document", attrs: {}, children: [], text: "" };
  const stack: XmlElement[] = [root];
  while (i < src.length) {
    if (src.startsWith("<?", i) || src.startsWith("<!--", i)) {
      const end = src.indexOf(src.startsWith("<?", i) ? "?>" : "-->", i);
      if (end < 0) throw new Error(`unterminated declaration at ${i}`);
      i = end + 2;
      continue;
    }
    if (src[i] === "<") {
      if (src[i + 1] === "/") {
        const m = NAME.exec(src.slice(i + 2));
        if (!m) throw new Error(`bad closing tag at ${i}`);
        const top = stack.pop();
        if (!top || top.name !== m[0]) throw new Error(`</${m[0]}> at ${i} closes <${top?.name}>`);
        i += 2 + m[0].length;
        while (/\s/.test(src[i])) i++;
        if (src[i] !== ">") throw new Error(`bad closing tag at ${i}`);
        i++;
        continue;
      }
      const m = NAME.exec(src.slice(i + 1));
      if (!m) throw new Error(`bad tag at ${i}`);
      const el: XmlElement = { name: m[0], attrs: {}, children: [], text: "" };
      i += 1 + m[0].length;
      for (;;) {
        const ws = /^\s*/.exec(src.slice(i))![0].length;
        i += ws;
        if (src.startsWith("/>", i)) {
          i += 2;
          stack[stack.length - 1].children.push(el);
          break;
        }
        if (src[i] === ">") {
          i++;
          stack[stack.length - 1].children.push(el);
          stack.push(el);
          break;
        }
        if (ws === 0) throw new Error(`missing space before attribute at ${i}`);
        const a = /^([A-Za-z_][\w.:-]*)="([^"<]*)"/.exec(src.slice(i));
        if (!a) throw new Error(`bad attribute at ${i}: ${src.slice(i, i + 30)}`);
        if (a[1] in el.attrs) throw new Error(`duplicate attribute ${a[1]} at ${i}`);
        el.attrs[a[1]] = decode(a[2], i);
        i += a[0].length;
      }
      continue;
    }
    const next = src.indexOf("<", i);
    const text = src.slice(i, next < 0 ? src.length : next);
    if (stack.length === 1 && text.trim() !== "") throw new Error(`text outside the root element at ${i}`);
    stack[stack.length - 1].text += decode(text, i);
    i = next < 0 ? src.length : next;
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1].name}>`);
  if (root.children.length !== 1) throw new Error(`expected one root element, got ${root.children.length}`);
  return root.children[0];
}

/** Every element (depth first) named `name`, or that `name` holds true for. */
export function findAll(el: XmlElement, name: string | ((e: XmlElement) => boolean)): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement): void => {
    if (typeof name === "string" ? e.name === name : name(e)) out.push(e);
    e.children.forEach(walk);
  };
  walk(el);
  return out;
}

/** All text under an element. */
export function textOf(el: XmlElement): string {
  return el.text + el.children.map(textOf).join("");
}
