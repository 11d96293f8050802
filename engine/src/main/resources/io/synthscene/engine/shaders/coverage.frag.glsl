#version 450 core
// Coverage of the objects for compositing over a photo: every sample an object covers is 1, the
// cleared background 0. Drawn into a target multisampled like the COLOR pass with the shared
// vertex shader, so that after the resolve each pixel holds the share of its samples that the
// COLOR pass drew objects into.

layout(location = 0) out vec4 fragCoverage;

void main() {
    fragCoverage = vec4(1.0);
}
