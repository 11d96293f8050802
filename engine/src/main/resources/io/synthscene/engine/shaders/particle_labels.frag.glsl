#version 450 core
// INSTANCE_ID pass of PrecipitationPass: where a particle is opaque enough (opacity >= minOpacity)
// it hides what is behind it, writing id 0 (like scenery). The renderer masks the depth-in-metres
// attachment and depth writes off for this draw, so DEPTH never changes. Same capsule test as
// particles.frag.glsl, on the same pixel centres.

flat in vec2 startPixel;
flat in vec2 endPixel;
flat in float radiusPixels;
flat in float opacity;
in float distanceMeters;

uniform float minOpacity;

layout(location = 0) out uint fragInstanceId;

void main() {
    vec2 ab = endPixel - startPixel;
    vec2 p = gl_FragCoord.xy;
    float t = dot(ab, ab) > 0.0 ? clamp(dot(p - startPixel, ab) / dot(ab, ab), 0.0, 1.0) : 0.0;
    if (opacity < minOpacity || length(p - (startPixel + t * ab)) > radiusPixels) {
        discard;
    }
    fragInstanceId = 0u;
}
