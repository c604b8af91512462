package org.corridor.sim.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Currency;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WalletApiClientTest {
    static final String WALLET_KEY = "ck_wallet_test";
    static final String MERCHANT_KEY = "ck_merchant_test";
    /**
     * Long enough that a loaded machine never times out an answered request (the fake server answers at once); only the
     * held request of {@link #aSlowServerHitsTheRequestTimeout} waits it out.
     */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private RecordingApi api;
    private WalletApiClient client;

    @BeforeEach
    void start() throws IOException {
        api = new RecordingApi();
        client = new WalletApiClient(transport(api.base()));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private static ApiTransport transport(URI base) {
        return ApiTransport.create(base, Duration.ofSeconds(2), REQUEST_TIMEOUT, IdempotencyKeys.withPrefix("run-7"));
    }

    private static String tokenReply(String keyHex) {
        return "{\"id\":\"tok_9\",\"object\":\"token\",\"status\":\"active\",\"domain\":\"contactless\","
                + "\"device_id\":\"phone-1\",\"network\":\"visa\",\"dpan\":\"" + WalletFixtures.DPAN + "\","
                + "\"dpan_last4\":\"" + WalletFixtures.DPAN.substring(12) + "\",\"par\":\"V0010013019999999999999999999\","
                + "\"card\":{\"bin\":\"411111\",\"last4\":\"1111\",\"exp_month\":12,\"exp_year\":2030},"
                + "\"issuer\":\"acct_issuer_1\",\"token_key\":\"" + keyHex + "\",\"created\":1764300000}";
    }

    private static String decline(String code, String declineCode) {
        return "{\"error\":{\"type\":\"payment_error\",\"code\":\"" + code + "\",\"decline_code\":\"" + declineCode
                + "\",\"message\":\"declined\",\"param\":null,\"payment_intent\":{\"id\":\"pi_1\","
                + "\"status\":\"requires_payment_method\"}}}";
    }

    @Test
    void enrolPostsTheCardAndReadsTheProvisionedToken() throws IOException {
        api.then(200, tokenReply(WalletFixtures.KEY_HEX));
        CardDetails card = new CardDetails(WalletFixtures.CARD, 12, 2030, "Ada Lovelace");

        Enrolment enrolment = client.enrol(WALLET_KEY, card, "phone-1", TokenDomain.CONTACTLESS);

        RecordingApi.Request sent = api.only();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/v1/tokens");
        assertThat(sent.authorization()).isEqualTo("Bearer " + WALLET_KEY);
        assertThat(sent.idempotencyKey()).isEqualTo("run-7-1");
        assertThat(sent.contentType()).isEqualTo("application/json");
        assertThat(sent.json()).isEqualTo(JsonMapper.shared().readTree(
                "{\"card\":{\"number\":\"" + WalletFixtures.CARD + "\",\"exp_month\":12,\"exp_year\":2030,"
                        + "\"cardholder_name\":\"Ada Lovelace\"},\"device_id\":\"phone-1\",\"domain\":\"contactless\"}"));
        assertThat(enrolment.provisioned()).isTrue();
        assertThat(enrolment.tokenId()).isEqualTo("tok_9");
        assertThat(enrolment.dpan()).isEqualTo(WalletFixtures.DPAN);
        assertThat(enrolment.network()).isEqualTo("visa");
        assertThat(enrolment.result().objectStatus()).isEqualTo("active");
        assertThat(enrolment.tokenKey().checkValue()).isEqualTo(WalletFixtures.KEY_CHECK_VALUE);
        assertThat(enrolment.toString()).doesNotContain(WalletFixtures.DPAN)
                .doesNotContainIgnoringCase(WalletFixtures.KEY_HEX.substring(0, 8));
    }

    @Test
    void aDeclinedAccountVerificationIsAResultNotAnException() throws IOException {
        api.then(402, decline("card_declined", "05"));
        Enrolment enrolment = client.enrol(WALLET_KEY, new CardDetails(WalletFixtures.CARD, 12, 2030, "A B"),
                "phone-1", TokenDomain.IN_APP);
        assertThat(enrolment.provisioned()).isFalse();
        assertThat(enrolment.result().declined()).isTrue();
        assertThat(enrolment.result().errorType()).isEqualTo("payment_error");
        assertThat(enrolment.result().errorCode()).isEqualTo("card_declined");
        assertThat(enrolment.result().declineCode()).isEqualTo("05");
        assertThat(enrolment.result().outcome()).isEqualTo("card_declined/05");
        assertThat(enrolment.tokenKey()).isNull();
        assertThat(api.only().json().path("domain").stringValue()).isEqualTo("in_app");
    }

    @Test
    void aSuccessWithAMalformedKeyOrDevicePanCannotBeProvisioned() throws IOException {
        api.then(200, tokenReply("0123")).then(200, tokenReply("0123456789ABCDEFFEDCBA987654321Z"))
                .then(200, tokenReply(WalletFixtures.KEY_HEX).replace(WalletFixtures.DPAN, WalletFixtures.NOT_A_CARD))
                .then(200, tokenReply(WalletFixtures.KEY_HEX).replace("tok_9", "../tok_9"));
        CardDetails card = new CardDetails(WalletFixtures.CARD, 12, 2030, "A B");
        for (int i = 0; i < 4; i++) {
            Enrolment enrolment = client.enrol(WALLET_KEY, card, "phone-1", TokenDomain.IN_APP);
            assertThat(enrolment.provisioned()).as("reply %d", i).isFalse();
            assertThat(enrolment.result().errorCode()).isEqualTo(Enrolment.MALFORMED_REPLY);
        }
    }

    @Test
    void confirmSendsThePresentmentAndReadsTheIntent() throws IOException {
        api.then(200, "{\"id\":\"pi_42\",\"object\":\"payment_intent\",\"status\":\"requires_capture\",\"amount\":2500}");
        TokenPresentment presented = new TokenPresentment(WalletFixtures.DPAN, 7,
                HexFormat.of().parseHex("0102030405060708"), 0xCAFE0001, TokenDomain.CONTACTLESS, "TERM0001");

        ApiResult result = client.confirm(MERCHANT_KEY, "pi_42", presented);

        RecordingApi.Request sent = api.only();
        assertThat(sent.path()).isEqualTo("/v1/payment_intents/pi_42/confirm");
        assertThat(sent.authorization()).isEqualTo("Bearer " + MERCHANT_KEY);
        assertThat(sent.json()).isEqualTo(JsonMapper.shared().readTree(
                "{\"payment_method\":{\"type\":\"device_token\",\"device_token\":{\"dpan\":\"" + WalletFixtures.DPAN
                        + "\",\"atc\":7,\"cryptogram\":\"0102030405060708\",\"unpredictable_number\":\"CAFE0001\","
                        + "\"entry_mode\":\"contactless\",\"terminal_id\":\"TERM0001\"}}}"));
        assertThat(result.ok()).isTrue();
        assertThat(result.id()).isEqualTo("pi_42");
        assertThat(result.objectStatus()).isEqualTo("requires_capture");
        assertThat(result.outcome()).isEqualTo("requires_capture");
    }

    @Test
    void aRefusedCryptogramIsADeclineWithAnEmptyDeclineCode() throws IOException {
        api.then(402, decline("cryptogram_invalid", ""));
        TokenPresentment presented = new TokenPresentment(WalletFixtures.DPAN, 7, new byte[8], 1, TokenDomain.IN_APP,
                null);
        ApiResult result = client.confirm(MERCHANT_KEY, "pi_1", presented);
        assertThat(result.declined()).isTrue();
        assertThat(result.errorCode()).isEqualTo("cryptogram_invalid");
        assertThat(result.declineCode()).isEmpty();
        assertThat(result.outcome()).isEqualTo("cryptogram_invalid");
        assertThat(result.id()).isNull();
    }

    @Test
    void merchantAndLifecycleCallsUseTheirPathsAndBodies() throws IOException {
        for (int i = 0; i < 8; i++) api.then(200, "{\"id\":\"x_" + i + "\",\"status\":\"s" + i + "\"}");
        Currency jpy = Currency.getInstance("JPY");
        assertThat(client.createIntent(MERCHANT_KEY, 2_500, jpy, CaptureMethod.MANUAL).id()).isEqualTo("x_0");
        client.capture(MERCHANT_KEY, "pi_1", 1_200);
        client.cancel(MERCHANT_KEY, "pi_2");
        client.refund(MERCHANT_KEY, "pi_3", 300);
        client.suspend(WALLET_KEY, "tok_1");
        client.resume(WALLET_KEY, "tok_1");
        assertThat(client.delete(WALLET_KEY, "tok_1").objectStatus()).isEqualTo("s6");
        assertThat(client.token(WALLET_KEY, "tok_1").objectStatus()).isEqualTo("s7");

        var sent = api.requests();
        String[][] expected = {
            {"POST", "/v1/payment_intents", "{\"amount\":2500,\"currency\":\"JPY\",\"capture_method\":\"manual\"}"},
            {"POST", "/v1/payment_intents/pi_1/capture", "{\"amount_to_capture\":1200}"},
            {"POST", "/v1/payment_intents/pi_2/cancel", "{}"},
            {"POST", "/v1/refunds", "{\"payment_intent\":\"pi_3\",\"amount\":300}"},
            {"POST", "/v1/tokens/tok_1/suspend", "{}"},
            {"POST", "/v1/tokens/tok_1/resume", "{}"},
            {"POST", "/v1/tokens/tok_1/delete", "{}"},
            {"GET", "/v1/tokens/tok_1", ""},
        };
        assertThat(sent).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            RecordingApi.Request request = sent.get(i);
            assertThat(request.method()).as("call %d", i).isEqualTo(expected[i][0]);
            assertThat(request.path()).as("call %d", i).isEqualTo(expected[i][1]);
            if (expected[i][2].isEmpty()) {
                assertThat(request.body()).isEmpty();
                assertThat(request.idempotencyKey()).isNull();
            } else {
                assertThat(request.json()).as("call %d", i).isEqualTo(JsonMapper.shared().readTree(expected[i][2]));
                assertThat(request.idempotencyKey()).isEqualTo("run-7-" + (i + 1));
            }
            assertThat(request.authorization()).startsWith("Bearer ck_");
        }
    }

    @Test
    void readsErrorsThatAreNotDeclines() throws IOException {
        api.then(422, "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"parameter_invalid\","
                        + "\"message\":\"amount_to_capture exceeds the authorised amount\",\"param\":\"amount_to_capture\"}}")
                .then(409, "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"intent_state_invalid\"}}")
                .then(502, "<html>bad gateway</html>")
                .then(401, "");
        ApiResult tooMuch = client.capture(MERCHANT_KEY, "pi_1", 999_999);
        assertThat(tooMuch.httpStatus()).isEqualTo(422);
        assertThat(tooMuch.declined()).isFalse();
        assertThat(tooMuch.errorType()).isEqualTo("invalid_request_error");
        assertThat(tooMuch.outcome()).isEqualTo("parameter_invalid");
        assertThat(client.cancel(MERCHANT_KEY, "pi_1").outcome()).isEqualTo("intent_state_invalid");
        ApiResult proxy = client.cancel(MERCHANT_KEY, "pi_1");
        assertThat(proxy.httpStatus()).isEqualTo(502);
        assertThat(proxy.outcome()).isEqualTo("http_502");
        assertThat(client.cancel(MERCHANT_KEY, "pi_1").outcome()).isEqualTo("http_401");
    }

    @Test
    void aSlowServerHitsTheRequestTimeout() {
        api.thenHold(200, "{\"id\":\"pi_1\",\"status\":\"succeeded\"}");
        assertThatThrownBy(() -> client.cancel(MERCHANT_KEY, "pi_1"))
                .isInstanceOf(HttpTimeoutException.class)
                .hasMessageContaining("/v1/payment_intents/pi_1/cancel");
        api.release();
    }

    @Test
    void anOversizedBodyIsRefused() {
        String huge = "{\"id\":\"pi_1\",\"pad\":\"" + "x".repeat(ApiTransport.RESPONSE_BODY_BYTES_MAX) + "\"}";
        api.then(200, huge);
        assertThatThrownBy(() -> client.cancel(MERCHANT_KEY, "pi_1"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("exceeds " + ApiTransport.RESPONSE_BODY_BYTES_MAX + " bytes");
    }

    @Test
    void anUnreachableApiThrows() throws IOException {
        int freePort;
        try (ServerSocket probe = new ServerSocket(0)) {
            freePort = probe.getLocalPort();
        }
        WalletApiClient nowhere = new WalletApiClient(transport(URI.create("http://127.0.0.1:" + freePort)));
        assertThatThrownBy(() -> nowhere.cancel(MERCHANT_KEY, "pi_1")).isInstanceOf(IOException.class);
    }

    @Test
    void idsFromRepliesCannotSteerThePath() {
        assertThatThrownBy(() -> client.capture(MERCHANT_KEY, "../participants", 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.suspend(WALLET_KEY, "tok_1?x=1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.refund(MERCHANT_KEY, "", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void refusesAnAddressThatIsNotHttp() {
        assertThatThrownBy(() -> transport(URI.create("ftp://127.0.0.1:21")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCardNumberGoesOutOnceAndNeverIntoAResult() throws IOException {
        api.then(200, tokenReply(WalletFixtures.KEY_HEX));
        Enrolment enrolment = client.enrol(WALLET_KEY, new CardDetails(WalletFixtures.CARD, 12, 2030, "A B"),
                "phone-1", TokenDomain.CONTACTLESS);
        JsonNode sent = api.only().json();
        assertThat(sent.path("card").path("number").stringValue()).isEqualTo(WalletFixtures.CARD);
        assertThat(enrolment.result().toString()).doesNotContain(WalletFixtures.CARD).doesNotContain(WalletFixtures.DPAN);
    }
}
