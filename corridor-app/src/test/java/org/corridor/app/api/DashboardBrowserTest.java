package org.corridor.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.corridor.sim.issuer.SimulatedBank;
import org.corridor.sim.wallet.TokenDomain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The operator's dashboard in a real browser (headless chromium): a node with card rails takes card, balance and QR
 * payments, approved and declined; the operator signs in with its API key, watches the live chart refresh and count
 * a new payment, filters the payments, reads a card payment's story, sees a QR code's image, and no page ever shows
 * the card number or the device PAN. The main pages' screenshots are written to the folder named by the system
 * property {@code corridor.dashboard.screenshots}, relative to the repository (the README shows
 * {@code docs/dashboard}).
 */
@Timeout(240)
class DashboardBrowserTest {
    /** Where screenshots go: the property's folder (relative to the repository), or the module's target. */
    private static final Path SCREENSHOTS = Optional.ofNullable(System.getProperty("corridor.dashboard.screenshots"))
            .map(folder -> Path.of(System.getProperty("user.dir")).getParent().resolve(folder))
            .orElse(Path.of("target", "dashboard-screenshots"));

    @TempDir
    Path directory;

    private final List<String> canaries = new ArrayList<>();

    @Test
    void theOperatorFollowsLivePaymentsAndTheirStoriesAndNeverSeesACardNumber() throws Exception {
        try (CardWorld world = CardWorld.start("sqlite", directory)) {
            int port = world.node.node().api().port();
            SimulatedBank bank = world.bankIn("USD");
            world.simulator.banks().setDeclinePerMille(bank.id(), 0);
            CardWorld.Provisioned tap = world.enrol(bank, 11, 20_000, world.newPhone(), TokenDomain.CONTACTLESS);
            String dpan = tap.enrolment().text("dpan");
            canaries.add(tap.cardNumber());
            canaries.add(dpan);
            Http.Reply card = world.pay(tap, 1_000, "automatic");
            assertThat(card.text("status")).as(card.body()).isEqualTo("succeeded");
            world.pay(tap, 1_000_000, "automatic"); // declined by the issuer
            TestNode.Party shop = world.merchant("USD");
            String shopper = world.node.customer(world.wallet, "USD", 5_000);
            assertThat(payFromBalance(world, shopper, 1_200).status()).isEqualTo(200);
            payFromBalance(world, shopper, 90_000); // insufficient funds
            Http.Reply qr = world.http().post(shop.key(), "/v1/qr_codes", Map.of("currency", "USD"));
            assertThat(world.http().post(world.wallet.key(), "/v1/qr_payments", Map.of("payload", qr.text("payload"),
                    "customer", shopper, "amount", 300)).status()).isEqualTo(200);

            String crossCurrency = payAcrossCurrencies(world);
            String window = settleUsd(world);

            refusesStrangers(port, world.node.operatorKey, shop.key());
            try (Browser browser = Browser.start(port)) {
                signIn(browser, shop.key(), world.node.operatorKey);
                watchTheChart(browser, world, shopper);
                filterPayments(browser);
                readTheCardPaymentsStory(browser, card.text("id"), dpan);
                readTheCrossCurrencyStory(browser, crossCurrency);
                seeTheOtherPages(browser, shop.id(), qr.text("id"));
                seeTheSettlement(browser, window);
                browser.find("header form button").click();
                browser.until(driver -> browser.path().equals("/dashboard/login"));
                browser.open("/dashboard/payments");
                assertThat(browser.path()).isEqualTo("/dashboard/login");
            }
        }
    }

    private static Http.Reply payFromBalance(CardWorld world, String shopper, long amount) {
        Http.Reply created = world.http().post(world.merchant("USD").key(), "/v1/payment_intents",
                Map.of("amount", amount, "currency", "USD"));
        return world.http().post(world.wallet.key(), "/v1/payment_intents/" + created.text("id") + "/confirm",
                Map.of("client_secret", created.text("client_secret"),
                        "payment_method", Map.of("type", "customer_balance", "customer", shopper)));
    }

