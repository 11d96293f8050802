package io.synthscene.annotators;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.addWeighted;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_PNG_COMPRESSION;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_NEAREST;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Draws a contact sheet: a grid of images, each with its instance masks blended in colour, its
 * boxes and its labels, with OpenCV (JavaCPP bindings only). Pure: images in, PNG bytes out; the
 * caller writes the file. Stateless; all native memory is freed before each call returns.
 *
 * <p>Layout: {@code columns × rows} cells of {@code tileWidth × tileHeight} pixels, filled left to
 * right, top to bottom, on a dark grey background; each image is scaled to fit its cell keeping
 * its aspect ratio (area averaging) and centred. A mask pixel becomes
 * {@code (1 - MASK_ALPHA) * image + MASK_ALPHA * colour} (after scaling, masks by nearest
 * neighbour); a box covers the scaled pixels of {@code [x, y, w, h]}, drawn one pixel wide in the
 * same colour; the label sits above the box.
 */
public final class ContactSheet {
    /** Weight of the instance colour in a mask pixel. */
    public static final double MASK_ALPHA = 0.5;
    /** Background of the sheet, R = G = B. */
    public static final int BACKGROUND = 32;

    private static final double GOLDEN_RATIO_CONJUGATE = 0.618033988749895;

    /**
     * One annotation to draw.
     *
     * @param mask      the instance's mask over the whole image, or null
     * @param bbox      {@code [x, y, w, h]} in image pixels, or null
     * @param colourKey picks the colour ({@link #colour}); the instance id where known
     */
    public record Overlay(CocoRle mask, double[] bbox, String label, int colourKey) {
    }

    /** One image and what to draw over it. */
    public record Tile(ImageEncoder.RgbImage image, List<Overlay> overlays) {
    }

    private ContactSheet() {
    }

    /** A fixed, well-spread colour per key (golden-ratio hue steps, saturation 0.8, value 1): R, G, B. */
    public static int[] colour(int key) {
        double hue = (key * GOLDEN_RATIO_CONJUGATE) % 1.0 * 6;
        int sector = (int) hue;
        double f = hue - sector;
        double v = 255;
        double p = v * (1 - 0.8);
        double q = v * (1 - 0.8 * f);
        double t = v * (1 - 0.8 * (1 - f));
        double[] rgb = switch (sector % 6) {
            case 0 -> new double[] {v, t, p};
            case 1 -> new double[] {q, v, p};
            case 2 -> new double[] {p, v, t};
            case 3 -> new double[] {p, q, v};
            case 4 -> new double[] {t, p, v};
            default -> new double[] {v, p, q};
        };
        return new int[] {(int) Math.round(rgb[0]), (int) Math.round(rgb[1]), (int) Math.round(rgb[2])};
    }

    /**
     * @throws IllegalArgumentException when there are more tiles than cells or a size is not positive
     */
    public static byte[] renderPng(List<Tile> tiles, int columns, int rows, int tileWidth, int tileHeight) {
        if (columns < 1 || rows < 1 || tileWidth < 1 || tileHeight < 1) {
            throw new IllegalArgumentException("grid " + columns + "x" + rows + " of " + tileWidth + "x" + tileHeight + " tiles");
        }
        if (tiles.size() > (long) columns * rows) {
            throw new IllegalArgumentException(tiles.size() + " images do not fit a " + columns + "x" + rows + " grid");
        }
        try (Scalar background = new Scalar(BACKGROUND, BACKGROUND, BACKGROUND, 0);
             Mat sheet = new Mat(rows * tileHeight, columns * tileWidth, CV_8UC3, background)) {
            for (int i = 0; i < tiles.size(); i++) {
                drawTile(sheet, tiles.get(i), (i % columns) * tileWidth, (i / columns) * tileHeight, tileWidth, tileHeight);
            }
            cvtColor(sheet, sheet, COLOR_RGB2BGR); // drawn in R, G, B; OpenCV's codecs expect B, G, R
            try (IntPointer params = new IntPointer(IMWRITE_PNG_COMPRESSION, 6);
                 BytePointer out = new BytePointer()) {
                if (!imencode(".png", sheet, out, params)) {
                    throw new IllegalStateException("OpenCV could not encode the contact sheet");
                }
                byte[] png = new byte[Math.toIntExact(out.limit())];
                out.get(png);
                return png;
            }
        }
    }

