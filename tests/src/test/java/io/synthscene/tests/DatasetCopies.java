package io.synthscene.tests;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies of a rendered dataset to corrupt on purpose, one defect per copy. */
final class DatasetCopies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DatasetCopies() {
    }

    static Path copy(Path dataset, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(dataset)) {
            for (Path path : paths.toList()) {
                Path to = target.resolve(dataset.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(path, to);
                }
            }
        }
        return target;
    }

    static ObjectNode coco(Path dataset) throws IOException {
        return (ObjectNode) JSON.readTree(dataset.resolve("annotations/instances.json").toFile());
    }

    static void writeCoco(Path dataset, ObjectNode coco) throws IOException {
        JSON.writeValue(dataset.resolve("annotations/instances.json").toFile(), coco);
    }
}
