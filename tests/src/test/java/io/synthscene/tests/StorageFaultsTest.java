package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk fills up while rendering; the output folder cannot be written, or is a file. Real file
 * systems (a tmpfs of a few hundred KiB, a read-only tmpfs), not mocks: see {@link SmallFileSystem}.
 */
class StorageFaultsTest {

    @TempDir
    Path temp;

    private static final String[] RUN = {"--frames", "20", "--size", "128x96", "--threads", "1", "--msaa", "1"};

    @Test
    void aFullDiskStopsTheRunNamingTheFolderLeavesNoHalfFileAndResumeFinishesOnceThereIsRoom() throws Exception {
        try (SmallFileSystem disk = SmallFileSystem.mount(temp, 512, false)) {
            Path out = disk.root().resolve("dataset");
            Cli.Result full = render(out);
            assertThat(full.exitCode()).as(full.all()).isEqualTo(1);
            assertThat(full.err()).contains("cannot write into " + out).contains("No space left on device")
                    .contains("--resume").doesNotContain("this is a bug").doesNotContain("\tat ");
            assertThat(temporaryFiles(out)).as("AtomicFiles deletes its temporary file when the write fails").isEmpty();
            assertThat(out.resolve("annotations/instances.json")).doesNotExist();
            assertThat(out.resolve("dataset.json")).doesNotExist();
            List<Path> frameJsons = files(out.resolve("frames"));
            assertThat(frameJsons).as("some frames were written before the disk filled").isNotEmpty().hasSizeLessThan(20);
            for (Path json : frameJsons) {
                assertThat(Files.readString(json).strip()).as(json + " is whole").endsWith("}");
            }

            disk.resize(64 * 1024);
            Cli.Result resumed = render(out, "--resume");
            assertThat(resumed.exitCode()).as(resumed.all()).isZero();
            assertThat(resumed.err()).contains("resuming: " + frameJsons.size() + " of 20 frames already done");
            assertThat(files(out.resolve("frames"))).hasSize(20);
            assertThat(out.resolve("annotations/instances.json")).exists();
            assertThat(out.resolve("dataset.json")).exists();
        }
    }

    @Test
    void aReadOnlyFileSystemIsRefusedBeforeRenderingWithExitTwo() throws Exception {
        try (SmallFileSystem readOnly = SmallFileSystem.mount(temp, 64, true)) {
            for (Path out : List.of(readOnly.root(), readOnly.root().resolve("dataset"), readOnly.root().resolve("a/b"))) {
                Cli.Result result = render(out);
                assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
                assertThat(result.err()).contains("--out " + out + ": cannot write in " + readOnly.root())
                        .contains("read-only file system").doesNotContain("Exception");
                assertThat(result.out()).isEmpty();
            }
            try (Stream<Path> entries = Files.list(readOnly.root())) {
                assertThat(entries).isEmpty();
            }
        }
    }

    @Test
    void anOutputPathThatIsAFileOrLiesUnderAFileIsRefusedWithExitTwoAndTheFileIsKept() throws IOException {
        Path file = Files.writeString(temp.resolve("notes.txt"), "mine");
        for (Path out : List.of(file, file.resolve("dataset"), file.resolve("a/b"))) {
            Cli.Result result = render(out);
            assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
            assertThat(result.err()).startsWith("error: --out " + out).contains("not a folder").doesNotContain("Exception");
        }
        assertThat(file).hasContent("mine");
        try (Stream<Path> entries = Files.list(temp)) {
            assertThat(entries).containsExactly(file);
        }
    }

    @Test
    void missingFoldersAboveTheOutputAreCreatedAsMkdirDashPWould() {
        Path out = temp.resolve("not/yet/there");
        Cli.Result result = Cli.run("render", Cli.example("table-top.yaml"), "--out", out.toString(), "--frames", "1", "--size", "64x48");
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(out.resolve("dataset.json")).exists();
    }

    @Test
    void exportAndMergeOntoAFullDiskStopWithTheOsWordsAndSucceedWithOverwriteOnceThereIsRoom() throws Exception {
        Path dataset = temp.resolve("source");
        Cli.Result rendered = render(dataset);
        assertThat(rendered.exitCode()).as(rendered.all()).isZero();
        try (SmallFileSystem disk = SmallFileSystem.mount(temp, 128, false)) {
            Path exported = disk.root().resolve("exported");
            Cli.Result export = Cli.run("export", dataset.toString(), "--format", "coco,yolo", "--out", exported.toString());
            assertThat(export.exitCode()).as(export.all()).isEqualTo(1);
            assertThat(export.err()).contains("cannot write into " + exported, "No space left on device", "--overwrite")
                    .doesNotContain("this is a bug").doesNotContain("\tat ");
            assertThat(temporaryFiles(exported)).isEmpty();

            Path merged = disk.root().resolve("merged");
            Cli.Result merge = Cli.run("merge", dataset.toString(), "--out", merged.toString());
            assertThat(merge.exitCode()).as(merge.all()).isEqualTo(1);
            assertThat(merge.err()).contains("cannot write into " + merged, "No space left on device")
                    .doesNotContain("this is a bug");

            disk.resize(64 * 1024);
            Cli.Result again = Cli.run("export", dataset.toString(), "--format", "coco,yolo", "--out", exported.toString(),
                    "--overwrite");
            assertThat(again.exitCode()).as(again.all()).isZero();
            assertThat(exported.resolve("annotations/instances.json")).hasSameBinaryContentAs(
                    dataset.resolve("annotations/instances.json"));
        }
    }

    private static Cli.Result render(Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("render", Cli.example("table-top.yaml"), "--out", out.toString()));
        args.addAll(List.of(RUN));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    private static List<Path> temporaryFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.getFileName().toString().contains(".tmp-")).toList();
        }
    }

    private static List<Path> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }
}
