#version 450 core
// Sensor, optical blur: one direction of a separable Gaussian over the linear image, run twice
// (rows, then columns). Weights come normalised from the CPU, centre first (the kernel is
// symmetric); pixels beyond the border repeat the border pixel.

// SensorPass.MAX_BLUR_RADIUS: ceil(3 x Sensor.MAX_BLUR_PX).
const int MAX_RADIUS = 150;

layout(binding = 1) uniform sampler2D linearImage;
uniform vec2 direction;               // (1, 0) for rows, (0, 1) for columns
uniform int radius;                   // ceil(3 sigma), at most MAX_RADIUS
uniform float weights[MAX_RADIUS + 1]; // weights[k] for offsets +k and -k

layout(location = 0) out vec4 blurred;

void main() {
    ivec2 pixel = ivec2(gl_FragCoord.xy);
    ivec2 last = textureSize(linearImage, 0) - 1;
    ivec2 step = ivec2(direction);
    vec3 sum = weights[0] * texelFetch(linearImage, pixel, 0).rgb;
    for (int k = 1; k <= radius; k++) {
        vec3 after = texelFetch(linearImage, clamp(pixel + k * step, ivec2(0), last), 0).rgb;
        vec3 before = texelFetch(linearImage, clamp(pixel - k * step, ivec2(0), last), 0).rgb;
        sum += weights[k] * (after + before);
    }
    blurred = vec4(sum, 1.0);
}