    private static void drawTile(Mat sheet, Tile tile, int cellX, int cellY, int cellWidth, int cellHeight) {
        ImageEncoder.RgbImage image = tile.image();
        double scale = Math.min((double) cellWidth / image.width(), (double) cellHeight / image.height());
        int width = Math.max(1, Math.min(cellWidth, (int) Math.round(image.width() * scale)));
        int height = Math.max(1, Math.min(cellHeight, (int) Math.round(image.height() * scale)));
        double scaleX = (double) width / image.width();
        double scaleY = (double) height / image.height();
        try (BytePointer pixels = new BytePointer(image.rgb());
             Mat original = new Mat(image.height(), image.width(), CV_8UC3, pixels);
             Mat scaled = new Mat();
             Mat tinted = new Mat()) {
            if (width == image.width() && height == image.height()) {
                original.copyTo(scaled);
            } else {
                try (Size size = new Size(width, height)) {
                    resize(original, scaled, size, 0, 0, INTER_AREA);
                }
            }
            scaled.copyTo(tinted);
            for (Overlay overlay : tile.overlays()) {
                if (overlay.mask() != null) {
                    paint(tinted, overlay.mask(), colour(overlay.colourKey()), width, height);
                }
            }
            // Outside every mask the two images are equal, so the blend leaves those pixels as they are.
            addWeighted(scaled, 1 - MASK_ALPHA, tinted, MASK_ALPHA, 0, scaled);
            double fontScale = Math.max(0.3, Math.min(0.6, width / 900.0));
            for (Overlay overlay : tile.overlays()) {
                double[] box = overlay.bbox();
                if (box == null) {
                    continue;
                }
                int[] c = colour(overlay.colourKey());
                int x0 = (int) Math.floor(box[0] * scaleX);
                int y0 = (int) Math.floor(box[1] * scaleY);
                int x1 = Math.max(x0, (int) Math.ceil((box[0] + box[2]) * scaleX) - 1); // last covered pixel
                int y1 = Math.max(y0, (int) Math.ceil((box[1] + box[3]) * scaleY) - 1);
                try (Scalar colour = new Scalar(c[0], c[1], c[2], 0);
                     Point topLeft = new Point(x0, y0);
                     Point bottomRight = new Point(x1, y1);
                     Point baseline = new Point(x0, Math.max(10, y0 - 3))) {
                    rectangle(scaled, topLeft, bottomRight, colour, 1, LINE_8, 0);
                    if (overlay.label() != null && !overlay.label().isEmpty()) {
                        putText(scaled, overlay.label(), baseline, FONT_HERSHEY_SIMPLEX, fontScale, colour, 1, LINE_AA, false);
                    }
                }
            }
            int offsetX = cellX + (cellWidth - width) / 2;
            int offsetY = cellY + (cellHeight - height) / 2;
            try (Rect region = new Rect(offsetX, offsetY, width, height);
                 Mat cell = sheet.apply(region)) {
                scaled.copyTo(cell);
            }
        }
    }

    /** Sets the mask's pixels of {@code target} (already scaled to width × height) to the colour. */
    private static void paint(Mat target, CocoRle mask, int[] rgb, int width, int height) {
        boolean[] inside = mask.toMask();
        byte[] bytes = new byte[inside.length];
        for (int i = 0; i < inside.length; i++) {
            bytes[i] = inside[i] ? (byte) 255 : 0;
        }
        try (BytePointer data = new BytePointer(bytes);
             Mat full = new Mat(mask.height(), mask.width(), CV_8UC1, data);
             Mat scaled = new Mat();
             Scalar fill = new Scalar(rgb[0], rgb[1], rgb[2], 0);
             Mat colour = new Mat(height, width, CV_8UC3, fill);
             Size size = new Size(width, height)) {
            resize(full, scaled, size, 0, 0, INTER_NEAREST);
            colour.copyTo(target, scaled);
        }
    }
}
