package io.synthscene.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthscene.annotators.AtomicFiles;
import io.synthscene.annotators.CocoAnnotation;
import io.synthscene.annotators.CocoImage;
import io.synthscene.annotators.ImageEncoder;
import io.synthscene.annotators.ImageFormat;
import io.synthscene.annotators.augment.AugmentedCoco;
import io.synthscene.annotators.augment.DepthMapDistances;
import io.synthscene.annotators.augment.GroundPlaneDistances;
import io.synthscene.annotators.augment.PhotoFog;
import io.synthscene.annotators.augment.RegionAnonymizer;
import io.synthscene.engine.DevicePreference;
import io.synthscene.scenes.augment.AugmentRandomizer;
import io.synthscene.scenes.augment.AugmentVariant;
import io.synthscene.scenes.spec.AugmentSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the variants of every photo of a checked {@link AugmentInput} into a created output
 * folder, one photo at a time, then {@code annotations/instances.json}, then {@code dataset.json}
 * (last: a folder without it is not a finished dataset).
 *
 * <p>Per variant, in this order: anonymize the named categories' labelled regions (the same for
 * every variant: done once per photo, before any other effect), wet and snow-covered surfaces
 * ({@link PhotoWeatherStep}: the photo's own ground), rendered objects composited in
 * ({@link PhotoInserter}, before fog so that the fog covers them too), fog by the pixel's distance,
 * falling rain and snow (hidden behind the photo and the inserted objects), night grading, glare,
 * the camera sensor (on the GPU), encoding (JPEG at the drawn quality, or PNG). Labels are copied
 * unchanged, except where objects are inserted: every other effect changes colour only. Created
 * and run once by the augment command.
 */
final class AugmentRun {
    private final AugmentInput input;
    private final AugmentSpec spec;
    private final String configSha256;
    private final int variants;
    private final Path out;
    private final DevicePreference device;
    private final PrintWriter log;
    private final ImageEncoder codec = new ImageEncoder();

    AugmentRun(AugmentInput input, AugmentSpec spec, String configSha256, int variants, Path out,
               DevicePreference device, PrintWriter log) {
        this.input = input;
        this.spec = spec;
        this.configSha256 = configSha256;
        this.variants = variants;
        this.out = out;
        this.device = device;
        this.log = log;
    }

    void run() throws IOException {
        String startedAt = Instant.now().toString();
        Path imagesOut = out.resolve("images");
        AugmentedCoco coco = new AugmentedCoco(input.tree());
        Map<Long, List<CocoAnnotation>> byImage = new HashMap<>();
        input.dataset().annotations().forEach(a -> byImage.computeIfAbsent(a.imageId(), id -> new ArrayList<>()).add(a));
        ObjectMapper json = AugmentedCoco.mapper();
        int index = 0;
        String deviceName;
        String insertDevice = null;
        try (PhotoSensor sensor = new PhotoSensor(device, log);
             PhotoInserter inserter = spec.insert() == null ? null : new PhotoInserter(spec.insert(), spec.seed(), device, log)) {
            for (JsonNode imageNode : input.tree().path("images")) {
                CocoImage image = input.dataset().images().get(index++);
                ImageEncoder.RgbImage photo = PhotoFile.read(input.imagesDir().resolve(image.fileName()),
                        "--images " + input.imagesDir() + ": " + image.fileName() + " (image " + image.id() + ")",
                        image.width(), image.height(), codec);
                byte[] anonymized = anonymize(photo, byImage.getOrDefault(image.id(), List.of()));
                float[] photoDepth = inserter != null && input.depthMaps().containsKey(image.id())
                        ? DepthMapDistances.of(Files.readAllBytes(input.depthMaps().get(image.id())), photo.width(),
                                photo.height(), codec) : null;
                for (int v = 0; v < variants; v++) {
                    AugmentVariant variant = AugmentRandomizer.sample(spec, image.id(), v);
                    ObjectNode effects = json.valueToTree(variant);
                    PhotoWeatherStep weather = PhotoWeatherStep.of(spec, variant, image.id(), v,
                            input.depthMaps().get(image.id()), photo.width(), photo.height(), codec);
                    weather.record(effects, json);
                    byte[] rgb = weather.onSurfaces(anonymized);
                    PhotoInserter.Result inserted = null;
                    if (inserter != null) {
                        inserted = inserter.apply(rgb, photo.width(), photo.height(), image.id(), v,
                                byImage.getOrDefault(image.id(), List.of()), photoDepth, coco, json);
                        rgb = inserted.rgb();
                        effects.set("insert", inserted.effects());
                        weather.hideParticlesBehind(inserted::fogDistances);
                    }
                    if (variant.fog() != null) {
                        Path depth = input.depthMaps().get(image.id());
                        float[] distances = depth != null
                                ? DepthMapDistances.of(Files.readAllBytes(depth), photo.width(), photo.height(), codec)
                                : GroundPlaneDistances.of(photo.width(), photo.height(), variant.fog().groundPlane());
                        if (inserted != null) {
                            distances = inserted.fogDistances(distances);
                        }
                        ((ObjectNode) effects.get("fog")).put("distances", depth != null ? "depth_map" : "ground_plane");
                        if (depth != null) {
                            ((ObjectNode) effects.get("fog")).remove("ground_plane");
                        }
                        rgb = PhotoFog.apply(rgb, distances, variant.fog());
                    }
                    rgb = weather.inFront(rgb, variant.fog());
                    rgb = sensor.apply(variant.sensor(), AugmentRandomizer.noiseSeed(spec, image.id(), v), rgb,
                            photo.width(), photo.height());
                    ImageFormat format = variant.jpegQuality() == null ? ImageFormat.PNG : ImageFormat.JPG;
                    int quality = variant.jpegQuality() == null ? 0 : variant.jpegQuality();
                    String fileName = variantFileName(image.fileName(), v, format);
                    Path target = imagesOut.resolve(fileName);
                    Files.createDirectories(target.getParent());
                    AtomicFiles.write(target, codec.encodeRgb(rgb, photo.width(), photo.height(), format, quality));
                    if (inserted == null) {
                        coco.addVariant(imageNode, fileName, v, effects);
                    } else {
                        coco.addVariant(imageNode, fileName, v, effects, inserted.realLabels(), inserted.inserted());
                    }
                }
            }
            deviceName = sensor.deviceName();
            insertDevice = inserter == null ? null : inserter.deviceName();
        }
        DatasetLayout layout = new DatasetLayout(out);
        Files.createDirectories(layout.cocoInstances().getParent());
        coco.write(layout.cocoInstances(), info(json));
        ObjectNode metadata = json.createObjectNode();
        metadata.put("command", "augment");
        metadata.put("version", VersionInfo.version());
        metadata.put("git_commit", VersionInfo.gitCommit());
        metadata.put("source_coco", input.coco().getFileName().toString());
        metadata.put("config_sha256", configSha256);
        metadata.put("seed", spec.seed());
        metadata.put("variants", variants);
        metadata.put("source_images", input.dataset().images().size());
        metadata.put("images", input.dataset().images().size() * variants);
        metadata.set("anonymized_categories", json.valueToTree(input.anonymizedCategories().values()));
        metadata.put("anonymize_method", spec.anonymize().method().name().toLowerCase(java.util.Locale.ROOT));
        metadata.put("device", deviceName);
        if (spec.insert() != null) {
            metadata.put("insert_device", insertDevice);
        }
        metadata.put("started_at", startedAt);
        metadata.put("finished_at", Instant.now().toString());
        AtomicFiles.write(layout.metadata(), json.writerWithDefaultPrettyPrinter().writeValueAsBytes(metadata));
        log.printf("%d images (%d photos x %d variants) written to %s%n", input.dataset().images().size() * variants,
                input.dataset().images().size(), variants, out);
    }

    /** The COCO info block: what the set is, and which categories were anonymized (the dataset card's words). */
    private ObjectNode info(ObjectMapper json) {
        ObjectNode info = json.createObjectNode();
        info.put("description", "synthscene augment of " + input.coco().getFileName() + ": real photos with effects, labels copied"
                + (spec.insert() == null ? "" : "; rendered objects inserted, with their labels, and the real labels they cover reduced"));
        info.put("version", "1.0");
        info.putNull("date_created");
        info.set("anonymized_categories", json.valueToTree(input.anonymizedCategories().values()));
        return info;
    }

    /** The union of the anonymized categories' masks, hidden; the photo itself when there are none. */
    private byte[] anonymize(ImageEncoder.RgbImage photo, List<CocoAnnotation> annotations) {
        boolean[] mask = null;
        for (CocoAnnotation a : annotations) {
            if (input.anonymizedCategories().containsKey(a.categoryId())) {
                boolean[] region = a.segmentation().toRle(photo.height(), photo.width()).toMask();
                if (mask == null) {
                    mask = new boolean[region.length];
                }
                for (int i = 0; i < region.length; i++) {
                    mask[i] |= region[i];
                }
            }
        }
        return mask == null ? photo.rgb() : RegionAnonymizer.apply(photo.rgb(), photo.width(), photo.height(), mask, spec.anonymize());
    }

    /** {@code street/a.jpg}, variant 2, PNG: {@code street/a-v2.png} (folders of the input kept). */
    static String variantFileName(String sourceFileName, int variant, ImageFormat format) {
        int slash = sourceFileName.lastIndexOf('/');
        String folder = sourceFileName.substring(0, slash + 1);
        return folder + AugmentInput.stem(sourceFileName) + "-v" + variant + format.extension();
    }
}
