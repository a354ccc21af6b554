/**
 * LAPACK's dgeev for a real general matrix, step for step as NumPy's np.linalg.eig runs it, so that the
 * eigenvalues come in LAPACK's order and each eigenvector with LAPACK's sign: dgebal (permute and scale),
 * dgehrd + dorghr (Householder to Hessenberg form, and Q), dlahqr (Francis double-shift QR to the real
 * Schur form T, the 2×2 blocks standardised by dlanv2), dtrevc3 (T's eigenvectors by back-substitution,
 * times Q), dgebak, then each vector to unit length. Matrices are row-major n×n arrays of float64 values;
 * indices are 0-based where LAPACK's are 1-based. Only real spectra are finished: a 2×2 block left in T is
 * a complex conjugate pair, reported to the caller (np.linalg has no complex arrays).
 */

const ULP = 2 ** -52;
const SAFMIN = 2 ** -1022;
const SMLNUM = SAFMIN * (1 / ULP);

/** Fortran's SIGN(a, b): |a| with b's sign (a negative zero's included). */
const sign = (a: number, b: number): number => (b > 0 || Object.is(b, 0) ? Math.abs(a) : -Math.abs(a));

/** The outcome: eigenvalues (real parts), their imaginary parts, and the unit eigenvectors as columns. */
export interface Eig {
  wr: number[];
  wi: number[];
  vr: number[];
}

/** dgebal('B'): isolates eigenvalues by permutation, then scales rows and columns by powers of 2. */
function balance(a: number[], n: number): { ilo: number; ihi: number; scale: number[] } {
  const at = (i: number, j: number): number => a[i * n + j];
  const scale = new Array<number>(n).fill(1);
  let k = 0;
  let l = n - 1;
  const swap = (j: number, m: number): void => {
    scale[m] = j;
    if (j === m) return;
    for (let i = 0; i <= l; i++) [a[i * n + j], a[i * n + m]] = [a[i * n + m], a[i * n + j]];
    for (let c = k; c < n; c++) [a[j * n + c], a[m * n + c]] = [a[m * n + c], a[j * n + c]];
  };
  // Rows isolating an eigenvalue go to the bottom.
  rows: for (;;) {
    for (let j = l; j >= 0; j--) {
      let zero = true;
      for (let i = 0; i <= l && zero; i++) if (i !== j && at(j, i) !== 0) zero = false;
      if (!zero) continue;
      swap(j, l);
      if (l === 0) return { ilo: 0, ihi: 0, scale };
      l--;
      continue rows;
    }
    break;
  }
  // Columns isolating an eigenvalue go to the left.
  cols: for (;;) {
    for (let j = k; j <= l; j++) {
      let zero = true;
      for (let i = k; i <= l && zero; i++) if (i !== j && at(i, j) !== 0) zero = false;
      if (!zero) continue;
      swap(j, k);
      k++;
      continue cols;
    }
    break;
  }
  for (let i = k; i <= l; i++) scale[i] = 1;
  const SCLFAC = 2;
  const FACTOR = 0.95;
  const SFMIN1 = SAFMIN / ULP;
  const SFMAX1 = 1 / SFMIN1;
  const SFMIN2 = SFMIN1 * SCLFAC;
  const SFMAX2 = 1 / SFMIN2;
  for (let noconv = true; noconv; ) {
    noconv = false;
    for (let i = k; i <= l; i++) {
      let c = 0;
      let r = 0;
      for (let j = k; j <= l; j++) {
        c += at(j, i) ** 2;
        r += at(i, j) ** 2;
      }
      c = Math.sqrt(c);
      r = Math.sqrt(r);
      let ca = 0;
      for (let j = 0; j <= l; j++) ca = Math.max(ca, Math.abs(at(j, i)));
      let ra = 0;
      for (let j = k; j < n; j++) ra = Math.max(ra, Math.abs(at(i, j)));
      if (c === 0 || r === 0) continue;
      let g = r / SCLFAC;
      let f = 1;
      const s = c + r;
      while (!(c >= g || Math.max(f, c, ca) >= SFMAX2 || Math.min(r, g, ra) <= SFMIN2)) {
        f *= SCLFAC;
        c *= SCLFAC;
        ca *= SCLFAC;
        r /= SCLFAC;
        g /= SCLFAC;
        ra /= SCLFAC;
      }
      g = c / SCLFAC;
      while (!(g < r || Math.max(r, ra) >= SFMAX2 || Math.min(f, c, g, ca) <= SFMIN2)) {
        f /= SCLFAC;
        c /= SCLFAC;
        g /= SCLFAC;
        ca /= SCLFAC;
        r *= SCLFAC;
        ra *= SCLFAC;
      }
      if (c + r >= FACTOR * s) continue;
      if (f < 1 && scale[i] < 1 && f * scale[i] <= SFMIN1) continue;
      if (f > 1 && scale[i] > 1 && scale[i] >= SFMAX1 / f) continue;
      scale[i] *= f;
      noconv = true;
      for (let j = k; j < n; j++) a[i * n + j] /= f;
      for (let j = 0; j <= l; j++) a[j * n + i] *= f;
    }
  }
  return { ilo: k, ihi: l, scale };
}

