package io.synthscene.assets;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Imports each file named on the command line with {@link MeshFileImporter}, in this JVM, and
 * prints one line per file: {@code OK name triangles}, {@code REFUSED name message} or
 * {@code OTHER name exception}. The name is printed and flushed before the import starts, so when
 * Assimp takes the JVM down the last {@code IMPORTING} line names the file that did it. Before
 * {@code DONE} it prints {@code PEAK_RSS_KB n}, the process's peak resident memory (Linux
 * {@code VmHWM}; -1 elsewhere): Assimp allocating for a lying declaration shows there, not in the Java heap. Run by
 * {@link CorruptModelCorpusTest} in a child JVM, so that a crash fails the test instead of the build's JVM.
 */
public final class MeshImportProbe {
    private MeshImportProbe() {
    }

    static long peakResidentKilobytes() {
        try {
            for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux: unknown
        }
        return -1;
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        MeshFileImporter importer = new MeshFileImporter(1_000_000);
        for (String arg : args) {
            Path file = Path.of(arg);
            out.println("IMPORTING " + file.getFileName());
            out.flush();
            try {
                Mesh mesh = importer.load(file, "y", 1);
                out.println("OK " + file.getFileName() + " " + mesh.parts().stream().mapToInt(MeshPart::triangleCount).sum());
            } catch (AssetLoadException e) {
                out.println("REFUSED " + file.getFileName() + " " + e.getMessage().replace('\n', ' '));
            } catch (Throwable e) {
                out.println("OTHER " + file.getFileName() + " " + e.toString().replace('\n', ' '));
            }
            out.flush();
        }
        out.println("PEAK_RSS_KB " + peakResidentKilobytes());
        out.println("DONE");
    }
}
