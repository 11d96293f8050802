package io.synthscene.scenes.layout;

import io.synthscene.scenes.spec.ZoneSpec;

/**
 * A rectangle of one placement zone where object origins may be drawn, with the heading objects
 * there take (as a yaw in degrees) and the height they stand at.
 *
 * @param lane      lane number from the centre line for lane zones, else null
 * @param eitherWay whether objects may face the other way too (people on sidewalks and crossings)
 */
public record ZoneArea(ZoneSpec.Zone zone, String arm, Integer lane, RoadRect rect, double headingDegrees,
                       boolean eitherWay, double elevationMeters) {
}
