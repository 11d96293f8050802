#version 450 core
// Sensor, motion blur from the camera's own motion during the exposure (see SensorPass.java and
// CameraMotion.java). Each pixel's scene point comes back from the depth pass (metres along the
// viewing axis; +inf for sky, a direction only) and the intrinsics; it is reprojected into the
// camera as it stands at n instants s in (-1/2, 1/2) of the exposure (midpoints: the shutter is
// open as long at each), which gives where that point is seen at s, p(s). The image at instant s
// shows at this pixel, to first order in the flow, what the rendered image shows at 2x - p(s);
// the result is the mean of the linear image over those positions (bilinear), times the
// vignetting factor (vignetting belongs to the lens, after the motion). Only colour: ids and depth
// are the pose at s = 0.
//
// Conventions: image coordinates (u right, v down, origin at the top-left corner, pixel centres at
// +0.5); GL camera coordinates (x right, y up, looking along -z); gl_FragCoord's y is up from the
// bottom row, so v = height - gl_FragCoord.y.

// SensorPass.MAX_MOTION_SAMPLES
const int MAX_SAMPLES = 128;

layout(binding = 1) uniform sampler2D linearImage; // bilinear, edges clamped
layout(binding = 2) uniform sampler2D depthImage;  // nearest: metres along the viewing axis
uniform vec2 imageSize;      // pixels
uniform vec2 principalPoint; // (cx, cy), image coordinates
uniform float focalPx;       // fx = fy
uniform mat3 cameraToWorld;  // the GL camera axes in the world at s = 0
uniform vec3 travel;         // camera travel over the whole exposure, world metres
uniform float turnRadians;   // camera turn about world +Y over the whole exposure (positive: left)
uniform float vignetting;    // v in [0, 1)

layout(location = 0) out vec4 linearColor;

// Where the scene point at world offset `rel` from the s = 0 camera (a direction when `sky`) is
// seen at instant s; false when it is behind the camera then.
bool seenAt(float s, vec3 rel, bool sky, out vec2 uv) {
    vec3 fromCamera = sky ? rel : rel - s * travel;
    float a = -s * turnRadians; // undo the camera's turn: rotate the world the other way
    float c = cos(a);
    float sn = sin(a);
    vec3 turned = vec3(c * fromCamera.x + sn * fromCamera.z, fromCamera.y, -sn * fromCamera.x + c * fromCamera.z);
    vec3 p = transpose(cameraToWorld) * turned;
    if (p.z > -1e-6) {
        return false;
    }
    uv = vec2(principalPoint.x + focalPx * p.x / -p.z, principalPoint.y - focalPx * p.y / -p.z);
    return true;
}

void main() {
    ivec2 pixel = ivec2(gl_FragCoord.xy);
    vec2 uv0 = vec2(gl_FragCoord.x, imageSize.y - gl_FragCoord.y);
    float depth = texelFetch(depthImage, pixel, 0).r;
    bool sky = isinf(depth) || !(depth > 0.0);
    vec3 ray = vec3((uv0.x - principalPoint.x) / focalPx, -(uv0.y - principalPoint.y) / focalPx, -1.0);
    vec3 rel = cameraToWorld * (sky ? ray : ray * depth);

    vec2 first;
    vec2 last;
    bool ends = seenAt(-0.5, rel, sky, first) && seenAt(0.5, rel, sky, last);
    float lengthPx = ends ? distance(first, last) : float(MAX_SAMPLES);
    vec2 centre = 0.5 * imageSize;
    vec2 fromCentre = gl_FragCoord.xy - centre;
    float vignette = 1.0 - vignetting * dot(fromCentre, fromCentre) / dot(centre, centre);
    if (lengthPx < 0.01) {
        // still at this pixel (sky under pure travel): exactly the rendered value
        linearColor = vec4(texelFetch(linearImage, pixel, 0).rgb * vignette, 1.0);
        return;
    }
    // one sample per pixel of the path at least, so the smear has no gaps
    int n = clamp(int(ceil(lengthPx)) + 1, 2, MAX_SAMPLES);
    vec3 sum = vec3(0.0);
    int used = 0;
    for (int k = 0; k < n; k++) {
        float s = (float(k) + 0.5) / float(n) - 0.5;
        vec2 p;
        if (!seenAt(s, rel, sky, p)) {
            continue;
        }
        vec2 q = 2.0 * uv0 - p;
        sum += texture(linearImage, vec2(q.x, imageSize.y - q.y) / imageSize).rgb;
        used++;
    }
    vec3 mean = used > 0 ? sum / float(used) : texelFetch(linearImage, pixel, 0).rgb;
    linearColor = vec4(mean * vignette, 1.0);
}
