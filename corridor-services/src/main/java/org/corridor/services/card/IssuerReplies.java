package org.corridor.services.card;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.corridor.codec.iso8583.CardMessage;
import org.corridor.core.payment.CardPayments;
import org.corridor.gateway.issuer.IssuerLinkException;

/**
 * Waits for an issuer's answer. A request the link refused before writing any of it is answered "91" (issuer
 * unavailable) here: it never left, so there is nothing to reverse. Anything else without an answer (a timeout, the
 * link closing while the request waited) is "no answer": the issuer may have acted, so the request is reversed.
 */
final class IssuerReplies {
    /**
     * The longest wait for a future the issuer link completes: the link's own response timeout fires well before;
     * this only guards against a link that never completes.
     */
    static final long AWAIT_MS_MAX = 60_000;

    private IssuerReplies() {}

    /** DE39 the link answers for a request it never sent. */
    static final String NOT_SENT = "91";

    /** The issuer's DE39 and DE38, or null when the outcome is unknown. */
    static CardPayments.IssuerReply await(CompletableFuture<CardMessage> sent) {
        try {
            CardMessage answer = sent.get(AWAIT_MS_MAX, TimeUnit.MILLISECONDS);
            if (answer.responseCode() == null) return null;
            return new CardPayments.IssuerReply(answer.responseCode(),
                    answer.authorizationCode() == null ? "" : answer.authorizationCode());
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof IssuerLinkException refused
                    && refused.reason() != IssuerLinkException.Reason.LINK_CLOSED) {
                return new CardPayments.IssuerReply(NOT_SENT, "");
            }
            return null;
        } catch (TimeoutException noAnswer) {
            return null;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
