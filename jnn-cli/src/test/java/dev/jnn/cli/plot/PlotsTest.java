package dev.jnn.cli.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotsTest {
    @TempDir
    Path dir;

    private static double[] range(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
        }
        return x;
    }

    @Test
    void linesAreDrawnInTheirPaletteColours() throws Exception {
        double[] x = range(50);
        double[] a = new double[50];
        double[] b = new double[50];
        for (int i = 0; i < 50; i++) {
            a[i] = 1.0 / (i + 1);
            b[i] = 0.5 + 0.01 * i;
        }
        Path png = dir.resolve("lines.png");
        Plots.lines(png, "t", "epoch", "loss", List.of(new Plots.Line("a", x, a), new Plots.Line("b", x, b)), false);
        PngAssertions.assertChart(png, 200, Plots.color(0), Plots.color(1));
    }

    @Test
    void anEmptyChartHasNoCurvePixels() throws Exception {
        // The check must be able to fail: a chart without series has axes but none of the curve colour.
        Path png = dir.resolve("empty.png");
        Plots.lines(png, "t", "epoch", "loss", List.of(new Plots.Line("a", new double[0], new double[0])), false);
        BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(0, PngAssertions.count(image, Plots.color(0)));
    }

    @Test
    void bandsFillBetweenLowAndHighUnderTheMeanCurve() throws Exception {
        double[] x = range(100);
        double[] mean = new double[100];
        double[] low = new double[100];
        double[] high = new double[100];
        for (int i = 0; i < 100; i++) {
            mean[i] = Math.exp(-i / 20.0);
            low[i] = mean[i] * 0.5;
            high[i] = mean[i] * 1.5;
        }
        Path png = dir.resolve("band.png");
        Plots.bands(png, "t", "epoch", "loss", List.of(new Plots.Band("c", x, mean, low, high)), false, true);
        BufferedImage image = PngAssertions.assertChart(png, 200, Plots.color(0));
        // The band is a translucent tint of the curve's colour: its pixels are neither white nor the curve's.
        int tinted = 0;
        int c = Plots.color(0).getRGB() & 0xffffff;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int xx = 100; xx < image.getWidth() / 2; xx++) {
                int p = image.getRGB(xx, y) & 0xffffff;
                int r = p >> 16;
                int bl = p & 0xff;
                if (p != 0xffffff && p != c && bl > r + 20) {
                    tinted++;
                }
            }
        }
        assertTrue(tinted > 1000, "band pixels: " + tinted);
    }

    @Test
    void boxesAndScoresRender() throws Exception {
        Map<String, double[]> groups = new LinkedHashMap<>();
        groups.put("a", new double[] {10, 12, 15, 30});
        groups.put("b", new double[] {100, 120});
        groups.put("c", new double[0]);
        Path box = dir.resolve("box.png");
        Plots.boxes(box, "epochs to target", "epochs", groups);
        PngAssertions.assertChart(box, 0);
        Path scores = dir.resolve("scores.png");
        Plots.scores(scores, "score", "val_loss", range(10), new double[] {5, 4, 6, 3, 3.5, 2, 2.5, 2.2, 1.9, 4},
                new double[] {5, 4, 4, 3, 3, 2, 2, 2, 1.9, 1.9});
        PngAssertions.assertChart(scores, 100, Plots.color(1));
    }
}
