package org.corridor.gateway.issuer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.corridor.codec.iso8583.CardMessage;
import org.corridor.codec.iso8583.IsoFormatException;
import org.corridor.codec.iso8583.IsoMessages;
import org.corridor.codec.iso8583.LengthPrefixFraming;
import org.corridor.codec.iso8583.Mti;
import org.corridor.core.Check;

/**
 * One TCP connection to an issuing bank or a card network, carrying many requests at once.
 *
 * <p>{@link #send} writes a request (any thread may call it; writes are serialised) and returns a future
 * that the link's reader completes with the response whose message type class, DE11 STAN and DE41 terminal
 * id match the request's. Every request has its own response timeout, after which the future fails with
 * {@link IssuerTimeoutException} and the caller must reverse. Futures are completed on virtual threads, never
 * on the reader's, so slow callbacks cannot stall the link.
 *
 * <p>What arrives is hostile. A well-formed message that answers nothing waiting (an unknown key, a duplicate,
 * a reply after its timeout) is counted and dropped, and the connection stays. A frame that cannot be
 * framed or decoded is counted, and the connection is closed and opened again, because after it the byte
 * stream can no longer be trusted. Requests still waiting when a connection drops keep waiting: their answer
 * may come on the next connection, and otherwise their timeout fires as usual.
 *
 * <p>When nothing has been received for {@link IssuerLinkSettings#echoIntervalMs()}, the link sends an echo
 * test (0800, DE70 301). If the echo is not answered within {@link IssuerLinkSettings#echoResponseTimeoutMs()},
 * the link is marked {@link LinkState#DOWN} and the connection is closed and opened again, after a back-off
 * that doubles from {@link IssuerLinkSettings#reconnectBackoffInitialMs()} up to
 * {@link IssuerLinkSettings#reconnectBackoffMaxMs()}. The echo is also what bounds a read that would
 * otherwise block forever, and closing the socket is what unblocks a write stuck on a peer that stopped
 * reading.
 *
 * <p>Threads: one virtual thread connects and reads, one platform timer thread runs timeouts and echoes, and
 * completions run on virtual threads. Call {@link #start()} once, and {@link #close()} when done.
 */
public final class IssuerLink implements AutoCloseable {

    /** How long one TCP connection attempt may take. */
    public static final long CONNECT_TIMEOUT_MS = 5_000;
    /** How long a request waits for its answer; card networks stand in for an issuer after about this long. */
    public static final long RESPONSE_TIMEOUT_MS = 15_000;
    /** How long a connection may stay silent before an echo test is sent. */
    public static final long ECHO_INTERVAL_MS = 60_000;
    /** How long an echo test waits for its answer before the link is marked down. */
    public static final long ECHO_RESPONSE_TIMEOUT_MS = 10_000;
    /** The first pause before reconnecting. */
    public static final long RECONNECT_BACKOFF_INITIAL_MS = 250;
    /** The longest pause before reconnecting. */
    public static final long RECONNECT_BACKOFF_MAX_MS = 30_000;
    /** The most requests that may wait for answers at once on one link. */
    public static final int REQUESTS_IN_FLIGHT_MAX = 1_024;
    /** How many answered or timed-out keys are remembered, to tell duplicates and late replies apart. */
    public static final int COMPLETED_KEYS_REMEMBERED_MAX = 4 * REQUESTS_IN_FLIGHT_MAX;
    /** How long {@link #close()} waits for the connection thread to finish. */
    public static final long CLOSE_TIMEOUT_MS = 5_000;

    private static final DateTimeFormatter TRANSMISSION_DATE_TIME =
            DateTimeFormatter.ofPattern("MMddHHmmss").withZone(ZoneOffset.UTC);

    private final InetSocketAddress issuer;
    private final IssuerLinkSettings settings;
    private final InstantSource clock;
    private final Consumer<LinkState> stateListener;
    private final IsoMessages codec = new IsoMessages();

    private final ConcurrentHashMap<MatchKey, Pending> pending = new ConcurrentHashMap<>();
    private final Semaphore inFlight;
    private final CompletedKeys completedKeys = new CompletedKeys(COMPLETED_KEYS_REMEMBERED_MAX);
    private final AtomicReference<LinkState> state = new AtomicReference<>(LinkState.DOWN);
    private final AtomicReference<Connection> connection = new AtomicReference<>();
    private final AtomicReference<Echo> echo = new AtomicReference<>();
    private final AtomicInteger echoStan = new AtomicInteger();
    private volatile long lastReceivedNanos = System.nanoTime();

    private final ScheduledThreadPoolExecutor timer;
    private final ExecutorService completions = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicReference<Thread> connectionThread = new AtomicReference<>();
    private volatile boolean closed;

