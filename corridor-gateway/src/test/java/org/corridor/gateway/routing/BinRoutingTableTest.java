package org.corridor.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.corridor.core.InvariantViolation;
import org.corridor.gateway.TestCards;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class BinRoutingTableTest {
    private static final BinRoutingTable TABLE = BinRoutingTable.of(List.of(
            new BinRoute("411111", CardNetwork.VISA, "link-a"),
            new BinRoute("41111111", CardNetwork.VISA, "link-b"),
            new BinRoute("41111111111", CardNetwork.VISA, "link-c"),
            new BinRoute("222100", CardNetwork.MASTERCARD, "link-mc"),
            new BinRoute("621234", CardNetwork.UNIONPAY, "link-cup")));

    @ParameterizedTest(name = "{0} goes to {1}")
    @CsvSource(nullValues = "-", value = {
        // PAN digits,          issuer link (- for no route)
        TestCards.VISA_UNDER_411111 + ",      link-a",
        TestCards.VISA_UNDER_41111111 + ",      link-b",
        TestCards.VISA + ",      link-c",
        "41111111111,           link-c",
        "4111111111,            link-b",
        "411111,                link-a",
        "41111,                 -",
        TestCards.VISA_NEAR_411111 + ",      -",
        TestCards.VISA_OTHER_BIN + ",      -",
        TestCards.MASTERCARD_2_SERIES + ",      link-mc",
        TestCards.UNIONPAY_19_DIGITS + ",   link-cup",
        TestCards.MASTERCARD + ",      -",
        "'',                    -",
    })
    void theLongestMatchingPrefixPicksTheIssuerLink(String panDigits, String issuerLinkId) {
        assertThat(TABLE.route(panDigits).map(BinRoute::issuerLinkId).orElse(null)).isEqualTo(issuerLinkId);
    }

    @Test
    void aRoutedPanGoesToTheNetworkItsDigitsBelongTo() {
        BinRoute route = TABLE.route("6212345678901234").orElseThrow();
        assertThat(route.network()).isEqualTo(CardNetwork.UNIONPAY)
                .isEqualTo(CardNetwork.ofPan("6212345678901234").orElseThrow());
    }

    @Test
    void anEmptyTableRoutesNothing() {
        assertThat(BinRoutingTable.of(List.of()).route(TestCards.VISA)).isEmpty();
    }

    @Test
    void twoRoutesWithTheSamePrefixAreAProgrammerError() {
        List<BinRoute> routes = List.of(
                new BinRoute("411111", CardNetwork.VISA, "link-a"),
                new BinRoute("520000", CardNetwork.MASTERCARD, "link-mc"),
                new BinRoute("411111", CardNetwork.VISA, "link-b"));
        assertThatThrownBy(() -> BinRoutingTable.of(routes))
                .isInstanceOf(InvariantViolation.class)
                .hasMessage("route 2 has the same prefix as route 0");
    }

    @Test
    void theTableIsACopyThatCannotBeChanged() {
        List<BinRoute> routes = new ArrayList<>(List.of(new BinRoute("411111", CardNetwork.VISA, "link-a")));
        BinRoutingTable table = BinRoutingTable.of(routes);
        routes.add(new BinRoute("41111111", CardNetwork.VISA, "link-b"));

        assertThat(table.route(TestCards.VISA).orElseThrow().issuerLinkId()).isEqualTo("link-a");
        assertThat(table.routes()).hasSize(1);
        assertThatThrownBy(() -> table.routes().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(table).hasToString("BinRoutingTable[routes=1]");
    }

    @Test
    void inputThatIsNotPanDigitsIsAProgrammerError() {
        assertThatThrownBy(() -> TABLE.route(null)).isInstanceOf(InvariantViolation.class);
        assertThatThrownBy(() -> TABLE.route("4111-1111-1111-1111")).isInstanceOf(InvariantViolation.class)
                .hasMessage("PAN must be digits only");
        assertThatThrownBy(() -> TABLE.route("41111111111111111111")).isInstanceOf(InvariantViolation.class)
                .hasMessage("PAN is longer than 19 digits");
    }
}
