"""Golden files for the layers jnn added to read real Keras files (Rescaling, Normalization, the image
preprocessing and augmentation layers, the 1-D shape layers, noise and normalization layers, the 1-D
convolution variants, AdditiveAttention), from real Keras 3.15.1 on TensorFlow.

For each case, jnn-core/src/test/resources/golden/layers5/<case>.json holds:
  "config":         what a .keras file's config.json holds for Sequential([Input(shape), layer]),
  "legacy_config":  the legacy .h5 model_config of that model,
  "x", "weights":   the input and the layer's weights (get_weights() order), seeded numpy values,
  "weight_names":   the weights' names as Keras stores them,
  "y":              layer(x, training=False),
  "grad_x", "grad_weights": gradients of sum(y**2) (tf.GradientTape) for x and the trainable weights,
and, for the random augmentation layers, "train": the drawn parameters, fixed by hand, and Keras's own
transform of x for them (the layer's transform_images with that transformation), with the gradient
of sum(y**2) for x where TensorFlow's gradient is the exact one.

Floats are float32 values written as the shortest decimal of the double. Run from the repository root:
    /work/venv/bin/python tools/golden/make_layers5_golden.py [name-filter]
Re-running rewrites identical files (data from numpy generators seeded with the CRC32 of the case).
"""
import json
import os
import sys
import tempfile
import zlib

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")
os.environ.setdefault("TF_DETERMINISTIC_OPS", "1")

import h5py  # noqa: E402
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
import keras  # noqa: E402
from keras import layers as L  # noqa: E402
from keras.src.legacy.saving import legacy_h5_format  # noqa: E402
from keras.src.saving import serialization_lib  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../jnn-core/src/test/resources/golden/layers5")
CASES = {}


def case(name):
    def register(fn):
        CASES[name] = fn
        return fn
    return register


def flat(a):
    return [float(v) for v in np.asarray(a, dtype=np.float32).reshape(-1)]


def tensor(a):
    a = np.asarray(a, dtype=np.float32)
    return {"shape": list(a.shape), "values": flat(a)}


def rng_of(name):
    return np.random.default_rng(zlib.crc32(name.encode()))


def legacy_config(model):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "m.h5")
        legacy_h5_format.save_model_to_hdf5(model, path, include_optimizer=False)
        with h5py.File(path, "r") as f:
            mc = f.attrs.get("model_config")
    return json.loads(mc.decode() if isinstance(mc, bytes) else mc)


def gradients(layer, x, training=False, call=None):
    """y = layer(x) (or call(x)) and the gradients of sum(y**2) for x and the trainable weights."""
    x = tf.constant(x)
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = call(x) if call is not None else layer(x, training=training)
        loss = tf.reduce_sum(tf.square(y))
    grads = tape.gradient(loss, [x] + list(layer.trainable_weights))
    return y, grads


def layer_case(name, make, shape, low=-1.0, high=1.0, weights=None, grads=True):
    """A layer in Sequential([Input(shape[1:]), layer]): its configs, weights, inference output and gradients."""
    rng = rng_of(name)
    layer = make()
    model = keras.Sequential([keras.Input(shape[1:]), layer])
    if weights is not None:
        layer.set_weights(weights(rng, layer))
    elif layer.weights:
        layer.set_weights([rng.uniform(-1, 1, w.shape).astype(np.float32) for w in layer.get_weights()])
    x = rng.uniform(low, high, shape).astype(np.float32)
    y, g = gradients(layer, x)
    out = {
        "case": name,
        "class": type(layer).__name__,
        "keras_version": keras.__version__,
        "config": serialization_lib.serialize_keras_object(model),
        "legacy_config": legacy_config(model),
        "input_shape": list(shape),
        "x": tensor(x),
        "weight_names": [w.path.split("/")[-1] for w in layer.weights],
        "weights": [tensor(w) for w in layer.get_weights()],
        "y": tensor(y),
    }
    if grads:
        out["grad_x"] = flat(g[0]) if g[0] is not None else None
        out["grad_weights"] = [flat(w) for w in g[1:]]
    return out, layer, x


