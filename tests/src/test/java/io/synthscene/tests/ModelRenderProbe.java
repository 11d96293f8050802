package io.synthscene.tests;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Renders each model file named on the command line through the real {@code render} command, in
 * this JVM, one small scene per model, and prints one line per model: {@code OK name annotations},
 * {@code REFUSED name message} (exit 2) or {@code OTHER name exit message}. The model is named and
 * flushed before its render starts, so when a native library takes the JVM down the last
 * {@code RENDERING} line names the model. Run by {@link AssimpTestModelsTest} in a child JVM whose
 * {@code SYNTHSCENE_ASSET_ROOTS} holds the models' folder; arguments: a work folder, then model
 * paths relative to that asset root.
 */
public final class ModelRenderProbe {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private ModelRenderProbe() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        Path work = Path.of(args[0]);
        for (int i = 1; i < args.length; i++) {
            String model = args[i];
            out.println("RENDERING " + model);
            out.flush();
            Path scene = Files.writeString(work.resolve("scene-" + i + ".yaml"), scene(model));
            Path dataset = work.resolve("out-" + i);
            StringWriter err = new StringWriter();
            int exit = io.synthscene.cli.Main.run(new String[] {"render", scene.toString(), "--out", dataset.toString(),
                    "--frames", "1", "--device", "cpu", "--threads", "1"}, new PrintWriter(new StringWriter()),
                    new PrintWriter(err));
            String message = err.toString().replace('\n', ' ').strip();
            if (exit == 0) {
                int annotations = JSON.readTree(dataset.resolve("annotations/instances.json").toFile())
                        .path("annotations").size();
                out.println("OK " + model + " " + annotations);
            } else if (exit == 2) {
                out.println("REFUSED " + model + " " + message);
            } else {
                out.println("OTHER " + model + " " + exit + " " + message);
            }
            out.flush();
        }
        out.println("DONE");
    }

    /** The model, 1 m on its longest side, on the ground 3 m in front of a camera looking at it. */
    static String scene(String model) {
        return """
                seed: 1
                frames: 1
                output: {width: 96, height: 72}
                categories:
                  - {id: 1, name: model}
                camera:
                  position: [0, 1, 3]
                  pitch_deg: -15
                  hfov_deg: 50
                lighting:
                  sun: {azimuth_deg: 30, elevation_deg: 50, intensity: 1.2}
                  ambient: {intensity: 0.5}
                ground: {size_m: 20, color: [0.3, 0.3, 0.3]}
                groups:
                  - name: model
                    asset: {mesh: "%s", size_m: 1}
                    category: model
                    region: {x: [0, 0], z: [0, 0]}
                """.formatted(model);
    }
}
