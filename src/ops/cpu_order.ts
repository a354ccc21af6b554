/**
 * The order PyTorch's CPU kernels leave equal values in, where they use libstdc++'s unstable
 * algorithms on (value, index) pairs:
 * - topk (ATen's TopKImpl.h) runs std::partial_sort when k * 64 <= n, else std::nth_element at k - 1
 *   followed (sorted=True) by std::sort of the first k - 1; which of several equal values it returns
 *   is whatever those leave there (`torch.topk(torch.tensor([1, 3, 3, 2, 3]), 2)` picks indices 2 and 4);
 * - sort / argsort with stable=False (their default) run std::sort, which is stable only up to 16
 *   elements (insertion sort) and reorders ties beyond.
 * - unique(sorted=True) over all elements std::sorts its hash set's values with a bare `<`, under
 *   which NaN is neither smaller nor larger than anything (`unique([2., nan, 1.])` is [1., nan, 2.]).
 * These are the same sequences of comparisons and swaps (bits/stl_algo.h, bits/stl_heap.h). And
 * kthvalue runs ATen's own quickselect (quick_select_template in SortingUtils.h): kthValueIndex.
 */

/** One row's candidates: `val[i]`, `idx[i]`, permuted together. */
interface Row {
  val: Float64Array;
  idx: Int32Array;
}
type Less = (av: number, bv: number) => boolean;

/** NaN ranks above every number, as in ATen's comparators. */
const greater: Less = (a, b) => (Number.isNaN(a) && !Number.isNaN(b)) || a > b;
const smaller: Less = (a, b) => (!Number.isNaN(a) && Number.isNaN(b)) || a < b;

function swap(r: Row, i: number, j: number): void {
  const v = r.val[i];
  r.val[i] = r.val[j];
  r.val[j] = v;
  const x = r.idx[i];
  r.idx[i] = r.idx[j];
  r.idx[j] = x;
}

const lg = (n: number): number => 31 - Math.clz32(n);

// --- heap (bits/stl_heap.h) ----------------------------------------------------------------------

function pushHeap(r: Row, first: number, hole: number, top: number, v: number, x: number, less: Less): void {
  let parent = Math.floor((hole - 1) / 2);
  while (hole > top && less(r.val[first + parent], v)) {
    r.val[first + hole] = r.val[first + parent];
    r.idx[first + hole] = r.idx[first + parent];
    hole = parent;
    parent = Math.floor((hole - 1) / 2);
  }
  r.val[first + hole] = v;
  r.idx[first + hole] = x;
}

function adjustHeap(r: Row, first: number, hole: number, len: number, v: number, x: number, less: Less): void {
  const top = hole;
  let child = hole;
  while (child < Math.floor((len - 1) / 2)) {
    child = 2 * (child + 1);
    if (less(r.val[first + child], r.val[first + child - 1])) child--;
    r.val[first + hole] = r.val[first + child];
    r.idx[first + hole] = r.idx[first + child];
    hole = child;
  }
  if ((len & 1) === 0 && child === Math.floor((len - 2) / 2)) {
    child = 2 * (child + 1);
    r.val[first + hole] = r.val[first + child - 1];
    r.idx[first + hole] = r.idx[first + child - 1];
    hole = child - 1;
  }
  pushHeap(r, first, hole, top, v, x, less);
}

function makeHeap(r: Row, first: number, last: number, less: Less): void {
  const len = last - first;
  if (len < 2) return;
  for (let parent = Math.floor((len - 2) / 2); ; parent--) {
    adjustHeap(r, first, parent, len, r.val[first + parent], r.idx[first + parent], less);
    if (parent === 0) return;
  }
}

function popHeap(r: Row, first: number, last: number, result: number, less: Less): void {
  const v = r.val[result];
  const x = r.idx[result];
  r.val[result] = r.val[first];
  r.idx[result] = r.idx[first];
  adjustHeap(r, first, 0, last - first, v, x, less);
}

function heapSelect(r: Row, first: number, middle: number, last: number, less: Less): void {
  makeHeap(r, first, middle, less);
  for (let i = middle; i < last; i++) if (less(r.val[i], r.val[first])) popHeap(r, first, middle, i, less);
}

function partialSort(r: Row, first: number, middle: number, last: number, less: Less): void {
  heapSelect(r, first, middle, last, less);
  for (let end = middle; end - first > 1; ) {
    end--;
    popHeap(r, first, end, end, less);
  }
}

// --- quicksort pieces (bits/stl_algo.h) ----------------------------------------------------------

function moveMedianToFirst(r: Row, result: number, a: number, b: number, c: number, less: Less): void {
  const v = r.val;
  if (less(v[a], v[b])) {
    if (less(v[b], v[c])) swap(r, result, b);
    else if (less(v[a], v[c])) swap(r, result, c);
    else swap(r, result, a);
  } else if (less(v[a], v[c])) swap(r, result, a);
  else if (less(v[b], v[c])) swap(r, result, c);
  else swap(r, result, b);
}

function partitionPivot(r: Row, first: number, last: number, less: Less): number {
  const mid = first + Math.floor((last - first) / 2);
  moveMedianToFirst(r, first, first + 1, mid, last - 1, less);
  let lo = first + 1;
  let hi = last;
  const v = r.val;
  for (;;) {
    while (less(v[lo], v[first])) lo++;
    hi--;
    while (less(v[first], v[hi])) hi--;
    if (!(lo < hi)) return lo;
    swap(r, lo, hi);
    lo++;
  }
}

