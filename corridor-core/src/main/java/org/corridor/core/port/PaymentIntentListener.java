package org.corridor.core.port;

import java.util.Collection;
import org.corridor.core.payment.PaymentIntent;

/**
 * Told of payment intents once they are durable: every intent when the committed objects are (re)loaded, then each
 * change as its batch commits. Called on the writer thread: it must be quick and must not throw.
 */
public interface PaymentIntentListener {
    PaymentIntentListener NONE = new PaymentIntentListener() {
        @Override
        public void restored(Collection<PaymentIntent> intents) {}

        @Override
        public void committed(PaymentIntent before, PaymentIntent after) {}
    };

    /** The committed objects were (re)loaded from the store: these are all the intents; start over from them. */
    void restored(Collection<PaymentIntent> intents);

    /** A batch made this change durable; {@code before} is null for a new intent. */
    void committed(PaymentIntent before, PaymentIntent after);
}
