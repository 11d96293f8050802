package io.synthscene.assets;

import static io.synthscene.assets.VehicleBuilder.PROUD_METERS;
import static io.synthscene.assets.VehicleBuilder.points;

/**
 * A city bus: one long body whose profile rounds off the top of the front and rear, a large
 * windscreen, a band of side windows in {@code windowBays} bays, a glazed front door on the bus's
 * right (-x) side, and lamps. The body stops {@code PROUD_METERS} short of the sides, so the side
 * glass sets the width. Made and used by {@link VehicleBuilder}.
 */
final class BusShape {
    private final VehicleParams p;
    private final float length;
    private final float width;
    private final float height;
    private final float end;
    private final float bottom;

    BusShape(VehicleParams p) {
        this.p = p;
        length = (float) p.lengthMeters();
        width = (float) p.widthMeters();
        height = (float) p.heightMeters();
        end = length / 2 - PROUD_METERS;
        bottom = VehicleBuilder.clearanceOfWheelRadius(BodyStyle.BUS) * (float) p.wheelRadiusMeters();
    }

    void addTo(MeshAssembler bus) {
        float side = width / 2 - PROUD_METERS;
        bus.add(Solids.prism("body", points(-end, bottom, end, bottom, end, 0.9f * height,
                end - 0.025f * length, height, -end + 0.01f * length, height, -end, 0.96f * height), -side, side, null));
        bus.add(Primitives.box("glass", -side + 0.15f, 0.42f * height, end - 0.02f, side - 0.15f, 0.86f * height,
                length / 2, VehicleBuilder.WINDOW_GLASS));
        bus.add(Primitives.box("glass", -side + 0.2f, 0.55f * height, -length / 2, side - 0.2f, 0.85f * height,
                -end + 0.02f, VehicleBuilder.WINDOW_GLASS));

        float doorRear = end - 0.11f * length;
        float bandRear = -end + 0.04f * length;
        float bay = (doorRear - 0.1f - bandRear) / p.windowBays();
        float pillar = 0.12f;
        for (int i = 0; i < p.windowBays(); i++) {
            float z0 = bandRear + i * bay + pillar / 2;
            float z1 = bandRear + (i + 1) * bay - pillar / 2;
            bus.add(Solids.prism("glass", points(z0, 0.5f * height, z1, 0.5f * height, z1, 0.86f * height, z0, 0.86f * height),
                    -width / 2, width / 2, VehicleBuilder.WINDOW_GLASS));
        }
        bus.add(Primitives.box("glass", -width / 2, 0.1f * height, doorRear, -side + 0.03f, 0.86f * height,
                end - 0.04f * length, VehicleBuilder.WINDOW_GLASS));

        float lampWidth = 0.12f * width;
        float outer = side - 0.06f * width;
        for (float sign : new float[] {-1, 1}) {
            float x0 = sign < 0 ? -outer : outer - lampWidth;
            VehicleBuilder.lamp(bus, "light_front", VehicleBuilder.HEADLIGHT,
                    x0, 0.12f * height, end, x0 + lampWidth, 0.19f * height, length / 2);
            VehicleBuilder.lamp(bus, "light_rear", VehicleBuilder.TAILLIGHT,
                    x0, 0.15f * height, -length / 2, x0 + lampWidth, 0.26f * height, -end);
        }
    }
}
