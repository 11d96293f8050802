#version 450 core
// Shared by the shaded (COLOR) and the label (INSTANCE_ID + DEPTH) programs, so that both
// rasterize exactly the same triangles: gl_Position is declared invariant, which GLSL guarantees
// to compute identically in every program that uses this same code with the same inputs.
//
// Spaces: object-local (asset frame, metres) -> world (right-handed, +Y up) -> eye (OpenGL:
// camera looks along -Z) -> clip (reversed Z: near plane at depth 1, far at 0).

layout(location = 0) in vec3 position;   // object-local, metres
layout(location = 1) in vec3 normal;     // object-local, unit
layout(location = 2) in vec2 uv;         // image convention: u from the left, v from the top row; (0, 0) without uvs

uniform mat4 model;          // object-local -> world
uniform mat3 normalMatrix;   // inverse transpose of model's upper 3x3
uniform mat4 view;           // world -> eye
uniform mat4 projection;     // eye -> clip

out vec3 localPosition;     // object-local, metres (the ground's are world: it is drawn with an identity model)
out vec3 worldPosition;
out vec3 worldNormal;
out float viewDepthMeters;   // distance along the viewing axis, -z in eye space
out vec2 surfaceUv;          // uv, passed through for a model file's base-colour image

invariant gl_Position;

void main() {
    vec4 world = model * vec4(position, 1.0);
    vec4 eye = view * world;
    localPosition = position;
    worldPosition = world.xyz;
    worldNormal = normalMatrix * normal;
    viewDepthMeters = -eye.z;
    surfaceUv = uv;
    gl_Position = projection * eye;
}
