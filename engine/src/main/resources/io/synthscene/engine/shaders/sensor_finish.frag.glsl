#version 450 core
// Sensor, last pass: clip to [0, 1]; shot noise; sRGB encode in 8-bit levels; read noise; round
// and clip to 0..255, into the RGBA8 image that is read back.
//
// Shot noise is the normal approximation of Poisson(L n) / n: L + sqrt(L / n) N(0, 1), clipped to
// [0, 1] again. It differs from a Poisson draw only where fewer than ~30 photons are expected
// (L < 30 / n): there the real count is skewed and discrete. A Poisson draw needs a loop whose
// length depends on the value; the normal one costs the same in every pixel.
//
// Noise is counter-based: pixel (x, y), x right and y DOWN from the top-left corner (the image's
// own convention, not GL's bottom-up rows), and channel c are hashed with the frame's 128-bit key
// (from its sensor/noise stream, see SensorPass.java) by two rounds of pcg4d (Jarzynski and
// Olano, "Hash Functions for GPU Rendering", JCGT 9(3), 2020). The same (key, x, y, c) gives the
// same value whatever else is drawn, in whatever order. One Box-Muller pair per channel value:
// the cosine half drives the shot noise, the sine half (independent of it) the read noise.

layout(binding = 1) uniform sampler2D linearImage;
uniform float photonsAtWhite;     // n; 0 = no shot noise
uniform float readNoiseStdLevels; // 0 = no read noise
uniform uvec4 noiseKey;
uniform int imageHeight;          // pixels, to number rows from the top

layout(location = 0) out vec4 sensed;

uvec4 pcg4d(uvec4 v) {
    v = v * 1664525u + 1013904223u;
    v.x += v.y * v.w; v.y += v.z * v.x; v.z += v.x * v.y; v.w += v.y * v.z;
    v ^= v >> 16u;
    v.x += v.y * v.w; v.y += v.z * v.x; v.z += v.x * v.y; v.w += v.y * v.z;
    return v;
}

// (0, 1], so that log() is finite: the top 24 bits, plus one.
float unitInterval(uint h) {
    return float((h >> 8u) + 1u) * (1.0 / 16777216.0);
}

// Two independent N(0, 1) values for one channel of one pixel.
vec2 gaussianPair(uint x, uint y, uint channel) {
    uvec4 h = pcg4d(pcg4d(uvec4(x, y, channel, 0u)) ^ noiseKey);
    float radius = sqrt(-2.0 * log(unitInterval(h.x)));
    float angle = 6.283185307179586 * unitInterval(h.y);
    return radius * vec2(cos(angle), sin(angle));
}

// IEC 61966-2-1, the same as linearToSrgb in shaded.frag.glsl.
float linearToSrgb(float c) {
    return c <= 0.0031308 ? 12.92 * c : 1.055 * pow(c, 1.0 / 2.4) - 0.055;
}

void main() {
    ivec2 pixel = ivec2(gl_FragCoord.xy);
    uint x = uint(pixel.x);
    uint yFromTop = uint(imageHeight - 1 - pixel.y);
    vec3 linear = clamp(texelFetch(linearImage, pixel, 0).rgb, 0.0, 1.0);
    bool noisy = photonsAtWhite > 0.0 || readNoiseStdLevels > 0.0;
    vec3 levels;
    for (int c = 0; c < 3; c++) {
        vec2 z = noisy ? gaussianPair(x, yFromTop, uint(c)) : vec2(0.0);
        float l = linear[c];
        if (photonsAtWhite > 0.0) {
            l = clamp(l + sqrt(l / photonsAtWhite) * z.x, 0.0, 1.0);
        }
        float level = linearToSrgb(l) * 255.0 + readNoiseStdLevels * z.y;
        levels[c] = clamp(floor(level + 0.5), 0.0, 255.0);
    }
    // Whole levels over 255: the unorm8 target stores exactly these levels.
    sensed = vec4(levels / 255.0, 1.0);
}
