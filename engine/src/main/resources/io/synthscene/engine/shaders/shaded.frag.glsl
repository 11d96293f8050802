#version 450 core
// COLOR pass: Blinn-Phong in linear RGB under a sun, a sky/ground hemisphere light, sun shadows,
// point and spot lights, emission, fog and the scene exposure, encoded to sRGB here (the colour target is plain GL_RGBA8, not an sRGB format, so the
// encoding is the same on every driver and the CPU-side sky colour uses the same formula, see
// SrgbTransfer.java).
//
//   ambient   = mix(groundBounce, skyLight, 0.5 + 0.5 * n.y)   (sky light facing up, bounce facing down)
//   diffuse   = base * (1 - metalness);   tint = mix(white, base, metalness)   (metallic workflow: F0)
//   lit       = diffuse * (ambient + sun * visibility * max(n.l, 0)) + visibility * tint * specular(sun)
//             + sum over local lights of [diffuse * E_i + tint * specular(L_i)]
//             + emission
//   specular(L) = L * (1 - roughness) * max(n.h, 0)^shininess    where n.l > 0
//   shininess = 2 / max(roughness^4, 1e-4) - 2  (at least 1)
//   fogged    = lit * t + airlight * (1 - t),  t = exp(-beta * distance to the camera)   (Koschmieder)
//   written   = sRGB(fogged * exposureGain)
// with sun = sun colour x intensity, l the unit direction to the sun, h the half vector between l
// and the direction to the camera, visibility the share of the sun the shadow map lets through
// (1 without shadows). skyLight, groundBounce and airlight come from Daylight.java (scenes module).
// With metalness 0, no emission, no local lights and exposureGain 1 this is exactly the shading
// from before those existed.
//
// Local lights (LocalLighting.java in the scenes module computes the same on the CPU): L_i, the
// light arriving from light i on a surface facing it, is its radiance at 1 m x window /
// max(d^2, 0.05^2) x cone, and E_i = L_i x max(n.l_i, 0), window = clamp(1 - (d / range)^4, 0, 1)^2, cone = smoothstep(cos outer, cos inner, cos of
// the angle to the spot's axis). They cast no shadows. Their number is not capped here: they live
// in a storage buffer (see LocalLightBlock.java); Lighting.MAX_LOCAL_LIGHTS bounds it per frame.
//
// Weather (Weather.java in the scenes module), applied to base colour and roughness before lighting:
//   wet ground (groundSurface = 1, wetness w > 0): base *= 1 - 0.5 w, roughness = mix(roughness, 0.15, w);
//     puddles where a value noise of period ~4 m exceeds 0.78 - 0.18 w: base *= 0.35, roughness 0.03
//   snow cover c > 0 on any surface: s = c * smoothstep(0.3, 0.9, n.y); base = mix(base, 0.9, s),
//     roughness = mix(roughness, 0.9, s), metalness *= 1 - s
// With wetness and snowCover 0 nothing changes.

in vec3 localPosition;
in vec3 worldPosition;
in vec3 worldNormal;
in float viewDepthMeters;
in vec2 surfaceUv;

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

uniform float metalness;                 // [0, 1]
uniform vec3 emission;                   // linear RGB x strength, added after lighting
uniform float exposureGain;              // 2^ev of the scene exposure, before the sRGB encoding
uniform int localLightCount;
uniform float groundSurface;             // 1 while drawing the ground (puddles), else 0
uniform float wetness;                   // [0, 1], Weather.wetness(); 0 = dry
uniform float snowCover;                 // [0, 1], Weather.cover(); 0 = none
// Procedural texture (Texture.java in the scenes module): replaces baseColor when textureKind > 0.
uniform int textureKind;                 // 0 none, 1 checker, 2 stripes, 3 noise
uniform float textureCellLocal;          // scale_m / the object's scale: one cell in object-local units
uniform float textureAngleRadians;       // the pattern turned about +Y, counter-clockwise seen from above
uniform vec3 textureColor0;              // linear RGB
uniform vec3 textureColor1;              // linear RGB
// A model file's base-colour image (MeshPart.baseColorTexture): an sRGB texture, so texture() gives
// linear colour; the base colour is baseColor (the file's base colour factor) x the image at surfaceUv.
uniform float baseColorTextured;         // 1 while drawing a part with its image, else 0
layout(binding = 2) uniform sampler2D baseColorImage;   // unit 2: Renderer.BASE_COLOR_TEXTURE_UNIT

