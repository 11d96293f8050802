package io.synthscene.cli;

import io.synthscene.scenes.AugmentLoader;
import io.synthscene.scenes.SceneException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code synthscene augment --coco FILE --images DIR --config FILE --out DIR}: K variants of every
 * labelled real photo, with effects drawn from the config, and a new COCO file whose labels are
 * the input's, copied. Everything is checked (config, COCO file, images, depth maps, output
 * folder) before anything is written.
 */
@Command(name = "augment",
        mixinStandardHelpOptions = true,
        versionProvider = VersionInfo.class,
        sortOptions = false,
        description = {
                "Writes --variants K variants of every image of a labelled real dataset (any tool's COCO file),",
                "with the effects of --config (fog, rain, snow, night, glare, sensor, JPEG, inserted objects), into --out: images/, annotations/instances.json",
                "(new ids, the source ids in each entry's 'augment' block), dataset.json."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:failed at run time", "2:bad input or usage (nothing is written)"})
public final class AugmentCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--coco", required = true, paramLabel = "FILE", description = "The COCO instances file of the real photos.")
    Path coco;

    @Option(names = "--images", required = true, paramLabel = "DIR", description = "The folder the COCO file's file_name values are relative to.")
    Path images;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The augment config (YAML): seed, sensor, fog, weather, night, glare, jpeg_quality, anonymize, insert.")
    Path config;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder: must be empty or missing, unless --overwrite.")
    Path out;

    @Option(names = "--variants", paramLabel = "K", defaultValue = "1", description = "Variants per image. Default: ${DEFAULT-VALUE}.")
    int variants;

    @Option(names = "--depth", paramLabel = "DIR",
            description = "Depth maps for fog, rain, snow and insert: 16-bit PNG millimetres named like the images (stem.png), 0 = far. Default: a ground plane from the config.")
    Path depth;

    @Option(names = "--anonymize", arity = "1..*", paramLabel = "CATEGORY",
            description = "Blur or pixelate (config: anonymize.method) the labelled regions of these categories in every output image, before any other effect.")
    List<String> anonymize;

    @Option(names = "--device", paramLabel = "auto|gpu|cpu", defaultValue = "auto",
            description = "Device for the sensor effects, as for render. Default: ${DEFAULT-VALUE}.")
    String device;

    @Option(names = "--overwrite", description = "Replace a dataset that synthscene wrote earlier in --out.")
    boolean overwrite;

    @Override
    public Integer call() throws SceneException, IOException {
        if (variants < 1) {
            throw new UserInputException("--variants " + variants + " must be at least 1");
        }
        var deviceChoice = RenderCommand.parseDevice(device);
        OutputFolder folder = OutputFolder.check(out, overwrite);
        AugmentLoader.Loaded loaded = AugmentLoader.load(config);
        AugmentInput input = AugmentInput.check(coco, images, depth, anonymize);
        if (depth != null && loaded.spec().fog() == null && loaded.spec().insert() == null
                && loaded.spec().weather().weather() == null) {
            throw new UserInputException("--depth is only used for fog, rain, snow and insert, and " + config.getFileName()
                    + " has none of these sections");
        }
        if (loaded.spec().insert() != null) {
            ModelFileCheck.check(loaded.spec().insert().groups()); // before anything is written
        }
        folder.create();
        new AugmentRun(input, loaded.spec(), loaded.sha256(), variants, folder.root(), deviceChoice,
                spec.commandLine().getErr()).run();
        return 0;
    }
}
