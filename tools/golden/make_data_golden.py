"""Writes the numpy-made .npy/.npz/IDX golden files for dev.jnn.data tests.

Run:  /work/venv/bin/python tools/golden/make_data_golden.py
Output: jnn-core/src/test/resources/golden/data/ (small files plus manifest.json, which lists
every .npy with its shape and the expected values as float32, row-major).
"""
import gzip
import json
import os
import struct

import numpy as np

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "jnn-core", "src", "test", "resources", "golden", "data")


def values(dtype, shape):
    n = int(np.prod(shape))
    rng = np.random.default_rng(1234)
    if dtype == "b1":
        return (rng.integers(0, 2, n) == 1).reshape(shape)
    kind = np.dtype(dtype).kind
    if kind == "f":
        return (rng.standard_normal(n) * 3).astype(dtype).reshape(shape)
    info = np.iinfo(np.dtype(dtype))
    lo = max(info.min, -1000)
    hi = min(info.max, 100000)
    v = rng.integers(lo, hi, n, dtype=np.int64)
    v[0] = info.min if info.min >= -(2**31) else -(2**31)   # exercise extremes that a float32 can hold exactly
    v[-1] = min(info.max, 2**24)
    return v.astype(dtype).reshape(shape)


def main():
    os.makedirs(OUT, exist_ok=True)
    manifest = []

    def save(name, arr, version=None):
        path = os.path.join(OUT, name)
        with open(path, "wb") as f:
            np.lib.format.write_array(f, arr, version=version, allow_pickle=False)
        manifest.append({
            "file": name,
            "shape": list(arr.shape),
            "descr": np.lib.format.dtype_to_descr(arr.dtype),
            "fortran": bool(arr.flags.f_contiguous and not arr.flags.c_contiguous),
            "values": [float(v) for v in np.ascontiguousarray(arr).astype(np.float32).ravel()],
        })

    for dt in ["f2", "f4", "f8", "i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8", "b1"]:
        a = values(dt, (3, 4))
        save(f"{dt}_c_le.npy", a.astype(np.dtype(dt).newbyteorder("<")))
        if np.dtype(dt).itemsize > 1:
            save(f"{dt}_c_be.npy", a.astype(np.dtype(dt).newbyteorder(">")))
        save(f"{dt}_f_le.npy", np.asfortranarray(values(dt, (2, 3, 4))))
    save("f4_v2.npy", values("f4", (5,)), version=(2, 0))
    save("f4_v3.npy", values("f4", (2, 2)), version=(3, 0))
    save("f8_f_be_v2.npy", np.asfortranarray(values("f8", (3, 2, 2)).astype(">f8")), version=(2, 0))
    save("f4_scalar.npy", np.array(2.5, dtype=np.float32))
    save("f4_empty.npy", np.zeros((0, 3), dtype=np.float32))

    x = values("f4", (4, 3))
    y = np.array([0, 2, 1, 2], dtype=np.int64)
    np.savez(os.path.join(OUT, "stored.npz"), x=x, y=y)
    np.savez_compressed(os.path.join(OUT, "deflated.npz"), x=x, y=y)
    npz = {"x": {"shape": list(x.shape), "values": [float(v) for v in x.ravel()]},
           "y": {"shape": list(y.shape), "values": [float(v) for v in y.ravel()]}}

    # IDX: 3 images of 2x3 ubyte, plain, and their labels gzip-compressed; a float IDX too.
    imgs = np.arange(18, dtype=np.uint8).reshape(3, 2, 3) * 14
    with open(os.path.join(OUT, "images-idx3-ubyte"), "wb") as f:
        f.write(struct.pack(">IIII", 0x0803, 3, 2, 3) + imgs.tobytes())
    labels = np.array([7, 0, 9], dtype=np.uint8)
    with gzip.open(os.path.join(OUT, "labels-idx1-ubyte.gz"), "wb") as f:
        f.write(struct.pack(">II", 0x0801, 3) + labels.tobytes())
    fl = values("f4", (2, 2))
    with open(os.path.join(OUT, "floats-idx2-float"), "wb") as f:
        f.write(struct.pack(">I", 0x0D02) + struct.pack(">II", 2, 2) + fl.astype(">f4").tobytes())
    idx = {"images": {"shape": [3, 2, 3], "values": [float(v) for v in imgs.ravel()]},
           "labels": [int(v) for v in labels],
           "floats": {"shape": [2, 2], "values": [float(v) for v in fl.ravel()]}}

    with open(os.path.join(OUT, "manifest.json"), "w") as f:
        json.dump({"numpy": np.__version__, "npy": manifest, "npz": npz, "idx": idx}, f, indent=1)


if __name__ == "__main__":
    main()
