package org.corridor.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.corridor.codec.card.Luhn;
import org.corridor.sim.issuer.ActivityKind;
import org.corridor.sim.issuer.CardholderAccount;
import org.corridor.sim.issuer.Fault;
import org.corridor.sim.issuer.SimulatedBank;
import org.corridor.sim.wallet.DeviceWallet;
import org.corridor.sim.wallet.TokenDomain;
import org.corridor.sim.wallet.TokenPresentment;
import org.corridor.vault.cryptogram.TokenKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two kinds of wallet paying each other's merchants, end to end over HTTP and ISO 8583 against the issuer
 * simulator: a token wallet pays a QR merchant (through the card rails), a card's token tops up a balance (the issuer
 * authorizes), and a balance provisioned as a device token pays a card-accepting merchant (Corridor authorizes, no
 * ISO 8583). Every ledger movement is checked to the cent against the issuer's holds.
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InteroperabilityTest {
    private static final long BALANCE = 100_000;
    private static final String OPERATOR = "acct_operator";

    private CardWorld world;
    private SimulatedBank bank;
    private String currency;
    private TestNode.Party merchant;
    private int nextCard = 1;

    @BeforeAll
    void start(@TempDir Path directory) {
        world = CardWorld.start("sqlite", directory);
        currency = "USD";
        bank = world.bankWithoutRandomDeclinesIn(currency);
        merchant = world.merchant(currency);
    }

    @AfterAll
    void stop() {
        world.close();
    }

    /** The posted balances of the issuer, the merchant, the operator (fees) and one customer. */
    private record Books(long issuer, long merchant, long operator, long customer) {
        long sum() {
            return issuer + merchant + operator + customer;
        }
    }

    private Books books(String customer) {
        return new Books(world.postedBalance(world.issuerOf(bank), currency),
                world.postedBalance(merchant.id(), currency), world.postedBalance(OPERATOR, currency),
                customer == null ? 0 : customerBalance(customer));
    }

    private long customerBalance(String customer) {
        return TestNode.posted(world.http().get(world.wallet.key(), "/v1/customers/" + customer), currency);
    }

    private CardholderAccount account(CardWorld.Provisioned token) {
        return world.simulator.banks().account(token.cardNumber());
    }

    private CardWorld.Provisioned inAppToken(long balance) {
        return world.enrol(bank, nextCard++, balance, world.newPhone(), TokenDomain.IN_APP);
    }

    private static TokenPresentment present(CardWorld.Provisioned token, long amount, String acceptor) {
        return token.phone().present(token.tokenId(), amount, token.bank().currency(), acceptor, null);
    }

    private Http.Reply qrCode(Long amount) {
        Map<String, Object> body = amount == null ? Map.of("currency", currency) : Map.of("amount", amount,
                "currency", currency, "reference", "order " + amount);
        Http.Reply created = world.http().post(merchant.key(), "/v1/qr_codes", body);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        return created;
    }

    private Http.Reply payQr(Http.Reply qr, TokenPresentment presented, Long amount) {
        Map<String, Object> body = amount == null
                ? Map.of("payload", qr.text("payload"), "payment_method", presented.paymentMethodJson())
                : Map.of("payload", qr.text("payload"), "payment_method", presented.paymentMethodJson(), "amount", amount);
        return world.http().post(world.wallet.key(), "/v1/qr_payments", body);
    }

    private Http.Reply topUp(String customer, long amount, TokenPresentment presented) {
        return world.http().post(world.wallet.key(), "/v1/customers/" + customer + "/top_ups",
                Map.of("amount", amount, "currency", currency, "payment_method", presented.paymentMethodJson()));
    }

    private String authorizationStatus(String key, Http.Reply paid) {
        String id = paid.json().path("payment_method").path("device_token").path("authorization").asString();
        return world.http().get(key, "/v1/card_authorizations/" + id).text("status");
    }

    @Test
    void aTokenWalletPaysADynamicQrCodeThroughTheIssuerAndTheCodePaysOnce() {
        CardWorld.Provisioned token = inAppToken(BALANCE);
        Http.Reply qr = qrCode(1_250L);
        Books before = books(null);

        Http.Reply paid = payQr(qr, present(token, 1_250, merchant.id()), null);

        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        assertThat(paid.text("status")).isEqualTo("succeeded");
        assertThat(paid.text("merchant")).isEqualTo(merchant.id());
        assertThat(paid.json().path("metadata").path("qr_code").asString()).isEqualTo(qr.text("id"));
        assertThat(paid.json().path("payment_method").path("type").asString()).isEqualTo("device_token");
        assertThat(authorizationStatus(merchant.key(), paid)).isEqualTo("approved");
        Books after = books(null);
        assertThat(after.issuer()).isEqualTo(before.issuer() - 1_250);
        assertThat(after.merchant()).isEqualTo(before.merchant() + 1_250 - 25);
        assertThat(after.operator()).isEqualTo(before.operator() + 25);
        assertThat(after.sum()).isEqualTo(before.sum());
        assertThat(account(token).heldMinor()).isEqualTo(1_250);
        assertThat(world.http().get(merchant.key(), "/v1/qr_codes/" + qr.text("id")).text("status")).isEqualTo("used");

        Http.Reply again = payQr(qr, present(token, 1_250, merchant.id()), null);
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("qr_code_used");
        assertThat(account(token).heldMinor()).isEqualTo(1_250);
    }

    @Test
    void aDeclinedQrPaymentByTokenMovesNothingAndFreesTheDynamicCode() {
        CardWorld.Provisioned token = inAppToken(1_000);
        Http.Reply qr = qrCode(5_000L);
        Books before = books(null);

        TokenPresentment presented = present(token, 5_000, merchant.id());
        Http.Reply declined = payQr(qr, presented, null);

        assertThat(declined.status()).as(declined.body()).isEqualTo(402);
        assertThat(declined.errorCode()).isEqualTo("insufficient_funds");
        assertThat(declined.json().path("error").path("decline_code").asString()).isEqualTo("51");
        assertThat(books(null)).isEqualTo(before);
        assertThat(account(token).heldMinor()).isZero();
        assertThat(world.http().get(merchant.key(), "/v1/qr_codes/" + qr.text("id")).text("status")).isEqualTo("active");

        // The same presentment again is a replay, refused before the issuer; a presentment for another merchant or
        // amount does not verify.
        assertThat(payQr(qr, presented, null).errorCode()).isEqualTo("atc_replayed");
        assertThat(payQr(qr, present(token, 5_000, world.wallet.id()), null).errorCode()).isEqualTo("cryptogram_invalid");
        // A static code takes the shopper's amount, within what the card holds.
        Http.Reply fixed = qrCode(null);
        Http.Reply small = payQr(fixed, present(token, 400, merchant.id()), 400L);
        assertThat(small.status()).as(small.body()).isEqualTo(200);
        assertThat(account(token).heldMinor()).isEqualTo(400);
        assertThat(books(null).issuer()).isEqualTo(before.issuer() - 400);
        // Only wallet providers pay QR codes with a token.
        Http.Reply byMerchant = world.http().post(merchant.key(), "/v1/qr_payments", Map.of("payload",
                fixed.text("payload"), "amount", 100, "payment_method", present(token, 100, merchant.id())
                        .paymentMethodJson()));
        assertThat(byMerchant.status()).isEqualTo(403);
    }

    @Test
    void aCustomerTopsUpFromACardTokenAsOneChainFromTheIssuerAccount() {
        String customer = world.node.customer(world.wallet, currency, 0);
        CardWorld.Provisioned token = inAppToken(10_000);
        Books before = books(customer);

        TokenPresentment presented = present(token, 3_000, world.wallet.id());
        Http.Reply topped = topUp(customer, 3_000, presented);

        assertThat(topped.status()).as(topped.body()).isEqualTo(200);
        assertThat(topped.text("object")).isEqualTo("top_up");
        assertThat(topped.json().path("payment_method").path("device_token").path("token").asString())
                .isEqualTo(token.tokenId());
        String authorization = topped.json().path("payment_method").path("device_token").path("authorization")
                .asString();
        Http.Reply read = world.http().get(world.wallet.key(), "/v1/card_authorizations/" + authorization);
        assertThat(read.text("status")).isEqualTo("approved");
        assertThat(read.text("top_up")).isEqualTo(topped.text("id"));
        Books after = books(customer);
        assertThat(after.customer()).isEqualTo(3_000);
        assertThat(after.issuer()).isEqualTo(before.issuer() - 3_000);
        assertThat(after.sum()).isEqualTo(before.sum());
        assertThat(account(token).heldMinor()).isEqualTo(3_000);
        assertThat(world.simulator.activity().of(bank.id(), ActivityKind.AUTHORIZATION).stream()
                .filter(entry -> entry.amountMinor() == 3_000).count()).isEqualTo(1);

        // A replay, a decline by the issuer and a cryptogram made for another acceptor book nothing.
        Http.Reply replayed = topUp(customer, 3_000, presented);
        assertThat(replayed.status()).isEqualTo(402);
        assertThat(replayed.errorCode()).isEqualTo("atc_replayed");
        Http.Reply declined = topUp(customer, 8_000, present(token, 8_000, world.wallet.id()));
        assertThat(declined.status()).as(declined.body()).isEqualTo(402);
        assertThat(declined.errorCode()).isEqualTo("insufficient_funds");
        assertThat(declined.json().path("error").path("decline_code").asString()).isEqualTo("51");
        Http.Reply forMerchant = topUp(customer, 500, present(token, 500, merchant.id()));
        assertThat(forMerchant.errorCode()).isEqualTo("cryptogram_invalid");
        assertThat(books(customer)).isEqualTo(after);
        assertThat(account(token).heldMinor()).isEqualTo(3_000);

        Http.Reply stranger = world.http().post(world.node.walletProvider(currency).key(),
                "/v1/customers/" + customer + "/top_ups", Map.of("amount", 100, "currency", currency,
                        "payment_method", present(token, 100, world.wallet.id()).paymentMethodJson()));
        assertThat(stranger.status()).isEqualTo(404);
    }

    @Test
    void anUnansweredTopUpBooksNothingAndIsReversedOnce() throws Exception {
        String customer = world.node.customer(world.wallet, currency, 0);
        CardWorld.Provisioned token = inAppToken(10_000);
        Books before = books(customer);
        world.simulator.faults().next(Fault.NO_REPLY, bank.id(), 1);

        Http.Reply unanswered = topUp(customer, 2_345, present(token, 2_345, world.wallet.id()));

        assertThat(unanswered.status()).as(unanswered.body()).isEqualTo(402);
        assertThat(unanswered.errorCode()).isEqualTo("issuer_unavailable");
        assertThat(books(customer)).isEqualTo(before);
        Eventually.holds(Duration.ofSeconds(20), () -> assertThat(account(token).heldMinor()).isZero());
        Eventually.holds(Duration.ofSeconds(20), () -> assertThat(world.node.node().reversalsPending()).isZero());
        assertThat(world.simulator.activity().of(bank.id(), ActivityKind.REVERSAL).stream()
                .filter(entry -> entry.amountMinor() == 2_345).count()).isEqualTo(1);
        assertThat(topUp(customer, 2_345, present(token, 2_345, world.wallet.id())).status()).isEqualTo(200);
        assertThat(customerBalance(customer)).isEqualTo(2_345);
    }

    /** A token on a customer's balance, in a phone. */
    private record BalanceToken(String tokenId, String dpan, DeviceWallet phone, Http.Reply issued) {
        TokenPresentment present(long amount, String acceptor, String currency) {
            return phone.present(tokenId, amount, java.util.Currency.getInstance(currency), acceptor, "TERM0001");
        }
    }

    private BalanceToken balanceToken(String customer, TokenDomain domain) {
        DeviceWallet phone = world.newPhone();
        Http.Reply issued = world.http().post(world.wallet.key(), "/v1/customers/" + customer + "/tokens",
                Map.of("currency", currency, "device_id", phone.deviceId(), "domain", domain.wireName()));
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        phone.provision(issued.text("id"), issued.text("dpan"), domain, TokenKey.fromHex(issued.text("token_key")));
        return new BalanceToken(issued.text("id"), issued.text("dpan"), phone, issued);
    }

    private Http.Reply confirm(BalanceToken token, long amount, String captureMethod) {
        String intent = world.createIntent(merchant, amount, currency, captureMethod);
        return world.confirm(merchant, intent, token.present(amount, merchant.id(), currency));
    }

    private long issuerRequests() {
        return world.simulator.activity().totals().requests() + world.simulator.activity().unrouted();
    }

    @Test
    void aBalanceTokenPaysACardMerchantFromTheBalanceWithCorridorAsItsIssuer() {
        String customer = world.node.customer(world.wallet, currency, 10_000);
        BalanceToken token = balanceToken(customer, TokenDomain.CONTACTLESS);
        assertThat(token.dpan()).hasSize(16).startsWith("99900100");
        assertThat(Luhn.isValidPan(token.dpan())).isTrue();
        assertThat(token.issued().text("token_key")).hasSize(32);
        assertThat(token.issued().text("issuer")).isEqualTo(OPERATOR);
        assertThat(token.issued().json().path("funding").path("customer").asString()).isEqualTo(customer);
        Http.Reply read = world.http().get(world.wallet.key(), "/v1/tokens/" + token.tokenId());
        assertThat(read.body()).doesNotContain(token.dpan()).doesNotContain("token_key");
        Books before = books(customer);
        long requestsBefore = issuerRequests();

        Http.Reply paid = confirm(token, 2_500, "automatic");

        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        assertThat(paid.text("status")).isEqualTo("succeeded");
        assertThat(paid.json().path("payment_method").path("device_token").path("network").asString())
                .isEqualTo("corridor");
        assertThat(paid.json().path("payment_method").path("device_token").path("authorization").isNull()).isTrue();
        Books afterPay = books(customer);
        assertThat(afterPay.customer()).isEqualTo(before.customer() - 2_500);
        assertThat(afterPay.merchant()).isEqualTo(before.merchant() + 2_500 - 50);
        assertThat(afterPay.issuer()).isEqualTo(before.issuer());
        assertThat(afterPay.sum()).isEqualTo(before.sum());

        // Manual capture reserves on the balance; a part is captured, the rest released.
        Http.Reply reserved = confirm(token, 4_000, "manual");
        assertThat(reserved.text("status")).as(reserved.body()).isEqualTo("requires_capture");
        Http.Reply captured = world.http().post(merchant.key(), "/v1/payment_intents/" + reserved.text("id")
                + "/capture", Map.of("amount_to_capture", 3_000));
        assertThat(captured.text("status")).as(captured.body()).isEqualTo("succeeded");
        // A void of a reservation releases it, with no reversal to send.
        Http.Reply toVoid = confirm(token, 1_000, "manual");
        Http.Reply voided = world.http().post(merchant.key(), "/v1/payment_intents/" + toVoid.text("id") + "/cancel",
                Map.of());
        assertThat(voided.text("status")).as(voided.body()).isEqualTo("canceled");
        // A refund goes back to the balance.
        Http.Reply refund = world.http().post(merchant.key(), "/v1/refunds", Map.of("payment_intent", paid.text("id"),
                "amount", 1_000));
        assertThat(refund.status()).as(refund.body()).isEqualTo(200);
        Books after = books(customer);
        assertThat(after.customer()).isEqualTo(before.customer() - 2_500 - 3_000 + 1_000);
        assertThat(after.sum()).isEqualTo(before.sum());
        assertThat(issuerRequests()).isEqualTo(requestsBefore);
    }

    @Test
    void aBalanceTokenIsRefusedForLowBalanceReplaysWrongDomainAndWhileSuspended() {
        String customer = world.node.customer(world.wallet, currency, 3_000);
        BalanceToken token = balanceToken(customer, TokenDomain.CONTACTLESS);
        Books before = books(customer);

        Http.Reply tooDear = confirm(token, 5_000, "automatic");
        assertThat(tooDear.status()).as(tooDear.body()).isEqualTo(402);
        assertThat(tooDear.errorCode()).isEqualTo("insufficient_funds");
        assertThat(confirm(token, 5_000, "manual").errorCode()).isEqualTo("insufficient_funds");

        TokenPresentment presented = token.present(700, merchant.id(), currency);
        assertThat(world.confirm(merchant, world.createIntent(merchant, 700, currency, "automatic"), presented).status())
                .isEqualTo(200);
        Http.Reply replayed = world.confirm(merchant, world.createIntent(merchant, 700, currency, "automatic"), presented);
        assertThat(replayed.status()).isEqualTo(402);
        assertThat(replayed.errorCode()).isEqualTo("atc_replayed");

        TokenPresentment tap = token.present(300, merchant.id(), currency);
        TokenPresentment inApp = new TokenPresentment(tap.dpan(), tap.atc(), tap.cryptogram(), tap.unpredictableNumber(),
                TokenDomain.IN_APP, null);
        assertThat(world.confirm(merchant, world.createIntent(merchant, 300, currency, "automatic"), inApp).errorCode())
                .isEqualTo("token_domain_mismatch");

        String path = "/v1/tokens/" + token.tokenId();
        assertThat(world.http().post(world.wallet.key(), path + "/suspend", null).text("status")).isEqualTo("suspended");
        assertThat(confirm(token, 100, "automatic").errorCode()).isEqualTo("token_suspended");
        assertThat(world.http().post(world.wallet.key(), path + "/resume", null).text("status")).isEqualTo("active");
        assertThat(confirm(token, 100, "automatic").status()).isEqualTo(200);
        assertThat(world.http().post(world.wallet.key(), path + "/delete", null).text("status")).isEqualTo("deleted");
        assertThat(confirm(token, 100, "automatic").errorCode()).isEqualTo("token_deleted");

        Books after = books(customer);
        assertThat(after.customer()).isEqualTo(before.customer() - 800);
        assertThat(after.sum()).isEqualTo(before.sum());
    }

    @Test
    void balanceTokensAreIssuedOnlyOnTheProvidersOwnCustomersHeldCurrenciesAndNeverTopUpABalance() {
        String customer = world.node.customer(world.wallet, currency, 1_000);
        Http.Reply stranger = world.http().post(world.node.walletProvider(currency).key(),
                "/v1/customers/" + customer + "/tokens", Map.of("currency", currency, "device_id", "phone-x",
                        "domain", "in_app"));
        assertThat(stranger.status()).isEqualTo(404);
        Http.Reply otherCurrency = world.http().post(world.wallet.key(), "/v1/customers/" + customer + "/tokens",
                Map.of("currency", "EUR", "device_id", "phone-x", "domain", "in_app"));
        assertThat(otherCurrency.status()).isEqualTo(400);
        assertThat(otherCurrency.errorCode()).isEqualTo("currency_not_supported");

        BalanceToken token = balanceToken(customer, TokenDomain.IN_APP);
        String other = world.node.customer(world.wallet, currency, 0);
        Http.Reply circular = topUp(other, 100, token.phone().present(token.tokenId(), 100,
                java.util.Currency.getInstance(currency), world.wallet.id(), null));
        assertThat(circular.status()).isEqualTo(400);
        assertThat(circular.errorCode()).isEqualTo("payment_method_unsupported");
        assertThat(customerBalance(other)).isZero();
    }
}
