package io.synthscene.cli;

import io.synthscene.annotators.AnnotatedFrame;
import io.synthscene.annotators.CocoDatasetWriter;
import io.synthscene.annotators.DatasetMetadata;
import io.synthscene.annotators.DatasetMetadataReader;
import io.synthscene.annotators.DatasetMetadataWriter;
import io.synthscene.annotators.DatasetShard;
import io.synthscene.annotators.FileLinker;
import io.synthscene.annotators.ImageFormat;
import io.synthscene.assets.AssetLibrary;
import io.synthscene.scenes.FrameJson;
import io.synthscene.scenes.frame.Category;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Joins finished shards of one run into one dataset that is byte for byte the unsplit run's
 * (only the times in {@code dataset.json} differ).
 *
 * <p>Everything is checked before anything is written: every shard is finished (has its
 * {@code dataset.json}), all come from the same scene file (SHA-256) with the same seed, frames of
 * the run, size, image format, JPEG quality and MSAA, and their frames, as found on disk, cover
 * every frame of the run exactly once. Shards may come from different splits (e.g. 0/2 with 2/4
 * and 3/4): only the frames count.
 *
 * <p>Frame files are hard-linked into {@code --out} when it is on the same file system (our
 * writers never change a file in place, they rename a new one over it, so the shard and the
 * merge cannot change each other's files), copied otherwise. The COCO file is rebuilt from each
 * frame's mask and frame JSON by {@link WrittenFrameReader}, with the same writer as a render.
 */
final class ShardMerger {
    private static final Pattern FRAME_JSON = Pattern.compile("(\\d{6,9})\\.json");

    private final List<Path> shardDirs;
    private final Path out;
    private final boolean overwrite;
    private final PrintWriter log;
    private final FileLinker linker = new FileLinker();

    /** A shard folder, what its dataset.json says, and the frames found in it. */
    private record ShardFolder(Path dir, DatasetMetadata metadata, List<Integer> frames) {
        DatasetLayout layout() {
            return new DatasetLayout(dir);
        }
    }

    ShardMerger(List<Path> shardDirs, Path out, boolean overwrite, PrintWriter log) {
        this.shardDirs = shardDirs;
        this.out = out;
        this.overwrite = overwrite;
        this.log = log;
    }

    void merge() {
        requireOutOutsideShards();
        List<ShardFolder> shards = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path dir : shardDirs) {
            readShard(dir, problems).ifPresent(shards::add);
        }
        if (problems.isEmpty()) {
            problems.addAll(differences(shards));
        }
        if (problems.isEmpty()) {
            problems.addAll(coverage(shards));
        }
        if (!problems.isEmpty()) {
            throw new UserInputException("cannot merge; nothing was written:\n  " + String.join("\n  ", problems));
        }
        OutputFolder folder = OutputFolder.check(out, overwrite);
        write(shards, folder);
    }

    private void requireOutOutsideShards() {
        Path outPath = out.toAbsolutePath().normalize();
        for (Path dir : shardDirs) {
            Path shard = dir.toAbsolutePath().normalize();
            if (outPath.startsWith(shard) || shard.startsWith(outPath)) {
                throw new UserInputException("--out " + out + " and shard " + dir + " overlap: merge into another folder");
            }
        }
    }

    private static Optional<ShardFolder> readShard(Path dir, List<String> problems) {
        DatasetLayout layout = new DatasetLayout(dir);
        if (!Files.isDirectory(dir)) {
            problems.add(dir + ": no such folder");
            return Optional.empty();
        }
        if (!Files.isRegularFile(layout.metadata())) {
            problems.add(dir + ": not a finished dataset (no dataset.json); finish it with render ... --resume");
            return Optional.empty();
        }
        DatasetMetadata metadata;
        try {
            metadata = DatasetMetadataReader.read(layout.metadata());
        } catch (IOException e) {
            problems.add(dir + ": " + e.getMessage());
            return Optional.empty();
        }
        ImageFormat format = formatOf(metadata);
        List<Integer> frames = new ArrayList<>();
        try (Stream<Path> files = Files.list(layout.framesDir())) {
            for (Path file : files.sorted().toList()) {
                Matcher name = FRAME_JSON.matcher(file.getFileName().toString());
                if (!name.matches()) {
                    continue;
                }
                int index = Integer.parseInt(name.group(1));
                List<String> cameras = cameraNames(file, problems);
                if (cameras == null) {
                    continue;
                }
                if (!cameras.stream().allMatch(camera -> Files.isRegularFile(layout.image(index, camera, format))
                        && Files.isRegularFile(layout.instanceMask(index, camera)))) {
                    problems.add(dir + ": frame " + index + " has its frame JSON but not "
                            + (cameras.size() > 1 || cameras.get(0) != null ? "every camera's" : "its") + " image and mask");
                } else {
                    frames.add(index);
                }
            }
        } catch (IOException e) {
            problems.add(dir + ": cannot list " + layout.framesDir() + " (" + e.getMessage() + ")");
        }
        frames.sort(null); // names sort as numbers only up to 6 digits
        return Optional.of(new ShardFolder(dir, metadata, frames));
    }

    /** The frame's camera names (a list holding null without a rig); null, with a problem, when it does not read. */
    private static List<String> cameraNames(Path frameJson, List<String> problems) {
        try {
            return FrameJson.fromJson(Files.readAllBytes(frameJson)).cameraNames();
        } catch (IOException | RuntimeException e) {
            problems.add(frameJson + ": not a frame JSON: " + WrittenFrameReader.shortMessage(e));
            return null;
        }
    }

    private static ImageFormat formatOf(DatasetMetadata metadata) {
        return "jpg".equals(metadata.imageFormat()) ? ImageFormat.JPG : ImageFormat.PNG;
    }

    /** One line per property in which the shards differ, naming each value's shards. */
    private static List<String> differences(List<ShardFolder> shards) {
        Map<String, Function<DatasetMetadata, Object>> properties = new LinkedHashMap<>();
        properties.put("scene file SHA-256", DatasetMetadata::sceneSha256);
        properties.put("seed", DatasetMetadata::seed);
        properties.put("frames of the run", m -> m.shard().framesTotal());
        properties.put("size", m -> m.width() + "x" + m.height());
        properties.put("image format", DatasetMetadata::imageFormat);
        properties.put("JPEG quality", DatasetMetadata::jpegQuality);
        properties.put("MSAA samples", DatasetMetadata::msaaSamples);
        List<String> differences = new ArrayList<>();
        properties.forEach((name, property) -> {
            Map<String, List<String>> shardsByValue = new TreeMap<>();
            for (ShardFolder shard : shards) {
                shardsByValue.computeIfAbsent(String.valueOf(property.apply(shard.metadata())), v -> new ArrayList<>())
                        .add(shard.dir().toString());
            }
            if (shardsByValue.size() > 1) {
                differences.add("the shards differ in " + name + ": " + shardsByValue.entrySet().stream()
                        .map(e -> e.getKey() + " in " + String.join(", ", e.getValue()))
                        .collect(Collectors.joining("; ")));
            }
        });
        return differences;
    }

    /** Frames of the run that no shard holds, and frames that several hold. */
    private static List<String> coverage(List<ShardFolder> shards) {
        int total = shards.get(0).metadata().shard().framesTotal();
        Map<Integer, List<String>> holders = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (ShardFolder shard : shards) {
            for (int index : shard.frames()) {
                if (index >= total) {
                    problems.add(shard.dir() + ": frame " + index + " is outside the run's " + total + " frames");
                } else {
                    holders.computeIfAbsent(index, i -> new ArrayList<>()).add(shard.dir().toString());
                }
            }
        }
        List<Integer> missing = IntStream.range(0, total).filter(i -> !holders.containsKey(i)).boxed().toList();
        if (!missing.isEmpty()) {
            problems.add(missing.size() + " frame(s) missing: " + FrameRanges.describe(missing));
        }
        Map<String, List<Integer>> duplicatesByShards = new TreeMap<>();
        holders.forEach((index, dirs) -> {
            if (dirs.size() > 1) {
                duplicatesByShards.computeIfAbsent(String.join(" and ", dirs), k -> new ArrayList<>()).add(index);
            }
        });
        duplicatesByShards.forEach((dirs, frames) ->
                problems.add(frames.size() + " frame(s) present twice: " + FrameRanges.describe(frames) + " in " + dirs));
        return problems;
    }

    private void write(List<ShardFolder> shards, OutputFolder folder) {
        shards.sort(Comparator.comparingInt(s -> s.frames().isEmpty() ? Integer.MAX_VALUE : s.frames().get(0)));
        DatasetMetadata first = shards.get(0).metadata();
        int total = first.shard().framesTotal();
        ImageFormat format = formatOf(first);
        log.printf("merging %d shards (%d frames) into %s%n", shards.size(), total, out);
        log.flush();

        ShardFolder[] shardOf = new ShardFolder[total];
        for (ShardFolder shard : shards) {
            shard.frames().forEach(index -> shardOf[index] = shard);
        }
        String startedAt = shards.stream().map(s -> s.metadata().startedAt())
                .min(Comparator.comparing(Instant::parse)).orElseThrow();
        String device = shards.stream().map(s -> s.metadata().renderingDevice()).distinct().collect(Collectors.joining(" | "));
        if (device.contains(" | ")) {
            log.printf("warning: the shards were rendered on different devices (%s); colour may differ slightly between them%n", device);
        }
        boolean hardware = shards.stream().allMatch(s -> s.metadata().hardwareRendering());
        // unknown (null) for shards written before it was recorded; shards that differ are all named
        java.util.List<String> resets = shards.stream().map(s -> s.metadata().gpuResetNotification()).distinct().toList();
        String resetNotification = resets.size() == 1 ? resets.get(0)
                : resets.stream().map(r -> r == null ? "unknown" : r).collect(Collectors.joining(" | "));

        // Every frame is read, and so checked, from its shard before --out is created: a damaged shard leaves nothing behind.
        AssetGeometry geometry = new AssetGeometry(new AssetLibrary());
        java.util.Map<ShardFolder, WrittenFrameReader> readers = new java.util.HashMap<>();
        for (ShardFolder shard : shards) {
            readers.put(shard, new WrittenFrameReader(shard.layout(), format, geometry));
        }
        List<List<AnnotatedFrame>> frames = new ArrayList<>(java.util.Collections.nCopies(total, null));
        // what the groups could not place, from the frames themselves: a shard that dropped nothing still asked for objects
        io.synthscene.annotators.UnplacedReport.Tally tally = new io.synthscene.annotators.UnplacedReport.Tally();
        IntStream.range(0, total).parallel().forEach(index -> {
            WrittenFrameReader.Written read = readers.get(shardOf[index]).readWithFrame(index);
            tally.add(read.frame());
            frames.set(index, read.views());
        });
        List<Category> categories = DatasetExport.categoriesOf(shardOf[0].layout().frameJson(0));

        folder.create();
        DatasetLayout layout = new DatasetLayout(out);
        new RunRecord(RunRecord.FORMAT, first.sceneFile(), first.sceneSha256(), first.seed(), total, first.width(),
                first.height(), first.imageFormat(), first.jpegQuality(), first.msaaSamples(), 0, 1)
                .write(folder.runRecordFile());
        try {
            Files.createDirectories(layout.imagesDir());
            Files.createDirectories(layout.instanceMasksDir());
            Files.createDirectories(layout.framesDir());
            Files.createDirectories(layout.annotationsDir());
            for (int index = 0; index < total; index++) {
                DatasetLayout from = shardOf[index].layout();
                for (AnnotatedFrame view : frames.get(index)) { // each camera of a rig, or the one camera
                    String camera = view.cameraName();
                    linker.linkOrCopy(from.image(index, camera, format), layout.image(index, camera, format));
                    linker.linkOrCopy(from.instanceMask(index, camera), layout.instanceMask(index, camera));
                    // The scene's optional outputs: present in every frame of a shard, or in none.
                    linker.linkOrCopyIfPresent(from.semanticMask(index, camera), layout.semanticMask(index, camera));
                    linker.linkOrCopyIfPresent(from.depthPng(index, camera), layout.depthPng(index, camera));
                    linker.linkOrCopyIfPresent(from.depthNpy(index, camera), layout.depthNpy(index, camera));
                    linker.linkOrCopyIfPresent(from.normals(index, camera), layout.normals(index, camera));
                    linker.linkOrCopyIfPresent(from.occlusion(index, camera), layout.occlusion(index, camera));
                }
                linker.linkOrCopy(from.frameJson(index), layout.frameJson(index)); // last, as in a render
            }
            CocoDatasetWriter coco = new CocoDatasetWriter(categories);
            for (List<AnnotatedFrame> views : frames) {
                views.forEach(coco::add);
            }
            coco.write(layout.cocoInstances());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot merge into " + out, e);
        }
        io.synthscene.annotators.UnplacedReport unplaced = tally.report();
        DatasetMetadataWriter.write(layout.metadata(), new DatasetMetadata(first.synthsceneVersion(), first.gitCommit(),
                first.sceneFile(), first.sceneSha256(), first.seed(), total, DatasetShard.whole(total), first.width(),
                first.height(), device, hardware, first.imageFormat(), first.jpegQuality(), first.msaaSamples(),
                startedAt, Instant.now().toString(), resetNotification, unplaced));
        log.printf("wrote %d frames to %s (%d files hard-linked, %d copied)%n", total, out, linker.linked(), linker.copied());
        UnplacedWarnings.print(log, unplaced, null);
        log.flush();
    }
}
