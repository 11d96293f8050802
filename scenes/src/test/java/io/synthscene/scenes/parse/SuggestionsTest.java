package io.synthscene.scenes.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    private static final List<String> KEYS = List.of("yaw_deg", "pitch_deg", "hfov_deg", "near_m", "far_m", "position");

    @Test
    void aMisspeltKeySuggestsTheClosestKnownOne() {
        assertThat(Suggestions.closest("postion", KEYS)).contains("position");
        assertThat(Suggestions.closest("pitch_dge", KEYS)).contains("pitch_deg");
        assertThat(Suggestions.closest("near_mm", KEYS)).contains("near_m");
    }

    @Test
    void aKeyWithoutItsUnitSuffixSuggestsTheSuffixedKey() {
        assertThat(Suggestions.closest("hfov", KEYS)).contains("hfov_deg");
        assertThat(Suggestions.closest("yaw", KEYS)).contains("yaw_deg");
    }

    @Test
    void anUnrelatedWordSuggestsNothingAndTheHintListsTheKnownKeys() {
        assertThat(Suggestions.closest("colour_temperature", KEYS)).isEmpty();
        assertThat(Suggestions.hint("zzz", List.of("a1", "b2"))).isEqualTo("; expected one of: a1, b2");
        assertThat(Suggestions.hint("postion", KEYS)).isEqualTo(", did you mean 'position'?");
    }

    @Test
    void swappedNeighboursCountAsOneEdit() {
        assertThat(Suggestions.distance("unifrom", "uniform")).isEqualTo(1);
        assertThat(Suggestions.distance("vehicel", "vehicle")).isEqualTo(1);
        assertThat(Suggestions.distance("abc", "abc")).isZero();
    }
}
