package dev.jnn.callbacks;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class PythonFormatTest {
    // Produced by CPython 3.11 with src/test/resources/dev/jnn/callbacks/fmt_ref.py
    private static final Object[][] PYTHON = {
        {0.5, "0", "0.5000", "5.0000e-01"},
        {1.5, "2", "1.5000", "1.5000e+00"},
        {2.5, "2", "2.5000", "2.5000e+00"},
        {-0.5, "-0", "-0.5000", "-5.0000e-01"},
        {0.0, "0", "0.0000", "0.0000e+00"},
        {-0.0, "-0", "-0.0000", "-0.0000e+00"},
        {1.00005, "1", "1.0001", "1.0001e+00"},
        {2.67505, "3", "2.6751", "2.6751e+00"},
        {0.12345, "0", "0.1235", "1.2345e-01"},
        {0.99995, "1", "1.0000", "9.9995e-01"},
        {9.99995e-05, "0", "0.0001", "9.9999e-05"},
        {0.000123456, "0", "0.0001", "1.2346e-04"},
        {-3.14159e-07, "-0", "-0.0000", "-3.1416e-07"},
        {1e-300, "0", "0.0000", "1.0000e-300"},
        {5e-324, "0", "0.0000", "4.9407e-324"},
        {1.2345678e+22, "12345678000000000327680", "12345678000000000327680.0000", "1.2346e+22"},
        {123456.78915, "123457", "123456.7891", "1.2346e+05"},
        {Double.NaN, "nan", "nan", "nan"},
        {Double.POSITIVE_INFINITY, "inf", "inf", "inf"},
        {Double.NEGATIVE_INFINITY, "-inf", "-inf", "-inf"},
        {0.00045, "0", "0.0004", "4.5000e-04"},
        {12345.5, "12346", "12345.5000", "1.2346e+04"},
        {99999.99995, "100000", "99999.9999", "1.0000e+05"},
    };

    @Test
    void formatsLikePython() {
        List<Executable> checks = new ArrayList<>();
        for (Object[] row : PYTHON) {
            double x = (Double) row[0];
            checks.add(() -> assertEquals(row[1], PythonFormat.fixed(x, 0), x + " .0f"));
            checks.add(() -> assertEquals(row[2], PythonFormat.fixed(x, 4), x + " .4f"));
            checks.add(() -> assertEquals(row[3], PythonFormat.scientific(x, 4), x + " .4e"));
        }
        assertAll(checks);
    }

    @Test
    void floorDivideAndModuloFollowPython() {
        // Python: 4995.0 // 3600 == 1.0, 4995.0 % 3600 == 1395.0, -7.5 // 2 == -4.0, -7.5 % 2 == 0.5
        assertEquals(1.0, PythonFormat.floorDivide(4995.0, 3600));
        assertEquals(1395.0, PythonFormat.modulo(4995.0, 3600));
        assertEquals(-4.0, PythonFormat.floorDivide(-7.5, 2));
        assertEquals(0.5, PythonFormat.modulo(-7.5, 2));
        assertEquals(-3, PythonFormat.truncate(-3.9));
        assertEquals(59, PythonFormat.truncate(59.999));
    }
}
