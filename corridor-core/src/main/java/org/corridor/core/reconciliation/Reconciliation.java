package org.corridor.core.reconciliation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.corridor.core.card.AuthorizationStatus;
import org.corridor.core.card.CardAuthorization;

/**
 * Matches Corridor's card authorizations with the issuers' records of the same period and lists every break. Both
 * sides are matched by retrieval reference: an authorization stands at the issuer when it was approved and not
 * reversed there, and at Corridor when it is approved (or awaiting the issuer's answer, which counts as not
 * standing: it is reversed unless answered). Authorizations still out ({@code SENT}) are left to the next run.
 */
public final class Reconciliation {
    /**
     * The outcome of one run.
     *
     * @param authorizations Corridor's authorizations compared
     * @param issuerRecords the issuers' records compared
     * @param matched authorizations both sides agree on
     * @param breaks every disagreement, most serious first
     */
    public record Report(int authorizations, int issuerRecords, int matched, List<ReconciliationBreak> breaks) {
        public Report {
            breaks = List.copyOf(breaks);
        }

        public boolean clean() {
            return breaks.isEmpty();
        }
    }

    /** What the issuer's records say of one authorization. */
    private static final class IssuerSide {
        final List<IssuerRecord> authorizations = new ArrayList<>();
        int reversals;

        boolean holds() {
            return approvals() > reversals;
        }

        long approvals() {
            return authorizations.stream().filter(IssuerRecord::approved).count();
        }

        String describe() {
            if (authorizations.isEmpty()) return reversals > 0 ? "a reversal of nothing it held" : "no record";
            IssuerRecord first = authorizations.getFirst();
            String answer = first.approved() ? "approved " + first.amountMinor() + " " + first.currency()
                    : "declined (" + first.responseCode() + ")";
            return answer + (reversals > 0 ? ", then reversed" : "");
        }
    }

    private Reconciliation() {}

    /**
     * Reconciles.
     *
     * @param corridor Corridor's authorizations of the period
     * @param issuers the issuers' records of the same period
     * @param duplicateReplies answers Corridor's issuer links received twice and dropped in the period (reported
     *     as one break: they moved no money, but an issuer that answers twice is worth a call)
     */
    public static Report run(List<CardAuthorization> corridor, List<IssuerRecord> issuers, long duplicateReplies) {
        Map<String, IssuerSide> byReference = new HashMap<>();
        for (IssuerRecord record : issuers) {
            // An account verification (an authorization of nothing, at enrolment) holds no money: nothing to match.
            if (record.kind() == IssuerRecord.Kind.AUTHORIZATION && record.amountMinor() == 0) continue;
            IssuerSide side = byReference.computeIfAbsent(record.retrievalReference(), reference -> new IssuerSide());
            switch (record.kind()) {
                case AUTHORIZATION -> side.authorizations.add(record);
                case REVERSAL -> side.reversals++;
                case REVERSAL_UNMATCHED -> { }
            }
        }
        List<ReconciliationBreak> breaks = new ArrayList<>();
        int matched = 0;
        int compared = 0;
        Map<String, CardAuthorization> known = new HashMap<>();
        for (CardAuthorization authorization : corridor) {
            known.put(authorization.retrievalReference(), authorization);
            if (authorization.status() == AuthorizationStatus.SENT) continue;
            compared++;
            IssuerSide side = byReference.getOrDefault(authorization.retrievalReference(), new IssuerSide());
            ReconciliationBreak found = compare(authorization, side);
            if (found == null) {
                matched++;
            } else {
                breaks.add(found);
            }
            if (side.authorizations.size() > 1) {
                breaks.add(new ReconciliationBreak(ReconciliationBreak.Kind.DUPLICATE_AT_ISSUER,
                        authorization.retrievalReference(), authorization.id(), authorization.issuerId(),
                        "one authorization", side.authorizations.size() + " authorizations with this reference",
                        "the request reached the issuer more than once and it did not recognise the repeat"));
            }
        }
        for (Map.Entry<String, IssuerSide> entry : byReference.entrySet()) {
            IssuerSide side = entry.getValue();
            if (known.containsKey(entry.getKey()) || !side.holds()) continue;
            IssuerRecord first = side.authorizations.getFirst();
            breaks.add(new ReconciliationBreak(ReconciliationBreak.Kind.UNKNOWN_TO_CORRIDOR, entry.getKey(), "",
                    first.issuerId(), "no authorization", side.describe(),
                    "an authorization Corridor did not send in this period, or whose record was lost"));
        }
        if (duplicateReplies > 0) {
            breaks.add(new ReconciliationBreak(ReconciliationBreak.Kind.DUPLICATE_REPLY, "", "", "",
                    duplicateReplies + " duplicate answers dropped", "answered twice",
                    "the issuer (or the network) sent the same answer twice; the first one was used"));
        }
        breaks.sort(Comparator.comparing(ReconciliationBreak::kind).thenComparing(ReconciliationBreak::retrievalReference));
        return new Report(compared, issuers.size(), matched, breaks);
    }

    /** The break one authorization makes, or null when both sides agree. */
    private static ReconciliationBreak compare(CardAuthorization authorization, IssuerSide side) {
        boolean corridorHolds = authorization.status() == AuthorizationStatus.APPROVED;
        String corridorShows = authorization.status().name().toLowerCase(java.util.Locale.ROOT) + " "
                + authorization.amountMinor() + " " + authorization.currency();
        if (corridorHolds && side.holds()) {
            IssuerRecord approved = side.authorizations.stream().filter(IssuerRecord::approved).findFirst().orElseThrow();
            if (approved.amountMinor() == authorization.amountMinor()
                    && approved.currency().equals(authorization.currency())) {
                return null;
            }
            return breakOf(ReconciliationBreak.Kind.AMOUNT_MISMATCH, authorization, corridorShows, side,
                    "the amounts or currencies differ");
        }
        if (corridorHolds) {
            return breakOf(ReconciliationBreak.Kind.CORRIDOR_APPROVED_ISSUER_DID_NOT, authorization, corridorShows, side,
                    side.authorizations.isEmpty() ? "the issuer has no record of the request"
                            : "the issuer released or declined what Corridor counts as approved");
        }
        if (side.holds()) {
            String cause = authorization.status() == AuthorizationStatus.REVERSAL_PENDING
                    ? "Corridor's reversal has not reached the issuer yet (it is repeated until acknowledged)"
                    : authorization.status() == AuthorizationStatus.REVERSED
                            ? "the issuer acknowledged a reversal but still holds the funds"
                            : "the issuer approved what Corridor recorded as declined";
            return breakOf(ReconciliationBreak.Kind.ISSUER_HOLDS_FUNDS_CORRIDOR_RELEASED, authorization, corridorShows,
                    side, cause);
        }
        if (authorization.status() == AuthorizationStatus.REVERSAL_PENDING && side.reversals > 0) {
            return breakOf(ReconciliationBreak.Kind.REVERSAL_UNACKNOWLEDGED, authorization, corridorShows, side,
                    "the reversal's acknowledgement was lost; Corridor repeats it and the issuer will answer it as done");
        }
        return null;
    }

    private static ReconciliationBreak breakOf(ReconciliationBreak.Kind kind, CardAuthorization authorization,
            String corridorShows, IssuerSide side, String cause) {
        return new ReconciliationBreak(kind, authorization.retrievalReference(), authorization.id(),
                authorization.issuerId(), corridorShows, side.describe(), cause);
    }
}
