package io.synthscene.assets;

/**
 * The body types {@link VehicleBuilder} knows, each with the asset kind that names it in a scene.
 * {@code vehicle} (the first kind of the DSL) is a sedan with the older parameter defaults.
 */
public enum BodyStyle {
    /** Three boxes: bonnet, cabin, boot; the rear window slopes down to a boot lid. */
    SEDAN("sedan"),
    /** Two boxes: the cabin runs to a steep tailgate. */
    HATCHBACK("hatchback"),
    /** A tall two-box body with high ground clearance. */
    SUV("suv"),
    /** One box: a short bonnet, a long tall cabin and a vertical rear. */
    VAN("van"),
    /** A cab over the front axle and an open load bed (rails and tailgate) behind it. */
    PICKUP("pickup"),
    /** A cab-over-engine cab, a chassis and a box body ({@code cargo} slot). */
    TRUCK("truck"),
    /** One long box with a band of side windows in bays. */
    BUS("bus");

    private final String kind;

    BodyStyle(String kind) {
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }

    /** The style of an asset kind: {@code vehicle} is a sedan. */
    public static BodyStyle ofKind(String kind) {
        if (kind.equals("vehicle")) {
            return SEDAN;
        }
        for (BodyStyle style : values()) {
            if (style.kind.equals(kind)) {
                return style;
            }
        }
        throw new IllegalArgumentException("no vehicle body style for asset kind " + kind);
    }

    boolean isCar() {
        return this != TRUCK && this != BUS;
    }
}
