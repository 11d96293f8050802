#version 450 core
// Sensor, lateral chromatic aberration: red magnified and blue shrunk about the image centre c.
// Output pixel p (its centre) of red samples the linear image at c + (p - c)(1 - shift), of blue at
// c + (p - c)(1 + shift), shift = px / r_corner, so that at the corners red lands about px pixels
// further out and blue further in than green. Bilinear, by the texture unit (GL_LINEAR, pixel
// centres at +0.5, CLAMP_TO_EDGE repeats the border); green is copied.

layout(binding = 1) uniform sampler2D linearImage;
uniform vec2 imageSize; // pixels
uniform float shift;    // chromatic_aberration_px / r_corner

layout(location = 0) out vec4 aberrated;

void main() {
    vec2 centre = 0.5 * imageSize;
    vec2 fromCentre = gl_FragCoord.xy - centre;
    float red = texture(linearImage, (centre + fromCentre * (1.0 - shift)) / imageSize).r;
    float green = texelFetch(linearImage, ivec2(gl_FragCoord.xy), 0).g;
    float blue = texture(linearImage, (centre + fromCentre * (1.0 + shift)) / imageSize).b;
    aberrated = vec4(red, green, blue, 1.0);
}
