package org.corridor.services.card;

import java.time.InstantSource;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.corridor.codec.iso8583.CardMessage;
import org.corridor.core.card.Card;
import org.corridor.core.card.CardAuthorization;
import org.corridor.core.card.DeviceToken;
import org.corridor.core.card.TokenDomain;
import org.corridor.core.card.TokenStatus;
import org.corridor.core.participant.Participant;
import org.corridor.core.payment.CardPayments;
import org.corridor.core.payment.PaymentIntent;
import org.corridor.core.payment.PaymentOperations.ConfirmResult;
import org.corridor.core.port.CardRails;
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
            IssuerDirectory issuers, IssuerLinks links, IdSource ids, InstantSource clock) {
        this.commands = commands;
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
        String dpan = numbers.newDpan(network, pan).orElseThrow();
        for (int draw = 1; draw < DPAN_DRAWS_MAX
                && objects.findByKey(RecordKind.DEVICE_TOKEN, dpan, DeviceToken.class).isPresent(); draw++) {
            dpan = numbers.newDpan(network, pan).orElseThrow();
        }
        return dpan;
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
        boolean valid = token.isPresent() && intent.isPresent() && cryptogramMatches(token.get(), intent.get(), presented);
        Outcome<ConfirmResult, CardPayments.Begun> begun = commands.execute(state ->
                CardPayments.begin(state, callerId, intentId, clientSecret, CardRails.presentment(presented, valid)));
        if (!begun.ok()) {
            Outcome<ConfirmResult, PaymentIntent> decided =
                    Outcome.of(begun.result(), begun.value() == null ? null : begun.value().intent());
            return state -> decided;
        }
        CardAuthorization authorization = begun.value().authorization();
        CardPayments.IssuerReply reply;
        try {
            reply = askIssuer(authorization, token.get(), intent.get(), presented);
        } catch (RuntimeException failed) {
            // The request may or may not have left: booked as "no answer", which reverses it to be safe.
            LOG.error("authorization {} failed before the issuer answered", authorization.id(), failed);
            reply = null;
        }
        CardPayments.IssuerReply answer = reply;
        return state -> CardPayments.complete(state, authorization.id(), answer);
    }

    private CardPayments.IssuerReply askIssuer(CardAuthorization authorization, DeviceToken token, PaymentIntent intent,
            TokenPresentment presented) {
        Card card = objects.find(RecordKind.CARD, token.cardId(), Card.class).orElseThrow();
        Participant merchant = objects.find(RecordKind.PARTICIPANT, intent.ownerId(), Participant.class).orElseThrow();
        byte[] emv = CardRequests.emvData(authorization.amountMinor(), Currency.getInstance(authorization.currency()),
                presented.unpredictableNumber(), presented.atc(), presented.cryptogram());
        CardRequests.Payment payment = IssuerPayments.of(authorization, card, merchant, emv);
        CardMessage request = vault.withClearPan(card.sealedPan(), card.id(),
                clear -> CardRequests.authorization(clear, payment, clock.instant()));
        return IssuerReplies.await(links.send(IssuerPayments.network(card), request));
    }

    private boolean cryptogramMatches(DeviceToken token, PaymentIntent intent, TokenPresentment presented) {
        PaymentData data = new PaymentData(intent.amountMinor(), Currency.getInstance(intent.currency()), intent.ownerId(),
                presented.unpredictableNumber());
        return Cryptograms.matches(vault.openTokenKey(token.sealedKey(), token.id()), presented.atc(), data,
                presented.cryptogram());
    }
}
