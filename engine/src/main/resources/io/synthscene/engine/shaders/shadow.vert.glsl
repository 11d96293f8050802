#version 450 core
// Shadow map pass: casters' depth as seen from the sun (orthographic, depth 0 nearest the sun).

layout(location = 0) in vec3 position;   // object-local, metres

uniform mat4 model;                 // object-local -> world
uniform mat4 lightViewProjection;   // world -> shadow clip space

void main() {
    gl_Position = lightViewProjection * model * vec4(position, 1.0);
}
