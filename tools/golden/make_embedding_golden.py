"""Generates the golden files of jnn's Embedding, Masking and TimeDistributed layers from real Keras 3.

For each case: fixed weights (numpy, seeded with the CRC32 of the case name, set with set_weights), a
fixed input and a fixed output weighting r; writes the input, the weights in get_weights() order,
y = layer(x), the output's Keras mask, and the gradients of sum(r * y) with respect to x (where x is
differentiable) and every weight, to jnn-core/src/test/resources/golden/embedding/<case>.json (all
arrays flattened row-major).

usage:  /work/venv/bin/python tools/golden/make_embedding_golden.py
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

OUT = pathlib.Path(__file__).resolve().parents[2] / "jnn-core/src/test/resources/golden/embedding"


def ids(rng, shape, high, zeros=False):
    a = rng.integers(1 if zeros else 0, high, shape)
    if zeros:
        a[..., -2:] = 0  # trailing padding, as a padded batch has
        a[0, 0] = 0
    return a.astype(np.float32)


def uniform(rng, shape, zero_steps=None, value=0.0):
    a = rng.uniform(-1, 1, shape).astype(np.float32)
    for idx in zero_steps or []:
        a[idx] = value
    return a


# name: (layer factory, input maker(rng), whether x is differentiable, input mask maker or None)
CASES = {
    "embedding_basic": (lambda: keras.layers.Embedding(7, 3), lambda r: ids(r, (3, 5), 7), False, None),
    "embedding_mask_zero": (lambda: keras.layers.Embedding(6, 4, mask_zero=True),
                            lambda r: ids(r, (2, 6), 6, zeros=True), False, None),
    "embedding_rank3": (lambda: keras.layers.Embedding(5, 2), lambda r: ids(r, (2, 3, 2), 5), False, None),
    "masking_default": (lambda: keras.layers.Masking(),
                        lambda r: uniform(r, (2, 4, 3), [(0, 1), (1, 3), (1, 0)]), True, None),
    "masking_value": (lambda: keras.layers.Masking(mask_value=-1.0),
                      lambda r: uniform(r, (2, 5, 2), [(0, 4), (1, 2)], value=-1.0), True, None),
    "time_distributed_dense": (lambda: keras.layers.TimeDistributed(keras.layers.Dense(4, activation="tanh")),
                               lambda r: uniform(r, (2, 3, 5)), True, None),
    "time_distributed_dense_rank4": (lambda: keras.layers.TimeDistributed(keras.layers.Dense(2)),
                                     lambda r: uniform(r, (2, 3, 4, 5)), True, None),
    "time_distributed_conv1d": (lambda: keras.layers.TimeDistributed(keras.layers.Conv1D(3, 2, activation="relu")),
                                lambda r: uniform(r, (2, 3, 6, 2)), True, None),
    "time_distributed_masked": (lambda: keras.layers.TimeDistributed(keras.layers.Dense(3)),
                                lambda r: uniform(r, (2, 4, 2)), True, lambda r: r.uniform(0, 1, (2, 4)) < 0.6),
}


def flat(a):
    return [float(v) for v in np.asarray(a, dtype=np.float32).reshape(-1)]


def tensor(a):
    a = np.asarray(a, dtype=np.float32)
    return {"shape": list(a.shape), "values": flat(a)}


def make(name, factory, make_x, differentiable, make_mask):
    rng = np.random.default_rng(zlib.crc32(name.encode()))
    layer = factory()
    x_np = make_x(rng)
    mask_np = make_mask(rng) if make_mask else None
    layer.build(x_np.shape)
    weights = [rng.uniform(-1, 1, w.shape).astype(np.float32) for w in layer.get_weights()]
    layer.set_weights(weights)
    x = tf.constant(x_np)
    with tf.GradientTape() as tape:
        if differentiable:
            tape.watch(x)
        if mask_np is not None:
            backend.set_keras_mask(x, tf.constant(mask_np))
        y = layer(x)
        r = tf.constant(rng.uniform(-1, 1, y.shape).astype(np.float32))
        s = tf.reduce_sum(r * y)
    sources = ([x] if differentiable else []) + layer.trainable_weights
    grads = [tf.convert_to_tensor(g) for g in tape.gradient(s, sources)]
    out_mask = backend.get_keras_mask(y)
    config = layer.get_config()
    config.pop("dtype", None)
    if "layer" in config:
        config = {"layer": {"class_name": config["layer"]["class_name"], "config": {
            k: v for k, v in config["layer"]["config"].items()
            if k in ("units", "activation", "filters", "kernel_size", "use_bias")}}}
    else:
        config = {k: v for k, v in config.items() if k in ("input_dim", "output_dim", "mask_zero", "mask_value")}
    return {
        "case": name,
        "class": layer.__class__.__name__,
        "config": config,
        "x": tensor(x_np),
        "x_mask": None if mask_np is None else flat(mask_np.astype(np.float32)),
        "weights": [{"name": w.name, "shape": list(v.shape), "values": flat(v)} for w, v in zip(layer.weights, weights)],
        "y": tensor(y),
        "mask": None if out_mask is None else tensor(np.asarray(out_mask).astype(np.float32)),
        "r": flat(r),
        "grad_x": flat(grads[0]) if differentiable else None,
        "grad_weights": [flat(g) for g in grads[1 if differentiable else 0:]],
        "keras_version": keras.__version__,
    }


def main():
    tf.config.threading.set_inter_op_parallelism_threads(1)
    tf.config.threading.set_intra_op_parallelism_threads(1)
    OUT.mkdir(parents=True, exist_ok=True)
    for name, (factory, make_x, differentiable, make_mask) in CASES.items():
        data = make(name, factory, make_x, differentiable, make_mask)
        (OUT / f"{name}.json").write_text(json.dumps(data, indent=1) + "\n")
        print(f"wrote {name}: {data['y']['shape']} mask={'yes' if data['mask'] else 'no'}")


if __name__ == "__main__":
    main()
