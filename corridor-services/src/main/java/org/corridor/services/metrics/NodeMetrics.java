package org.corridor.services.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.corridor.core.payment.PaymentIntent;
import org.corridor.core.payment.PaymentIntentStatus;
import org.corridor.core.payment.PaymentMethod;
import org.corridor.core.port.PaymentIntentListener;
import org.corridor.store.writer.BatchObserver;

/**
 * The node's Prometheus registry and the meters fed from the writer, the committed objects and the API. Meters
 * are labelled by bounded sets only (rail, outcome, route template, status), never by an id or an amount.
 */
public final class NodeMetrics implements BatchObserver, PaymentIntentListener {
    /** The rails a payment goes over, as metric labels. */
    static final String RAIL_BALANCE = "customer_balance";
    static final String RAIL_CARD = "device_token";
    static final String RAIL_QR = "qr";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final DistributionSummary batchCommands = DistributionSummary.builder("corridor_writer_batch_commands")
            .description("Commands per durable writer batch").publishPercentileHistogram().register(registry);
    private final DistributionSummary batchEvents = DistributionSummary.builder("corridor_writer_batch_events")
            .description("Ledger accounts and transfers per durable writer batch").register(registry);
    private final Timer commits = Timer.builder("corridor_writer_commit").description("Durable commit of one batch")
            .publishPercentileHistogram().register(registry);

    /** Told on the writer thread after every durable batch. */
    @Override
    public void batchCommitted(int commands, int events, long commitNanos) {
        batchCommands.record(commands);
        batchEvents.record(events);
        commits.record(Duration.ofNanos(commitNanos));
    }

    /** Counters count from the node's start: the intents loaded at start are not counted again. */
    @Override
    public void restored(Collection<PaymentIntent> intents) {}

    /**
     * Counts a committed change of a payment intent: an approval (paid or reserved) when it first holds money, a
     * decline when it comes back with a payment error, a cancellation when it is canceled.
     */
    @Override
    public void committed(PaymentIntent before, PaymentIntent intent) {
        String outcome = outcome(before, intent);
        if (outcome == null) return;
        Counter.builder("corridor_payments").description("Payment outcomes by rail").tag("rail", rail(intent))
                .tag("outcome", outcome).register(registry).increment();
    }

    private static String outcome(PaymentIntent before, PaymentIntent intent) {
        PaymentIntentStatus was = before == null ? null : before.status();
        boolean holds = intent.status() == PaymentIntentStatus.SUCCEEDED
                || intent.status() == PaymentIntentStatus.REQUIRES_CAPTURE;
        boolean held = was == PaymentIntentStatus.SUCCEEDED || was == PaymentIntentStatus.REQUIRES_CAPTURE;
        if (holds && !held) return "approved";
        // Each failed try makes a new error object, so a second decline with the same code still counts.
        if (intent.lastPaymentError() != null && (before == null || before.lastPaymentError() != intent.lastPaymentError())) {
            return "declined";
        }
        if (intent.status() == PaymentIntentStatus.CANCELED && was != PaymentIntentStatus.CANCELED) return "canceled";
        return null;
    }

    private static String rail(PaymentIntent intent) {
        if (intent.metadata().containsKey("qr_code")) return RAIL_QR;
        return intent.paymentMethod() instanceof PaymentMethod.DeviceToken ? RAIL_CARD : RAIL_BALANCE;
    }

    /** Records one API request by its route template (never the raw path, which holds ids). */
    public void requestServed(String method, String route, int status, long nanos) {
        Timer.builder("corridor_http_requests").description("API requests by route and status")
                .tag("method", method).tag("route", route).tag("status", Integer.toString(status))
                .publishPercentileHistogram().register(registry).record(Duration.ofNanos(nanos));
    }

    /** A value read at every scrape, such as a queue's depth. */
    public <T> void gauge(String name, String description, T source, ToDoubleFunction<T> value) {
        Gauge.builder(name, source, value).description(description).register(registry);
    }

    /** A gauge with one label, read at every scrape. */
    public void gauge(String name, String description, String label, String labelValue, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).tag(label, labelValue).register(registry);
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        return registry.scrape();
    }
}
