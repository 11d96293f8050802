package io.synthscene.engine;

import io.synthscene.assets.Mesh;
import io.synthscene.assets.MeshSource;
import io.synthscene.assets.Primitives;
import io.synthscene.scenes.frame.AssetRef;
import io.synthscene.scenes.frame.Camera;
import io.synthscene.scenes.frame.Category;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.Ground;
import io.synthscene.scenes.frame.Lighting;
import io.synthscene.scenes.frame.Material;
import io.synthscene.scenes.frame.Rgb;
import io.synthscene.scenes.frame.SceneObject;
import io.synthscene.scenes.frame.Vec3;
import java.util.List;
import java.util.Map;

/** Frames built by hand for render tests; boxes only, so every answer can be worked out on paper. */
final class TestFrames {
    static final Rgb SKY = new Rgb(0.2, 0.4, 0.8);
    static final Material GREY = new Material(new Rgb(0.5, 0.5, 0.5), 1.0);
    static final Material GROUND = new Material(new Rgb(0.3, 0.25, 0.2), 1.0);
    static final List<Category> CATEGORIES = List.of(new Category(1, "box", "thing"));

    /** Boxes from the real primitive: width (x), height (y), length (z), resting on y = 0 in their local frame. */
    static final MeshSource BOXES = asset -> {
        if (!asset.kind().equals("box")) {
            throw new IllegalArgumentException("test mesh source knows only boxes, not " + asset.kind());
        }
        return new Mesh("box", List.of(Primitives.box("body", (float) asset.param("width_m"),
                (float) asset.param("height_m"), (float) asset.param("length_m"), null)));
    };

    private TestFrames() {
    }

    static Camera camera(Vec3 position, double yawDegrees, double pitchDegrees, double hfovDegrees, int width, int height) {
        return new Camera(position, yawDegrees, pitchDegrees, 0, hfovDegrees, 0.1, 100, width, height);
    }

    /**
     * No sunlight (intensity 0) but the sun at the zenith, so that the sky light is exactly ambient
     * colour x intensity and the sky exactly {@link #SKY} (see Daylight): a surface facing up reads
     * base x ambient x intensity.
     */
    static Lighting ambientOnly(Rgb ambientColor, double ambientIntensity) {
        return new Lighting(0, 90, 0, new Rgb(1, 1, 1), ambientIntensity, ambientColor, SKY);
    }

    static Lighting sunAndAmbient(double azimuthDegrees, double elevationDegrees, double sunIntensity, double ambientIntensity) {
        return new Lighting(azimuthDegrees, elevationDegrees, sunIntensity, new Rgb(1, 1, 1), ambientIntensity, new Rgb(1, 1, 1), SKY);
    }

    static AssetRef boxAsset(double width, double height, double length) {
        return AssetRef.procedural("box", Map.of("width_m", width, "height_m", height, "length_m", length));
    }

    /** A box labelled {@code instanceId} (0 = scenery), its footprint centred on {@code position}. */
    static SceneObject box(int instanceId, double width, double height, double length, Vec3 position, double yawDegrees,
                           Material material) {
        return new SceneObject(instanceId, instanceId > 0 ? 1 : 0, instanceId > 0 ? "box" : null, "boxes",
                boxAsset(width, height, length), position, yawDegrees, 0, 0, 1.0, material);
    }

    static Frame frame(Camera camera, Lighting lighting, Ground ground, List<SceneObject> objects) {
        return new Frame(0, 1234L, camera, lighting, ground, CATEGORIES, objects);
    }

    static Ground ground(double sizeMeters) {
        return new Ground(sizeMeters, GROUND);
    }
}
