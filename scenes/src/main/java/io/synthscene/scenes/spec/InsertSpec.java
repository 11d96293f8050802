package io.synthscene.scenes.spec;

import io.synthscene.scenes.frame.Category;
import io.synthscene.scenes.sampling.ScalarSampler;
import java.util.List;

/**
 * The {@code insert:} section of an augment config as written: rendered objects composited into
 * each photo, with a camera matched to the photo, standing on its ground plane, lit to match, with
 * their shadows on the photo's ground and exact labels. Made by the augment loader; immutable.
 *
 * <p>World frame of the inserted objects: the camera stands at x = z = 0, {@code camera.heightM}
 * above the ground plane y = 0, looking towards -z (yaw 0), tilted down by {@code camera.pitchDownDeg};
 * a group's {@code region} is in those metres (z negative in front of the camera).
 *
 * @param categories     the inserted objects' categories, by name; their ids here (1..n) are
 *                       local: the output takes the COCO file's id of a category of the same name,
 *                       or the next free id
 * @param groups         the scene DSL's groups: every one has a category
 * @param camera         the photo's camera
 * @param light          sun direction and levels (given or estimated from the photo), shadows
 * @param minVisibility  a label (real or inserted) whose visible share of its pixels falls below
 *                       this is dropped or turned into an ignore region ({@code covered}); one that
 *                       keeps no pixel at all always disappears
 * @param covered        what a label below {@code minVisibility} becomes
 * @param blend          how the rendered colour meets the photo at its edges
 */
public record InsertSpec(List<Category> categories, List<GroupSpec> groups, PlateCamera camera, PlateLight light,
                         double minVisibility, Covered covered, EdgeBlend blend) {

    public InsertSpec {
        categories = List.copyOf(categories);
        groups = List.copyOf(groups);
    }

    /** What a label covered below {@code min_visibility} becomes. */
    public enum Covered {
        /** removed from the output */
        DROP,
        /** kept as an ignore region: {@code iscrowd: 1}, {@code synthscene.ignore_reason: min_visibility}, its visible pixels as the mask */
        IGNORE
    }

    /**
     * The camera that took the photo, over flat level ground (no roll).
     *
     * @param heightM         camera height above the ground, metres (> 0)
     * @param pitchDownDeg    downward tilt of the viewing axis, degrees (positive looks down), as the fog's ground plane
     * @param hfovDeg         horizontal field of view; null when {@code focalLengthPx} is given
     * @param focalLengthPx   focal length in pixels (square pixels); null when {@code hfovDeg} is given
     * @param principalPointX principal point, pixels from the left edge; null for the image centre
     * @param principalPointY principal point, pixels from the top edge; null for the image centre
     */
    public record PlateCamera(ScalarSampler heightM, ScalarSampler pitchDownDeg, ScalarSampler hfovDeg,
                              ScalarSampler focalLengthPx, ScalarSampler principalPointX, ScalarSampler principalPointY) {
    }

    /**
     * The light on the inserted objects and on the shadow catcher.
     *
     * @param sunElevationDeg  degrees above the horizon
     * @param sunAzimuthDeg    degrees from the view direction (-z) towards +x (clockwise seen from above)
     * @param sunIntensity     null: estimated from the photo's brightness
     * @param ambientIntensity null: estimated from the photo's brightness
     * @param sunShare         with an estimate: the share of the ground's light that comes from the sun
     * @param groundAlbedo     the reflectance assumed for the photo's ground: for the estimate and the
     *                         light the ground bounces onto the objects
     * @param shadows          whether the objects cast sun shadows onto the photo's ground
     */
    public record PlateLight(ScalarSampler sunElevationDeg, ScalarSampler sunAzimuthDeg, ScalarSampler sunIntensity,
                             ScalarSampler ambientIntensity, ScalarSampler sunShare, ScalarSampler groundAlbedo,
                             boolean shadows) {
        public boolean estimated() {
            return sunIntensity == null || ambientIntensity == null;
        }
    }

    /**
     * @param matchColor share (0..1) of the photo's colour cast given to the rendered pixels
     * @param blurPx     Gaussian standard deviation, pixels, of the rendered layer (colour and coverage); 0 for none
     */
    public record EdgeBlend(ScalarSampler matchColor, ScalarSampler blurPx) {
    }
}
