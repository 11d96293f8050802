package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthscene.annotators.InstanceAnnotation;
import io.synthscene.annotators.InstanceAnnotator;
import io.synthscene.annotators.OcclusionAnnotator;
import io.synthscene.assets.AssetLibrary;
import io.synthscene.engine.DevicePreference;
import io.synthscene.engine.Renderer;
import io.synthscene.scenes.frame.Camera;
import io.synthscene.scenes.frame.Category;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.Ground;
import io.synthscene.scenes.frame.Lighting;
import io.synthscene.scenes.frame.Material;
import io.synthscene.scenes.frame.RenderPass;
import io.synthscene.scenes.frame.RenderedFrame;
import io.synthscene.scenes.frame.Rgb;
import io.synthscene.scenes.frame.Vec3;
import io.synthscene.scenes.frame.Weather;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Weather never changes masks, only visibility, on real renders on llvmpipe: a panel behind dense
 * near snow keeps its instance ids, mask, box and area to the byte, and the real
 * {@link OcclusionAnnotator} reports it less visible; rain (below the opacity threshold) changes
 * no label at all. Then the weather example rendered through the CLI with and without snow:
 * byte-identical masks and COCO segmentation, visibility never higher.
 */
class WeatherOcclusionEndToEndTest {
    private static final int WIDTH = 256;
    private static final int HEIGHT = 192;
    private static final Set<RenderPass> PASSES = EnumSet.of(RenderPass.INSTANCE_ID, RenderPass.SILHOUETTES);
    private static final Material GREY = new Material(new Rgb(0.5, 0.5, 0.5), 1.0);
    /** 1 m up at z = 10, looking along -Z, 50 degrees across: flakes nearer than about 3.3 m are a pixel wide or more. */
    private static final Camera CAMERA = new Camera(new Vec3(0, 1, 10), 0, 0, 0, 50, 0.1, 100, WIDTH, HEIGHT);
    /** 1/30 s: flakes fall 3 cm during the exposure. */
    private static final double SHUTTER = 0.033;

    private static Renderer renderer;

    @TempDir
    Path temp;

    @BeforeAll
    static void open() {
        renderer = Renderer.open(DevicePreference.AUTO, WIDTH, HEIGHT, 1, new AssetLibrary());
    }

    @AfterAll
    static void close() {
        renderer.close();
    }

    /** A 4 m x 2 m panel 5 m ahead, unoccluded in the clear frame. */
    private static Frame clearFrame() {
        return new Frame(0, 1L, CAMERA,
                new Lighting(0, 45, 0, new Rgb(1, 1, 1), 0.5, new Rgb(1, 1, 1), new Rgb(0.5, 0.7, 1)),
                new Ground(200, GREY), List.of(new Category(1, "panel", "thing")),
                List.of(OcclusionTest.panel(1, -2, 2, 0.2, 2.2, 5)));
    }

    private record Labelled(RenderedFrame rendered, List<InstanceAnnotation> annotations) {
    }

    private static Labelled label(Frame frame) {
        RenderedFrame rendered = renderer.render(frame, PASSES);
        List<InstanceAnnotation> annotations = new OcclusionAnnotator()
                .annotate(frame, rendered, new InstanceAnnotator().annotate(frame, rendered)).annotations();
        return new Labelled(rendered, annotations);
    }

