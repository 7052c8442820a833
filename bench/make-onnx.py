"""Writes the shipped pretrained generator (www/assets/faces-generator.safetensors)
as an ONNX model, for the onnxruntime-web comparison in bench/faces.mjs.
Installs the `onnx` package (and NumPy) with pip into a temporary folder.

    python3 bench/make-onnx.py OUT.onnx
"""
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile

out_path = sys.argv[1]
here = os.path.dirname(os.path.abspath(__file__))
tmp = tempfile.mkdtemp(prefix="gan-onnx-")
try:
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    "--root-user-action=ignore", "--break-system-packages", "--target", tmp,
                    "onnx", "numpy"], check=True)
    sys.path.insert(0, tmp)
    import numpy as np
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    raw = open(os.path.join(here, "..", "www", "assets", "faces-generator.safetensors"), "rb").read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n])
    meta = header.pop("__metadata__")
    setup = json.loads(meta["config"])
    body = raw[8 + n:]

    def tensor(name):
        h = header[name]
        a, b = h["data_offsets"]
        dtype = {"F16": np.float16, "F32": np.float32}[h["dtype"]]
        return np.frombuffer(body[a:b], dtype=dtype).astype(np.float32).reshape(h["shape"])

    stages = 4 if setup["resolution"] == 64 else 3
    nodes, inits = [], []
    x = "z"
    for i in range(stages + 1):
        wname = f"g.convs.{i}.weight"
        inits.append(numpy_helper.from_array(tensor(wname), wname))
        stride, pad = (1, 0) if i == 0 else (2, 1)
        y = f"conv{i}"
        nodes.append(helper.make_node("ConvTranspose", [x, wname], [y], kernel_shape=[4, 4],
                                      strides=[stride, stride], pads=[pad] * 4))
        x = y
        if i < stages:
            names = [f"g.norms.{i}.{f}" for f in ("gamma", "beta", "running_mean", "running_var")]
            for nm in names:
                inits.append(numpy_helper.from_array(tensor(nm), nm))
            nodes.append(helper.make_node("BatchNormalization", [x, *names], [f"bn{i}"], epsilon=1e-5))
            nodes.append(helper.make_node("Relu", [f"bn{i}"], [f"relu{i}"]))
            x = f"relu{i}"
    nodes.append(helper.make_node("Tanh", [x], ["image"]))
    k, r = setup["latentDim"], setup["resolution"]
    graph = helper.make_graph(
        nodes, "dcgan_generator",
        [helper.make_tensor_value_info("z", TensorProto.FLOAT, ["n", k, 1, 1])],
        [helper.make_tensor_value_info("image", TensorProto.FLOAT, ["n", 3, r, r])],
        inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, out_path)
    print(f"wrote {out_path}: G with ngf {setup['ngf']}, {k}-D latent, {r}x{r}")
finally:
    shutil.rmtree(tmp, ignore_errors=True)
