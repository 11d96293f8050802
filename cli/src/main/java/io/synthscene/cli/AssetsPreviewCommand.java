package io.synthscene.cli;


import io.synthscene.annotators.TurntableSheet;
import io.synthscene.assets.AssetLibrary;
import io.synthscene.assets.Mesh;
import io.synthscene.engine.DevicePreference;
import io.synthscene.engine.Renderer;
import io.synthscene.scenes.frame.AssetRef;
import io.synthscene.scenes.frame.Camera;
import io.synthscene.scenes.frame.Category;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.Ground;
import io.synthscene.scenes.frame.Lighting;
import io.synthscene.scenes.frame.Material;
import io.synthscene.scenes.frame.RenderPass;
import io.synthscene.scenes.frame.Rgb;
import io.synthscene.scenes.frame.SceneObject;
import io.synthscene.scenes.frame.Vec3;
import io.synthscene.scenes.spec.BuiltinAssets;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.joml.Matrix4d;
import org.joml.Vector3d;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code synthscene assets preview <kind|all> --out sheet.png}: a turntable contact sheet. Each
 * row is one kind, drawn with one draw of its default parameters; the four columns turn it by
 * 30, 120, 210 and 300 degrees of yaw. Rendered through the real engine on a grey ground, then
 * composed and labelled by {@link TurntableSheet} (OpenCV, in the annotators module). {@code all} is the procedural library without the four
 * primitive shapes. The sheet is written atomically.
 */
@Command(name = "preview", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = "Renders built-in assets from 4 yaw angles into one contact sheet (PNG).")
public final class AssetsPreviewCommand implements Callable<Integer> {
    static final List<String> PRIMITIVES = List.of("box", "sphere", "cylinder", "plane");
    static final double[] YAWS_DEGREES = {30, 120, 210, 300};
    private static final int LABEL_WIDTH = 120;
    /** Main-slot colours for the sheet, linear RGB; kinds not listed are mid grey. */
    private static final Map<String, Rgb> MAIN_COLORS = Map.ofEntries(
            Map.entry("traffic_cone", new Rgb(0.9, 0.2, 0.02)), Map.entry("barrier", new Rgb(0.7, 0.05, 0.03)),
            Map.entry("traffic_sign", new Rgb(0.6, 0.03, 0.03)), Map.entry("bollard", new Rgb(0.05, 0.05, 0.05)),
            Map.entry("bench", new Rgb(0.3, 0.15, 0.06)), Map.entry("bin", new Rgb(0.05, 0.2, 0.08)),
            Map.entry("traffic_light", new Rgb(0.04, 0.04, 0.04)), Map.entry("pedestrian", new Rgb(0.4, 0.08, 0.05)),
            Map.entry("child", new Rgb(0.05, 0.3, 0.1)), Map.entry("bicycle", new Rgb(0.05, 0.2, 0.5)),
            Map.entry("motorcycle", new Rgb(0.5, 0.03, 0.02)), Map.entry("building", new Rgb(0.45, 0.22, 0.14)),
            Map.entry("tree", new Rgb(0.08, 0.28, 0.05)), Map.entry("bush", new Rgb(0.1, 0.32, 0.08)),
            Map.entry("dog", new Rgb(0.25, 0.12, 0.04)), Map.entry("deer", new Rgb(0.36, 0.2, 0.09)));

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND|all", description = "A built-in kind, or all.")
    String which;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The sheet to write (.png).")
    Path out;

    @Option(names = "--tile", paramLabel = "PIXELS", defaultValue = "160", description = "Tile width; height is 3/4 of it. Default: ${DEFAULT-VALUE}.")
    int tile;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1", description = "Seed of the parameter draws. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--keypoints", description = "Draw each asset's keypoints as dots.")
    boolean keypoints;

    @Option(names = "--device", paramLabel = "auto|gpu|cpu", defaultValue = "auto", description = "As for render. Default: ${DEFAULT-VALUE}.")
    String device;

