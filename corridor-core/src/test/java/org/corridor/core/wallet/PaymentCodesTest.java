package org.corridor.core.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.core.state.SwitchFixture.ALICE;
import static org.corridor.core.state.SwitchFixture.ALICE_USD;
import static org.corridor.core.state.SwitchFixture.BOB;
import static org.corridor.core.state.SwitchFixture.EUR;
import static org.corridor.core.state.SwitchFixture.MERCHANT;
import static org.corridor.core.state.SwitchFixture.MERCHANT_FEE_BASIS_POINTS;
import static org.corridor.core.state.SwitchFixture.USD;
import static org.corridor.core.state.SwitchFixture.WALLET;

import java.util.concurrent.TimeUnit;
import org.corridor.core.money.Fees;
import org.corridor.core.payment.PaymentIntentStatus;
import org.corridor.core.state.SwitchFixture;
import org.corridor.core.wallet.PaymentCodes.ChargeResult;
import org.corridor.core.wallet.PaymentCodes.IssueResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Payment codes: issued for one's own customer, charged once, refused when used, expired, unknown or unfunded. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PaymentCodesTest {
    private static final String CODE = "281111222233334444";
    private final SwitchFixture f = new SwitchFixture();
    private int intents;

    private PaymentCodes.ChargeResult charge(String merchant, String code, long amount, String currency) {
        intents++;
        return PaymentCodes.charge(f.state(), merchant, code, amount, currency, "pi_c" + intents, "s" + intents).result();
    }

    @Test
    void issuedForOwnCustomersOnlyAndNeverTwiceTheSameNumber() {
        assertThat(PaymentCodes.issue(f.state(), WALLET, "pcd_1", BOB, CODE).result()).isEqualTo(IssueResult.CUSTOMER_NOT_FOUND);
        assertThat(PaymentCodes.issue(f.state(), WALLET, "pcd_1", ALICE, CODE).result()).isEqualTo(IssueResult.OK);
        assertThat(PaymentCodes.issue(f.state(), WALLET, "pcd_2", ALICE, CODE).result()).isEqualTo(IssueResult.CODE_TAKEN);
    }

    @Test
    void aCodeChargesTheCustomersBalanceOnceWithTheMerchantFee() {
        PaymentCodes.issue(f.state(), WALLET, "pcd_1", ALICE, CODE);
        assertThat(charge(WALLET, CODE, 1_000, USD)).isEqualTo(ChargeResult.NOT_A_MERCHANT);
        assertThat(charge(MERCHANT, "289999999999999999", 1_000, USD)).isEqualTo(ChargeResult.CODE_NOT_FOUND);
        assertThat(charge(MERCHANT, CODE, 1_000, EUR)).isEqualTo(ChargeResult.CURRENCY_NOT_SUPPORTED);
        assertThat(charge(MERCHANT, CODE, ALICE_USD + 1, USD)).isEqualTo(ChargeResult.DECLINED);
        assertThat(charge(MERCHANT, CODE, 1_000, USD)).as("a declined charge leaves the code usable").isEqualTo(ChargeResult.OK);
        assertThat(f.customerBalance(ALICE, USD)).isEqualTo(ALICE_USD - 1_000);
        assertThat(f.merchantBalance(MERCHANT, USD)).isEqualTo(1_000 - Fees.ofAmount(1_000, MERCHANT_FEE_BASIS_POINTS));
        assertThat(f.intent("pi_c5").status()).isEqualTo(PaymentIntentStatus.SUCCEEDED);
        assertThat(charge(MERCHANT, CODE, 1_000, USD)).isEqualTo(ChargeResult.CODE_USED);
        assertThat(f.auditViolations()).isEmpty();
    }

    @Test
    void aCodeIsRefusedFromItsExpiryOn() {
        PaymentCodes.issue(f.state(), WALLET, "pcd_1", ALICE, CODE);
        f.advanceNanos(PaymentCodes.LIFETIME_NANOS - 1);
        f.drain();
        f.advanceNanos(1);
        assertThat(charge(MERCHANT, CODE, 100, USD)).isEqualTo(ChargeResult.CODE_EXPIRED);
        assertThat(f.customerBalance(ALICE, USD)).isEqualTo(ALICE_USD);
    }
}
