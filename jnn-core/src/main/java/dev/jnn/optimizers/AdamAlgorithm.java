package dev.jnn.optimizers;

import dev.jnn.kernels.Elementwise;
import dev.jnn.kernels.ElementwiseKernels;
import dev.jnn.tensor.Parameter;
import java.util.List;
import java.util.Map;

/**
 * The Adam algorithm shared by {@link Adam} and {@link AdamW}, which differ only in their defaults
 * (AdamW switches on the base class's decoupled weight decay). See {@link Adam} for the formulas.
 */
abstract class AdamAlgorithm extends AdaptiveMomentOptimizer {
    private static final Elementwise ELEMENTWISE = ElementwiseKernels.get();
    private float alpha;   // step size of the current iteration, computed once per step
    private final boolean amsgrad;
    private float[][] momentums;
    private float[][] velocities;
    private float[][] velocityHats;

    AdamAlgorithm(OptimizerOptions options, double beta1, double beta2, double epsilon, boolean amsgrad) {
        super(options, beta1, beta2, epsilon);
        this.amsgrad = amsgrad;
    }

    public boolean amsgrad() {
        return amsgrad;
    }

    @Override
    protected void buildSlots(List<Parameter> parameters) {
        float[][][] slots = addSlots(parameters, 0f, "momentum", "velocity");
        momentums = slots[0];
        velocities = slots[1];
        if (amsgrad) {
            velocityHats = addSlots(parameters, 0f, "velocity_hat")[0];
        }
    }

    @Override
    protected void beforeUpdates(float learningRate) {
        alpha = stepSize(iterations() + 1, learningRate, beta1, beta2);
    }

    @Override
    protected void update(int index, float[] w, float[] g, float lr) {
        step(alpha, beta1, beta2, epsilon, w, g, momentums[index], velocities[index],
                amsgrad ? velocityHats[index] : null);
    }

    /**
     * Keras's bias-corrected step size {@code lr · sqrt(1 - β2^t) / (1 - β1^t)}. Keras raises the
     * float32-cast betas to the power t.
     */
    static float stepSize(long t, float lr, double beta1, double beta2) {
        float beta1Power = (float) Math.pow((float) beta1, t);
        float beta2Power = (float) Math.pow((float) beta2, t);
        return lr * (float) Math.sqrt(1 - beta2Power) / (1 - beta1Power);
    }

    /** One Adam update of {@code w} with step size {@code alpha} (see {@link #stepSize}). */
    static void step(float alpha, double beta1, double beta2, double epsilon,
                     float[] w, float[] g, float[] m, float[] v, float[] vHat) {
        // 1 - beta is formed from the double hyperparameters, as Keras does (1 - 0.999f would be
        // 1.3e-5 off in relative terms).
        float oneMinusBeta1 = (float) (1 - beta1);
        float oneMinusBeta2 = (float) (1 - beta2);
        float eps = (float) epsilon;
        if (vHat == null) {
            // The element-wise kernel does these exact float operations, vectorized.
            ELEMENTWISE.adam(w, g, m, v, 0, w.length, alpha, oneMinusBeta1, oneMinusBeta2, eps);
            return;
        }
        for (int i = 0; i < w.length; i++) {
            m[i] += (g[i] - m[i]) * oneMinusBeta1;
            v[i] += (g[i] * g[i] - v[i]) * oneMinusBeta2;
            float second = v[i];
            if (vHat != null) {
                vHat[i] = Math.max(vHat[i], v[i]);
                second = vHat[i];
            }
            w[i] -= m[i] * alpha / ((float) Math.sqrt(second) + eps);
        }
    }

    @Override
    protected void addConfig(Map<String, Object> config) {
        super.addConfig(config);
        config.put("amsgrad", amsgrad);
    }
}
