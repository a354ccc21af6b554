"""PyTorch timings of bench/run.js's workloads (same shapes), printed as JSON. Run by bench/run.js."""
import json
import sys
import time

import torch


def timed(fn, iters):
    for _ in range(max(3, iters // 10)):
        fn()
    t0 = time.perf_counter()
    for _ in range(iters):
        fn()
    return (time.perf_counter() - t0) * 1000 / iters


def main():
    iters = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    torch.manual_seed(0)
    a, b = torch.randn(256, 256), torch.randn(256, 256)
    x = torch.randn(256, 256)
    xb = torch.randn(64, 784)
    w1 = (torch.randn(784, 128) * 0.03).requires_grad_()
    w2 = (torch.randn(128, 10) * 0.1).requires_grad_()

    def step():
        loss = -(xb @ w1).relu().matmul(w2).log_softmax(1).mean()
        loss.backward()
        with torch.no_grad():
            w1.sub_(w1.grad * 0.01)
            w2.sub_(w2.grad * 0.01)
        w1.grad.zero_()
        w2.grad.zero_()
        loss.item()

    results = {
        "matmul 256x256": timed(lambda: (a @ b).numpy(), iters),
        "elementwise chain (6 ops, 256x256)": timed(lambda: (x * 2 + 1).tanh().sigmoid().exp().sub(0.5).numpy(), iters),
        "MLP step 64x784-128-10 (fwd+bwd+SGD)": timed(step, iters),
    }
    print(json.dumps({"version": torch.__version__, "threads": torch.get_num_threads(), "results": results}))


if __name__ == "__main__":
    main()
