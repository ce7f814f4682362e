"""Generates the golden files of jnn's convolution layers (Conv1D, Conv2D) from real Keras 3.

For each case: a Keras layer with fixed weights (numpy, seeded with the CRC32 of the case name), a
fixed input x and a fixed output weighting r; writes x, the weights in get_weights() order and
layout, y = layer(x), and the gradients of sum(r * y) with respect to x and every weight, to
jnn-core/src/test/resources/golden/conv/<case>.json (all arrays flattened row-major).

usage:  /work/venv/bin/python tools/golden/make_conv_golden.py
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

OUT = pathlib.Path(__file__).resolve().parents[2] / "jnn-core/src/test/resources/golden/conv"

# name: (class, input shape with batch, keyword arguments)
CASES = {
    "conv2d_valid_relu": ("Conv2D", (2, 5, 6, 3), dict(filters=4, kernel_size=3, activation="relu")),
    "conv2d_same_stride2": ("Conv2D", (2, 7, 6, 2), dict(filters=3, kernel_size=3, strides=2, padding="same")),
    "conv2d_same_even_kernel": ("Conv2D", (2, 6, 5, 2), dict(filters=3, kernel_size=4, padding="same")),
    "conv2d_same_stride2_even": ("Conv2D", (1, 8, 8, 2), dict(filters=2, kernel_size=2, strides=2, padding="same")),
    "conv2d_dilation2_tanh": ("Conv2D", (2, 8, 7, 2), dict(filters=3, kernel_size=3, dilation_rate=2,
                                                           activation="tanh")),
    "conv2d_dilation2_same": ("Conv2D", (1, 6, 7, 3), dict(filters=2, kernel_size=3, dilation_rate=(2, 3),
                                                           padding="same")),
    "conv2d_rect_same_nobias": ("Conv2D", (2, 5, 7, 2), dict(filters=3, kernel_size=(2, 3), strides=(1, 2),
                                                             padding="same", use_bias=False)),
    "conv2d_rect_valid_stride": ("Conv2D", (2, 7, 5, 3), dict(filters=2, kernel_size=(3, 1), strides=(2, 1))),
    "conv2d_1x1_sigmoid": ("Conv2D", (2, 3, 4, 5), dict(filters=3, kernel_size=1, activation="sigmoid")),
    "conv2d_softmax": ("Conv2D", (1, 4, 4, 2), dict(filters=3, kernel_size=2, activation="softmax")),
    "conv1d_valid": ("Conv1D", (2, 9, 3), dict(filters=4, kernel_size=3)),
    "conv1d_same_stride2": ("Conv1D", (2, 9, 2), dict(filters=3, kernel_size=4, strides=2, padding="same")),
    "conv1d_causal_relu": ("Conv1D", (2, 7, 2), dict(filters=3, kernel_size=3, padding="causal",
                                                     activation="relu")),
    "conv1d_causal_dilation2": ("Conv1D", (2, 10, 3), dict(filters=2, kernel_size=2, dilation_rate=2,
                                                           padding="causal")),
    "conv1d_causal_stride2": ("Conv1D", (1, 9, 2), dict(filters=2, kernel_size=3, strides=2, padding="causal")),
    "conv1d_dilation3_valid": ("Conv1D", (2, 12, 2), dict(filters=3, kernel_size=3, dilation_rate=3,
                                                          use_bias=False, activation="tanh")),
}


def flat(a):
    return [float(v) for v in np.asarray(a, dtype=np.float32).reshape(-1)]


def make(name, cls, shape, kwargs):
    rng = np.random.default_rng(zlib.crc32(name.encode()))
    layer = getattr(keras.layers, cls)(**kwargs)
    layer.build(shape)
    weights = [rng.uniform(-1, 1, w.shape).astype(np.float32) for w in layer.get_weights()]
    layer.set_weights(weights)
    x = tf.constant(rng.uniform(-1, 1, shape).astype(np.float32))
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = layer(x)
        r = tf.constant(rng.uniform(-1, 1, y.shape).astype(np.float32))
        s = tf.reduce_sum(r * y)
    grads = tape.gradient(s, [x] + layer.trainable_weights)
    config = layer.get_config()
    return {
        "case": name,
        "class": cls,
        "config": {k: config[k] for k in ("filters", "kernel_size", "strides", "padding", "dilation_rate",
                                           "activation", "use_bias")},
        "input_shape": list(shape),
        "x": flat(x),
        "weights": [{"shape": list(w.shape), "values": flat(w)} for w in weights],
        "output_shape": list(y.shape),
        "y": flat(y),
        "r": flat(r),
        "grad_x": flat(grads[0]),
        "grad_weights": [flat(g) for g in grads[1:]],
        "keras_version": keras.__version__,
    }


def main():
    tf.config.threading.set_inter_op_parallelism_threads(1)
    tf.config.threading.set_intra_op_parallelism_threads(1)
    OUT.mkdir(parents=True, exist_ok=True)
    for name, (cls, shape, kwargs) in CASES.items():
        data = make(name, cls, shape, kwargs)
        (OUT / f"{name}.json").write_text(json.dumps(data, indent=1) + "\n")
        print(f"wrote {name}: {data['output_shape']}")


if __name__ == "__main__":
    main()
