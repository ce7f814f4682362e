package dev.jnn.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnn.models.FitOptions;
import dev.jnn.callbacks.History;
import dev.jnn.models.Sequential;
import dev.jnn.io.KerasConfig;
import dev.jnn.optimizers.SGD;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import dev.jnn.testing.GoldenFiles;
import dev.jnn.testing.LayerContract;
import dev.jnn.testing.LayerGradientCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GaussianDropout, AlphaDropout and ActivityRegularization against Keras, with contracts and bad input. */
class NoiseRegularizationLayersTest {
    private static Tensor tensor(JsonNode node) {
        return new Tensor(GoldenFiles.shape(node.get("shape")), GoldenFiles.floats(node.get("values")));
    }

    @Test
    void alphaDropoutKeepsOrSaturatesWithKerasCoefficients() throws Exception {
        JsonNode golden = GoldenFiles.read("/golden/layers5/alpha_dropout.json");
        float[] x = tensor(golden.get("x")).data();
        float[] keras = tensor(golden.get("train_y")).data();
        float[] k = AlphaDropout.coefficients(0.2);
        int dropped = 0;
        for (int i = 0; i < x.length; i++) {
            boolean kept = Math.abs(keras[i] - (k[0] * x[i] + k[1])) < 1e-5;
            boolean saturated = Math.abs(keras[i] - (k[0] * k[2] + k[1])) < 1e-5;
            assertTrue(kept || saturated, "Keras's output " + keras[i] + " at " + i + " is neither a·x+b nor a·α'+b");
            dropped += kept ? 0 : 1;
        }
        assertEquals(0.2, dropped / (double) x.length, 0.05);
        // jnn's own draws: the same two forms, about the same share dropped
        AlphaDropout layer = new AlphaDropout(new AlphaDropout.Config(0.2, 3L));
        Tensor input = tensor(golden.get("x"));
        float[] y = layer.call(input, true).data();
        int mine = 0;
        for (int i = 0; i < x.length; i++) {
            mine += Math.abs(y[i] - (k[0] * x[i] + k[1])) < 1e-6 ? 0 : 1;
        }
        assertEquals(0.2, mine / (double) x.length, 0.05);
        assertSame(input, layer.call(input, false));
    }

    @Test
    void gaussianDropoutNoiseHasKerasSpread() throws Exception {
        JsonNode golden = GoldenFiles.read("/golden/layers5/gaussian_dropout.json");
        float[] x = tensor(golden.get("x")).data();
        float[] keras = tensor(golden.get("train_y")).data();
        GaussianDropout layer = new GaussianDropout(new GaussianDropout.Config(0.3, 5L));
        float[] mine = layer.call(tensor(golden.get("x")), true).data();
        double[] kerasStats = stats(keras, x);
        double[] jnnStats = stats(mine, x);
        double stddev = Math.sqrt(0.3 / 0.7);
        assertEquals(1.0, kerasStats[0], 0.03);
        assertEquals(stddev, kerasStats[1], 0.03);
        assertEquals(kerasStats[0], jnnStats[0], 0.05);
        assertEquals(kerasStats[1], jnnStats[1], 0.05);
    }

