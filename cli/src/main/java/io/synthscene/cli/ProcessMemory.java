package io.synthscene.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * This process's resident memory as Linux reports it in {@code /proc/self/status}: the current
 * resident set ({@code VmRSS}) and its peak since the process started ({@code VmHWM}, the
 * "high water mark"). Both count native memory (GL driver, OpenCV, direct buffers) as well as
 * the Java heap, which is what a leak of native buffers or GL objects would show in.
 */
public final class ProcessMemory {
    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessMemory() {
    }

    /** Peak resident memory in bytes, or -1 where {@code /proc/self/status} has no VmHWM (not Linux). */
    public static long peakResidentBytes() {
        return field("VmHWM:");
    }

    /** Current resident memory in bytes, or -1 where {@code /proc/self/status} has no VmRSS. */
    public static long residentBytes() {
        return field("VmRSS:");
    }

    private static long field(String name) {
        List<String> lines;
        try {
            lines = Files.readAllLines(STATUS);
        } catch (IOException | UnsupportedOperationException e) {
            return -1; // no /proc (not Linux): the bench reports -1, unknown
        }
        for (String line : lines) {
            if (line.startsWith(name)) {
                // e.g. "VmHWM:\t  123456 kB"
                String[] parts = line.substring(name.length()).trim().split("\\s+");
                long value = Long.parseLong(parts[0]);
                return parts.length > 1 && parts[1].equalsIgnoreCase("kB") ? value * 1024 : value;
            }
        }
        return -1;
    }
}
