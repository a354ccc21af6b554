"""Reference event records for torch.utils.tensorboard.SummaryWriter (test/utils/tensorboard.test.ts).

The Summary messages come from PyTorch 1.13's own torch/utils/tensorboard/summary.py (scalar,
histogram with its make_histogram, text, image), run against protocol-buffer classes compiled
here from TensorBoard's schema (the field numbers of tensorboard/compat/proto/{event,summary,
tensor,tensor_shape}.proto), because the `tensorboard` package itself is not installable here.
Events are serialised by Google's protobuf library and framed as TFRecords with python3-crc32c,
as TensorBoard's RecordWriter frames them. Image summaries hold PIL's PNG bytes, which no other
encoder reproduces, so for images the fixture keeps the decoded pixels and the Image fields.

Needs: apt-get install python3-protobuf python3-crc32c python3-grpc-tools python3-torch

    /usr/bin/python3 test/reference/gen_tensorboard.py
"""
import base64
import importlib.util
import io
import json
import os
import struct
import sys
import tempfile
import types

import crc32c
import numpy as np
import torch
from grpc_tools import protoc

PROTO = """
syntax = "proto3";
package tensorboard;
message TensorShapeProto { message Dim { int64 size = 1; string name = 2; } repeated Dim dim = 2; bool unknown_rank = 3; }
enum DataType { DT_INVALID = 0; DT_FLOAT = 1; DT_DOUBLE = 2; DT_INT32 = 3; DT_UINT8 = 4; DT_INT16 = 5; DT_INT8 = 6; DT_STRING = 7; }
message TensorProto {
  DataType dtype = 1; TensorShapeProto tensor_shape = 2; int32 version_number = 3; bytes tensor_content = 4;
  repeated float float_val = 5 [packed = true]; repeated double double_val = 6 [packed = true];
  repeated int32 int_val = 7 [packed = true]; repeated bytes string_val = 8;
}
message HistogramProto {
  double min = 1; double max = 2; double num = 3; double sum = 4; double sum_squares = 5;
  repeated double bucket_limit = 6 [packed = true]; repeated double bucket = 7 [packed = true];
}
message SummaryMetadata {
  message PluginData { string plugin_name = 1; bytes content = 2; }
  PluginData plugin_data = 1; string display_name = 2; string summary_description = 3; int32 data_class = 4;
}
message Summary {
  message Image { int32 height = 1; int32 width = 2; int32 colorspace = 3; bytes encoded_image_string = 4; }
  message Value {
    string node_name = 7; string tag = 1; SummaryMetadata metadata = 9;
    oneof value { float simple_value = 2; bytes obsolete_old_style_histogram = 3; Image image = 4; HistogramProto histo = 5; TensorProto tensor = 8; }
  }
  repeated Value value = 1;
}
message Event { double wall_time = 1; int64 step = 2; oneof what { string file_version = 3; bytes graph_def = 4; Summary summary = 5; } }
message TextPluginData { int32 version = 1; }
message PrCurvePluginData { int32 version = 1; uint32 num_thresholds = 2; }
"""

tmp = tempfile.mkdtemp()
with open(os.path.join(tmp, "tb.proto"), "w") as f:
    f.write(PROTO)
assert protoc.main(["protoc", f"-I{tmp}", f"--python_out={tmp}", os.path.join(tmp, "tb.proto")]) == 0
sys.path.insert(0, tmp)
import tb_pb2  # noqa: E402


def fake(name, **attrs):
    m = types.ModuleType(name)
    m.__path__ = []
    m.__dict__.update(attrs)
    sys.modules[name] = m
    return m


for pkg in ["tensorboard", "tensorboard.compat", "tensorboard.compat.proto", "tensorboard.plugins", "tensorboard.plugins.custom_scalar",
            "tensorboard.plugins.pr_curve", "tensorboard.plugins.text"]:
    fake(pkg)
fake("tensorboard.compat.proto.summary_pb2", HistogramProto=tb_pb2.HistogramProto, Summary=tb_pb2.Summary, SummaryMetadata=tb_pb2.SummaryMetadata)
fake("tensorboard.compat.proto.tensor_pb2", TensorProto=tb_pb2.TensorProto)
fake("tensorboard.compat.proto.tensor_shape_pb2", TensorShapeProto=tb_pb2.TensorShapeProto)
fake("tensorboard.plugins.custom_scalar.layout_pb2")
fake("tensorboard.plugins.pr_curve.plugin_data_pb2", PrCurvePluginData=tb_pb2.PrCurvePluginData)
fake("tensorboard.plugins.text.plugin_data_pb2", TextPluginData=tb_pb2.TextPluginData)

