/**
 * The bytes of TensorBoard's event files: protocol-buffer messages (the few field kinds Event and
 * Summary use, written in field-number order with proto3's rules: a zero scalar is left out unless
 * it belongs to a oneof) framed as TFRecords (length, masked CRC-32C of the length, data, masked
 * CRC-32C of the data), which `tensorboard --logdir` reads.
 */
import { makeTable } from "../crc32";

/** One protocol-buffer message being written. */
export class Message {
  private parts: number[] = [];

  private varint(v: number | bigint): void {
    let x = BigInt.asUintN(64, BigInt(v));
    while (x >= 0x80n) {
      this.parts.push(Number(x & 0x7fn) | 0x80);
      x >>= 7n;
    }
    this.parts.push(Number(x));
  }
  private key(field: number, wire: number): void {
    this.varint((field << 3) | wire);
  }
  /** A double (wire type 1); `always` writes a zero too (a oneof member). */
  double(field: number, v: number, always = false): this {
    if (v === 0 && !Object.is(v, -0) && !always) return this;
    this.key(field, 1);
    const b = new Uint8Array(8);
    new DataView(b.buffer).setFloat64(0, v, true);
    this.parts.push(...b);
    return this;
  }
  /** A float (wire type 5). */
  float(field: number, v: number, always = false): this {
    if (v === 0 && !Object.is(v, -0) && !always) return this;
    this.key(field, 5);
    const b = new Uint8Array(4);
    new DataView(b.buffer).setFloat32(0, v, true);
    this.parts.push(...b);
    return this;
  }
  /** An int32/int64/enum (varint). */
  int(field: number, v: number | bigint): this {
    if (v === 0 || v === 0n) return this;
    this.key(field, 0);
    this.varint(v);
    return this;
  }
  /** Bytes, a string (UTF-8) or a nested message (wire type 2); `always` writes an empty one too. */
  bytes(field: number, v: Uint8Array | string | Message, always = false): this {
    const b = typeof v === "string" ? new TextEncoder().encode(v) : v instanceof Message ? v.finish() : v;
    if (b.length === 0 && !always) return this;
    this.key(field, 2);
    this.varint(b.length);
    for (let i = 0; i < b.length; i++) this.parts.push(b[i]);
    return this;
  }
  /** A packed repeated double. */
  packedDoubles(field: number, vs: readonly number[]): this {
    if (vs.length === 0) return this;
    const b = new Uint8Array(8 * vs.length);
    const dv = new DataView(b.buffer);
    vs.forEach((v, i) => dv.setFloat64(8 * i, v, true));
    return this.bytes(field, b);
  }
  finish(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}

let table: Uint32Array | null = null;

/** CRC-32C (Castagnoli), as TFRecord frames use. */
export function crc32c(data: Uint8Array): number {
  table ??= makeTable(0x82f63b78);
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** TFRecord's masked CRC: rotate right by 15, add a constant. */
export function maskedCrc(data: Uint8Array): number {
  const c = crc32c(data);
  return (((c >>> 15) | (c << 17)) + 0xa282ead8) >>> 0;
}

/** One TFRecord around `data`. */
export function record(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(8 + 4 + data.length + 4);
  const dv = new DataView(out.buffer);
  dv.setBigUint64(0, BigInt(data.length), true);
  dv.setUint32(8, maskedCrc(out.subarray(0, 8)), true);
  out.set(data, 12);
  dv.setUint32(12 + data.length, maskedCrc(data), true);
  return out;
}
