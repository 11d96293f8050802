package io.synthscene.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The order in which reset notification is asked for, with a pretend driver that refuses some of it. */
class ResetNotificationTest {
    private static final int EGL_BAD_ATTRIBUTE = 0x3004;
    private static final int EGL_BAD_MATCH = 0x3009;

    private static ResetNotification.Negotiated negotiate(Set<ResetNotification> accepted, List<ResetNotification> asked,
                                                          int error) {
        return ResetNotification.negotiate(kind -> {
            asked.add(kind);
            return accepted.contains(kind) ? 0xC0FFEE : 0;
        }, () -> error);
    }

    @Test
    void aDriverWithEgl15GetsTheEgl15AttributeAndNothingElseIsTried() {
        List<ResetNotification> asked = new ArrayList<>();
        ResetNotification.Negotiated got = negotiate(Set.of(ResetNotification.values()), asked, EGL_BAD_ATTRIBUTE);
        assertThat(asked).containsExactly(ResetNotification.EGL15_LOSE_CONTEXT_ON_RESET);
        assertThat(got.context()).isEqualTo(0xC0FFEE);
        assertThat(got.notification()).isEqualTo(ResetNotification.EGL15_LOSE_CONTEXT_ON_RESET);
        assertThat(got.tried()).isEqualTo("EGL 1.5 reset notification (0x31BD): accepted");
    }

    @Test
    void whenEgl15IsRefusedTheExtAttributeIsTriedNext() {
        List<ResetNotification> asked = new ArrayList<>();
        ResetNotification.Negotiated got = negotiate(
                Set.of(ResetNotification.EXT_LOSE_CONTEXT_ON_RESET, ResetNotification.NONE), asked, EGL_BAD_ATTRIBUTE);
        assertThat(asked).containsExactly(ResetNotification.EGL15_LOSE_CONTEXT_ON_RESET, ResetNotification.EXT_LOSE_CONTEXT_ON_RESET);
        assertThat(got.notification()).isEqualTo(ResetNotification.EXT_LOSE_CONTEXT_ON_RESET);
        assertThat(got.tried()).isEqualTo("EGL 1.5 reset notification (0x31BD): EGL_BAD_ATTRIBUTE; "
                + "EGL_EXT_create_context_robustness reset notification (0x3138): accepted");
    }

    @Test
    void whenBothAttributesAreRefusedAPlainContextIsMadeAndRecordedAsNone() {
        List<ResetNotification> asked = new ArrayList<>();
        ResetNotification.Negotiated got = negotiate(Set.of(ResetNotification.NONE), asked, EGL_BAD_ATTRIBUTE);
        assertThat(asked).containsExactly(ResetNotification.values());
        assertThat(got.notification()).isEqualTo(ResetNotification.NONE);
        assertThat(got.notification().metadataName()).isEqualTo("none");
        assertThat(got.tried()).endsWith("no reset notification: accepted");
    }

    @Test
    void whenEveryAttemptIsRefusedTheMessageNamesTheLastErrorAndEveryAttempt() {
        assertThatThrownBy(() -> negotiate(Set.of(), new ArrayList<>(), EGL_BAD_MATCH))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("eglCreateContext (OpenGL 4.5 core) failed: EGL_BAD_MATCH (tried EGL 1.5 reset notification"
                        + " (0x31BD): EGL_BAD_MATCH; EGL_EXT_create_context_robustness reset notification (0x3138):"
                        + " EGL_BAD_MATCH; no reset notification: EGL_BAD_MATCH)");
    }

    @Test
    void theAttributesAreTheOnesOfTheSpecifications() {
        assertThat(ResetNotification.EGL15_LOSE_CONTEXT_ON_RESET.attribute()).isEqualTo(0x31BD);
        assertThat(ResetNotification.EXT_LOSE_CONTEXT_ON_RESET.attribute()).isEqualTo(0x3138);
        assertThat(ResetNotification.EGL_LOSE_CONTEXT_ON_RESET).isEqualTo(0x31BF);
    }
}
