package io.synthscene.annotators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A contact sheet of the first images of a COCO dataset (by image id) with their annotations:
 * masks from the segmentations (any form {@link CocoReader} reads), boxes, category names and, when
 * an annotation has {@code synthscene.visibility}, that visibility after the name. Reads the COCO
 * file and the images; the caller writes the result. Stateless.
 */
public final class DatasetPreview {
    /** Sheet width used when the caller gives none, in pixels. */
    public static final int DEFAULT_SHEET_WIDTH = 1600;

    private DatasetPreview() {
    }

    /** What to draw: a grid, a number of images and the widest the sheet may be. */
    public record Layout(int images, int columns, int rows, int maxSheetWidth) {
        public Layout {
            if (images < 1 || columns < 1 || rows < 1 || maxSheetWidth < columns) {
                throw new IllegalArgumentException("layout of " + images + " images in " + columns + "x" + rows
                        + ", at most " + maxSheetWidth + " px wide");
            }
            if (images > (long) columns * rows) {
                throw new IllegalArgumentException(images + " images do not fit a " + columns + "x" + rows + " grid");
            }
        }

        /**
         * Cells are as wide as the widest shown image, or narrower to keep the sheet within
         * {@link #maxSheetWidth}; as tall as that width times the first image's aspect ratio.
         */
        int[] tileSize(List<CocoImage> shown) {
            int widest = shown.stream().mapToInt(CocoImage::width).max().orElseThrow();
            int width = Math.min(widest, maxSheetWidth / columns);
            CocoImage first = shown.get(0);
            int height = Math.max(1, (int) Math.round((double) width * first.height() / first.width()));
            return new int[] {width, height};
        }
    }

    /** The PNG bytes and the sheet's size. */
    public record Sheet(byte[] png, int width, int height, int images) {
    }

    /**
     * @throws CocoFormatException      when the COCO file is unreadable or inconsistent
     * @throws IllegalArgumentException when an image file is missing or cannot be decoded
     */
    public static Sheet render(Path instancesJson, Path imagesDir, Layout layout) {
        CocoDataset dataset = CocoReader.read(instancesJson);
        List<CocoImage> shown = dataset.images().stream().sorted(Comparator.comparingLong(CocoImage::id))
                .limit(layout.images()).toList();
        if (shown.isEmpty()) {
            throw new IllegalArgumentException(instancesJson + " lists no images");
        }
        Map<Long, String> names = new HashMap<>();
        dataset.categories().forEach(c -> names.put(c.id(), c.name()));
        Map<Long, List<CocoAnnotation>> byImage = new HashMap<>();
        dataset.annotations().forEach(a -> byImage.computeIfAbsent(a.imageId(), id -> new ArrayList<>()).add(a));

        ImageEncoder codec = new ImageEncoder();
        List<ContactSheet.Tile> tiles = new ArrayList<>();
        for (CocoImage image : shown) {
            ImageEncoder.RgbImage rgb = codec.decodeColor(read(imagesDir.resolve(image.fileName())));
            if (rgb.width() != image.width() || rgb.height() != image.height()) {
                throw new IllegalArgumentException(imagesDir.resolve(image.fileName()) + " is " + rgb.width() + "x" + rgb.height()
                        + ", the COCO file says " + image.width() + "x" + image.height());
            }
            List<ContactSheet.Overlay> overlays = new ArrayList<>();
            List<CocoAnnotation> annotations = byImage.getOrDefault(image.id(), List.of());
            for (int i = 0; i < annotations.size(); i++) {
                CocoAnnotation a = annotations.get(i);
                CocoRle mask = a.segmentation() == null ? null : a.segmentation().toRle(image.height(), image.width());
                String label = label(names.get(a.categoryId()), a.visibility());
                overlays.add(new ContactSheet.Overlay(mask, a.bbox(), label, a.instanceId() != null ? a.instanceId() : i + 1));
            }
            tiles.add(new ContactSheet.Tile(rgb, overlays));
        }
        int[] tile = layout.tileSize(shown);
        byte[] png = ContactSheet.renderPng(tiles, layout.columns(), layout.rows(), tile[0], tile[1]);
        return new Sheet(png, layout.columns() * tile[0], layout.rows() * tile[1], shown.size());
    }

    /** The category's name, and the visibility with two decimals when there is one: {@code car 0.75}. */
    static String label(String categoryName, Double visibility) {
        return categoryName + (visibility == null ? "" : String.format(Locale.ROOT, " %.2f", visibility));
    }

    private static byte[] read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("image file " + file + " does not exist");
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