# ---- Rescaling ----

@case("rescaling_scalar")
def _(name):
    return layer_case(name, lambda: L.Rescaling(1 / 255.0), (2, 3, 4, 3), 0, 255)[0]


@case("rescaling_offset")
def _(name):
    return layer_case(name, lambda: L.Rescaling(1 / 127.5, offset=-1), (2, 5), 0, 255)[0]


@case("rescaling_per_channel")
def _(name):
    std = [0.229, 0.224, 0.225]
    mean = [0.485, 0.456, 0.406]
    return layer_case(name, lambda: L.Rescaling([1 / s for s in std], offset=[-m / s for m, s in zip(mean, std)]),
                      (2, 2, 3, 3), 0, 1)[0]


@case("rescaling_numpy_column")
def _(name):
    return layer_case(name, lambda: L.Rescaling(np.array([[2.0], [0.5], [-1.0], [3.0], [0.25]], dtype="float32"),
                                                offset=0.5), (2, 5, 2))[0]


# ---- Normalization ----

def adapted_case(name, make, shape, data_shape, low=-1.0, high=1.0):
    """A Normalization adapted on seeded data (inside its model, so build_config keeps a None batch)."""
    data = rng_of(name + "/adapt").uniform(-3, 5, data_shape).astype(np.float32)
    box = {}

    def adapt(rng, layer):
        layer.adapt(data)
        box["weights"] = layer.get_weights()
        return box["weights"]
    out, layer, x = layer_case(name, make, shape, low, high, weights=adapt)
    out["adapt"] = {"data": tensor(data), "mean": tensor(box["weights"][0]), "variance": tensor(box["weights"][1])}
    return out


@case("normalization_adapted")
def _(name):
    return adapted_case(name, lambda: L.Normalization(), (4, 3), (20, 3), -3, 5)


@case("normalization_adapted_axes_1_2")
def _(name):
    return adapted_case(name, lambda: L.Normalization(axis=(1, 2)), (2, 3, 4), (10, 3, 4), -3, 5)


@case("normalization_adapted_axis_none")
def _(name):
    return adapted_case(name, lambda: L.Normalization(axis=None), (2, 3, 2), (6, 3, 2), -3, 5)


@case("normalization_given_per_channel")
def _(name):
    return layer_case(name, lambda: L.Normalization(mean=[0.485 * 255, 0.456 * 255, 0.406 * 255],
                                                    variance=[(0.229 * 255) ** 2, (0.224 * 255) ** 2,
                                                              (0.225 * 255) ** 2]),
                      (2, 2, 3, 3), 0, 255)[0]


@case("normalization_given_scalar_axis_none")
def _(name):
    return layer_case(name, lambda: L.Normalization(axis=None, mean=2.0, variance=9.0), (3, 4))[0]


@case("normalization_given_column_axes_1_2")
def _(name):
    return layer_case(name, lambda: L.Normalization(axis=(1, 2), mean=[0.5, -1.0, 2.0, 0.0],
                                                    variance=[4.0, 0.25, 1.0, 0.0]), (2, 3, 4))[0]


@case("normalization_invert")
def _(name):
    return layer_case(name, lambda: L.Normalization(mean=[1.0, -2.0], variance=[4.0, 1e-16], invert=True),
                      (3, 2))[0]


def main():
    only = sys.argv[1] if len(sys.argv) > 1 else None
    os.makedirs(OUT, exist_ok=True)
    for name, fn in CASES.items():
        if only and only not in name:
            continue
        keras.utils.clear_session()
        keras.utils.set_random_seed(zlib.crc32(name.encode()))
        out = fn(name)
        with open(os.path.join(OUT, name + ".json"), "w") as f:
            json.dump(out, f, indent=1)
            f.write("\n")
        print(name)


if __name__ == "__main__":
    main()
