package io.synthscene.scenes.randomize;

import io.synthscene.scenes.frame.Texture;
import io.synthscene.scenes.spec.TextureSpec;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws a texture from the stream it is given (an object's {@code group/<name>/<k>/texture}, or
 * {@code ground/texture}), in this order: kind, scale, first colour, second colour, angle. Every
 * value is drawn whatever the kind, so the draws after the kind never depend on it.
 */
public final class TextureRandomizer {
    private TextureRandomizer() {
    }

    public static Texture sample(TextureSpec spec, SplittableRandom random) {
        String kind = Texture.KINDS.get((int) spec.kind().sample(random));
        double scale = spec.scaleMeters().sample(random);
        var first = Colors.rgb(spec.colors().get(0), random);
        var second = Colors.rgb(spec.colors().get(1), random);
        double angle = spec.angleDegrees().sample(random);
        return new Texture(kind, scale, List.of(first, second), angle);
    }
}
