package io.synthscene.scenes.frame;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The zone of the road layout an object was placed on, as recorded in the frame: the zone
 * ({@code lane}, {@code oncoming_lane}, {@code parking}, {@code sidewalk}, {@code crossing},
 * {@code roadside}), the arm, and for lanes the lane number counted from the centre line (1 = next
 * to it); for the others lane is absent. Made by the group randomizer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlacedZone(String on, String arm, Integer lane) {
}
