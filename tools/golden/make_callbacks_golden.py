"""Generates the golden files of jnn's callbacks from real Keras 3.15.1.

Each callback is driven directly (set_model, on_train_begin, on_epoch_begin/end, on_train_batch_end,
on_train_end) with scripted logs on a tiny compiled model, as fit would call it; the script records
what the callback did: the learning rate after each epoch, the logs it added, what it printed, the
warnings it raised, the files it wrote (names and, for CSVLogger, exact bytes), whether it asked to
stop. It also records Python's str.format and repr on the values such file names and messages use.

Writes jnn-core/src/test/resources/golden/callbacks/<callback>.json; re-running rewrites identical
files (no randomness, file names relative to a temporary folder shown as "<dir>").

usage:  /work/venv/bin/python tools/golden/make_callbacks_golden.py
"""

import os

os.environ["KERAS_BACKEND"] = "tensorflow"
os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
os.environ["CUDA_VISIBLE_DEVICES"] = ""

import contextlib
import io
import json
import math
import pathlib
import struct
import tempfile
import warnings

import numpy as np
import keras

OUT = pathlib.Path(__file__).resolve().parents[2] / "jnn-core/src/test/resources/golden/callbacks"


def tiny_model(learning_rate=0.1):
    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=learning_rate), loss="mse")
    return model


def lr_of(model):
    return float(keras.ops.convert_to_numpy(model.optimizer.learning_rate))


