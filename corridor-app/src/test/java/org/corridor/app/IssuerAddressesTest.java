package org.corridor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.corridor.gateway.routing.CardNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class IssuerAddressesTest {
    @Test
    void aSharedLinkAndLinksPerNetwork() {
        IssuerAddresses parsed = IssuerAddresses.parse(List.of("127.0.0.1:8583", "visa=127.0.0.1:9001",
                "UnionPay=localhost:9003"));
        assertThat(parsed.shared().getPort()).isEqualTo(8583);
        assertThat(parsed.byNetwork()).containsOnlyKeys(CardNetwork.VISA, CardNetwork.UNIONPAY);
        assertThat(parsed.byNetwork().get(CardNetwork.VISA).getPort()).isEqualTo(9001);
        assertThat(IssuerAddresses.parse(List.of()).isEmpty()).isTrue();
    }

    @Test
    void wrongOptionsAreNamed() {
        assertThatThrownBy(() -> IssuerAddresses.parse(List.of("amex=127.0.0.1:1")))
                .hasMessageContaining("visa, mastercard or unionpay");
        assertThatThrownBy(() -> IssuerAddresses.parse(List.of("127.0.0.1:0"))).hasMessageContaining("1 to 65535");
        assertThatThrownBy(() -> IssuerAddresses.parse(List.of("127.0.0.1"))).hasMessageContaining("HOST:PORT");
        assertThatThrownBy(() -> IssuerAddresses.parse(List.of("visa=127.0.0.1:1", "VISA=127.0.0.1:2")))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> IssuerAddresses.parse(List.of("127.0.0.1:1", "127.0.0.1:2")))
                .hasMessageContaining("twice");
    }
}
