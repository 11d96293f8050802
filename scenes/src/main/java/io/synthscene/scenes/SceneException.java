package io.synthscene.scenes;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A scene file that cannot be used, with every problem found in it (not just the first), in file
 * order. The message lists them one per line.
 */
public class SceneException extends Exception {
    private final List<SceneProblem> problems;

    public SceneException(List<SceneProblem> problems) {
        super(problems.stream().map(SceneProblem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a SceneException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<SceneProblem> problems() {
        return problems;
    }
}
