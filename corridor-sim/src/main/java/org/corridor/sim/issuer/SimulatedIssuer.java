package org.corridor.sim.issuer;

import java.time.Instant;
import java.time.InstantSource;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.corridor.codec.card.Luhn;
import org.corridor.codec.iso8583.CardMessage;
import org.corridor.codec.iso8583.Mti;
import org.corridor.core.Check;

/**
 * Answers one ISO 8583 request on behalf of the simulated banks: no sockets, no delays, no faults here.
 *
 * <p>Authorizations (0100) hold funds, purchases (0200) debit them, each after the checks of
 * {@link IssuerResponse} in their order. A reversal (0400) finds its original by DE37 (or, without one, by DE11 STAN and DE41 terminal),
 * releases the hold or credits the purchase back once, and is answered 0410 "00" even when the original is
 * unknown, so an acquirer repeating it can stop. A request repeated with the same terminal, STAN, type, card
 * and amount gets its first answer again without moving funds twice. An echo (0800) gets 0810 "00".
 */
public final class SimulatedIssuer {
    /** How many originals (per terminal and STAN) are remembered for reversals and repeats. */
    public static final int ORIGINALS_MAX = 200_000;

    private final SimulatedBanks banks;
    private final BankActivity activity;
    private final InstantSource clock;
    private final AtomicLong retrievalReferences = new AtomicLong();
    private final Map<String, Original> originals = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Original> eldest) {
            return size() > ORIGINALS_MAX;
        }
    };

    /**
     * @param clock decides which cards have expired (DE14 against the current month, in UTC)
     */
    public SimulatedIssuer(SimulatedBanks banks, BankActivity activity, InstantSource clock) {
        this.banks = Objects.requireNonNull(banks, "banks");
        this.activity = Objects.requireNonNull(activity, "activity");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The answer to {@code request}, which must be a request type. */
    public CardMessage answer(CardMessage request) {
        Check.that(request.mti().isRequest(), "the simulator answers requests only");
        return switch (request.mti()) {
            case AUTHORIZATION_REQUEST, PURCHASE_REQUEST -> authorizeOrPurchase(request);
            case REVERSAL_REQUEST -> reverse(request);
            case NETWORK_MANAGEMENT_REQUEST -> respond(request, "00", null);
            default -> throw new IllegalStateException("not a request type: " + request.mti());
        };
    }

    private CardMessage authorizeOrPurchase(CardMessage request) {
        boolean purchase = request.mti() == Mti.PURCHASE_REQUEST;
        String key = originalKey(request);
        synchronized (originals) {
            Original earlier = key == null ? null : originals.get(key);
            if (earlier != null && earlier.sameRequest(request)) return earlier.answer;
        }
        Optional<SimulatedBank> bank = routable(request.pan()) ? banks.issuerOf(request.pan()) : Optional.empty();
        IssuerResponse decision = decide(request, bank, purchase);
        String authorizationCode = decision == IssuerResponse.APPROVED ? authorizationCode(request) : null;
        CardMessage answer = respond(request, decision.code(), authorizationCode);
        if (bank.isEmpty()) {
            activity.recordUnrouted();
            return answer;
        }
        activity.record(bank.get().id(), new ActivityEntry(
                purchase ? ActivityKind.PURCHASE : ActivityKind.AUTHORIZATION, Pans.mask(request.pan()),
                request.stan() == null ? -1 : request.stan(), request.terminalId(),
                request.amountMinor() == null ? 0 : request.amountMinor(), request.currency(), decision.code(),
                reference(request), now()));
        if (key != null) {
            synchronized (originals) {
                originals.put(key, new Original(request, bank.get().id(), decision == IssuerResponse.APPROVED, answer));
            }
        }
        return answer;
    }

    /** Runs the checks in {@link IssuerResponse} order and moves funds on approval. */
    private IssuerResponse decide(CardMessage request, Optional<SimulatedBank> issuer, boolean purchase) {
        if (request.amountMinor() == null || request.stan() == null || request.currency() == null) {
            return IssuerResponse.FORMAT_ERROR;
        }
        if (issuer.isEmpty()) return IssuerResponse.INVALID_CARD;
        SimulatedBank bank = issuer.get();
        if (banks.isDown(bank.id())) return IssuerResponse.ISSUER_UNAVAILABLE;
        if (request.expiry() != null && expired(request.expiry())) return IssuerResponse.EXPIRED_CARD;
        if (!request.currency().equals(bank.currency())) return IssuerResponse.NOT_PERMITTED;
        long amountMinor = request.amountMinor();
        if (amountMinor > bank.transactionLimitMinor()) return IssuerResponse.EXCEEDS_LIMIT;
        if (declinedByRule(request, bank)) return IssuerResponse.DO_NOT_HONOUR;
        CardholderAccount account = banks.account(request.pan());
        boolean moved = purchase ? account.debit(amountMinor) : account.hold(amountMinor);
        return moved ? IssuerResponse.APPROVED : IssuerResponse.INSUFFICIENT_FUNDS;
    }

    private CardMessage reverse(CardMessage request) {
        String key = originalKey(request);
        Original original;
        boolean matched = false;
        synchronized (originals) {
            original = key == null ? null : originals.get(key);
            if (original != null && original.approved && !original.reversed) {
                original.reversed = true;
                matched = true;
            }
        }
        if (matched) {
            CardholderAccount account = banks.account(original.pan);
            if (original.purchase) account.credit(original.amountMinor);
            else account.release(original.amountMinor);
        }
        String bankId = original != null ? original.bankId
                : routable(request.pan()) ? banks.issuerOf(request.pan()).map(SimulatedBank::id).orElse(null) : null;
        if (bankId == null) {
            activity.recordUnrouted();
        } else {
            long amountMinor = matched ? original.amountMinor : request.amountMinor() == null ? 0 : request.amountMinor();
            Currency currency = matched ? original.currency : request.currency();
            String pan = original != null ? original.pan : request.pan();
            activity.record(bankId, new ActivityEntry(
                    matched ? ActivityKind.REVERSAL : ActivityKind.REVERSAL_UNMATCHED, Pans.mask(pan),
                    request.stan() == null ? -1 : request.stan(), request.terminalId(), amountMinor, currency, "00",
                    reference(request), now()));
        }
        return respond(request, "00", null);
    }

    private boolean expired(String expiry) {
        int year = 2000 + Integer.parseInt(expiry.substring(0, 2));
        int month = Integer.parseInt(expiry.substring(2));
        // A month that does not exist cannot be honoured: treated like an expired card.
        if (month < 1 || month > 12) return true;
        return YearMonth.of(year, month).isBefore(YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)));
    }

    private boolean declinedByRule(CardMessage request, SimulatedBank bank) {
        if (bank.declinePerMille() == 0) return false;
        long draw = Pans.mix(banks.seed(), request.pan() + "/" + request.stan() + "/" + request.terminalId());
        return Math.floorMod(draw, 1000) < bank.declinePerMille();
    }

    private String authorizationCode(CardMessage request) {
        long draw = Pans.mix(banks.seed() ^ 0x5A5A5A5AL, request.pan() + "/" + request.stan() + "/" + request.terminalId());
        return String.format("%06d", Math.floorMod(draw, 1_000_000));
    }

    private CardMessage respond(CardMessage request, String responseCode, String authorizationCode) {
        CardMessage.Builder answer = CardMessage.builder(request.mti().response()).responseCode(responseCode);
        if (request.processingCode() != null) answer.processingCode(request.processingCode());
        if (request.amountMinor() != null) answer.amountMinor(request.amountMinor());
        if (request.transmissionDateTime() != null) answer.transmissionDateTime(request.transmissionDateTime());
        if (request.stan() != null) answer.stan(request.stan());
        if (request.terminalId() != null) answer.terminalId(request.terminalId());
        if (request.merchantId() != null) answer.merchantId(request.merchantId());
        if (request.currency() != null) answer.currency(request.currency());
        if (request.networkManagementCode() != null) answer.networkManagementCode(request.networkManagementCode());
        if (authorizationCode != null) answer.authorizationCode(authorizationCode);
        if (request.mti() != Mti.NETWORK_MANAGEMENT_REQUEST) {
            answer.retrievalReferenceNumber(request.retrievalReferenceNumber() != null
                    ? request.retrievalReferenceNumber()
                    : String.format("%012d", retrievalReferences.incrementAndGet() % 1_000_000_000_000L));
        }
        return answer.build();
    }

    private static boolean routable(String pan) {
        return pan != null && Luhn.isValidPan(pan);
    }

    /** DE37 when the request carries one, else terminal and STAN: the reversal's way back to its original. */
    private static String reference(CardMessage request) {
        return request.retrievalReferenceNumber() == null ? "" : request.retrievalReferenceNumber();
    }

    private long now() {
        Instant at = clock.instant();
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
    }

    private static String originalKey(CardMessage request) {
        // The retrieval reference number names one original for good; terminal and trace number repeat in time.
        if (request.retrievalReferenceNumber() != null) return "rrn/" + request.retrievalReferenceNumber();
        return request.stan() == null ? null : request.terminalId() + "/" + request.stan();
    }

    /** An authorization or purchase the bank answered, kept for reversals and repeats. */
    private static final class Original {
        final String pan;
        final String bankId;
        final boolean purchase;
        final long amountMinor;
        final Currency currency;
        final boolean approved;
        final CardMessage answer;
        boolean reversed;

        Original(CardMessage request, String bankId, boolean approved, CardMessage answer) {
            this.pan = request.pan();
            this.bankId = bankId;
            this.purchase = request.mti() == Mti.PURCHASE_REQUEST;
            this.amountMinor = request.amountMinor() == null ? 0 : request.amountMinor();
            this.currency = request.currency();
            this.approved = approved;
            this.answer = answer;
        }

        boolean sameRequest(CardMessage request) {
            return purchase == (request.mti() == Mti.PURCHASE_REQUEST)
                    && !reversed
                    && Objects.equals(pan, request.pan())
                    && request.amountMinor() != null && amountMinor == request.amountMinor()
                    && Objects.equals(currency, request.currency());
        }

        @Override
        public String toString() {
            return "Original[" + Pans.mask(pan) + ", " + bankId + "]";
        }
    }
}
