package io.synthscene.annotators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Polygons give exactly pycocotools' masks. The expected masks were made by pycocotools 2.0.11
 * itself ({@code src/test/resources/pycocotools/make_polygon_masks.py}), so this compares with
 * the reference implementation, not with a second reading of its source.
 */
class PolygonRasterizerTest {

    static Stream<Arguments> pycocotoolsCases() throws IOException {
        JsonNode root;
        try (InputStream in = PolygonRasterizerTest.class.getResourceAsStream("/pycocotools/polygon-masks.json")) {
            root = new ObjectMapper().readTree(in);
        }
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            cases.add(Arguments.of(c.get("name").asText(), c));
        }
        assertThat(cases).hasSizeGreaterThan(20);
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pycocotoolsCases")
    void polygonsGivePycocotoolsMaskExactly(String name, JsonNode c) {
        int height = c.get("height").asInt();
        int width = c.get("width").asInt();
        List<double[]> polygons = new ArrayList<>();
        for (JsonNode polygon : c.get("polygons")) {
            double[] xy = new double[polygon.size()];
            for (int i = 0; i < xy.length; i++) {
                xy[i] = polygon.get(i).asDouble();
            }
            polygons.add(xy);
        }
        int[] expectedCounts = new int[c.get("counts").size()];
        for (int i = 0; i < expectedCounts.length; i++) {
            expectedCounts[i] = c.get("counts").get(i).asInt();
        }
        CocoRle expected = CocoRle.fromCounts(height, width, expectedCounts);

        CocoRle actual = PolygonRasterizer.rasterize(polygons, height, width);

        assertThat(actual.area()).isEqualTo(c.get("area").asLong());
        assertThat(actual.toMask()).isEqualTo(expected.toMask());
    }

    @Test
    void aSquareOnPixelCornersCoversThePixelsWhoseCentresItContains() {
        // x 2..7, y 2..6: pixel centres 2.5..6.5 in x (5 columns) and 2.5..5.5 in y (4 rows).
        CocoRle rle = PolygonRasterizer.rasterize(List.of(new double[] {2, 2, 7, 2, 7, 6, 2, 6}), 10, 12);
        boolean[] mask = rle.toMask();
        assertThat(rle.area()).isEqualTo(20);
        assertThat(mask[2 * 12 + 2]).isTrue();
        assertThat(mask[5 * 12 + 6]).isTrue();
        assertThat(mask[6 * 12 + 6]).isFalse();
        assertThat(mask[5 * 12 + 7]).isFalse();
    }

    @Test
    void noPolygonsAndDegeneratePolygonsGiveAnEmptyMask() {
        assertThat(PolygonRasterizer.rasterize(List.of(), 4, 4).area()).isZero();
        assertThat(PolygonRasterizer.rasterize(List.of(new double[] {1, 1, 3, 3}), 4, 4).area()).isZero();
        assertThat(PolygonRasterizer.rasterize(List.of(new double[] {1, 1, 1, 1, 1, 1}), 4, 4).area()).isZero();
    }

    @Test
    void badCoordinatesAndOversizedBoundariesAreRefused() {
        assertThatThrownBy(() -> PolygonRasterizer.rasterize(List.of(new double[] {1, 1, 2}), 4, 4))
                .hasMessageContaining("3 values");
        assertThatThrownBy(() -> PolygonRasterizer.rasterize(List.of(new double[] {1, 1, Double.NaN, 2, 3, 3}), 4, 4))
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> PolygonRasterizer.rasterize(List.of(new double[] {1, 1, 1e9, 2, 3, 3}), 4, 4))
                .hasMessageContaining("1.0E9");
        double far = PolygonRasterizer.MAX_COORDINATE;
        double[] zigzag = new double[200];
        for (int i = 0; i < 100; i++) {
            zigzag[2 * i] = i % 2 == 0 ? -far : far;
            zigzag[2 * i + 1] = i;
        }
        assertThatThrownBy(() -> PolygonRasterizer.rasterize(List.of(zigzag), 4, 4))
                .hasMessageContaining("more than the limit");
    }
}
