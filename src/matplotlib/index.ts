/**
 * matplotlib as a notebook imports it: `matplotlib.pyplot` is the `plt` every notebook has
 * (src/matplotlib/pyplot.ts).
 */
export * as pyplot from "./pyplot";
