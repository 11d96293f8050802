package io.synthscene.annotators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthscene.scenes.frame.AssetRef;
import io.synthscene.scenes.frame.Camera;
import io.synthscene.scenes.frame.Category;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.Ground;
import io.synthscene.scenes.frame.Lighting;
import io.synthscene.scenes.frame.Material;
import io.synthscene.scenes.frame.Rgb;
import io.synthscene.scenes.frame.SceneObject;
import io.synthscene.scenes.frame.Vec3;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Counting what groups could not place, and its place in {@code dataset.json}. */
class UnplacedReportTest {
    @TempDir
    Path folder;

    private static Frame frame(int index, Map<String, Integer> unplaced, String... placedGroups) {
        Material grey = new Material(new Rgb(0.5, 0.5, 0.5), 0.5);
        List<SceneObject> objects = new ArrayList<>();
        int id = 1;
        for (String group : placedGroups) {
            objects.add(new SceneObject(id++, 1, "crate", group, AssetRef.procedural("box", Map.of("width_m", 1.0,
                    "length_m", 1.0, "height_m", 1.0)), new Vec3(0, 0, -5), 0, 0, 0, 1, grey));
        }
        Camera camera = new Camera(new Vec3(0, 1.5, 0), 0, 0, 0, 60, 0.1, 100, 64, 48);
        Lighting lighting = new Lighting(30, 45, 1, new Rgb(1, 1, 1), 0.3, new Rgb(1, 1, 1), new Rgb(0.5, 0.7, 1));
        return new Frame(index, 1, camera, lighting, new Ground(50, grey), List.of(new Category(1, "crate", "x")),
                objects, null, null, null, null, null, null, unplaced);
    }

    @Test
    void objectsAskedCountFramesWithoutDropsToo() {
        UnplacedReport report = UnplacedReport.of(List.of(
                frame(0, Map.of("crates", 3), "crates"),
                frame(1, Map.of(), "crates", "crates", "crates", "crates", "cones"),
                frame(2, Map.of("crates", 1, "cones", 2), "crates", "crates", "crates")));

        assertThat(report.rows()).containsExactly(
                new UnplacedReport.Row("cones", 2, 3, 1, 3),
                new UnplacedReport.Row("crates", 4, 12, 2, 3));
        assertThat(report.rows().get(1).describe())
                .isEqualTo("group 'crates': 4 of 12 objects (33 %) in 2 of 3 frames could not be placed");
    }

    @Test
    void framesThatPlacedEverythingGiveAnEmptyReport() {
        assertThat(UnplacedReport.of(List.of(frame(0, null, "crates"), frame(1, Map.of(), "cones"))).isEmpty()).isTrue();
    }

    @Test
    void smallSharesKeepADecimalSoTheyNeverReadAsZero() {
        assertThat(UnplacedReport.percent(0.75)).isEqualTo("75 %");
        assertThat(UnplacedReport.percent(1.0 / 400)).isEqualTo("0.3 %");
        assertThat(UnplacedReport.percent(37.0 / 400)).isEqualTo("9.3 %");
        assertThat(UnplacedReport.percent(0.05)).isEqualTo("5 %");
    }

    @Test
    void datasetJsonHoldsTheTotalsOnlyWhenSomethingWasDroppedAndReadsThemBack() throws IOException {
        DatasetMetadata none = new DatasetMetadata("0.1.0", null, null, null, 5, 4, DatasetShard.whole(4), 8, 6,
                "llvmpipe", false, "png", null, 1, "2025-01-31T12:00:00Z", "2025-01-31T12:00:01Z", "none");
        DatasetMetadata some = new DatasetMetadata("0.1.0", null, null, null, 5, 4, DatasetShard.whole(4), 8, 6,
                "llvmpipe", false, "png", null, 1, "2025-01-31T12:00:00Z", "2025-01-31T12:00:01Z", "none",
                new UnplacedReport(List.of(new UnplacedReport.Row("crates", 12, 16, 4, 4))));
        Path without = folder.resolve("none.json");
        Path with = folder.resolve("some.json");

        DatasetMetadataWriter.write(without, none);
        DatasetMetadataWriter.write(with, some);

        assertThat(Files.readString(without)).doesNotContain("unplaced");
        assertThat(Files.readString(with)).endsWith("""
                  "gpu_reset_notification" : "none",
                  "unplaced" : {
                    "crates" : {
                      "objects" : 12,
                      "objects_asked" : 16,
                      "frames" : 4
                    }
                  }
                }
                """);
        assertThat(DatasetMetadataReader.read(without)).isEqualTo(none);
        assertThat(DatasetMetadataReader.read(with)).isEqualTo(some);
    }

    @Test
    void aDamagedUnplacedEntryIsRefusedNamingTheKey() throws IOException {
        DatasetMetadata some = new DatasetMetadata("0.1.0", null, null, null, 5, 4, DatasetShard.whole(4), 8, 6,
                "llvmpipe", false, "png", null, 1, "2025-01-31T12:00:00Z", "2025-01-31T12:00:01Z", "none",
                new UnplacedReport(List.of(new UnplacedReport.Row("crates", 12, 16, 4, 4))));
        Path file = folder.resolve("dataset.json");
        DatasetMetadataWriter.write(file, some);
        String text = Files.readString(file);

        Files.writeString(file, text.replace("\"objects_asked\" : 16", "\"objects_asked\" : 16, \"why\" : 1"));
        assertThatThrownBy(() -> DatasetMetadataReader.read(file)).hasMessageContaining("unknown key unplaced.crates.why");
        Files.writeString(file, text.replace("\"objects_asked\" : 16", "\"objects_asked\" : 5"));
        assertThatThrownBy(() -> DatasetMetadataReader.read(file)).hasMessageContaining("12 of 5 objects");
        Files.writeString(file, text.replace("\"frames\" : 4\n", "\"frames\" : 9\n"));
        assertThatThrownBy(() -> DatasetMetadataReader.read(file)).hasMessageContaining("in 9 of 4 frames");
    }
}
