package io.synthscene.assets;

import io.synthscene.scenes.frame.Material;
import io.synthscene.scenes.frame.Rgb;
import java.util.List;
import org.joml.Matrix4f;
import org.joml.Vector3f;

/**
 * Builds a bicycle or a motorcycle from {@link TwoWheelerParams}, with an optional seated rider
 * whose legs and arms are posed by two-bone inverse kinematics in the side plane (feet on the
 * pedals or pegs, hands on the grips, the torso leaning as far as the arms need). The rider's
 * joints are the mesh's keypoints (none without a rider). Asset frame: +Y up, front +Z, metres,
 * moved so the bounds' bottom centre is the origin.
 *
 * <p>Slots: {@code body} (bicycle frame, motorcycle tank and fairings; the object's material),
 * {@code tyre}, {@code rim}, {@code seat} (saddle, grips), {@code engine} (motorcycle),
 * {@code light_front}, {@code light_rear} (motorcycle), and the rider's {@code shirt}, {@code skin},
 * {@code trousers}, {@code shoes}, {@code hair}. Stateless; used by {@link AssetLibrary}.
 */
public final class TwoWheelerBuilder {
    public static final Material SADDLE = new Material(new Rgb(0.02, 0.02, 0.02), 0.6);
    public static final Material ENGINE_METAL = new Material(new Rgb(0.18, 0.18, 0.19), 0.4);
    public static final Material RIDER_SHIRT = new Material(new Rgb(0.05, 0.12, 0.35), 0.8);
    private static final int SEGMENTS = 12;

    public Mesh build(TwoWheelerParams p) {
        MeshAssembler bike = new MeshAssembler();
        Humanoid rider = new Humanoid(p.riderBody());
        Layout layout = p.motorcycle() ? motorcycle(bike, p, rider) : bicycle(bike, p, rider);
        List<Keypoint> keypoints = List.of();
        if (p.rider()) {
            Humanoid.Skeleton skeleton = seat(rider, layout);
            rider.dress(bike, skeleton, RIDER_SHIRT, PedestrianBuilder.skinMaterial(p.skinTone()),
                    PedestrianBuilder.trousers(0.12), PedestrianBuilder.SHOE_LEATHER, PedestrianBuilder.DARK_HAIR);
            keypoints = rider.keypoints(skeleton);
        }
        return bike.buildCentred(p.motorcycle() ? "motorcycle" : "bicycle", keypoints);
    }

    /** Where a rider sits and reaches: the pelvis, the left and right feet (ankles) and hands (wrists). */
    private record Layout(Vector3f pelvis, Vector3f[] feet, Vector3f[] hands) {
    }

    private static Layout bicycle(MeshAssembler bike, TwoWheelerParams p, Humanoid rider) {
        float r = (float) p.wheelRadiusMeters();
        float half = (float) p.wheelbaseMeters() / 2;
        addWheel(bike, -half, r, 0.018f, false);
        addWheel(bike, half, r, 0.018f, false);
        float crank = 0.17f;
        Vector3f bracket = new Vector3f(0, r - 0.06f, -half + 0.42f);
        // The saddle sits up the seat tube (73 degrees) so that the straightened leg just reaches the low pedal.
        float leg = rider.thigh + rider.shank + rider.ankleHeight;
        float seatAngle = (float) Math.toRadians(73);
        Vector3f along = new Vector3f(0, (float) Math.sin(seatAngle), (float) -Math.cos(seatAngle));
        Vector3f pelvis = new Vector3f(bracket).fma(0.97f * leg - crank, along);
        Vector3f seatTop = new Vector3f(pelvis).sub(0, rider.thighRadius + 0.02f, 0);
        Vector3f seatTube = new Vector3f(seatTop).sub(0, 0.1f, 0).sub(new Vector3f(along).mul(0.02f));
        Vector3f headTop = new Vector3f(0, seatTop.y - 0.08f, half - 0.22f);
        Vector3f headBottom = new Vector3f(0, Math.max(r + 0.12f, headTop.y - 0.2f), half - 0.17f);
        Vector3f rearAxle = new Vector3f(0, r, -half);
        Vector3f frontAxle = new Vector3f(0, r, half);
        float tube = 0.018f;
        for (Vector3f[] t : new Vector3f[][] {{bracket, seatTube}, {seatTube, headTop}, {bracket, headBottom},
                {headBottom, headTop}, {bracket, rearAxle}, {seatTube, rearAxle}, {headBottom, frontAxle}}) {
            bike.add(Solids.tube("body", t[0], t[1], tube, SEGMENTS, null));
        }
        bike.add(Solids.tube("body", seatTube, seatTop, 0.8f * tube, SEGMENTS, null));
        bike.add(Primitives.box("seat", -0.07f, seatTop.y, seatTop.z - 0.14f, 0.07f, seatTop.y + 0.05f, seatTop.z + 0.12f, SADDLE));
        Vector3f bar = new Vector3f(0, headTop.y + 0.08f, headTop.z + 0.05f);
        bike.add(Solids.tube("body", headTop, bar, tube, SEGMENTS, null));
        bike.add(Solids.tube("body", new Vector3f(-0.22f, bar.y, bar.z), new Vector3f(0.22f, bar.y, bar.z), 0.8f * tube, SEGMENTS, null));
        Vector3f[] hands = new Vector3f[2];
        for (int s = 0; s < 2; s++) {
            float side = s == 0 ? 1 : -1;
            bike.add(Solids.tube("seat", new Vector3f(side * 0.19f, bar.y, bar.z), new Vector3f(side * 0.3f, bar.y, bar.z), 0.016f, SEGMENTS, SADDLE));
            hands[s] = new Vector3f(side * 0.25f, bar.y, bar.z);
        }
        // Cranks and pedals: the right crank at the phase angle, the left opposite.
        Vector3f[] feet = new Vector3f[2];
        for (int s = 0; s < 2; s++) {
            float side = s == 0 ? 1 : -1;
            double angle = Math.toRadians(p.crankPhaseDegrees() + (s == 0 ? 180 : 0));
            Vector3f pedal = new Vector3f(side * 0.1f, bracket.y - crank * (float) Math.sin(angle), bracket.z + crank * (float) Math.cos(angle));
            bike.add(Solids.tube("body", new Vector3f(bracket).add(side * 0.05f, 0, 0), pedal, 0.012f, SEGMENTS, null));
            bike.add(Primitives.box("seat", pedal.x - 0.05f, pedal.y - 0.012f, pedal.z - 0.045f, pedal.x + 0.05f, pedal.y + 0.012f,
                    pedal.z + 0.045f, SADDLE));
            feet[s] = new Vector3f(pedal).add(0, rider.ankleHeight + 0.012f, -0.02f);
        }
        bike.add(Solids.tube("body", new Vector3f(-0.06f, bracket.y, bracket.z), new Vector3f(0.06f, bracket.y, bracket.z), 0.03f, SEGMENTS, null));
        return new Layout(pelvis, feet, hands);
    }

