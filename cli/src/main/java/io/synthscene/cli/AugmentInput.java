package io.synthscene.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthscene.annotators.CocoCategory;
import io.synthscene.annotators.CocoDataset;
import io.synthscene.annotators.CocoFormatException;
import io.synthscene.annotators.DatasetValidator;
import io.synthscene.annotators.Violation;
import io.synthscene.annotators.augment.AugmentedCoco;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The real dataset {@code synthscene augment} reads, checked whole before anything is written:
 * the COCO file by {@link DatasetValidator} (any tool's polygons and RLE; every image file present,
 * decodable and of its stated size), the {@code --anonymize} category names, unique image file
 * names, and a depth map for every image when {@code --depth} is given. Every problem found is a
 * {@link UserInputException} (exit 2) that names the file and the entry.
 */
record AugmentInput(Path coco, Path imagesDir, JsonNode tree, CocoDataset dataset, Map<Long, String> anonymizedCategories,
                    Map<Long, Path> depthMaps) {
    /** Validator lines shown before "and N more". */
    static final int MAX_VIOLATIONS_SHOWN = 20;

    static AugmentInput check(Path coco, Path imagesDir, Path depthDir, List<String> anonymize) {
        if (!Files.isRegularFile(coco)) {
            throw new UserInputException("--coco " + coco + ": no such file");
        }
        if (!Files.isDirectory(imagesDir)) {
            throw new UserInputException("--images " + imagesDir + " is not a folder");
        }
        if (depthDir != null && !Files.isDirectory(depthDir)) {
            throw new UserInputException("--depth " + depthDir + " is not a folder");
        }
        DatasetValidator.Report report;
        try {
            report = new DatasetValidator(imagesDir, null, null).validate(coco);
        } catch (CocoFormatException e) {
            throw new UserInputException(e.getMessage());
        }
        if (!report.clean()) {
            List<Violation> violations = report.violations();
            StringBuilder message = new StringBuilder(coco + " has " + violations.size() + " problem"
                    + (violations.size() == 1 ? "" : "s") + " ('synthscene validate --coco ... --images ...' lists them all):");
            violations.stream().limit(MAX_VIOLATIONS_SHOWN).forEach(v -> message.append("\n  ").append(v));
            if (violations.size() > MAX_VIOLATIONS_SHOWN) {
                message.append("\n  and ").append(violations.size() - MAX_VIOLATIONS_SHOWN).append(" more");
            }
            throw new UserInputException(message.toString());
        }
        JsonNode tree = AugmentedCoco.read(coco);
        Map<Long, String> anonymized = anonymizedCategories(coco, report.dataset().categories(), anonymize);
        requireUniqueFileNames(coco, tree);
        Map<Long, Path> depth = depthDir == null ? Map.of() : depthMaps(depthDir, tree);
        return new AugmentInput(coco, imagesDir, tree, report.dataset(), anonymized, depth);
    }

    private static Map<Long, String> anonymizedCategories(Path coco, List<CocoCategory> categories, List<String> names) {
        Map<Long, String> chosen = new LinkedHashMap<>();
        if (names == null) {
            return chosen;
        }
        Set<String> known = new TreeSet<>();
        categories.forEach(c -> known.add(c.name()));
        for (String name : names) {
            List<CocoCategory> matching = categories.stream().filter(c -> c.name().equals(name)).toList();
            if (matching.isEmpty()) {
                throw new UserInputException("--anonymize " + name + ": " + coco.getFileName() + " has no category named '"
                        + name + "'; its categories are " + String.join(", ", known));
            }
            matching.forEach(c -> chosen.put(c.id(), c.name()));
        }
        return chosen;
    }

    /** Variants are named after their photo: two entries naming one file would write one file twice. */
    private static void requireUniqueFileNames(Path coco, JsonNode tree) {
        Map<String, String> seen = new HashMap<>();
        int index = 0;
        for (JsonNode image : tree.path("images")) {
            String name = image.get("file_name").asText();
            if (name.startsWith("/") || List.of(name.split("/")).contains("..")) {
                // a variant is written beside where its photo would be inside --out/images: never outside it
                throw new UserInputException(coco.getFileName() + ": /images/" + index + "/file_name: '" + name
                        + "' leaves the images folder; file names must be relative and without '..'");
            }
            String before = seen.putIfAbsent(name, "/images/" + index);
            if (before != null) {
                throw new UserInputException(coco.getFileName() + ": /images/" + index + "/file_name: '" + name
                        + "' is also the file of " + before + "; each image entry must name its own file");
            }
            index++;
        }
    }

    /** The depth map of each image: the same file stem, {@code .png}, directly in the depth folder. */
    private static Map<Long, Path> depthMaps(Path depthDir, JsonNode tree) {
        Map<Long, Path> maps = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (JsonNode image : tree.path("images")) {
            Path file = depthDir.resolve(stem(image.get("file_name").asText()) + ".png");
            if (Files.isRegularFile(file)) {
                maps.put(image.get("id").asLong(), file);
            } else {
                missing.add(file.toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new UserInputException("--depth " + depthDir + ": " + missing.size() + " image(s) have no depth map: "
                    + String.join(", ", missing.subList(0, Math.min(10, missing.size())))
                    + (missing.size() > 10 ? ", ..." : ""));
        }
        return maps;
    }

    /** The file name without folders and extension: {@code a/b/photo.jpg} gives {@code photo}. */
    static String stem(String fileName) {
        String name = fileName.substring(fileName.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