    /** A CNY shopper pays the USD merchant through an FX provider at a quoted rate; the merchant refunds a part. */
    private static String payAcrossCurrencies(CardWorld world) {
        Http http = world.http();
        world.node.participant(Map.of("role", "fx_provider", "name", "Liquidity", "country", "HK",
                "settlement_currency", "USD", "currencies", List.of("USD", "CNY")));
        TestNode.Party wallet = world.node.walletProvider("CNY");
        String shopper = world.node.customer(wallet, "CNY", 100_000);
        Http.Reply quote = http.post(wallet.key(), "/v1/fx_quotes",
                Map.of("sell_currency", "CNY", "buy_currency", "USD", "buy_amount", 2_000));
        TestNode.Party shop = world.merchant("USD");
        Http.Reply intent = http.post(shop.key(), "/v1/payment_intents", Map.of("amount", 2_000, "currency", "USD"));
        Http.Reply paid = http.post(wallet.key(), "/v1/payment_intents/" + intent.text("id") + "/confirm",
                Map.of("client_secret", intent.text("client_secret"), "fx_quote", quote.text("id"),
                        "payment_method", Map.of("type", "customer_balance", "customer", shopper)));
        assertThat(paid.text("status")).as(paid.body()).isEqualTo("succeeded");
        Http.Reply refund = http.post(shop.key(), "/v1/refunds", Map.of("payment_intent", intent.text("id"),
                "amount", 500));
        assertThat(refund.status()).as(refund.body()).isEqualTo(200);
        return intent.text("id");
    }

    /** Without the operator's session: pages send to the sign-in form, htmx gets 401; a merchant's key is refused. */
    private static void refusesStrangers(int port, String operatorKey, String merchantKey) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + port;
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/dashboard/payments")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).hasValue("/dashboard/login");
        assertThat(page.headers().firstValue("Request-Id")).hasValueSatisfying(id -> assertThat(id).startsWith("req_"));
        HttpResponse<String> fragment = client.send(HttpRequest.newBuilder(URI.create(base + "/dashboard/chart"))
                .header("HX-Request", "true").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(fragment.statusCode()).isEqualTo(401);
        assertThat(fragment.body()).doesNotContain("chart");
        assertThat(signIn(client, base, merchantKey).statusCode()).isEqualTo(401);
        HttpResponse<String> operator = signIn(client, base, operatorKey);
        assertThat(operator.statusCode()).isEqualTo(303);
        assertThat(operator.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
                .startsWith("corridor_session=").contains("HttpOnly", "SameSite=Strict", "Path=/dashboard"));
    }

