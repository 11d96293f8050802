package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.synthscene.scenes.SceneException;
import io.synthscene.scenes.SceneLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hundreds of broken scene files, made by mutating the bundled examples ({@link MalformedScenes}),
 * each run through the real command line: exit code 2, one message naming the file and, where
 * the file could be read, line, column and field, no stack trace, and an output folder left as
 * it was. A few also run in a fresh JVM, to see what reaches a user's terminal.
 */
class MalformedSceneCorpusTest {
    /** Each case is refused in far less; a hang or a runaway parse fails here. */
    private static final Duration PER_CASE = Duration.ofSeconds(10);
    private static final String DATASET_MARKER = ".synthscene-dataset";

    @TempDir
    Path temp;

    private static final List<String> EXAMPLES = List.of("table-top.yaml", "urban-street.yaml", "intersection.yaml",
            "urban-night.yaml", "urban-weather.yaml", "occluders.yaml", "textures.yaml", "urban-rig.yaml");

    private static List<MalformedScenes.Case> unfiltered() throws IOException {
        List<String> texts = new ArrayList<>();
        for (String name : EXAMPLES) {
            texts.add(Files.readString(Path.of(Cli.example(name))));
        }
        return MalformedScenes.of(EXAMPLES, texts);
    }

    static List<MalformedScenes.Case> corpus() throws IOException {
        List<MalformedScenes.Case> cases = new ArrayList<>();
        for (MalformedScenes.Case c : unfiltered()) {
            // a file cut after a complete group is a valid, smaller scene: not a broken one
            if (!c.mutation().equals("truncated files") || !loads(c.bytes())) {
                cases.add(c);
            }
        }
        return cases;
    }

    private static boolean loads(byte[] bytes) {
        try {
            SceneLoader.parse(new String(bytes, StandardCharsets.UTF_8), "prefix.yaml", null);
            return true;
        } catch (SceneException e) {
            return false;
        }
    }

