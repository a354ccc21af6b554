import { torch } from "../../src";

test("a long `for await` training loop over a DataLoader keeps backend memory bounded", async () => {
  torch._setGcBudget(16 * 1024);
  try {
    torch.manual_seed(0);
    const X = torch.randn(512, 16);
    const Y = X.sum(1, true);
    const loader = new torch.utils.data.DataLoader(new torch.utils.data.TensorDataset(X, Y), { batch_size: 8, shuffle: true });
    const W = torch.zeros(16, 1, { requires_grad: true });
    const opt = new torch.optim.Adam([W], { lr: 0.01 });
    const counts: number[] = [];
    for (let epoch = 0; epoch < 3; epoch++) {
      for await (const [x, y] of loader) {
        opt.zero_grad();
        x.matmul(W).sub(y).pow(2).mean().backward();
        opt.step();
        counts.push(torch.memory().numTensors);
      }
    }
    expect(counts.length).toBe(192);
    const early = Math.max(...counts.slice(20, 40));
    const late = Math.max(...counts.slice(172));
    // Without reclamation every batch would add dozens of tensors (~5000 over the run).
    expect(late).toBeLessThanOrEqual(early + 200);
  } finally {
    torch._setGcBudget(null);
  }
});
