package dev.jnn.layers;

import dev.jnn.initializers.Initializer;
import dev.jnn.initializers.Initializers;
import dev.jnn.regularizers.Regularizer;
import dev.jnn.tensor.BackwardStep;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;

/**
 * Keras's {@code Embedding}: turns integer ids into dense vectors, {@code y[..., :] = embeddings[id]}.
 *
 * <p>Inputs are ids stored as floats, any shape ({@code [batch, time]} for sequences); the output
 * appends an axis of {@code outputDim}. Like Keras, non-integer values are cast to int (truncated
 * toward zero); an id outside {@code [0, inputDim)} throws, naming the id, its position and the layer.
 * The table {@code embeddings [inputDim, outputDim]} starts from {@code uniform(-0.05, 0.05)}; its
 * gradient is the output gradient scatter-added into the rows that were looked up. With
 * {@code maskZero}, id 0 is padding: the output's mask is {@code id != 0}.
 *
 * <pre>{@code
 * model.add(Input.shape(20));
 * model.add(Embedding.builder(10_000, 64).maskZero(true).build());   // [batch, 20] -> [batch, 20, 64]
 * }</pre>
 */
public final class Embedding extends Layer {
    /**
     * @param inputDim               vocabulary size, &gt; 0
     * @param outputDim              size of each vector, &gt; 0
     * @param embeddingsInitializer  initializer of the table
     * @param embeddingsRegularizer  penalty on the table, or null
     * @param maskZero               whether id 0 is padding that masks its step
     */
    public record Config(int inputDim, int outputDim, Initializer embeddingsInitializer,
                         Regularizer embeddingsRegularizer, boolean maskZero) implements LayerConfig {
        public Config {
            if (inputDim <= 0) {
                throw new IllegalArgumentException("Embedding: input_dim must be a positive integer, got " + inputDim);
            }
            if (outputDim <= 0) {
                throw new IllegalArgumentException("Embedding: output_dim must be a positive integer, got " + outputDim);
            }
            if (embeddingsInitializer == null) {
                throw new IllegalArgumentException("Embedding: embeddings_initializer must not be null");
            }
        }
    }

    private final Config config;
    private final PerStep<Call> calls = new PerStep<>(Call::new);
    private Parameter embeddings;
    private Call lastCall;

    /** An embedding with Keras's defaults. */
    public Embedding(int inputDim, int outputDim) {
        this(builder(inputDim, outputDim).config());
    }

    public Embedding(Config config) {
        this.config = config;
    }

    /** A builder starting from Keras's defaults ({@code uniform} initializer, no regularizer, no mask). */
    public static Builder builder(int inputDim, int outputDim) {
        return new Builder(inputDim, outputDim);
    }

    @Override
    public Config config() {
        return config;
    }

    /** The table {@code [inputDim, outputDim]}, once built. */
    public Parameter embeddings() {
        return embeddings;
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        int[] d = inputShape.dims();
        int[] out = java.util.Arrays.copyOf(d, d.length + 1);
        out[d.length] = config.outputDim;
        return Shape.of(out);
    }

    @Override
    protected void build(Shape inputShape) {
        embeddings = addWeight("embeddings", Shape.of(config.inputDim, config.outputDim),
                config.embeddingsInitializer, true, config.embeddingsRegularizer);
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        Call call = calls.acquire();
        call.prepare(x);
        float[] ids = x.data();
        float[] table = embeddings.value().data();
        float[] out = call.y.data();
        int dim = config.outputDim;
        for (int i = 0; i < ids.length; i++) {
            int id = (int) ids[i];
            if (id < 0 || id >= config.inputDim || Float.isNaN(ids[i])) {
                throw new IllegalArgumentException("Layer \"" + name() + "\": id " + ids[i] + " at flat position " + i
                        + " of input shape " + x.shape() + " is not in [0, " + config.inputDim + ") (input_dim="
                        + config.inputDim + ")");
            }
            call.rows[i] = id;
            System.arraycopy(table, id * dim, out, i * dim, dim);
        }
        if (GradientTape.isRecording(embeddings.value())) {
            GradientTape.active().record(call.y, call);
        }
        lastCall = call;
        return call.y;
    }

    @Override
    protected boolean supportsMasking() {
        return config.maskZero;
    }

    /** Keras's {@code compute_mask}: {@code id != 0} with {@code maskZero}, otherwise no mask. */
    @Override
    protected Tensor computeMask(Tensor input, Tensor inputMask) {
        if (!config.maskZero) {
            return null;
        }
        Call call = lastCall;
        Tensor mask = call != null && call.x == input ? call.mask() : Tensor.zeros(input.shape());
        float[] ids = input.data();
        float[] m = mask.data();
        for (int i = 0; i < ids.length; i++) {
            m[i] = (int) ids[i] != 0 ? 1f : 0f;
        }
        return mask;
    }

    /** One call's looked-up rows, output, mask and backward (a scatter-add into the table's gradient). */
    private final class Call implements BackwardStep {
        private Tensor x;
        private Shape shape;
        private int[] rows;
        private Tensor y;
        private Tensor mask;

        void prepare(Tensor input) {
            x = input;
            if (!input.shape().equals(shape)) {
                shape = input.shape();
                rows = new int[input.size()];
                y = Tensor.zeros(outputShape(shape.withoutBatch()).withBatch(shape.dim(0)));
                mask = null;
            }
        }

        Tensor mask() {
            if (mask == null) {
                mask = Tensor.zeros(shape);
            }
            return mask;
        }

        @Override
        public void backward() {
            if (!embeddings.trainable()) {
                return;
            }
            float[] g = embeddings.grad();
            float[] dy = y.grad();
            int dim = config.outputDim;
            for (int i = 0; i < rows.length; i++) {
                int dst = rows[i] * dim;
                int src = i * dim;
                for (int j = 0; j < dim; j++) {
                    g[dst + j] += dy[src + j];
                }
            }
        }
    }

    @Override
    public String className() {
        return "Embedding";
    }

    /** Builds a {@link Config} from Keras's defaults. */
    public static final class Builder {
        private final int inputDim;
        private final int outputDim;
        private Initializer embeddingsInitializer = Initializers.get("uniform");
        private Regularizer embeddingsRegularizer;
        private boolean maskZero;

        private Builder(int inputDim, int outputDim) {
            this.inputDim = inputDim;
            this.outputDim = outputDim;
        }

        /** The table's initializer, by name ({@code "uniform"}, ...). */
        public Builder embeddingsInitializer(String name) {
            return embeddingsInitializer(Initializers.get(name));
        }

        /** The table's initializer. */
        public Builder embeddingsInitializer(Initializer initializer) {
            this.embeddingsInitializer = initializer;
            return this;
        }

        /** A penalty on the table, or null for none. */
        public Builder embeddingsRegularizer(Regularizer regularizer) {
            this.embeddingsRegularizer = regularizer;
            return this;
        }

        /** Whether id 0 is padding (Keras's {@code mask_zero}). */
        public Builder maskZero(boolean mask) {
            this.maskZero = mask;
            return this;
        }

        /** The configuration built so far. */
        public Config config() {
            return new Config(inputDim, outputDim, embeddingsInitializer, embeddingsRegularizer, maskZero);
        }

        public Embedding build() {
            return new Embedding(config());
        }
    }
}
