package dev.jnn.optimizers;

import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A gradient-based optimizer with Keras's shared machinery: learning-rate schedules, gradient
 * clipping ({@code clipnorm}, {@code clipvalue}, {@code global_clipnorm}) and decoupled weight decay.
 *
 * <p>One {@link #applyGradients} call is one Keras {@code apply_gradients}, in Keras's order:
 * <ol>
 *   <li>build the slots on the first call;</li>
 *   <li>{@code lr = schedule(iterations)} (or the constant rate), once for the whole step;</li>
 *   <li>clip the gradients in place (at most one clipping is configured);</li>
 *   <li>weight decay: {@code w = w - w * weightDecay * lr} for each parameter not excluded;</li>
 *   <li>the algorithm's {@link #update} for each parameter;</li>
 *   <li>{@code iterations += 1}.</li>
 * </ol>
 * Parameters whose gradient buffer is {@code null} are skipped, as Keras skips {@code None} gradients.
 * Slots are allocated in {@link #build}; a step allocates nothing.
 *
 * <p>A subclass supplies only the algorithm: {@link #buildSlots} (creating its slots with
 * {@link #addSlots}), {@link #update} for one parameter, and {@link #addConfig}.
 *
 * <pre>{@code
 * Optimizer adam = new Adam(1e-3f);
 * // after each backward pass, with gradients in Parameter.grad():
 * adam.applyGradients(model.trainableParameters());
 * }</pre>
 */
public abstract class Optimizer {
    private final OptimizerOptions options;
    private final LearningRateSchedule schedule;      // null when the rate is a constant
    private final Tensor learningRate;                // Keras's learning_rate variable; null with a schedule
    private final Tensor iterationsVariable = Tensor.scalar(0);
    private long iterations;
    // Clip thresholds as primitives; 0 means "off", as Keras treats a falsy clipnorm.
    private final float clipnorm;
    private final float clipvalue;
    private final float globalClipnorm;

    private final List<Tensor> variables = new ArrayList<>();
    private final List<String> variableNames = new ArrayList<>();
    private final IdentityHashMap<Parameter, Integer> indexOf = new IdentityHashMap<>();
    private List<Parameter> parameters = List.of();
    private Set<Parameter> excludedParameters = Set.of();
    private Pattern excludedNames;
    private boolean[] decays;        // per parameter: whether weight decay applies
    // Per-step scratch, sized in build so that a step allocates nothing.
    private float[][] stepGrads;
    private int[] stepIndex;
    private boolean built;

    /** Creates the optimizer's {@code iterations} and (for a constant rate) {@code learning_rate} variables. */
    protected Optimizer(OptimizerOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        this.options = options;
        this.schedule = options.learningRateSchedule();
        this.clipnorm = options.clipnorm() == null ? 0f : options.clipnorm();
        this.clipvalue = options.clipvalue() == null ? 0f : options.clipvalue();
        this.globalClipnorm = options.globalClipnorm() == null ? 0f : options.globalClipnorm();
        addVariable("iteration", iterationsVariable);
        if (schedule == null) {
            // Keras keeps a constant rate in a float32 variable (so 1e-3 reads back as 0.0010000000474974513);
            // with a schedule there is no such variable.
            learningRate = Tensor.scalar(options.learningRate());
            addVariable("learning_rate", learningRate);
        } else {
            learningRate = null;
        }
    }

    /** The optimizer's name (Keras {@code name}), e.g. {@code "adam"}. */
    public String name() {
        return options.name();
    }

    /** The common options this optimizer was created with. */
    public OptimizerOptions options() {
        return options;
    }

    /** The learning-rate schedule, or {@code null} when the rate is a constant. */
    public LearningRateSchedule learningRateSchedule() {
        return schedule;
    }

    /**
     * Creates the per-parameter slots (momenta) for {@code parameters}, in that order. Called by the
     * first {@link #applyGradients} if not called before; later calls do nothing, as in Keras.
     */
    public final void build(List<Parameter> parameters) {
        if (built) {
            return;
        }
        if (parameters == null) {
            throw new IllegalArgumentException("parameters must not be null");
        }
        int n = parameters.size();
        decays = new boolean[n];
        for (int i = 0; i < n; i++) {
            Parameter p = parameters.get(i);
            if (p == null) {
                throw new IllegalArgumentException("parameters[" + i + "] is null");
            }
            if (indexOf.put(p, i) != null) {
                throw new IllegalArgumentException("parameter " + p + " is listed twice in " + parameters);
            }
            decays[i] = !excludedParameters.contains(p)
                    && (excludedNames == null || !excludedNames.matcher(p.name()).find());
        }
        this.parameters = List.copyOf(parameters);
        stepGrads = new float[n][];
        stepIndex = new int[n];
        buildSlots(this.parameters);
        built = true;
    }

    /** Whether {@link #build} has run. */
    public boolean built() {
        return built;
    }

    /**
     * Updates every parameter from its gradient ({@link Parameter#grad()}) in place; the gradients may
     * be changed by clipping. An empty list does nothing (and does not count a step).
     *
     * @throws IllegalArgumentException for a parameter this optimizer was not built with, or when no
     *                                  parameter has a gradient buffer
     */
    public final void applyGradients(List<Parameter> parameters) {
        int n = parameters.size();
        if (n == 0) {
            return;
        }
        if (!built) {
            build(parameters);
        }
        if (n > stepIndex.length) {
            throw new IllegalArgumentException("got " + n + " parameters but this optimizer was built for "
                    + stepIndex.length + ": " + this.parameters);
        }
        int count = 0;
        for (int k = 0; k < n; k++) {
            Parameter p = parameters.get(k);
            Integer index = indexOf.get(p);
            if (index == null) {
                throw new IllegalArgumentException("unknown parameter " + p + ": this optimizer can only update the "
                        + "parameters it was built with " + this.parameters + "; create a new optimizer for new ones");
            }
            float[] grad = p.grad();
            if (grad != null) {
                stepIndex[count] = index;
                stepGrads[count] = grad;
                count++;
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("no gradients provided for any parameter in " + parameters);
        }
        float lr = currentLearningRate();
        clipGradients(count);
        applyWeightDecay(count, lr);
        beforeUpdates(lr);
        for (int k = 0; k < count; k++) {
            int index = stepIndex[k];
            update(index, this.parameters.get(index).value().data(), stepGrads[k], lr);
        }
        Arrays.fill(stepGrads, 0, count, null);   // do not keep gradient buffers reachable between steps
        iterations++;
        iterationsVariable.data()[0] = iterations;
    }

    private void clipGradients(int count) {
        if (clipnorm > 0) {
            for (int k = 0; k < count; k++) {
                GradientClipping.clipByNorm(stepGrads[k], clipnorm);
            }
        } else if (globalClipnorm > 0) {
            GradientClipping.clipByGlobalNorm(stepGrads, count, globalClipnorm);
        } else if (clipvalue > 0) {
            for (int k = 0; k < count; k++) {
                GradientClipping.clipByValue(stepGrads[k], clipvalue);
            }
        }
    }

    private void applyWeightDecay(int count, float lr) {
        if (options.weightDecay() == null) {
            return;
        }
        float wd = options.weightDecay();
        for (int k = 0; k < count; k++) {
            int index = stepIndex[k];
            if (!decays[index]) {
                continue;
            }
            float[] w = parameters.get(index).value().data();
            for (int i = 0; i < w.length; i++) {
                w[i] = w[i] - w[i] * wd * lr;   // Keras's evaluation order: (w * wd) * lr
            }
        }
    }

    /**
     * Keeps the given parameters out of weight decay (Keras {@code exclude_from_weight_decay(var_list)}).
     *
     * @throws IllegalStateException once the optimizer is built
     */
    public void excludeFromWeightDecay(Collection<Parameter> parameters) {
        requireNotBuilt("excludeFromWeightDecay");
        Set<Parameter> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(parameters);
        excludedParameters = set;
    }

    /**
     * Keeps out of weight decay every parameter whose name contains a match of one of the regular
     * expressions (Keras {@code exclude_from_weight_decay(var_names=...)}), e.g. {@code "bias"}.
     *
     * @throws IllegalStateException once the optimizer is built
     */
    public void excludeFromWeightDecayByName(String... namePatterns) {
        requireNotBuilt("excludeFromWeightDecayByName");
        excludedNames = namePatterns.length == 0 ? null : Pattern.compile(String.join("|", namePatterns));
    }

    private void requireNotBuilt(String what) {
        if (built) {
            throw new IllegalStateException(what + "() can only be called before the optimizer is built");
        }
    }

    /** Number of updates done so far (Keras's {@code iterations}). */
    public long iterations() {
        return iterations;
    }

    /** The learning rate the next update will use: the schedule at {@link #iterations()}, or the constant. */
    public float currentLearningRate() {
        return schedule != null ? schedule.learningRate(iterations) : learningRate.data()[0];
    }

    /**
     * Replaces the constant learning rate (as callbacks like ReduceLROnPlateau do).
     *
     * @throws IllegalStateException when the optimizer follows a schedule (Keras refuses this too)
     */
    public void setLearningRate(float learningRate) {
        if (schedule != null) {
            throw new IllegalStateException("this optimizer was created with a LearningRateSchedule ("
                    + schedule.name() + "), so its learning rate cannot be set; create it with a constant rate");
        }
        this.learningRate.data()[0] = Arguments.nonNegative("learningRate", learningRate);
    }

    /**
     * The optimizer's variables in Keras's save order: {@code iterations}, {@code learning_rate} (only
     * for a constant rate), then the slots in the order the algorithm creates them. The list and its
     * tensors are live views; write through {@link #setVariables} instead, which also restores the step
     * count (stored as a float32, exact up to 2^24 steps).
     */
    public List<Tensor> variables() {
        return Collections.unmodifiableList(variables);
    }

    /** Keras's names of {@link #variables()}, e.g. {@code iteration, learning_rate, kernel_momentum, ...}. */
    public List<String> variableNames() {
        return Collections.unmodifiableList(variableNames);
    }

    /**
     * Overwrites all variables (Keras {@code set_weights}/{@code load_own_variables}); values must match
     * {@link #variables()} one to one in shape.
     *
     * @throws IllegalStateException    before {@link #build}
     * @throws IllegalArgumentException on a count or shape mismatch
     */
    public void setVariables(List<Tensor> values) {
        if (!built) {
            throw new IllegalStateException("setVariables() needs a built optimizer: call build(parameters) first");
        }
        if (values.size() != variables.size()) {
            throw new IllegalArgumentException("expected " + variables.size() + " optimizer variables " + variableNames
                    + ", got " + values.size());
        }
        for (int i = 0; i < values.size(); i++) {
            Shape expected = variables.get(i).shape();
            if (!expected.equals(values.get(i).shape())) {
                throw new IllegalArgumentException("optimizer variable " + variableNames.get(i) + " has shape " + expected
                        + ", got " + values.get(i).shape());
            }
        }
        for (int i = 0; i < values.size(); i++) {
            float[] source = values.get(i).data();
            System.arraycopy(source, 0, variables.get(i).data(), 0, source.length);
        }
        iterations = Math.round(iterationsVariable.data()[0]);
    }

    /** Keras config entries: the common ones ({@code name, learning_rate, weight_decay, ...}) then the algorithm's. */
    public final Map<String, Object> config() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("name", name());
        config.put("learning_rate", schedule != null ? LearningRateSchedules.serialize(schedule)
                : (Object) (double) learningRate.data()[0]);
        config.put("weight_decay", options.weightDecay());
        config.put("clipnorm", options.clipnorm());
        config.put("global_clipnorm", options.globalClipnorm());
        config.put("clipvalue", options.clipvalue());
        // Keras options jnn does not implement, reported with their (inactive) defaults so configs compare equal.
        config.put("use_ema", false);
        config.put("ema_momentum", 0.99);
        config.put("ema_overwrite_frequency", null);
        config.put("loss_scale_factor", null);
        config.put("gradient_accumulation_steps", null);
        addConfig(config);
        return Collections.unmodifiableMap(config);
    }

    /** Creates the algorithm's slots for {@code parameters} with {@link #addSlots}; called once. */
    protected abstract void buildSlots(List<Parameter> parameters);

    /**
     * Updates one parameter in place: {@code value} and {@code grad} are the parameter's arrays (the
     * gradient already clipped and the value already decayed), {@code index} its position in the list
     * given to {@link #build}, {@code learningRate} this step's rate.
     */
    protected abstract void update(int index, float[] value, float[] grad, float learningRate);

    /** Appends the algorithm's config entries (Keras key names) after the common ones. */
    protected abstract void addConfig(Map<String, Object> config);

    /** Called once per step after weight decay and before the updates (Nadam advances its product here). */
    protected void beforeUpdates(float learningRate) {
    }

    /**
     * Creates one slot per parameter and name, filled with {@code initialValue}, in Keras's order
     * (parameter by parameter, the names interleaved), and registers them as variables.
     *
     * @return {@code [nameIndex][parameterIndex]}: the slots' storage
     */
    protected final float[][][] addSlots(List<Parameter> parameters, float initialValue, String... names) {
        float[][][] slots = new float[names.length][parameters.size()][];
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            for (int s = 0; s < names.length; s++) {
                Tensor slot = Tensor.full(p.shape(), initialValue);
                addVariable(p.name() + "_" + names[s], slot);
                slots[s][i] = slot.data();
            }
        }
        return slots;
    }

    /** Registers a variable that is not a per-parameter slot (Nadam's {@code u_product}). */
    protected final Tensor addVariable(String name, Tensor variable) {
        variables.add(variable);
        variableNames.add(name);
        return variable;
    }
}
