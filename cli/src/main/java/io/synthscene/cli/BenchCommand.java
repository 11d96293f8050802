package io.synthscene.cli;

import io.synthscene.annotators.AtomicFiles;
import io.synthscene.engine.DevicePreference;
import io.synthscene.scenes.Scene;
import io.synthscene.scenes.SceneException;
import io.synthscene.scenes.SceneLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code synthscene bench SCENE}: frames/s of each stage of a batch, and of the whole pipeline. */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionInfo.class,
        sortOptions = false,
        description = {
                "Measures frames/s on a scene's frames: render only, render + readback, annotate + encode per thread",
                "(PNG and JPEG colour), and the whole render pipeline (into a temporary folder, deleted after);",
                "prints a table with the device and peak resident memory. Figures are measured, never promised."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:failed at run time", "2:bad input or usage"})
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENE", description = "The scene file (YAML).")
    Path sceneFile;

    @Option(names = "--size", paramLabel = "WxH", description = "Image size, overriding the scene's, e.g. 1280x720.")
    String size;

    @Option(names = "--frames", paramLabel = "N", defaultValue = "60",
            description = "Frames per measurement (frames 0..N-1 of the scene). Default: ${DEFAULT-VALUE}.")
    int frames;

    @Option(names = "--device", paramLabel = "auto|gpu|cpu", defaultValue = "auto",
            description = "Rendering device, as for render. Default: ${DEFAULT-VALUE}.")
    String device;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads of the whole-pipeline runs (default: all cores).")
    Integer threads;

    @Option(names = "--msaa", paramLabel = "SAMPLES", defaultValue = "4",
            description = "Multisampling of the colour image, as for render. Default: ${DEFAULT-VALUE}.")
    int msaaSamples;

    @Option(names = "--jpeg-quality", paramLabel = "Q", defaultValue = "95",
            description = "JPEG quality of the JPEG measurements. Default: ${DEFAULT-VALUE}.")
    int jpegQuality;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON to FILE.")
    Path json;

    @Option(names = "--tmp", paramLabel = "DIR",
            description = "Where the whole-pipeline runs write their temporary datasets (default: the system's temporary folder).")
    Path scratchParent;

    @Override
    public Integer call() throws SceneException {
        if (frames < 1) {
            throw new UserInputException("--frames " + frames + " must be at least 1");
        }
        if (jpegQuality < 1 || jpegQuality > 100) {
            throw new UserInputException("--jpeg-quality " + jpegQuality + " is outside 1..100");
        }
        if (msaaSamples < 1 || msaaSamples > 16 || Integer.bitCount(msaaSamples) != 1) {
            throw new UserInputException("--msaa " + msaaSamples + " must be 1, 2, 4, 8 or 16");
        }
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (threadCount < 1) {
            throw new UserInputException("--threads " + threads + " must be at least 1");
        }
        Path scratch = scratchParent != null ? scratchParent : Path.of(System.getProperty("java.io.tmpdir"));
        if (!Files.isDirectory(scratch)) {
            throw new UserInputException("--tmp " + scratch + " is not a folder");
        }
        ImageSize imageSize = ImageSize.parse(size);
        DevicePreference preference = RenderCommand.parseDevice(device);
        Scene scene = SceneLoader.load(sceneFile);

        PrintWriter out = spec.commandLine().getOut();
        BenchReport report = new ThroughputBench(scene, preference, imageSize, frames, threadCount, msaaSamples,
                jpegQuality, scratch, spec.commandLine().getErr()).run();
        out.print(report.toTable());
        out.flush();
        if (json != null) {
            try {
                AtomicFiles.write(json, report.toJson());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + json, e);
            }
            out.println("figures written to " + json);
            out.flush();
        }
        return 0;
    }
}
