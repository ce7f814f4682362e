package dev.jnn.cli;

import dev.jnn.cli.compare.Configuration;
import dev.jnn.cli.compare.RunOutcome;
import java.util.List;
import java.util.Locale;

/**
 * {@code jnn compare --preset xor}: the rows of the XOR study, run by {@link XorStudy} itself, so
 * that a seed gives exactly the numbers {@code jnn xor} reports (success, epochs to solve, final
 * loss); the comparison adds the spreads, the loss curves and the plots.
 */
final class XorPreset {
    /** What success means in the study. */
    static final String SUCCESS = "all four outputs on the right side of 0.5 after the configured epochs";
    /** The study's target, "solved". */
    static final String TARGET = String.format(Locale.ROOT,
            "accuracy 1 and loss < %.2f, checked each epoch, looking up to %,d epochs", XorStudy.SOLVED_LOSS,
            XorStudy.EPOCH_CAP);

    private XorPreset() {
    }

    /** Every row of the study, in {@code jnn xor}'s order. */
    static List<Configuration> configurations() {
        return XorConfig.study().stream().<Configuration>map(Row::new).toList();
    }

    /** One row of the study as a configuration. */
    private record Row(XorConfig config) implements Configuration {
        @Override
        public String name() {
            return config.name();
        }

        @Override
        public String description() {
            return String.format(Locale.ROOT, "2-%d-1, %s then sigmoid, %s, %s, %,d epochs", config.hidden(),
                    config.activation(), config.loss(), config.optimizer(), config.epochs());
        }

        @Override
        public RunOutcome run(long seed) {
            XorStudy.Run r = XorStudy.run(config, seed);
            return new RunOutcome(r.losses(), r.finalLoss(), r.success(), r.epochsToSolve(), r.millis());
        }
    }
}
