package io.synthscene.annotators;

import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.SceneObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The objects a dataset's groups asked for but could not place (each frame's {@code unplaced}):
 * per group, how many were dropped, out of how many asked for (placed plus dropped), in how many
 * frames. Only groups that dropped at least one object have a row, so a dataset in which every
 * object was placed has an empty report. Made by a {@link Tally} as frames are rendered or read
 * (a render, a merge) or by {@link #of} from frames already read (stats); written into {@code dataset.json} by
 * {@link DatasetMetadataWriter}. Immutable.
 *
 * @param rows by group name
 */
public record UnplacedReport(List<Row> rows) {

    /** No object dropped. */
    public static final UnplacedReport NONE = new UnplacedReport(List.of());

    /**
     * One group.
     *
     * @param unplaced       objects dropped, at least 1
     * @param asked          objects asked for over the frames counted (placed and dropped), at least {@code unplaced}
     * @param framesAffected frames that dropped at least one of the group's objects, at least 1
     * @param frames         frames counted, at least {@code framesAffected}
     */
    public record Row(String group, long unplaced, long asked, int framesAffected, int frames) {
        public Row {
            if (unplaced < 1 || asked < unplaced || framesAffected < 1 || frames < framesAffected
                    || framesAffected > unplaced) {
                throw new IllegalArgumentException("group " + group + ": " + unplaced + " of " + asked + " objects unplaced in "
                        + framesAffected + " of " + frames + " frames is not a count");
            }
        }

        /** The dropped share of the objects asked for, in [0, 1]. */
        public double share() {
            return (double) unplaced / asked;
        }

        /**
         * One line for a person, e.g. {@code group 'truck': 37 of 400 objects (9 %) in 12 of 100 frames
         * could not be placed}, without a trailing full stop or advice.
         */
        public String describe() {
            return "group '" + group + "': " + unplaced + " of " + asked + " objects (" + percent(share()) + ") in "
                    + framesAffected + " of " + frames + " frames could not be placed";
        }
    }

    public UnplacedReport {
        rows = rows.stream().sorted(java.util.Comparator.comparing(Row::group)).toList();
        if (rows.stream().map(Row::group).distinct().count() != rows.size()) {
            throw new IllegalArgumentException("one row per group");
        }
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The report of these frames. */
    public static UnplacedReport of(List<Frame> frames) {
        Tally tally = new Tally();
        frames.forEach(tally::add);
        return tally.report();
    }

    /**
     * A share as a person reads it: whole percent, or one decimal below 10 % so that a few objects in
     * many never read as 0 %.
     */
    static String percent(double share) {
        double p = 100 * share;
        return (p < 10 && p != Math.rint(p) ? String.format(Locale.ROOT, "%.1f", p) : String.format(Locale.ROOT, "%.0f", p))
                + " %";
    }

    /**
     * Counts frames as they come, in any order and from any thread (each frame once). Created by
     * whoever renders or reads the frames; {@link #report()} at the end.
     */
    public static final class Tally {
        private int frames;
        private final Map<String, long[]> byGroup = new HashMap<>(); // unplaced, asked, frames affected

        public synchronized void add(Frame frame) {
            frames++;
            // every placed object counts towards what its group asked for, in frames without drops too
            for (SceneObject object : frame.objects()) {
                if (object.group() != null) {
                    byGroup.computeIfAbsent(object.group(), g -> new long[3])[1]++;
                }
            }
            for (Map.Entry<String, Integer> group : frame.unplaced().entrySet()) {
                long[] sums = byGroup.computeIfAbsent(group.getKey(), g -> new long[3]);
                sums[0] += group.getValue();
                sums[1] += group.getValue();
                sums[2]++;
            }
        }

        public synchronized UnplacedReport report() {
            List<Row> rows = new ArrayList<>();
            byGroup.forEach((group, s) -> {
                if (s[0] > 0) {
                    rows.add(new Row(group, s[0], s[1], (int) s[2], frames));
                }
            });
            return new UnplacedReport(rows);
        }
    }
}
