"""Golden files for jnn's normalization and activation layers (BatchNormalization,
LayerNormalization, PReLU, ReLU, LeakyReLU, ELU, Softmax), from the real Keras 3.

Each case builds one Keras layer, sets fixed weights drawn from a numpy generator seeded with the
CRC32 of the case name, calls it on a fixed input and writes
jnn-core/src/test/resources/golden/norm/<case>.json:

  {"case", "keras_version", "layer", "config", "x": {"shape", "values"},
   "weights": [{"name", "shape", "values"}]          # get_weights() order, row-major
   "outputs": {"inference": {...}, "training": {...}}, # layer(x, training=False/True)
   "weights_after_training_call": [...]}             # every weight after the training=True call

Floats are float32 values written as the shortest repr of the double, so Java restores them bit
for bit with (float) Double.parseDouble. Re-running rewrites identical files.

usage:  /work/venv/bin/python tools/golden/make_norm_golden.py
"""

import os

os.environ["KERAS_BACKEND"] = "tensorflow"
os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
os.environ["CUDA_VISIBLE_DEVICES"] = ""

import json
import pathlib
import zlib

import numpy as np
import keras

KERAS_VERSION = "3.15.1"
ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "jnn-core" / "src" / "test" / "resources" / "golden" / "norm"


def floats(a):
    return [repr(float(np.float32(v))) for v in np.asarray(a, dtype=np.float32).reshape(-1)]


def tensor(a):
    a = np.asarray(a, dtype=np.float32)
    return {"shape": list(a.shape), "values": [float(v) for v in floats(a)]}


def weights_of(layer):
    return [{"name": w.name, "shape": list(w.shape), "values": [float(v) for v in floats(w.numpy())]}
            for w in layer.weights]


def case(name, make_layer, x_shape, config, weight_fn=None, scale=2.0):
    rng = np.random.default_rng(zlib.crc32(name.encode()))
    x = (rng.standard_normal(x_shape) * scale).astype(np.float32)
    layer = make_layer()
    layer.build(x_shape)
    if weight_fn is not None:
        layer.set_weights(weight_fn(rng, [w.shape for w in layer.weights]))
    before = weights_of(layer)
    inference = np.asarray(layer(x, training=False))
    training = np.asarray(layer(x, training=True))
    doc = {
        "case": name,
        "keras_version": keras.__version__,
        "layer": type(layer).__name__,
        "config": config,
        "x": tensor(x),
        "weights": before,
        "outputs": {"inference": tensor(inference), "training": tensor(training)},
        "weights_after_training_call": weights_of(layer),
    }
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"{name}.json").write_text(json.dumps(doc, indent=1) + "\n")


def bn_weights(rng, shapes):
    out = []
    for i, s in enumerate(shapes):
        if i == len(shapes) - 1:  # moving_variance: positive
            out.append(rng.uniform(0.5, 2.0, s).astype(np.float32))
        else:
            out.append((rng.standard_normal(s)).astype(np.float32))
    return out


def normal_weights(rng, shapes):
    return [(rng.standard_normal(s) * 0.5).astype(np.float32) for s in shapes]


def main():
    assert keras.__version__ == KERAS_VERSION, keras.__version__
    L = keras.layers
    case("batchnorm_default", lambda: L.BatchNormalization(), (6, 4), {}, bn_weights)
    case("batchnorm_rank3_momentum", lambda: L.BatchNormalization(momentum=0.9, epsilon=1e-5),
         (3, 2, 5), {"momentum": 0.9, "epsilon": 1e-5}, bn_weights)
    case("batchnorm_no_center_no_scale", lambda: L.BatchNormalization(center=False, scale=False),
         (5, 3), {"center": False, "scale": False}, bn_weights)
    case("batchnorm_axis1", lambda: L.BatchNormalization(axis=1), (2, 3, 4), {"axis": 1}, bn_weights)
    case("layernorm_default", lambda: L.LayerNormalization(), (3, 2, 5), {}, normal_weights)
    case("layernorm_axis1", lambda: L.LayerNormalization(axis=1, epsilon=1e-5), (2, 4, 3),
         {"axis": 1, "epsilon": 1e-5}, normal_weights)
    case("prelu_default", lambda: L.PReLU(), (4, 3, 2), {}, normal_weights)
    case("prelu_shared", lambda: L.PReLU(shared_axes=[1]), (4, 3, 2), {"shared_axes": [1]}, normal_weights)
    case("relu_default", lambda: L.ReLU(), (4, 5), {})
    case("relu_max6", lambda: L.ReLU(max_value=6.0), (4, 5), {"max_value": 6.0}, scale=5.0)
    case("relu_all", lambda: L.ReLU(max_value=2.0, negative_slope=0.1, threshold=0.5), (4, 5),
         {"max_value": 2.0, "negative_slope": 0.1, "threshold": 0.5})
    case("relu_slope", lambda: L.ReLU(negative_slope=0.2), (4, 5), {"negative_slope": 0.2})
    case("leaky_relu_default", lambda: L.LeakyReLU(), (4, 5), {})
    case("leaky_relu_0_1", lambda: L.LeakyReLU(negative_slope=0.1), (4, 5), {"negative_slope": 0.1})
    case("elu_default", lambda: L.ELU(), (4, 5), {})
    case("elu_alpha", lambda: L.ELU(alpha=0.5), (4, 5), {"alpha": 0.5})
    case("softmax_default", lambda: L.Softmax(), (3, 2, 4), {})
    case("softmax_axis1", lambda: L.Softmax(axis=1), (3, 2, 4), {"axis": 1})


if __name__ == "__main__":
    main()
