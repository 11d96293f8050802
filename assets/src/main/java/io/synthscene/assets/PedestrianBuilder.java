package io.synthscene.assets;

import io.synthscene.scenes.frame.Material;
import io.synthscene.scenes.frame.Rgb;
import org.joml.Matrix4f;

/**
 * Builds a blocky walking humanoid from {@link PedestrianParams}: two legs swung about the hips,
 * a torso, two arms swung about the shoulders, a neck and a spherical head. Asset frame: +Y up,
 * the figure faces +Z (so its left side is +X), origin between the feet on the ground, metres.
 * The figure spans y in [0, height]: whatever the stride, the lowest corner of each leg touches
 * the ground (the legs are lengthened to reach it) and the top of the head is at the height.
 *
 * <p>Slots: {@code clothes} (torso, upper arms; the object's material), {@code trousers} (legs,
 * a fixed grey), {@code skin} (forearms with hands, neck, head; a fixed skin tone).
 * Stateless; used by {@link AssetLibrary}.
 */
public final class PedestrianBuilder {
    /** Skin colours at skin_tone 0 and 1, linear RGB (sRGB about #EAC0A0 and #5A3825). */
    static final Rgb LIGHT_SKIN = new Rgb(0.82, 0.53, 0.35);
    static final Rgb DARK_SKIN = new Rgb(0.10, 0.040, 0.019);
    private static final double SKIN_ROUGHNESS = 0.6;
    private static final double TROUSERS_ROUGHNESS = 0.85;

    public Mesh build(PedestrianParams p) {
        Body body = new Body(p);
        MeshAssembler figure = new MeshAssembler();
        Material skin = skinMaterial(p.skinTone());
        Material trousers = new Material(new Rgb(p.trousersShade(), p.trousersShade(), p.trousersShade()), TROUSERS_ROUGHNESS);
        float stride = (float) Math.toRadians(p.legStrideDegrees());
        float swing = (float) Math.toRadians(p.armSwingDegrees());
        // A rotation by -a about +X carries a hanging limb's far end towards +Z (forwards).
        addLeg(figure, body, +1, -stride, trousers);
        addLeg(figure, body, -1, +stride, trousers);
        figure.add(Primitives.box("clothes", -body.torsoWidth / 2, body.hipY - body.torsoOverlap, -body.torsoDepth / 2,
                body.torsoWidth / 2, body.shoulderY, body.torsoDepth / 2, null));
        addArm(figure, body, +1, +swing, skin);
        addArm(figure, body, -1, -swing, skin);
        float headBottom = body.height - 2 * body.headRadius;
        float neckBottom = body.shoulderY - body.torsoOverlap;
        float neckTop = headBottom + 0.3f * body.headRadius;
        figure.add(Primitives.cylinder("skin", 0.4f * body.headRadius, neckTop - neckBottom, 16, skin),
                new Matrix4f().translation(0, neckBottom, 0));
        figure.add(Primitives.sphere("skin", body.headRadius, 20, 12, skin), new Matrix4f().translation(0, headBottom, 0));
        return figure.build("pedestrian");
    }

    /** The skin colour for a tone between 0 (light) and 1 (dark), interpolated in linear RGB. */
    static Material skinMaterial(double tone) {
        // (1 - t) a + t b rather than a + t (b - a): both ends come out exactly.
        return new Material(new Rgb(
                (1 - tone) * LIGHT_SKIN.r() + tone * DARK_SKIN.r(),
                (1 - tone) * LIGHT_SKIN.g() + tone * DARK_SKIN.g(),
                (1 - tone) * LIGHT_SKIN.b() + tone * DARK_SKIN.b()), SKIN_ROUGHNESS);
    }

    /** Proportions in metres, all derived from the height and the ratios. */
    private static final class Body {
        final float height;
        final float headRadius;
        final float hipY;
        final float shoulderY;
        final float armWidth;
        final float torsoWidth;
        final float torsoDepth;
        final float legWidth;
        final float legDepth;
        /** How far the torso reaches below the hips and the neck below the shoulders, hiding the joints. */
        final float torsoOverlap;

        Body(PedestrianParams p) {
            height = (float) p.heightMeters();
            headRadius = (float) (p.headRadiusRatio() * p.heightMeters());
            hipY = (float) (p.legLengthRatio() * p.heightMeters());
            float neckLength = 0.035f * height;
            shoulderY = height - 2 * headRadius - neckLength;
            if (shoulderY <= hipY + 0.1f * height) {
                throw new IllegalArgumentException("pedestrian: leg_length_ratio " + p.legLengthRatio()
                        + " with head_radius_ratio " + p.headRadiusRatio() + " leaves no room for a torso");
            }
            float shoulderWidth = (float) (p.shoulderWidthRatio() * p.heightMeters());
            armWidth = 0.2f * shoulderWidth;
            torsoWidth = shoulderWidth - 2 * armWidth;
            torsoDepth = 0.5f * shoulderWidth;
            legWidth = 0.45f * torsoWidth;
            legDepth = 0.55f * torsoDepth;
            torsoOverlap = 0.03f * height;
        }
    }

    /**
     * A leg hanging from the hip at x = side * torsoWidth / 4, turned by {@code angle} radians about
     * the x axis through the hip. It is lengthened so that its lowest corner still reaches y = 0:
     * for a box of depth d turned by a, that corner sits (length cos a + d/2 sin |a|) below the hip.
     */
    private static void addLeg(MeshAssembler figure, Body body, int side, float angle, Material trousers) {
        float tilt = Math.abs(angle);
        float length = (float) ((body.hipY - body.legDepth / 2 * Math.sin(tilt)) / Math.cos(tilt));
        MeshPart leg = Primitives.box("trousers", -body.legWidth / 2, -length, -body.legDepth / 2,
                body.legWidth / 2, 0, body.legDepth / 2, trousers);
        figure.add(leg, new Matrix4f().translation(side * body.torsoWidth / 4, body.hipY, 0).rotateX(angle));
    }

    /**
     * An arm hanging beside the torso at x = side * (torsoWidth + armWidth) / 2, turned by
     * {@code angle} radians about the shoulder joint: a clothed upper arm, then a bare forearm and hand.
     */
    private static void addArm(MeshAssembler figure, Body body, int side, float angle, Material skin) {
        float half = body.armWidth / 2;
        float upperLength = 0.19f * body.height;
        float forearmLength = 0.2f * body.height;
        Matrix4f shoulder = new Matrix4f()
                .translation(side * (body.torsoWidth + body.armWidth) / 2, body.shoulderY - half, 0)
                .rotateX(angle);
        // The joint is half an arm width below the shoulder line, so the arm's top meets it.
        figure.add(Primitives.box("clothes", -half, -upperLength, -half, half, half, half, null), shoulder);
        float handHalf = 0.9f * half;
        figure.add(Primitives.box("skin", -handHalf, -upperLength - forearmLength, -handHalf,
                handHalf, -upperLength, handHalf, skin), shoulder);
    }
}
