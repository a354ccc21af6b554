/**
 * An unpickler for the subset of Python's pickle that PyTorch writes for checkpoints and that
 * torchvision's data files use (CIFAR's Python 2 batches): protocols 2-5 opcodes for containers,
 * numbers, strings, the memo, GLOBAL/STACK_GLOBAL, REDUCE, BUILD, NEWOBJ and BINPERSID. It never
 * executes anything: globals are looked up in an allow-list supplied by the caller (`findClass`),
 * and anything else is an error naming it. Its one interpreter carries the bounds against hostile
 * files for every caller.
 */

export class UnpicklingError extends Error {}

/** The stream ended inside an opcode; `detail` says where (callers that name the file reword the message). */
export class PickleTruncatedError extends UnpicklingError {
  constructor(readonly detail: string) {
    super(`pickle data was truncated (${detail})`);
  }
}

/** A Python dict while unpickling (keys may be ints or tuples); converted to a plain object at the end. */
export class PyDict {
  readonly map = new Map<unknown, unknown>();
  /** Made by `collections.OrderedDict` (a state_dict), not a plain dict. */
  ordered = false;
  /** Instance attributes set by BUILD (OrderedDict's `_metadata`); prototype-free, as file data may name any key. */
  attrs: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
}

/**
 * A Python float whose value is integral (`2.0`), while unpickling: a JavaScript number could not say
 * it was a float, and a module attribute saved again must stay one. Converted to a number at the end.
 * (A float with a fraction is a plain number: it cannot be mistaken for an int.)
 */
export class PyFloat {
  constructor(readonly value: number) {}
}

/** The arrays the unpickler made from tuples (the others are lists), for module attributes saved again. */
export const pyTuples = new WeakSet<unknown[]>();

function pyFloat(v: number): number | PyFloat {
  return Number.isInteger(v) ? new PyFloat(v) : v;
}

/**
 * A short Python-style repr of an unpickled value for error messages. Bounded: a hostile pickle can
 * make a value whose naive string form (Array.join, JSON.stringify) is exponentially long, since
 * memo references share sub-objects.
 */
export function pyRepr(x: unknown, budget = 80): string {
  let out = "";
  const visit = (v: unknown, depth: number): void => {
    if (out.length > budget) return;
    if (v === null) out += "None";
    else if (v === undefined) out += "<missing>";
    else if (typeof v === "string") out += JSON.stringify(v.length > budget ? v.slice(0, budget) + "..." : v);
    else if (typeof v === "boolean") out += v ? "True" : "False";
    else if (typeof v === "number" || typeof v === "bigint") out += String(v);
    else if (v instanceof PyFloat) out += Number.isFinite(v.value) ? v.value.toFixed(1) : String(v.value);
    else if (Array.isArray(v)) {
      if (depth > 3) {
        out += "[...]";
        return;
      }
      out += "[";
      for (let i = 0; i < v.length && out.length <= budget; i++) {
        if (i) out += ", ";
        visit(v[i], depth + 1);
      }
      out += "]";
    } else if (v instanceof PyDict) out += "{...}";
    else if (typeof v === "function") out += "<callable>";
    else out += `<${(v as object).constructor?.name ?? "object"}>`;
  };
  visit(x, 0);
  return out.length > budget ? out.slice(0, budget) + "..." : out;
}

/** A callable a global resolves to. */
export type PyCallable = (...args: unknown[]) => unknown;

export interface UnpickleHooks {
  /** Resolves `module.name`; throws for anything not allowed. */
  findClass(module: string, name: string): unknown;
  /** Resolves a persistent id (PyTorch: storages). */
  persistentLoad(pid: unknown): unknown;
  /**
   * Python's `Unpickler(encoding=...)` for Python 2 `str` (SHORT_BINSTRING, BINSTRING): "latin1"
   * (the default) makes them strings; "bytes" makes them Buffers that view `data` without copying,
   * for data files whose Python 2 strings are their bulk (a CIFAR batch's 30 MB of pixels: a round
   * trip through a string, or a copy, costs 3-5x the whole unpickling, measured).
   */
  encoding?: "latin1" | "bytes";
  /**
   * NEWOBJ (`cls.__new__(cls, *args)`): lets a caller create objects of the classes its `findClass`
   * returns without calling anything (PyTorch's whole-module pickles create each module this way,
   * then BUILD its `__dict__`). Without it, NEWOBJ calls `cls(...args)` as REDUCE does.
   */
  newobj?(cls: unknown, args: unknown[]): unknown;
}

