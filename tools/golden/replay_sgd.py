"""Sanity check of the golden semantics: replays an mse + plain-SGD golden (Dense(relu)->Dense,
optional sample_weight and L1/L2 kernel penalties) in numpy from the JSON alone and prints the
logged losses next to Keras' and the largest final-weight difference.

usage: python tools/golden/replay_sgd.py jnn-core/src/test/resources/golden/fit/opt_sgd.json
"""
import json, numpy as np, sys
g = json.load(open(sys.argv[1]))
W = [np.array(w["values"], np.float64).reshape(w["shape"]) for w in g["initial_weights"]]
x = np.array(g["x"]); y = np.array(g["y"]); bs = g["fit"]["batch_size"]
sw = g["fit"]["sample_weight"]; sw = None if sw is None else np.array(sw)
lr = g["compile"]["optimizer"]["config"]["learning_rate"]
reg = [l["config"]["kernel_regularizer"] for l in g["layers"]]
hist = []
for ep in range(g["fit"]["epochs"]):
    tot = 0.0
    for s in range(0, len(x), bs):
        xb, yb = x[s:s+bs], y[s:s+bs]; n = len(xb)
        wb = np.ones(n) if sw is None else sw[s:s+bs]
        h = xb @ W[0] + W[1]; a = np.maximum(h, 0); p = a @ W[2] + W[3]
        per = ((p - yb) ** 2).mean(axis=1)
        loss = (wb * per).sum() / n
        pen = 0.0; gpen = [0, 0, 0, 0]
        for i, r in zip((0, 2), reg):
            if r and r["class_name"] == "L2": pen += r["config"]["l2"] * (W[i]**2).sum(); gpen[i] = 2 * r["config"]["l2"] * W[i]
            if r and r["class_name"] == "L1": pen += r["config"]["l1"] * np.abs(W[i]).sum(); gpen[i] = r["config"]["l1"] * np.sign(W[i])
        tot += (loss + pen) * n
        dp = (2 * (p - yb) / yb.shape[1]) * wb[:, None] / n
        g3 = dp.sum(0); g2 = a.T @ dp; da = dp @ W[2].T * (h > 0); g1 = da.sum(0); g0 = xb.T @ da
        grads = [g0, g1, g2, g3]
        W = [w - lr * (gr + gp) for w, gr, gp in zip(W, grads, gpen)]
    hist.append(tot / len(x))
print("numpy  ", hist); print("keras  ", g["history"]["loss"])
fw = [np.array(w["values"]).reshape(w["shape"]) for w in g["final_weights"]]
print("max |w diff|", max(np.abs(a - b).max() for a, b in zip(W, fw)))
