package io.synthscene.cli;

import java.util.Map;

/**
 * Which shard a render is, from {@code --shard} or else from the batch system's environment.
 * The environment is passed in (never read here), so tests can give any.
 *
 * <ul>
 *   <li>Slurm job arrays: {@code SLURM_ARRAY_TASK_ID}, {@code SLURM_ARRAY_TASK_COUNT}, and
 *       {@code SLURM_ARRAY_TASK_MIN} / {@code SLURM_ARRAY_TASK_STEP} when set (an array
 *       {@code --array=1-8} has ids 1..8, so shard = (id - min) / step). Arrays that are not an
 *       evenly stepped range (e.g. {@code --array=1,2,7}) are refused: pass {@code --shard}.
 *   <li>Kubernetes Indexed Jobs: {@code JOB_COMPLETION_INDEX} (0-based), with the shard count in
 *       {@code SYNTHSCENE_SHARD_COUNT}, since Kubernetes does not export the completions count:
 *       set it in the pod template to the Job's {@code completions}.
 * </ul>
 */
public final class ShardEnvironment {
    static final String SLURM_ID = "SLURM_ARRAY_TASK_ID";
    static final String SLURM_COUNT = "SLURM_ARRAY_TASK_COUNT";
    static final String SLURM_MIN = "SLURM_ARRAY_TASK_MIN";
    static final String SLURM_MAX = "SLURM_ARRAY_TASK_MAX";
    static final String SLURM_STEP = "SLURM_ARRAY_TASK_STEP";
    static final String KUBERNETES_INDEX = "JOB_COMPLETION_INDEX";
    static final String SHARD_COUNT = "SYNTHSCENE_SHARD_COUNT";

    /** A shard and where it came from, in words, e.g. {@code --shard 1/4}; null when from nowhere (the whole run). */
    public record Choice(Shard shard, String source) {
        /** True when --shard or the environment named the shard. */
        public boolean isExplicit() {
            return source != null;
        }
    }

    private ShardEnvironment() {
    }

    /**
     * @param shardOption the value of {@code --shard}, or null when not given
     * @throws UserInputException when the option or the variables are malformed or inconsistent
     */
    public static Choice choose(String shardOption, Map<String, String> environment) {
        if (shardOption != null) {
            return new Choice(Shard.parse(shardOption), "--shard " + shardOption);
        }
        boolean slurm = environment.get(SLURM_ID) != null;
        boolean kubernetes = environment.get(KUBERNETES_INDEX) != null;
        if (slurm && kubernetes) {
            throw new UserInputException("both " + SLURM_ID + " (Slurm) and " + KUBERNETES_INDEX
                    + " (Kubernetes) are set: pass --shard I/N to say which shard this is");
        }
        if (slurm) {
            return fromSlurm(environment);
        }
        if (kubernetes) {
            return fromKubernetes(environment);
        }
        return new Choice(Shard.WHOLE, null);
    }

    private static Choice fromSlurm(Map<String, String> env) {
        int id = integer(env, SLURM_ID);
        if (env.get(SLURM_COUNT) == null) {
            throw new UserInputException(SLURM_ID + " is set but " + SLURM_COUNT + " is not: pass --shard I/N");
        }
        int count = integer(env, SLURM_COUNT);
        int min = env.get(SLURM_MIN) == null ? 0 : integer(env, SLURM_MIN);
        int step = env.get(SLURM_STEP) == null ? 1 : integer(env, SLURM_STEP);
        String described = SLURM_ID + "=" + id + ", " + SLURM_MIN + "=" + min + ", " + SLURM_STEP + "=" + step
                + ", " + SLURM_COUNT + "=" + count;
        if (step < 1 || (id - min) % step != 0) {
            throw new UserInputException("the Slurm array (" + described + ") is not an evenly stepped range: pass --shard I/N");
        }
        if (env.get(SLURM_MAX) != null && (integer(env, SLURM_MAX) - min) / step + 1 != count) {
            throw new UserInputException("the Slurm array (" + described + ", " + SLURM_MAX + "=" + env.get(SLURM_MAX)
                    + ") is not an evenly stepped range: pass --shard I/N");
        }
        return new Choice(checked((id - min) / step, count, described), described);
    }

    private static Choice fromKubernetes(Map<String, String> env) {
        int index = integer(env, KUBERNETES_INDEX);
        if (env.get(SHARD_COUNT) == null) {
            throw new UserInputException(KUBERNETES_INDEX + " is set (Kubernetes Indexed Job) but " + SHARD_COUNT
                    + " is not: set it to the Job's completions, or pass --shard I/N");
        }
        int count = integer(env, SHARD_COUNT);
        String described = KUBERNETES_INDEX + "=" + index + ", " + SHARD_COUNT + "=" + count;
        return new Choice(checked(index, count, described), described);
    }

    private static Shard checked(int index, int count, String described) {
        if (count < 1 || index < 0 || index >= count) {
            throw new UserInputException("shard " + index + "/" + count + " from " + described
                    + " is not valid: need a count N >= 1 and 0 <= index < N");
        }
        return new Shard(index, count);
    }

    private static int integer(Map<String, String> env, String name) {
        String value = env.get(name);
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new UserInputException("environment variable " + name + "=" + value + " is not a whole number");
        }
    }
}
