/**
 * A small unpickler for the data files torchvision's datasets download: CIFAR's python batches
 * (Python 2 cPickle, protocol 2: dicts, lists, ints, strings and numpy uint8 arrays) and the same
 * structures written by Python 3 (protocols 2 to 4). Like `pickle.load(f, encoding="latin1")`,
 * Python 2 strings become JavaScript strings, except a numpy array's raw data, kept as bytes.
 *
 * Only the globals such files need are resolved (numpy's array and dtype reconstruction,
 * `_codecs.encode`); anything else is refused by name, so loading never runs arbitrary code.
 */
import { RuntimeError } from "../../errors";

/** Python bytes (or a Python 2 str): raw bytes that become a latin1 string where a string is wanted. */
export class PyBytes {
  constructor(readonly bytes: Uint8Array) {}
  toString(): string {
    return Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength).toString("latin1");
  }
}

/** A numpy array from a pickle: its dtype string (`u1`, `<i4`, ...), shape, C or Fortran order and raw bytes. */
export class NdArray {
  dtype = "";
  shape: number[] = [];
  fortran_order = false;
  data: Uint8Array = new Uint8Array(0);
}

class NpDtype {
  byteorder = "|";
  constructor(readonly name: string) {}
  get str(): string {
    return /^[biuf]\d+$/.test(this.name) && this.name !== "u1" && this.name !== "i1" && this.name !== "b1" ? `${this.byteorder === "|" ? "<" : this.byteorder}${this.name}` : this.name;
  }
}

class Global {
  constructor(readonly module: string, readonly name: string) {}
  get qualified(): string {
    return `${this.module}.${this.name}`;
  }
}

const MARK = Symbol("mark");
/** A Python dict with string keys becomes an object; other keys keep a Map. */
export type PyValue = unknown;

function asString(v: unknown): string {
  return v instanceof PyBytes ? v.toString() : String(v);
}

function call(fn: unknown, args: unknown[], file: string): unknown {
  if (!(fn instanceof Global)) throw new RuntimeError(`${file}: unpickling: cannot call ${String(fn)}`);
  switch (fn.qualified) {
    case "numpy.core.multiarray._reconstruct":
    case "numpy._core.multiarray._reconstruct":
      return new NdArray();
    case "numpy.dtype":
      return new NpDtype(asString(args[0]));
    case "_codecs.encode": {
      const text = asString(args[0]);
      const enc = args.length > 1 ? asString(args[1]).toLowerCase() : "utf-8";
      return new PyBytes(Buffer.from(text, enc === "latin1" || enc === "latin-1" || enc === "iso-8859-1" ? "latin1" : "utf8"));
    }
    case "__builtin__.bytearray":
    case "builtins.bytearray":
      return args.length === 0 ? new PyBytes(new Uint8Array(0)) : args[0] instanceof PyBytes ? args[0] : new PyBytes(Buffer.from(asString(args[0]), "latin1"));
    default:
      throw new RuntimeError(`${file}: unpickling: the global ${fn.qualified} is not one a data set file needs; refusing to load it`);
  }
}

function build(obj: unknown, state: unknown, file: string): void {
  if (obj instanceof NdArray && Array.isArray(state)) {
    const [, shape, dtype, fortran, raw] = state as [number, number[], NpDtype, boolean, unknown];
    obj.shape = shape.map(Number);
    obj.dtype = dtype instanceof NpDtype ? dtype.str : asString(dtype);
    obj.fortran_order = Boolean(fortran);
    if (raw instanceof PyBytes) obj.data = raw.bytes;
    else if (typeof raw === "string") obj.data = Buffer.from(raw, "latin1");
    else throw new RuntimeError(`${file}: unpickling: a numpy array of Python objects is not supported`);
    return;
  }
  if (obj instanceof NpDtype && Array.isArray(state)) {
    obj.byteorder = asString(state[1]);
    return;
  }
  throw new RuntimeError(`${file}: unpickling: cannot restore the state of ${obj === null ? "None" : typeof obj}`);
}

function dictKey(k: unknown): string {
  return k instanceof PyBytes ? k.toString() : String(k);
}

