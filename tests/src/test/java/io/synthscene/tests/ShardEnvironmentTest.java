package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthscene.cli.Main;
import io.synthscene.cli.Shard;
import io.synthscene.cli.ShardEnvironment;
import io.synthscene.cli.UserInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which shard a render is: --shard, else Slurm job arrays, else Kubernetes Indexed Jobs, else the whole run. */
class ShardEnvironmentTest {
    @TempDir
    Path temp;

    @Test
    void noShardAnywhereIsTheWholeRun() {
        ShardEnvironment.Choice choice = ShardEnvironment.choose(null, Map.of("SLURM_JOB_ID", "77"));
        assertThat(choice.shard()).isEqualTo(Shard.WHOLE);
        assertThat(choice.isExplicit()).isFalse();
    }

    @Test
    void theOptionWinsOverTheEnvironment() {
        ShardEnvironment.Choice choice = ShardEnvironment.choose("2/5", Map.of("SLURM_ARRAY_TASK_ID", "0", "SLURM_ARRAY_TASK_COUNT", "3"));
        assertThat(choice.shard()).isEqualTo(new Shard(2, 5));
        assertThat(choice.source()).isEqualTo("--shard 2/5");
    }

    @Test
    void aSlurmArrayFromZeroGivesTheTaskIdAndCount() {
        ShardEnvironment.Choice choice = ShardEnvironment.choose(null, Map.of(
                "SLURM_ARRAY_TASK_ID", "3", "SLURM_ARRAY_TASK_COUNT", "4", "SLURM_ARRAY_TASK_MIN", "0", "SLURM_ARRAY_TASK_MAX", "3"));
        assertThat(choice.shard()).isEqualTo(new Shard(3, 4));
        assertThat(choice.source()).contains("SLURM_ARRAY_TASK_ID=3").contains("SLURM_ARRAY_TASK_COUNT=4");
    }

    @Test
    void aSlurmArrayFromOneIsShiftedByItsMinimum() {
        // sbatch --array=1-8: ids 1..8 are shards 0..7
        Map<String, String> env = Map.of("SLURM_ARRAY_TASK_ID", "1", "SLURM_ARRAY_TASK_COUNT", "8",
                "SLURM_ARRAY_TASK_MIN", "1", "SLURM_ARRAY_TASK_MAX", "8");
        assertThat(ShardEnvironment.choose(null, env).shard()).isEqualTo(new Shard(0, 8));
        Map<String, String> last = new java.util.HashMap<>(env);
        last.put("SLURM_ARRAY_TASK_ID", "8");
        assertThat(ShardEnvironment.choose(null, last).shard()).isEqualTo(new Shard(7, 8));
    }

    @Test
    void aSteppedSlurmArrayIsDividedByItsStep() {
        // sbatch --array=10-40:10: ids 10, 20, 30, 40
        assertThat(ShardEnvironment.choose(null, Map.of("SLURM_ARRAY_TASK_ID", "30", "SLURM_ARRAY_TASK_COUNT", "4",
                "SLURM_ARRAY_TASK_MIN", "10", "SLURM_ARRAY_TASK_MAX", "40", "SLURM_ARRAY_TASK_STEP", "10")).shard())
                .isEqualTo(new Shard(2, 4));
    }

