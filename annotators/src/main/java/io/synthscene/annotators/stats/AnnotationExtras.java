package io.synthscene.annotators.stats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.synthscene.annotators.CocoFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Per-annotation values that synthscene may record under each COCO annotation's
 * {@code synthscene} object, and that not every dataset has: {@code visibility} [0, 1],
 * {@code truncation} [0, 1) and {@code distance_m} (metres from the camera). Each array
 * holds the values of the annotations that have the key, in file order; an empty array means
 * the dataset does not record it. Made by {@link #read}, which streams the file (never a tree);
 * immutable.
 */
public record AnnotationExtras(int annotations, double[] visibility, double[] truncation, double[] distanceMeters) {
    private static final JsonFactory JSON = new JsonFactory();

    /**
     * Reads the values from a COCO instances file that {@code CocoReader} has already accepted.
     *
     * @throws CocoFormatException  when a value is present but not a finite number
     * @throws UncheckedIOException when the file cannot be read
     */
    public static AnnotationExtras read(Path instances) {
        Values visibility = new Values();
        Values truncation = new Values();
        Values distance = new Values();
        int annotations = 0;
        try (InputStream in = Files.newInputStream(instances);
             JsonParser parser = JSON.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new CocoFormatException(instances.getFileName() + ": not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!"annotations".equals(name) || value != JsonToken.START_ARRAY) {
                    parser.skipChildren();
                    continue;
                }
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    annotations++;
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String key = parser.currentName();
                        JsonToken v = parser.nextToken();
                        if (!"synthscene".equals(key) || v != JsonToken.START_OBJECT) {
                            parser.skipChildren();
                            continue;
                        }
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            String inner = parser.currentName();
                            JsonToken w = parser.nextToken();
                            switch (inner) {
                                case "visibility" -> visibility.add(number(parser, instances, inner));
                                case "truncation" -> truncation.add(number(parser, instances, inner));
                                case "distance_m" -> distance.add(number(parser, instances, inner));
                                default -> parser.skipChildren();
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + instances, e);
        }
        return new AnnotationExtras(annotations, visibility.toArray(), truncation.toArray(), distance.toArray());
    }

    private static double number(JsonParser parser, Path file, String key) throws IOException {
        JsonToken token = parser.currentToken();
        double value = token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT
                ? parser.getDoubleValue() : Double.NaN;
        if (!Double.isFinite(value)) {
            var at = parser.currentTokenLocation();
            throw new CocoFormatException(file.getFileName() + ":" + at.getLineNr() + ":" + at.getColumnNr()
                    + ": synthscene." + key + ": expected a finite number, found " + parser.getText());
        }
        return value;
    }

    /** A growing array of doubles. */
    private static final class Values {
        private double[] values = new double[64];
        private int size;

        void add(double v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        double[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
