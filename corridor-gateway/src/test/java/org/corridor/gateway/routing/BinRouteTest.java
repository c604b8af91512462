package org.corridor.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.corridor.core.InvariantViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class BinRouteTest {

    @ParameterizedTest(name = "{0} {1} {2}: {3}")
    @CsvSource(nullValues = "-", value = {
        // prefix,     network,    issuer link id, problem, in the order the checks run
        "-,            VISA,       visa-a,         prefix is missing",
        "41111a,       VISA,       visa-a,         prefix must be digits only",
        "41111,        VISA,       visa-a,         prefix must be 6 to 11 digits long",
        "411111111111, VISA,       visa-a,         prefix must be 6 to 11 digits long",
        "411111,       -,          visa-a,         network is missing",
        "411111,       MASTERCARD, visa-a,         prefix lies outside the ranges of network MASTERCARD",
        "222099,       MASTERCARD, mc-a,           prefix lies outside the ranges of network MASTERCARD",
        "272100,       MASTERCARD, mc-a,           prefix lies outside the ranges of network MASTERCARD",
        "300000,       VISA,       visa-a,         prefix lies outside the ranges of network VISA",
        "620000,       VISA,       visa-a,         prefix lies outside the ranges of network VISA",
        "411111,       VISA,       -,              issuer link id is missing",
        "411111,       VISA,       visa a,         'issuer link id must use only letters, digits, ''.'', ''_'' and ''-'''",
    })
    void aRouteBreakingARuleIsRefusedWithTheRuleAndNotTheValue(
            String prefix, CardNetwork network, String issuerLinkId, String problem) {
        assertThatThrownBy(() -> new BinRoute(prefix, network, issuerLinkId))
                .isInstanceOf(InvariantViolation.class)
                .hasMessage(problem);
    }

    @Test
    void anIssuerLinkIdHasAtMostSixtyFourCharacters() {
        assertThat(new BinRoute("411111", CardNetwork.VISA, "a".repeat(64)).issuerLinkId()).hasSize(64);
        assertThatThrownBy(() -> new BinRoute("411111", CardNetwork.VISA, "a".repeat(65)))
                .hasMessage("issuer link id is longer than 64 characters");
    }

    @Test
    void prefixesOfSixToElevenDigitsInsideTheirNetworkAreRoutes() {
        assertThat(new BinRoute("411111", CardNetwork.VISA, "visa-a").prefix()).isEqualTo("411111");
        assertThat(new BinRoute("41111111111", CardNetwork.VISA, "visa.b_2").prefix()).hasSize(11);
        assertThat(new BinRoute("222100", CardNetwork.MASTERCARD, "mc-a").network()).isEqualTo(CardNetwork.MASTERCARD);
        assertThat(new BinRoute("272099", CardNetwork.MASTERCARD, "mc-a").network()).isEqualTo(CardNetwork.MASTERCARD);
        assertThat(new BinRoute("620000", CardNetwork.UNIONPAY, "cup-a").network()).isEqualTo(CardNetwork.UNIONPAY);
    }
}
