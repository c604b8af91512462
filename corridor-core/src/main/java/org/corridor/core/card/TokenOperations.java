package org.corridor.core.card;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.corridor.core.Check;
import org.corridor.core.participant.Customer;
import org.corridor.core.participant.Participant;
import org.corridor.core.participant.ParticipantOperations;
import org.corridor.core.participant.ParticipantRole;
import org.corridor.core.state.Outcome;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.SwitchState;
import org.corridor.core.webhook.EventTypes;
import org.corridor.core.webhook.WebhookOperations;

/**
 * Commands on cards and device tokens, run on the writer thread: enrolment once the issuer verified the card, issuing
 * a token on a customer's balance, the lifecycle, and re-sealing PANs under a new key.
 */
public final class TokenOperations {
    /** In precedence order. */
    public enum EnrolResult { OK, NOT_A_WALLET_PROVIDER, ISSUER_NOT_FOUND, DPAN_TAKEN }

    /** In precedence order. */
    public enum BalanceTokenResult { OK, CUSTOMER_NOT_FOUND, CURRENCY_NOT_SUPPORTED, DPAN_TAKEN }

    /** In precedence order. */
    public enum LifecycleResult { OK, TOKEN_NOT_FOUND, TOKEN_UNEXPECTED_STATE }

    /** What a token requestor may do to its token, and from which states. */
    public enum LifecycleAction {
        SUSPEND(EnumSet.of(TokenStatus.ACTIVE), TokenStatus.SUSPENDED),
        RESUME(EnumSet.of(TokenStatus.SUSPENDED), TokenStatus.ACTIVE),
        DELETE(EnumSet.of(TokenStatus.ACTIVE, TokenStatus.SUSPENDED), TokenStatus.DELETED);

        private final Set<TokenStatus> from;
        private final TokenStatus to;

        LifecycleAction(Set<TokenStatus> from, TokenStatus to) {
            this.from = from;
            this.to = to;
        }
    }

    private TokenOperations() {}

    /**
     * Issues {@code token} for {@code card}. A card already known by its fingerprint is reused (its sealed PAN and
     * PAR stay): every token of one card shares its PAR.
     */
    public static Outcome<EnrolResult, DeviceToken> enrol(SwitchState state, Card card, DeviceToken token) {
        Optional<Participant> requestor = state.find(RecordKind.PARTICIPANT, token.ownerId(), Participant.class);
        if (requestor.isEmpty() || requestor.get().role() != ParticipantRole.WALLET_PROVIDER) {
            return Outcome.refused(EnrolResult.NOT_A_WALLET_PROVIDER);
        }
        Optional<Participant> issuer = state.find(RecordKind.PARTICIPANT, card.issuerId(), Participant.class);
        if (issuer.isEmpty() || issuer.get().role() != ParticipantRole.ISSUER) {
            return Outcome.refused(EnrolResult.ISSUER_NOT_FOUND);
        }
        if (state.findByKey(RecordKind.DEVICE_TOKEN, token.dpan(), DeviceToken.class).isPresent()) {
            return Outcome.refused(EnrolResult.DPAN_TAKEN);
        }
        Optional<Card> known = state.findByKey(RecordKind.CARD, card.fingerprint(), Card.class);
        Card kept = known.orElseGet(() -> card.stamped(state.now()));
        if (known.isPresent() && card.expiresAfter(kept)) {
            // A renewed card keeps its number and its PAR; the issuer just verified the later expiry, so keep that.
            kept = kept.withExpiry(card.expiryMonth(), card.expiryYear());
            state.put(RecordKind.CARD, kept.id(), kept);
        }
        if (known.isEmpty()) state.put(RecordKind.CARD, kept.id(), kept);
        DeviceToken issued = new DeviceToken(token.id(), token.ownerId(), kept.id(), kept.issuerId(), kept.network(),
                token.dpan(), kept.par(), token.deviceId(), token.domain(), TokenStatus.ACTIVE, token.sealedKey(), 0,
                kept.lastFour(), state.now());
        state.put(RecordKind.DEVICE_TOKEN, issued.id(), issued);
        WebhookOperations.emit(state, issued.ownerId(), EventTypes.TOKEN_CREATED, RecordKind.DEVICE_TOKEN, issued);
        return Outcome.of(EnrolResult.OK, issued);
    }

