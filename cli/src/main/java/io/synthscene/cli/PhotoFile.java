package io.synthscene.cli;

import io.synthscene.annotators.ImageEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads one of augment's input photos, refusing a file that is not a whole image of the size its
 * COCO entry declares, as bad input (exit 2) naming the file: an empty file, one that is not an
 * image, a PNG without its end chunk or a JPEG without an end marker after its image data (cut
 * short: OpenCV would decode the part that is there and fill the rest with grey, with only a
 * warning on the console),
 * or a size other than the labels'.
 */
final class PhotoFile {
    private PhotoFile() {
    }

    /**
     * @param label how the photo is named in messages, e.g. {@code --images DIR: cat.png (image 7)}
     * @throws UserInputException when the file cannot be read or is not a whole image of that size
     */
    static ImageEncoder.RgbImage read(Path file, String label, int width, int height, ImageEncoder codec) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UserInputException(label + ": cannot read it: " + e.getMessage());
        }
        ImageEncoder.RgbImage image;
        try {
            image = codec.decodeColor(bytes);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(label + ": " + e.getMessage());
        }
        if (image.width() != width || image.height() != height) {
            throw new UserInputException(label + ": the image is " + image.width() + "x" + image.height()
                    + " but its COCO entry says " + width + "x" + height);
        }
        return image;
    }

}
