package io.synthscene.scenes.parse;

import io.synthscene.scenes.Limits;
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
    private final int maxShown;
    private final List<SceneProblem> found;

    public Problems(String fileName) {
        this(fileName, (int) Limits.Setting.MAX_PROBLEMS_SHOWN.defaultValue());
    }

    /** @param maxShown problems listed in the exception; past that, one last line counts the rest */
    public Problems(String fileName, int maxShown) {
        this(fileName, maxShown, new ArrayList<>());
    }

    private Problems(String fileName, int maxShown, List<SceneProblem> found) {
        this.fileName = fileName;
        this.maxShown = maxShown;
        this.found = found;
    }

    /**
     * Problems of another file the scene reads (its asset catalog), reported under that file's
     * name into the same list: they count, and are thrown, with the scene's.
     */
    public Problems forFile(String otherFileName) {
        return new Problems(otherFileName, maxShown, found);
    }

    /** Where {@code at} is written in this file, for a check that runs after the scene is read. */
    public io.synthscene.scenes.SourcePosition position(int line, int column, String field) {
        return new io.synthscene.scenes.SourcePosition(fileName, line, column, field);
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

    /**
     * Every problem in file order (those without a position first; the scene file's before those of
     * the files it reads), or the first
     * {@code maxShown} of them and a last, unpositioned line saying how many more there are: a
     * file of 100,000 aliases would otherwise print 100,000 lines.
     */
    public SceneException exception() {
        List<SceneProblem> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparing((SceneProblem p) -> !p.file().equals(fileName)).thenComparing(SceneProblem::file)
                .thenComparingInt(SceneProblem::line).thenComparingInt(SceneProblem::column));
        if (sorted.size() > maxShown) {
            int more = sorted.size() - maxShown;
            sorted = new ArrayList<>(sorted.subList(0, maxShown));
            sorted.add(new SceneProblem(fileName, 0, 0, "", "and " + more + " more problem" + (more == 1 ? "" : "s")
                    + " " + Limits.howToRaise(Limits.Setting.MAX_PROBLEMS_SHOWN).replace("raise it", "see more")));
        }
        return new SceneException(sorted);
    }
}
