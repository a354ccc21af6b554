"""PyTorch timings of bench/run.js's workloads (same shapes), printed as JSON. Run by bench/run.js."""
import json
import sys
import time

import torch


CLOCK = time.perf_counter


def timed(fn, iters):
    for _ in range(max(3, iters // 10)):
        fn()
    t0 = CLOCK()
    for _ in range(iters):
        fn()
    return (CLOCK() - t0) * 1000 / iters


def main():
    global CLOCK
    iters = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    # "cpu": process CPU time, for a machine shared with other work (run.js --clock cpu).
    if len(sys.argv) > 2 and sys.argv[2] == "cpu":
        CLOCK = time.process_time
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
    results.update(convnet(max(5, iters // 5)))
    print(json.dumps({"version": torch.__version__, "threads": torch.get_num_threads(), "results": results}))


def convnet(iters):
    """bench/run.js's conv net: a training step at batch 64 and each layer's forward + backward."""
    nn = torch.nn
    n = 64
    x = torch.randn(n, 1, 28, 28)
    y = torch.randint(0, 10, (n,))
    model = nn.Sequential(
        nn.Conv2d(1, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(32 * 7 * 7, 10))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()

    def step():
        opt.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()
        loss.item()

    results = {"conv-net train step, batch 64 (fwd+bwd+Adam)": timed(step, iters)}

    def layer(name, module, shape):
        xi = torch.randn(*shape).requires_grad_()
        g = torch.randn(*module(xi).shape)

        def run():
            module(xi).backward(g)
            xi.grad = None

        results[name + " fwd+bwd"] = timed(run, iters)

    layer("Conv2d(1,16,3,p=1) [64,1,28,28]", nn.Conv2d(1, 16, 3, padding=1), (n, 1, 28, 28))
    layer("Conv2d(16,32,3,p=1) [64,16,14,14]", nn.Conv2d(16, 32, 3, padding=1), (n, 16, 14, 14))
    layer("BatchNorm2d(16) [64,16,28,28]", nn.BatchNorm2d(16), (n, 16, 28, 28))
    layer("ReLU [64,16,28,28]", nn.ReLU(), (n, 16, 28, 28))
    layer("MaxPool2d(2) [64,16,28,28]", nn.MaxPool2d(2), (n, 16, 28, 28))
    return results


if __name__ == "__main__":
    main()
