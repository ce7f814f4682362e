package dev.jnn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.losses.SparseCategoricalCrossentropy;
import dev.jnn.models.Sequential;
import dev.jnn.optimizers.Adam;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import org.junit.jupiter.api.Test;

class MlpBenchTest {
    @Test
    void inputsAreSeededUniformInZeroOne() {
        Tensor x = MlpBench.inputs(50, 7);
        assertEquals(Shape.of(50, 784), x.shape());
        double sum = 0;
        for (float v : x.data()) {
            assertTrue(v >= 0 && v < 1, "value " + v);
            sum += v;
        }
        // Mean of 39,200 U[0,1) values: 0.5 +- 0.0015 (one standard error); 10 standard errors of slack.
        assertEquals(0.5, sum / x.size(), 0.015);
        assertArrayEquals(x.data(), MlpBench.inputs(50, 7).data());
        assertTrue(x.data()[0] != MlpBench.inputs(50, 8).data()[0]);
        assertThrows(IllegalArgumentException.class, () -> MlpBench.inputs(0, 7));
    }

    @Test
    void labelsCoverTheTenClasses() {
        int[] labels = MlpBench.labels(1000, 1);
        int[] counts = new int[10];
        for (int label : labels) {
            counts[label]++;   // throws if a label is outside 0..9
        }
        for (int c : counts) {
            assertTrue(c > 50, "each class about 100 times: " + java.util.Arrays.toString(counts));
        }
        assertArrayEquals(labels, MlpBench.labels(1000, 1));
    }

    @Test
    void trainingModelIsTheAnchorsNetworkAndCompile() {
        Sequential model = MlpBench.trainingModel();
        // 784*256+256 + 256*128+128 + 128*10+10
        assertEquals(235_146, model.countParams());
        assertEquals(Shape.of(10), model.outputShape());
        var loss = assertInstanceOf(SparseCategoricalCrossentropy.class, model.loss());
        assertTrue(loss.fromLogits());
        var adam = assertInstanceOf(Adam.class, model.optimizer());
        assertEquals(1e-7, adam.epsilon(), 1e-20);
        assertEquals(1e-3f, model.learningRate());
    }

    @Test
    void inferenceModelOutputsProbabilities() {
        Sequential model = MlpBench.inferenceModel();
        assertEquals(235_146, model.countParams(), "the softmax adds no weights");
        float[][] p = model.predict(MlpBench.inputs(3, 0), MlpInferWorkload.BATCH).toArray2d();
        for (float[] row : p) {
            double sum = 0;
            for (float v : row) {
                assertTrue(v > 0 && v < 1, "probability " + v);
                sum += v;
            }
            assertEquals(1.0, sum, 1e-5);
        }
    }
}