function linearInsert(r: Row, last: number, less: Less): void {
  const v = r.val[last];
  const x = r.idx[last];
  let next = last - 1;
  while (less(v, r.val[next])) {
    r.val[last] = r.val[next];
    r.idx[last] = r.idx[next];
    last = next;
    next--;
  }
  r.val[last] = v;
  r.idx[last] = x;
}

function insertionSort(r: Row, first: number, last: number, less: Less): void {
  if (first === last) return;
  for (let i = first + 1; i < last; i++) {
    if (less(r.val[i], r.val[first])) {
      const v = r.val[i];
      const x = r.idx[i];
      r.val.copyWithin(first + 1, first, i);
      r.idx.copyWithin(first + 1, first, i);
      r.val[first] = v;
      r.idx[first] = x;
    } else linearInsert(r, i, less);
  }
}

const THRESHOLD = 16;

function introsortLoop(r: Row, first: number, last: number, depth: number, less: Less): void {
  while (last - first > THRESHOLD) {
    if (depth === 0) {
      partialSort(r, first, last, last, less);
      return;
    }
    depth--;
    const cut = partitionPivot(r, first, last, less);
    introsortLoop(r, cut, last, depth, less);
    last = cut;
  }
}

function stdSort(r: Row, first: number, last: number, less: Less): void {
  if (first === last) return;
  introsortLoop(r, first, last, lg(last - first) * 2, less);
  if (last - first > THRESHOLD) {
    insertionSort(r, first, first + THRESHOLD, less);
    for (let i = first + THRESHOLD; i < last; i++) linearInsert(r, i, less);
  } else insertionSort(r, first, last, less);
}

function nthElement(r: Row, first: number, nth: number, last: number, less: Less): void {
  if (first === last || nth === last) return;
  let depth = lg(last - first) * 2;
  while (last - first > 3) {
    if (depth === 0) {
      heapSelect(r, first, nth + 1, last, less);
      swap(r, first, nth);
      return;
    }
    depth--;
    const cut = partitionPivot(r, first, last, less);
    if (cut <= nth) first = cut;
    else last = cut;
  }
  insertionSort(r, first, last, less);
}

/**
 * The positions (within the row) of the `k` elements PyTorch's CPU topk returns for `data[base ..
 * base + n)`, in its order, written to `order[0 .. k)`.
 */
export function topkOrder(data: ArrayLike<number>, base: number, n: number, k: number, largest: boolean, sorted: boolean, order: number[]): void {
  if (k === 0) return;
  const r: Row = { val: new Float64Array(n), idx: new Int32Array(n) };
  for (let i = 0; i < n; i++) {
    r.val[i] = data[base + i];
    r.idx[i] = i;
  }
  const less = largest ? greater : smaller;
  if (k * 64 <= n) partialSort(r, 0, k, n, less);
  else {
    nthElement(r, 0, k - 1, n, less);
    if (sorted) stdSort(r, 0, k - 1, less);
  }
  for (let j = 0; j < k; j++) order[j] = r.idx[j];
}

/**
 * The order std::sort leaves row `data[base .. base + n)` in (NaN largest), written to `order[0 .. n)`:
 * sort / argsort with stable=False.
 */
export function unstableSortOrder(data: ArrayLike<number>, base: number, n: number, descending: boolean, order: number[]): void {
  const r: Row = { val: new Float64Array(n), idx: new Int32Array(n) };
  for (let i = 0; i < n; i++) {
    r.val[i] = data[base + i];
    r.idx[i] = i;
  }
  stdSort(r, 0, n, descending ? greater : smaller);
  for (let j = 0; j < n; j++) order[j] = r.idx[j];
}

/**
 * The position (within the row) of the element kthvalue returns for the 0-based rank `k` of
 * `data[base .. base + n)`: ATen's median-of-three quickselect, NaN largest, swapping (value, index)
 * pairs, so among equal values it is the one that quickselect leaves at `k`.
 */
export function kthValueIndex(data: ArrayLike<number>, base: number, n: number, k: number): number {
  const r: Row = { val: new Float64Array(n), idx: new Int32Array(n) };
  for (let i = 0; i < n; i++) {
    r.val[i] = data[base + i];
    r.idx[i] = i;
  }
  const v = r.val;
  let L = 0;
  let R = n - 1;
  for (;;) {
    if (R <= L) break;
    if (R === L + 1) {
      if (greater(v[L], v[R])) swap(r, L, R);
      break;
    }
    const P = L + Math.floor((R - L) / 2);
    swap(r, P, L + 1);
    if (greater(v[L + 1], v[R])) swap(r, L + 1, R);
    if (greater(v[L], v[R])) swap(r, L, R);
    if (greater(v[L + 1], v[L])) swap(r, L + 1, L);
    let i = L + 1;
    let j = R;
    const piv = v[L];
    for (;;) {
      do i++;
      while (greater(piv, v[i]));
      do j--;
      while (greater(v[j], piv));
      if (j < i) break;
      swap(r, i, j);
    }
    swap(r, L, j);
    if (j <= k) L = i;
    if (j >= k) R = j - 1;
  }
  return r.idx[k];
}

/** The order std::sort with a bare `<` leaves `vals` in (NaN compares false both ways): unique(sorted=True). */
export function plainLessSortOrder(vals: ArrayLike<number>): number[] {
  const n = vals.length;
  const r: Row = { val: Float64Array.from(vals), idx: Int32Array.from({ length: n }, (_, i) => i) };
  stdSort(r, 0, n, (a, b) => a < b);
  return Array.from(r.idx);
}
