package io.synthscene.cli;

import picocli.CommandLine.Command;

/** {@code synthscene assets list|preview}: what the built-in procedural library holds, in words and pictures. */
@Command(name = "assets",
        mixinStandardHelpOptions = true,
        versionProvider = VersionInfo.class,
        description = "Lists the built-in asset kinds or renders a turntable contact sheet of them.",
        subcommands = {AssetsListCommand.class, AssetsPreviewCommand.class})
public final class AssetsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: list or preview");
    }
}
