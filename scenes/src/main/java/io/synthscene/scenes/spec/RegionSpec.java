package io.synthscene.scenes.spec;

/**
 * A rectangle on the ground, in world metres, where a group's object origins are drawn uniformly:
 * x in [xMin, xMax], z in [zMin, zMax] (bounds may be equal, for a line or a point).
 */
public record RegionSpec(double xMin, double xMax, double zMin, double zMax) {
    public RegionSpec {
        if (!(xMin <= xMax && zMin <= zMax)) {
            throw new IllegalArgumentException("region bounds reversed: x [" + xMin + ", " + xMax + "], z [" + zMin + ", " + zMax + "]");
        }
    }
}
