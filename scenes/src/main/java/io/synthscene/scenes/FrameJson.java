package io.synthscene.scenes;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.synthscene.scenes.frame.Frame;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * {@link Frame} to and from JSON bytes (UTF-8), as written next to each frame's outputs. Pretty
 * printed, keys in record order with snake_case names from the records' annotations, asset
 * parameters sorted. Camera's derived {@code intrinsics} and {@code camera_to_world} are written
 * for readers of the dataset and ignored when reading. No file I/O here: callers write atomically.
 */
public final class FrameJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // isLabelled() and the like are conveniences, not data
            .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
            .build();

    private FrameJson() {
    }

    public static byte[] toJson(Frame frame) {
        try {
            return MAPPER.writeValueAsBytes(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a Frame always serialises", e);
        }
    }

    /** @throws UncheckedIOException when the bytes are not a frame (malformed or unknown keys) */
    public static Frame fromJson(byte[] json) {
        try {
            return MAPPER.readValue(json, Frame.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not a frame: " + e.getMessage(), e);
        }
    }
}
