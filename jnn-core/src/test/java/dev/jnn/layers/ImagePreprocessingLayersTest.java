package dev.jnn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import dev.jnn.testing.LayerContract;
import dev.jnn.testing.LayerGradientCheck;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The image preprocessing layers beyond Keras's numbers (ImagePreprocessingGoldenTest,
 * Layers5GoldenTest): inference behaviour, the draws, gradients, contracts and bad input.
 */
class ImagePreprocessingLayersTest {
    private static Tensor image(int batch, int h, int w, int c) {
        Tensor x = Tensor.zeros(batch, h, w, c);
        for (int i = 0; i < x.size(); i++) {
            x.data()[i] = (float) Math.sin(i * 0.37) + 1;
        }
        return x;
    }

    @Test
    void randomLayersAreTheIdentityAtInference() {
        Tensor x = image(8, 5, 6, 3);
        for (Layer layer : List.of(new RandomFlip(new RandomFlip.Config("horizontal", 1L, null)),
                new RandomRotation(new RandomRotation.Config(-0.3, 0.3, "reflect", "bilinear", 0, 2L, null)),
                new RandomZoom(new RandomZoom.Config(List.of(0.3), null, "reflect", "bilinear", 0, 3L, null)),
                new RandomTranslation(new RandomTranslation.Config(List.of(0.2), List.of(0.2), "reflect", "bilinear", 0,
                        4L, null)),
                new RandomContrast(new RandomContrast.Config(0.5, 0.5, 0, 255, 5L, null)),
                new RandomBrightness(new RandomBrightness.Config(-0.5, 0.5, 0, 255, 6L, null)))) {
            assertSame(x, layer.call(x, false), layer.className());
            assertFalse(java.util.Arrays.equals(x.data(), layer.call(x, true).data()), layer.className());
        }
    }

    @Test
    void drawsStayInKerasRanges() {
        RandomFlip flip = new RandomFlip(new RandomFlip.Config("horizontal", 1L, null));
        float[] flips = new float[2000];
        flip.draw(new dev.jnn.tensor.RandomStream(3), flips, flips.length);
        double mean = 0;
        for (float f : flips) {
            mean += f / flips.length;
        }
        assertEquals(0.5, mean, 0.05);
        RandomRotation rotation = new RandomRotation(new RandomRotation.Config(-0.1, 0.25, "reflect", "bilinear", 0,
                null, null));
        float[] angles = new float[1000];
        rotation.draw(new dev.jnn.tensor.RandomStream(4), angles, angles.length);
        for (float a : angles) {
            assertTrue(a >= -36f && a < 90f, "angle " + a);
        }
        RandomContrast contrast = new RandomContrast(0.3);      // Keras 3: (0, 0.3)
        assertEquals(0.0, contrast.config().lower());
        float[] factors = new float[1000];
        contrast.draw(new dev.jnn.tensor.RandomStream(5), factors, factors.length);
        for (float f : factors) {
            assertTrue(f >= 1f && f < 1.3f, "contrast " + f);
        }
        RandomZoom zoom = new RandomZoom(0.2);                  // the width zooms with the height
        float[] zooms = new float[20];
        zoom.draw(new dev.jnn.tensor.RandomStream(6), zooms, 10);
        for (int b = 0; b < 10; b++) {
            assertEquals(zooms[2 * b], zooms[2 * b + 1]);
            assertTrue(zooms[2 * b] >= 0.8f && zooms[2 * b] < 1.2f);
        }
    }

    @Test
    void seededLayersRepeat() {
        Tensor x = image(3, 5, 6, 2);
        float[] a = new RandomRotation(new RandomRotation.Config(-0.2, 0.2, "reflect", "bilinear", 0, 5L, null))
                .call(x, true).data();
        float[] b = new RandomRotation(new RandomRotation.Config(-0.2, 0.2, "reflect", "bilinear", 0, 5L, null))
                .call(x, true).data();
        assertArrayEquals(a, b);
    }

    @Test
    void randomCropCropsRandomlyInTrainingAndResizesTheLargestWindowAtInference() {
        Tensor x = image(2, 8, 6, 1);
        RandomCrop crop = new RandomCrop(new RandomCrop.Config(4, 3, 2L, null));
        Tensor y = crop.call(x, true);
        assertEquals(Shape.of(2, 4, 3, 1), y.shape());
        // A training crop is a window of the image: its first row appears in the input.
        boolean found = false;
        for (int top = 0; top + 4 <= 8 && !found; top++) {
            for (int left = 0; left + 3 <= 6 && !found; left++) {
                boolean same = true;
                for (int j = 0; j < 3; j++) {
                    same &= x.data()[top * 6 + left + j] == y.data()[j];
                }
                found = same;
            }
        }
        assertTrue(found, "the training crop is a window of the input");
        // Inference: the largest 8x6 window with ratio 4:3 is 8x6 itself, resized to 4x3 (a 2x downscale
        // with half-pixel centers averages 2x2 blocks).
        Tensor z = crop.call(x, false);
        float expected = (x.data()[0] + x.data()[1] + x.data()[6] + x.data()[7]) / 4;
        assertEquals(expected, z.data()[0], 1e-6f);
    }

