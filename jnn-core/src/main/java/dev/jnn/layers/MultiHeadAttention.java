package dev.jnn.layers;

import dev.jnn.initializers.Initializer;
import dev.jnn.initializers.Initializers;
import dev.jnn.kernels.Elementwise;
import dev.jnn.kernels.ElementwiseKernels;
import dev.jnn.kernels.Kernels;
import dev.jnn.kernels.Sgemm;
import dev.jnn.regularizers.Regularizer;
import dev.jnn.tensor.BackwardStep;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.RandomStream;
import dev.jnn.tensor.SeedGenerator;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Keras's {@code MultiHeadAttention} (Vaswani et al.): queries, keys and values are projected into
 * {@code numHeads} heads, each head attends with {@code softmax(q·kᵀ / √keyDim)}, and the heads'
 * outputs are projected back to the query's feature size (or {@code outputShape}).
 *
 * <p>Called on {@code [query, value]} or {@code [query, value, key]} (key defaults to value), each
 * {@code [batch, positions..., features]}; attention runs over all axes between the batch and the
 * features (Keras's default {@code attention_axes}). Weights, in Keras's order and shapes:
 * {@code query/kernel [dq, heads, keyDim]}, {@code query/bias [heads, keyDim]}, the same for
 * {@code key} (keyDim) and {@code value} (valueDim), {@code attention_output/kernel [heads, valueDim,
 * out...]} and {@code attention_output/bias [out...]}. Projections and the per-head score and value
 * products run on SGEMM.
 *
 * <p>Masks as in Keras: the query's mask, the value's and the key's (when given separately) combine
 * into {@code mask[b, t, s] = q[b, t] & v[b, s] & k[b, s]}, with {@code useCausalMask} adding
 * {@code t >= s}; masked scores get -1e9 before the softmax. The output carries the query's mask.
 * With {@code returnAttentionScores} the layer has a second output, the attention probabilities
 * {@code [batch, heads, t, s]} (before dropout).
 *
 * <pre>{@code
 * var mha = MultiHeadAttention.builder(4, 16).useCausalMask(true).build();
 * Tensor y = mha.call(List.of(x, x), true).get(0);        // self-attention, [b, t, d] -> [b, t, d]
 * }</pre>
 */
public final class MultiHeadAttention extends Layer {
    /**
     * MultiHeadAttention's configuration; defaults in {@link MultiHeadAttention#builder(int, int)}.
     *
     * @param numHeads              number of heads, &gt; 0
     * @param keyDim                size of each head for query and key, &gt; 0
     * @param valueDim              size of each head for value, &gt; 0 (Keras: {@code None} means keyDim)
     * @param dropout               dropout rate on the attention probabilities, in [0, 1)
     * @param useBias               whether the projections have biases
     * @param outputShape           per-position output shape, or null for the query's feature size
     * @param useCausalMask         whether position t may only attend to positions s ≤ t
     * @param returnAttentionScores whether to return the attention probabilities as a second output
     * @param kernelInitializer     initializer of the four kernels (each gets its own copy, as in Keras)
     * @param biasInitializer       initializer of the biases
     * @param kernelRegularizer     penalty on the kernels, or null
     * @param biasRegularizer       penalty on the biases, or null
     * @param seed                  seed of the dropout stream, or null for the global stream
     */
    public record Config(int numHeads, int keyDim, int valueDim, float dropout, boolean useBias, Shape outputShape,
                         boolean useCausalMask, boolean returnAttentionScores, Initializer kernelInitializer,
                         Initializer biasInitializer, Regularizer kernelRegularizer, Regularizer biasRegularizer,
                         Long seed) implements LayerConfig {
        public Config {
            if (numHeads <= 0) {
                throw new IllegalArgumentException("MultiHeadAttention: num_heads must be a positive integer, got "
                        + numHeads);
            }
            if (keyDim <= 0) {
                throw new IllegalArgumentException("MultiHeadAttention: key_dim must be a positive integer, got "
                        + keyDim);
            }
            if (valueDim <= 0) {
                throw new IllegalArgumentException("MultiHeadAttention: value_dim must be a positive integer, got "
                        + valueDim);
            }
            if (!(dropout >= 0f && dropout < 1f)) {
                throw new IllegalArgumentException("MultiHeadAttention: dropout must be in [0, 1), got " + dropout);
            }
            if (outputShape != null && (outputShape.rank() == 0 || outputShape.size() == 0)) {
                throw new IllegalArgumentException("MultiHeadAttention: output_shape must have positive sizes, got "
                        + outputShape);
            }
            if (kernelInitializer == null || biasInitializer == null) {
                throw new IllegalArgumentException("MultiHeadAttention: initializers must not be null");
            }
        }
    }

    private static final Sgemm SGEMM = Kernels.sgemm();
    private static final Elementwise ELEMENTWISE = ElementwiseKernels.get();
    private static final String[] PROJECTIONS = {"query", "key", "value", "attention_output"};

    private final Config config;
    private final PerStep<Call> calls = new PerStep<>(Call::new);
    private final RandomStream random;
    private final Parameter[] kernels = new Parameter[4];
    private final Parameter[] biases = new Parameter[4];

    public MultiHeadAttention(int numHeads, int keyDim) {
        this(builder(numHeads, keyDim).config());
    }

    public MultiHeadAttention(Config config) {
        this.config = config;
        this.random = SeedGenerator.newRandom(config.seed());
    }

    /** A builder starting from Keras's defaults. */
    public static Builder builder(int numHeads, int keyDim) {
        return new Builder(numHeads, keyDim);
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public List<RandomStream> randomStreams() {
        return List.of(random);
    }

    /** Two inputs ({@code [query, value]}) or three ({@code [query, value, key]}). */
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
        return new IllegalArgumentException("Layer \"" + name() + "\" should be called on a list of inputs,"
                + " namely [query, value] or [query, value, key], but it received one input of shape "
                + shape.toKerasString());
    }

    @Override
    public List<Shape> outputShapes(List<Shape> shapes) {
        if (shapes.size() < 2 || shapes.size() > 3) {
            throw new IllegalArgumentException("Layer \"" + name() + "\" accepts a list of 2 or 3 inputs, namely"
                    + " [query, value] or [query, value, key]. Received length: " + shapes.size());
        }
        Shape query = shapes.get(0);
        Shape value = shapes.get(1);
        Shape key = shapes.size() == 3 ? shapes.get(2) : value;
        if (query.rank() < 2 || value.rank() < 2) {
            throw new IllegalArgumentException("Layer \"" + name() + "\": query and value need at least one"
                    + " position axis and a feature axis, got query_shape=" + query.toKerasString()
                    + " and value_shape=" + value.toKerasString());
        }
        if (!positions(value).equals(positions(key))) {
            throw new IllegalArgumentException("Layer \"" + name() + "\": All dimensions of `value` and `key`, except"
                    + " the last one, must be equal. Received: value_shape=" + value.toKerasString()
                    + " and key_shape=" + key.toKerasString());
        }
        if (query.rank() != value.rank()) {
            throw new IllegalArgumentException("Layer \"" + name() + "\": query and value must have the same rank,"
                    + " got query_shape=" + query.toKerasString() + " and value_shape=" + value.toKerasString());
        }
        if (built()) {
            List<Shape> b = inputShapes();
            Shape builtKey = b.size() == 3 ? b.get(2) : b.get(1);
            if (query.dim(-1) != b.get(0).dim(-1) || value.dim(-1) != b.get(1).dim(-1) || key.dim(-1) != builtKey.dim(-1)) {
                throw new IllegalArgumentException("Layer \"" + name() + "\" was built for feature sizes query="
                        + b.get(0).dim(-1) + ", value=" + b.get(1).dim(-1) + ", key=" + builtKey.dim(-1)
                        + ", but received query_shape=" + query.toKerasString() + ", value_shape="
                        + value.toKerasString() + ", key_shape=" + key.toKerasString());
            }
        }
        Shape q = positions(query);
        int[] out = concat(q.dims(), outputFeatures(query).dims());
        Shape output = Shape.of(out);
        if (!config.returnAttentionScores) {
            return List.of(output);
        }
        int[] scores = concat(new int[] {config.numHeads}, concat(q.dims(), positions(value).dims()));
        return List.of(output, Shape.of(scores));
    }

    private Shape outputFeatures(Shape query) {
        return config.outputShape != null ? config.outputShape : Shape.of(query.dim(-1));
    }

    private static Shape positions(Shape s) {
        return Shape.of(java.util.Arrays.copyOf(s.dims(), s.rank() - 1));
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Override
    protected void build(List<Shape> shapes) {
        Shape query = shapes.get(0);
        Shape value = shapes.get(1);
        Shape key = shapes.size() == 3 ? shapes.get(2) : value;
        int h = config.numHeads;
        int[] inputDims = {query.dim(-1), key.dim(-1), value.dim(-1)};
        int[] headDims = {config.keyDim, config.keyDim, config.valueDim};
        for (int i = 0; i < 3; i++) {
            kernels[i] = addWeight(PROJECTIONS[i] + "/kernel", Shape.of(inputDims[i], h, headDims[i]),
                    copy(config.kernelInitializer), true, config.kernelRegularizer);
            biases[i] = config.useBias ? addWeight(PROJECTIONS[i] + "/bias", Shape.of(h, headDims[i]),
                    copy(config.biasInitializer), true, config.biasRegularizer) : null;
        }
        Shape out = outputFeatures(query);
        kernels[3] = addWeight("attention_output/kernel", Shape.of(concat(new int[] {h, config.valueDim}, out.dims())),
                copy(config.kernelInitializer), true, config.kernelRegularizer);
        biases[3] = config.useBias ? addWeight("attention_output/bias", out, copy(config.biasInitializer), true,
                config.biasRegularizer) : null;
    }

    /** Keras gives every projection its own initializer rebuilt from the config (a fresh seed when unseeded). */
    private static Initializer copy(Initializer init) {
        return Initializers.fromConfig(init.className(), init.config());
    }

    @Override
    protected List<Tensor> forward(List<Tensor> inputs, boolean training) {
        Call call = calls.acquire();
        call.prepare(inputs);
        call.forward(training);
        GradientTape tape = GradientTape.active();
        boolean record = tape != null && (anyRequiresGrad(inputs) || kernels[0].trainable());
        if (record) {
            tape.record(call.y, call);
            if (call.scores != null) {
                tape.record(call.scores, call.scoresStep);
            }
        }
        return call.outputs;
    }

    private static boolean anyRequiresGrad(List<Tensor> inputs) {
        for (int it = 0; it < inputs.size(); it++) {
            Tensor t = inputs.get(it);
            if (t.requiresGrad()) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected boolean supportsMasking() {
        return true;
    }

    /** The output carries the query's mask, as in Keras; the scores carry none. */
    @Override
    protected void setOutputMasks(List<Tensor> inputs, List<Tensor> outputs) {
        outputs.get(0).setMask(inputs.get(0).mask());
        for (int i = 1; i < outputs.size(); i++) {
            outputs.get(i).setMask(null);
        }
    }

    /**
     * One call. Sizes: batch {@code b}, query positions {@code t}, key positions {@code s}, heads
     * {@code h}, head sizes {@code kd}/{@code vd}. Projections are {@code [b, t|s, h, d]} as SGEMM gives
     * them; the per-head copies {@code [b, h, t|s, d]} make each head's products contiguous.
     */
    private final class Call implements BackwardStep {
        private final SliceMatmul matmul = new SliceMatmul();
        private final BackwardStep scoresStep = this::addScoresGradient;
        private Tensor query;
        private Tensor value;
        private Tensor key;
        private Shape[] shapes = new Shape[0];
        private int b;
        private int t;
        private int s;
        private int h;
        private int kd;
        private int vd;
        private int dq;
        private int dk;
        private int dv;
        private int out;
        private float scale;
        private float[] qp;
        private float[] kp;
        private float[] vp;
        private float[] qh;
        private float[] kh;
        private float[] vh;
        private float[] logits;
        private float[] probs;
        private float[] attended;
        private float[] dropMask;
        private float[] keep;
        private float[] oh;
        private float[] combined;
        private float[] dProbs;
        private float[] dScoresOut;
        private float[] dCombined;
        private float[] dOh;
        private float[] dQh;
        private float[] dKh;
        private float[] dVh;
        private float[] dQp;
        private float[] dKp;
        private float[] dVp;
        private Tensor y;
        private Tensor scores;
        private List<Tensor> outputs;
        private MaskedSoftmax.Fill fill;
        private boolean dropped;
        private boolean masked;
        private float[] attendedBuffer;

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
            Shape qs = query.shape().withoutBatch();
            Shape vs = value.shape().withoutBatch();
            t = positions(qs).size();
            s = positions(vs).size();
            h = config.numHeads;
            kd = config.keyDim;
            vd = config.valueDim;
            dq = qs.dim(-1);
            dv = vs.dim(-1);
            dk = key.shape().dim(-1);
            out = outputFeatures(qs).size();
            scale = (float) (1.0 / Math.sqrt(kd));
            qp = new float[b * t * h * kd];
            kp = new float[b * s * h * kd];
            vp = new float[b * s * h * vd];
            qh = new float[qp.length];
            kh = new float[kp.length];
            vh = new float[vp.length];
            logits = new float[b * h * t * s];
            probs = new float[logits.length];
            oh = new float[b * h * t * vd];
            combined = new float[oh.length];
            keep = null;
            dropMask = null;
            attended = probs;
            List<Shape> outShapes = outputShapes(sampleShapes());
            y = Tensor.zeros(outShapes.get(0).withBatch(b));
            scores = config.returnAttentionScores ? new Tensor(outShapes.get(1).withBatch(b), probs) : null;
            outputs = scores == null ? List.of(y) : List.of(y, scores);
            dProbs = null;
        }

        private List<Shape> sampleShapes() {
            List<Shape> list = new ArrayList<>();
            for (Shape sh : shapes) {
                list.add(sh.withoutBatch());
            }
            return list;
        }

        void forward(boolean training) {
            project(query, 0, qp, t, dq, kd);
            project(key, 1, kp, s, dk, kd);
            project(value, 2, vp, s, dv, vd);
            splitHeads(qp, qh, t, kd, scale);
            splitHeads(kp, kh, s, kd, 1f);
            splitHeads(vp, vh, s, vd, 1f);
            for (int g = 0; g < b * h; g++) {
                matmul.multiply(qh, g * t * kd, false, kh, g * s * kd, true, logits, g * t * s, t, kd, s, false);
            }
            masked = buildKeep();
            dropped = training && config.dropout > 0f;
            // Keras takes ops.dot_product_attention (no zeroing of masked probabilities) unless it needs the
            // probabilities themselves (dropout, returned scores), then its masked Softmax layer.
            fill = dropped || config.returnAttentionScores ? MaskedSoftmax.Fill.REPLACE_THEN_ZERO
                    : MaskedSoftmax.Fill.REPLACE;
            MaskedSoftmax.forward(logits, probs, masked ? keep : null, fill, b * h, h, t, s);
            attended = probs;
            if (dropped) {
                if (dropMask == null) {
                    dropMask = new float[probs.length];
                }
                float keepScale = 1f / (1f - config.dropout);
                for (int i = 0; i < probs.length; i++) {
                    dropMask[i] = random.nextDouble() >= config.dropout ? keepScale : 0f;
                }
                float[] d = ensureAttended();
                for (int i = 0; i < probs.length; i++) {
                    d[i] = probs[i] * dropMask[i];
                }
                attended = d;
            }
            for (int g = 0; g < b * h; g++) {
                matmul.multiply(attended, g * t * s, false, vh, g * s * vd, false, oh, g * t * vd, t, s, vd, false);
            }
            mergeHeads(oh, combined, t, vd, false);
            float[] wo = kernels[3].value().data();
            SGEMM.matmul(combined, wo, y.data(), b * t, h * vd, out, false);
            if (biases[3] != null) {
                ELEMENTWISE.addBiasRows(biases[3].value().data(), 0, y.data(), 0, b * t, out);
            }
        }

        private float[] ensureAttended() {
            if (attendedBuffer == null || attendedBuffer.length != probs.length) {
                attendedBuffer = new float[probs.length];
            }
            return attendedBuffer;
        }

        /** x [b·n, d] · kernel [d, h·hd] + bias into p [b, n, h, hd]. */
        private void project(Tensor x, int which, float[] p, int n, int d, int hd) {
            SGEMM.matmul(x.data(), kernels[which].value().data(), p, b * n, d, h * hd, false);
            if (biases[which] != null) {
                ELEMENTWISE.addBiasRows(biases[which].value().data(), 0, p, 0, b * n, h * hd);
            }
        }

        /** [b, n, h, d] → [b, h, n, d], times {@code factor}. */
        private void splitHeads(float[] src, float[] dst, int n, int d, float factor) {
            for (int bi = 0; bi < b; bi++) {
                for (int i = 0; i < n; i++) {
                    for (int hi = 0; hi < h; hi++) {
                        int from = ((bi * n + i) * h + hi) * d;
                        int to = ((bi * h + hi) * n + i) * d;
                        for (int j = 0; j < d; j++) {
                            dst[to + j] = src[from + j] * factor;
                        }
                    }
                }
            }
        }

        /** [b, h, n, d] → [b, n, h, d], set or added. */
        private void mergeHeads(float[] src, float[] dst, int n, int d, boolean accumulate) {
            for (int bi = 0; bi < b; bi++) {
                for (int hi = 0; hi < h; hi++) {
                    for (int i = 0; i < n; i++) {
                        int from = ((bi * h + hi) * n + i) * d;
                        int to = ((bi * n + i) * h + hi) * d;
                        for (int j = 0; j < d; j++) {
                            dst[to + j] = accumulate ? dst[to + j] + src[from + j] : src[from + j];
                        }
                    }
                }
            }
        }

        /** Fills keep [b, t, s] from the inputs' masks and the causal mask; false when nothing is masked. */
        private boolean buildKeep() {
            Tensor qm = query.mask();
            Tensor vm = value.mask();
            Tensor km = key == value ? null : key.mask();
            if (qm == null && vm == null && km == null && !config.useCausalMask) {
                return false;
            }
            if (keep == null) {
                keep = new float[b * t * s];
            }
            for (int bi = 0; bi < b; bi++) {
                for (int i = 0; i < t; i++) {
                    boolean rowKept = qm == null || qm.data()[bi * t + i] != 0f;
                    for (int j = 0; j < s; j++) {
                        boolean k = rowKept
                                && (vm == null || vm.data()[bi * s + j] != 0f)
                                && (km == null || km.data()[bi * s + j] != 0f)
                                && (!config.useCausalMask || i >= j);
                        keep[(bi * t + i) * s + j] = k ? 1f : 0f;
                    }
                }
            }
            return true;
        }

        /** The returned scores' gradient joins the probabilities' gradient (runs before {@link #backward}). */
        private void addScoresGradient() {
            if (dScoresOut == null) {
                dScoresOut = new float[probs.length];
            }
            System.arraycopy(scores.grad(), 0, dScoresOut, 0, probs.length);
        }

        @Override
        public void backward() {
            if (dProbs == null) {
                dProbs = new float[probs.length];
                dCombined = new float[combined.length];
                dOh = new float[oh.length];
                dQh = new float[qh.length];
                dKh = new float[kh.length];
                dVh = new float[vh.length];
                dQp = new float[qp.length];
                dKp = new float[kp.length];
                dVp = new float[vp.length];
            }
            float[] dy = y.grad();
            int hv = h * vd;
            Parameter wo = kernels[3];
            if (wo.trainable()) {
                SGEMM.matmulTransposeA(combined, dy, wo.grad(), hv, b * t, out, true);
                if (biases[3] != null) {
                    ELEMENTWISE.columnSums(dy, 0, biases[3].grad(), 0, b * t, out, true);
                }
            }
            SGEMM.matmulTransposeB(dy, wo.value().data(), dCombined, b * t, out, hv, false);
            splitHeads(dCombined, dOh, t, vd, 1f);
            for (int g = 0; g < b * h; g++) {
                // dAttended = dOh · Vhᵀ ; dVh = attendedᵀ · dOh
                matmul.multiply(dOh, g * t * vd, false, vh, g * s * vd, true, dProbs, g * t * s, t, vd, s, false);
                matmul.multiply(attended, g * t * s, true, dOh, g * t * vd, false, dVh, g * s * vd, s, t, vd, false);
            }
            if (dropped) {
                for (int i = 0; i < dProbs.length; i++) {
                    dProbs[i] *= dropMask[i];
                }
            }
            if (scores != null && dScoresOut != null) {
                for (int i = 0; i < dProbs.length; i++) {
                    dProbs[i] += dScoresOut[i];
                }
                java.util.Arrays.fill(dScoresOut, 0f);
            }
            MaskedSoftmax.backward(probs, dProbs, dProbs, masked ? keep : null, fill, b * h, h, t, s);
            for (int g = 0; g < b * h; g++) {
                // logits = qh · khᵀ (qh already scaled): dQh = dLogits · kh ; dKh = dLogitsᵀ · qh
                matmul.multiply(dProbs, g * t * s, false, kh, g * s * kd, false, dQh, g * t * kd, t, s, kd, false);
                matmul.multiply(dProbs, g * t * s, true, qh, g * t * kd, false, dKh, g * s * kd, s, t, kd, false);
            }
            mergeHeadsScaled(dQh, dQp, t, kd, scale);
            mergeHeadsScaled(dKh, dKp, s, kd, 1f);
            mergeHeadsScaled(dVh, dVp, s, vd, 1f);
            projectBackward(query, 0, dQp, t, dq, kd);
            projectBackward(key, 1, dKp, s, dk, kd);
            projectBackward(value, 2, dVp, s, dv, vd);
        }

        private void mergeHeadsScaled(float[] src, float[] dst, int n, int d, float factor) {
            mergeHeads(src, dst, n, d, false);
            if (factor != 1f) {
                for (int i = 0; i < dst.length; i++) {
                    dst[i] *= factor;
                }
            }
        }

        private void projectBackward(Tensor x, int which, float[] dp, int n, int d, int hd) {
            Parameter w = kernels[which];
            if (w.trainable()) {
                SGEMM.matmulTransposeA(x.data(), dp, w.grad(), d, b * n, h * hd, true);
                if (biases[which] != null) {
                    ELEMENTWISE.columnSums(dp, 0, biases[which].grad(), 0, b * n, h * hd, true);
                }
            }
            if (x.requiresGrad()) {
                SGEMM.matmulTransposeB(dp, w.value().data(), x.grad(), b * n, h * hd, d, true);
            }
        }
    }

    @Override
    public String className() {
        return "MultiHeadAttention";
    }

    /** Builds a {@link Config} from Keras's defaults. */
    public static final class Builder {
        private final int numHeads;
        private final int keyDim;
        private Integer valueDim;
        private float dropout;
        private boolean useBias = true;
        private Shape outputShape;
        private boolean useCausalMask;
        private boolean returnAttentionScores;
        private Initializer kernelInitializer = Initializers.get("glorot_uniform");
        private Initializer biasInitializer = Initializers.get("zeros");
        private Regularizer kernelRegularizer;
        private Regularizer biasRegularizer;
        private Long seed;

        private Builder(int numHeads, int keyDim) {
            this.numHeads = numHeads;
            this.keyDim = keyDim;
        }

        /** Size of each value head; Keras's default (null) is keyDim. */
        public Builder valueDim(Integer dim) {
            this.valueDim = dim;
            return this;
        }

        /** Dropout rate on the attention probabilities. */
        public Builder dropout(float rate) {
            this.dropout = rate;
            return this;
        }

        /** Whether the projections have biases. */
        public Builder useBias(boolean use) {
            this.useBias = use;
            return this;
        }

        /** The per-position output shape (Keras's {@code output_shape}); default the query's feature size. */
        public Builder outputShape(int... dims) {
            this.outputShape = dims == null ? null : Shape.of(dims);
            return this;
        }

        /** Whether to apply Keras's causal mask ({@code use_causal_mask=True} in every call). */
        public Builder useCausalMask(boolean use) {
            this.useCausalMask = use;
            return this;
        }

        /** Whether to return the attention probabilities as a second output. */
        public Builder returnAttentionScores(boolean value) {
            this.returnAttentionScores = value;
            return this;
        }

        /** The kernels' initializer, by name. */
        public Builder kernelInitializer(String name) {
            return kernelInitializer(Initializers.get(name));
        }

        public Builder kernelInitializer(Initializer initializer) {
            this.kernelInitializer = initializer;
            return this;
        }

        /** The biases' initializer, by name. */
        public Builder biasInitializer(String name) {
            return biasInitializer(Initializers.get(name));
        }

        public Builder biasInitializer(Initializer initializer) {
            this.biasInitializer = initializer;
            return this;
        }

        public Builder kernelRegularizer(Regularizer regularizer) {
            this.kernelRegularizer = regularizer;
            return this;
        }

        public Builder biasRegularizer(Regularizer regularizer) {
            this.biasRegularizer = regularizer;
            return this;
        }

        /** Seed of the dropout stream. */
        public Builder seed(Long value) {
            this.seed = value;
            return this;
        }

        /** The configuration built so far. */
        public Config config() {
            return new Config(numHeads, keyDim, valueDim == null ? keyDim : valueDim, dropout, useBias, outputShape,
                    useCausalMask, returnAttentionScores, kernelInitializer, biasInitializer, kernelRegularizer,
                    biasRegularizer, seed);
        }

        public MultiHeadAttention build() {
            return new MultiHeadAttention(config());
        }
    }
}
