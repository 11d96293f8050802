package io.synthscene.engine;

import io.synthscene.scenes.frame.LocalLight;
import io.synthscene.scenes.frame.LocalLighting;
import java.util.List;

/**
 * Packs a frame's point and spot lights into the std430 layout of the {@code LocalLights} block of
 * shaded.frag.glsl: per light four vec4s,
 * <pre>
 *   position (world, metres), range (metres)
 *   radiance (colour x intensity_cd / LUX_PER_UNIT: render units at 1 m), 1 for a spot or 0
 *   spot axis (world, unit), cos(outer cone)
 *   cos(inner cone), 0, 0, 0
 * </pre>
 * Point lights get cos(outer) = -2 and cos(inner) = -1, so the cone test always passes.
 * Pure: the upload is {@link Renderer}'s.
 */
final class LocalLightBlock {
    /** Floats per light in the block. */
    static final int FLOATS_PER_LIGHT = 16;

    private LocalLightBlock() {
    }

    static float[] pack(List<LocalLight> lights) {
        float[] block = new float[FLOATS_PER_LIGHT * lights.size()];
        int i = 0;
        for (LocalLight light : lights) {
            double scale = light.intensityCandela() / LocalLighting.LUX_PER_UNIT;
            block[i++] = (float) light.position().x();
            block[i++] = (float) light.position().y();
            block[i++] = (float) light.position().z();
            block[i++] = (float) light.rangeMeters();
            block[i++] = (float) (light.color().r() * scale);
            block[i++] = (float) (light.color().g() * scale);
            block[i++] = (float) (light.color().b() * scale);
            block[i++] = light.isSpot() ? 1f : 0f;
            if (light.isSpot()) {
                block[i++] = (float) light.direction().x();
                block[i++] = (float) light.direction().y();
                block[i++] = (float) light.direction().z();
                block[i++] = (float) Math.cos(Math.toRadians(light.outerConeDegrees()));
                block[i++] = (float) Math.cos(Math.toRadians(light.innerConeDegrees()));
            } else {
                block[i++] = 0f;
                block[i++] = -1f;
                block[i++] = 0f;
                block[i++] = -2f;
                block[i++] = -1f;
            }
            block[i++] = 0f;
            block[i++] = 0f;
            block[i++] = 0f;
        }
        return block;
    }
}
