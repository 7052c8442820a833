"""Writes crate/tests/fixtures/netg-small.pth: a PyTorch-tutorial DCGAN `netG`
state dict (nz 8, ngf 4, 64x64) in `torch.save`'s zip format, made without
torch (stand-in `torch` modules give pickle the right global names). Its
values are a formula of each tensor's name and index, so a test can check
every loaded value; they are ours (no training data), so the file is
committed. Run from the repository root: python3 scripts/make-torch-fixture.py
"""
import collections
import math
import pickle
import struct
import sys
import types
import zipfile

torch = types.ModuleType("torch")
utils = types.ModuleType("torch._utils")
sys.modules["torch"], sys.modules["torch._utils"] = torch, utils


class FloatStorage:
    __module__ = "torch"


class LongStorage:
    __module__ = "torch"


torch.FloatStorage, torch.LongStorage = FloatStorage, LongStorage


def _rebuild_tensor_v2(*args):
    raise RuntimeError("only for pickling")


_rebuild_tensor_v2.__module__ = "torch._utils"
utils._rebuild_tensor_v2 = _rebuild_tensor_v2


def value(name, i):
    """The formula the Rust test checks: distinct per tensor and per element."""
    return math.sin(0.37 * i + len(name)) * (0.05 if name.endswith("weight") else 0.5) + (
        1.0 if name.endswith("running_var") else 0.0)


class Tensor:
    def __init__(self, key, storage, shape):
        self.key, self.storage, self.shape = key, storage, shape

    def __reduce__(self):
        stride, acc = [], 1
        for d in reversed(self.shape):
            stride.insert(0, acc)
            acc *= d
        return (_rebuild_tensor_v2, ((self.storage, self.key), 0, tuple(self.shape), tuple(stride), False,
                                     collections.OrderedDict()))


nz, ngf = 8, 4
shapes = collections.OrderedDict()
chans = [nz, 8 * ngf, 4 * ngf, 2 * ngf, ngf]
for s in range(4):
    shapes[f"main.{3 * s}.weight"] = [chans[s], chans[s + 1], 4, 4]
    for f in ("weight", "bias", "running_mean", "running_var"):
        shapes[f"main.{3 * s + 1}.{f}"] = [chans[s + 1]]
    shapes[f"main.{3 * s + 1}.num_batches_tracked"] = []
shapes["main.12.weight"] = [ngf, 3, 4, 4]

state, blobs = collections.OrderedDict(), {}
for k, (name, shape) in enumerate(shapes.items()):
    n = math.prod(shape) if shape else 1
    if name.endswith("num_batches_tracked"):
        blobs[str(k)] = struct.pack("<q", 1234)
        state[name] = Tensor(str(k), LongStorage, shape)
    else:
        blobs[str(k)] = struct.pack(f"<{n}f", *[value(name, i) for i in range(n)])
        state[name] = Tensor(str(k), FloatStorage, shape)


class Pickler(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, tuple) and len(obj) == 2 and obj[0] in (FloatStorage, LongStorage):
            storage, key = obj
            numel = len(blobs[key]) // (4 if storage is FloatStorage else 8)
            return ("storage", storage, key, "cpu", numel)
        return None


import io
buf = io.BytesIO()
Pickler(buf, protocol=2).dump({"netG_state_dict": state})
out = "crate/tests/fixtures/netg-small.pth"
with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as z:
    z.writestr("netg-small/data.pkl", buf.getvalue())
    z.writestr("netg-small/byteorder", "little")
    for key, blob in blobs.items():
        z.writestr(f"netg-small/data/{key}", blob)
    z.writestr("netg-small/version", "3\n")
print(f"wrote {out}")