    @Test
    void panelBehindDenseNearSnowKeepsItsMaskAndIsLessVisible() {
        Labelled clear = label(clearFrame());
        Labelled snow = label(clearFrame().withWeather(new Weather(null, 1.0, 0.5, SHUTTER)));

        assertThat(snow.rendered().instanceIds()).isEqualTo(clear.rendered().instanceIds());
        InstanceAnnotation before = clear.annotations().get(0);
        InstanceAnnotation after = snow.annotations().get(0);
        assertThat(after.rle().countsString()).isEqualTo(before.rle().countsString());
        assertThat(after.area()).isEqualTo(before.area());
        assertThat(new int[] {after.x(), after.y(), after.width(), after.height()})
                .containsExactly(before.x(), before.y(), before.width(), before.height());
        assertThat(after.occlusion().amodalRle().countsString()).isEqualTo(before.occlusion().amodalRle().countsString());
        assertThat(after.occlusion().occluders()).isEmpty();

        assertThat(before.occlusion().visibility()).isEqualTo(1.0);
        int covered = 0;
        for (int p = 0; p < WIDTH * HEIGHT; p++) {
            covered += clear.rendered().instanceIds()[p] == 1 && snow.rendered().coveredByParticle(p) ? 1 : 0;
        }
        assertThat(covered).as("panel pixels under flakes").isPositive();
        assertThat(after.occlusion().visibility())
                .isEqualTo((double) (after.area() - covered) / after.occlusion().amodalArea())
                .isLessThan(1.0).isGreaterThan(0.5);
    }

    @Test
    void rainChangesNoLabel() {
        Labelled clear = label(clearFrame());
        Labelled rain = label(clearFrame().withWeather(new Weather(1.0, null, null, SHUTTER)));
        assertThat(rain.rendered().particleCoverage()).isNull();
        assertThat(rain.rendered().instanceIds()).isEqualTo(clear.rendered().instanceIds());
        assertThat(rain.annotations()).hasSize(1);
        assertThat(rain.annotations().get(0).occlusion().visibility()).isEqualTo(1.0);
        assertThat(rain.annotations().get(0).rle().countsString()).isEqualTo(clear.annotations().get(0).rle().countsString());
    }

    @Test
    void theWeatherExampleWithSnowHasTheMasksOfTheSameFramesWithoutAndNoHigherVisibility() throws IOException {
        String yaml = Files.readString(Path.of(Cli.example("urban-weather.yaml")));
        String snowless = yaml.replaceAll("(?m)^  rain:.*\\n", "")
                .replaceAll("(?m)^  snow:\\n(?:    .*\\n)+", "");
        String snowy = snowless.replace("weather:\n", "weather:\n  snow: {intensity: 1.0, cover: 0.3}\n");
        assertThat(snowless).doesNotContain("snow:", "rain:");
        assertThat(snowy).contains("snow: {intensity: 1.0");
        Path clear = render(snowless, "clear");
        Path snow = render(snowy, "snow");

        for (int i = 0; i < 2; i++) {
            String mask = String.format("masks/instance/%06d.png", i);
            assertThat(snow.resolve(mask)).hasSameBinaryContentAs(clear.resolve(mask));
        }
        JsonNode a = DatasetFiles.json(clear.resolve("annotations/instances.json")).get("annotations");
        JsonNode b = DatasetFiles.json(snow.resolve("annotations/instances.json")).get("annotations");
        assertThat(b.size()).isEqualTo(a.size()).isGreaterThan(5);
        int lower = 0;
        for (int k = 0; k < a.size(); k++) {
            for (String field : new String[] {"segmentation", "bbox", "area", "image_id", "category_id"}) {
                assertThat(b.get(k).get(field)).as("%s of annotation %d", field, k).isEqualTo(a.get(k).get(field));
            }
            double before = a.get(k).get("synthscene").get("visibility").asDouble();
            double after = b.get(k).get("synthscene").get("visibility").asDouble();
            assertThat(after).isLessThanOrEqualTo(before);
            lower += after < before ? 1 : 0;
        }
        assertThat(lower).as("annotations less visible in snow").isPositive();
    }

    private Path render(String yaml, String name) throws IOException {
        Path scene = temp.resolve(name + ".yaml");
        Files.writeString(scene, yaml);
        Path out = temp.resolve(name);
        Cli.Result result = Cli.run("render", scene.toString(), "--out", out.toString(), "--frames", "2",
                "--size", "192x128");
        assertThat(result.exitCode()).as(result.all()).isZero();
        return out;
    }
}
