package dev.jnn.layers;

import dev.jnn.initializers.Initializers;
import dev.jnn.tensor.BackwardStep;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.RandomStream;
import dev.jnn.tensor.SeedGenerator;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.List;

/**
 * Keras's {@code Attention}: Luong-style dot-product attention without projections. Called on
 * {@code [query, value]} or {@code [query, value, key]} ({@code [batch, tq, dim]}, {@code [batch, tv,
 * dim]}; key defaults to value):
 * <pre>
 *   scores  = query · keyᵀ                         (score_mode "dot"; times a learned scalar "scale" with useScale)
 *   scores  = c · Σ_d tanh(query_t + key_s)        (score_mode "concat"; c = "concat_score_weight")
 *   weights = softmax(scores)   over tv, after dropout in training
 *   output  = weights · value                      [batch, tq, value_dim]
 * </pre>
 * <p>Masks as in Keras: the value's mask (and {@code t >= s} with {@code useCausalMask}) lowers masked
 * scores by 1e9; the query's mask zeroes the masked output rows and is the output's mask. With
 * {@code returnAttentionScores} the weights (after dropout, as Keras returns them) are a second output.
 *
 * <pre>{@code
 * Tensor context = new Attention().call(List.of(query, value), false).get(0);
 * }</pre>
 */
public final class Attention extends Layer {
    /**
     * @param useScale              whether to learn a scalar that multiplies the scores
     * @param scoreMode             {@code "dot"} or {@code "concat"}
     * @param dropout               dropout rate on the attention weights, in [0, 1)
     * @param useCausalMask         whether position t may only attend to positions s ≤ t
     * @param returnAttentionScores whether the attention weights are a second output
     * @param seed                  seed of the dropout stream, or null for the global stream
     */
    public record Config(boolean useScale, String scoreMode, float dropout, boolean useCausalMask,
                         boolean returnAttentionScores, Long seed) implements LayerConfig {
        public Config {
            if (!"dot".equals(scoreMode) && !"concat".equals(scoreMode)) {
                throw new IllegalArgumentException("Attention: Invalid value for argument score_mode. Expected one of"
                        + " {'dot', 'concat'}. Received: score_mode=" + scoreMode);
            }
            if (!(dropout >= 0f && dropout < 1f)) {
                throw new IllegalArgumentException("Attention: dropout must be in [0, 1), got " + dropout);
            }
        }

        /** Keras's defaults: no scale, "dot", no dropout, no causal mask, one output. */
        public static Config defaults() {
            return new Config(false, "dot", 0f, false, false, null);
        }

        public Config withUseScale(boolean value) {
            return new Config(value, scoreMode, dropout, useCausalMask, returnAttentionScores, seed);
        }

        public Config withScoreMode(String value) {
            return new Config(useScale, value, dropout, useCausalMask, returnAttentionScores, seed);
        }

        public Config withDropout(float value, Long dropoutSeed) {
            return new Config(useScale, scoreMode, value, useCausalMask, returnAttentionScores, dropoutSeed);
        }

        public Config withUseCausalMask(boolean value) {
            return new Config(useScale, scoreMode, dropout, value, returnAttentionScores, seed);
        }

        public Config withReturnAttentionScores(boolean value) {
            return new Config(useScale, scoreMode, dropout, useCausalMask, value, seed);
        }
    }

    private final Config config;
    private final PerStep<Call> calls = new PerStep<>(Call::new);
    private final RandomStream random;
    /** {@link AdditiveAttention}'s scores, {@code Σ_f scale_f · tanh(q_f + k_f)}, instead of the score mode's. */
    private final boolean additive;
    private Parameter scale;
    private Parameter concatScoreWeight;

    /** Keras's defaults. */
    public Attention() {
        this(Config.defaults());
    }

    public Attention(Config config) {
        this(config, false);
    }

