package io.synthscene.assets;

import static io.synthscene.assets.VehicleBuilder.PROUD_METERS;
import static io.synthscene.assets.VehicleBuilder.points;

import java.util.List;

/**
 * The body of a car-like vehicle (sedan, hatchback, SUV, van, pickup): a lower body whose side
 * profile has sloped bumper corners, a bonnet slope and a boot or tailgate, extruded across the
 * full width; a greenhouse (the cabin above the belt line) as a trapezoid profile with a raked
 * windscreen and rear window, extruded across a narrower width; glass and lamps. Profiles are
 * points {z, y} in metres. Made and used by {@link VehicleBuilder}.
 */
final class CarShape {
    private static final float PILLAR_METERS = 0.08f;

    private final VehicleParams p;
    private final float length;
    private final float width;
    private final float height;
    private final float end;
    private final float bottom;
    private final float belt;
    private final float cabinRear;
    private final float cabinFront;
    private final float rake;
    private final float rearRake;
    private final float cabinHalfWidth;

    CarShape(VehicleParams p) {
        this.p = p;
        length = (float) p.lengthMeters();
        width = (float) p.widthMeters();
        height = (float) p.heightMeters();
        end = length / 2 - PROUD_METERS;
        bottom = VehicleBuilder.clearanceOfWheelRadius(p.style()) * (float) p.wheelRadiusMeters();
        belt = height * (1 - (float) p.cabinHeightRatio());
        float cabinLength = (float) (p.cabinLengthRatio() * length);
        float cabinCentre = (float) (p.cabinOffsetRatio() * length);
        cabinRear = cabinCentre - cabinLength / 2;
        cabinFront = cabinCentre + cabinLength / 2;
        rake = (float) (p.windscreenRakeRatio() * cabinLength);
        rearRake = rearRakeOfRake(p.style()) * rake;
        if (cabinFront - rake - (cabinRear + rearRake) < 0.3f) {
            throw new IllegalArgumentException(p.style().kind() + ": windscreen_rake_ratio " + p.windscreenRakeRatio()
                    + " leaves a roof shorter than 0.3 m on a cabin of " + cabinLength + " m");
        }
        boolean boxy = p.style() == BodyStyle.SUV || p.style() == BodyStyle.VAN;
        cabinHalfWidth = (boxy ? 0.92f : 0.86f) * width / 2;
    }

    /** Horizontal run of the rear window as a share of the windscreen's. */
    private static float rearRakeOfRake(BodyStyle style) {
        return switch (style) {
            case SEDAN -> 0.9f;
            case HATCHBACK -> 0.5f;
            case SUV -> 0.25f;
            case PICKUP -> 0.15f;
            default -> 0.1f;
        };
    }

    void addTo(MeshAssembler car) {
        car.add(Solids.prism("body", lowerProfile(), -width / 2, width / 2, null));
        // The greenhouse sinks 2 cm into the lower body, so no coplanar faces meet at the belt line.
        List<float[]> greenhouse = points(cabinRear, belt - 0.02f, cabinFront, belt - 0.02f,
                cabinFront - rake, height, cabinRear + rearRake, height);
        car.add(Solids.prism("body", greenhouse, -cabinHalfWidth, cabinHalfWidth, null));
        if (p.style() == BodyStyle.PICKUP) {
            addBed(car);
        }
        addGlass(car);
        addLamps(car);
    }

    private List<float[]> lowerProfile() {
        float h = belt - bottom;
        boolean van = p.style() == BodyStyle.VAN;
        float noseY = bottom + (van ? 0.75f : 0.65f) * h;
        // A van's bonnet slopes straight up into its windscreen: one box.
        float bonnetRun = van ? Math.max(0.05f * length, end - cabinFront) : 0.07f * length;
        boolean boot = p.style() == BodyStyle.SEDAN;
        float tailInset = (boot ? 0.04f : 0.01f) * length;
        float tailY = boot ? bottom + 0.8f * h : belt - 0.04f * h;
        return points(
                -end + 0.02f * length, bottom,
                end - 0.02f * length, bottom,
                end, bottom + 0.15f * h,
                end, noseY,
                end - bonnetRun, belt,
                -end + tailInset, belt,
                -end, tailY,
                -end, bottom + 0.15f * h);
    }

