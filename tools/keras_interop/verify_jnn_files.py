"""Real Keras reads the files jnn wrote (Issue 5).

For every case under jnn-core/src/test/resources/keras_interop (written by KerasInteropTest#writeFiles,
`./mvnw -o -pl jnn-core test -Dtest=KerasInteropTest -Djnn.writeInterop=true`; <name>.json holds the
fixed inputs and jnn's predictions, one array per model input and output):
  <name>.keras, <name>.h5      keras.models.load_model, predict, compare with jnn's predictions;
                               for compiled models also the optimizer's iterations and variables
  <name>.weights.h5            Keras 3 weights only: model from <name>.keras, weights reset, load_weights
  <name>.legacy.h5             legacy weights only, the same way
Writes results.json beside them. Run from the repository root:
    /work/venv/bin/python tools/keras_interop/verify_jnn_files.py
"""
import glob
import json
import os
import traceback

os.environ.setdefault("KERAS_BACKEND", "tensorflow")

import numpy as np
import keras

DIR = os.path.join("jnn-core", "src", "test", "resources", "keras_interop")


def arr(values, shape):
    return np.array([float(v) for v in values], dtype=np.float32).reshape(shape)


def arrays(doc, key):
    return [arr(a["data"], a["shape"]) for a in doc[key]]


def scramble(model):
    rng = np.random.default_rng(0)
    model.set_weights([rng.normal(size=w.shape).astype(np.float32) for w in model.get_weights()])


def check(doc, file, load):
    entry = {"file": file}
    try:
        xs = arrays(doc, "inputs")
        want = arrays(doc, "outputs")
        model, notes = load(os.path.join(DIR, file))
        got = model.predict(xs if len(xs) > 1 else xs[0], verbose=0)
        got = list(got) if isinstance(got, (list, tuple)) else [got]
        if len(got) != len(want) or any(g.shape != w.shape for g, w in zip(got, want)):
            raise ValueError(f"Keras predicts shapes {[g.shape for g in got]}, jnn {[w.shape for w in want]}")
        diff = max(float(np.max(np.abs(g - w))) for g, w in zip(got, want))
        entry.update(max_abs_diff=diff, ok=diff <= 1e-5, **notes)
        if "optimizer_iterations" in notes:
            entry["ok"] = entry["ok"] and notes["optimizer_iterations"] == doc["optimizer_iterations"]
            entry["ok"] = entry["ok"] and notes["optimizer_max_abs_diff"] <= 1e-6
    except Exception as e:  # recorded, so that the JUnit test fails with the reason
        entry.update(ok=False, error=f"{type(e).__name__}: {e}", trace=traceback.format_exc()[-2000:])
    print(entry["file"], "ok" if entry["ok"] else "FAILED", entry.get("max_abs_diff", entry.get("error")))
    return entry


def full_model(doc):
    def load(path):
        model = keras.models.load_model(path)
        notes = {"class": model.__class__.__name__, "compiled": getattr(model, "optimizer", None) is not None}
        if "optimizer_variables" in doc:
            values = [np.asarray(v.numpy(), dtype=np.float32).ravel() for v in model.optimizer.variables]
            want = [np.array([float(s) for s in v], dtype=np.float32) for v in doc["optimizer_variables"]]
            notes["optimizer_iterations"] = int(model.optimizer.iterations.numpy())
            notes["optimizer_variable_count"] = len(values)
            notes["optimizer_variable_count_saved"] = len(want)
            if path.endswith(".h5") and len(values) == 2:
                # Keras 3.15.1's legacy loader builds the optimizer on the model's own variables only
                # (model._trainable_variables is empty for Sequential/Functional), so it restores just
                # iterations and learning_rate, from its own .h5 files as well; compare those.
                notes["note"] = "Keras's legacy .h5 loader restores only iterations and learning_rate"
                want = want[:2]
            if len(values) != len(want):
                notes["optimizer_max_abs_diff"] = float("inf")
            else:
                notes["optimizer_max_abs_diff"] = max(float(np.max(np.abs(a - b))) if a.size else 0.0
                                                      for a, b in zip(values, want))
        return model, notes
    return load


def weights_only(doc):
    def load(path):
        model = keras.models.load_model(os.path.join(DIR, doc["name"] + ".keras"), compile=False)
        scramble(model)
        model.load_weights(path)
        return model, {"class": model.__class__.__name__}
    return load


# Architectures jnn cannot write as config: Keras builds them here (name -> function returning the model)
# and loads jnn's weights files. Empty since jnn writes MultiHeadAttention's config too.
WEIGHTS_ONLY = {}


def built_weights_only(doc):
    def load(path):
        model = WEIGHTS_ONLY[doc["name"]]()
        scramble(model)
        model.load_weights(path)
        return model, {"class": model.__class__.__name__}
    return load


def main():
    files = []
    for meta in sorted(glob.glob(os.path.join(DIR, "*.json"))):
        if os.path.basename(meta) == "results.json":
            continue
        with open(meta) as f:
            doc = json.load(f)
        name = doc["name"]
        if doc.get("weights_only"):
            files.append(check(doc, name + ".weights.h5", built_weights_only(doc)))
            files.append(check(doc, name + ".legacy.h5", built_weights_only(doc)))
            continue
        files.append(check(doc, name + ".keras", full_model(doc)))
        files.append(check(doc, name + ".h5", full_model(doc)))
        files.append(check(doc, name + ".weights.h5", weights_only(doc)))
        files.append(check(doc, name + ".legacy.h5", weights_only(doc)))
    with open(os.path.join(DIR, "results.json"), "w") as f:
        json.dump({"keras_version": keras.__version__, "backend": keras.backend.backend(), "files": files}, f, indent=1)
    print(sum(e["ok"] for e in files), "of", len(files), "files read by Keras as jnn predicts")


if __name__ == "__main__":
    main()
