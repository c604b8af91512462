package org.corridor.dashboard;

import java.util.Map;
import org.corridor.core.card.TokenDomain;
import org.corridor.core.payment.CaptureMethod;
import org.corridor.core.payment.PaymentError;
import org.corridor.core.payment.PaymentIntent;
import org.corridor.core.payment.PaymentMethod;

/** Payment intents for the dashboard's tests, made the way the state machines make them. */
final class Intents {
    static final PaymentMethod BALANCE = new PaymentMethod.CustomerBalance("cus_1");
    static final PaymentMethod TOKEN = new PaymentMethod.DeviceToken("tok_1", "visa", "4242", TokenDomain.CONTACTLESS,
            "auth_1");

    private Intents() {}

    static PaymentIntent created(String id, String merchant, long createdAt) {
        return created(id, merchant, createdAt, Map.of());
    }

    static PaymentIntent created(String id, String merchant, long createdAt, Map<String, String> metadata) {
        return PaymentIntent.create(id, merchant, 1_000, "USD", CaptureMethod.AUTOMATIC, "", metadata, "secret", null,
                createdAt);
    }

    static PaymentIntent declined(PaymentIntent intent, PaymentMethod method) {
        return intent.failed(method, new PaymentError("insufficient_funds", "too low"));
    }
}
