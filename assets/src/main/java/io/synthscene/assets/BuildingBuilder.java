package io.synthscene.assets;

import io.synthscene.scenes.frame.AssetRef;
import io.synthscene.scenes.frame.Material;
import io.synthscene.scenes.frame.Rgb;
import java.util.List;

/**
 * The {@code building} kind: a box massing of {@code storeys} storeys with a grid of windows on
 * all four facades, a door in the middle of the ground storey's front (+Z) and a flat roof with
 * an optional overhanging ledge. Windows are either inset (the facade is a grid of piers and
 * storey bands standing 0.15 m proud of the wall, the glass sits back in the openings) or
 * protruding (panes 4 cm proud of the wall with a sill below and a lintel above). Every piece is
 * an axis-aligned closed box; slots {@code facade} (main), {@code window}, {@code door},
 * {@code roof}. Asset frame: +Y up, front towards +Z, metres, the bounds' bottom centre at the
 * origin. Stateless; used by {@link AssetLibrary}.
 */
public final class BuildingBuilder {
    public static final Material WINDOW_GLASS = new Material(new Rgb(0.04, 0.06, 0.08), 0.1);
    public static final Material DOOR_WOOD = new Material(new Rgb(0.12, 0.07, 0.04), 0.6);
    public static final Material ROOF_GREY = new Material(new Rgb(0.15, 0.15, 0.16), 0.85);

    /** Values of {@code window_style}. */
    public static final int INSET = 0;
    public static final int PROTRUDING = 1;

    /** How far piers and bands (inset style) stand proud of the wall, metres. */
    static final float RELIEF = 0.15f;
    /** How far the roof ledge overhangs the facade's relief, and how thick it is, metres. */
    static final float LEDGE_OVERHANG = 0.35f;
    static final float LEDGE_THICKNESS = 0.3f;
    /** A roof without a ledge: a slab flush with the relief. */
    static final float SLAB_THICKNESS = 0.12f;
    /** Window sill and top, as fractions of the storey height above the storey's floor. */
    private static final float SILL = 0.3f;
    private static final float HEAD = 0.85f;
    /** Window width / bay width. */
    private static final float GLAZED = 0.55f;
    /** Panes reach this far into the wall, so they never share a face with it. */
    private static final float EMBED = 0.05f;

    /** The resolved parameters; {@link #from} checks them. */
    record Params(float width, float depth, int storeys, float storeyHeight, float windowSpacing, int windowStyle, boolean ledge) {
        float wallHeight() {
            return storeys * storeyHeight;
        }

        /** Ground to the top of the roof. */
        float height() {
            return wallHeight() + (ledge ? LEDGE_THICKNESS : SLAB_THICKNESS) - 0.02f;
        }

        /** Bays (window columns) on a facade {@code length} metres long: at least one. */
        int bays(float length) {
            return Math.max(1, (int) Math.floor(length / windowSpacing));
        }

        static Params from(AssetRef asset) {
            float width = (float) atLeast(asset, "width_m", 3);
            float depth = (float) atLeast(asset, "depth_m", 3);
            int storeys = whole(asset, "storeys", 1, 200);
            float storeyHeight = (float) atLeast(asset, "storey_height_m", 2.2);
            float spacing = (float) atLeast(asset, "window_spacing_m", 1.2);
            int style = whole(asset, "window_style", INSET, PROTRUDING);
            boolean ledge = whole(asset, "roof_ledge", 0, 1) == 1;
            return new Params(width, depth, storeys, storeyHeight, spacing, style, ledge);
        }
    }

    /** The four facades: front faces +Z, right +X, back -Z, left -X. */
    private enum Side {
        FRONT, RIGHT, BACK, LEFT
    }

    public Mesh build(AssetRef asset) {
        Params p = Params.from(asset);
        MeshAssembler piece = new MeshAssembler();
        piece.add(Primitives.box("facade", -p.width() / 2, 0, -p.depth() / 2, p.width() / 2, p.wallHeight(), p.depth() / 2, null));
        for (Side side : Side.values()) {
            facade(piece, p, side);
        }
        float overhang = RELIEF + (p.ledge() ? LEDGE_OVERHANG : 0);
        piece.add(Primitives.box("roof", -p.width() / 2 - overhang, p.wallHeight() - 0.02f, -p.depth() / 2 - overhang,
                p.width() / 2 + overhang, p.height(), p.depth() / 2 + overhang, ROOF_GREY));
        return piece.buildCentred("building", List.of());
    }

