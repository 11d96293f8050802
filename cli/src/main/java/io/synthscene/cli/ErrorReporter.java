package io.synthscene.cli;

import io.synthscene.scenes.SceneException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions into messages and exit codes: bad input (a scene file, an option, an output
 * folder) exits 2 with the message alone; anything else exits 1 with the message and, when
 * {@code SYNTHSCENE_DEBUG} is set, the stack trace.
 */
final class ErrorReporter implements IExecutionExceptionHandler {
    static final int EXIT_RUNTIME_FAILURE = 1;
    static final int EXIT_BAD_INPUT = 2;

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        var err = commandLine.getErr();
        if (e instanceof SceneException || e instanceof UserInputException) {
            err.println("error: " + e.getMessage());
            err.flush();
            return EXIT_BAD_INPUT;
        }
        err.println("failed: " + describe(e));
        if (System.getenv("SYNTHSCENE_DEBUG") != null) {
            e.printStackTrace(err);
        } else {
            err.println("(set SYNTHSCENE_DEBUG=1 to see the stack trace)");
        }
        err.flush();
        return EXIT_RUNTIME_FAILURE;
    }

    private static String describe(Throwable e) {
        StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            message.append(": ").append(cause.getMessage());
        }
        return message.toString();
    }
}
