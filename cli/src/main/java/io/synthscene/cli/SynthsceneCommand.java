package io.synthscene.cli;

import picocli.CommandLine.Command;

/** The top-level command; its subcommands do the work. */
@Command(name = "synthscene",
        mixinStandardHelpOptions = true,
        versionProvider = VersionInfo.class,
        description = "Renders synthetic, exactly labelled training data for computer vision from a scene file.",
        subcommands = {RenderCommand.class, AssetsCommand.class, picocli.CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:failed at run time", "2:bad input or usage"})
public final class SynthsceneCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is required (try 'synthscene render --help')");
    }
}
