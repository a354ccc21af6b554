/**
 * Pretrained weights: torchvision's `Weights` / `WeightsEnum` and what a builder does with its
 * `weights` argument.
 *
 * A builder accepts an enum member (`ResNet18_Weights.IMAGENET1K_V1`), its name (`"IMAGENET1K_V1"`,
 * `"ResNet18_Weights.IMAGENET1K_V1"`, `"DEFAULT"`), or, beyond torchvision, the path of a local
 * checkpoint holding a state_dict (a `.pth` saved by PyTorch or torchlab). An enum member is
 * fetched through torch.hub's cache (`$TORCH_HOME/hub/checkpoints`), with its hash prefix checked.
 * TORCHLAB_MODELS_MIRROR=<base> (a URL or a folder) fetches `<base>/<file name>` instead of
 * download.pytorch.org, for a campus mirror or an offline copy.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { Module } from "../../nn/modules/module";
import { Tensor } from "../../tensor/tensor";
import { load } from "../../serialization";
import { load_state_dict_from_url } from "../../hub";
import { TypeError, ValueError } from "../../errors";
import { ImageClassification, ImageClassificationOptions } from "./_presets";

/** What torchvision records about a set of weights. */
export interface WeightsMeta {
  /** Class names, index = output position (null for feature extractors). */
  categories: readonly string[] | null;
  num_params: number;
  /** The smallest input [H, W] the architecture accepts. */
  min_size: [number, number];
  recipe: string;
  _metrics: Record<string, Record<string, number>>;
  [key: string]: unknown;
}

/** torchvision's `Weights`: where the file is, the preprocessing it expects, its metadata. */
export class Weights {
  constructor(readonly url: string, readonly transforms_options: ImageClassificationOptions, readonly meta: WeightsMeta) {}
}

/** The option value a builder's `weights` takes. */
export type WeightsArg<E extends WeightsEnum> = E | string | null;

/**
 * Base of every `<Model>_Weights` enum. Members are static fields of the subclass
 * (`ResNet18_Weights.IMAGENET1K_V1`, `ResNet18_Weights.DEFAULT`); each exposes `url`, `meta` and
 * `transforms()`, which builds the evaluation preprocessing (torchvision's `weights.transforms()`).
 *
 * @example
 * const w = torchvision.models.ResNet18_Weights.DEFAULT;
 * const model = torchvision.models.resnet18({weights: w}).eval();
 * const batch = w.transforms()(img).unsqueeze(0);
 * w.meta.categories[model(batch).argmax().item()]
 */
export abstract class WeightsEnum {
  constructor(readonly name: string, readonly value: Weights) {}

  get url(): string {
    return this.value.url;
  }

  get meta(): WeightsMeta {
    return this.value.meta;
  }

  /** The preprocessing these weights were evaluated with (resize, center crop, normalize). */
  transforms(): ImageClassification {
    return new ImageClassification(this.value.transforms_options);
  }

  /** The members of the enum `cls`, by name (`DEFAULT` included, as an alias). */
  static members<E extends WeightsEnum>(cls: abstract new (...a: never[]) => E): Map<string, E> {
    const out = new Map<string, E>();
    for (const k of Object.getOwnPropertyNames(cls)) {
      const v = (cls as unknown as Record<string, unknown>)[k];
      if (v instanceof cls) out.set(k, v);
    }
    return out;
  }

  /**
   * torchvision's `WeightsEnum.verify`: a member stays as it is, a name ("IMAGENET1K_V1",
   * "ResNet18_Weights.IMAGENET1K_V1", "DEFAULT") becomes its member, null stays null.
   */
  static verify<E extends WeightsEnum>(this: abstract new (...a: never[]) => E, obj: E | string | null | undefined): E | null {
    if (obj === null || obj === undefined) return null;
    const cls = this;
    if (typeof obj === "string") {
      const name = obj.startsWith(`${cls.name}.`) ? obj.slice(cls.name.length + 1) : obj;
      const m = WeightsEnum.members(cls).get(name);
      if (m === undefined) throw new ValueError(`Invalid value ${name} for enum ${cls.name}. Valid: ${[...WeightsEnum.members(cls).keys()].join(", ")}`);
      return m;
    }
    if (!(obj instanceof cls)) {
      const got = typeof obj === "object" ? (obj as object).constructor?.name ?? "object" : typeof obj;
      throw new TypeError(`Invalid Weight class provided; expected ${cls.name} but received ${got}.`);
    }
    return obj;
  }

  /**
   * The state_dict of these weights: from torch.hub's cache, downloading it (with a progress bar
   * and the hash check) the first time.
   */
  get_state_dict(progress: boolean | { progress?: boolean } = true): Record<string, Tensor> {
    const p = typeof progress === "object" ? progress.progress ?? true : progress;
    return load_state_dict_from_url(mirrored(this.url), { progress: p, check_hash: true, file_name: path.basename(new URL(this.url).pathname) });
  }

