package io.synthscene.annotators;

import io.synthscene.scenes.frame.Category;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.RenderPass;
import io.synthscene.scenes.frame.RenderedFrame;
import io.synthscene.scenes.frame.SceneObject;
import java.util.Set;

/**
 * The semantic segmentation of a frame: the category id of each pixel, from the id pass and the
 * frame's objects. 0 is background and unlabelled scenery (which share instance id 0). Exact for
 * the same reason the instance masks are: the id pass is never anti-aliased.
 *
 * <p>Stateless and thread-safe.
 */
public final class SemanticLabels {

    public Set<RenderPass> requiredPasses() {
        return Set.of(RenderPass.INSTANCE_ID);
    }

    /**
     * @return category id per pixel, row-major, top row first
     * @throws IllegalStateException when the id image holds an id no labelled object of the frame has
     */
    public int[] categoryIds(Frame frame, RenderedFrame rendered) {
        int[] ids = rendered.instanceIds();
        if (ids == null) {
            throw new IllegalArgumentException("frame " + rendered.index() + " was rendered without the INSTANCE_ID pass");
        }
        int maxInstance = 0;
        for (SceneObject object : frame.objects()) {
            maxInstance = Math.max(maxInstance, object.instanceId());
        }
        int[] categoryOfInstance = new int[maxInstance + 1];
        for (SceneObject object : frame.objects()) {
            if (object.instanceId() > 0) {
                categoryOfInstance[object.instanceId()] = object.categoryId();
            }
        }
        int[] categories = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            int id = ids[i];
            if (id >= categoryOfInstance.length || (id > 0 && categoryOfInstance[id] == 0)) {
                throw new IllegalStateException("frame " + frame.index() + ": pixel (" + i % rendered.width() + ", "
                        + i / rendered.width() + ") has instance id " + id + ", which no labelled object has");
            }
            categories[i] = categoryOfInstance[id];
        }
        return categories;
    }

    /** Whether the masks of a dataset with these categories fit 8 bits (else they are 16-bit). */
    public static boolean fitsEightBits(Iterable<Category> categories) {
        for (Category category : categories) {
            if (category.id() > 255) {
                return false;
            }
        }
        return true;
    }
}
