package io.synthscene.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthscene.scenes.frame.Camera;
import io.synthscene.scenes.frame.Lighting;
import io.synthscene.scenes.frame.Rgb;
import io.synthscene.scenes.frame.Vec3;
import java.util.List;
import java.util.SplittableRandom;
import org.joml.Vector4f;
import org.junit.jupiter.api.Test;

/** The sun's orthographic view covers what the camera sees and the casters in front of it; pure math. */
class SunShadowFitTest {
    static final Camera CAMERA = TestFrames.camera(new Vec3(3, 1.5, 2), 20, -5, 70, 160, 120);

    static Vector4f shadowClip(SunShadowFit fit, double x, double y, double z) {
        return fit.lightViewProjection().transform(new Vector4f((float) x, (float) y, (float) z, 1f));
    }

    static Vec3 sun(double azimuth, double elevation) {
        return new Lighting(azimuth, elevation, 1, new Rgb(1, 1, 1), 0.3, new Rgb(1, 1, 1), TestFrames.SKY).directionToSun();
    }

    @Test
    void everyPointTheCameraSeesWithinTheShadowDistanceLandsInsideTheMap() {
        SplittableRandom random = new SplittableRandom(5);
        double tanHalfV = Math.tan(Math.toRadians(CAMERA.vfovDegrees()) / 2);
        double tanHalfH = tanHalfV * CAMERA.width() / CAMERA.height();
        double[][] toWorld = CAMERA.cameraToWorld(); // OpenCV camera: x right, y down, z forward
        for (double[] angles : new double[][] {{0, 10}, {90, 45}, {200, 80}, {330, 3}}) {
            SunShadowFit fit = SunShadowFit.of(CAMERA, sun(angles[0], angles[1]), List.of(), 1024, 40);
            for (int i = 0; i < 2000; i++) {
                double depth = CAMERA.nearMeters() + random.nextDouble() * (40 - CAMERA.nearMeters());
                double cx = (2 * random.nextDouble() - 1) * tanHalfH * depth;
                double cy = (2 * random.nextDouble() - 1) * tanHalfV * depth;
                double[] w = new double[3];
                for (int r = 0; r < 3; r++) {
                    w[r] = toWorld[r][0] * cx + toWorld[r][1] * cy + toWorld[r][2] * depth + toWorld[r][3];
                }
                Vector4f clip = shadowClip(fit, w[0], w[1], w[2]);
                assertThat(Math.abs(clip.x)).isLessThanOrEqualTo(1f);
                assertThat(Math.abs(clip.y)).isLessThanOrEqualTo(1f);
                assertThat(clip.z).isBetween(0f, 1f);
            }
        }
    }

    @Test
    void aCasterBetweenTheSunAndTheViewWidensTheDepthRangeAndOneBesideItDoesNot() {
        Vec3 toSun = sun(180, 30); // behind the camera (+Z), 30 degrees up
        SunShadowFit bare = SunShadowFit.of(CAMERA, toSun, List.of(), 1024, 40);
        float[] towerBehind = {2, 0, 20, 4, 30, 22};
        float[] farAside = {500, 0, 20, 502, 30, 22};
        SunShadowFit withTower = SunShadowFit.of(CAMERA, toSun, List.of(towerBehind, farAside), 1024, 40);
        SunShadowFit withAside = SunShadowFit.of(CAMERA, toSun, List.of(farAside), 1024, 40);
        assertThat(shadowClip(bare, 3, 30, 22).z).as("the tower's top is in front of the bare range").isLessThan(0f);
        assertThat(shadowClip(withTower, 3, 30, 22).z).isBetween(0f, 1f);
        assertThat(withTower.depthRangeMeters()).isGreaterThan(bare.depthRangeMeters());
        assertThat(withAside.depthRangeMeters()).isEqualTo(bare.depthRangeMeters());
        assertThat(withTower.texelMeters()).isEqualTo(bare.texelMeters());
    }
}
