package org.corridor.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.corridor.gateway.webhook.DeliveryOutcome.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class DeliveryOutcomeTest {
    private static final Duration ELAPSED = Duration.ofMillis(12);

    @Test
    void onlyStatusesFrom200To299AreDelivered() {
        assertThat(DeliveryOutcome.answered(199, ELAPSED).result()).isEqualTo(Result.REJECTED);
        assertThat(DeliveryOutcome.answered(200, ELAPSED).result()).isEqualTo(Result.DELIVERED);
        assertThat(DeliveryOutcome.answered(204, ELAPSED).result()).isEqualTo(Result.DELIVERED);
        assertThat(DeliveryOutcome.answered(299, ELAPSED).result()).isEqualTo(Result.DELIVERED);
        assertThat(DeliveryOutcome.answered(301, ELAPSED).result()).isEqualTo(Result.REJECTED);
        assertThat(DeliveryOutcome.answered(410, ELAPSED).failureDetail()).isEqualTo("HTTP status 410");
    }

    @Test
    void namesTheExceptionClassAndKeepsTheDetailShort() {
        DeliveryOutcome refused = DeliveryOutcome.noResponse(new ConnectException(), ELAPSED);
        DeliveryOutcome chatty = DeliveryOutcome.noResponse(new IOException("x".repeat(10_000)), ELAPSED);

        assertThat(refused.failureDetail()).isEqualTo("java.net.ConnectException");
        assertThat(chatty.failureDetail())
                .startsWith("java.io.IOException: xxx")
                .hasSize(DeliveryOutcome.FAILURE_DETAIL_CHARS_MAX);
    }

    @Test
    void refusesAStatusThatContradictsTheResult() {
        assertThatThrownBy(() -> new DeliveryOutcome(Result.DELIVERED, 500, "", ELAPSED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("DELIVERED does not go with HTTP status 500");
        assertThatThrownBy(() -> new DeliveryOutcome(Result.REJECTED, 200, "", ELAPSED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeliveryOutcome(Result.NO_RESPONSE, 502, "", ELAPSED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeliveryOutcome(Result.REJECTED, DeliveryOutcome.NO_HTTP_STATUS, "", ELAPSED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeliveryOutcome(Result.INVALID_ENDPOINT, 0, "", Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("elapsed time is never negative");
    }
}