    @Override
    public Integer call() throws IOException {
        List<String> kinds = kinds();
        if (tile < 32 || tile > 1024) {
            throw new UserInputException("--tile " + tile + " is outside 32..1024");
        }
        if (!out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
            throw new UserInputException("--out " + out + " must name a .png file");
        }
        int tileHeight = tile * 3 / 4;
        AssetLibrary library = new AssetLibrary();
        DevicePreference preference = DevicePreference.valueOf(device.toUpperCase(java.util.Locale.ROOT));
        try (Renderer renderer = Renderer.open(preference, tile, tileHeight, 4, library);
             TurntableSheet sheet = new TurntableSheet(kinds.size(), YAWS_DEGREES.length, tile, tileHeight, LABEL_WIDTH)) {
            for (int row = 0; row < kinds.size(); row++) {
                String kind = kinds.get(row);
                AssetRef asset = AssetsListCommand.defaultDraw(kind, seed);
                Mesh mesh = library.meshFor(asset);
                for (int column = 0; column < YAWS_DEGREES.length; column++) {
                    Frame frame = frame(kind, asset, mesh, YAWS_DEGREES[column], tile, tileHeight);
                    sheet.putTile(row, column, renderer.render(frame, Set.of(RenderPass.COLOR)).rgb());
                    if (keypoints) {
                        for (double[] pixel : keypointPixels(frame, mesh)) {
                            sheet.dot(row, column, pixel[0], pixel[1]);
                        }
                    }
                }
                sheet.label(row, kind);
            }
            writeAtomically(sheet.encodePng());
            PrintWriter err = spec.commandLine().getErr();
            err.println("wrote " + out + " (" + kinds.size() + " kinds x " + YAWS_DEGREES.length + " angles, " + renderer.deviceName() + ")");
            err.flush();
        }
        return 0;
    }

    private List<String> kinds() {
        if (which.equals("all")) {
            return BuiltinAssets.proceduralKinds().stream().filter(k -> !PRIMITIVES.contains(k)).toList();
        }
        if (!BuiltinAssets.isKind(which) || which.equals(BuiltinAssets.MESH)) {
            throw new UserInputException("unknown asset kind '" + which + "' (known: all, "
                    + String.join(", ", BuiltinAssets.proceduralKinds()) + ")");
        }
        return List.of(which);
    }

    /**
     * The asset alone on a grey ground, turned by {@code yawDegrees}; the camera looks down 18
     * degrees at the centre of its bounding sphere from far enough that the sphere fills the view.
     */
    static Frame frame(String kind, AssetRef asset, Mesh mesh, double yawDegrees, int width, int height) {
        float[] b = mesh.bounds();
        double radius = 0.5 * Math.sqrt(sq(b[3] - b[0]) + sq(b[4] - b[1]) + sq(b[5] - b[2]));
        double centreY = (b[1] + b[4]) / 2;
        double hfov = 40;
        double vfov = Math.toDegrees(2 * Math.atan(Math.tan(Math.toRadians(hfov / 2)) * height / width));
        double distance = 1.1 * radius / Math.sin(Math.toRadians(vfov / 2));
        double pitch = -18;
        Vec3 eye = new Vec3(0, centreY + distance * Math.sin(Math.toRadians(-pitch)), distance * Math.cos(Math.toRadians(pitch)));
        Camera camera = new Camera(eye, 0, pitch, 0, hfov, 0.05, 10 * distance + 100, width, height);
        Lighting light = new Lighting(35, 50, 2.2, new Rgb(1, 0.97, 0.92), 0.45, new Rgb(0.6, 0.68, 0.85), new Rgb(0.7, 0.72, 0.75));
        Ground ground = new Ground(Math.max(20, 8 * radius), new Material(new Rgb(0.18, 0.18, 0.18), 0.9));
        Material main = new Material(MAIN_COLORS.getOrDefault(kind, defaultMain(kind)), 0.5);
        SceneObject object = new SceneObject(1, 1, kind, "preview", asset, Vec3.ZERO, yawDegrees, 0, 0, 1, main);
        return new Frame(0, 0, camera, light, ground, List.of(new Category(1, kind, kind)), List.of(object));
    }

    private static Rgb defaultMain(String kind) {
        return BuiltinAssets.suggestedCategory(kind).equals("car") || kind.equals("truck") || kind.equals("bus")
                ? new Rgb(0.45, 0.04, 0.03) : new Rgb(0.5, 0.5, 0.5);
    }

    private static double sq(double v) {
        return v * v;
    }

    /** Each keypoint projected into the tile (object to world to camera, OpenGL pinhole), in pixels. */
    private static List<double[]> keypointPixels(Frame frame, Mesh mesh) {
        SceneObject object = frame.objects().get(0);
        Matrix4d toCamera = frame.camera().viewMatrix().mul(object.modelMatrix());
        double[][] intrinsics = frame.camera().intrinsics();
        double f = intrinsics[0][0];
        return mesh.keypoints().stream().map(k -> {
            Vector3d p = toCamera.transformPosition(new Vector3d(k.x(), k.y(), k.z()));
            return new double[] {intrinsics[0][2] + f * p.x / -p.z, intrinsics[1][2] - f * p.y / -p.z};
        }).toList();
    }

    private void writeAtomically(byte[] png) throws IOException {
        Path target = out.toAbsolutePath();
        Files.createDirectories(target.getParent());
        // A plain file (umask permissions, unlike createTempFile's owner-only ones), renamed over the target.
        Path temporary = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.write(temporary, png);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
