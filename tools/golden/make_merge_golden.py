"""Generates the golden files of jnn's merge layers (Add, Subtract, Multiply, Average, Maximum, Minimum,
Concatenate, Dot) from real Keras 3.

For each case: fixed inputs (numpy, seeded with the CRC32 of the case name), optional Keras masks on
them, and a fixed output weighting r; writes the inputs and masks, y = layer(inputs), the output's
Keras mask, and the gradients of sum(r * y) with respect to every input, to
jnn-core/src/test/resources/golden/merge/<case>.json (all arrays flattened row-major).

usage:  /work/venv/bin/python tools/golden/make_merge_golden.py
"""

import os

os.environ["KERAS_BACKEND"] = "tensorflow"
os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
os.environ["CUDA_VISIBLE_DEVICES"] = ""
os.environ["TF_DETERMINISTIC_OPS"] = "1"

import json
import pathlib
import zlib

import numpy as np
import tensorflow as tf
import keras
from keras.src import backend

OUT = pathlib.Path(__file__).resolve().parents[2] / "jnn-core/src/test/resources/golden/merge"

# name: (class, constructor kwargs, input shapes with batch, masks: None or per input None / "random")
CASES = {
    "add_two": ("Add", {}, [(2, 3, 4), (2, 3, 4)], None),
    "add_three_broadcast": ("Add", {}, [(2, 3, 4), (2, 1, 4), (2, 4)], None),
    "subtract": ("Subtract", {}, [(3, 5), (3, 5)], None),
    "subtract_broadcast": ("Subtract", {}, [(2, 3, 4), (2, 3, 1)], None),
    "multiply_broadcast": ("Multiply", {}, [(2, 3, 1), (2, 3, 4)], None),
    "multiply_three": ("Multiply", {}, [(2, 5), (2, 5), (2, 5)], None),
    "average_three": ("Average", {}, [(2, 3, 2), (2, 3, 2), (2, 3, 2)], None),
    "maximum": ("Maximum", {}, [(2, 3, 4), (2, 3, 4), (2, 3, 4)], None),
    "minimum_broadcast": ("Minimum", {}, [(2, 3, 4), (2, 4)], None),
    "concatenate_last": ("Concatenate", {}, [(2, 3, 4), (2, 3, 2)], None),
    "concatenate_axis1": ("Concatenate", dict(axis=1), [(2, 3, 4), (2, 2, 4), (2, 1, 4)], None),
    "concatenate_axis_neg2": ("Concatenate", dict(axis=-2), [(2, 2, 3), (2, 4, 3)], None),
    "dot_axes1": ("Dot", dict(axes=1), [(3, 5), (3, 5)], None),
    "dot_axes_2_2": ("Dot", dict(axes=(2, 2)), [(2, 3, 4), (2, 5, 4)], None),
    "dot_axes_1_2": ("Dot", dict(axes=(1, 2)), [(2, 4, 3), (2, 5, 4)], None),
    "dot_axes_1_1_rank4": ("Dot", dict(axes=(2, 1)), [(2, 3, 4, 2), (2, 4, 3)], None),
    "dot_normalize": ("Dot", dict(axes=-1, normalize=True), [(2, 3, 4), (2, 5, 4)], None),
    "dot_normalize_rank2": ("Dot", dict(axes=1, normalize=True), [(3, 6), (3, 6)], None),
    "add_masked": ("Add", {}, [(2, 4, 3), (2, 4, 3)], ["random", "random"]),
    "add_one_masked": ("Add", {}, [(2, 4, 3), (2, 4, 3)], ["random", None]),
    "multiply_masked": ("Multiply", {}, [(2, 4, 3), (2, 4, 3)], ["random", "random"]),
    "multiply_one_masked": ("Multiply", {}, [(2, 4, 3), (2, 4, 3)], [None, "random"]),
    "maximum_masked": ("Maximum", {}, [(2, 4, 3), (2, 4, 3), (2, 4, 3)], ["random", "random", "random"]),
    "minimum_mixed_masks": ("Minimum", {}, [(2, 4, 3), (2, 4, 3), (2, 4, 3)], ["random", None, "random"]),
    "concatenate_masked": ("Concatenate", {}, [(2, 4, 3), (2, 4, 2)], ["random", None]),
    "concatenate_axis1_masked": ("Concatenate", dict(axis=1), [(2, 3, 2), (2, 2, 2)], [None, "random"]),
}


def flat(a):
    return [float(v) for v in np.asarray(a, dtype=np.float32).reshape(-1)]


def tensor(a):
    a = np.asarray(a, dtype=np.float32)
    return {"shape": list(a.shape), "values": flat(a)}


def make(name, cls, kwargs, shapes, masks):
    rng = np.random.default_rng(zlib.crc32(name.encode()))
    layer = getattr(keras.layers, cls)(**kwargs)
    xs = [tf.constant(rng.uniform(-1, 1, s).astype(np.float32)) for s in shapes]
    mask_values = []
    for i, s in enumerate(shapes):
        if masks is not None and masks[i] == "random":
            m = rng.uniform(0, 1, s[:-1]) < 0.6
            mask_values.append(m)
        else:
            mask_values.append(None)
    with tf.GradientTape() as tape:
        for x in xs:
            tape.watch(x)
        for x, m in zip(xs, mask_values):
            if m is not None:
                backend.set_keras_mask(x, tf.constant(m))
        y = layer(xs)
        r = tf.constant(rng.uniform(-1, 1, y.shape).astype(np.float32))
        s = tf.reduce_sum(r * y)
    grads = tape.gradient(s, xs)
    out_mask = backend.get_keras_mask(y)
    return {
        "case": name,
        "class": cls,
        "config": {k: (list(v) if isinstance(v, tuple) else v) for k, v in kwargs.items()},
        "inputs": [tensor(x) for x in xs],
        "masks": [None if m is None else flat(m.astype(np.float32)) for m in mask_values],
        "y": tensor(y),
        "mask": None if out_mask is None else tensor(np.asarray(out_mask).astype(np.float32)),
        "r": flat(r),
        "grad_inputs": [flat(np.zeros(x.shape) if g is None else g) for x, g in zip(xs, grads)],
        "keras_version": keras.__version__,
    }


def main():
    tf.config.threading.set_inter_op_parallelism_threads(1)
    tf.config.threading.set_intra_op_parallelism_threads(1)
    OUT.mkdir(parents=True, exist_ok=True)
    for name, (cls, kwargs, shapes, masks) in CASES.items():
        data = make(name, cls, kwargs, shapes, masks)
        (OUT / f"{name}.json").write_text(json.dumps(data, indent=1) + "\n")
        print(f"wrote {name}: {data['y']['shape']} mask={'yes' if data['mask'] else 'no'}")


if __name__ == "__main__":
    main()
