package org.corridor.gateway.issuer;

import org.corridor.codec.iso8583.CardMessage;
import org.corridor.codec.iso8583.Mti;
import org.corridor.core.Check;

/**
 * What pairs a response with its request: the request's message type (the class, so 0110 matches 0100),
 * DE11 STAN and DE41 terminal id. The terminal id may be absent, as on network management messages.
 */
record MatchKey(Mti requestType, int stan, String terminalId) {

    MatchKey {
        Check.that(requestType.isRequest(), "a match key names the request's message type");
    }

    /** The key of a request that is about to be sent; the caller has checked it carries a STAN. */
    static MatchKey ofRequest(CardMessage request) {
        Check.that(request.mti().isRequest(), "only requests are sent and matched: " + request.mti());
        Check.that(request.stan() != null, "a request must carry DE11 STAN to be matched");
        return new MatchKey(request.mti(), request.stan(), request.terminalId());
    }

    /** The key of the request this response answers, or {@code null} when it cannot answer any request. */
    static MatchKey ofResponse(CardMessage response) {
        if (response.mti().isRequest() || response.stan() == null) return null;
        Mti requestType = Mti.of(response.mti().code() - 0x10).orElse(null);
        if (requestType == null) return null;
        return new MatchKey(requestType, response.stan(), response.terminalId());
    }

    @Override
    public String toString() {
        return requestType.digits() + " STAN " + stan + (terminalId == null ? "" : " terminal " + terminalId);
    }
}