const NAMES: Record<number, string> = {
  0x28: "MARK", 0x2e: "STOP", 0x30: "POP", 0x31: "POP_MARK", 0x32: "DUP", 0x46: "FLOAT", 0x49: "INT", 0x4a: "BININT",
  0x4b: "BININT1", 0x4c: "LONG", 0x4d: "BININT2", 0x4e: "NONE", 0x50: "PERSID", 0x51: "BINPERSID", 0x52: "REDUCE",
  0x53: "STRING", 0x54: "BINSTRING", 0x55: "SHORT_BINSTRING", 0x56: "UNICODE", 0x58: "BINUNICODE", 0x61: "APPEND",
  0x62: "BUILD", 0x63: "GLOBAL", 0x64: "DICT", 0x7d: "EMPTY_DICT", 0x65: "APPENDS", 0x67: "GET", 0x68: "BINGET",
  0x69: "INST", 0x6a: "LONG_BINGET", 0x6c: "LIST", 0x5d: "EMPTY_LIST", 0x6f: "OBJ", 0x70: "PUT", 0x71: "BINPUT",
  0x72: "LONG_BINPUT", 0x73: "SETITEM", 0x74: "TUPLE", 0x29: "EMPTY_TUPLE", 0x75: "SETITEMS", 0x47: "BINFLOAT",
  0x80: "PROTO", 0x81: "NEWOBJ", 0x82: "EXT1", 0x83: "EXT2", 0x84: "EXT4", 0x85: "TUPLE1", 0x86: "TUPLE2",
  0x87: "TUPLE3", 0x88: "NEWTRUE", 0x89: "NEWFALSE", 0x8a: "LONG1", 0x8b: "LONG4", 0x42: "BINBYTES",
  0x43: "SHORT_BINBYTES", 0x8c: "SHORT_BINUNICODE", 0x8d: "BINUNICODE8", 0x8e: "BINBYTES8", 0x8f: "EMPTY_SET",
  0x90: "ADDITEMS", 0x91: "FROZENSET", 0x92: "NEWOBJ_EX", 0x93: "STACK_GLOBAL", 0x94: "MEMOIZE", 0x95: "FRAME",
  0x96: "BYTEARRAY8", 0x97: "NEXT_BUFFER", 0x98: "READONLY_BUFFER",
};

/** The longest LONG4 integer read (Python's own limit for decimal ints is 4300 digits, about 1790 bytes). */
const MAX_LONG_BYTES = 2048;

function longFrom(bytes: Buffer): number | bigint {
  if (bytes.length === 0) return 0;
  let v = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[i]);
  if (bytes[bytes.length - 1] & 0x80) v -= 1n << BigInt(8 * bytes.length);
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

