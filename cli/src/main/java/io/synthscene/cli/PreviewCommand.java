package io.synthscene.cli;

import io.synthscene.annotators.AtomicFiles;
import io.synthscene.annotators.CocoFormatException;
import io.synthscene.annotators.DatasetPreview;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code synthscene preview DATASET --out sheet.png}: a contact sheet of the first frames with their annotations. */
@Command(name = "preview",
        mixinStandardHelpOptions = true,
        versionProvider = VersionInfo.class,
        sortOptions = false,
        description = {
                "Draws a contact sheet (PNG) of a dataset's first images, by image id: instance masks blended in",
                "colour, boxes and category names (and visibility where annotations have it)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:failed at run time", "2:bad input or usage"})
public final class PreviewCommand implements Callable<Integer> {
    private static final Pattern GRID = Pattern.compile("(\\d{1,4})x(\\d{1,4})");
    private static final int DEFAULT_FRAMES = 4;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATASET", description = "A folder written by 'synthscene render'.")
    Path dataset;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The sheet to write (.png), atomically.")
    Path out;

    @Option(names = "--frames", paramLabel = "N",
            description = "How many images (default: the grid's cells, or " + DEFAULT_FRAMES + " without --grid).")
    Integer frames;

    @Option(names = "--grid", paramLabel = "CxR", description = "Columns x rows, e.g. 3x2 (default: as square as the images allow).")
    String grid;

    @Option(names = "--width", paramLabel = "PX", defaultValue = "" + DatasetPreview.DEFAULT_SHEET_WIDTH,
            description = "Widest the sheet may be; tiles are scaled down to fit, never up. Default: ${DEFAULT-VALUE}.")
    int width;

    @Override
    public Integer call() {
        if (!out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new UserInputException("--out " + out + " must name a .png file");
        }
        if (!Files.isDirectory(dataset)) {
            throw new UserInputException("DATASET " + dataset + " is not a folder");
        }
        if (frames != null && frames < 1) {
            throw new UserInputException("--frames " + frames + " must be at least 1");
        }
        int columns;
        int rows;
        int count;
        if (grid != null) {
            Matcher m = GRID.matcher(grid);
            if (!m.matches() || Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(2)) < 1) {
                throw new UserInputException("--grid " + grid + " is not COLUMNSxROWS, e.g. 3x2");
            }
            columns = Integer.parseInt(m.group(1));
            rows = Integer.parseInt(m.group(2));
            count = frames != null ? frames : columns * rows;
            if (count > columns * rows) {
                throw new UserInputException("--frames " + count + " do not fit a " + grid + " grid");
            }
        } else {
            count = frames != null ? frames : DEFAULT_FRAMES;
            columns = (int) Math.ceil(Math.sqrt(count));
            rows = (count + columns - 1) / columns;
        }
        if (width < columns) {
            throw new UserInputException("--width " + width + " is narrower than one pixel per column");
        }
        Path instances = dataset.resolve("annotations").resolve("instances.json");
        DatasetPreview.Sheet sheet;
        try {
            sheet = DatasetPreview.render(instances, dataset.resolve("images"), new DatasetPreview.Layout(count, columns, rows, width));
        } catch (CocoFormatException | IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        try {
            Path folder = out.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            AtomicFiles.write(out, sheet.png());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
        spec.commandLine().getOut().println("wrote " + out + ": " + sheet.images() + " images, " + columns + "x" + rows
                + " grid, " + sheet.width() + "x" + sheet.height() + " px");
        return 0;
    }
}
