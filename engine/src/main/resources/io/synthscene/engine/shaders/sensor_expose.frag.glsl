#version 450 core
// Sensor, first pass: the colour pass's sRGB-encoded RGBA8 image to linear light, times the
// exposure and white balance gains and the vignetting factor 1 - v (r / r_corner)^2, r from the
// image centre to the pixel centre. Written unclipped into an RGBA32F image: a later blur must
// be able to spread highlights above 1. See SensorPass.java for the whole model.

layout(binding = 1) uniform sampler2D srgbImage;
uniform vec3 gain;        // 2^exposure_ev times the white balance gain, per channel
uniform float vignetting; // v in [0, 1)
uniform vec2 imageSize;   // pixels

layout(location = 0) out vec4 linearColor;

// IEC 61966-2-1, the inverse of linearToSrgb in shaded.frag.glsl.
float srgbToLinear(float c) {
    return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

void main() {
    vec3 srgb = texelFetch(srgbImage, ivec2(gl_FragCoord.xy), 0).rgb;
    vec2 centre = 0.5 * imageSize;
    vec2 fromCentre = gl_FragCoord.xy - centre;
    float vignette = 1.0 - vignetting * dot(fromCentre, fromCentre) / dot(centre, centre);
    vec3 linear = vec3(srgbToLinear(srgb.r), srgbToLinear(srgb.g), srgbToLinear(srgb.b));
    linearColor = vec4(linear * gain * vignette, 1.0);
}
