package io.synthscene.assets;

import io.synthscene.scenes.frame.AssetRef;
import io.synthscene.scenes.frame.Material;
import io.synthscene.scenes.frame.Rgb;
import java.util.ArrayList;
import java.util.List;
import org.joml.Matrix4f;
import org.joml.Vector3f;

/**
 * The {@code dog} and {@code deer} kinds: four-legged animals for "an animal on the road". Each is
 * a set of overlapping closed solids: an ellipsoid torso, three-segment legs (shoulder or hip,
 * elbow, knee, paw or hoof), a tapered neck, an ellipsoid head with a snout, nose, eyes and ears, a
 * tail, and for a deer buck antlers with two tines each. Proportions are the species' own, scaled
 * by {@code shoulder_height_m} (ground to the withers) and {@code length_m} (rump to the tip of the
 * nose with the head straight); {@code head_turn_deg} turns the neck and head about the vertical,
 * {@code pose} 1 swings the legs in a trot at {@code gait_phase_deg}.
 *
 * <p>Keypoints are the 20 of the Animal-Pose data set ({@link #KEYPOINTS}), the same for both
 * kinds, so one category may hold dogs and deer. "left" is the animal's own left, +X for an animal
 * facing +Z. Slots: {@code fur} (the object's material), {@code nose}, {@code eye}, and for deer
 * {@code hoof} and {@code antler}. Asset frame: +Y up, facing +Z, metres, the bounds' bottom centre
 * at the origin. Stateless; used by {@link AssetLibrary}.
 */
public final class QuadrupedBuilder {
    /** Animal-Pose keypoint names, in its order. */
    public static final List<String> KEYPOINTS = List.of("left_eye", "right_eye", "left_ear_base", "right_ear_base", "nose",
            "throat", "tail_base", "withers", "left_front_elbow", "right_front_elbow", "left_back_elbow", "right_back_elbow",
            "left_front_knee", "right_front_knee", "left_back_knee", "right_back_knee", "left_front_paw", "right_front_paw",
            "left_back_paw", "right_back_paw");

    public static final Material NOSE = new Material(new Rgb(0.015, 0.012, 0.01), 0.35);
    public static final Material EYE = new Material(new Rgb(0.01, 0.008, 0.006), 0.15);
    public static final Material HOOF = new Material(new Rgb(0.03, 0.025, 0.02), 0.6);
    public static final Material ANTLER = new Material(new Rgb(0.32, 0.25, 0.16), 0.8);

    /** Leg swing of the trot, degrees either side of vertical. */
    static final double TROT_SWING_DEG = 22;
    /** The torso may be no shorter than this share of the shoulder height (length_m too small otherwise). */
    static final float MIN_TORSO_TO_HEIGHT = 0.5f;

    private static final int SEGMENTS = 12;
    private static final int RINGS = 8;

    /** Proportions of a species, as shares of the shoulder height H unless said otherwise. */
    private record Species(float chestDepth, float torsoHalfWidth, float neckLength, float neckAngleDeg, float neckRadius,
                           float headRx, float headRy, float headRz, float snoutLength, float snoutRadius, float earLength,
                           float earRadius, float legTopRadius, float legBottomRadius, float footRadius, float kneeHeight,
                           float tailLength, float tailRadius, float tailAngleDeg, boolean hooves) {
    }

    private static final Species DOG = new Species(0.44f, 0.2f, 0.32f, 52, 0.11f,
            0.13f, 0.13f, 0.16f, 0.2f, 0.075f, 0.13f, 0.045f, 0.075f, 0.045f, 0.06f, 0.27f,
            0.45f, 0.035f, 35, false);
    private static final Species DEER = new Species(0.4f, 0.16f, 0.5f, 58, 0.09f,
            0.085f, 0.095f, 0.13f, 0.2f, 0.06f, 0.16f, 0.04f, 0.06f, 0.028f, 0.032f, 0.3f,
            0.12f, 0.04f, -30, true);

