package io.synthscene.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Runs the work of a command that writes a new folder from existing files ({@code merge},
 * {@code export}) and turns a full disk or a read-only file system into a message and exit 1
 * instead of an internal-error report. Every file is written whole or not at all, and the folder
 * is synthscene's, so running the command again with {@code --overwrite} once there is room
 * replaces it.
 */
final class StorageStop {
    private StorageStop() {
    }

    static int run(Path out, PrintWriter log, String command, Callable<Integer> work) throws Exception {
        try {
            return work.call();
        } catch (RuntimeException e) {
            String reason = StorageFailure.reason(e);
            if (reason == null) {
                throw e;
            }
            log.printf("failed: cannot write into %s: %s%n%s is not complete; once there is room again, run the same"
                    + " %s command with --overwrite%n", out, reason, out, command);
            log.flush();
            return ErrorReporter.EXIT_RUNTIME_FAILURE;
        }
    }
}
