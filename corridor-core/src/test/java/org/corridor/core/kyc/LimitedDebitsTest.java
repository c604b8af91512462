package org.corridor.core.kyc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.core.state.SwitchFixture.ALICE;
import static org.corridor.core.state.SwitchFixture.ALICE_USD;
import static org.corridor.core.state.SwitchFixture.DAVE;
import static org.corridor.core.state.SwitchFixture.DAVE_USD;
import static org.corridor.core.state.SwitchFixture.MERCHANT;
import static org.corridor.core.state.SwitchFixture.USD;
import static org.corridor.core.state.SwitchFixture.WALLET;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.corridor.core.payment.CaptureMethod;
import org.corridor.core.payment.PaymentIntent;
import org.corridor.core.payment.PaymentIntentStatus;
import org.corridor.core.payment.PaymentOperations;
import org.corridor.core.payment.PaymentOperations.ConfirmResult;
import org.corridor.core.qr.QrCode;
import org.corridor.core.qr.QrOperations;
import org.corridor.core.state.Outcome;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.SwitchFixture;
import org.corridor.core.wallet.PaymentCodes;
import org.corridor.core.wallet.WalletOperations;
import org.corridor.core.wallet.WalletOperations.WithdrawalResult;
import org.corridor.core.webhook.EventTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every debit of a customer's balance meets its tier's limits: confirmed payment intents (QR payments and payment
 * codes are such intents), and withdrawals. A refusal moves no money and records no usage; neither does a debit the
 * ledger refuses; a refund gives nothing back.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LimitedDebitsTest {
    private final SwitchFixture f = new SwitchFixture();

    @Test
    void aPaymentPastALimitIsDeclinedWithTheLimitsCodeAndMovesNothing() {
        f.putInBasicTier(ALICE, 40_000, 40_000, 0);
        PaymentIntent intent = f.createIntent(10_001, USD, CaptureMethod.AUTOMATIC);
        SwitchFixture.Step<Outcome<ConfirmResult, PaymentIntent>> step = f.step(() -> f.confirmByWallet(intent, ALICE));

        assertThat(step.value().result()).isEqualTo(ConfirmResult.DECLINED);
        PaymentIntent declined = step.value().value();
        assertThat(declined.status()).isEqualTo(PaymentIntentStatus.REQUIRES_PAYMENT_METHOD);
        assertThat(declined.lastPaymentError().code()).isEqualTo("daily_limit_exceeded");
        assertThat(declined.lastPaymentError().message()).isEqualTo(LimitResult.DAILY_LIMIT_EXCEEDED.message());
        assertThat(step.changes().ledger().transfersCreated()).isEmpty();
        assertThat(step.changes().ledger().transfersFailed()).as("the ledger was never asked").isEmpty();
        assertThat(SwitchFixture.records(step.changes(), RecordKind.LIMIT_USAGE, LimitUsage.class)).isEmpty();
        assertThat(SwitchFixture.events(step.changes())).extracting(e -> e.type())
                .containsExactly(EventTypes.PAYMENT_INTENT_PAYMENT_FAILED);
        assertThat(f.customerBalance(ALICE, USD)).isEqualTo(ALICE_USD);

        PaymentIntent smaller = f.createIntent(10_000, USD, CaptureMethod.AUTOMATIC);
        assertThat(f.confirmByWallet(smaller, ALICE).result()).isEqualTo(ConfirmResult.OK);
        assertThat(f.usage(ALICE).dailyIn(USD)).isEqualTo(50_000);
    }

    @Test
    void aPaymentTheBalanceCannotCoverRecordsNoUsage() {
        f.putInBasicTier(DAVE);
        PaymentIntent intent = f.createIntent(DAVE_USD + 1, USD, CaptureMethod.AUTOMATIC);
        SwitchFixture.Step<Outcome<ConfirmResult, PaymentIntent>> step = f.step(() -> f.confirmByWallet(intent, DAVE));

        assertThat(step.value().result()).isEqualTo(ConfirmResult.DECLINED);
        assertThat(step.value().value().lastPaymentError().code()).isEqualTo("insufficient_funds");
        assertThat(SwitchFixture.records(step.changes(), RecordKind.LIMIT_USAGE, LimitUsage.class)).isEmpty();
        assertThat(f.state().find(RecordKind.LIMIT_USAGE, DAVE, LimitUsage.class)).isEmpty();
    }

    @Test
    void aReservationUsesTheLimitsAndNeitherItsReleaseNorARefundGivesThemBack() {
        f.putInBasicTier(ALICE);
        PaymentIntent reserved = f.reserved(20_000, USD, ALICE);
        assertThat(f.usage(ALICE).dailyIn(USD)).isEqualTo(20_000);
        PaymentOperations.cancel(f.state(), MERCHANT, reserved.id(), "requested_by_customer");
        assertThat(f.customerAvailable(ALICE, USD)).isEqualTo(ALICE_USD);
        assertThat(f.usage(ALICE).dailyIn(USD)).isEqualTo(20_000);

        PaymentIntent paid = f.paid(30_000, USD, ALICE);
        assertThat(PaymentOperations.refund(f.state(), MERCHANT, "re_1", paid.id(), 0, "", Map.of()).ok()).isTrue();
        assertThat(f.usage(ALICE).dailyIn(USD)).isEqualTo(50_000);
        assertThat(f.confirmByWallet(f.createIntent(1, USD, CaptureMethod.AUTOMATIC), ALICE).value()
                .lastPaymentError().code()).isEqualTo("daily_limit_exceeded");
    }

    @Test
    void aQrPaymentAndAPaymentCodeAreLimitedToo() {
        f.putInBasicTier(ALICE, 50_000, 50_000, 0);
        QrCode qr = QrOperations.create(f.state(), new QrCode("qr_1", MERCHANT, 0, USD, "", "payload", "", 0)).value();
        var scanned = QrOperations.pay(f.state(), WALLET, qr.id(), MERCHANT, USD, 1, ALICE, "pi_qr", "pi_qr_secret");
        assertThat(scanned.result()).isEqualTo(QrOperations.PayResult.DECLINED);
        assertThat(scanned.value().lastPaymentError().code()).isEqualTo("daily_limit_exceeded");

        assertThat(PaymentCodes.issue(f.state(), WALLET, "pcd_1", ALICE, "281234567890123456").ok()).isTrue();
        var charged = PaymentCodes.charge(f.state(), MERCHANT, "281234567890123456", 1, USD, "pi_code", "pi_code_secret");
        assertThat(charged.result()).isEqualTo(PaymentCodes.ChargeResult.DECLINED);
        assertThat(charged.value().lastPaymentError().code()).isEqualTo("daily_limit_exceeded");
        assertThat(f.customerBalance(ALICE, USD)).isEqualTo(ALICE_USD);
    }

    /** ALICE withdraws from her balance; every withdrawal has an id of its own. */
    private WithdrawalResult withdraw(long amount, String currency) {
        return WalletOperations.withdraw(f.state(), WALLET, "wd_" + f.ids().next(), ALICE, amount, currency).result();
    }

    @Test
    void withdrawalsMeetEveryLimitAndRecordWhatTheyTook() {
        f.topUp(ALICE, 50_000, USD);
        f.putInBasicTier(ALICE);
        assertThat(withdraw(1, SwitchFixture.JPY)).isEqualTo(WithdrawalResult.CURRENCY_NOT_ALLOWED_BY_TIER);
        assertThat(withdraw(30_001, USD)).isEqualTo(WithdrawalResult.PER_PAYMENT_LIMIT_EXCEEDED);
        assertThat(withdraw(30_000, USD)).isEqualTo(WithdrawalResult.OK);
        assertThat(withdraw(20_001, USD)).isEqualTo(WithdrawalResult.DAILY_LIMIT_EXCEEDED);
        f.advanceSeconds(24 * 3600);
        assertThat(withdraw(30_000, USD)).isEqualTo(WithdrawalResult.OK);
        f.advanceSeconds(24 * 3600);
        assertThat(withdraw(30_000, USD)).isEqualTo(WithdrawalResult.OK);
        f.advanceSeconds(24 * 3600);
        assertThat(withdraw(30_000, USD)).isEqualTo(WithdrawalResult.OK);
        assertThat(withdraw(1, USD)).isEqualTo(WithdrawalResult.YEARLY_LIMIT_EXCEEDED);
        assertThat(f.usage(ALICE).dailyIn(USD)).isEqualTo(30_000);
        assertThat(f.usage(ALICE).yearlyIn(USD)).isEqualTo(120_000);
        assertThat(f.customerBalance(ALICE, USD)).isEqualTo(ALICE_USD + 50_000 - 120_000);
        assertThat(f.auditViolations()).isEmpty();
    }
}
