"""Keras golden files for jnn's functional API.

Builds functional models with real Keras 3 (TensorFlow backend, float32, CPU), sets seeded initial
weights, trains with plain SGD (shuffle=False, full batches) and writes, under
jnn-core/src/test/resources/golden/functional/<case>.json: the weights before and after, the data,
compile arguments, History.history, evaluate(return_dict=True), predictions, and summary() at line
length 100 (and 60, to exercise wrapping). Layer names are explicit so the files do not depend on
Keras's name counters.

usage:  /work/venv/bin/python tools/golden/make_functional_golden.py
"""
import os

os.environ["KERAS_BACKEND"] = "tensorflow"
os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
os.environ["CUDA_VISIBLE_DEVICES"] = ""
os.environ["TF_DETERMINISTIC_OPS"] = "1"
os.environ["COLUMNS"] = "200"

import json
import pathlib
import zlib

import numpy as np
import tensorflow as tf
import keras
from keras import layers

tf.config.threading.set_intra_op_parallelism_threads(1)
tf.config.threading.set_inter_op_parallelism_threads(1)
tf.config.experimental.enable_op_determinism()

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "jnn-core" / "src" / "test" / "resources" / "golden" / "functional"


def rng(name):
    return np.random.default_rng(zlib.crc32(name.encode()))


def summary_text(model, line_length):
    lines = []
    model.summary(line_length=line_length, print_fn=lambda s, line_break=True: lines.append(s))
    return "\n".join(lines).rstrip("\n") + "\n"


def arrays(xs):
    return [{"shape": list(a.shape), "data": np.asarray(a, dtype=np.float32).ravel().tolist()} for a in xs]


def branching(name):
    """One input, a shared trunk, two heads with their own losses and weights."""
    x = keras.Input((4,), name="features")
    h = layers.Dense(6, activation="tanh", name="trunk")(x)
    a = layers.Dense(1, activation="sigmoid", name="odd")(h)
    b = layers.Dense(3, activation="softmax", name="digit")(h)
    model = keras.Model(x, [a, b], name=name)
    r = rng(name)
    xs = [r.normal(size=(16, 4)).astype("float32")]
    ys = [r.integers(0, 2, (16, 1)).astype("float32"), r.integers(0, 3, (16,)).astype("float32")]
    compile_args = dict(loss={"odd": "binary_crossentropy", "digit": "sparse_categorical_crossentropy"},
                        loss_weights={"odd": 0.5, "digit": 1.0},
                        metrics={"odd": ["accuracy"], "digit": ["accuracy"]})
    return model, xs, ys, compile_args


def shared(name):
    """The same Dense applied twice: its gradient is the sum of both uses."""
    x = keras.Input((3,), name="x")
    first = layers.Dense(3, activation="tanh", name="first")(x)
    d = layers.Dense(3, activation="tanh", name="twice")
    y = layers.Dense(1, name="out")(d(d(first)))
    model = keras.Model(x, y, name=name)
    r = rng(name)
    xs = [r.normal(size=(12, 3)).astype("float32")]
    ys = [r.normal(size=(12, 1)).astype("float32")]
    return model, xs, ys, dict(loss="mse", metrics=["mae"])


def nested(name):
    """A Sequential used as a layer of a functional model."""
    inner = keras.Sequential([keras.Input((3,)), layers.Dense(4, activation="relu", name="inner_dense")],
                             name="encoder")
    x = keras.Input((3,), name="x")
    y = layers.Dense(2, activation="softmax", name="head")(inner(x))
    model = keras.Model(x, y, name=name)
    r = rng(name)
    xs = [r.normal(size=(10, 3)).astype("float32")]
    ys = [r.integers(0, 2, (10,)).astype("float32")]
    return model, xs, ys, dict(loss="sparse_categorical_crossentropy", metrics=["accuracy"])


def chain(name):
    """A straight chain: Keras prints the three-column table, input row included."""
    x = keras.Input((5,), name="x")
    y = layers.Dense(3, activation="relu", name="hidden")(x)
    y = layers.Dense(1, activation="sigmoid", name="prob")(y)
    model = keras.Model(x, y, name=name)
    r = rng(name)
    xs = [r.normal(size=(8, 5)).astype("float32")]
    ys = [r.integers(0, 2, (8, 1)).astype("float32")]
    return model, xs, ys, dict(loss="binary_crossentropy", metrics=["accuracy"])


def two_inputs(name):
    """Two inputs concatenated (needs the merge layers), two outputs, a flat loss for both."""
    a = keras.Input((3,), name="left")
    b = keras.Input((2,), name="right")
    h = layers.Dense(4, activation="relu", name="left_dense")(a)
    c = layers.Concatenate(name="join")([h, b])
    s = layers.Add(name="sum")([layers.Dense(3, name="p")(c), layers.Dense(3, name="q")(c)])
    o1 = layers.Dense(1, name="reg")(s)
    o2 = layers.Dense(2, name="reg2")(s)
    model = keras.Model([a, b], [o1, o2], name=name)
    r = rng(name)
    xs = [r.normal(size=(10, 3)).astype("float32"), r.normal(size=(10, 2)).astype("float32")]
    ys = [r.normal(size=(10, 1)).astype("float32"), r.normal(size=(10, 2)).astype("float32")]
    return model, xs, ys, dict(loss=["mse", "mse"], loss_weights=[1.0, 0.25])


CASES = {"branching": branching, "shared": shared, "nested": nested, "chain": chain, "two_inputs": two_inputs}


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for name, build in CASES.items():
        model, xs, ys, compile_args = build(name)
        r = rng(name + "/weights")
        initial = [r.uniform(-0.6, 0.6, size=w.shape).astype("float32") for w in model.get_weights()]
        model.set_weights(initial)
        text100 = summary_text(model, 100)
        text60 = summary_text(model, 60)
        model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1), **compile_args)
        x_in = xs if len(xs) > 1 else xs[0]
        y_in = ys if len(ys) > 1 else ys[0]
        history = model.fit(x_in, y_in, epochs=3, batch_size=len(xs[0]), shuffle=False, verbose=0).history
        evaluation = model.evaluate(x_in, y_in, batch_size=len(xs[0]), verbose=0, return_dict=True)
        predictions = model.predict(x_in, verbose=0)
        if not isinstance(predictions, (list, tuple)):
            predictions = [predictions]
        doc = {
            "keras": keras.__version__,
            "case": name,
            "compile": {k: v for k, v in compile_args.items()},
            "output_names": list(model.output_names),
            "layers": [l.name for l in model.layers],
            "initial_weights": arrays(initial),
            "x": arrays(xs),
            "y": arrays(ys),
            "history": {k: [float(v) for v in vs] for k, vs in history.items()},
            "evaluate": {k: float(v) for k, v in evaluation.items()},
            "final_weights": arrays(model.get_weights()),
            "predictions": arrays(predictions),
            "summary_100": text100,
            "summary_60": text60,
        }
        (OUT / f"{name}.json").write_text(json.dumps(doc, indent=1) + "\n")
        print("wrote", name)


if __name__ == "__main__":
    main()
