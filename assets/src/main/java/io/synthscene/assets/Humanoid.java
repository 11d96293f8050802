package io.synthscene.assets;

import io.synthscene.scenes.frame.Material;
import java.util.ArrayList;
import java.util.List;
import org.joml.Matrix4f;
import org.joml.Vector3f;

/**
 * A humanoid's proportions, its skeleton in a pose, and the closed solids that dress it. Frame:
 * +Y up, facing +Z, the figure's left at +X, metres; the skeleton's pelvis sits at
 * {@code pelvis} (for a standing pose {@code (0, hipHeight, 0)}, soles on y = 0).
 *
 * <p>Segments (thighs, shanks, upper arms, forearms, neck) are frusta between joints with spheres
 * at the knees, elbows and shoulders, the torso a tapered box, the head a sphere under a cap of
 * hair, the shoes boxes along the foot. Slots: {@code skin}, {@code shirt} (torso and upper arms;
 * a null material = the object's),
 * {@code trousers}, {@code shoes}, {@code hair}. Made by {@link PedestrianBuilder} and the
 * two-wheeler builder for riders; not thread-safe, cheap.
 */
final class Humanoid {
    private static final int SEGMENTS = 14;

    final float height;
    final float headRadius;
    final float ankleHeight;
    final float thigh;
    final float shank;
    final float upperArm;
    final float forearm;
    final float hipHalfSpacing;
    final float shoulderHalfWidth;
    final float torsoLength;
    final float neckLength;
    final float thighRadius;
    final float armRadius;

    /** The joints of one pose, in the figure's frame. */
    record Skeleton(Vector3f pelvis, Vector3f neck, Vector3f headCentre, Matrix4f headFrame,
                    Vector3f[] hips, Vector3f[] knees, Vector3f[] ankles, Vector3f[] shoulders, Vector3f[] elbows,
                    Vector3f[] wrists, float leanRadians) {
    }

    Humanoid(PedestrianParams p) {
        height = (float) p.heightMeters();
        headRadius = (float) (p.headRadiusRatio() * height);
        ankleHeight = 0.045f * height;
        float hip = (float) (p.legLengthRatio() * height);
        thigh = 0.52f * (hip - ankleHeight);
        shank = 0.48f * (hip - ankleHeight);
        neckLength = 0.03f * height;
        // The top of the hair cap (1.12 head radii above the head's centre) is at the full height.
        float shoulderY = height - 1.12f * headRadius - 0.8f * headRadius - neckLength;
        torsoLength = shoulderY - hip;
        if (torsoLength < 0.15f * height) {
            throw new IllegalArgumentException("pedestrian: leg_length_ratio " + p.legLengthRatio() + " with head_radius_ratio "
                    + p.headRadiusRatio() + " leaves no room for a torso");
        }
        armRadius = 0.022f * height;
        shoulderHalfWidth = (float) (p.shoulderWidthRatio() * height) / 2 - armRadius;
        upperArm = 0.17f * height;
        forearm = 0.145f * height;
        hipHalfSpacing = 0.055f * height;
        thighRadius = 0.045f * height;
    }

    float hipHeight() {
        return ankleHeight + thigh + shank;
    }

