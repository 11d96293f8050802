package io.synthscene.tests;

import io.synthscene.annotators.InstanceAnnotation;
import io.synthscene.annotators.InstanceAnnotator;
import io.synthscene.annotators.OcclusionAnnotator;
import io.synthscene.assets.AssetLibrary;
import io.synthscene.engine.DevicePreference;
import io.synthscene.engine.Renderer;
import io.synthscene.scenes.Scene;
import io.synthscene.scenes.SceneLoader;
import io.synthscene.scenes.frame.AssetRef;
import io.synthscene.scenes.frame.Camera;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.Material;
import io.synthscene.scenes.frame.RenderPass;
import io.synthscene.scenes.frame.RenderedFrame;
import io.synthscene.scenes.frame.Rgb;
import io.synthscene.scenes.frame.SceneObject;
import io.synthscene.scenes.frame.Vec3;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures what occlusion labels cost per frame on this machine (figures in docs/PERFORMANCE.md);
 * asserts nothing, so it runs only when asked:
 * {@code mvn -B -o verify -pl tests -am -Dtest=OcclusionCostMeasurement -Dsurefire.failIfNoSpecifiedTests=false -Dsynthscene.measure=true}.
 *
 * <p>Per frame, once untimed (mesh uploads), then alternately (so that load from other processes hits both alike): render COLOR +
 * INSTANCE_ID (MSAA 4, the CLI's default), then the same plus SILHOUETTES; then
 * {@link OcclusionAnnotator#annotate}. Each step's wall time and the process's CPU time (all
 * threads, llvmpipe's rasterizer threads included, so less sensitive to other processes on a
 * shared machine); the extra wall time is the median of the per-frame differences, CPU times are
 * totals over the frames divided by their number (the process CPU clock ticks in 10 ms steps).
 */
@EnabledIfSystemProperty(named = "synthscene.measure", matches = "true")
class OcclusionCostMeasurement {
    private static final int FRAMES = 40;
    private static final Set<RenderPass> WITHOUT = EnumSet.of(RenderPass.COLOR, RenderPass.INSTANCE_ID);
    private static final Set<RenderPass> WITH = EnumSet.of(RenderPass.COLOR, RenderPass.INSTANCE_ID, RenderPass.SILHOUETTES);

    @Test
    void measure() throws Exception {
        Scene urban = SceneLoader.load(Path.of(Cli.example("urban-street.yaml")));
        for (int[] size : new int[][] {{640, 480}, {1280, 720}}) {
            List<Frame> street = new ArrayList<>();
            List<Frame> boxes = new ArrayList<>();
            for (int i = 0; i < FRAMES; i++) {
                street.add(resized(urban.sampleFrame(1, i), size[0], size[1]));
                boxes.add(fiftyBoxes(street.get(i), i));
            }
            try (Renderer renderer = Renderer.open(DevicePreference.AUTO, size[0], size[1], 4, new AssetLibrary())) {
                report(renderer, "urban-street", street);
                report(renderer, "50 boxes", boxes);
            }
        }
    }

    private static void report(Renderer renderer, String name, List<Frame> frames) {
        InstanceAnnotator instances = new InstanceAnnotator();
        OcclusionAnnotator occlusion = new OcclusionAnnotator();
        for (Frame warmUp : frames.subList(0, 3)) {
            renderer.render(warmUp, WITH);
        }
        int n = frames.size();
        double[] without = new double[n];
        double[] extra = new double[n];
        long cpuWithout = 0;
        long cpuExtra = 0;
        double[] annotate = new double[n];
        double labelled = 0;
        for (int i = 0; i < n; i++) {
            Frame frame = frames.get(i);
            renderer.render(frame, WITHOUT); // uploads this frame's meshes (street vehicles are new every frame)
            long c0 = cpu();
            long t0 = System.nanoTime();
            renderer.render(frame, WITHOUT);
            long c1 = cpu();
            long t1 = System.nanoTime();
            RenderedFrame rendered = renderer.render(frame, WITH);
            long c2 = cpu();
            long t2 = System.nanoTime();
            List<InstanceAnnotation> visible = instances.annotate(frame, rendered);
            long t3 = System.nanoTime();
            occlusion.annotate(frame, rendered, visible);
            long t4 = System.nanoTime();
            without[i] = (t1 - t0) / 1e6;
            extra[i] = ((t2 - t1) - (t1 - t0)) / 1e6;
            cpuWithout += c1 - c0;
            cpuExtra += (c2 - c1) - (c1 - c0);
            annotate[i] = (t4 - t3) / 1e6;
            labelled += frame.labelledObjects().size();
        }
        System.out.printf("OCCLUSION-COST %dx%d %-12s labelled/frame %.1f | wall: render %.1f ms, silhouettes +%.1f ms"
                        + " | CPU: render %.1f ms, silhouettes +%.1f ms | OcclusionAnnotator %.2f ms | load %.1f%n",
                renderer.width(), renderer.height(), name, labelled / n, median(without), median(extra),
                cpuWithout / 1e6 / n, cpuExtra / 1e6 / n, median(annotate),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** CPU time of the whole process, all threads, nanoseconds. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static Frame resized(Frame frame, int width, int height) {
        Camera c = frame.camera();
        Camera camera = new Camera(c.position(), c.yawDegrees(), c.pitchDegrees(), c.rollDegrees(), c.hfovDegrees(),
                c.nearMeters(), c.farMeters(), width, height);
        return new Frame(frame.index(), frame.sceneSeed(), camera, frame.lighting(), frame.ground(), frame.categories(),
                frame.objects());
    }

    /** 50 labelled 1 m boxes in 5 overlapping rows of 10 in front of a level camera, shifted per frame. */
    private static Frame fiftyBoxes(Frame like, int index) {
        Camera c = like.camera();
        Camera camera = new Camera(new Vec3(0, 1.5, 12), 0, 0, 0, 60, 0.1, 200, c.width(), c.height());
        Material grey = new Material(new Rgb(0.5, 0.5, 0.5), 0.7);
        AssetRef box = AssetRef.procedural("box", Map.of("width_m", 1.0, "height_m", 1.0, "length_m", 1.0));
        int categoryId = like.categories().get(0).id();
        String category = like.categories().get(0).name();
        List<SceneObject> objects = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            double x = (i % 10) * 1.3 - 6 + (i / 10) * 0.4 + 0.05 * index;
            double z = -(i / 10) * 1.5;
            objects.add(new SceneObject(i + 1, categoryId, category, "boxes", box, new Vec3(x, 0, z), 17 * i, 0, 0, 1, grey));
        }
        return new Frame(index, 1L, camera, like.lighting(), like.ground(), like.categories(), objects);
    }
}
