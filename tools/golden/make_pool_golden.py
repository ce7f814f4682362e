"""Generates the golden files of jnn's pooling and shape layers from the real Keras 3.

For every case: the layer's constructor arguments, a fixed input (numpy, seeded by the CRC32 of
the case id), a fixed upstream gradient r, and what Keras/TensorFlow computes: the output and the
gradient of sum(r * output) with respect to the input (tf.GradientTape). Some max-pooling cases use
small integers, so ties occur and the tie rule of the gradient is pinned too.

Writes jnn-core/src/test/resources/golden/pool/<ClassName>.json; re-running rewrites identical files.

usage:  /work/venv/bin/python tools/golden/make_pool_golden.py
"""

import os

os.environ["KERAS_BACKEND"] = "tensorflow"
os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
os.environ["CUDA_VISIBLE_DEVICES"] = ""

import json
import pathlib
import zlib

import numpy as np
import tensorflow as tf

import keras

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "jnn-core" / "src" / "test" / "resources" / "golden" / "pool"

# (class name, constructor kwargs, input shape with batch, integer-valued input for ties)
CASES = {
    "MaxPooling2D": [
        ({}, (2, 4, 4, 3), False),
        ({"pool_size": (3, 3), "strides": (2, 2), "padding": "same"}, (2, 7, 5, 2), False),
        ({"pool_size": (2, 3), "strides": (1, 2), "padding": "valid"}, (1, 5, 7, 3), False),
        ({"pool_size": (2, 2), "padding": "same"}, (2, 5, 5, 1), False),
        ({"pool_size": (3, 2), "strides": (1, 1), "padding": "same"}, (2, 4, 5, 2), True),
        ({"pool_size": (2, 2), "strides": (1, 1)}, (1, 4, 4, 2), True),
    ],
    "AveragePooling2D": [
        ({"pool_size": (2, 2)}, (2, 4, 4, 3), False),
        ({"pool_size": (3, 3), "strides": (2, 2), "padding": "same"}, (2, 7, 5, 2), False),
        ({"pool_size": (2, 3), "strides": (1, 2), "padding": "valid"}, (1, 5, 7, 3), False),
        ({"pool_size": (2, 2), "padding": "same"}, (2, 5, 5, 1), False),
        ({"pool_size": (3, 2), "strides": (1, 1), "padding": "same"}, (2, 4, 5, 2), False),
    ],
    "MaxPooling1D": [
        ({}, (2, 6, 3), False),
        ({"pool_size": 3, "strides": 2, "padding": "same"}, (2, 7, 2), False),
        ({"pool_size": 3, "strides": 1, "padding": "valid"}, (1, 5, 4), False),
        ({"pool_size": 2, "padding": "same"}, (2, 5, 1), False),
        ({"pool_size": 3, "strides": 1, "padding": "same"}, (2, 6, 2), True),
    ],
    "AveragePooling1D": [
        ({"pool_size": 2}, (2, 6, 3), False),
        ({"pool_size": 3, "strides": 2, "padding": "same"}, (2, 7, 2), False),
        ({"pool_size": 3, "strides": 1, "padding": "valid"}, (1, 5, 4), False),
        ({"pool_size": 2, "padding": "same"}, (2, 5, 1), False),
        ({"pool_size": 4, "strides": 1, "padding": "same"}, (2, 6, 2), False),
    ],
    "GlobalMaxPooling1D": [
        ({}, (2, 5, 3), False),
        ({"keepdims": True}, (2, 4, 2), False),
        ({}, (3, 6, 2), True),
    ],
    "GlobalAveragePooling1D": [
        ({}, (2, 5, 3), False),
        ({"keepdims": True}, (2, 4, 2), False),
    ],
    "GlobalMaxPooling2D": [
        ({}, (2, 3, 4, 3), False),
        ({"keepdims": True}, (2, 3, 3, 2), False),
        ({}, (2, 3, 3, 2), True),
    ],
    "GlobalAveragePooling2D": [
        ({}, (2, 3, 4, 3), False),
        ({"keepdims": True}, (2, 3, 3, 2), False),
    ],
    "ZeroPadding2D": [
        ({}, (2, 3, 4, 2), False),
        ({"padding": 2}, (1, 2, 3, 1), False),
        ({"padding": ((1, 2), (0, 3))}, (2, 3, 3, 2), False),
        ({"padding": (2, 1)}, (1, 3, 2, 3), False),
    ],
    "Cropping2D": [
        ({"cropping": 1}, (2, 4, 5, 2), False),
        ({"cropping": ((1, 2), (0, 3))}, (2, 5, 6, 2), False),
        ({"cropping": (2, 1)}, (1, 7, 4, 3), False),
        ({}, (1, 2, 3, 1), False),
    ],
    "UpSampling2D": [
        ({}, (2, 3, 2, 2), False),
        ({"size": (3, 2)}, (1, 2, 3, 3), False),
        ({"size": (1, 4)}, (2, 3, 1, 1), False),
    ],
    "Permute": [
        ({"dims": (2, 1)}, (2, 3, 4), False),
        ({"dims": (3, 1, 2)}, (2, 2, 3, 4), False),
        ({"dims": (2, 3, 1)}, (1, 3, 2, 5), False),
        ({"dims": (1, 2)}, (2, 3, 2), False),
    ],
    "RepeatVector": [
        ({"n": 3}, (2, 4), False),
        ({"n": 1}, (3, 2), False),
    ],
}


def jsonable(v):
    if isinstance(v, tuple):
        return [jsonable(e) for e in v]
    return v


def run(cls_name, kwargs, shape, integers, index):
    seed = zlib.crc32(f"{cls_name}/{index}".encode())
    rng = np.random.default_rng(seed)
    if integers:
        x = rng.integers(0, 3, size=shape).astype(np.float32)
    else:
        x = rng.uniform(-1, 1, size=shape).astype(np.float32)
    layer = getattr(keras.layers, cls_name)(**kwargs)
    xt = tf.constant(x)
    with tf.GradientTape() as tape:
        tape.watch(xt)
        y = layer(xt)
        r = tf.constant(rng.uniform(-1, 1, size=y.shape).astype(np.float32))
        s = tf.reduce_sum(r * y)
    g = tape.gradient(s, xt)
    return {
        "kwargs": {k: jsonable(v) for k, v in kwargs.items()},
        "input_shape": list(shape),
        "input": x.ravel().tolist(),
        "output_shape": list(y.shape),
        "output": y.numpy().ravel().tolist(),
        "upstream": r.numpy().ravel().tolist(),
        "input_grad": g.numpy().ravel().tolist(),
    }


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for cls_name, cases in CASES.items():
        doc = {
            "keras_version": keras.__version__,
            "layer": cls_name,
            "cases": [run(cls_name, kw, shape, ints, i) for i, (kw, shape, ints) in enumerate(cases)],
        }
        path = OUT / f"{cls_name}.json"
        path.write_text(json.dumps(doc, indent=1) + "\n")
        print("wrote", path.relative_to(ROOT))


if __name__ == "__main__":
    main()
