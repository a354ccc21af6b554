"""Loads state_dicts of torchvision models saved by torchlab into torchvision 0.14's models.

Usage:  /usr/bin/python3 test/reference/check_models_torchlab.py DIR [--record]

DIR holds <case>.pth files written by torchlab (test/torchvision/models.test.ts writes them, for
every case of test/reference/models/models.json with TORCHLAB_MODELS_ALL=1, else the small ones).
Each is read with torch.load(weights_only=True), loaded with load_state_dict(strict=True) into
the torchvision model the case names, compared with gen_models.py's formula weights (torchlab
filled them), and run in eval mode on the formula input; the output must equal the fixture's
(computed by PyTorch from the same weights) within 1e-4 relative to the output's scale.
Prints one JSON line per case; exits non-zero on any failure. With --record the results are also
written to test/reference/models/torchlab_to_pytorch.json (the record of the last full run).
"""
import json
import os
import sys

import numpy as np
import torch
import torchvision

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_models import formula, hash_uniform  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    folder = sys.argv[1]
    record = "--record" in sys.argv
    with open(os.path.join(HERE, "models", "models.json")) as f:
        fixture = json.load(f)
    results = {}
    failed = False
    for cid, case in fixture["cases"].items():
        path = os.path.join(folder, cid + ".pth")
        if not os.path.exists(path):
            continue
        sd = torch.load(path, weights_only=True)
        model = getattr(torchvision.models, case["builder"])(**case["kwargs"]).eval()
        model.load_state_dict(sd, strict=True)
        for k, (key, t) in enumerate(model.state_dict().items()):
            want = formula(key, list(t.shape), k, t.dtype)
            assert sd[key].dtype == t.dtype, f"{cid} {key}: dtype {sd[key].dtype} != {t.dtype}"
            assert torch.equal(sd[key], want), f"{cid} {key}: values differ from the formula"
        shape = case["input_shape"]
        x = torch.from_numpy(hash_uniform(int(np.prod(shape)), fixture["input_k"]).astype(np.float32)).reshape(shape)
        with torch.no_grad():
            y = model(x).flatten()
        ref = torch.tensor(case["output"])
        scale = max(1.0, ref.abs().max().item())
        diff = (y - ref).abs().max().item()
        ok = diff <= 1e-4 * scale
        failed |= not ok
        results[cid] = {"ok": ok, "max_abs_diff": diff, "output_scale": scale, "keys": len(sd)}
        print(json.dumps({cid: results[cid]}), flush=True)
    if not results:
        print(f"no <case>.pth files in {folder}", file=sys.stderr)
        sys.exit(2)
    if record:
        with open(os.path.join(HERE, "models", "torchlab_to_pytorch.json"), "w") as f:
            json.dump({"torch": torch.__version__, "torchvision": torchvision.__version__, "results": results}, f, indent=1)
            f.write("\n")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
