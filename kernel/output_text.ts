/**
 * Text rewritten from a cell: the copied stretches of the input and the inserted text, with where each
 * copy came from, so positions map both ways (errors, completion, hover). Shared by the dialect's
 * passes (kernel/rewrite.ts, kernel/keyword_args.ts).
 */

export interface Copy {
  out: number;
  orig: number;
  len: number;
}

/** Output text plus where each copied stretch came from, for mapping positions back. */
export class Output {
  text = "";
  readonly copies: Copy[] = [];
  constructor(private readonly src: string, private readonly base: number) {}
  copy(from: number, to: number): void {
    if (to <= from) return;
    this.copies.push({ out: this.text.length, orig: from - this.base, len: to - from });
    this.text += this.src.slice(from, to);
  }
  insert(text: string): void {
    this.text += text;
  }
  /** Inserts `text` at output offset `at` (already written), moving the copies after it. */
  insertAt(at: number, text: string): void {
    this.text = this.text.slice(0, at) + text + this.text.slice(at);
    for (const c of this.copies) if (c.out >= at) c.out += text.length;
  }
  /** The output offset of original offset `at` (for a cursor): exact in copied text, else the closest copy end. */
  mapForward(at: number): number {
    let best = this.text.length;
    for (const c of this.copies) {
      if (at >= c.orig && at < c.orig + c.len) return c.out + (at - c.orig);
      if (at === c.orig + c.len) best = c.out + c.len;
    }
    return best;
  }
  /** The original offset of output offset `at`: exact inside copied text, else the end of the copy before it. */
  mapBack(at: number): number {
    let best = 0;
    for (const c of this.copies) {
      if (at >= c.out && at < c.out + c.len) return c.orig + (at - c.out);
      if (c.out + c.len <= at) best = Math.max(best, c.orig + c.len);
    }
    return best;
  }
}
