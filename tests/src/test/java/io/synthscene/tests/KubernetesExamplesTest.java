package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kubernetes manifests in examples/farm parse, agree with each other (shard count, volume,
 * run name), and their shell commands call synthscene with the arguments docs/FARM.md describes:
 * each command is run by /bin/sh here, as in the container, with a stand-in synthscene on PATH
 * that prints its arguments. (The Slurm examples run for real in .ci/slurm-test.sh.)
 */
class KubernetesExamplesTest {
    private static final Path FARM = Path.of("..", "examples", "farm").toAbsolutePath().normalize();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path temp;

    @Test
    void theRenderJobIsIndexedWithOneShardPerCompletionAndOneGpuPerPod() throws IOException {
        JsonNode job = manifest("k8s-indexed-job.yaml");
        JsonNode spec = job.path("spec");
        JsonNode container = container(job);
        assertThat(job.path("kind").asText()).isEqualTo("Job");
        assertThat(spec.path("completionMode").asText()).isEqualTo("Indexed");
        int completions = spec.path("completions").asInt();
        assertThat(completions).isPositive();
        assertThat(spec.path("parallelism").asInt()).isBetween(1, completions);
        assertThat(env(container, "SYNTHSCENE_SHARD_COUNT")).isEqualTo(String.valueOf(completions));
        assertThat(container.path("resources").path("limits").path("nvidia.com/gpu").asText()).isEqualTo("1");
        assertThat(env(container, "NVIDIA_DRIVER_CAPABILITIES")).contains("graphics");
        // A failed container restarts in its pod, on the same node, and --resume keeps its frames.
        assertThat(spec.path("template").path("spec").path("restartPolicy").asText()).isEqualTo("OnFailure");
    }

    @Test
    void theMergeJobReadsTheSameShardsFromTheSameVolume() throws IOException {
        JsonNode render = manifest("k8s-indexed-job.yaml");
        JsonNode merge = manifest("k8s-merge-job.yaml");
        JsonNode claim = manifest("k8s-data-pvc.yaml");
        assertThat(claim.path("kind").asText()).isEqualTo("PersistentVolumeClaim");
        assertThat(claim.path("spec").path("accessModes").toString()).contains("ReadWriteMany");
        String claimName = claim.path("metadata").path("name").asText();
        for (JsonNode job : List.of(render, merge)) {
            assertThat(volumeClaims(job)).containsExactly(claimName);
        }
        assertThat(env(container(merge), "SYNTHSCENE_SHARD_COUNT")).isEqualTo(env(container(render), "SYNTHSCENE_SHARD_COUNT"));
        assertThat(env(container(merge), "RUN")).isEqualTo(env(container(render), "RUN"));
    }

    @Test
    void eachRenderPodWritesItsOwnShardFolderOnTheGpuAndResumes() throws Exception {
        JsonNode container = container(manifest("k8s-indexed-job.yaml"));
        String run = env(container, "RUN");
        assertThat(runInContainer(container, Map.of("JOB_COMPLETION_INDEX", "3")))
                .startsWith("render /scene/scene.yaml ")
                .contains(" --out /data/" + run + "/shards/shard-0003 ")
                .contains(" --device gpu ")
                .contains(" --resume");
        assertThat(runInContainer(container, Map.of("JOB_COMPLETION_INDEX", "0")))
                .contains(" --out /data/" + run + "/shards/shard-0000 ");
    }

    @Test
    void theMergePodNamesEveryShardInOrder() throws Exception {
        JsonNode container = container(manifest("k8s-merge-job.yaml"));
        String run = env(container, "RUN");
        int shards = Integer.parseInt(env(container, "SYNTHSCENE_SHARD_COUNT"));
        List<String> expected = new ArrayList<>(List.of("merge"));
        for (int i = 0; i < shards; i++) {
            expected.add(String.format("/data/%s/shards/shard-%04d", run, i));
        }
        expected.addAll(List.of("--out", "/data/" + run + "/dataset"));
        assertThat(runInContainer(container, Map.of())).isEqualTo(String.join(" ", expected));
    }

    private static JsonNode manifest(String name) throws IOException {
        return YAML.readTree(FARM.resolve(name).toFile());
    }

    private static JsonNode container(JsonNode job) {
        JsonNode containers = job.path("spec").path("template").path("spec").path("containers");
        assertThat(containers.size()).as("containers").isEqualTo(1);
        return containers.get(0);
    }

    private static String env(JsonNode container, String name) {
        for (JsonNode variable : container.path("env")) {
            if (variable.path("name").asText().equals(name)) {
                return variable.path("value").asText();
            }
        }
        throw new AssertionError("no environment variable " + name + " in " + container.path("name").asText());
    }

    private static List<String> volumeClaims(JsonNode job) {
        List<String> claims = new ArrayList<>();
        for (JsonNode volume : job.path("spec").path("template").path("spec").path("volumes")) {
            if (volume.has("persistentVolumeClaim")) {
                claims.add(volume.path("persistentVolumeClaim").path("claimName").asText());
            }
        }
        return claims;
    }

    /**
     * Runs the container's command and args with its environment plus {@code extraEnv}, a
     * stand-in {@code synthscene} first on PATH that prints its arguments on one line, and
     * returns that line.
     */
    private String runInContainer(JsonNode container, Map<String, String> extraEnv) throws Exception {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Path standIn = bin.resolve("synthscene");
        Files.writeString(standIn, "#!/bin/sh\necho \"$*\"\n");
        Files.setPosixFilePermissions(standIn, PosixFilePermissions.fromString("rwxr-xr-x"));

        List<String> command = new ArrayList<>();
        container.path("command").forEach(part -> command.add(part.asText()));
        container.path("args").forEach(part -> command.add(part.asText()));
        ProcessBuilder process = new ProcessBuilder(command).redirectErrorStream(true);
        container.path("env").forEach(variable -> process.environment().put(variable.path("name").asText(), variable.path("value").asText()));
        process.environment().putAll(extraEnv);
        process.environment().put("PATH", bin + ":/usr/bin:/bin");
        Process started = process.start();
        assertThat(started.waitFor(30, TimeUnit.SECONDS)).as("the command finished").isTrue();
        String output = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(started.exitValue()).as("exit code; output: " + output).isZero();
        return output;
    }
}
