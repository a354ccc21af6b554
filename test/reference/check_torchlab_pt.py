"""Loads .pt checkpoints written by torchlab's torch.save with plain PyTorch, and runs them.

Usage:  /usr/bin/python3 test/reference/check_torchlab_pt.py MODEL.pt INPUT.json [OPTIMIZER.pt]

MODEL.pt holds the state_dict of build() below (Conv2d + ReLU + Flatten + BatchNorm1d + Linear;
the BatchNorm comes first so that no bias is cancelled by it, whose Adam step would then be noise),
saved by torchlab. It is read with torch.load (nothing but PyTorch), once as is and once with
weights_only=True, and loaded into build() with load_state_dict(strict=True). INPUT.json is
{"shape": [...], "values": [...]}; the model's eval-mode output on it is printed.

With OPTIMIZER.pt (a torchlab torch.optim.Adam state_dict for build()'s parameters), the optimizer
state is loaded into torch.optim.Adam, and one training step is taken (train mode, loss =
mean(output ** 2)); the state_dict after the step is printed, so that torchlab can take the same
step from the same checkpoint and compare.

Prints one JSON object on stdout; any failure raises. The committed fixture's expected output is
this script's output on it:
  /usr/bin/python3 test/reference/check_torchlab_pt.py test/reference/checkpoints/torchlab_model.pt \
      test/reference/checkpoints/torchlab_model_input.json > test/reference/checkpoints/torchlab_model_expected.json
(torchlab_model.pt and its input are written by test/serialization/pytorch_format.test.ts with
TORCHLAB_REGEN_FIXTURES=1.)
"""
import collections
import json
import sys

import torch


def build():
    return torch.nn.Sequential(
        torch.nn.Conv2d(1, 2, 3),
        torch.nn.ReLU(),
        torch.nn.Flatten(),
        torch.nn.BatchNorm1d(18),
        torch.nn.Linear(18, 4),
    )


def flat(t):
    t = t.detach()
    return {"dtype": str(t.dtype).replace("torch.", ""), "shape": list(t.shape), "values": [float(f"{v:.9g}") for v in t.reshape(-1).double().tolist()]}


def weights_only_supports_floats():
    """PyTorch 1.13's weights-only unpickler has no BINFLOAT, so no checkpoint with a Python float loads with it."""
    import io

    buf = io.BytesIO()
    torch.save({"lr": 0.5}, buf)
    buf.seek(0)
    try:
        torch.load(buf, weights_only=True)
        return True
    except Exception:
        return False


def main():
    model_path, input_path = sys.argv[1], sys.argv[2]
    optim_path = sys.argv[3] if len(sys.argv) > 3 else None
    out = {"torch": torch.__version__}

    sd = torch.load(model_path)
    assert isinstance(sd, collections.OrderedDict), f"state_dict is a {type(sd)}"
    sd_safe = torch.load(model_path, weights_only=True)
    assert list(sd_safe) == list(sd) and all(torch.equal(sd_safe[k], sd[k]) for k in sd), "weights_only=True reads other values"
    out["keys"] = list(sd)
    out["dtypes"] = {k: str(v.dtype).replace("torch.", "") for k, v in sd.items()}

    model = build()
    result = model.load_state_dict(sd, strict=True)
    assert not result.missing_keys and not result.unexpected_keys, str(result)

    with open(input_path) as f:
        spec = json.load(f)
    x = torch.tensor(spec["values"], dtype=torch.float32).reshape(spec["shape"])
    model.eval()
    with torch.no_grad():
        out["output"] = flat(model(x))

    if optim_path is not None:
        state = torch.load(optim_path)
        if weights_only_supports_floats():
            safe = torch.load(optim_path, weights_only=True)
            assert safe["param_groups"] == state["param_groups"], "weights_only=True reads other param_groups"
            out["optimizer_weights_only"] = "loaded"
        else:
            out["optimizer_weights_only"] = "this torch's weights-only unpickler reads no Python floats"
        assert sorted(state["state"]) == list(range(len(list(model.parameters())))), f"state keys {list(state['state'])}"
        opt = torch.optim.Adam(model.parameters(), lr=1.0)
        opt.load_state_dict(state)
        out["lr"] = opt.param_groups[0]["lr"]
        model.train()
        opt.zero_grad()
        model(x).pow(2).mean().backward()
        opt.step()
        out["after_step"] = {k: flat(v) for k, v in model.state_dict().items()}
        out["steps"] = [float(opt.state[p]["step"]) for p in model.parameters()]

    print(json.dumps(out))


if __name__ == "__main__":
    main()