/**
 * Reads a pickle (`buf`) as `pickle.load(f, encoding="latin1")` would, for data-set files.
 * Dicts become plain objects (keys as strings), lists and tuples arrays, numpy arrays NdArray.
 */
export function unpickle(buf: Uint8Array, file: string): PyValue {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  const stack: unknown[] = [];
  const memo = new Map<number, unknown>();
  let p = 0;
  const need = (n: number) => {
    if (p + n > b.length) throw new RuntimeError(`${file}: truncated pickle (needs ${n} more bytes at offset ${p}, the file has ${b.length})`);
  };
  const line = (): string => {
    const end = b.indexOf(0x0a, p);
    if (end < 0) throw new RuntimeError(`${file}: truncated pickle (unterminated line at offset ${p})`);
    const s = b.subarray(p, end).toString("latin1");
    p = end + 1;
    return s;
  };
  const bytes = (n: number): Uint8Array => {
    need(n);
    const out = b.subarray(p, p + n);
    p += n;
    return out;
  };
  const popMark = (): unknown[] => {
    const i = stack.lastIndexOf(MARK);
    if (i < 0) throw new RuntimeError(`${file}: corrupt pickle (no MARK on the stack)`);
    const items = stack.splice(i);
    items.shift();
    return items;
  };
  const top = () => stack[stack.length - 1];
  const setItems = (dict: unknown, items: unknown[]) => {
    const d = dict as Record<string, unknown>;
    for (let i = 0; i + 1 < items.length; i += 2) d[dictKey(items[i])] = items[i + 1];
  };
  const pop = () => {
    if (stack.length === 0) throw new RuntimeError(`${file}: corrupt pickle (stack underflow at offset ${p})`);
    return stack.pop();
  };
  for (;;) {
    need(1);
    const op = b[p++];
    switch (op) {
      case 0x80: // PROTO
        need(1);
        p++;
        break;
      case 0x95: // FRAME
        need(8);
        p += 8;
        break;
      case 0x2e: // STOP
        return pop();
      case 0x28: // MARK
        stack.push(MARK);
        break;
      case 0x30: // POP
        pop();
        break;
      case 0x31: // POP_MARK
        popMark();
        break;
      case 0x32: // DUP
        stack.push(top());
        break;
      case 0x4e: // NONE
        stack.push(null);
        break;
      case 0x88: // NEWTRUE
        stack.push(true);
        break;
      case 0x89: // NEWFALSE
        stack.push(false);
        break;
      case 0x49: { // INT (text; I01/I00 are booleans)
        const s = line();
        stack.push(s === "01" ? true : s === "00" ? false : parseInt(s, 10));
        break;
      }
      case 0x4c: // LONG (text)
        stack.push(parseInt(line().replace(/L$/, ""), 10));
        break;
      case 0x46: // FLOAT (text)
        stack.push(parseFloat(line()));
        break;
      case 0x4a: // BININT
        need(4);
        stack.push(b.readInt32LE(p));
        p += 4;
        break;
      case 0x4b: // BININT1
        need(1);
        stack.push(b[p++]);
        break;
      case 0x4d: // BININT2
        need(2);
        stack.push(b.readUInt16LE(p));
        p += 2;
        break;
      case 0x8a: { // LONG1
        need(1);
        const n = b[p++];
        const v = bytes(n);
        let x = 0n;
        for (let i = n - 1; i >= 0; i--) x = (x << 8n) | BigInt(v[i]);
        if (n > 0 && v[n - 1] & 0x80) x -= 1n << BigInt(8 * n);
        stack.push(Number(x));
        break;
      }
      case 0x47: // BINFLOAT
        need(8);
        stack.push(b.readDoubleBE(p));
        p += 8;
        break;
      case 0x53: { // STRING (text, quoted)
        const s = line().trim();
        stack.push(s.slice(1, -1).replace(/\\x([0-9a-f]{2})|\\(.)/gi, (_, h: string, c: string) => (h ? String.fromCharCode(parseInt(h, 16)) : c === "n" ? "\n" : c === "t" ? "\t" : c)));
        break;
      }
      case 0x54: // BINSTRING
        need(4);
        p += 4;
        stack.push(new PyBytes(bytes(b.readInt32LE(p - 4))));
        break;
      case 0x55: // SHORT_BINSTRING
        need(1);
        stack.push(new PyBytes(bytes(b[p++])));
        break;
      case 0x42: // BINBYTES
        need(4);
        p += 4;
        stack.push(new PyBytes(bytes(b.readUInt32LE(p - 4))));
        break;
      case 0x43: // SHORT_BINBYTES
        need(1);
        stack.push(new PyBytes(bytes(b[p++])));
        break;
      case 0x8e: // BINBYTES8
        need(8);
        p += 8;
        stack.push(new PyBytes(bytes(Number(b.readBigUInt64LE(p - 8)))));
        break;
      case 0x56: // UNICODE (text, raw-unicode-escape)
        stack.push(line().replace(/\\u([0-9a-f]{4})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))));
        break;
      case 0x58: // BINUNICODE
        need(4);
        p += 4;
        stack.push(Buffer.from(bytes(b.readUInt32LE(p - 4))).toString("utf8"));
        break;
      case 0x8c: // SHORT_BINUNICODE
        need(1);
        stack.push(Buffer.from(bytes(b[p++])).toString("utf8"));
        break;
      case 0x8d: // BINUNICODE8
        need(8);
        p += 8;
        stack.push(Buffer.from(bytes(Number(b.readBigUInt64LE(p - 8)))).toString("utf8"));
        break;
      case 0x29: // EMPTY_TUPLE
        stack.push([]);
        break;
      case 0x74: // TUPLE
        stack.push(popMark());
        break;
      case 0x85: // TUPLE1
        stack.push([pop()]);
        break;
      case 0x86: { // TUPLE2
        const y = pop();
        stack.push([pop(), y]);
        break;
      }
      case 0x87: { // TUPLE3
        const z = pop();
        const y = pop();
        stack.push([pop(), y, z]);
        break;
      }
      case 0x5d: // EMPTY_LIST
        stack.push([]);
        break;
      case 0x6c: // LIST
        stack.push(popMark());
        break;
      case 0x61: { // APPEND
        const v = pop();
        (top() as unknown[]).push(v);
        break;
      }
      case 0x65: { // APPENDS
        const items = popMark();
        const list = top() as unknown[];
        for (const v of items) list.push(v);
        break;
      }
      case 0x7d: // EMPTY_DICT
        stack.push({});
        break;
      case 0x64: { // DICT
        const d = {};
        setItems(d, popMark());
        stack.push(d);
        break;
      }
      case 0x73: { // SETITEM
        const v = pop();
        const k = pop();
        setItems(top(), [k, v]);
        break;
      }
      case 0x75: { // SETITEMS
        const items = popMark();
        setItems(top(), items);
        break;
      }
      case 0x67: // GET (text)
        stack.push(memo.get(parseInt(line(), 10)));
        break;
      case 0x70: // PUT (text)
        memo.set(parseInt(line(), 10), top());
        break;
      case 0x68: // BINGET
        need(1);
        stack.push(memo.get(b[p++]));
        break;
      case 0x6a: // LONG_BINGET
        need(4);
        stack.push(memo.get(b.readUInt32LE(p)));
        p += 4;
        break;
      case 0x71: // BINPUT
        need(1);
        memo.set(b[p++], top());
        break;
      case 0x72: // LONG_BINPUT
        need(4);
        memo.set(b.readUInt32LE(p), top());
        p += 4;
        break;
      case 0x94: // MEMOIZE
        memo.set(memo.size, top());
        break;
      case 0x63: { // GLOBAL
        const module = line();
        stack.push(new Global(module, line()));
        break;
      }
      case 0x93: { // STACK_GLOBAL
        const name = asString(pop());
        stack.push(new Global(asString(pop()), name));
        break;
      }
      case 0x52: { // REDUCE
        const args = pop() as unknown[];
        stack.push(call(pop(), args, file));
        break;
      }
      case 0x81: { // NEWOBJ
        const args = pop() as unknown[];
        stack.push(call(pop(), args, file));
        break;
      }
      case 0x62: { // BUILD
        const state = pop();
        build(top(), state, file);
        break;
      }
      default:
        throw new RuntimeError(`${file}: unpickling: opcode 0x${op.toString(16)} at offset ${p - 1} is not supported (or the file is not a pickle)`);
    }
  }
}
