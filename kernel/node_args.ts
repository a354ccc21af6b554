/**
 * The V8 flags of a kernel process (issue 12's start target), given wherever one is launched: by
 * the supervisor (kernel/supervisor.ts), by the grader's sandbox (kernel/course/sandbox.ts), and to
 * the startup snapshot's build and probe (kernel/declarations.ts), since V8 refuses a snapshot
 * built under other flags. Flags of this process only: nothing is changed for other programs.
 *
 * `--interrupt-budget`: how much bytecode a function runs between V8's checks of whether to
 * optimize it. Most of a start is TypeScript's checker running the prelude cell once; at V8's
 * default (66 KB) much of that code is profiled and optimized mid-way, then barely run again. With
 * 8x the budget, measured here (2 cores, in-process session + prelude + first cell, process CPU,
 * alternating runs): ~2.7 -> ~2.2 s of CPU, the first cell's compile ~130 -> ~60 ms. Code that keeps
 * running (a training loop) is optimized all the same, a few milliseconds later.
 */
export const KERNEL_V8_FLAGS: readonly string[] = ["--interrupt-budget=540672"];

/**
 * Set in a kernel process's environment (to its heap limit in MB): the kernel runs there, not
 * another supervisor. Here, with nothing to load, so that a kernel process need not load the supervisor.
 */
export const SUPERVISED_ENV = "TORCHLAB_KERNEL_SUPERVISED";

/** The Node options of a kernel process under a heap limit of `heapMb` MB. */
export function kernelNodeArgs(heapMb: number): string[] {
  return [`--max-old-space-size=${heapMb}`, ...KERNEL_V8_FLAGS];
}

/**
 * `1` starts kernels from the startup snapshot of parsed declarations; off by default, for the
 * reasons kernel/declarations.ts gives. Here, so that a start without it never loads that module early.
 */
export const SNAPSHOT_ENV = "TORCHLAB_KERNEL_SNAPSHOT";

export function snapshotEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[SNAPSHOT_ENV] === "1";
}
