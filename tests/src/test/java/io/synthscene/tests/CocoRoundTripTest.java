package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthscene.annotators.AnnotatedFrame;
import io.synthscene.annotators.CocoRecords;
import io.synthscene.annotators.InstanceAnnotation;
import io.synthscene.annotators.SynthsceneCocoReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real render's {@code instances.json}, read back into records with {@link SynthsceneCocoReader}
 * and written again by a new {@code CocoDatasetWriter}, is the same file byte for byte.
 */
class CocoRoundTripTest {
    @TempDir
    Path temp;

    @Test
    void theStreetExamplesCocoFileReadBackAndWrittenAgainIsByteIdentical() throws IOException {
        CocoRecords records = renderReadAndRewrite("urban-street.yaml", "3", "320x240");
        List<InstanceAnnotation> annotations = annotations(records);
        assertThat(annotations).as("occlusion, 3-D boxes and keypoints are all in the file")
                .anyMatch(a -> a.occlusion() != null && a.occlusion().visibility() < 1)
                .anyMatch(a -> a.box3d() != null)
                .anyMatch(a -> a.keypoints() != null);
    }

    @Test
    void theTableTopExamplesCocoFileReadBackAndWrittenAgainIsByteIdentical() throws IOException {
        CocoRecords records = renderReadAndRewrite("table-top.yaml", "4", "160x120");
        assertThat(annotations(records)).anyMatch(a -> a.occlusion() != null).anyMatch(a -> a.box3d() != null);
    }

    private CocoRecords renderReadAndRewrite(String example, String frames, String size) throws IOException {
        Path dataset = temp.resolve("dataset");
        Cli.Result result = Cli.run("render", Cli.example(example), "--out", dataset.toString(), "--frames", frames,
                "--size", size);
        assertThat(result.exitCode()).as(result.all()).isZero();
        Path written = dataset.resolve("annotations/instances.json");

        CocoRecords records = SynthsceneCocoReader.read(written);
        Path again = temp.resolve("again.json");
        records.writer().write(again);

        assertThat(records.frames()).hasSize(Integer.parseInt(frames))
                .allSatisfy(frame -> assertThat(frame.camera()).isNotNull())
                .allSatisfy(frame -> assertThat(frame.occlusionStats()).isNotNull());
        assertThat(Files.readString(again)).isEqualTo(Files.readString(written)); // a readable diff when it fails
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(written));
        return records;
    }

    private static List<InstanceAnnotation> annotations(CocoRecords records) {
        List<InstanceAnnotation> all = records.frames().stream().map(AnnotatedFrame::annotations)
                .flatMap(List::stream).filter(Objects::nonNull).toList();
        assertThat(all).isNotEmpty();
        return all;
    }
}
