#version 450 core
// COLOR pass: Blinn-Phong in linear RGB under a sun, a sky/ground hemisphere light, sun shadows
// and fog, encoded to sRGB here (the colour target is plain GL_RGBA8, not an sRGB format, so the
// encoding is the same on every driver and the CPU-side sky colour uses the same formula, see
// SrgbTransfer.java).
//
//   ambient   = mix(groundBounce, skyLight, 0.5 + 0.5 * n.y)   (sky light facing up, bounce facing down)
//   lit       = base * (ambient + sun * visibility * max(n.l, 0)) + visibility * specular
//   specular  = sun * (1 - roughness) * max(n.h, 0)^shininess    where n.l > 0
//   shininess = 2 / max(roughness^4, 1e-4) - 2  (at least 1)
//   fogged    = lit * t + airlight * (1 - t),  t = exp(-beta * distance to the camera)   (Koschmieder)
// with sun = sun colour x intensity, l the unit direction to the sun, h the half vector between l
// and the direction to the camera, visibility the share of the sun the shadow map lets through
// (1 without shadows). skyLight, groundBounce and airlight come from Daylight.java (scenes module).

in vec3 worldPosition;
in vec3 worldNormal;
in float viewDepthMeters;

uniform vec3 baseColor;        // linear RGB
uniform float roughness;       // [0, 1]
uniform vec3 directionToSun;   // world, unit
uniform vec3 sunRadiance;      // linear RGB x intensity
uniform vec3 skyLight;         // linear RGB x intensity, on a surface facing up
uniform vec3 groundBounce;     // linear RGB x intensity, on a surface facing down
uniform vec3 cameraPosition;   // world, metres

uniform float shadowsEnabled;            // 1: look the sun up in shadowMap; 0: the sun is never blocked
uniform sampler2DShadow shadowMap;       // depth from the sun, 0 nearest the sun; compares GL_LEQUAL
uniform mat4 lightViewProjection;        // world -> shadow map clip space (orthographic)
uniform float shadowTexelMeters;         // one shadow-map texel, metres
uniform float shadowNormalOffsetTexels;  // lookup moved off the surface by this many texels x sin(angle to the sun)

uniform float fogExtinctionPerMeter;     // beta = 3.912 / visibility; 0 = no fog
uniform vec3 airlight;                   // linear RGB: the horizon sky

layout(location = 0) out vec4 fragColor;

vec3 linearToSrgb(vec3 linear) {
    vec3 c = clamp(linear, 0.0, 1.0);
    vec3 low = 12.92 * c;
    vec3 high = 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055;
    return mix(high, low, vec3(lessThanEqual(c, vec3(0.0031308))));
}

// Share of the sun reaching this point: 3 x 3 taps one texel apart, each a bilinear depth
// comparison (percentage-closer filtering). Outside the map (beyond the shadow distance) it is lit.
float sunVisibility(vec3 n, float cosToSun) {
    if (shadowsEnabled < 0.5) {
        return 1.0;
    }
    float sinToSun = sqrt(max(1.0 - cosToSun * cosToSun, 0.0));
    vec3 lookup = worldPosition + n * (shadowTexelMeters * shadowNormalOffsetTexels * sinToSun);
    vec4 clip = lightViewProjection * vec4(lookup, 1.0);
    vec3 s = clip.xyz / clip.w;
    vec2 uv = s.xy * 0.5 + 0.5;
    if (s.z >= 1.0 || any(lessThan(uv, vec2(0.0))) || any(greaterThan(uv, vec2(1.0)))) {
        return 1.0;
    }
    vec2 texel = 1.0 / vec2(textureSize(shadowMap, 0));
    float lit = 0.0;
    for (int dy = -1; dy <= 1; dy++) {
        for (int dx = -1; dx <= 1; dx++) {
            lit += texture(shadowMap, vec3(uv + vec2(dx, dy) * texel, s.z));
        }
    }
    return lit / 9.0;
}

void main() {
    vec3 n = normalize(worldNormal);
    vec3 toCamera = normalize(cameraPosition - worldPosition);
    vec3 ambient = mix(groundBounce, skyLight, 0.5 + 0.5 * n.y);
    float cosToSun = dot(n, directionToSun);
    float lambert = max(cosToSun, 0.0);

    vec3 specular = vec3(0.0);
    float visibility = 1.0;
    if (lambert > 0.0) {
        visibility = sunVisibility(n, cosToSun);
        if (roughness < 1.0) {
            vec3 halfVector = normalize(directionToSun + toCamera);
            float r4 = roughness * roughness * roughness * roughness;
            float shininess = max(2.0 / max(r4, 1e-4) - 2.0, 1.0);
            specular = sunRadiance * (1.0 - roughness) * pow(max(dot(n, halfVector), 0.0), shininess);
        }
    }

    vec3 lit = baseColor * (ambient + sunRadiance * (visibility * lambert)) + visibility * specular;
    float t = exp(-fogExtinctionPerMeter * length(cameraPosition - worldPosition));
    fragColor = vec4(linearToSrgb(lit * t + airlight * (1.0 - t)), 1.0);
}
