/**
 * Cephes' float32 polynomials for log and sincos as avx_mathfun's log256_ps / sincos256_ps carry them
 * (PyTorch's float32 normal fill), rounded to float32 once here: the scalar Box-Muller of
 * tensor/random.ts and its WebAssembly SIMD twin (backend/simd_normal.ts) read the same constants, so
 * the two fills cannot drift apart.
 */
const fround = Math.fround;

/** log: the degree-8 polynomial of the mantissa, highest power first. */
export const LOG_P: readonly number[] = [
  7.0376836292e-2, -1.151461031e-1, 1.167699874e-1, -1.2420140846e-1, 1.4249322787e-1, -1.6668057665e-1, 2.0000714765e-1,
  -2.4999993993e-1, 3.3333331174e-1,
].map(fround);
/** log: ln 2 split in two, the exponent's low and high parts. */
export const LOG_Q1 = fround(-2.1219444e-4);
export const LOG_Q2 = fround(0.693359375);
export const SQRTHF = fround(0.707106781186547524);
/** sincos: -pi/4 split in three for the extended-precision argument reduction. */
export const DP: readonly number[] = [-0.78515625, -2.4187564849853515625e-4, -3.77489497744594108e-8].map(fround);
export const SIN_P: readonly number[] = [-1.9515295891e-4, 8.3321608736e-3, -1.6666654611e-1].map(fround);
export const COS_P: readonly number[] = [2.443315711809948e-5, -1.388731625493765e-3, 4.166664568298827e-2].map(fround);
/** 4 / pi. */
export const FOPI = fround(1.27323954473516);
/** 2 pi, the Box-Muller angle's scale. */
export const FTWO_PI = fround(2 * Math.PI);