@contextlib.contextmanager
def captured():
    """Collects what the callback prints (io_utils.print_msg writes to stdout) and warns."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        record = {"out": out, "warnings": caught}
        yield record


def messages(record, tmp=None):
    text = record["out"].getvalue()
    # Only the callbacks' own UserWarnings (not numpy's deprecation notices).
    warned = [str(w.message) for w in record["warnings"] if w.category is UserWarning]
    if tmp is not None:
        text = text.replace(tmp, "<dir>")
        warned = [w.replace(tmp, "<dir>") for w in warned]
    return text, warned


# ---- ReduceLROnPlateau ----

# name: (constructor arguments, initial learning rate, monitored key, values per epoch)
PLATEAU = {
    "defaults": ({}, 0.1, "val_loss", [1.0, 0.9] + [0.95] * 12),
    "patience_factor": ({"factor": 0.5, "patience": 2, "verbose": 1}, 0.1, "val_loss",
                        [1.0, 0.9, 0.9, 0.95, 0.91, 0.8, 0.85, 0.85, 0.85, 0.85, 0.7]),
    "cooldown": ({"factor": 0.5, "patience": 1, "cooldown": 2, "verbose": 1}, 0.2, "val_loss",
                 [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.5, 0.6, 0.6, 0.6, 0.6, 0.6]),
    "cooldown_improves": ({"factor": 0.5, "patience": 1, "cooldown": 3}, 0.2, "val_loss",
                          [1.0, 1.0, 0.9, 0.8, 0.8, 0.8, 0.8, 0.8]),
    "min_lr": ({"factor": 0.1, "patience": 1, "min_lr": 0.002, "verbose": 1}, 0.1, "val_loss",
               [1.0] * 7),
    "patience_zero": ({"monitor": "loss", "factor": 0.5, "patience": 0}, 0.1, "loss", [1.0, 1.0, 0.5, 0.5, 0.5]),
    "mode_max": ({"monitor": "val_accuracy", "mode": "max", "factor": 0.5, "patience": 1, "verbose": 1},
                 0.01, "val_accuracy", [0.5, 0.6, 0.6, 0.55, 0.7, 0.7, 0.7]),
    "min_delta": ({"factor": 0.5, "patience": 1, "min_delta": 0.01}, 0.1, "val_loss",
                  [1.0, 0.995, 0.98, 0.975, 0.975, 0.9]),
    "min_delta_negative": ({"factor": 0.5, "patience": 1, "min_delta": -0.01, "mode": "min"}, 0.1, "val_loss",
                           [1.0, 0.995, 0.98, 0.975]),
    # current + min_delta < best in float64 but not once both sides are float32, as Keras compares.
    "float32_compare": ({"factor": 0.5, "patience": 1}, 0.1, "val_loss",
                        [0.5, 0.5 - 1e-4 - 1e-12, 0.5 - 1e-4 - 1e-12, 0.3]),
    "missing_monitor": ({"patience": 0}, 0.1, "loss", [1.0, 1.0]),
}


def plateau_case(args, lr, key, values):
    model = tiny_model(lr)
    callback = keras.callbacks.ReduceLROnPlateau(**args)
    callback.set_model(model)
    rows = []
    with captured() as record:
        callback.on_train_begin()
        for epoch, value in enumerate(values):
            logs = {key: value, "other": 0.25}
            callback.on_epoch_end(epoch, logs)
            rows.append({"epoch": epoch, "logged_learning_rate": logs["learning_rate"],
                         "learning_rate": lr_of(model), "wait": callback.wait,
                         "cooldown_counter": callback.cooldown_counter,
                         "best": callback.best})
    out, warned = messages(record)
    return {"args": args, "initial_learning_rate": lr, "key": key, "values": values, "epochs": rows,
            "out": out, "warnings": warned}


# ---- LearningRateScheduler ----

SCHEDULES = {
    "halve_from_2": lambda epoch, lr: lr if epoch < 2 else lr * 0.5,
    "exp_decay": lambda epoch, lr: lr * math.exp(-0.1),
    "inverse_epoch": lambda epoch, lr: 0.01 / (1 + epoch),
}


def scheduler_case(name, verbose, lr):
    model = tiny_model(lr)
    callback = keras.callbacks.LearningRateScheduler(SCHEDULES[name], verbose=verbose)
    callback.set_model(model)
    rows = []
    with captured() as record:
        callback.on_train_begin()
        for epoch in range(5):
            callback.on_epoch_begin(epoch)
            after_begin = lr_of(model)
            logs = {"loss": 1.0}
            callback.on_epoch_end(epoch, logs)
            rows.append({"epoch": epoch, "learning_rate": after_begin, "logs": logs})
    out, _ = messages(record)
    return {"schedule": name, "verbose": verbose, "initial_learning_rate": lr, "epochs": rows, "out": out}


# ---- ModelCheckpoint ----

# name: (filepath template, constructor arguments, per-epoch logs, batches per epoch)
CHECKPOINTS = {
    "best_only_weights": ("w-{epoch:02d}-{val_loss:.2f}.weights.h5",
                          {"save_best_only": True, "save_weights_only": True, "verbose": 1},
                          [{"loss": 1.0, "val_loss": 0.9}, {"loss": 0.8, "val_loss": 0.7},
                           {"loss": 0.7, "val_loss": 0.75}, {"loss": 0.6, "val_loss": 0.7},
                           {"loss": 0.5, "val_loss": 0.41}], 0),
    "best_only_fixed_name_max": ("best.keras",
                                 {"monitor": "val_accuracy", "mode": "max", "save_best_only": True,
                                  "verbose": 1, "initial_value_threshold": 0.55},
                                 [{"val_accuracy": 0.5}, {"val_accuracy": 0.6}, {"val_accuracy": 0.6},
                                  {"val_accuracy": 0.75}], 0),
    "every_epoch": ("sub/model-{epoch}-{loss:.3e}.weights.h5", {"save_weights_only": True, "verbose": 1},
                    [{"loss": 0.123456}, {"loss": 0.0001234}, {"loss": 12.5}], 0),
    "best_only_missing_monitor": ("m-{epoch:03d}.weights.h5",
                                  {"monitor": "val_auc", "mode": "max", "save_best_only": True,
                                   "save_weights_only": True},
                                  [{"loss": 1.0}, {"loss": 0.9}], 0),
    "save_freq_batches": ("b-{epoch}-{batch}.weights.h5",
                          {"save_freq": 3, "save_weights_only": True, "verbose": 1},
                          [{"loss": 1.0}, {"loss": 0.9}, {"loss": 0.8}], 4),
    "min_delta_free_best": ("e{epoch:02d}.weights.h5",
                            {"save_best_only": True, "save_weights_only": True, "monitor": "loss"},
                            [{"loss": 1.0}, {"loss": 1.0}, {"loss": 0.99999}, {"loss": 1.2}], 0),
}


def checkpoint_case(template, args, epochs, batches):
    model = tiny_model()
    with tempfile.TemporaryDirectory() as tmp:
        callback = keras.callbacks.ModelCheckpoint(os.path.join(tmp, template), **args)
        callback.set_model(model)
        rows = []
        with captured() as record:
            callback.on_train_begin()
            for epoch, logs in enumerate(epochs):
                callback.on_epoch_begin(epoch)
                for batch in range(batches):
                    callback.on_train_batch_end(batch, dict(logs))
                callback.on_epoch_end(epoch, dict(logs))
                files = sorted(str(p.relative_to(tmp)) for p in pathlib.Path(tmp).rglob("*") if p.is_file())
                rows.append({"epoch": epoch, "files": files})
            callback.on_train_end()
        out, warned = messages(record, tmp)
    return {"filepath": template, "args": args, "logs": epochs, "batches": batches, "epochs": rows,
            "out": out, "warnings": warned}


def checkpoint_errors():
    cases = []
    for path, args in [("model.h5", {"save_weights_only": True}), ("model.weights.h5", {}),
                       ("model.keras", {"save_weights_only": True}), ("model.tf", {}),
                       ("model", {}), ("model.keras", {"save_freq": "batch"})]:
        try:
            keras.callbacks.ModelCheckpoint(path, **args)
            cases.append({"filepath": path, "args": args, "error": None})
        except ValueError as e:
            cases.append({"filepath": path, "args": args, "error": str(e)})
    return cases


# ---- CSVLogger ----

FULL = [{"loss": 0.6931471824645996, "accuracy": 0.5, "val_loss": 0.7000000476837158, "val_accuracy": 0.25},
        {"loss": 0.5, "accuracy": 0.75, "val_loss": 0.625, "val_accuracy": 0.5},
        {"loss": 1.2345678e-05, "accuracy": 1.0, "val_loss": 123456789.0, "val_accuracy": 1.0}]


def csv_run(path, logs_per_epoch, **args):
    callback = keras.callbacks.CSVLogger(path, **args)
    callback.set_model(tiny_model())
    callback.on_train_begin()
    for epoch, logs in enumerate(logs_per_epoch):
        callback.on_epoch_end(epoch, dict(logs))
    callback.on_train_end()


def csv_cases():
    cases = []

    def case(name, runs, existing=None):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "log.csv")
            if existing is not None:
                with open(path, "w") as f:
                    f.write(existing)
            for logs_per_epoch, args in runs:
                csv_run(path, logs_per_epoch, **args)
            with open(path, "rb") as f:
                content = f.read().decode("utf-8")
        cases.append({"name": name, "existing": existing,
                      "runs": [{"logs": logs, "args": args} for logs, args in runs], "content": content})

    case("train_and_val", [(FULL, {})])
    case("train_only_gets_na_val_columns", [([{"loss": 0.5, "mse": 0.25}, {"loss": 0.4, "mse": 0.125}], {})])
    case("separator", [(FULL[:2], {"separator": ";"})])
    case("append_twice", [(FULL[:2], {"append": True}), (FULL[1:], {"append": True})])
    case("append_to_empty_file", [(FULL[:1], {"append": True})], existing="")
    case("overwrite_existing", [(FULL[:1], {})], existing="old,content\r\n")
    case("non_finite_and_tiny", [([{"loss": float("nan"), "val_loss": float("inf")},
                                   {"loss": -float("inf"), "val_loss": 1e-7},
                                   {"loss": 1e16, "val_loss": 0.0001}], {})])
    case("keys_fixed_by_first_epoch", [([{"loss": 0.5, "val_loss": 0.6},
                                         {"loss": 0.4, "val_loss": 0.5, "learning_rate": 0.01},
                                         {"val_loss": 0.4}], {})])
    case("separator_inside_key", [([{"a,b": 0.5, "loss": 0.25}], {})])
    return cases


# ---- EarlyStopping (float32 comparison of Keras's MonitorCallback) ----

STOPPING = {
    "float32_compare": ({"patience": 1, "min_delta": 1e-4}, "val_loss", [0.5, 0.5 - 1e-4 - 1e-12, 0.3]),
    "baseline_mode_max": ({"monitor": "val_accuracy", "mode": "max", "patience": 2, "baseline": 0.8},
                          "val_accuracy", [0.5, 0.6, 0.7, 0.9, 0.85, 0.84]),
    "start_from_epoch": ({"patience": 1, "start_from_epoch": 2}, "val_loss", [1.0, 2.0, 3.0, 3.0, 3.5, 1.0]),
}


def stopping_case(args, key, values):
    model = tiny_model()
    callback = keras.callbacks.EarlyStopping(**args)
    callback.set_model(model)
    rows = []
    callback.on_train_begin()
    for epoch, value in enumerate(values):
        model.stop_training = False
        callback.on_epoch_end(epoch, {key: value})
        rows.append({"epoch": epoch, "wait": callback.wait, "best": callback.best,
                     "stop": bool(model.stop_training)})
        if model.stop_training:
            break
    return {"args": args, "key": key, "values": values, "epochs": rows, "stopped_epoch": callback.stopped_epoch}


# ---- Python's str.format and repr, as file names and messages use them ----

FORMAT_SPECS = ["", "02d", "03", "5d", "+d", "<4d", "^5d", ".2f", "08.3f", "+.2f", " .2f", ">10.2f", "<10.2f",
                "^10.2f", "*^12.3f", "=+10.2f", ".0f", "#.0f", ".3e", "e", "E", "010.2e", ".0e", "g", ".3g", ".10g",
                "G", "%", ".1%", "F", ".2", ".1", "10", "x", "5.1f"]

FORMAT_VALUES = [0, 3, 12, -7, 1234567, 0.0, -0.0, 0.5, 2.5, 0.125, -0.5, 0.123456789, 1234.5678, 1e-05,
                 0.00012345, 123456789.0, 1e16, 1e22, 0.6931471824645996, 0.7000000476837158,
                 float("nan"), float("inf"), -float("inf"), 99.995, 0.045, 1.5e-10]


def format_cases():
    cases = []
    for value in FORMAT_VALUES:
        for spec in FORMAT_SPECS:
            template = "{v:" + spec + "}" if spec else "{v}"
            try:
                result = template.format(v=value)
                error = None
            except (ValueError, TypeError) as e:
                result = None
                error = type(e).__name__
            cases.append({"template": template, "value": value, "integer": isinstance(value, int),
                          "result": result, "error": error})
    templates = ["{epoch:02d}-{val_loss:.2f}.keras", "{{literal}}-{epoch}.keras", "{missing}.keras",
                 "{epoch.real}.keras", "{}.keras", "{epoch!r}.keras", "{epoch.keras", "epoch}.keras",
                 "{epoch:02d}{{", "a{epoch:{width}d}"]
    for template in templates:
        try:
            result = template.format(epoch=3, val_loss=0.4567, width=3)
            error = None
        except (ValueError, KeyError, IndexError, AttributeError) as e:
            result = None
            error = type(e).__name__
        cases.append({"template": template, "fields": {"epoch": 3, "val_loss": 0.4567},
                      "result": result, "error": error})
    return cases


def repr_cases():
    values = [0.0, -0.0, 1.0, 0.1, 0.2 + 0.1, 1e-4, 1e-5, 0.00012345, 1e15, 1e16, 1234567890123456.0,
              12345678901234567.0, 1e22, 1e23, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
              123.0, 100.0, 0.5, 2.5e-5, 9.999999999999999e-5]
    rng = np.random.default_rng(20240601)
    for exponent in range(-12, 20):
        values.append(float(rng.uniform(1, 10)) * 10.0 ** exponent)
        values.append(float(np.float32(rng.uniform(1, 10) * 10.0 ** exponent)))
    values += [float(np.float32(v)) for v in (0.1, 0.001, 1e-4, 0.05, 0.3)]
    values += [struct.unpack("<d", struct.pack("<Q", int(bits)))[0]
               for bits in rng.integers(0, 0x7FEFFFFFFFFFFFFF, 40, dtype=np.int64)]
    return [{"bits": struct.unpack("<q", struct.pack("<d", v))[0], "repr": repr(v)} for v in values]


def write(name, document):
    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / f"{name}.json", "w") as f:
        json.dump(document, f, indent=1, allow_nan=True)
        f.write("\n")


def main():
    write("reduce_lr_on_plateau", {name: plateau_case(*spec) for name, spec in PLATEAU.items()})
    write("learning_rate_scheduler", {f"{name}_v{verbose}": scheduler_case(name, verbose, 0.1)
                                      for name in SCHEDULES for verbose in (0, 1)})
    write("model_checkpoint", {"cases": {name: checkpoint_case(*spec) for name, spec in CHECKPOINTS.items()},
                               "errors": checkpoint_errors()})
    write("csv_logger", {"cases": csv_cases()})
    write("early_stopping", {name: stopping_case(*spec) for name, spec in STOPPING.items()})
    write("python_format", {"format": format_cases(), "repr": repr_cases()})


if __name__ == "__main__":
    main()