/** Unpickles `data`. */
export function unpickle(data: Buffer, hooks: UnpickleHooks): unknown {
  const tuple = (items: unknown[]): unknown[] => {
    pyTuples.add(items);
    return items;
  };
  let pos = 0;
  let stack: unknown[] = [];
  const marks: unknown[][] = [];
  const memo = new Map<number, unknown>();
  const str8 = (raw: Buffer): unknown => (hooks.encoding === "bytes" ? raw : raw.toString("latin1"));

  const need = (n: number): void => {
    if (pos + n > data.length) throw new PickleTruncatedError(`needed ${n} bytes at byte ${pos} of ${data.length}`);
  };
  const bytes = (n: number): Buffer => {
    // A negative length (BINSTRING's is signed) would move backwards and loop forever.
    if (n < 0) throw new UnpicklingError(`pickle has a negative length ${n} at byte ${pos} (the data is corrupted)`);
    need(n);
    const b = data.subarray(pos, pos + n);
    pos += n;
    return b;
  };
  const u8 = (): number => bytes(1)[0];
  const u16 = (): number => bytes(2).readUInt16LE(0);
  const u32 = (): number => bytes(4).readUInt32LE(0);
  const u64 = (): number => {
    const v = bytes(8).readBigUInt64LE(0);
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new UnpicklingError(`pickle length ${v} is too large`);
    return Number(v);
  };
  const line = (): string => {
    const end = data.indexOf(0x0a, pos);
    if (end < 0) throw new PickleTruncatedError(`no newline after byte ${pos} of ${data.length}`);
    const s = data.toString("latin1", pos, end);
    pos = end + 1;
    return s;
  };
  const pop = (): unknown => {
    if (stack.length === 0) throw new UnpicklingError(`unpickling stack underflow at byte ${pos}`);
    return stack.pop();
  };
  const top = (): unknown => {
    if (stack.length === 0) throw new UnpicklingError(`unpickling stack underflow at byte ${pos}`);
    return stack[stack.length - 1];
  };
  const popMark = (): unknown[] => {
    const items = stack;
    const prev = marks.pop();
    if (prev === undefined) throw new UnpicklingError(`pickle has no MARK to match at byte ${pos}`);
    stack = prev;
    return items;
  };
  const memoGet = (i: number): unknown => {
    if (!memo.has(i)) throw new UnpicklingError(`pickle memo has no entry ${i}`);
    return memo.get(i);
  };
  const call = (fn: unknown, args: unknown): unknown => {
    if (typeof fn !== "function") throw new UnpicklingError(`pickle REDUCE on a non-callable (${describe(fn)})`);
    if (!Array.isArray(args)) throw new UnpicklingError("pickle REDUCE arguments are not a tuple");
    // Every callable a checkpoint may name takes a handful of arguments; spreading a huge tuple would overflow the stack.
    if (args.length > 16) throw new UnpicklingError(`pickle REDUCE with ${args.length} arguments (the callables a checkpoint uses take at most 6)`);
    return (fn as PyCallable)(...args);
  };
  const setItems = (d: unknown, items: unknown[]): void => {
    if (!(d instanceof PyDict)) throw new UnpicklingError(`pickle SETITEM(S) on a ${describe(d)}, not a dict`);
    for (let i = 0; i + 1 < items.length; i += 2) d.map.set(items[i], items[i + 1]);
  };
  const appendItems = (l: unknown, items: unknown[]): void => {
    if (!Array.isArray(l)) throw new UnpicklingError(`pickle APPEND(S) on a ${describe(l)}, not a list`);
    for (const item of items) l.push(item);
  };

  for (;;) {
    const at = pos;
    const op = u8();
    switch (op) {
      case 0x80: // PROTO
        if (u8() > 5) throw new UnpicklingError("unsupported pickle protocol (> 5)");
        break;
      case 0x95: // FRAME
        u64();
        break;
      case 0x2e: // STOP
        return pop();
      case 0x28: // MARK
        marks.push(stack);
        stack = [];
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
      case 0x4a: // BININT
        stack.push(bytes(4).readInt32LE(0));
        break;
      case 0x4b: // BININT1
        stack.push(u8());
        break;
      case 0x4d: // BININT2
        stack.push(u16());
        break;
      case 0x8a: // LONG1
        stack.push(longFrom(bytes(u8())));
        break;
      case 0x8b: {
        // LONG4. Converting is quadratic in the length; Python itself caps decimal ints at 4300 digits.
        const n = u32();
        if (n > MAX_LONG_BYTES) throw new UnpicklingError(`pickle integer of ${n} bytes at byte ${at} is too large (at most ${MAX_LONG_BYTES})`);
        stack.push(longFrom(bytes(n)));
        break;
      }
      case 0x49: {
        // INT (text); "00"/"01" are the protocol-0 booleans
        const s = line();
        stack.push(s === "00" ? false : s === "01" ? true : Number(s));
        break;
      }
      case 0x4c: {
        // LONG (text)
        const s = line().replace(/L$/, "");
        if (s.length > 4300 || !/^[+-]?[0-9]+$/.test(s)) throw new UnpicklingError(`pickle LONG at byte ${at} is not an integer of at most 4300 digits`);
        const v = BigInt(s);
        stack.push(v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v);
        break;
      }
      case 0x47: // BINFLOAT (big-endian double)
        stack.push(pyFloat(bytes(8).readDoubleBE(0)));
        break;
      case 0x46: // FLOAT (text)
        stack.push(pyFloat(parseFloat(line())));
        break;
      case 0x58: // BINUNICODE
        stack.push(bytes(u32()).toString("utf8"));
        break;
      case 0x8c: // SHORT_BINUNICODE
        stack.push(bytes(u8()).toString("utf8"));
        break;
      case 0x8d: // BINUNICODE8
        stack.push(bytes(u64()).toString("utf8"));
        break;
      case 0x54: // BINSTRING
        stack.push(str8(bytes(bytes(4).readInt32LE(0))));
        break;
      case 0x55: // SHORT_BINSTRING
        stack.push(str8(bytes(u8())));
        break;
      case 0x42: // BINBYTES
        stack.push(Buffer.from(bytes(u32())));
        break;
      case 0x43: // SHORT_BINBYTES
        stack.push(Buffer.from(bytes(u8())));
        break;
      case 0x8e: // BINBYTES8
        stack.push(Buffer.from(bytes(u64())));
        break;
      case 0x96: // BYTEARRAY8
        stack.push(Buffer.from(bytes(u64())));
        break;
      case 0x7d: // EMPTY_DICT
        stack.push(new PyDict());
        break;
      case 0x64: {
        // DICT
        const items = popMark();
        const d = new PyDict();
        setItems(d, items);
        stack.push(d);
        break;
      }
      case 0x5d: // EMPTY_LIST
        stack.push([]);
        break;
      case 0x6c: {
        // LIST (popMark replaces `stack`, so it must run before `stack` is read)
        const items = popMark();
        stack.push(items);
        break;
      }
      case 0x29: // EMPTY_TUPLE
        stack.push(tuple([]));
        break;
      case 0x74: {
        // TUPLE
        const items = popMark();
        stack.push(tuple(items));
        break;
      }
      case 0x85: // TUPLE1
        stack.push(tuple([pop()]));
        break;
      case 0x86: {
        // TUPLE2
        const b = pop();
        const a = pop();
        stack.push(tuple([a, b]));
        break;
      }
      case 0x87: {
        // TUPLE3
        const c = pop();
        const b = pop();
        const a = pop();
        stack.push(tuple([a, b, c]));
        break;
      }
      case 0x8f: // EMPTY_SET
        stack.push([]);
        break;
      case 0x90: {
        // ADDITEMS
        const items = popMark();
        appendItems(top(), items);
        break;
      }
      case 0x91: {
        // FROZENSET
        const items = popMark();
        stack.push(items);
        break;
      }
      case 0x61: {
        // APPEND
        const v = pop();
        appendItems(top(), [v]);
        break;
      }
      case 0x65: {
        // APPENDS
        const items = popMark();
        appendItems(top(), items);
        break;
      }
      case 0x73: {
        // SETITEM
        const v = pop();
        const k = pop();
        setItems(top(), [k, v]);
        break;
      }
      case 0x75: {
        // SETITEMS
        const items = popMark();
        setItems(top(), items);
        break;
      }
      case 0x70: // PUT
        memo.set(Number(line()), top());
        break;
      case 0x71: // BINPUT
        memo.set(u8(), top());
        break;
      case 0x72: // LONG_BINPUT
        memo.set(u32(), top());
        break;
      case 0x94: // MEMOIZE
        memo.set(memo.size, top());
        break;
      case 0x67: // GET
        stack.push(memoGet(Number(line())));
        break;
      case 0x68: // BINGET
        stack.push(memoGet(u8()));
        break;
      case 0x6a: // LONG_BINGET
        stack.push(memoGet(u32()));
        break;
      case 0x63: {
        // GLOBAL
        const module = line();
        const name = line();
        stack.push(hooks.findClass(module, name));
        break;
      }
      case 0x93: {
        // STACK_GLOBAL
        const name = pop();
        const module = pop();
        if (typeof module !== "string" || typeof name !== "string") throw new UnpicklingError("pickle STACK_GLOBAL expects two strings");
        stack.push(hooks.findClass(module, name));
        break;
      }
      case 0x52: {
        // REDUCE
        const args = pop();
        const fn = pop();
        stack.push(call(fn, args));
        break;
      }
      case 0x81: {
        // NEWOBJ: cls.__new__(cls, *args)
        const args = pop();
        const cls = pop();
        if (hooks.newobj) {
          if (!Array.isArray(args)) throw new UnpicklingError("pickle NEWOBJ arguments are not a tuple");
          stack.push(hooks.newobj(cls, args));
        } else stack.push(call(cls, args));
        break;
      }
      case 0x62: {
        // BUILD
        const state = pop();
        const obj = top();
        build(obj, state);
        break;
      }
      case 0x51: // BINPERSID
        stack.push(hooks.persistentLoad(pop()));
        break;
      case 0x50: // PERSID
        stack.push(hooks.persistentLoad(line()));
        break;
      default: {
        const name = NAMES[op];
        throw new UnpicklingError(
          name
            ? `unsupported pickle opcode ${name} (0x${op.toString(16).padStart(2, "0")}) at byte ${at}`
            : `invalid pickle opcode 0x${op.toString(16).padStart(2, "0")} at byte ${at} (the data is corrupted)`,
        );
      }
    }
  }
}