    public Mesh build(AssetRef asset) {
        Species species = switch (asset.kind()) {
            case "dog" -> DOG;
            case "deer" -> DEER;
            default -> throw new IllegalArgumentException("no quadruped of kind " + asset.kind());
        };
        float height = (float) positive(asset, "shoulder_height_m");
        float length = (float) positive(asset, "length_m");
        float turn = (float) Math.toRadians(asset.param("head_turn_deg"));
        double pose = asset.param("pose");
        if (pose != 0 && pose != 1) {
            throw new IllegalArgumentException(asset.kind() + ": pose = " + pose + " is not 0 (standing) or 1 (trotting)");
        }
        double phase = Math.toRadians(asset.param("gait_phase_deg"));
        boolean antlers = asset.kind().equals("deer") && asset.param("antlers") == 1;
        if (asset.kind().equals("deer") && asset.param("antlers") != 0 && !antlers) {
            throw new IllegalArgumentException("deer: antlers = " + asset.param("antlers") + " is not 0 or 1");
        }
        return new Figure(species, height, length, turn, pose == 1, phase, antlers, asset.kind()).build();
    }

    /** One animal being built: scaled proportions, then its solids and keypoints. */
    private static final class Figure {
        private final Species s;
        private final String kind;
        private final float h;
        private final float turn;
        private final boolean trot;
        private final double phase;
        private final boolean antlers;
        private final float torsoHalfLength;
        private final float torsoCentreY;
        private final MeshAssembler piece = new MeshAssembler();
        private final List<Keypoint> keypoints = new ArrayList<>();

        Figure(Species s, float height, float length, float turn, boolean trot, double phase, boolean antlers, String kind) {
            this.s = s;
            this.kind = kind;
            this.h = height;
            this.turn = turn;
            this.trot = trot;
            this.phase = phase;
            this.antlers = antlers;
            this.torsoCentreY = h * (1 - s.chestDepth / 2);
            // The rump is at z = 0; the neck starts 0.8 half-lengths in front of the torso's centre,
            // and the nose reaches neck + head + snout further: solve for the torso's half-length.
            float angle = (float) Math.toRadians(s.neckAngleDeg);
            float reach = h * (s.neckLength * (float) Math.cos(angle) + 0.35f * s.headRz + 0.6f * s.headRz + s.snoutLength
                    + 0.4f * s.snoutRadius);
            this.torsoHalfLength = (length - reach) / 1.8f;
            if (2 * torsoHalfLength < MIN_TORSO_TO_HEIGHT * h) {
                throw new IllegalArgumentException(kind + ": length_m = " + length + " is too short for shoulder_height_m = "
                        + height + " (the torso would be " + 2 * torsoHalfLength + " m long)");
            }
        }

        Mesh build() {
            float zc = torsoHalfLength;
            float halfDepth = h * s.chestDepth / 2;
            piece.add(ellipsoid("fur", new Vector3f(0, torsoCentreY, zc), h * s.torsoHalfWidth, halfDepth, torsoHalfLength, null));
            // withers and tail base before the legs: keypoint order is fixed at the end
            Vector3f withers = new Vector3f(0, h, zc + 0.55f * torsoHalfLength);
            Vector3f tailBase = new Vector3f(0, torsoCentreY + 0.55f * halfDepth, 0.12f * torsoHalfLength);
            Vector3f[][] legs = new Vector3f[4][];
            int[] order = {0, 1, 2, 3}; // left front, right front, left back, right back
            for (int leg : order) {
                legs[leg] = leg(leg, zc, halfDepth);
            }
            Vector3f[] head = neckAndHead(new Vector3f(0, torsoCentreY + 0.45f * halfDepth, zc + 0.8f * torsoHalfLength));
            tail(tailBase);
            keypoints.add(kp("left_eye", head[0]));
            keypoints.add(kp("right_eye", head[1]));
            keypoints.add(kp("left_ear_base", head[2]));
            keypoints.add(kp("right_ear_base", head[3]));
            keypoints.add(kp("nose", head[4]));
            keypoints.add(kp("throat", head[5]));
            keypoints.add(kp("tail_base", tailBase));
            keypoints.add(kp("withers", withers));
            String[] legNames = {"left_front", "right_front", "left_back", "right_back"};
            for (int joint = 0; joint < 3; joint++) {
                String suffix = joint == 0 ? "_elbow" : joint == 1 ? "_knee" : "_paw";
                for (int leg = 0; leg < 4; leg++) {
                    keypoints.add(kp(legNames[leg] + suffix, legs[leg][joint + 1]));
                }
            }
            return piece.buildCentred(kind, keypoints);
        }

