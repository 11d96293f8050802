package io.synthscene.annotators;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_PNG_COMPRESSION;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * A grid of equally sized RGB tiles with a label column on the left, composed and encoded as PNG
 * with OpenCV (JavaCPP API only): the asset previews' turntable sheets. Tiles are RGB, row-major,
 * top row first, like {@code RenderedFrame.rgb()}. Holds one native image: created and closed by
 * its user (the {@code assets preview} command); use after close throws.
 */
public final class TurntableSheet implements AutoCloseable {
    private static final int PNG_COMPRESSION_LEVEL = 6;

    private final int columns;
    private final int rows;
    private final int tileWidth;
    private final int tileHeight;
    private final int labelWidth;
    private Mat sheet;

    /** A light grey sheet of {@code rows} x {@code columns} tiles after a label column {@code labelWidth} pixels wide. */
    public TurntableSheet(int rows, int columns, int tileWidth, int tileHeight, int labelWidth) {
        if (rows < 1 || columns < 1 || tileWidth < 1 || tileHeight < 1 || labelWidth < 0) {
            throw new IllegalArgumentException("a sheet needs at least one tile of at least one pixel");
        }
        this.rows = rows;
        this.columns = columns;
        this.tileWidth = tileWidth;
        this.tileHeight = tileHeight;
        this.labelWidth = labelWidth;
        try (Scalar paper = new Scalar(235, 235, 235, 0)) {
            sheet = new Mat(rows * tileHeight, labelWidth + columns * tileWidth, CV_8UC3, paper);
        }
    }

    /** Copies one tile (RGB, tileWidth x tileHeight) into its place. */
    public void putTile(int row, int column, byte[] rgb) {
        requireOpen();
        checkCell(row, column);
        if (rgb.length != tileWidth * tileHeight * 3) {
            throw new IllegalArgumentException("a tile needs " + tileWidth * tileHeight * 3 + " bytes, got " + rgb.length);
        }
        try (BytePointer pixels = new BytePointer(rgb);
             Mat tile = new Mat(tileHeight, tileWidth, CV_8UC3, pixels);
             Rect place = new Rect(labelWidth + column * tileWidth, row * tileHeight, tileWidth, tileHeight);
             Mat target = sheet.apply(place)) {
            cvtColor(tile, target, COLOR_RGB2BGR);
        }
    }

    /** A small yellow dot at ({@code x}, {@code y}) pixels within a tile (pixel centres at +0.5); outside the tile it is skipped. */
    public void dot(int row, int column, double x, double y) {
        requireOpen();
        checkCell(row, column);
        if (!(x >= 0 && x < tileWidth && y >= 0 && y < tileHeight)) {
            return;
        }
        try (Point at = new Point(labelWidth + column * tileWidth + (int) x, row * tileHeight + (int) y);
             Scalar yellow = new Scalar(0, 255, 255, 0)) {
            circle(sheet, at, 2, yellow, -1, LINE_AA, 0);
        }
    }

    /** Writes {@code text} in the label column, vertically centred on the row. */
    public void label(int row, String text) {
        requireOpen();
        checkCell(row, 0);
        try (Point at = new Point(6, row * tileHeight + tileHeight / 2 + 5);
             Scalar ink = new Scalar(20, 20, 20, 0)) {
            putText(sheet, text, at, FONT_HERSHEY_SIMPLEX, 0.45, ink, 1, LINE_AA, false);
        }
    }

    public byte[] encodePng() {
        requireOpen();
        try (IntPointer parameters = new IntPointer(IMWRITE_PNG_COMPRESSION, PNG_COMPRESSION_LEVEL);
             BytePointer encoded = new BytePointer()) {
            if (!imencode(".png", sheet, encoded, parameters)) {
                throw new IllegalStateException("OpenCV could not encode the sheet as PNG");
            }
            byte[] png = new byte[Math.toIntExact(encoded.limit())];
            encoded.get(png);
            return png;
        }
    }

    @Override
    public void close() {
        if (sheet != null) {
            sheet.close();
            sheet = null;
        }
    }

    private void requireOpen() {
        if (sheet == null) {
            throw new IllegalStateException("contact sheet is closed");
        }
    }

    private void checkCell(int row, int column) {
        if (row < 0 || row >= rows || column < 0 || column >= columns) {
            throw new IllegalArgumentException("tile (" + row + ", " + column + ") is outside " + rows + " x " + columns);
        }
    }
}
