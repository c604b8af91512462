package org.corridor.api.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.corridor.core.InvariantViolation;
import org.junit.jupiter.api.Test;

class ApiExceptionTest {
    @Test
    void factoriesCarryTheirStatusAndType() {
        assertThat(ApiException.badRequest("parameter_missing", "amount_minor is required.", "amount_minor"))
                .satisfies(e -> {
                    assertThat(e.status()).isEqualTo(ErrorStatus.BAD_REQUEST);
                    assertThat(e.type()).isEqualTo(ErrorType.INVALID_REQUEST_ERROR);
                    assertThat(e.param()).hasValue("amount_minor");
                    assertThat(e.getStackTrace()).isEmpty();
                });
        assertThat(ApiException.paymentDeclined("insufficient_funds", "Declined.", null).type())
                .isEqualTo(ErrorType.PAYMENT_ERROR);
        assertThat(ApiException.internal().type()).isEqualTo(ErrorType.API_ERROR);
        assertThat(ApiException.conflict(ErrorType.IDEMPOTENCY_ERROR, "idempotency_key_in_use", "In flight.")
                .status().code()).isEqualTo(409);
    }

    @Test
    void retryAfterIsRoundedUpToWholeSeconds() {
        assertThat(ApiException.tooManyRequests("rate_limit", "Slow down.", Duration.ofMillis(1)).retryAfterSeconds())
                .isEqualTo(1);
        assertThat(ApiException.tooManyRequests("rate_limit", "Slow down.", Duration.ofSeconds(3)).retryAfterSeconds())
                .isEqualTo(3);
        assertThat(ApiException.tooManyRequests("rate_limit", "Slow down.", Duration.ofMillis(3001))
                .retryAfterSeconds()).isEqualTo(4);
    }

    @Test
    void a429WithoutRetryAfterIsAProgrammingError() {
        assertThatThrownBy(() -> ApiException.of(ErrorStatus.TOO_MANY_REQUESTS, ErrorType.INVALID_REQUEST_ERROR,
                "rate_limit", "Slow down.", null)).isInstanceOf(InvariantViolation.class);
        assertThatThrownBy(() -> ApiException.tooManyRequests("rate_limit", "Slow down.", Duration.ZERO))
                .isInstanceOf(InvariantViolation.class);
    }

    @Test
    void codesAreSnakeCaseAndMessagesAreNotBlank() {
        assertThatThrownBy(() -> ApiException.badRequest("Bad-Code", "x", null))
                .isInstanceOf(InvariantViolation.class);
        assertThatThrownBy(() -> ApiException.badRequest("bad_code", " ", null))
                .isInstanceOf(InvariantViolation.class);
        assertThatThrownBy(() -> ApiException.badRequest("bad_code", "x", ""))
                .isInstanceOf(InvariantViolation.class);
    }
}
