"""Numeric parity with PyTorch's DCGAN layout, run by scripts/test.sh.

Installs PyPI `gan-face-generate==1.1.1` (a PyTorch-tutorial DCGAN generator
checkpoint, `weights.tar`: nz 100, ngf 64, 64x64x3) and NumPy into a temporary
folder, never into the repository: the checkpoint's training data is for
non-commercial research only, so it is used here as a test-time reference and
never committed or shipped. Reads the checkpoint without torch, runs our own
NumPy forward pass of the generator (transposed convolutions, batch norm in
eval mode, ReLU, tanh) in float64 on fixed latents, and then runs the Rust
test that loads the same file into our generator and compares (max abs error
<= 1e-4).
"""
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import zipfile

tmp = tempfile.mkdtemp(prefix="gan-torch-parity-")
try:
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "--no-deps", "--root-user-action=ignore", "--break-system-packages", "--target", tmp, "gan-face-generate==1.1.1", "numpy"],
        check=True,
    )
    sys.path.insert(0, tmp)
    import numpy as np

    ckpt = os.path.join(tmp, "gan_face_generate", "weights.tar")

    # --- the checkpoint, without torch: a pickle whose tensors point at zip entries ---
    zf = zipfile.ZipFile(ckpt)
    prefix = next(n for n in zf.namelist() if n.endswith("data.pkl"))[: -len("data.pkl")]

    class Unpickler(pickle.Unpickler):
        def find_class(self, module, name):
            if (module, name) == ("torch._utils", "_rebuild_tensor_v2"):
                def rebuild(storage, offset, size, stride, *rest):
                    n = int(np.prod(size)) if size else 1
                    return storage[offset:offset + n].reshape(size)
                return rebuild
            if (module, name) == ("collections", "OrderedDict"):
                import collections
                return collections.OrderedDict
            if module == "torch" and name.endswith("Storage"):
                return name
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed")

        def persistent_load(self, pid):
            _, kind, key, _, _ = pid
            dtype = {"FloatStorage": np.float32, "LongStorage": np.int64}[kind]
            return np.frombuffer(zf.read(f"{prefix}data/{key}"), dtype=dtype)

    root = Unpickler(zf.open(f"{prefix}data.pkl")).load()
    sd = root["netG_state_dict"] if "netG_state_dict" in root else root
    W = {k: np.asarray(v, dtype=np.float64) for k, v in sd.items() if v.dtype == np.float32}

    # --- our NumPy reference forward ---
    def conv_transpose(x, w, stride, pad):
        """x [n, ci, h, w], w [ci, co, k, k] (PyTorch's ConvTranspose2d layout)."""
        n, ci, h, wd = x.shape
        co, k = w.shape[1], w.shape[2]
        full = np.zeros((n, co, (h - 1) * stride + k, (wd - 1) * stride + k))
        for ky in range(k):
            for kx in range(k):
                contrib = np.einsum("nihw,io->nohw", x, w[:, :, ky, kx])
                full[:, :, ky:ky + stride * (h - 1) + 1:stride, kx:kx + stride * (wd - 1) + 1:stride] += contrib
        oh, ow = full.shape[2] - 2 * pad, full.shape[3] - 2 * pad
        return full[:, :, pad:pad + oh, pad:pad + ow]

    def batch_norm(x, i):
        g, b = W[f"main.{i}.weight"], W[f"main.{i}.bias"]
        m, v = W[f"main.{i}.running_mean"], W[f"main.{i}.running_var"]
        s = g / np.sqrt(v + 1e-5)
        return x * s[None, :, None, None] + (b - m * s)[None, :, None, None]

    z = np.random.RandomState(0).standard_normal((4, 100)).astype(np.float32)
    h = z.astype(np.float64).reshape(4, 100, 1, 1)
    for stage in range(4):
        stride, pad = (1, 0) if stage == 0 else (2, 1)
        h = conv_transpose(h, W[f"main.{3 * stage}.weight"], stride, pad)
        h = np.maximum(batch_norm(h, 3 * stage + 1), 0.0)
    out = np.tanh(conv_transpose(h, W["main.12.weight"], 2, 1))
    assert out.shape == (4, 3, 64, 64), out.shape

    z.tofile(os.path.join(tmp, "z.f32"))
    out.astype(np.float32).tofile(os.path.join(tmp, "out.f32"))
    print(f"NumPy reference: G(z) for 4 latents, output range [{out.min():.3f}, {out.max():.3f}]")

    env = dict(os.environ, GAN_TORCH_CHECKPOINT=ckpt, GAN_TORCH_Z=os.path.join(tmp, "z.f32"),
               GAN_TORCH_OUT=os.path.join(tmp, "out.f32"))
    subprocess.run(["cargo", "test", "--workspace", "--locked", "--test", "torch_parity",
                    "--", "--ignored", "--nocapture"], check=True, env=env)
finally:
    shutil.rmtree(tmp, ignore_errors=True)