        /**
         * One leg from its top (inside the torso) through the elbow and knee to the foot, swung
         * about its top when trotting (diagonal pairs in step).
         *
         * @return top, elbow, knee, foot centre
         */
        private Vector3f[] leg(int leg, float zc, float halfDepth) {
            boolean front = leg < 2;
            float side = leg % 2 == 0 ? 1 : -1; // left legs at +X
            float x = side * 0.55f * h * s.torsoHalfWidth;
            float z = zc + (front ? 0.62f : -0.62f) * torsoHalfLength;
            float footR = h * s.footRadius;
            Vector3f top = new Vector3f(x, torsoCentreY, z);
            Vector3f elbow = new Vector3f(x, torsoCentreY - 0.85f * halfDepth, z + (front ? -0.02f : 0.06f) * h);
            Vector3f knee = new Vector3f(x, h * s.kneeHeight, z + (front ? 0.01f : -0.07f) * h);
            Vector3f foot = new Vector3f(x, footR, z + (front ? 0.02f : -0.01f) * h);
            if (trot) {
                boolean inStep = leg == 0 || leg == 3;
                float swing = (float) (Math.toRadians(TROT_SWING_DEG) * Math.sin(phase + (inStep ? 0 : Math.PI)));
                Matrix4f about = new Matrix4f().translation(top).rotateX(-swing).translate(-top.x, -top.y, -top.z);
                about.transformPosition(elbow);
                about.transformPosition(knee);
                about.transformPosition(foot);
            }
            float r0 = h * s.legTopRadius;
            float r1 = h * s.legBottomRadius;
            float rElbow = 0.5f * (r0 + r1) + 0.15f * r1;
            piece.add(Solids.taperedTube("fur", top, elbow, 1.6f * r0, rElbow, SEGMENTS, null));
            piece.add(Solids.taperedTube("fur", elbow, knee, rElbow, r1, SEGMENTS, null));
            piece.add(Solids.taperedTube("fur", knee, foot, r1, 0.85f * r1, SEGMENTS, null));
            piece.add(ellipsoid("fur", elbow, rElbow, rElbow, rElbow, null));
            piece.add(ellipsoid("fur", knee, 1.05f * r1, 1.05f * r1, 1.05f * r1, null));
            if (s.hooves) {
                piece.add(Solids.frustum("hoof", 1.1f * footR, 0.9f * footR, 2 * footR, SEGMENTS, HOOF),
                        new Matrix4f().translation(foot.x, foot.y - footR, foot.z));
            } else {
                piece.add(ellipsoid("fur", foot, footR, footR, 1.4f * footR, null));
            }
            return new Vector3f[] {top, elbow, knee, foot};
        }

