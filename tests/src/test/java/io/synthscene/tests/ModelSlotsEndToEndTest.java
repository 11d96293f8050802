package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third-party model with several materials through the real {@code render} command: Assimp's
 * house ({@code OBJ/regr01.obj}, z up, twelve materials: Roof, Wall-out, Windows...). Colouring
 * its {@code Roof} slot red changes the roof's pixels only: those that change when every other
 * slot is recoloured are not among them (but for a few pixels on the edges between them, which
 * the multisampled colour image blends). Skipped where Debian's assimp-testmodels is not installed.
 */
class ModelSlotsEndToEndTest {
    private static final Path OBJ = Path.of("/usr/share/assimp/models/OBJ");
    private static final int WIDTH = 128;
    private static final int HEIGHT = 96;
    /** A pixel "changed" when a channel moved by more than this (0..255): well above rounding noise. */
    private static final int CHANGED = 12;
    /**
     * Share of the roof's changed pixels that the others' recolouring may change too: pixels on the
     * roof's border, which the multisampled colour image blends (at 128 x 96 the roof's thin
     * ridges make about 11 % of its pixels border pixels).
     */
    private static final double EDGE_SHARE = 0.15;

    /** Every slot of the house but Roof, with the catalog's walls slot gathering both wall materials. */
    private static final String OTHER_SLOTS = "{Base: G, Door: G, Floor: G, Rafter: G, Ridging: G, Sill: G, Site: G,"
            + " Terraind_k: G, walls: G, Windows: G}";

    @TempDir
    Path dir;

    @BeforeEach
    void house() throws Exception {
        assumeTrue(Files.isRegularFile(OBJ.resolve("regr01.obj")), "Debian's assimp-testmodels is not installed");
        Files.copy(OBJ.resolve("regr01.obj"), dir.resolve("regr01.obj"));
        Files.copy(OBJ.resolve("regr01.mtl"), dir.resolve("regr01.mtl"));
        writeCatalog("Wall-out, Wall-inner");
    }

    /** The catalog: the house with the walls slot gathering {@code walls}, the file's material names. */
    private void writeCatalog(String walls) throws java.io.IOException {
        Files.writeString(dir.resolve("catalog.yaml"), """
                assets:
                  - id: house
                    file: regr01.obj
                    up_axis: z
                    size_m: 10
                    category: house
                    material_slots: {walls: [%s]}
                """.formatted(walls));
    }

    private static String scene(String colors) {
        return """
                seed: 1
                frames: 1
                output: {width: %d, height: %d}
                catalog: catalog.yaml
                categories:
                  - {id: 1, name: house}
                camera: {position: [0, 9, 11], pitch_deg: -38, hfov_deg: 60}
                lighting:
                  sun: {azimuth_deg: 30, elevation_deg: 60, intensity: 1.2}
                  ambient: {intensity: 0.5}
                ground: {size_m: 40, color: [0.3, 0.3, 0.3]}
                groups:
                  - name: houses
                    asset: {id: house}
                    region: {x: [0, 0], z: [0, 0]}
                %s
                """.formatted(WIDTH, HEIGHT, colors == null ? "" : "    colors: " + colors);
    }

    private Cli.Result render(String name, String colors) throws Exception {
        Path sceneFile = Files.writeString(dir.resolve(name + ".yaml"), scene(colors));
        return Cli.run("render", sceneFile.toString(), "--out", dir.resolve(name).toString(), "--device", "cpu",
                "--threads", "1");
    }

    private Path rendered(String name, String colors) throws Exception {
        Cli.Result result = render(name, colors);
        assertThat(result.exitCode()).as(result.all()).isZero();
        return dir.resolve(name);
    }

    private static int[] rgb(Path dataset) throws Exception {
        BufferedImage image = ImageIO.read(dataset.resolve("images/000000.png").toFile());
        return image.getRGB(0, 0, WIDTH, HEIGHT, null, 0, WIDTH);
    }

