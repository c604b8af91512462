package org.corridor.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.corridor.core.Id128;
import org.corridor.core.payment.PaymentIntent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OutcomeTest {
    private static final PaymentIntent NEW = Intents.created("pi_1", "acct_m", 1);
    private static final PaymentIntent PAID = NEW.succeeded(Intents.BALANCE, 3);
    private static final PaymentIntent RESERVED = NEW.reserved(Intents.BALANCE, Id128.of(7));
    private static final PaymentIntent DECLINED = Intents.declined(NEW, Intents.BALANCE);

    /** One line per kind of change, approvals first, then declines, then changes that are neither. */
    @Test
    void eachChangeCountsAsOneOutcomeAtMost() {
        record Case(String name, PaymentIntent before, PaymentIntent after, Optional<Outcome> expected) {}
        Case[] table = {
            new Case("created and paid in one batch", null, PAID, Optional.of(Outcome.APPROVED)),
            new Case("paid at once", NEW, PAID, Optional.of(Outcome.APPROVED)),
            new Case("reserved for a manual capture", NEW, RESERVED, Optional.of(Outcome.APPROVED)),
            new Case("paid after a decline", DECLINED, DECLINED.succeeded(Intents.BALANCE, 3),
                    Optional.of(Outcome.APPROVED)),
            new Case("created and declined in one batch", null, DECLINED, Optional.of(Outcome.DECLINED)),
            new Case("declined", NEW, DECLINED, Optional.of(Outcome.DECLINED)),
            new Case("declined again, for the same reason", DECLINED, Intents.declined(DECLINED, Intents.BALANCE),
                    Optional.of(Outcome.DECLINED)),
            new Case("created", null, NEW, Optional.empty()),
            new Case("captured after the reservation", RESERVED, RESERVED.captured(1_000, 3), Optional.empty()),
            new Case("refunded", PAID, PAID.refunded(100), Optional.empty()),
            new Case("canceled after a decline", DECLINED, DECLINED.canceled("abandoned"), Optional.empty()),
            new Case("waiting for the issuer", NEW, NEW.processing(Intents.TOKEN), Optional.empty()),
        };
        for (Case c : table) {
            assertThat(Outcome.of(c.before(), c.after())).as(c.name()).isEqualTo(c.expected());
        }
    }

    @Test
    void theRailIsTheMethodOrTheQrCodeThatStartedThePayment() {
        assertThat(Rail.of(PAID)).isEqualTo(Rail.CUSTOMER_BALANCE);
        assertThat(Rail.of(NEW.processing(Intents.TOKEN))).isEqualTo(Rail.DEVICE_TOKEN);
        assertThat(Rail.of(Intents.created("pi_2", "acct_m", 1, Map.of("qr_code", "qr_1")))).isEqualTo(Rail.QR);
        assertThat(Rail.of(Intents.created("pi_3", "acct_m", 1, Map.of("payment_code", "pc_1")))).isEqualTo(Rail.QR);
    }
}
