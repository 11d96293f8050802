package io.synthscene.scenes;

/**
 * One problem found in a scene file, positioned at the offending value (or at the key, for an
 * unknown key). Line and column are 1-based; 0 when the problem has no position (a file that
 * cannot be read).
 *
 * @param file    the file name as messages show it (usually the bare name, {@code urban.yaml})
 * @param field   dotted path of the field, list items by index: {@code groups[1].count}; empty
 *                for problems of the file as a whole
 */
public record SceneProblem(String file, int line, int column, String field, String message) {

    /** {@code urban.yaml:14:9: camera.hfov_deg: 190 is outside (0, 180)} */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file == null ? "<scene>" : file);
        if (line > 0) {
            text.append(':').append(line).append(':').append(column);
        }
        text.append(": ");
        if (field != null && !field.isEmpty()) {
            text.append(field).append(": ");
        }
        return text.append(message).toString();
    }
}