/** dlarfg on [alpha, ...x]: overwrites it with [beta, ...v] (v the reflector's tail) and returns tau. */
function householder(v: number[]): number {
  let xnorm = 0;
  for (let i = 1; i < v.length; i++) xnorm = Math.hypot(xnorm, v[i]);
  if (xnorm === 0) return 0;
  const alpha = v[0];
  const beta = -sign(Math.hypot(alpha, xnorm), alpha);
  for (let i = 1; i < v.length; i++) v[i] /= alpha - beta;
  v[0] = beta;
  return (beta - alpha) / beta;
}

/** dgehrd then dorghr: `a` becomes upper Hessenberg (rows and columns ilo..ihi), and Q is returned. */
function hessenberg(a: number[], n: number, ilo: number, ihi: number): number[] {
  const q = Array.from({ length: n * n }, (_, k) => +(Math.floor(k / n) === k % n));
  const reflectors: [number, number[], number][] = [];
  for (let i = ilo; i < ihi - 1; i++) {
    const v = [];
    for (let r = i + 1; r <= ihi; r++) v.push(a[r * n + i]);
    const tau = householder(v);
    a[(i + 1) * n + i] = v[0];
    for (let r = i + 2; r <= ihi; r++) a[r * n + i] = 0;
    v[0] = 1;
    reflectors.push([i, v, tau]);
    if (tau === 0) continue;
    // A := H A H on the trailing block (rows 0..ihi from the right, columns i+1..n-1 from the left).
    for (let r = 0; r <= ihi; r++) {
      let s = 0;
      for (let t = 0; t < v.length; t++) s += a[r * n + i + 1 + t] * v[t];
      s *= tau;
      for (let t = 0; t < v.length; t++) a[r * n + i + 1 + t] -= s * v[t];
    }
    for (let c = i + 1; c < n; c++) {
      let s = 0;
      for (let t = 0; t < v.length; t++) s += a[(i + 1 + t) * n + c] * v[t];
      s *= tau;
      for (let t = 0; t < v.length; t++) a[(i + 1 + t) * n + c] -= s * v[t];
    }
  }
  // Q = H(ilo) H(ilo+1) ... : applied to the identity from the last reflector back.
  for (const [i, v, tau] of reflectors.reverse()) {
    if (tau === 0) continue;
    for (let c = i + 1; c <= ihi; c++) {
      let s = 0;
      for (let t = 0; t < v.length; t++) s += q[(i + 1 + t) * n + c] * v[t];
      s *= tau;
      for (let t = 0; t < v.length; t++) q[(i + 1 + t) * n + c] -= s * v[t];
    }
  }
  return q;
}

/** drot on two strided vectors of `count` elements: x := c x + s y, y := c y - s x. */
function rot(h: number[], x: number, y: number, stride: number, count: number, c: number, s: number): void {
  for (let t = 0; t < count; t++) {
    const xv = h[x + t * stride];
    const yv = h[y + t * stride];
    h[x + t * stride] = c * xv + s * yv;
    h[y + t * stride] = c * yv - s * xv;
  }
}

