/**
 * What a suite's tests write to stderr (matplotlib's warnings go there), captured test by test instead of
 * printed: call at the top level of the suite; `text()` is what the running test wrote so far.
 */
export function capturedStderr(): { text(): string } {
  let written: string[] = [];
  let spy: jest.SpyInstance;
  beforeEach(() => {
    written = [];
    spy = jest.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
  });
  afterEach(() => spy.mockRestore());
  return { text: () => written.join("") };
}
