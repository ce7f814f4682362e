"""Keras golden files for `jnn fit`, `jnn predict` and `jnn summary` (Issue 5, part C).

For each case: build and compile a small model in real Keras 3 (TensorFlow backend, float32, CPU),
train it 1 epoch so that the saved file carries optimizer state, save <case>.keras and write the data
as .npy files (a float64 input, int32/int64/bool label files, so that jnn's dtype conversion is
exercised). Then, as a user of Keras would, reload the file with keras.models.load_model and run
model.fit(x, y, epochs, batch_size, shuffle=False, validation_split) on the very arrays np.load gives.
<case>.expected.json holds the fit arguments, History.history, the final weights
(model.get_weights() order, row-major) and the reloaded model's predictions before the fit (what
`jnn predict <case>.keras` must write); for two cases also summary() at line length 100.
mlp_adam also gets its architecture alone (<case>.config.json, model.to_json()) and its weights
alone (<case>.weights.h5), for `jnn predict CONFIG --weights W`.

On TensorFlow, Keras logs a multi-output model's per-output training losses (reg_loss, cls_loss) as the
plain mean of the batch values (the batch size it would weight them by is unknown in the traced step);
with two_in_two_out's ragged last batch that differs from the sample-weighted mean jnn logs, which is
what Keras logs on the torch backend. FitCommandTest skips those two keys and says why.

Floats are float32 values written as the shortest decimal of the double, so
(float) Double.parseDouble(s) restores them bit for bit. Seeds: CRC32 of the case name.

usage (from the repository root):  /work/venv/bin/python tools/golden/make_cli_fit_golden.py
writes jnn-cli/src/test/resources/golden/cli_fit/
"""
import os

os.environ["KERAS_BACKEND"] = "tensorflow"
os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
os.environ["CUDA_VISIBLE_DEVICES"] = ""
os.environ["TF_DETERMINISTIC_OPS"] = "1"
os.environ["COLUMNS"] = "200"  # summary() is given line_length explicitly; this keeps other output unwrapped

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
OUT = ROOT / "jnn-cli" / "src" / "test" / "resources" / "golden" / "cli_fit"
SUMMARY_WIDTH = 100


def floats(a):
    return [repr(float(v)) for v in np.asarray(a, dtype=np.float32).ravel()]


def array(a):
    return {"shape": list(np.shape(a)), "data": floats(a)}


def summary_text(model):
    lines = []
    model.summary(line_length=SUMMARY_WIDTH, print_fn=lambda s, line_break=True: lines.append(s))
    return "\n".join(lines).rstrip("\n") + "\n"


def mlp_adam(r):
    """3 classes, sparse_categorical_crossentropy + accuracy, Adam; float64 x, int64 labels."""
    model = keras.Sequential([
        keras.Input((4,), name="features"),
        layers.Dense(12, activation="relu", name="hidden"),
        layers.Dense(3, activation="softmax", name="probabilities"),
    ], name="mlp_adam")
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    x = r.normal(size=(40, 4))                                     # float64
    y = (np.argmax(x[:, :3] + 0.3 * x[:, 3:4], axis=1)).astype(np.int64)
    return model, {"x": [x], "y": [y]}, dict(epochs=3, batch_size=8, validation_split=0.0)


def sgd_momentum_val(r):
    """Regression with SGD(momentum, nesterov), mse + mae, validation_split 0.25, a ragged last batch."""
    model = keras.Sequential([
        keras.Input((3,), name="x"),
        layers.Dense(8, activation="tanh", name="dense"),
        layers.Dense(1, name="out"),
    ], name="sgd_momentum_val")
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05, momentum=0.9, nesterov=True),
                  loss="mse", metrics=["mae"])
    x = r.normal(size=(36, 3)).astype(np.float32)
    y = (np.sin(x[:, :1]) + 0.5 * x[:, 1:2] * x[:, 2:3]).astype(np.float32)
    return model, {"x": [x], "y": [y]}, dict(epochs=4, batch_size=5, validation_split=0.25)


