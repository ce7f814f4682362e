package dev.jnn.bench;

import dev.jnn.layers.Dense;
import dev.jnn.layers.Input;
import dev.jnn.losses.SparseCategoricalCrossentropy;
import dev.jnn.models.CompileOptions;
import dev.jnn.models.Sequential;
import dev.jnn.optimizers.Adam;
import dev.jnn.tensor.SeedGenerator;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One training step (forward, loss, backward, metrics, Adam update) of a Dense network, through the
 * public {@code Model.trainStep}. Run with {@code -prof gc}: {@code gc.alloc.rate.norm} is the bytes
 * allocated per step, which must be 0 in steady state.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -jar jnn-bench/target/benchmarks.jar DenseTrainStepBenchmark -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(value = 5, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:CompileCommand=quiet",
        "-XX:CompileCommand=inline,dev.jnn.kernels.VectorMath::*"})
@State(Scope.Benchmark)
public class DenseTrainStepBenchmark {
    /** "xor": 2-8-1 on 4 samples; "mlp": 784-256-128-10 on a batch of 128. */
    @Param({"xor", "mlp"})
    public String network;

    private Sequential model;
    private Tensor x;
    private Tensor y;

    @Setup
    public void setUp() {
        SeedGenerator.setGlobalSeed(0);
        SplittableRandom random = new SplittableRandom(1);
        if (network.equals("xor")) {
            model = new Sequential(Input.shape(2), new Dense(8, "relu"), new Dense(1, "sigmoid"));
            model.compile("mse", "adam", "accuracy");
            x = Tensor.of(new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
            y = Tensor.of(new float[][] {{0}, {1}, {1}, {0}});
        } else {
            model = new Sequential(Input.shape(784), new Dense(256, "relu"), new Dense(128, "relu"), new Dense(10));
            model.compile(CompileOptions.builder()
                    .loss(new SparseCategoricalCrossentropy(new SparseCategoricalCrossentropy.Config(true)))
                    .optimizer(new Adam()).metrics("accuracy").build());
            x = Tensor.zeros(Shape.of(128, 784));
            for (int i = 0; i < x.size(); i++) {
                x.data()[i] = (float) random.nextDouble();
            }
            int[] labels = new int[128];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = random.nextInt(10);
            }
            y = Tensor.ofLabels(labels);
        }
    }

    @Benchmark
    public void trainStep() {
        model.trainStep(x, y, null);
    }
}
