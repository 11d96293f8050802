#version 450 core
// COLOR pass of PrecipitationPass: a particle's capsule, lit as the CPU worked out (radiance),
// fogged and exposed like any surface (see shaded.frag.glsl), blended over the scene with its
// opacity as alpha. Depth-tested against the scene, writes no depth.

flat in vec2 startPixel;
flat in vec2 endPixel;
flat in float radiusPixels;
flat in float opacity;
in float distanceMeters;

uniform vec3 radiance;                   // linear RGB of the particle
uniform float fogExtinctionPerMeter;
uniform vec3 airlight;
uniform float exposureGain;

layout(location = 0) out vec4 fragColor;

vec3 linearToSrgb(vec3 linear) {
    vec3 c = clamp(linear, 0.0, 1.0);
    return mix(1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055, 12.92 * c, vec3(lessThanEqual(c, vec3(0.0031308))));
}

float distanceToAxis(vec2 p) {
    vec2 ab = endPixel - startPixel;
    float t = dot(ab, ab) > 0.0 ? clamp(dot(p - startPixel, ab) / dot(ab, ab), 0.0, 1.0) : 0.0;
    return length(p - (startPixel + t * ab));
}

void main() {
    if (distanceToAxis(gl_FragCoord.xy) > radiusPixels) {
        discard;
    }
    float t = exp(-fogExtinctionPerMeter * distanceMeters);
    fragColor = vec4(linearToSrgb((radiance * t + airlight * (1.0 - t)) * exposureGain), opacity);
}
