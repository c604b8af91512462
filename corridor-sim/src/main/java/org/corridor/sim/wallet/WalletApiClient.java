package org.corridor.sim.wallet;

import java.io.IOException;
import java.util.Currency;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The calls a wallet provider and its merchants make to the Corridor API in the device-token flow: enrolment and
 * token lifecycle (with the wallet provider's key), and payment intents paid with a device token (with the
 * merchant's key: the merchant confirms its own intent with the data the phone handed over). Each call returns an
 * {@link ApiResult} whatever the HTTP status; only an unreachable or silent API throws.
 */
public final class WalletApiClient {
    private final ApiTransport transport;

    /** A client over {@code transport}. */
    public WalletApiClient(ApiTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    /**
     * Asks the token service to provision {@code card} onto the phone {@code deviceId} for {@code domain}
     * ({@code POST /v1/tokens}). A 402 with code {@code card_declined} means the issuer refused the account check.
     */
    public Enrolment enrol(String walletProviderKey, CardDetails card, String deviceId, TokenDomain domain)
            throws IOException {
        ObjectNode cardJson = json();
        cardJson.put("number", card.number());
        cardJson.put("exp_month", card.expMonth());
        cardJson.put("exp_year", card.expYear());
        cardJson.put("cardholder_name", card.cardholderName());
        ObjectNode body = json();
        body.set("card", cardJson);
        body.put("device_id", deviceId);
        body.put("domain", domain.wireName());
        return Enrolment.of(transport.post("/v1/tokens", walletProviderKey, body));
    }

    /** Suspends a token, as when the phone is lost ({@code POST /v1/tokens/{id}/suspend}). */
    public ApiResult suspend(String walletProviderKey, String tokenId) throws IOException {
        return tokenAction(walletProviderKey, tokenId, "suspend");
    }

    /** Makes a suspended token usable again ({@code POST /v1/tokens/{id}/resume}). */
    public ApiResult resume(String walletProviderKey, String tokenId) throws IOException {
        return tokenAction(walletProviderKey, tokenId, "resume");
    }

    /** Deletes a token for good ({@code POST /v1/tokens/{id}/delete}). */
    public ApiResult delete(String walletProviderKey, String tokenId) throws IOException {
        return tokenAction(walletProviderKey, tokenId, "delete");
    }

    /** Reads a token ({@code GET /v1/tokens/{id}}): its status is in {@link ApiResult#objectStatus()}. */
    public ApiResult token(String walletProviderKey, String tokenId) throws IOException {
        return ApiResult.of(transport.get("/v1/tokens/" + ApiPaths.requireId(tokenId, "tokenId"), walletProviderKey));
    }

    private ApiResult tokenAction(String key, String tokenId, String action) throws IOException {
        return ApiResult.of(transport.post("/v1/tokens/" + ApiPaths.requireId(tokenId, "tokenId") + "/" + action, key,
                json()));
    }

    /** Creates a payment intent for {@code amountMinor} of {@code currency} ({@code POST /v1/payment_intents}). */
    public ApiResult createIntent(String merchantKey, long amountMinor, Currency currency, CaptureMethod captureMethod)
            throws IOException {
        ObjectNode body = json();
        body.put("amount", amountMinor);
        body.put("currency", currency.getCurrencyCode());
        body.put("capture_method", captureMethod.wireName());
        return ApiResult.of(transport.post("/v1/payment_intents", merchantKey, body));
    }

    /**
     * Confirms an intent with what the phone presented ({@code POST /v1/payment_intents/{id}/confirm}): 200 with
     * status {@code succeeded} or {@code requires_capture}, or a 402 decline.
     */
    public ApiResult confirm(String merchantKey, String intentId, TokenPresentment presentment) throws IOException {
        ObjectNode body = json();
        body.set("payment_method", presentment.paymentMethodJson());
        return ApiResult.of(transport.post(intentPath(intentId, "confirm"), merchantKey, body));
    }

    /** Captures {@code amountMinor} (all or part) of an authorised intent. */
    public ApiResult capture(String merchantKey, String intentId, long amountMinor) throws IOException {
        ObjectNode body = json();
        body.put("amount_to_capture", amountMinor);
        return ApiResult.of(transport.post(intentPath(intentId, "capture"), merchantKey, body));
    }

    /** Cancels an intent; an authorised one is voided. */
    public ApiResult cancel(String merchantKey, String intentId) throws IOException {
        return ApiResult.of(transport.post(intentPath(intentId, "cancel"), merchantKey, json()));
    }

    /** Refunds {@code amountMinor} of a captured intent ({@code POST /v1/refunds}). */
    public ApiResult refund(String merchantKey, String intentId, long amountMinor) throws IOException {
        ObjectNode body = json();
        body.put("payment_intent", ApiPaths.requireId(intentId, "intentId"));
        body.put("amount", amountMinor);
        return ApiResult.of(transport.post("/v1/refunds", merchantKey, body));
    }

    private static String intentPath(String intentId, String action) {
        return "/v1/payment_intents/" + ApiPaths.requireId(intentId, "intentId") + "/" + action;
    }

    private static ObjectNode json() {
        return JsonMapper.shared().createObjectNode();
    }
}
