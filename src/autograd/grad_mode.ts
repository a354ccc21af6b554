/** Whether ops record the graph. `torch.no_grad(fn)` switches it off for the duration of fn. */
let enabled = true;

export function is_grad_enabled(): boolean {
  return enabled;
}

export function set_grad_enabled(mode: boolean): void {
  enabled = mode;
}

function withMode<T>(mode: boolean, fn: () => T): T {
  const prev = enabled;
  enabled = mode;
  let result: T;
  try {
    result = fn();
  } catch (e) {
    enabled = prev;
    throw e;
  }
  if (result instanceof Promise) {
    // An async body keeps the mode until it settles, as `with torch.no_grad():` around awaits does.
    return result.finally(() => {
      enabled = prev;
    }) as unknown as T;
  }
  enabled = prev;
  return result;
}

/**
 * Runs `fn` without recording the autograd graph and returns its result.
 *
 * @example
 * const pred = torch.no_grad(() => net(x));
 */
export function no_grad<T>(fn: () => T): T {
  return withMode(false, fn);
}

/** Runs `fn` with graph recording switched on, even inside no_grad. */
export function enable_grad<T>(fn: () => T): T {
  return withMode(true, fn);
}
