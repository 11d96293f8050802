package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthscene.annotators.CocoRle;
import io.synthscene.annotators.PolygonRasterizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Real photographs for the augment tests, from Debian's {@code python3-skimage} (scikit-image's
 * sample data: chelsea.png, a cat, 451x300, and coffee.png, a cup, 600x400, both CC0; rocket.jpg,
 * 640x427, NASA, public domain). The project ships no photos; {@code .ci/run} installs the package.
 * Labels are made by hand here, in each of COCO's three segmentation forms.
 */
final class RealPhotos {
    static final Path FOLDER = Path.of("/usr/lib/python3/dist-packages/skimage/data");
    static final ObjectMapper JSON = new ObjectMapper();

    private RealPhotos() {
    }

    static Path folder() {
        assertThat(FOLDER.resolve("chelsea.png"))
                .as("the augment tests' photos come from Debian's python3-skimage: apt-get install python3-skimage")
                .isRegularFile();
        return FOLDER;
    }

    /**
     * chelsea.png: the cat (polygon) and its face (polygon); coffee.png: the cup (uncompressed RLE,
     * an ellipse); rocket.jpg: the rocket (compressed RLE, a rectangle). Boxes and areas from the masks.
     */
    static ObjectNode labels() {
        ObjectNode coco = JSON.createObjectNode();
        coco.putObject("info").put("description", "hand-made labels for scikit-image sample photos");
        ArrayNode images = coco.putArray("images");
        image(images, 7, "chelsea.png", 451, 300);
        image(images, 8, "coffee.png", 600, 400);
        image(images, 9, "rocket.jpg", 640, 427);
        ArrayNode annotations = coco.putArray("annotations");
        polygon(annotations, 101, 7, 1, new double[] {60, 290, 90, 60, 250, 20, 440, 70, 440, 290}, 300, 451);
        polygon(annotations, 102, 7, 2, new double[] {150, 60, 290, 60, 290, 190, 150, 190}, 300, 451);
        boolean[] cup = new boolean[600 * 400];
        for (int y = 0; y < 400; y++) {
            for (int x = 0; x < 600; x++) {
                double u = (x + 0.5 - 300) / 180;
                double v = (y + 0.5 - 200) / 110;
                cup[y * 600 + x] = u * u + v * v <= 1;
            }
        }
        CocoRle cupRle = CocoRle.fromMask(cup, 600, 400);
        ObjectNode cupAnnotation = annotation(annotations, 201, 8, 3, cupRle);
        ObjectNode segmentation = cupAnnotation.putObject("segmentation");
        ArrayNode counts = segmentation.putArray("counts");
        for (int count : cupRle.counts()) {
            counts.add(count);
        }
        segmentation.putArray("size").add(400).add(600);
        boolean[] rocket = new boolean[640 * 427];
        for (int y = 40; y < 400; y++) {
            for (int x = 300; x < 345; x++) {
                rocket[y * 640 + x] = true;
            }
        }
        CocoRle rocketRle = CocoRle.fromMask(rocket, 640, 427);
        ObjectNode rocketSegmentation = annotation(annotations, 301, 9, 4, rocketRle).putObject("segmentation");
        rocketSegmentation.putArray("size").add(427).add(640);
        rocketSegmentation.put("counts", rocketRle.countsString());
        ArrayNode categories = coco.putArray("categories");
        String[] names = {"cat", "face", "cup", "rocket"};
        for (int i = 0; i < names.length; i++) {
            categories.addObject().put("id", i + 1).put("name", names[i]).put("supercategory", "thing");
        }
        return coco;
    }

    static Path write(ObjectNode coco, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), coco);
        return file;
    }

    private static void image(ArrayNode images, long id, String name, int width, int height) {
        images.addObject().put("id", id).put("file_name", name).put("width", width).put("height", height).put("license", 1);
    }

    private static void polygon(ArrayNode annotations, long id, long imageId, long category, double[] points, int h, int w) {
        ObjectNode a = annotation(annotations, id, imageId, category, PolygonRasterizer.rasterize(List.of(points), h, w));
        ArrayNode polygon = a.putArray("segmentation").addArray();
        for (double p : points) {
            polygon.add(p);
        }
    }

    private static ObjectNode annotation(ArrayNode annotations, long id, long imageId, long category, CocoRle mask) {
        boolean[] m = mask.toMask();
        int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = -1, maxY = -1;
        for (int i = 0; i < m.length; i++) {
            if (m[i]) {
                int x = i % mask.width();
                int y = i / mask.width();
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
            }
        }
        ObjectNode a = annotations.addObject().put("id", id).put("image_id", imageId).put("category_id", category);
        a.putArray("bbox").add(minX).add(minY).add(maxX - minX + 1).add(maxY - minY + 1);
        a.put("area", mask.area()).put("iscrowd", 0).put("attributes_from_another_tool", "kept");
        return a;
    }
}
