package io.synthscene.scenes;

/**
 * Where a value was written in a scene file or a file it reads (its asset catalog), kept in a spec
 * for checks that can only run later, when a model file is loaded: their messages still point
 * at the line and column the user wrote. Created by the scene reader.
 *
 * @param file  the file name as messages show it
 * @param line  1-based
 * @param column 1-based
 * @param field dotted path of the field, as in {@link SceneProblem}
 */
public record SourcePosition(String file, int line, int column, String field) {
    /** A problem at this position. */
    public SceneProblem problem(String message) {
        return new SceneProblem(file, line, column, field, message);
    }
}
