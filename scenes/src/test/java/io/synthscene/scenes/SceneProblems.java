package io.synthscene.scenes;

import java.nio.file.Path;
import java.util.List;

/** The problems a scene text gives when loaded as {@code scene.yaml}, one {@code file:line:col: field: message} each. */
final class SceneProblems {
    private SceneProblems() {
    }

    static List<String> problems(String yaml) {
        return problems(yaml, null);
    }

    /** @param baseDir the folder model paths are resolved against; null for the working folder */
    static List<String> problems(String yaml, Path baseDir) {
        try {
            SceneLoader.parse(yaml, "scene.yaml", baseDir);
        } catch (SceneException e) {
            return e.problems().stream().map(SceneProblem::toString).toList();
        }
        return List.of();
    }
}
