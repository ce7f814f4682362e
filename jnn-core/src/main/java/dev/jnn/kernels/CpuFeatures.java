package dev.jnn.kernels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What the CPU can do that Java does not say: for now, whether it has fused multiply-add.
 *
 * <p>Kernels use {@code fma} only when the hardware has it, because a fused multiply-add without
 * hardware support is emulated and many times slower than a multiply followed by an add.
 */
final class CpuFeatures {
    private static final boolean FMA = detectFma();

    private CpuFeatures() {
    }

    /** True when the CPU executes fused multiply-add in hardware. */
    static boolean hasFma() {
        return FMA;
    }

    private static boolean detectFma() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (arch.contains("aarch64") || arch.contains("arm64")) {
            return true; // FMA is part of ARMv8's base floating-point instructions
        }
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try {
                return hasFmaFlag(Files.readString(cpuinfo));
            } catch (IOException | RuntimeException e) {
                return true;
            }
        }
        // No /proc (macOS, Windows): every x86 CPU with the AVX2 vectors that make the Vector API
        // worthwhile also has FMA, so assume it.
        return true;
    }

    /** True when a Linux /proc/cpuinfo text lists the "fma" flag. */
    static boolean hasFmaFlag(String cpuinfo) {
        for (String line : cpuinfo.split("\n")) {
            if (line.startsWith("flags")) {
                for (String flag : line.substring(line.indexOf(':') + 1).trim().split("\\s+")) {
                    if (flag.equals("fma")) {
                        return true;
                    }
                }
                return false;
            }
        }
        return true; // no x86 flags line: not an x86 kernel's format, assume a modern CPU
    }
}
