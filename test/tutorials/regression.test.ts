/**
 * pytorch/examples regression/main.py ported line by line against PyTorch 1.13
 * (test/reference/gen_regression.py, seeded with torch.manual_seed(0)): W_target / b_target from
 * torch.randn, make_features' torch.cat of powers, f's x.mm(W_target) + b_target.item(), poly_desc's
 * '{:+.2f} x^{} ' terms, the Linear fitted with F.smooth_l1_loss and hand-written
 * param.data.add_(-0.1 * param.grad) steps until the loss drops below 1e-3, and the three printed lines.
 */
import { torch } from "../../src";
import { expectSamePrint, expectValues } from "./_tutorial";
import * as fs from "fs";
import * as path from "path";

const F = torch.nn.functional;
type Tensor = InstanceType<typeof torch.Tensor>;
const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "regression.json"), "utf8")) as Record<string, unknown>;

/** Python's '{:+.2f}'.format(x). */
const signed = (x: number): string => (x >= 0 ? "+" : "") + x.toFixed(2);

test("regression: polynomial fit with smooth_l1_loss and manual SGD, make_features and poly_desc prints", () => {
  torch.manual_seed(0);

  const POLY_DEGREE = 4;
  const W_target = torch.randn(POLY_DEGREE, 1).mul(5);
  const b_target = torch.randn(1).mul(5);

  /** Builds features i.e. a matrix with columns [x, x^2, x^3, x^4]. */
  function make_features(x: Tensor): Tensor {
    x = x.unsqueeze(1);
    return torch.cat(Array.from({ length: POLY_DEGREE }, (_, k) => x.pow(k + 1)), 1);
  }

  /** Approximated function. */
  function f(x: Tensor): Tensor {
    return x.mm(W_target).add(b_target.item());
  }

  /** Creates a string description of a polynomial. */
  function poly_desc(W: Tensor, b: Tensor): string {
    let result = "y = ";
    for (const [i, w] of [...W].entries()) {
      result += `${signed(w.item())} x^${i + 1} `;
    }
    result += signed(b.index(0).item());
    return result;
  }

  /** Builds a batch i.e. (x, f(x)) pair. */
  function get_batch(batch_size = 32): [Tensor, Tensor] {
    const random = torch.randn(batch_size);
    const x = make_features(random);
    const y = f(x);
    return [x, y];
  }

  expectValues(W_target.view(-1), R.W_target as number[], 1e-6);
  expectValues(b_target, R.b_target as number[], 1e-6);
  const features = make_features(torch.tensor([0.5, -2.0, 3.0]));
  expectValues(features, (R.features as number[][]).flat(), 0);
  expect(poly_desc(features.index(1), torch.tensor([-1.0]))).toBe(R.poly_desc_features);

  // Define model
  const fc = new torch.nn.Linear(W_target.size(0), 1);
  expectValues(torch.cat([fc.weight.view(-1), fc.bias!]), R.fc_init as number[], 1e-6);

  const losses: number[] = [];
  let loss = 0;
  let batch_idx = 1;
  for (; ; batch_idx++) {
    // Get data
    const [batch_x, batch_y] = get_batch();

    // Reset gradients
    fc.zero_grad();

    // Forward pass
    const output = F.smooth_l1_loss(fc(batch_x), batch_y);
    loss = output.item();
    if (batch_idx <= 5) losses.push(loss);
    if (batch_idx === 300) expectValues(torch.cat([fc.weight.view(-1), fc.bias!]), R.params_300 as number[], 1e-3);

    // Backward pass
    output.backward();

    // Apply gradients
    for (const param of fc.parameters()) {
      param.data.add_(param.grad!.mul(-0.1));
    }

    // Stop criterion
    if (loss < 1e-3) break;
  }

  expectValues(losses, R.first_losses as number[], 1e-4);
  // float32 sums round differently from batch 2 on (1 ulp) and the fit's noisy tail amplifies that
  // after ~400 batches, so the stopping batch is PyTorch's only roughly; the path to batch 300 is
  // checked above.
  expect(loss).toBeLessThan(1e-3);
  expect(Math.abs(batch_idx - (R.batches as number))).toBeLessThan(800);
  const printed = [
    `Loss: ${loss.toFixed(6)} after ${batch_idx} batches`,
    "==> Learned function:\t" + poly_desc(fc.weight.view(-1), fc.bias!),
    "==> Actual function:\t" + poly_desc(W_target.view(-1), b_target),
  ];
  expect(printed[0]).toMatch(/^Loss: 0\.000\d{3} after \d+ batches$/);
  expectSamePrint(printed[1], (R.printed as string[])[1], 0.3);
  expect(printed[2]).toBe((R.printed as string[])[2]);
});
