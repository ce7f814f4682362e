package dev.jnn.cli;

import dev.jnn.models.FitOptions;
import dev.jnn.models.Sequential;
import dev.jnn.tensor.Tensor;

/**
 * {@code xor}: the XOR study's program, Dense(8) + relu -> Dense(1) + sigmoid, mse, Adam, the 4
 * samples at batch 32 (one step per epoch), 1000 epochs. The figure is the wall time of one whole
 * training run, model build and compile included, in a warm JVM: the median over the timed repeats.
 * Matches {@code xor.after.run_ms} of the PyTorch anchor.
 *
 * <pre>{@code
 * double ms = new XorWorkload().measure(BenchSize.FULL);
 * }</pre>
 */
final class XorWorkload implements Workload {
    @Override
    public String name() {
        return "xor";
    }

    @Override
    public BenchUnit unit() {
        return BenchUnit.MILLISECONDS;
    }

    @Override
    public String description() {
        return "XOR 2-8-1 relu/sigmoid, mse, adam, batch 32: one whole training run";
    }

    @Override
    public String torchKey() {
        return "xor.after.run_ms";
    }

    @Override
    public double measure(BenchSize size) {
        Tensor x = Tensor.of(XorStudy.X);
        Tensor y = Tensor.of(XorStudy.Y);
        FitOptions options = FitOptions.builder().epochs(size.xorEpochs()).batchSize(32).verbose(0).build();
        return new WarmTimer(size).medianMillis(() -> train(x, y, options));
    }

    /** One run as the study writes it; seed 0 every time, as the anchor does. */
    private static void train(Tensor x, Tensor y, FitOptions options) {
        Sequential model = XorStudy.model(XorConfig.AFTER, 0);
        var history = model.fit(x, y, options);
        // A run whose loss is not finite did not do the work being timed.
        double loss = history.history().get("loss").getLast();
        if (!Double.isFinite(loss)) {
            throw new IllegalStateException("xor: training diverged, loss " + loss);
        }
    }
}
