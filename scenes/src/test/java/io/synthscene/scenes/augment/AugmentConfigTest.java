package io.synthscene.scenes.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthscene.scenes.AugmentLoader;
import io.synthscene.scenes.SceneException;
import io.synthscene.scenes.spec.AugmentSpec;
import org.junit.jupiter.api.Test;

/**
 * The augment config: the scene DSL's distributions and positioned problems, and per-image,
 * per-variant draws that depend on (seed, source image id, variant) alone.
 */
class AugmentConfigTest {
    private static final String FULL = """
            seed: 11
            sensor:
              exposure_ev: {uniform: [-1, 0.5]}
              noise: {gaussian_std: {uniform: [0, 3]}}
            jpeg_quality: {uniform_int: [40, 95]}
            fog:
              visibility_m: {uniform: [30, 300]}
              airlight: [0.7, {uniform: [0.7, 0.8]}, 0.85]
              ground_plane: {camera_height_m: {normal: {mean: 1.5, std: 0.1, min: 1, max: 2}}, pitch_deg: 4, hfov_deg: 70}
            anonymize: {method: pixelate, strength_px: 8}
            """;

    @Test
    void aFullConfigReadsEverySection() throws SceneException {
        AugmentSpec spec = AugmentLoader.parse(FULL, "augment.yaml");
        assertThat(spec.seed()).isEqualTo(11);
        assertThat(spec.sensor()).isNotNull();
        assertThat(spec.jpegQuality().describe()).isEqualTo("{uniform_int: [40, 95]}");
        assertThat(spec.fog().groundPlane().hfovDeg().sample(null)).isEqualTo(70);
        assertThat(spec.anonymize()).isEqualTo(new AugmentSpec.AnonymizeSpec(AugmentSpec.AnonymizeSpec.Method.PIXELATE, 8));
    }

    @Test
    void onlyTheSeedIsRequired() throws SceneException {
        AugmentSpec spec = AugmentLoader.parse("seed: 3\n", "augment.yaml");
        assertThat(spec.sensor()).isNull();
        assertThat(spec.jpegQuality()).isNull();
        assertThat(spec.fog()).isNull();
        assertThat(spec.anonymize()).isEqualTo(AugmentSpec.AnonymizeSpec.DEFAULT);
        assertThat(AugmentRandomizer.sample(spec, 1, 0)).isEqualTo(new AugmentVariant(null, null, null));
    }

    @Test
    void problemsNameFileLineColumnAndFieldAllAtOnce() {
        String text = """
                seed: 1
                jpeg_quality: {uniform: [40, 95]}
                fog:
                  visibility_m: -5
                  airlite: [1, 1, 1]
                anonymize: {method: blurr}
                """;
        assertThatThrownBy(() -> AugmentLoader.parse(text, "augment.yaml"))
                .isInstanceOf(SceneException.class)
                .hasMessage(String.join("\n",
                        "augment.yaml:2:15: jpeg_quality: {uniform: [40, 95]} can produce fractions; a JPEG quality is a whole"
                                + " number 1..100: a number, {uniform_int: [a, b]} or {choice: [...]}",
                        "augment.yaml:4:17: fog.visibility_m: -5 must be > 0",
                        "augment.yaml:5:3: fog.airlite: unknown key 'airlite'; expected one of: visibility_m, airlight, ground_plane",
                        "augment.yaml:6:21: anonymize.method: unknown method 'blurr', did you mean 'blur'?"));
    }

    @Test
    void aMissingSeedIsReportedAtTheTop() {
        assertThatThrownBy(() -> AugmentLoader.parse("fog: {visibility_m: 100}\n", "a.yaml"))
                .hasMessage("a.yaml:1:1: seed: missing required field 'seed'");
    }

    @Test
    void drawsDependOnSeedImageAndVariantOnly() throws SceneException {
        AugmentSpec spec = AugmentLoader.parse(FULL, "augment.yaml");
        AugmentVariant first = AugmentRandomizer.sample(spec, 42, 1);
        assertThat(AugmentRandomizer.sample(AugmentLoader.parse(FULL, "again.yaml"), 42, 1)).usingRecursiveComparison().isEqualTo(first);
        assertThat(AugmentRandomizer.sample(spec, 42, 2).fog().visibilityM()).isNotEqualTo(first.fog().visibilityM());
        assertThat(AugmentRandomizer.sample(spec, 43, 1).fog().visibilityM()).isNotEqualTo(first.fog().visibilityM());
        AugmentSpec otherSeed = AugmentLoader.parse(FULL.replace("seed: 11", "seed: 12"), "augment.yaml");
        assertThat(AugmentRandomizer.sample(otherSeed, 42, 1).fog().visibilityM()).isNotEqualTo(first.fog().visibilityM());
    }

    @Test
    void drawnValuesStayInsideTheirDistributions() throws SceneException {
        AugmentSpec spec = AugmentLoader.parse(FULL, "augment.yaml");
        for (int image = 1; image <= 200; image++) {
            AugmentVariant v = AugmentRandomizer.sample(spec, image, 0);
            assertThat(v.jpegQuality()).isBetween(40, 95);
            assertThat(v.fog().visibilityM()).isBetween(30.0, 300.0);
            assertThat(v.fog().airlight()[1]).isBetween(0.7, 0.8);
            assertThat(v.fog().groundPlane().cameraHeightM()).isBetween(1.0, 2.0);
            assertThat(v.sensor().exposureEv()).isBetween(-1.0, 0.5);
        }
    }

    @Test
    void addingFogLeavesTheSensorDrawsAlone() throws SceneException {
        AugmentSpec withFog = AugmentLoader.parse(FULL, "augment.yaml");
        AugmentSpec without = AugmentLoader.parse(FULL.replaceAll("(?s)fog:.*?anonymize", "anonymize"), "augment.yaml");
        assertThat(without.fog()).isNull();
        assertThat(AugmentRandomizer.sample(without, 5, 0).sensor()).isEqualTo(AugmentRandomizer.sample(withFog, 5, 0).sensor());
    }
}
