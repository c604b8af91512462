package org.corridor.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SessionsTest {
    @Test
    void aSessionLastsItsTimeAndEndsWhenClosed() {
        Sessions sessions = new Sessions(new SecureRandom());
        String token = sessions.open(0).orElseThrow();

        assertThat(token).hasSize(43);
        assertThat(sessions.valid(token, Sessions.SESSION_MS - 1)).isTrue();
        assertThat(sessions.valid(token, Sessions.SESSION_MS)).isFalse();
        assertThat(sessions.valid(null, 0)).isFalse();
        assertThat(sessions.valid("forged", 0)).isFalse();

        String other = sessions.open(0).orElseThrow();
        sessions.close(other);
        assertThat(sessions.valid(other, 1)).isFalse();
    }

    @Test
    void pastTheLimitExpiredSessionsMakeRoomAndLiveOnesRefuseMore() {
        Sessions sessions = new Sessions(new SecureRandom());
        for (int i = 0; i < Sessions.SESSIONS_MAX; i++) assertThat(sessions.open(0)).isPresent();

        assertThat(sessions.open(1)).isEmpty();
        assertThat(sessions.open(Sessions.SESSION_MS)).isPresent();
    }
}
