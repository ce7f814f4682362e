package dev.jnn.cli.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BoxChart;
import org.knowm.xchart.BoxChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The PNG charts of {@code jnn train}, {@code compare} and {@code tune}, drawn with XChart off screen
 * (start the JVM with {@code -Djava.awt.headless=true}; {@code ./jnn} and the tests do).
 *
 * <p>Series take their colours from {@link #PALETTE} in order, drawn {@link #LINE_WIDTH} pixels wide
 * without markers (curves have one point per epoch, thousands for long runs), so a reader of the
 * PNG (or a test) can find each curve by its colour.
 *
 * <pre>{@code
 * Plots.lines(dir.resolve("loss.png"), "loss", "epoch", "loss", List.of(
 *         new Plots.Line("train", epochs, loss), new Plots.Line("validation", epochs, valLoss)));
 * }</pre>
 */
public final class Plots {
    /** Chart width in pixels. */
    public static final int WIDTH = 800;
    /** Chart height in pixels. */
    public static final int HEIGHT = 500;
    /** Width of a curve in pixels: wide enough that anti-aliasing leaves a core of the exact colour. */
    public static final float LINE_WIDTH = 2.5f;
    /** The ratio of largest to smallest value above which a requested log axis is used. */
    public static final double LOG_SPAN = 100;
    /**
     * Most points drawn per series: about one per two pixels of plot width. Longer curves (a 10,000-epoch
     * run) are thinned first; drawing every point makes XChart take seconds per chart and shows nothing more.
     */
    public static final int MAX_POINTS = 400;
    /** Series colours, in order (matplotlib's tab10, which readers of Keras plots know). */
    public static final List<Color> PALETTE = List.of(new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
            new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
            new Color(0xbcbd22), new Color(0x17becf));

    private Plots() {
    }

    /** One curve: y over x. */
    public record Line(String name, double[] x, double[] y) {
    }

    /** A curve with a band around it (e.g. the mean loss and its min–max over seeds). */
    public record Band(String name, double[] x, double[] mean, double[] low, double[] high) {
    }

    /**
     * A chart of curves; the y axis is logarithmic when {@code logY} and the values are positive and
     * span more than {@link #LOG_SPAN} (XChart labels only powers of ten, so a log axis over less than
     * a decade or so would show one label).
     */
    public static void lines(Path file, String title, String xTitle, String yTitle, List<Line> lines, boolean logY)
            throws IOException {
        XYChart chart = xyChart(title, xTitle, yTitle);
        Range range = new Range();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.x().length == 0) {
                continue;
            }
            Line thin = thin(line);
            curve(chart.addSeries(thin.name(), thin.x(), thin.y()), color(i));
            range.add(thin.y());
        }
        chart.getStyler().setYAxisLogarithmic(logY && range.wide());
        range.label(chart);
        save(chart, file);
    }

    /**
     * Curves, each with a translucent band between its low and high values; log axes as in
     * {@link #lines} ({@code logX} for curves of very different lengths, e.g. 1,000 and 10,000 epochs).
     */
    public static void bands(Path file, String title, String xTitle, String yTitle, List<Band> bands, boolean logX,
                             boolean logY) throws IOException {
        XYChart chart = xyChart(title, xTitle, yTitle);
        chart.getStyler().setXAxisLogarithmic(logX);
        Range range = new Range();
        // Bands first, so every curve is drawn over all of them.
        bands = bands.stream().map(Plots::thin).toList();
        for (int i = 0; i < bands.size(); i++) {
            Band b = bands.get(i);
            int n = b.x().length;
            if (n == 0) {
                continue;
            }
            double[] px = new double[2 * n];
            double[] py = new double[2 * n];
            for (int k = 0; k < n; k++) {
                px[k] = b.x()[k];
                py[k] = b.high()[k];
                px[2 * n - 1 - k] = b.x()[k];
                py[2 * n - 1 - k] = b.low()[k];
            }
            Color c = color(i);
            XYSeries s = chart.addSeries(b.name() + " (band)", px, py);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            s.setMarker(SeriesMarkers.NONE);
            s.setFillColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 45));
            s.setLineColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 0));
            s.setShowInLegend(false);
            range.add(b.low());
            range.add(b.high());
        }
        for (int i = 0; i < bands.size(); i++) {
            Band b = bands.get(i);
            if (b.x().length > 0) {
                curve(chart.addSeries(b.name(), b.x(), b.mean()), color(i));
            }
        }
        chart.getStyler().setYAxisLogarithmic(logY && range.wide());
        save(chart, file);
    }

    /** One box (median, quartiles, whiskers) per group; groups without values are left out. */
    public static void boxes(Path file, String title, String yTitle, Map<String, double[]> groups) throws IOException {
        BoxChart chart = new BoxChartBuilder().width(WIDTH).height(HEIGHT).title(title).yAxisTitle(yTitle).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setSeriesColors(PALETTE.toArray(Color[]::new));
        // Configuration names are long ("after/loss=binary_crossentropy"): slanted, they do not overlap.
        chart.getStyler().setXAxisLabelRotation(30);
        boolean any = false;
        for (Map.Entry<String, double[]> g : groups.entrySet()) {
            if (g.getValue().length > 0) {
                chart.addSeries(g.getKey(), g.getValue());
                any = true;
            }
        }
        if (!any) {
            chart.addSeries("(none reached the target)", new double[] {0});
        }
        save(chart, file);
    }

    /** Scores as points, and the running best as a line through them. */
    public static void scores(Path file, String title, String yTitle, double[] trials, double[] scores, double[] best)
            throws IOException {
        XYChart chart = xyChart(title, "trial", yTitle);
        if (trials.length > 0) {
            XYSeries points = chart.addSeries("score", trials, scores);
            points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            points.setMarker(SeriesMarkers.CIRCLE);
            points.setMarkerColor(color(0));
            curve(chart.addSeries("best so far", trials, best), color(1));
            Range range = new Range();
            range.add(scores);
            range.label(chart);
        }
        chart.getStyler().setMarkerSize(7);
        save(chart, file);
    }

    /**
     * A band of at most about {@link #MAX_POINTS} points: the first point as it is, then runs of
     * consecutive points merged into one at the run's last x, keeping the mean of the means and the
     * extremes of the band, so the envelope stays exact.
     */
    static Band thin(Band b) {
        int n = b.x().length;
        int per = (n + MAX_POINTS - 1) / MAX_POINTS;
        if (per <= 1) {
            return b;
        }
        int m = 1 + (n - 1 + per - 1) / per;
        double[] x = new double[m];
        double[] mean = new double[m];
        double[] low = new double[m];
        double[] high = new double[m];
        x[0] = b.x()[0];
        mean[0] = b.mean()[0];
        low[0] = b.low()[0];
        high[0] = b.high()[0];
        for (int k = 1; k < m; k++) {
            int from = 1 + (k - 1) * per;
            int to = Math.min(n, from + per);
            double sum = 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = from; i < to; i++) {
                sum += b.mean()[i];
                lo = Math.min(lo, b.low()[i]);
                hi = Math.max(hi, b.high()[i]);
            }
            x[k] = b.x()[to - 1];
            mean[k] = sum / (to - from);
            low[k] = lo;
            high[k] = hi;
        }
        return new Band(b.name(), x, mean, low, high);
    }

    /** A line of at most about {@link #MAX_POINTS} points: the first, every k-th after it, and the last. */
    static Line thin(Line line) {
        int n = line.x().length;
        int per = (n + MAX_POINTS - 1) / MAX_POINTS;
        if (per <= 1) {
            return line;
        }
        List<Integer> keep = new java.util.ArrayList<>();
        for (int i = 0; i < n; i += per) {
            keep.add(i);
        }
        if (keep.get(keep.size() - 1) != n - 1) {
            keep.add(n - 1);
        }
        double[] x = new double[keep.size()];
        double[] y = new double[keep.size()];
        for (int k = 0; k < x.length; k++) {
            x[k] = line.x()[keep.get(k)];
            y[k] = line.y()[keep.get(k)];
        }
        return new Line(line.name(), x, y);
    }

    /** The colour of series {@code i}. */
    public static Color color(int i) {
        return PALETTE.get(i % PALETTE.size());
    }

    private static XYChart xyChart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        var styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setLegendBorderColor(Color.LIGHT_GRAY);
        styler.setPlotGridLinesColor(new Color(0xe6e6e6));
        return chart;
    }

    private static void curve(XYSeries s, Color c) {
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(c);
        s.setLineStyle(new BasicStroke(LINE_WIDTH, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    }

    /** The smallest and largest value seen, and whether all were positive. */
    private static final class Range {
        private double min = Double.POSITIVE_INFINITY;
        private double max = Double.NEGATIVE_INFINITY;
        private boolean positive = true;

        void add(double[] values) {
            for (double v : values) {
                positive &= v > 0;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }

        boolean wide() {
            return positive && max / min > LOG_SPAN;
        }

        /**
         * Y labels with four significant decimals: over a narrow range (two scores) XChart would print
         * every digit of a double ("0.7916666666666667").
         */
        void label(XYChart chart) {
            double magnitude = Math.max(Math.abs(min), Math.abs(max));
            if (Double.isFinite(magnitude) && magnitude > 0) {
                chart.getStyler().setYAxisDecimalPattern(magnitude >= 1e-3 && magnitude < 1e6 ? "#,##0.####"
                        : "0.###E0");
            }
        }
    }

    private static void save(Chart<?, ?> chart, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }
}
