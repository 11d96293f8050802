package io.synthscene.scenes;

import io.synthscene.scenes.frame.Category;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.randomize.FrameSampler;
import io.synthscene.scenes.spec.SceneSpec;
import java.nio.file.Path;
import java.util.List;

/**
 * A loaded, validated scene: where it came from and how to sample its frames. Created by
 * {@link SceneLoader}; immutable and safe to share between threads (sampling holds no state).
 */
public final class Scene {
    private final Path file;
    private final String sha256;
    private final SceneSpec spec;
    private final FrameSampler sampler;

    /**
     * @param file   the scene file, or null when the scene was parsed from text
     * @param sha256 lower-case hex SHA-256 of the file's bytes
     */
    public Scene(Path file, String sha256, SceneSpec spec) {
        this.file = file;
        this.sha256 = sha256;
        this.spec = spec;
        this.sampler = new FrameSampler(spec);
    }

    /** The scene file, absolute; null when parsed from text. */
    public Path file() {
        return file;
    }

    public String sha256() {
        return sha256;
    }

    public long seed() {
        return spec.seed();
    }

    /** Frame count the file asks for; the CLI may override it. */
    public int frames() {
        return spec.frames();
    }

    public int width() {
        return spec.width();
    }

    public int height() {
        return spec.height();
    }

    /** Every category, sorted by id. */
    public List<Category> categories() {
        return spec.categories();
    }

    /** The optional outputs the scene asks for (semantic masks, depth). */
    /**
     * The names of the camera rig's cameras, in order; without a rig, a list holding only null
     * (the one unnamed camera), as {@link Frame#cameraNames()}.
     */
    public List<String> cameraNames() {
        return spec.camera().rig() == null ? java.util.Collections.singletonList(null)
                : spec.camera().rig().stream().map(io.synthscene.scenes.spec.RigCameraSpec::name).toList();
    }

    public io.synthscene.scenes.spec.OutputSpec outputs() {
        return spec.outputs();
    }

    public SceneSpec spec() {
        return spec;
    }

    /** Frame {@code index} under the scene's own seed. */
    public Frame sampleFrame(int index) {
        return sampler.sample(spec.seed(), index);
    }

    /** Frame {@code index} under another seed (the CLI's {@code --seed}); recorded in the frame. */
    public Frame sampleFrame(long seed, int index) {
        return sampler.sample(seed, index);
    }
}
