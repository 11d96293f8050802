#version 450 core
// Deliberately broken, for GlObjectsTest: a vec3 cannot initialise a float.
out vec4 fragColor;
void main() {
    float wrong = vec3(1.0);
    fragColor = vec4(wrong);
}
