package dev.jnn.layers;

import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.RandomStream;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.List;

/**
 * Keras's {@code AdditiveAttention} (Bahdanau-style): {@link Attention} with the scores
 * {@code scores[t, s] = Σ_f scale_f · tanh(query[t, f] + key[s, f])}, {@code scale} a learned vector of
 * the feature size (glorot_uniform; all ones without {@code useScale}). Masks, causal mask, softmax,
 * dropout and the returned scores are Attention's. Called on {@code [query, value]} or
 * {@code [query, value, key]}.
 *
 * <pre>{@code
 * Tensor context = new AdditiveAttention().call(List.of(query, value), false).get(0);
 * }</pre>
 */
public final class AdditiveAttention extends Layer {
    /**
     * @param useScale              whether to learn the scale vector (Keras's default: true)
     * @param dropout               dropout rate on the attention weights, in [0, 1)
     * @param useCausalMask         whether position t may only attend to positions s ≤ t
     * @param returnAttentionScores whether the attention weights are a second output
     * @param seed                  seed of the dropout stream, or null for the global stream
     */
    public record Config(boolean useScale, float dropout, boolean useCausalMask, boolean returnAttentionScores,
                         Long seed) implements LayerConfig {
        public Config {
            if (!(dropout >= 0f && dropout < 1f)) {
                throw new IllegalArgumentException("AdditiveAttention: dropout must be in [0, 1), got " + dropout);
            }
        }

        /** Keras's defaults: a learned scale, no dropout, no causal mask, one output. */
        public static Config defaults() {
            return new Config(true, 0f, false, false, null);
        }
    }

    private final Config config;
    private final Attention attention;

    /** Keras's defaults. */
    public AdditiveAttention() {
        this(Config.defaults());
    }

    public AdditiveAttention(Config config) {
        this.config = config;
        this.attention = new Attention(new Attention.Config(config.useScale, "dot", config.dropout,
                config.useCausalMask, config.returnAttentionScores, config.seed), true);
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public int inputCount() {
        return -1;
    }

    /** The inner attention speaks with this layer's name in its messages (set late: names can change until use). */
    private Attention inner() {
        attention.named(name());
        return attention;
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        return inner().outputShape(inputShape);
    }

    @Override
    public List<Shape> outputShapes(List<Shape> inputShapes) {
        return inner().outputShapes(inputShapes);
    }

    @Override
    protected void build(List<Shape> inputShapes) {
        attention.build(inputShapes, false);
    }

    /** The scale vector, when {@code useScale}. */
    @Override
    public List<Parameter> parameters() {
        return attention.parameters();
    }

    /** The inner attention's dropout stream. */
    @Override
    public List<RandomStream> randomStreams() {
        return attention.randomStreams();
    }

    @Override
    protected Tensor forward(Tensor input, boolean training) {
        return attention.forward(input, training);
    }

    @Override
    protected List<Tensor> forward(List<Tensor> inputs, boolean training) {
        return attention.forward(inputs, training);
    }

    @Override
    protected boolean supportsMasking() {
        return true;
    }

    @Override
    protected void setOutputMasks(List<Tensor> inputs, List<Tensor> outputs) {
        attention.setOutputMasks(inputs, outputs);
    }
}
