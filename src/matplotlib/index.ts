/**
 * matplotlib as a notebook imports it: `matplotlib.pyplot` is the `plt` every notebook has
 * (src/matplotlib/pyplot.ts).
 */
export * as pyplot from "./pyplot";
/**
 * `matplotlib.colors.ListedColormap(['#FFAAAA', '#AAAAFF'])`, `to_hex` (src/matplotlib/colors.ts),
 * required on first use as pyplot's drawing code is, so that the kernel's start does not load the colour tables.
 */
export const colors: typeof import("./colors") = new Proxy({} as typeof import("./colors"), {
  get: (_target, prop) => (require("./colors") as Record<string | symbol, unknown>)[prop],
});
/** `import matplotlib as mpl; mpl.rcParams['image.cmap'] = 'gray'`: the rcParams pyplot reads (src/matplotlib/style.ts). */
export { cycler, rc, rcdefaults, rcParams } from "./style";
