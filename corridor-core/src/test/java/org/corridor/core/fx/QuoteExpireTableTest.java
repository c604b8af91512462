package org.corridor.core.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.core.fx.QuoteRules.ExpireResult.OK;
import static org.corridor.core.fx.QuoteRules.ExpireResult.QUOTE_ALREADY_EXPIRED;
import static org.corridor.core.fx.QuoteRules.ExpireResult.QUOTE_ALREADY_USED;
import static org.corridor.core.fx.QuoteRules.ExpireResult.QUOTE_NOT_YET_DUE;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.corridor.core.fx.QuoteRules.ExpireResult;
import org.corridor.core.state.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** One line per {@link ExpireResult}, first check to last. A refusal hands the quote back unchanged. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class QuoteExpireTableTest {
    private static final Quote OPEN = QuoteFixture.open();

    private record Played(Quote before, Outcome<ExpireResult, Quote> outcome) {}

    private static ResultLine<ExpireResult, Played> line(ExpireResult expected, String scenario, Quote quote,
            long atNanos) {
        return new ResultLine<>(expected, scenario, () -> new Played(quote, QuoteRules.expire(quote, atNanos)),
                played -> played.outcome().result());
    }

    static final List<ResultLine<ExpireResult, Played>> TABLE = List.of(
            line(OK, "an open quote at its expiry", OPEN, OPEN.expiresAtNanos()),
            line(OK, "an open quote an hour after", OPEN, OPEN.expiresAtNanos() + 3_600_000_000_000L),
            line(QUOTE_ALREADY_USED, "a used quote, even after its expiry", QuoteFixture.usedBy("pay_1"),
                    OPEN.expiresAtNanos()),
            line(QUOTE_ALREADY_EXPIRED, "a second expiry", QuoteFixture.expired(), OPEN.expiresAtNanos() + 1),
            line(QUOTE_NOT_YET_DUE, "one nanosecond before expiry", OPEN, OPEN.expiresAtNanos() - 1));

    @ParameterizedTest(name = "{0}")
    @FieldSource("TABLE")
    void answers(ResultLine<ExpireResult, Played> line) {
        Played played = line.play();
        Quote after = played.outcome().value();
        if (played.outcome().result() == OK) {
            assertThat(after.status()).isEqualTo(QuoteStatus.EXPIRED);
            assertThat(after.conversion()).isEqualTo(played.before().conversion());
            assertThat(after.expiresAtNanos()).isEqualTo(played.before().expiresAtNanos());
        } else {
            assertThat(after).isEqualTo(played.before());
        }
    }

    @Test
    void walksEveryResultInOrder() {
        ResultLine.assertWalksEveryResultInOrder(TABLE, ExpireResult.class);
    }
}
