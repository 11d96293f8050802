package io.synthscene.cli;

import java.io.PrintWriter;

/**
 * Plain progress lines for logs (batch jobs, CI): at most one per interval, plus a final one,
 * e.g. {@code rendered 120/200 frames (24.1 frames/s, ETA 3 s)}.
 */
final class PeriodicProgressLog implements ProgressReporter {
    private final int totalFrames;
    private final PrintWriter log;
    private final long intervalNanos;
    private final long startNanos = System.nanoTime();
    private long lastLineNanos = startNanos;
    private int done;

    PeriodicProgressLog(int totalFrames, PrintWriter log, long intervalNanos) {
        this.totalFrames = totalFrames;
        this.log = log;
        this.intervalNanos = intervalNanos;
    }

    @Override
    public synchronized void frameDone() {
        done++;
        long now = System.nanoTime();
        if (now - lastLineNanos >= intervalNanos && done < totalFrames) {
            lastLineNanos = now;
            printLine(now);
        }
    }

    @Override
    public synchronized void close() {
        printLine(System.nanoTime());
    }

    private void printLine(long now) {
        double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
        double rate = done / seconds;
        String eta = done < totalFrames && rate > 0 ? String.format(", ETA %.0f s", (totalFrames - done) / rate) : "";
        log.printf("rendered %d/%d frames (%.1f frames/s%s)%n", done, totalFrames, rate, eta);
        log.flush();
    }
}
