/** NumPy as notebooks use it, `np` in every notebook's scope (kernel/prelude.ts). */
export * as random from "./random";