        /**
         * Neck, head, snout, nose, eyes and ears (and antlers), built looking straight ahead and
         * turned by {@code turn} about the vertical through the neck's base.
         *
         * @return left eye, right eye, left ear base, right ear base, nose, throat
         */
        private Vector3f[] neckAndHead(Vector3f neckBase) {
            Matrix4f turned = new Matrix4f().translation(neckBase).rotateY(turn);
            float angle = (float) Math.toRadians(s.neckAngleDeg);
            Vector3f neckTop = new Vector3f(0, h * s.neckLength * (float) Math.sin(angle), h * s.neckLength * (float) Math.cos(angle));
            float rx = h * s.headRx;
            float ry = h * s.headRy;
            float rz = h * s.headRz;
            Vector3f head = new Vector3f(neckTop).add(0, 0.25f * ry, 0.35f * rz);
            add(Solids.taperedTube("fur", new Vector3f(0, -0.1f * h, -0.1f * h), neckTop, 1.5f * h * s.neckRadius,
                    h * s.neckRadius, SEGMENTS, null), turned);
            add(ellipsoid("fur", head, rx, ry, rz, null), turned);
            float snoutR = h * s.snoutRadius;
            Vector3f snoutFrom = new Vector3f(head).add(0, -0.25f * ry, 0.6f * rz);
            Vector3f snoutTo = new Vector3f(snoutFrom).add(0, -0.3f * h * s.snoutLength, h * s.snoutLength);
            add(Solids.taperedTube("fur", snoutFrom, snoutTo, snoutR, 0.75f * snoutR, SEGMENTS, null), turned);
            float noseR = 0.55f * snoutR;
            Vector3f nose = new Vector3f(snoutTo).add(0, 0.15f * snoutR, 0);
            add(ellipsoid("nose", nose, noseR, 0.8f * noseR, 0.9f * noseR, NOSE), turned);
            Vector3f[] eyes = new Vector3f[2];
            Vector3f[] ears = new Vector3f[2];
            for (int i = 0; i < 2; i++) {
                float side = i == 0 ? 1 : -1;
                eyes[i] = new Vector3f(head).add(side * 0.62f * rx, 0.3f * ry, 0.62f * rz);
                float eyeR = 0.16f * ry;
                add(ellipsoid("eye", eyes[i], eyeR, eyeR, eyeR, EYE), turned);
                ears[i] = new Vector3f(head).add(side * 0.5f * rx, 0.75f * ry, -0.2f * rz);
                Vector3f tip = new Vector3f(ears[i]).add(side * 0.45f * h * s.earLength, 0.85f * h * s.earLength,
                        -0.15f * h * s.earLength);
                add(Solids.taperedTube("fur", ears[i], tip, h * s.earRadius, 0.2f * h * s.earRadius, SEGMENTS, null), turned);
                if (antlers) {
                    antler(new Vector3f(head).add(side * 0.3f * rx, 0.8f * ry, -0.05f * rz), side, turned);
                }
            }
            Vector3f throat = new Vector3f(head).add(0, -0.85f * ry, -0.35f * rz);
            Vector3f[] points = {eyes[0], eyes[1], ears[0], ears[1], nose, throat};
            for (Vector3f p : points) {
                turned.transformPosition(p);
            }
            return points;
        }

        /** A beam rising up, out and back from the skull, with a forward tine and a top fork. */
        private void antler(Vector3f base, float side, Matrix4f turned) {
            float r = 0.028f * h;
            Vector3f bend = new Vector3f(base).add(side * 0.13f * h, 0.2f * h, -0.06f * h);
            Vector3f top = new Vector3f(bend).add(side * 0.06f * h, 0.17f * h, 0.04f * h);
            add(Solids.taperedTube("antler", base, bend, r, 0.8f * r, 8, ANTLER), turned);
            add(Solids.taperedTube("antler", bend, top, 0.8f * r, 0.45f * r, 8, ANTLER), turned);
            Vector3f brow = new Vector3f(base).add(side * 0.06f * h, 0.12f * h, 0.01f * h);
            add(Solids.taperedTube("antler", brow, new Vector3f(brow).add(side * 0.02f * h, 0.08f * h, 0.12f * h), 0.6f * r,
                    0.35f * r, 8, ANTLER), turned);
            add(Solids.taperedTube("antler", bend, new Vector3f(bend).add(0, 0.1f * h, 0.12f * h), 0.6f * r, 0.35f * r, 8,
                    ANTLER), turned);
        }

        private void tail(Vector3f base) {
            float angle = (float) Math.toRadians(s.tailAngleDeg);
            float length = h * s.tailLength;
            Vector3f tip = new Vector3f(base).add(0, length * (float) Math.sin(angle), -length * (float) Math.cos(angle));
            piece.add(Solids.taperedTube("fur", base, tip, h * s.tailRadius, 0.4f * h * s.tailRadius, SEGMENTS, null));
        }

        private void add(MeshPart part, Matrix4f transform) {
            piece.add(part, transform);
        }

        private static Keypoint kp(String name, Vector3f p) {
            return new Keypoint(name, p.x, p.y, p.z);
        }
    }

    /** An ellipsoid with radii (rx, ry, rz) about {@code centre}. */
    static MeshPart ellipsoid(String slot, Vector3f centre, float rx, float ry, float rz, Material material) {
        return Primitives.sphere(slot, 1, SEGMENTS, RINGS, material)
                .transformed(new Matrix4f().translation(centre).scale(rx, ry, rz).translate(0, -1, 0));
    }

    private static double positive(AssetRef asset, String name) {
        double value = asset.param(name);
        if (!(value > 0)) {
            throw new IllegalArgumentException(asset.kind() + ": " + name + " = " + value + " must be positive");
        }
        return value;
    }
}