  toString(): string {
    return `${(Object.getPrototypeOf(this) as { constructor: { name: string } }).constructor.name}.${this.canonicalName()}`;
  }

  /** The member's own name: DEFAULT is an alias, as in Python's Enum. */
  private canonicalName(): string {
    for (const [k, v] of WeightsEnum.members(Object.getPrototypeOf(this).constructor)) if (v === this && k !== "DEFAULT") return k;
    return this.name;
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

function mirrored(url: string): string {
  const env = (process.env.TORCHLAB_MODELS_MIRROR ?? "").trim();
  if (env === "") return url;
  const base = /^[a-z][a-z0-9+.-]*:\/\//i.test(env) ? env : pathToFileURL(path.resolve(env)).toString();
  return `${base.endsWith("/") ? base : `${base}/`}${path.basename(new URL(url).pathname)}`;
}

/** A builder's `weights` resolved: an enum member, a local checkpoint file, or none. */
export type ResolvedWeights<E extends WeightsEnum> = { kind: "enum"; weights: E } | { kind: "file"; path: string } | null;

/**
 * Reads a builder's `weights` (and the deprecated `pretrained: true`, torchvision's legacy
 * interface): a member or member name of `cls`, or the path of an existing checkpoint file.
 */
export function resolveWeights<E extends WeightsEnum>(builder: string, cls: abstract new (...a: never[]) => E, weights: unknown, pretrained: unknown): ResolvedWeights<E> {
  if (pretrained !== undefined) {
    if (typeof pretrained !== "boolean") throw new TypeError(`${builder}(): pretrained must be a boolean, got ${typeof pretrained}`);
    if (weights !== undefined && weights !== null) throw new ValueError(`${builder}(): pass weights or the deprecated pretrained, not both`);
    const legacy = (cls as unknown as Record<string, unknown>).IMAGENET1K_V1 as E;
    process.emitWarning(
      `The parameter 'pretrained' is deprecated since 0.13 and may be removed in the future, please use 'weights' instead. ` +
        (pretrained ? `The current behavior is equivalent to passing \`weights=${String(legacy)}\`. You can also use \`weights=${cls.name}.DEFAULT\` to get the most up-to-date weights.` : "The current behavior is equivalent to passing `weights=None`."),
      "UserWarning",
    );
    return pretrained ? { kind: "enum", weights: legacy } : null;
  }
  if (weights === undefined || weights === null) return null;
  if (weights instanceof WeightsEnum || typeof weights !== "string") {
    const verify = (WeightsEnum.verify as (this: unknown, o: unknown) => E | null).bind(cls);
    return { kind: "enum", weights: verify(weights) as E };
  }
  const name = weights.startsWith(`${cls.name}.`) ? weights.slice(cls.name.length + 1) : weights;
  const member = WeightsEnum.members(cls).get(name);
  if (member !== undefined) return { kind: "enum", weights: member };
  if (fs.existsSync(weights) && fs.statSync(weights).isFile()) return { kind: "file", path: weights };
  throw new ValueError(
    `Unknown value '${weights}' for ${cls.name}. ${builder}(): weights='${weights}' is neither a member of ${cls.name} (${[...WeightsEnum.members(cls).keys()].join(", ")}) nor an existing checkpoint file`,
  );
}

/** The number of classes a builder must use: the weights' categories override, as torchvision's `_ovewrite_named_param`. */
export function _ovewrite_named_param(kwargs: Record<string, unknown>, param: string, new_value: unknown): void {
  if (kwargs[param] !== undefined) {
    if (kwargs[param] !== new_value) throw new ValueError(`The parameter '${param}' expected value ${String(new_value)} but got ${String(kwargs[param])} instead.`);
  } else kwargs[param] = new_value;
}

/** Loads the resolved weights into `model` (strict, as torchvision does). */
export function loadWeights<M extends Module, E extends WeightsEnum>(model: M, w: ResolvedWeights<E>, progress: boolean): M {
  if (w === null) return model;
  const sd = w.kind === "enum" ? w.weights.get_state_dict(progress) : load(w.path);
  if (sd === null || typeof sd !== "object" || Array.isArray(sd) || sd instanceof Tensor) {
    const what = sd instanceof Tensor ? "a Tensor" : Array.isArray(sd) ? "a list" : sd === null ? "None" : typeof sd;
    throw new TypeError(`the checkpoint ${w.kind === "file" ? `'${w.path}'` : w.weights.url} holds ${what}, not a state_dict`);
  }
  model.load_state_dict(sd as Record<string, unknown>);
  return model;
}
