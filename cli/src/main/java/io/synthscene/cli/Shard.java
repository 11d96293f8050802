package io.synthscene.cli;

/**
 * Shard {@code index} of {@code count} (0-based) of a run: a contiguous block of its frames.
 * Frame {@code i} of a run of {@code F} frames belongs to the shard with
 * {@code firstFrame(F) <= i < endFrame(F)}, where shard {@code I} starts at {@code floor(I * F / N)}:
 * blocks differ in size by at most one frame, and each shard's files are a contiguous run of names.
 * Since every frame depends only on (seed, frame index), the union of the shards is the unsplit run.
 */
public record Shard(int index, int count) {

    /** The unsplit run. */
    public static final Shard WHOLE = new Shard(0, 1);

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new UserInputException("shard " + index + "/" + count + " is not valid: need a count N >= 1 and 0 <= index < N");
        }
    }

    /** Parses {@code I/N}, e.g. {@code 2/8}. */
    public static Shard parse(String text) {
        String[] parts = text.trim().split("/", -1);
        if (parts.length == 2) {
            try {
                return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new UserInputException("--shard " + text + " is not I/N with whole numbers 0 <= I < N (e.g. 0/4)");
    }

    /** The first frame of this shard in a run of {@code framesTotal} frames. */
    public int firstFrame(int framesTotal) {
        return (int) ((long) index * framesTotal / count);
    }

    /** One past the last frame of this shard. */
    public int endFrame(int framesTotal) {
        return (int) ((long) (index + 1) * framesTotal / count);
    }

    public boolean isWhole() {
        return count == 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
