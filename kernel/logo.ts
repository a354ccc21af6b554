/** Draws the kernel's logo (committed as kernel/logo-64x64.png; rerun `renderLogo` to change it). */
import { createCanvas } from "@napi-rs/canvas";

export function renderLogo(size = 64): Buffer {
  const canvas = createCanvas(size, size);
  const ctx = canvas.getContext("2d");
  const s = size / 64;
  // TypeScript blue tile with a torch-orange flame: the two halves of the project.
  ctx.fillStyle = "#3178c6";
  ctx.beginPath();
  ctx.roundRect(0, 0, size, size, 10 * s);
  ctx.fill();
  ctx.fillStyle = "#ee4c2c";
  ctx.beginPath();
  ctx.moveTo(44 * s, 8 * s);
  ctx.bezierCurveTo(58 * s, 22 * s, 58 * s, 40 * s, 46 * s, 50 * s);
  ctx.bezierCurveTo(38 * s, 56 * s, 26 * s, 52 * s, 26 * s, 42 * s);
  ctx.bezierCurveTo(26 * s, 34 * s, 34 * s, 30 * s, 36 * s, 22 * s);
  ctx.bezierCurveTo(40 * s, 30 * s, 46 * s, 28 * s, 44 * s, 8 * s);
  ctx.fill();
  ctx.fillStyle = "#ffffff";
  ctx.font = `bold ${26 * s}px sans-serif`;
  ctx.textBaseline = "bottom";
  ctx.fillText("TS", 5 * s, 60 * s);
  return canvas.toBuffer("image/png");
}
