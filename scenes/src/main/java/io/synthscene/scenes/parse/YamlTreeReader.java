package io.synthscene.scenes.parse;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.Mark;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException;
import io.synthscene.scenes.Limits;
import io.synthscene.scenes.SceneException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads YAML text into a {@link YamlNode} tree that keeps the line and column of every key and
 * value. Syntax errors end the load at once (nothing after them can be trusted); duplicate keys
 * and aliases are reported and reading goes on.
 *
 * <p>Hostile input is refused before it costs much: text over the size limit is not parsed,
 * characters YAML forbids (binary files) are reported at their position, nesting deeper than the
 * limit stops the read, and aliases are never expanded (they are
 * an error), so an alias bomb ("billion laughs") costs no more than its own text.
 */
public final class YamlTreeReader {
    /**
     * Jackson's own limits, as a second line behind ours: numbers of more than 1,000 digits and
     * strings over 1 MiB are refused by the parser itself; its nesting limit stays above ours.
     */
    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNumberLength(1000)
                    .maxStringLength(1 << 20)
                    .maxNameLength(10_000)
                    // above the largest nesting limit one may set, so that ours speaks first
                    .maxNestingDepth(Limits.Setting.MAX_NESTING_DEPTH.ceiling() + 1)
                    .build())
            .build();

    private final YAMLParser parser;
    private final Problems problems;
    private final int maxDepth;

    private YamlTreeReader(YAMLParser parser, Problems problems, int maxDepth) {
        this.parser = parser;
        this.problems = problems;
        this.maxDepth = maxDepth;
    }

    /** {@link #read(String, Problems, Limits)} with the default limits. */
    public static YamlNode read(String text, Problems problems) throws SceneException {
        return read(text, problems, Limits.DEFAULT);
    }

    /** The single document of {@code text}; a syntax error throws with its position. */
    public static YamlNode read(String text, Problems problems, Limits limits) throws SceneException {
        checkSize(text, problems, limits);
        checkCharacters(text, problems);
        try (YAMLParser parser = (YAMLParser) FACTORY.createParser(text)) {
            YamlTreeReader reader = new YamlTreeReader(parser, problems, limits.maxNestingDepth());
            if (parser.nextToken() == null) {
                problems.add(1, 1, "", "the file is empty");
                throw problems.exception();
            }
            YamlNode root = reader.value("");
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                problems.add(at.getLineNr(), at.getColumnNr(), "", "a scene file holds one YAML document, found a second");
            }
            return root;
        } catch (MarkedYAMLException e) {
            // SnakeYAML knows where the problem is; Jackson's own location is where it stopped reading
            Mark at = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String message = e.getProblem() == null ? firstLine(e.getOriginalMessage()) : e.getProblem()
                    + (e.getContext() == null ? "" : " (" + e.getContext() + ")");
            problems.add(at == null ? 0 : at.getLine() + 1, at == null ? 0 : at.getColumn() + 1, "",
                    "YAML syntax error: " + message.strip());
            throw problems.exception();
        } catch (StreamReadException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 0 : at.getLineNr();
            int column = at == null ? 0 : at.getColumnNr();
            problems.add(line, column, "", "YAML syntax error: " + firstLine(e.getOriginalMessage()));
            throw problems.exception();
        } catch (TooDeep e) {
            throw problems.exception();
        } catch (IOException e) {
            problems.add(0, 0, "", "cannot read YAML: " + e.getMessage());
            throw problems.exception();
        }
    }

    /** Text longer than the limit is refused unread: a scene file is a few kilobytes. */
    private static void checkSize(String text, Problems problems, Limits limits) throws SceneException {
        long max = limits.maxSceneBytes();
        if (text.length() > max || (long) text.length() * 3 > max && text.getBytes(StandardCharsets.UTF_8).length > max) {
            problems.add(0, 0, "", "is " + text.getBytes(StandardCharsets.UTF_8).length + " bytes, more than "
                    + max + " " + Limits.howToRaise(Limits.Setting.MAX_SCENE_BYTES));
            throw problems.exception();
        }
    }

    /**
     * YAML allows tab, line breaks and printable characters only; anything else (NUL, escape codes,
     * most of a binary file) is reported at its own position, which SnakeYAML does not give.
     */
    private static void checkCharacters(String text, Problems problems) throws SceneException {
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!printable(c)) {
                problems.add(line, column, "", String.format(Locale.ROOT,
                        "the character U+%04X is not allowed in YAML (is this a binary file?)", c));
                throw problems.exception();
            }
            if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                line++;
                column = 1;
            } else if (c != '\r') {
                column++;
            }
            i += Character.charCount(c);
        }
    }

    /** YAML 1.1's c-printable. */
    private static boolean printable(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0x7E) || c == 0x85
                || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
    }

    /** Thrown, after reporting, when the nesting limit is reached: the rest of the file is not read. */
    private static final class TooDeep extends RuntimeException {
        TooDeep() {
            super(null, null, false, false);
        }
    }

    /** SnakeYAML messages repeat the offending text below the first line; the position says enough. */
    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable YAML";
        }
        String[] lines = message.strip().split("\\R");
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.startsWith("in '") || trimmed.startsWith("^") || trimmed.isEmpty() || line.startsWith("    ")) {
                continue;
            }
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(trimmed);
        }
        String result = text.length() == 0 ? lines[0].strip() : text.toString();
        if (result.startsWith("Expected a field name")) {
            return "a key must be plain text, not a list or a map";
        }
        // "<org.yaml.snakeyaml.events.SequenceStartEvent(anchor=null, ...)>" says "SequenceStart" to a reader
        return EVENT.matcher(result).replaceAll("$1");
    }

    private static final Pattern EVENT = Pattern.compile("<?org\\.yaml\\.snakeyaml\\.events\\.(\\w+)Event\\([^)]*\\)>?");

    /**
     * Reads the value whose first token is the current one. Iterative, with the open maps and lists
     * on a stack of its own: how deep a file nests is bounded by the limit, never by the thread's
     * stack (a recursive reader overflowed a 1 MiB stack at 1,000 levels while still interpreted).
     */
    private YamlNode value(String rootPath) throws IOException {
        Deque<Open> open = new ArrayDeque<>();
        String path = rootPath;
        while (true) {
            // the current token starts a value at `path`
            JsonLocation at = parser.currentTokenLocation();
            int line = at.getLineNr();
            int column = at.getColumnNr();
            JsonToken token = parser.currentToken();
            if (parser.isCurrentAlias()) {
                problems.add(line, column, path, "YAML aliases (*" + YamlScalar.shown(parser.getText())
                        + ") are not supported; write the value out");
            }
            YamlNode finished = null;
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                if (open.size() == maxDepth) {
                    problems.add(line, column, path, "nested deeper than " + maxDepth + " levels "
                            + Limits.howToRaise(Limits.Setting.MAX_NESTING_DEPTH));
                    throw new TooDeep();
                }
                open.push(new Open(token == JsonToken.START_OBJECT, path, line, column));
            } else {
                finished = scalar(token, line, column);
            }
            // hand finished values to their parents, closing containers, until a new value starts
            while (true) {
                if (finished != null) {
                    if (open.isEmpty()) {
                        return finished;
                    }
                    open.peek().add(finished, problems);
                }
                Open top = open.peek();
                JsonToken next = parser.nextToken();
                if (top.isMap && next == JsonToken.FIELD_NAME) {
                    JsonLocation keyAt = parser.currentTokenLocation();
                    top.key(parser.currentName(), keyAt.getLineNr(), keyAt.getColumnNr());
                    path = top.keyPath();
                    parser.nextToken();
                    break;
                }
                if (!top.isMap && next != JsonToken.END_ARRAY && next != null) {
                    path = top.path + "[" + top.items.size() + "]";
                    break;
                }
                open.pop();
                finished = top.node();
            }
        }
    }

    private YamlScalar scalar(JsonToken token, int line, int column) throws IOException {
        return switch (token) {
            case VALUE_NUMBER_INT -> new YamlScalar(line, column, parser.getText(), YamlScalar.Kind.INTEGER,
                    parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> new YamlScalar(line, column, parser.getText(), YamlScalar.Kind.FLOAT,
                    floatValue(parser.getText()));
            case VALUE_TRUE, VALUE_FALSE -> new YamlScalar(line, column, parser.getText(), YamlScalar.Kind.BOOLEAN, null);
            case VALUE_NULL -> new YamlScalar(line, column, "null", YamlScalar.Kind.NULL, null);
            default -> new YamlScalar(line, column, parser.getText(), YamlScalar.Kind.STRING, null);
        };
    }

    /** A map or list being read: its items so far and, for a map, the key whose value comes next. */
    private static final class Open {
        final boolean isMap;
        final String path;
        final int line;
        final int column;
        final List<YamlMap.Entry> entries = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        final List<YamlNode> items = new ArrayList<>();
        String key;
        int keyLine;
        int keyColumn;

        Open(boolean isMap, String path, int line, int column) {
            this.isMap = isMap;
            this.path = path;
            this.line = line;
            this.column = column;
        }

        void key(String name, int atLine, int atColumn) {
            key = name;
            keyLine = atLine;
            keyColumn = atColumn;
        }

        String keyPath() {
            return path.isEmpty() ? key : path + "." + key;
        }

        void add(YamlNode value, Problems problems) {
            if (!isMap) {
                items.add(value);
            } else if (seen.add(key)) {
                entries.add(new YamlMap.Entry(key, keyLine, keyColumn, value));
            } else {
                problems.add(keyLine, keyColumn, keyPath(), "duplicate key '" + YamlScalar.shown(key) + "'");
            }
        }

        YamlNode node() {
            return isMap ? new YamlMap(line, column, entries) : new YamlList(line, column, items);
        }
    }

    /**
     * YAML's {@code .inf}, {@code -.inf} and {@code .nan} resolve to floats that Jackson cannot
     * convert; they are read here so that the field reports "is not a finite number" at its place.
     */
    private double floatValue(String text) throws IOException {
        String t = text.strip();
        if (NON_FINITE.matcher(t).matches()) {
            if (t.toLowerCase(Locale.ROOT).endsWith("nan")) {
                return Double.NaN;
            }
            return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return parser.getDoubleValue();
    }

    private static final Pattern NON_FINITE = Pattern.compile("[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
}
