package io.synthscene.assets;

import io.synthscene.scenes.frame.AssetRef;
import io.synthscene.scenes.frame.Material;
import io.synthscene.scenes.frame.Rgb;
import java.util.List;
import org.joml.Matrix4f;

/**
 * The {@code tree} and {@code bush} kinds: simple, varied scenery. A broadleaf tree is a tapered
 * trunk under a crown of one large sphere and three to five smaller overlapping ones around it;
 * a conifer a trunk under three stacked cones. A bush is three to five overlapping spheres on
 * the ground. {@code crown_variant} / {@code variant} in [0, 1] turn and count the lobes, so
 * equal parameters give equal meshes and different variants different silhouettes. Slots
 * {@code foliage} (main) and, for trees, {@code trunk}. Asset frame: +Y up, metres, the bounds'
 * bottom centre at the origin. Stateless; used by {@link AssetLibrary}.
 */
public final class VegetationBuilder {
    public static final Material BARK = new Material(new Rgb(0.1, 0.065, 0.04), 0.9);

    /** Values of tree's {@code conifer}. */
    public static final int BROADLEAF = 0;
    public static final int CONIFER = 1;

    /** The largest crown a tree may have for its height: crown_radius_m / height_m. */
    static final double MAX_CROWN_RATIO = 0.45;

    private static final int SEGMENTS = 16;
    private static final int RINGS = 10;

    public Mesh build(AssetRef asset) {
        MeshAssembler piece = new MeshAssembler();
        switch (asset.kind()) {
            case "tree" -> tree(piece, asset);
            case "bush" -> bush(piece, asset);
            default -> throw new IllegalArgumentException("no vegetation of kind " + asset.kind());
        }
        return piece.buildCentred(asset.kind(), List.of());
    }

    private static void tree(MeshAssembler piece, AssetRef asset) {
        float height = (float) positive(asset, "height_m");
        float crown = (float) positive(asset, "crown_radius_m");
        if (crown > MAX_CROWN_RATIO * height) {
            throw new IllegalArgumentException("tree: crown_radius_m = " + crown + " is more than " + MAX_CROWN_RATIO
                    + " of height_m = " + height);
        }
        double conifer = asset.param("conifer");
        if (conifer != BROADLEAF && conifer != CONIFER) {
            throw new IllegalArgumentException("tree: conifer = " + conifer + " is not 0 (broadleaf) or 1 (conifer)");
        }
        double variant = unit(asset, "crown_variant");
        float trunkRadius = Math.max(0.05f, 0.03f * height);
        if (conifer == CONIFER) {
            // Three cones each half the crown's height, a quarter apart: the top one ends at the tree's height.
            float crownBottom = 0.22f * height;
            float span = height - crownBottom;
            piece.add(Solids.frustum("trunk", trunkRadius, 0.6f * trunkRadius, crownBottom + 0.3f * span, SEGMENTS, BARK));
            for (int tier = 0; tier < 3; tier++) {
                float radius = crown * (1 - 0.25f * tier) * (float) (0.92 + 0.08 * Math.sin(2 * Math.PI * (variant + tier / 3.0)));
                piece.add(Solids.frustum("foliage", radius, 0.03f * crown, 0.5f * span, SEGMENTS, null),
                        new Matrix4f().translation(0, crownBottom + 0.25f * tier * span, 0));
            }
            return;
        }
        // A central sphere of 0.8 crown radii touching the top, lobes of 0.5 around it half a radius out.
        float main = 0.8f * crown;
        piece.add(Solids.frustum("trunk", trunkRadius, 0.7f * trunkRadius, height - main, SEGMENTS, BARK));
        piece.add(Primitives.sphere("foliage", main, SEGMENTS, RINGS, null), new Matrix4f().translation(0, height - 2 * main, 0));
        int lobes = 3 + (int) Math.min(2, Math.floor(3 * variant));
        float lobe = 0.5f * crown;
        for (int i = 0; i < lobes; i++) {
            double angle = 2 * Math.PI * (variant + (double) i / lobes);
            float centreY = height - crown + 0.1f * crown * (float) Math.sin(3 * angle);
            piece.add(Primitives.sphere("foliage", lobe, SEGMENTS, RINGS, null), new Matrix4f().translation(
                    0.5f * crown * (float) Math.sin(angle), centreY - lobe, 0.5f * crown * (float) Math.cos(angle)));
        }
    }

    /**
     * A central sphere as tall as the bush, then two to four smaller ones spread along x and
     * staggered in z, the outermost two touching x = -width / 2 and +width / 2.
     */
    private static void bush(MeshAssembler piece, AssetRef asset) {
        float width = (float) positive(asset, "width_m");
        float height = (float) positive(asset, "height_m");
        if (width < height) {
            throw new IllegalArgumentException("bush: width_m = " + width + " is less than height_m = " + height);
        }
        double variant = unit(asset, "variant");
        float main = height / 2;
        piece.add(Primitives.sphere("foliage", main, SEGMENTS, RINGS, null));
        int lobes = 2 + (int) Math.min(2, Math.floor(3 * variant));
        for (int i = 0; i < lobes; i++) {
            double t = (double) i / (lobes - 1);
            float radius = main * (float) (0.7 + 0.2 * Math.sin(2 * Math.PI * (variant + t)));
            float x = (float) ((2 * t - 1) * (width / 2 - radius));
            float z = (float) (0.25 * main * Math.cos(2 * Math.PI * (2 * variant + t)));
            piece.add(Primitives.sphere("foliage", radius, SEGMENTS, RINGS, null), new Matrix4f().translation(x, 0, z));
        }
    }

    private static double positive(AssetRef asset, String name) {
        double value = asset.param(name);
        if (!(value > 0)) {
            throw new IllegalArgumentException(asset.kind() + ": " + name + " = " + value + " must be positive");
        }
        return value;
    }

    private static double unit(AssetRef asset, String name) {
        double value = asset.param(name);
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(asset.kind() + ": " + name + " = " + value + " is outside [0, 1]");
        }
        return value;
    }
}
