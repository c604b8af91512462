package org.corridor.sim.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.net.SocketTimeoutException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Currency;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.corridor.codec.card.Luhn;
import org.corridor.codec.iso8583.CardMessage;
import org.corridor.codec.iso8583.IsoFormatException;
import org.corridor.codec.iso8583.IsoMessages;
import org.corridor.codec.iso8583.Mti;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The simulator as a real TCP server, driven by a plain socket client speaking the codec. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class IssuerSimulatorTest {
    private static final long SEED = 42;
    private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-06-15T10:00:00Z"));
    private static final String VALID_EXPIRY = "3012";
    private static final int READ_TIMEOUT_MS = 10_000;

    private final AtomicInteger stans = new AtomicInteger(1);
    private IssuerSimulator simulator;
    private SimulatedBank bank;
    private String pan;

    @BeforeEach
    void start() throws Exception {
        simulator = IssuerSimulator.start(IssuerSimulatorSettings.forTests(SEED), CLOCK);
        bank = simulator.banks().all().getFirst();
        simulator.banks().setDeclinePerMille(bank.id(), 0);
        bank = simulator.banks().byId(bank.id()).orElseThrow();
        pan = simulator.banks().cardNumber(bank, 0);
        simulator.banks().openAccount(pan, 50_000);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void anAuthorizationHoldsFundsAndAPurchaseDebitsThem() throws Exception {
        try (IsoTestClient client = client()) {
            CardMessage authorization = client.exchange(request(Mti.AUTHORIZATION_REQUEST, pan, 10_000));
            assertThat(authorization.mti()).isEqualTo(Mti.AUTHORIZATION_RESPONSE);
            assertThat(authorization.responseCode()).isEqualTo("00");
            assertThat(authorization.authorizationCode()).hasSize(6);
            assertThat(authorization.retrievalReferenceNumber()).isNotBlank();
            assertThat(authorization.amountMinor()).isEqualTo(10_000);
            CardholderAccount account = simulator.banks().account(pan);
            assertThat(account.heldMinor()).isEqualTo(10_000);
            assertThat(account.availableMinor()).isEqualTo(40_000);

            CardMessage purchase = client.exchange(request(Mti.PURCHASE_REQUEST, pan, 5_000));
            assertThat(purchase.mti()).isEqualTo(Mti.PURCHASE_RESPONSE);
            assertThat(purchase.responseCode()).isEqualTo("00");
            assertThat(account.balanceMinor()).isEqualTo(45_000);
            assertThat(account.availableMinor()).isEqualTo(35_000);
        }
        assertThat(simulator.activity().of(bank.id()))
                .extracting(ActivityEntry::kind, ActivityEntry::amountMinor, ActivityEntry::responseCode)
                .containsExactly(
                        tuple(ActivityKind.AUTHORIZATION, 10_000L, "00"),
                        tuple(ActivityKind.PURCHASE, 5_000L, "00"));
    }

    @Test
    void aRetransmittedRequestGetsItsFirstAnswerWithoutMovingFundsTwice() throws Exception {
        try (IsoTestClient client = client()) {
            CardMessage request = request(Mti.PURCHASE_REQUEST, pan, 7_000);
            CardMessage first = client.exchange(request);
            CardMessage again = client.exchange(request);
            assertThat(again).isEqualTo(first);
            assertThat(simulator.banks().account(pan).balanceMinor()).isEqualTo(43_000);
        }
    }

    /** One line per check, in the order the issuer runs them. */
    static Stream<Arguments> declines() {
        return Stream.of(
                Arguments.of("30 format error: no currency", "30"),
                Arguments.of("14 invalid card: Luhn fails", "14"),
                Arguments.of("14 invalid card: BIN of no bank", "14"),
                Arguments.of("91 issuer unavailable", "91"),
                Arguments.of("54 expired card", "54"),
                Arguments.of("57 not permitted: another currency", "57"),
                Arguments.of("61 exceeds the per-transaction limit", "61"),
                Arguments.of("05 do not honour", "05"),
                Arguments.of("51 insufficient funds", "51"),
                Arguments.of("00 approved", "00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("declines")
    void eachCheckAnswersItsCode(String name, String expectedCode) throws Exception {
        CardMessage.Builder request = builder(Mti.AUTHORIZATION_REQUEST, pan, 1_000);
        switch (name) {
            case "30 format error: no currency" -> request = builder(Mti.AUTHORIZATION_REQUEST, pan, 1_000, null);
            case "14 invalid card: Luhn fails" -> request.pan(breakLuhn(pan));
            case "14 invalid card: BIN of no bank" -> request.pan(Luhn.withCheckDigit("300000000000000"));
            case "91 issuer unavailable" -> simulator.banks().markDown(bank.id(), true);
            case "54 expired card" -> request.expiry("2605");
            case "57 not permitted: another currency" -> request.currency(otherCurrency(bank.currency()));
            case "61 exceeds the per-transaction limit" -> request.amountMinor(bank.transactionLimitMinor() + 1);
            case "05 do not honour" -> simulator.banks().setDeclinePerMille(bank.id(), 1000);
            case "51 insufficient funds" -> request.amountMinor(50_001);
            default -> { }
        }
        long availableBefore = simulator.banks().account(pan).availableMinor();
        try (IsoTestClient client = client()) {
            CardMessage answer = client.exchange(request.build());
            assertThat(answer.responseCode()).isEqualTo(expectedCode);
            assertThat(answer.mti()).isEqualTo(Mti.AUTHORIZATION_RESPONSE);
            if (!"00".equals(expectedCode)) {
                assertThat(answer.authorizationCode()).isNull();
                assertThat(simulator.banks().account(pan).availableMinor()).isEqualTo(availableBefore);
            }
        }
    }

    @Test
    void aReversalWithARetrievalReferenceFindsThatOriginalEvenWhenTraceNumbersRepeat() throws Exception {
        try (IsoTestClient client = client()) {
            CardMessage first = builder(Mti.AUTHORIZATION_REQUEST, pan, 3_000).stan(7).retrievalReferenceNumber("000000000001")
                    .build();
            CardMessage second = builder(Mti.AUTHORIZATION_REQUEST, pan, 4_000).stan(7).retrievalReferenceNumber("000001000001")
                    .build();
            assertThat(client.exchange(first).responseCode()).isEqualTo("00");
            assertThat(client.exchange(second).responseCode()).isEqualTo("00");
            CardholderAccount account = simulator.banks().account(pan);
            assertThat(account.heldMinor()).isEqualTo(7_000);

            CardMessage reversal = CardMessage.builder(Mti.REVERSAL_REQUEST).pan(pan).processingCode("000000")
                    .amountMinor(3_000L).stan(7).terminalId(first.terminalId()).currency(first.currency())
                    .retrievalReferenceNumber("000000000001").build();
            assertThat(client.exchange(reversal).responseCode()).isEqualTo("00");
            assertThat(account.heldMinor()).as("the first is released, the second still held").isEqualTo(4_000);
        }
    }

    @Test
    void aReversalReleasesAHoldAndCreditsAPurchaseBackOnce() throws Exception {
        try (IsoTestClient client = client()) {
            CardMessage authorization = request(Mti.AUTHORIZATION_REQUEST, pan, 10_000);
            CardMessage purchase = request(Mti.PURCHASE_REQUEST, pan, 20_000);
            assertThat(client.exchange(authorization).responseCode()).isEqualTo("00");
            assertThat(client.exchange(purchase).responseCode()).isEqualTo("00");
            CardholderAccount account = simulator.banks().account(pan);
            assertThat(account.availableMinor()).isEqualTo(20_000);

            CardMessage reversalOfAuthorization = IsoRequests.reversalOf(authorization);
            assertThat(client.exchange(reversalOfAuthorization).responseCode()).isEqualTo("00");
            CardMessage reversalOfPurchase = client.exchange(IsoRequests.reversalOf(purchase));
            assertThat(reversalOfPurchase.mti()).isEqualTo(Mti.REVERSAL_RESPONSE);
            assertThat(reversalOfPurchase.responseCode()).isEqualTo("00");
            assertThat(account.balanceMinor()).isEqualTo(50_000);
            assertThat(account.heldMinor()).isZero();

            // Repeated until acknowledged: the second copy moves nothing.
            assertThat(client.exchange(reversalOfAuthorization).responseCode()).isEqualTo("00");
            assertThat(account.availableMinor()).isEqualTo(50_000);
        }
        assertThat(simulator.activity().of(bank.id(), ActivityKind.REVERSAL))
                .extracting(ActivityEntry::amountMinor).containsExactly(10_000L, 20_000L);
        assertThat(simulator.activity().of(bank.id(), ActivityKind.REVERSAL_UNMATCHED)).hasSize(1);
    }

    @Test
    void aReversalOfAnUnknownOriginalIsStillAnswered() throws Exception {
        try (IsoTestClient client = client()) {
            CardMessage answer = client.exchange(request(Mti.REVERSAL_REQUEST, pan, 1_000));
            assertThat(answer.mti()).isEqualTo(Mti.REVERSAL_RESPONSE);
            assertThat(answer.responseCode()).isEqualTo("00");
        }
        assertThat(simulator.banks().account(pan).availableMinor()).isEqualTo(50_000);
        assertThat(simulator.activity().of(bank.id(), ActivityKind.REVERSAL_UNMATCHED)).hasSize(1);
    }

    @Test
    void anEchoIsAnswered0810WithApproval() throws Exception {
        try (IsoTestClient client = client()) {
            CardMessage answer = client.exchange(IsoRequests.echo(stans.getAndIncrement()));
            assertThat(answer.mti()).isEqualTo(Mti.NETWORK_MANAGEMENT_RESPONSE);
            assertThat(answer.responseCode()).isEqualTo("00");
            assertThat(answer.networkManagementCode()).isEqualTo(CardMessage.NETWORK_MANAGEMENT_ECHO);
        }
    }

    @Test
    void repliesArriveWithLatencyApplied() throws Exception {
        simulator.close();
        simulator = IssuerSimulator.start(IssuerSimulatorSettings.forTests(SEED).withLatency(30, 20), CLOCK);
        try (IsoTestClient client = client()) {
            for (int i = 0; i < 3; i++) {
                assertThat(client.exchange(IsoRequests.echo(stans.getAndIncrement())).responseCode()).isEqualTo("00");
            }
        }
    }

    @Test
    void noReplyLeavesTheClientsReadToTimeOut() throws Exception {
        simulator.faults().next(Fault.NO_REPLY, null, 1);
        try (IsoTestClient client = new IsoTestClient(simulator.address(), 300)) {
            client.send(IsoRequests.echo(stans.getAndIncrement()));
            assertThatThrownBy(client::read).isInstanceOf(SocketTimeoutException.class);
        }
        try (IsoTestClient client = client()) {
            assertThat(client.exchange(IsoRequests.echo(stans.getAndIncrement())).responseCode()).isEqualTo("00");
        }
        assertThat(simulator.faults().rulesInForce()).isZero();
    }

    @Test
    void aSlowReplyStillArrives() throws Exception {
        simulator.faults().next(Fault.SLOW_REPLY, bank.id(), 1);
        try (IsoTestClient client = client()) {
            assertThat(client.exchange(request(Mti.AUTHORIZATION_REQUEST, pan, 100)).responseCode()).isEqualTo("00");
        }
    }

    @Test
    void aDuplicateReplyArrivesTwice() throws Exception {
        simulator.faults().next(Fault.DUPLICATE_REPLY, null, 1);
        try (IsoTestClient client = client()) {
            CardMessage request = request(Mti.AUTHORIZATION_REQUEST, pan, 100);
            CardMessage first = client.exchange(request);
            CardMessage second = client.read();
            assertThat(second).isEqualTo(first);
            assertThat(first.stan()).isEqualTo(request.stan());
        }
        assertThat(simulator.banks().account(pan).heldMinor()).isEqualTo(100);
    }

    @Test
    void aGarbageFrameCannotBeDecoded() throws Exception {
        simulator.faults().ratio(Fault.GARBAGE_FRAME, bank.id(), 1000);
        try (IsoTestClient client = client()) {
            client.send(request(Mti.AUTHORIZATION_REQUEST, pan, 100));
            byte[] body = client.readFrame();
            assertThatThrownBy(() -> new IsoMessages().decode(body)).isInstanceOf(IsoFormatException.class);
            // A fault for one bank leaves the others, and echoes, alone.
            assertThat(client.exchange(IsoRequests.echo(stans.getAndIncrement())).responseCode()).isEqualTo("00");
        }
    }

    @Test
    void anUndecodableRequestIsSkippedAndTheConnectionServesOn() throws Exception {
        try (IsoTestClient client = client()) {
            client.sendFrame("0100 not really".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            assertThat(client.exchange(IsoRequests.echo(stans.getAndIncrement())).responseCode()).isEqualTo("00");
        }
        assertThat(simulator.undecodableFrames()).isEqualTo(1);
    }

    private IsoTestClient client() throws Exception {
        return new IsoTestClient(simulator.address(), READ_TIMEOUT_MS);
    }

    private CardMessage request(Mti mti, String cardNumber, long amountMinor) {
        return builder(mti, cardNumber, amountMinor).build();
    }

    private CardMessage.Builder builder(Mti mti, String cardNumber, long amountMinor) {
        return builder(mti, cardNumber, amountMinor, bank.currency());
    }

    private CardMessage.Builder builder(Mti mti, String cardNumber, long amountMinor, Currency currency) {
        CardMessage.Builder builder = CardMessage.builder(mti)
                .pan(cardNumber)
                .processingCode("000000")
                .amountMinor(amountMinor)
                .stan(stans.getAndIncrement())
                .expiry(VALID_EXPIRY)
                .terminalId("TERM0001")
                .merchantId("MERCHANT01");
        if (currency != null) builder.currency(currency);
        return builder;
    }



    private static String breakLuhn(String cardNumber) {
        int last = cardNumber.charAt(cardNumber.length() - 1) - '0';
        return cardNumber.substring(0, cardNumber.length() - 1) + (last + 1) % 10;
    }

    private static Currency otherCurrency(Currency currency) {
        return Currency.getInstance(currency.getCurrencyCode().equals("USD") ? "EUR" : "USD");
    }
}
