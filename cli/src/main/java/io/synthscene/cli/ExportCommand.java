package io.synthscene.cli;

import io.synthscene.annotators.MaskFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code synthscene export DATASET --format F --out DIR}: a finished dataset's labels in other formats. */
@Command(name = "export",
        mixinStandardHelpOptions = true,
        versionProvider = VersionInfo.class,
        sortOptions = false,
        description = {
                "Writes the labels of a finished dataset (one with its dataset.json) in other formats, into --out,",
                "beside hard links to its images (copies across file systems). The annotations are derived again",
                "from the dataset's instance masks and frame JSON, exactly as the render computed them; no COCO",
                "file is parsed."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:failed at run time", "2:bad input or usage"})
public final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATASET", description = "A finished synthscene dataset folder.")
    Path dataset;

    @Option(names = "--format", required = true, split = ",", paramLabel = "FORMAT",
            description = "coco, coco-panoptic, yolo, yolo-seg, kitti; several with commas or repeated --format.")
    List<String> formats;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder: must be empty or missing, unless --overwrite.")
    Path out;

    @Option(names = "--mask-format", paramLabel = "rle|polygon", defaultValue = "rle",
            description = "COCO segmentation: rle (exact) or polygon (traced from the mask, lossy). Default: ${DEFAULT-VALUE}.")
    String maskFormat;

    @Option(names = "--overwrite", description = "Replace a folder that synthscene wrote earlier in --out.")
    boolean overwrite;

    @Override
    public Integer call() throws Exception {
        List<ExportFormat> parsed = formats.stream().map(ExportFormat::parse).distinct().toList();
        ExportFormat.requireCompatible(parsed);
        MaskFormat masks = parseMaskFormat(maskFormat);
        return StorageStop.run(out, spec.commandLine().getErr(), "export", () -> {
            new DatasetExport(dataset, out, overwrite, parsed, masks, spec.commandLine().getErr()).run();
            return 0;
        });
    }

    static MaskFormat parseMaskFormat(String value) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "rle" -> MaskFormat.RLE;
            case "polygon" -> MaskFormat.POLYGON;
            default -> throw new UserInputException("--mask-format " + value + " is not one of rle, polygon");
        };
    }
}
