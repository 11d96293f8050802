package io.synthscene.assets;

import io.synthscene.scenes.frame.AssetRef;
import io.synthscene.scenes.frame.Material;
import io.synthscene.scenes.frame.Rgb;
import java.util.ArrayList;
import java.util.List;
import org.joml.Matrix4f;
import org.joml.Vector3f;

/**
 * Street furniture: {@code traffic_cone}, {@code barrier}, {@code bollard}, {@code pole},
 * {@code street_lamp}, {@code traffic_sign}, {@code traffic_light}, {@code bench}, {@code bin}.
 * Every piece is a closed solid; the first slot of each kind (see {@link AssetLibrary#slots})
 * takes the object's material, the others have the defaults below. Asset frame: +Y up, front
 * (a sign's face, a lamp's arm, a traffic light's lenses, a bench's seat) towards +Z, metres,
 * moved so that the bounds' bottom centre is the origin. Stateless; used by {@link AssetLibrary}.
 */
public final class RoadFurnitureBuilder {
    public static final Material WHITE_REFLECTIVE = new Material(new Rgb(0.8, 0.8, 0.8), 0.35);
    public static final Material BLACK_RUBBER = new Material(new Rgb(0.02, 0.02, 0.02), 0.9);
    public static final Material GREY_METAL = new Material(new Rgb(0.3, 0.31, 0.32), 0.45);
    public static final Material DARK_METAL = new Material(new Rgb(0.05, 0.05, 0.055), 0.5);
    public static final Material LAMP_GLASS = new Material(new Rgb(1.0, 0.95, 0.8), 0.2);
    public static final Material SIGN_BACK = new Material(new Rgb(0.45, 0.46, 0.47), 0.5);
    public static final Material RED_LENS = new Material(new Rgb(0.6, 0.02, 0.01), 0.2);
    public static final Material AMBER_LENS = new Material(new Rgb(0.7, 0.35, 0.0), 0.2);
    public static final Material GREEN_LENS = new Material(new Rgb(0.0, 0.45, 0.15), 0.2);

    /** Sign plate shapes, the values of traffic_sign's {@code plate_shape}. */
    public static final int OCTAGON = 0;
    public static final int TRIANGLE = 1;
    public static final int CIRCLE = 2;
    public static final int DIAMOND = 3;

    private static final int ROUND = 32;

    public Mesh build(AssetRef asset) {
        MeshAssembler piece = new MeshAssembler();
        switch (asset.kind()) {
            case "traffic_cone" -> cone(piece, (float) positive(asset, "height_m"));
            case "barrier" -> barrier(piece, (float) positive(asset, "width_m"), (float) positive(asset, "height_m"));
            case "bollard" -> bollard(piece, (float) positive(asset, "height_m"), (float) positive(asset, "radius_m"));
            case "pole" -> piece.add(Primitives.cylinder("body", (float) positive(asset, "radius_m"), (float) positive(asset, "height_m"), ROUND, null));
            case "street_lamp" -> streetLamp(piece, (float) positive(asset, "height_m"), (float) positive(asset, "arm_length_m"));
            case "traffic_sign" -> sign(piece, (float) positive(asset, "height_m"), (float) positive(asset, "plate_size_m"),
                    shape(asset));
            case "traffic_light" -> trafficLight(piece, (float) positive(asset, "height_m"));
            case "bench" -> bench(piece, (float) positive(asset, "length_m"));
            case "bin" -> bin(piece, (float) positive(asset, "height_m"), (float) positive(asset, "radius_m"));
            default -> throw new IllegalArgumentException("no road furniture of kind " + asset.kind());
        }
        return piece.buildCentred(asset.kind(), List.of());
    }

    /** A square rubber base, a cone and a white reflective band proud of the cone's surface. */
    private static void cone(MeshAssembler piece, float height) {
        float base = 0.55f * height;
        float foot = 0.04f * height;
        piece.add(Primitives.box("base", base, foot, base, BLACK_RUBBER));
        float r0 = 0.2f * height;
        float r1 = 0.035f * height;
        // The cone starts 5 mm inside the base, so no faces are coplanar, and ends at the full height.
        float coneHeight = height - foot + 0.005f;
        piece.add(Solids.frustum("body", r0, r1, coneHeight, ROUND, null), new Matrix4f().translation(0, foot - 0.005f, 0));
        float b0 = 0.45f * coneHeight;
        float b1 = 0.65f * coneHeight;
        float proud = 0.004f;
        piece.add(Solids.frustum("stripe", radiusAt(r0, r1, coneHeight, b0) + proud, radiusAt(r0, r1, coneHeight, b1) + proud, b1 - b0,
                ROUND, WHITE_REFLECTIVE), new Matrix4f().translation(0, foot - 0.005f + b0, 0));
    }

