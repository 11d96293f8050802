package io.synthscene.tests;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A corpus of broken scene files made by mutating the valid bundled examples, one mutation per
 * file, each with what its error message must say. Deterministic: the same examples give the same
 * corpus.
 *
 * <p>What a message must hold depends on the class of mutation ({@link Where}): a value that is
 * wrong is reported at its own line and column with its field; a missing field at the map that
 * lacks it; a syntax or encoding error at a line and column without a field (the tree could not be
 * read, so there is no field); a file that cannot be read at all (missing, a folder, too large)
 * without a position.
 */
final class MalformedScenes {
    /** What the message of a case must locate. */
    enum Where {
        /** {@code file:L:C: field: message}, L, C and the field known in advance. */
        FIELD,
        /** {@code file:L:C: field: message} for some L, C >= 1 (the enclosing map of a missing field). */
        SOME_FIELD,
        /** {@code file:L:C: message}, L and C known in advance, no field (syntax, encoding). */
        POSITION,
        /** {@code file:L:C: ...} for some L, C >= 1 (a truncated file may fail anywhere after the cut). */
        SOME_POSITION,
        /** {@code file: message}: the file itself cannot be read. */
        FILE
    }

    /**
     * One broken file.
     *
     * @param mutation the mutation class (one row of docs/RELIABILITY.md)
     * @param bytes    the file's content; null for a case that is not a regular file
     * @param expected a regular expression one line of the message must match, the file name left
     *                 out (it is prefixed when checked: {@code <name>:})
     */
    record Case(String mutation, String description, byte[] bytes, Where where, String expected) {
        @Override
        public String toString() {
            return mutation + ": " + description;
        }
    }

    /** A case that is not a file's content: the scene path is a folder, or nothing. */
    static final String MUTATION_DIRECTORY = "a folder instead of a file";
    static final String MUTATION_MISSING = "missing file";

    private final List<Case> cases = new ArrayList<>();

    private MalformedScenes() {
    }

    /** Every case for the given examples (their names and texts). */
    static List<Case> of(List<String> names, List<String> texts) {
        MalformedScenes corpus = new MalformedScenes();
        for (int i = 0; i < names.size(); i++) {
            corpus.mutate(names.get(i), texts.get(i));
        }
        corpus.wholeFileCases(texts.get(0));
        return corpus.cases;
    }

    /** Block-style keys whose value must be a whole number (not a distribution). */
    private static final List<String> WHOLE_NUMBER_KEYS = List.of("seed", "frames", "lanes_per_direction", "lane");

    /** {@code  key: value  # comment} in block style; group 4 is the value. */
    private static final Pattern BLOCK_SCALAR = Pattern.compile("^(\\s*(?:- )?)([a-z_]+): (-?[0-9][0-9.]*)(\\s*(#.*)?)$");
    private static final Pattern BLOCK_KEY = Pattern.compile("^(\\s*(?:- )?)([a-z_]{4,}):(.*)$");
    private static final Pattern UNIFORM = Pattern.compile("uniform: \\[(-?[0-9.]+), (-?[0-9.]+)\\]");
    private static final Pattern CHOICE_LIST = Pattern.compile("choice: \\[([^\\[\\]]+)\\]");
    private static final Pattern WEIGHTS = Pattern.compile("weights: \\[([^\\]]+)\\]");
    private static final Pattern REGION_RANGE = Pattern.compile("([xz]): \\[(-?[0-9.]+), (-?[0-9.]+)\\]");

