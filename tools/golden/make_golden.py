"""Generates the Keras golden files that jnn's fidelity tests compare against.

Runs the real Keras 3 (TensorFlow backend, float32, CPU) and writes, under
jnn-core/src/test/resources/golden/:

  fit/<scenario>.json       a model, its fixed initial weights, compile/fit arguments, data,
                            and what Keras produced: History.history, final weights,
                            predict(x) and evaluate(x, y, return_dict=True)
  summary/<name>.txt        model.summary() text exactly (captured through print_fn)
  summary/<name>.json       the layer list needed to rebuild that model
  progress/<name>.txt       fit(verbose=2) output with timing fields replaced by "<T>"
  progress/<name>.json      the same as {"lines": [...]}

Everything is deterministic: initial weights and data come from numpy generators seeded with
the CRC32 of the scenario name (no Keras initializer is used), shuffle=False, dropout rates are 0
and TensorFlow runs single-threaded with op determinism on, so re-running rewrites identical files.

usage:  /work/venv/bin/python tools/golden/make_golden.py [--only NAME_SUBSTRING]
"""

import os

# Must be set before keras / tensorflow / rich are imported.
os.environ["KERAS_BACKEND"] = "tensorflow"
os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
os.environ["CUDA_VISIBLE_DEVICES"] = ""
os.environ["TF_DETERMINISTIC_OPS"] = "1"
# summary() narrows its table to (terminal columns - 4) when the terminal is narrower than the
# default line length (88). Pin a wide "terminal" so the golden uses Keras' own default width
# whether or not stdout is a tty.
os.environ["COLUMNS"] = "120"

import argparse
import contextlib
import io
import json
import pathlib
import re
import sys
import zlib

import numpy as np
import tensorflow as tf

import keras

tf.get_logger().setLevel("ERROR")  # silences retracing warnings (one model per scenario)
tf.config.threading.set_intra_op_parallelism_threads(1)
tf.config.threading.set_inter_op_parallelism_threads(1)
tf.config.experimental.enable_op_determinism()

KERAS_VERSION = "3.15.1"
ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "jnn-core" / "src" / "test" / "resources" / "golden"

# Layer config keys written to the golden files (besides "name" in summary goldens).
LAYER_KEYS = {
    "Dense": ["units", "activation", "use_bias", "kernel_regularizer", "bias_regularizer"],
    "Activation": ["activation"],
    "Dropout": ["rate"],
    "Reshape": ["target_shape"],
    "Flatten": [],
}


# --------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------

def f32(v):
    """A Python float holding exactly the float32 value (its repr round-trips)."""
    return float(np.float32(v))


def f32_list(a):
    """Nested lists of exact float32 values."""
    return np.asarray(a, dtype=np.float32).astype(np.float64).tolist()


def seed_of(name):
    return zlib.crc32(name.encode("utf-8"))


def write_json(path, obj):
    """One top-level key per line: compact, yet diffs stay readable."""
    path.parent.mkdir(parents=True, exist_ok=True)
    body = ",\n".join(
        f" {json.dumps(k)}: {json.dumps(v, allow_nan=False)}" for k, v in obj.items()
    )
    path.write_text("{\n" + body + "\n}\n", encoding="utf-8")