# PyTorch's summary.py, loaded without torch.utils.tensorboard's __init__ (which needs the real package).
TB_DIR = os.path.join(os.path.dirname(torch.__file__), "utils", "tensorboard")
pkg = fake("torch_tb")
pkg.__path__ = [TB_DIR]
spec = importlib.util.spec_from_file_location("torch_tb.summary", os.path.join(TB_DIR, "summary.py"))
summary = importlib.util.module_from_spec(spec)
sys.modules["torch_tb.summary"] = summary
spec.loader.exec_module(summary)
# summary.py 1.13's make_histogram calls np.greater(counts, 0, dtype=np.int32), which numpy >= 1.24
# (Debian's) refuses; later PyTorch writes np.greater(counts, 0).astype(np.int32), the same counts.
_np = types.ModuleType("numpy_compat")
_np.__dict__.update(np.__dict__)
_np.greater = lambda a, b, dtype=None: np.greater(a, b).astype(dtype) if dtype is not None else np.greater(a, b)
summary.np = _np


def masked(data):
    x = crc32c.crc32c(data) & 0xFFFFFFFF
    return (((x >> 15) | (x << 17)) + 0xA282EAD8) & 0xFFFFFFFF


def framed(event):
    data = event.SerializeToString()
    header = struct.pack("<Q", len(data))
    return header + struct.pack("<I", masked(header)) + data + struct.pack("<I", masked(data))


def event(summ, step, walltime):
    ev = tb_pb2.Event(summary=summ, wall_time=walltime)
    if step is not None:
        ev.step = int(step)
    return framed(ev)


# The default bins of PyTorch's SummaryWriter (writer.py: _get_default_bins... in 1.13 set in __init__).
v = 1e-12
buckets, neg_buckets = [], []
while v < 1e20:
    buckets.append(v)
    neg_buckets.append(-v)
    v *= 1.1
DEFAULT_BINS = neg_buckets[::-1] + [0] + buckets

main = b""
main += event(summary.scalar("Loss/train", 0.25), 0, 1000.5)
main += event(summary.scalar("Loss/train", torch.tensor(0.125)), 1, 1001.25)
main += event(summary.scalar("acc", 1.0 / 3), None, 1002.0)
main += event(summary.scalar("zero", 0.0), 5, 1003.0)
main += event(summary.text("note", "lr = 0.1, **bold** é"), 2, 1004.0)
main += event(summary.histogram("w", torch.tensor([-1.5, -0.25, 0.0, 0.25, 0.5, 0.5, 3.0]), DEFAULT_BINS), 3, 1005.0)
main += event(summary.histogram("w_pos", torch.arange(1, 41, dtype=torch.float32) / 8, DEFAULT_BINS), 4, 1006.0)
main += event(summary.histogram("w_edges", torch.tensor([0.5, 1.0, 1.5, 2.0, 4.0]), [0.0, 1.0, 2.0, 3.0, 4.0]), 4, 1007.0)
main += event(summary.histogram("w_count", torch.tensor([0.0, 0.25, 0.5, 0.75, 1.0, 1.0]), 4), 4, 1008.0)

scalars = {}
for key, val in {"train": 0.5, "val": 0.75}.items():
    scalars[key] = base64.b64encode(event(summary.scalar("Loss/all", val), 7, 1009.0)).decode()


def image_case(img, dataformats):
    s = summary.image("img", img, dataformats=dataformats)
    im = s.value[0].image
    from PIL import Image
    pixels = np.asarray(Image.open(io.BytesIO(im.encoded_image_string)))
    return {"height": im.height, "width": im.width, "colorspace": im.colorspace, "pixels": pixels.reshape(-1).tolist()}


gray = torch.arange(12, dtype=torch.float32).reshape(1, 3, 4) / 11
rgb = torch.stack([torch.linspace(0, 1, 6).reshape(2, 3), torch.full((2, 3), 0.5), torch.tensor([[1.0, 0.0, 1.2], [-0.1, 0.3, 0.999]])])
batch = torch.arange(10 * 1 * 2 * 2, dtype=torch.float32).reshape(10, 1, 2, 2) / 40
images = {
    "gray_chw": image_case(gray, "CHW"),
    "rgb_chw": image_case(rgb, "CHW"),
    "rgb_hwc": image_case(rgb.permute(1, 2, 0), "HWC"),
    "hw": image_case(gray[0], "HW"),
    "batch_nchw": image_case(batch, "NCHW"),
}

OUT = {"main": base64.b64encode(main).decode(), "scalars": scalars, "images": images,
       "first_event": {"file_version": "brain.Event:2"}}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "tensorboard.json"), "w") as f:
    json.dump(OUT, f, indent=1)
print("wrote tensorboard.json", len(main), "bytes of events")
