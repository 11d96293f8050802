package io.synthscene.annotators;

/**
 * Which part of a run a dataset folder holds, recorded in {@code dataset.json} as {@code shard}.
 * A run of {@code framesTotal} frames split into {@code count} shards; this folder holds shard
 * {@code index} (0-based), whose frames start at {@code firstFrame}. An unsplit run, and a merge
 * of all shards, is shard 0 of 1 with first frame 0. The number of frames in the folder is
 * {@code dataset.json}'s {@code frames}. Immutable; created by the CLI.
 */
public record DatasetShard(int index, int count, int firstFrame, int framesTotal) {

    public DatasetShard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + ": need 0 <= index < count");
        }
        if (framesTotal < 0 || firstFrame < 0 || firstFrame > framesTotal) {
            throw new IllegalArgumentException("shard first frame " + firstFrame + " is outside 0.." + framesTotal);
        }
    }

    /** The whole run of {@code framesTotal} frames, unsplit. */
    public static DatasetShard whole(int framesTotal) {
        return new DatasetShard(0, 1, 0, framesTotal);
    }
}
