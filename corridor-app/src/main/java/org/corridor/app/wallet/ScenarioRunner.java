package org.corridor.app.wallet;

import java.io.IOException;
import java.util.Currency;
import org.corridor.sim.wallet.ApiResult;
import org.corridor.sim.wallet.CaptureMethod;
import org.corridor.sim.wallet.TokenDomain;
import org.corridor.sim.wallet.TokenPresentment;
import org.corridor.sim.wallet.WalletApiClient;

/**
 * Runs one {@link PaymentScenario} with one card: the merchant selling in the card's currency creates an intent, the
 * phone presents the token, the merchant confirms, then captures, cancels or refunds as the scenario says. Stops at
 * the first step that does not succeed and reports it.
 */
public final class ScenarioRunner {
    /** The terminal id every in-store payment carries. */
    public static final String TERMINAL_ID = "TERM0001";

    private final WalletApiClient client;
    private final SimParties parties;

    public ScenarioRunner(WalletApiClient client, SimParties parties) {
        this.client = client;
        this.parties = parties;
    }

    /** Runs {@code scenario} for {@code amountMinor} of the card's currency. */
    public PaymentOutcome run(PaymentScenario scenario, PhoneCard card, long amountMinor) throws IOException {
        Currency currency = card.card().bank().currency();
        SimMerchant merchant = parties.merchantFor(currency);
        CaptureMethod method = switch (scenario) {
            case MANUAL_CAPTURE, PARTIAL_CAPTURE, VOID -> CaptureMethod.MANUAL;
            default -> CaptureMethod.AUTOMATIC;
        };
        ApiResult intent = client.createIntent(merchant.apiKey(), amountMinor, currency, method);
        if (!intent.ok() || intent.id() == null) return new PaymentOutcome(scenario, "create", intent);

        String tokenId = card.token().tokenId();
        String terminal = card.domain() == TokenDomain.CONTACTLESS ? TERMINAL_ID : null;
        TokenPresentment presented = card.phone().present(tokenId, amountMinor, currency, merchant.id(), terminal);
        return switch (scenario) {
            case CORRUPTED_CRYPTOGRAM -> confirm(scenario, merchant, intent, presented.withCorruptedCryptogram());
            case WRONG_DOMAIN -> confirm(scenario, merchant, intent, otherChannel(presented));
            case SUSPENDED_TOKEN -> whileSuspended(card, merchant, intent, presented);
            case ATC_REPLAY -> replay(merchant, intent, presented, amountMinor, currency);
            default -> settle(scenario, merchant, intent, presented, amountMinor);
        };
    }

    private PaymentOutcome settle(PaymentScenario scenario, SimMerchant merchant, ApiResult intent,
            TokenPresentment presented, long amountMinor) throws IOException {
        ApiResult confirmed = client.confirm(merchant.apiKey(), intent.id(), presented);
        if (!confirmed.ok()) return new PaymentOutcome(scenario, "confirm", confirmed);
        String key = merchant.apiKey();
        return switch (scenario) {
            case MANUAL_CAPTURE -> new PaymentOutcome(scenario, "capture", client.capture(key, intent.id(), amountMinor));
            case PARTIAL_CAPTURE -> new PaymentOutcome(scenario, "capture",
                    client.capture(key, intent.id(), half(amountMinor)));
            case VOID -> new PaymentOutcome(scenario, "cancel", client.cancel(key, intent.id()));
            case REFUND -> new PaymentOutcome(scenario, "refund", client.refund(key, intent.id(), half(amountMinor)));
            default -> new PaymentOutcome(scenario, "confirm", confirmed);
        };
    }

    private PaymentOutcome confirm(PaymentScenario scenario, SimMerchant merchant, ApiResult intent,
            TokenPresentment presented) throws IOException {
        return new PaymentOutcome(scenario, "confirm", client.confirm(merchant.apiKey(), intent.id(), presented));
    }

    /**
     * Confirms the first intent, then a second intent of the same amount with the very same presentment: its
     * cryptogram is right for the second intent too (same amount, currency, merchant and unpredictable number), so
     * only the ATC check can refuse it.
     */
    private PaymentOutcome replay(SimMerchant merchant, ApiResult intent, TokenPresentment presented,
            long amountMinor, Currency currency) throws IOException {
        ApiResult first = client.confirm(merchant.apiKey(), intent.id(), presented);
        if (!first.ok()) return new PaymentOutcome(PaymentScenario.ATC_REPLAY, "confirm", first);
        ApiResult second = client.createIntent(merchant.apiKey(), amountMinor, currency, CaptureMethod.AUTOMATIC);
        if (!second.ok() || second.id() == null) return new PaymentOutcome(PaymentScenario.ATC_REPLAY, "create", second);
        return new PaymentOutcome(PaymentScenario.ATC_REPLAY, "replay",
                client.confirm(merchant.apiKey(), second.id(), presented));
    }

    private PaymentOutcome whileSuspended(PhoneCard card, SimMerchant merchant, ApiResult intent,
            TokenPresentment presented) throws IOException {
        String walletKey = parties.walletProviderKey();
        String tokenId = card.token().tokenId();
        ApiResult suspended = client.suspend(walletKey, tokenId);
        if (!suspended.ok()) return new PaymentOutcome(PaymentScenario.SUSPENDED_TOKEN, "suspend", suspended);
        ApiResult confirmed = client.confirm(merchant.apiKey(), intent.id(), presented);
        ApiResult resumed = client.resume(walletKey, tokenId);
        if (!resumed.ok()) return new PaymentOutcome(PaymentScenario.SUSPENDED_TOKEN, "resume", resumed);
        return new PaymentOutcome(PaymentScenario.SUSPENDED_TOKEN, "confirm", confirmed);
    }

    /** The same presentment with the other channel's entry mode (and a terminal only in a shop). */
    static TokenPresentment otherChannel(TokenPresentment presented) {
        TokenDomain other = presented.entryMode() == TokenDomain.CONTACTLESS ? TokenDomain.IN_APP : TokenDomain.CONTACTLESS;
        return new TokenPresentment(presented.dpan(), presented.atc(), presented.cryptogram(),
                presented.unpredictableNumber(), other, other == TokenDomain.CONTACTLESS ? TERMINAL_ID : null);
    }

    /** Half of an amount, at least one minor unit. */
    static long half(long amountMinor) {
        return Math.max(1, amountMinor / 2);
    }
}
