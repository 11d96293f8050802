package io.synthscene.cli;

import io.synthscene.annotators.AnnotatedFrame;
import io.synthscene.annotators.CocoDatasetWriter;
import io.synthscene.annotators.CocoInfo;
import io.synthscene.annotators.DatasetMetadata;
import io.synthscene.annotators.DatasetMetadataReader;
import io.synthscene.annotators.FileLinker;
import io.synthscene.annotators.ImageFormat;
import io.synthscene.annotators.MaskFormat;
import io.synthscene.annotators.export.DatasetExporter;
import io.synthscene.assets.AssetLibrary;
import io.synthscene.scenes.FrameJson;
import io.synthscene.scenes.frame.Category;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The work of {@code synthscene export}: reads a finished dataset's frames back (annotations
 * derived again from masks and frame JSON, as {@code merge} does) and hands them to the chosen
 * exporters, writing into a new folder beside links to the images.
 */
final class DatasetExport {
    private final Path source;
    private final Path out;
    private final boolean overwrite;
    private final List<ExportFormat> formats;
    private final MaskFormat maskFormat;
    private final PrintWriter log;

    DatasetExport(Path source, Path out, boolean overwrite, List<ExportFormat> formats, MaskFormat maskFormat,
                  PrintWriter log) {
        this.source = source;
        this.out = out;
        this.overwrite = overwrite;
        this.formats = formats;
        this.maskFormat = maskFormat;
        this.log = log;
    }

    void run() {
        DatasetLayout from = new DatasetLayout(source);
        DatasetMetadata metadata = readMetadata(from);
        ImageFormat imageFormat = metadata.imageFormat().equals("jpg") ? ImageFormat.JPG : ImageFormat.PNG;
        List<Integer> frames = frameIndices(from);
        OutputFolder folder = OutputFolder.check(out, overwrite);
        // Every frame is read, and so checked, before --out is created: a damaged dataset leaves nothing behind.
        WrittenFrameReader reader = new WrittenFrameReader(from, imageFormat, new AssetGeometry(new AssetLibrary()));
        // one image per camera of a rig, in frame order then rig order
        List<AnnotatedFrame> loaded = frames.parallelStream().map(reader::read).flatMap(List::stream).toList();
        for (AnnotatedFrame image : loaded) {
            Path file = from.imagesDir().resolve(image.imageFileName());
            if (!Files.isRegularFile(file)) {
                throw new UserInputException(file + ": missing");
            }
        }
        List<Category> categories = frames.isEmpty() ? List.of() : categoriesOf(from.frameJson(frames.get(0)));
        folder.create();
        DatasetLayout to = new DatasetLayout(out);
        FileLinker linker = new FileLinker();
        try {
            Files.createDirectories(to.imagesDir());
            for (AnnotatedFrame image : loaded) {
                linker.linkOrCopy(from.imagesDir().resolve(image.imageFileName()), to.imagesDir().resolve(image.imageFileName()));
            }
            for (ExportFormat format : formats) {
                if (format == ExportFormat.COCO) {
                    writeCoco(to, categories, loaded);
                } else {
                    DatasetExporter exporter = format.exporter(out, categories);
                    for (AnnotatedFrame frame : loaded) {
                        exporter.addFrame(frame);
                    }
                    exporter.finish();
                }
            }
            // Provenance of the images and labels, under a name that does not make this folder a dataset.
            Files.copy(from.metadata(), out.resolve("source-dataset.json"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot export " + source + " into " + out, e);
        }
        log.printf("exported %d frames of %s as %s into %s%n", frames.size(), source,
                String.join(", ", formats.stream().map(ExportFormat::cliName).toList()), out);
        log.flush();
    }

    private void writeCoco(DatasetLayout to, List<Category> categories, List<AnnotatedFrame> frames) throws IOException {
        CocoDatasetWriter coco = new CocoDatasetWriter(categories, CocoInfo.synthscene(), maskFormat);
        for (AnnotatedFrame frame : frames) {
            coco.add(frame);
        }
        Files.createDirectories(to.annotationsDir());
        coco.write(to.cocoInstances());
    }

    /** The categories a frame JSON names; it was read once already, so a failure here is no longer the input's. */
    static List<Category> categoriesOf(Path frameJson) {
        try {
            return FrameJson.fromJson(Files.readAllBytes(frameJson)).categories();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + frameJson, e);
        }
    }

    private static DatasetMetadata readMetadata(DatasetLayout from) {
        if (!Files.isRegularFile(from.metadata())) {
            throw new UserInputException(from.root() + " is not a finished synthscene dataset: it has no dataset.json"
                    + " (an interrupted render is finished with 'render ... --resume', shards with 'merge')");
        }
        try {
            return DatasetMetadataReader.read(from.metadata());
        } catch (IOException | RuntimeException e) {
            throw new UserInputException("cannot read " + from.metadata() + ": " + e.getMessage());
        }
    }

    private static List<Integer> frameIndices(DatasetLayout from) {
        try (Stream<Path> files = Files.list(from.framesDir())) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> name.matches("\\d{6,}\\.json"))
                    .map(name -> Integer.parseInt(name.substring(0, name.length() - 5)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UserInputException("cannot list the frames of " + from.root() + ": " + e.getMessage());
        }
    }
}
