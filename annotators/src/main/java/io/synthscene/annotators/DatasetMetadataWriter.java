package io.synthscene.annotators;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Writes {@link DatasetMetadata} as {@code dataset.json}, atomically, keys in a fixed order and
 * pretty-printed for people. Unknown values are written as {@code null}, not left out, so every
 * file has the same keys; the one key written only when it has something to say is {@code unplaced}
 * (objects the groups could not place), so that a run that placed everything writes the same file
 * as before it existed.
 */
public final class DatasetMetadataWriter {

    private DatasetMetadataWriter() {
    }

    public static void write(Path target, DatasetMetadata metadata) {
        try {
            AtomicFiles.write(target, out -> {
                try (JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
                    json.useDefaultPrettyPrinter();
                    writeFields(json, metadata);
                    json.writeRaw('\n');
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    private static void writeFields(JsonGenerator json, DatasetMetadata m) throws IOException {
        json.writeStartObject();
        json.writeStringField("synthscene_version", m.synthsceneVersion());
        json.writeStringField("git_commit", m.gitCommit());
        json.writeStringField("scene_file", m.sceneFile());
        json.writeStringField("scene_sha256", m.sceneSha256());
        json.writeNumberField("seed", m.seed());
        json.writeNumberField("frames", m.frameCount());
        json.writeObjectFieldStart("shard");
        json.writeNumberField("index", m.shard().index());
        json.writeNumberField("count", m.shard().count());
        json.writeNumberField("first_frame", m.shard().firstFrame());
        json.writeNumberField("frames_total", m.shard().framesTotal());
        json.writeEndObject();
        json.writeNumberField("width", m.width());
        json.writeNumberField("height", m.height());
        json.writeStringField("rendering_device", m.renderingDevice());
        json.writeBooleanField("hardware_rendering", m.hardwareRendering());
        json.writeStringField("image_format", m.imageFormat());
        if (m.jpegQuality() != null) {
            json.writeNumberField("jpeg_quality", m.jpegQuality());
        } else {
            json.writeNullField("jpeg_quality");
        }
        json.writeNumberField("msaa_samples", m.msaaSamples());
        json.writeStringField("started_at", m.startedAt());
        json.writeStringField("finished_at", m.finishedAt());
        json.writeStringField("gpu_reset_notification", m.gpuResetNotification());
        if (!m.unplaced().isEmpty()) {
            json.writeObjectFieldStart("unplaced");
            for (UnplacedReport.Row row : m.unplaced().rows()) {
                json.writeObjectFieldStart(row.group());
                json.writeNumberField("objects", row.unplaced());
                json.writeNumberField("objects_asked", row.asked());
                json.writeNumberField("frames", row.framesAffected());
                json.writeEndObject();
            }
            json.writeEndObject();
        }
        json.writeEndObject();
    }
}