    /** The attention of {@link AdditiveAttention} when {@code additive}; everything after the scores is shared. */
    Attention(Config config, boolean additive) {
        this.config = config;
        this.random = SeedGenerator.newRandom(config.seed());
        this.additive = additive;
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public List<RandomStream> randomStreams() {
        return List.of(random);
    }

    @Override
    public int inputCount() {
        return -1;
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        throw notAList(inputShape);
    }

    @Override
    protected Tensor forward(Tensor input, boolean training) {
        throw notAList(input.shape().withoutBatch());
    }

    private IllegalArgumentException notAList(Shape shape) {
        return new IllegalArgumentException("Layer \"" + name() + "\" must be called on a list of inputs, namely"
                + " [query, value] or [query, value, key], but it received one input of shape " + shape.toKerasString());
    }

    @Override
    public List<Shape> outputShapes(List<Shape> shapes) {
        if (shapes.size() < 2 || shapes.size() > 3) {
            throw new IllegalArgumentException("Layer \"" + name() + "\" accepts inputs list of length 2 or 3, namely"
                    + " [query, value] or [query, value, key]. Received length: " + shapes.size());
        }
        Shape q = shapes.get(0);
        Shape v = shapes.get(1);
        Shape k = shapes.size() == 3 ? shapes.get(2) : v;
        if (q.rank() != 2 || v.rank() != 2 || k.rank() != 2) {
            throw new IllegalArgumentException("Layer \"" + name() + "\" expects [batch, time, features] inputs, got "
                    + Merge.kerasShapes(shapes));
        }
        if (k.dim(0) != v.dim(0)) {
            throw new IllegalArgumentException("Layer \"" + name() + "\": key and value must have the same number of"
                    + " steps, got key " + k.toKerasString() + " and value " + v.toKerasString());
        }
        if (q.dim(1) != k.dim(1)) {
            throw new IllegalArgumentException("Layer \"" + name() + "\": query and key must have the same feature"
                    + " size, got query " + q.toKerasString() + " and key " + k.toKerasString());
        }
        Shape out = Shape.of(q.dim(0), v.dim(1));
        return config.returnAttentionScores ? List.of(out, Shape.of(q.dim(0), v.dim(0))) : List.of(out);
    }

    @Override
    protected void build(List<Shape> shapes) {
        if (additive) {
            // Keras's AdditiveAttention: one glorot_uniform scale per query feature.
            scale = config.useScale ? addWeight("scale", Shape.of(shapes.get(0).dim(-1)),
                    Initializers.get("glorot_uniform"), true, null) : null;
            return;
        }
        scale = config.useScale ? addWeight("scale", Shape.scalar(), Initializers.get("ones"), true, null) : null;
        concatScoreWeight = "concat".equals(config.scoreMode)
                ? addWeight("concat_score_weight", Shape.scalar(), Initializers.get("ones"), true, null) : null;
    }

    @Override
    protected List<Tensor> forward(List<Tensor> inputs, boolean training) {
        Call call = calls.acquire();
        call.prepare(inputs);
        call.forward(training);
        GradientTape tape = GradientTape.active();
        boolean record = tape != null && (scale != null || concatScoreWeight != null || anyRequiresGrad(inputs));
        if (record) {
            tape.record(call.y, call);
            if (call.weightsOut != null) {
                tape.record(call.weightsOut, call.weightsStep);
            }
        }
        return call.outputs;
    }

    private static boolean anyRequiresGrad(List<Tensor> inputs) {
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i).requiresGrad()) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected boolean supportsMasking() {
        return true;
    }

    /** The output carries the query's mask (Keras's {@code compute_mask}); the weights carry none. */
    @Override
    protected void setOutputMasks(List<Tensor> inputs, List<Tensor> outputs) {
        outputs.get(0).setMask(inputs.get(0).mask());
        for (int i = 1; i < outputs.size(); i++) {
            outputs.get(i).setMask(null);
        }
    }

