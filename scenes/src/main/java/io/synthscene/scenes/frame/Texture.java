package io.synthscene.scenes.frame;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A procedural pattern that replaces a material's base colour (linear RGB), drawn in the
 * surface's own space: object-local metres times the object's scale for an object, so the pattern
 * moves and turns with it, and world metres for the ground. Created by the scene sampler, read by
 * the renderer ({@code shaded.frag.glsl} evaluates it per pixel).
 *
 * <p>The pattern is solid (3D): the base pattern is turned by {@code angleDegrees} about +Y
 * (counter-clockwise seen from above), so its axes are r = (cos a, 0, -sin a), +Y and
 * n = (sin a, 0, cos a). With s = {@code scaleMeters}:
 * <ul>
 *   <li>{@code checker}: colour index floor(p·r / s) + floor(p.y / s) + floor(p·n / s), mod 2:
 *       cubes of side s; on a flat face, squares of side s.</li>
 *   <li>{@code stripes}: colour index floor(p·n / s) mod 2: stripes s wide that run along r.</li>
 *   <li>{@code noise}: smooth value noise t in [0, 1] with features about s across (two
 *       octaves), the colour mix(colors[0], colors[1], t).</li>
 * </ul>
 *
 * @param colors exactly two colours, linear RGB
 */
public record Texture(
        String kind,
        @JsonProperty("scale_m") double scaleMeters,
        List<Rgb> colors,
        @JsonProperty("angle_deg") double angleDegrees) {
    public static final String CHECKER = "checker";
    public static final String STRIPES = "stripes";
    public static final String NOISE = "noise";
    /** The kinds, in the order of their shader codes (1, 2, 3). */
    public static final List<String> KINDS = List.of(CHECKER, STRIPES, NOISE);

    public Texture {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("texture kind " + kind + " is not one of " + KINDS);
        }
        if (!(scaleMeters > 0) || Double.isInfinite(scaleMeters)) {
            throw new IllegalArgumentException("texture scale " + scaleMeters + " m must be > 0 and finite");
        }
        colors = List.copyOf(colors);
        if (colors.size() != 2) {
            throw new IllegalArgumentException("a texture has two colours, not " + colors.size());
        }
        if (!Double.isFinite(angleDegrees)) {
            throw new IllegalArgumentException("texture angle " + angleDegrees + " is not finite");
        }
    }

    /** The shader's code of the kind: 1 checker, 2 stripes, 3 noise (0 is no texture). */
    public int code() {
        return KINDS.indexOf(kind) + 1;
    }
}
