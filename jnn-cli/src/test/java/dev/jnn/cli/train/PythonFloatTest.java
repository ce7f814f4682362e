package dev.jnn.cli.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected strings are Python 3's {@code repr(float(x))}. */
class PythonFloatTest {
    @ParameterizedTest
    @CsvSource({"0.1, 0.1", "1, 1.0", "-2.5, -2.5", "0.0001, 0.0001", "0.00001, 1e-05", "1.5e-7, 1.5e-07",
        "123456789012345.0, 123456789012345.0", "1e16, 1e+16", "1.25e17, 1.25e+17", "0.6931471824645996, 0.6931471824645996",
        "100, 100.0", "0, 0.0", "-0.0, -0.0", "NaN, nan", "Infinity, inf", "-Infinity, -inf"})
    void matchesPythonRepr(double x, String python) {
        assertEquals(python, PythonFloat.repr(x));
    }
}