    private void mutate(String example, String text) {
        List<String> lines = List.of(text.split("\n", -1));
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            Matcher scalar = BLOCK_SCALAR.matcher(line);
            if (scalar.matches()) {
                int column = scalar.start(3) + 1;
                String key = scalar.group(2);
                for (String wrong : List.of("\"12\"", "true", "[1, 2]", "twelve")) {
                    add("wrong type", example + " " + key + ": " + wrong, replaceLine(lines, n,
                            line.substring(0, scalar.start(3)) + wrong), Where.FIELD, at(n, column, key, "expected"));
                }
                for (String nonFinite : List.of(".nan", ".inf", "-.inf")) {
                    // keys that take whole numbers only say so; the others say the value is not finite
                    String message = WHOLE_NUMBER_KEYS.contains(key) ? "expected a whole number" : "is not a finite number";
                    add("NaN and infinities", example + " " + key + ": " + nonFinite, replaceLine(lines, n,
                            line.substring(0, scalar.start(3)) + nonFinite), Where.FIELD, at(n, column, key, message));
                }
            }
            Matcher key = BLOCK_KEY.matcher(line);
            if (key.matches()) {
                String name = key.group(2);
                String typo = name.substring(0, 1) + name.substring(2, 3) + name.substring(1, 2) + name.substring(3);
                if (!typo.equals(name)) {
                    add("unknown key", example + " " + name + " -> " + typo, replaceLine(lines, n,
                            key.group(1) + typo + ":" + key.group(3)), Where.FIELD,
                            at(n, key.start(2) + 1, typo, "unknown (key|parameter|slot) '" + typo + "'.*did you mean '" + name + "'\\?"));
                }
                if (List.of("seed", "frames", "categories", "camera", "name", "asset", "region").contains(name)
                        && !key.group(3).isBlank()) {
                    add("missing required field", example + " without " + name + " (line " + (n + 1) + ")",
                            replaceLine(lines, n, key.group(1).isEmpty() ? "" : key.group(1) + "elevation_m: 0"),
                            Where.SOME_FIELD, "\\d+:\\d+: (\\S+\\.)?" + name + ": missing required field '" + name + "'");
                }
                if (n > 0 && line.startsWith("  ") && !line.startsWith("  -")) {
                    String tabbed = line.replaceFirst("^ +", "\t");
                    add("tabs for indentation", example + " line " + (n + 1), replaceLine(lines, n, tabbed), Where.POSITION,
                            (n + 1) + ":1: YAML syntax error: .*TAB.*");
                }
            }
            Matcher uniform = UNIFORM.matcher(line);
            while (uniform.find()) {
                double a = Double.parseDouble(uniform.group(1));
                double b = Double.parseDouble(uniform.group(2));
                if (a < b) {
                    String swapped = line.substring(0, uniform.start()) + "uniform: [" + uniform.group(2) + ", "
                            + uniform.group(1) + "]" + line.substring(uniform.end());
                    add("inverted ranges", example + " line " + (n + 1) + " uniform [" + b + ", " + a + "]",
                            replaceLine(lines, n, swapped), Where.FIELD,
                            at(n, uniform.start() + "uniform: ".length() + 1, "uniform", "are reversed: need a <= b"));
                }
            }
            Matcher region = REGION_RANGE.matcher(line);
            while (region.find()) {
                if (Double.parseDouble(region.group(2)) < Double.parseDouble(region.group(3))) {
                    String swapped = line.substring(0, region.start()) + region.group(1) + ": [" + region.group(3) + ", "
                            + region.group(2) + "]" + line.substring(region.end());
                    add("inverted ranges", example + " line " + (n + 1) + " region " + region.group(1),
                            replaceLine(lines, n, swapped), Where.FIELD,
                            at(n, region.start() + 4, region.group(1), "is reversed: need min <= max"));
                }
            }
            Matcher choice = CHOICE_LIST.matcher(line);
            if (choice.find()) {
                add("empty choice lists", example + " line " + (n + 1), replaceLine(lines, n,
                        line.substring(0, choice.start()) + "choice: []" + line.substring(choice.end())), Where.FIELD,
                        at(n, choice.start() + "choice: ".length() + 1, "choice", "choice needs at least one value"));
            }
            Matcher weights = WEIGHTS.matcher(line);
            if (weights.find()) {
                int count = weights.group(1).split(",").length;
                int column = weights.start() + "weights: ".length() + 1;
                String zeros = String.join(", ", java.util.Collections.nCopies(count, "0"));
                add("bad weights", example + " line " + (n + 1) + " all zero", replaceWeights(lines, n, weights, zeros),
                        Where.FIELD, at(n, column, "weights", "weights sum to 0; at least one must be > 0"));
                add("bad weights", example + " line " + (n + 1) + " negative", replaceWeights(lines, n, weights,
                        "-1" + weights.group(1).substring(weights.group(1).indexOf(','))),
                        Where.FIELD, at(n, column + 1, "weights\\[0\\]", "-1 must be >= 0"));
                add("bad weights", example + " line " + (n + 1) + " one weight too many", replaceWeights(lines, n, weights,
                        weights.group(1) + ", 1"), Where.FIELD,
                        at(n, column, "weights", (count + 1) + " weights for " + count + " values"));
            }
        }
        lineEdits(example, lines);
        distortions(example, lines);
        appended(example, text);
        truncations(example, text);
        encodings(example, text);
    }

    /** Wrong lens distortion sections, added under the camera (the examples have none). */
    private void distortions(String example, List<String> lines) {
        String[][] edits = {
                // section, column of the problem, field, message fragment
                {"{k1: 3}", "20", "distortion\\.k1", "3 is outside \\[-2, 2\\]"},
                {"{p1: {uniform: [0, 0.5]}}", "20", "distortion\\.p1", "can produce 0.5, outside \\[-0.1, 0.1\\]"},
                {"{k4: 0.1}", "16", "distortion\\.k4", "unknown key 'k4', did you mean"},
                {"{k1: .nan}", "20", "distortion\\.k1", "is not a finite number"},
                {"[0.1, 0, 0, 0, 0]", "15", "distortion", "expected"},
        };
        for (int n = 0; n < lines.size(); n++) {
            if (lines.get(n).equals("camera:")) {
                for (String[] edit : edits) {
                    add(edit[0].contains("nan") ? "NaN and infinities" : edit[2].endsWith("distortion") ? "wrong type"
                                    : edit[3].startsWith("unknown") ? "unknown key" : "out-of-range values",
                            example + " camera.distortion: " + edit[0],
                            replaceLine(lines, n, "camera:\n  distortion: " + edit[0]), Where.FIELD,
                            at(n + 1, Integer.parseInt(edit[1]), edit[2], edit[3]));
                }
                return;
            }
        }
    }

    /** Hand-picked wrong values at keys every example has. */
    private void lineEdits(String example, List<String> lines) {
        String[][] edits = {
                // key, wrong value, mutation, message fragment
                {"hfov_deg", "190", "out-of-range values", "190 is outside \\(0, 180\\)"},
                {"hfov_deg", "{uniform: [170, 190]}", "out-of-range values", "can produce 190, outside \\(0, 180\\)"},
                {"near_m", "-1", "out-of-range values", "-1 must be > 0"},
                {"frames", "0", "out-of-range values", "0 must be >= 1"},
                {"frames", "99999999999", "out-of-range values", "larger than 2147483647"},
                {"frames", "20000000", "limits", "20000000 frames is more than 10000000 \\(a limit: set SYNTHSCENE_MAX_FRAMES"},
                {"seed", "123456789012345678901234567890", "out-of-range values", "does not fit in 64 bits"},
                {"roughness", "1.5", "out-of-range values", "1.5 is outside \\[0, 1\\]"},
                {"roughness", "{normal: {mean: 0.5, std: 0.1}}", "out-of-range values", "has no min"},
                {"min_gap_m", "-0.5", "out-of-range values", "-0.5 must be >= 0"},
                {"count", "-1", "negative counts", "-1 is outside \\[0, 10000\\]"},
                {"count", "{uniform_int: [-3, 2]}", "negative counts", "can produce -3, outside \\[0, 10000\\]"},
                {"count", "{poisson: -1}", "negative counts", "-1 is outside \\[0, 1000\\]", "poisson"},
                {"count", "2.5", "negative counts", "2.5 is not a whole number"},
                {"count", "10001", "limits", "10001 is outside \\[0, 10000\\]"},
                {"elevation_m", "*anchor", "aliases", "YAML aliases \\(\\*anchor\\) are not supported"},
                {"elevation_m", "&a 0.75", "aliases", null},
                {"elevation_m", "!!python/object:os.system ls", "wrong type", "expected"},
        };
        for (String[] edit : edits) {
            for (int n = 0; n < lines.size(); n++) {
                Matcher key = Pattern.compile("^(\\s*(?:- )?)" + edit[0] + ": (\\S.*?)(\\s+#.*)?$").matcher(lines.get(n));
                if (key.matches()) {
                    String changed = key.group(1) + edit[0] + ": " + edit[1];
                    if (edit[3] == null) {
                        // an anchor alone is allowed; use it and the alias in the same file
                        List<String> twice = new ArrayList<>(lines);
                        twice.set(n, changed);
                        twice.add("extra: *a");
                        add(edit[2], example + " anchor and alias", join(twice), Where.FIELD,
                                at(twice.size() - 1, 8, "extra", "YAML aliases \\(\\*a\\) are not supported"));
                    } else {
                        // a problem inside a distribution is reported at the value inside it
                        int inside = edit.length > 4 ? edit[1].indexOf(": ") + 2 : 0;
                        String field = edit.length > 4 ? edit[0] + "\\." + edit[4] : edit[0];
                        add(edit[2], example + " " + edit[0] + ": " + edit[1], replaceLine(lines, n, changed), Where.FIELD,
                                at(n, key.start(2) + 1 + inside, field, edit[3]));
                    }
                    break;
                }
            }
        }
        for (int n = 0; n < lines.size(); n++) {
            Matcher output = Pattern.compile("^output: \\{width: \\d+, height: \\d+(.*)$").matcher(lines.get(n));
            if (output.matches()) {
                String rest = output.group(1);
                add("huge resolutions", example + " 100000 wide", replaceLine(lines, n, "output: {width: 100000, height: 480" + rest),
                        Where.FIELD, at(n, 17, "output.width", "100000 pixels is more than 16384 \\(a limit"));
                add("huge resolutions", example + " 16384 x 16384", replaceLine(lines, n, "output: {width: 16384, height: 16384" + rest),
                        Where.FIELD, at(n, 9, "output", "16384 x 16384 is 268435456 pixels, more than 67108864 \\(a limit"));
                add("huge resolutions", example + " 40 digits", replaceLine(lines, n,
                        "output: {width: 1234567890123456789012345678901234567890, height: 480" + rest),
                        Where.FIELD, at(n, 17, "output.width", "does not fit in 64 bits"));
                add("huge resolutions", example + " zero height", replaceLine(lines, n, "output: {width: 640, height: 0" + rest),
                        Where.FIELD, at(n, 30, "output.height", "0 must be >= 1"));
            }
        }
    }

    /** Keys added at the end: duplicates, nesting, bombs, other documents. */
    private void appended(String example, String text) {
        String base = text.endsWith("\n") ? text : text + "\n";
        int next = base.split("\n", -1).length;
        for (String key : List.of("seed", "frames", "camera", "categories")) {
            add("duplicated keys", example + " second " + key, base + key + ": 1\n", Where.FIELD,
                    at(next - 1, 1, key, "duplicate key '" + key + "'"));
        }
        for (int depth : List.of(65, 1000, 100_000)) {
            add("deep nesting", example + " " + depth + " nested lists", base + "deep: " + "[".repeat(depth) + "]".repeat(depth) + "\n",
                    Where.FIELD, at(next - 1, 7 + 63, "deep(\\[0\\]){63}", "nested deeper than 64 levels \\(a limit"));
            add("deep nesting", example + " " + depth + " nested maps", base + "deep: " + "{a: ".repeat(depth) + "1" + "}".repeat(depth) + "\n",
                    Where.FIELD, at(next - 1, 7 + 4 * 63, "deep(\\.a){63}", "nested deeper than 64 levels \\(a limit"));
        }
        StringBuilder laughs = new StringBuilder(base).append("lol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            laughs.append("lol").append(i).append(": &l").append(i).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(10, "*l" + (i - 1)))).append("]\n");
        }
        add("alias bombs", example + " billion laughs", laughs.toString(), Where.FIELD,
                at(next, 12, "lol1\\[0\\]", "YAML aliases \\(\\*l0\\) are not supported"));
        add("alias bombs", example + " 20000 aliases", base + "many: [" + "*x, ".repeat(20_000) + "*x]\n", Where.FIELD,
                at(next - 1, 8, "many\\[0\\]", "YAML aliases \\(\\*x\\) are not supported"));
        add("alias bombs", example + " alias to an undefined anchor", base.replaceFirst("(?m)^frames: .*$", "frames: *nothing"),
                Where.SOME_FIELD, "\\d+:9: frames: YAML aliases \\(\\*nothing\\) are not supported.*");
        // reported at the first value of the second document
        add("other YAML", example + " a second document", base + "---\nseed: 1\n", Where.POSITION,
                (next + 1) + ":1: a scene file holds one YAML document, found a second");
        add("other YAML", example + " a list key", base + "? [a, b]\n: 1\n", Where.POSITION,
                next + ":\\d+: YAML syntax error: a key must be plain text, not a list or a map");
        add("other YAML", example + " unclosed quote", base + "name: \"abc\n", Where.SOME_POSITION, "");
        add("other YAML", example + " indented into a scalar", base.replaceFirst("(?m)^seed: (.*)$", "seed: $1\n  nested: 1"),
                Where.SOME_POSITION, "");
    }

    /** The file cut short every 61 bytes; a prefix that happens to be a valid scene is no case. */
    private void truncations(String example, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int cut = 0; cut < bytes.length; cut += 61) {
            byte[] prefix = java.util.Arrays.copyOf(bytes, cut);
            add("truncated files", example + " cut at byte " + cut, prefix, Where.SOME_POSITION, "");
        }
    }

    /** Bytes that are not UTF-8, and control characters, at known places. */
    private void encodings(String example, String text) {
        List<String> lines = List.of(text.split("\n", -1));
        int[] targets = {0, lines.size() / 3, lines.size() / 2, lines.size() - 2};
        for (int n : targets) {
            String line = lines.get(n);
            int column = Math.min(3, line.length()) + 1;
            String before = join(lines.subList(0, n)) + (n == 0 ? "" : "\n") + line.substring(0, column - 1);
            String after = line.substring(column - 1) + "\n" + join(lines.subList(n + 1, lines.size()));
            for (byte[] bad : List.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xE9}, new byte[] {(byte) 0xC3, 0x28})) {
                byte[] mixed = concat(before.getBytes(StandardCharsets.UTF_8), bad, after.getBytes(StandardCharsets.UTF_8));
                add("non-UTF-8 bytes", example + String.format(" 0x%02X at line %d", bad[0] & 0xFF, n + 1), mixed,
                        Where.POSITION, (n + 1) + ":" + column + ": is not UTF-8 text: byte 0x" + String.format("%02X", bad[0] & 0xFF));
            }
            for (char control : new char[] {'\u0000', '\u001b', '\u0007'}) {
                add("control characters", example + String.format(" U+%04X at line %d", (int) control, n + 1),
                        before + control + after, Where.POSITION,
                        (n + 1) + ":" + column + ": the character U\\+" + String.format("%04X", (int) control) + " is not allowed");
            }
        }
    }

    /** Cases that do not depend on an example. */
    private void wholeFileCases(String text) {
        add("empty files", "empty", new byte[0], Where.POSITION, "1:1: the file is empty");
        add("empty files", "blank lines", "\n\n   \n", Where.POSITION, "1:1: the file is empty");
        add("empty files", "comments only", "# a scene\n# to come\n", Where.POSITION, "1:1: the file is empty");
        add("empty files", "null document", "~\n", Where.POSITION, "1:1: expected a map, got an empty value");
        add("other YAML", "a list at the top", "- seed: 1\n- frames: 2\n", Where.POSITION, "1:1: expected a map, got a list");
        add("other YAML", "a scalar at the top", "hello\n", Where.POSITION, "1:1: expected a map, got the string \"hello\"");
        Random random = new Random(20261126);
        for (int i = 0; i < 8; i++) {
            byte[] garbage = new byte[64 + random.nextInt(4096)];
            random.nextBytes(garbage);
            add("binary garbage", "random bytes, seed 20261126 #" + i, garbage, Where.SOME_POSITION, "");
        }
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        add("binary garbage", "a PNG header", png, Where.POSITION, "1:1: is not UTF-8 text: byte 0x89");
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0};
        add("binary garbage", "a zip header", zip, Where.POSITION, "1:3: the character U\\+0003 is not allowed");
        add("binary garbage", "UTF-16 with a byte order mark", concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                "seed: 1\n".getBytes(StandardCharsets.UTF_16LE)), Where.POSITION, "1:1: is not UTF-8 text: byte 0xFF");
        byte[] big = new byte[(1 << 20) + 1];
        java.util.Arrays.fill(big, (byte) '#');
        add("too large", "1 MiB + 1 byte of comment", big, Where.FILE,
                ".* is 1048577 bytes, more than 1048576 \\(a limit: set SYNTHSCENE_MAX_SCENE_BYTES.*");
        add(MUTATION_DIRECTORY, "the scene path is a folder", (byte[]) null, Where.FILE, "cannot read .*: it is a folder, not a scene file");
        add(MUTATION_MISSING, "the scene path does not exist", (byte[]) null, Where.FILE, "cannot read .*: no such file");
    }

    /** {@code L:C: (parents.)key: ...fragment}, line from 0-based n. */
    private static String at(int n, int column, String key, String fragment) {
        return (n + 1) + ":" + column + ": ([\\w\\[\\].-]*\\.)?" + key + ": .*" + fragment + ".*";
    }

    private void add(String mutation, String description, String text, Where where, String expected) {
        add(mutation, description, text.getBytes(StandardCharsets.UTF_8), where, expected);
    }

    private void add(String mutation, String description, byte[] bytes, Where where, String expected) {
        cases.add(new Case(mutation, description, bytes, where, expected));
    }

    private static String replaceLine(List<String> lines, int n, String line) {
        List<String> copy = new ArrayList<>(lines);
        copy.set(n, line);
        return join(copy);
    }

    private static String replaceWeights(List<String> lines, int n, Matcher weights, String inside) {
        String line = lines.get(n);
        return replaceLine(lines, n, line.substring(0, weights.start()) + "weights: [" + inside + "]" + line.substring(weights.end()));
    }

    private static String join(List<String> lines) {
        return String.join("\n", lines);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