    private final AtomicLong connectionsOpened = new AtomicLong();
    private final AtomicLong repliesMatched = new AtomicLong();
    private final AtomicLong duplicateReplies = new AtomicLong();
    private final AtomicLong lateReplies = new AtomicLong();
    private final AtomicLong unmatchedMessages = new AtomicLong();
    private final AtomicLong garbageFrames = new AtomicLong();
    private final AtomicLong timeouts = new AtomicLong();
    private final AtomicLong echoesSent = new AtomicLong();
    private final AtomicLong echoesAnswered = new AtomicLong();
    private final AtomicLong echoesMissed = new AtomicLong();

    /**
     * A link that is not yet started.
     *
     * @param issuer the issuer's host and port; resolved at each connection attempt
     * @param settings timeouts and bounds, {@link IssuerLinkSettings#defaults()} in production
     * @param clock used only for the echo's DE7 transmission date and time
     * @param stateListener told of every state change, on the thread that made it; must return quickly
     */
    public IssuerLink(InetSocketAddress issuer, IssuerLinkSettings settings, InstantSource clock,
            Consumer<LinkState> stateListener) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.stateListener = Objects.requireNonNull(stateListener, "stateListener");
        this.inFlight = new Semaphore(settings.requestsInFlightMax());
        this.timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "issuer-link-timer " + issuer);
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
    }

    /** Starts connecting in the background; the link turns {@link LinkState#UP} once connected. */
    public void start() {
        Check.that(!closed, "a closed link cannot be started");
        Thread thread = Thread.ofVirtual().name("issuer-link " + issuer).unstarted(this::runConnections);
        Check.that(connectionThread.compareAndSet(null, thread), "the link was already started");
        thread.start();
        long checkPeriodMs = Math.max(1, Math.min(settings.echoIntervalMs(), settings.echoResponseTimeoutMs()) / 4);
        timer.scheduleWithFixedDelay(this::checkEcho, checkPeriodMs, checkPeriodMs, TimeUnit.MILLISECONDS);
    }

    /** Where the link connects to. */
    public InetSocketAddress address() {
        return issuer;
    }

    /** The link's state now. */
    public LinkState state() {
        return state.get();
    }

    /** How many requests wait for answers now. */
    public int requestsInFlight() {
        return pending.size();
    }

    /** The counters so far. */
    public IssuerLinkCounters counters() {
        return new IssuerLinkCounters(connectionsOpened.get(), repliesMatched.get(), duplicateReplies.get(),
                lateReplies.get(), unmatchedMessages.get(), garbageFrames.get(), timeouts.get(), echoesSent.get(),
                echoesAnswered.get(), echoesMissed.get());
    }

    /**
     * Sends a request and returns a future of its response. The future fails with
     * {@link IssuerTimeoutException} when no answer comes in time (reverse the request), or with
     * {@link IssuerLinkException} when the link refused the request without writing it, or was closed.
     *
     * @param request a request type (0100, 0200, 0400, 0800) carrying DE11 STAN; its DE41 terminal id, if any,
     *     is part of the matching key
     */
    public CompletableFuture<CardMessage> send(CardMessage request) {
        MatchKey key = MatchKey.ofRequest(request);
        byte[] frame = LengthPrefixFraming.frame(codec.encode(request));
        if (closed) return refused(IssuerLinkException.Reason.LINK_CLOSED, key);
        Connection current = connection.get();
        if (state.get() != LinkState.UP || current == null) return refused(IssuerLinkException.Reason.LINK_NOT_UP, key);
        if (!inFlight.tryAcquire()) return refused(IssuerLinkException.Reason.REQUESTS_IN_FLIGHT_FULL, key);
        Pending waiting = new Pending(key, new CompletableFuture<>());
        if (pending.putIfAbsent(key, waiting) != null) {
            inFlight.release();
            return refused(IssuerLinkException.Reason.REQUEST_ALREADY_IN_FLIGHT, key);
        }
        completedKeys.forget(key);
        try {
            waiting.timeout = timer.schedule(() -> expire(waiting), settings.responseTimeoutMs(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closedMeanwhile) {
            finish(waiting, null);
            return refused(IssuerLinkException.Reason.LINK_CLOSED, key);
        }
        if (closed) {
            // close() may have drained the map before this request entered it.
            if (finish(waiting, null)) return refused(IssuerLinkException.Reason.LINK_CLOSED, key);
            return waiting.future;
        }
        try {
            current.write(frame);
        } catch (IOException broken) {
            // Part of the request may have left, so its outcome is unknown: it waits for its timeout like any
            // other. Closing the socket makes the reader notice and reconnect.
            current.close();
        }
        return waiting.future;
    }

    /**
     * Stops the link: closes the connection, stops its threads and fails every waiting request with
     * {@link IssuerLinkException.Reason#LINK_CLOSED} (their outcome is unknown; the caller reverses them).
     */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        closing.countDown();
        Connection current = connection.get();
        if (current != null) current.close();
        Thread thread = connectionThread.get();
        if (thread != null) {
            try {
                thread.join(CLOSE_TIMEOUT_MS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        timer.shutdownNow();
        for (Pending waiting : pending.values()) {
            if (finish(waiting, null)) {
                waiting.future.completeExceptionally(new IssuerLinkException(
                        IssuerLinkException.Reason.LINK_CLOSED, "link closed while " + waiting.key + " waited"));
            }
        }
        completions.shutdown();
        setState(LinkState.DOWN);
    }

    private void runConnections() {
        long backoffMs = settings.reconnectBackoffInitialMs();
        while (!closed) {
            setState(LinkState.CONNECTING);
            Socket socket = new Socket();
            try {
                socket.connect(issuer, (int) settings.connectTimeoutMs());
                socket.setTcpNoDelay(true);
            } catch (IOException unreachable) {
                closeQuietly(socket);
                setState(LinkState.DOWN);
                pause(backoffMs);
                backoffMs = Math.min(2 * backoffMs, settings.reconnectBackoffMaxMs());
                continue;
            }
            backoffMs = settings.reconnectBackoffInitialMs();
            Connection current;
            try {
                current = new Connection(socket);
            } catch (IOException broken) {
                closeQuietly(socket);
                setState(LinkState.DOWN);
                pause(backoffMs);
                continue;
            }
            connectionsOpened.incrementAndGet();
            lastReceivedNanos = System.nanoTime();
            echo.set(null);
            connection.set(current);
            if (closed) {
                current.close();
            } else {
                setState(LinkState.UP);
                read(current);
            }
            connection.compareAndSet(current, null);
            current.close();
            echo.set(null);
            setState(LinkState.DOWN);
            pause(backoffMs);
        }
    }

    /** Reads and dispatches frames until the connection breaks or turns out to carry garbage. */
    private void read(Connection current) {
        FrameReader frames = new FrameReader(current.input());
        while (!closed) {
            CardMessage message;
            try {
                message = codec.decode(frames.next());
            } catch (IsoFormatException garbage) {
                garbageFrames.incrementAndGet();
                return;
            } catch (IOException broken) {
                return;
            }
            lastReceivedNanos = System.nanoTime();
            dispatch(message, current);
        }
    }

    private void dispatch(CardMessage message, Connection current) {
        if (isEchoRequest(message)) {
            answerEcho(message, current);
            return;
        }
        MatchKey key = MatchKey.ofResponse(message);
        Pending waiting = key == null ? null : pending.get(key);
        if (waiting != null && finish(waiting, CompletedKeys.Outcome.ANSWERED)) {
            repliesMatched.incrementAndGet();
            complete(waiting.future, message);
            return;
        }
        // Checked after the callers' requests, so that a caller's own 0800 sharing the echo's STAN still gets
        // its answer; each of the two then takes one of the two replies.
        Echo waitingEcho = echo.get();
        if (waitingEcho != null && message.mti() == Mti.NETWORK_MANAGEMENT_RESPONSE
                && Objects.equals(message.stan(), waitingEcho.stan()) && echo.compareAndSet(waitingEcho, null)) {
            echoesAnswered.incrementAndGet();
            return;
        }
        if (key == null) {
            unmatchedMessages.incrementAndGet();
            return;
        }
        CompletedKeys.Outcome earlier = completedKeys.outcome(key);
        if (earlier == CompletedKeys.Outcome.ANSWERED) {
            duplicateReplies.incrementAndGet();
        } else if (earlier == CompletedKeys.Outcome.TIMED_OUT) {
            lateReplies.incrementAndGet();
        } else {
            unmatchedMessages.incrementAndGet();
        }
    }

    private static boolean isEchoRequest(CardMessage message) {
        return message.mti() == Mti.NETWORK_MANAGEMENT_REQUEST
                && CardMessage.NETWORK_MANAGEMENT_ECHO.equals(message.networkManagementCode());
    }

    /** Answers the issuer's own echo test, so that its side of the link stays up too. */
    private void answerEcho(CardMessage request, Connection current) {
        CardMessage.Builder answer = CardMessage.builder(Mti.NETWORK_MANAGEMENT_RESPONSE)
                .networkManagementCode(CardMessage.NETWORK_MANAGEMENT_ECHO)
                .responseCode("00");
        if (request.transmissionDateTime() != null) answer.transmissionDateTime(request.transmissionDateTime());
        if (request.stan() != null) answer.stan(request.stan());
        if (request.terminalId() != null) answer.terminalId(request.terminalId());
        try {
            current.write(LengthPrefixFraming.frame(codec.encode(answer.build())));
        } catch (IOException broken) {
            current.close();
        }
    }

    /** Runs on the timer: sends an echo on an idle connection, and drops the connection if one went unanswered. */
    private void checkEcho() {
        Connection current = connection.get();
        if (closed || current == null || state.get() != LinkState.UP) return;
        long now = System.nanoTime();
        Echo waitingEcho = echo.get();
        if (waitingEcho != null) {
            if (now - waitingEcho.sentNanos() >= TimeUnit.MILLISECONDS.toNanos(settings.echoResponseTimeoutMs())
                    && echo.compareAndSet(waitingEcho, null)) {
                echoesMissed.incrementAndGet();
                setState(LinkState.DOWN);
                current.close();
            }
            return;
        }
        if (now - lastReceivedNanos < TimeUnit.MILLISECONDS.toNanos(settings.echoIntervalMs())) return;
        int stan = echoStan.getAndUpdate(previous -> previous >= CardMessage.STAN_MAX ? 0 : previous + 1);
        CardMessage request = CardMessage.builder(Mti.NETWORK_MANAGEMENT_REQUEST)
                .transmissionDateTime(TRANSMISSION_DATE_TIME.format(clock.instant()))
                .stan(stan)
                .networkManagementCode(CardMessage.NETWORK_MANAGEMENT_ECHO)
                .build();
        echo.set(new Echo(stan, now));
        echoesSent.incrementAndGet();
        try {
            current.write(LengthPrefixFraming.frame(codec.encode(request)));
        } catch (IOException broken) {
            current.close();
        }
    }

    private void expire(Pending waiting) {
        if (!finish(waiting, CompletedKeys.Outcome.TIMED_OUT)) return;
        timeouts.incrementAndGet();
        IssuerTimeoutException timeout = new IssuerTimeoutException(
                "no answer to " + waiting.key + " within " + settings.responseTimeoutMs() + " ms");
        try {
            completions.execute(() -> waiting.future.completeExceptionally(timeout));
        } catch (RejectedExecutionException closedMeanwhile) {
            waiting.future.completeExceptionally(timeout);
        }
    }

    /**
     * Removes a waiting request, once: whoever removes it (reader, timer or close) completes its future.
     *
     * @param outcome what to remember of the key, or {@code null} to remember nothing
     */
    private boolean finish(Pending waiting, CompletedKeys.Outcome outcome) {
        if (!pending.remove(waiting.key, waiting)) return false;
        inFlight.release();
        ScheduledFuture<?> timeout = waiting.timeout;
        if (timeout != null) timeout.cancel(false);
        if (outcome != null) completedKeys.remember(waiting.key, outcome);
        return true;
    }

    private void complete(CompletableFuture<CardMessage> future, CardMessage response) {
        try {
            completions.execute(() -> future.complete(response));
        } catch (RejectedExecutionException closedMeanwhile) {
            future.complete(response);
        }
    }

    private static CompletableFuture<CardMessage> refused(IssuerLinkException.Reason reason, MatchKey key) {
        return CompletableFuture.failedFuture(new IssuerLinkException(reason, reason + ": " + key));
    }

    private void setState(LinkState next) {
        if (state.getAndSet(next) != next) stateListener.accept(next);
    }

    private void pause(long ms) {
        try {
            closing.await(ms, TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Nothing more can be done with a socket that fails to close.
        }
    }

    /** A request waiting for its answer. The timeout is set once, right after the request enters the map. */
    private static final class Pending {
        final MatchKey key;
        final CompletableFuture<CardMessage> future;
        volatile ScheduledFuture<?> timeout;

        Pending(MatchKey key, CompletableFuture<CardMessage> future) {
            this.key = key;
            this.future = future;
        }
    }

    /** The echo test waiting for its answer, if any. */
    private record Echo(int stan, long sentNanos) {}

    /** One open socket; writes are serialised so that frames never interleave. */
    private static final class Connection {
        private final Socket socket;
        private final InputStream input;
        private final OutputStream output;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.input = socket.getInputStream();
            this.output = socket.getOutputStream();
        }

        InputStream input() {
            return input;
        }

        void write(byte[] frame) throws IOException {
            synchronized (this) {
                output.write(frame);
                output.flush();
            }
        }

        void close() {
            closeQuietly(socket);
        }
    }

    /** Keys of requests recently answered or timed out, oldest forgotten first, bounded. */
    private static final class CompletedKeys {
        enum Outcome { ANSWERED, TIMED_OUT }

        private final Map<MatchKey, Outcome> outcomes;

        CompletedKeys(int capacity) {
            outcomes = new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<MatchKey, Outcome> eldest) {
                    return size() > capacity;
                }
            };
        }

        synchronized void remember(MatchKey key, Outcome outcome) {
            outcomes.put(key, outcome);
        }

        synchronized void forget(MatchKey key) {
            outcomes.remove(key);
        }

        synchronized Outcome outcome(MatchKey key) {
            return outcomes.get(key);
        }
    }
}