def two_in_two_out(r):
    """Functional, two inputs, two outputs with per-output losses, loss weights and metrics; int32 labels."""
    a = keras.Input((5,), name="left")
    b = keras.Input((3,), name="right")
    h = layers.Concatenate(name="join")([layers.Dense(6, activation="relu", name="left_dense")(a), b])
    h = layers.Dense(8, activation="tanh", name="trunk")(h)
    reg = layers.Dense(1, name="reg")(h)
    cls = layers.Dense(3, activation="softmax", name="cls")(h)
    model = keras.Model([a, b], [reg, cls], name="two_in_two_out")
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.005),
                  loss={"reg": "mse", "cls": "sparse_categorical_crossentropy"},
                  loss_weights={"reg": 0.5, "cls": 1.0},
                  metrics={"cls": ["accuracy"]})
    xa = r.normal(size=(30, 5)).astype(np.float32)
    xb = r.normal(size=(30, 3))                                    # float64
    y_reg = (xa[:, :1] - xb[:, :1]).astype(np.float32)
    y_cls = (np.argmax(xa[:, 1:4], axis=1)).astype(np.int32)
    return model, {"x": [xa, xb], "y": [y_reg, y_cls]}, dict(epochs=2, batch_size=7, validation_split=0.2)


def conv_lstm_rmsprop(r):
    """Conv1D into an LSTM, binary_crossentropy + accuracy, RMSprop; bool labels."""
    model = keras.Sequential([
        keras.Input((9, 2), name="sequence"),
        layers.Conv1D(4, 3, activation="relu", name="conv"),
        layers.LSTM(5, name="lstm"),
        layers.Dense(1, activation="sigmoid", name="prob"),
    ], name="conv_lstm_rmsprop")
    model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=0.01),
                  loss="binary_crossentropy", metrics=["accuracy"])
    x = r.normal(size=(24, 9, 2)).astype(np.float32)
    y = (x[:, :, 0].sum(axis=1, keepdims=True) > 0)               # bool
    return model, {"x": [x], "y": [y]}, dict(epochs=2, batch_size=6, validation_split=0.0)


CASES = {"mlp_adam": mlp_adam, "sgd_momentum_val": sgd_momentum_val, "two_in_two_out": two_in_two_out,
         "conv_lstm_rmsprop": conv_lstm_rmsprop}
SUMMARIES = {"mlp_adam", "two_in_two_out"}


def one(a):
    return a if len(a) > 1 else a[0]


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for name, build in CASES.items():
        seed = zlib.crc32(name.encode())
        keras.utils.set_random_seed(seed)
        r = np.random.default_rng(seed)
        model, data, fit_args = build(r)
        # One epoch in Keras first, so that the file holds non-trivial optimizer state.
        model.fit(one(data["x"]), one(data["y"]), epochs=1, batch_size=fit_args["batch_size"], shuffle=False,
                  verbose=0)
        model_file = OUT / f"{name}.keras"
        model.save(model_file)
        files = {}
        for kind in ("x", "y"):
            files[kind] = []
            for i, a in enumerate(data[kind]):
                file = f"{name}.{kind}{i}.npy"
                np.save(OUT / file, a)
                files[kind].append(file)
        if name == "mlp_adam":
            (OUT / f"{name}.config.json").write_text(model.to_json())
            model.save_weights(OUT / f"{name}.weights.h5")

        # What a Keras user gets from the same file and arrays.
        xs = [np.load(OUT / f) for f in files["x"]]
        ys = [np.load(OUT / f) for f in files["y"]]
        reloaded = keras.models.load_model(model_file)
        predictions = reloaded.predict(one(xs), batch_size=fit_args["batch_size"], verbose=0)
        if not isinstance(predictions, (list, tuple)):
            predictions = [predictions]
        summary = summary_text(reloaded) if name in SUMMARIES else None
        history = reloaded.fit(one(xs), one(ys), shuffle=False, verbose=0, **fit_args).history
        doc = {
            "keras": keras.__version__,
            "case": name,
            "model": model_file.name,
            "x": files["x"],
            "y": files["y"],
            "dtypes": {"x": [str(a.dtype) for a in xs], "y": [str(a.dtype) for a in ys]},
            "fit": fit_args,
            "optimizer_iterations_saved": int(model.optimizer.iterations.numpy()),
            "optimizer_iterations_after": int(reloaded.optimizer.iterations.numpy()),
            "history": {k: [repr(float(v)) for v in vs] for k, vs in history.items()},
            "final_weights": [array(w) for w in reloaded.get_weights()],
            "predictions_before_fit": [array(p) for p in predictions],
        }
        if summary is not None:
            doc["summary_width"] = SUMMARY_WIDTH
            doc["summary"] = summary
        (OUT / f"{name}.expected.json").write_text(json.dumps(doc, indent=1) + "\n")
        print("wrote", name, {k: v[-1] for k, v in doc["history"].items()})


if __name__ == "__main__":
    main()
