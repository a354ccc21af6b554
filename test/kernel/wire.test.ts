/** Message framing and signatures: what the kernel's HMAC check rests on. */
import { decode, encode, InvalidMessage, newHeader, Signer } from "../../kernel/wire";

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
});
