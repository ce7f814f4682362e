package dev.jnn.cli.compare;

import java.util.Locale;

/**
 * A target a run reaches at the first epoch whose logged {@code metric} is at most (or at least)
 * {@code value}, written {@code loss<=0.05} or {@code val_accuracy>=0.95} on the command line.
 *
 * @param metric the log key, e.g. {@code val_loss}
 * @param atMost true for {@code <=}, false for {@code >=}
 * @param value  the bound
 */
public record Target(String metric, boolean atMost, double value) {
    /** Parses {@code METRIC<=VALUE} or {@code METRIC>=VALUE}. */
    public static Target parse(String text) {
        int at = text.indexOf("<=");
        boolean atMost = at >= 0;
        if (!atMost) {
            at = text.indexOf(">=");
        }
        if (at <= 0) {
            throw new IllegalArgumentException("--target must be METRIC<=VALUE or METRIC>=VALUE (e.g. loss<=0.05 or"
                    + " val_accuracy>=0.95), got '" + text + "'");
        }
        String metric = text.substring(0, at).strip();
        String number = text.substring(at + 2).strip();
        try {
            return new Target(metric, atMost, Double.parseDouble(number));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--target: '" + number + "' is not a number (in '" + text + "')", e);
        }
    }

    /** Whether {@code v} meets the target. */
    public boolean met(double v) {
        return atMost ? v <= value : v >= value;
    }

    @Override
    public String toString() {
        return metric + (atMost ? " <= " : " >= ") + String.format(Locale.ROOT, "%s", value);
    }
}
