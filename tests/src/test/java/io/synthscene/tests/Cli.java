package io.synthscene.tests;

import io.synthscene.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the synthscene command line in-process and captures what it printed. */
final class Cli {
    private Cli() {
    }

    record Result(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    /** A bundled example scene, from the repository (tests run in the tests/ module folder). */
    static String example(String name) {
        return Path.of("..", "scenes", "examples", name).toAbsolutePath().normalize().toString();
    }
}
