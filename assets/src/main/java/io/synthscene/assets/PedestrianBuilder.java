package io.synthscene.assets;

import io.synthscene.scenes.frame.Material;
import io.synthscene.scenes.frame.Rgb;
import org.joml.Vector3f;

/**
 * Builds an articulated person from {@link PedestrianParams}: a skeleton (hips, knees, ankles,
 * shoulders, elbows, wrists, neck, head) posed by joint angles (standing, or a walking or running
 * gait at some phase), dressed in closed solids ({@link Humanoid}), with its joints as
 * {@link Mesh#keypoints()}. Asset frame: +Y up, the figure faces +Z (its left is +X), metres; the
 * mesh is moved so that its lowest point is on y = 0 and its bounds are centred on the origin
 * in x and z, keypoints with it. A standing figure is exactly {@code heightMeters} tall; a bent
 * knee makes it shorter.
 *
 * <p>Slots: {@code shirt} (the object's material), {@code skin} (from skin_tone), {@code trousers}
 * (from trousers_shade), {@code shoes}, {@code hair}. Stateless; used by {@link AssetLibrary}.
 */
public final class PedestrianBuilder {
    /** Skin colours at skin_tone 0 and 1, linear RGB (sRGB about #EAC0A0 and #5A3825). */
    static final Rgb LIGHT_SKIN = new Rgb(0.82, 0.53, 0.35);
    static final Rgb DARK_SKIN = new Rgb(0.10, 0.040, 0.019);
    private static final double SKIN_ROUGHNESS = 0.6;
    private static final double TROUSERS_ROUGHNESS = 0.85;
    public static final Material SHOE_LEATHER = new Material(new Rgb(0.03, 0.02, 0.015), 0.5);
    public static final Material DARK_HAIR = new Material(new Rgb(0.03, 0.018, 0.01), 0.7);

    public Mesh build(PedestrianParams p) {
        Humanoid body = new Humanoid(p);
        Humanoid.Skeleton skeleton = body.pose(p.jointAngles(), new Vector3f(0, body.hipHeight(), 0));
        MeshAssembler figure = new MeshAssembler();
        body.dress(figure, skeleton, null, skinMaterial(p.skinTone()), trousers(p.trousersShade()), SHOE_LEATHER, DARK_HAIR);
        return figure.buildCentred("pedestrian", body.keypoints(skeleton));
    }

    static Material trousers(double shade) {
        return new Material(new Rgb(shade, shade, shade), TROUSERS_ROUGHNESS);
    }

    /** The skin colour for a tone between 0 (light) and 1 (dark), interpolated in linear RGB. */
    static Material skinMaterial(double tone) {
        // (1 - t) a + t b rather than a + t (b - a): both ends come out exactly.
        return new Material(new Rgb(
                (1 - tone) * LIGHT_SKIN.r() + tone * DARK_SKIN.r(),
                (1 - tone) * LIGHT_SKIN.g() + tone * DARK_SKIN.g(),
                (1 - tone) * LIGHT_SKIN.b() + tone * DARK_SKIN.b()), SKIN_ROUGHNESS);
    }
}
