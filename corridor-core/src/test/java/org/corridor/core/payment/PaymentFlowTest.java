package org.corridor.core.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.core.state.SwitchFixture.ALICE;
import static org.corridor.core.state.SwitchFixture.ALICE_JPY;
import static org.corridor.core.state.SwitchFixture.ALICE_USD;
import static org.corridor.core.state.SwitchFixture.BOB;
import static org.corridor.core.state.SwitchFixture.BOB_USD;
import static org.corridor.core.state.SwitchFixture.DAVE;
import static org.corridor.core.state.SwitchFixture.DAVE_USD;
import static org.corridor.core.state.SwitchFixture.JPY;
import static org.corridor.core.state.SwitchFixture.MERCHANT;
import static org.corridor.core.state.SwitchFixture.OTHER_MERCHANT;
import static org.corridor.core.state.SwitchFixture.OTHER_WALLET;
import static org.corridor.core.state.SwitchFixture.USD;
import static org.corridor.core.state.SwitchFixture.WALLET;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.corridor.core.ledger.PendingStatus;
import org.corridor.core.ledger.Transfer;
import org.corridor.core.ledger.TransferFlags;
import org.corridor.core.money.Currencies;
import org.corridor.core.payment.PaymentOperations.CaptureResult;
import org.corridor.core.payment.PaymentOperations.ConfirmResult;
import org.corridor.core.payment.PaymentOperations.RefundResult;
import org.corridor.core.state.ObjectIds;
import org.corridor.core.state.Outcome;
import org.corridor.core.state.SwitchFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whole payments, step by step, with every balance checked to the minor unit: the customer pays the
 * amount, the merchant gets it less the fee, the operator gets the fee, refunds come out of the merchant's
 * balance and do not return the fee, and the ledger stays sound throughout.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PaymentFlowTest {
    private SwitchFixture f;

    @BeforeEach
    void setUp() {
        f = new SwitchFixture();
    }

    /** Per currency, the accounts of customers, merchants and the operator hold what the wallets brought in. */
    private void assertMoneyIsConserved() {
        assertThat(f.auditViolations()).isEmpty();
        for (String currency : List.of(USD, JPY)) {
            long held = f.merchantBalance(MERCHANT, currency) + f.operatorBalance(currency)
                    + f.customerBalance(ALICE, currency);
            long broughtIn = -f.fundingBalance(WALLET, currency);
            if (currency.equals(USD)) {
                held += f.merchantBalance(OTHER_MERCHANT, USD) + f.customerBalance(DAVE, USD) + f.customerBalance(BOB, USD);
                broughtIn += -f.fundingBalance(OTHER_WALLET, USD);
            }
            assertThat(held).as("money held in %s", currency).isEqualTo(broughtIn);
        }
    }

    @Test
    void theFixtureStartsWithTheToppedUpBalancesAndNothingElse() {
        assertThat(f.customerBalance(ALICE, USD)).isEqualTo(ALICE_USD);
        assertThat(f.customerBalance(ALICE, JPY)).isEqualTo(ALICE_JPY);
        assertThat(f.customerBalance(DAVE, USD)).isEqualTo(DAVE_USD);
        assertThat(f.customerBalance(BOB, USD)).isEqualTo(BOB_USD);
        assertThat(f.fundingBalance(WALLET, USD)).isEqualTo(-(ALICE_USD + DAVE_USD));
        assertThat(f.fundingBalance(WALLET, JPY)).isEqualTo(-ALICE_JPY);
        assertThat(f.fundingBalance(OTHER_WALLET, USD)).isEqualTo(-BOB_USD);
        assertThat(f.merchantBalance(MERCHANT, USD)).isZero();
        assertThat(f.operatorBalance(USD)).isZero();
        assertThat(f.operatorBalance(JPY)).isZero();
        assertMoneyIsConserved();
    }

    @Test
    void anAutomaticPaymentMovesTheAmountAndTheFeeInOneChain() {
        SwitchFixture.Step<PaymentIntent> step = f.step(() -> f.paid(10_000, USD, ALICE));
        PaymentIntent paid = step.value();

        assertThat(paid.status()).isEqualTo(PaymentIntentStatus.SUCCEEDED);
        assertThat(paid.amountReceived()).isEqualTo(10_000);
        assertThat(paid.feeMinor()).isEqualTo(290);
        assertThat(paid.amountCapturable()).isZero();
        assertThat(paid.paymentMethod()).isEqualTo(new PaymentMethod.CustomerBalance(ALICE));
        assertThat(f.customerBalance(ALICE, USD)).isEqualTo(ALICE_USD - 10_000);
        assertThat(f.merchantBalance(MERCHANT, USD)).isEqualTo(10_000 - 290);
        assertThat(f.operatorBalance(USD)).isEqualTo(290);
        assertThat(f.fundingBalance(WALLET, USD)).isEqualTo(-(ALICE_USD + DAVE_USD));

        List<Transfer> transfers = step.changes().ledger().transfersCreated();
        assertThat(transfers).extracting(Transfer::code)
                .containsExactly(TransferCodes.PAYMENT, TransferCodes.MERCHANT_FEE);
        assertThat(transfers).extracting(Transfer::amount).containsExactly(10_000L, 290L);
        assertThat(transfers.getFirst().debitAccountId()).isEqualTo(f.customerAccount(ALICE, USD));
        assertThat(transfers.getFirst().creditAccountId()).isEqualTo(f.participantAccount(MERCHANT, USD));
        assertThat(transfers.get(1).debitAccountId()).isEqualTo(f.participantAccount(MERCHANT, USD));
        assertThat(transfers.get(1).creditAccountId()).isEqualTo(f.operatorAccount(USD));
        assertThat(transfers).allSatisfy(t -> {
            assertThat(t.ledger()).isEqualTo(Currencies.ledger(USD));
            assertThat(t.userData()).isEqualTo(ObjectIds.numberOf(paid.id()));
        });
        assertMoneyIsConserved();
    }

    @ParameterizedTest(name = "{0} at 290 bp pays a fee of {1}")
    @CsvSource({
        "1, 0", "17, 0", "18, 1", "50, 1", "500, 15", "1001, 29", "1035, 30", "1724, 50", "10000, 290",
        "99999, 2900"
    })
    void theFeeIsRoundedHalfUpOnTheAmountReceived(long amount, long fee) {
        PaymentIntent paid = f.paid(amount, USD, ALICE);

        assertThat(paid.feeMinor()).isEqualTo(fee);
        assertThat(f.merchantBalance(MERCHANT, USD)).isEqualTo(amount - fee);
        assertThat(f.operatorBalance(USD)).isEqualTo(fee);
        assertMoneyIsConserved();
    }

    @Test
    void aYenPaymentStaysOnTheYenLedger() {
        f.paid(1_000, JPY, ALICE);

        assertThat(f.customerBalance(ALICE, JPY)).isEqualTo(ALICE_JPY - 1_000);
        assertThat(f.merchantBalance(MERCHANT, JPY)).isEqualTo(1_000 - 29);
        assertThat(f.operatorBalance(JPY)).isEqualTo(29);
        assertThat(f.customerBalance(ALICE, USD)).isEqualTo(ALICE_USD);
        assertThat(f.merchantBalance(MERCHANT, USD)).isZero();
        assertThat(f.operatorBalance(USD)).isZero();
        assertMoneyIsConserved();
    }

    @Test
    void aManualPaymentReservesThenCapturesPartAndReleasesTheRest() {
        PaymentIntent reserved = f.reserved(10_000, USD, ALICE);

        assertThat(reserved.status()).isEqualTo(PaymentIntentStatus.REQUIRES_CAPTURE);
        assertThat(reserved.amountCapturable()).isEqualTo(10_000);
        assertThat(reserved.reservationId().isZero()).isFalse();
        Transfer reservation = f.state().ledger().transfer(reserved.reservationId()).orElseThrow();
        assertThat(reservation.has(TransferFlags.PENDING)).isTrue();
        assertThat(reservation.timeoutSeconds()).isEqualTo(PaymentOperations.RESERVATION_TIMEOUT_SECONDS);
        assertThat(reservation.code()).isEqualTo(TransferCodes.RESERVATION);
        assertThat(f.customerBalance(ALICE, USD)).as("reserved, not yet moved").isEqualTo(ALICE_USD);
        assertThat(f.customerAvailable(ALICE, USD)).isEqualTo(ALICE_USD - 10_000);
        assertThat(f.account(f.participantAccount(MERCHANT, USD)).creditsPending()).isEqualTo(10_000);
        assertThat(f.merchantBalance(MERCHANT, USD)).isZero();
        assertThat(f.operatorBalance(USD)).as("no fee on a reservation").isZero();
        assertMoneyIsConserved();

        Outcome<CaptureResult, PaymentIntent> captured =
                PaymentOperations.capture(f.state(), MERCHANT, reserved.id(), 7_000);

        assertThat(captured.result()).isEqualTo(CaptureResult.OK);
        assertThat(captured.value().amountReceived()).isEqualTo(7_000);
        assertThat(captured.value().feeMinor()).isEqualTo(203);
        assertThat(f.customerBalance(ALICE, USD)).isEqualTo(ALICE_USD - 7_000);
        assertThat(f.customerAvailable(ALICE, USD)).isEqualTo(ALICE_USD - 7_000);
        assertThat(f.merchantBalance(MERCHANT, USD)).isEqualTo(7_000 - 203);
        assertThat(f.account(f.participantAccount(MERCHANT, USD)).creditsPending()).isZero();
        assertThat(f.operatorBalance(USD)).isEqualTo(203);
        assertThat(f.state().ledger().pendingStatus(reserved.reservationId())).contains(PendingStatus.POSTED);
        assertMoneyIsConserved();
    }

    @Test
    void aCanceledReservationGivesEverythingBack() {
        PaymentIntent reserved = f.reserved(10_000, USD, ALICE);

        PaymentOperations.cancel(f.state(), MERCHANT, reserved.id(), "requested_by_customer");

        assertThat(f.customerAvailable(ALICE, USD)).isEqualTo(ALICE_USD);
        assertThat(f.customerBalance(ALICE, USD)).isEqualTo(ALICE_USD);
        assertThat(f.account(f.customerAccount(ALICE, USD)).debitsPending()).isZero();
        assertThat(f.account(f.participantAccount(MERCHANT, USD)).creditsPending()).isZero();
        assertThat(f.state().ledger().pendingStatus(reserved.reservationId())).contains(PendingStatus.VOIDED);
        assertMoneyIsConserved();
    }

    @Test
    void refundsReturnThePaymentInPartsButNeverTheFeeAndNeverMoreThanReceived() {
        PaymentIntent paid = f.paid(10_000, USD, ALICE);

        assertThat(refund(paid, 2_500).result()).isEqualTo(RefundResult.OK);
        assertThat(f.customerBalance(ALICE, USD)).isEqualTo(ALICE_USD - 7_500);
        assertThat(f.merchantBalance(MERCHANT, USD)).isEqualTo(10_000 - 290 - 2_500);
        assertThat(f.operatorBalance(USD)).isEqualTo(290);
        assertThat(f.intent(paid.id()).amountRefunded()).isEqualTo(2_500);
        assertMoneyIsConserved();

        assertThat(refund(paid, 7_501).result()).isEqualTo(RefundResult.AMOUNT_TOO_LARGE);
        Outcome<RefundResult, Refund> rest = refund(paid, 0);
        assertThat(rest.result()).isEqualTo(RefundResult.OK);
        assertThat(rest.value().amountMinor()).isEqualTo(7_500);
        assertThat(f.customerBalance(ALICE, USD)).isEqualTo(ALICE_USD);
        assertThat(f.merchantBalance(MERCHANT, USD)).as("the merchant paid the fee").isEqualTo(-290);
        assertThat(f.operatorBalance(USD)).isEqualTo(290);
        PaymentIntent refunded = f.intent(paid.id());
        assertThat(refunded.amountRefunded()).isEqualTo(refunded.amountReceived()).isEqualTo(10_000);
        assertThat(refunded.refundable()).isZero();
        assertThat(refunded.status()).isEqualTo(PaymentIntentStatus.SUCCEEDED);
        assertMoneyIsConserved();

        assertThat(refund(paid, 1).result()).isEqualTo(RefundResult.PAYMENT_INTENT_UNEXPECTED_STATE);
        assertThat(refund(paid, 0).result()).isEqualTo(RefundResult.PAYMENT_INTENT_UNEXPECTED_STATE);
        assertThat(f.customerBalance(ALICE, USD)).isEqualTo(ALICE_USD);
    }

    @Test
    void aPartialCaptureCanBeRefundedOnlyUpToWhatWasCaptured() {
        PaymentIntent reserved = f.reserved(10_000, USD, ALICE);
        PaymentOperations.capture(f.state(), MERCHANT, reserved.id(), 4_000);

        assertThat(refund(reserved, 4_001).result()).isEqualTo(RefundResult.AMOUNT_TOO_LARGE);
        assertThat(refund(reserved, 4_000).result()).isEqualTo(RefundResult.OK);
        assertThat(f.customerBalance(ALICE, USD)).isEqualTo(ALICE_USD);
        assertThat(f.merchantBalance(MERCHANT, USD)).isEqualTo(-116);
        assertThat(f.operatorBalance(USD)).isEqualTo(116);
        assertMoneyIsConserved();
    }

    @Test
    void aDeclinedShopperCanPayAfterATopUp() {
        PaymentIntent pi = f.createIntent(DAVE_USD + 3_000, USD, CaptureMethod.AUTOMATIC);

        Outcome<ConfirmResult, PaymentIntent> declined = f.confirmByWallet(pi, DAVE);
        assertThat(declined.result()).isEqualTo(ConfirmResult.DECLINED);
        assertThat(f.customerBalance(DAVE, USD)).isEqualTo(DAVE_USD);
        assertMoneyIsConserved();

        f.topUp(DAVE, 3_000, USD);
        Outcome<ConfirmResult, PaymentIntent> retried = f.confirmByWallet(pi, DAVE);

        assertThat(retried.result()).isEqualTo(ConfirmResult.OK);
        assertThat(retried.value().lastPaymentError()).isNull();
        assertThat(retried.value().amountReceived()).isEqualTo(DAVE_USD + 3_000);
        assertThat(f.customerBalance(DAVE, USD)).isZero();
        assertThat(f.merchantBalance(MERCHANT, USD)).isEqualTo(8_000 - 232);
        assertMoneyIsConserved();
    }

    @Test
    void anotherProvidersShopperPaysAnotherMerchant() {
        PaymentIntent pi = f.createIntent(OTHER_MERCHANT, 20_000, USD, CaptureMethod.AUTOMATIC);

        Outcome<ConfirmResult, PaymentIntent> paid = f.confirmByWallet(pi, BOB);

        assertThat(paid.result()).isEqualTo(ConfirmResult.OK);
        assertThat(paid.value().feeMinor()).isEqualTo(200);
        assertThat(f.customerBalance(BOB, USD)).isEqualTo(BOB_USD - 20_000);
        assertThat(f.merchantBalance(OTHER_MERCHANT, USD)).isEqualTo(19_800);
        assertThat(f.merchantBalance(MERCHANT, USD)).isZero();
        assertThat(f.operatorBalance(USD)).isEqualTo(200);
        assertMoneyIsConserved();
    }

    private Outcome<RefundResult, Refund> refund(PaymentIntent pi, long amount) {
        return PaymentOperations.refund(f.state(), pi.ownerId(), ObjectIds.of("re_", f.ids().next()), pi.id(), amount,
                "", Map.of());
    }
}