    private static float radiusAt(float r0, float r1, float h, float y) {
        return r0 + (r1 - r0) * y / h;
    }

    /** Two boards across two A-frame trestles; the boards face +Z. */
    private static void barrier(MeshAssembler piece, float width, float height) {
        float legSpread = 0.25f * height;
        for (float side : new float[] {-1, 1}) {
            float x = side * (width / 2 - 0.12f);
            for (float lean : new float[] {-1, 1}) {
                Vector3f foot = new Vector3f(x, 0.02f, lean * legSpread);
                Vector3f top = new Vector3f(x, height - 0.02f, 0);
                piece.add(Solids.tube("frame", foot, top, 0.02f, 10, GREY_METAL));
            }
            piece.add(Primitives.box("frame", x - 0.04f, 0, -legSpread - 0.04f, x + 0.04f, 0.03f, legSpread + 0.04f, GREY_METAL));
        }
        float board = 0.2f * height;
        piece.add(Primitives.box("body", -width / 2, height - board, 0.03f, width / 2, height, 0.06f, null));
        piece.add(Primitives.box("body", -width / 2, 0.45f * height, 0.03f, width / 2, 0.45f * height + board, 0.06f, null));
        piece.add(Primitives.box("stripe", -width / 4, height - 0.75f * board, 0.06f, width / 4, height - 0.25f * board, 0.065f,
                WHITE_REFLECTIVE));
    }

    private static void bollard(MeshAssembler piece, float height, float radius) {
        piece.add(Primitives.cylinder("body", radius, height - radius, ROUND, null));
        piece.add(Primitives.sphere("body", radius, ROUND, 12, null), new Matrix4f().translation(0, height - 2 * radius, 0));
        piece.add(Primitives.cylinder("stripe", radius + 0.004f, 0.08f * height, ROUND, WHITE_REFLECTIVE),
                new Matrix4f().translation(0, 0.72f * height, 0));
    }

    /** A pole, an arm reaching forward (+Z) from its top and a lamp head with a glowing lens underneath. */
    private static void streetLamp(MeshAssembler piece, float height, float arm) {
        float radius = 0.012f * height + 0.03f;
        piece.add(Solids.frustum("body", 1.4f * radius, radius, height - 0.05f, ROUND, null));
        Vector3f top = new Vector3f(0, height - 0.12f, 0);
        Vector3f end = new Vector3f(0, height - 0.12f, arm);
        piece.add(Solids.tube("body", top, end, 0.6f * radius, 16, null));
        piece.add(Primitives.box("body", -0.15f, height - 0.18f, arm - 0.1f, 0.15f, height, arm + 0.45f, null));
        piece.add(Primitives.box("lamp", -0.12f, height - 0.19f, arm - 0.05f, 0.12f, height - 0.17f, arm + 0.4f, LAMP_GLASS));
    }

    private static int shape(AssetRef asset) {
        double value = asset.param("plate_shape");
        if (value != Math.rint(value) || value < OCTAGON || value > DIAMOND) {
            throw new IllegalArgumentException("traffic_sign: plate_shape = " + value + " is not one of 0, 1, 2, 3");
        }
        return (int) value;
    }

    /** A grey pole; at its top a plate of the given shape, its coloured face towards +Z, its back grey. */
    private static void sign(MeshAssembler piece, float height, float size, int shape) {
        float radius = 0.03f;
        List<float[]> outline = plateOutline(shape, size / 2);
        float top = 0;
        for (float[] p : outline) {
            top = Math.max(top, p[1]);
        }
        float plateCentre = height - top;
        piece.add(Primitives.cylinder("pole", radius, plateCentre + 0.2f * size, 16, GREY_METAL));
        // Plate outline in (x, y) as a prism along x turned so its thickness runs along z.
        Matrix4f face = new Matrix4f().translation(0, plateCentre, radius).rotateY((float) (-Math.PI / 2));
        Matrix4f back = new Matrix4f().translation(0, plateCentre, radius).rotateY((float) (-Math.PI / 2));
        piece.add(Solids.prism("plate", outline, 0.006f, 0.012f, null), face);
        piece.add(Solids.prism("back", outline, 0.0f, 0.006f, SIGN_BACK), back);
    }

