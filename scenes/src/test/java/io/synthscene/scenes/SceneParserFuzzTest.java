package io.synthscene.scenes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.SceneObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random byte and token mutations of the bundled examples never get anything out of the loader
 * but a {@link Scene} or a {@link SceneException} with positioned, readable problems; never hang
 * (each load has {@link #PER_CASE_SECONDS}); and a scene that loads samples its first frames
 * with finite numbers. Bounded for CI by the tries of each property (a few seconds on two
 * cores); the seed is fixed so that a failure in CI is the same failure on a laptop.
 */
class SceneParserFuzzTest {
    private static final long PER_CASE_SECONDS = 5;
    private static final String NAME = "fuzz.yaml";
    /** Tokens that tend to break parsers: YAML syntax, odd numbers, aliases, tags, control characters. */
    private static final List<String> NASTY = List.of("[", "]", "{", "}", ":", ": ", ",", "- ", "-", "\t", "\n", "  ",
            "#", "&a ", "*a", "!!binary ", "!!python/object ", "!foo ", "? ", "|", ">", "'", "\"", "%YAML 1.1\n", "---\n",
            "...\n", "~", "null", ".inf", "-.inf", ".nan", "Infinity", "NaN", "1e309", "-0", "0x7fffffff", "0o17",
            "99999999999999999999999", "1_000", "true", "yes", "", "\u0000", "\u001b", "\u00e9", "\ud83d\ude00",
            "\ufeff", "<<: ", "uniform: [", "choice: []", "weights: [-1]", "poisson: 1e9", "normal: {mean: 0, std: 0}",
            "1e308", "-1.7976931348623157e308", "4.9e-324", "x".repeat(200), "[".repeat(20_000), "{a: ".repeat(20_000));
    private static final Pattern TOKEN = Pattern.compile("\\s+|[\\[\\]{},:#&*!|>'\"?-]|[^\\s\\[\\]{},:#&*!|>'\"?-]+");

    private static final List<String> EXAMPLES = new ArrayList<>();
    private static Path folder;
    private static ExecutorService loader;

    @BeforeContainer
    static void readExamples() throws IOException {
        EXAMPLES.clear();
        for (String name : List.of("table-top.yaml", "urban-street.yaml", "intersection.yaml")) {
            EXAMPLES.add(Files.readString(Path.of("examples", name)));
        }
        folder = Files.createTempDirectory("synthscene-fuzz");
        loader = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "fuzz-loader");
            thread.setDaemon(true); // a hung load must not keep the test JVM alive
            return thread;
        });
    }

    @AfterContainer
    static void cleanUp() throws IOException {
        loader.shutdownNow();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Property(tries = 1500, seed = "20261126")
    void byteMutationsGiveASceneOrPositionedProblems(@ForAll("byteMutations") byte[] bytes) throws Exception {
        Path file = folder.resolve(NAME);
        Files.write(file, bytes);
        check(() -> SceneLoader.load(file, Limits.DEFAULT));
    }

    @Property(tries = 1500, seed = "20261126")
    void tokenMutationsGiveASceneOrPositionedProblems(@ForAll("tokenMutations") String text) throws Exception {
        check(() -> SceneLoader.parse(text, NAME, folder, Limits.DEFAULT));
    }

    private interface Load {
        Scene load() throws SceneException;
    }

    private static void check(Load load) throws Exception {
        Future<Object> outcome = loader.submit(() -> {
            try {
                Scene scene = load.load();
                // a scene that loads must also sample: every value in range, nothing infinite
                for (int i = 0; i < 2; i++) {
                    checkFinite(scene.sampleFrame(i));
                }
                return scene;
            } catch (SceneException e) {
                return e;
            }
        });
        Object result;
        try {
            result = outcome.get(PER_CASE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            outcome.cancel(true);
            fail("the loader took more than " + PER_CASE_SECONDS + " s");
            return;
        } catch (ExecutionException e) {
            throw new AssertionError("the loader threw " + e.getCause(), e.getCause());
        }
        Statistics.collect(result instanceof Scene ? "loads" : "refused");
        if (result instanceof SceneException e) {
            assertThat(e.problems()).isNotEmpty().hasSizeLessThanOrEqualTo(Limits.DEFAULT.maxProblemsShown() + 1);
            for (SceneProblem problem : e.problems()) {
                assertThat(problem.file()).isEqualTo(NAME);
                assertThat(problem.message()).isNotBlank().doesNotContain("org.yaml", "com.fasterxml", "java.", "Exception");
                // the file exists and is small: every problem is in it, except the count of those not shown
                if (!problem.message().startsWith("and ")) {
                    assertThat(problem.line()).as(problem.toString()).isPositive();
                    assertThat(problem.column()).as(problem.toString()).isPositive();
                }
            }
        }
    }

    private static void checkFinite(Frame frame) {
        List<Double> numbers = new ArrayList<>();
        var camera = frame.camera();
        numbers.add(camera.hfovDegrees());
        for (SceneObject object : frame.objects()) {
            numbers.add(object.scale());
            numbers.add(object.yawDegrees());
            numbers.add(object.position().x());
            numbers.add(object.position().y());
            numbers.add(object.position().z());
        }
        assertThat(numbers).allMatch(Double::isFinite);
    }

    @Provide
    Arbitrary<byte[]> byteMutations() {
        Arbitrary<Integer> example = Arbitraries.integers().between(0, 1);
        Arbitrary<List<int[]>> edits = Combinators.combine(
                        Arbitraries.integers().between(0, 4),          // what
                        Arbitraries.doubles().between(0, 1),           // where, as a share of the length
                        Arbitraries.integers().between(1, 64),         // how many bytes
                        Arbitraries.integers().between(0, 255))        // which byte
                .as((op, where, length, value) -> new int[] {op, (int) (where * 1_000_000), length, value})
                .list().ofMinSize(1).ofMaxSize(8);
        return Combinators.combine(example, edits).as((e, list) -> mutateBytes(
                EXAMPLES.get(e).getBytes(StandardCharsets.UTF_8), list));
    }

    private static byte[] mutateBytes(byte[] original, List<int[]> edits) {
        List<Byte> bytes = new ArrayList<>(original.length + 512);
        for (byte b : original) {
            bytes.add(b);
        }
        for (int[] edit : edits) {
            int at = bytes.isEmpty() ? 0 : (int) ((long) edit[1] * bytes.size() / 1_000_000);
            int end = Math.min(bytes.size(), at + edit[2]);
            switch (edit[0]) {
                case 0 -> { // flip one bit
                    if (at < bytes.size()) {
                        bytes.set(at, (byte) (bytes.get(at) ^ (1 << (edit[3] & 7))));
                    }
                }
                case 1 -> { // overwrite a byte
                    if (at < bytes.size()) {
                        bytes.set(at, (byte) edit[3]);
                    }
                }
                case 2 -> bytes.subList(at, end).clear(); // delete a run
                case 3 -> { // insert a run of one byte
                    for (int i = 0; i < edit[2]; i++) {
                        bytes.add(at, (byte) edit[3]);
                    }
                }
                default -> bytes.subList(end, end).addAll(new ArrayList<>(bytes.subList(at, end))); // duplicate a run
            }
        }
        byte[] out = new byte[bytes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes.get(i);
        }
        return out;
    }

    @Provide
    Arbitrary<String> tokenMutations() {
        Arbitrary<Integer> example = Arbitraries.integers().between(0, 1);
        Arbitrary<List<int[]>> edits = Combinators.combine(
                        Arbitraries.integers().between(0, 4),
                        Arbitraries.integers().between(0, Integer.MAX_VALUE),
                        Arbitraries.integers().between(0, Integer.MAX_VALUE))
                .as((op, a, b) -> new int[] {op, a, b})
                .list().ofMinSize(1).ofMaxSize(6);
        return Combinators.combine(example, edits).as((e, list) -> mutateTokens(EXAMPLES.get(e), list));
    }

    private static String mutateTokens(String text, List<int[]> edits) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        for (int[] edit : edits) {
            if (tokens.isEmpty()) {
                tokens.add(NASTY.get(edit[2] % NASTY.size()));
                continue;
            }
            int at = edit[1] % tokens.size();
            int other = edit[2] % tokens.size();
            switch (edit[0]) {
                case 0 -> tokens.remove(at);
                case 1 -> tokens.add(at, tokens.get(other));
                case 2 -> {
                    String t = tokens.get(at);
                    tokens.set(at, tokens.get(other));
                    tokens.set(other, t);
                }
                case 3 -> tokens.set(at, NASTY.get(edit[2] % NASTY.size()));
                default -> tokens.add(at, NASTY.get(edit[2] % NASTY.size()));
            }
        }
        return String.join("", tokens);
    }
}
