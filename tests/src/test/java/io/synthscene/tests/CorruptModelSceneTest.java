package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scene whose group uses a damaged model file, through the real command line: exit 2, the
 * message names the model file, no stack trace, nothing written. The importer's own corpus
 * (164 files, in a child JVM) is {@code CorruptModelCorpusTest} in the assets module; these are
 * one of each kind of damage, to check the path from scene to message.
 */
class CorruptModelSceneTest {

    @TempDir
    Path temp;

    private static final String BOX_OBJ = """
            v 0 0 0
            v 1 0 0
            v 1 1 0
            v 0 1 0
            v 0 0 1
            v 1 0 1
            v 1 1 1
            v 0 1 1
            f 1 2 3 4
            f 5 6 7 8
            f 1 2 6 5
            f 2 3 7 6
            f 3 4 8 7
            f 4 1 5 8
            """;

    @Test
    void aSceneUsingADamagedModelFileExitsTwoNamingTheFile() throws IOException {
        Map<String, byte[]> models = new LinkedHashMap<>();
        byte[] obj = BOX_OBJ.getBytes(StandardCharsets.UTF_8);
        models.put("empty.glb", new byte[0]);
        models.put("cut.obj", Arrays.copyOf(obj, 20));
        models.put("wrong-magic.glb", "XXXX\2\0\0\0\100\0\0\0".getBytes(StandardCharsets.ISO_8859_1));
        models.put("random.ply", randomBytes(4096));
        models.put("huge-count.ply", "ply\nformat ascii 1.0\nelement vertex 2000000000\nproperty float x\nproperty float y\nproperty float z\nend_header\n0 0 0\n"
                .getBytes(StandardCharsets.US_ASCII));
        models.put("infinite.obj", (BOX_OBJ.replaceFirst("v 0 0 0", "v 1e400 0 0")).getBytes(StandardCharsets.UTF_8));
        models.put("lines-only.obj", "v 0 0 0\nv 1 0 0\nl 1 2\n".getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> model : models.entrySet()) {
            Path file = Files.write(temp.resolve(model.getKey()), model.getValue());
            Path scene = Files.writeString(temp.resolve("scene.yaml"), String.join("\n",
                    "seed: 1",
                    "frames: 1",
                    "output: {width: 64, height: 48}",
                    "categories:",
                    "  - {id: 1, name: thing}",
                    "camera:",
                    "  position: [0, 1, 3]",
                    "  hfov_deg: 60",
                    "groups:",
                    "  - name: things",
                    "    asset: {mesh: " + model.getKey() + ", size_m: 1}",
                    "    category: thing",
                    "    count: 1",
                    "    region: {x: [-1, 1], z: [-1, 1]}",
                    ""));
            Path out = temp.resolve("out");
            Cli.Result result = Cli.run("render", scene.toString(), "--out", out.toString());
            assertThat(result.exitCode()).as(model.getKey() + "\n" + result.all()).isEqualTo(2);
            assertThat(result.err()).as(model.getKey()).contains("error: cannot load model file " + file)
                    .doesNotContain("\tat ").doesNotContain("Exception");
            assertThat(out).as(model.getKey() + ": nothing written").doesNotExist();
        }
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new java.util.Random(size).nextBytes(bytes);
        return bytes;
    }
}
