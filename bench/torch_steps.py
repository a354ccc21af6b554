"""Runs training steps of torch_bench.py's course workloads on request, for bench/paired_steps.js.

Reads lines `WORKLOAD N` (blitz, net, resblock, or net-infer: the Net's inference, eval mode under
no_grad, as torch_bench.py times it) on stdin, runs N steps and answers with the process
CPU time they took, in ms, one line each: a driver can then alternate short rounds of PyTorch with
rounds of torchlab, so that both see the same moments of a machine shared with other work.
"""
import sys
import time

import torch

from torch_bench import course_specs, train_step

KEYS = {"net": "tutorial Net", "resblock": "ResNet block", "blitz": "blitz"}


def infer_step(model, x):
    """The model's inference on x, as torch_bench.py times it (eval mode, no_grad, the result read back)."""
    model.eval()

    def infer():
        with torch.no_grad():
            model(x).numpy()

    return infer


def main():
    torch.set_num_threads(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
    specs = course_specs(1)
    steps = {}
    for key, prefix in KEYS.items():
        name = next(n for n in specs if n.startswith(prefix))
        model, opt_args, shape, target, _ = specs[name]
        steps[key] = train_step(model, opt_args, shape, target)[0]
    # The Net's inference on a Net of its own (eval mode would change the training steps' Net).
    model, _, shape, _, _ = next(v for n, v in course_specs(1).items() if n.startswith(KEYS["net"]))
    steps["net-infer"] = infer_step(model, torch.randn(*shape))
    print("ready", flush=True)
    for line in sys.stdin:
        key, n = line.split()
        step = steps[key]
        t0 = time.process_time()
        for _ in range(int(n)):
            step()
        print((time.process_time() - t0) * 1000, flush=True)


if __name__ == "__main__":
    main()
