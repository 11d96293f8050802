package io.synthscene.cli;

import io.synthscene.annotators.CocoFormatException;
import io.synthscene.annotators.DatasetValidator;
import io.synthscene.annotators.Violation;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code synthscene validate DATASET} or {@code synthscene validate --coco FILE --images DIR
 * [--masks DIR]}: checks a dataset's invariants and prints each violation on a line, then a summary.
 */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionInfo.class,
        sortOptions = false,
        description = {
                "Checks a COCO dataset: a synthscene dataset folder, or any tool's COCO instances file with",
                "--coco and --images. Prints each violation (image id, annotation id, rule, message) on a line,",
                "then a summary."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no violations", "1:violations found", "2:unreadable input (not a COCO file, missing files or folders) or bad usage"})
public final class ValidateCommand implements Callable<Integer> {
    static final int EXIT_VIOLATIONS = 1;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DATASET",
            description = "A folder written by 'synthscene render' (annotations/instances.json, images/, masks/instance/, frames/).")
    Path dataset;

    @Option(names = "--coco", paramLabel = "FILE", description = "A COCO instances file, instead of DATASET.")
    Path coco;

    @Option(names = "--images", paramLabel = "DIR", description = "The folder that the COCO file's file_name values are relative to (with --coco).")
    Path images;

    @Option(names = "--masks", paramLabel = "DIR",
            description = "16-bit instance masks named like the images (stem.png), ids as in synthscene.instance_id (with --coco).")
    Path masks;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path instances;
        DatasetValidator validator;
        if (dataset != null) {
            if (coco != null || images != null || masks != null) {
                throw new UserInputException("give either DATASET or --coco/--images/--masks, not both");
            }
            requireDirectory(dataset, "DATASET");
            instances = dataset.resolve("annotations").resolve("instances.json");
            Path masksDir = dataset.resolve("masks").resolve("instance");
            Path framesDir = dataset.resolve("frames");
            validator = new DatasetValidator(dataset.resolve("images"),
                    Files.isDirectory(masksDir) ? masksDir : null, Files.isDirectory(framesDir) ? framesDir : null);
        } else {
            if (coco == null || images == null) {
                throw new UserInputException("give a DATASET folder, or --coco FILE and --images DIR");
            }
            requireDirectory(images, "--images");
            if (masks != null) {
                requireDirectory(masks, "--masks");
            }
            instances = coco;
            validator = new DatasetValidator(images, masks, null);
        }
        if (!Files.isRegularFile(instances)) {
            throw new UserInputException(instances + ": no such file");
        }
        DatasetValidator.Report report;
        try {
            report = validator.validate(instances);
        } catch (CocoFormatException e) {
            throw new UserInputException(e.getMessage());
        }
        Map<String, Integer> byRule = new TreeMap<>();
        for (Violation violation : report.violations()) {
            out.println(violation);
            byRule.merge(violation.rule(), 1, Integer::sum);
        }
        var d = report.dataset();
        String counts = d.images().size() + " images, " + d.annotations().size() + " annotations, "
                + d.categories().size() + " categories";
        if (report.clean()) {
            out.println(instances + ": " + counts + ": no violations");
        } else {
            int total = report.violations().size();
            out.println(instances + ": " + counts + ": " + total + (total == 1 ? " violation " : " violations ") + byRule);
        }
        out.flush();
        return report.clean() ? 0 : EXIT_VIOLATIONS;
    }

    private static void requireDirectory(Path folder, String what) {
        if (!Files.isDirectory(folder)) {
            throw new UserInputException(what + " " + folder + " is not a folder");
        }
    }
}
