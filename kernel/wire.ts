/**
 * The Jupyter wire protocol, shared by the kernel (server side) and the headless runner (client side):
 * connection files, message framing, HMAC signing and verification, and serialised socket writes.
 *
 * https://jupyter-client.readthedocs.io/en/latest/messaging.html#the-wire-protocol
 */
import { createHmac, randomUUID, timingSafeEqual } from "crypto";
import * as fs from "fs";
import type * as zmq from "zeromq";

/** The protocol version this package speaks (5.3 adds the control-channel interrupt_request). */
export const PROTOCOL_VERSION = "5.3";

const DELIMITER = Buffer.from("<IDS|MSG>");

export interface ConnectionInfo {
  transport: string;
  ip: string;
  shell_port: number;
  iopub_port: number;
  stdin_port: number;
  control_port: number;
  hb_port: number;
  key: string;
  signature_scheme: string;
  kernel_name?: string;
}

export interface Header {
  msg_id: string;
  session: string;
  username: string;
  date: string;
  msg_type: string;
  version: string;
}

export type JsonObject = { [key: string]: unknown };

export interface Message<C = JsonObject> {
  /** ZeroMQ routing prefix: where a ROUTER socket must send the reply. */
  identities: Buffer[];
  header: Header;
  parent_header: Partial<Header>;
  metadata: JsonObject;
  content: C;
  buffers: Buffer[];
}

export function readConnectionFile(file: string): ConnectionInfo {
  const info = JSON.parse(fs.readFileSync(file, "utf8")) as ConnectionInfo;
  for (const field of ["transport", "ip", "key", "signature_scheme"] as const) {
    if (typeof info[field] !== "string") {
      throw new Error(`connection file ${file}: missing "${field}"`);
    }
  }
  return info;
}

export function socketAddress(info: ConnectionInfo, port: number): string {
  return info.transport === "ipc" ? `ipc://${info.ip}-${port}` : `${info.transport}://${info.ip}:${port}`;
}

/** Signs and verifies message frames with the connection file's key and scheme. */
export class Signer {
  private readonly algorithm: string;

  constructor(private readonly key: string, scheme: string) {
    const match = /^hmac-(.+)$/.exec(scheme);
    if (key !== "" && !match) {
      throw new Error(`unsupported signature_scheme ${JSON.stringify(scheme)}`);
    }
    this.algorithm = match ? match[1] : "sha256";
  }

  /** Hex digest over header, parent header, metadata and content; empty when signing is off. */
  sign(parts: Buffer[]): string {
    if (this.key === "") {
      return "";
    }
    const hmac = createHmac(this.algorithm, this.key);
    for (const part of parts) {
      hmac.update(part);
    }
    return hmac.digest("hex");
  }

  verify(signature: string, parts: Buffer[]): boolean {
    if (this.key === "") {
      return true;
    }
    const expected = Buffer.from(this.sign(parts));
    const received = Buffer.from(signature);
    return expected.length === received.length && timingSafeEqual(expected, received);
  }
}

/** Thrown for frames that are not a valid, correctly signed message; the caller drops them. */
export class InvalidMessage extends Error {}

export function decode(frames: Buffer[], signer: Signer): Message {
  const at = frames.findIndex((frame) => frame.equals(DELIMITER));
  if (at < 0 || frames.length < at + 6) {
    throw new InvalidMessage("message without delimiter or with missing frames");
  }
  const signature = frames[at + 1].toString("ascii");
  const parts = frames.slice(at + 2, at + 6);
  if (!signer.verify(signature, parts)) {
    throw new InvalidMessage("invalid HMAC signature");
  }
  let parsed: unknown[];
  try {
    parsed = parts.map((part) => JSON.parse(part.toString("utf8")) as unknown);
  } catch (error) {
    throw new InvalidMessage(`a frame is not JSON: ${String(error)}`);
  }
  // A correctly signed message is still checked before use: every later step relies on these types.
  const [header, parent_header, metadata, content] = parsed;
  if (!isObject(header) || typeof header.msg_type !== "string" || typeof header.msg_id !== "string") {
    throw new InvalidMessage("the header is not an object with string msg_id and msg_type");
  }
  for (const [name, frame] of [["parent_header", parent_header], ["metadata", metadata], ["content", content]] as const) {
    if (!isObject(frame)) {
      throw new InvalidMessage(`${name} is not an object`);
    }
  }
  return {
    identities: frames.slice(0, at),
    header: header as unknown as Header,
    parent_header: parent_header as Partial<Header>,
    metadata: metadata as JsonObject,
    content: content as JsonObject,
    buffers: frames.slice(at + 6),
  };
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Cursor positions on the wire count Unicode code points (protocol 5.2+), while JavaScript strings
 * and TypeScript's language service count UTF-16 units: an astral character (an emoji) is one of
 * the first and two of the second. The kernel converts at the protocol boundary.
 */
export function codePointsToUtf16(text: string, codePoints: number): number {
  let units = 0;
  for (let seen = 0; seen < codePoints && units < text.length; seen++) {
    units += (text.codePointAt(units) ?? 0) > 0xffff ? 2 : 1;
  }
  return units;
}

export function utf16ToCodePoints(text: string, units: number): number {
  let codePoints = 0;
  for (let i = 0; i < units && i < text.length; codePoints++) {
    i += (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
  }
  return codePoints;
}

export function encode(message: Message<unknown>, signer: Signer): Buffer[] {
  const parts = [message.header, message.parent_header, message.metadata, message.content].map((part) =>
    Buffer.from(JSON.stringify(part), "utf8"),
  );
  return [...message.identities, DELIMITER, Buffer.from(signer.sign(parts), "ascii"), ...parts, ...message.buffers];
}

export function newHeader(msg_type: string, session: string, username: string): Header {
  return { msg_id: randomUUID(), session, username, date: new Date().toISOString(), msg_type, version: PROTOCOL_VERSION };
}

/**
 * zeromq 6 allows one send in flight per socket (a second one fails with EBUSY), while replies,
 * streams and status messages are produced concurrently; this queue serialises them in order.
 */
export class SocketWriter {
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly socket: zmq.Writable & zmq.Socket, private readonly onError: (e: unknown) => void) {}

  send(frames: Buffer[]): Promise<void> {
    this.tail = this.tail.then(
      () => (this.socket.closed ? undefined : this.socket.send(frames)),
    ).catch(this.onError);
    return this.tail;
  }

  /** Resolves once everything queued so far is handed to ZeroMQ. */
  flushed(): Promise<void> {
    return this.tail;
  }
}
