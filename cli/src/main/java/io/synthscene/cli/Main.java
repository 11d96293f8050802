package io.synthscene.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of the {@code synthscene} command. Exit codes: 0 done, 1 failed at run time, 2 bad input or usage. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line in-process (used by the tests too) and returns its exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new SynthsceneCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(new ErrorReporter());
        return commandLine.execute(args);
    }
}
