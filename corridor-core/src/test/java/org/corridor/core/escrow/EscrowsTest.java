package org.corridor.core.escrow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.core.state.SwitchFixture.ALICE;
import static org.corridor.core.state.SwitchFixture.ALICE_USD;
import static org.corridor.core.state.SwitchFixture.EUR;
import static org.corridor.core.state.SwitchFixture.JPY;
import static org.corridor.core.state.SwitchFixture.MERCHANT;
import static org.corridor.core.state.SwitchFixture.MERCHANT_FEE_BASIS_POINTS;
import static org.corridor.core.state.SwitchFixture.OTHER_MERCHANT;
import static org.corridor.core.state.SwitchFixture.OTHER_WALLET;
import static org.corridor.core.state.SwitchFixture.USD;
import static org.corridor.core.state.SwitchFixture.WALLET;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.corridor.core.escrow.Escrows.CreateResult;
import org.corridor.core.escrow.Escrows.DisputeResult;
import org.corridor.core.escrow.Escrows.ReleaseResult;
import org.corridor.core.card.Card;
import org.corridor.core.card.DeviceToken;
import org.corridor.core.card.TokenDomain;
import org.corridor.core.card.TokenOperations;
import org.corridor.core.card.TokenStatus;
import org.corridor.core.ledger.Account;
import org.corridor.core.money.Fees;
import org.corridor.core.participant.Participant;
import org.corridor.core.participant.ParticipantOperations;
import org.corridor.core.participant.ParticipantRole;
import org.corridor.core.payment.CaptureMethod;
import org.corridor.core.payment.CardPayments;
import org.corridor.core.payment.PaymentAudit;
import org.corridor.core.payment.PaymentIntent;
import org.corridor.core.payment.PaymentIntentStatus;
import org.corridor.core.payment.PaymentOperations;
import org.corridor.core.payment.Refund;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.SwitchFixture;
import org.corridor.core.webhook.Event;
import org.corridor.core.webhook.EventTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Escrow: opened with a marketplace's intent, paid into, released in parts, disputed, released at its deadline. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EscrowsTest {
    private static final String MARKETPLACE = "acct_marketplace";
    private static final long DAY_SECONDS = 24 * 3600;
    private static final long AMOUNT = 10_000;

    private final SwitchFixture f = new SwitchFixture();
    private int escrows;

    EscrowsTest() {
        ParticipantOperations.createParticipant(f.state(), new Participant(MARKETPLACE, ParticipantRole.MARKETPLACE,
                "Bazaar", "CN", USD, 5311, "", 150, Map.of(), List.of(), Map.of(), 0), List.of(USD, JPY));
        f.drain();
    }

    private Escrows.Terms terms(String seller) {
        escrows++;
        return new Escrows.Terms("esc_" + escrows, seller, 7 * DAY_SECONDS);
    }

    private CreateResult create(String owner, String currency, String seller) {
        return Escrows.create(f.state(), f.spec(owner, AMOUNT, currency, CaptureMethod.AUTOMATIC, null), terms(seller))
                .result();
    }

    /** A marketplace intent with an escrow for {@link SwitchFixture#MERCHANT}; returns the escrow's id. */
    private Escrow opened(CaptureMethod capture) {
        PaymentIntent spec = f.spec(MARKETPLACE, AMOUNT, USD, capture, null);
        assertThat(Escrows.create(f.state(), spec, terms(MERCHANT)).result()).isEqualTo(CreateResult.OK);
        return escrow("esc_" + escrows);
    }

    /** Opened and paid at once from Alice's balance. */
    private Escrow held() {
        Escrow escrow = opened(CaptureMethod.AUTOMATIC);
        PaymentIntent intent = f.intent(escrow.paymentIntentId());
        assertThat(f.confirmByWallet(intent, ALICE).ok()).isTrue();
        return escrow(escrow.id());
    }

    private Escrow escrow(String id) {
        return f.state().find(RecordKind.ESCROW, id, Escrow.class).orElseThrow();
    }

    private long escrowBalance(Escrow escrow) {
        return f.posted(escrow.accountId());
    }

    private List<String> violations() {
        List<String> all = new ArrayList<>(f.auditViolations());
        all.addAll(PaymentAudit.violations(f.state()));
        return all;
    }

    /** Every ledger account's posted credit balance added up: zero, as money is neither made nor lost. */
    private long sumOfBalances() {
        return f.state().ledger().accounts().stream().mapToLong(Account::creditBalancePosted).sum();
    }

    @Test
    void creationChecksInPrecedenceOrder() {
        assertThat(create(MERCHANT, USD, MERCHANT)).isEqualTo(CreateResult.NOT_A_MARKETPLACE);
        assertThat(create(MARKETPLACE, EUR, MERCHANT)).isEqualTo(CreateResult.CURRENCY_NOT_SUPPORTED);
        assertThat(create(MARKETPLACE, USD, "acct_nobody")).isEqualTo(CreateResult.SELLER_NOT_FOUND);
        assertThat(create(MARKETPLACE, USD, WALLET)).as("a seller is a merchant").isEqualTo(CreateResult.SELLER_NOT_FOUND);
        assertThat(create(MARKETPLACE, JPY, OTHER_MERCHANT)).isEqualTo(CreateResult.SELLER_CURRENCY_NOT_SUPPORTED);
        assertThat(create(MARKETPLACE, USD, MERCHANT)).isEqualTo(CreateResult.OK);
        assertThat(f.state().all(RecordKind.ESCROW)).hasSize(1);
        Escrow escrow = escrow("esc_" + escrows);
        assertThat(escrow.status()).isEqualTo(EscrowStatus.AWAITING_PAYMENT);
        assertThat(Escrows.of(f.state(), f.intent(escrow.paymentIntentId()))).contains(escrow);
    }

    @Test
    void aPaymentGoesIntoEscrowWithoutAFeeAndTellsAllThreeParties() {
        Escrow escrow = opened(CaptureMethod.AUTOMATIC);
        var step = f.step(() -> f.confirmByWallet(f.intent(escrow.paymentIntentId()), ALICE));
        Escrow held = escrow(escrow.id());
        assertThat(held.status()).isEqualTo(EscrowStatus.HELD);
        assertThat(held.amountHeld()).isEqualTo(AMOUNT);
        assertThat(held.buyerProviderId()).isEqualTo(WALLET);
        assertThat(held.customerId()).isEqualTo(ALICE);
        assertThat(held.releaseAt()).isEqualTo(f.now() + 7 * DAY_SECONDS * SwitchFixture.NANOS_PER_SECOND);
        assertThat(escrowBalance(held)).isEqualTo(AMOUNT);
        assertThat(f.merchantBalance(MARKETPLACE, USD)).isZero();
        assertThat(f.customerBalance(ALICE, USD)).isEqualTo(ALICE_USD - AMOUNT);
        assertThat(step.value().value().feeMinor()).isZero();
        assertThat(SwitchFixture.events(step.changes()).stream().filter(e -> e.type().equals(EventTypes.ESCROW_HELD))
                .map(Event::ownerId)).containsExactly(MARKETPLACE, MERCHANT, WALLET);
        assertThat(violations()).isEmpty();
    }

    @Test
    void aManualIntentIsHeldWhenCapturedAndOnlyWhatWasCaptured() {
        Escrow escrow = opened(CaptureMethod.MANUAL);
        assertThat(f.confirmByWallet(f.intent(escrow.paymentIntentId()), ALICE).ok()).isTrue();
        assertThat(escrow(escrow.id()).status()).isEqualTo(EscrowStatus.AWAITING_PAYMENT);
        assertThat(PaymentOperations.capture(f.state(), MARKETPLACE, escrow.paymentIntentId(), 6_000).ok()).isTrue();
        assertThat(escrow(escrow.id()).amountHeld()).isEqualTo(6_000);
        assertThat(escrowBalance(escrow)).isEqualTo(6_000);
        assertThat(f.customerBalance(ALICE, USD)).isEqualTo(ALICE_USD - 6_000);
        assertThat(f.intent(escrow.paymentIntentId()).feeMinor()).isZero();
        assertThat(violations()).isEmpty();
    }

    @Test
    void releasesCheckInPrecedenceOrder() {
        Escrow unpaid = opened(CaptureMethod.AUTOMATIC);
        Escrow escrow = held();
        assertThat(Escrows.release(f.state(), MARKETPLACE, "esc_nothing", 0).result())
                .isEqualTo(ReleaseResult.ESCROW_NOT_FOUND);
        assertThat(Escrows.release(f.state(), MERCHANT, escrow.id(), 0).result())
                .as("the seller does not release").isEqualTo(ReleaseResult.ESCROW_NOT_FOUND);
        assertThat(Escrows.confirmDelivery(f.state(), OTHER_WALLET, escrow.id(), 0).result())
                .as("only the buyer's wallet provider confirms").isEqualTo(ReleaseResult.ESCROW_NOT_FOUND);
        assertThat(Escrows.confirmDelivery(f.state(), WALLET, unpaid.id(), 0).result())
                .as("an unpaid escrow has no buyer yet").isEqualTo(ReleaseResult.ESCROW_NOT_FOUND);
        assertThat(Escrows.release(f.state(), MARKETPLACE, unpaid.id(), 0).result())
                .isEqualTo(ReleaseResult.ESCROW_AWAITING_PAYMENT);
        assertThat(Escrows.confirmDelivery(f.state(), WALLET, escrow.id(), AMOUNT + 1).result())
                .isEqualTo(ReleaseResult.AMOUNT_TOO_LARGE);
        assertThat(Escrows.confirmDelivery(f.state(), WALLET, escrow.id(), 0).result()).isEqualTo(ReleaseResult.OK);
        assertThat(Escrows.release(f.state(), MARKETPLACE, escrow.id(), 1).result()).isEqualTo(ReleaseResult.ESCROW_CLOSED);
        assertThat(violations()).isEmpty();
    }

    @Test
    void partialShipmentsReleasePartlyAndTheirFeesAddUpToTheFeeOnTheWhole() {
        Escrow escrow = held();
        long sellerBefore = f.merchantBalance(MERCHANT, USD);
        long operatorBefore = f.operatorBalance(USD);
        var first = f.step(() -> Escrows.confirmDelivery(f.state(), WALLET, escrow.id(), 3_333));
        assertThat(first.value().value().status()).isEqualTo(EscrowStatus.PARTIALLY_RELEASED);
        assertThat(SwitchFixture.events(first.changes()).stream().map(Event::type).distinct())
                .containsExactly(EventTypes.ESCROW_RELEASED);
        assertThat(Escrows.release(f.state(), MARKETPLACE, escrow.id(), 3_333).ok()).isTrue();
        Escrow done = Escrows.confirmDelivery(f.state(), WALLET, escrow.id(), 0).value();
        assertThat(done.status()).isEqualTo(EscrowStatus.RELEASED);
        assertThat(done.amountReleased()).isEqualTo(AMOUNT);
        long fee = Fees.ofAmount(AMOUNT, MERCHANT_FEE_BASIS_POINTS);
        assertThat(done.feeMinor()).isEqualTo(fee);
        assertThat(f.merchantBalance(MERCHANT, USD) - sellerBefore).isEqualTo(AMOUNT - fee);
        assertThat(f.operatorBalance(USD) - operatorBefore).isEqualTo(fee);
        assertThat(escrowBalance(done)).isZero();
        assertThat(sumOfBalances()).isZero();
        assertThat(violations()).isEmpty();
    }

    @Test
    void disputesCheckInPrecedenceOrderAndRefundTheRestToTheShopper() {
        Escrow escrow = held();
        assertThat(Escrows.dispute(f.state(), MARKETPLACE, escrow.id(), "re_1").result())
                .as("the buyer's wallet provider disputes").isEqualTo(DisputeResult.ESCROW_NOT_FOUND);
        assertThat(Escrows.dispute(f.state(), OTHER_WALLET, escrow.id(), "re_1").result())
                .isEqualTo(DisputeResult.ESCROW_NOT_FOUND);
        assertThat(Escrows.confirmDelivery(f.state(), WALLET, escrow.id(), 2_500).ok()).isTrue();
        var disputed = f.step(() -> Escrows.dispute(f.state(), WALLET, escrow.id(), "re_1"));
        assertThat(disputed.value().result()).isEqualTo(DisputeResult.OK);
        Escrow refunded = disputed.value().value();
        assertThat(refunded.status()).isEqualTo(EscrowStatus.REFUNDED);
        assertThat(refunded.amountRefunded()).isEqualTo(AMOUNT - 2_500);
        assertThat(f.customerBalance(ALICE, USD)).isEqualTo(ALICE_USD - 2_500);
        PaymentIntent intent = f.intent(escrow.paymentIntentId());
        assertThat(intent.amountRefunded()).isEqualTo(AMOUNT - 2_500);
        assertThat(intent.status()).isEqualTo(PaymentIntentStatus.SUCCEEDED);
        Refund refund = f.state().find(RecordKind.REFUND, "re_1", Refund.class).orElseThrow();
        assertThat(refund.amountMinor()).isEqualTo(AMOUNT - 2_500);
        assertThat(SwitchFixture.events(disputed.changes()).stream().map(Event::ownerId))
                .containsExactly(MARKETPLACE, MERCHANT, WALLET);
        assertThat(Escrows.dispute(f.state(), WALLET, escrow.id(), "re_2").result())
                .isEqualTo(DisputeResult.ESCROW_CLOSED);
        assertThat(sumOfBalances()).isZero();
        assertThat(violations()).isEmpty();
    }

    @Test
    void aCardPaymentIsHeldForTheTokenRequestorAndADisputeReturnsItToTheIssuer() {
        String issuer = "acct_issuer";
        ParticipantOperations.createParticipant(f.state(), new Participant(issuer, ParticipantRole.ISSUER, "Bank", "US",
                USD, 0, "", 0, Map.of(), List.of("999999"), Map.of(), 0), List.of(USD));
        // Core never checks a DPAN's digits: a plain stand-in, not a card number.
        String dpan = "escrow-test-dpan";
        Card card = new Card("card_1", issuer, "visa", "999999", "0000", 12, 2031, "f".repeat(64), "C001" + "A".repeat(25),
                new byte[] {1}, 0);
        assertThat(TokenOperations.enrol(f.state(), card, new DeviceToken("tok_1", WALLET, "", "", "", dpan, "", "phone",
                TokenDomain.IN_APP, TokenStatus.ACTIVE, new byte[] {2}, 0, "", 0)).ok()).isTrue();
        Escrow escrow = opened(CaptureMethod.AUTOMATIC);
        var begun = CardPayments.begin(f.state(), MARKETPLACE, escrow.paymentIntentId(), null,
                new CardPayments.Presentment(dpan, 1, TokenDomain.IN_APP, "APP00001", true));
        assertThat(begun.ok()).isTrue();
        long issuerBefore = f.merchantBalance(issuer, USD);
        assertThat(CardPayments.complete(f.state(), begun.value().authorization().id(),
                new CardPayments.IssuerReply(CardPayments.IssuerReply.APPROVED, "123456")).ok()).isTrue();
        Escrow held = escrow(escrow.id());
        assertThat(held.buyerProviderId()).isEqualTo(WALLET);
        assertThat(held.customerId()).isEmpty();
        assertThat(escrowBalance(held)).isEqualTo(AMOUNT);
        assertThat(f.merchantBalance(issuer, USD)).isEqualTo(issuerBefore - AMOUNT);
        assertThat(Escrows.dispute(f.state(), WALLET, escrow.id(), "re_1").ok()).isTrue();
        assertThat(f.merchantBalance(issuer, USD)).isEqualTo(issuerBefore);
        assertThat(sumOfBalances()).isZero();
        assertThat(violations()).isEmpty();
    }

    @Test
    void anEscrowedPaymentIsNotRefundedByTheMarketplace() {
        Escrow escrow = held();
        assertThat(PaymentOperations.refund(f.state(), MARKETPLACE, "re_1", escrow.paymentIntentId(), 0, "",
                Map.of()).result()).isEqualTo(PaymentOperations.RefundResult.PAYMENT_INTENT_UNEXPECTED_STATE);
    }

    @Test
    void atTheDeadlineTheRestGoesToTheSellerAndADisputeIsTooLate() {
        Escrow escrow = held();
        Escrow other = held();
        assertThat(Escrows.confirmDelivery(f.state(), WALLET, escrow.id(), 1_000).ok()).isTrue();
        f.advanceTo(escrow.releaseAt() - 1);
        assertThat(Escrows.releaseDue(f.state())).isZero();
        f.advanceTo(escrow.releaseAt());
        var swept = f.step(() -> Escrows.releaseDue(f.state()));
        assertThat(swept.value()).isEqualTo(2);
        assertThat(escrow(escrow.id()).status()).isEqualTo(EscrowStatus.RELEASED);
        assertThat(escrow(escrow.id()).feeMinor()).isEqualTo(Fees.ofAmount(AMOUNT, MERCHANT_FEE_BASIS_POINTS));
        assertThat(Escrows.dispute(f.state(), WALLET, escrow.id(), "re_1").result())
                .isEqualTo(DisputeResult.DEADLINE_PASSED);
        assertThat(Escrows.releaseDue(f.state())).isZero();
        assertThat(escrowBalance(other)).isZero();
        assertThat(f.customerBalance(ALICE, USD)).isEqualTo(ALICE_USD - 2 * AMOUNT);
        assertThat(sumOfBalances()).isZero();
        assertThat(violations()).isEmpty();
    }

    @Test
    void aDisputeAfterTheDeadlineReleasesWhatTheSweeperHasNotYet() {
        Escrow escrow = held();
        f.advanceTo(escrow.releaseAt());
        var late = Escrows.dispute(f.state(), WALLET, escrow.id(), "re_1");
        assertThat(late.result()).isEqualTo(DisputeResult.DEADLINE_PASSED);
        assertThat(late.value().status()).isEqualTo(EscrowStatus.RELEASED);
        assertThat(f.customerBalance(ALICE, USD)).isEqualTo(ALICE_USD - AMOUNT);
        assertThat(violations()).isEmpty();
    }

    @Test
    void theAuditFindsAnEscrowThatDisagreesWithItsAccount() {
        Escrow escrow = held();
        f.state().put(RecordKind.ESCROW, escrow.id(), escrow.released(1, 0));
        assertThat(Escrows.violations(f.state())).singleElement().asString().contains(escrow.id());
    }
}
