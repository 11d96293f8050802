#version 450 core
// INSTANCE_ID + DEPTH pass, one draw into two colour targets of a never-multisampled
// framebuffer: attachment 0 GL_R32UI (instance id, 0 = background or scenery), attachment 1
// GL_R32F (linear depth in metres along the viewing axis; cleared to +infinity for the sky).

in float viewDepthMeters;

uniform uint instanceId;

layout(location = 0) out uint fragInstanceId;
layout(location = 1) out float fragDepthMeters;

void main() {
    fragInstanceId = instanceId;
    fragDepthMeters = viewDepthMeters;
}