function describe(x: unknown): string {
  if (x === null) return "None";
  if (Array.isArray(x)) return "tuple/list";
  if (x instanceof PyDict) return "dict";
  return typeof x === "object" ? (x as object).constructor?.name ?? "object" : typeof x;
}

/** BUILD: `obj.__setstate__(state)` or `obj.__dict__.update(state)`, for the objects we create. */
function build(obj: unknown, state: unknown): void {
  if (state === null) return;
  if (obj instanceof PyDict) {
    if (state instanceof PyDict) for (const [k, v] of state.map) if (typeof k === "string") obj.attrs[k] = v;
    return;
  }
  const setstate = (obj as { __setstate__?: (s: unknown) => void } | null)?.__setstate__;
  if (typeof setstate === "function") {
    setstate.call(obj, state);
    return;
  }
  throw new UnpicklingError(`pickle BUILD on a ${describe(obj)} is not supported`);
}

/**
 * Writes pickle protocol 2, the protocol torch.save uses, with the opcodes PyTorch 1.13's
 * weights-only unpickler also accepts (it has no BINFLOAT, so Python floats are the one thing such
 * a reader refuses). Globals are memoized and referred to by BINGET after their first use, as
 * Python's pickler does.
 */
export class Pickler {
  private readonly parts: Buffer[] = [];
  private readonly globals = new Map<string, number>();
  private memoSize = 0;

