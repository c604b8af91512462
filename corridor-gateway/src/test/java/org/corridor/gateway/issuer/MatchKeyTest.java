package org.corridor.gateway.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.corridor.codec.iso8583.CardMessage;
import org.corridor.codec.iso8583.Mti;
import org.corridor.core.InvariantViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class MatchKeyTest {

    @ParameterizedTest(name = "{0} STAN {1} terminal {2} answers {3}")
    @CsvSource(nullValues = "-", value = {
        // response type,          STAN, terminal, request type it answers (- when it answers none)
        "AUTHORIZATION_RESPONSE,      1, TERM0001, AUTHORIZATION_REQUEST",
        "PURCHASE_RESPONSE,           1, TERM0001, PURCHASE_REQUEST",
        "REVERSAL_RESPONSE,           1, TERM0001, REVERSAL_REQUEST",
        "NETWORK_MANAGEMENT_RESPONSE, 1, -,        NETWORK_MANAGEMENT_REQUEST",
        "AUTHORIZATION_REQUEST,       1, TERM0001, -",
        "AUTHORIZATION_RESPONSE,     -1, TERM0001, -",
    })
    void aResponseAnswersTheRequestOfItsClassWithTheSameStanAndTerminal(
            Mti responseType, int stan, String terminalId, Mti requestType) {
        CardMessage.Builder response = CardMessage.builder(responseType);
        if (stan >= 0) response.stan(stan);
        if (terminalId != null) response.terminalId(terminalId);

        MatchKey key = MatchKey.ofResponse(response.build());

        if (requestType == null) {
            assertThat(key).isNull();
        } else {
            assertThat(key).isEqualTo(MatchKey.ofRequest(request(requestType, stan, terminalId)));
        }
    }

    @Test
    void keysDifferByTypeClassStanAndTerminal() {
        MatchKey key = MatchKey.ofRequest(request(Mti.AUTHORIZATION_REQUEST, 5, "TERM0001"));

        assertThat(key).isNotEqualTo(MatchKey.ofRequest(request(Mti.PURCHASE_REQUEST, 5, "TERM0001")));
        assertThat(key).isNotEqualTo(MatchKey.ofRequest(request(Mti.AUTHORIZATION_REQUEST, 6, "TERM0001")));
        assertThat(key).isNotEqualTo(MatchKey.ofRequest(request(Mti.AUTHORIZATION_REQUEST, 5, "TERM0002")));
        assertThat(key).hasToString("0100 STAN 5 terminal TERM0001");
    }

    @Test
    void onlyRequestsWithAStanCanBeSent() {
        assertThatThrownBy(() -> MatchKey.ofRequest(CardMessage.builder(Mti.AUTHORIZATION_REQUEST).build()))
                .isInstanceOf(InvariantViolation.class);
        assertThatThrownBy(() -> MatchKey.ofRequest(request(Mti.AUTHORIZATION_RESPONSE, 1, "TERM0001")))
                .isInstanceOf(InvariantViolation.class);
    }

    private static CardMessage request(Mti type, int stan, String terminalId) {
        CardMessage.Builder request = CardMessage.builder(type).stan(stan);
        if (terminalId != null) request.terminalId(terminalId);
        return request.build();
    }
}
