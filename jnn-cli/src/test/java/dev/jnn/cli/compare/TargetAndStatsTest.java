package dev.jnn.cli.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TargetAndStatsTest {
    @Test
    void targetsParseBothDirections() {
        Target low = Target.parse("val_loss<=0.05");
        assertEquals(new Target("val_loss", true, 0.05), low);
        assertTrue(low.met(0.05) && !low.met(0.06));
        Target high = Target.parse(" accuracy >= 0.9 ");
        assertEquals(new Target("accuracy", false, 0.9), high);
        assertTrue(high.met(0.95) && !high.met(0.8));
        assertThrows(IllegalArgumentException.class, () -> Target.parse("loss<0.1"));
        assertThrows(IllegalArgumentException.class, () -> Target.parse("<=0.1"));
        assertThrows(IllegalArgumentException.class, () -> Target.parse("loss<=low"));
    }

    @Test
    void statsUseThePopulationSpreadAndTheMiddleMedian() {
        double[] v = {4, 1, 3, 2};
        assertEquals(2.5, Stats.mean(v));
        assertEquals(Math.sqrt(1.25), Stats.std(v), 1e-12);
        assertEquals(2.5, Stats.median(v));
        assertEquals(2.0, Stats.median(new double[] {3, 1, 2}));
        assertEquals(1.0, Stats.min(v));
        assertEquals(4.0, Stats.max(v));
        assertTrue(Double.isNaN(Stats.median(new double[0])));
    }

    @Test
    void rowsAverageCurvesOverTheRunsThatReachedEachEpoch() {
        Configuration c = new Configuration() {
            @Override
            public String name() {
                return "c";
            }

            @Override
            public String description() {
                return "d";
            }

            @Override
            public RunOutcome run(long seed) {
                throw new UnsupportedOperationException();
            }
        };
        CompareRow row = CompareRow.of(c, List.of(
                new RunOutcome(List.of(1.0, 0.5, 0.25), 0.25, true, 3, 10),
                new RunOutcome(List.of(3.0, 1.5), 1.5, false, -1, 20)));
        assertArrayEquals(new double[] {2.0, 1.0, 0.25}, row.curve());
        assertArrayEquals(new double[] {1.0, 0.5, 0.25}, row.curveMin());
        assertArrayEquals(new double[] {3.0, 1.5, 0.25}, row.curveMax());
        assertEquals(0.5, row.successRate());
        assertArrayEquals(new double[] {3}, row.epochs());
        assertEquals(1, row.unreached());
        assertEquals(15.0, row.msMean());
        assertEquals(5.0, row.msStd());
        assertFalse(Double.isNaN(row.medianEpochs()));
    }
}
