package io.synthscene.scenes.spec;

import java.util.List;

/**
 * Where a group's objects go on the scene's road layout ({@code on:} in the scene file), as
 * validated against that layout.
 *
 * @param zone which part of the road
 * @param arms the arms to place on, in layout order; every arm of the layout when the group names none
 * @param lane lane number from the centre line (1 = next to it) for lane zones; null = any lane
 */
public record ZoneSpec(Zone zone, List<String> arms, Integer lane) {

    /** The kinds of zone; {@link #key()} is how the scene file writes them. */
    public enum Zone {
        LANE("lane"), ONCOMING_LANE("oncoming_lane"), PARKING("parking"), SIDEWALK("sidewalk"),
        CROSSING("crossing"), ROADSIDE("roadside");

        private final String key;

        Zone(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        public boolean isLane() {
            return this == LANE || this == ONCOMING_LANE;
        }
    }

    public ZoneSpec {
        arms = List.copyOf(arms);
    }
}