    private static HttpResponse<String> signIn(HttpClient client, String base, String key) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + "/dashboard/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("api_key=" + key)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void signIn(Browser browser, String merchantKey, String operatorKey) {
        browser.open("/dashboard");
        assertThat(browser.path()).isEqualTo("/dashboard/login");
        browser.find("#api_key").sendKeys(merchantKey);
        browser.find("#sign-in").click();
        assertThat(browser.find("#refused").getText()).contains("not an active operator API key");
        browser.find("#api_key").sendKeys(operatorKey);
        browser.find("#sign-in").click();
        browser.until(driver -> browser.path().equals("/dashboard"));
        assertThat(browser.find("#request-id").getText()).startsWith("req_");
        checked(browser);
    }

    /** htmx replaces the chart every two seconds; a payment made while watching shows up in it. */
    private void watchTheChart(Browser browser, CardWorld world, String shopper) {
        // The window counts whole seconds, so what was paid above shows once its second is over.
        browser.until(driver -> approved(browser) >= 4);
        long before = approved(browser);
        Object renderedAt = chart(browser, "renderedAt");
        assertThat(payFromBalance(world, shopper, 500).status()).isEqualTo(200);
        browser.until(driver -> approved(browser) == before + 1);
        assertThat(chart(browser, "renderedAt")).isNotEqualTo(renderedAt);
        assertThat(browser.all("#chart svg rect.approved")).hasSize(60);
        assertThat(browser.find("#approval-rate").getText()).endsWith("%");
        assertThat(browser.find("#chart table.rails").getText()).contains("device token", "customer balance", "QR");
        browser.open("/dashboard");
        assertThat(browser.find("#payment-count").getText()).isEqualTo("7");
        shoot(browser, "overview");
    }

    private static long approved(Browser browser) {
        return Long.parseLong((String) chart(browser, "approved"));
    }

    private static Object chart(Browser browser, String data) {
        return browser.script("return document.getElementById('chart').dataset." + data + ";");
    }

    private void filterPayments(Browser browser) {
        browser.open("/dashboard/payments");
        assertThat(browser.all("tr.payment")).hasSize(7);
        shoot(browser, "payments");
        new Select(browser.find("#filter-method")).selectByValue("device_token");
        browser.find("#apply-filters").click();
        browser.until(driver -> browser.path().contains("method=device_token"));
        assertThat(browser.all("tr.payment")).hasSize(2)
                .allSatisfy(row -> assertThat(row.getText()).contains("device token"));
        new Select(browser.find("#filter-method")).selectByValue("");
        new Select(browser.find("#filter-status")).selectByValue("requires_payment_method");
        browser.find("#apply-filters").click();
        browser.until(driver -> browser.path().contains("status=requires_payment_method"));
        List<WebElement> declined = browser.all("tr.payment");
        assertThat(declined).hasSize(2).allSatisfy(row ->
                assertThat(row.getAttribute("data-status")).isEqualTo("requires_payment_method"));
        assertThat(browser.find("#payments").getText()).contains("insufficient_funds");
        checked(browser);
    }

    private void readTheCardPaymentsStory(Browser browser, String intentId, String dpan) {
        browser.open("/dashboard/payments?method=device_token&status=succeeded");
        browser.find("a[href='/dashboard/payments/" + intentId + "']").click();
        browser.until(driver -> browser.path().equals("/dashboard/payments/" + intentId));
        assertThat(browser.find("#intent-status").getText()).isEqualTo("succeeded");
        String authorization = browser.find("#authorization").getText();
        assertThat(authorization).contains("MTI 0100", "MTI 0110", "DE11 STAN", "DE37 RRN", "DE39 response code",
                "**** " + dpan.substring(dpan.length() - 4));
        assertThat(browser.all("tr.transfer")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(browser.find("#transfers").getText()).contains("payment", "merchant fee", "10.00 USD");
        shoot(browser, "payment");
        checked(browser);
    }

    private void readTheCrossCurrencyStory(Browser browser, String intentId) {
        browser.open("/dashboard/payments/" + intentId);
        assertThat(browser.find("#intent").getText()).contains("FX quote", "CNY");
        String transfers = browser.find("#transfers").getText();
        assertThat(transfers).contains("payment", "FX payout", "merchant fee", "refund", "FX refund", "Liquidity (CNY)",
                "Liquidity (USD)", "20.00 USD", "5.00 USD");
        assertThat(browser.find("#refunds").getText()).contains("5.00 USD");
        assertThat(browser.find("#events").getText()).contains("payment_intent.succeeded");
        checked(browser);
    }

    private void seeTheOtherPages(Browser browser, String shopId, String qrId) {
        browser.open("/dashboard/participants");
        assertThat(browser.all("tr.balance")).isNotEmpty();
        assertThat(browser.find("tr.balance[data-participant='" + shopId + "'][data-currency='USD']").getText())
                .contains("USD");
        shoot(browser, "participants");
        checked(browser);

        browser.open("/dashboard/fx");
        assertThat(browser.find("#rates").getText()).contains("USD/CNY", "7.1234");
        assertThat(browser.find("#positions").getText()).contains("Liquidity", "CNY", "USD");
        shoot(browser, "fx");
        checked(browser);

        browser.open("/dashboard/qr_codes?merchant=" + shopId);
        WebElement image = browser.find("figure.qr img");
        browser.until(driver -> ((Number) ((JavascriptExecutor) driver)
                .executeScript("return arguments[0].complete && arguments[0].naturalWidth", image)).intValue() > 0);
        assertThat(browser.find("#" + qrId).findElement(By.tagName("figcaption")).getText()).contains("static, USD");
        shoot(browser, "qr_codes");
        checked(browser);

    }

    /** The operator closes and settles the USD window: the shop, a net creditor, is paid out. */
    private static String settleUsd(CardWorld world) {
        String operator = world.node.operatorKey;
        String window = world.http().post(operator, "/v1/settlement_windows", Map.of("currency", "USD")).text("id");
        assertThat(world.http().post(operator, "/v1/settlement_windows/" + window + "/close", null).status()).isEqualTo(200);
        assertThat(world.http().post(operator, "/v1/settlement_windows/" + window + "/settle", null).status())
                .isEqualTo(200);
        return window;
    }

    private void seeTheSettlement(Browser browser, String window) {
        browser.open("/dashboard/settlement");
        String settled = browser.find("#" + window).getText();
        assertThat(settled).contains("USD window 1: settled", "payout", "pay-in");
        shoot(browser, "settlement");
        checked(browser);
    }

    /** The page the browser shows holds no card number and no device PAN, and names its request. */
    private void checked(Browser browser) {
        String source = browser.source();
        for (String canary : canaries) assertThat(source).doesNotContain(canary);
        assertThat(browser.find("#request-id").getText()).startsWith("req_");
    }

    private static void shoot(Browser browser, String name) {
        browser.screenshot(SCREENSHOTS.resolve(name + ".png"));
    }
}
