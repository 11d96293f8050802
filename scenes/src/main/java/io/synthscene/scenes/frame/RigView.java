package io.synthscene.scenes.frame;

/**
 * What one camera of a frame sees: the frame with that camera ({@link Frame#camera()} is the
 * view's camera, {@link Frame#rig()} null), the camera's name ({@code null} for a frame without a
 * rig) and its place in the rig. Made by {@link Frame#views()}; the renderer and the annotators
 * take {@link #frame()} as they take any frame.
 *
 * <p>The view index {@code frame index x cameras + camera index} numbers the images of a dataset
 * without gaps or collisions (COCO image id = view index + 1); for a frame without a rig it is the
 * frame index.
 */
public record RigView(Frame frame, String cameraName, int cameraIndex, int cameraCount) {

    public RigView {
        if (cameraCount < 1 || cameraIndex < 0 || cameraIndex >= cameraCount) {
            throw new IllegalArgumentException("camera " + cameraIndex + " of " + cameraCount);
        }
        if (cameraName == null && cameraCount > 1) {
            throw new IllegalArgumentException("the cameras of a rig need their names");
        }
    }

    public int frameIndex() {
        return frame.index();
    }

    /** {@code frame index x cameras + camera index}. */
    public long viewIndex() {
        return (long) frame.index() * cameraCount + cameraIndex;
    }
}