    private static Layout motorcycle(MeshAssembler bike, TwoWheelerParams p, Humanoid rider) {
        float r = (float) p.wheelRadiusMeters();
        float half = (float) p.wheelbaseMeters() / 2;
        addWheel(bike, -half, r, 0.065f, true);
        addWheel(bike, half, r, 0.06f, true);
        float seatY = Math.max(0.72f, r + 0.45f);
        bike.add(Solids.taperedBox("engine", 0.32f, 0.5f, r - 0.18f, 0.28f, 0.42f, seatY - 0.15f, ENGINE_METAL),
                new Matrix4f().translation(0, 0, 0.05f));
        bike.add(Solids.taperedBox("body", 0.3f, 0.5f, seatY - 0.2f, 0.2f, 0.38f, seatY + 0.12f, null),
                new Matrix4f().translation(0, 0, 0.25f));
        bike.add(Primitives.box("seat", -0.15f, seatY - 0.08f, -half + 0.25f, 0.15f, seatY, 0.02f, SADDLE));
        bike.add(Solids.taperedBox("body", 0.24f, 0.4f, seatY - 0.25f, 0.16f, 0.3f, seatY + 0.02f, null),
                new Matrix4f().translation(0, 0, -half + 0.2f));
        Vector3f rearAxle = new Vector3f(0, r, -half);
        Vector3f frontAxle = new Vector3f(0, r, half);
        Vector3f swingPivot = new Vector3f(0, r + 0.05f, -0.15f);
        for (float side : new float[] {-1, 1}) {
            bike.add(Solids.tube("engine", new Vector3f(side * 0.1f, swingPivot.y, swingPivot.z), new Vector3f(side * 0.1f, r, -half), 0.03f,
                    SEGMENTS, ENGINE_METAL));
        }
        Vector3f forkTop = new Vector3f(0, seatY + 0.28f, half - 0.3f);
        for (float side : new float[] {-1, 1}) {
            bike.add(Solids.tube("rim", new Vector3f(side * 0.09f, frontAxle.y, frontAxle.z), new Vector3f(side * 0.09f, forkTop.y, forkTop.z),
                    0.025f, SEGMENTS, VehicleBuilder.RIM_METAL));
        }
        Vector3f bar = new Vector3f(0, forkTop.y + 0.06f, forkTop.z - 0.1f);
        bike.add(Solids.tube("body", new Vector3f(-0.3f, bar.y, bar.z), new Vector3f(0.3f, bar.y, bar.z), 0.014f, SEGMENTS, null));
        bike.add(Primitives.box("body", -0.1f, forkTop.y - 0.05f, forkTop.z - 0.05f, 0.1f, forkTop.y + 0.04f, forkTop.z + 0.08f, null));
        Vector3f lamp = new Vector3f(0, forkTop.y - 0.1f, forkTop.z + 0.08f);
        bike.add(Solids.tube("light_front", lamp, new Vector3f(lamp).add(0, 0, 0.09f), 0.08f, 20, VehicleBuilder.HEADLIGHT));
        bike.add(Primitives.box("light_rear", -0.07f, seatY - 0.04f, -half - 0.07f, 0.07f, seatY + 0.01f, -half + 0.1f, VehicleBuilder.TAILLIGHT));
        Vector3f[] hands = new Vector3f[2];
        Vector3f[] feet = new Vector3f[2];
        for (int s = 0; s < 2; s++) {
            float side = s == 0 ? 1 : -1;
            hands[s] = new Vector3f(side * 0.26f, bar.y, bar.z);
            Vector3f peg = new Vector3f(side * 0.2f, r + 0.02f, -0.12f);
            bike.add(Solids.tube("engine", new Vector3f(side * 0.12f, peg.y, peg.z), new Vector3f(side * 0.26f, peg.y, peg.z), 0.015f,
                    SEGMENTS, ENGINE_METAL));
            feet[s] = new Vector3f(peg).add(0, rider.ankleHeight + 0.015f, 0.04f);
        }
        Vector3f pelvis = new Vector3f(0, seatY + rider.thighRadius, -0.2f);
        return new Layout(pelvis, feet, hands);
    }

