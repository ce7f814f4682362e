"""Checks with real Keras that the files jnn writes from the layers5 models load and predict as Keras did.

    ./mvnw -o -q -pl jnn-core test -Dtest=Layers5ModelFilesTest -Djnn.layers5.writeDir=/tmp/l5
    /work/venv/bin/python tools/golden/verify_layers5_models.py /tmp/l5

Prints, for each file jnn wrote, the largest difference between Keras's predictions from it and the
predictions recorded by make_layers5_models.py.
"""
import glob
import json
import os
import sys

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402
import keras  # noqa: E402

GOLDEN = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                      "../../jnn-core/src/test/resources/golden/layers5_models")


def main(directory):
    worst = 0.0
    for path in sorted(glob.glob(os.path.join(directory, "*_jnn.*"))):
        base = os.path.basename(path)
        name = base.split("_keras_jnn")[0].split("_h5_jnn")[0]
        with open(os.path.join(GOLDEN, name + ".json")) as f:
            doc = json.load(f)
        x = np.array(doc["x"][0]["values"], np.float32).reshape(doc["x"][0]["shape"])
        y = np.array(doc["predictions"]["values"], np.float32).reshape(doc["predictions"]["shape"])
        p = keras.saving.load_model(path).predict(x, verbose=0)
        diff = float(np.max(np.abs(p - y)))
        worst = max(worst, diff)
        print(f"{base}: max |keras - recorded| = {diff:.3g}")
    sys.exit(0 if worst <= 1e-5 else 1)


if __name__ == "__main__":
    main(sys.argv[1])
