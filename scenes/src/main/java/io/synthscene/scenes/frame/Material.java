package io.synthscene.scenes.frame;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Surface appearance, metallic workflow: a base colour (linear RGB), a roughness in [0, 1]
 * (0 = mirror-like highlight, 1 = no highlight), a metalness in [0, 1] and an optional emission.
 *
 * <p>Metalness moves the surface from a dielectric (0: diffuse base colour, white highlight) to a
 * metal (1: no diffuse term, a highlight tinted by the base colour), linearly in between: the
 * highlight's colour (its F0) is {@code mix(white, baseColor, metalness)} and the diffuse term is
 * scaled by {@code 1 - metalness}. At 0 the shading is exactly what it was before metalness
 * existed. Written to the frame JSON only when non-zero, like the emission when present.
 *
 * <p>A texture, when present, replaces {@code color} as the base colour (see {@link Texture});
 * it is written to the frame JSON only when present.
 *
 * @param emission null for a surface that only reflects light
 * @param texture  null for a plain colour
 */
public record Material(
        Rgb color,
        double roughness,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) double metalness,
        @JsonInclude(JsonInclude.Include.NON_NULL) Emission emission,
        @JsonInclude(JsonInclude.Include.NON_NULL) Texture texture) {

    public Material {
        if (!(roughness >= 0 && roughness <= 1)) {
            throw new IllegalArgumentException("roughness " + roughness + " is outside [0, 1]");
        }
        if (!(metalness >= 0 && metalness <= 1)) {
            throw new IllegalArgumentException("metalness " + metalness + " is outside [0, 1]");
        }
    }

    /** From a frame JSON: frames written before metalness existed, and dielectrics, have none (0). */
    @JsonCreator
    static Material fromJson(@JsonProperty("color") Rgb color, @JsonProperty("roughness") double roughness,
                             @JsonProperty("metalness") Double metalness, @JsonProperty("emission") Emission emission,
                             @JsonProperty("texture") Texture texture) {
        return new Material(color, roughness, metalness == null ? 0 : metalness, emission, texture);
    }

    /** A surface without a texture. */
    public Material(Rgb color, double roughness, double metalness, Emission emission) {
        this(color, roughness, metalness, emission, null);
    }

    /** A dielectric that does not glow. */
    public Material(Rgb color, double roughness) {
        this(color, roughness, 0, null);
    }

    /** The same surface glowing with {@code newEmission} (null: not glowing). */
    public Material withEmission(Emission newEmission) {
        return new Material(color, roughness, metalness, newEmission, texture);
    }

    /** The same surface with this texture (null: a plain colour). */
    public Material withTexture(Texture newTexture) {
        return new Material(color, roughness, metalness, emission, newTexture);
    }
}