/** dlanv2: the Schur factorisation of a real 2×2 block, [a, b, c, d] standardised in place; returns [cs, sn]. */
function standardise(m: number[]): [number, number] {
  let [a, b, c, d] = m;
  let cs = 1;
  let sn = 0;
  if (c === 0) {
    // already upper triangular
  } else if (b === 0) {
    cs = 0;
    sn = 1;
    [a, d] = [d, a];
    b = -c;
    c = 0;
  } else if (a - d === 0 && sign(1, b) !== sign(1, c)) {
    // complex, already standard
  } else {
    let temp = a - d;
    let p = 0.5 * temp;
    const bcmax = Math.max(Math.abs(b), Math.abs(c));
    const bcmis = Math.min(Math.abs(b), Math.abs(c)) * sign(1, b) * sign(1, c);
    let scale = Math.max(Math.abs(p), bcmax);
    let z = (p / scale) * p + (bcmax / scale) * bcmis;
    if (z >= 4 * ULP) {
      z = p + sign(Math.sqrt(scale) * Math.sqrt(z), p);
      a = d + z;
      d = d - (bcmax / z) * bcmis;
      const tau = Math.hypot(c, z);
      cs = z / tau;
      sn = c / tau;
      b = b - c;
      c = 0;
    } else {
      const sigma = b + c;
      scale = Math.max(Math.abs(temp), Math.abs(sigma));
      p = 0.5 * temp;
      let tau = Math.hypot(sigma, temp);
      cs = Math.sqrt(0.5 * (1 + Math.abs(sigma) / tau));
      sn = -(p / (tau * cs)) * sign(1, sigma);
      const aa = a * cs + b * sn;
      const bb = -a * sn + b * cs;
      const cc = c * cs + d * sn;
      const dd = -c * sn + d * cs;
      a = aa * cs + cc * sn;
      b = bb * cs + dd * sn;
      c = -aa * sn + cc * cs;
      d = -bb * sn + dd * cs;
      temp = 0.5 * (a + d);
      a = temp;
      d = temp;
      if (c !== 0) {
        if (b !== 0) {
          if (sign(1, b) === sign(1, c)) {
            const sab = Math.sqrt(Math.abs(b));
            const sac = Math.sqrt(Math.abs(c));
            p = sign(sab * sac, c);
            tau = 1 / Math.sqrt(Math.abs(b + c));
            a = temp + p;
            d = temp - p;
            b = b - c;
            c = 0;
            const cs1 = sab * tau;
            const sn1 = sac * tau;
            temp = cs * cs1 - sn * sn1;
            sn = cs * sn1 + sn * cs1;
            cs = temp;
          }
        } else {
          b = -c;
          c = 0;
          temp = cs;
          cs = -sn;
          sn = temp;
        }
      }
    }
  }
  m[0] = a;
  m[1] = b;
  m[2] = c;
  m[3] = d;
  return [cs, sn];
}

