/**
 * PyTorch's one-time UserWarnings (deprecations, "lazy modules are experimental", copy-construct
 * advice): Python's default warning filter shows a warning from one call site once per session, so
 * `warnOnce(message)` emits a message the first time it is given and never again.
 */
const shown = new Set<string>();

export function warnOnce(message: string): void {
  if (shown.has(message)) return;
  shown.add(message);
  process.emitWarning(message, "UserWarning");
}