    @Test
    void theCorpusHasAtLeastTwoHundredCasesInEveryMutationClass() throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        List<MalformedScenes.Case> corpus = corpus();
        corpus.forEach(c -> counts.merge(c.mutation(), 1, Integer::sum));
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(200);
        assertThat(counts.keySet()).contains("wrong type", "missing required field", "unknown key", "out-of-range values",
                "NaN and infinities", "negative counts", "inverted ranges", "empty choice lists", "bad weights",
                "huge resolutions", "deep nesting", "duplicated keys", "tabs for indentation", "non-UTF-8 bytes",
                "control characters", "truncated files", "alias bombs", "binary garbage", "empty files", "too large",
                "limits", "other YAML", MalformedScenes.MUTATION_DIRECTORY, MalformedScenes.MUTATION_MISSING);
        // the table in docs/RELIABILITY.md is made from this file
        StringBuilder table = new StringBuilder();
        counts.forEach((mutation, count) -> table.append(mutation).append('\t').append(count).append('\n'));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "malformed-scenes.tsv"), table + "total\t" + corpus.size() + "\n"
                + "valid prefixes left out of truncated files\t" + (unfiltered().size() - corpus.size()) + "\n");
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < corpus.size(); i++) {
            list.append(String.format("case-%03d.yaml\t%s\t%s%n", i, corpus.get(i).mutation(), corpus.get(i).description()));
        }
        Files.writeString(Path.of("target", "malformed-scenes-cases.tsv"), list);
    }

    @TestFactory
    Stream<DynamicTest> everyMalformedSceneExitsTwoWithOneClearMessageAndLeavesTheOutputFolderAsItWas() throws IOException {
        List<MalformedScenes.Case> corpus = corpus();
        return IntStream.range(0, corpus.size()).mapToObj(i -> dynamicTest(String.format("%03d %s", i, corpus.get(i)),
                () -> check(i, corpus.get(i))));
    }

    private void check(int index, MalformedScenes.Case c) throws IOException {
        String name = String.format("case-%03d.yaml", index);
        Path scene = temp.resolve(name);
        if (c.mutation().equals(MalformedScenes.MUTATION_DIRECTORY)) {
            Files.createDirectories(scene);
        } else if (c.bytes() != null) {
            Files.write(scene, c.bytes());
        }
        // every third case finds a finished dataset in --out and asks to overwrite it: it must survive
        Path out = temp.resolve("out-" + index);
        boolean existing = index % 3 == 0;
        Map<String, String> before = existing ? dataset(out) : Map.of();
        List<String> args = new ArrayList<>(List.of("render", scene.toString(), "--out", out.toString(),
                "--frames", "1", "--size", "16x16"));
        if (existing) {
            args.add("--overwrite");
        }
        Cli.Result result = assertTimeoutPreemptively(PER_CASE, () -> Cli.run(args.toArray(String[]::new)));

        assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).doesNotContain("\tat ").doesNotContain("Exception").startsWith("error: " + name);
        List<String> lines = result.err().lines().toList();
        assertThat(lines).as("every line names the file").allMatch(l -> l.startsWith("error: " + name) || l.startsWith(name));
        assertThat(lines).hasSizeBetween(1, 101 + 1);
        Pattern expected = Pattern.compile(Pattern.quote(name) + switch (c.where()) {
            case FILE -> ": " + c.expected() + ".*";
            case SOME_POSITION -> ":[1-9]\\d*:[1-9]\\d*: .+";
            default -> ":" + c.expected() + ".*";
        });
        assertThat(lines.stream().map(l -> l.replaceFirst("^error: ", "")))
                .as("a line matching %s", expected).anyMatch(l -> expected.matcher(l).matches());
        if (existing) {
            assertThat(snapshot(out)).as("the dataset in --out is untouched").isEqualTo(before);
        } else {
            assertThat(out).doesNotExist();
        }
    }

    /** A finished dataset as synthscene leaves it (marker, a file), and its snapshot. */
    private static Map<String, String> dataset(Path out) throws IOException {
        Files.createDirectories(out.resolve("images"));
        Files.writeString(out.resolve(DATASET_MARKER), "");
        Files.writeString(out.resolve("images/000000.png"), "not really a png");
        Files.writeString(out.resolve("dataset.json"), "{\"frames\": 1}");
        return snapshot(out);
    }

    private static Map<String, String> snapshot(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.toList()) {
                files.put(folder.relativize(p).toString(), Files.isDirectory(p) ? "/" : Files.readString(p));
            }
        }
        return files;
    }

    /** What a user's terminal shows: run in a fresh JVM, nothing on stderr but the message. */
    @Test
    void inAFreshJvmABadSceneExitsTwoAndPrintsNoStackTrace() throws Exception {
        List<MalformedScenes.Case> corpus = corpus();
        List<String> chosen = List.of("missing file", "alias bombs", "deep nesting", "binary garbage", "too large");
        for (String mutation : chosen) {
            MalformedScenes.Case c = corpus.stream().filter(k -> k.mutation().equals(mutation)).reduce((a, b) -> b).orElseThrow();
            Path scene = temp.resolve("jvm-" + chosen.indexOf(mutation) + ".yaml");
            if (c.bytes() != null) {
                Files.write(scene, c.bytes());
            }
            Path out = temp.resolve("jvm-out-" + chosen.indexOf(mutation));
            String java = ProcessHandle.current().info().command().orElse("java");
            Process process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    "io.synthscene.cli.Main", "render", scene.toString(), "--out", out.toString())
                    .redirectOutput(temp.resolve("stdout.txt").toFile())
                    .redirectError(temp.resolve("stderr.txt").toFile())
                    .start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(c.toString()).isTrue();
            String err = Files.readString(temp.resolve("stderr.txt"));
            assertThat(process.exitValue()).as(c + ": " + err).isEqualTo(2);
            assertThat(err).as(c.toString()).startsWith("error: " + scene.getFileName())
                    .doesNotContain("\tat ").doesNotContain("Exception");
            assertThat(out).doesNotExist();
        }
    }
}
