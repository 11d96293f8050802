package io.synthscene.annotators.stats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthscene.annotators.DatasetMetadata;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;

/**
 * {@code stats.json}: every histogram's edges and counts (and the values below and above its
 * bins), category counts and shares, parameter coverage, provenance and, with a comparison, the
 * real file's histograms and the Jensen–Shannon distances. Keys in a fixed order, so the same
 * statistics give the same bytes. Undefined numbers (a ratio with an empty category, a distance
 * to nothing) are written as null. Pure; stateless.
 */
public final class StatisticsJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StatisticsJson() {
    }

    public static byte[] toJson(DatasetStatistics stats, DatasetMetadata metadata) {
        ObjectNode root = JSON.createObjectNode();
        root.set("provenance", provenance(metadata));
        InstanceStatistics s = stats.instances();
        instances(root, s);
        ObjectNode h = root.putObject("histograms");
        h.set("objects_per_image", histogram(s.objectsPerImage()));
        h.set("bbox_size_px", histogram(s.boxSize()));
        h.set("aspect_ratio", histogram(s.aspectRatio()));
        h.set("visibility", histogram(stats.visibility()));
        h.set("truncation", histogram(stats.truncation()));
        h.set("distance_m", histogram(stats.distanceMeters()));
        if (stats.classBalance() != null) {
            ObjectNode balance = root.putObject("class_balance");
            balance.put("frames_with_targets", stats.classBalance().framesWithTargets());
            balance.put("mixed_targets", stats.classBalance().mixedTargets());
            ObjectNode categories = balance.putObject("categories");
            for (ClassBalanceReport.Row row : stats.classBalance().rows()) {
                ObjectNode c = categories.putObject(row.category());
                c.put("target_share", row.targetShare());
                c.put("placed_share", row.placedShare());
                c.put("placed", row.placed());
                putNumber(c, "annotated_share", row.annotatedShare());
            }
        }
        if (!stats.unplaced().isEmpty()) {
            // as in dataset.json, plus the share; absent when every object was placed
            ObjectNode unplaced = root.putObject("unplaced");
            for (io.synthscene.annotators.UnplacedReport.Row row : stats.unplaced().rows()) {
                ObjectNode g = unplaced.putObject(row.group());
                g.put("objects", row.unplaced());
                g.put("objects_asked", row.asked());
                g.put("share", row.share());
                g.put("frames", row.framesAffected());
            }
        }
        ObjectNode params = root.putObject("parameters");
        params.put("frames", stats.frames());
        for (ParameterCoverage p : stats.parameters()) {
            ObjectNode n = params.putObject(p.key());
            putNumber(n, "min", p.min());
            putNumber(n, "max", p.max());
            n.put("frames_recorded", p.recorded());
            n.put("frames_without", p.missing());
            if (!p.absent().isEmpty()) {
                n.put("without_means", p.absent());
            }
            n.set("histogram", histogram(p.histogram()));
        }
        DatasetStatistics.Comparison c = stats.comparison();
        if (c != null) {
            ObjectNode cmp = root.putObject("compare");
            cmp.put("real_file", c.realFile());
            ObjectNode js = cmp.putObject("js_distance");
            putDistance(js, "category_shares", c.categoryDistance());
            putDistance(js, "objects_per_image", DatasetStatistics.Comparison.distance(s.objectsPerImage(), c.real().objectsPerImage()));
            putDistance(js, "bbox_size_px", DatasetStatistics.Comparison.distance(s.boxSize(), c.real().boxSize()));
            putDistance(js, "aspect_ratio", DatasetStatistics.Comparison.distance(s.aspectRatio(), c.real().aspectRatio()));
            strings(cmp.putArray("categories_matched"), c.matched());
            strings(cmp.putArray("categories_only_synthetic"), c.syntheticOnly());
            strings(cmp.putArray("categories_only_real"), c.realOnly());
            ObjectNode real = cmp.putObject("real");
            instances(real, c.real());
            ObjectNode rh = real.putObject("histograms");
            rh.set("objects_per_image", histogram(c.real().objectsPerImage()));
            rh.set("bbox_size_px", histogram(c.real().boxSize()));
            rh.set("aspect_ratio", histogram(c.real().aspectRatio()));
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    private static ObjectNode provenance(DatasetMetadata m) {
        ObjectNode p = JSON.createObjectNode();
        p.put("synthscene_version", m.synthsceneVersion());
        p.put("git_commit", m.gitCommit());
        p.put("scene_file", sceneFileName(m));
        p.put("scene_sha256", m.sceneSha256());
        p.put("seed", m.seed());
        p.put("frames", m.frameCount());
        ObjectNode shard = p.putObject("shard");
        shard.put("index", m.shard().index());
        shard.put("count", m.shard().count());
        shard.put("first_frame", m.shard().firstFrame());
        shard.put("frames_total", m.shard().framesTotal());
        p.put("width", m.width());
        p.put("height", m.height());
        p.put("rendering_device", m.renderingDevice());
        p.put("hardware_rendering", m.hardwareRendering());
        p.put("started_at", m.startedAt());
        p.put("finished_at", m.finishedAt());
        return p;
    }

    /** The scene file's name without its folder (dataset.json holds the path on the rendering machine), or null. */
    public static String sceneFileName(DatasetMetadata m) {
        if (m.sceneFile() == null) {
            return null;
        }
        Path name = Path.of(m.sceneFile()).getFileName();
        return name == null ? m.sceneFile() : name.toString();
    }

    private static void instances(ObjectNode node, InstanceStatistics s) {
        node.put("images", s.images());
        node.put("instances", s.instances());
        node.put("empty_images", s.emptyImages());
        node.put("crowd_annotations", s.crowdAnnotations());
        node.put("instances_without_bbox", s.withoutBox());
        putNumber(node, "imbalance_ratio", s.imbalanceRatio());
        ArrayNode categories = node.putArray("categories");
        for (InstanceStatistics.CategoryCount c : s.categories()) {
            ObjectNode n = categories.addObject();
            n.put("id", c.id());
            n.put("name", c.name());
            n.put("instances", c.instances());
            n.put("share", s.share(c));
        }
    }

    /** null for a histogram that is not recorded. */
    private static ObjectNode histogram(Histogram h) {
        if (h == null) {
            return null;
        }
        ObjectNode n = JSON.createObjectNode();
        ArrayNode edges = n.putArray("edges");
        for (double e : h.edges()) {
            edges.add(e);
        }
        ArrayNode counts = n.putArray("counts");
        for (long c : h.counts()) {
            counts.add(c);
        }
        n.put("below", h.below());
        n.put("above", h.above());
        return n;
    }

    private static void putNumber(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }

    private static void putDistance(ObjectNode node, String key, OptionalDouble d) {
        if (d.isPresent()) {
            node.put(key, d.getAsDouble());
        } else {
            node.putNull(key);
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
