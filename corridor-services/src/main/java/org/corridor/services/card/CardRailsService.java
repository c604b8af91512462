package org.corridor.services.card;

import java.time.InstantSource;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.corridor.codec.iso8583.CardMessage;
import org.corridor.core.card.Card;
import org.corridor.core.card.CardAuthorization;
import org.corridor.core.card.DeviceToken;
import org.corridor.core.card.TokenDomain;
import org.corridor.core.card.TokenStatus;
import org.corridor.core.participant.Participant;
import org.corridor.core.payment.CardPayments;
import org.corridor.core.payment.FxChoice;
import org.corridor.core.payment.MarketConversions;
import org.corridor.core.payment.CardTopUps;
import org.corridor.core.payment.PaymentIntent;
import org.corridor.core.payment.PaymentOperations.ConfirmResult;
import org.corridor.core.port.CardRails;
import org.corridor.core.port.FxRates;
import org.corridor.core.port.ObjectReader;
import org.corridor.core.port.SwitchCommands;
import org.corridor.core.state.IdSource;
import org.corridor.core.state.ObjectIds;
import org.corridor.core.state.Outcome;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.SwitchState;
import org.corridor.gateway.issuer.CardRequests;
import org.corridor.gateway.issuer.IssuerLinks;
import org.corridor.gateway.routing.BinRoute;
import org.corridor.gateway.routing.CardNetwork;
import org.corridor.vault.Pan;
import org.corridor.vault.TokenNumbers;
import org.corridor.vault.TokenVault;
import org.corridor.vault.cryptogram.Cryptograms;
import org.corridor.vault.cryptogram.PaymentData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link CardRails} over the vault, the issuer directory and the issuer links. */
public final class CardRailsService implements CardRails {
    private static final Logger LOG = LoggerFactory.getLogger(CardRailsService.class);

    /** The rates a card billed in its issuer's currency is converted at. */
    private final FxRates rates;
    private final SwitchCommands commands;
    private final ObjectReader objects;
    private final TokenVault vault;
    private final TokenNumbers numbers;
    private final IssuerDirectory issuers;
    private final IssuerLinks links;
    private final IdSource ids;
    private final InstantSource clock;
    /** Trace numbers of account verifications: their own terminal, so they never meet a payment's. */
    private final AtomicInteger verificationTrace = new AtomicInteger();

    public CardRailsService(SwitchCommands commands, ObjectReader objects, TokenVault vault, TokenNumbers numbers,
            IssuerDirectory issuers, IssuerLinks links, IdSource ids, InstantSource clock, FxRates rates) {
        this.commands = commands;
        this.rates = rates;
        this.objects = objects;
        this.vault = vault;
        this.numbers = numbers;
        this.issuers = issuers;
        this.links = links;
        this.ids = ids;
        this.clock = clock;
        verificationTrace.set((int) (clock.millis() % CardAuthorization.TRACE_NUMBERS));
    }

