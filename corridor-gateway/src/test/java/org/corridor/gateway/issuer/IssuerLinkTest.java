package org.corridor.gateway.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.corridor.codec.iso8583.CardMessage;
import org.corridor.codec.iso8583.LengthPrefixFraming;
import org.corridor.codec.iso8583.Mti;
import org.corridor.gateway.TestCards;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link IssuerLink} against a real ISO 8583 responder on a loopback TCP port. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class IssuerLinkTest {

    private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-03-14T09:26:53Z"));
    private static final long AWAIT_MS = 10_000;
    private static final long ANSWER_WAIT_MS = 10_000;
    /** Long enough that no echo or timeout fires unless a test asks for one. */
    private static final IssuerLinkSettings QUIET = new IssuerLinkSettings(
            1_000, 10_000, 60_000, 10_000, 20, 200, 256);

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final List<LinkState> states = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        Collections.reverse(toClose);
        for (AutoCloseable closeable : toClose) closeable.close();
    }

    @Test
    void concurrentRequestsAreMatchedEvenWhenTheIssuerAnswersOutOfOrder() throws Exception {
        // Every key shares its STAN with three others: another terminal, another message type, or both.
        List<CardMessage> requests = new ArrayList<>();
        for (Mti mti : new Mti[] {Mti.AUTHORIZATION_REQUEST, Mti.PURCHASE_REQUEST}) {
            for (String terminal : new String[] {"TERM0001", "TERM0002"}) {
                for (int stan = 1; stan <= 15; stan++) {
                    requests.add(request(mti, stan, terminal, 1_000L * requests.size() + 7));
                }
            }
        }
        List<CardMessage> received = new ArrayList<>();
        Random seeded = new Random(8583);
        IsoResponder responder = responder((message, peer) -> {
            List<CardMessage> batch = null;
            synchronized (received) {
                received.add(message);
                if (received.size() == requests.size()) batch = new ArrayList<>(received);
            }
            if (batch == null) return;
            Collections.shuffle(batch, seeded);
            for (CardMessage request : batch) peer.send(IsoResponder.approval(request));
        });
        IssuerLink link = startedLink(responder, QUIET);

        List<Future<CompletableFuture<CardMessage>>> sends = new ArrayList<>();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (CardMessage request : requests) sends.add(callers.submit(() -> link.send(request)));
        }

        for (int i = 0; i < requests.size(); i++) {
            CardMessage request = requests.get(i);
            CardMessage response = sends.get(i).get().get(ANSWER_WAIT_MS, TimeUnit.MILLISECONDS);
            assertThat(response.mti()).isEqualTo(request.mti().response());
            assertThat(response.stan()).isEqualTo(request.stan());
            assertThat(response.terminalId()).isEqualTo(request.terminalId());
            assertThat(response.amountMinor()).isEqualTo(request.amountMinor());
        }
        IssuerLinkCounters counters = link.counters();
        assertThat(counters.repliesMatched()).isEqualTo(requests.size());
        assertThat(counters.unmatchedMessages()).isZero();
        assertThat(counters.duplicateReplies()).isZero();
        assertThat(link.requestsInFlight()).isZero();
    }

    @Test
    void aReplyThatNeverComesTimesOutAndALateReplyIsCountedAndDropped() throws Exception {
        CountDownLatch timedOut = new CountDownLatch(1);
        IsoResponder responder = responder((message, peer) -> {
            if (message.stan() == 404) {
                // Answered only once the test has seen the timeout, so the reply is late on any machine.
                Thread.ofVirtual().start(() -> {
                    try {
                        timedOut.await();
                        peer.send(IsoResponder.approval(message));
                    } catch (IOException | InterruptedException gone) {
                        // The test is over.
                    }
                });
                return;
            }
            peer.send(IsoResponder.approval(message));
        });
        IssuerLink link = startedLink(responder, new IssuerLinkSettings(1_000, 200, 60_000, 10_000, 20, 200, 256));

        CompletableFuture<CardMessage> unanswered = link.send(request(Mti.AUTHORIZATION_REQUEST, 404, "TERM0001", 100));

        assertThat(failureOf(unanswered)).isInstanceOf(IssuerTimeoutException.class)
                .hasMessageContaining("0100 STAN 404 terminal TERM0001");
        timedOut.countDown();
        awaitUntil(() -> link.counters().lateReplies() == 1, "the late reply is counted");
        assertThat(answer(link.send(request(Mti.AUTHORIZATION_REQUEST, 405, "TERM0001", 100))).responseCode())
                .isEqualTo("00");
        IssuerLinkCounters counters = link.counters();
        assertThat(counters.timeouts()).isEqualTo(1);
        assertThat(counters.repliesMatched()).isEqualTo(1);
        assertThat(counters.connectionsOpened()).isEqualTo(1);
        assertThat(link.requestsInFlight()).isZero();
    }

    @Test
    void aDuplicateReplyIsCountedAndHasNoEffect() throws Exception {
        IsoResponder responder = responder((message, peer) -> {
            peer.send(IsoResponder.approval(message));
            if (message.stan() == 21) peer.send(IsoResponder.answer(message, "05"));
        });
        IssuerLink link = startedLink(responder, QUIET);

        assertThat(answer(link.send(request(Mti.PURCHASE_REQUEST, 21, "TERM0001", 500))).responseCode())
                .isEqualTo("00");
        awaitUntil(() -> link.counters().duplicateReplies() == 1, "the duplicate is counted");
        assertThat(answer(link.send(request(Mti.PURCHASE_REQUEST, 22, "TERM0001", 500))).responseCode())
                .isEqualTo("00");
        IssuerLinkCounters counters = link.counters();
        assertThat(counters.repliesMatched()).isEqualTo(2);
        assertThat(counters.unmatchedMessages()).isZero();
        assertThat(counters.connectionsOpened()).isEqualTo(1);
    }

    @Test
    void aWellFormedMessageThatAnswersNothingIsDroppedAndTheConnectionStays() throws Exception {
        IsoResponder responder = responder((message, peer) -> {
            if (message.stan() == 7) {
                peer.send(IsoResponder.approval(request(Mti.AUTHORIZATION_REQUEST, 999, "STRANGER", 1)));
                peer.send(IsoResponder.approval(request(Mti.REVERSAL_REQUEST, 7, "TERM0001", 1)));
            }
            peer.send(IsoResponder.approval(message));
        });
        IssuerLink link = startedLink(responder, QUIET);

        CardMessage response = answer(link.send(request(Mti.AUTHORIZATION_REQUEST, 7, "TERM0001", 300)));

        assertThat(response.mti()).isEqualTo(Mti.AUTHORIZATION_RESPONSE);
        assertThat(link.counters().unmatchedMessages()).isEqualTo(2);
        assertThat(link.counters().connectionsOpened()).isEqualTo(1);
        assertThat(responder.connectionsAccepted()).isEqualTo(1);
    }

    @Test
    void anUndecodableFrameReconnectsAndLaterRequestsSucceed() throws Exception {
        garbageReconnects(LengthPrefixFraming.frame("this is not ISO 8583".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void anImpossibleLengthPrefixReconnectsAndLaterRequestsSucceed() throws Exception {
        // The prefix announces 32,767 bytes, far over the 1 KiB cap: the stream cannot be trusted after it.
        garbageReconnects(new byte[] {0x7F, (byte) 0xFF, 1, 2, 3});
    }

    /** Sends {@code rawBytes} as they are, prefix included, in place of the answer to STAN 66. */
    private void garbageReconnects(byte[] rawBytes) throws Exception {
        IsoResponder responder = responder((message, peer) -> {
            if (message.stan() == 66) {
                peer.sendRaw(rawBytes);
                return;
            }
            peer.send(IsoResponder.approval(message));
        });
        IssuerLink link = startedLink(responder, QUIET);

        link.send(request(Mti.AUTHORIZATION_REQUEST, 66, "TERM0001", 100));

        awaitUntil(() -> link.counters().garbageFrames() == 1, "the garbage frame is counted");
        awaitUntil(() -> link.counters().connectionsOpened() == 2 && link.state() == LinkState.UP, "reconnected");
        assertThat(answer(link.send(request(Mti.AUTHORIZATION_REQUEST, 67, "TERM0001", 100))).responseCode())
                .isEqualTo("00");
        assertThat(responder.connectionsAccepted()).isEqualTo(2);
    }

    @Test
    void aConnectionClosedByTheIssuerIsOpenedAgain() throws Exception {
        IsoResponder responder = responder((message, peer) -> {
            if (message.stan() == 1) {
                peer.close();
                return;
            }
            peer.send(IsoResponder.approval(message));
        });
        IssuerLink link = startedLink(responder, QUIET);

        link.send(request(Mti.AUTHORIZATION_REQUEST, 1, "TERM0001", 100));

        awaitUntil(() -> link.counters().connectionsOpened() == 2 && link.state() == LinkState.UP, "reconnected");
        assertThat(answer(link.send(request(Mti.AUTHORIZATION_REQUEST, 2, "TERM0001", 100))).responseCode())
                .isEqualTo("00");
        assertThat(states).containsSubsequence(LinkState.UP, LinkState.DOWN, LinkState.CONNECTING, LinkState.UP);
        assertThat(link.counters().garbageFrames()).isZero();
    }

    @Test
    void answeredEchoesKeepAnIdleLinkUp() throws Exception {
        List<CardMessage> echoes = new CopyOnWriteArrayList<>();
        IsoResponder responder = responder((message, peer) -> {
            if (message.mti() == Mti.NETWORK_MANAGEMENT_REQUEST) echoes.add(message);
            peer.send(IsoResponder.approval(message));
        });
        IssuerLink link = startedLink(responder, new IssuerLinkSettings(1_000, 10_000, 50, 2_000, 20, 200, 256));

        awaitUntil(() -> link.counters().echoesAnswered() >= 3, "three echoes answered");

        assertThat(echoes.getFirst().networkManagementCode()).isEqualTo(CardMessage.NETWORK_MANAGEMENT_ECHO);
        assertThat(echoes.getFirst().transmissionDateTime()).isEqualTo("0314092653");
        assertThat(link.counters().echoesMissed()).isZero();
        assertThat(link.counters().connectionsOpened()).isEqualTo(1);
        assertThat(link.state()).isEqualTo(LinkState.UP);
        assertThat(states).containsExactly(LinkState.CONNECTING, LinkState.UP);
    }

    @Test
    void anIssuerThatIgnoresEchoesGetsTheLinkMarkedDownAndReconnected() throws Exception {
        IsoResponder responder = responder((message, peer) -> {
            if (message.mti() != Mti.NETWORK_MANAGEMENT_REQUEST) peer.send(IsoResponder.approval(message));
        });
        IssuerLink link = startedLink(responder, new IssuerLinkSettings(1_000, 10_000, 50, 100, 20, 200, 256));

        awaitUntil(() -> link.counters().echoesMissed() >= 1, "an echo goes unanswered");
        awaitUntil(() -> link.counters().connectionsOpened() >= 2, "the link reconnects");

        // The client's connect can return before the server's accept() does: wait for the server to count it.
        awaitUntil(() -> responder.connectionsAccepted() >= 2, "the issuer accepts the second connection");
        assertThat(states).containsSubsequence(LinkState.UP, LinkState.DOWN, LinkState.CONNECTING, LinkState.UP);
    }

    @Test
    void theIssuersOwnEchoIsAnswered() throws Exception {
        List<CardMessage> answers = new CopyOnWriteArrayList<>();
        IsoResponder responder = responder((message, peer) -> {
            if (message.mti() == Mti.NETWORK_MANAGEMENT_RESPONSE) {
                answers.add(message);
                return;
            }
            peer.send(CardMessage.builder(Mti.NETWORK_MANAGEMENT_REQUEST).stan(77)
                    .networkManagementCode(CardMessage.NETWORK_MANAGEMENT_ECHO).build());
            peer.send(IsoResponder.approval(message));
        });
        IssuerLink link = startedLink(responder, QUIET);

        answer(link.send(request(Mti.AUTHORIZATION_REQUEST, 3, "TERM0001", 100)));

        awaitUntil(() -> answers.size() == 1, "the issuer's echo is answered");
        assertThat(answers.getFirst().stan()).isEqualTo(77);
        assertThat(answers.getFirst().responseCode()).isEqualTo("00");
    }

    @Test
    void requestsAreRefusedBeyondTheInFlightBoundAndForAKeyAlreadyInFlight() throws Exception {
        IsoResponder responder = responder((message, peer) -> {});
        IssuerLink link = startedLink(responder, new IssuerLinkSettings(1_000, 10_000, 60_000, 10_000, 20, 200, 2));

        CompletableFuture<CardMessage> first = link.send(request(Mti.AUTHORIZATION_REQUEST, 1, "TERM0001", 100));
        assertThat(reasonOf(link.send(request(Mti.AUTHORIZATION_REQUEST, 1, "TERM0001", 100))))
                .isEqualTo(IssuerLinkException.Reason.REQUEST_ALREADY_IN_FLIGHT);
        CompletableFuture<CardMessage> second = link.send(request(Mti.AUTHORIZATION_REQUEST, 2, "TERM0001", 100));
        assertThat(reasonOf(link.send(request(Mti.AUTHORIZATION_REQUEST, 3, "TERM0001", 100))))
                .isEqualTo(IssuerLinkException.Reason.REQUESTS_IN_FLIGHT_FULL);
        assertThat(link.requestsInFlight()).isEqualTo(2);

        link.close();

        assertThat(reasonOf(first)).isEqualTo(IssuerLinkException.Reason.LINK_CLOSED);
        assertThat(reasonOf(second)).isEqualTo(IssuerLinkException.Reason.LINK_CLOSED);
        assertThat(reasonOf(link.send(request(Mti.AUTHORIZATION_REQUEST, 4, "TERM0001", 100))))
                .isEqualTo(IssuerLinkException.Reason.LINK_CLOSED);
        assertThat(link.state()).isEqualTo(LinkState.DOWN);
    }

    @Test
    void aLinkToAnIssuerThatIsNotListeningRefusesRequestsAndKeepsTrying() throws Exception {
        InetSocketAddress nobody;
        try (ServerSocket closedAgain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nobody = new InetSocketAddress(InetAddress.getLoopbackAddress(), closedAgain.getLocalPort());
        }
        IssuerLink link = new IssuerLink(nobody, QUIET, CLOCK, states::add);
        toClose.add(link);
        link.start();

        awaitUntil(() -> states.stream().filter(state -> state == LinkState.CONNECTING).count() >= 3,
                "three connection attempts");

        assertThat(link.state()).isNotEqualTo(LinkState.UP);
        assertThat(reasonOf(link.send(request(Mti.AUTHORIZATION_REQUEST, 1, "TERM0001", 100))))
                .isEqualTo(IssuerLinkException.Reason.LINK_NOT_UP);
        assertThat(link.counters().connectionsOpened()).isZero();
    }

    private IsoResponder responder(IsoResponder.Behaviour behaviour) throws IOException {
        IsoResponder responder = new IsoResponder(behaviour);
        toClose.add(responder);
        return responder;
    }

    private IssuerLink startedLink(IsoResponder responder, IssuerLinkSettings settings) {
        IssuerLink link = new IssuerLink(responder.address(), settings, CLOCK, states::add);
        toClose.add(link);
        link.start();
        awaitUntil(() -> link.state() == LinkState.UP, "the link is up");
        return link;
    }

    private static CardMessage request(Mti mti, int stan, String terminalId, long amountMinor) {
        return CardMessage.builder(mti)
                .pan(TestCards.VISA)
                .processingCode("000000")
                .amountMinor(amountMinor)
                .stan(stan)
                .terminalId(terminalId)
                .build();
    }

    private static CardMessage answer(CompletableFuture<CardMessage> future) throws Exception {
        return future.get(ANSWER_WAIT_MS, TimeUnit.MILLISECONDS);
    }

    private static Throwable failureOf(CompletableFuture<CardMessage> future) throws Exception {
        try {
            future.get(ANSWER_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            return failed.getCause();
        }
        return fail("the request was answered");
    }

    private static IssuerLinkException.Reason reasonOf(CompletableFuture<CardMessage> future) throws Exception {
        Throwable failure = failureOf(future);
        assertThat(failure).isInstanceOf(IssuerLinkException.class);
        return ((IssuerLinkException) failure).reason();
    }

    /** Polls a condition the link reaches on its own threads; the deadline only guards against hanging. */
    private static void awaitUntil(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(AWAIT_MS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) fail("timed out waiting until " + what);
            try {
                Thread.sleep(5);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting until " + what);
            }
        }
    }
}
