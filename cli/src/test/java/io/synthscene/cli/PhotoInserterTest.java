package io.synthscene.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthscene.scenes.frame.Camera;
import io.synthscene.scenes.frame.RenderedLayers;
import io.synthscene.scenes.frame.Silhouettes;
import io.synthscene.scenes.frame.Vec3;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fog distances with inserted objects in them, on a hand-made 4 x 2 depth layer. */
class PhotoInserterTest {
    @Test
    void anInsertedObjectGivesItsPixelsTheDistanceAlongTheRayToItsSurfaceWhenNearer() {
        int w = 4;
        int h = 2;
        // focal length 2 px (hfov 90° on 4 px), principal point at the centre (2, 1)
        Camera camera = new Camera(new Vec3(0, 1.5, 0), 0, 0, 0, 90, 0.1, 100, w, h);
        float inf = Float.POSITIVE_INFINITY;
        float[] depth = {inf, 5, 5, inf, inf, 50, inf, inf};
        RenderedLayers layers = new RenderedLayers(w, h, new byte[3 * w * h], new byte[w * h], new int[w * h], depth, null,
                new Silhouettes(0, 0, List.of()));
        float[] photo = {30, 30, 30, 30, 30, 30, 30, 30};
        float[] fog = PhotoInserter.withObjects(photo, layers, camera, null);
        // pixel (1, 0): u = (1.5 - 2) / 2, v = (0.5 - 1) / 2
        assertThat((double) fog[1]).isCloseTo(5 * Math.sqrt(1 + 0.0625 + 0.0625), within(1e-5));
        assertThat(fog[0]).isEqualTo(30f);
        // an object farther than the photo's distance there does not push the fog back
        assertThat(fog[5]).isEqualTo(30f);
        boolean[] hidden = {false, false, true, false, false, false, false, false};
        assertThat(PhotoInserter.withObjects(photo, layers, camera, hidden)[2]).isEqualTo(30f);
    }
}
