package io.synthscene.cli;

import io.synthscene.annotators.ImageFormat;
import io.synthscene.engine.DevicePreference;
import io.synthscene.scenes.Scene;
import io.synthscene.scenes.SceneException;
import io.synthscene.scenes.SceneLoader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
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
        exitCodeList = {"0:done", "1:failed at run time", "2:bad input or usage",
                "143:stopped by SIGTERM (130: SIGINT); finish with --resume"})
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

    @Option(names = "--format", split = ",", paramLabel = "FORMAT",
            description = "Label formats besides COCO (always written): coco-panoptic, yolo, yolo-seg, kitti; several with commas.")
    List<String> formats;

    @Option(names = "--mask-format", paramLabel = "rle|polygon", defaultValue = "rle",
            description = "COCO segmentation: rle (exact) or polygon (traced from the mask, lossy). Default: ${DEFAULT-VALUE}.")
    String maskFormat;

    @Option(names = "--overwrite", description = "Replace a dataset that synthscene wrote earlier in --out.")
    boolean overwrite;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Render only shard I of N (0 <= I < N): the contiguous block of frames floor(I*F/N) .. floor((I+1)*F/N)-1 "
                    + "of the F frames. Default: from SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX + SYNTHSCENE_SHARD_COUNT, else the whole run.")
    String shard;

    @Option(names = "--resume",
            description = "Finish an interrupted run in --out: keep the frames done, redo the rest. Same options as the run, or it is refused. "
                    + "On a missing or empty --out, starts the run.")
    boolean resume;

    @ParentCommand
    SynthsceneCommand parent;

    @Override
    public Integer call() throws SceneException {
        RenderSettings settings = settings();
        ShardEnvironment.Choice shardChoice = ShardEnvironment.choose(shard, parent.environment());
        OutputFolder folder = OutputFolder.check(out, overwrite, resume);
        Scene scene = SceneLoader.load(sceneFile);
        settings = withSceneJpegQuality(scene, settings);
        RunRecord run = RunRecord.of(scene, settings, shardChoice.shard());
        String startedAt = folder.resuming() ? RunRecord.startedAt(folder.runRecordFile()) : Instant.now().toString();
        PrintWriter log = spec.commandLine().getErr();
        if (shardChoice.isExplicit()) {
            log.printf("shard %s (from %s)%n", shardChoice.shard(), shardChoice.source());
        }
        if (folder.resuming() && isSameRunAlreadyComplete(folder, run)) {
            log.printf("%s is already complete (its dataset.json is written): nothing to resume%n", out);
            return 0;
        }
        try (SignalStop stop = SignalStop.install()) {
            RenderPipeline.Outcome outcome;
            try {
                outcome = new RenderPipeline(scene, settings, folder, run, startedAt, log, stop::requested).run();
            } catch (RuntimeException e) {
                String reason = StorageFailure.reason(e);
                if (reason == null) {
                    throw e;
                }
                // Every file is written whole or not at all (AtomicFiles), and a frame counts as done
                // only once its frame JSON is in place, so --resume can pick up from here.
                log.printf("failed: cannot write into %s: %s (%s)%n"
                        + "annotations/instances.json and dataset.json were not written. Once there is room again, finish this run with:%n  %s%n",
                        out, reason, describe(e), resumeCommand(shardChoice));
                log.flush();
                return ErrorReporter.EXIT_RUNTIME_FAILURE;
            }
            if (outcome.complete()) {
                return 0;
            }
            if (outcome.contextLost() != null) {
                // The machine's fault, not a bug: no log. Frames are whole or absent, as after a signal.
                log.printf("failed: %s%n"
                        + "the run stopped: %d of %d frames are done; the frames in flight were dropped; annotations/instances.json"
                        + " and dataset.json were not written.%n"
                        + "A lost context cannot be used again by this process. To finish this run on a new context, use:%n  %s%n",
                        outcome.contextLost().getMessage(), outcome.framesDone(), outcome.framesInShard(),
                        resumeCommand(shardChoice));
                log.flush();
                return ErrorReporter.EXIT_RUNTIME_FAILURE;
            }
            log.printf("stopped: %d of %d frames are done; annotations/instances.json and dataset.json were not written.%n"
                    + "To finish this run, use the same command with --resume:%n  %s%n",
                    outcome.framesDone(), outcome.framesInShard(), resumeCommand(shardChoice));
            log.flush();
            return ErrorReporter.EXIT_RUNTIME_FAILURE;
        }
    }

    /**
     * Checks that the folder holds the run this command asks for.
     *
     * @return true when that run is already finished
     * @throws UserInputException naming each difference when it is another run
     */
    private boolean isSameRunAlreadyComplete(OutputFolder folder, RunRecord run) {
        RunRecord recorded = RunRecord.read(folder.runRecordFile());
        List<String> differences = recorded.differencesTo(run);
        if (!differences.isEmpty()) {
            throw new UserInputException("--resume: " + out + " holds another run than this command asks for:\n  "
                    + String.join("\n  ", differences)
                    + "\nresume it with the options it was started with, or start again with --overwrite");
        }
        return Files.exists(new DatasetLayout(folder.root()).metadata());
    }


    /** The messages of {@code e} and its causes, without class names: what was being written, then the OS's words. */
    private static String describe(Throwable e) {
        List<String> parts = new ArrayList<>();
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank() && (parts.isEmpty() || !parts.get(parts.size() - 1).equals(cause.getMessage()))) {
                parts.add(cause.getMessage());
            }
        }
        return String.join(": ", parts);
    }

    /**
     * This command line with {@code --resume} (and without {@code --overwrite}), shell-quoted; with
     * an explicit {@code --shard} when the shard came from the environment, so that it works from
     * any shell.
     */
    private String resumeCommand(ShardEnvironment.Choice shardChoice) {
        List<String> args = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        if (!args.isEmpty() && args.get(0).equals("render")) {
            args.remove(0);
        }
        args.remove("--overwrite");
        if (shard == null && shardChoice.isExplicit()) {
            args.add("--shard");
            args.add(shardChoice.shard().toString());
        }
        if (!args.contains("--resume")) {
            args.add("--resume");
        }
        StringBuilder command = new StringBuilder("synthscene render");
        for (String arg : args) {
            command.append(' ').append(arg.matches("[A-Za-z0-9_./:=@%+,-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'");
        }
        return command.toString();
    }

    private RenderSettings settings() {
        if (frames != null && frames < 1) {
            throw new UserInputException("--frames " + frames + " must be at least 1");
        }
        long maxFrames = io.synthscene.scenes.Limits.fromEnvironment().maxFrames();
        if (frames != null && frames > maxFrames) {
            throw new UserInputException("--frames " + frames + " is more than " + maxFrames + " "
                    + io.synthscene.scenes.Limits.howToRaise(io.synthscene.scenes.Limits.Setting.MAX_FRAMES));
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
        List<ExportFormat> labelFormats = formats == null ? List.of()
                : formats.stream().map(ExportFormat::parse).filter(f -> f != ExportFormat.COCO).distinct().toList();
        ExportFormat.requireCompatible(labelFormats);
        return new RenderSettings(frames, seed, parseDevice(device), parseFormat(imageFormat), jpegQuality,
                msaaSamples, threadCount, ImageSize.parse(size), labelFormats, ExportCommand.parseMaskFormat(maskFormat));
    }

    /**
     * A scene that draws each frame's JPEG quality ({@code sensor.jpeg_quality}) writes JPEG
     * images at it: {@code --image-format png} or a {@code --jpeg-quality} of the command would
     * contradict the scene and are refused rather than one of them silently ignored.
     */
    private RenderSettings withSceneJpegQuality(Scene scene, RenderSettings settings) {
        if (!RunRecord.jpegQualityPerFrame(scene)) {
            return settings;
        }
        CommandLine.ParseResult given = spec.commandLine().getParseResult();
        if (given.hasMatchedOption("--image-format") && settings.imageFormat() != ImageFormat.JPG) {
            throw new UserInputException("--image-format " + imageFormat + ": " + sceneFile
                    + " sets sensor.jpeg_quality, so its images are JPEG; leave --image-format out or give jpg");
        }
        if (given.hasMatchedOption("--jpeg-quality")) {
            throw new UserInputException("--jpeg-quality " + jpegQuality + ": " + sceneFile
                    + " draws each frame's JPEG quality (sensor.jpeg_quality); leave --jpeg-quality out");
        }
        return settings.withImageFormat(ImageFormat.JPG);
    }

    /** Shared with {@code bench}. */
    static DevicePreference parseDevice(String value) {
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
