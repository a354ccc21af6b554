/**
 * torch.utils.tensorboard.SummaryWriter: writes TensorBoard event files as PyTorch's writer does
 * (same directory layout, file names, Event and Summary messages), so `tensorboard --logdir runs`
 * shows a torchlab run. Events are appended as they are added (no background queue), so a run
 * interrupted or a kernel restarted loses nothing already logged.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Tensor } from "../../tensor/tensor";
import { parseArgs } from "../../tensor/args";
import { TypeError, ValueError } from "../../errors";
import { Message, record } from "./records";
import { histogramSummary, imageSummary, scalarSummary, scalarValue, textSummary } from "./summary";

let globalUid = 0;

/** One event file in one directory (PyTorch's FileWriter). */
class FileWriter {
  readonly file: string;
  private fd: number | null;
  constructor(readonly logdir: string, filename_suffix: string) {
    fs.mkdirSync(logdir, { recursive: true });
    const stamp = String(Math.floor(Date.now() / 1000)).padStart(10, "0");
    this.file = path.join(logdir, `events.out.tfevents.${stamp}.${os.hostname()}.${process.pid}.${globalUid++}${filename_suffix}`);
    this.fd = fs.openSync(this.file, "a");
    this.write(new Message().double(1, Date.now() / 1000).bytes(3, "brain.Event:2"));
  }
  private write(event: Message): void {
    if (this.fd === null) throw new ValueError(`the event file ${this.file} is closed`);
    fs.writeSync(this.fd, record(event.finish()));
  }
  /** An Event holding `summary` at `walltime` (seconds) and `step`. */
  addSummary(summary: Message, step: number | null, walltime: number): void {
    const ev = new Message().double(1, walltime);
    if (step !== null) ev.int(2, Math.trunc(step));
    this.write(ev.bytes(5, summary, true));
  }
  flush(): void {
    if (this.fd !== null) fs.fsyncSync(this.fd);
  }
  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }
}

/** PyTorch's default log_dir: runs/<Mon><DD>_<HH>-<MM>-<SS>_<hostname><comment>. */
function defaultLogdir(comment: string): string {
  const d = new Date();
  const mon = d.toLocaleString("en-US", { month: "short" });
  const two = (n: number) => String(n).padStart(2, "0");
  return path.join("runs", `${mon}${two(d.getDate())}_${two(d.getHours())}-${two(d.getMinutes())}-${two(d.getSeconds())}_${os.hostname()}${comment}`);
}

interface WriterOptions {
  log_dir?: string | null;
  comment?: string;
  max_queue?: number;
  flush_secs?: number;
  filename_suffix?: string;
}

type Step = number | null | undefined;
const stepOf = (op: string, s: unknown): number | null => {
  if (s === undefined || s === null) return null;
  if (s instanceof Tensor) return scalarValue(s, op);
  if (typeof s !== "number" || !Number.isFinite(s)) throw new TypeError(`${op}(): global_step must be a number, got ${String(s)}`);
  return s;
};
const wallOf = (w: unknown): number => (typeof w === "number" ? w : Date.now() / 1000);

/**
 * Logs scalars, histograms, images and text for TensorBoard.
 * @example const writer = new torch.utils.tensorboard.SummaryWriter("runs/mnist"); writer.add_scalar("Loss/train", loss, step);
 */
export class SummaryWriter {
  readonly log_dir: string;
  private readonly filename_suffix: string;
  private writers: Map<string, FileWriter> | null = null;

  constructor(log_dir?: string | null | WriterOptions, comment?: string | WriterOptions, options?: WriterOptions) {
    const o = parseArgs("SummaryWriter", [log_dir, comment, options], ["log_dir", "comment", "purge_step", "max_queue", "flush_secs", "filename_suffix"]);
    if (o.purge_step !== undefined && o.purge_step !== null) throw new ValueError("SummaryWriter(): purge_step is not supported by torchlab's writer");
    this.log_dir = (o.log_dir as string | null | undefined) ?? defaultLogdir((o.comment as string | undefined) ?? "");
    this.filename_suffix = (o.filename_suffix as string | undefined) ?? "";
    this.fileWriter();
  }

  private fileWriter(dir = this.log_dir): FileWriter {
    if (this.writers === null) this.writers = new Map([[this.log_dir, new FileWriter(this.log_dir, this.filename_suffix)]]);
    let fw = this.writers.get(dir);
    if (fw === undefined) this.writers.set(dir, (fw = new FileWriter(dir, this.filename_suffix)));
    return fw;
  }

  /** The directory events are written to. */
  get_logdir(): string {
    return this.log_dir;
  }

