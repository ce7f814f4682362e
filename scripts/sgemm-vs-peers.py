#!/usr/bin/env python3
"""jnn's SGEMM (JMH, jnn-bench) next to OpenBLAS (numpy) and PyTorch, measured in one session.

Runs SgemmBenchmark from jnn-bench/target/benchmarks.jar on the issue's shapes, then the PyTorch
anchor's gemm section (../shared/anchors/torch/bench.py --sections gemm, which times numpy's dot,
i.e. OpenBLAS, and torch.mm), and prints GFLOP/s with the ratios jnn / OpenBLAS and jnn / torch.
Both sides use the same number of threads (2 by default: the anchor's setting).

    ./mvnw -q -pl jnn-bench -am package -DskipTests
    python3 scripts/sgemm-vs-peers.py --peer-python VENV/bin/python [--threads 1] [--json OUT.json]

Only the standard library is needed here; the peer Python needs torch and numpy
(../shared/tools/python-venv.sh VENV installs them). Run it on a quiet machine: timings of other
load's neighbours are not comparable.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

SHAPES = ["1024x1024x1024", "128x784x256", "128x256x784", "4x2x8"]
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def java_home():
    out = subprocess.run(["bash", "-c", f"source '{ROOT}/scripts/java-home.sh' && find_jdk25"],
                         capture_output=True, text=True, check=True)
    return out.stdout.strip()


def run_jmh(jar, threads, out_json):
    java = os.path.join(java_home(), "bin", "java")
    cmd = [java, "--add-modules", "jdk.incubator.vector", "-jar", jar, "SgemmBenchmark",
           "-f", "1", "-wi", "3", "-w", "2", "-i", "5", "-r", "1",
           "-p", "shape=" + ",".join(SHAPES), "-p", "backend=vector", "-p", "layout=AB",
           "-jvmArgsAppend", f"-Djnn.threads={threads}", "-rf", "json", "-rff", out_json]
    print("jnn (JMH):", " ".join(cmd), file=sys.stderr, flush=True)
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    with open(out_json) as f:
        rows = json.load(f)
    figures = {}
    for row in rows:
        shape = row["params"]["shape"]
        # The primary score is calls per second; the secondary metric "gflops" counts 2·M·N·K / 1e9
        # per call, so its ops/s is GFLOP/s.
        figures[shape] = {"gflops": row["secondaryMetrics"]["gflops"]["score"],
                          "ns": 1e9 / row["primaryMetric"]["score"]}
    return figures


def run_peer(python, anchors, threads, out_json):
    env = dict(os.environ)
    for key in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):
        env.pop(key, None)
    env["OPENBLAS_NUM_THREADS"] = str(threads)
    cmd = [python, os.path.join(anchors, "torch", "bench.py"), "--sections", "gemm",
           "--label", "sgemm-vs-peers", "--out", out_json]
    if threads != 2:
        # The anchor fixes torch at 2 threads; a 1-thread comparison reports OpenBLAS only.
        print("peer: torch runs with the anchor's 2 threads; compare OpenBLAS for 1 thread",
              file=sys.stderr)
    print("peer:", " ".join(cmd), file=sys.stderr, flush=True)
    subprocess.run(cmd, check=True, env=env)
    with open(out_json) as f:
        results = json.load(f)["results"]
    peer = {}
    for shape in SHAPES:
        peer[shape] = {lib: {unit: results.get(f"gemm.{lib}.{shape}.{key}")
                             for unit, key in (("gflops", "gflops"), ("ns", "ns_per_call"))}
                       for lib in ("numpy", "torch")}
    return peer


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jar", default=os.path.join(ROOT, "jnn-bench", "target", "benchmarks.jar"))
    ap.add_argument("--anchors", default=os.path.join(os.path.dirname(ROOT), "shared", "anchors"))
    ap.add_argument("--peer-python", default=os.environ.get("JNN_PEER_PYTHON", "python3"))
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--json", help="also write the table as JSON here")
    args = ap.parse_args()
    if not os.path.isfile(args.jar):
        sys.exit(f"no {args.jar}: build it with ./mvnw -q -pl jnn-bench -am package -DskipTests")
    with tempfile.TemporaryDirectory() as tmp:
        jnn = run_jmh(args.jar, args.threads, os.path.join(tmp, "jmh.json"))
        peer = run_peer(args.peer_python, args.anchors, args.threads, os.path.join(tmp, "peer.json"))
    rows = []
    print(f"\nSGEMM, {args.threads} thread(s); ratio = jnn / peer (> 1: jnn faster). GFLOP/s, except the")
    print("tiny shape: ns per call (the peers' figure there is mostly Python's call overhead).")
    print(f"{'M x K x N':<16}{'unit':>8}{'jnn':>9}{'OpenBLAS':>10}{'ratio':>7}{'torch':>9}{'ratio':>7}")
    fmt = lambda v, spec: format(v, spec) if v is not None else format("-", ">" + spec.split(".")[0])
    for shape in SHAPES:
        unit = "ns" if shape == SHAPES[-1] else "gflops"
        j, o = jnn[shape][unit], peer[shape]["numpy"][unit]
        t = peer[shape]["torch"][unit] if args.threads == 2 else None
        speedup = (lambda mine, theirs: theirs / mine) if unit == "ns" else (lambda mine, theirs: mine / theirs)
        ro = speedup(j, o) if j and o else None
        rt = speedup(j, t) if j and t else None
        rows.append({"shape": shape, "unit": "ns/call" if unit == "ns" else "GFLOP/s", "jnn": j,
                     "openblas": o, "torch": t, "jnn_vs_openblas": ro, "jnn_vs_torch": rt})
        print(f"{shape:<16}{rows[-1]['unit']:>8}{fmt(j, '9.1f')}{fmt(o, '10.1f')}{fmt(ro, '7.2f')}"
              f"{fmt(t, '9.1f')}{fmt(rt, '7.2f')}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"threads": args.threads, "rows": rows}, f, indent=1)


if __name__ == "__main__":
    main()
