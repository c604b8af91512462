package org.corridor.api.auth;

import io.javalin.http.Context;
import org.corridor.core.Check;
import org.corridor.core.participant.ParticipantRole;

/**
 * The authenticated participant a request acts for, and the key it used.
 *
 * @param participantId the participant
 * @param role its role
 * @param keyId the API key that authenticated the request
 */
public record Caller(String participantId, ParticipantRole role, String keyId) {
    private static final String ATTRIBUTE = "corridor.caller";

    public boolean isOperator() {
        return role == ParticipantRole.OPERATOR;
    }

    void attachTo(Context ctx) {
        ctx.attribute(ATTRIBUTE, this);
    }

    /** The caller of a request on a route that requires a key. */
    public static Caller of(Context ctx) {
        Caller caller = ctx.attribute(ATTRIBUTE);
        Check.that(caller != null, "a participant route runs only after authentication");
        return caller;
    }
}
