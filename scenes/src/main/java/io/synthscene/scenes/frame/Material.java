package io.synthscene.scenes.frame;

/**
 * Surface appearance: a base colour (linear RGB) and a roughness in [0, 1] (0 = mirror-like
 * highlight, 1 = no highlight).
 */
public record Material(Rgb color, double roughness) {
    public Material {
        if (!(roughness >= 0 && roughness <= 1)) {
            throw new IllegalArgumentException("roughness " + roughness + " is outside [0, 1]");
        }
    }
}
