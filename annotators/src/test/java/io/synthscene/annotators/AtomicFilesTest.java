package io.synthscene.annotators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path folder;

    @Test
    void writeLeavesOnlyTheTargetBehind() throws IOException {
        Path target = folder.resolve("a.json");

        AtomicFiles.write(target, "hello".getBytes(StandardCharsets.UTF_8));

        assertThat(target).hasContent("hello");
        assertThat(filesIn(folder)).containsExactly("a.json");
    }

    @Test
    void writeReplacesAnExistingFile() throws IOException {
        Path target = folder.resolve("a.json");
        Files.writeString(target, "old");

        AtomicFiles.write(target, "new".getBytes(StandardCharsets.UTF_8));

        assertThat(target).hasContent("new");
        assertThat(filesIn(folder)).containsExactly("a.json");
    }

    @Test
    void failingWriterLeavesTheTargetUnchangedAndNoTemporaryFile() throws IOException {
        Path target = folder.resolve("a.json");
        Files.writeString(target, "old");

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write("half of the new cont".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("disk full");

        assertThat(target).hasContent("old");
        assertThat(filesIn(folder)).containsExactly("a.json");
    }

    @Test
    void onlyNamesOfTheTemporaryFilesAreRecognisedAsTemporary() {
        assertThat(AtomicFiles.isTemporaryFile(folder.resolve(".000001.png.tmp-1x9z3"))).isTrue();
        assertThat(AtomicFiles.isTemporaryFile(folder.resolve("000001.png"))).isFalse();
        assertThat(AtomicFiles.isTemporaryFile(folder.resolve(".synthscene-dataset"))).isFalse();
        assertThat(AtomicFiles.isTemporaryFile(folder.resolve(".synthscene-run.json"))).isFalse();
    }

    @Test
    void missingFolderFailsWithoutCreatingAnything() {
        Path target = folder.resolve("missing").resolve("a.json");

        assertThatThrownBy(() -> AtomicFiles.write(target, new byte[] {1}))
                .isInstanceOf(NoSuchFileException.class);

        assertThat(filesIn(folder)).isEmpty();
    }

    private static String[] filesIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
