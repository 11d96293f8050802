package io.synthscene.engine;

import io.synthscene.engine.gl.ImageTexture;
import io.synthscene.engine.gl.ShaderProgram;
import io.synthscene.engine.gl.ShaderStorageBuffer;
import io.synthscene.scenes.frame.Daylight;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.Lighting;
import io.synthscene.scenes.frame.Material;
import io.synthscene.scenes.frame.Rgb;
import io.synthscene.scenes.frame.Texture;
import io.synthscene.scenes.frame.Vec3;
import io.synthscene.scenes.frame.Weather;
import java.nio.FloatBuffer;
import org.lwjgl.system.MemoryUtil;

/**
 * The light of the COLOR pass, as shaded.frag.glsl's uniforms: sun, sky and ground bounce, fog,
 * the scene exposure, the point and spot lights (uploaded into a storage buffer bound to the
 * shader's {@code LocalLights} block), and per draw the material (colour, roughness, metalness,
 * emission). Also the sky's clear colour, exposed like everything else.
 *
 * <p>Created by {@link Renderer} with the shaded program, on its GL thread; closed by it (it owns
 * the storage buffer). Use after {@link #close} throws {@link IllegalStateException}.
 */
final class ShadedLighting implements AutoCloseable {
    /** The {@code binding} of the {@code LocalLights} block in shaded.frag.glsl. */
    static final int LOCAL_LIGHTS_BINDING = 0;
    /**
     * The texture unit of a model's base-colour image ({@code binding = 2} in shaded.frag.glsl): not
     * the shadow map's ({@link ShadowMap#TEXTURE_UNIT}) nor the sensor passes' ({@link SensorPass#TEXTURE_UNIT}).
     */
    static final int BASE_COLOR_TEXTURE_UNIT = 2;

    private final ShaderProgram shaded;
    private final ShaderStorageBuffer localLights;

    ShadedLighting(ShaderProgram shaded) {
        this.shaded = shaded;
        this.localLights = ShaderStorageBuffer.create();
    }

    /** The sky behind everything, sRGB-encoded RGBA for the clear: the horizon sky times the exposure. */
    static float[] clearColor(Lighting light) {
        Rgb sky = Daylight.horizonSky(light);
        double gain = light.exposureGain();
        return new float[] {(float) SrgbTransfer.encode(sky.r() * gain), (float) SrgbTransfer.encode(sky.g() * gain),
                (float) SrgbTransfer.encode(sky.b() * gain), 1f};
    }

    /** Sets the frame's light on the program, which must be in use; uploads and binds its local lights. */
    void apply(Frame frame) {
        Lighting light = frame.lighting();
        Vec3 toSun = light.directionToSun();
        shaded.set(shaded.uniform("directionToSun"), (float) toSun.x(), (float) toSun.y(), (float) toSun.z());
        // A sun below the horizon is behind the (endless) ground: it lights nothing, only the sky glows.
        double sunIntensity = light.sunElevationDegrees() < 0 ? 0 : light.sunIntensity();
        Rgb sun = light.sunColor();
        shaded.set(shaded.uniform("sunRadiance"), (float) (sun.r() * sunIntensity), (float) (sun.g() * sunIntensity),
                (float) (sun.b() * sunIntensity));
        setVector("skyLight", Daylight.skyLight(light));
        setVector("groundBounce", Daylight.groundBounce(light, frame.ground()));
        Vec3 eye = frame.camera().position();
        shaded.set(shaded.uniform("cameraPosition"), (float) eye.x(), (float) eye.y(), (float) eye.z());
        shaded.set(shaded.uniform("fogExtinctionPerMeter"), (float) Daylight.fogExtinctionPerMeter(light));
        Rgb sky = Daylight.horizonSky(light);
        shaded.set(shaded.uniform("airlight"), (float) sky.r(), (float) sky.g(), (float) sky.b());
        shaded.set(shaded.uniform("exposureGain"), (float) light.exposureGain());
        Weather weather = frame.weather();
        shaded.set(shaded.uniform("wetness"), weather == null ? 0f : (float) weather.wetness());
        shaded.set(shaded.uniform("snowCover"), weather == null ? 0f : (float) weather.cover());
        uploadLocalLights(light);
    }

    /**
     * The material of the next draw.
     *
     * @param objectScale the object's uniform scale (1 for the ground): the texture's cells are metres in the world
     * @param image       a model file's base-colour image to multiply the colour by, or null; bound to
     *                    {@link #BASE_COLOR_TEXTURE_UNIT} here
     */
    void setMaterial(Material material, double objectScale, ImageTexture image) {
        shaded.set(shaded.uniform("baseColorTextured"), image != null ? 1f : 0f);
        if (image != null) {
            image.bind(BASE_COLOR_TEXTURE_UNIT);
        }
        Texture texture = material.texture();
        shaded.setInt(shaded.uniform("textureKind"), texture == null ? 0 : texture.code());
        if (texture != null) {
            shaded.set(shaded.uniform("textureCellLocal"), (float) (texture.scaleMeters() / objectScale));
            shaded.set(shaded.uniform("textureAngleRadians"), (float) Math.toRadians(texture.angleDegrees()));
            for (int i = 0; i < 2; i++) {
                Rgb t = texture.colors().get(i);
                shaded.set(shaded.uniform("textureColor" + i), (float) t.r(), (float) t.g(), (float) t.b());
            }
        }
        Rgb c = material.color();
        shaded.set(shaded.uniform("baseColor"), (float) c.r(), (float) c.g(), (float) c.b());
        shaded.set(shaded.uniform("roughness"), (float) material.roughness());
        shaded.set(shaded.uniform("metalness"), (float) material.metalness());
        double[] glow = material.emission() == null ? new double[3] : material.emission().radiance();
        shaded.set(shaded.uniform("emission"), (float) glow[0], (float) glow[1], (float) glow[2]);
    }

    private void uploadLocalLights(Lighting light) {
        float[] block = LocalLightBlock.pack(light.lights());
        if (block.length > 0) {
            FloatBuffer data = MemoryUtil.memAllocFloat(block.length);
            try {
                localLights.write(data.put(block).flip());
            } finally {
                MemoryUtil.memFree(data);
            }
        }
        localLights.bindBase(LOCAL_LIGHTS_BINDING);
        shaded.setInt(shaded.uniform("localLightCount"), light.lights().size());
    }

    private void setVector(String name, Vec3 value) {
        shaded.set(shaded.uniform(name), (float) value.x(), (float) value.y(), (float) value.z());
    }

    @Override
    public void close() {
        localLights.close();
    }
}
