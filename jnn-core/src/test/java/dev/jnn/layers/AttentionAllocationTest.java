package dev.jnn.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jnn.models.CompileOptions;
import dev.jnn.models.Sequential;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.SeedGenerator;
import dev.jnn.tensor.StepScope;
import dev.jnn.tensor.Tensor;
import dev.jnn.testing.Allocations;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Steady-state steps through the merge, attention, embedding and TimeDistributed layers allocate
 * nothing: their buffers and backward records come from {@link PerStep}.
 */
class AttentionAllocationTest {
    @Test
    void sequentialTrainStepThroughEmbeddingMaskingAndTimeDistributedAllocatesNothing() {
        SeedGenerator.setGlobalSeed(3);
        var model = new Sequential(Input.shape(6), Embedding.builder(10, 4).maskZero(true).build(), new Masking(),
                new TimeDistributed(new Dense(3)), new Flatten(), new Dense(2, "softmax"));
        // SGD and a linear inner Dense: under load, C2 may not yet have intrinsified the Vector API Adam and tanh
        // kernels within the measured windows, and their allocations (seen with JFR) are not this test's subject
        model.compile(CompileOptions.builder().loss("categorical_crossentropy").optimizer("sgd").build());
        Tensor x = Tensor.zeros(4, 6);
        Tensor y = Tensor.zeros(4, 2);
        for (int i = 0; i < x.size(); i++) {
            x.data()[i] = i % 7;
        }
        for (int r = 0; r < 4; r++) {
            y.data()[r * 2 + r % 2] = 1f;
        }
        assertEquals(0, Allocations.steadyStateBytes(() -> model.trainStep(x, y, null)),
                "bytes allocated by 100 steady-state training steps");
    }

    @Test
    void listLayersForwardAndBackwardAllocateNothing() {
        SeedGenerator.setGlobalSeed(4);
        Tensor q = Tensor.zeros(4, 5, 8);
        Tensor v = Tensor.zeros(4, 6, 8);
        for (int i = 0; i < q.size(); i++) {
            q.data()[i] = (float) Math.sin(i);
        }
        for (int i = 0; i < v.size(); i++) {
            v.data()[i] = (float) Math.cos(i);
        }
        q.markRequiresGrad();
        v.markRequiresGrad();
        MultiHeadAttention mha = MultiHeadAttention.builder(2, 4).useCausalMask(true).build();
        Attention attention = new Attention(Attention.Config.defaults().withUseScale(true));
        Add add = new Add();
        Concatenate concat = new Concatenate(1);
        Dot dot = new Dot(new Dot.Config(2, 2, true));
        List<Tensor> qv = List.of(q, v);
        List<Tensor> qq = List.of(q, q);
        mha.build(List.of(q.shape().withoutBatch(), v.shape().withoutBatch()), false);
        attention.build(List.of(q.shape().withoutBatch(), v.shape().withoutBatch()), false);
        StepScope scope = new StepScope();
        GradientTape tape = new GradientTape();
        List<Parameter> weights = new java.util.ArrayList<>(mha.parameters());
        weights.addAll(attention.parameters());
        Parameter[] params = weights.toArray(new Parameter[0]);
        Runnable step = () -> {
            scope.begin();
            tape.begin();
            try {
                q.zeroGrad();
                v.zeroGrad();
                for (Parameter p : params) {
                    p.value().zeroGrad();
                }
                seed(mha.call(qv, true).get(0));
                seed(attention.call(qv, true).get(0));
                seed(add.call(qq, true).get(0));
                seed(concat.call(qv, true).get(0));
                seed(dot.call(qv, true).get(0));
                tape.backward();
            } finally {
                tape.close();
                scope.end();
            }
        };
        assertEquals(0, Allocations.steadyStateBytes(step), "bytes allocated by 100 steady-state steps");
    }

    private static void seed(Tensor y) {
        java.util.Arrays.fill(y.grad(), 1f);
    }
}
