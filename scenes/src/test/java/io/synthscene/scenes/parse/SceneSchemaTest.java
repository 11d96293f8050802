package io.synthscene.scenes.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.synthscene.scenes.spec.BuiltinAssets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** scene.schema.json accepts the examples, rejects mistakes, and names the same keys as the loader. */
class SceneSchemaTest {
    private static final Path SCHEMA = Path.of("scene.schema.json");
    private static JsonNode schemaNode;
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        schemaNode = new ObjectMapper().readTree(SCHEMA.toFile());
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode);
    }

    private static JsonNode yaml(Path file) throws IOException {
        return new YAMLMapper().readTree(file.toFile());
    }

    /** The example scenes, subfolders included; not examples/assets/, which holds what scenes refer to (a catalog). */
    private static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("examples"))) {
            return files.filter(f -> f.toString().endsWith(".yaml"))
                    .filter(f -> !f.startsWith(Path.of("examples", "assets")))
                    .sorted().toList();
        }
    }

    @Test
    void everyExampleSceneValidatesAgainstTheSchema() throws IOException {
        assertThat(examples()).isNotEmpty();
        for (Path example : examples()) {
            assertThat(schema.validate(yaml(example))).as(example.toString()).isEmpty();
        }
    }

    @Test
    void aSceneWithAnUnknownKeyDoesNotValidate() throws IOException {
        ObjectNode scene = (ObjectNode) yaml(Path.of("examples/urban-street.yaml"));
        ((ObjectNode) scene.get("camera")).put("hfvo_deg", 70);
        Set<ValidationMessage> errors = schema.validate(scene);
        assertThat(errors).isNotEmpty();
        assertThat(errors.toString()).contains("hfvo_deg");
    }

    @Test
    void aSceneWithAnUnknownAssetParameterOrBadDistributionDoesNotValidate() throws IOException {
        ObjectNode scene = (ObjectNode) yaml(Path.of("examples/table-top.yaml"));
        ObjectNode params = (ObjectNode) scene.get("groups").get(2).get("asset").get("params");
        params.put("radius", 0.1);
        assertThat(schema.validate(scene)).isNotEmpty();

        ObjectNode other = (ObjectNode) yaml(Path.of("examples/table-top.yaml"));
        ((ObjectNode) other.get("camera")).putObject("yaw_deg").putArray("unifrom").add(1).add(2);
        assertThat(schema.validate(other)).isNotEmpty();
    }

    @Test
    void theSchemaNamesTheSameKeysAsTheLoader() {
        JsonNode defs = schemaNode.get("$defs");
        assertThat(names(schemaNode.get("properties"))).containsExactlyInAnyOrderElementsOf(SceneSpecReader.KEYS);
        assertThat(names(defs.get("camera").get("properties"))).containsExactlyInAnyOrderElementsOf(CameraSpecReader.KEYS);
        assertThat(names(defs.get("camera").get("properties").get("distortion").get("properties")))
                .containsExactlyInAnyOrderElementsOf(CameraSpecReader.DISTORTION_KEYS);
        assertThat(names(defs.get("group").get("properties"))).containsExactlyInAnyOrderElementsOf(GroupSpecReader.KEYS);
        assertThat(names(defs.get("ground").get("properties"))).containsExactlyInAnyOrderElementsOf(GroundSpecReader.KEYS);
        assertThat(names(defs.get("lighting").get("properties"))).containsExactlyInAnyOrderElementsOf(LightingSpecReader.KEYS);
        assertThat(names(defs.get("lighting").get("properties").get("sun").get("properties")))
                .containsExactlyInAnyOrderElementsOf(LightingSpecReader.SUN_KEYS);
        assertThat(names(defs.get("lighting").get("properties").get("shadows").get("properties")))
                .containsExactlyInAnyOrderElementsOf(LightingSpecReader.SHADOW_KEYS);
        assertThat(names(defs.get("weather").get("properties"))).containsExactlyInAnyOrderElementsOf(WeatherSpecReader.KEYS);
        assertThat(names(defs.get("weather").get("properties").get("fog").get("properties")))
                .containsExactlyInAnyOrderElementsOf(WeatherSpecReader.FOG_KEYS);
        assertThat(names(defs.get("weather").get("properties").get("rain").get("properties")))
                .containsExactlyInAnyOrderElementsOf(WeatherSpecReader.RAIN_KEYS);
        assertThat(names(defs.get("weather").get("properties").get("snow").get("properties")))
                .containsExactlyInAnyOrderElementsOf(WeatherSpecReader.SNOW_KEYS);
        assertThat(names(defs.get("sensor").get("properties"))).containsExactlyInAnyOrderElementsOf(SensorSpecReader.KEYS);
        assertThat(names(defs.get("layout").get("properties"))).containsExactlyInAnyOrderElementsOf(LayoutSpecReader.KEYS);
        assertThat(names(defs.get("layout").get("properties").get("colors").get("properties")))
                .containsExactlyInAnyOrderElementsOf(io.synthscene.scenes.spec.LayoutSpec.SURFACES);
        assertThat(names(defs.get("lighting").get("properties").get("exposure").get("properties")))
                .containsExactlyInAnyOrderElementsOf(LightingSpecReader.EXPOSURE_KEYS);
        assertThat(names(defs.get("lighting").get("properties").get("sky").get("properties")))
                .containsExactlyInAnyOrderElementsOf(LightingSpecReader.SKY_KEYS);
        assertThat(names(defs.get("light").get("properties"))).containsExactlyInAnyOrderElementsOf(LightsSpecReader.KEYS);
        assertThat(names(defs.get("attached_lights").get("properties")))
                .containsExactlyInAnyOrderElementsOf(AttachedLightsSpecReader.KEYS);
        assertThat(names(defs.get("attached_lamp").get("properties")))
                .containsExactlyInAnyOrderElementsOf(AttachedLightsSpecReader.LAMP_KEYS);
        assertThat(names(defs.get("sensor").get("properties").get("noise").get("properties")))
                .containsExactlyInAnyOrderElementsOf(SensorSpecReader.NOISE_KEYS);
        assertThat(names(defs.get("group").get("properties").get("occlude").get("properties")))
                .containsExactlyInAnyOrderElementsOf(OccludeFlyingSpecReader.OCCLUDE_KEYS);
        assertThat(names(defs.get("group").get("properties").get("flying").get("properties")))
                .containsExactlyInAnyOrderElementsOf(OccludeFlyingSpecReader.FLYING_KEYS);
        assertThat(names(defs.get("texture").get("properties"))).containsExactlyInAnyOrderElementsOf(TextureSpecReader.KEYS);
    }

    @Test
    void aTextureNeedsAKnownKindAndTwoColours() throws IOException {
        ObjectNode scene = (ObjectNode) yaml(Path.of("examples/textures.yaml"));
        assertThat(schema.validate(scene)).isEmpty();
        ObjectNode texture = (ObjectNode) scene.get("groups").get(0).get("texture");
        JsonNode kind = texture.get("kind");
        texture.put("kind", "plaid");
        assertThat(schema.validate(scene)).isNotEmpty();
        texture.set("kind", kind);
        texture.putArray("colors").addArray().add(1).add(0).add(0);
        assertThat(schema.validate(scene)).isNotEmpty();
        texture.remove("colors");
        texture.remove("kind");
        assertThat(schema.validate(scene)).isNotEmpty();
    }

    @Test
    void aGroupPlacesItsObjectsInARegionOnAZoneInFrontOfTargetsOrInTheAirButNotTwoOfThem() throws IOException {
        ObjectNode scene = (ObjectNode) yaml(Path.of("examples/occluders.yaml"));
        assertThat(schema.validate(scene)).isEmpty();
        ObjectNode walls = (ObjectNode) scene.get("groups").get(1);
        assertThat(walls.has("occlude")).isTrue();
        walls.putObject("region").putArray("x").add(0).add(1);
        assertThat(schema.validate(scene)).isNotEmpty();
        walls.remove("region");
        walls.put("on", "lane");
        assertThat(schema.validate(scene)).isNotEmpty();
        walls.remove("on");
        walls.put("distance_m", scene.arrayNode().add(2).add(20));
        assertThat(schema.validate(scene)).isNotEmpty();
        walls.remove("distance_m");
        walls.remove("occlude");
        assertThat(schema.validate(scene)).isNotEmpty();
        walls.put("on", "lane");
        assertThat(schema.validate(scene)).isEmpty();
    }

    @Test
    void theSchemaListsEveryBuiltinAssetParameter() {
        List<String> seenKinds = new ArrayList<>();
        for (JsonNode variant : schemaNode.get("$defs").get("asset").get("oneOf")) {
            JsonNode kind = variant.path("properties").path("kind").path("const");
            if (kind.isTextual()) {
                seenKinds.add(kind.asText());
                assertThat(names(variant.get("properties").get("params").get("properties"))).as(kind.asText())
                        .containsExactlyElementsOf(BuiltinAssets.paramNames(kind.asText()));
            }
        }
        assertThat(seenKinds).containsExactlyElementsOf(BuiltinAssets.proceduralKinds());
    }

    @Test
    void theCatalogSchemaAcceptsTheExampleCatalogAndNamesTheLoadersKeys() throws IOException {
        JsonNode catalogSchemaNode = new ObjectMapper().readTree(Path.of("catalog.schema.json").toFile());
        JsonSchema catalogSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(catalogSchemaNode);
        ObjectNode catalog = (ObjectNode) yaml(Path.of("examples/assets/catalog.yaml"));
        assertThat(catalogSchema.validate(catalog)).isEmpty();
        assertThat(names(catalogSchemaNode.get("$defs").get("entry").get("properties")))
                .containsExactlyInAnyOrderElementsOf(AssetCatalogReader.ENTRY_KEYS);
        ObjectNode entry = (ObjectNode) catalog.get("assets").get(0);
        entry.put("colr", 1);
        assertThat(catalogSchema.validate(catalog)).as("unknown key").isNotEmpty();
        entry.remove("colr");
        entry.put("file", "models/car.glb");
        assertThat(catalogSchema.validate(catalog)).as("kind and file").isNotEmpty();
    }

    @Test
    void aGroupsAssetMayNameACatalogEntryOrTag() throws IOException {
        ObjectNode scene = (ObjectNode) yaml(Path.of("examples/catalog.yaml"));
        ObjectNode asset = (ObjectNode) scene.get("groups").get(0).get("asset");
        asset.put("id", "sedan_mid");
        assertThat(schema.validate(scene)).as("id with choice_tag").isNotEmpty();
        asset.remove("choice_tag");
        assertThat(schema.validate(scene)).isEmpty();
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
