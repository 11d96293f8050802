package io.synthscene.scenes.frame;

/**
 * Light a surface gives off by itself: {@code color} x {@code strength}, in the same units as the
 * light a white Lambertian surface reflects (a white surface under irradiance 1 and an emission of
 * strength 1 look alike). It is added after lighting, so an emissive surface glows in a frame with
 * no light at all; fog and exposure act on it like on any other surface.
 *
 * <p>Plain immutable data; nothing to close.
 *
 * @param color    linear RGB
 * @param strength a finite number >= 0
 */
public record Emission(Rgb color, double strength) {
    public Emission {
        java.util.Objects.requireNonNull(color, "color");
        if (!(strength >= 0) || Double.isInfinite(strength)) {
            throw new IllegalArgumentException("emission strength " + strength + " is not a finite number >= 0");
        }
    }

    /** The emitted radiance per channel: colour x strength. */
    public double[] radiance() {
        return new double[] {color.r() * strength, color.g() * strength, color.b() * strength};
    }
}
