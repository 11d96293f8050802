package io.synthscene.annotators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetMetadataWriterTest {
    @TempDir
    Path folder;

    private static DatasetMetadata metadata(String gitCommit, String startedAt) {
        return new DatasetMetadata("0.1.0", gitCommit, "/data/city.yaml", "ab12", 1234567890123L, 10, 640, 480,
                "llvmpipe (LLVM 15.0.7, 256 bits)", false, "png", null, 4, startedAt, "2025-01-31T12:05:00Z");
    }

    @Test
    void everyFieldIsWrittenUnderItsSnakeCaseKey() throws IOException {
        Path file = folder.resolve("dataset.json");

        DatasetMetadataWriter.write(file, metadata("abc123", "2025-01-31T12:00:00Z"));

        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.fieldNames()).toIterable().containsExactly("synthscene_version", "git_commit", "scene_file",
                "scene_sha256", "seed", "frames", "width", "height", "rendering_device", "hardware_rendering",
                "image_format", "jpeg_quality", "msaa_samples", "started_at", "finished_at");
        assertThat(json.get("seed").asLong()).isEqualTo(1234567890123L);
        assertThat(json.get("frames").asInt()).isEqualTo(10);
        assertThat(json.get("hardware_rendering").asBoolean()).isFalse();
        assertThat(json.get("rendering_device").asText()).startsWith("llvmpipe");
        assertThat(json.get("started_at").asText()).isEqualTo("2025-01-31T12:00:00Z");
    }

    @Test
    void unknownCommitIsWrittenAsNullAndTheOutputIsDeterministic() throws IOException {
        Path first = folder.resolve("a.json");
        Path second = folder.resolve("b.json");

        DatasetMetadataWriter.write(first, metadata(null, "2025-01-31T12:00:00Z"));
        DatasetMetadataWriter.write(second, metadata(null, "2025-01-31T12:00:00Z"));

        assertThat(new ObjectMapper().readTree(first.toFile()).get("git_commit").isNull()).isTrue();
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void timeThatIsNotIso8601IsRejected() {
        assertThatThrownBy(() -> metadata(null, "yesterday"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("startedAt").hasMessageContaining("yesterday");
    }
}
