package io.synthscene.assets;

import static io.synthscene.assets.VehicleBuilder.PROUD_METERS;
import static io.synthscene.assets.VehicleBuilder.points;

/**
 * A box truck: a cab-over cab at the front (its profile has a raked windscreen above a vertical
 * front), a chassis under a box body ({@code cargo} slot) behind it, glass and lamps. The cab and
 * the box stop {@code PROUD_METERS} short of the sides so the side glass sets the width. Made and
 * used by {@link VehicleBuilder}.
 */
final class TruckShape {
    private final float length;
    private final float width;
    private final float height;
    private final float end;
    private final float bottom;
    private final float cabRear;
    private final float cabTop;
    private final float deck;

    TruckShape(VehicleParams p) {
        length = (float) p.lengthMeters();
        width = (float) p.widthMeters();
        height = (float) p.heightMeters();
        end = length / 2 - PROUD_METERS;
        float r = (float) p.wheelRadiusMeters();
        bottom = VehicleBuilder.clearanceOfWheelRadius(BodyStyle.TRUCK) * r;
        cabRear = end - (float) p.cabinLengthRatio() * length;
        cabTop = (float) p.cabinHeightRatio() * height;
        deck = 2.1f * r;
    }

    void addTo(MeshAssembler truck) {
        float side = width / 2 - PROUD_METERS;
        float screenBottom = bottom + 0.55f * (cabTop - bottom);
        float rakeRun = 0.12f * (cabTop - bottom);
        truck.add(Solids.prism("body", points(cabRear, bottom, end, bottom, end, screenBottom, end - rakeRun, cabTop, cabRear, cabTop),
                -side, side, null));
        truck.add(Primitives.box("body", -0.38f * width, bottom, -end, 0.38f * width, deck, cabRear + 0.05f, null));
        truck.add(Primitives.box("cargo", -side, deck, -end, side, height, cabRear - 0.1f, VehicleBuilder.CARGO_BOX));

        float screenLength = (float) Math.hypot(rakeRun, cabTop - screenBottom);
        VehicleBuilder.paneOnEdge(truck, new float[] {end, screenBottom}, new float[] {end - rakeRun, cabTop},
                0.08f * screenLength, side - 0.12f);
        float cabLength = end - cabRear;
        float y0 = bottom + 0.6f * (cabTop - bottom);
        float y1 = cabTop - 0.1f * (cabTop - bottom);
        truck.add(Solids.prism("glass", points(cabRear + 0.35f * cabLength, y0, end - rakeRun - 0.12f, y0,
                end - rakeRun - 0.12f, y1, cabRear + 0.35f * cabLength, y1), -width / 2, width / 2, VehicleBuilder.WINDOW_GLASS));

        float lampWidth = 0.14f * width;
        float outer = side - 0.05f * width;
        float rearOuter = 0.36f * width;
        for (float sign : new float[] {-1, 1}) {
            float x0 = sign < 0 ? -outer : outer - lampWidth;
            VehicleBuilder.lamp(truck, "light_front", VehicleBuilder.HEADLIGHT,
                    x0, bottom + 0.12f * (cabTop - bottom), end, x0 + lampWidth, bottom + 0.22f * (cabTop - bottom), length / 2);
            float r0 = sign < 0 ? -rearOuter : rearOuter - lampWidth;
            VehicleBuilder.lamp(truck, "light_rear", VehicleBuilder.TAILLIGHT,
                    r0, bottom + 0.2f * (deck - bottom), -length / 2, r0 + lampWidth, bottom + 0.5f * (deck - bottom), -end);
        }
    }
}