    /** One call: sizes batch {@code b}, steps {@code t} (query) and {@code s} (key/value), features {@code d}/{@code dv}. */
    private final class Call implements BackwardStep {
        private final SliceMatmul matmul = new SliceMatmul();
        private final BackwardStep weightsStep = this::keepWeightsGradient;
        private Tensor query;
        private Tensor value;
        private Tensor key;
        private Shape[] shapes = new Shape[0];
        private int b;
        private int t;
        private int s;
        private int d;
        private int dv;
        private float[] raw;
        private float[] scores;
        private float[] probs;
        private float[] weights;
        private float[] dropMask;
        private float[] keep;
        private float[] rowKeep;
        private float[] tanh;
        private float[] dWeights;
        private float[] dWeightsOut;
        private float[] dScores;
        private float[] dOut;
        private Tensor y;
        private Tensor weightsOut;
        private List<Tensor> outputs;
        private boolean dropped;
        private boolean masked;
        private float[] weightsBuffer;

        void prepare(List<Tensor> inputs) {
            query = inputs.get(0);
            value = inputs.get(1);
            key = inputs.size() == 3 ? inputs.get(2) : value;
            boolean same = inputs.size() == shapes.length;
            for (int i = 0; same && i < shapes.length; i++) {
                same = inputs.get(i).shape().equals(shapes[i]);
            }
            if (same) {
                return;
            }
            shapes = new Shape[inputs.size()];
            for (int i = 0; i < shapes.length; i++) {
                shapes[i] = inputs.get(i).shape();
            }
            b = query.rows();
            if (value.rows() != b || key.rows() != b) {
                throw new IllegalArgumentException("Layer \"" + name() + "\": query, value and key must have the"
                        + " same batch size, got " + java.util.Arrays.toString(shapes));
            }
            t = query.shape().dim(1);
            s = value.shape().dim(1);
            d = query.shape().dim(2);
            dv = value.shape().dim(2);
            raw = new float[b * t * s];
            scores = new float[raw.length];
            probs = new float[raw.length];
            weights = probs;
            dropMask = null;
            keep = null;
            rowKeep = null;
            tanh = additive || "concat".equals(config.scoreMode) ? new float[b * t * s * d] : null;
            y = Tensor.zeros(b, t, dv);
            weightsOut = config.returnAttentionScores ? Tensor.zeros(b, t, s) : null;
            outputs = weightsOut == null ? List.of(y) : List.of(y, weightsOut);
            dWeights = null;
        }

        void forward(boolean training) {
            float sc = scale == null ? 1f : scale.value().data()[0];
            float[] q = query.data();
            float[] k = key.data();
            if (additive) {
                additiveScores(q, k);
            } else if (tanh == null) {
                for (int bi = 0; bi < b; bi++) {
                    matmul.multiply(q, bi * t * d, false, k, bi * s * d, true, raw, bi * t * s, t, d, s, false);
                }
                for (int i = 0; i < raw.length; i++) {
                    scores[i] = raw[i] * sc;
                }
            } else {
                float c = concatScoreWeight.value().data()[0];
                for (int bi = 0; bi < b; bi++) {
                    for (int i = 0; i < t; i++) {
                        for (int j = 0; j < s; j++) {
                            int qOff = (bi * t + i) * d;
                            int kOff = (bi * s + j) * d;
                            int cell = (bi * t + i) * s + j;
                            float sum = 0f;
                            for (int f = 0; f < d; f++) {
                                float th = (float) Math.tanh(sc * (q[qOff + f] + k[kOff + f]));
                                tanh[cell * d + f] = th;
                                sum += th;
                            }
                            raw[cell] = sum;
                            scores[cell] = c * sum;
                        }
                    }
                }
            }
            masked = buildKeep();
            MaskedSoftmax.forward(scores, probs, masked ? keep : null, MaskedSoftmax.Fill.SUBTRACT, b, 1, t, s);
            weights = probs;
            dropped = training && config.dropout > 0f;
            if (dropped) {
                if (dropMask == null) {
                    dropMask = new float[probs.length];
                }
                float keepScale = 1f / (1f - config.dropout);
                float[] w = weightsBuffer();
                for (int i = 0; i < probs.length; i++) {
                    dropMask[i] = random.nextDouble() >= config.dropout ? keepScale : 0f;
                    w[i] = probs[i] * dropMask[i];
                }
                weights = w;
            }
            float[] out = y.data();
            for (int bi = 0; bi < b; bi++) {
                matmul.multiply(weights, bi * t * s, false, value.data(), bi * s * dv, false, out, bi * t * dv, t, s, dv,
                        false);
            }
            Tensor qm = query.mask();
            rowKeep = qm == null ? null : qm.data();
            if (rowKeep != null) {
                for (int r = 0; r < b * t; r++) {
                    if (rowKeep[r] == 0f) {
                        java.util.Arrays.fill(out, r * dv, (r + 1) * dv, 0f);
                    }
                }
            }
            if (weightsOut != null) {
                System.arraycopy(weights, 0, weightsOut.data(), 0, weights.length);
            }
        }