    /**
     * Issues {@code token} on its customer's balance in its currency, Corridor being the issuer: the customer must be
     * the requestor's own. The token's lifecycle is every token's.
     */
    public static Outcome<BalanceTokenResult, DeviceToken> issueOnBalance(SwitchState state, DeviceToken token) {
        Check.that(token.fundedByBalance(), "a balance token names its customer");
        Optional<Customer> customer = state.find(RecordKind.CUSTOMER, token.customerId(), Customer.class)
                .filter(c -> c.ownerId().equals(token.ownerId()));
        if (customer.isEmpty()) return Outcome.refused(BalanceTokenResult.CUSTOMER_NOT_FOUND);
        if (customer.get().account(token.currency()).isEmpty()) {
            return Outcome.refused(BalanceTokenResult.CURRENCY_NOT_SUPPORTED);
        }
        if (state.findByKey(RecordKind.DEVICE_TOKEN, token.dpan(), DeviceToken.class).isPresent()) {
            return Outcome.refused(BalanceTokenResult.DPAN_TAKEN);
        }
        DeviceToken issued = new DeviceToken(token.id(), token.ownerId(), "", ParticipantOperations.OPERATOR_ID,
                DeviceToken.BALANCE_NETWORK, token.dpan(), "", token.deviceId(), token.domain(), TokenStatus.ACTIVE,
                token.sealedKey(), 0, "", state.now(), token.customerId(), token.currency());
        state.put(RecordKind.DEVICE_TOKEN, issued.id(), issued);
        WebhookOperations.emit(state, issued.ownerId(), EventTypes.TOKEN_CREATED, RecordKind.DEVICE_TOKEN, issued);
        return Outcome.of(BalanceTokenResult.OK, issued);
    }

    /** Suspends, resumes or deletes the caller's token. */
    public static Outcome<LifecycleResult, DeviceToken> change(SwitchState state, String callerId, String tokenId,
            LifecycleAction action) {
        Optional<DeviceToken> found = state.find(RecordKind.DEVICE_TOKEN, tokenId, DeviceToken.class)
                .filter(t -> t.ownerId().equals(callerId));
        if (found.isEmpty()) return Outcome.refused(LifecycleResult.TOKEN_NOT_FOUND);
        if (!action.from.contains(found.get().status())) {
            return Outcome.of(LifecycleResult.TOKEN_UNEXPECTED_STATE, found.get());
        }
        DeviceToken changed = found.get().withStatus(action.to);
        state.put(RecordKind.DEVICE_TOKEN, changed.id(), changed);
        WebhookOperations.emit(state, changed.ownerId(), EventTypes.TOKEN_UPDATED, RecordKind.DEVICE_TOKEN, changed);
        return Outcome.of(LifecycleResult.OK, changed);
    }

    /**
     * Replaces a card's sealed PAN with {@code resealed} if it is still {@code previous}: a key rotation re-wraps
     * cards a batch at a time, and a card changed meanwhile is simply picked up again by the next pass.
     *
     * @return whether the card was re-sealed
     */
    public static boolean reseal(SwitchState state, String cardId, byte[] previous, byte[] resealed) {
        Optional<Card> card = state.find(RecordKind.CARD, cardId, Card.class);
        if (card.isEmpty() || !Arrays.equals(card.get().sealedPan(), previous)) return false;
        state.put(RecordKind.CARD, cardId, card.get().resealed(resealed));
        return true;
    }

    /** The same for a token's sealed cryptogram key. */
    public static boolean resealKey(SwitchState state, String tokenId, byte[] previous, byte[] resealed) {
        Optional<DeviceToken> token = state.find(RecordKind.DEVICE_TOKEN, tokenId, DeviceToken.class);
        if (token.isEmpty() || !Arrays.equals(token.get().sealedKey(), previous)) return false;
        state.put(RecordKind.DEVICE_TOKEN, tokenId, token.get().withSealedKey(resealed));
        return true;
    }
}
