package org.corridor.gateway.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.corridor.codec.iso8583.CardMessage;
import org.corridor.codec.iso8583.Mti;
import org.corridor.gateway.routing.CardNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class IssuerLinksTest {
    private static IssuerLink link(int port) {
        return new IssuerLink(new InetSocketAddress("127.0.0.1", port), IssuerLinkSettings.defaults(),
                InstantSource.system(), state -> {});
    }

    @Test
    void theNetworkPicksItsLinkAndTheOthersShareOne() {
        IssuerLink visa = link(9001);
        IssuerLink shared = link(9000);
        try (IssuerLinks links = IssuerLinks.of(Map.of(CardNetwork.VISA, visa), shared)) {
            assertThat(links.linkFor(CardNetwork.VISA)).containsSame(visa);
            assertThat(links.linkFor(CardNetwork.MASTERCARD)).containsSame(shared);
            assertThat(links.all()).containsExactlyInAnyOrder(visa, shared);
        }
    }

    @Test
    void withoutALinkARequestIsRefusedUnsent() throws InterruptedException {
        try (IssuerLinks none = IssuerLinks.none()) {
            CardMessage echo = CardMessage.builder(Mti.NETWORK_MANAGEMENT_REQUEST).stan(1)
                    .networkManagementCode(CardMessage.NETWORK_MANAGEMENT_ECHO).build();
            try {
                none.send(CardNetwork.UNIONPAY, echo).get();
                throw new AssertionError("a request without a link was sent");
            } catch (ExecutionException refused) {
                assertThat(refused.getCause()).isInstanceOf(IssuerLinkException.class);
                assertThat(((IssuerLinkException) refused.getCause()).reason())
                        .isEqualTo(IssuerLinkException.Reason.LINK_NOT_UP);
            }
        }
    }
}
