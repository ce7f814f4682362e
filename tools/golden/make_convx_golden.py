"""Generates the golden files of jnn's DepthwiseConv2D, SeparableConv2D and Conv2DTranspose from real Keras 3.

For each case: a Keras layer with fixed weights (numpy, seeded with the CRC32 of the case name) and a fixed
input x; writes x, the weights in get_weights() order and layout, y = layer(x), and the gradients of the
sum-of-squares loss sum(y ** 2) with respect to x and every weight (tf.GradientTape), to
jnn-core/src/test/resources/golden/convx/<case>.json (all arrays flattened row-major).

usage:  /work/venv/bin/python tools/golden/make_convx_golden.py
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

OUT = pathlib.Path(__file__).resolve().parents[2] / "jnn-core/src/test/resources/golden/convx"

# name: (class, input shape with batch, keyword arguments)
CASES = {
    "dw_valid_relu": ("DepthwiseConv2D", (2, 5, 6, 3), dict(kernel_size=3, activation="relu")),
    "dw_same_stride2_mult2": ("DepthwiseConv2D", (2, 7, 6, 2), dict(kernel_size=3, strides=2, padding="same",
                                                                  depth_multiplier=2)),
    "dw_dilation_same": ("DepthwiseConv2D", (1, 7, 8, 3), dict(kernel_size=3, dilation_rate=(2, 3), padding="same")),
    "dw_stride2_dilation2_mult3": ("DepthwiseConv2D", (1, 9, 9, 2), dict(kernel_size=3, strides=2, dilation_rate=2,
                                                                       depth_multiplier=3, use_bias=False)),
    "dw_rect_even_same_tanh": ("DepthwiseConv2D", (2, 6, 5, 2), dict(kernel_size=(2, 4), padding="same",
                                                                   activation="tanh")),
    "sep_valid": ("SeparableConv2D", (2, 6, 5, 3), dict(filters=4, kernel_size=3)),
    "sep_same_stride2_mult2_relu": ("SeparableConv2D", (2, 7, 6, 2), dict(filters=3, kernel_size=3, strides=2,
                                                                        padding="same", depth_multiplier=2,
                                                                        activation="relu")),
    "sep_dilation2_nobias_tanh": ("SeparableConv2D", (1, 8, 7, 2), dict(filters=2, kernel_size=3, dilation_rate=2,
                                                                      use_bias=False, activation="tanh")),
    "sep_stride2_dilation2_same": ("SeparableConv2D", (1, 9, 8, 2), dict(filters=3, kernel_size=2, strides=2,
                                                                       dilation_rate=2, padding="same")),
    "convt_valid": ("Conv2DTranspose", (2, 3, 4, 2), dict(filters=3, kernel_size=3)),
    "convt_same_stride2": ("Conv2DTranspose", (2, 3, 4, 2), dict(filters=2, kernel_size=3, strides=2,
                                                               padding="same")),
    "convt_same_stride2_op1": ("Conv2DTranspose", (1, 3, 3, 2), dict(filters=2, kernel_size=3, strides=2,
                                                                   padding="same", output_padding=1)),
    "convt_same_even_stride3_op1": ("Conv2DTranspose", (1, 3, 2, 2), dict(filters=2, kernel_size=4, strides=3,
                                                                        padding="same", output_padding=1)),
    "convt_valid_stride3_default_op": ("Conv2DTranspose", (2, 2, 3, 3), dict(filters=2, kernel_size=2, strides=3)),
    "convt_valid_rect_op": ("Conv2DTranspose", (1, 3, 2, 2), dict(filters=2, kernel_size=(2, 3), strides=(3, 2),
                                                                output_padding=(1, 0))),
    "convt_dilation2_same_relu": ("Conv2DTranspose", (1, 4, 5, 2), dict(filters=3, kernel_size=3, dilation_rate=2,
                                                                      padding="same", activation="relu")),
    "convt_even_same_stride2_sigmoid": ("Conv2DTranspose", (2, 3, 3, 2), dict(filters=2, kernel_size=4, strides=2,
                                                                            padding="same", activation="sigmoid")),
    "convt_1x1_nobias": ("Conv2DTranspose", (2, 3, 4, 5), dict(filters=3, kernel_size=1, use_bias=False)),
}

CONFIG_KEYS = ("filters", "kernel_size", "strides", "padding", "output_padding", "dilation_rate",
               "depth_multiplier", "activation", "use_bias")


def flat(a):
    return [float(v) for v in np.asarray(a, dtype=np.float32).reshape(-1)]


def undilated(cls, kwargs, weights):
    """TensorFlow's CPU Conv2DBackpropInput has no dilation, so a dilated Conv2DTranspose is run as the
    same layer with its kernel spread out by zeros (what dilation means): returns that layer's kwargs,
    its weights, and the kernel index of every tap of the dilated kernel."""
    dh, dw = kwargs["dilation_rate"] if isinstance(kwargs["dilation_rate"], tuple) else (kwargs["dilation_rate"],) * 2
    kernel = weights[0]
    kh, kw = kernel.shape[:2]
    spread = np.zeros(((kh - 1) * dh + 1, (kw - 1) * dw + 1) + kernel.shape[2:], np.float32)
    taps = (slice(None, None, dh), slice(None, None, dw))
    spread[taps] = kernel
    plain = dict(kwargs, kernel_size=spread.shape[:2], dilation_rate=1)
    return plain, [spread] + weights[1:], taps


def make(name, cls, shape, kwargs):
    rng = np.random.default_rng(zlib.crc32(name.encode()))
    layer = getattr(keras.layers, cls)(**kwargs)
    layer.build(shape)
    weights = [rng.uniform(-1, 1, w.shape).astype(np.float32) for w in layer.get_weights()]
    layer.set_weights(weights)
    x = tf.constant(rng.uniform(-1, 1, shape).astype(np.float32))
    taps = None
    run = layer
    if cls == "Conv2DTranspose" and "dilation_rate" in kwargs:
        plain, spread, taps = undilated(cls, kwargs, weights)
        run = getattr(keras.layers, cls)(**plain)
        run.build(shape)
        run.set_weights(spread)
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = run(x)
        loss = tf.reduce_sum(tf.square(y))
    grads = tape.gradient(loss, [x] + run.trainable_weights)
    if taps is not None:
        grads[1] = np.asarray(grads[1])[taps]
    config = layer.get_config()
    return {
        "case": name,
        "class": cls,
        "config": {k: config[k] for k in CONFIG_KEYS if k in config},
        "weight_names": [w.path.split("/")[-1] for w in layer.weights],
        "input_shape": list(shape),
        "x": flat(x),
        "weights": [{"shape": list(w.shape), "values": flat(w)} for w in weights],
        "output_shape": list(y.shape),
        "y": flat(y),
        "loss": "sum_of_squares",
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
        print(f"wrote {name}: {data['output_shape']} {data['weight_names']}")


if __name__ == "__main__":
    main()
