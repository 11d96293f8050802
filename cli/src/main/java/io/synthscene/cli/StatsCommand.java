package io.synthscene.cli;

import io.synthscene.annotators.CocoDataset;
import io.synthscene.annotators.CocoFormatException;
import io.synthscene.annotators.CocoReader;
import io.synthscene.annotators.DatasetMetadata;
import io.synthscene.annotators.DatasetMetadataReader;
import io.synthscene.annotators.stats.AnnotationExtras;
import io.synthscene.annotators.stats.ClassBalanceReport;
import io.synthscene.annotators.stats.DatasetStatistics;
import io.synthscene.annotators.stats.InstanceStatistics;
import io.synthscene.annotators.stats.StatisticsCharts;
import io.synthscene.annotators.stats.StatisticsReport;
import io.synthscene.scenes.FrameJson;
import io.synthscene.scenes.frame.Frame;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code synthscene stats DATASET [--out DIR] [--compare REAL.json]}: histograms, charts,
 * {@code stats.json} and a dataset card of a rendered dataset, optionally against a real COCO file.
 */
@Command(name = "stats",
        mixinStandardHelpOptions = true,
        versionProvider = VersionInfo.class,
        sortOptions = false,
        description = {
                "Describes a rendered dataset: instances per category, objects per image, box size and aspect ratio,",
                "visibility, truncation and distance where recorded, the coverage of each randomized parameter and, for a",
                "scene with class_balance, the share of instances each category reached against its target",
                "(from frames/*.json), and the objects the scene asked for but could not place. Writes PNG charts,",
                "stats.json and dataset_card.md. With --compare, draws a real",
                "COCO file's instance histograms over the synthetic ones and gives their Jensen-Shannon distances."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:failed at run time", "2:bad input (not a finished dataset, unreadable COCO or frame files) or usage"})
public final class StatsCommand implements Callable<Integer> {
    private static final Pattern FRAME_FILE = Pattern.compile("\\d{6,}\\.json");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATASET", description = "A folder written by 'synthscene render' or 'synthscene merge'.")
    Path dataset;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the charts, stats.json and dataset_card.md (default: DATASET/stats).")
    Path out;

    @Option(names = "--compare", paramLabel = "FILE", description = "A real COCO instances file (any tool's) to compare with; categories are matched by name.")
    Path compare;

    @Override
    public Integer call() {
        if (!Files.isDirectory(dataset)) {
            throw new UserInputException("DATASET " + dataset + " is not a folder");
        }
        Path folder = out != null ? out : dataset.resolve("stats");
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new UserInputException("--out " + folder + " exists and is not a folder");
        }
        DatasetMetadata metadata = metadata();
        Path instances = dataset.resolve("annotations").resolve("instances.json");
        CocoDataset synthetic = coco(instances, "DATASET");
        AnnotationExtras extras;
        try {
            extras = AnnotationExtras.read(instances);
        } catch (CocoFormatException e) {
            throw new UserInputException(e.getMessage());
        }
        List<Frame> frames = frames(dataset.resolve("frames"));
        CocoDataset real = null;
        String realName = null;
        if (compare != null) {
            if (!Files.isRegularFile(compare)) {
                throw new UserInputException("--compare " + compare + ": no such file");
            }
            real = coco(compare, "--compare");
            realName = compare.getFileName().toString();
        }
        DatasetStatistics stats = DatasetStatistics.of(synthetic, extras, frames, real, realName);
        List<Path> written;
        try {
            Path name = dataset.toAbsolutePath().normalize().getFileName();
            written = StatisticsReport.write(folder, name == null ? dataset.toString() : name.toString(), stats, metadata);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write into " + folder, e);
        }
        print(stats, folder, written.size());
        return 0;
    }

    private DatasetMetadata metadata() {
        Path file = dataset.resolve("dataset.json");
        if (!Files.isRegularFile(file)) {
            throw new UserInputException(dataset + " is not a finished synthscene dataset: it has no dataset.json");
        }
        try {
            return DatasetMetadataReader.read(file);
        } catch (IOException e) {
            throw new UserInputException(e.getMessage());
        }
    }

    private static CocoDataset coco(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new UserInputException(what + ": " + file + ": no such file");
        }
        try {
            return CocoReader.read(file);
        } catch (CocoFormatException e) {
            throw new UserInputException(what + ": " + e.getMessage());
        }
    }

    /** Every frames/NNNNNN.json, in file-name order; none when the dataset has no frames/ folder. */
    private static List<Frame> frames(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> FRAME_FILE.matcher(p.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        List<Frame> frames = new ArrayList<>(files.size());
        for (Path file : files) {
            try {
                frames.add(FrameJson.fromJson(Files.readAllBytes(file)));
            } catch (NoSuchFileException e) {
                throw new UserInputException(file + ": vanished while being read");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            } catch (UncheckedIOException | IllegalArgumentException e) {
                throw new UserInputException(file + ": " + e.getMessage());
            }
        }
        return frames;
    }

    private void print(DatasetStatistics stats, Path folder, int files) {
        PrintWriter o = spec.commandLine().getOut();
        InstanceStatistics s = stats.instances();
        o.println(s.images() + " images, " + s.instances() + " instances, " + s.categories().size() + " categories, "
                + s.emptyImages() + " empty images; largest / smallest category = " + StatisticsCharts.ratio(s.imbalanceRatio()));
        for (InstanceStatistics.CategoryCount c : s.categories()) {
            o.println("  " + c.name() + ": " + c.instances() + " (" + StatisticsCharts.percent(s.share(c)) + ")");
        }
        ClassBalanceReport balance = stats.classBalance();
        if (balance != null) {
            o.println("class balance over " + balance.framesWithTargets() + " frames, share of instances placed (annotated) / target:"
                    + (balance.mixedTargets() ? " the frames record different targets (merged scenes); the first frame's shown" : ""));
            for (ClassBalanceReport.Row row : balance.rows()) {
                o.println("  " + row.category() + ": " + StatisticsCharts.percent(row.placedShare()) + " ("
                        + (Double.isNaN(row.annotatedShare()) ? "-" : StatisticsCharts.percent(row.annotatedShare())) + ") / "
                        + StatisticsCharts.percent(row.targetShare()));
            }
        }
        for (io.synthscene.annotators.UnplacedReport.Row row : stats.unplaced().rows()) {
            o.println("unplaced: " + row.describe());
        }
        DatasetStatistics.Comparison c = stats.comparison();
        if (c != null) {
            o.println("compared with " + c.realFile() + " (" + c.real().images() + " images, " + c.real().instances()
                    + " instances); Jensen-Shannon distance, base 2:");
            o.println("  category shares:   " + StatisticsCharts.distance(c.categoryDistance()));
            o.println("  objects per image: " + StatisticsCharts.distance(DatasetStatistics.Comparison.distance(s.objectsPerImage(), c.real().objectsPerImage())));
            o.println("  box size:          " + StatisticsCharts.distance(DatasetStatistics.Comparison.distance(s.boxSize(), c.real().boxSize())));
            o.println("  aspect ratio:      " + StatisticsCharts.distance(DatasetStatistics.Comparison.distance(s.aspectRatio(), c.real().aspectRatio())));
            if (!c.syntheticOnly().isEmpty() || !c.realOnly().isEmpty()) {
                o.println("  unmatched categories: synthetic only " + c.syntheticOnly() + ", real only " + c.realOnly());
            }
        }
        o.println("wrote " + files + " files to " + folder);
        o.flush();
    }
}
