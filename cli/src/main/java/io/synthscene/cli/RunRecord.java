package io.synthscene.cli;

import io.synthscene.annotators.ImageFormat;
import io.synthscene.scenes.Scene;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.synthscene.annotators.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a run is, written as {@value #FILE_NAME} when it starts, before the first frame, so that
 * {@code render --resume} can check that it continues the same run: the scene file's SHA-256 and
 * every option that changes the files (seed, frames of the whole run, size, image format, JPEG
 * quality when the format is JPEG, MSAA, shard). Written by the render pipeline (and by merge, as
 * the record of the unsplit run); read back by {@code --resume}. Immutable.
 *
 * <p>It holds no time, so that it is the same bytes for the same run (a merge writes the unsplit
 * run's record): when the run started is the file's modification time, as it is written once,
 * when the run starts, and never again.
 *
 * @param jpegQuality null unless the image format is JPEG (it changes nothing otherwise), and null
 *                    when the scene draws a quality per frame (sensor.jpeg_quality, in each frame JSON)
 */
@JsonPropertyOrder({"format", "scene_file", "scene_sha256", "seed", "frames", "width", "height", "image_format",
        "jpeg_quality", "msaa_samples", "shard_index", "shard_count"})
record RunRecord(@JsonProperty(value = "format", required = true) int format,
                 @JsonProperty("scene_file") String sceneFile,
                 @JsonProperty("scene_sha256") String sceneSha256,
                 @JsonProperty(value = "seed", required = true) long seed,
                 @JsonProperty(value = "frames", required = true) int frames,
                 @JsonProperty(value = "width", required = true) int width,
                 @JsonProperty(value = "height", required = true) int height,
                 @JsonProperty(value = "image_format", required = true) String imageFormat,
                 @JsonProperty("jpeg_quality") Integer jpegQuality,
                 @JsonProperty(value = "msaa_samples", required = true) int msaaSamples,
                 @JsonProperty(value = "shard_index", required = true) int shardIndex,
                 @JsonProperty(value = "shard_count", required = true) int shardCount) {

    /** The record of a run of {@code scene} with these options, for shard {@code chosen}. */
    static RunRecord of(Scene scene, RenderSettings settings, Shard chosen) {
        int frameCount = settings.frames() != null ? settings.frames() : scene.frames();
        long seed = settings.seed() != null ? settings.seed() : scene.seed();
        int width = settings.size() != null ? settings.size().width() : scene.width();
        int height = settings.size() != null ? settings.size().height() : scene.height();
        return new RunRecord(FORMAT,
                scene.file() == null ? null : scene.file().toAbsolutePath().normalize().toString(), scene.sha256(),
                seed, frameCount, width, height, settings.imageFormat().extension().substring(1),
                settings.imageFormat() == ImageFormat.JPG && !jpegQualityPerFrame(scene) ? settings.jpegQuality() : null,
                settings.msaaSamples(),
                chosen.index(), chosen.count());
    }

    /** Whether the scene draws each frame's JPEG quality (sensor.jpeg_quality): the run then has none of its own. */
    static boolean jpegQualityPerFrame(Scene scene) {
        return scene.spec().sensor() != null && scene.spec().sensor().jpegQuality() != null;
    }

    static final String FILE_NAME = ".synthscene-run.json";
    /** Version of this file's layout; a different one is refused rather than guessed at. */
    static final int FORMAT = 1;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .build();

    Shard shard() {
        return new Shard(shardIndex, shardCount);
    }

    /**
     * What differs between the run recorded in a folder ({@code this}) and the run a command asks
     * for, one line per difference, e.g. {@code seed: 7 in the folder, 8 now}; empty when it is the
     * same run. The scene file's path may differ.
     */
    List<String> differencesTo(RunRecord asked) {
        List<String> differences = new ArrayList<>();
        compare(differences, "format of " + FILE_NAME, format, asked.format);
        compare(differences, "scene file SHA-256", sceneSha256, asked.sceneSha256);
        compare(differences, "--seed", seed, asked.seed);
        compare(differences, "--frames", frames, asked.frames);
        compare(differences, "--size", width + "x" + height, asked.width + "x" + asked.height);
        compare(differences, "--image-format", imageFormat, asked.imageFormat);
        compare(differences, "--jpeg-quality", jpegQuality, asked.jpegQuality);
        compare(differences, "--msaa", msaaSamples, asked.msaaSamples);
        compare(differences, "--shard", shard().toString(), asked.shard().toString());
        return differences;
    }

    private static void compare(List<String> differences, String what, Object inFolder, Object asked) {
        if (!Objects.equals(inFolder, asked)) {
            differences.add(what + ": " + inFolder + " in the folder, " + asked + " now");
        }
    }

    void write(Path file) {
        try {
            AtomicFiles.write(file, JSON.writeValueAsBytes(this));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** When the run recorded in {@code file} started: the file's modification time. */
    static String startedAt(Path file) {
        try {
            return java.nio.file.Files.getLastModifiedTime(file).toInstant().toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** @throws UserInputException when the file is not a run record of this version */
    static RunRecord read(Path file) {
        try {
            return JSON.readValue(file.toFile(), RunRecord.class);
        } catch (IOException e) {
            throw new UserInputException(file + " is not a run record this version can read (" + e.getMessage().lines().findFirst().orElse("")
                    + "); start again with --overwrite");
        }
    }
}