        /** AdditiveAttention's scores: {@code Σ_f scale_f · tanh(q_f + k_f)} (scale 1 without use_scale). */
        private void additiveScores(float[] q, float[] k) {
            float[] sc = scale == null ? null : scale.value().data();
            for (int bi = 0; bi < b; bi++) {
                for (int i = 0; i < t; i++) {
                    for (int j = 0; j < s; j++) {
                        int qOff = (bi * t + i) * d;
                        int kOff = (bi * s + j) * d;
                        int cell = (bi * t + i) * s + j;
                        float sum = 0f;
                        for (int f = 0; f < d; f++) {
                            float th = (float) Math.tanh(q[qOff + f] + k[kOff + f]);
                            tanh[cell * d + f] = th;
                            sum += sc == null ? th : sc[f] * th;
                        }
                        raw[cell] = sum;
                        scores[cell] = sum;
                    }
                }
            }
        }

        private float[] weightsBuffer() {
            if (weightsBuffer == null || weightsBuffer.length != probs.length) {
                weightsBuffer = new float[probs.length];
            }
            return weightsBuffer;
        }

        private boolean buildKeep() {
            Tensor vm = value.mask();
            if (vm == null && !config.useCausalMask) {
                return false;
            }
            if (keep == null) {
                keep = new float[b * t * s];
            }
            for (int bi = 0; bi < b; bi++) {
                for (int i = 0; i < t; i++) {
                    for (int j = 0; j < s; j++) {
                        boolean k = (vm == null || vm.data()[bi * s + j] != 0f) && (!config.useCausalMask || i >= j);
                        keep[(bi * t + i) * s + j] = k ? 1f : 0f;
                    }
                }
            }
            return true;
        }

        private void keepWeightsGradient() {
            if (dWeightsOut == null) {
                dWeightsOut = new float[probs.length];
            }
            System.arraycopy(weightsOut.grad(), 0, dWeightsOut, 0, probs.length);
        }

        @Override
        public void backward() {
            if (dWeights == null) {
                dWeights = new float[probs.length];
                dScores = new float[probs.length];
                dOut = new float[y.size()];
            }
            float[] dy = y.grad();
            System.arraycopy(dy, 0, dOut, 0, dy.length);
            if (rowKeep != null) {
                for (int r = 0; r < b * t; r++) {
                    if (rowKeep[r] == 0f) {
                        java.util.Arrays.fill(dOut, r * dv, (r + 1) * dv, 0f);
                    }
                }
            }
            for (int bi = 0; bi < b; bi++) {
                matmul.multiply(dOut, bi * t * dv, false, value.data(), bi * s * dv, true, dWeights, bi * t * s, t, dv, s,
                        false);
                if (value.requiresGrad()) {
                    matmul.multiply(weights, bi * t * s, true, dOut, bi * t * dv, false, value.grad(), bi * s * dv,
                            s, t, dv, true);
                }
            }
            if (weightsOut != null && dWeightsOut != null) {
                for (int i = 0; i < dWeights.length; i++) {
                    dWeights[i] += dWeightsOut[i];
                }
                java.util.Arrays.fill(dWeightsOut, 0f);
            }
            if (dropped) {
                for (int i = 0; i < dWeights.length; i++) {
                    dWeights[i] *= dropMask[i];
                }
            }
            MaskedSoftmax.backward(probs, dWeights, dScores, masked ? keep : null, MaskedSoftmax.Fill.SUBTRACT,
                    b, 1, t, s);
            if (additive) {
                additiveBackward();
                return;
            }
            float sc = scale == null ? 1f : scale.value().data()[0];
            if (tanh == null) {
                dotBackward(sc);
            } else {
                concatBackward(sc);
            }
        }