  /** `add_scalar(tag, scalar_value, global_step=None, walltime=None)`. */
  add_scalar(tag: string, scalar_value: number | Tensor, global_step?: Step | { global_step?: Step; walltime?: number }, walltime?: number): void {
    const o = parseArgs("add_scalar", [tag, scalar_value, global_step, walltime], ["tag", "scalar_value", "global_step", "walltime"]);
    this.fileWriter().addSummary(scalarSummary(String(o.tag), scalarValue(o.scalar_value, "add_scalar")), stepOf("add_scalar", o.global_step), wallOf(o.walltime));
  }

  /** Several scalars under one main tag: each key is written to its own run, `<log_dir>/<main_tag>_<key>`. */
  add_scalars(main_tag: string, tag_scalar_dict: Record<string, number | Tensor>, global_step?: Step | { global_step?: Step; walltime?: number }, walltime?: number): void {
    const o = parseArgs("add_scalars", [main_tag, tag_scalar_dict, global_step, walltime], ["main_tag", "tag_scalar_dict", "global_step", "walltime"]);
    const wall = wallOf(o.walltime);
    const step = stepOf("add_scalars", o.global_step);
    const mt = String(o.main_tag);
    for (const [tag, v] of Object.entries(o.tag_scalar_dict as Record<string, number | Tensor>)) {
      const dir = `${this.log_dir}/${mt.replace(/\//g, "_")}_${tag}`;
      this.fileWriter(dir).addSummary(scalarSummary(mt, scalarValue(v, "add_scalars")), step, wall);
    }
  }

  /** A histogram of `values` (TensorBoard's default bins, or `bins`: a count or a list of edges). */
  add_histogram(tag: string, values: Tensor | number[], global_step?: Step | { global_step?: Step; bins?: "tensorflow" | number | number[]; walltime?: number }, bins?: "tensorflow" | number | number[], walltime?: number): void {
    const o = parseArgs("add_histogram", [tag, values, global_step, bins, walltime], ["tag", "values", "global_step", "bins", "walltime", "max_bins"]);
    const b = (o.bins as "tensorflow" | number | number[] | undefined) ?? "tensorflow";
    this.fileWriter().addSummary(histogramSummary(String(o.tag), o.values as Tensor, b), stepOf("add_histogram", o.global_step), wallOf(o.walltime));
  }

  /** One image, `[C, H, W]` by default (`dataformats` "HWC", "HW"); floats in [0, 1], integers in 0..255. */
  add_image(tag: string, img_tensor: Tensor, global_step?: Step | { global_step?: Step; walltime?: number; dataformats?: string }, walltime?: number, dataformats?: string): void {
    const o = parseArgs("add_image", [tag, img_tensor, global_step, walltime, dataformats], ["tag", "img_tensor", "global_step", "walltime", "dataformats"]);
    this.fileWriter().addSummary(imageSummary(String(o.tag), o.img_tensor as Tensor, (o.dataformats as string | undefined) ?? "CHW"), stepOf("add_image", o.global_step), wallOf(o.walltime));
  }

  /** A batch of images `[N, C, H, W]`, shown as one grid of 8 per row. */
  add_images(tag: string, img_tensor: Tensor, global_step?: Step | { global_step?: Step; walltime?: number; dataformats?: string }, walltime?: number, dataformats?: string): void {
    const o = parseArgs("add_images", [tag, img_tensor, global_step, walltime, dataformats], ["tag", "img_tensor", "global_step", "walltime", "dataformats"]);
    this.fileWriter().addSummary(imageSummary(String(o.tag), o.img_tensor as Tensor, (o.dataformats as string | undefined) ?? "NCHW"), stepOf("add_images", o.global_step), wallOf(o.walltime));
  }

  /** Text (markdown) for TensorBoard's text plugin. */
  add_text(tag: string, text_string: string, global_step?: Step | { global_step?: Step; walltime?: number }, walltime?: number): void {
    const o = parseArgs("add_text", [tag, text_string, global_step, walltime], ["tag", "text_string", "global_step", "walltime"]);
    this.fileWriter().addSummary(textSummary(String(o.tag), String(o.text_string)), stepOf("add_text", o.global_step), wallOf(o.walltime));
  }

  /** Makes sure everything written so far is on disk. */
  flush(): void {
    for (const fw of this.writers?.values() ?? []) fw.flush();
  }

  /** Closes the event files; writing again afterwards starts new ones, as PyTorch's writer does. */
  close(): void {
    for (const fw of this.writers?.values() ?? []) fw.close();
    this.writers = null;
  }

  toString(): string {
    return `<torch.utils.tensorboard.writer.SummaryWriter object (log_dir: ${this.log_dir})>`;
  }
}
