package org.corridor.core.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.core.state.SwitchFixture.JPY;
import static org.corridor.core.state.SwitchFixture.MERCHANT;
import static org.corridor.core.state.SwitchFixture.USD;
import static org.corridor.core.state.SwitchFixture.WALLET;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.corridor.core.Id128;
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
import org.corridor.core.settlement.NetDebitCaps;
import org.corridor.core.payment.PaymentOperations.ConfirmResult;
import org.corridor.core.state.Outcome;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.SwitchFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The card payment steps on the writer: {@link CardPayments#begin}'s checks as a table in precedence order, then
 * what {@link CardPayments#complete} books for each issuer answer, voids, and the recovery of authorizations that
 * were out when the switch stopped.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CardPaymentsTest {
    private static final String ISSUER = "acct_issuer";
    private static final String DPAN = TestCards.DPAN;

    private final SwitchFixture f = new SwitchFixture();

    CardPaymentsTest() {
        ParticipantOperations.createParticipant(f.state(), new Participant(ISSUER, ParticipantRole.ISSUER, "Bank", "US",
                USD, 0, "", 0, Map.of(), List.of("411111"), Map.of(), 0), List.of(USD));
        Card card = new Card("card_1", ISSUER, "visa", "411111", "1111", 12, 2031, "f".repeat(64), "C001" + "A".repeat(25),
                new byte[] {1}, 0);
        DeviceToken spec = new DeviceToken("tok_1", WALLET, "", "", "", DPAN, "", "phone", TokenDomain.CONTACTLESS,
                TokenStatus.ACTIVE, new byte[] {2}, 0, "", 0);
        assertThat(TokenOperations.enrol(f.state(), card, spec).ok()).isTrue();
        f.drain();
    }

    /** One line of the table: how the token is prepared, what is presented, and what must be answered. */
    record Line(String expected, String scenario, Consumer<CardPaymentsTest> prepare, CardPayments.Presentment presented,
            String currency) {
        @Override
        public String toString() {
            return expected + ": " + scenario;
        }
    }

    private static CardPayments.Presentment tap(String dpan, int atc, boolean cryptogramValid) {
        return new CardPayments.Presentment(dpan, atc, TokenDomain.CONTACTLESS, "TERM0001", cryptogramValid);
    }

    static Stream<Line> lines() {
        Consumer<CardPaymentsTest> none = t -> {};
        Consumer<CardPaymentsTest> atFive = t -> t.setAtc(5);
        return Stream.of(
                new Line("ok", "an active token, a good cryptogram, the next ATC", none, tap(DPAN, 1, true), USD),
                new Line("token_not_found", "a DPAN nobody issued", none, tap(TestCards.UNISSUED_DPAN, 1, true), USD),
                new Line("token_suspended", "a suspended token", t -> t.lifecycle(TokenOperations.LifecycleAction.SUSPEND),
                        tap(DPAN, 1, true), USD),
                new Line("token_deleted", "a deleted token", t -> t.lifecycle(TokenOperations.LifecycleAction.DELETE),
                        tap(DPAN, 1, true), USD),
                new Line("token_domain_mismatch", "a tap token presented in an app", none,
                        new CardPayments.Presentment(DPAN, 1, TokenDomain.IN_APP, "INAPP001", true), USD),
                new Line("cryptogram_invalid", "a cryptogram that did not verify", none, tap(DPAN, 1, false), USD),
                new Line("atc_replayed", "the highest ATC again", atFive, tap(DPAN, 5, true), USD),
                new Line("atc_lower", "an ATC below the highest", atFive, tap(DPAN, 4, true), USD),
                new Line("atc_jump_too_large", "101 above the highest", atFive, tap(DPAN, 106, true), USD),
                new Line("ok", "100 above the highest", atFive, tap(DPAN, 105, true), USD),
                new Line("currency_not_supported", "an issuer without a JPY account", none, tap(DPAN, 1, true), JPY),
                new Line("net_debit_cap_exceeded", "an issuer capped one unit below the amount", t -> t.cap(999),
                        tap(DPAN, 1, true), USD),
                new Line("ok", "an issuer capped at exactly the amount", t -> t.cap(1_000), tap(DPAN, 1, true), USD),
                new Line("token_suspended", "suspended wins over a wrong domain", t -> t.lifecycle(
                        TokenOperations.LifecycleAction.SUSPEND),
                        new CardPayments.Presentment(DPAN, 1, TokenDomain.IN_APP, "INAPP001", false), USD),
                new Line("cryptogram_invalid", "a bad cryptogram wins over a replayed ATC", atFive, tap(DPAN, 5, false), USD));
    }

    private void cap(long amountMinor) {
        assertThat(NetDebitCaps.set(f.state(), ISSUER, USD, amountMinor).ok()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lines")
    void beginAnswersInPrecedenceOrder(Line line) {
        line.prepare().accept(this);
        PaymentIntent intent = f.createIntent(1_000, line.currency(), CaptureMethod.AUTOMATIC);
        int atcBefore = token().highestAtc();
        var begun = CardPayments.begin(f.state(), MERCHANT, intent.id(), null, line.presented());
        if (line.expected().equals("ok")) {
            assertThat(begun.result()).isEqualTo(ConfirmResult.OK);
            assertThat(begun.value().intent().status()).isEqualTo(PaymentIntentStatus.PROCESSING);
            assertThat(begun.value().authorization().status()).isEqualTo(AuthorizationStatus.SENT);
            assertThat(token().highestAtc()).isEqualTo(line.presented().atc());
        } else {
            assertThat(begun.result()).isEqualTo(ConfirmResult.DECLINED);
            assertThat(begun.value().intent().lastPaymentError().code()).isEqualTo(line.expected());
            assertThat(begun.value().intent().status()).isEqualTo(PaymentIntentStatus.REQUIRES_PAYMENT_METHOD);
            assertThat(token().highestAtc()).as("a refused ATC is not admitted").isEqualTo(atcBefore);
            assertThat(f.state().all(RecordKind.CARD_AUTHORIZATION)).isEmpty();
        }
    }

    @Test
    void aRenewedCardKeepsItsParAndTakesTheLaterExpiry() {
        Card renewed = new Card("card_2", ISSUER, "visa", "411111", "1111", 6, 2034, "f".repeat(64), "C001" + "B".repeat(25),
                new byte[] {3}, 0);
        DeviceToken spec = new DeviceToken("tok_2", WALLET, "", "", "", TestCards.OTHER_DPAN, "", "phone-2",
                TokenDomain.IN_APP, TokenStatus.ACTIVE, new byte[] {4}, 0, "", 0);
        DeviceToken second = TokenOperations.enrol(f.state(), renewed, spec).value();
        assertThat(second.cardId()).isEqualTo("card_1");
        assertThat(second.par()).isEqualTo(token().par());
        Card card = f.state().find(RecordKind.CARD, "card_1", Card.class).orElseThrow();
        assertThat(card.expiryYear()).isEqualTo(2034);
        assertThat(card.expiryMonth()).isEqualTo(6);
        assertThat(f.state().all(RecordKind.CARD)).hasSize(1);
    }

    @Test
    void anIntentTheCallerMayNotConfirmOrThatIsNotWaitingIsRefusedFirst() {
        PaymentIntent intent = f.createIntent(1_000, USD, CaptureMethod.AUTOMATIC);
        assertThat(CardPayments.begin(f.state(), WALLET, intent.id(), null, tap(DPAN, 1, true)).result())
                .isEqualTo(ConfirmResult.PAYMENT_INTENT_NOT_FOUND);
        assertThat(CardPayments.begin(f.state(), WALLET, intent.id(), intent.clientSecret(), tap(DPAN, 1, true)).result())
                .isEqualTo(ConfirmResult.OK);
        assertThat(CardPayments.begin(f.state(), MERCHANT, intent.id(), null, tap(DPAN, 2, true)).result())
                .isEqualTo(ConfirmResult.PAYMENT_INTENT_UNEXPECTED_STATE);
    }

    @Test
    void anApprovalPaysTheMerchantFromTheIssuersAccountWithTheFee() {
        Outcome<ConfirmResult, PaymentIntent> paid = authorizeAndAnswer(CaptureMethod.AUTOMATIC, 10_000,
                new CardPayments.IssuerReply("00", "123456"));
        assertThat(paid.result()).isEqualTo(ConfirmResult.OK);
        assertThat(paid.value().status()).isEqualTo(PaymentIntentStatus.SUCCEEDED);
        assertThat(f.posted(f.participantAccount(ISSUER, USD))).isEqualTo(-10_000);
        assertThat(f.merchantBalance(MERCHANT, USD)).isEqualTo(10_000 - 290);
        assertThat(authorization().status()).isEqualTo(AuthorizationStatus.APPROVED);
        assertThat(authorization().approvalCode()).isEqualTo("123456");
        assertThat(f.auditViolations()).isEmpty();
    }

    @Test
    void aManualApprovalReservesAndAVoidQueuesTheReversal() {
        Outcome<ConfirmResult, PaymentIntent> reserved = authorizeAndAnswer(CaptureMethod.MANUAL, 4_000,
                new CardPayments.IssuerReply("00", "654321"));
        assertThat(reserved.value().status()).isEqualTo(PaymentIntentStatus.REQUIRES_CAPTURE);
        assertThat(f.account(f.participantAccount(ISSUER, USD)).debitsPending()).isEqualTo(4_000);
        assertThat(PaymentOperations.cancel(f.state(), MERCHANT, reserved.value().id(), "requested_by_customer").ok())
                .isTrue();
        assertThat(f.account(f.participantAccount(ISSUER, USD)).debitsPending()).isZero();
        assertThat(authorization().status()).isEqualTo(AuthorizationStatus.REVERSAL_PENDING);
        CardPayments.reversalAttempted(f.state(), authorization().id());
        assertThat(authorization().reversalAttempts()).isEqualTo(1);
        CardPayments.reversalAcknowledged(f.state(), authorization().id());
        assertThat(authorization().status()).isEqualTo(AuthorizationStatus.REVERSED);
    }

    @Test
    void anUncapturedAuthorizationThatExpiresIsReversedAtTheIssuer() {
        Outcome<ConfirmResult, PaymentIntent> reserved = authorizeAndAnswer(CaptureMethod.MANUAL, 4_000,
                new CardPayments.IssuerReply("00", "654321"));
        f.advanceSeconds(PaymentOperations.RESERVATION_TIMEOUT_SECONDS + 1);
        assertThat(PaymentOperations.cancelExpiredReservations(f.state())).isEqualTo(1);
        assertThat(f.intent(reserved.value().id()).cancellationReason()).isEqualTo("expired");
        assertThat(authorization().status()).isEqualTo(AuthorizationStatus.REVERSAL_PENDING);
        assertThat(f.account(f.participantAccount(ISSUER, USD)).debitsPending()).isZero();
    }

    @Test
    void aCaptureThatFindsTheAuthorizationExpiredReversesItToo() {
        Outcome<ConfirmResult, PaymentIntent> reserved = authorizeAndAnswer(CaptureMethod.MANUAL, 4_000,
                new CardPayments.IssuerReply("00", "654321"));
        f.advanceSeconds(PaymentOperations.RESERVATION_TIMEOUT_SECONDS + 1);
        assertThat(PaymentOperations.capture(f.state(), MERCHANT, reserved.value().id(), 0).result())
                .isEqualTo(PaymentOperations.CaptureResult.RESERVATION_EXPIRED);
        assertThat(authorization().status()).isEqualTo(AuthorizationStatus.REVERSAL_PENDING);
    }

    @Test
    void anIssuerDeclineFailsTheIntentWithItsCodeAndMovesNothing() {
        Outcome<ConfirmResult, PaymentIntent> declined = authorizeAndAnswer(CaptureMethod.AUTOMATIC, 10_000,
                new CardPayments.IssuerReply("51", ""));
        assertThat(declined.result()).isEqualTo(ConfirmResult.DECLINED);
        assertThat(declined.value().lastPaymentError()).isEqualTo(new PaymentError("insufficient_funds",
                "The card has insufficient funds.", "51"));
        assertThat(f.posted(f.participantAccount(ISSUER, USD))).isZero();
        assertThat(authorization().status()).isEqualTo(AuthorizationStatus.DECLINED);
    }

    @Test
    void noAnswerFailsTheIntentAndQueuesAReversal() {
        Outcome<ConfirmResult, PaymentIntent> unanswered = authorizeAndAnswer(CaptureMethod.AUTOMATIC, 10_000, null);
        assertThat(unanswered.value().lastPaymentError().code()).isEqualTo("issuer_unavailable");
        assertThat(authorization().status()).isEqualTo(AuthorizationStatus.REVERSAL_PENDING);
        // A late answer for an authorization no longer waiting changes nothing.
        var late = CardPayments.complete(f.state(), authorization().id(), new CardPayments.IssuerReply("00", "1"));
        assertThat(late.value().status()).isEqualTo(PaymentIntentStatus.REQUIRES_PAYMENT_METHOD);
        assertThat(f.posted(f.participantAccount(ISSUER, USD))).isZero();
    }

    @Test
    void theAuditChecksCardAuthorizationsAgainstTheirIntents() {
        authorizeAndAnswer(CaptureMethod.MANUAL, 4_000, new CardPayments.IssuerReply("00", "1"));
        PaymentIntent waiting = f.createIntent(700, USD, CaptureMethod.AUTOMATIC);
        CardPayments.begin(f.state(), MERCHANT, waiting.id(), null, tap(DPAN, token().highestAtc() + 1, true));
        assertThat(PaymentAudit.violations(f.state())).isEmpty();
        // An approval whose intent ended without queuing its reversal, and a sent authorization forgotten: both caught.
        CardAuthorization approved = f.state().all(RecordKind.CARD_AUTHORIZATION).stream()
                .map(CardAuthorization.class::cast).filter(a -> a.status() == AuthorizationStatus.APPROVED)
                .findFirst().orElseThrow();
        PaymentIntent reserved = f.intent(approved.paymentIntentId());
        f.state().put(RecordKind.PAYMENT_INTENT, reserved.id(), reserved.canceled("requested_by_customer"));
        f.state().put(RecordKind.PAYMENT_INTENT, waiting.id(), f.intent(waiting.id()).failed(null,
                new PaymentError("x", "y")));
        assertThat(PaymentAudit.violations(f.state())).hasSize(2)
                .anyMatch(v -> v.contains("is approved but its intent is CANCELED"))
                .anyMatch(v -> v.contains("REQUIRES_PAYMENT_METHOD with 1 card authorizations out"));
    }

    @Test
    void authorizationsOutAtAStopAreReversedAtStartUp() {
        PaymentIntent intent = f.createIntent(700, USD, CaptureMethod.AUTOMATIC);
        CardPayments.begin(f.state(), MERCHANT, intent.id(), null, tap(DPAN, 1, true));
        assertThat(CardPayments.recoverUnanswered(f.state())).isEqualTo(1);
        assertThat(authorization().status()).isEqualTo(AuthorizationStatus.REVERSAL_PENDING);
        assertThat(f.intent(intent.id()).status()).isEqualTo(PaymentIntentStatus.REQUIRES_PAYMENT_METHOD);
        assertThat(CardPayments.recoverUnanswered(f.state())).isZero();
    }

    @Test
    void aDeviceTokenIsNeverReusedByAPlainConfirmation() {
        Outcome<ConfirmResult, PaymentIntent> declined = authorizeAndAnswer(CaptureMethod.AUTOMATIC, 10_000,
                new CardPayments.IssuerReply("05", ""));
        assertThat(PaymentOperations.confirm(f.state(), MERCHANT, declined.value().id(), null, null).result())
                .isEqualTo(ConfirmResult.PAYMENT_METHOD_MISSING);
    }

    @Test
    void authorizationNumbersResumeAboveTheHighestStoredAfterARestart() {
        authorizeAndAnswer(CaptureMethod.AUTOMATIC, 100, new CardPayments.IssuerReply("00", "1"));
        long last = authorization().sequence();
        var restarted = new org.corridor.core.state.SwitchState(new org.corridor.core.ledger.LedgerStateMachine(),
                () -> Id128.of(1));
        restarted.restore(RecordKind.CARD_AUTHORIZATION, authorization().id(), authorization());
        assertThat(restarted.nextSequence()).isEqualTo(last + 1);
    }

    /** A token Corridor issued on Alice's USD balance, presented by tap. */
    private DeviceToken balanceToken() {
        DeviceToken spec = new DeviceToken("tok_b", WALLET, "", "", "", TestCards.BALANCE_DPAN, "", "phone-b",
                TokenDomain.CONTACTLESS, TokenStatus.ACTIVE, new byte[] {5}, 0, "", 0, SwitchFixture.ALICE, USD);
        return TokenOperations.issueOnBalance(f.state(), spec).value();
    }

    private Outcome<ConfirmResult, CardPayments.Begun> tapBalance(DeviceToken token, long amount, String currency,
            CaptureMethod capture) {
        PaymentIntent intent = f.createIntent(amount, currency, capture);
        DeviceToken now = f.state().find(RecordKind.DEVICE_TOKEN, token.id(), DeviceToken.class).orElseThrow();
        return CardPayments.begin(f.state(), MERCHANT, intent.id(), null, tap(now.dpan(), now.highestAtc() + 1, true));
    }

    @Test
    void aBalanceTokenIsAuthorizedByCorridorInTheSameCommandWithNoAuthorizationToSend() {
        DeviceToken token = balanceToken();
        assertThat(token.fundedByBalance()).isTrue();
        assertThat(token.issuerId()).isEqualTo(ParticipantOperations.OPERATOR_ID);
        long alice = f.customerBalance(SwitchFixture.ALICE, USD);

        var paid = tapBalance(token, 3_000, USD, CaptureMethod.AUTOMATIC);
        assertThat(paid.result()).isEqualTo(ConfirmResult.OK);
        assertThat(paid.value().authorization()).isNull();
        assertThat(paid.value().intent().status()).isEqualTo(PaymentIntentStatus.SUCCEEDED);
        assertThat(f.customerBalance(SwitchFixture.ALICE, USD)).isEqualTo(alice - 3_000);
        assertThat(f.merchantBalance(MERCHANT, USD)).isEqualTo(3_000 - 87);

        var reserved = tapBalance(token, 1_000, USD, CaptureMethod.MANUAL);
        assertThat(reserved.value().intent().status()).isEqualTo(PaymentIntentStatus.REQUIRES_CAPTURE);
        assertThat(f.account(f.customerAccount(SwitchFixture.ALICE, USD)).debitsPending()).isEqualTo(1_000);
        assertThat(PaymentOperations.cancel(f.state(), MERCHANT, reserved.value().intent().id(), "abandoned").ok())
                .isTrue();
        assertThat(f.account(f.customerAccount(SwitchFixture.ALICE, USD)).debitsPending()).isZero();

        assertThat(PaymentOperations.refund(f.state(), MERCHANT, "re_b", paid.value().intent().id(), 1_000, "",
                Map.of()).ok()).isTrue();
        assertThat(f.customerBalance(SwitchFixture.ALICE, USD)).isEqualTo(alice - 2_000);
        assertThat(f.state().all(RecordKind.CARD_AUTHORIZATION)).isEmpty();
        assertThat(f.auditViolations()).isEmpty();
        assertThat(PaymentAudit.violations(f.state())).isEmpty();
    }

    @Test
    void aBalanceTokenIsDeclinedForTooLittleBalanceAndAnotherCurrencyWithTheTokenChecksFirst() {
        DeviceToken token = balanceToken();
        long alice = f.customerBalance(SwitchFixture.ALICE, USD);
        var tooDear = tapBalance(token, alice + 1, USD, CaptureMethod.AUTOMATIC);
        assertThat(tooDear.result()).isEqualTo(ConfirmResult.DECLINED);
        assertThat(tooDear.value().intent().lastPaymentError().code()).isEqualTo("insufficient_funds");
        assertThat(tapBalance(token, alice + 1, USD, CaptureMethod.MANUAL).value().intent().lastPaymentError().code())
                .isEqualTo("insufficient_funds");
        // Alice holds JPY too, but the token draws on her USD balance only.
        assertThat(tapBalance(token, 100, JPY, CaptureMethod.AUTOMATIC).value().intent().lastPaymentError().code())
                .isEqualTo("currency_not_supported");
        PaymentIntent intent = f.createIntent(100, USD, CaptureMethod.AUTOMATIC);
        var replayed = CardPayments.begin(f.state(), MERCHANT, intent.id(), null, tap(token.dpan(), 2, true));
        assertThat(replayed.value().intent().lastPaymentError().code()).isEqualTo("atc_replayed");
        assertThat(f.customerBalance(SwitchFixture.ALICE, USD)).isEqualTo(alice);
    }

    private Outcome<ConfirmResult, PaymentIntent> authorizeAndAnswer(CaptureMethod capture, long amount,
            CardPayments.IssuerReply reply) {
        PaymentIntent intent = f.createIntent(amount, USD, capture);
        var begun = CardPayments.begin(f.state(), MERCHANT, intent.id(), null, tap(DPAN, token().highestAtc() + 1, true));
        assertThat(begun.result()).isEqualTo(ConfirmResult.OK);
        return CardPayments.complete(f.state(), begun.value().authorization().id(), reply);
    }

    private void setAtc(int atc) {
        f.state().put(RecordKind.DEVICE_TOKEN, "tok_1", token().withHighestAtc(atc));
    }

    private void lifecycle(TokenOperations.LifecycleAction action) {
        assertThat(TokenOperations.change(f.state(), WALLET, "tok_1", action).ok()).isTrue();
    }

    private DeviceToken token() {
        return f.state().find(RecordKind.DEVICE_TOKEN, "tok_1", DeviceToken.class).orElseThrow();
    }

    private CardAuthorization authorization() {
        return f.state().all(RecordKind.CARD_AUTHORIZATION).stream().map(CardAuthorization.class::cast)
                .reduce((a, b) -> a.sequence() > b.sequence() ? a : b).orElseThrow();
    }
}