    @Test
    void centerCropAndResizingAct() {
        Tensor x = image(1, 5, 6, 1);
        Tensor y = new CenterCrop(3, 2).call(x, false);
        assertArrayEquals(new float[] {x.data()[8], x.data()[9], x.data()[14], x.data()[15], x.data()[20],
                x.data()[21]}, y.data());
        assertArrayEquals(y.data(), new CenterCrop(3, 2).call(x, true).data());
        Tensor same = new Resizing(5, 6).call(x, false);
        assertArrayEquals(x.data(), same.data());
    }

    @Test
    void gradients() {
        LayerGradientCheck.check(new Resizing(7, 4), Shape.of(5, 6, 2), 2, 1, false);
        LayerGradientCheck.check(new Resizing(new Resizing.Config(3, 8, "nearest", false, true, 0.5, null)),
                Shape.of(5, 6, 2), 2, 2, false);
        LayerGradientCheck.check(new CenterCrop(6, 4), Shape.of(5, 6, 2), 2, 3, false);
        RandomFlip flip = new RandomFlip();
        flip.fixParameters(1, 0);
        LayerGradientCheck.check(flip, Shape.of(3, 4, 2), 2, 4, true);
        RandomZoom zoom = new RandomZoom(new RandomZoom.Config(List.of(0.5), null, "reflect", "bilinear", 0, null,
                DataFormat.CHANNELS_FIRST));
        zoom.fixParameters(1.3f, 1.1f, 0.7f, 0.9f);
        LayerGradientCheck.check(zoom, Shape.of(2, 5, 4), 2, 5, true);
        RandomBrightness brightness = new RandomBrightness(new RandomBrightness.Config(-1, 1, -1, 1, null, null));
        brightness.fixParameters(0.3f, -0.2f);
        LayerGradientCheck.check(brightness, Shape.of(3, 4, 2), 2, 6, true);
        RandomContrast contrast = new RandomContrast(new RandomContrast.Config(0.5, 0.5, -10, 10, null, null));
        contrast.fixParameters(1.4f, 0.6f);
        LayerGradientCheck.check(contrast, Shape.of(3, 4, 2), 2, 7, true);
    }

    @Test
    void contracts() {
        Shape image = Shape.of(5, 6, 3);
        List<Supplier<Layer>> sameShape = List.of(RandomFlip::new, () -> new RandomRotation(0.2),
                () -> new RandomZoom(0.2), () -> new RandomTranslation(0.2, 0.1), () -> new RandomContrast(0.2),
                () -> new RandomBrightness(0.2));
        for (Supplier<Layer> f : sameShape) {
            LayerContract.check(f, image, image, 0);
        }
        LayerContract.check(() -> new RandomCrop(3, 4), image, Shape.of(3, 4, 3), 0);
        LayerContract.check(() -> new CenterCrop(3, 4), image, Shape.of(3, 4, 3), 0);
        LayerContract.check(() -> new Resizing(7, 2), image, Shape.of(7, 2, 3), 0);
        LayerContract.check(() -> new Resizing(new Resizing.Config(4, 4, "bilinear", false, false, 0,
                DataFormat.CHANNELS_FIRST)), Shape.of(3, 5, 6), Shape.of(3, 4, 4), 0);
    }

    @Test
    void badInput() {
        RandomFlip flip = new RandomFlip();
        var e = assertThrows(IllegalArgumentException.class, () -> flip.outputShape(Shape.of(5, 6)));
        assertTrue(e.getMessage().contains(flip.name()) && e.getMessage().contains("expected ndim=4")
                && e.getMessage().contains("(None, 5, 6)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new RandomFlip("diagonal"));
        assertTrue(e.getMessage().contains("diagonal"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new RandomRotation(1.5));
        assertTrue(e.getMessage().contains("RandomRotation") && e.getMessage().contains("1.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new RandomRotation(new RandomRotation.Config(-0.1, 0.1,
                "mirror", "bilinear", 0, null, null)));
        assertTrue(e.getMessage().contains("mirror"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new RandomRotation(new RandomRotation.Config(-0.1, 0.1,
                "reflect", "bicubic", 0, null, null)));
        assertTrue(e.getMessage().contains("bicubic"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new RandomZoom(-1));
        assertTrue(e.getMessage().contains("height_factor") && e.getMessage().contains("(-1.0, 1.0]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new RandomTranslation(0.1, 1.2));
        assertTrue(e.getMessage().contains("width_factor"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new RandomContrast(-0.2));
        assertTrue(e.getMessage().contains("RandomContrast") && e.getMessage().contains("[0, 1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Resizing(0, 3));
        assertTrue(e.getMessage().contains("Resizing"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Resizing(new Resizing.Config(3, 3, "bilinear",
                true, true, 0, null)));
        assertTrue(e.getMessage().contains("pad_to_aspect_ratio"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Resizing(new Resizing.Config(3, 3, "area",
                false, false, 0, null)));
        assertTrue(e.getMessage().contains("area"), e.getMessage());
        RandomCrop crop = new RandomCrop(3, 3);
        crop.fixParameters(4, 0);
        var s = assertThrows(IllegalStateException.class, () -> crop.call(image(1, 5, 5, 1), true));
        assertTrue(s.getMessage().contains("(4, 0)") && s.getMessage().contains("5x5"), s.getMessage());
    }
}
