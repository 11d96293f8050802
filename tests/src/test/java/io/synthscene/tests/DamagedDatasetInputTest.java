package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthscene.annotators.ImageEncoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code merge} and {@code export} on a dataset whose files are damaged: a dataset.json that is
 * not JSON, has wrong types or huge numbers; a frame JSON that is cut, random or of another
 * frame; an instance mask that is cut, empty, of the wrong size or not 16-bit; occlusion data
 * that does not fit. Each: exit 2, one message naming the damaged file, no stack trace, and
 * neither command writes anything.
 */
class DamagedDatasetInputTest {

    @TempDir
    static Path shards;

    @TempDir
    Path temp;

    /** A damage done to a copy of shard 0 (frames 0 and 1 of 4, 64 x 48), and the file it is in. */
    private record Damage(String name, String file, Action action) {
    }

    @FunctionalInterface
    private interface Action {
        void apply(Path file) throws IOException;
    }

    @BeforeAll
    static void renderTwoShards() {
        for (int i = 0; i < 2; i++) {
            Cli.Result result = Cli.run("render", Cli.example("table-top.yaml"), "--out", shards.resolve("s" + i).toString(),
                    "--frames", "4", "--size", "64x48", "--msaa", "1", "--threads", "1", "--shard", i + "/2");
            assertThat(result.exitCode()).as(result.all()).isZero();
        }
    }

    private static List<Damage> damages() {
        ImageEncoder encoder = new ImageEncoder();
        return List.of(
                new Damage("dataset.json not JSON", "dataset.json", f -> Files.writeString(f, "not json {")),
                new Damage("dataset.json empty", "dataset.json", f -> Files.write(f, new byte[0])),
                new Damage("dataset.json a list", "dataset.json", f -> Files.writeString(f, "[1, 2]")),
                new Damage("dataset.json width a string", "dataset.json", f -> replace(f, "\"width\" : 64", "\"width\" : \"wide\"")),
                new Damage("dataset.json width 2^31-1", "dataset.json", f -> replace(f, "\"width\" : 64", "\"width\" : 2147483647")),
                new Damage("dataset.json height negative", "dataset.json", f -> replace(f, "\"height\" : 48", "\"height\" : -48")),
                new Damage("dataset.json frames 10^23", "dataset.json", f -> replace(f, "\"frames\" : 2,", "\"frames\" : 99999999999999999999999,")),
                new Damage("dataset.json frames_total 2e9", "dataset.json", f -> replace(f, "\"frames_total\" : 4", "\"frames_total\" : 2000000000")),
                new Damage("dataset.json frames 1.5", "dataset.json", f -> replace(f, "\"frames\" : 2,", "\"frames\" : 1.5,")),
                new Damage("frame JSON cut at 100 bytes", "frames/000001.json", f -> Files.write(f, Arrays.copyOf(Files.readAllBytes(f), 100))),
                new Damage("frame JSON empty", "frames/000000.json", f -> Files.write(f, new byte[0])),
                new Damage("frame JSON random bytes", "frames/000000.json", f -> Files.write(f, random(300))),
                new Damage("frame JSON an empty object", "frames/000001.json", f -> Files.writeString(f, "{}")),
                new Damage("frame JSON of another frame", "frames/000000.json",
                        f -> Files.copy(f.resolveSibling("000001.json"), f, java.nio.file.StandardCopyOption.REPLACE_EXISTING)),
                new Damage("mask cut at 60 bytes", "masks/instance/000000.png", f -> Files.write(f, Arrays.copyOf(Files.readAllBytes(f), 60))),
                new Damage("mask empty", "masks/instance/000001.png", f -> Files.write(f, new byte[0])),
                new Damage("mask random bytes", "masks/instance/000001.png", f -> Files.write(f, random(500))),
                new Damage("mask of the wrong size", "masks/instance/000000.png", f -> Files.write(f, encoder.encodeInstanceMask(new int[32 * 24], 32, 24))),
                new Damage("mask 8-bit RGB", "masks/instance/000000.png", f -> Files.write(f, encoder.encodeRgbPng(new byte[64 * 48 * 3], 64, 48))),
                new Damage("occlusion data for another frame size", "occlusion/000001.json", f -> Files.writeString(f, "{}")));
    }

    @Test
    void everyDamagedFileMakesMergeAndExportExitTwoNamingItAndWriteNothing() throws IOException {
        List<Damage> damages = damages();
        for (Damage damage : damages) {
            Path shard = copy(shards.resolve("s0"), temp.resolve("damaged"));
            Path file = shard.resolve(damage.file());
            assertThat(file).as(damage.name()).exists();
            damage.action().apply(file);

            Path merged = temp.resolve("merged");
            Cli.Result merge = Cli.run("merge", shard.toString(), shards.resolve("s1").toString(), "--out", merged.toString());
            check(damage, file, merge);
            assertThat(merged).as(damage.name() + ": merge wrote nothing").doesNotExist();

            Path exported = temp.resolve("exported");
            Cli.Result export = Cli.run("export", shard.toString(), "--format", "yolo,coco", "--out", exported.toString());
            check(damage, file, export);
            assertThat(exported).as(damage.name() + ": export wrote nothing").doesNotExist();
            delete(shard);
        }
        assertThat(damages).hasSize(20);
    }

    private static void check(Damage damage, Path file, Cli.Result result) {
        assertThat(result.exitCode()).as(damage.name() + "\n" + result.all()).isEqualTo(2);
        assertThat(result.err()).as(damage.name()).contains("error: ").contains(file.toString())
                .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("REDACTED").doesNotContain("this is a bug");
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        bytes[0] = (byte) 0xAE; // never a valid start of JSON or PNG
        return bytes;
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Files.copy(source, to.resolve(from.relativize(source).toString()));
            }
        }
        return to;
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
