#version 450 core
// SILHOUETTES pass: one labelled object at a time, no depth test, into a GL_R8UI target cleared
// to 0 (inside a scissor rectangle around the object's projection). Every fragment writes 1, so
// the target holds the set of pixel centres the object's triangles cover: its silhouette with
// nothing in front of it. Shares object.vert.glsl (invariant gl_Position) with the id pass, so
// with the same projection and viewport it rasterizes exactly the same fragments.

layout(location = 0) out uint covered;

void main() {
    covered = 1u;
}
