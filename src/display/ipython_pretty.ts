/**
 * IPython's pretty printer (IPython.lib.pretty), the algorithm Jupyter uses to show a cell's value:
 * a list or tuple that does not fit in 79 columns, or holds a multi-line repr (a tensor of rank 2 and
 * more, a Parameter), is written one item a line, each continuation line indented by the bracket's
 * width, as Jupyter shows `[tensor([[1., 1.],\n         [1., 1.]]),\n tensor([0., 0.])]`. print()'s
 * form (`repr`) is pylist.ts's; this is only the form of a cell's value.
 *
 * A faithful port of IPython's `PrettyPrinter` (groups, breakables, the group queue that breaks the
 * outermost group first, `break_` for the lines of a multi-line repr), so line breaks fall where
 * IPython's do, including in nested lists.
 */

class Group {
  readonly breakables: Breakable[] = [];
  wantBreak = false;
  constructor(readonly depth: number) {}
}

class Text {
  readonly parts: string[] = [];
  width = 0;
  add(s: string, width: number): void {
    this.parts.push(s);
    this.width += width;
  }
  output(p: PrettyPrinter, outputWidth: number): number {
    for (const s of this.parts) p.out.push(s);
    return outputWidth + this.width;
  }
}

class Breakable {
  readonly indentation: number;
  readonly group: Group;
  constructor(readonly sep: string, readonly width: number, private readonly p: PrettyPrinter) {
    this.indentation = p.indentation;
    this.group = p.groupStack[p.groupStack.length - 1];
    this.group.breakables.push(this);
  }
  output(p: PrettyPrinter, outputWidth: number): number {
    this.group.breakables.shift();
    if (this.group.wantBreak) {
      p.out.push("\n" + " ".repeat(this.indentation));
      return this.indentation;
    }
    if (this.group.breakables.length === 0) this.p.queue.remove(this.group);
    p.out.push(this.sep);
    return outputWidth + this.width;
  }
}

/** Groups by depth; `deq` hands out the outermost group that still has breakables (IPython's GroupQueue). */
class GroupQueue {
  private readonly queue: Group[][] = [];
  enq(group: Group): void {
    while (group.depth > this.queue.length - 1) this.queue.push([]);
    this.queue[group.depth].push(group);
  }
  deq(): Group | undefined {
    for (const stack of this.queue) {
      for (let idx = 0; idx < stack.length; idx++) {
        const group = stack[stack.length - 1 - idx];
        if (group.breakables.length > 0) {
          // IPython deletes position idx counted from the front (not the group found from the back).
          stack.splice(idx, 1);
          group.wantBreak = true;
          return group;
        }
      }
      for (const group of stack) group.wantBreak = true;
      stack.length = 0;
    }
    return undefined;
  }
  remove(group: Group): void {
    const stack = this.queue[group.depth];
    const i = stack === undefined ? -1 : stack.indexOf(group);
    if (i >= 0) stack.splice(i, 1);
  }
}

