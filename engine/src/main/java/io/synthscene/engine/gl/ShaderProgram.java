package io.synthscene.engine.gl;

import static org.lwjgl.opengl.GL20C.GL_COMPILE_STATUS;
import static org.lwjgl.opengl.GL20C.GL_FRAGMENT_SHADER;
import static org.lwjgl.opengl.GL20C.GL_LINK_STATUS;
import static org.lwjgl.opengl.GL20C.GL_VERTEX_SHADER;
import static org.lwjgl.opengl.GL20C.glAttachShader;
import static org.lwjgl.opengl.GL20C.glCompileShader;
import static org.lwjgl.opengl.GL20C.glCreateProgram;
import static org.lwjgl.opengl.GL20C.glCreateShader;
import static org.lwjgl.opengl.GL20C.glDeleteProgram;
import static org.lwjgl.opengl.GL20C.glDeleteShader;
import static org.lwjgl.opengl.GL20C.glDetachShader;
import static org.lwjgl.opengl.GL20C.glGetProgramInfoLog;
import static org.lwjgl.opengl.GL20C.glGetProgrami;
import static org.lwjgl.opengl.GL20C.glGetShaderInfoLog;
import static org.lwjgl.opengl.GL20C.glGetShaderi;
import static org.lwjgl.opengl.GL20C.glGetUniformLocation;
import static org.lwjgl.opengl.GL20C.glLinkProgram;
import static org.lwjgl.opengl.GL20C.glShaderSource;
import static org.lwjgl.opengl.GL20C.glUseProgram;
import static org.lwjgl.opengl.GL41C.glProgramUniform1f;
import static org.lwjgl.opengl.GL41C.glProgramUniform1fv;
import static org.lwjgl.opengl.GL41C.glProgramUniform1i;
import static org.lwjgl.opengl.GL41C.glProgramUniform1ui;
import static org.lwjgl.opengl.GL41C.glProgramUniform2f;
import static org.lwjgl.opengl.GL41C.glProgramUniform3f;
import static org.lwjgl.opengl.GL41C.glProgramUniform4ui;
import static org.lwjgl.opengl.GL41C.glProgramUniformMatrix3fv;
import static org.lwjgl.opengl.GL41C.glProgramUniformMatrix4fv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.joml.Matrix3f;
import org.joml.Matrix4f;

/**
 * A linked GLSL program made of a vertex and a fragment shader read from the classpath
 * ({@code io/synthscene/engine/shaders/NAME}). Compile and link errors throw
 * {@link ShaderException} with the driver's info log.
 *
 * <p>Created and closed by the Renderer, on the thread whose GL context is current. Uniforms are
 * set with the program-object calls of GL 4.1 (no need to bind first) from float arrays reused
 * per program, so setting them allocates no native memory.
 */
public final class ShaderProgram implements AutoCloseable {
    private static final String SHADER_FOLDER = "/io/synthscene/engine/shaders/";

    private final String name;
    private final int program;
    private final Map<String, Integer> locations = new HashMap<>();
    private final float[] matrix4 = new float[16];
    private final float[] matrix3 = new float[9];
    private boolean closed;

    private ShaderProgram(String name, int program) {
        this.name = name;
        this.program = program;
    }

    /** Compiles and links {@code vertexFile} and {@code fragmentFile} from the shader folder on the classpath. */
    public static ShaderProgram fromResources(String vertexFile, String fragmentFile) {
        String name = vertexFile + " + " + fragmentFile;
        int vertex = compile(GL_VERTEX_SHADER, vertexFile, readResource(vertexFile));
        int fragment;
        try {
            fragment = compile(GL_FRAGMENT_SHADER, fragmentFile, readResource(fragmentFile));
        } catch (RuntimeException e) {
            glDeleteShader(vertex);
            throw e;
        }
        int program = glCreateProgram();
        glAttachShader(program, vertex);
        glAttachShader(program, fragment);
        glLinkProgram(program);
        // The shaders are no longer needed once linked (or once linking failed).
        glDetachShader(program, vertex);
        glDetachShader(program, fragment);
        glDeleteShader(vertex);
        glDeleteShader(fragment);
        if (glGetProgrami(program, GL_LINK_STATUS) == 0) {
            String log = glGetProgramInfoLog(program);
            glDeleteProgram(program);
            throw new ShaderException("linking " + name + " failed:\n" + log);
        }
        return new ShaderProgram(name, program);
    }

    private static int compile(int type, String file, String source) {
        int shader = glCreateShader(type);
        glShaderSource(shader, source);
        glCompileShader(shader);
        if (glGetShaderi(shader, GL_COMPILE_STATUS) == 0) {
            String log = glGetShaderInfoLog(shader);
            glDeleteShader(shader);
            throw new ShaderException("compiling " + file + " failed:\n" + log);
        }
        return shader;
    }

    private static String readResource(String file) {
        try (InputStream in = ShaderProgram.class.getResourceAsStream(SHADER_FOLDER + file)) {
            if (in == null) {
                throw new ShaderException("shader " + SHADER_FOLDER + file + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading shader " + file, e);
        }
    }

    /** Makes this the program of the following draw calls. */
    public void use() {
        requireOpen();
        glUseProgram(program);
    }

    /**
     * The location of an active uniform; throws if the program has none of that name (a typo, or
     * a uniform the shader does not use and the driver removed), so mistakes show at once.
     */
    public int uniform(String uniformName) {
        requireOpen();
        return locations.computeIfAbsent(uniformName, n -> {
            int location = glGetUniformLocation(program, n);
            if (location < 0) {
                throw new ShaderException("program " + name + " has no active uniform " + n);
            }
            return location;
        });
    }

    public void set(int location, Matrix4f value) {
        requireOpen();
        glProgramUniformMatrix4fv(program, location, false, value.get(matrix4));
    }

    public void set(int location, Matrix3f value) {
        requireOpen();
        glProgramUniformMatrix3fv(program, location, false, value.get(matrix3));
    }

    public void set(int location, float x, float y, float z) {
        requireOpen();
        glProgramUniform3f(program, location, x, y, z);
    }

    public void set(int location, float value) {
        requireOpen();
        glProgramUniform1f(program, location, value);
    }

    public void set(int location, float x, float y) {
        requireOpen();
        glProgramUniform2f(program, location, x, y);
    }

    /** A float array uniform from its first element (the location of {@code name} or {@code name[0]}). */
    public void set(int location, float[] values) {
        requireOpen();
        glProgramUniform1fv(program, location, values);
    }

    public void setInt(int location, int value) {
        requireOpen();
        glProgramUniform1i(program, location, value);
    }

    public void setUnsigned(int location, int value) {
        requireOpen();
        glProgramUniform1ui(program, location, value);
    }

    /** A {@code uvec4}; the ints' bits are taken as unsigned. */
    public void setUnsigned(int location, int x, int y, int z, int w) {
        requireOpen();
        glProgramUniform4ui(program, location, x, y, z, w);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("shader program " + name + " is closed");
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            glDeleteProgram(program);
        }
    }
}