    @Test
    void aSlurmArrayThatIsNotAnEvenRangeIsRefused() {
        // sbatch --array=1,2,7: min 1, max 7, count 3
        assertThatThrownBy(() -> ShardEnvironment.choose(null, Map.of("SLURM_ARRAY_TASK_ID", "7", "SLURM_ARRAY_TASK_COUNT", "3",
                "SLURM_ARRAY_TASK_MIN", "1", "SLURM_ARRAY_TASK_MAX", "7")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("not an evenly stepped range").hasMessageContaining("--shard");
    }

    @Test
    void aSlurmTaskIdWithoutCountIsRefused() {
        assertThatThrownBy(() -> ShardEnvironment.choose(null, Map.of("SLURM_ARRAY_TASK_ID", "2")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("SLURM_ARRAY_TASK_COUNT");
    }

    @Test
    void aKubernetesIndexedJobUsesTheCompletionIndexAndTheCountWeDefine() {
        ShardEnvironment.Choice choice = ShardEnvironment.choose(null, Map.of("JOB_COMPLETION_INDEX", "5", "SYNTHSCENE_SHARD_COUNT", "6"));
        assertThat(choice.shard()).isEqualTo(new Shard(5, 6));
        assertThat(choice.source()).isEqualTo("JOB_COMPLETION_INDEX=5, SYNTHSCENE_SHARD_COUNT=6");
    }

    @Test
    void aKubernetesIndexWithoutCountOrOutsideItIsRefused() {
        assertThatThrownBy(() -> ShardEnvironment.choose(null, Map.of("JOB_COMPLETION_INDEX", "1")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("SYNTHSCENE_SHARD_COUNT");
        assertThatThrownBy(() -> ShardEnvironment.choose(null, Map.of("JOB_COMPLETION_INDEX", "6", "SYNTHSCENE_SHARD_COUNT", "6")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("shard 6/6");
        assertThatThrownBy(() -> ShardEnvironment.choose(null, Map.of("JOB_COMPLETION_INDEX", "x", "SYNTHSCENE_SHARD_COUNT", "6")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("JOB_COMPLETION_INDEX=x");
    }

    @Test
    void slurmAndKubernetesTogetherAreAmbiguous() {
        assertThatThrownBy(() -> ShardEnvironment.choose(null, Map.of("JOB_COMPLETION_INDEX", "1", "SYNTHSCENE_SHARD_COUNT", "2",
                "SLURM_ARRAY_TASK_ID", "1", "SLURM_ARRAY_TASK_COUNT", "2")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("both");
    }

    @Test
    void blocksCoverEveryFrameOnceAndDifferByAtMostOneFrame() {
        for (int frames : new int[] {1, 7, 40, 1000}) {
            for (int count : new int[] {1, 2, 3, 7, 64}) {
                int next = 0;
                for (int index = 0; index < count; index++) {
                    Shard shard = new Shard(index, count);
                    assertThat(shard.firstFrame(frames)).isEqualTo(next);
                    assertThat(shard.endFrame(frames) - shard.firstFrame(frames)).isBetween(frames / count, frames / count + 1);
                    next = shard.endFrame(frames);
                }
                assertThat(next).isEqualTo(frames);
            }
        }
    }

    @Test
    void badShardOptionsExitTwoBeforeAnythingIsWritten() {
        for (String bad : new String[] {"3/3", "-1/2", "1/0", "a/b", "1", "1/2/3"}) {
            Cli.Result result = Cli.run("render", Cli.example("table-top.yaml"), "--out", temp.resolve("x").toString(), "--shard", bad);
            assertThat(result.exitCode()).as(bad + ": " + result.all()).isEqualTo(2);
            assertThat(result.err()).as(bad).contains("error: ").contains("shard").doesNotContain("Exception");
        }
        assertThat(temp.resolve("x")).doesNotExist();
    }

    @Test
    void aRenderInASlurmArrayTaskRendersItsShardAndSaysWhere() throws IOException {
        Path out = temp.resolve("task");
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"render", Cli.example("table-top.yaml"), "--out", out.toString(), "--frames", "6",
                        "--size", "64x48"},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                Map.of("SLURM_ARRAY_TASK_ID", "3", "SLURM_ARRAY_TASK_MIN", "1", "SLURM_ARRAY_TASK_COUNT", "3"));

        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).contains("shard 2/3 (from SLURM_ARRAY_TASK_ID=3, SLURM_ARRAY_TASK_MIN=1");
        JsonNode shard = DatasetFiles.json(out.resolve("dataset.json")).get("shard");
        assertThat(shard.get("index").asInt()).isEqualTo(2);
        assertThat(shard.get("first_frame").asInt()).isEqualTo(4);
        assertThat(out.resolve("frames")).isDirectoryContaining("glob:**/000004.json").isDirectoryContaining("glob:**/000005.json");
        assertThat(out.resolve("frames/000003.json")).doesNotExist();
    }
}
