package io.synthscene.annotators.stats;

import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.SceneObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How close a dataset came to its scene's {@code class_balance}: per category, the target share,
 * the share of the instances the frames placed (what the balance steers: it scales counts, and a
 * crowded zone may drop some objects) and the share of the annotated instances (placed objects
 * that were seen; an object fully hidden or out of view has no annotation). Made by {@link #of}
 * from frames already read; pure; immutable.
 *
 * @param rows              one per category with a target, by name
 * @param framesWithTargets frames that recorded targets (frames of a scene without balance record none)
 * @param mixedTargets      whether the frames recorded different targets (merged datasets of different scenes);
 *                          the rows then show the first frame's
 */
public record ClassBalanceReport(List<Row> rows, int framesWithTargets, boolean mixedTargets) {

    /** One category: shares in [0, 1]; {@code annotatedShare} is NaN when the dataset has no annotations. */
    public record Row(String category, double targetShare, double placedShare, long placed, double annotatedShare) {
    }

    public ClassBalanceReport {
        rows = List.copyOf(rows);
    }

    /** The report, or null when no frame recorded class balance targets. */
    public static ClassBalanceReport of(List<Frame> frames, InstanceStatistics annotated) {
        Map<String, Double> targets = null;
        boolean mixed = false;
        int withTargets = 0;
        Map<String, Long> placed = new TreeMap<>();
        long placedTotal = 0;
        for (Frame frame : frames) {
            if (frame.classBalance().isEmpty()) {
                continue;
            }
            withTargets++;
            if (targets == null) {
                targets = frame.classBalance();
            } else if (!targets.equals(frame.classBalance())) {
                mixed = true;
            }
            for (SceneObject o : frame.labelledObjects()) {
                placed.merge(o.category(), 1L, Long::sum);
                placedTotal++;
            }
        }
        if (targets == null) {
            return null;
        }
        Map<String, Long> seen = new TreeMap<>();
        annotated.categories().forEach(c -> seen.put(c.name(), c.instances()));
        long seenTotal = seen.values().stream().mapToLong(Long::longValue).sum();
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Double> target : targets.entrySet()) {
            long n = placed.getOrDefault(target.getKey(), 0L);
            rows.add(new Row(target.getKey(), target.getValue(), placedTotal == 0 ? 0 : (double) n / placedTotal, n,
                    seenTotal == 0 ? Double.NaN : (double) seen.getOrDefault(target.getKey(), 0L) / seenTotal));
        }
        return new ClassBalanceReport(rows, withTargets, mixed);
    }
}
