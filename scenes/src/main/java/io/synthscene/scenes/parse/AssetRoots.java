package io.synthscene.scenes.parse;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The folders a scene's model files may come from: the scene file's own folder, plus any listed in
 * {@code SYNTHSCENE_ASSET_ROOTS} (separated by the platform's path separator, {@code :} on Linux)
 * — set by whoever runs the render, never by the scene. A model file is named by a relative path,
 * looked up in each root in turn; it is accepted only if its real location (symbolic links
 * followed) lies inside that root, so {@code ..}, absolute paths and links cannot reach other
 * files of the machine.
 */
final class AssetRoots {
    static final String ENVIRONMENT_VARIABLE = "SYNTHSCENE_ASSET_ROOTS";

    private final List<Path> roots;

    private AssetRoots(List<Path> roots) {
        this.roots = roots;
    }

    static AssetRoots of(Path sceneFolder, Function<String, String> environment) {
        List<Path> roots = new ArrayList<>();
        roots.add(sceneFolder == null ? Path.of("") : sceneFolder);
        String extra = environment.apply(ENVIRONMENT_VARIABLE);
        if (extra != null) {
            for (String entry : extra.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    roots.add(Path.of(entry.strip()));
                }
            }
        }
        return new AssetRoots(roots);
    }

    /** Where a model file was found, or why it was refused. */
    record Lookup(Path file, String problem) {
    }

    Lookup find(String name) {
        return find(name, "mesh file");
    }

    /** @param what what the file is, for messages ({@code mesh file}, {@code catalog file}) */
    Lookup find(String name, String what) {
        Path relative;
        try {
            relative = Path.of(name);
        } catch (InvalidPathException e) {
            return new Lookup(null, "'" + name + "' is not a valid path: " + e.getReason());
        }
        if (relative.isAbsolute()) {
            return new Lookup(null, "'" + name + "' is an absolute path; name " + what + "s relative to the scene file's folder"
                    + " (or a folder listed in " + ENVIRONMENT_VARIABLE + ")");
        }
        List<String> looked = new ArrayList<>();
        for (Path root : roots) {
            Path candidate = root.resolve(relative).toAbsolutePath().normalize();
            looked.add(candidate.toString());
            if (!Files.isRegularFile(candidate)) {
                continue;
            }
            try {
                Path realRoot = root.toAbsolutePath().toRealPath();
                Path real = candidate.toRealPath();
                if (!real.startsWith(realRoot)) {
                    return new Lookup(null, "'" + name + "' leads outside the asset folder " + realRoot
                            + " (to " + real + "); " + what + "s must lie inside the scene file's folder or a folder listed in "
                            + ENVIRONMENT_VARIABLE);
                }
                return new Lookup(real, null);
            } catch (IOException e) {
                return new Lookup(null, "cannot read '" + name + "': " + e.getMessage());
            }
        }
        return new Lookup(null, what + " '" + name + "' not found (looked for " + String.join(", ", looked) + ")");
    }
}
