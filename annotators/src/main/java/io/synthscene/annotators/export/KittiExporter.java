package io.synthscene.annotators.export;

import io.synthscene.annotators.AnnotatedFrame;
import io.synthscene.annotators.AtomicFiles;
import io.synthscene.annotators.Box3d;
import io.synthscene.annotators.FileLinker;
import io.synthscene.annotators.InstanceAnnotation;
import io.synthscene.annotators.Occlusion;
import io.synthscene.scenes.frame.Category;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * KITTI object labels, as the KITTI object devkit and the tools built on it (e.g. MMDetection3D's
 * KITTI converter) read them: {@code label_2/NNNNNN.txt}, {@code calib/NNNNNN.txt}, and the
 * images under {@code image_2/} (hard links to {@code images/}, copies across file systems).
 *
 * <p>One label line per annotated instance:
 * {@code type truncated occluded alpha left top right bottom height width length x y z rotation_y}
 * <ul>
 *   <li>type: the category name with its first letter in capitals, spaces as underscores
 *       ({@code car} → {@code Car}, {@code pedestrian} → {@code Pedestrian});</li>
 *   <li>truncated: the exact share of the object's silhouette outside the image (0 when the
 *       frame was rendered without silhouettes and the box is inside the image);</li>
 *   <li>occluded: 0 fully visible (visibility ≥ 0.99), 1 partly occluded (≥ 0.5), 2 largely
 *       occluded (&lt; 0.5), 3 unknown (no silhouettes were rendered);</li>
 *   <li>the 2-D box in 0-based pixel indices, right and bottom inclusive (the last covered pixel);</li>
 *   <li>dimensions, location (bottom centre) and rotation_y of the 3-D box in the camera's
 *       coordinates (x right, y down, z forward), metres and radians.</li>
 * </ul>
 * The calib file holds P0–P3 = K·[I | 0] (the one camera), R0_rect = I, and Tr_velo_to_cam and
 * Tr_imu_to_velo = [I | 0]: there is no lidar or IMU, so their frames are defined as the camera's.
 * K is shifted by −0.5 px to KITTI's (and OpenCV's) convention of pixel centres at integers.
 */
public final class KittiExporter implements DatasetExporter {
    private final Path root;
    private final Map<Integer, String> typeOfCategory = new HashMap<>();
    private final FileLinker linker = new FileLinker();

    public KittiExporter(Path root, List<Category> categories) {
        this.root = root;
        for (Category category : categories) {
            typeOfCategory.put(category.id(), kittiType(category.name()));
        }
    }

    static String kittiType(String name) {
        String type = name.strip().replace(' ', '_');
        return type.isEmpty() ? type : type.substring(0, 1).toUpperCase(Locale.ROOT) + type.substring(1);
    }

    @Override
    public String formatName() {
        return "kitti";
    }

    @Override
    public void addFrame(AnnotatedFrame frame) throws IOException {
        if (frame.camera() == null) {
            throw new IllegalArgumentException("frame " + frame.index() + " has no camera: KITTI needs its intrinsics");
        }
        StringBuilder labels = new StringBuilder();
        for (InstanceAnnotation a : frame.annotations()) {
            labels.append(line(frame, a)).append('\n');
        }
        Files.createDirectories(root.resolve("label_2"));
        Files.createDirectories(root.resolve("calib"));
        Files.createDirectories(root.resolve("image_2"));
        AtomicFiles.write(root.resolve("label_2").resolve(frame.stem() + ".txt"), labels.toString().getBytes(StandardCharsets.US_ASCII));
        AtomicFiles.write(root.resolve("calib").resolve(frame.stem() + ".txt"), calib(frame.camera().intrinsics()));
        linkImage(frame.imageFileName());
    }

    private String line(AnnotatedFrame frame, InstanceAnnotation a) {
        if (a.isIgnoreRegion()) {
            // KITTI's own ignore region: DontCare with its 2-D box, every 3-D field at its "unknown" value
            return String.format(Locale.ROOT, "DontCare -1 -1 -10 %.2f %.2f %.2f %.2f -1 -1 -1 -1000 -1000 -1000 -10",
                    (double) a.x(), (double) a.y(), (double) (a.x() + a.width() - 1), (double) (a.y() + a.height() - 1));
        }
        Box3d box = a.box3d();
        if (box == null) {
            throw new IllegalArgumentException("frame " + frame.index() + ", instance " + a.instanceId()
                    + " has no 3-D box: KITTI labels need one");
        }
        String type = typeOfCategory.get(a.categoryId());
        if (type == null) {
            throw new IllegalArgumentException("frame " + frame.index() + ", instance " + a.instanceId()
                    + ": category id " + a.categoryId() + " is not among the dataset's categories");
        }
        Occlusion occlusion = a.occlusion();
        double truncated = occlusion != null ? occlusion.truncation() : 0.0;
        int occluded = occlusion == null ? 3 : occlusion.visibility() >= 0.99 ? 0 : occlusion.visibility() >= 0.5 ? 1 : 2;
        double[] location = box.bottomCentre();
        return String.format(Locale.ROOT, "%s %.2f %d %.2f %.2f %.2f %.2f %.2f %.2f %.2f %.2f %.2f %.2f %.2f %.2f",
                type, truncated, occluded, box.alpha(),
                (double) a.x(), (double) a.y(), (double) (a.x() + a.width() - 1), (double) (a.y() + a.height() - 1),
                box.heightMeters(), box.widthMeters(), box.lengthMeters(),
                location[0], location[1], location[2], box.rotationY());
    }

    private static byte[] calib(double[][] k) {
        // K with pixel centres at integers: cx - 0.5, cy - 0.5.
        String p = String.format(Locale.ROOT, "%.12e %.12e %.12e %.12e %.12e %.12e %.12e %.12e %.12e %.12e %.12e %.12e",
                k[0][0], k[0][1], k[0][2] - 0.5, 0.0, k[1][0], k[1][1], k[1][2] - 0.5, 0.0, k[2][0], k[2][1], k[2][2], 0.0);
        String identity3x4 = String.format(Locale.ROOT, "%.12e %.12e %.12e %.12e %.12e %.12e %.12e %.12e %.12e %.12e %.12e %.12e",
                1.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0);
        String identity3x3 = String.format(Locale.ROOT, "%.12e %.12e %.12e %.12e %.12e %.12e %.12e %.12e %.12e",
                1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0);
        String text = "P0: " + p + "\nP1: " + p + "\nP2: " + p + "\nP3: " + p + "\nR0_rect: " + identity3x3
                + "\nTr_velo_to_cam: " + identity3x4 + "\nTr_imu_to_velo: " + identity3x4 + "\n";
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private synchronized void linkImage(String fileName) throws IOException {
        Path source = root.resolve("images").resolve(fileName);
        Path target = root.resolve("image_2").resolve(fileName);
        Files.deleteIfExists(target); // a render with --format kitti over an earlier export of the same folder
        linker.linkOrCopy(source, target);
    }

    @Override
    public void finish() {
        // KITTI has no dataset-wide file: the types are the category names.
    }
}
