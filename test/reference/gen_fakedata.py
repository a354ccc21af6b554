"""Reference items of torchvision 0.14's FakeData (standard normal images turned into PIL images by
ToPILImage's `pic.mul(255).byte()`, which wraps out-of-range values modulo 256), for
test/torchvision/datasets.test.ts.

Run with Debian's interpreter, which has PyTorch 1.13:
    /usr/bin/python3 test/reference/gen_fakedata.py
Writes test/reference/fakedata.json.
"""
import numpy as np
import torchvision

from _tutorial_common import write_json

ds = torchvision.datasets.FakeData(size=3, image_size=(1, 6, 5), num_classes=3)
write_json({"items": [[np.asarray(img).flatten().tolist(), int(label)] for img, label in (ds[i] for i in range(3))]},
           "fakedata.json", newline=True)