/** Python's len() of a str: code points, not UTF-16 units. */
function width(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

class PrettyPrinter {
  readonly out: string[] = [];
  private outputWidth = 0;
  private bufferWidth = 0;
  private readonly buffer: (Text | Breakable)[] = [];
  readonly groupStack: Group[] = [new Group(0)];
  readonly queue = new GroupQueue();
  indentation = 0;

  constructor(private readonly maxWidth = 79) {
    this.queue.enq(this.groupStack[0]);
  }

  private breakOneGroup(group: Group): void {
    while (group.breakables.length > 0) {
      const x = this.buffer.shift()!;
      this.outputWidth = x.output(this, this.outputWidth);
      this.bufferWidth -= x.width;
    }
    while (this.buffer.length > 0 && this.buffer[0] instanceof Text) {
      const x = this.buffer.shift()!;
      this.outputWidth = x.output(this, this.outputWidth);
      this.bufferWidth -= x.width;
    }
  }

  private breakOuterGroups(): void {
    while (this.maxWidth < this.outputWidth + this.bufferWidth) {
      const group = this.queue.deq();
      if (group === undefined) return;
      this.breakOneGroup(group);
    }
  }

  text(s: string): void {
    const w = width(s);
    if (this.buffer.length > 0) {
      let last = this.buffer[this.buffer.length - 1];
      if (!(last instanceof Text)) {
        last = new Text();
        this.buffer.push(last);
      }
      last.add(s, w);
      this.bufferWidth += w;
      this.breakOuterGroups();
    } else {
      this.out.push(s);
      this.outputWidth += w;
    }
  }

  breakable(sep = " "): void {
    const group = this.groupStack[this.groupStack.length - 1];
    if (group.wantBreak) {
      this.flush();
      this.newline();
    } else {
      this.buffer.push(new Breakable(sep, width(sep), this));
      this.bufferWidth += width(sep);
      this.breakOuterGroups();
    }
  }

  /** A forced newline (between the lines of a multi-line repr). */
  break_(): void {
    const group = this.queue.deq();
    if (group !== undefined) this.breakOneGroup(group);
    this.flush();
    this.newline();
  }

  private newline(): void {
    this.out.push("\n" + " ".repeat(this.indentation));
    this.outputWidth = this.indentation;
    this.bufferWidth = 0;
  }

  beginGroup(indent = 0, open = ""): void {
    if (open) this.text(open);
    const group = new Group(this.groupStack[this.groupStack.length - 1].depth + 1);
    this.groupStack.push(group);
    this.queue.enq(group);
    this.indentation += indent;
  }

  endGroup(dedent = 0, close = ""): void {
    this.indentation -= dedent;
    const group = this.groupStack.pop()!;
    if (group.breakables.length === 0) this.queue.remove(group);
    if (close) this.text(close);
  }

  flush(): void {
    for (const data of this.buffer) this.outputWidth += data.output(this, this.outputWidth);
    this.buffer.length = 0;
    this.bufferWidth = 0;
  }
}

/**
 * A value to lay out: a leaf's repr, a list / tuple of such values, a call of a class on one
 * (`OrderedDict([...])`, `OrderedDict()` without an argument), a dict's `key: value` entries or a set's members.
 */
export type PrettyDoc =
  | string
  | { items: PrettyDoc[]; tuple: boolean }
  | { call: string; arg: PrettyDoc | null }
  | { entries: [PrettyDoc, PrettyDoc][] }
  | { members: PrettyDoc[] };

const MAX_SEQ_LENGTH = 1000;

/** IPython's _seq_pprinter_factory: the items between `start` and `end`, breakable after each comma, `...` past MAX_SEQ_LENGTH; `(x,)` for a one-item tuple. */
function sequence(p: PrettyPrinter, start: string, end: string, items: PrettyDoc[], oneTuple: boolean): void {
  p.beginGroup(start.length, start);
  for (let idx = 0; idx < items.length; idx++) {
    if (idx) {
      p.text(",");
      p.breakable();
    }
    if (idx >= MAX_SEQ_LENGTH) {
      p.text("...");
      break;
    }
    pretty(p, items[idx]);
  }
  if (oneTuple) p.text(",");
  p.endGroup(start.length, end);
}

function pretty(p: PrettyPrinter, doc: PrettyDoc): void {
  p.beginGroup();
  if (typeof doc === "string") {
    // IPython's _repr_pprint: the repr's lines joined by forced breaks.
    p.beginGroup();
    doc.split("\n").forEach((line, idx) => {
      if (idx) p.break_();
      p.text(line);
    });
    p.endGroup();
  } else if ("entries" in doc) {
    // IPython's _dict_pprinter_factory('{', '}'): `key: value` items, in the dict's order.
    p.beginGroup(1, "{");
    for (let idx = 0; idx < doc.entries.length; idx++) {
      if (idx) {
        p.text(",");
        p.breakable();
      }
      if (idx >= MAX_SEQ_LENGTH) {
        p.text("...");
        break;
      }
      pretty(p, doc.entries[idx][0]);
      p.text(": ");
      pretty(p, doc.entries[idx][1]);
    }
    p.endGroup(1, "}");
  } else if ("members" in doc) {
    // IPython's _set_pprinter_factory('{', '}'): `set()` when empty (the items come sorted, see pylist.ts).
    if (doc.members.length === 0) p.text("set()");
    else sequence(p, "{", "}", doc.members, false);
  } else if ("call" in doc) {
    // IPython's _ordereddict_pprint: `with p.group(len(name) + 1, name + '(', ')'): p.pretty(list(items))`.
    p.beginGroup(doc.call.length + 1, `${doc.call}(`);
    if (doc.arg !== null) pretty(p, doc.arg);
    p.endGroup(doc.call.length + 1, ")");
  } else {
    const [start, end] = doc.tuple ? ["(", ")"] : ["[", "]"];
    sequence(p, start, end, doc.items, doc.items.length === 1 && doc.tuple);
  }
  p.endGroup();
}

/**
 * IPython's `pretty(obj)` for a list/tuple tree whose leaves are reprs (max width 79).
 * @example ipythonPretty({items: ["tensor([1., 1., 1.])", "tensor([1., 1., 1.])", "tensor([1., 1., 1.])", "tensor([1., 1., 1.])"], tuple: false})
 * // "[tensor([1., 1., 1.]),\n tensor([1., 1., 1.]),\n tensor([1., 1., 1.]),\n tensor([1., 1., 1.])]"
 */
export function ipythonPretty(doc: PrettyDoc): string {
  const p = new PrettyPrinter();
  pretty(p, doc);
  p.flush();
  return p.out.join("");
}
