package io.synthscene.engine.gl;

/** Names for glCheckFramebufferStatus results, for error messages. */
final class FramebufferStatus {
    private FramebufferStatus() {
    }

    static String name(int status) {
        String name = switch (status) {
            case 0x8CD5 -> "GL_FRAMEBUFFER_COMPLETE";
            case 0x8219 -> "GL_FRAMEBUFFER_UNDEFINED";
            case 0x8CD6 -> "GL_FRAMEBUFFER_INCOMPLETE_ATTACHMENT";
            case 0x8CD7 -> "GL_FRAMEBUFFER_INCOMPLETE_MISSING_ATTACHMENT";
            case 0x8CDB -> "GL_FRAMEBUFFER_INCOMPLETE_DRAW_BUFFER";
            case 0x8CDC -> "GL_FRAMEBUFFER_INCOMPLETE_READ_BUFFER";
            case 0x8CDD -> "GL_FRAMEBUFFER_UNSUPPORTED";
            case 0x8D56 -> "GL_FRAMEBUFFER_INCOMPLETE_MULTISAMPLE";
            case 0x8DA8 -> "GL_FRAMEBUFFER_INCOMPLETE_LAYER_TARGETS";
            case 0 -> "0 (glCheckFramebufferStatus itself failed)";
            default -> null;
        };
        return name != null ? name : "status 0x" + Integer.toHexString(status);
    }
}
