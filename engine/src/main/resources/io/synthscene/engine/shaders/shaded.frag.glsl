#version 450 core
// COLOR pass: Blinn-Phong in linear RGB, encoded to sRGB here (the colour target is plain
// GL_RGBA8, not an sRGB format, so the encoding is the same on every driver and the CPU-side
// sky colour uses the same formula, see SrgbTransfer.java).
//
//   hemisphere = 0.75 + 0.25 * n.y                    (1 facing up, 0.75 sideways, 0.5 down)
//   linear     = base * (ambient * hemisphere + sun * max(n.l, 0)) + specular
//   specular   = sun * (1 - roughness) * max(n.h, 0)^shininess    where n.l > 0
//   shininess  = 2 / max(roughness^4, 1e-4) - 2  (at least 1)
// with ambient = ambient colour x intensity, sun = sun colour x intensity, l the unit direction to
// the sun, h the half vector between l and the direction to the camera.

in vec3 worldPosition;
in vec3 worldNormal;
in float viewDepthMeters;

uniform vec3 baseColor;        // linear RGB
uniform float roughness;       // [0, 1]
uniform vec3 directionToSun;   // world, unit
uniform vec3 sunRadiance;      // linear RGB x intensity
uniform vec3 ambientRadiance;  // linear RGB x intensity
uniform vec3 cameraPosition;   // world, metres

layout(location = 0) out vec4 fragColor;

vec3 linearToSrgb(vec3 linear) {
    vec3 c = clamp(linear, 0.0, 1.0);
    vec3 low = 12.92 * c;
    vec3 high = 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055;
    return mix(high, low, vec3(lessThanEqual(c, vec3(0.0031308))));
}

void main() {
    vec3 n = normalize(worldNormal);
    vec3 toCamera = normalize(cameraPosition - worldPosition);
    float hemisphere = 0.75 + 0.25 * n.y;
    float lambert = max(dot(n, directionToSun), 0.0);

    vec3 specular = vec3(0.0);
    if (lambert > 0.0 && roughness < 1.0) {
        vec3 halfVector = normalize(directionToSun + toCamera);
        float r4 = roughness * roughness * roughness * roughness;
        float shininess = max(2.0 / max(r4, 1e-4) - 2.0, 1.0);
        specular = sunRadiance * (1.0 - roughness) * pow(max(dot(n, halfVector), 0.0), shininess);
    }

    vec3 linear = baseColor * (ambientRadiance * hemisphere + sunRadiance * lambert) + specular;
    fragColor = vec4(linearToSrgb(linear), 1.0);
}
