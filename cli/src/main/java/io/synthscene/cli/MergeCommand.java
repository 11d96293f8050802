package io.synthscene.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code synthscene merge SHARD_DIR... --out DIR}: joins finished shards of one run into one dataset. */
@Command(name = "merge",
        mixinStandardHelpOptions = true,
        versionProvider = VersionInfo.class,
        sortOptions = false,
        description = {
                "Joins the shard folders of one run (render --shard) into one dataset, the same as an unsplit run:",
                "frame files are hard-linked (copied across file systems), the COCO file is rebuilt from the masks.",
                "Refuses, writing nothing, when the shards come from different scenes or options, or frames are",
                "missing or present twice."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:failed at run time", "2:bad input or usage (the problems are listed)"})
public final class MergeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SHARD_DIR", description = "Finished shard folders (each with its dataset.json).")
    List<Path> shards;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder: must be empty or missing, unless --overwrite.")
    Path out;

    @Option(names = "--overwrite", description = "Replace a dataset that synthscene wrote earlier in --out.")
    boolean overwrite;

    @Override
    public Integer call() throws Exception {
        return StorageStop.run(out, spec.commandLine().getErr(), "merge", () -> {
            new ShardMerger(shards, out, overwrite, spec.commandLine().getErr()).merge();
            return 0;
        });
    }
}
