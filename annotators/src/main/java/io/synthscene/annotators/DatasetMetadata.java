package io.synthscene.annotators;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * Provenance of a dataset, written as {@code dataset.json} by {@link DatasetMetadataWriter}.
 * Created by the CLI at the end of a batch (or of a merge); read back by {@link DatasetMetadataReader}. Times are ISO-8601 strings chosen by the caller
 * (this module never reads a clock, so its output depends on its inputs only).
 *
 * @param synthsceneVersion  version of the program that rendered the dataset
 * @param gitCommit          commit the program was built from; null when unknown
 * @param sceneFile          path of the scene file; null when the scene did not come from a file
 * @param sceneSha256        SHA-256 of the scene file's bytes, lower-case hex; null when unknown
 * @param seed               the seed the frames were sampled with
 * @param frameCount         number of frames written into this folder
 * @param shard              the part of the run this folder holds ({@link DatasetShard#whole} when unsplit)
 * @param width              image width in pixels
 * @param height             image height in pixels
 * @param renderingDevice    the device as the driver names it (GL_RENDERER)
 * @param hardwareRendering  true for a GPU, false for a software rasterizer such as llvmpipe
 * @param imageFormat        colour image format, e.g. "png" or "jpg"
 * @param jpegQuality        JPEG quality 1..100 when the format is "jpg"; null otherwise
 * @param msaaSamples        multisamples of the colour image (1 = none); never applies to masks
 * @param startedAt          when rendering started, ISO-8601 (e.g. {@code 2025-01-31T12:00:00Z})
 * @param finishedAt         when the last file was written, ISO-8601
 * @param gpuResetNotification what the GL context got for GPU resets ({@code egl15_lose_context_on_reset},
 *                           {@code ext_lose_context_on_reset} or {@code none}; shards that differ are joined
 *                           with {@code " | "}); null when unknown (files written before it was recorded)
 * @param unplaced           the objects the scene's groups asked for but could not place, over this folder's
 *                           frames ({@link UnplacedReport#NONE} when every object was placed, and for files
 *                           written before it was recorded); each row's frames are {@code frameCount}
 */
public record DatasetMetadata(String synthsceneVersion, String gitCommit, String sceneFile, String sceneSha256,
                              long seed, int frameCount, DatasetShard shard, int width, int height,
                              String renderingDevice, boolean hardwareRendering, String imageFormat,
                              Integer jpegQuality, int msaaSamples,
                              String startedAt, String finishedAt, String gpuResetNotification,
                              UnplacedReport unplaced) {

    /** With every object placed. */
    public DatasetMetadata(String synthsceneVersion, String gitCommit, String sceneFile, String sceneSha256,
                           long seed, int frameCount, DatasetShard shard, int width, int height,
                           String renderingDevice, boolean hardwareRendering, String imageFormat,
                           Integer jpegQuality, int msaaSamples, String startedAt, String finishedAt,
                           String gpuResetNotification) {
        this(synthsceneVersion, gitCommit, sceneFile, sceneSha256, seed, frameCount, shard, width, height, renderingDevice,
                hardwareRendering, imageFormat, jpegQuality, msaaSamples, startedAt, finishedAt, gpuResetNotification,
                UnplacedReport.NONE);
    }

    /** Without {@code gpuResetNotification} (unknown). */
    public DatasetMetadata(String synthsceneVersion, String gitCommit, String sceneFile, String sceneSha256,
                           long seed, int frameCount, DatasetShard shard, int width, int height,
                           String renderingDevice, boolean hardwareRendering, String imageFormat,
                           Integer jpegQuality, int msaaSamples, String startedAt, String finishedAt) {
        this(synthsceneVersion, gitCommit, sceneFile, sceneSha256, seed, frameCount, shard, width, height, renderingDevice,
                hardwareRendering, imageFormat, jpegQuality, msaaSamples, startedAt, finishedAt, null);
    }

    public DatasetMetadata {
        Objects.requireNonNull(synthsceneVersion, "synthsceneVersion");
        Objects.requireNonNull(renderingDevice, "renderingDevice");
        Objects.requireNonNull(imageFormat, "imageFormat");
        Objects.requireNonNull(shard, "shard");
        if (frameCount < 0) {
            throw new IllegalArgumentException("frame count " + frameCount + " must be >= 0");
        }
        if ((long) shard.firstFrame() + frameCount > shard.framesTotal()) {
            throw new IllegalArgumentException(frameCount + " frames from frame " + shard.firstFrame()
                    + " do not fit a run of " + shard.framesTotal());
        }
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size " + width + "x" + height + " must be at least 1x1");
        }
        if (jpegQuality != null && (jpegQuality < 1 || jpegQuality > 100)) {
            throw new IllegalArgumentException("JPEG quality " + jpegQuality + " is outside 1..100");
        }
        if (msaaSamples < 1) {
            throw new IllegalArgumentException("MSAA samples " + msaaSamples + " must be >= 1");
        }
        requireIsoDateTime("startedAt", startedAt);
        requireIsoDateTime("finishedAt", finishedAt);
        unplaced = unplaced == null ? UnplacedReport.NONE : unplaced;
        for (UnplacedReport.Row row : unplaced.rows()) {
            if (row.frames() != frameCount) {
                throw new IllegalArgumentException("unplaced: group " + row.group() + " counted over " + row.frames()
                        + " frames, not the " + frameCount + " of this folder");
            }
        }
    }

    private static void requireIsoDateTime(String name, String value) {
        Objects.requireNonNull(value, name);
        try {
            DateTimeFormatter.ISO_DATE_TIME.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + ": '" + value + "' is not an ISO-8601 date-time", e);
        }
    }
}