    /** The skeleton in {@code pose} with the pelvis at {@code pelvis}. */
    Skeleton pose(JointAngles pose, Vector3f pelvis) {
        float lean = (float) Math.toRadians(pose.lean());
        Matrix4f torso = new Matrix4f().translation(pelvis).rotateX(lean);
        Vector3f neck = torso.transformPosition(new Vector3f(0, torsoLength, 0));
        // The head leans only half as far as the torso: people keep looking ahead.
        Matrix4f headFrame = new Matrix4f().translation(neck).rotateX(0.5f * lean).translate(0, neckLength + 0.8f * headRadius, 0);
        Vector3f headCentre = headFrame.transformPosition(new Vector3f());
        Vector3f[] hips = new Vector3f[2];
        Vector3f[] knees = new Vector3f[2];
        Vector3f[] ankles = new Vector3f[2];
        Vector3f[] shoulders = new Vector3f[2];
        Vector3f[] elbows = new Vector3f[2];
        Vector3f[] wrists = new Vector3f[2];
        double[][] legs = {{pose.leftThigh(), pose.leftShank()}, {pose.rightThigh(), pose.rightShank()}};
        double[][] arms = {{pose.leftUpperArm(), pose.leftForearm()}, {pose.rightUpperArm(), pose.rightForearm()}};
        for (int s = 0; s < 2; s++) {
            float side = s == 0 ? 1 : -1; // left is +x
            hips[s] = new Vector3f(pelvis).add(side * hipHalfSpacing, 0, 0);
            knees[s] = along(hips[s], legs[s][0], thigh);
            ankles[s] = along(knees[s], legs[s][1], shank);
            shoulders[s] = torso.transformPosition(new Vector3f(side * shoulderHalfWidth, torsoLength - armRadius, 0));
            elbows[s] = along(shoulders[s], arms[s][0], upperArm);
            wrists[s] = along(elbows[s], arms[s][1], forearm);
        }
        return new Skeleton(new Vector3f(pelvis), neck, headCentre, headFrame, hips, knees, ankles, shoulders, elbows, wrists,
                lean);
    }

    /** The point {@code length} from {@code from} along a segment at {@code degrees} from hanging down. */
    static Vector3f along(Vector3f from, double degrees, float length) {
        double a = Math.toRadians(degrees);
        return new Vector3f(from).add(0, (float) (-Math.cos(a) * length), (float) (Math.sin(a) * length));
    }

    /** The closed solids of the figure in this skeleton's pose, into {@code figure}. */
    void dress(MeshAssembler figure, Skeleton k, Material shirt, Material skin, Material trousers, Material shoes, Material hair) {
        float hipWidth = 2 * (hipHalfSpacing + 0.8f * thighRadius);
        float depth = 0.11f * height;
        float chestWidth = 2 * (shoulderHalfWidth - 1.1f * armRadius);
        figure.add(Solids.taperedBox("shirt", hipWidth, depth, 0, chestWidth, 1.1f * depth, torsoLength, shirt),
                new Matrix4f().translation(k.pelvis()).rotateX(k.leanRadians()));
        figure.add(Solids.taperedBox("trousers", hipWidth * 1.02f, depth * 1.02f, -0.06f * height, hipWidth * 1.02f, depth * 1.02f,
                        0.05f * height, trousers),
                new Matrix4f().translation(k.pelvis()).rotateX(k.leanRadians()));
        float kneeRadius = 0.03f * height;
        float ankleRadius = 0.022f * height;
        for (int s = 0; s < 2; s++) {
            figure.add(Solids.taperedTube("trousers", k.hips()[s], k.knees()[s], thighRadius, kneeRadius, SEGMENTS, trousers));
            figure.add(Primitives.sphere("trousers", kneeRadius, SEGMENTS, 8, trousers),
                    new Matrix4f().translation(k.knees()[s]).translate(0, -kneeRadius, 0));
            figure.add(Solids.taperedTube("trousers", k.knees()[s], k.ankles()[s], kneeRadius, ankleRadius, SEGMENTS, trousers));
            addShoe(figure, k.ankles()[s], shoes);
            figure.add(Primitives.sphere("shirt", 1.1f * armRadius, SEGMENTS, 8, shirt),
                    new Matrix4f().translation(k.shoulders()[s]).translate(0, -1.1f * armRadius, 0));
            figure.add(Solids.taperedTube("shirt", k.shoulders()[s], k.elbows()[s], 1.05f * armRadius, 0.85f * armRadius, SEGMENTS, shirt));
            figure.add(Primitives.sphere("skin", 0.72f * armRadius, SEGMENTS, 8, skin),
                    new Matrix4f().translation(k.elbows()[s]).translate(0, -0.72f * armRadius, 0));
            figure.add(Solids.taperedTube("skin", k.elbows()[s], k.wrists()[s], 0.72f * armRadius, 0.55f * armRadius, SEGMENTS, skin));
            float hand = 0.03f * height;
            Vector3f handCentre = new Vector3f(k.wrists()[s]).add(new Vector3f(k.wrists()[s]).sub(k.elbows()[s]).normalize(0.6f * hand));
            figure.add(Primitives.sphere("skin", hand, SEGMENTS, 8, skin), new Matrix4f().translation(handCentre).translate(0, -hand, 0));
        }
        Vector3f headBottom = k.headFrame().transformPosition(new Vector3f(0, -0.6f * headRadius, 0));
        figure.add(Solids.tube("skin", new Vector3f(k.neck()).sub(new Vector3f(k.headCentre()).sub(k.neck()).normalize(0.02f * height)),
                headBottom, 0.45f * headRadius, SEGMENTS, skin));
        figure.add(Primitives.sphere("skin", headRadius, 20, 12, skin),
                new Matrix4f(k.headFrame()).translate(0, -headRadius, 0));
        // Hair: a sphere set back and up, so it covers the crown and the back but not the face.
        figure.add(Primitives.sphere("hair", headRadius, 20, 12, hair),
                new Matrix4f(k.headFrame()).translate(0, 0.12f * headRadius - headRadius, -0.28f * headRadius));
    }

