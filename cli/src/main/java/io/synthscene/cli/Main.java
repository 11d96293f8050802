package io.synthscene.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of the {@code synthscene} command. Exit codes: 0 done, 1 failed at run time, 2 bad input or usage. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        if (SignalStop.shuttingDown()) {
            // A signal started the JVM's shutdown; it exits with 128 + the signal number once the
            // hooks return. System.exit would block here anyway, or race that exit code.
            while (true) {
                java.util.concurrent.locks.LockSupport.park();
            }
        }
        System.exit(code);
    }

    /**
     * Runs one command line in-process (used by the tests too) and returns its exit code. Nothing
     * escapes: picocli hands exceptions of the command to the {@link ErrorReporter}, and whatever
     * gets past picocli (an {@link Error} such as a stack overflow) is reported the same way.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, System.getenv());
    }

    /**
     * Runs one command line in-process with the given environment (for the shard variables of
     * batch systems, and {@code SYNTHSCENE_DEBUG} / {@code SYNTHSCENE_ERROR_LOG_DIR} for the error
     * report) instead of the process's own.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, java.util.Map<String, String> environment) {
        ErrorReporter reporter = new ErrorReporter(environment::get, java.time.Clock.systemUTC());
        try {
            CommandLine commandLine = new CommandLine(new SynthsceneCommand(environment));
            commandLine.setOut(out);
            commandLine.setErr(err);
            commandLine.setExecutionExceptionHandler(reporter);
            return commandLine.execute(args);
        } catch (Throwable e) {
            if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
                // out of memory: the JVM may not be able to do much more than this
                err.println("failed: " + e + " (give the JVM more memory with SYNTHSCENE_JAVA_OPTS=-Xmx...)");
                err.flush();
                return ErrorReporter.EXIT_RUNTIME_FAILURE;
            }
            return reporter.report(e, err);
        }
    }
}
