package dev.jnn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.data.CsvOptions.Labels;
import dev.jnn.tensor.Shape;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {
    @TempDir
    Path tmp;

    private static final String FLOWERS = """
            sepal,petal,species
            1.0,2.0,versicolor
            3,4e-1, setosa
            -5.5,"6",versicolor
            """;

    @Test
    void labelByNameWithClassNamesInSortedOrder() {
        CsvData d = Csv.parse(FLOWERS, CsvOptions.defaults().labelColumn("species").labels(Labels.CLASS_NAMES));
        assertEquals(Shape.of(3, 2), d.features().shape());
        assertArrayEquals(new float[] {1, 2, 3, 0.4f, -5.5f, 6}, d.features().data());
        assertEquals(List.of("setosa", "versicolor"), d.classes());
        assertArrayEquals(new float[] {1, 0, 1}, d.labels().data());
        assertEquals(List.of("sepal", "petal"), d.columns());
        assertEquals(3, d.toDataset().size());
    }

    @Test
    void labelByIndexCountsFromEitherEnd() {
        String text = "7,1,2\n8,3,4\n";
        CsvData first = Csv.parse(text, CsvOptions.defaults().header(false).labelColumn(0).labels(Labels.CLASS_INDICES));
        assertArrayEquals(new float[] {7, 8}, first.labels().data());
        assertArrayEquals(new float[] {1, 2, 3, 4}, first.features().data());
        assertEquals(List.of("1", "2"), first.columns());
        CsvData last = Csv.parse(text, CsvOptions.defaults().header(false).labelColumn(-1));
        assertArrayEquals(new float[] {2, 4}, last.labels().data());
        assertArrayEquals(new float[] {7, 1, 8, 3}, last.features().data());
    }

    @Test
    void numericStringClassesSortNumerically() {
        CsvData d = Csv.parse("x,y\n1,10\n2,2\n3,-1\n4,2\n",
                CsvOptions.defaults().labelColumn("y").labels(Labels.CLASS_NAMES));
        assertEquals(List.of("-1", "2", "10"), d.classes());
        assertArrayEquals(new float[] {2, 1, 0, 1}, d.labels().data());
    }

    @Test
    void noLabelColumnGivesFeaturesOnly() {
        CsvData d = Csv.parse("a;b\n1;2\n\n3;4\r\n", CsvOptions.defaults().delimiter(';'));
        assertNull(d.labels());
        assertArrayEquals(new float[] {1, 2, 3, 4}, d.features().data());
        assertThrows(IllegalArgumentException.class, d::toDataset);
    }

    @Test
    void specialNumbersAndQuotes() {
        CsvData d = Csv.parse("\"a\",b\nnan,-inf\n\" 1.5 \",+2.\n", CsvOptions.defaults());
        float[] v = d.features().data();
        assertTrue(Float.isNaN(v[0]));
        assertEquals(Float.NEGATIVE_INFINITY, v[1]);
        assertEquals(1.5f, v[2]);     // spaces around a number are ignored, quoted or not
        assertEquals(2f, v[3]);
        assertEquals(List.of("a", "b"), d.columns());
    }

    @Test
    void nonNumericCellNamesLineAndColumn() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Csv.parse("a,b\n1,2\n3,x4\n", CsvOptions.defaults()));
        assertTrue(e.getMessage().contains("line 3, column 2 ('b')") && e.getMessage().contains("'x4'"),
                e.getMessage());
        var empty = assertThrows(IllegalArgumentException.class,
                () -> Csv.parse("1,,3\n", CsvOptions.defaults().header(false)));
        assertTrue(empty.getMessage().contains("line 1, column 2"), empty.getMessage());
        for (String bad : List.of("1f", "0x10", "1e", "--1", ".", "1,5.5.5")) {
            assertThrows(IllegalArgumentException.class,
                    () -> Csv.parse(bad + "\n", CsvOptions.defaults().header(false)), bad);
        }
    }

    @Test
    void raggedRowsNameTheLine() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Csv.parse("a,b,c\n1,2,3\n4,5\n", CsvOptions.defaults()));
        assertTrue(e.getMessage().contains("line 3 has 2 cells, expected 3"), e.getMessage());
        var noHeader = assertThrows(IllegalArgumentException.class,
                () -> Csv.parse("1,2\n\n3,4,5\n", CsvOptions.defaults().header(false)));
        assertTrue(noHeader.getMessage().contains("line 3") && noHeader.getMessage().contains("first row"),
                noHeader.getMessage());
    }

    @Test
    void badLabelOptionsAreExplained() {
        var missing = assertThrows(IllegalArgumentException.class,
                () -> Csv.parse("a,b\n1,2\n", CsvOptions.defaults().labelColumn("c")));
        assertTrue(missing.getMessage().contains("no column named 'c'"), missing.getMessage());
        var range = assertThrows(IllegalArgumentException.class,
                () -> Csv.parse("a,b\n1,2\n", CsvOptions.defaults().labelColumn(5)));
        assertTrue(range.getMessage().contains("index 5 is out of range for 2 columns"), range.getMessage());
        var fraction = assertThrows(IllegalArgumentException.class, () -> Csv.parse("a,b\n1,2.5\n",
                CsvOptions.defaults().labelColumn("b").labels(Labels.CLASS_INDICES)));
        assertTrue(fraction.getMessage().contains("line 2, column 2 ('b')"), fraction.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CsvOptions.defaults().header(false).labelColumn("x"));
        assertThrows(IllegalArgumentException.class, () -> Csv.parse("a\n\"1\n", CsvOptions.defaults()));
    }

    @Test
    void emptyInputsGiveEmptyFeatures() {
        assertEquals(Shape.of(0, 2), Csv.parse("a,b\n", CsvOptions.defaults()).features().shape());
        assertEquals(Shape.of(0, 0), Csv.parse("", CsvOptions.defaults().header(false)).features().shape());
    }

    @Test
    void readsGzipFilesAndNamesThemInErrors() throws IOException {
        Path f = tmp.resolve("t.csv.gz");
        try (var out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write("a,b\n1,2\n3,oops\n".getBytes(StandardCharsets.UTF_8));
        }
        var e = assertThrows(IllegalArgumentException.class, () -> Csv.read(f, CsvOptions.defaults()));
        assertTrue(e.getMessage().startsWith(f.toString() + ": line 3, column 2"), e.getMessage());
    }

    @Test
    void readsRealIrisFile() throws IOException, URISyntaxException {
        Path iris = Path.of(CsvTest.class.getResource("/data/iris.csv").toURI());
        Dataset d = Csv.read(iris, CsvOptions.defaults().header(false).skipLines(1).labelColumn(-1)
                .labels(Labels.CLASS_INDICES)).toDataset();
        assertEquals(Shape.of(150, 4), d.x().shape());
        assertArrayEquals(new float[] {5.1f, 3.5f, 1.4f, 0.2f}, d.x().sliceRows(0, 1).data());
        int[] counts = new int[3];
        for (float v : d.y().data()) {
            counts[(int) v]++;
        }
        assertArrayEquals(new int[] {50, 50, 50}, counts);
    }
}
