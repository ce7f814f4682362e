package dev.jnn.callbacks;

import static dev.jnn.callbacks.FakeClock.MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Byte-exact comparisons with keras.utils.Progbar (Keras 3.15.1). The expected strings were produced
 * by src/test/resources/dev/jnn/callbacks/progbar_ref.py: it replaces progbar's time.time() with a scripted clock returning
 * (1e12 ns + offset) / 1e9, redirects sys.stdout to a StringIO (Keras then uses its dynamic display,
 * since "posix" is in sys.modules) and prints the captured text as Java literals. Each test feeds the
 * same clock offsets and the same updates.
 */
class ProgbarTest {
    private static Map<String, Double> values(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Double>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], ((Number) keysAndValues[i + 1]).doubleValue());
        }
        return map;
    }

    private static Progbar.Builder dynamic(Progbar.Builder builder, Capture out, FakeClock clock) {
        return builder.out(out.stream).clock(clock).display(Progbar.Display.DYNAMIC);
    }

    @Test
    void verbose1AveragesSkipsFastRedrawsPadsAndUsesScientificNotation() {
        // Keras: p = Progbar(5); updates at +300, +320 (within 0.05 s: not drawn), +900, +2100, +3000 ms.
        var out = new Capture();
        var clock = new FakeClock(0, 300 * MS, 320 * MS, 900 * MS, 2100 * MS, 3000 * MS);
        var bar = dynamic(Progbar.builder(5), out, clock).build();
        bar.update(1, values("loss", 12.5, "mae", 0.0004));
        bar.update(2, values("loss", 0.25, "mae", 0.0002));
        bar.update(3, values("loss", 0.125, "mae", -0.5));
        bar.update(4, values("loss", 0.0625, "mae", 0.001));
        bar.update(5, values("loss", 0.03125, "mae", 0.002));
        String expected = "\r\u001b[1m1/5\u001b[0m \u001b[32m━━━━\u001b[0m\u001b[37m━━━━━━━━━━━━━━━━\u001b[0m \u001b[1m1s\u001b[0m 300ms/step - loss: 12.5000 - mae: 4.0000e-04"
                + "\b".repeat(72)
                + "\r\u001b[1m3/5\u001b[0m \u001b[32m━━━━━━━━━━━━\u001b[0m\u001b[37m━━━━━━━━\u001b[0m \u001b[1m0s\u001b[0m 300ms/step - loss: 4.2917 - mae: -0.1665    "
                + "\b".repeat(68)
                + "\r\u001b[1m4/5\u001b[0m \u001b[32m━━━━━━━━━━━━━━━━\u001b[0m\u001b[37m━━━━\u001b[0m \u001b[1m0s\u001b[0m 600ms/step - loss: 3.2344 - mae: -0.1246"
                + "\b".repeat(68)
                + "\r\u001b[1m5/5\u001b[0m \u001b[32m━━━━━━━━━━━━━━━━━━━━\u001b[0m\u001b[37m\u001b[0m \u001b[1m3s\u001b[0m 675ms/step - loss: 0.0312 - mae: 0.0020 \n";
        assertEquals(expected, out.text());
        clock.assertAllRead();
    }

    @Test
    void verbose1LongEtaAndStatefulMetrics() {
        // Keras: Progbar(1000, stateful_metrics=["acc"]); updates 1, 2, 980 at +5 s, +10 s, +990 s.
        var out = new Capture();
        var clock = new FakeClock(0, 5000 * MS, 10000 * MS, 990000 * MS);
        var bar = dynamic(Progbar.builder(1000).statefulMetrics(java.util.Set.of("acc")), out, clock).build();
        bar.update(1, values("acc", 0.5));
        bar.update(2, values("acc", 0.75));
        bar.update(980, values("acc", 1.0));
        String expected = "\r\u001b[1m   1/1000\u001b[0m \u001b[37m━━━━━━━━━━━━━━━━━━━━\u001b[0m \u001b[1m1:23:15\u001b[0m 5s/step - acc: 0.5000"
                + "\b".repeat(60)
                + "\r\u001b[1m   2/1000\u001b[0m \u001b[37m━━━━━━━━━━━━━━━━━━━━\u001b[0m \u001b[1m1:23:10\u001b[0m 5s/step - acc: 0.7500"
                + "\b".repeat(60)
                + "\r\u001b[1m 980/1000\u001b[0m \u001b[32m━━━━━━━━━━━━━━━━━━━\u001b[0m\u001b[37m━\u001b[0m \u001b[1m20s\u001b[0m 1s/step - acc: 1.0000    ";
        assertEquals(expected, out.text());
        clock.assertAllRead();
    }

    @Test
    void verbose1MicrosecondsPerStepAndNarrowBar() {
        // Keras: Progbar(100, width=10); updates 1, 50 (skipped: 20 ms later), 100.
        var out = new Capture();
        var clock = new FakeClock(0, 50 * MS, 70 * MS, 71 * MS + 500_000);
        var bar = dynamic(Progbar.builder(100).width(10), out, clock).build();
        bar.update(1, values("loss", 3.0));
        bar.update(50, values("loss", 2.0));
        bar.update(100, values("loss", 1.0));
        String expected = "\r\u001b[1m  1/100\u001b[0m \u001b[37m━━━━━━━━━━\u001b[0m \u001b[1m4s\u001b[0m 50ms/step - loss: 3.0000"
                + "\b".repeat(46)
                + "\r\u001b[1m100/100\u001b[0m \u001b[32m━━━━━━━━━━\u001b[0m\u001b[37m\u001b[0m \u001b[1m0s\u001b[0m 217us/step - loss: 1.0000\n";
        assertEquals(expected, out.text());
        clock.assertAllRead();
    }

    @Test
    void verbose2PrintsOneLineWithoutAbsoluteValueTest() {
        // Keras: Progbar(3, verbose=2); "delta" = -2.0 is printed in e-notation (no abs in verbose 2).
        var out = new Capture();
        var clock = new FakeClock(0, 400 * MS, 800 * MS, 1700 * MS);
        var bar = dynamic(Progbar.builder(3).verbose(2), out, clock).build();
        bar.update(1, values("loss", 0.5, "delta", -2.0));
        bar.update(2, values("loss", 0.25, "delta", -2.0));
        bar.update(3, values("loss", 0.125, "delta", -2.0));
        assertEquals("3/3 - 2s - 650ms/step - loss: 0.1250 - delta: -2.0000e+00\n", out.text());
        clock.assertAllRead();
    }

    @Test
    void unknownTargetThenExplicitFinalize() {
        // Keras: Progbar(None); update(1), update(7, finalize=True).
        var out = new Capture();
        var clock = new FakeClock(0, 100 * MS, 2600 * MS);
        var bar = dynamic(Progbar.builderWithUnknownTarget(), out, clock).build();
        bar.update(1, values("loss", 1.5));
        bar.update(7, values("loss", 0.5), true);
        String expected = "\r      1/Unknown \u001b[1m0s\u001b[0m 100ms/step - loss: 1.5000"
                + "\b".repeat(44)
                + "\r      7/Unknown \u001b[1m3s\u001b[0m 417ms/step - loss: 0.5000\n";
        assertEquals(expected, out.text());
        clock.assertAllRead();
    }

    @Test
    void secondsPerStepAndZeroStepTime() {
        // Keras: Progbar(2); update(0) at the start time, then steps of 2.4 s and 2.5 s.
        var out = new Capture();
        var clock = new FakeClock(0, 0, 2400 * MS, 4900 * MS);
        var bar = dynamic(Progbar.builder(2), out, clock).build();
        bar.update(0, Map.of());
        bar.update(1, values("loss", 1e-5));
        bar.update(2, values("loss", 0.0));
        String expected = "\r\u001b[1m0/2\u001b[0m \u001b[37m━━━━━━━━━━━━━━━━━━━━\u001b[0m \u001b[1m0s\u001b[0m 0s/step"
                + "\b".repeat(35)
                + "\r\u001b[1m1/2\u001b[0m \u001b[32m━━━━━━━━━━\u001b[0m\u001b[37m━━━━━━━━━━\u001b[0m \u001b[1m2s\u001b[0m 2s/step - loss: 1.0000e-05"
                + "\b".repeat(54)
                + "\r\u001b[1m2/2\u001b[0m \u001b[32m━━━━━━━━━━━━━━━━━━━━\u001b[0m\u001b[37m\u001b[0m \u001b[1m5s\u001b[0m 2s/step - loss: 0.0000e+00\n";
        assertEquals(expected, out.text());
        clock.assertAllRead();
    }

    @Test
    void plainModePrintsOnlyTheFinalLineWithoutEscapes() {
        // Same script as verbose1AveragesSkipsFastRedrawsPadsAndUsesScientificNotation, escapes removed.
        var out = new Capture();
        var clock = new FakeClock(0, 300 * MS, 320 * MS, 900 * MS, 2100 * MS, 3000 * MS);
        var bar = Progbar.builder(5).out(out.stream).clock(clock).display(Progbar.Display.PLAIN).build();
        bar.update(1, values("loss", 12.5, "mae", 0.0004));
        bar.update(2, values("loss", 0.25, "mae", 0.0002));
        bar.update(3, values("loss", 0.125, "mae", -0.5));
        bar.update(4, values("loss", 0.0625, "mae", 0.001));
        assertEquals("", out.text());
        bar.update(5, values("loss", 0.03125, "mae", 0.002));
        assertEquals("5/5 ━━━━━━━━━━━━━━━━━━━━ 3s 675ms/step - loss: 0.0312 - mae: 0.0020\n", out.text());
        assertFalse(bar.dynamicDisplay());
    }

    @Test
    void firstUpdateDrawsWhateverTheClockOrigin() {
        // System.nanoTime may start anywhere, even near zero: Keras's first update always draws.
        var out = new Capture();
        long[] times = {0, 10 * MS};
        int[] next = {0};
        var bar = Progbar.builder(4).out(out.stream).clock(() -> times[next[0]++] - FakeClock.BASE)
                .display(Progbar.Display.DYNAMIC).build();
        bar.update(1, Map.of());
        assertTrue(out.text().startsWith("\r\u001b[1m1/4\u001b[0m "), out.text());
    }

    @Test
    void autoDisplayIsPlainForAnotherStream() {
        var bar = Progbar.builder(3).out(new Capture().stream).build();
        assertFalse(bar.dynamicDisplay());
    }

    @Test
    void addAdvancesFromTheStepsSeen() {
        var out = new Capture();
        var clock = new FakeClock(0, 1000 * MS, 2000 * MS);
        var bar = Progbar.builder(2).verbose(2).out(out.stream).clock(clock).build();
        bar.add(1, values("loss", 4.0));
        bar.add(1, values("loss", 2.0));
        // Final values are shown as given; (2000 - 1000) ms for the one step after the first.
        assertEquals("2/2 - 2s - 1s/step - loss: 2.0000\n", out.text());
    }

    @Test
    void rejectsBadOptions() {
        var error = assertThrows(IllegalArgumentException.class, () -> Progbar.builder(3).verbose(3));
        assertTrue(error.getMessage().contains("verbose") && error.getMessage().contains("3"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Progbar.builder(-1));
        assertThrows(IllegalArgumentException.class, () -> Progbar.builder(3).width(-2));
        assertThrows(IllegalArgumentException.class, () -> Progbar.builder(3).interval(Double.NaN));
    }
}
