package io.synthscene.scenes.layout;

/**
 * One piece of a road layout: a flat surface ({@code heightMeters} 0: a plane at
 * {@code bottomMeters}) or a low box standing on the ground (kerbs, sidewalks).
 *
 * @param part    what it is: {@code road}, {@code junction}, {@code parking}, {@code kerb},
 *                {@code sidewalk}, {@code line/solid}, {@code line/dashed}, {@code stop_line}, {@code zebra}
 * @param surface which of the layout's colours it takes ({@code LayoutSpec.SURFACES})
 * @param arm     the arm it belongs to; null for the junction and its corners
 */
public record LayoutPiece(String part, String surface, String arm, RoadRect rect, double bottomMeters, double heightMeters) {
    public boolean isFlat() {
        return heightMeters == 0;
    }
}
