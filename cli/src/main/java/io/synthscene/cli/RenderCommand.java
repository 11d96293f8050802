package io.synthscene.cli;

import io.synthscene.annotators.ImageFormat;
import io.synthscene.engine.DevicePreference;
import io.synthscene.scenes.Scene;
import io.synthscene.scenes.SceneException;
import io.synthscene.scenes.SceneLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code synthscene render SCENE --out DIR}: renders a scene file into an annotated dataset. */
@Command(name = "render",
        mixinStandardHelpOptions = true,
        versionProvider = VersionInfo.class,
        sortOptions = false,
        description = {
                "Renders the frames of a scene file and writes images, instance masks, per-frame JSON,",
                "COCO annotations (annotations/instances.json) and provenance (dataset.json) into --out."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:failed at run time", "2:bad input or usage"})
public final class RenderCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENE", description = "The scene file (YAML).")
    Path sceneFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder: must be empty or missing, unless --overwrite.")
    Path out;

    @Option(names = "--frames", paramLabel = "N", description = "Number of frames (default: the scene's 'frames').")
    Integer frames;

    @Option(names = "--seed", paramLabel = "SEED", description = "Seed (default: the scene's 'seed'). Frame i depends only on (seed, i).")
    Long seed;

    @Option(names = "--device", paramLabel = "auto|gpu|cpu", defaultValue = "auto",
            description = "Rendering device: auto (a hardware GPU if there is one, else the software rasterizer), gpu (fail if there is none), cpu. Default: ${DEFAULT-VALUE}.")
    String device;

    @Option(names = "--size", paramLabel = "WxH", description = "Image size, overriding the scene's output width and height, e.g. 1280x720.")
    String size;

    @Option(names = "--image-format", paramLabel = "png|jpg", defaultValue = "png", description = "Colour image format. Default: ${DEFAULT-VALUE}.")
    String imageFormat;

    @Option(names = "--jpeg-quality", paramLabel = "Q", defaultValue = "95", description = "JPEG quality, 1-100. Default: ${DEFAULT-VALUE}.")
    int jpegQuality;

    @Option(names = "--msaa", paramLabel = "SAMPLES", defaultValue = "4",
            description = "Multisampling of the colour image (1 = off). Masks are never anti-aliased. Default: ${DEFAULT-VALUE}.")
    int msaaSamples;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads for annotating and encoding (default: all cores).")
    Integer threads;

    @Option(names = "--overwrite", description = "Replace a dataset that synthscene wrote earlier in --out.")
    boolean overwrite;

    @Override
    public Integer call() throws SceneException {
        RenderSettings settings = settings();
        OutputFolder folder = OutputFolder.check(out, overwrite);
        Scene scene = SceneLoader.load(sceneFile);
        new RenderPipeline(scene, settings, folder, spec.commandLine().getErr()).run();
        return 0;
    }

    private RenderSettings settings() {
        if (frames != null && frames < 1) {
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
        return new RenderSettings(frames, seed, parseDevice(device), parseFormat(imageFormat), jpegQuality,
                msaaSamples, threadCount, ImageSize.parse(size));
    }

    private static DevicePreference parseDevice(String value) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> DevicePreference.AUTO;
            case "gpu" -> DevicePreference.GPU;
            case "cpu" -> DevicePreference.CPU;
            default -> throw new UserInputException("--device " + value + " is not one of auto, gpu, cpu");
        };
    }

    private static ImageFormat parseFormat(String value) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "png" -> ImageFormat.PNG;
            case "jpg", "jpeg" -> ImageFormat.JPG;
            default -> throw new UserInputException("--image-format " + value + " is not one of png, jpg");
        };
    }
}
