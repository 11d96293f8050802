package io.synthscene.cli;

/** An image size given on the command line as {@code WIDTHxHEIGHT}; null when not given. */
record ImageSize(int width, int height) {
    private static final int MAX_SIDE = 16384;

    static ImageSize parse(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            if (parts.length == 2) {
                int width = Integer.parseInt(parts[0].trim());
                int height = Integer.parseInt(parts[1].trim());
                if (width >= 1 && height >= 1 && width <= MAX_SIDE && height <= MAX_SIDE) {
                    return new ImageSize(width, height);
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserInputException("--size " + text + " is not WIDTHxHEIGHT with sides in 1.." + MAX_SIDE + " (e.g. 1280x720)");
    }
}