  constructor() {
    this.op(0x80, 2); // PROTO 2
  }

  private op(...bytes: number[]): void {
    this.parts.push(Buffer.from(bytes));
  }

  private put(): void {
    const i = this.memoSize++;
    if (i < 256) this.op(0x71, i); // BINPUT
    else {
      const b = Buffer.alloc(5);
      b[0] = 0x72; // LONG_BINPUT
      b.writeUInt32LE(i, 1);
      this.parts.push(b);
    }
  }

  /** Pushes `module.name`. */
  global(module: string, name: string): void {
    const key = `${module}\n${name}\n`;
    const at = this.globals.get(key);
    if (at !== undefined) {
      this.get(at);
      return;
    }
    this.parts.push(Buffer.from([0x63]), Buffer.from(key, "utf8")); // GLOBAL
    this.globals.set(key, this.memoSize);
    this.put();
  }

  none(): void {
    this.op(0x4e);
  }

  bool(v: boolean): void {
    this.op(v ? 0x88 : 0x89);
  }

  /** A Python int. */
  int(v: number | bigint): void {
    if (typeof v === "number" && !Number.isSafeInteger(v)) throw new RangeError(`Pickler.int: ${v} is not a safe integer`);
    const n = BigInt(v);
    if (n >= 0n && n < 256n) this.op(0x4b, Number(n)); // BININT1
    else if (n >= 0n && n < 65536n) this.op(0x4d, Number(n) & 0xff, Number(n) >> 8); // BININT2
    else if (n >= -(2n ** 31n) && n < 2n ** 31n) {
      const b = Buffer.alloc(5);
      b[0] = 0x4a; // BININT
      b.writeInt32LE(Number(n), 1);
      this.parts.push(b);
    } else {
      // LONG1: little-endian two's complement, as few bytes as keep the sign.
      const bytes: number[] = [];
      let x = n;
      for (;;) {
        bytes.push(Number(x & 0xffn));
        x >>= 8n;
        const sign = bytes[bytes.length - 1] & 0x80;
        if ((x === 0n && !sign) || (x === -1n && sign)) break;
      }
      this.op(0x8a, bytes.length, ...bytes);
    }
  }

