package io.synthscene.scenes.frame;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * A resolved point or spot light of one frame: a street lamp, a headlight, a light the scene
 * placed by itself. World space (metres, right-handed, +Y up). How it lights a surface is
 * {@link LocalLighting}'s: inverse-square falloff with a smooth cut-off at {@code rangeMeters},
 * and for a spot a smoothstep from the outer to the inner cone. Local lights cast no shadows.
 *
 * <p>Made by the lights randomizer (scene lights) or the group randomizer (lights attached to
 * objects); plain immutable data, nothing to close.
 *
 * @param source            where the light comes from, for audits: {@code lights[2]} for the
 *                          scene's third light, {@code cars/4/headlight_left} for a light attached
 *                          to the fifth object of group {@code cars}
 * @param direction         unit vector the spot points along; null for a point light
 * @param color             linear RGB, brightest channel as given
 * @param temperatureKelvin the colour temperature {@code color} was computed from, or null when
 *                          the scene gave the colour
 * @param intensityCandela  luminous intensity along the axis, candela (see
 *                          {@link LocalLighting#LUX_PER_UNIT} for the conversion to render units)
 * @param rangeMeters       beyond this distance the light adds nothing
 * @param innerConeDegrees  spot only: half-angle of the fully lit cone; null for a point light
 * @param outerConeDegrees  spot only: half-angle beyond which the spot adds nothing
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LocalLight(
        Kind kind,
        String source,
        Vec3 position,
        Vec3 direction,
        Rgb color,
        @JsonProperty("temperature_k") Double temperatureKelvin,
        @JsonProperty("intensity_cd") double intensityCandela,
        @JsonProperty("range_m") double rangeMeters,
        @JsonProperty("inner_cone_deg") Double innerConeDegrees,
        @JsonProperty("outer_cone_deg") Double outerConeDegrees) {

    /** Largest spot half-angle, degrees: a wider light is a point light. */
    public static final double MAX_CONE_DEGREES = 90;

    /** Point: the same in every direction. Spot: a cone around {@code direction}. */
    public enum Kind {
        @JsonProperty("point") POINT,
        @JsonProperty("spot") SPOT
    }

    public LocalLight {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(color, "color");
        if (!(intensityCandela >= 0) || Double.isInfinite(intensityCandela)) {
            throw new IllegalArgumentException("intensity " + intensityCandela + " cd is not a finite number >= 0");
        }
        if (!(rangeMeters > 0) || Double.isInfinite(rangeMeters)) {
            throw new IllegalArgumentException("range " + rangeMeters + " m is not a finite number > 0");
        }
        if (kind == Kind.SPOT) {
            Objects.requireNonNull(direction, "a spot light needs a direction");
            double length = Math.sqrt(direction.x() * direction.x() + direction.y() * direction.y() + direction.z() * direction.z());
            if (Math.abs(length - 1) > 1e-6) {
                throw new IllegalArgumentException("spot direction has length " + length + ", not 1");
            }
            if (innerConeDegrees == null || outerConeDegrees == null
                    || !(innerConeDegrees >= 0 && innerConeDegrees <= outerConeDegrees && outerConeDegrees <= MAX_CONE_DEGREES)) {
                throw new IllegalArgumentException("spot cones need 0 <= inner (" + innerConeDegrees + ") <= outer ("
                        + outerConeDegrees + ") <= " + MAX_CONE_DEGREES + " degrees");
            }
        } else if (direction != null || innerConeDegrees != null || outerConeDegrees != null) {
            throw new IllegalArgumentException("a point light has no direction or cones");
        }
    }

    /** True for a spot light. Not named like a getter: Jackson would write it into the frame JSON. */
    @JsonIgnore
    public boolean isSpot() {
        return kind == Kind.SPOT;
    }
}