        private void additiveBackward() {
            float[] sc = scale == null ? null : scale.value().data();
            float[] dScale = scale != null && scale.trainable() ? scale.grad() : null;
            float[] dq = query.requiresGrad() ? query.grad() : null;
            float[] dk = key.requiresGrad() ? key.grad() : null;
            for (int bi = 0; bi < b; bi++) {
                for (int i = 0; i < t; i++) {
                    for (int j = 0; j < s; j++) {
                        int cell = (bi * t + i) * s + j;
                        float g = dScores[cell];
                        int qOff = (bi * t + i) * d;
                        int kOff = (bi * s + j) * d;
                        for (int f = 0; f < d; f++) {
                            float th = tanh[cell * d + f];
                            if (dScale != null) {
                                dScale[f] += g * th;
                            }
                            float du = (sc == null ? g : g * sc[f]) * (1f - th * th);
                            if (dq != null) {
                                dq[qOff + f] += du;
                            }
                            if (dk != null) {
                                dk[kOff + f] += du;
                            }
                        }
                    }
                }
            }
        }

        private void dotBackward(float sc) {
            if (scale != null) {
                double sum = 0;
                for (int i = 0; i < dScores.length; i++) {
                    sum += dScores[i] * raw[i];
                }
                scale.grad()[0] += (float) sum;
            }
            if (sc != 1f) {
                for (int i = 0; i < dScores.length; i++) {
                    dScores[i] *= sc;
                }
            }
            for (int bi = 0; bi < b; bi++) {
                if (query.requiresGrad()) {
                    matmul.multiply(dScores, bi * t * s, false, key.data(), bi * s * d, false, query.grad(), bi * t * d,
                            t, s, d, true);
                }
                if (key.requiresGrad()) {
                    matmul.multiply(dScores, bi * t * s, true, query.data(), bi * t * d, false, key.grad(), bi * s * d,
                            s, t, d, true);
                }
            }
        }

        private void concatBackward(float sc) {
            float c = concatScoreWeight.value().data()[0];
            float[] q = query.data();
            float[] k = key.data();
            float[] dq = query.requiresGrad() ? query.grad() : null;
            float[] dk = key.requiresGrad() ? key.grad() : null;
            double dc = 0;
            double dScale = 0;
            for (int bi = 0; bi < b; bi++) {
                for (int i = 0; i < t; i++) {
                    for (int j = 0; j < s; j++) {
                        int cell = (bi * t + i) * s + j;
                        float g = dScores[cell];
                        dc += g * raw[cell];
                        float gc = g * c;
                        int qOff = (bi * t + i) * d;
                        int kOff = (bi * s + j) * d;
                        for (int f = 0; f < d; f++) {
                            float th = tanh[cell * d + f];
                            float du = gc * (1f - th * th);
                            dScale += du * (q[qOff + f] + k[kOff + f]);
                            if (dq != null) {
                                dq[qOff + f] += du * sc;
                            }
                            if (dk != null) {
                                dk[kOff + f] += du * sc;
                            }
                        }
                    }
                }
            }
            concatScoreWeight.grad()[0] += (float) dc;
            if (scale != null) {
                scale.grad()[0] += (float) dScale;
            }
        }
    }

    @Override
    public String className() {
        return "Attention";
    }
}
