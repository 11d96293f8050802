package io.synthscene.engine.gl;

import static org.lwjgl.opengl.GL11C.GL_LINEAR;
import static org.lwjgl.opengl.GL11C.GL_LINEAR_MIPMAP_LINEAR;
import static org.lwjgl.opengl.GL11C.GL_MAX_TEXTURE_SIZE;
import static org.lwjgl.opengl.GL11C.GL_REPEAT;
import static org.lwjgl.opengl.GL11C.GL_RGB;
import static org.lwjgl.opengl.GL11C.GL_TEXTURE_2D;
import static org.lwjgl.opengl.GL11C.GL_TEXTURE_MAG_FILTER;
import static org.lwjgl.opengl.GL11C.GL_TEXTURE_MIN_FILTER;
import static org.lwjgl.opengl.GL11C.GL_TEXTURE_WRAP_S;
import static org.lwjgl.opengl.GL11C.GL_TEXTURE_WRAP_T;
import static org.lwjgl.opengl.GL11C.GL_UNPACK_ALIGNMENT;
import static org.lwjgl.opengl.GL11C.GL_UNSIGNED_BYTE;
import static org.lwjgl.opengl.GL11C.glGetInteger;
import static org.lwjgl.opengl.GL11C.glPixelStorei;
import static org.lwjgl.opengl.GL21C.GL_SRGB8_ALPHA8;
import static org.lwjgl.opengl.GL45C.glBindTextureUnit;
import static org.lwjgl.opengl.GL45C.glCreateTextures;
import static org.lwjgl.opengl.GL45C.glDeleteTextures;
import static org.lwjgl.opengl.GL45C.glGenerateTextureMipmap;
import static org.lwjgl.opengl.GL45C.glTextureParameteri;
import static org.lwjgl.opengl.GL45C.glTextureStorage2D;
import static org.lwjgl.opengl.GL45C.glTextureSubImage2D;

import io.synthscene.assets.TextureImage;
import java.nio.ByteBuffer;
import org.lwjgl.system.MemoryUtil;

/**
 * A model's base-colour image on the GPU: an sRGB texture (GL_SRGB8_ALPHA8, alpha 1), so that
 * sampling decodes to linear colour before filtering, with a full mipmap chain, trilinear
 * filtering and repeat wrapping. Row 0 of the image (its top) is texture row t = 0, which matches
 * {@link io.synthscene.assets.MeshPart}'s uv convention (v from the image's top).
 *
 * <p>Created by {@link MeshBuffers} when its mesh is uploaded and closed with it, on the GL thread;
 * binding after {@link #close} throws {@link IllegalStateException}.
 */
public final class ImageTexture implements AutoCloseable {
    private final int texture;
    private final String source;
    private boolean closed;

    private ImageTexture(int texture, String source) {
        this.texture = texture;
        this.source = source;
    }

    /** @throws IllegalArgumentException when the image is larger than the device's largest texture */
    public static ImageTexture upload(TextureImage image) {
        int largest = glGetInteger(GL_MAX_TEXTURE_SIZE);
        if (image.width() > largest || image.height() > largest) {
            throw new IllegalArgumentException("texture " + image.source() + " is " + image.width() + "x" + image.height()
                    + " pixels, larger than the device's largest texture, " + largest + " pixels a side");
        }
        int levels = 32 - Integer.numberOfLeadingZeros(Math.max(image.width(), image.height()));
        int texture = glCreateTextures(GL_TEXTURE_2D);
        glTextureStorage2D(texture, levels, GL_SRGB8_ALPHA8, image.width(), image.height());
        ByteBuffer pixels = MemoryUtil.memAlloc(image.rgb().length);
        try {
            pixels.put(image.rgb()).flip();
            glPixelStorei(GL_UNPACK_ALIGNMENT, 1); // rows of 3-byte pixels are not 4-byte aligned
            glTextureSubImage2D(texture, 0, 0, 0, image.width(), image.height(), GL_RGB, GL_UNSIGNED_BYTE, pixels);
            glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
        } finally {
            MemoryUtil.memFree(pixels);
        }
        glGenerateTextureMipmap(texture);
        glTextureParameteri(texture, GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_LINEAR);
        glTextureParameteri(texture, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTextureParameteri(texture, GL_TEXTURE_WRAP_S, GL_REPEAT);
        glTextureParameteri(texture, GL_TEXTURE_WRAP_T, GL_REPEAT);
        return new ImageTexture(texture, image.source());
    }

    /** Binds the texture to texture unit {@code unit} for sampling. */
    public void bind(int unit) {
        if (closed) {
            throw new IllegalStateException("texture " + source + " is closed");
        }
        glBindTextureUnit(unit, texture);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            glDeleteTextures(texture);
        }
    }
}
