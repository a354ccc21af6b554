/**
 * Containers: Compose chains transforms; RandomApply, RandomChoice and RandomOrder pick among them
 * at random (from a torch Generator, where torchvision's RandomChoice/RandomOrder use Python's
 * `random` module, so here `torch.manual_seed` makes them reproducible too); Lambda wraps a function.
 */
import { Tensor } from "../../tensor/tensor";
import { parseArgs } from "../../tensor/args";
import { TypeError, ValueError } from "../../errors";
import { pyTypeName } from "../../pyrepr";
import { Transform, TransformFn, RandomOptions, ImageLike, gen, isCallObject, listing, pyValue } from "./transform";

function run(t: TransformFn, img: unknown): unknown {
  return isCallObject(t) && typeof t !== "function" ? (t.__call__ as (x: unknown) => unknown).call(t, img) : (t as (x: unknown) => unknown)(img);
}

function checkList(op: string, transforms: unknown): TransformFn[] {
  if (!Array.isArray(transforms)) throw new TypeError(`${op}(): Argument transforms should be a sequence`);
  transforms.forEach((t, i) => {
    if (typeof t !== "function" && !isCallObject(t)) throw new TypeError(`${op}(): transforms[${i}] is not callable (got ${t === null ? "null" : typeof t})`);
  });
  return transforms as TransformFn[];
}

/**
 * Applies transforms one after another.
 *
 * Args:
 *   transforms: the list of transforms (or plain functions) to run in order.
 *
 * The result's type is `Tensor` by default; name it when the chain ends elsewhere
 * (`transform<Image>(img)`).
 *
 * @example
 * const transform = new transforms.Compose([new transforms.ToTensor(), new transforms.Normalize([0.5], [0.5])]);
 * String(transform)   // 'Compose(\n    ToTensor()\n    Normalize(mean=[0.5], std=[0.5])\n)'
 */
export interface Compose {
  <T = Tensor>(img: unknown): T;
}
export class Compose extends Transform {
  transforms: TransformFn[];
  constructor(transforms: TransformFn[] | { transforms: TransformFn[] }, options?: { transforms?: TransformFn[] }) {
    super();
    this.transforms = checkList("Compose", parseArgs("Compose", [transforms, options], ["transforms"]).transforms);
  }
  forward(img: unknown): unknown {
    let x = img;
    for (const t of this.transforms) x = run(t, x);
    return x;
  }
  toString(): string {
    return listing("Compose", this.transforms);
  }
}

/**
 * Applies a user function, e.g. `new transforms.Lambda((x: Tensor) => x.mul(2))`.
 */
export interface Lambda<I = Tensor, O = Tensor> {
  (img: I): O;
}
export class Lambda<I = Tensor, O = Tensor> extends Transform {
  lambd: (img: I) => O;
  constructor(lambd: ((img: I) => O) | { lambd: (img: I) => O }, options?: { lambd?: (img: I) => O }) {
    super();
    const a = parseArgs("Lambda", [lambd, options], ["lambd"]);
    lambd = a.lambd as (img: I) => O;
    if (typeof lambd !== "function") throw new TypeError(`Argument lambd should be callable, got '${pyTypeName(lambd)}'`);
    this.lambd = lambd;
  }
  forward(img: unknown): unknown {
    return this.lambd(img as I);
  }
  toString(): string {
    return "Lambda()";
  }
}

export interface RandomApplyOptions extends RandomOptions {
  transforms?: TransformFn[];
  p?: number;
}

/**
 * Applies all of `transforms` with probability `p`, else none (one draw per call, so a batch is
 * transformed all together or not at all).
 *
 * @example new transforms.RandomApply([new transforms.ColorJitter(0.4, 0.4)], 0.8)
 */
