package org.corridor.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.corridor.core.card.AuthorizationStatus;
import org.corridor.core.card.CardAuthorization;
import org.corridor.core.payment.PaymentMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CardMessagesTest {
    private static final PaymentMethod.DeviceToken TOKEN = (PaymentMethod.DeviceToken) Intents.TOKEN;

    private static CardAuthorization sent() {
        return new CardAuthorization("auth_1", "acct_m", "pi_1", "tok_1", "acct_i", 1_000_042, "TERM0001",
                TOKEN.entry(), 1_250, "USD", AuthorizationStatus.SENT, "", "", 0, 1);
    }

    @Test
    void aRequestNotYetAnsweredIsOneMessageWithTheDevicePanMasked() {
        CardMessages messages = CardMessages.of(sent(), TOKEN);

        assertThat(messages.messages()).extracting(CardMessages.Message::mti).containsExactly("0100");
        assertThat(messages.messages().getFirst().fields()).contains(
                new CardMessages.Field("DE2 PAN", "**** 4242"),
                new CardMessages.Field("DE4 amount", "12.50 USD"),
                new CardMessages.Field("DE11 STAN", "000042"),
                new CardMessages.Field("DE37 RRN", "000001000042"));
        assertThat(messages.status()).isEqualTo("sent");
    }

    @Test
    void anAnswerAndEachReversalAttemptFollowTheRequest() {
        CardAuthorization reversed = sent().answered(AuthorizationStatus.REVERSAL_PENDING, "00", "A1B2C3")
                .reversalAttempted().reversalAttempted();

        List<CardMessages.Message> messages = CardMessages.of(reversed, TOKEN).messages();

        assertThat(messages).extracting(CardMessages.Message::mti).containsExactly("0100", "0110", "0400", "0400");
        assertThat(messages.get(1).fields()).contains(new CardMessages.Field("DE39 response code", "00"),
                new CardMessages.Field("DE38 approval code", "A1B2C3"));
    }
}
