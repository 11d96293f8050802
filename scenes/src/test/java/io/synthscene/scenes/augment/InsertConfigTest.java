package io.synthscene.scenes.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthscene.scenes.AugmentLoader;
import io.synthscene.scenes.SceneException;
import io.synthscene.scenes.frame.Camera;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.Lighting;
import io.synthscene.scenes.randomize.InsertRandomizer;
import io.synthscene.scenes.spec.InsertSpec;
import org.junit.jupiter.api.Test;

/**
 * The augment config's {@code insert:} section: the scene file's groups, the photo's camera and
 * light, positioned problems, and draws that depend on (seed, image, variant) alone.
 */
class InsertConfigTest {
    private static final String INSERT = """
            seed: 3
            insert:
              categories: [crate, {name: cone, supercategory: road}]
              groups:
                - name: crates
                  asset: {kind: box, params: {width_m: 1, height_m: 1, length_m: 1}}
                  category: crate
                  count: {uniform_int: [1, 3]}
                  region: {x: [-3, 3], z: [-12, -5]}
                  yaw_deg: {uniform: [0, 90]}
                  visible_from_camera: true
              camera: {height_m: {uniform: [1.2, 1.8]}, pitch_deg: 5, focal_length_px: 500, principal_point_px: [310, 200]}
              light: {sun_elevation_deg: {uniform: [20, 60]}, sun_azimuth_deg: 90, ambient_intensity: 0.5}
              min_visibility: 0.2
              covered: ignore
              blend: {match_color: 0.5, blur_px: {uniform: [0, 1]}}
            """;

    @Test
    void anInsertSectionReadsGroupsCameraLightAndRules() throws SceneException {
        InsertSpec spec = AugmentLoader.parse(INSERT, "augment.yaml").insert();
        assertThat(spec.categories()).extracting(c -> c.name() + "/" + c.supercategory()).containsExactly("crate/crate", "cone/road");
        assertThat(spec.groups()).hasSize(1);
        assertThat(spec.covered()).isEqualTo(InsertSpec.Covered.IGNORE);
        assertThat(spec.minVisibility()).isEqualTo(0.2);
        // sun given, ambient given: the sun's intensity is still to be estimated
        assertThat(spec.light().estimated()).isTrue();
    }

    @Test
    void theCameraIsMatchedToThePhotoAndTheObjectsStandInView() throws SceneException {
        InsertSpec spec = AugmentLoader.parse(INSERT, "augment.yaml").insert();
        Camera camera = InsertRandomizer.camera(spec, 3, 17, 0, 640, 400);
        assertThat(camera.focalLengthPixels()).isCloseTo(500, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(camera.principalPointXPixels()).isEqualTo(310);
        assertThat(camera.principalPointYPixels()).isEqualTo(200);
        assertThat(camera.pitchDegrees()).isEqualTo(-5);
        assertThat(camera.position().y()).isBetween(1.2, 1.8);
        InsertRandomizer.LightDraw draw = InsertRandomizer.light(spec, 3, 17, 0);
        Lighting lighting = InsertRandomizer.lighting(draw, 2.0);
        // 60 % of the ground's light from the sun: sun x sin(elevation) = 1.2
        assertThat(lighting.sunIntensity() * Math.sin(Math.toRadians(draw.sunElevationDeg()))).isCloseTo(1.2,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(lighting.ambientIntensity()).isEqualTo(0.5);
        Frame frame = InsertRandomizer.frame(spec, camera, lighting, draw, 3, 17, 0);
        assertThat(frame.objects()).isNotEmpty().allSatisfy(o -> {
            assertThat(o.position().y()).isZero();
            assertThat(o.category()).isEqualTo("crate");
        });
        assertThat(frame.ground()).isNotNull();
        // the same (seed, image, variant) draws the same; another variant draws anew
        assertThat(InsertRandomizer.frame(spec, camera, lighting, draw, 3, 17, 0)).isEqualTo(frame);
        assertThat(InsertRandomizer.camera(spec, 3, 17, 1, 640, 400).position().y()).isNotEqualTo(camera.position().y());
    }

    @Test
    void insertProblemsAreReportedAtTheirLineAndColumn() {
        String text = """
                seed: 1
                insert:
                  categories: [crate]
                  groups:
                    - name: scenery
                      asset: {kind: box}
                      region: {x: [0, 1], z: [-5, -4]}
                  camera: {hfov_deg: 60, focal_length_px: 500}
                  covered: hide
                  blend: {blur_px: 50}
                """;
        assertThatThrownBy(() -> AugmentLoader.parse(text, "augment.yaml"))
                .isInstanceOf(SceneException.class)
                .hasMessageContaining("augment.yaml:5:7: insert.groups[0].category: an inserted group needs a category")
                .hasMessageContaining("augment.yaml:8:26: insert.camera.focal_length_px: give either hfov_deg or focal_length_px, not both")
                .hasMessageContaining("augment.yaml:9:12: insert.covered: unknown value 'hide'")
                .hasMessageContaining("augment.yaml:10:20: insert.blend.blur_px: 50 is outside [0, 10]");
    }

    @Test
    void anUnknownCategoryOfAGroupIsReportedWithTheInsertedOnes() {
        String text = """
                seed: 1
                insert:
                  categories: [crate]
                  groups:
                    - {name: a, asset: {kind: box}, category: crates, region: {x: [0, 1], z: [-5, -4]}}
                """;
        assertThatThrownBy(() -> AugmentLoader.parse(text, "augment.yaml"))
                .hasMessageContaining("augment.yaml:5:47: insert.groups[0].category: unknown category 'crates'");
    }
}
