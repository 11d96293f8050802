package io.synthscene.annotators.export;

import io.synthscene.annotators.AnnotatedFrame;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.synthscene.annotators.AtomicFiles;
import io.synthscene.annotators.CocoDatasetWriter;
import io.synthscene.annotators.ImageEncoder;
import io.synthscene.annotators.InstanceAnnotation;
import io.synthscene.scenes.frame.Category;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * COCO panoptic segmentation: {@code annotations/panoptic/NNNNNN.png} (RGB, segment id =
 * R + 256·G + 256²·B, 0 = void) and {@code annotations/panoptic.json} with one entry per image
 * and its {@code segments_info}.
 *
 * <p>Every synthscene category is a "thing" ({@code isthing: 1}); background and unlabelled
 * scenery are void (id 0) — there are no "stuff" classes yet. A segment's id is the instance id
 * of its object in the frame, so segments match the instance masks and the COCO instances file;
 * its {@code bbox} and {@code area} are those of the instance annotation (exact, from the mask).
 */
public final class CocoPanopticExporter implements DatasetExporter {
    private final Path root;
    private final List<Category> categories;
    private final ImageEncoder encoder = new ImageEncoder();
    private final TreeMap<Long, Entry> entries = new TreeMap<>();

    /** {@code viewIndex}: the frame index, or the image's place among a rig's images ({@link AnnotatedFrame#viewIndex()}). */
    private record Entry(long viewIndex, String imageFileName, String stem, int width, int height,
                         List<InstanceAnnotation> segments) {
    }

    public CocoPanopticExporter(Path root, List<Category> categories) {
        this.root = root;
        this.categories = categories.stream().sorted(Comparator.comparingInt(Category::id)).toList();
    }

    @Override
    public String formatName() {
        return "coco-panoptic";
    }

    public Path pngDir() {
        return root.resolve("annotations").resolve("panoptic");
    }

    @Override
    public void addFrame(AnnotatedFrame frame) throws IOException {
        int width = frame.width();
        int height = frame.height();
        byte[] rgb = new byte[width * height * 3];
        for (InstanceAnnotation a : frame.annotations()) {
            boolean[] mask = a.rle().toMask();
            int id = a.instanceId();
            for (int p = 0; p < mask.length; p++) {
                if (mask[p]) {
                    rgb[p * 3] = (byte) (id & 0xff);
                    rgb[p * 3 + 1] = (byte) ((id >> 8) & 0xff);
                    rgb[p * 3 + 2] = (byte) ((id >> 16) & 0xff);
                }
            }
        }
        Files.createDirectories(pngDir());
        AtomicFiles.write(pngDir().resolve(frame.stem() + ".png"), encoder.encodeRgbPng(rgb, width, height));
        List<InstanceAnnotation> segments = new ArrayList<>(frame.annotations());
        segments.sort(Comparator.comparingInt(InstanceAnnotation::instanceId));
        synchronized (entries) {
            if (entries.put(frame.viewIndex(), new Entry(frame.viewIndex(), frame.imageFileName(), frame.stem(),
                    width, height, segments)) != null) {
                throw new IllegalArgumentException("image " + frame.stem() + " was already added");
            }
        }
    }

    @Override
    public void finish() throws IOException {
        Path file = root.resolve("annotations").resolve("panoptic.json");
        Files.createDirectories(file.getParent());
        synchronized (entries) {
            AtomicFiles.write(file, out -> {
                try (JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
                    writeDataset(json);
                }
            });
        }
    }

    private void writeDataset(JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeObjectFieldStart("info");
        json.writeStringField("description", "synthscene: COCO panoptic segmentation of rendered images");
        json.writeEndObject();
        json.writeArrayFieldStart("licenses");
        json.writeEndArray();
        json.writeArrayFieldStart("images");
        for (Entry e : entries.values()) {
            json.writeStartObject();
            json.writeNumberField("id", CocoDatasetWriter.imageId(e.viewIndex()));
            json.writeStringField("file_name", e.imageFileName());
            json.writeNumberField("width", e.width());
            json.writeNumberField("height", e.height());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("annotations");
        for (Entry e : entries.values()) {
            json.writeStartObject();
            json.writeNumberField("image_id", CocoDatasetWriter.imageId(e.viewIndex()));
            json.writeStringField("file_name", e.stem() + ".png");
            json.writeArrayFieldStart("segments_info");
            for (InstanceAnnotation a : e.segments()) {
                json.writeStartObject();
                json.writeNumberField("id", a.instanceId());
                json.writeNumberField("category_id", a.categoryId());
                json.writeNumberField("area", a.area());
                json.writeArrayFieldStart("bbox");
                json.writeNumber(a.x());
                json.writeNumber(a.y());
                json.writeNumber(a.width());
                json.writeNumber(a.height());
                json.writeEndArray();
                json.writeNumberField("iscrowd", a.isIgnoreRegion() ? 1 : 0); // ignore regions as in instances.json
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("categories");
        for (Category c : categories) {
            json.writeStartObject();
            json.writeNumberField("id", c.id());
            json.writeStringField("name", c.name());
            json.writeStringField("supercategory", c.supercategory() != null ? c.supercategory() : c.name());
            json.writeNumberField("isthing", 1);
            if (c.ignore()) {
                json.writeObjectFieldStart("synthscene"); // as in instances.json
                json.writeBooleanField("ignore", true);
                json.writeEndObject();
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