  /** A Python float. */
  float(v: number): void {
    const b = Buffer.alloc(9);
    b[0] = 0x47; // BINFLOAT
    b.writeDoubleBE(v, 1);
    this.parts.push(b);
  }

  str(s: string): void {
    const data = Buffer.from(s, "utf8");
    const b = Buffer.alloc(5);
    b[0] = 0x58; // BINUNICODE
    b.writeUInt32LE(data.length, 1);
    this.parts.push(b, data);
    this.put();
  }

  mark(): void {
    this.op(0x28);
  }

  /** Makes a tuple of everything since the matching mark(). */
  tuple(): void {
    this.op(0x74);
  }

  emptyTuple(): void {
    this.op(0x29);
  }

  emptyList(): void {
    this.op(0x5d);
    this.put();
  }

  /** Appends everything since the matching mark() to the list below it. */
  appends(): void {
    this.op(0x65);
  }

  emptyDict(): void {
    this.op(0x7d);
    this.put();
  }

  /** Sets the key/value pairs pushed since the matching mark() on the dict below it. */
  setitems(): void {
    this.op(0x75);
  }

  /** Calls the callable below the argument tuple on top. */
  reduce(): void {
    this.op(0x52);
    this.put();
  }

  /** `cls.__new__(cls, *args)` of the class below the argument tuple on top (what protocol 2 writes for objects). */
  newobj(): void {
    this.op(0x81);
    this.put();
  }

  /** Sets the state on top as the `__dict__` of the object below it. */
  build(): void {
    this.op(0x62);
  }

  /** The memo index of the last value put (after emptyList/emptyDict/reduce/newobj), for get(). */
  lastMemo(): number {
    return this.memoSize - 1;
  }

  /** Pushes the memoized value `i` again (Python's pickler refers to an object it has written by its memo index). */
  get(i: number): void {
    if (i < 256) this.op(0x68, i); // BINGET
    else {
      const b = Buffer.alloc(5);
      b[0] = 0x6a; // LONG_BINGET
      b.writeUInt32LE(i, 1);
      this.parts.push(b);
    }
  }

  binpersid(): void {
    this.op(0x51);
  }

  /** Ends the stream; returns its bytes. */
  finish(): Buffer {
    this.op(0x2e);
    return Buffer.concat(this.parts);
  }
}