// The surface after the weather; main() sets them before anything reads them.
vec3 surfaceBase;
float surfaceRoughness;
float surfaceMetalness;

struct LocalLight {
    vec4 positionRange;       // xyz world metres, w range metres
    vec4 radianceSpot;        // rgb colour x candela / LUX_PER_UNIT, w 1 for a spot
    vec4 directionCosOuter;   // xyz unit spot axis, w cos(outer cone); -2 for a point light
    vec4 cosInner;            // x cos(inner cone)
};
layout(std430, binding = 0) readonly buffer LocalLights {
    LocalLight localLights[];
};

const float MIN_LIGHT_DISTANCE = 0.05;   // metres: LocalLighting.MIN_DISTANCE_METERS

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

// Blinn-Phong highlight of light arriving from unit direction l with radiance (irradiance on a
// surface facing it) L; zero for a fully rough surface.
vec3 highlight(vec3 n, vec3 l, vec3 toCamera, vec3 L) {
    if (surfaceRoughness >= 1.0) {
        return vec3(0.0);
    }
    vec3 halfVector = normalize(l + toCamera);
    float r4 = surfaceRoughness * surfaceRoughness * surfaceRoughness * surfaceRoughness;
    float shininess = max(2.0 / max(r4, 1e-4) - 2.0, 1.0);
    return L * (1.0 - surfaceRoughness) * pow(max(dot(n, halfVector), 0.0), shininess);
}

float latticeValue(vec2 cell) {
    return fract(sin(dot(cell, vec2(127.1, 311.7))) * 43758.5453);
}

// Smooth value noise in [0, 1] over the ground, period about 4 m, two octaves.
float puddleNoise(vec2 xz) {
    float sum = 0.0;
    float weight = 0.65;
    for (int octave = 0; octave < 2; octave++) {
        vec2 p = xz / (octave == 0 ? 4.0 : 1.5);
        vec2 i = floor(p);
        vec2 f = fract(p);
        f = f * f * (3.0 - 2.0 * f);
        float a = mix(latticeValue(i), latticeValue(i + vec2(1, 0)), f.x);
        float b = mix(latticeValue(i + vec2(0, 1)), latticeValue(i + vec2(1, 1)), f.x);
        sum += weight * mix(a, b, f.y);
        weight = 0.35;
    }
    return sum;
}

float latticeValue3(vec3 cell) {
    return fract(sin(dot(cell, vec3(127.1, 311.7, 74.7))) * 43758.5453);
}

// Smooth value noise in [0, 1] over cells of side 1, trilinear with a smoothstep fade.
float valueNoise3(vec3 p) {
    vec3 i = floor(p);
    vec3 f = fract(p);
    f = f * f * (3.0 - 2.0 * f);
    float x00 = mix(latticeValue3(i), latticeValue3(i + vec3(1, 0, 0)), f.x);
    float x10 = mix(latticeValue3(i + vec3(0, 1, 0)), latticeValue3(i + vec3(1, 1, 0)), f.x);
    float x01 = mix(latticeValue3(i + vec3(0, 0, 1)), latticeValue3(i + vec3(1, 0, 1)), f.x);
    float x11 = mix(latticeValue3(i + vec3(0, 1, 1)), latticeValue3(i + vec3(1, 1, 1)), f.x);
    return mix(mix(x00, x10, f.y), mix(x01, x11, f.y), f.z);
}

// The base colour: baseColor, or the procedural texture evaluated at this fragment's object-local
// position, or baseColor times a model file's image.
vec3 texturedBase() {
    if (textureKind == 0) {
        return baseColorTextured > 0.5 ? baseColor * texture(baseColorImage, surfaceUv).rgb : baseColor;
    }
    float c = cos(textureAngleRadians);
    float s = sin(textureAngleRadians);
    // coordinates along r = (cos a, 0, -sin a), +Y and n = (sin a, 0, cos a), in cells
    vec3 q = vec3(dot(localPosition, vec3(c, 0.0, -s)), localPosition.y, dot(localPosition, vec3(s, 0.0, c)))
            / textureCellLocal;
    if (textureKind == 1) {
        vec3 cell = floor(q);
        return mod(cell.x + cell.y + cell.z, 2.0) < 0.5 ? textureColor0 : textureColor1;
    }
    if (textureKind == 2) {
        return mod(floor(q.z), 2.0) < 0.5 ? textureColor0 : textureColor1;
    }
    float t = clamp(0.65 * valueNoise3(q) + 0.35 * valueNoise3(q * 2.7 + vec3(17.0)), 0.0, 1.0);
    return mix(textureColor0, textureColor1, t);
}