    /** Whether pixel {@code i} or one of its 8 neighbours shows the house (the colour image blends edges). */
    private static boolean nearHouse(int[] mask, int i) {
        int x = i % WIDTH;
        int y = i / WIDTH;
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int nx = x + dx;
                int ny = y + dy;
                if (nx >= 0 && nx < WIDTH && ny >= 0 && ny < HEIGHT && mask[ny * WIDTH + nx] == 1) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a pixel next to {@code i} (3 x 3) changed with the roof's colour and not with the others'. */
    private static boolean nextToRoofOnly(int[] own, int[] roof, int[] rest, int i) {
        int x = i % WIDTH;
        int y = i / WIDTH;
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int nx = x + dx;
                int ny = y + dy;
                int n = ny * WIDTH + nx;
                if (nx >= 0 && nx < WIDTH && ny >= 0 && ny < HEIGHT && changed(own[n], roof[n]) && !changed(own[n], rest[n])) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean changed(int a, int b) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff)) > CHANGED) {
                return true;
            }
        }
        return false;
    }

    @Test
    void colouringTheRoofSlotChangesOnlyTheRoofsPixels() throws Exception {
        Path own = rendered("own", null);
        Path redRoof = rendered("red-roof", "{Roof: [1, 0, 0]}");
        Path others = rendered("others", OTHER_SLOTS.replace("G", "[0, 0.8, 0.8]"));
        int[] mask = DatasetFiles.instanceMask(own.resolve("masks/instance/000000.png"), WIDTH, HEIGHT);
        assertThat(DatasetFiles.instanceMask(redRoof.resolve("masks/instance/000000.png"), WIDTH, HEIGHT))
                .as("slots are materials: the instance mask is unchanged").isEqualTo(mask);
        int[] a = rgb(own);
        int[] roof = rgb(redRoof);
        int[] rest = rgb(others);
        int houseArea = 0;
        int roofChanged = 0;
        int restChanged = 0;
        int both = 0;
        int bothOffBorder = 0;
        int outsideHouse = 0;
        int roofOnly = 0;
        int roofOnlyRed = 0;
        for (int i = 0; i < a.length; i++) {
            houseArea += mask[i] == 1 ? 1 : 0;
            boolean r = changed(a[i], roof[i]);
            boolean o = changed(a[i], rest[i]);
            roofChanged += r ? 1 : 0;
            restChanged += o ? 1 : 0;
            both += r && o ? 1 : 0;
            if (r && o) {
                bothOffBorder += nextToRoofOnly(a, roof, rest, i) ? 0 : 1;
            }
            if (r && !nearHouse(mask, i)) {
                outsideHouse++;
            }
            if (r && !o) {
                // a roof pixel: it turned red (the roof is pale yellow in the file), unless it is an
                // edge pixel blended with the ground
                roofOnly++;
                roofOnlyRed += ((roof[i] >> 16) & 0xff) > 2 * ((roof[i] >> 8) & 0xff) ? 1 : 0;
            }
        }
        assertThat(houseArea).as("the house covers pixels").isGreaterThan(1500);
        assertThat(roofChanged).as("the roof shows").isGreaterThan(houseArea / 10);
        assertThat(restChanged).as("the other slots show").isGreaterThan(houseArea / 3);
        assertThat(outsideHouse).as("nothing outside the house (and its blended edge pixels) changes").isZero();
        assertThat(roofOnlyRed).as("roof pixels turned red").isGreaterThan((int) ((1 - EDGE_SHARE) * roofOnly));
        assertThat(bothOffBorder).as("pixels both recolourings change lie on the roof's border").isZero();
        assertThat(both).as("pixels both recolourings change: the roof's border only").isLessThanOrEqualTo((int) (EDGE_SHARE * roofChanged));
    }

    @Test
    void aSlotTheModelLacksIsReportedWhereTheSceneNamesIt() throws Exception {
        Cli.Result result = render("typo", "{Rooof: [1, 0, 0]}");
        assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
        // scene line 16 is "    colors: {Rooof: ...}"; the key starts at column 14
        assertThat(result.err()).contains("typo.yaml:16:14: groups[0].colors.Rooof: unknown slot 'Rooof' for model file"
                + " regr01.obj, did you mean 'Roof'?").contains("Windows, walls)").doesNotContain("Exception");
        assertThat(dir.resolve("typo")).doesNotExist();
        // Wall-out is in the catalog's walls slot: its own name is no slot any more
        Cli.Result gathered = render("gathered", "{Wall_out: [1, 0, 0]}");
        assertThat(gathered.exitCode()).as(gathered.all()).isEqualTo(2);
        assertThat(gathered.err()).contains("unknown slot 'Wall_out'").contains("walls");
    }

    @Test
    void aMaterialTheModelLacksIsReportedWhereTheCatalogNamesIt() throws Exception {
        writeCatalog("Wall-out, Wall-outer"); // Wall-outer: not in the file
        Cli.Result result = render("missing", null);
        assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
        assertThat(result.err()).contains("catalog.yaml:7:40: assets[0].material_slots.walls[1]: model file regr01.obj has no"
                + " material 'Wall-outer', did you mean 'Wall-out'?").contains("'Windows'").doesNotContain("Exception");
        assertThat(dir.resolve("missing")).doesNotExist();
    }
}