    /** Mean and standard deviation of the multiplicative noise y / x. */
    private static double[] stats(float[] y, float[] x) {
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < x.length; i++) {
            double n = y[i] / x[i];
            sum += n;
            squares += n * n;
        }
        double mean = sum / x.length;
        return new double[] {mean, Math.sqrt(squares / x.length - mean * mean)};
    }

    @Test
    void activityRegularizationTrainsAsKeras() throws Exception {
        JsonNode golden = GoldenFiles.read("/golden/layers5/activity_regularization_fit.json");
        Sequential model = (Sequential) KerasConfig.modelFromJson(golden.get("config"));
        List<Parameter> weights = model.parameters();
        JsonNode initial = golden.get("initial_weights");
        for (int i = 0; i < weights.size(); i++) {
            System.arraycopy(tensor(initial.get(i)).data(), 0, weights.get(i).value().data(), 0, weights.get(i).size());
        }
        model.compile(dev.jnn.models.CompileOptions.builder().loss("mse").optimizer(new SGD(0.1f)).build());
        Tensor x = tensor(golden.get("x"));
        Tensor y = tensor(golden.get("y"));
        History history = model.fit(x, y, FitOptions.builder().epochs(2).batchSize(4).shuffle(false).verbose(0)
                .build());
        List<Double> losses = history.history().get("loss");
        for (int e = 0; e < 2; e++) {
            assertEquals(golden.get("loss_history").get(e).asDouble(), losses.get(e), 1e-5, "epoch " + e + " loss");
        }
        JsonNode expected = golden.get("final_weights");
        for (int i = 0; i < weights.size(); i++) {
            GoldenFiles.assertClose("weight " + i, tensor(expected.get(i)).data(), weights.get(i).value().data(), 1e-5);
        }
        double evaluated = model.evaluate(x, y, 8, 0).get("loss");
        assertEquals(golden.get("evaluate_loss").asDouble(), evaluated, 1e-5);
    }

    @Test
    void activityPenaltyGradientAndContract() {
        ActivityRegularization layer = new ActivityRegularization(0.3, 0.2);
        // central differences of sum(r·y) + penalty: the probe adds the layer's penalty to the output sum
        Tensor x = Tensor.of(new float[][] {{0.5f, -1.2f, 0.3f}, {-0.7f, 0.9f, 2f}});
        x.markRequiresGrad();
        x.zeroGrad();
        try (GradientTape tape = GradientTape.open()) {
            Tensor out = layer.call(x, true);
            java.util.Arrays.fill(out.grad(), 0f);
            tape.backward();
        }
        float[] g = x.grad();
        for (int i = 0; i < g.length; i++) {
            float v = x.data()[i];
            assertEquals((0.3 * Math.signum(v) + 0.4 * v) / 2, g[i], 1e-6);
        }
        assertEquals((0.3 * 5.6 + 0.2 * (0.25 + 1.44 + 0.09 + 0.49 + 0.81 + 4)) / 2, layer.regularizationLoss(), 1e-5);
        LayerGradientCheck.check(new GaussianDropout(0), Shape.of(3), 2, 1, true);
        LayerContract.check(() -> new GaussianDropout(new GaussianDropout.Config(0.2, 1L)), Shape.of(4), Shape.of(4), 0);
        LayerContract.check(() -> new AlphaDropout(new AlphaDropout.Config(0.2, 1L)), Shape.of(4), Shape.of(4), 0);
        LayerContract.check(() -> new ActivityRegularization(0.01, 0.01), Shape.of(4), Shape.of(4), 0);
    }

    /** Every new random layer exposes its stream, so that BackupAndRestore can replay its draws. */
    @Test
    void randomLayersExposeTheirStreamAndReplayFromItsState() {
        Tensor image = Tensor.zeros(3, 5, 6, 2);
        for (int i = 0; i < image.size(); i++) {
            image.data()[i] = (float) Math.cos(i * 0.3) * 100 + 120;
        }
        Tensor flat = image.reshape(Shape.of(3, 60));
        List<Layer> layers = List.of(new RandomFlip(), new RandomRotation(0.2), new RandomZoom(0.2),
                new RandomTranslation(0.2, 0.2), new RandomContrast(0.3), new RandomBrightness(0.3),
                new RandomCrop(3, 4), new GaussianDropout(0.3), new AlphaDropout(0.3));
        for (Layer layer : layers) {
            Tensor x = layer instanceof GaussianDropout || layer instanceof AlphaDropout ? flat : image;
            assertEquals(1, layer.randomStreams().size(), layer.className());
            long state = layer.randomStreams().get(0).state();
            float[] first = layer.call(x, true).data().clone();
            layer.randomStreams().get(0).restore(state);
            org.junit.jupiter.api.Assertions.assertArrayEquals(first, layer.call(x, true).data(), layer.className());
        }
        AdditiveAttention attention = new AdditiveAttention(new AdditiveAttention.Config(true, 0.3f, false, false, 1L));
        assertEquals(1, attention.randomStreams().size());
        assertEquals(List.of(), new Rescaling(2).randomStreams());
    }

    @Test
    void badInput() {
        var e = assertThrows(IllegalArgumentException.class, () -> new GaussianDropout(1.5));
        assertTrue(e.getMessage().contains("rate=1.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new AlphaDropout(-0.1));
        assertTrue(e.getMessage().contains("rate=-0.1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ActivityRegularization(-1, 0));
        assertTrue(e.getMessage().contains("l1=-1"), e.getMessage());
    }
}
