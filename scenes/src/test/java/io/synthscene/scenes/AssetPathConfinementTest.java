package io.synthscene.scenes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model files are found only inside the scene file's folder: no .., absolute paths or links leading out. */
class AssetPathConfinementTest {
    private static final String SCENE = """
            seed: 1
            frames: 1
            categories:
              - {id: 1, name: chair}
            camera:
              mount_height_m: 1.5
            groups:
              - name: chairs
                asset: {mesh: MESH}
                category: chair
                count: 1
                region: {x: [-1, 1], z: [-5, -3]}
            """;

    @TempDir
    Path temp;
    Path sceneFolder;

    @BeforeEach
    void files() throws IOException {
        sceneFolder = Files.createDirectories(temp.resolve("scenes"));
        Files.createDirectories(sceneFolder.resolve("models"));
        Files.writeString(sceneFolder.resolve("models/chair.obj"), "v 0 0 0\n");
        Files.writeString(temp.resolve("secret.obj"), "v 0 0 0\n");
        Files.createSymbolicLink(sceneFolder.resolve("models/link.obj"), temp.resolve("secret.obj"));
    }

    private List<String> problems(String mesh) {
        return SceneProblems.problems(SCENE.replace("MESH", mesh), sceneFolder);
    }

    @Test
    void aFileInsideTheScenesFolderIsAccepted() {
        assertThat(problems("models/chair.obj")).isEmpty();
        assertThat(problems("models/../models/chair.obj")).as(".. that stays inside").isEmpty();
    }

    @Test
    void dotDotOutOfTheFolderIsRefused() {
        assertThat(problems("../secret.obj")).singleElement().asString()
                .startsWith("scene.yaml:9:19: groups[0].asset.mesh: '../secret.obj' leads outside the asset folder");
    }

    @Test
    void anAbsolutePathIsRefused() {
        assertThat(problems(temp.resolve("secret.obj").toString())).singleElement().asString()
                .contains("groups[0].asset.mesh:", "is an absolute path");
    }

    @Test
    void aSymbolicLinkLeadingOutIsRefused() {
        assertThat(problems("models/link.obj")).singleElement().asString()
                .contains("'models/link.obj' leads outside the asset folder", "secret.obj");
    }
}
