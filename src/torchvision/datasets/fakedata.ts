/**
 * FakeData: random images, reproducible item by item (item i is drawn from a generator seeded with
 * i + random_offset, leaving torch's default generator untouched, as torchvision saves and restores
 * the RNG state).
 */
import { parseArgs } from "../../tensor/args";
import { Generator } from "../../tensor/random";
import { randn } from "../../ops/creation";
import { IndexError, ValueError } from "../../errors";
import { Image } from "../io";
import { to_pil_image } from "../transforms/functional";
import { VisionDataset, Fn } from "./vision";

export interface FakeDataOptions<X, Y> {
  size?: number;
  image_size?: number[];
  num_classes?: number;
  transform?: Fn<Image, X> | null;
  target_transform?: Fn<number, Y> | null;
  random_offset?: number;
}

/**
 * `size` random images of `image_size` [C, H, W] (standard normal values turned into an Image as
 * ToPILImage does) with labels in [0, num_classes).
 *
 * @example new datasets.FakeData({size: 100, image_size: [1, 28, 28], transform: new transforms.ToTensor()})
 */
export class FakeData<X = Image, Y = number> extends VisionDataset<X, Y> {
  size: number;
  image_size: number[];
  num_classes: number;
  random_offset: number;

  constructor(size?: number | FakeDataOptions<X, Y>, image_size?: number[] | FakeDataOptions<X, Y>, num_classes?: number | FakeDataOptions<X, Y>, transform?: Fn<Image, X> | null | FakeDataOptions<X, Y>, target_transform?: Fn<number, Y> | null | FakeDataOptions<X, Y>, random_offset?: number | FakeDataOptions<X, Y>) {
    const a = parseArgs("FakeData", [size, image_size, num_classes, transform, target_transform, random_offset], ["size", "image_size", "num_classes", "transform", "target_transform", "random_offset"]);
    super(null, a.transform as Fn<never, unknown> | null | undefined, a.target_transform as Fn<never, unknown> | null | undefined);
    this.size = (a.size as number | undefined) ?? 1000;
    this.image_size = (a.image_size as number[] | undefined) ?? [3, 224, 224];
    this.num_classes = (a.num_classes as number | undefined) ?? 10;
    this.random_offset = (a.random_offset as number | undefined) ?? 0;
    if (!Number.isInteger(this.size) || this.size < 0) throw new ValueError(`FakeData(): size must be a non-negative integer, got ${this.size}`);
    if (this.image_size.length !== 3 || ![1, 3, 4].includes(this.image_size[0])) throw new ValueError(`FakeData(): image_size must be [C, H, W] with C = 1, 3 or 4, got [${this.image_size.join(", ")}]`);
    if (!Number.isInteger(this.num_classes) || this.num_classes < 1) throw new ValueError(`FakeData(): num_classes must be a positive integer, got ${this.num_classes}`);
  }

  len(): number {
    return this.size;
  }

  getitem(index: number): [X, Y] {
    // torchvision checks only the upper bound: a negative index seeds with index + random_offset (wrapped as torch.manual_seed wraps it).
    if (!Number.isInteger(index) || index >= this.size) throw new IndexError(`${this.constructor.name} index out of range`);
    const g = new Generator(index + this.random_offset);
    const img = randn(this.image_size, { generator: g });
    const target = g.randint(0, this.num_classes);
    return this.finish(to_pil_image(img), target);
  }
}