    /**
     * A wheel lying in the y-z plane at {@code z}: a torus tyre of tube radius {@code tyreTube}, and
     * a rim (a thin torus for a bicycle, with a hub; a disc for a motorcycle).
     */
    private static void addWheel(MeshAssembler bike, float z, float r, float tyreTube, boolean disc) {
        Matrix4f place = new Matrix4f().translation(0, r, z).rotateZ((float) (Math.PI / 2));
        bike.add(Solids.torus("tyre", r - tyreTube, tyreTube, 40, 10, VehicleBuilder.TYRE_RUBBER), place);
        if (disc) {
            float thickness = 0.07f;
            bike.add(Primitives.cylinder("rim", r - 1.6f * tyreTube, thickness, 32, VehicleBuilder.RIM_METAL),
                    new Matrix4f(place).translate(0, -thickness / 2, 0));
        } else {
            bike.add(Solids.torus("rim", r - 2.6f * tyreTube, 0.9f * tyreTube, 40, 8, VehicleBuilder.RIM_METAL), place);
            bike.add(Primitives.cylinder("rim", 0.03f, 0.1f, 12, VehicleBuilder.RIM_METAL), new Matrix4f(place).translate(0, -0.05f, 0));
        }
    }

    /** The rider's skeleton: pelvis on the seat, torso leaned until the hands reach, legs and arms by two-bone IK. */
    private static Humanoid.Skeleton seat(Humanoid rider, Layout layout) {
        float armReach = rider.upperArm + rider.forearm;
        double lean = 80;
        for (int degrees = 0; degrees <= 80; degrees++) {
            Vector3f shoulder = new Matrix4f().translation(layout.pelvis()).rotateX((float) Math.toRadians(degrees))
                    .transformPosition(new Vector3f(0, rider.torsoLength - rider.armRadius, 0));
            if (sideDistance(shoulder, layout.hands()[0]) <= 0.93f * armReach) {
                lean = degrees;
                break;
            }
        }
        Humanoid.Skeleton upright = rider.pose(new JointAngles(0, 0, 0, 0, 0, 0, 0, 0, lean), layout.pelvis());
        double[] leftLeg = twoBone(upright.hips()[0], layout.feet()[0], rider.thigh, rider.shank, true);
        double[] rightLeg = twoBone(upright.hips()[1], layout.feet()[1], rider.thigh, rider.shank, true);
        double[] leftArm = twoBone(upright.shoulders()[0], layout.hands()[0], rider.upperArm, rider.forearm, false);
        double[] rightArm = twoBone(upright.shoulders()[1], layout.hands()[1], rider.upperArm, rider.forearm, false);
        return rider.pose(new JointAngles(leftLeg[0], leftLeg[1], rightLeg[0], rightLeg[1],
                leftArm[0], leftArm[1], rightArm[0], rightArm[1], lean), layout.pelvis());
    }

    private static float sideDistance(Vector3f a, Vector3f b) {
        return (float) Math.hypot(a.y - b.y, a.z - b.z);
    }

    /**
     * Two-bone IK in the side (y-z) plane: segment angles (degrees from hanging down, positive
     * forward) that carry a chain of lengths a and b from {@code root} towards {@code target}; the
     * middle joint bends forward (knees) or backward (elbows). Out of reach, the chain points at
     * the target, as straight as it may be.
     */
    static double[] twoBone(Vector3f root, Vector3f target, float a, float b, boolean bendForward) {
        double dz = target.z - root.z;
        double dy = target.y - root.y;
        double d = Math.min(Math.max(Math.hypot(dz, dy), Math.abs(a - b) + 1e-3), a + b - 1e-3);
        double towards = Math.atan2(dz, -dy);
        double atRoot = Math.acos(Math.max(-1, Math.min(1, (a * a + d * d - b * b) / (2 * a * d))));
        double first = bendForward ? towards + atRoot : towards - atRoot;
        double kneeZ = root.z + a * Math.sin(first);
        double kneeY = root.y - a * Math.cos(first);
        double endZ = root.z + d * Math.sin(towards);
        double endY = root.y - d * Math.cos(towards);
        double second = Math.atan2(endZ - kneeZ, -(endY - kneeY));
        return new double[] {Math.toDegrees(first), Math.toDegrees(second)};
    }
}
