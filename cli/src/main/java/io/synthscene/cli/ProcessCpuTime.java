package io.synthscene.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time this process has used so far, all threads together (user + system), from
 * {@code /proc/self/stat}. Read from the file rather than through {@code java.lang.management}, so
 * that the trimmed Java runtime of the GPU bundle (java.base only) runs the bench too.
 *
 * <p>Resolution: the kernel counts in ticks of 1/USER_HZ s, and USER_HZ is 100 in Linux's user
 * ABI, so 10 ms.
 */
final class ProcessCpuTime {
    private static final Path STAT = Path.of("/proc/self/stat");
    private static final long NANOS_PER_TICK = 10_000_000L;
    /** utime and stime are fields 14 and 15 of the stat line, i.e. 11 and 12 after the ")" closing field 2. */
    private static final int UTIME_AFTER_COMM = 11;
    private static final int STIME_AFTER_COMM = 12;

    private ProcessCpuTime() {
    }

    /** Nanoseconds of CPU time so far, or -1 where {@code /proc/self/stat} cannot be read (not Linux). */
    static long nanos() {
        String stat;
        try {
            stat = Files.readString(STAT);
        } catch (IOException | UnsupportedOperationException e) {
            return -1; // no /proc (not Linux): the bench reports -1, unknown
        }
        // Field 2 is the command name in parentheses and may itself hold spaces or parentheses.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 1).trim().split("\\s+");
        long ticks = Long.parseLong(fields[UTIME_AFTER_COMM]) + Long.parseLong(fields[STIME_AFTER_COMM]);
        return ticks * NANOS_PER_TICK;
    }
}
