package io.synthscene.scenes.parse;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.Mark;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException;
import io.synthscene.scenes.SceneException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads YAML text into a {@link YamlNode} tree that keeps the line and column of every key and
 * value. Syntax errors end the load at once (nothing after them can be trusted); duplicate keys
 * and aliases are reported and reading goes on.
 */
public final class YamlTreeReader {
    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private final YAMLParser parser;
    private final Problems problems;

    private YamlTreeReader(YAMLParser parser, Problems problems) {
        this.parser = parser;
        this.problems = problems;
    }

    /** The single document of {@code text}; a syntax error throws with its position. */
    public static YamlNode read(String text, Problems problems) throws SceneException {
        try (YAMLParser parser = (YAMLParser) FACTORY.createParser(text)) {
            YamlTreeReader reader = new YamlTreeReader(parser, problems);
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
        } catch (IOException e) {
            problems.add(0, 0, "", "cannot read YAML: " + e.getMessage());
            throw problems.exception();
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
        return text.length() == 0 ? lines[0].strip() : text.toString();
    }

    /** Reads the value whose first token is the current one. */
    private YamlNode value(String path) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        JsonToken token = parser.currentToken();
        if (parser.isCurrentAlias()) {
            problems.add(line, column, path, "YAML aliases (*" + parser.getText() + ") are not supported; write the value out");
        }
        return switch (token) {
            case START_OBJECT -> map(path, line, column);
            case START_ARRAY -> list(path, line, column);
            case VALUE_NUMBER_INT -> new YamlScalar(line, column, parser.getText(), YamlScalar.Kind.INTEGER,
                    parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> new YamlScalar(line, column, parser.getText(), YamlScalar.Kind.FLOAT,
                    parser.getDoubleValue());
            case VALUE_TRUE, VALUE_FALSE -> new YamlScalar(line, column, parser.getText(), YamlScalar.Kind.BOOLEAN, null);
            case VALUE_NULL -> new YamlScalar(line, column, "null", YamlScalar.Kind.NULL, null);
            default -> new YamlScalar(line, column, parser.getText(), YamlScalar.Kind.STRING, null);
        };
    }

    private YamlMap map(String path, int line, int column) throws IOException {
        List<YamlMap.Entry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            JsonLocation keyAt = parser.currentTokenLocation();
            String key = parser.currentName();
            String keyPath = path.isEmpty() ? key : path + "." + key;
            parser.nextToken();
            YamlNode value = value(keyPath);
            if (seen.add(key)) {
                entries.add(new YamlMap.Entry(key, keyAt.getLineNr(), keyAt.getColumnNr(), value));
            } else {
                problems.add(keyAt.getLineNr(), keyAt.getColumnNr(), keyPath, "duplicate key '" + key + "'");
            }
        }
        return new YamlMap(line, column, entries);
    }

    private YamlList list(String path, int line, int column) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(value(path + "[" + items.size() + "]"));
        }
        return new YamlList(line, column, items);
    }
}
