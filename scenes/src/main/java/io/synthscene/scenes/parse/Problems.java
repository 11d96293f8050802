package io.synthscene.scenes.parse;

import io.synthscene.scenes.SceneException;
import io.synthscene.scenes.SceneProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the problems of one scene file while it is read, so that the user sees all of them at
 * once. Created per load by the scene loader; not shared.
 */
public final class Problems {
    private final String fileName;
    private final List<SceneProblem> found = new ArrayList<>();

    public Problems(String fileName) {
        this.fileName = fileName;
    }

    public void add(YamlNode at, String field, String message) {
        add(at.line(), at.column(), field, message);
    }

    public void add(int line, int column, String field, String message) {
        found.add(new SceneProblem(fileName, line, column, field, message));
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public int count() {
        return found.size();
    }

    /** Throws with every problem in file order, if there is any. */
    public void throwIfAny() throws SceneException {
        if (!found.isEmpty()) {
            throw exception();
        }
    }

    public SceneException exception() {
        List<SceneProblem> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(SceneProblem::line).thenComparingInt(SceneProblem::column));
        return new SceneException(sorted);
    }
}
