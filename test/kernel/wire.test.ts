/** Message framing and signatures: what the kernel's HMAC check rests on. */
import { codePointsToUtf16, decode, encode, InvalidMessage, newHeader, Signer, utf16ToCodePoints } from "../../kernel/wire";

const message = () => ({
  identities: [Buffer.from("client-1")],
  header: newHeader("execute_request", "s", "u"),
  parent_header: {},
  metadata: {},
  content: { code: "1 + 1" },
  buffers: [],
});

describe("wire", () => {
  const signer = new Signer("secret", "hmac-sha256");

  test("a signed message round-trips with its routing identity", () => {
    const m = message();
    const back = decode(encode(m, signer), signer);
    expect(back.identities).toEqual(m.identities);
    expect(back.header).toEqual(m.header);
    expect(back.content).toEqual({ code: "1 + 1" });
  });

  test("a message signed with another key is rejected", () => {
    const frames = encode(message(), new Signer("other", "hmac-sha256"));
    expect(() => decode(frames, signer)).toThrow(InvalidMessage);
  });

  test("a tampered content frame is rejected", () => {
    const frames = encode(message(), signer);
    frames[frames.length - 1] = Buffer.from(JSON.stringify({ code: "process.exit()" }));
    expect(() => decode(frames, signer)).toThrow("invalid HMAC signature");
  });

  test("an unsigned message is rejected when a key is set, accepted when the key is empty", () => {
    const frames = encode(message(), new Signer("", "hmac-sha256"));
    expect(() => decode(frames, signer)).toThrow(InvalidMessage);
    expect(decode(frames, new Signer("", "")).content).toEqual({ code: "1 + 1" });
  });

  test("frames without the delimiter are rejected", () => {
    expect(() => decode([Buffer.from("x")], signer)).toThrow("without delimiter");
  });

  test("signed frames of the wrong type are rejected before use", () => {
    const signed = (parts: unknown[]) => {
      const raw = parts.map((p) => Buffer.from(typeof p === "string" && p.startsWith("RAW:") ? p.slice(4) : JSON.stringify(p)));
      return [Buffer.from("<IDS|MSG>"), Buffer.from(signer.sign(raw)), ...raw];
    };
    const header = newHeader("kernel_info_request", "s", "u");
    for (const bad of [null, [1, 2, 3], "x", 5, { msg_type: 1, msg_id: "a" }]) {
      expect(() => decode(signed([bad, {}, {}, {}]), signer)).toThrow("the header is not an object");
    }
    expect(() => decode(signed([header, null, {}, {}]), signer)).toThrow("parent_header is not an object");
    expect(() => decode(signed([header, {}, [], {}]), signer)).toThrow("metadata is not an object");
    expect(() => decode(signed([header, {}, {}, "c"]), signer)).toThrow("content is not an object");
    expect(() => decode(signed([header, {}, {}, "RAW:{oops"]), signer)).toThrow("a frame is not JSON");
    expect(decode(signed([header, {}, {}, {}]), signer).header.msg_type).toBe("kernel_info_request");
  });
});

describe("cursor positions", () => {
  // "🔥" is one code point (the protocol's unit) and two UTF-16 units (JavaScript's).
  const code = 'const f = "🔥🔥";\ntorch.ra';

  test("code points and UTF-16 offsets convert both ways around astral characters", () => {
    const points = [...code].length;
    expect(points).toBe(code.length - 2);
    expect(codePointsToUtf16(code, points)).toBe(code.length);
    expect(utf16ToCodePoints(code, code.length)).toBe(points);
    expect(codePointsToUtf16(code, 11)).toBe(11); // just before the first flame
    expect(codePointsToUtf16(code, 12)).toBe(13);
    expect(utf16ToCodePoints(code, 15)).toBe(13);
  });

  test("positions past the end clamp to the end", () => {
    expect(codePointsToUtf16(code, 10_000)).toBe(code.length);
    expect(utf16ToCodePoints(code, 10_000)).toBe([...code].length);
  });
});