    private static void facade(MeshAssembler piece, Params p, Side side) {
        float length = side == Side.FRONT || side == Side.BACK ? p.width() : p.depth();
        int bays = p.bays(length);
        float bay = length / bays;
        float glass = GLAZED * bay;
        int doorBay = side == Side.FRONT ? bays / 2 : -1;
        for (int storey = 0; storey < p.storeys(); storey++) {
            float floor = storey * p.storeyHeight();
            for (int b = 0; b < bays; b++) {
                float centre = -length / 2 + (b + 0.5f) * bay;
                if (storey == 0 && b == doorBay) {
                    float doorTop = Math.min(0.8f * p.storeyHeight(), 2.4f);
                    box(piece, side, p, "door", DOOR_WOOD, centre - glass / 2, 0, -EMBED, centre + glass / 2, doorTop, 0.03f);
                    continue;
                }
                float y0 = floor + SILL * p.storeyHeight();
                float y1 = floor + HEAD * p.storeyHeight();
                if (p.windowStyle() == INSET) {
                    box(piece, side, p, "window", WINDOW_GLASS, centre - glass / 2, y0, -EMBED, centre + glass / 2, y1, 0.01f);
                } else {
                    box(piece, side, p, "window", WINDOW_GLASS, centre - glass / 2, y0, -EMBED, centre + glass / 2, y1, 0.04f);
                    float lip = 0.1f;
                    box(piece, side, p, "facade", null, centre - glass / 2 - lip, y0 - 0.08f, -EMBED, centre + glass / 2 + lip, y0, 0.12f);
                    box(piece, side, p, "facade", null, centre - glass / 2 - lip, y1, -EMBED, centre + glass / 2 + lip, y1 + 0.12f, 0.06f);
                }
            }
        }
        if (p.windowStyle() == INSET) {
            relief(piece, p, side, length, bays, bay, glass, doorBay);
        }
    }

    /**
     * The inset style's grid standing {@link #RELIEF} proud of the wall: a pier between each two
     * windows and at both ends (reaching round the corner), and a band across each storey's
     * floor, under its sills, and along the top. The ground band leaves the door's opening free.
     */
    private static void relief(MeshAssembler piece, Params p, Side side, float length, int bays, float bay, float glass, int doorBay) {
        float top = p.wallHeight();
        for (int b = 0; b <= bays; b++) {
            float u0 = b == 0 ? -length / 2 - RELIEF : -length / 2 + b * bay - bay / 2 + glass / 2;
            float u1 = b == bays ? length / 2 + RELIEF : -length / 2 + b * bay + bay / 2 - glass / 2;
            box(piece, side, p, "facade", null, u0, 0, -EMBED, u1, top, RELIEF);
        }
        float h = p.storeyHeight();
        for (int storey = 0; storey < p.storeys(); storey++) {
            float y0 = storey == 0 ? 0 : storey * h - (1 - HEAD) * h;
            float y1 = storey * h + SILL * h;
            if (storey == 0 && doorBay >= 0) {
                float doorLeft = -length / 2 + (doorBay + 0.5f) * bay - glass / 2;
                box(piece, side, p, "facade", null, -length / 2, y0, -EMBED, doorLeft, y1, RELIEF);
                box(piece, side, p, "facade", null, doorLeft + glass, y0, -EMBED, length / 2, y1, RELIEF);
            } else {
                box(piece, side, p, "facade", null, -length / 2, y0, -EMBED, length / 2, y1, RELIEF);
            }
        }
        box(piece, side, p, "facade", null, -length / 2, top - (1 - HEAD) * h, -EMBED, length / 2, top, RELIEF);
    }

    /**
     * An axis-aligned box given in a facade's frame: {@code u} along the facade (left to right
     * seen from outside), {@code y} up, {@code w} outwards from the wall's surface.
     */
    private static void box(MeshAssembler piece, Side side, Params p, String slot, Material material,
                            float u0, float y0, float w0, float u1, float y1, float w1) {
        float hw = p.width() / 2;
        float hd = p.depth() / 2;
        MeshPart part = switch (side) {
            case FRONT -> Primitives.box(slot, u0, y0, hd + w0, u1, y1, hd + w1, material);
            case BACK -> Primitives.box(slot, -u1, y0, -hd - w1, -u0, y1, -hd - w0, material);
            case RIGHT -> Primitives.box(slot, hw + w0, y0, -u1, hw + w1, y1, -u0, material);
            case LEFT -> Primitives.box(slot, -hw - w1, y0, u0, -hw - w0, y1, u1, material);
        };
        piece.add(part);
    }

    private static double atLeast(AssetRef asset, String name, double min) {
        double value = asset.param(name);
        if (!(value >= min)) {
            throw new IllegalArgumentException("building: " + name + " = " + value + " must be at least " + min);
        }
        return value;
    }

    private static int whole(AssetRef asset, String name, int min, int max) {
        double value = asset.param(name);
        if (value != Math.rint(value) || value < min || value > max) {
            throw new IllegalArgumentException("building: " + name + " = " + value + " must be a whole number in [" + min + ", " + max + "]");
        }
        return (int) value;
    }
}
