package org.corridor.app.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import org.corridor.sim.issuer.SimulatedBanks;
import org.corridor.sim.wallet.ApiResult;
import org.corridor.sim.wallet.DeviceWallet;
import org.corridor.sim.wallet.TestCard;
import org.corridor.sim.wallet.TestCards;
import org.corridor.sim.wallet.TokenDomain;
import org.corridor.sim.wallet.UnpredictableNumbers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SimTallyTest {
    private final TestCard card = TestCards.spread(SimulatedBanks.generate(1, 10), 1, bank -> true).getFirst();
    private final PhoneCard declined = new PhoneCard(card,
            DeviceWallet.of("phone-1", UnpredictableNumbers.seeded(1)), TokenDomain.IN_APP, "card_declined/05", null);

    @Test
    void aCardLineShowsTheFirstSixAndLastFourOnly() {
        String number = card.details().number();
        String line = SimTally.cardLine(declined, new int[] {3, 2});
        assertThat(line).startsWith(number.substring(0, 6) + "******" + number.substring(12))
                .doesNotContain(number)
                .doesNotContain(number.substring(6, 12))
                .contains(card.bank().id()).contains("in_app").contains("card_declined/05").endsWith("3 paid, 2 ok");
    }

    @Test
    void theSummaryCountsOutcomesDeclineCodesAndRefusals() {
        SimTally tally = new SimTally();
        tally.enrolled(declined);
        tally.paid(declined, new PaymentOutcome(PaymentScenario.AUTOMATIC_CAPTURE, "confirm",
                new ApiResult(402, null, null, "payment_error", "card_declined", "51")));
        tally.paid(declined, new PaymentOutcome(PaymentScenario.AUTOMATIC_CAPTURE, "confirm",
                new ApiResult(200, "pi_1", "succeeded", null, null, null)));
        tally.paid(declined, new PaymentOutcome(PaymentScenario.CORRUPTED_CRYPTOGRAM, "confirm",
                new ApiResult(402, null, null, "payment_error", "cryptogram_invalid", "")));
        tally.paid(declined, new PaymentOutcome(PaymentScenario.ATC_REPLAY, "replay",
                new ApiResult(200, "pi_2", "succeeded", null, null, null)));
        StringWriter printed = new StringWriter();
        tally.print(new PrintWriter(printed, true));
        assertThat(tally.payments()).isEqualTo(4);
        assertThat(printed.toString())
                .containsPattern("automatic capture\\s+confirm: card_declined/51\\s+1")
                .containsPattern("automatic capture\\s+confirm: succeeded\\s+1")
                .containsPattern("corrupted cryptogram\\s+confirm: cryptogram_invalid\\s+1")
                .containsPattern("\\n  51\\s+1\\n")
                .contains("deliberate refusals refused: 1 of 2")
                .contains("4 paid, 2 ok")
                .doesNotContain(card.details().number());
    }
}
