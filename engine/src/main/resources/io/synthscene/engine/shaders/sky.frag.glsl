#version 450 core
// COLOR pass, first draw: the sky behind the scene (SkyPass.java), a full-screen triangle drawn
// without depth test or depth write, before any geometry. Never drawn into the id pass.
//
// For the unit world direction d through this pixel (from the camera through the pixel centre):
//   base    = mix(horizon, zenith, 1 - (1 - max(d.y, 0))^3) + sunGlow * (0.12 s^8 + 0.35 s^64),
//             s = max(dot(d, directionToSun), 0)              (gradient = 1; else base = horizon)
//   cloudy  = mix(base, cloudColor, density)                   density from value noise on a flat
//             layer cloudHeightMeters above the ground, > 0 only for d.y > 0, fading out near the horizon
//   fogged  = cloudy * t + horizon * (1 - t),  t = exp(-beta * fogLayerMeters / d.y)   (1 without fog; 0 below the horizon in fog)
//   written = sRGB(fogged * exposureGain)
// horizon, zenith, sunGlow and cloudColor come from Daylight.java (scenes module), which computes
// the cloudless value on the CPU too (Daylight.skyRadiance). The horizon is the fog's airlight:
// far fogged geometry fades to exactly the sky behind it.

uniform mat4 inverseViewProjection;   // clip -> world
uniform vec2 viewportSize;            // pixels
uniform vec3 cameraPosition;          // world, metres
uniform vec3 directionToSun;          // world, unit
uniform vec3 horizon;                 // linear RGB
uniform vec3 zenith;                  // linear RGB
uniform vec3 sunGlow;                 // linear RGB, per unit glow weight
uniform float gradient;               // 1: gradient and glow; 0: horizon colour everywhere
uniform vec3 cloudColor;              // linear RGB
uniform float cloudCover;             // [0, 1]
uniform vec2 cloudOffsetMeters;       // where the pattern starts on its layer
uniform float cloudHeightMeters;
uniform float cloudScaleMeters;
uniform float fogExtinctionPerMeter;  // beta; 0 = no fog
uniform float fogLayerMeters;
uniform float exposureGain;

layout(location = 0) out vec4 fragColor;

vec3 linearToSrgb(vec3 linear) {
    vec3 c = clamp(linear, 0.0, 1.0);
    vec3 low = 12.92 * c;
    vec3 high = 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055;
    return mix(high, low, vec3(lessThanEqual(c, vec3(0.0031308))));
}

float latticeValue(vec2 cell) {
    return fract(sin(dot(cell, vec2(127.1, 311.7))) * 43758.5453);
}

float valueNoise(vec2 p) {
    vec2 i = floor(p);
    vec2 f = fract(p);
    f = f * f * (3.0 - 2.0 * f);
    float a = mix(latticeValue(i), latticeValue(i + vec2(1, 0)), f.x);
    float b = mix(latticeValue(i + vec2(0, 1)), latticeValue(i + vec2(1, 1)), f.x);
    return mix(a, b, f.y);
}

// Four octaves of value noise, normalised to [0, 1].
float clouds(vec2 p) {
    float sum = 0.0;
    float weight = 0.5;
    float total = 0.0;
    for (int octave = 0; octave < 4; octave++) {
        sum += weight * valueNoise(p);
        total += weight;
        p = p * 2.03 + vec2(17.0, 9.0);
        weight *= 0.5;
    }
    return sum / total;
}

void main() {
    vec2 ndc = gl_FragCoord.xy / viewportSize * 2.0 - 1.0;
    vec4 near = inverseViewProjection * vec4(ndc, 1.0, 1.0);   // reversed Z: the near plane is at depth 1
    vec3 d = normalize(near.xyz / near.w - cameraPosition);

    vec3 color = horizon;
    if (gradient > 0.5) {
        float up = max(d.y, 0.0);
        float g = 1.0 - (1.0 - up) * (1.0 - up) * (1.0 - up);
        float s = max(dot(d, directionToSun), 0.0);
        color = mix(horizon, zenith, g) + sunGlow * (0.12 * pow(s, 8.0) + 0.35 * pow(s, 64.0));
    }
    if (cloudCover > 0.0 && d.y > 0.0) {
        vec2 hit = cameraPosition.xz + d.xz * ((cloudHeightMeters - cameraPosition.y) / d.y);
        float n = clouds((hit + cloudOffsetMeters) / cloudScaleMeters);
        float density = smoothstep(1.0 - cloudCover, 1.0 - cloudCover + 0.2, n) * smoothstep(0.02, 0.12, d.y);
        color = mix(color, cloudColor, density);
    }
    if (fogExtinctionPerMeter > 0.0) {
        float t = d.y > 0.0 ? exp(-fogExtinctionPerMeter * fogLayerMeters / d.y) : 0.0;
        color = color * t + horizon * (1.0 - t);
    }
    fragColor = vec4(linearToSrgb(color * exposureGain), 1.0);
}