    @Override
    public Enrolment verify(String requestorId, String tokenId, CardDetails details, String deviceId, TokenDomain domain) {
        String digits = details.number();
        if (digits == null || !Pan.isValid(digits)) return refused(EnrolmentRefusal.CARD_NUMBER_INVALID, "");
        Pan pan = Pan.of(digits);
        YearMonth expiry = YearMonth.of(details.expiryYear(), details.expiryMonth());
        if (expiry.isBefore(YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)))) {
            return refused(EnrolmentRefusal.CARD_EXPIRED, "");
        }
        Optional<CardNetwork> network = CardNetwork.ofPan(digits);
        if (network.isEmpty()) return refused(EnrolmentRefusal.CARD_NETWORK_UNSUPPORTED, "");
        Optional<Participant> issuer = issuers.issuerOf(digits).map(BinRoute::issuerLinkId)
                .flatMap(id -> objects.find(RecordKind.PARTICIPANT, id, Participant.class));
        if (issuer.isEmpty()) return refused(EnrolmentRefusal.ISSUER_UNKNOWN, "");
        String yyMm = IssuerPayments.expiry(details.expiryYear(), details.expiryMonth());
        int trace = Math.floorMod(verificationTrace.incrementAndGet(), CardAuthorization.TRACE_NUMBERS);
        CardMessage request = vault.withClearPan(pan, clear -> CardRequests.accountVerification(clear, yyMm,
                Currency.getInstance(issuer.get().settlementCurrency()), trace, clock.instant()));
        CardPayments.IssuerReply reply = IssuerReplies.await(links.send(network.get(), request));
        if (reply == null) return refused(EnrolmentRefusal.ISSUER_UNAVAILABLE, "");
        if (!reply.approved()) return refused(EnrolmentRefusal.CARD_DECLINED, reply.responseCode());

        String networkName = network.get().name().toLowerCase(Locale.ROOT);
        Card card = objects.findByKey(RecordKind.CARD, vault.fingerprintOf(pan), Card.class)
                .orElseGet(() -> newCard(pan, issuer.get().id(), networkName, details));
        String dpan = freshDpan(networkName, pan);
        TokenVault.IssuedKey key = vault.newTokenKey(tokenId);
        DeviceToken token = new DeviceToken(tokenId, requestorId, card.id(), card.issuerId(), networkName, dpan,
                card.par(), deviceId, domain, TokenStatus.ACTIVE, key.sealed(), 0, card.lastFour(), 0);
        return new Enrolment.Verified(card, token, key.hexForDevice());
    }

    /** How many DPANs are drawn at most to find one not yet issued (the writer checks again). */
    static final int DPAN_DRAWS_MAX = 8;

    private String freshDpan(String network, Pan pan) {
        return freshDpan(() -> numbers.newDpan(network, pan).orElseThrow());
    }

    private String freshDpan(Supplier<String> draw) {
        String dpan = draw.get();
        for (int drawn = 1; drawn < DPAN_DRAWS_MAX
                && objects.findByKey(RecordKind.DEVICE_TOKEN, dpan, DeviceToken.class).isPresent(); drawn++) {
            dpan = draw.get();
        }
        return dpan;
    }

    @Override
    public BalanceToken newBalanceToken(String requestorId, String tokenId, String customerId, String currency,
            String deviceId, TokenDomain domain) {
        String dpan = freshDpan(numbers::newBalanceDpan);
        TokenVault.IssuedKey key = vault.newTokenKey(tokenId);
        DeviceToken token = new DeviceToken(tokenId, requestorId, "", "", DeviceToken.BALANCE_NETWORK, dpan, "",
                deviceId, domain, TokenStatus.ACTIVE, key.sealed(), 0, "", 0, customerId, currency);
        return new BalanceToken(token, key.hexForDevice());
    }

    @Override
    public String requestFingerprint(byte[] request) {
        return vault.requestDigest(request);
    }

    private Card newCard(Pan pan, String issuerId, String network, CardDetails details) {
        String id = ObjectIds.of("card_", ids.next());
        TokenVault.SealedPan sealed = vault.seal(pan, id);
        return new Card(id, issuerId, network, sealed.bin(), sealed.lastFour(), details.expiryMonth(),
                details.expiryYear(), sealed.fingerprint(), numbers.newPar(), sealed.sealed(), 0);
    }

    private static Enrolment refused(EnrolmentRefusal reason, String declineCode) {
        return new Enrolment.Refused(reason, declineCode);
    }

    @Override
    public Function<SwitchState, Outcome<ConfirmResult, PaymentIntent>> authorize(String callerId, String intentId,
            String clientSecret, TokenPresentment presented) {
        Optional<DeviceToken> token = objects.findByKey(RecordKind.DEVICE_TOKEN, presented.dpan(), DeviceToken.class);
        Optional<PaymentIntent> intent = objects.find(RecordKind.PAYMENT_INTENT, intentId, PaymentIntent.class);
        boolean valid = token.isPresent() && intent.isPresent() && cryptogramMatches(token.get(),
                intent.get().amountMinor(), intent.get().currency(), intent.get().ownerId(), presented);
        FxChoice fx = token.isPresent() && intent.isPresent() ? billingConversion(token.get(), intent.get())
                : FxChoice.NONE;
        return throughIssuer(state -> CardPayments.begin(state, callerId, intentId, clientSecret,
                        CardRails.presentment(presented, valid), fx),
                CardPayments.Begun::authorization, CardPayments.Begun::intent, token, presented,
                (state, authorization, answer) -> CardPayments.complete(state, authorization.id(), answer));
    }

    /**
     * The market conversion a bank's card is billed with when its issuer holds no account in the intent's currency:
     * from the issuer's settlement currency (the writer checks again, and makes the quote).
     */
    private FxChoice billingConversion(DeviceToken token, PaymentIntent intent) {
        if (token.fundedByBalance()) return FxChoice.NONE;
        Optional<Participant> issuer = objects.find(RecordKind.PARTICIPANT, token.issuerId(), Participant.class);
        if (issuer.isEmpty() || issuer.get().account(intent.currency()).isPresent()) return FxChoice.NONE;
        return MarketConversions.of(rates, ObjectIds.of("fxq_", ids.next()), issuer.get().settlementCurrency(),
                intent.currency(), intent.amountMinor()).<FxChoice>map(choice -> choice).orElse(FxChoice.NONE);
    }

    @Override
    public Function<SwitchState, Outcome<CardTopUps.Result, CardTopUps.Attempt>> topUp(String callerId,
            String topUpId, String customerId, long amountMinor, String currency, TokenPresentment presented) {
        Optional<DeviceToken> token = objects.findByKey(RecordKind.DEVICE_TOKEN, presented.dpan(), DeviceToken.class);
        boolean valid = token.isPresent() && cryptogramMatches(token.get(), amountMinor, currency, callerId, presented);
        return throughIssuer(state -> CardTopUps.begin(state, callerId, topUpId, customerId, amountMinor, currency,
                        CardRails.presentment(presented, valid)),
                CardTopUps.Attempt::authorization, attempt -> attempt, token, presented,
                (state, authorization, answer) -> CardTopUps.complete(state, authorization.id(), customerId, answer));
    }

    /** The second writer step: books the issuer's answer (null: none came) to the authorization. */
    @FunctionalInterface
    private interface Completion<R extends Enum<R>, T> {
        Outcome<R, T> book(SwitchState state, CardAuthorization authorization, CardPayments.IssuerReply answer);
    }

    /**
     * The round trip every card authorization makes: the first writer step ({@code begin}: checks, ATC admission, the
     * authorization written as sent), the issuer's answer, and the command that books it. When {@code begin} wrote no
     * authorization (a decline before the issuer, or a token on a balance, which Corridor authorized itself), its
     * outcome is the answer.
     */
    private <R extends Enum<R>, B, T> Function<SwitchState, Outcome<R, T>> throughIssuer(
            Function<SwitchState, Outcome<R, B>> begin, Function<B, CardAuthorization> authorizationOf,
            Function<B, T> shown, Optional<DeviceToken> token, TokenPresentment presented, Completion<R, T> complete) {
        Outcome<R, B> begun = commands.execute(begin);
        CardAuthorization authorization = begun.value() == null ? null : authorizationOf.apply(begun.value());
        if (authorization == null) {
            Outcome<R, T> decided = Outcome.of(begun.result(), begun.value() == null ? null : shown.apply(begun.value()));
            return state -> decided;
        }
        CardPayments.IssuerReply reply;
        try {
            reply = askIssuer(authorization, token.orElseThrow(), presented);
        } catch (RuntimeException failed) {
            // The request may or may not have left: booked as "no answer", which reverses it to be safe.
            LOG.error("authorization {} failed before the issuer answered", authorization.id(), failed);
            reply = null;
        }
        CardPayments.IssuerReply answer = reply;
        return state -> complete.book(state, authorization, answer);
    }

    private CardPayments.IssuerReply askIssuer(CardAuthorization authorization, DeviceToken token,
            TokenPresentment presented) {
        Card card = objects.find(RecordKind.CARD, token.cardId(), Card.class).orElseThrow();
        Participant acceptor = objects.find(RecordKind.PARTICIPANT, authorization.ownerId(), Participant.class)
                .orElseThrow();
        byte[] emv = CardRequests.emvData(authorization.amountMinor(), Currency.getInstance(authorization.currency()),
                presented.unpredictableNumber(), presented.atc(), presented.cryptogram());
        CardRequests.Payment payment = IssuerPayments.of(authorization, card, acceptor, emv);
        CardMessage request = vault.withClearPan(card.sealedPan(), card.id(),
                clear -> CardRequests.authorization(clear, payment, clock.instant()));
        return IssuerReplies.await(links.send(IssuerPayments.network(card), request));
    }

    /** The cryptogram is over the amount, the currency, the acceptor (merchant, or wallet provider for a top-up). */
    private boolean cryptogramMatches(DeviceToken token, long amountMinor, String currency, String acceptorId,
            TokenPresentment presented) {
        PaymentData data = new PaymentData(amountMinor, Currency.getInstance(currency), acceptorId,
                presented.unpredictableNumber());
        return Cryptograms.matches(vault.openTokenKey(token.sealedKey(), token.id()), presented.atc(), data,
                presented.cryptogram());
    }
}
