package dev.jnn.callbacks;

import java.io.Console;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * A text progress bar, a port of Keras's {@code keras.utils.Progbar} that prints the same
 * characters.
 *
 * <p>Verbose 1 redraws one line per update (at most every {@code interval} seconds unless final):
 * <pre>{@code 2/3 ━━━━━━━━━━━━━━━━━━━━ 0s 100ms/step - accuracy: 0.6000 - loss: 0.2500}</pre>
 * The counter is {@code "%{d}d/%d"} with {@code d} the number of digits of the target; the bar has
 * {@code int(width * current / target)} done cells; the time is the ETA
 * {@code timePerStep * (target - current)} ({@code %ds}, {@code %d:%02d} above 60 s,
 * {@code %d:%02d:%02d} above 3600 s) or, on the final update, the elapsed seconds; the time per step
 * leaves out the first step once {@code current > 1}; a metric is printed {@code %.4f} if
 * {@code |v| > 1e-3}, else {@code %.4e}. Metrics not declared stateful are averaged over the steps
 * seen, weighted by the step increments. Verbose 2 prints one line when the bar is final:
 * {@code "3/3 - 0s - 110ms/step - loss: 0.2500"} (this line tests {@code v > 1e-3} without the
 * absolute value, as Keras does).
 *
 * <p>In {@link Display#DYNAMIC} mode the bar is redrawn in place with {@code "\b" * previousWidth +
 * "\r"}, padded with spaces when it got shorter, and uses ANSI bold/green/white escapes, exactly as
 * Keras does on a terminal. In {@link Display#PLAIN} mode (output redirected to a file or a pipe)
 * there are no escapes and no redraws: only the final line of each bar is printed.
 *
 * <pre>{@code
 * var bar = Progbar.builder(3).build();
 * for (int step = 1; step <= 3; step++) {
 *     bar.update(step, Map.of("loss", 0.5 / step));
 * }
 * }</pre>
 */
public final class Progbar {
    /** How the bar is drawn. */
    public enum Display {
        /** {@link #DYNAMIC} when writing to {@code System.out} attached to a terminal, else {@link #PLAIN}. */
        AUTO,
        /** In-place redraws and ANSI escapes, byte for byte as Keras. */
        DYNAMIC,
        /** No escapes, no redraws: only each bar's final line. */
        PLAIN
    }

    private static final String BOLD = "\u001b[1m";
    private static final String GREEN = "\u001b[32m";
    private static final String WHITE = "\u001b[37m";
    private static final String RESET = "\u001b[0m";
    private static final char CELL = '\u2501';

    private Integer target;
    private final int width;
    private final int verbose;
    private final double interval;
    private final Set<String> statefulMetrics;
    private final Set<String> statelessMetrics;
    private final String unitName;
    private final PrintStream out;
    private final LongSupplier clock;
    private final boolean dynamic;

    private int seenSoFar;
    // Per metric {weighted sum, weight}; the insertion order is the display order.
    private final Map<String, double[]> values = new LinkedHashMap<>();
    private final long start;
    // Keras starts from _last_update = 0 (1970), so its first update always draws.
    private boolean updatedOnce;
    private long lastUpdate;
    private boolean firstStepTimed;
    private long timeAfterFirstStep;
    private int previousTotalWidth;

    private Progbar(Builder builder) {
        this.target = builder.target;
        this.width = builder.width;
        this.verbose = builder.verbose;
        this.interval = builder.interval;
        this.statefulMetrics = builder.statefulMetrics;
        this.statelessMetrics = builder.statelessMetrics;
        this.unitName = builder.unitName;
        this.out = builder.out;
        this.clock = builder.clock;
        this.dynamic = switch (builder.display) {
            case DYNAMIC -> true;
            case PLAIN -> false;
            case AUTO -> builder.out == System.out && isTerminal();
        };
        this.start = clock.getAsLong();
    }

    /** A bar of {@code target} steps with Keras's defaults, drawn on {@code System.out}. */
    public Progbar(int target) {
        this(builder(target));
    }

    /** A builder for a bar of {@code target} steps. */
    public static Builder builder(int target) {
        return new Builder(target);
    }

    /** A builder for a bar whose number of steps is unknown (drawn as {@code "%7d/Unknown"}). */
    public static Builder builderWithUnknownTarget() {
        return new Builder(null);
    }

    /** Whether the console attached to this JVM is an interactive terminal. */
    static boolean isTerminal() {
        Console console = System.console();
        return console != null && console.isTerminal();
    }

    /** Updates the bar to step {@code current}; final when {@code current >= target}. */
    public void update(int current, Map<String, Double> stepValues) {
        update(current, stepValues, target != null && current >= target);
    }

    /**
     * Updates the bar to step {@code current} with the values of the last step (averaged over time
     * unless stateful); {@code finalize} marks the last update of this bar.
     */
    public void update(int current, Map<String, Double> stepValues, boolean finalize) {
        if (stepValues != null) {
            for (var entry : stepValues.entrySet()) {
                record(entry.getKey(), entry.getValue(), current, finalize);
            }
        }
        seenSoFar = current;

        long now = clock.getAsLong();
        double timePerUnit = estimateStepDuration(current, now);

        if (verbose == 1) {
            if (updatedOnce && seconds(now - lastUpdate) < interval && !finalize) {
                return;
            }
            drawLine(current, now, timePerUnit, finalize);
        } else if (verbose == 2) {
            if (finalize && target != null && target > 0) {
                printOneLine(current, now, timePerUnit);
            }
        }
        updatedOnce = true;
        lastUpdate = now;
    }

    /** Advances the bar by {@code n} steps. */
    public void add(int n, Map<String, Double> stepValues) {
        update(seenSoFar + n, stepValues);
    }

    /** The number of steps, or {@code null} when unknown. */
    public Integer target() {
        return target;
    }

    /** Sets the number of steps once it is known (Keras does this after a first epoch of unknown length). */
    public void setTarget(int target) {
        this.target = target;
    }

    /** Whether this bar redraws in place with escape codes. */
    public boolean dynamicDisplay() {
        return dynamic;
    }

    private void record(String key, double value, int current, boolean finalize) {
        boolean stateless = statefulMetrics != null
                ? !statefulMetrics.contains(key)
                : statelessMetrics.contains(key);
        double[] sumAndCount = values.get(key);
        if (!stateless || finalize) {
            // The final value is the epoch's own average: display it as is.
            values.put(key, new double[] {value, 1});
        } else {
            int base = Math.max(current - seenSoFar, 1);
            if (sumAndCount == null) {
                values.put(key, new double[] {value * base, base});
            } else {
                sumAndCount[0] += value * base;
                sumAndCount[1] += base;
            }
        }
    }

    private void drawLine(int current, long now, double timePerUnit, boolean finalize) {
        var message = new StringBuilder();
        if (dynamic) {
            message.append("\b".repeat(previousTotalWidth)).append('\r');
        }
        // Escape characters do not take room on screen; Keras counts them to pad correctly.
        int specialCharLength = 0;
        var bar = new StringBuilder();
        if (target != null && target > 0) {
            int digits = String.valueOf(target).length();
            bar.append(bold(String.format("%" + digits + "d/%d", current, target))).append(' ');
            specialCharLength += 8;
            int done = (int) (width * ((double) current / target));
            if (done > 0) {
                bar.append(color(GREEN, String.valueOf(CELL).repeat(done)));
                specialCharLength += 9;
            }
            bar.append(color(WHITE, String.valueOf(CELL).repeat(Math.max(0, width - done))));
            specialCharLength += 9;
        } else {
            bar.append(String.format("%7d/Unknown", current));
        }

        var info = new StringBuilder(" ");
        if (target != null && target > 0 && !finalize) {
            info.append(bold(formatEta(timePerUnit * (target - current))));
        } else {
            info.append(bold(PythonFormat.fixed(seconds(now - start), 0) + "s"));
        }
        specialCharLength += 8;
        info.append(formatTimePerUnit(timePerUnit));
        for (var entry : values.entrySet()) {
            double average = average(entry.getValue());
            info.append(" - ").append(entry.getKey()).append(": ")
                    .append(Math.abs(average) > 1e-3
                            ? PythonFormat.fixed(average, 4)
                            : PythonFormat.scientific(average, 4));
        }

        if (dynamic) {
            message.append(bar).append(info);
            int totalWidth = codePoints(bar) + codePoints(info) - specialCharLength;
            if (previousTotalWidth > totalWidth) {
                message.append(" ".repeat(previousTotalWidth - totalWidth));
            }
            previousTotalWidth = totalWidth;
        } else if (finalize) {
            message.append(bar).append(info);
        } else {
            return;
        }
        if (finalize) {
            message.append('\n');
        }
        print(message.toString());
    }

    private void printOneLine(int current, long now, double timePerUnit) {
        int digits = String.valueOf(target).length();
        var info = new StringBuilder(String.format("%" + digits + "d/%d", current, target));
        info.append(" - ").append(PythonFormat.fixed(seconds(now - start), 0)).append('s');
        info.append(" -").append(formatTimePerUnit(timePerUnit));
        for (var entry : values.entrySet()) {
            double average = average(entry.getValue());
            info.append(" - ").append(entry.getKey()).append(": ")
                    .append(average > 1e-3
                            ? PythonFormat.fixed(average, 4)
                            : PythonFormat.scientific(average, 4));
        }
        info.append('\n');
        print(info.toString());
    }

    private static double average(double[] sumAndCount) {
        return sumAndCount[0] / Math.max(1, sumAndCount[1]);
    }

    private static String formatEta(double eta) {
        if (eta > 3600) {
            return String.format("%d:%02d:%02d",
                    PythonFormat.truncate(PythonFormat.floorDivide(eta, 3600)),
                    PythonFormat.truncate(PythonFormat.floorDivide(PythonFormat.modulo(eta, 3600), 60)),
                    PythonFormat.truncate(PythonFormat.modulo(eta, 60)));
        }
        if (eta > 60) {
            return String.format("%d:%02d",
                    PythonFormat.truncate(PythonFormat.floorDivide(eta, 60)),
                    PythonFormat.truncate(PythonFormat.modulo(eta, 60)));
        }
        return PythonFormat.truncate(eta) + "s";
    }

    private String formatTimePerUnit(double timePerUnit) {
        if (timePerUnit >= 1 || timePerUnit == 0) {
            return " " + PythonFormat.fixed(timePerUnit, 0) + "s/" + unitName;
        }
        if (timePerUnit >= 1e-3) {
            return " " + PythonFormat.fixed(timePerUnit * 1000.0, 0) + "ms/" + unitName;
        }
        return " " + PythonFormat.fixed(timePerUnit * 1000000.0, 0) + "us/" + unitName;
    }

    /**
     * Seconds per step. The first step is usually slow (compilation, warm-up), so once it is done
     * the estimate is taken over the later steps only.
     */
    private double estimateStepDuration(int current, long now) {
        if (current == 0) {
            return 0;
        }
        double timePerUnit = firstStepTimed && current > 1
                ? seconds(now - timeAfterFirstStep) / (current - 1)
                : seconds(now - start) / current;
        if (current == 1) {
            firstStepTimed = true;
            timeAfterFirstStep = now;
        }
        return timePerUnit;
    }

    private String bold(String text) {
        return color(BOLD, text);
    }

    private String color(String escape, String text) {
        return dynamic ? escape + text + RESET : text;
    }

    private void print(String message) {
        out.print(message);
        out.flush();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static int codePoints(CharSequence text) {
        return Character.codePointCount(text, 0, text.length());
    }

    /**
     * Options of a {@link Progbar}, with Keras's defaults: width 20, verbose 1, interval 0.05 s,
     * all metrics averaged, unit "step", {@code System.out}, {@code System::nanoTime},
     * {@link Display#AUTO}.
     */
    public static final class Builder {
        private final Integer target;
        private int width = 20;
        private int verbose = 1;
        private double interval = 0.05;
        private Set<String> statefulMetrics = Set.of();
        private Set<String> statelessMetrics;
        private String unitName = "step";
        private PrintStream out = System.out;
        private LongSupplier clock = System::nanoTime;
        private Display display = Display.AUTO;

        private Builder(Integer target) {
            if (target != null && target < 0) {
                throw new IllegalArgumentException("target must be >= 0, got " + target);
            }
            this.target = target;
        }

        /** Number of cells of the bar (default 20). */
        public Builder width(int width) {
            if (width < 0) {
                throw new IllegalArgumentException("width must be >= 0, got " + width);
            }
            this.width = width;
            return this;
        }

        /** 0 silent, 1 a redrawn bar, 2 one line at the end (default 1). */
        public Builder verbose(int verbose) {
            if (verbose < 0 || verbose > 2) {
                throw new IllegalArgumentException("verbose must be 0, 1 or 2, got " + verbose);
            }
            this.verbose = verbose;
            return this;
        }

        /** Minimum seconds between two redraws, final update excepted (default 0.05). */
        public Builder interval(double seconds) {
            if (!(seconds >= 0)) {
                throw new IllegalArgumentException("interval must be >= 0, got " + seconds);
            }
            this.interval = seconds;
            return this;
        }

        /** Metrics shown as given instead of averaged; all others are averaged. */
        public Builder statefulMetrics(Set<String> names) {
            this.statefulMetrics = Set.copyOf(names);
            this.statelessMetrics = null;
            return this;
        }

        /** Metrics that are averaged; all others are shown as given ({@code ProgbarLogger} passes none). */
        public Builder statelessMetrics(Set<String> names) {
            this.statelessMetrics = Set.copyOf(names);
            this.statefulMetrics = null;
            return this;
        }

        /** The unit shown after the time per step, e.g. {@code "step"} or {@code "sample"}. */
        public Builder unitName(String unitName) {
            this.unitName = unitName;
            return this;
        }

        /** Where the bar is written (default {@code System.out}). */
        public Builder out(PrintStream out) {
            this.out = out;
            return this;
        }

        /** The time source in nanoseconds (default {@code System::nanoTime}). */
        public Builder clock(LongSupplier nanos) {
            this.clock = nanos;
            return this;
        }

        /** Dynamic or plain drawing (default {@link Display#AUTO}). */
        public Builder display(Display display) {
            this.display = display;
            return this;
        }

        /** A bar whose clock starts now. */
        public Progbar build() {
            return new Progbar(this);
        }
    }
}