def write_text(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


# --------------------------------------------------------------------------------------------
# Layers, models, weights
# --------------------------------------------------------------------------------------------

def dense(units, activation="linear", use_bias=True, kernel_regularizer=None,
          bias_regularizer=None, name=None):
    return ("Dense", dict(units=units, activation=activation, use_bias=use_bias,
                          kernel_regularizer=kernel_regularizer,
                          bias_regularizer=bias_regularizer), name)


def activation(name_of_fn, name=None):
    return ("Activation", dict(activation=name_of_fn), name)


def dropout(rate, name=None):
    return ("Dropout", dict(rate=rate), name)


def reshape(target_shape, name=None):
    return ("Reshape", dict(target_shape=tuple(target_shape)), name)


def flatten(name=None):
    return ("Flatten", {}, name)


def make_regularizer(spec):
    if spec is None:
        return None
    kind, value = spec
    return keras.regularizers.L1(value) if kind == "L1" else keras.regularizers.L2(value)


def make_layer(spec):
    cls, args, name = spec
    kwargs = dict(args)
    if cls == "Dense":
        kwargs["kernel_regularizer"] = make_regularizer(args["kernel_regularizer"])
        kwargs["bias_regularizer"] = make_regularizer(args["bias_regularizer"])
    if name is not None:
        kwargs["name"] = name
    return getattr(keras.layers, cls)(**kwargs)


def regularizer_json(cfg):
    """Keras serializes a regularizer with module/registered_name; keep class_name and config."""
    if cfg is None:
        return None
    return {"class_name": cfg["class_name"], "config": dict(cfg["config"])}


def layer_json(layer, with_name=False):
    """The layer's own get_config(), reduced to the keys listed in LAYER_KEYS."""
    cls = layer.__class__.__name__
    full = layer.get_config()
    config = {"name": full["name"]} if with_name else {}
    for key in LAYER_KEYS[cls]:
        value = full[key]
        if key.endswith("_regularizer"):
            value = regularizer_json(value)
        elif key == "target_shape":
            value = list(value)
        config[key] = value
    return {"class_name": cls, "config": config}


def build_model(input_shape, layer_specs, name=None):
    keras.backend.clear_session()  # fresh name counters: dense, dense_1, ... and "sequential"
    layers = [keras.Input(shape=tuple(input_shape))] + [make_layer(s) for s in layer_specs]
    return keras.Sequential(layers, name=name) if name else keras.Sequential(layers)


def fixed_weights(model, rng):
    """Glorot-uniform-like kernels and small non-zero biases, drawn by numpy (not Keras)."""
    weights = []
    for w in model.get_weights():
        if w.ndim >= 2:
            fan_in, fan_out = int(np.prod(w.shape[:-1])), int(w.shape[-1])
            limit = np.sqrt(6.0 / (fan_in + fan_out))
            weights.append(rng.uniform(-limit, limit, size=w.shape).astype(np.float32))
        else:
            weights.append(rng.uniform(-0.1, 0.1, size=w.shape).astype(np.float32))
    return weights


def weights_json(weights):
    return [{"shape": list(w.shape), "values": f32_list(np.ravel(w, order="C"))}
            for w in weights]


# --------------------------------------------------------------------------------------------
# Losses and optimizers (spec -> Keras object, spec -> golden JSON)
# --------------------------------------------------------------------------------------------

def make_loss(spec):
    if isinstance(spec, str):
        return spec
    cls, args = spec
    return getattr(keras.losses, cls)(**args)


def loss_json(spec):
    if isinstance(spec, str):
        return spec
    cls, args = spec
    return {"class_name": cls, "config": dict(args)}


DEFAULT_LR = {"SGD": 0.01, "RMSprop": 0.001, "Adam": 0.001, "AdamW": 0.001, "Adagrad": 0.001,
              "Adadelta": 0.001, "Adamax": 0.001, "Nadam": 0.001, "Lion": 0.001}


def make_optimizer(spec):
    cls, args = spec
    kwargs = dict(args)
    lr = kwargs.get("learning_rate")
    if isinstance(lr, tuple) and lr[0] == "ExponentialDecay":
        kwargs["learning_rate"] = keras.optimizers.schedules.ExponentialDecay(**lr[1])
    return getattr(keras.optimizers, cls)(**kwargs)


def optimizer_json(spec):
    cls, args = spec
    config = dict(args)
    lr = config.get("learning_rate", DEFAULT_LR[cls])
    if isinstance(lr, tuple):
        lr = {"class_name": lr[0], "config": dict(lr[1])}
    config["learning_rate"] = lr
    return {"class_name": cls, "config": config}


# --------------------------------------------------------------------------------------------
# Data sets (numpy, seeded)
# --------------------------------------------------------------------------------------------

XOR_X = [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]
XOR_Y = [[0.0], [1.0], [1.0], [0.0]]


def data(kind, n, input_shape, rng):
    """Returns (x, y); y is float32 unless the labels are sparse integers."""
    if kind == "xor":
        return np.array(XOR_X, np.float32), np.array(XOR_Y, np.float32)
    x = rng.normal(0.0, 1.0, size=(n, *input_shape)).astype(np.float32)
    flat = x.reshape(n, -1)
    d = flat.shape[1]
    proj = rng.normal(0.0, 1.0, size=(d, 3))
    z = flat @ proj  # three latent scores per sample
    if kind == "regression":  # one smooth target with a little noise
        y = np.tanh(z[:, :1]) + 0.5 * z[:, 1:2] + 0.1 * rng.normal(size=(n, 1))
    elif kind == "regression_large":  # errors larger than the Huber delta
        y = 3.0 * z[:, :1] + rng.normal(size=(n, 1))
    elif kind == "regression3":  # three targets
        y = np.tanh(z) + 0.1 * rng.normal(size=(n, 3))
    elif kind == "positive":  # strictly positive targets (mape, msle, poisson)
        y = np.exp(0.5 * np.tanh(z[:, :1])) + 0.2 * np.abs(rng.normal(size=(n, 1)))
    elif kind == "binary":  # 0/1 labels, roughly balanced
        y = (z[:, :1] + 0.3 * rng.normal(size=(n, 1)) > 0).astype(np.float64)
    elif kind == "pm1":  # -1/+1 labels
        y = np.where(z[:, :1] > 0, 1.0, -1.0)
    elif kind in ("onehot3", "sparse3", "sparse3_col"):
        labels = np.argmax(z + 0.3 * rng.normal(size=z.shape), axis=1)
        if kind == "sparse3":
            return x, labels.astype(np.int64)
        if kind == "sparse3_col":
            return x, labels.astype(np.int64).reshape(n, 1)
        y = np.eye(3)[labels]
    elif kind == "distribution3":  # rows of probabilities (kl_divergence)
        e = np.exp(z)
        y = e / e.sum(axis=1, keepdims=True)
    else:
        raise ValueError(f"unknown data kind {kind}")
    return x, y.astype(np.float32)


def y_json(y):
    if np.issubdtype(y.dtype, np.integer):
        return y.tolist()
    return f32_list(y)


# --------------------------------------------------------------------------------------------
# Fit scenarios
# --------------------------------------------------------------------------------------------

XOR_LAYERS = [dense(8, "relu"), dense(1, "sigmoid")]
REG_LAYERS = [dense(8, "relu"), dense(1)]  # the small regression MLP of the optimizer scenarios


def scenario(name, layers, loss, optimizer, metrics, data_kind, input_shape=(3,), n=10,
             epochs=4, batch_size=4, validation_split=0.0, sample_weight=False,
             class_weight=None, seed_name=None):
    """seed_name: scenarios sharing it get the same data and initial weights (default: name)."""
    return dict(name=name, seed_name=seed_name or name, layers=layers, loss=loss, optimizer=optimizer, metrics=metrics,
                data_kind=data_kind, input_shape=list(input_shape), n=n, epochs=epochs,
                batch_size=batch_size, validation_split=validation_split,
                sample_weight=sample_weight, class_weight=class_weight)


def optimizer_scenario(name, optimizer):
    # Same data and initial weights for every optimizer, so goldens differ only by optimizer.
    return scenario(name, REG_LAYERS, "mse", optimizer, ["mae"], "regression",
                    seed_name="optimizer_regression_mlp")


def loss_scenario(name, loss, out_layers, data_kind, metrics):
    return scenario(name, [dense(8, "tanh")] + out_layers, loss, ("Adam", {}), metrics,
                    data_kind, n=12, batch_size=5)


def activation_scenario(fn):
    return scenario(f"activation_{fn}", [dense(4), activation(fn), dense(1)], "mse",
                    ("SGD", {"learning_rate": 0.1}), ["mae"], "regression", epochs=3,
                    seed_name="activation")


ACTIVATIONS = ["tanh", "elu", "selu", "gelu", "softplus", "softsign", "hard_sigmoid", "silu",
               "mish", "relu6", "leaky_relu", "exponential"]

SCENARIOS = [
    scenario("xor", XOR_LAYERS, "mse", ("Adam", {}), ["accuracy"], "xor", input_shape=(2,),
             n=4, epochs=5, batch_size=32),
    # one per optimizer, default arguments unless named
    optimizer_scenario("opt_sgd", ("SGD", {})),
    optimizer_scenario("opt_sgd_momentum", ("SGD", {"momentum": 0.9})),
    optimizer_scenario("opt_sgd_nesterov", ("SGD", {"momentum": 0.9, "nesterov": True})),
    optimizer_scenario("opt_rmsprop", ("RMSprop", {})),
    optimizer_scenario("opt_rmsprop_centered_momentum",
                       ("RMSprop", {"centered": True, "momentum": 0.5})),
    optimizer_scenario("opt_adam", ("Adam", {})),
    optimizer_scenario("opt_adam_amsgrad", ("Adam", {"amsgrad": True})),
    optimizer_scenario("opt_adamw", ("AdamW", {})),
    optimizer_scenario("opt_adagrad", ("Adagrad", {})),
    optimizer_scenario("opt_adadelta", ("Adadelta", {"learning_rate": 1.0})),
    optimizer_scenario("opt_adamax", ("Adamax", {})),
    optimizer_scenario("opt_nadam", ("Nadam", {})),
    optimizer_scenario("opt_lion", ("Lion", {})),
    optimizer_scenario("opt_adam_clipnorm", ("Adam", {"clipnorm": 0.1})),
    optimizer_scenario("opt_sgd_clipvalue", ("SGD", {"clipvalue": 0.05})),
    optimizer_scenario("opt_adam_global_clipnorm", ("Adam", {"global_clipnorm": 0.1})),
    optimizer_scenario("opt_sgd_weight_decay", ("SGD", {"weight_decay": 0.01})),
    optimizer_scenario("opt_adam_exponential_decay", ("Adam", {"learning_rate": (
        "ExponentialDecay",
        {"initial_learning_rate": 0.01, "decay_steps": 2, "decay_rate": 0.5,
         "staircase": False})})),
    # losses and metrics
    loss_scenario("loss_binary_crossentropy", "binary_crossentropy", [dense(1, "sigmoid")],
                  "binary", ["accuracy", "auc", "precision", "recall"]),
    loss_scenario("loss_bce_from_logits_smoothing",
                  ("BinaryCrossentropy", {"from_logits": True, "label_smoothing": 0.1}),
                  [dense(1)], "binary", ["accuracy"]),
    loss_scenario("loss_categorical_crossentropy", "categorical_crossentropy",
                  [dense(3, "softmax")], "onehot3", ["accuracy", "top_k_categorical_accuracy"]),
    loss_scenario("loss_sparse_categorical_crossentropy", "sparse_categorical_crossentropy",
                  [dense(3, "softmax")], "sparse3", ["accuracy"]),
    loss_scenario("loss_sparse_categorical_crossentropy_col", "sparse_categorical_crossentropy",
                  [dense(3, "softmax")], "sparse3_col", ["accuracy"]),
    loss_scenario("loss_sparse_cce_from_logits",
                  ("SparseCategoricalCrossentropy", {"from_logits": True}),
                  [dense(3)], "sparse3", ["accuracy"]),
    loss_scenario("loss_mae", "mae", [dense(1)], "regression", ["mse"]),
    loss_scenario("loss_huber", "huber", [dense(1)], "regression_large", ["mae"]),
    loss_scenario("loss_log_cosh", "log_cosh", [dense(1)], "regression", ["mae"]),
    loss_scenario("loss_mape", "mape", [dense(1, "softplus")], "positive", ["mae"]),
    loss_scenario("loss_msle", "msle", [dense(1, "softplus")], "positive", ["mae"]),
    loss_scenario("loss_poisson", "poisson", [dense(1, "softplus")], "positive", ["mae"]),
    loss_scenario("loss_kl_divergence", "kl_divergence", [dense(3, "softmax")],
                  "distribution3", ["mae"]),
    # linear output: with tanh, hinge(y=+-1) would equal mae exactly
    loss_scenario("loss_hinge", "hinge", [dense(1)], "pm1", ["mae"]),
    loss_scenario("loss_squared_hinge", "squared_hinge", [dense(1, "tanh")], "binary",
                  ["mae"]),
    loss_scenario("loss_categorical_hinge", "categorical_hinge", [dense(3)], "onehot3",
                  ["mae"]),
    loss_scenario("loss_cosine_similarity", "cosine_similarity", [dense(3)], "regression3",
                  ["mae"]),
    # fit options
    scenario("fit_validation_split", [dense(8, "tanh"), dense(1, "sigmoid")],
             "binary_crossentropy", ("Adam", {"learning_rate": 0.01}), ["accuracy"], "binary",
             n=16, validation_split=0.25),
    scenario("fit_sample_weight", REG_LAYERS, "mse", ("SGD", {}), ["mae"], "regression",
             sample_weight=True),
    scenario("fit_class_weight", [dense(8, "tanh"), dense(1, "sigmoid")],
             "binary_crossentropy", ("Adam", {"learning_rate": 0.01}), ["accuracy"], "binary",
             n=12, batch_size=5, class_weight={0: 1.0, 1: 2.0}),
    scenario("fit_l2_regularizer", [dense(8, "relu", kernel_regularizer=("L2", 0.01)),
                                    dense(1, kernel_regularizer=("L2", 0.01))],
             "mse", ("SGD", {}), ["mae"], "regression"),
    scenario("fit_l1_regularizer", [dense(8, "relu", kernel_regularizer=("L1", 0.01)),
                                    dense(1, kernel_regularizer=("L1", 0.01))],
             "mse", ("SGD", {}), ["mae"], "regression"),
    scenario("fit_flatten_reshape", [flatten(), dense(6, "tanh"), reshape((2, 3)), flatten(),
                                     dense(1)],
             "mse", ("Adam", {}), ["mae"], "regression", input_shape=(2, 3)),
    scenario("fit_dropout_zero", [dense(8, "relu"), dropout(0.0), dense(1)], "mse",
             ("Adam", {}), ["mae"], "regression"),
] + [activation_scenario(fn) for fn in ACTIVATIONS]


def run_fit(sc):
    rng = np.random.default_rng(seed_of(sc["seed_name"]))
    model = build_model(sc["input_shape"], sc["layers"])
    initial = fixed_weights(model, rng)
    model.set_weights(initial)
    x, y = data(sc["data_kind"], sc["n"], sc["input_shape"], rng)
    sample_weight = (rng.uniform(0.2, 2.0, size=sc["n"]).astype(np.float32)
                     if sc["sample_weight"] else None)

    model.compile(optimizer=make_optimizer(sc["optimizer"]), loss=make_loss(sc["loss"]),
                  metrics=list(sc["metrics"]))
    history = model.fit(x, y, epochs=sc["epochs"], batch_size=sc["batch_size"], shuffle=False,
                        validation_split=sc["validation_split"], sample_weight=sample_weight,
                        class_weight=sc["class_weight"], verbose=0)
    predicted = model.predict(x, verbose=0)
    evaluated = model.evaluate(x, y, return_dict=True, verbose=0)

    golden = {
        "name": sc["name"],
        "keras_version": keras.__version__,
        "input_shape": sc["input_shape"],
        "layers": [layer_json(layer) for layer in model.layers],
        "initial_weights": weights_json(initial),
        "compile": {"loss": loss_json(sc["loss"]), "optimizer": optimizer_json(sc["optimizer"]),
                    "metrics": list(sc["metrics"])},
        "fit": {"epochs": sc["epochs"], "batch_size": sc["batch_size"], "shuffle": False,
                "validation_split": sc["validation_split"],
                "sample_weight": None if sample_weight is None else f32_list(sample_weight),
                "class_weight": None if sc["class_weight"] is None else
                {str(k): float(v) for k, v in sc["class_weight"].items()}},
        "x": f32_list(x),
        "y": y_json(y),
        "history": {k: [f32(v) for v in vs] for k, vs in history.history.items()},
        "final_weights": weights_json(model.get_weights()),
        "predict": f32_list(predicted),
        "evaluate": {k: f32(v) for k, v in evaluated.items()},
    }
    write_json(OUT / "fit" / f"{sc['name']}.json", golden)


# --------------------------------------------------------------------------------------------
# summary() goldens
# --------------------------------------------------------------------------------------------

def capture_summary(model):
    chunks = []
    model.summary(print_fn=lambda text, **_: chunks.append(text))
    return "".join(chunks)


def summary_json(name, model, input_shape, extra=None):
    obj = {"name": name, "keras_version": keras.__version__, "model_name": model.name,
           "input_shape": list(input_shape),
           "layers": [layer_json(layer, with_name=True) for layer in model.layers]}
    obj.update(extra or {})
    return obj


SUMMARIES = [
    # (golden name, model name or None, input shape, layers)
    ("xor_before_fit", None, (2,), XOR_LAYERS),
    ("mlp_784_256_128_10_dropout", None, (784,),
     [dense(256, "relu"), dropout(0.2), dense(128, "relu"), dropout(0.2),
      dense(10, "softmax")]),
    ("flatten_reshape", None, (4, 6),
     [flatten(), dense(12, "relu"), reshape((3, 4)), flatten(), dense(2, "softmax")]),
    ("named_layers", "my_classifier", (5,),
     [dense(16, "relu", name="hidden_1"), dropout(0.1, name="drop"),
      dense(8, "tanh", name="hidden_2"), dense(3, "softmax", name="scores")]),
]


def run_summaries():
    for name, model_name, input_shape, layers in SUMMARIES:
        model = build_model(input_shape, layers, name=model_name)
        write_text(OUT / "summary" / f"{name}.txt", capture_summary(model))
        write_json(OUT / "summary" / f"{name}.json", summary_json(name, model, input_shape))

    # The XOR model after compile + fit: the summary gains an "Optimizer params" line.
    xor = next(sc for sc in SCENARIOS if sc["name"] == "xor")
    model = build_model(xor["input_shape"], xor["layers"])
    model.set_weights(fixed_weights(model, np.random.default_rng(seed_of("xor"))))
    model.compile(optimizer="adam", loss="mse", metrics=["accuracy"])
    model.fit(np.array(XOR_X, np.float32), np.array(XOR_Y, np.float32), epochs=xor["epochs"],
              batch_size=xor["batch_size"], shuffle=False, verbose=0)
    write_text(OUT / "summary" / "xor_after_fit.txt", capture_summary(model))
    write_json(OUT / "summary" / "xor_after_fit.json", summary_json(
        "xor_after_fit", model, xor["input_shape"],
        {"compile": {"loss": "mse", "optimizer": "adam", "metrics": ["accuracy"]},
         "fit": {"epochs": xor["epochs"], "batch_size": xor["batch_size"], "shuffle": False,
                 "data": "fit/xor.json"}}))


# --------------------------------------------------------------------------------------------
# fit(verbose=2) progress goldens
# --------------------------------------------------------------------------------------------

# "1/1 - 0s - 2ms/step - ..." : elapsed seconds and time per step vary from run to run.
TIMING = re.compile(r"^(\d+/\d+) - \d+s - ?\d+(?:s|ms|us)/step")
TIMING_REPLACEMENT = r"\1 - <T> - <T>/step"


def run_progress():
    for name, epochs in [("xor_verbose2_2epochs", 2), ("xor_verbose2_1epoch", 1)]:
        model = build_model((2,), XOR_LAYERS)
        model.set_weights(fixed_weights(model, np.random.default_rng(seed_of("xor"))))
        model.compile(optimizer="adam", loss="mse", metrics=["accuracy"])
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            model.fit(np.array(XOR_X, np.float32), np.array(XOR_Y, np.float32), epochs=epochs,
                      batch_size=32, shuffle=False, verbose=2)
        raw = out.getvalue()
        lines = raw.split("\n")
        masked = [TIMING.sub(TIMING_REPLACEMENT, line) for line in lines]
        for raw_line, line in zip(lines, masked):
            if re.match(r"^\d+/\d+ ", raw_line) and "<T>" not in line:
                raise RuntimeError(f"timing fields not found in {raw_line!r}")
        write_text(OUT / "progress" / f"{name}.txt", "\n".join(masked))
        write_json(OUT / "progress" / f"{name}.json", {
            "name": name, "keras_version": keras.__version__,
            "model": "fit/xor.json (same layers, initial weights, x and y)",
            "compile": {"loss": "mse", "optimizer": "adam", "metrics": ["accuracy"]},
            "fit": {"epochs": epochs, "batch_size": 32, "shuffle": False, "verbose": 2},
            "timing_pattern": TIMING.pattern, "timing_replacement": "$1 - <T> - <T>/step",
            "lines": masked})


# --------------------------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="run only fit scenarios containing this")
    args = parser.parse_args()
    if keras.__version__ != KERAS_VERSION:
        print(f"warning: goldens are meant for Keras {KERAS_VERSION}, running "
              f"{keras.__version__}", file=sys.stderr)
    for sc in SCENARIOS:
        if args.only in sc["name"]:
            run_fit(sc)
            print("fit", sc["name"], file=sys.stderr)
    if not args.only:
        run_summaries()
        run_progress()
        print("summaries and progress done", file=sys.stderr)


if __name__ == "__main__":
    main()
