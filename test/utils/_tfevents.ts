/**
 * Reading TensorBoard event files back in tests: the TFRecord framing, protobuf fields by number, and
 * the scalars a run logged. Used by test/utils/tensorboard and the tutorial ports that log with
 * torch.utils.tensorboard.SummaryWriter.
 */
import * as fs from "fs";
import * as path from "path";

export const eventFiles = (dir: string) => fs.readdirSync(dir).filter((f) => f.startsWith("events.out.tfevents."));

/** The TFRecords of a file: [payload, ...]. */
export function records(buf: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  for (let o = 0; o < buf.length; ) {
    const n = Number(dv.getBigUint64(o, true));
    out.push(buf.subarray(o + 12, o + 12 + n));
    o += 12 + n + 4;
  }
  return out;
}

/** Length-delimited fields of one protobuf message, by field number (enough to walk Event > Summary > Value > Image). */
export function fields(b: Uint8Array): Map<number, (Uint8Array | number)[]> {
  const m = new Map<number, (Uint8Array | number)[]>();
  let o = 0;
  const varint = () => {
    let x = 0;
    let s = 1;
    for (;;) {
      const c = b[o++];
      x += (c & 0x7f) * s;
      s *= 128;
      if (c < 0x80) return x;
    }
  };
  while (o < b.length) {
    const key = varint();
    const f = Math.floor(key / 8);
    const wire = key & 7;
    let v: Uint8Array | number;
    if (wire === 0) v = varint();
    else if (wire === 1) (v = new DataView(b.buffer, b.byteOffset + o, 8).getFloat64(0, true)), (o += 8);
    else if (wire === 5) (v = new DataView(b.buffer, b.byteOffset + o, 4).getFloat32(0, true)), (o += 4);
    else {
      const n = varint();
      v = b.subarray(o, o + n);
      o += n;
    }
    m.set(f, [...(m.get(f) ?? []), v]);
  }
  return m;
}

/** The scalars logged in a run directory, in order: [tag, value (float32), step]. */
export function scalarsOf(dir: string): [string, number, number][] {
  const out: [string, number, number][] = [];
  for (const file of eventFiles(dir)) {
    for (const rec of records(fs.readFileSync(path.join(dir, file)))) {
      const ev = fields(rec);
      const summary = ev.get(5)?.[0];
      if (!(summary instanceof Uint8Array)) continue;
      for (const v of fields(summary).get(1) ?? []) {
        const value = fields(v as Uint8Array);
        const simple = value.get(2)?.[0];
        if (typeof simple !== "number") continue;
        out.push([Buffer.from(value.get(1)![0] as Uint8Array).toString(), simple, (ev.get(2)?.[0] as number) ?? 0]);
      }
    }
  }
  return out;
}
