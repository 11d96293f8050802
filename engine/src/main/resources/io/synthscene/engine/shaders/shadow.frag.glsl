#version 450 core
// Shadow map pass: depth only, the framebuffer has no colour attachment.

void main() {
}
