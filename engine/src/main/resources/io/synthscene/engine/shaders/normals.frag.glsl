#version 450 core
// NORMALS pass: the unit surface normal of each pixel in the camera's coordinates, OpenCV axes
// (x right, y down, z forward), turned towards the camera, into a GL_RGBA32F target that is
// never multisampled (cleared to 0, 0, 0 where nothing is hit).

in vec3 worldNormal;

uniform mat3 worldToEye;   // rotation part of the view matrix (OpenGL eye: y up, looking along -z)

layout(location = 0) out vec4 fragNormal;

void main() {
    vec3 eye = normalize(worldToEye * normalize(worldNormal));
    // A visible surface faces the camera: flip a normal seen from behind (open or thin parts).
    if (!gl_FrontFacing) {
        eye = -eye;
    }
    fragNormal = vec4(eye.x, -eye.y, -eye.z, 1.0); // OpenGL eye axes to OpenCV camera axes
}
