package io.synthscene.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthscene.annotators.CocoAnnotation;
import io.synthscene.annotators.augment.AugmentedCoco;
import io.synthscene.annotators.augment.InsertedLabels;
import io.synthscene.annotators.augment.PhotoComposite;
import io.synthscene.annotators.augment.PhotoLightLevel;
import io.synthscene.assets.AssetLibrary;
import io.synthscene.engine.DevicePreference;
import io.synthscene.engine.Renderer;
import io.synthscene.scenes.frame.Camera;
import io.synthscene.scenes.frame.Category;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.Lighting;
import io.synthscene.scenes.frame.RenderedLayers;
import io.synthscene.scenes.frame.SceneObject;
import io.synthscene.scenes.randomize.InsertRandomizer;
import io.synthscene.scenes.spec.InsertSpec;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code insert} effect of {@code synthscene augment}: draws a variant's camera, light and
 * objects ({@link InsertRandomizer}), renders them at the photo's size through the engine
 * ({@link Renderer#renderLayers}), composites them into the photo ({@link PhotoComposite}) and
 * works out the labels ({@link InsertedLabels}). A renderer serves one size: one is opened for the
 * first photo and again when the size changes. Opened and closed by the augment run on its thread.
 */
final class PhotoInserter implements AutoCloseable {
    /** Multisamples of the objects' colour and coverage: their edges are anti-aliased over the photo. */
    static final int MSAA_SAMPLES = 4;

    private final InsertSpec spec;
    private final long seed;
    private final DevicePreference device;
    private final PrintWriter log;
    private final AssetLibrary assets = new AssetLibrary();
    private Renderer renderer;
    private String deviceName;

    PhotoInserter(InsertSpec spec, long seed, DevicePreference device, PrintWriter log) {
        this.spec = spec;
        this.seed = seed;
        this.device = device;
        this.log = log;
    }

    /**
     * One variant's composite and labels.
     *
     * @param rgb    the composite
     * @param hidden where the photo's depth hides the objects; null without a depth map
     */
    record Result(byte[] rgb, ObjectNode effects, Map<Long, InsertedLabels.Label> realLabels,
                  List<AugmentedCoco.Inserted> inserted, RenderedLayers layers, Camera camera, boolean[] hidden) {
        /**
         * Fog distances with the inserted objects in them: where an object shows, the distance along
         * the pixel's ray to its surface, when nearer than what the photo's distances say.
         */
        float[] fogDistances(float[] photoDistances) {
            return withObjects(photoDistances, layers, camera, hidden);
        }
    }

    /**
     * @param real       the photo's annotations
     * @param photoDepth the photo's depth map in metres (+infinity where nothing was measured), or
     *                   null: with one, real pixels nearer than an inserted object hide it
     * @param coco       for the output ids of the inserted categories
     */
    Result apply(byte[] rgb, int width, int height, long imageId, int variant, List<CocoAnnotation> real,
                 float[] photoDepth, AugmentedCoco coco, ObjectMapper json) {
        Camera camera = InsertRandomizer.camera(spec, seed, imageId, variant, width, height);
        InsertRandomizer.LightDraw draw = InsertRandomizer.light(spec, seed, imageId, variant);
        PhotoLightLevel.Estimate estimate = draw.estimated()
                ? PhotoLightLevel.of(rgb, width, height, camera, draw.groundAlbedo()) : null;
        Lighting lighting = InsertRandomizer.lighting(draw, estimate == null ? Double.NaN : estimate.groundIrradiance());
        Frame frame = InsertRandomizer.frame(spec, camera, lighting, draw, seed, imageId, variant);
        double[] blend = InsertRandomizer.blend(spec, seed, imageId, variant);
        RenderedLayers layers = renderer(width, height).renderLayers(frame);
        boolean[] hidden = null;
        if (photoDepth != null) {
            hidden = new boolean[width * height];
            for (int p = 0; p < hidden.length; p++) {
                // both along the viewing axis; a pixel with no object has +infinity and is never hidden
                hidden[p] = photoDepth[p] < layers.depthMeters()[p];
            }
        }
        byte[] composite = PhotoComposite.apply(rgb, layers, hidden, blend[0], blend[1]);
        int[] ids = InsertedLabels.visibleIds(layers.instanceIds(), hidden);
        InsertedLabels.Result labels = InsertedLabels.of(ids, width, height, layers.silhouettes(), frame.objects(), real,
                spec.minVisibility(), spec.covered());
        List<AugmentedCoco.Inserted> inserted = new ArrayList<>();
        for (SceneObject object : InsertedLabels.labelled(frame.objects())) {
            Category category = spec.categories().stream().filter(c -> c.id() == object.categoryId()).findFirst().orElseThrow();
            ObjectNode trace = json.createObjectNode();
            trace.put("instance_id", object.instanceId());
            trace.put("group", object.group());
            trace.set("asset", json.valueToTree(object.asset()));
            inserted.add(new AugmentedCoco.Inserted(coco.categoryId(category.name(), category.supercategory()),
                    labels.inserted().get(object.instanceId()), trace));
        }
        ObjectNode effects = effects(json, camera, draw, lighting, estimate, blend, frame, labels, photoDepth != null);
        return new Result(composite, effects, labels.real(), inserted, layers, camera, hidden);
    }

    /** See {@link Result#fogDistances}. */
    static float[] withObjects(float[] distances, RenderedLayers layers, Camera camera, boolean[] hidden) {
        float[] out = distances.clone();
        double f = camera.focalLengthPixels();
        for (int y = 0; y < layers.height(); y++) {
            for (int x = 0; x < layers.width(); x++) {
                int p = y * layers.width() + x;
                float axis = layers.depthMeters()[p];
                if (Float.isFinite(axis) && (hidden == null || !hidden[p])) {
                    double u = (x + 0.5 - camera.principalPointXPixels()) / f;
                    double v = (y + 0.5 - camera.principalPointYPixels()) / f;
                    out[p] = (float) Math.min(out[p], axis * Math.sqrt(1 + u * u + v * v));
                }
            }
        }
        return out;
    }

    private static ObjectNode effects(ObjectMapper json, Camera camera, InsertRandomizer.LightDraw draw, Lighting lighting,
                                      PhotoLightLevel.Estimate estimate, double[] blend, Frame frame,
                                      InsertedLabels.Result labels, boolean depthTest) {
        ObjectNode effects = json.createObjectNode();
        ObjectNode c = effects.putObject("camera");
        c.put("height_m", camera.position().y());
        c.put("pitch_deg", -camera.pitchDegrees());
        c.put("hfov_deg", camera.hfovDegrees());
        c.put("focal_length_px", camera.focalLengthPixels());
        c.putArray("principal_point_px").add(camera.principalPointXPixels()).add(camera.principalPointYPixels());
        ObjectNode l = effects.putObject("light");
        l.put("sun_elevation_deg", lighting.sunElevationDegrees());
        l.put("sun_azimuth_deg", lighting.sunAzimuthDegrees());
        l.put("sun_intensity", lighting.sunIntensity());
        l.put("ambient_intensity", lighting.ambientIntensity());
        l.put("levels", estimate == null ? "given" : "estimated");
        if (estimate != null) {
            l.put("ground_mean_luminance", estimate.meanLuminance());
            l.put("ground_first_row", estimate.firstGroundRow());
            l.put("sun_share", draw.sunShare());
        }
        l.put("ground_albedo", draw.groundAlbedo());
        l.put("shadows", draw.shadows());
        effects.putObject("blend").put("match_color", blend[0]).put("blur_px", blend[1]);
        effects.put("objects", InsertedLabels.labelled(frame.objects()).size());
        effects.put("depth_test", depthTest);
        long shown = labels.inserted().values().stream().filter(x -> x.fate() == InsertedLabels.Fate.REDUCED).count();
        effects.put("objects_labelled", shown);
        long dropped = labels.real().values().stream().filter(x -> x.fate() == InsertedLabels.Fate.DROP).count();
        long ignored = labels.real().values().stream().filter(x -> x.fate() == InsertedLabels.Fate.IGNORE).count();
        long reduced = labels.real().values().stream().filter(x -> x.fate() == InsertedLabels.Fate.REDUCED).count();
        effects.putObject("real_labels").put("reduced", reduced).put("ignored", ignored).put("dropped", dropped);
        return effects;
    }

    private Renderer renderer(int width, int height) {
        if (renderer == null || renderer.width() != width || renderer.height() != height) {
            close();
            renderer = Renderer.open(device, width, height, MSAA_SAMPLES, assets);
            if (deviceName == null) {
                deviceName = renderer.deviceName();
                log.printf("inserting objects on %s%n", deviceName);
            }
        }
        return renderer;
    }

    /** The device name, or null when nothing was rendered. */
    String deviceName() {
        return deviceName;
    }

    @Override
    public void close() {
        if (renderer != null) {
            renderer.close();
            renderer = null;
        }
    }
}
