package io.synthscene.assets;

/**
 * A humanoid's pose as angles in the sagittal plane, degrees. A limb segment's angle is measured
 * from hanging straight down, positive when its far end swings forward (+Z): a thigh at 90 points
 * straight ahead (seated), a shank at -90 points straight back. {@code lean} tilts the torso
 * forward about the pelvis. "Left" is the figure's own left (+X).
 */
public record JointAngles(
        double leftThigh, double leftShank, double rightThigh, double rightShank,
        double leftUpperArm, double leftForearm, double rightUpperArm, double rightForearm,
        double lean) {

    /** Standing at ease: legs straight, elbows a little bent. */
    public static JointAngles standing() {
        return new JointAngles(0, 0, 0, 0, 3, 10, 3, 10, 0);
    }

    /**
     * A walking gait at {@code phaseDegrees} of its cycle: the left thigh swings sinusoidally by
     * 22 degrees, the right half a cycle later; the knee bends most while its leg swings forward;
     * each arm swings against the leg of its side.
     */
    public static JointAngles walking(double phaseDegrees) {
        return gait(phaseDegrees, 0, 22, 5, 32, 18, 12, 12, 2);
    }

    /** A running gait: larger swings, knees bent up to 95 degrees, elbows at about 85, torso leaning 10. */
    public static JointAngles running(double phaseDegrees) {
        return gait(phaseDegrees, 12, 40, 20, 75, 38, 85, 0, 10);
    }

    private static JointAngles gait(double phaseDegrees, double thighMean, double thighSwing, double kneeMin, double kneeSwing,
                                    double armSwing, double elbow, double elbowSwing, double lean) {
        double left = Math.toRadians(phaseDegrees);
        double right = left + Math.PI;
        double leftThigh = thighMean + thighSwing * Math.sin(left);
        double rightThigh = thighMean + thighSwing * Math.sin(right);
        // The knee bends while the thigh moves forward (the derivative of sin is cos).
        double leftKnee = kneeMin + kneeSwing * Math.max(0, Math.cos(left));
        double rightKnee = kneeMin + kneeSwing * Math.max(0, Math.cos(right));
        double leftArm = -armSwing * Math.sin(left);
        double rightArm = -armSwing * Math.sin(right);
        return new JointAngles(leftThigh, leftThigh - leftKnee, rightThigh, rightThigh - rightKnee,
                leftArm, leftArm + elbow + elbowSwing * Math.max(0, -Math.sin(left)),
                rightArm, rightArm + elbow + elbowSwing * Math.max(0, -Math.sin(right)), lean);
    }

    /** This pose with extra swing: {@code legs} forward on the left thigh and back on the right, {@code arms} the other way round. */
    JointAngles withSwing(double arms, double legs) {
        return new JointAngles(leftThigh + legs, leftShank + legs, rightThigh - legs, rightShank - legs,
                leftUpperArm - arms, leftForearm - arms, rightUpperArm + arms, rightForearm + arms, lean);
    }
}
