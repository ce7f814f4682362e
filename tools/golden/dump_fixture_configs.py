"""Dumps the model config (and training config, when present) of every fixture in
/work/shared/keras-fixtures into jnn-core/src/test/resources/golden/keras_config/fixtures/<fixture>.json,
so that the Java tests can parse real Keras 1/2/3 configs without h5py.

Each output file: {"fixture", "source", "keras_version", "backend", "model_config", "training_config"}.
model_config comes from the HDF5 root attribute `model_config`, a .keras zip's config.json, or the
fixture's config JSON (model.to_json()), in that order of preference.

Run from the repository root: /work/venv/bin/python tools/golden/dump_fixture_configs.py
"""
import json
import os
import sys
import zipfile

import h5py

FIXTURES = os.environ.get("KERAS_FIXTURES", "/work/shared/keras-fixtures")
OUT = "jnn-core/src/test/resources/golden/keras_config/fixtures"


def text(value):
    if value is None:
        return None
    if isinstance(value, bytes):
        return value.decode("utf-8")
    return str(value)


def from_h5(path):
    with h5py.File(path, "r") as f:
        attrs = f.attrs
        return {
            "model_config": text(attrs.get("model_config")),
            "training_config": text(attrs.get("training_config")),
            "keras_version": text(attrs.get("keras_version")),
            "backend": text(attrs.get("backend")),
        }


def from_zip(path):
    with zipfile.ZipFile(path) as z:
        config = z.read("config.json").decode("utf-8")
        meta = json.loads(z.read("metadata.json").decode("utf-8"))
    parsed = json.loads(config)
    compile_config = parsed.get("compile_config")
    return {
        "model_config": config,
        "training_config": json.dumps(compile_config) if compile_config else None,
        "keras_version": meta.get("keras_version"),
        "backend": None,
    }


def param_count(path):
    """Scalars in the weights of an HDF5 model or weights file (model_weights/ or the root)."""
    total = 0
    with h5py.File(path, "r") as f:
        root = f["model_weights"] if "model_weights" in f else f

        def visit(_, obj):
            nonlocal total
            if isinstance(obj, h5py.Dataset):
                total += int(obj.size)
        root.visititems(visit)
    return total


def weights_count(entry, folder):
    for key in ("model_file", "weights_file"):
        name = entry.get(key)
        if name and magic(os.path.join(folder, name)).startswith(b"\x89HDF"):
            count = param_count(os.path.join(folder, name))
            if count:
                return count
    return None


def magic(path):
    with open(path, "rb") as f:
        return f.read(8)


def main():
    manifest = json.load(open(os.path.join(FIXTURES, "manifest.json")))
    os.makedirs(OUT, exist_ok=True)
    for entry in manifest:
        name = entry["fixture"]
        folder = os.path.join(FIXTURES, name)
        info = None
        source = None
        model_file = entry.get("model_file")
        if model_file:
            path = os.path.join(folder, model_file)
            head = magic(path)
            if head.startswith(b"PK\x03\x04"):
                info = from_zip(path)
            elif head.startswith(b"\x89HDF"):
                info = from_h5(path)
            source = model_file
        if (info is None or info["model_config"] is None) and entry.get("config_json"):
            path = os.path.join(folder, entry["config_json"])
            info = {"model_config": open(path).read(), "training_config": None,
                    "keras_version": None, "backend": None}
            source = entry["config_json"]
        if info is None or info["model_config"] is None:
            print("no model config for", name, file=sys.stderr)
            continue
        config = json.loads(info["model_config"])
        out = {
            "fixture": name,
            "source": source,
            "keras_version": info["keras_version"] or config.get("keras_version"),
            "backend": info["backend"] or config.get("backend"),
            "model_config": config,
            "training_config": json.loads(info["training_config"]) if info["training_config"] else None,
            "weights_param_count": weights_count(entry, folder),
        }
        with open(os.path.join(OUT, name + ".json"), "w") as f:
            json.dump(out, f, indent=1)
            f.write("\n")
        print(name, config.get("class_name"), out["keras_version"])


if __name__ == "__main__":
    main()
