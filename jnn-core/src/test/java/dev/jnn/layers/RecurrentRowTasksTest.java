package dev.jnn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.kernels.Parallel;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.SeedGenerator;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A recurrent step large enough to be cut into row tasks (RecurrentRun.STEP_GRAIN) must give, for every
 * sample, the bits that sample gets alone in a batch of one (one task): outputs and input gradients
 * bit for bit, weight gradients (sums over samples, in another order) within float rounding. With masks,
 * backwards direction, both GRU variants, SimpleRNN and an activation that forbids row tasks.
 */
class RecurrentRowTasksTest {
    private static final int BATCH = 48;
    private static final int STEPS = 3;
    private static final int FEATURES = 5;

    private static List<Supplier<RecurrentLayer>> layers() {
        return List.of(
                () -> LSTM.builder(128).returnSequences(true).build(),
                () -> LSTM.builder(136).goBackwards(true).build(),
                () -> GRU.builder(128).returnSequences(true).build(),
                () -> GRU.builder(136).resetAfter(false).build(),
                () -> SimpleRNN.builder(264).returnSequences(true).build(),
                () -> LSTM.builder(128).activation("softsign").build());
    }

    @Test
    void stepsCutIntoRowTasksGiveEachSampleItsOwnBits() {
        for (Supplier<RecurrentLayer> make : layers()) {
            for (boolean masked : new boolean[] {false, true}) {
                SeedGenerator.setGlobalSeed(11);
                RecurrentLayer layer = make.get();
                layer.build(Shape.of(STEPS, FEATURES), false);
                int width = layer.gateCount() * layer.units();
                long work = (long) BATCH * layer.units() * width;
                String what = layer.className() + "(" + layer.units() + ") masked=" + masked;
                assertTrue(Parallel.tasks(BATCH, work, RecurrentRun.STEP_GRAIN) > 1, what + " must be cut into tasks");

                var random = new SplittableRandom(7);
                Tensor x = randomTensor(Shape.of(BATCH, STEPS, FEATURES), random);
                float[] mask = new float[BATCH * STEPS];
                for (int i = 0; i < mask.length; i++) {
                    mask[i] = !masked || random.nextInt(4) > 0 ? 1f : 0f;
                }
                Run whole = run(layer, x, masked ? mask : null, random.split());
                float[] seed = whole.seed;
                List<float[]> summed = new ArrayList<>();
                for (Parameter p : layer.parameters()) {
                    summed.add(new float[p.size()]);
                }
                int outRow = whole.y.length / BATCH;
                int inRow = STEPS * FEATURES;
                for (int b = 0; b < BATCH; b++) {
                    Tensor one = new Tensor(Shape.of(1, STEPS, FEATURES), Arrays.copyOfRange(x.data(), b * inRow, (b + 1) * inRow));
                    Run alone = run(layer, one, masked ? Arrays.copyOfRange(mask, b * STEPS, (b + 1) * STEPS) : null,
                            Arrays.copyOfRange(seed, b * outRow, (b + 1) * outRow));
                    assertArrayEquals(Arrays.copyOfRange(whole.y, b * outRow, (b + 1) * outRow), alone.y, what + " output of sample " + b);
                    assertArrayEquals(Arrays.copyOfRange(whole.dx, b * inRow, (b + 1) * inRow), alone.dx, what + " input gradient of sample " + b);
                    for (int k = 0; k < summed.size(); k++) {
                        for (int i = 0; i < summed.get(k).length; i++) {
                            summed.get(k)[i] += alone.grads.get(k)[i];
                        }
                    }
                }
                for (int k = 0; k < summed.size(); k++) {
                    float[] expected = summed.get(k);
                    float[] actual = whole.grads.get(k);
                    for (int i = 0; i < expected.length; i++) {
                        assertEquals(expected[i], actual[i], 1e-4 * (1 + Math.abs(expected[i])),
                                what + " " + layer.parameters().get(k).name() + " gradient at " + i);
                    }
                }
            }
        }
    }

    /** The outputs, the seed gradient used, and the gradients of one forward and backward. */
    private record Run(float[] y, float[] seed, float[] dx, List<float[]> grads) {
    }

    private static Run run(RecurrentLayer layer, Tensor x, float[] mask, Object seedOrRandom) {
        x.setMask(mask == null ? null : new Tensor(Shape.of(x.rows(), STEPS), mask));
        x.markRequiresGrad();
        x.zeroGrad();
        for (Parameter p : layer.parameters()) {
            p.value().zeroGrad();
        }
        float[] y;
        float[] seed;
        try (GradientTape tape = GradientTape.open()) {
            Tensor out = layer.call(x, true);
            y = out.data().clone();
            if (seedOrRandom instanceof SplittableRandom random) {
                seed = new float[out.size()];
                for (int i = 0; i < seed.length; i++) {
                    seed[i] = (float) (random.nextDouble() * 2 - 1);
                }
            } else {
                seed = (float[]) seedOrRandom;
            }
            System.arraycopy(seed, 0, out.grad(), 0, seed.length);
            tape.backward();
        }
        List<float[]> grads = new ArrayList<>();
        for (Parameter p : layer.parameters()) {
            grads.add(p.grad().clone());
        }
        return new Run(y, seed, x.grad().clone(), grads);
    }

    private static Tensor randomTensor(Shape shape, SplittableRandom random) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return t;
    }
}
