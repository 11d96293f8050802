package io.synthscene.annotators;

import io.synthscene.scenes.frame.AssetRef;
import io.synthscene.scenes.frame.Camera;
import io.synthscene.scenes.frame.Category;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.Ground;
import io.synthscene.scenes.frame.Lighting;
import io.synthscene.scenes.frame.Material;
import io.synthscene.scenes.frame.RenderedFrame;
import io.synthscene.scenes.frame.Rgb;
import io.synthscene.scenes.frame.SceneObject;
import io.synthscene.scenes.frame.Vec3;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Frames and id images built by hand for the annotator and writer tests. */
public final class PaintedFrames {
    public static final Category CAR = new Category(1, "car", "vehicle");
    public static final Category PERSON = new Category(2, "person", "human");
    public static final Category SIGN = new Category(3, "sign", "street");
    public static final List<Category> CATEGORIES = List.of(CAR, PERSON, SIGN);

    private static final Material GREY = new Material(new Rgb(0.5, 0.5, 0.5), 0.8);

    private PaintedFrames() {
    }

    /** Rows of digits: the instance id of each pixel, 0 = background. */
    public static int[] ids(String... rows) {
        int width = rows[0].length();
        int[] ids = new int[rows.length * width];
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < width; x++) {
                ids[y * width + x] = Character.digit(rows[y].charAt(x), 10);
            }
        }
        return ids;
    }

    public static RenderedFrame rendered(int index, int width, int height, int[] ids) {
        return new RenderedFrame(index, width, height, null, ids, null, "painted by hand");
    }

    /** A frame of the given size whose labelled objects have these category ids, instance ids 1..n. */
    public static Frame frame(int index, int width, int height, int... categoryIdOfInstance) {
        List<SceneObject> objects = new ArrayList<>();
        objects.add(object(0, 0)); // scenery: id 0, reads as background
        for (int i = 0; i < categoryIdOfInstance.length; i++) {
            objects.add(object(i + 1, categoryIdOfInstance[i]));
        }
        Camera camera = new Camera(new Vec3(0, 1.5, 10), 0, 0, 0, 60, 0.1, 200, width, height);
        Lighting lighting = new Lighting(30, 45, 1, new Rgb(1, 1, 1), 0.3, new Rgb(1, 1, 1), new Rgb(0.5, 0.7, 1));
        return new Frame(index, 42L, camera, lighting, new Ground(100, GREY), CATEGORIES, objects);
    }

    private static SceneObject object(int instanceId, int categoryId) {
        String category = categoryId == 0 ? null
                : CATEGORIES.stream().filter(c -> c.id() == categoryId).findFirst()
                        .map(Category::name).orElse("not-declared"); // lets a test feed the writer a stray id
        AssetRef box = AssetRef.procedural("box", Map.of("width_m", 1.0, "height_m", 1.0, "length_m", 1.0));
        return new SceneObject(instanceId, categoryId, category, "group", box, new Vec3(instanceId, 0, 0),
                0, 0, 0, 1, GREY);
    }
}
