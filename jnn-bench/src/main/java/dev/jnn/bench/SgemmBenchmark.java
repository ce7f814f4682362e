package dev.jnn.bench;

import dev.jnn.kernels.Kernels;
import dev.jnn.kernels.Sgemm;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SGEMM throughput, C = op(A)·op(B) with op(A) M×K and op(B) K×N, for the vector and scalar backends.
 *
 * <p>Two numbers come out per configuration: {@code sgemm} in calls per second, and the secondary
 * result {@code sgemm:gflops}, an operations counter that adds 2·M·N·K / 10⁹ per call and is
 * therefore reported directly in GFLOP/s (JMH prints it as "ops/s"). Shapes: a large square product,
 * the forward (128×784 · 784×256) and a backward-like (128×256 · 256×784) product of an MNIST-sized
 * Dense layer with batch 128, and a tiny XOR-sized layer where only the fixed costs show.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -jar jnn-bench/target/benchmarks.jar SgemmBenchmark \
 *      -p shape=1024x1024x1024 -p backend=vector
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// C2 needs a few seconds before Vector API code stops allocating boxed vectors.
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(value = 5, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:CompileCommand=quiet",
        "-XX:CompileCommand=inline,dev.jnn.kernels.VectorMath::*"})
@State(Scope.Benchmark)
public class SgemmBenchmark {
    /** M×K×N. */
    @Param({"1024x1024x1024", "128x784x256", "128x256x784", "4x2x8"})
    public String shape;

    /** "vector" (the active backend, which must be the Vector API one) or "scalar" (the reference). */
    @Param({"vector", "scalar"})
    public String backend;

    /** AB = A·B, ATB = Aᵀ·B, ABT = A·Bᵀ. */
    @Param({"AB"})
    public String layout;

    private Sgemm sgemm;
    private float[] a;
    private float[] b;
    private float[] c;
    private int m;
    private int k;
    private int n;
    private double gigaFlopsPerCall;

    /** Counts floating-point work; JMH divides by the elapsed time, which gives GFLOP/s. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Flops {
        public double gflops;

        @Setup(Level.Iteration)
        public void reset() {
            gflops = 0;
        }
    }

    @Setup
    public void setUp() {
        String[] parts = shape.split("x");
        if (parts.length != 3) {
            throw new IllegalArgumentException("shape must be MxKxN, got '" + shape + "'");
        }
        m = Integer.parseInt(parts[0]);
        k = Integer.parseInt(parts[1]);
        n = Integer.parseInt(parts[2]);
        sgemm = switch (backend) {
            case "vector" -> {
                if (!Kernels.backend().equals("vector")) {
                    throw new IllegalStateException("the active backend is " + Kernels.backend()
                            + ", not vector: run with --add-modules jdk.incubator.vector and C2");
                }
                yield Kernels.sgemm();
            }
            case "scalar" -> Kernels.scalarSgemm();
            default -> throw new IllegalArgumentException("backend must be vector or scalar, got '" + backend + "'");
        };
        var random = new Random(42);
        a = randomArray(random, m * k);
        b = randomArray(random, k * n);
        c = new float[m * n];
        gigaFlopsPerCall = 2.0 * m * n * k / 1e9;
    }

    private static float[] randomArray(Random random, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = random.nextFloat() * 2f - 1f;
        }
        return x;
    }

    @Benchmark
    public float[] sgemm(Flops flops) {
        switch (layout) {
            case "AB" -> sgemm.matmul(a, b, c, m, k, n, false);
            case "ATB" -> sgemm.matmulTransposeA(a, b, c, m, k, n, false);
            case "ABT" -> sgemm.matmulTransposeB(a, b, c, m, k, n, false);
            default -> throw new IllegalArgumentException("layout must be AB, ATB or ABT, got '" + layout + "'");
        }
        flops.gflops += gigaFlopsPerCall;
        return c;
    }
}