/** dlahqr(wantt, wantz): h to real Schur form, z accumulating the transformations; false when it does not converge. */
function schur(h: number[], z: number[], n: number, ilo: number, ihi: number, wr: number[], wi: number[]): boolean {
  const H = (i: number, j: number): number => h[i * n + j];
  for (let j = ilo; j <= ihi - 3; j++) {
    h[(j + 2) * n + j] = 0;
    h[(j + 3) * n + j] = 0;
  }
  if (ilo <= ihi - 2) h[ihi * n + ihi - 2] = 0;
  const nh = ihi - ilo + 1;
  const itmax = 30 * Math.max(10, nh);
  let kdefl = 0;
  let i = ihi;
  while (i >= ilo) {
    let l = ilo;
    let converged = false;
    for (let its = 0; its <= itmax; its++) {
      let k: number;
      for (k = i; k > l; k--) {
        if (Math.abs(H(k, k - 1)) <= SMLNUM) break;
        let tst = Math.abs(H(k - 1, k - 1)) + Math.abs(H(k, k));
        if (tst === 0) {
          if (k - 2 >= ilo) tst += Math.abs(H(k - 1, k - 2));
          if (k + 1 <= ihi) tst += Math.abs(H(k + 1, k));
        }
        if (Math.abs(H(k, k - 1)) <= ULP * tst) {
          const ab = Math.max(Math.abs(H(k, k - 1)), Math.abs(H(k - 1, k)));
          const ba = Math.min(Math.abs(H(k, k - 1)), Math.abs(H(k - 1, k)));
          const aa = Math.max(Math.abs(H(k, k)), Math.abs(H(k - 1, k - 1) - H(k, k)));
          const bb = Math.min(Math.abs(H(k, k)), Math.abs(H(k - 1, k - 1) - H(k, k)));
          const s = aa + ab;
          if (ba * (ab / s) <= Math.max(SMLNUM, ULP * (bb * (aa / s)))) break;
        }
      }
      l = k;
      if (l > ilo) h[l * n + l - 1] = 0;
      if (l >= i - 1) {
        converged = true;
        break;
      }
      kdefl++;
      let h11: number, h12: number, h21: number, h22: number;
      if (kdefl % 20 === 0) {
        const s = Math.abs(H(i, i - 1)) + Math.abs(H(i - 1, i - 2));
        h11 = 0.75 * s + H(i, i);
        h12 = -0.4375 * s;
        h21 = s;
        h22 = h11;
      } else if (kdefl % 10 === 0) {
        const s = Math.abs(H(l + 1, l)) + Math.abs(H(l + 2, l + 1));
        h11 = 0.75 * s + H(l, l);
        h12 = -0.4375 * s;
        h21 = s;
        h22 = h11;
      } else {
        h11 = H(i - 1, i - 1);
        h21 = H(i, i - 1);
        h12 = H(i - 1, i);
        h22 = H(i, i);
      }
      let rt1r = 0, rt1i = 0, rt2r = 0, rt2i = 0;
      const s0 = Math.abs(h11) + Math.abs(h12) + Math.abs(h21) + Math.abs(h22);
      if (s0 !== 0) {
        h11 /= s0;
        h21 /= s0;
        h12 /= s0;
        h22 /= s0;
        const tr = (h11 + h22) / 2;
        const det = (h11 - tr) * (h22 - tr) - h12 * h21;
        const rtdisc = Math.sqrt(Math.abs(det));
        if (det >= 0) {
          rt1r = tr * s0;
          rt2r = rt1r;
          rt1i = rtdisc * s0;
          rt2i = -rt1i;
        } else {
          rt1r = tr + rtdisc;
          rt2r = tr - rtdisc;
          if (Math.abs(rt1r - h22) <= Math.abs(rt2r - h22)) rt2r = rt1r = rt1r * s0;
          else rt1r = rt2r = rt2r * s0;
        }
      }
      const v = [0, 0, 0];
      let m: number;
      for (m = i - 2; m >= l; m--) {
        let h21s = H(m + 1, m);
        let s = Math.abs(H(m, m) - rt2r) + Math.abs(rt2i) + Math.abs(h21s);
        h21s = H(m + 1, m) / s;
        v[0] = h21s * H(m, m + 1) + (H(m, m) - rt1r) * ((H(m, m) - rt2r) / s) - rt1i * (rt2i / s);
        v[1] = h21s * (H(m, m) + H(m + 1, m + 1) - rt1r - rt2r);
        v[2] = h21s * H(m + 2, m + 1);
        s = Math.abs(v[0]) + Math.abs(v[1]) + Math.abs(v[2]);
        v[0] /= s;
        v[1] /= s;
        v[2] /= s;
        if (m === l) break;
        const h00 = Math.abs(H(m, m - 1)) * (Math.abs(v[1]) + Math.abs(v[2]));
        const h01 = Math.abs(v[0]) * (Math.abs(H(m - 1, m - 1)) + Math.abs(H(m, m)) + Math.abs(H(m + 1, m + 1)));
        if (h00 <= ULP * h01) break;
      }
      for (let k2 = m; k2 <= i - 1; k2++) {
        const nr = Math.min(3, i - k2 + 1);
        if (k2 > m) for (let t = 0; t < nr; t++) v[t] = H(k2 + t, k2 - 1);
        const w = v.slice(0, nr);
        const t1 = householder(w);
        for (let t = 0; t < nr; t++) v[t] = w[t];
        if (k2 > m) {
          h[k2 * n + k2 - 1] = v[0];
          h[(k2 + 1) * n + k2 - 1] = 0;
          if (k2 < i - 1) h[(k2 + 2) * n + k2 - 1] = 0;
        } else if (m > l) {
          h[k2 * n + k2 - 1] *= 1 - t1;
        }
        const v2 = v[1];
        const t2 = t1 * v2;
        const v3 = nr === 3 ? v[2] : 0;
        const t3 = t1 * v3;
        for (let j = k2; j < n; j++) {
          const sum = H(k2, j) + v2 * H(k2 + 1, j) + (nr === 3 ? v3 * H(k2 + 2, j) : 0);
          h[k2 * n + j] -= sum * t1;
          h[(k2 + 1) * n + j] -= sum * t2;
          if (nr === 3) h[(k2 + 2) * n + j] -= sum * t3;
        }
        for (let j = 0; j <= Math.min(k2 + 3, i); j++) {
          const sum = H(j, k2) + v2 * H(j, k2 + 1) + (nr === 3 ? v3 * H(j, k2 + 2) : 0);
          h[j * n + k2] -= sum * t1;
          h[j * n + k2 + 1] -= sum * t2;
          if (nr === 3) h[j * n + k2 + 2] -= sum * t3;
        }
        for (let j = ilo; j <= ihi; j++) {
          const sum = z[j * n + k2] + v2 * z[j * n + k2 + 1] + (nr === 3 ? v3 * z[j * n + k2 + 2] : 0);
          z[j * n + k2] -= sum * t1;
          z[j * n + k2 + 1] -= sum * t2;
          if (nr === 3) z[j * n + k2 + 2] -= sum * t3;
        }
      }
    }
    if (!converged) return false;
    if (l === i) {
      wr[i] = H(i, i);
      wi[i] = 0;
    } else {
      const block = [H(i - 1, i - 1), H(i - 1, i), H(i, i - 1), H(i, i)];
      const [cs, sn] = standardise(block);
      [h[(i - 1) * n + i - 1], h[(i - 1) * n + i], h[i * n + i - 1], h[i * n + i]] = block;
      wr[i - 1] = block[0];
      wr[i] = block[3];
      wi[i - 1] = block[2] === 0 ? 0 : Math.sqrt(Math.abs(block[1])) * Math.sqrt(Math.abs(block[2]));
      wi[i] = -wi[i - 1];
      if (n - 1 > i) rot(h, (i - 1) * n + i + 1, i * n + i + 1, 1, n - 1 - i, cs, sn);
      rot(h, i - 1, i, n, i - 1, cs, sn);
      rot(z, ilo * n + i - 1, ilo * n + i, n, ihi - ilo + 1, cs, sn);
    }
    kdefl = 0;
    i = l - 1;
  }
  return true;
}

