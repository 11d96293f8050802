package io.synthscene.scenes;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.SceneObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The road layouts gallery's scenes (docs/gallery/scenes/layouts.yaml with each file of
 * layouts/ appended, as docs/gallery/make-layouts.sh does) load, and every zone-placed group of
 * frame 0 places something on each of the four layouts.
 */
class GalleryScenesTest {
    private static final Path GALLERY = Path.of("../docs/gallery/scenes");

    @Test
    void everyLayoutOfTheGalleryLoadsAndPlacesEachGroup() throws IOException, SceneException {
        String base = Files.readString(GALLERY.resolve("layouts.yaml"));
        List<Path> layouts;
        try (Stream<Path> files = Files.list(GALLERY.resolve("layouts"))) {
            layouts = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(layouts).extracting(p -> p.getFileName().toString())
                .containsExactly("curve.yaml", "four-way.yaml", "straight.yaml", "t-junction.yaml");
        for (Path layout : layouts) {
            Scene scene = SceneLoader.parse(base + Files.readString(layout), layout.getFileName().toString(), null);
            Frame frame = scene.sampleFrame(0);
            List<String> groups = frame.objects().stream().map(SceneObject::group).distinct().toList();
            assertThat(groups).as(layout.toString()).contains("ahead", "oncoming", "parked", "walkers", "crossing", "lamps");
        }
    }
}
