/**
 * matplotlib as a notebook imports it: `matplotlib.pyplot` is the `plt` every notebook has
 * (src/matplotlib/pyplot.ts).
 */
export * as pyplot from "./pyplot";
/** `import matplotlib as mpl; mpl.rcParams['image.cmap'] = 'gray'`: the rcParams pyplot reads (src/matplotlib/style.ts). */
export { cycler, rc, rcdefaults, rcParams } from "./style";
