package io.synthscene.cli;

/**
 * Tells the user how a batch is going. Created by the pipeline for one batch and closed at its end.
 * Called from worker threads: implementations are thread-safe.
 */
interface ProgressReporter extends AutoCloseable {

    /** One more frame is completely written. */
    void frameDone();

    @Override
    void close();

    /** A progress bar on an interactive terminal, periodic log lines otherwise. */
    static ProgressReporter forConsole(int totalFrames, java.io.PrintWriter log) {
        return System.console() != null
                ? new TerminalProgressBar(totalFrames)
                : new PeriodicProgressLog(totalFrames, log, 5_000_000_000L);
    }
}
