package io.synthscene.cli;

import picocli.CommandLine.Command;

/** The top-level command; its subcommands do the work. */
@Command(name = "synthscene",
        mixinStandardHelpOptions = true,
        versionProvider = VersionInfo.class,
        description = "Renders synthetic, exactly labelled training data for computer vision from a scene file.",
        subcommands = {RenderCommand.class, AugmentCommand.class, MergeCommand.class, ExportCommand.class, ValidateCommand.class,
                PreviewCommand.class, StatsCommand.class, BenchCommand.class, AssetsCommand.class,
                picocli.CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:failed at run time", "2:bad input or usage"})
public final class SynthsceneCommand implements Runnable {
    private final java.util.Map<String, String> environment;

    /** @param environment the process environment, or another one for tests (read only through here) */
    SynthsceneCommand(java.util.Map<String, String> environment) {
        this.environment = java.util.Map.copyOf(environment);
    }

    java.util.Map<String, String> environment() {
        return environment;
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is required (try 'synthscene render --help')");
    }
}
