package io.synthscene.cli;

import io.synthscene.scenes.Limits;

/**
 * An image size given on the command line as {@code WIDTHxHEIGHT}; null when not given. Held to
 * the same {@link Limits} as a scene's {@code output} size.
 */
record ImageSize(int width, int height) {

    static ImageSize parse(String text) {
        return parse(text, Limits.fromEnvironment());
    }

    static ImageSize parse(String text, Limits limits) {
        if (text == null) {
            return null;
        }
        int maxSide = limits.maxImageSide();
        String[] parts = text.toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            if (parts.length == 2) {
                int width = Integer.parseInt(parts[0].trim());
                int height = Integer.parseInt(parts[1].trim());
                if (width >= 1 && height >= 1 && width <= maxSide && height <= maxSide) {
                    if ((long) width * height > limits.maxImagePixels()) {
                        throw new UserInputException("--size " + text + " is " + (long) width * height
                                + " pixels, more than " + limits.maxImagePixels() + " "
                                + Limits.howToRaise(Limits.Setting.MAX_IMAGE_PIXELS));
                    }
                    return new ImageSize(width, height);
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserInputException("--size " + text + " is not WIDTHxHEIGHT with sides in 1.." + maxSide
                + " (e.g. 1280x720) " + Limits.howToRaise(Limits.Setting.MAX_IMAGE_SIDE));
    }
}