// Wet ground and snow cover change the material; a dry, snowless frame keeps it exactly.
void applyWeather(vec3 n) {
    surfaceBase = texturedBase();
    surfaceRoughness = roughness;
    surfaceMetalness = metalness;
    if (wetness > 0.0 && groundSurface > 0.5) {
        surfaceBase *= 1.0 - 0.5 * wetness;
        surfaceRoughness = mix(surfaceRoughness, 0.15, wetness);
        float threshold = 0.78 - 0.18 * wetness;
        float puddle = smoothstep(threshold, threshold + 0.03, puddleNoise(worldPosition.xz));
        surfaceBase *= mix(1.0, 0.35, puddle);
        surfaceRoughness = mix(surfaceRoughness, 0.03, puddle);
    }
    if (snowCover > 0.0) {
        float s = snowCover * smoothstep(0.3, 0.9, n.y);
        surfaceBase = mix(surfaceBase, vec3(0.9), s);
        surfaceRoughness = mix(surfaceRoughness, 0.9, s);
        surfaceMetalness *= 1.0 - s;
    }
}

// Diffuse and highlight from every point and spot light.
vec3 localLighting(vec3 n, vec3 toCamera, vec3 diffuse, vec3 tint) {
    vec3 sum = vec3(0.0);
    for (int i = 0; i < localLightCount; i++) {
        LocalLight light = localLights[i];
        vec3 toLight = light.positionRange.xyz - worldPosition;
        float d2 = dot(toLight, toLight);
        float d = sqrt(d2);
        float range = light.positionRange.w;
        if (d >= range || d == 0.0) {
            continue;
        }
        vec3 l = toLight / d;
        float cosSurface = dot(n, l);
        if (cosSurface <= 0.0) {
            continue;
        }
        float x = d / range;
        float window = clamp(1.0 - x * x * x * x, 0.0, 1.0);
        window *= window;
        float cone = 1.0;
        if (light.radianceSpot.w > 0.5) {
            float cosOuter = light.directionCosOuter.w;
            float cosInner = light.cosInner.x;
            float cosAxis = dot(-l, light.directionCosOuter.xyz);
            cone = cosInner - cosOuter < 1e-9 ? step(cosOuter, cosAxis) : smoothstep(cosOuter, cosInner, cosAxis);
        }
        vec3 arriving = light.radianceSpot.rgb * (window * cone / max(d2, MIN_LIGHT_DISTANCE * MIN_LIGHT_DISTANCE));
        sum += diffuse * (arriving * cosSurface) + tint * highlight(n, l, toCamera, arriving);
    }
    return sum;
}

void main() {
    vec3 n = normalize(worldNormal);
    applyWeather(n);
    vec3 toCamera = normalize(cameraPosition - worldPosition);
    vec3 ambient = mix(groundBounce, skyLight, 0.5 + 0.5 * n.y);
    float cosToSun = dot(n, directionToSun);
    float lambert = max(cosToSun, 0.0);

    vec3 specular = vec3(0.0);
    float visibility = 1.0;
    if (lambert > 0.0) {
        visibility = sunVisibility(n, cosToSun);
        if (surfaceRoughness < 1.0) {
            vec3 halfVector = normalize(directionToSun + toCamera);
            float r4 = surfaceRoughness * surfaceRoughness * surfaceRoughness * surfaceRoughness;
            float shininess = max(2.0 / max(r4, 1e-4) - 2.0, 1.0);
            specular = sunRadiance * (1.0 - surfaceRoughness) * pow(max(dot(n, halfVector), 0.0), shininess);
        }
    }

    vec3 diffuse = surfaceBase * (1.0 - surfaceMetalness);
    vec3 tint = mix(vec3(1.0), surfaceBase, surfaceMetalness);
    vec3 lit = diffuse * (ambient + sunRadiance * (visibility * lambert)) + visibility * (tint * specular);
    lit += localLighting(n, toCamera, diffuse, tint) + emission;
    float t = exp(-fogExtinctionPerMeter * length(cameraPosition - worldPosition));
    fragColor = vec4(linearToSrgb((lit * t + airlight * (1.0 - t)) * exposureGain), 1.0);
}
