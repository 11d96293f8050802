package io.synthscene.annotators;

import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.RenderPass;
import io.synthscene.scenes.frame.RenderedFrame;
import io.synthscene.scenes.frame.SceneObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Boxes, pixel counts and COCO RLE masks of every instance visible in a frame, from its id pass.
 *
 * <p>One sweep over the id image in column-major order (COCO's order) finds the runs of equal
 * ids; each run is handed to its instance's {@link InstanceRuns}, so the cost is one read per
 * pixel plus one step per run, whatever the number of instances.
 *
 * <p>Stateless and thread-safe; create one anywhere.
 */
public final class InstanceAnnotator {

    public Set<RenderPass> requiredPasses() {
        return Set.of(RenderPass.INSTANCE_ID);
    }

    /**
     * @return one annotation per instance with at least one pixel, sorted by instance id
     * @throws IllegalArgumentException when the id pass is missing or its size differs from the frame's
     * @throws IllegalStateException    when the id image holds an id no labelled object of the frame has
     */
    public List<InstanceAnnotation> annotate(Frame frame, RenderedFrame rendered) {
        int[] ids = rendered.instanceIds();
        if (ids == null) {
            throw new IllegalArgumentException("frame " + rendered.index() + " was rendered without the INSTANCE_ID pass");
        }
        int width = rendered.width();
        int height = rendered.height();
        if (frame.width() != width || frame.height() != height) {
            throw new IllegalArgumentException("frame " + frame.index() + " is " + frame.width() + "x" + frame.height()
                    + " but its id image is " + width + "x" + height);
        }
        List<SceneObject> labelled = frame.labelledObjects();
        int[] categoryOf = categoriesByInstanceId(frame, labelled);
        InstanceRuns[] runsOf = new InstanceRuns[categoryOf.length];
        for (SceneObject object : labelled) {
            runsOf[object.instanceId()] = new InstanceRuns(height);
        }

        int previous = 0;
        int runStart = 0;
        for (int x = 0; x < width; x++) {
            int position = x * height; // column-major index of (x, y)
            for (int y = 0, i = x; y < height; y++, i += width, position++) {
                int id = ids[i];
                if (id != previous) {
                    if (previous != 0) {
                        runsOf[previous].addRun(runStart, position);
                    }
                    if (id != 0) {
                        requireLabelled(id, runsOf, frame, x, y);
                        runStart = position;
                    }
                    previous = id;
                }
            }
        }
        if (previous != 0) {
            runsOf[previous].addRun(runStart, width * height);
        }

        List<InstanceAnnotation> annotations = new ArrayList<>();
        for (int id = 1; id < runsOf.length; id++) {
            if (runsOf[id] != null && !runsOf[id].isEmpty()) {
                annotations.add(runsOf[id].toAnnotation(id, categoryOf[id], width));
            }
        }
        return annotations;
    }

    /** Category id per instance id (0 where no labelled object has that id). */
    private static int[] categoriesByInstanceId(Frame frame, List<SceneObject> labelled) {
        int maxId = labelled.stream().mapToInt(SceneObject::instanceId).max().orElse(0);
        if (maxId > InstanceAnnotation.MAX_INSTANCE_ID) {
            throw new IllegalArgumentException("frame " + frame.index() + " has instance id " + maxId
                    + ", above the 16-bit mask limit " + InstanceAnnotation.MAX_INSTANCE_ID);
        }
        int[] categoryOf = new int[maxId + 1];
        for (SceneObject object : labelled) {
            if (categoryOf[object.instanceId()] != 0) {
                throw new IllegalArgumentException("frame " + frame.index() + " has two objects with instance id "
                        + object.instanceId());
            }
            categoryOf[object.instanceId()] = object.categoryId();
        }
        return categoryOf;
    }

    private static void requireLabelled(int id, InstanceRuns[] runsOf, Frame frame, int x, int y) {
        if (id < 0 || id >= runsOf.length || runsOf[id] == null) {
            throw new IllegalStateException("instance id " + id + " at pixel (" + x + ", " + y + ") of frame "
                    + frame.index() + " belongs to no labelled object of the frame");
        }
    }
}
