package io.synthscene.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthscene.assets.AssetLoadException;
import io.synthscene.scenes.Limits;
import io.synthscene.scenes.SceneException;
import io.synthscene.scenes.SceneProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets a message and exit 2; a bug gets a short message, a log file with the trace, and exit 1. */
class ErrorReporterTest {
    private static final Clock NOON = Clock.fixed(Instant.parse("2026-11-26T12:00:00.123Z"), ZoneOffset.UTC);
    private static final Pattern LOG = Pattern.compile("the stack trace is in (\\S+\\.log)");

    @TempDir
    Path temp;

    private final StringWriter printed = new StringWriter();

    private int report(Throwable e, Map<String, String> environment) {
        return new ErrorReporter(environment::get, NOON).report(e, new PrintWriter(printed, true));
    }

    @Test
    void anInternalFailurePrintsAShortMessageAndWhereItsStackTraceWasWritten() throws IOException {
        Exception bug = new IllegalStateException("frame queue closed", new ArithmeticException("/ by zero"));
        int code = report(bug, Map.of("SYNTHSCENE_ERROR_LOG_DIR", temp.toString()));
        assertThat(code).isEqualTo(1);
        assertThat(printed.toString()).startsWith("failed: frame queue closed: / by zero\n").doesNotContain("\tat ");
        Matcher log = LOG.matcher(printed.toString());
        assertThat(log.find()).as(printed.toString()).isTrue();
        Path file = Path.of(log.group(1));
        assertThat(file).hasFileName("synthscene-error-20261126T120000.123Z.log").hasParent(temp);
        assertThat(Files.readString(file)).contains("java.lang.IllegalStateException: frame queue closed",
                "\tat io.synthscene.cli.ErrorReporterTest", "Caused by: java.lang.ArithmeticException: / by zero");
    }

    @Test
    void twoFailuresInTheSameMillisecondGetTwoLogs() {
        Map<String, String> env = Map.of("SYNTHSCENE_ERROR_LOG_DIR", temp.toString());
        report(new IllegalStateException("one"), env);
        report(new IllegalStateException("two"), env);
        assertThat(temp.resolve("synthscene-error-20261126T120000.123Z.log")).content().contains("one");
        assertThat(temp.resolve("synthscene-error-20261126T120000.123Z-1.log")).content().contains("two");
    }

    @Test
    void debugPrintsTheStackTraceToo() {
        int code = report(new StackOverflowError(), Map.of("SYNTHSCENE_ERROR_LOG_DIR", temp.toString(), "SYNTHSCENE_DEBUG", "1"));
        assertThat(code).isEqualTo(1);
        assertThat(printed.toString()).startsWith("failed: StackOverflowError\n").contains("\tat ");
    }

    @Test
    void whenNoLogCanBeWrittenTheMessageSaysHowToSeeTheTrace() throws IOException {
        Path notAFolder = Files.writeString(temp.resolve("file"), "x");
        int code = report(new IllegalStateException("boom"), Map.of("SYNTHSCENE_ERROR_LOG_DIR", notAFolder.toString()));
        assertThat(code).isEqualTo(1);
        assertThat(printed.toString()).isEqualTo("failed: boom\n(set SYNTHSCENE_DEBUG=1 to see the stack trace)\n");
    }

    @Test
    void badInputIsOneMessageAndExitTwoEvenInDebugMode() {
        Map<String, String> debug = Map.of("SYNTHSCENE_DEBUG", "1", "SYNTHSCENE_ERROR_LOG_DIR", temp.toString());
        SceneException scene = new SceneException(List.of(new SceneProblem("a.yaml", 3, 7, "frames", "0 must be >= 1")));
        assertThat(report(scene, debug)).isEqualTo(2);
        assertThat(report(new UserInputException("--out x is not a folder"), debug)).isEqualTo(2);
        assertThat(report(new Limits.InvalidLimitException("SYNTHSCENE_MAX_OBJECTS=x is not a whole number"), debug)).isEqualTo(2);
        assertThat(report(new AssetLoadException(Path.of("chair.glb"), "Assimp: Unexpected end of file"), debug)).isEqualTo(2);
        assertThat(printed.toString()).isEqualTo("error: a.yaml:3:7: frames: 0 must be >= 1\n"
                + "error: --out x is not a folder\nerror: SYNTHSCENE_MAX_OBJECTS=x is not a whole number\n"
                + "error: cannot load model file chair.glb: Assimp: Unexpected end of file\n");
        assertThat(temp).isEmptyDirectory();
    }
}
