#version 450 core
// Image passes (the sensor): one triangle that covers the whole viewport, made from gl_VertexID
// alone, so no vertex buffer is needed (an empty vertex array object is bound). Each fragment
// then finds its pixel in gl_FragCoord.xy, the pixel centre (x + 0.5, y + 0.5), y up from the
// bottom row as GL stores images.

void main() {
    vec2 corner = vec2((gl_VertexID << 1) & 2, gl_VertexID & 2); // (0, 0), (2, 0), (0, 2)
    gl_Position = vec4(corner * 2.0 - 1.0, 0.0, 1.0);
}
