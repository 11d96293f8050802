#version 450 core
// Particle coverage of PrecipitationPass: where a particle is opaque enough (opacity >= minOpacity)
// and in front of the scene (depth-tested), it writes 1 into the label target's coverage attachment
// (R8UI, location 2). The ids and depth-in-metres attachments and depth writes are masked off for
// this draw, so INSTANCE_ID and DEPTH never change. Same capsule test as particles.frag.glsl, on the
// same pixel centres.

flat in vec2 startPixel;
flat in vec2 endPixel;
flat in float radiusPixels;
flat in float opacity;
in float distanceMeters;

uniform float minOpacity;

layout(location = 2) out uint fragCovered;

void main() {
    vec2 ab = endPixel - startPixel;
    vec2 p = gl_FragCoord.xy;
    float t = dot(ab, ab) > 0.0 ? clamp(dot(p - startPixel, ab) / dot(ab, ab), 0.0, 1.0) : 0.0;
    if (opacity < minOpacity || length(p - (startPixel + t * ab)) > radiusPixels) {
        discard;
    }
    fragCovered = 1u;
}