    /**
     * A shoe: a box from behind the ankle to the toes, its sole level and {@code ankleHeight} below
     * the ankle. Level soles keep every pose's lowest point at or above a standing sole, so a posed
     * figure is never taller than its standing height.
     */
    private void addShoe(MeshAssembler figure, Vector3f ankle, Material shoes) {
        float halfWidth = 0.028f * height;
        figure.add(Primitives.box("shoes", ankle.x - halfWidth, ankle.y - ankleHeight, ankle.z - 0.035f * height,
                ankle.x + halfWidth, ankle.y + 0.025f * height, ankle.z + 0.11f * height, shoes));
    }

    /**
     * COCO's 17 person keypoints, then {@code neck} (base of the neck), {@code pelvis} and
     * {@code head_top}. Eyes, ears and nose lie on the head's surface.
     */
    List<Keypoint> keypoints(Skeleton k) {
        List<Keypoint> points = new ArrayList<>();
        Matrix4f head = k.headFrame();
        float r = headRadius;
        points.add(point("nose", head.transformPosition(onSphere(0, -0.15f, 1, r))));
        points.add(point("left_eye", head.transformPosition(onSphere(0.32f, 0.2f, 0.9f, r))));
        points.add(point("right_eye", head.transformPosition(onSphere(-0.32f, 0.2f, 0.9f, r))));
        points.add(point("left_ear", head.transformPosition(onSphere(1, 0, 0, r))));
        points.add(point("right_ear", head.transformPosition(onSphere(-1, 0, 0, r))));
        String[] sides = {"left", "right"};
        for (int s = 0; s < 2; s++) {
            points.add(point(sides[s] + "_shoulder", k.shoulders()[s]));
        }
        for (int s = 0; s < 2; s++) {
            points.add(point(sides[s] + "_elbow", k.elbows()[s]));
        }
        for (int s = 0; s < 2; s++) {
            points.add(point(sides[s] + "_wrist", k.wrists()[s]));
        }
        for (int s = 0; s < 2; s++) {
            points.add(point(sides[s] + "_hip", k.hips()[s]));
        }
        for (int s = 0; s < 2; s++) {
            points.add(point(sides[s] + "_knee", k.knees()[s]));
        }
        for (int s = 0; s < 2; s++) {
            points.add(point(sides[s] + "_ankle", k.ankles()[s]));
        }
        points.add(point("neck", k.neck()));
        points.add(point("pelvis", k.pelvis()));
        points.add(point("head_top", head.transformPosition(new Vector3f(0, r, 0))));
        return points;
    }

    /** Keypoint names in the order {@link #keypoints} gives them. */
    static final List<String> KEYPOINT_NAMES = List.of("nose", "left_eye", "right_eye", "left_ear", "right_ear",
            "left_shoulder", "right_shoulder", "left_elbow", "right_elbow", "left_wrist", "right_wrist",
            "left_hip", "right_hip", "left_knee", "right_knee", "left_ankle", "right_ankle", "neck", "pelvis", "head_top");

    private static Vector3f onSphere(float x, float y, float z, float radius) {
        return new Vector3f(x, y, z).normalize(radius);
    }

    private static Keypoint point(String name, Vector3f at) {
        return new Keypoint(name, at.x, at.y, at.z);
    }
}
