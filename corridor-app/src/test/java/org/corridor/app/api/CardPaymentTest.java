package org.corridor.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.corridor.codec.card.Luhn;
import org.corridor.sim.issuer.ActivityKind;
import org.corridor.sim.issuer.CardholderAccount;
import org.corridor.sim.issuer.Fault;
import org.corridor.sim.issuer.SimulatedBank;
import org.corridor.sim.wallet.DeviceWallet;
import org.corridor.sim.wallet.TokenDomain;
import org.corridor.sim.wallet.TokenPresentment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Card payments end to end: a device wallet enrols cards of simulated banks and pays with them by tap and in-app,
 * through Corridor's API and real ISO 8583 over TCP to the issuer simulator; captures, voids, refunds, declines,
 * replays and an unanswered request, with the issuer's books and Corridor's ledger compared after each.
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CardPaymentTest {
    private static final long BALANCE = 100_000;

    private CardWorld world;
    private SimulatedBank bank;
    private String currency;

    @BeforeAll
    void start(@TempDir Path directory) {
        world = CardWorld.start("sqlite", directory);
        bank = world.bankIn("USD");
        currency = "USD";
        // The bank's random "05 do not honour" rule is for load runs; these tests decide each decline themselves.
        world.simulator.banks().setDeclinePerMille(bank.id(), 0);
    }

    @AfterAll
    void stop() {
        world.close();
    }

    private int nextCard = 1;

    private CardWorld.Provisioned tapToken() {
        return world.enrol(bank, nextCard++, BALANCE, world.newPhone(), TokenDomain.CONTACTLESS);
    }

    private CardholderAccount account(CardWorld.Provisioned token) {
        return world.simulator.banks().account(token.cardNumber());
    }

    @Test
    void enrolmentIssuesALuhnValidTokenFromTheNetworksTokenRangeWithThePanNeverShown() {
        CardWorld.Provisioned token = tapToken();
        Http.Reply reply = token.enrolment();
        String dpan = reply.text("dpan");
        assertThat(Luhn.isValidPan(dpan)).isTrue();
        assertThat(dpan).isNotEqualTo(token.cardNumber()).hasSize(16);
        assertThat(dpan).startsWith(switch (bank.network()) {
            case VISA -> "48953700";
            case MASTERCARD -> "52045500";
            case UNIONPAY -> "62581900";
        });
        assertThat(reply.text("status")).isEqualTo("active");
        assertThat(reply.text("issuer")).isEqualTo(world.issuerOf(bank));
        assertThat(reply.text("par")).hasSize(29);
        assertThat(reply.text("token_key")).hasSize(32);
        assertThat(reply.body()).doesNotContain(token.cardNumber());
        Http.Reply read = world.http().get(world.wallet.key(), "/v1/tokens/" + token.tokenId());
        assertThat(read.body()).doesNotContain(dpan).doesNotContain("token_key").doesNotContain(token.cardNumber());
        assertThat(read.json().path("dpan_last4").asString()).isEqualTo(dpan.substring(12));
    }

    @Test
    void tokensOfOneCardShareItsParAndEachGetsItsOwnDpan() {
        String number = world.simulator.banks().cardNumber(bank, 900);
        CardWorld.Provisioned tap = world.enrolCard(number, bank, world.newPhone(), TokenDomain.CONTACTLESS);
        CardWorld.Provisioned app = world.enrolCard(number, bank, world.newPhone(), TokenDomain.IN_APP);
        assertThat(tap.enrolment().text("par")).isEqualTo(app.enrolment().text("par"));
        assertThat(tap.enrolment().text("dpan")).isNotEqualTo(app.enrolment().text("dpan"));
        CardWorld.Provisioned other = tapToken();
        assertThat(other.enrolment().text("par")).isNotEqualTo(tap.enrolment().text("par"));
    }

    @Test
    void aTapPaysAtOnceFromTheIssuersSettlementAccountWithTheFeeInTheSameChain() {
        CardWorld.Provisioned token = tapToken();
        String issuer = world.issuerOf(bank);
        String merchant = world.merchant(currency).id();
        long issuerBefore = world.postedBalance(issuer, currency);
        long merchantBefore = world.postedBalance(merchant, currency);

        Http.Reply paid = world.pay(token, 2_500, "automatic");

        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        assertThat(paid.text("status")).isEqualTo("succeeded");
        assertThat(paid.json().path("payment_method").path("type").asString()).isEqualTo("device_token");
        assertThat(paid.json().path("payment_method").path("device_token").path("entry_mode").asString())
                .isEqualTo("contactless");
        assertThat(world.postedBalance(issuer, currency)).isEqualTo(issuerBefore - 2_500);
        assertThat(world.postedBalance(merchant, currency)).isEqualTo(merchantBefore + 2_500 - 50);
        assertThat(account(token).heldMinor()).isEqualTo(2_500);
        String authorization = paid.json().path("payment_method").path("device_token").path("authorization").asString();
        Http.Reply read = world.http().get(world.merchant(currency).key(), "/v1/card_authorizations/" + authorization);
        assertThat(read.text("status")).isEqualTo("approved");
        assertThat(read.text("response_code")).isEqualTo("00");
    }

    @Test
    void anInAppPaymentIsCapturedInPartThenRefundedToTheIssuer() {
        CardWorld.Provisioned token = world.enrol(bank, nextCard++, BALANCE, world.newPhone(), TokenDomain.IN_APP);
        String issuer = world.issuerOf(bank);
        long issuerBefore = world.postedBalance(issuer, currency);

        Http.Reply reserved = world.pay(token, 4_000, "manual");
        assertThat(reserved.status()).as(reserved.body()).isEqualTo(200);
        assertThat(reserved.text("status")).isEqualTo("requires_capture");
        assertThat(reserved.json().path("payment_method").path("device_token").path("entry_mode").asString())
                .isEqualTo("in_app");
        String intent = reserved.text("id");
        TestNode.Party merchant = world.merchant(currency);

        Http.Reply captured = world.http().post(merchant.key(), "/v1/payment_intents/" + intent + "/capture",
                Map.of("amount_to_capture", 3_000));
        assertThat(captured.text("status")).as(captured.body()).isEqualTo("succeeded");
        assertThat(captured.number("amount_received")).isEqualTo(3_000);
        assertThat(world.postedBalance(issuer, currency)).isEqualTo(issuerBefore - 3_000);

        Http.Reply refund = world.http().post(merchant.key(), "/v1/refunds", Map.of("payment_intent", intent,
                "amount", 1_000));
        assertThat(refund.status()).as(refund.body()).isEqualTo(200);
        assertThat(world.postedBalance(issuer, currency)).isEqualTo(issuerBefore - 2_000);
        Http.Reply tooMuch = world.http().post(merchant.key(), "/v1/refunds", Map.of("payment_intent", intent,
                "amount", 2_001));
        assertThat(tooMuch.status()).isEqualTo(400);
    }

    @Test
    void aVoidReleasesTheReservationAndReversesTheAuthorizationAtTheIssuerOnce() throws Exception {
        CardWorld.Provisioned token = tapToken();
        Http.Reply reserved = world.pay(token, 1_500, "manual");
        assertThat(reserved.text("status")).as(reserved.body()).isEqualTo("requires_capture");
        assertThat(account(token).heldMinor()).isEqualTo(1_500);

        Http.Reply voided = world.http().post(world.merchant(currency).key(),
                "/v1/payment_intents/" + reserved.text("id") + "/cancel", Map.of());
        assertThat(voided.text("status")).as(voided.body()).isEqualTo("canceled");

        String authorization = voided.json().path("payment_method").path("device_token").path("authorization").asString();
        Eventually.holds(Duration.ofSeconds(20), () -> assertThat(world.http()
                .get(world.merchant(currency).key(), "/v1/card_authorizations/" + authorization).text("status"))
                .isEqualTo("reversed"));
        assertThat(account(token).heldMinor()).isZero();
        assertThat(world.simulator.activity().of(bank.id(), ActivityKind.REVERSAL).stream()
                .filter(entry -> entry.amountMinor() == 1_500 && entry.maskedPan().endsWith(token.cardNumber().substring(12))))
                .hasSize(1);
    }

    @Test
    void replaysLowerAndFarAheadCountersAndWrongCryptogramsAreDeclinedBeforeTheIssuer() {
        CardWorld.Provisioned token = tapToken();
        TestNode.Party merchant = world.merchant(currency);
        DeviceWallet phone = token.phone();
        TokenPresentment first = phone.present(token.tokenId(), 700, bank.currency(), merchant.id(), "TERM0001");
        assertThat(world.confirm(merchant, world.createIntent(merchant, 700, currency, "automatic"), first).status())
                .isEqualTo(200);

        assertDeclined(merchant, 700, first, "atc_replayed");
        TokenPresentment second = phone.present(token.tokenId(), 700, bank.currency(), merchant.id(), "TERM0001");
        TokenPresentment third = phone.present(token.tokenId(), 700, bank.currency(), merchant.id(), "TERM0001");
        assertThat(world.confirm(merchant, world.createIntent(merchant, 700, currency, "automatic"), third).status())
                .isEqualTo(200);
        assertDeclined(merchant, 700, second, "atc_lower");
        assertDeclined(merchant, 700, phone.present(token.tokenId(), 700, bank.currency(), merchant.id(), "TERM0001")
                .withCorruptedCryptogram(), "cryptogram_invalid");
        // The same cryptogram for another amount does not verify either.
        TokenPresentment forAnotherAmount = phone.present(token.tokenId(), 701, bank.currency(), merchant.id(), "TERM0001");
        assertDeclined(merchant, 700, forAnotherAmount, "cryptogram_invalid");
        assertThat(account(token).heldMinor()).isEqualTo(1_400);
    }

    @Test
    void aCounterTooFarAheadIsDeclined() {
        CardWorld.Provisioned token = tapToken();
        TestNode.Party merchant = world.merchant(currency);
        TokenPresentment last = null;
        for (int i = 0; i <= 101; i++) last = token.phone().present(token.tokenId(), 900, bank.currency(), merchant.id(), null);
        assertThat(last.atc()).isEqualTo(102);
        assertDeclined(merchant, 900, last, "atc_jump_too_large");
    }

    @Test
    void concurrentDuplicatesOfOnePresentmentPayOnce() throws Exception {
        CardWorld.Provisioned token = tapToken();
        TestNode.Party merchant = world.merchant(currency);
        TokenPresentment presented = token.phone().present(token.tokenId(), 1_100, bank.currency(), merchant.id(), "TERM0001");
        List<String> intents = new ArrayList<>();
        for (int i = 0; i < 8; i++) intents.add(world.createIntent(merchant, 1_100, currency, "automatic"));
        List<Callable<Http.Reply>> tries = intents.stream()
                .<Callable<Http.Reply>>map(intent -> () -> world.confirm(merchant, intent, presented)).toList();
        List<Integer> statuses = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Http.Reply> reply : pool.invokeAll(tries)) {
                statuses.add(reply.get().status());
                if (reply.get().status() == 402) codes.add(reply.get().errorCode());
            }
        }
        assertThat(statuses).containsOnlyOnce(200);
        assertThat(codes).hasSize(7).containsOnly("atc_replayed");
        assertThat(account(token).heldMinor()).isEqualTo(1_100);
    }

    @Test
    void theTokenLifecycleDecidesWhetherItPays() {
        CardWorld.Provisioned token = tapToken();
        TestNode.Party merchant = world.merchant(currency);
        String path = "/v1/tokens/" + token.tokenId();
        assertThat(world.http().post(world.wallet.key(), path + "/suspend", null).text("status")).isEqualTo("suspended");
        assertDeclined(merchant, 500, token.phone().present(token.tokenId(), 500, bank.currency(), merchant.id(), null),
                "token_suspended");
        assertThat(world.http().post(world.wallet.key(), path + "/suspend", null).status()).isEqualTo(409);
        assertThat(world.http().post(world.wallet.key(), path + "/resume", null).text("status")).isEqualTo("active");
        assertThat(world.pay(token, 500, "automatic").status()).isEqualTo(200);
        assertThat(world.http().post(world.wallet.key(), path + "/delete", null).text("status")).isEqualTo("deleted");
        assertDeclined(merchant, 500, token.phone().present(token.tokenId(), 500, bank.currency(), merchant.id(), null),
                "token_deleted");
        assertThat(world.http().post(world.wallet.key(), path + "/resume", null).status()).isEqualTo(409);
        // Another wallet provider cannot see or change the token.
        TestNode.Party stranger = world.node.walletProvider("USD");
        assertThat(world.http().post(stranger.key(), path + "/suspend", null).status()).isEqualTo(404);
    }

    @Test
    void aTokenPaysOnlyInItsDomain() {
        CardWorld.Provisioned inApp = world.enrol(bank, nextCard++, BALANCE, world.newPhone(), TokenDomain.IN_APP);
        TestNode.Party merchant = world.merchant(currency);
        TokenPresentment presented = inApp.phone().present(inApp.tokenId(), 600, bank.currency(), merchant.id(), null);
        TokenPresentment asTap = new TokenPresentment(presented.dpan(), presented.atc(), presented.cryptogram(),
                presented.unpredictableNumber(), TokenDomain.CONTACTLESS, "TERM0001");
        assertDeclined(merchant, 600, asTap, "token_domain_mismatch");
    }

    @Test
    void anIssuerDeclineShowsItsReasonAndMovesNothing() {
        CardWorld.Provisioned token = world.enrol(bank, nextCard++, 1_000, world.newPhone(), TokenDomain.CONTACTLESS);
        String issuer = world.issuerOf(bank);
        long before = world.postedBalance(issuer, currency);
        Http.Reply declined = world.pay(token, 5_000, "automatic");
        assertThat(declined.status()).as(declined.body()).isEqualTo(402);
        assertThat(declined.errorCode()).isEqualTo("insufficient_funds");
        assertThat(declined.json().path("error").path("decline_code").asString()).isEqualTo("51");
        assertThat(declined.json().path("error").path("payment_intent").path("status").asString())
                .isEqualTo("requires_payment_method");
        assertThat(world.postedBalance(issuer, currency)).isEqualTo(before);
        assertThat(account(token).heldMinor()).isZero();
    }

    @Test
    void anUnansweredAuthorizationIsDeclinedAndReversedExactlyOnce() throws Exception {
        CardWorld.Provisioned token = tapToken();
        String issuer = world.issuerOf(bank);
        long before = world.postedBalance(issuer, currency);
        world.simulator.faults().next(Fault.NO_REPLY, bank.id(), 1);

        Http.Reply unanswered = world.pay(token, 1_234, "automatic");

        assertThat(unanswered.status()).as(unanswered.body()).isEqualTo(402);
        assertThat(unanswered.errorCode()).isEqualTo("issuer_unavailable");
        assertThat(world.postedBalance(issuer, currency)).isEqualTo(before);
        Eventually.holds(Duration.ofSeconds(20), () -> assertThat(account(token).heldMinor()).isZero());
        Eventually.holds(Duration.ofSeconds(20), () -> assertThat(world.node.node().reversalsPending()).isZero());
        long reversals = world.simulator.activity().of(bank.id(), ActivityKind.REVERSAL).stream()
                .filter(entry -> entry.amountMinor() == 1_234).count();
        assertThat(reversals).isEqualTo(1);
        // The card pays again once the issuer answers.
        assertThat(world.pay(token, 1_234, "automatic").status()).isEqualTo(200);
    }

    @Test
    void enrolmentsTheIssuerRefusesOrCannotBeRoutedAreClearErrors() {
        DeviceWallet phone = world.newPhone();
        String good = world.simulator.banks().cardNumber(bank, 950);
        String badLuhn = good.substring(0, 15) + ((good.charAt(15) - '0' + 1) % 10);
        Http.Reply invalid = world.requestEnrolment(badLuhn, CardWorld.EXPIRY_YEAR, phone.deviceId(), TokenDomain.IN_APP);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.errorCode()).isEqualTo("invalid_number");
        assertThat(invalid.body()).doesNotContain(badLuhn);

        Http.Reply expired = world.requestEnrolment(good, 2020, phone.deviceId(), TokenDomain.IN_APP);
        assertThat(expired.status()).isEqualTo(402);
        assertThat(expired.errorCode()).isEqualTo("expired_card");

        String unknownBin = Luhn.withCheckDigit("400000000000000".substring(0, 15));
        Http.Reply unrouted = world.requestEnrolment(unknownBin, CardWorld.EXPIRY_YEAR, phone.deviceId(), TokenDomain.IN_APP);
        if (world.simulator.banks().issuerOf(unknownBin).isEmpty()) {
            assertThat(unrouted.status()).isEqualTo(402);
            assertThat(unrouted.errorCode()).isEqualTo("issuer_unknown");
        }

        world.simulator.banks().markDown(bank.id(), true);
        try {
            Http.Reply down = world.requestEnrolment(good, CardWorld.EXPIRY_YEAR, phone.deviceId(), TokenDomain.IN_APP);
            assertThat(down.status()).isEqualTo(402);
            assertThat(down.errorCode()).isEqualTo("card_declined");
            assertThat(down.json().path("error").path("message").asString()).contains("91");
        } finally {
            world.simulator.banks().markDown(bank.id(), false);
        }
        Http.Reply merchantTries = world.http().post(world.merchant(currency).key(), "/v1/tokens", Map.of("card",
                Map.of("number", good, "exp_month", 12, "exp_year", CardWorld.EXPIRY_YEAR), "device_id", "x",
                "domain", "in_app"));
        assertThat(merchantTries.status()).isEqualTo(403);
    }

    private void assertDeclined(TestNode.Party merchant, long amount, TokenPresentment presented, String code) {
        Http.Reply reply = world.confirm(merchant, world.createIntent(merchant, amount, currency, "automatic"), presented);
        assertThat(reply.status()).as(reply.body()).isEqualTo(402);
        assertThat(reply.errorCode()).isEqualTo(code);
    }
}
