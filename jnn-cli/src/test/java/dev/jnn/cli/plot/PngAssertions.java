package dev.jnn.cli.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/** Reads a chart back and checks that something was drawn, not merely that a file exists. */
public final class PngAssertions {
    private PngAssertions() {
    }

    /**
     * Asserts {@code png} is a {@link Plots#WIDTH} x {@link Plots#HEIGHT} image with more than one
     * colour, and that each of {@code curveColors} covers at least {@code minPixels} pixels of the
     * plot area (the left three quarters, where the legend, which shows each colour in a short
     * swatch, is not).
     */
    public static BufferedImage assertChart(Path png, int minPixels, Color... curveColors) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, png + " is not an image ImageIO can read");
        assertEquals(Plots.WIDTH, image.getWidth(), png + " width");
        assertEquals(Plots.HEIGHT, image.getHeight(), png + " height");
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        assertTrue(colours.size() > 1, png + " is blank: one colour");
        for (Color c : curveColors) {
            int n = count(image, c);
            assertTrue(n >= minPixels, png + ": " + n + " pixels of the curve colour " + Integer.toHexString(
                    c.getRGB() & 0xffffff) + " in the plot area, expected >= " + minPixels);
        }
        return image;
    }

    /** Pixels of exactly colour {@code c} in the left three quarters of the image. */
    public static int count(BufferedImage image, Color c) {
        int rgb = c.getRGB() & 0xffffff;
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth() * 3 / 4; x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }
}
