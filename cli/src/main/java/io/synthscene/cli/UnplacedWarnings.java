package io.synthscene.cli;

import io.synthscene.annotators.UnplacedReport;
import io.synthscene.scenes.randomize.FrameSampler;
import io.synthscene.scenes.spec.GroupSpec;
import io.synthscene.scenes.spec.SceneSpec;
import java.io.PrintWriter;

/**
 * The warning lines, one per group, for objects a run (or a merge) could not place: dropping them
 * is not an error (the frames are valid, with fewer objects), but a user who asked for four trucks
 * must hear that some frames have fewer. Stateless.
 */
final class UnplacedWarnings {
    private UnplacedWarnings() {
    }

    /**
     * @param scene the scene, to say why and what to change by the group's kind of placement; null when
     *              unknown (a merge), for a general hint
     */
    static void print(PrintWriter log, UnplacedReport report, SceneSpec scene) {
        for (UnplacedReport.Row row : report.rows()) {
            GroupSpec group = scene == null ? null
                    : scene.groups().stream().filter(g -> g.name().equals(row.group())).findFirst().orElse(null);
            log.println("warning: " + row.describe() + " (" + hint(group) + ")");
        }
    }

    private static String hint(GroupSpec group) {
        int tries = FrameSampler.PLACEMENT_TRIES;
        if (group == null) {
            return "no free place after " + tries + " tries: widen the group's region or zone, lower its count or min_gap_m";
        }
        if (group.occlude() != null) {
            return "no object of its targets to hide in the frame, or the coverage asked for out of reach: "
                    + "check occlude.targets and coverage";
        }
        if (group.flying() != null) {
            return "no place in view after " + tries + " tries: check flying.depth_m against the camera's near and far planes";
        }
        String where = group.placement().zone() != null ? "on its zone" : "in its region";
        String visible = group.placement().visibleFromCamera() ? ", or drop visible_from_camera" : "";
        return "no free place " + where + " after " + tries + " tries: widen the "
                + (group.placement().zone() != null ? "distance_m" : "region or distance_m") + ", lower the count or min_gap_m" + visible;
    }
}
