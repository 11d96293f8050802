package io.synthscene.assets;

import io.synthscene.scenes.frame.Material;
import io.synthscene.scenes.frame.Rgb;
import java.util.ArrayList;
import java.util.List;
import org.joml.Matrix4f;

/**
 * Builds a vehicle from {@link VehicleParams}: a side profile (bumpers, bonnet, boot or tailgate)
 * extruded across the width, a narrower greenhouse on top, glass set a centimetre proud of the
 * surfaces it sits on, wheels (tyre and rim), and front and rear lamps. Trucks get a cab, a chassis
 * and a box body; buses one long body with window bays.
 *
 * <p>Asset frame: +Y up, front at +Z, origin at the centre of the footprint on the ground, metres.
 * The mesh's bounds are exactly width x height x length: the lamps (or a bus's windscreen) set the
 * ends, the body (a bus's side glass) the sides, the roof the top, the tyres the bottom.
 *
 * <p>Slots: {@code body} (the object's material), {@code glass}, {@code tyre}, {@code rim},
 * {@code light_front}, {@code light_rear} and, for trucks, {@code cargo}; the defaults are the
 * constants below. Stateless; used by {@link AssetLibrary}.
 */
public final class VehicleBuilder {
    /** How far glass and lamps stand out of the surface they sit on (metres): avoids z-fighting. */
    static final float PROUD_METERS = 0.01f;
    /** Gap between a wheel's outer face and the body side (metres), so the wheels stay inside the width. */
    private static final float WHEEL_INSET_METERS = 0.02f;
    private static final int WHEEL_SEGMENTS = 32;

    public static final Material WINDOW_GLASS = new Material(new Rgb(0.04, 0.07, 0.11), 0.08);
    public static final Material TYRE_RUBBER = new Material(new Rgb(0.02, 0.02, 0.02), 0.9);
    public static final Material RIM_METAL = new Material(new Rgb(0.5, 0.5, 0.52), 0.35);
    public static final Material HEADLIGHT = new Material(new Rgb(1.0, 0.93, 0.65), 0.2);
    public static final Material TAILLIGHT = new Material(new Rgb(0.45, 0.02, 0.02), 0.3);
    public static final Material CARGO_BOX = new Material(new Rgb(0.75, 0.75, 0.73), 0.6);

    /** Body underside above the ground, as a fraction of the wheel radius, so the wheels show. */
    static float clearanceOfWheelRadius(BodyStyle style) {
        return switch (style) {
            case SUV, PICKUP -> 0.75f;
            case TRUCK, BUS -> 0.55f;
            default -> 0.6f;
        };
    }

    public Mesh build(VehicleParams p) {
        MeshAssembler vehicle = new MeshAssembler();
        switch (p.style()) {
            case TRUCK -> new TruckShape(p).addTo(vehicle);
            case BUS -> new BusShape(p).addTo(vehicle);
            default -> new CarShape(p).addTo(vehicle);
        }
        addWheels(vehicle, p, axles(p));
        return vehicle.build(p.style().kind());
    }

    /** Axle positions along z: near the ends for cars, under the cab and towards the rear for trucks and buses. */
    private static float[] axles(VehicleParams p) {
        float length = (float) p.lengthMeters();
        float r = (float) p.wheelRadiusMeters();
        return switch (p.style()) {
            case TRUCK -> new float[] {length / 2 - Math.max(1.3f * r, 0.5f * (float) p.cabinLengthRatio() * length), -0.28f * length};
            case BUS -> new float[] {0.3f * length, -0.25f * length};
            default -> {
                float axle = length / 2 - Math.max(1.15f * r, 0.17f * length);
                yield new float[] {axle, -axle};
            }
        };
    }

    /**
     * Two wheels per axle: a tyre (a cylinder lying on its side, axis along x) and a rim a little
     * smaller and 5 mm proud of the tyre on both faces; outer faces just inside the body's sides.
     */
    private static void addWheels(MeshAssembler vehicle, VehicleParams p, float[] axles) {
        float width = (float) p.widthMeters();
        float r = (float) p.wheelRadiusMeters();
        float thickness = p.style().isCar() ? Math.min(0.25f, 0.13f * width) : 0.3f;
        float rimProud = 0.005f;
        float axleX = width / 2 - WHEEL_INSET_METERS - rimProud - thickness / 2;
        // Vertical cylinders centred on their own origin, then turned so that +Y becomes +X.
        Matrix4f lay = new Matrix4f().rotateZ((float) (-Math.PI / 2));
        MeshPart tyre = Primitives.cylinder("tyre", r, thickness, WHEEL_SEGMENTS, TYRE_RUBBER)
                .transformed(new Matrix4f(lay).translate(0, -thickness / 2, 0));
        float rimThickness = thickness + 2 * rimProud;
        MeshPart rim = Primitives.cylinder("rim", 0.62f * r, rimThickness, WHEEL_SEGMENTS, RIM_METAL)
                .transformed(new Matrix4f(lay).translate(0, -rimThickness / 2, 0));
        for (float x : new float[] {-axleX, axleX}) {
            for (float z : axles) {
                vehicle.add(tyre, new Matrix4f().translation(x, r, z));
                vehicle.add(rim, new Matrix4f().translation(x, r, z));
            }
        }
    }

    /** A lamp: a box between two corners, slot and material given. */
    static void lamp(MeshAssembler vehicle, String slot, Material material, float x0, float y0, float z0, float x1, float y1, float z1) {
        vehicle.add(Primitives.box(slot, x0, y0, z0, x1, y1, z1, material));
    }

    /**
     * A pane of glass on a profile edge from {@code a} to {@code b} ({z, y}, counter-clockwise
     * profile so the outside is on the right of a to b): the edge shortened by {@code margin} at
     * both ends, as a slab {@code PROUD_METERS} thick on each side of the surface, across x in
     * [-halfWidth, halfWidth].
     */
    static void paneOnEdge(MeshAssembler vehicle, float[] a, float[] b, float margin, float halfWidth) {
        float dz = b[0] - a[0];
        float dy = b[1] - a[1];
        float length = (float) Math.hypot(dz, dy);
        float uz = dz / length;
        float uy = dy / length;
        float nz = uy * PROUD_METERS;
        float ny = -uz * PROUD_METERS;
        float[] s = {a[0] + uz * margin, a[1] + uy * margin};
        float[] e = {b[0] - uz * margin, b[1] - uy * margin};
        List<float[]> slab = List.of(
                new float[] {s[0] - nz, s[1] - ny}, new float[] {e[0] - nz, e[1] - ny},
                new float[] {e[0] + nz, e[1] + ny}, new float[] {s[0] + nz, s[1] + ny});
        vehicle.add(Solids.prism("glass", slab, -halfWidth, halfWidth, WINDOW_GLASS));
    }

    static List<float[]> points(float... zy) {
        List<float[]> points = new ArrayList<>();
        for (int i = 0; i < zy.length; i += 2) {
            points.add(new float[] {zy[i], zy[i + 1]});
        }
        return points;
    }
}
