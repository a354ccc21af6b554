/**
 * Dropout in training mode: the mask comes from the default Generator (reproducible under
 * torch.manual_seed), survivors are scaled by 1 / (1 - p), the drop rate is p, Dropout2d drops whole
 * channels, and gradients flow through the kept elements only. In eval mode it is the identity.
 */
import { torch } from "../../src";

const nn = torch.nn;
const F = torch.nn.functional;

test("kept elements are scaled by 1/(1-p), the rest are zero, and the rate is p", () => {
  torch.manual_seed(1);
  const x = torch.ones(100, 100);
  const y = new nn.Dropout(0.3)(x);
  const vals = Array.from(y.dataSync());
  const kept = vals.filter((v) => v !== 0);
  kept.forEach((v) => expect(v).toBeCloseTo(1 / 0.7, 5));
  expect(Math.abs(1 - kept.length / vals.length - 0.3)).toBeLessThan(0.02);
});

test("the mask is reproducible under torch.manual_seed and differs between calls", () => {
  const drop = new nn.Dropout();
  const x = torch.rand(4, 8);
  torch.manual_seed(42);
  const a = drop(x);
  const b = drop(x);
  torch.manual_seed(42);
  expect(drop(x).equal(a)).toBe(true);
  expect(a.equal(b)).toBe(false);
});

test("gradients flow through kept elements with the same scale", () => {
  torch.manual_seed(3);
  const x = torch.rand(6, 6, { requires_grad: true });
  const y = F.dropout(x, 0.5);
  y.sum().backward();
  const mask = y.detach().ne(0).float().mul(2);
  expect(x.grad!.equal(mask)).toBe(true);
});

test("Dropout2d zeroes whole channels", () => {
  torch.manual_seed(5);
  const x = torch.ones(8, 16, 3, 3);
  const y = new nn.Dropout2d(0.5)(x);
  const perChannel = y.sum([2, 3]).dataSync();
  for (const v of perChannel) expect([0, 18]).toContainEqual(Math.round(v * 1e4) / 1e4);
  const zeros = Array.from(perChannel).filter((v) => v === 0).length;
  expect(zeros).toBeGreaterThan(20);
  expect(zeros).toBeLessThan(108);
});

test("eval mode, p=0 and training=false return the input unchanged; p=1 zeroes everything", () => {
  const x = torch.rand(3, 4);
  const drop = new nn.Dropout(0.9);
  drop.eval();
  expect(drop(x)).toBe(x);
  expect(F.dropout(x, { p: 0.5, training: false })).toBe(x);
  expect(F.dropout(x, 0)).toBe(x);
  expect(F.dropout(x, 1).abs().sum().item()).toBe(0);
  expect(() => F.dropout2d(torch.rand(3), 0.5)).toThrow("Feature dropout requires at least 2 dimensions");
});

test("inplace dropout overwrites a tensor outside the graph", () => {
  torch.manual_seed(9);
  const x = torch.ones(50);
  const y = F.dropout(x, { p: 0.5, inplace: true });
  expect(y).toBe(x);
  expect(x.eq(0).any().item()).toBe(true);
});