export interface RandomApply {
  <T extends ImageLike>(img: T): T;
}
export class RandomApply extends Transform {
  transforms: TransformFn[];
  p: number;
  private generator: RandomOptions["generator"];
  constructor(transforms: TransformFn[] | RandomApplyOptions, p?: number | RandomApplyOptions, options?: RandomApplyOptions) {
    super();
    const a = parseArgs("RandomApply", [transforms, p, options], ["transforms", "p", "generator"]);
    this.transforms = checkList("RandomApply", a.transforms);
    this.p = (a.p as number | undefined) ?? 0.5;
    this.generator = a.generator as RandomOptions["generator"];
  }
  forward(img: unknown): unknown {
    if (this.p < gen(this.generator).random()) return img;
    let x = img;
    for (const t of this.transforms) x = run(t, x);
    return x;
  }
  toString(): string {
    return listing("RandomApply", this.transforms, [`p=${pyValue(this.p)}`]);
  }
}

export interface RandomChoiceOptions extends RandomOptions {
  transforms?: TransformFn[];
  p?: number[] | null;
}

/**
 * Applies one transform picked at random (weights `p`, uniform by default).
 *
 * The tutorial's "rotate by 30, 90 or 180 degrees" is a choice among fixed rotations (PyTorch's
 * RandomRotation([30, 90, 180]) is an error: degrees is a range):
 *
 * @example
 * new transforms.RandomChoice([30, 90, 180].map((a) => new transforms.RandomRotation([a, a])))
 */
export interface RandomChoice {
  <T extends ImageLike>(img: T): T;
}
export class RandomChoice extends Transform {
  transforms: TransformFn[];
  p: number[] | null;
  private generator: RandomOptions["generator"];
  constructor(transforms: TransformFn[] | RandomChoiceOptions, p?: number[] | null | RandomChoiceOptions, options?: RandomChoiceOptions) {
    super();
    const a = parseArgs("RandomChoice", [transforms, p, options], ["transforms", "p", "generator"]);
    this.transforms = checkList("RandomChoice", a.transforms);
    const w = (a.p as number[] | null | undefined) ?? null;
    if (w !== null && !Array.isArray(w)) throw new TypeError("Argument p should be a sequence");
    if (w !== null && w.length !== this.transforms.length) throw new ValueError("The number of weights does not match the population");
    this.p = w;
    this.generator = a.generator as RandomOptions["generator"];
  }
  forward(img: unknown): unknown {
    const n = this.transforms.length;
    if (n === 0) throw new ValueError("RandomChoice(): cannot choose from an empty list of transforms");
    const g = gen(this.generator);
    let k: number;
    if (this.p === null) k = g.randint(0, n);
    else {
      const total = this.p.reduce((s, v) => s + v, 0);
      if (!(total > 0)) throw new ValueError("Total of weights must be greater than zero");
      const u = g.random() * total;
      let acc = 0;
      k = n - 1;
      for (let i = 0; i < n; i++) {
        acc += this.p[i];
        if (u < acc) {
          k = i;
          break;
        }
      }
    }
    return run(this.transforms[k], img);
  }
  toString(): string {
    return `${listing("RandomChoice", this.transforms)}(p=${pyValue(this.p)})`;
  }
}

/** Applies all transforms in a random order. */
export interface RandomOrder {
  <T extends ImageLike>(img: T): T;
}
export class RandomOrder extends Transform {
  transforms: TransformFn[];
  private generator: RandomOptions["generator"];
  constructor(transforms: TransformFn[] | (RandomOptions & { transforms?: TransformFn[] }), options?: RandomOptions) {
    super();
    const a = parseArgs("RandomOrder", [transforms, options], ["transforms", "generator"]);
    this.transforms = checkList("RandomOrder", a.transforms);
    this.generator = a.generator as RandomOptions["generator"];
  }
  forward(img: unknown): unknown {
    let x = img;
    for (const i of gen(this.generator).randperm(this.transforms.length)) x = run(this.transforms[i], x);
    return x;
  }
  toString(): string {
    return listing("RandomOrder", this.transforms);
  }
}
