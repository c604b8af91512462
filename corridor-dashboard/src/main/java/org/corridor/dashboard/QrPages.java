package org.corridor.dashboard;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.Optional;
import org.corridor.codec.qr.MerchantPayload;
import org.corridor.codec.qr.MerchantPayloadParser;
import org.corridor.codec.qr.QrPayloadException;
import org.corridor.codec.qr.render.QrPng;
import org.corridor.codec.qr.render.QrSvg;
import org.corridor.core.participant.Participant;
import org.corridor.core.port.ObjectReader;
import org.corridor.core.port.Page;
import org.corridor.core.qr.QrCode;
import org.corridor.core.state.RecordKind;

/** The merchants' QR codes: a page per merchant listing its codes, and each code as a PNG or SVG image. */
final class QrPages {
    /** Pixels per side of the PNG a page shows. */
    static final int PNG_PIXELS = 256;

    private final ObjectReader objects;
    private final Templates templates;

    QrPages(ObjectReader objects, Templates templates) {
        this.objects = objects;
        this.templates = templates;
    }

    void list(Context ctx) {
        Directory directory = Directory.read(objects);
        String merchantId = ParticipantsView.blankToNull(ctx.queryParam("merchant"));
        Optional<Participant> merchant = merchantId == null ? Optional.empty() : directory.find(merchantId);
        if (merchantId != null && merchant.isEmpty()) throw new NotFoundResponse("no such merchant");
        List<QrCode> codes = List.of();
        Optional<String> next = Optional.empty();
        if (merchant.isPresent()) {
            Page<QrCode> page = objects.list(RecordKind.QR_CODE, merchant.get().id(), QrCode.class,
                    ObjectReader.PAGE_LIMIT_MAX, ParticipantsView.blankToNull(ctx.queryParam("starting_after")),
                    code -> true);
            codes = page.data();
            if (page.hasMore()) next = Optional.of(codes.getLast().id());
        }
        templates.page(ctx, "qr_codes.jte", "qr_codes", new QrCodesView(directory.merchants(), merchant, codes, next));
    }

    void png(Context ctx) {
        byte[] image = QrPng.render(payload(ctx), PNG_PIXELS);
        ctx.header("Cache-Control", "no-store").contentType("image/png").result(image);
    }

    void svg(Context ctx) {
        String image = QrSvg.render(payload(ctx));
        ctx.header("Cache-Control", "no-store").contentType("image/svg+xml").result(image);
    }

    /** The payload of the code the path names; every stored payload was built by the switch, so it parses. */
    private MerchantPayload payload(Context ctx) {
        QrCode code = objects.find(RecordKind.QR_CODE, ctx.pathParam("id"), QrCode.class)
                .orElseThrow(() -> new NotFoundResponse("no such QR code"));
        try {
            return MerchantPayloadParser.parse(code.payload());
        } catch (QrPayloadException corrupt) {
            throw new IllegalStateException("a stored QR payload does not parse: " + code.id(), corrupt);
        }
    }
}
