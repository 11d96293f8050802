#version 450 core
// Rain streaks and snowflakes (PrecipitationPass), shared by the COLOR and the INSTANCE_ID draws
// so that both rasterize the same quads (gl_Position is invariant). No vertex buffer: instance i
// is particle i, vertices 0..5 the two triangles of its quad.
//
// Particle i sits at a point of the cube volumeCentre +- halfSideMeters, from a hash of
// (key, i): the same frame always has the same particles. The cube is anchored in the world
// (the camera's position, or a rig's pose shared by all its cameras), so every camera of a rig
// sees the same particles. During the exposure it falls by
// fallMeters (world, +Y up), so it is drawn as a capsule from that point to the point it reaches:
// radius radiusMeters, but never thinner than half a pixel; a thinner particle is drawn half a
// pixel wide with its opacity scaled down by the share of that width it covers. Particles below
// the ground (y < 0) or within nearMeters of the camera plane are not drawn.

uniform mat4 view;              // world -> eye
uniform mat4 projection;        // eye -> clip (reversed Z)
uniform vec3 cameraPosition;    // world, metres
uniform vec3 volumeCentre;      // world, metres: the centre of the particle cube
uniform uint key;               // per frame and kind of particle
uniform float halfSideMeters;
uniform vec3 fallMeters;        // displacement during the exposure, world
uniform float radiusMeters;
uniform float baseOpacity;
uniform float nearMeters;
uniform vec2 viewportPixels;

flat out vec2 startPixel;       // the capsule's axis in window coordinates (gl_FragCoord's)
flat out vec2 endPixel;
flat out float radiusPixels;
flat out float opacity;
out float distanceMeters;

invariant gl_Position;

uint mixBits(uint x) {          // "lowbias32" integer hash
    x ^= x >> 16; x *= 0x7feb352du;
    x ^= x >> 15; x *= 0x846ca68bu;
    x ^= x >> 16;
    return x;
}

float unitFloat(uint h) {       // [0, 1) from the top 24 bits
    return float(h >> 8) * (1.0 / 16777216.0);
}

void main() {
    uint i = uint(gl_InstanceID);
    uint h = mixBits(key ^ mixBits(i));
    vec3 u = vec3(unitFloat(h), unitFloat(mixBits(h + 1u)), unitFloat(mixBits(h + 2u)));
    vec3 start = volumeCentre + (2.0 * u - 1.0) * halfSideMeters;
    vec3 end = start + fallMeters;

    vec4 a = projection * (view * vec4(start, 1.0));
    vec4 b = projection * (view * vec4(end, 1.0));
    if (end.y < 0.0 || a.w < nearMeters || b.w < nearMeters) {
        gl_Position = vec4(2.0, 2.0, 2.0, 1.0);   // outside the clip volume: nothing drawn
        startPixel = endPixel = vec2(0.0);
        radiusPixels = opacity = distanceMeters = 0.0;
        return;
    }
    vec2 pa = (a.xy / a.w * 0.5 + 0.5) * viewportPixels;
    vec2 pb = (b.xy / b.w * 0.5 + 0.5) * viewportPixels;
    float focalPixels = projection[1][1] * 0.5 * viewportPixels.y;
    float trueRadius = radiusMeters * focalPixels / (0.5 * (a.w + b.w));
    float r = max(trueRadius, 0.5);
    startPixel = pa;
    endPixel = pb;
    radiusPixels = r;
    opacity = baseOpacity * min(trueRadius / 0.5, 1.0);

    vec2 along = pb - pa;
    along = length(along) > 1e-4 ? normalize(along) : vec2(0.0, 1.0);
    vec2 across = vec2(-along.y, along.x);
    int corner = int[6](0, 1, 2, 2, 1, 3)[gl_VertexID];
    bool atEnd = (corner & 1) != 0;
    float side = (corner & 2) != 0 ? 1.0 : -1.0;
    vec4 clip = atEnd ? b : a;
    vec2 pixel = (atEnd ? pb + along * r : pa - along * r) + across * (side * r);
    vec2 ndc = pixel / viewportPixels * 2.0 - 1.0;
    gl_Position = vec4(ndc * clip.w, clip.z, clip.w);
    distanceMeters = length((atEnd ? end : start) - cameraPosition);
}
