package io.synthscene.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The program's version (from the build) and the git commit it was built from, when known: the
 * launcher script passes it as the system property {@code synthscene.git.commit}.
 */
public final class VersionInfo implements IVersionProvider {

    public static String version() {
        try (InputStream in = VersionInfo.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 40-hex-digit commit, or null when it is not known. */
    public static String gitCommit() {
        String commit = System.getProperty("synthscene.git.commit", System.getenv("SYNTHSCENE_GIT_COMMIT"));
        return commit != null && commit.matches("[0-9a-f]{40}(-dirty)?") ? commit : null;
    }

    @Override
    public String[] getVersion() {
        String commit = gitCommit();
        return new String[] {"synthscene " + version() + (commit == null ? "" : " (" + commit + ")")};
    }
}
