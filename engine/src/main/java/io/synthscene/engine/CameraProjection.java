package io.synthscene.engine;

import io.synthscene.scenes.frame.Camera;
import org.joml.Matrix4f;

/**
 * The OpenGL view and projection matrices of a {@link Camera}.
 *
 * <p>The projection is a perspective with the camera's focal length and an off-centre frustum
 * whose axis passes through the principal point of {@link Camera#intrinsics()} (the image centre
 * moved by the principal point offset): a point the OpenCV intrinsics put at pixel coordinates (u, v)
 * (origin at the top-left corner, pixel centres at +0.5) lands on that same spot of the image we
 * read back (after flipping GL's bottom-up rows).
 *
 * <p>Depth is reversed (near plane at depth 1, far plane at 0) over a [0, 1] clip range, which
 * the renderer sets with {@code glClipControl(GL_LOWER_LEFT, GL_ZERO_TO_ONE)}; with a 32-bit float
 * depth buffer this keeps depth precision nearly uniform out to the far plane. The depth test is
 * therefore GL_GREATER, and the depth buffer is cleared to 0.
 */
record CameraProjection(Matrix4f view, Matrix4f projection) {

    static CameraProjection of(Camera camera) {
        Matrix4f view = new Matrix4f(camera.viewMatrix());
        double near = camera.nearMeters();
        double far = camera.farMeters();
        double f = 1.0 / Math.tan(Math.toRadians(camera.vfovDegrees()) / 2.0);
        double aspect = (double) camera.width() / camera.height();
        // Column-major (JOML's mNM = column N, row M). Clip z = z_eye * n/(f-n) + n*f/(f-n), clip w = -z_eye:
        // depth = clip z / clip w is 1 at z_eye = -near and 0 at z_eye = -far.
        // The offset moves the frustum: x_ndc = 2u/w - 1 and y_ndc = 1 - 2v/h (GL's y is up, image v is
        // down), so u = cx + dx shifts x_ndc by 2dx/w and v = cy + dy shifts y_ndc by -2dy/h; times clip w = -z_eye.
        Matrix4f projection = new Matrix4f().zero()
                .m00((float) (f / aspect))
                .m11((float) f)
                .m20((float) (-2.0 * camera.principalPointDxPixels() / camera.width()))
                .m21((float) (2.0 * camera.principalPointDyPixels() / camera.height()))
                .m22((float) (near / (far - near)))
                .m23(-1f)
                .m32((float) (near * far / (far - near)));
        return new CameraProjection(view, projection);
    }
}