    /**
     * The plate's outline as {z, y} points for {@link Solids#prism} extruded along x (which the
     * caller turns to point along -z, so the prism's z becomes the world's x): centred on the
     * origin, {@code half} the plate's size.
     */
    private static List<float[]> plateOutline(int shape, float half) {
        List<float[]> points = new ArrayList<>();
        switch (shape) {
            case OCTAGON -> regular(points, 8, half / (float) Math.cos(Math.PI / 8), Math.PI / 8);
            case TRIANGLE -> regular(points, 3, half * 1.15f, Math.PI / 2);
            case CIRCLE -> regular(points, ROUND, half, 0);
            default -> regular(points, 4, half, 0); // a diamond: corners up, down and to the sides
        }
        return points;
    }

    private static void regular(List<float[]> points, int corners, float radius, double start) {
        for (int i = 0; i < corners; i++) {
            double a = start + 2 * Math.PI * i / corners;
            points.add(new float[] {(float) (radius * Math.cos(a)), (float) (radius * Math.sin(a))});
        }
    }

    /** A pole and, at its top, a housing with red, amber and green lenses facing +Z. */
    private static void trafficLight(MeshAssembler piece, float height) {
        float housingHeight = 0.95f;
        float bottom = height - housingHeight;
        piece.add(Primitives.cylinder("pole", 0.06f, bottom + 0.05f, ROUND, GREY_METAL));
        piece.add(Primitives.box("housing", -0.17f, bottom, -0.12f, 0.17f, height, 0.12f, null));
        Material[] lenses = {RED_LENS, AMBER_LENS, GREEN_LENS};
        String[] slots = {"light_red", "light_amber", "light_green"};
        for (int i = 0; i < 3; i++) {
            float y = height - (0.17f + 0.3f * i);
            piece.add(Solids.tube(slots[i], new Vector3f(0, y, 0.11f), new Vector3f(0, y, 0.14f), 0.11f, 24, lenses[i]));
        }
    }

    /** A slatted seat and back on two metal frames; the seat faces +Z. */
    private static void bench(MeshAssembler piece, float length) {
        float seatY = 0.45f;
        for (float side : new float[] {-1, 1}) {
            float x = side * (length / 2 - 0.2f);
            piece.add(Primitives.box("frame", x - 0.03f, 0, -0.22f, x + 0.03f, seatY - 0.04f, -0.16f, DARK_METAL));
            piece.add(Primitives.box("frame", x - 0.03f, 0, 0.16f, x + 0.03f, seatY - 0.04f, 0.22f, DARK_METAL));
            piece.add(Primitives.box("frame", x - 0.03f, seatY - 0.06f, -0.24f, x + 0.03f, seatY - 0.02f, 0.24f, DARK_METAL));
            piece.add(Primitives.box("frame", x - 0.03f, seatY - 0.04f, -0.26f, x + 0.03f, 0.85f, -0.21f, DARK_METAL));
        }
        for (int i = 0; i < 4; i++) {
            float z0 = -0.2f + 0.115f * i;
            piece.add(Primitives.box("body", -length / 2, seatY - 0.02f, z0, length / 2, seatY + 0.02f, z0 + 0.095f, null));
        }
        for (int i = 0; i < 3; i++) {
            float y0 = seatY + 0.1f + 0.11f * i;
            piece.add(Primitives.box("body", -length / 2, y0, -0.21f, length / 2, y0 + 0.09f, -0.17f, null));
        }
    }

    private static void bin(MeshAssembler piece, float height, float radius) {
        piece.add(Solids.frustum("body", 0.9f * radius, radius, height - 0.04f, ROUND, null));
        piece.add(Primitives.cylinder("lid", 1.05f * radius, 0.05f, ROUND, DARK_METAL), new Matrix4f().translation(0, height - 0.05f, 0));
    }

    private static double positive(AssetRef asset, String name) {
        double value = asset.param(name);
        if (!(value > 0)) {
            throw new IllegalArgumentException(asset.kind() + ": " + name + " = " + value + " must be positive");
        }
        return value;
    }
}
