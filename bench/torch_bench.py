"""PyTorch timings of bench/run.js's workloads (same shapes), printed as JSON. Run by bench/run.js."""
import json
import os
import sys
import time

import torch


CLOCK = time.perf_counter


ROUNDS = 3

# PyTorch runs after torchlab, alone, so its rounds cannot alternate with anything; on this 2-core
# machine shared with other work, one process's time per call swings 2-10x from second to second
# (the other processes' load, not PyTorch: 1 thread swings as much as 2). The median of at least
# MIN_ROUNDS short rounds is taken instead of 3 long ones, so that one busy second moves it less,
# and the fastest round is reported next to it (see SPREAD).
MIN_ROUNDS = 15

# name -> [fastest round, median, slowest round] in ms, for the printout's spread.
SPREAD = {}


def timed(fn, iters, name=None):
    """Median over max(ROUNDS, MIN_ROUNDS) rounds of the mean time per call, after a warm-up."""
    for _ in range(max(5, iters // 5)):
        fn()
    rounds_n = max(ROUNDS, MIN_ROUNDS)
    per = max(2, -(-iters // rounds_n))
    rounds = []
    for _ in range(rounds_n):
        t0 = CLOCK()
        for _ in range(per):
            fn()
        rounds.append((CLOCK() - t0) * 1000 / per)
    rounds.sort()
    median = rounds[len(rounds) // 2]
    if name is not None:
        SPREAD[name] = [round(rounds[0], 3), round(median, 3), round(rounds[-1], 3)]
    return median


def main():
    global CLOCK, ROUNDS
    iters = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    # "cpu": process CPU time, for a machine shared with other work (run.js --clock cpu).
    if len(sys.argv) > 2 and sys.argv[2] == "cpu":
        CLOCK = time.process_time
    # The thread count of the torchlab backend being compared with.
    if len(sys.argv) > 3:
        torch.set_num_threads(int(sys.argv[3]))
    if len(sys.argv) > 4:
        ROUNDS = int(sys.argv[4])
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

    load_start = os.getloadavg()[0]
    results = {
        "matmul 256x256": timed(lambda: (a @ b).numpy(), iters),
        "elementwise chain (6 ops, 256x256)": timed(lambda: (x * 2 + 1).tanh().sigmoid().exp().sub(0.5).numpy(), iters),
        "MLP step 64x784-128-10 (fwd+bwd+SGD)": timed(step, iters),
    }
    results.update(course_models(max(6, iters // 4)))
    load = [round(load_start, 2), round(os.getloadavg()[0], 2)]
    print(json.dumps({"version": torch.__version__, "threads": torch.get_num_threads(), "results": results, "spread": SPREAD, "load": load}))


class ResNet(torch.nn.Module):
    """The tutorial's residual block, as the course writes it."""

    def __init__(self, ch_in, ch_out):
        super().__init__()
        self.conv1 = torch.nn.Conv2d(ch_in, ch_out, kernel_size=3, stride=1, padding=1)
        self.bn1 = torch.nn.BatchNorm2d(ch_out)
        self.conv2 = torch.nn.Conv2d(ch_out, ch_out, kernel_size=3, stride=1, padding=1)
        self.bn2 = torch.nn.BatchNorm2d(ch_out)
        self.extra = torch.nn.Sequential()
        if ch_out != ch_in:
            self.extra = torch.nn.Sequential(torch.nn.Conv2d(ch_in, ch_out, kernel_size=1, stride=1), torch.nn.BatchNorm2d(ch_out))

    def forward(self, x):
        out = torch.nn.functional.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        return self.extra(x) + out


def course_specs(iters):
    """bench/models.js's training workloads: name -> (model, SGD arguments, input shape, MSE target shape or None, iterations)."""
    nn = torch.nn
    torch.manual_seed(0)
    return {
        "tutorial Net train step, batch 64 (SGD)": (
            nn.Sequential(nn.Conv2d(1, 32, 5, 1, 1), nn.MaxPool2d(2, 2), nn.ReLU(True), nn.BatchNorm2d(32),
                          nn.Conv2d(32, 64, 3, 1, 1), nn.ReLU(True), nn.BatchNorm2d(64), nn.Flatten(), nn.Linear(64 * 13 * 13, 10)),
            dict(lr=0.01), (64, 1, 28, 28), None, iters),
        "ResNet block 16->32 train step, 32x32 batch 32": (ResNet(16, 32), dict(lr=0.01), (32, 16, 32, 32), (32, 32, 32, 32), iters),
        "blitz classifier train step, batch 4": (
            nn.Sequential(nn.Conv2d(3, 6, 5), nn.ReLU(), nn.MaxPool2d(2, 2), nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2, 2),
                          nn.Flatten(), nn.Linear(16 * 5 * 5, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10)),
            dict(lr=0.001, momentum=0.9), (4, 3, 32, 32), None, iters * 4),
    }


def train_step(model, opt_args, shape, target):
    """A training step of one of course_specs's workloads, as the course writes it (x, y fixed)."""
    opt = torch.optim.SGD(model.parameters(), **opt_args)
    x = torch.randn(*shape)
    y = torch.randn(*target) if target else torch.randint(0, 10, (shape[0],))
    loss_fn = torch.nn.MSELoss() if target else torch.nn.CrossEntropyLoss()

    def step():
        opt.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()
        loss.item()

    return step, x


def course_models(iters):
    """bench/models.js's models: training steps, and the tutorial Net's inference."""
    results = {}
    for name, (model, opt_args, shape, target, n) in course_specs(iters).items():
        step, x = train_step(model, opt_args, shape, target)
        results[name] = timed(step, n, name)
        if name.startswith("tutorial Net"):
            model.eval()

            def infer():
                with torch.no_grad():
                    model(x).numpy()

            results["tutorial Net inference, batch 64 (eval, no_grad)"] = timed(infer, n, "tutorial Net inference, batch 64 (eval, no_grad)")
    import torchvision

    resnet18 = torchvision.models.resnet18().eval()
    img = torch.randn(1, 3, 224, 224)

    def infer224():
        with torch.no_grad():
            resnet18(img).numpy()

    results["resnet18 inference, batch 1, 224x224 (eval, no_grad)"] = timed(infer224, iters)
    return results


if __name__ == "__main__":
    main()
