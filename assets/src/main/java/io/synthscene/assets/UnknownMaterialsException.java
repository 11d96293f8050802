package io.synthscene.assets;

import java.nio.file.Path;
import java.util.List;

/**
 * A catalog entry's {@code material_slots} names materials that its model file does not have. The
 * CLI turns it into messages at the catalog lines where those names are written; its own message
 * names the file, the missing names and the file's materials.
 */
public final class UnknownMaterialsException extends AssetLoadException {
    private final List<String> unknown;
    private final List<String> fileMaterials;

    public UnknownMaterialsException(Path file, List<String> unknown, List<String> fileMaterials) {
        super(file, "it has no material " + quoted(unknown) + " (its materials: " + describe(fileMaterials) + ")");
        this.unknown = List.copyOf(unknown);
        this.fileMaterials = List.copyOf(fileMaterials);
    }

    /** The names asked for that the file lacks, in the order given. */
    public List<String> unknown() {
        return unknown;
    }

    /** The file's material names, in the file's order (Assimp's made-up {@code DefaultMaterial} left out). */
    public List<String> fileMaterials() {
        return fileMaterials;
    }

    /** The file's materials for a message: "none" when it declares none. */
    public static String describe(List<String> fileMaterials) {
        return fileMaterials.isEmpty() ? "none" : quoted(fileMaterials);
    }

    private static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(name -> "'" + FileMaterials.shorten(name) + "'").toList());
    }
}