    /** A pickup's load bed behind the cab: side rails and a tailgate on the deck. */
    private void addBed(MeshAssembler car) {
        float railTop = belt + 0.14f * (height - belt);
        float rail = 0.06f;
        float half = width / 2;
        car.add(Primitives.box("body", half - rail, belt - 0.01f, -end, half, railTop, cabinRear + 0.01f, null));
        car.add(Primitives.box("body", -half, belt - 0.01f, -end, -half + rail, railTop, cabinRear + 0.01f, null));
        car.add(Primitives.box("body", -half + rail, belt - 0.01f, -end, half - rail, railTop, -end + 0.05f, null));
    }

    private void addGlass(MeshAssembler car) {
        float[] screenLow = {cabinFront, belt};
        float[] screenHigh = {cabinFront - rake, height};
        float screenLength = (float) Math.hypot(rake, height - belt);
        VehicleBuilder.paneOnEdge(car, screenLow, screenHigh, 0.08f * screenLength, cabinHalfWidth - 0.06f);
        float[] rearHigh = {cabinRear + rearRake, height};
        float[] rearLow = {cabinRear, belt};
        float rearLength = (float) Math.hypot(rearRake, height - belt);
        VehicleBuilder.paneOnEdge(car, rearHigh, rearLow, 0.1f * rearLength, cabinHalfWidth - 0.08f);

        float glassHeight = height - belt;
        float y0 = belt + 0.12f * glassHeight;
        float y1 = height - 0.12f * glassHeight;
        float rearAt0 = rearAt(y0) + PILLAR_METERS;
        float rearAt1 = rearAt(y1) + PILLAR_METERS;
        float frontAt0 = frontAt(y0) - PILLAR_METERS;
        float frontAt1 = frontAt(y1) - PILLAR_METERS;
        float across = cabinHalfWidth + PROUD_METERS;
        if (frontAt1 - rearAt1 > 0.5f) {
            // Two windows per side, split by a B pillar in the middle of the roof line.
            float middle = (frontAt1 + rearAt1) / 2;
            float halfPillar = PILLAR_METERS / 2;
            car.add(Solids.prism("glass", points(rearAt0, y0, middle - halfPillar, y0, middle - halfPillar, y1, rearAt1, y1),
                    -across, across, VehicleBuilder.WINDOW_GLASS));
            car.add(Solids.prism("glass", points(middle + halfPillar, y0, frontAt0, y0, frontAt1, y1, middle + halfPillar, y1),
                    -across, across, VehicleBuilder.WINDOW_GLASS));
        } else if (frontAt1 - rearAt1 > 0.1f) {
            car.add(Solids.prism("glass", points(rearAt0, y0, frontAt0, y0, frontAt1, y1, rearAt1, y1),
                    -across, across, VehicleBuilder.WINDOW_GLASS));
        }
    }

    /** z of the windscreen and of the rear window at height y (between the belt line and the roof). */
    private float frontAt(float y) {
        return cabinFront - rake * (y - belt) / (height - belt);
    }

    private float rearAt(float y) {
        return cabinRear + rearRake * (y - belt) / (height - belt);
    }

    /** Two headlamps on the front face, two tail lamps on the rear face, near the corners. */
    private void addLamps(MeshAssembler car) {
        float h = belt - bottom;
        float lampWidth = 0.16f * width;
        float outer = width / 2 - 0.06f * width;
        for (float sign : new float[] {-1, 1}) {
            float x0 = sign < 0 ? -outer : outer - lampWidth;
            VehicleBuilder.lamp(car, "light_front", VehicleBuilder.HEADLIGHT,
                    x0, bottom + 0.42f * h, end, x0 + lampWidth, bottom + 0.6f * h, length / 2);
            VehicleBuilder.lamp(car, "light_rear", VehicleBuilder.TAILLIGHT,
                    x0, bottom + 0.5f * h, -length / 2, x0 + lampWidth, bottom + 0.7f * h, -end);
        }
    }
}
