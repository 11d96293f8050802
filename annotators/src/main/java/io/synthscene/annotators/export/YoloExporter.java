package io.synthscene.annotators.export;

import io.synthscene.annotators.AnnotatedFrame;
import io.synthscene.annotators.AtomicFiles;
import io.synthscene.annotators.InstanceAnnotation;
import io.synthscene.annotators.PolygonTracer;
import io.synthscene.annotators.PolygonTracer.Polygon;
import io.synthscene.scenes.frame.Category;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * YOLO labels as Ultralytics reads them: {@code labels/NNNNNN.txt} beside {@code images/}
 * (Ultralytics finds a label file by replacing {@code /images/} with {@code /labels/} in the
 * image's path) and {@code data.yaml} with the class names.
 *
 * <ul>
 *   <li>Detection: one line per instance, {@code class cx cy w h}, centre and size divided by the
 *       image's width and height, so every value is in [0, 1].</li>
 *   <li>Segmentation: one line per instance, {@code class x1 y1 x2 y2 ...}, a polygon traced from
 *       the mask by {@link PolygonTracer} (lossy), normalised the same way. Ultralytics reads one
 *       polygon per line and one line per instance, so the parts of an instance split by
 *       occlusion are joined into one polygon by zero-width bridges between their nearest
 *       vertices (as Ultralytics' own COCO converter does).</li>
 * </ul>
 * Classes are numbered from 0 in the order of the categories' ids. Frames without instances get
 * an empty label file (a background image, which Ultralytics counts as such).
 */
public final class YoloExporter implements DatasetExporter {
    /** Detection boxes or segmentation polygons. */
    public enum Kind { DETECTION, SEGMENTATION }

    private final Path root;
    private final Kind kind;
    private final List<Category> categories;
    private final Map<Integer, Integer> classOfCategory = new HashMap<>();
    private final PolygonTracer tracer = new PolygonTracer();

    public YoloExporter(Path root, Kind kind, List<Category> categories) {
        this.root = root;
        this.kind = kind;
        this.categories = categories.stream().sorted(Comparator.comparingInt(Category::id)).toList();
        for (int i = 0; i < this.categories.size(); i++) {
            classOfCategory.put(this.categories.get(i).id(), i);
        }
    }

    @Override
    public String formatName() {
        return kind == Kind.DETECTION ? "yolo" : "yolo-seg";
    }

    public Path labelsDir() {
        return root.resolve("labels");
    }

    @Override
    public void addFrame(AnnotatedFrame frame) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (InstanceAnnotation a : frame.annotations()) {
            if (a.isIgnoreRegion()) {
                continue; // YOLO has no ignore regions: leaving it unlabelled is the closest (see the README)
            }
            Integer yoloClass = classOfCategory.get(a.categoryId());
            if (yoloClass == null) {
                throw new IllegalArgumentException("frame " + frame.index() + ", instance " + a.instanceId()
                        + ": category id " + a.categoryId() + " is not among the dataset's categories");
            }
            lines.append(yoloClass);
            if (kind == Kind.DETECTION) {
                appendBox(lines, a, frame.width(), frame.height());
            } else {
                appendPolygon(lines, a, frame.width(), frame.height());
            }
            lines.append('\n');
        }
        Files.createDirectories(labelsDir());
        AtomicFiles.write(labelsDir().resolve(frame.stem() + ".txt"), lines.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private static void appendBox(StringBuilder line, InstanceAnnotation a, int width, int height) {
        // The box covers pixel edges x .. x + w (COCO convention), so its centre is x + w / 2.
        line.append(' ').append(format((a.x() + a.width() / 2.0) / width))
                .append(' ').append(format((a.y() + a.height() / 2.0) / height))
                .append(' ').append(format((double) a.width() / width))
                .append(' ').append(format((double) a.height() / height));
    }

    private void appendPolygon(StringBuilder line, InstanceAnnotation a, int width, int height) {
        List<Polygon> parts = tracer.trace(a.rle().toMask(), width, height);
        double[] joined = Bridges.join(parts);
        for (int k = 0; k < joined.length; k += 2) {
            line.append(' ').append(format(joined[k] / width)).append(' ').append(format(joined[k + 1] / height));
        }
    }

    @Override
    public void finish() throws IOException {
        StringBuilder yaml = new StringBuilder();
        yaml.append("# Written by synthscene: ").append(formatName()).append(" labels for Ultralytics.\n");
        yaml.append("# Every image is listed for train and val alike; split it as your experiment needs.\n");
        yaml.append("path: .\n");
        yaml.append("train: images\n");
        yaml.append("val: images\n");
        yaml.append("names:\n");
        for (int i = 0; i < categories.size(); i++) {
            yaml.append("  ").append(i).append(": ").append(quote(categories.get(i).name())).append('\n');
        }
        AtomicFiles.write(root.resolve("data.yaml"), yaml.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Six decimals: a thousandth of a pixel at 4K, and the same text on every machine. */
    private static String format(double normalised) {
        return String.format(Locale.ROOT, "%.6f", Math.min(1.0, Math.max(0.0, normalised)));
    }

    /** A YAML double-quoted scalar. */
    private static String quote(String name) {
        return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Joins the polygons of one instance into one, by bridges between nearest vertices. */
    static final class Bridges {
        private Bridges() {
        }

        static double[] join(List<Polygon> parts) {
            if (parts.size() == 1) {
                return parts.get(0).xy();
            }
            // Chain the parts in order: each new part is entered at its vertex nearest to the
            // chain's last entry vertex, walked round, and left again the same way back.
            List<double[]> pieces = new ArrayList<>();
            for (Polygon part : parts) {
                pieces.add(part.xy());
            }
            double[] result = pieces.get(0);
            for (int p = 1; p < pieces.size(); p++) {
                result = bridge(result, pieces.get(p));
            }
            return result;
        }

        /** a, then from a's vertex i nearest to b's vertex j: b walked from j round to j, back to a's i. */
        private static double[] bridge(double[] a, double[] b) {
            int bestI = 0;
            int bestJ = 0;
            double best = Double.MAX_VALUE;
            for (int i = 0; i < a.length; i += 2) {
                for (int j = 0; j < b.length; j += 2) {
                    double dx = a[i] - b[j];
                    double dy = a[i + 1] - b[j + 1];
                    double d = dx * dx + dy * dy;
                    if (d < best) {
                        best = d;
                        bestI = i;
                        bestJ = j;
                    }
                }
            }
            double[] out = new double[a.length + b.length + 4];
            int o = 0;
            for (int i = 0; i <= bestI + 1; i++) {
                out[o++] = a[i];
            }
            for (int k = 0; k < b.length; k += 2) {
                int j = (bestJ + k) % b.length;
                out[o++] = b[j];
                out[o++] = b[j + 1];
            }
            out[o++] = b[bestJ];
            out[o++] = b[bestJ + 1];
            out[o++] = a[bestI];
            out[o++] = a[bestI + 1];
            for (int i = bestI + 2; i < a.length; i++) {
                out[o++] = a[i];
            }
            return out;
        }
    }
}
