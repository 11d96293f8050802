package io.synthscene.assets;

import io.synthscene.scenes.frame.Material;
import io.synthscene.scenes.frame.Rgb;
import org.joml.Matrix4f;

/**
 * Builds a simple but recognisable car from {@link VehicleParams}: a lower body, a narrower cabin
 * on top, window panels, four wheels and head/tail lights. Asset frame: +Y up, front at +Z,
 * origin at the centre of the footprint on the ground, metres. The mesh's bounds are exactly
 * width x height x length: the lights set the ends, the body the sides, the cabin roof the top.
 *
 * <p>Slots: {@code body} (body and cabin, the object's material), {@code windows},
 * {@code tyres} and {@code lights} (fixed materials below). Stateless; used by {@link AssetLibrary}.
 */
public final class VehicleBuilder {
    /** Body underside above the ground, as a fraction of the wheel radius, so the wheels show. */
    static final float BODY_CLEARANCE_OF_WHEEL_RADIUS = 0.6f;
    /** How far windows and lights stand out of the surface they sit on (metres): avoids z-fighting. */
    static final float PROUD_METERS = 0.01f;
    /** Cabin width / car width: the cabin is narrower than the body, as on a real car. */
    private static final float CABIN_WIDTH_RATIO = 0.84f;
    /** Gap between a wheel's outer face and the body side (metres), so the wheels stay inside the width. */
    private static final float WHEEL_INSET_METERS = 0.02f;
    private static final int WHEEL_SEGMENTS = 24;

    public static final Material WINDOW_GLASS = new Material(new Rgb(0.04, 0.07, 0.11), 0.08);
    public static final Material TYRE_RUBBER = new Material(new Rgb(0.02, 0.02, 0.02), 0.9);
    public static final Material HEADLIGHT = new Material(new Rgb(1.0, 0.93, 0.65), 0.2);
    public static final Material TAILLIGHT = new Material(new Rgb(0.45, 0.02, 0.02), 0.3);

    public Mesh build(VehicleParams p) {
        float length = (float) p.lengthMeters();
        float width = (float) p.widthMeters();
        float height = (float) p.heightMeters();
        float wheelRadius = (float) p.wheelRadiusMeters();
        float bodyBottom = BODY_CLEARANCE_OF_WHEEL_RADIUS * wheelRadius;
        float bodyTop = height * (1 - (float) p.cabinHeightRatio());
        // The lights stand PROUD out of the body's ends, so the body is that much shorter at each end.
        float bodyEnd = length / 2 - PROUD_METERS;

        MeshAssembler car = new MeshAssembler();
        car.add(Primitives.box("body", -width / 2, bodyBottom, -bodyEnd, width / 2, bodyTop, bodyEnd, null));
        Cabin cabin = new Cabin(width * CABIN_WIDTH_RATIO, bodyTop, height,
                (float) (p.cabinOffsetRatio() * length), (float) (p.cabinLengthRatio() * length));
        car.add(Primitives.box("body", -cabin.width / 2, cabin.bottom, cabin.rear(), cabin.width / 2, cabin.top, cabin.front(), null));
        addWindows(car, cabin);
        addWheels(car, length, width, wheelRadius);
        addLights(car, bodyEnd, length, width, bodyBottom, bodyTop);
        return car.build("vehicle");
    }

    /** The cabin box: centred on x, from the body top to the roof, centred at {@code centreZ}. */
    private record Cabin(float width, float bottom, float top, float centreZ, float length) {
        float front() {
            return centreZ + length / 2;
        }

        float rear() {
            return centreZ - length / 2;
        }
    }

    /** Side windows along both cabin sides, a windscreen in front and a rear window behind. */
    private static void addWindows(MeshAssembler car, Cabin cabin) {
        float cabinHeight = cabin.top - cabin.bottom;
        float low = cabin.bottom + 0.15f * cabinHeight;
        float high = cabin.top - 0.12f * cabinHeight;
        float sideMargin = 0.08f * cabin.length;
        float side = cabin.width / 2;
        float glassHalfWidth = side - 0.08f * cabin.width;
        car.add(Primitives.box("windows", side, low, cabin.rear() + sideMargin,
                side + PROUD_METERS, high, cabin.front() - sideMargin, WINDOW_GLASS));
        car.add(Primitives.box("windows", -side - PROUD_METERS, low, cabin.rear() + sideMargin,
                -side, high, cabin.front() - sideMargin, WINDOW_GLASS));
        car.add(Primitives.box("windows", -glassHalfWidth, low, cabin.front(),
                glassHalfWidth, high, cabin.front() + PROUD_METERS, WINDOW_GLASS));
        car.add(Primitives.box("windows", -glassHalfWidth, low, cabin.rear() - PROUD_METERS,
                glassHalfWidth, high, cabin.rear(), WINDOW_GLASS));
    }

    /**
     * Four wheels, cylinders lying on their side (axis along x), touching the ground, their outer
     * faces just inside the body's sides; axles near the ends.
     */
    private static void addWheels(MeshAssembler car, float length, float width, float wheelRadius) {
        float thickness = Math.min(0.25f, 0.18f * width);
        float axleX = width / 2 - WHEEL_INSET_METERS - thickness / 2;
        float axleZ = length / 2 - Math.max(1.15f * wheelRadius, 0.17f * length);
        // A vertical cylinder centred on its own origin, then turned so that +Y becomes +X.
        MeshPart wheel = Primitives.cylinder("tyres", wheelRadius, thickness, WHEEL_SEGMENTS, TYRE_RUBBER)
                .transformed(new Matrix4f().rotateZ((float) (-Math.PI / 2)).translate(0, -thickness / 2, 0));
        for (float x : new float[] {-axleX, axleX}) {
            for (float z : new float[] {-axleZ, axleZ}) {
                car.add(wheel, new Matrix4f().translation(x, wheelRadius, z));
            }
        }
    }

    /** Two headlights on the front face (+Z) and two taillights on the rear face, near the corners. */
    private static void addLights(MeshAssembler car, float bodyEnd, float length, float width, float bodyBottom, float bodyTop) {
        float bodyHeight = bodyTop - bodyBottom;
        float lightWidth = 0.16f * width;
        float lightHeight = 0.22f * bodyHeight;
        float centreY = bodyTop - 0.35f * bodyHeight;
        float outerX = width / 2 - 0.06f * width;
        for (float sign : new float[] {-1, 1}) {
            float x0 = sign < 0 ? -outerX : outerX - lightWidth;
            float y0 = centreY - lightHeight / 2;
            car.add(Primitives.box("lights", x0, y0, bodyEnd, x0 + lightWidth, y0 + lightHeight, length / 2, HEADLIGHT));
            car.add(Primitives.box("lights", x0, y0, -length / 2, x0 + lightWidth, y0 + lightHeight, -bodyEnd, TAILLIGHT));
        }
    }
}
