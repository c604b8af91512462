package org.corridor.core.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.core.state.SwitchFixture.ALICE;
import static org.corridor.core.state.SwitchFixture.ALICE_USD;
import static org.corridor.core.state.SwitchFixture.BOB;
import static org.corridor.core.state.SwitchFixture.EUR;
import static org.corridor.core.state.SwitchFixture.JPY;
import static org.corridor.core.state.SwitchFixture.USD;
import static org.corridor.core.state.SwitchFixture.WALLET;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.corridor.core.card.AuthorizationStatus;
import org.corridor.core.card.Card;
import org.corridor.core.card.CardAuthorization;
import org.corridor.core.card.DeviceToken;
import org.corridor.core.card.TestCards;
import org.corridor.core.card.TokenDomain;
import org.corridor.core.card.TokenOperations;
import org.corridor.core.card.TokenStatus;
import org.corridor.core.participant.Participant;
import org.corridor.core.participant.ParticipantOperations;
import org.corridor.core.participant.ParticipantRole;
import org.corridor.core.participant.TopUp;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.SwitchFixture;
import org.corridor.core.webhook.EventTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Top-ups from a card's device token on the writer: {@link CardTopUps#begin}'s checks as a table in precedence order,
 * then what {@link CardTopUps#complete} books for each issuer answer, and the recovery of one out at a stop.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CardTopUpsTest {
    private static final String ISSUER = "acct_issuer";
    private static final String DPAN = TestCards.DPAN;
    private static final String BALANCE_DPAN = TestCards.BALANCE_DPAN;

    private final SwitchFixture f = new SwitchFixture();
    private int topUps;

    CardTopUpsTest() {
        ParticipantOperations.createParticipant(f.state(), new Participant(ISSUER, ParticipantRole.ISSUER, "Bank", "US",
                USD, 0, "", 0, Map.of(), List.of("411111"), Map.of(), 0), List.of(USD));
        Card card = new Card("card_1", ISSUER, "visa", "411111", "1111", 12, 2031, "f".repeat(64), "C001" + "A".repeat(25),
                new byte[] {1}, 0);
        assertThat(TokenOperations.enrol(f.state(), card, new DeviceToken("tok_1", WALLET, "", "", "", DPAN, "",
                "phone", TokenDomain.IN_APP, TokenStatus.ACTIVE, new byte[] {2}, 0, "", 0)).ok()).isTrue();
        assertThat(TokenOperations.issueOnBalance(f.state(), new DeviceToken("tok_2", WALLET, "", "", "", BALANCE_DPAN,
                "", "phone", TokenDomain.IN_APP, TokenStatus.ACTIVE, new byte[] {3}, 0, "", 0, ALICE, USD)).ok()).isTrue();
        f.drain();
    }

    record Line(CardTopUps.Result expected, String code, String scenario, String customer, String currency,
            CardPayments.Presentment presented) {
        @Override
        public String toString() {
            return expected + " " + code + ": " + scenario;
        }
    }

    private static CardPayments.Presentment inApp(String dpan, int atc, boolean cryptogramValid) {
        return new CardPayments.Presentment(dpan, atc, TokenDomain.IN_APP, "INAPP001", cryptogramValid);
    }

    static Stream<Line> lines() {
        return Stream.of(
                new Line(CardTopUps.Result.OK, "", "a card's token, a good cryptogram", ALICE, USD, inApp(DPAN, 1, true)),
                new Line(CardTopUps.Result.CUSTOMER_NOT_FOUND, "", "another provider's customer", BOB, USD,
                        inApp(DPAN, 1, true)),
                new Line(CardTopUps.Result.CURRENCY_NOT_SUPPORTED, "", "a currency the customer holds none of", ALICE,
                        EUR, inApp(DPAN, 1, false)),
                new Line(CardTopUps.Result.PAYMENT_METHOD_UNSUPPORTED, "", "a token on a balance", ALICE, USD,
                        inApp(BALANCE_DPAN, 1, true)),
                new Line(CardTopUps.Result.DECLINED, "token_not_found", "a DPAN nobody issued", ALICE, USD,
                        inApp(TestCards.UNISSUED_DPAN, 1, true)),
                new Line(CardTopUps.Result.DECLINED, "token_domain_mismatch", "an in-app token tapped", ALICE, USD,
                        new CardPayments.Presentment(DPAN, 1, TokenDomain.CONTACTLESS, "TERM0001", true)),
                new Line(CardTopUps.Result.DECLINED, "cryptogram_invalid", "a cryptogram that did not verify", ALICE,
                        USD, inApp(DPAN, 1, false)),
                new Line(CardTopUps.Result.DECLINED, "currency_not_supported", "an issuer without a JPY account", ALICE,
                        JPY, inApp(DPAN, 1, true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lines")
    void beginAnswersInPrecedenceOrder(Line line) {
        var begun = CardTopUps.begin(f.state(), WALLET, "tu_" + ++topUps, line.customer(), 2_000, line.currency(),
                line.presented());
        assertThat(begun.result()).isEqualTo(line.expected());
        if (line.expected() == CardTopUps.Result.OK) {
            assertThat(begun.value().authorization().status()).isEqualTo(AuthorizationStatus.SENT);
            assertThat(begun.value().authorization().ownerId()).isEqualTo(WALLET);
            assertThat(token().highestAtc()).isEqualTo(1);
        } else {
            assertThat(f.state().all(RecordKind.CARD_AUTHORIZATION)).isEmpty();
            assertThat(token().highestAtc()).as("a refused ATC is not admitted").isZero();
        }
        if (line.expected() == CardTopUps.Result.DECLINED) {
            assertThat(begun.value().error().code()).isEqualTo(line.code());
        }
        assertThat(f.customerBalance(ALICE, USD)).isEqualTo(ALICE_USD);
    }

    @Test
    void anApprovalMovesTheAmountFromTheIssuersAccountToTheBalanceWithItsEvent() {
        var booked = beginAndAnswer(2_000, new CardPayments.IssuerReply("00", "123456"));
        assertThat(booked.result()).isEqualTo(CardTopUps.Result.OK);
        TopUp topUp = booked.value().topUp();
        assertThat(topUp.amountMinor()).isEqualTo(2_000);
        assertThat(topUp.paymentMethod()).isInstanceOfSatisfying(PaymentMethod.DeviceToken.class,
                method -> assertThat(method.authorizationId()).isEqualTo(authorization().id()));
        assertThat(f.customerBalance(ALICE, USD)).isEqualTo(ALICE_USD + 2_000);
        assertThat(f.posted(f.participantAccount(ISSUER, USD))).isEqualTo(-2_000);
        assertThat(authorization().status()).isEqualTo(AuthorizationStatus.APPROVED);
        assertThat(f.drain().records()).anyMatch(change -> change.kind() == RecordKind.EVENT
                && change.value().toString().contains(EventTypes.CUSTOMER_TOPPED_UP));
        assertThat(f.auditViolations()).isEmpty();
        assertThat(PaymentAudit.violations(f.state())).isEmpty();
    }

    @Test
    void aDeclineOrNoAnswerBooksNothingAndNoAnswerQueuesAReversal() {
        var declined = beginAndAnswer(2_000, new CardPayments.IssuerReply("51", ""));
        assertThat(declined.result()).isEqualTo(CardTopUps.Result.DECLINED);
        assertThat(declined.value().error()).isEqualTo(new PaymentError("insufficient_funds",
                "The card has insufficient funds.", "51"));
        assertThat(authorization().status()).isEqualTo(AuthorizationStatus.DECLINED);
        var unanswered = beginAndAnswer(2_000, null);
        assertThat(unanswered.value().error().code()).isEqualTo("issuer_unavailable");
        assertThat(authorization().status()).isEqualTo(AuthorizationStatus.REVERSAL_PENDING);
        // A late answer for an authorization no longer waiting books nothing.
        var late = CardTopUps.complete(f.state(), authorization().id(), ALICE, new CardPayments.IssuerReply("00", "1"));
        assertThat(late.result()).isEqualTo(CardTopUps.Result.DECLINED);
        assertThat(f.customerBalance(ALICE, USD)).isEqualTo(ALICE_USD);
        assertThat(cardTopUps()).isEmpty();
        assertThat(f.auditViolations()).isEmpty();
        assertThat(PaymentAudit.violations(f.state())).isEmpty();
    }

    @Test
    void aTopUpOutAtAStopIsReversedAtStartUp() {
        CardTopUps.begin(f.state(), WALLET, "tu_out", ALICE, 900, USD, inApp(DPAN, 1, true));
        assertThat(CardPayments.recoverUnanswered(f.state())).isEqualTo(1);
        assertThat(authorization().status()).isEqualTo(AuthorizationStatus.REVERSAL_PENDING);
        assertThat(cardTopUps()).isEmpty();
        assertThat(f.auditViolations()).isEmpty();
        assertThat(PaymentAudit.violations(f.state())).isEmpty();
    }

    private org.corridor.core.state.Outcome<CardTopUps.Result, CardTopUps.Attempt> beginAndAnswer(long amount,
            CardPayments.IssuerReply reply) {
        var begun = CardTopUps.begin(f.state(), WALLET, "tu_" + ++topUps, ALICE, amount, USD,
                inApp(DPAN, token().highestAtc() + 1, true));
        assertThat(begun.result()).isEqualTo(CardTopUps.Result.OK);
        return CardTopUps.complete(f.state(), begun.value().authorization().id(), ALICE, reply);
    }

    /** The top-ups a card paid (the fixture's customers were topped up from their provider's funding account). */
    private List<TopUp> cardTopUps() {
        return f.state().all(RecordKind.TOP_UP).stream().map(TopUp.class::cast)
                .filter(t -> t.paymentMethod() != null).toList();
    }

    private DeviceToken token() {
        return f.state().find(RecordKind.DEVICE_TOKEN, "tok_1", DeviceToken.class).orElseThrow();
    }

    private CardAuthorization authorization() {
        return f.state().all(RecordKind.CARD_AUTHORIZATION).stream().map(CardAuthorization.class::cast)
                .reduce((a, b) -> a.sequence() > b.sequence() ? a : b).orElseThrow();
    }
}
