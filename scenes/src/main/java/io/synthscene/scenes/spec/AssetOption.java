package io.synthscene.scenes.spec;

import io.synthscene.scenes.sampling.ScalarSampler;
import java.util.Objects;

/**
 * One asset a group may draw from, for a group whose {@code asset} is {@code {choice_tag: T}}: an
 * entry of the scene's asset catalog carrying that tag. Created by the scene reader.
 *
 * @param id     the catalog entry's id
 * @param asset  the entry's asset (a built-in kind with its parameters, or a model file)
 * @param scale  the group's {@code scale} when it gives one, else the entry's (default 1)
 * @param weight relative probability, >= 0 (1 unless the group's {@code weights} says otherwise)
 */
public record AssetOption(String id, AssetSpec asset, ScalarSampler scale, double weight) {
    public AssetOption {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(scale, "scale");
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weight of " + id + " must be a finite number >= 0, got " + weight);
        }
    }
}