/**
 * dgeev('N', 'V') of a row-major n×n matrix: null when the QR iteration does not converge. Eigenvectors are
 * computed only when every eigenvalue is real (`wi` all zero); otherwise `vr` is empty.
 */
export function dgeev(values: readonly number[], n: number): Eig | null {
  const a = values.slice();
  const { ilo, ihi, scale } = balance(a, n);
  const q = hessenberg(a, n, ilo, ihi);
  const wr = new Array<number>(n).fill(0);
  const wi = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) if (i < ilo || i > ihi) wr[i] = a[i * n + i];
  if (!schur(a, q, n, ilo, ihi, wr, wi)) return null;
  if (wi.some((w) => w !== 0)) return { wr, wi, vr: [] };
  // dtrevc3: T's eigenvectors by back-substitution, times Q, each scaled to a largest entry of 1.
  const vr = q;
  for (let ki = n - 1; ki >= 0; ki--) {
    const w = a[ki * n + ki];
    const smin = Math.max(ULP * Math.abs(w), SMLNUM);
    const x = new Array<number>(ki + 1);
    x[ki] = 1;
    for (let k = 0; k < ki; k++) x[k] = -a[k * n + ki];
    for (let j = ki - 1; j >= 0; j--) {
      let d = a[j * n + j] - w;
      if (Math.abs(d) < smin) d = smin;
      x[j] /= d;
      for (let k = 0; k < j; k++) x[k] -= x[j] * a[k * n + j];
    }
    for (let r = 0; r < n; r++) {
      let s = x[ki] * vr[r * n + ki];
      for (let k = 0; k < ki; k++) s += vr[r * n + k] * x[k];
      vr[r * n + ki] = s;
    }
    let emax = 0;
    for (let r = 0; r < n; r++) emax = Math.max(emax, Math.abs(vr[r * n + ki]));
    const remax = 1 / emax;
    for (let r = 0; r < n; r++) vr[r * n + ki] *= remax;
  }
  // dgebak: undo the scaling, then the permutations.
  // (When ilo == ihi, scale[ilo] is the permutation's entry, not a scale.)
  if (ilo !== ihi) for (let i = ilo; i <= ihi; i++) for (let c = 0; c < n; c++) vr[i * n + c] *= scale[i];
  const swapRows = (i: number, k: number): void => {
    if (i === k) return;
    for (let c = 0; c < n; c++) [vr[i * n + c], vr[k * n + c]] = [vr[k * n + c], vr[i * n + c]];
  };
  for (let i = ilo - 1; i >= 0; i--) swapRows(i, scale[i]);
  for (let i = ihi + 1; i < n; i++) swapRows(i, scale[i]);
  for (let c = 0; c < n; c++) {
    let norm = 0;
    for (let r = 0; r < n; r++) norm = Math.hypot(norm, vr[r * n + c]);
    const scl = 1 / norm;
    for (let r = 0; r < n; r++) vr[r * n + c] *= scl;
  }
  return { wr, wi, vr };
}
