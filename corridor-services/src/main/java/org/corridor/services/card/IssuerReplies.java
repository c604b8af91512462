package org.corridor.services.card;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.corridor.codec.iso8583.CardMessage;
import org.corridor.core.payment.CardPayments;

/** Waits for an issuer's answer; anything but an answer (timeout, broken or missing link) is "no answer". */
final class IssuerReplies {
    /**
     * The longest wait for a future the issuer link completes: the link's own response timeout fires well before;
     * this only guards against a link that never completes.
     */
    static final long AWAIT_MS_MAX = 60_000;

    private IssuerReplies() {}

    /** The issuer's DE39 and DE38, or null when no answer came. */
    static CardPayments.IssuerReply await(CompletableFuture<CardMessage> sent) {
        try {
            CardMessage answer = sent.get(AWAIT_MS_MAX, TimeUnit.MILLISECONDS);
            if (answer.responseCode() == null) return null;
            return new CardPayments.IssuerReply(answer.responseCode(),
                    answer.authorizationCode() == null ? "" : answer.authorizationCode());
        } catch (ExecutionException | TimeoutException noAnswer) {
            return null;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
