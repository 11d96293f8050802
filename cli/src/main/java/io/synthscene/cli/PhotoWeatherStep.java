package io.synthscene.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthscene.annotators.ImageEncoder;
import io.synthscene.annotators.augment.DepthMapDistances;
import io.synthscene.annotators.augment.GroundPlaneDistances;
import io.synthscene.annotators.augment.PhotoGlare;
import io.synthscene.annotators.augment.PhotoNight;
import io.synthscene.annotators.augment.PhotoPrecipitation;
import io.synthscene.annotators.augment.PhotoSurfaceWeather;
import io.synthscene.annotators.augment.UpwardSurfaces;
import io.synthscene.scenes.augment.AugmentVariant;
import io.synthscene.scenes.augment.PhotoWeather;
import io.synthscene.scenes.augment.PhotoWeatherRandomizer;
import io.synthscene.scenes.spec.AugmentSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The rain, snow, night and glare of one variant of one photo, applied around the fog:
 * {@link #onSurfaces} before it (wet darkening and snow cover belong to the scene, which the fog
 * then veils), {@link #inFront} after it (falling particles, each fogged by its own distance; the
 * night grading; glare, which happens in the lens). Distances come from the photo's depth map when
 * {@code --depth} gave one, else from the weather's ground plane. Made per variant by the augment
 * run; touches colour only.
 */
final class PhotoWeatherStep {
    private final PhotoWeather drawn;
    private float[] distances;
    private final boolean fromDepthMap;
    private final int width;
    private final int height;

    private PhotoWeatherStep(PhotoWeather drawn, float[] distances, boolean fromDepthMap, int width, int height) {
        this.drawn = drawn;
        this.distances = distances;
        this.fromDepthMap = fromDepthMap;
        this.width = width;
        this.height = height;
    }

    /** @param depthMap the photo's depth map, or null */
    static PhotoWeatherStep of(AugmentSpec spec, AugmentVariant variant, long imageId, int variantIndex, Path depthMap,
                               int width, int height, ImageEncoder codec) throws IOException {
        PhotoWeather drawn = PhotoWeatherRandomizer.sample(spec, variant.fog(), imageId, variantIndex);
        float[] distances = null;
        if (drawn.weather() != null) {
            distances = depthMap != null
                    ? DepthMapDistances.of(Files.readAllBytes(depthMap), width, height, codec)
                    : GroundPlaneDistances.of(width, height, drawn.weather().groundPlane());
        }
        return new PhotoWeatherStep(drawn, distances, depthMap != null, width, height);
    }

    /** Adds what was drawn to the variant's {@code effects} block: {@code weather}, {@code night}, {@code glare}. */
    void record(ObjectNode effects, ObjectMapper json) {
        ObjectNode node = json.valueToTree(drawn);
        if (node.has("weather")) {
            ((ObjectNode) node.get("weather")).put("distances", fromDepthMap ? "depth_map" : "ground_plane");
        }
        effects.setAll(node);
    }

    /** Wet darkening and snow cover on the upward-facing surfaces. */
    byte[] onSurfaces(byte[] rgb) {
        if (drawn.weather() == null) {
            return rgb;
        }
        float[] upwards = UpwardSurfaces.of(distances, width, height, drawn.weather().groundPlane());
        return PhotoSurfaceWeather.apply(rgb, upwards, drawn.weather());
    }

    /**
     * Makes the particles' distances those of the photo with objects inserted into it, so that an
     * inserted object hides the particles behind it.
     *
     * @param withObjects the photo's distances in, the nearer of photo and object per pixel out
     */
    void hideParticlesBehind(java.util.function.UnaryOperator<float[]> withObjects) {
        if (distances != null) {
            distances = withObjects.apply(distances);
        }
    }

    /** @param fog the variant's fog (particles are fogged by their distance), or null */
    byte[] inFront(byte[] rgb, AugmentVariant.Fog fog) {
        byte[] out = rgb;
        if (drawn.weather() != null) {
            out = PhotoPrecipitation.apply(out, width, height, distances, drawn.weather(), fog);
        }
        if (drawn.night() != null) {
            out = PhotoNight.apply(out, width, height, drawn.night());
        }
        if (drawn.glare() != null) {
            out = PhotoGlare.apply(out, width, height, drawn.glare());
        }
        return out;
    }
}
