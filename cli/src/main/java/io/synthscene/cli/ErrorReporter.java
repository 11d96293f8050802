package io.synthscene.cli;

import io.synthscene.assets.AssetLoadException;
import io.synthscene.scenes.Limits;
import io.synthscene.scenes.SceneException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions into messages and exit codes. Bad input (a scene file, a model file it names,
 * an option, a limit setting, an output folder) exits 2 with the message alone, never a stack trace. Anything else
 * is an internal failure: exit 1 with a short message and the path of a log file that holds the
 * stack trace ({@code synthscene-error-<UTC time>.log} in the system's temporary folder, or in
 * {@code SYNTHSCENE_ERROR_LOG_DIR}); with {@code SYNTHSCENE_DEBUG} set the trace is printed too.
 * No rendering device (no GPU for {@code --device gpu}, no EGL driver) and a GPU context lost
 * while running are the machine's state, not a bug: exit 1 with the message alone, which names
 * the device and what was tried and found.
 *
 * <p>Created by {@link Main} for each command line; holds no state between reports.
 */
final class ErrorReporter implements IExecutionExceptionHandler {
    static final int EXIT_RUNTIME_FAILURE = 1;
    static final int EXIT_BAD_INPUT = 2;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final Function<String, String> environment;
    private final Clock clock;

    ErrorReporter() {
        this(System::getenv, Clock.systemUTC());
    }

    /** With the environment and clock given (for tests). */
    ErrorReporter(Function<String, String> environment, Clock clock) {
        this.environment = environment;
        this.clock = clock;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        return report(e, commandLine.getErr());
    }

    /** Reports any throwable, errors such as {@link StackOverflowError} included, and returns the exit code. */
    int report(Throwable e, PrintWriter err) {
        if (isBadInput(e)) {
            err.println("error: " + e.getMessage());
            err.flush();
            return EXIT_BAD_INPUT;
        }
        if (e instanceof io.synthscene.engine.NoSuchDeviceException || e instanceof io.synthscene.engine.GpuContextLostException) {
            // the machine's graphics set-up, not a bug: its message names the device asked for, what was tried and found
            err.println("failed: " + e.getMessage());
            err.flush();
            return EXIT_RUNTIME_FAILURE;
        }
        err.println("failed: " + describe(e));
        Path log = writeLog(e);
        if (log != null) {
            err.println("this is a bug in synthscene or its environment; the stack trace is in " + log);
        }
        if (environment.apply("SYNTHSCENE_DEBUG") != null) {
            e.printStackTrace(err);
        } else if (log == null) {
            err.println("(set SYNTHSCENE_DEBUG=1 to see the stack trace)");
        }
        err.flush();
        return EXIT_RUNTIME_FAILURE;
    }

    static boolean isBadInput(Throwable e) {
        // a model file that cannot be imported is the scene's fault, as AssetLoadException says
        return e instanceof SceneException || e instanceof UserInputException || e instanceof Limits.InvalidLimitException
                || e instanceof AssetLoadException;
    }

    /** Writes the stack trace to a new log file; null when no file can be written (the message says so). */
    private Path writeLog(Throwable e) {
        String configured = environment.apply("SYNTHSCENE_ERROR_LOG_DIR");
        Path folder = Path.of(configured != null && !configured.isBlank() ? configured : System.getProperty("java.io.tmpdir"));
        try {
            StringWriter trace = new StringWriter();
            try (PrintWriter writer = new PrintWriter(trace)) {
                writer.println("synthscene " + VersionInfo.version() + ", Java " + System.getProperty("java.version")
                        + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
                e.printStackTrace(writer);
            }
            String stamp = STAMP.format(clock.instant());
            Files.createDirectories(folder);
            for (int attempt = 0; attempt < 100; attempt++) {
                Path log = folder.resolve("synthscene-error-" + stamp + (attempt == 0 ? "" : "-" + attempt) + ".log");
                try {
                    return Files.writeString(log, trace.toString(), StandardCharsets.UTF_8,
                            java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
                } catch (java.nio.file.FileAlreadyExistsException taken) {
                    // another failure in the same millisecond: try the next name
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // reporting must not fail in turn; the caller prints how to see the trace instead
        }
        return null;
    }

    private static String describe(Throwable e) {
        StringBuilder message = new StringBuilder(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            message.append(": ").append(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
        }
        return message.toString();
    }
}
