package org.corridor.codec.qr.render;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import org.corridor.codec.qr.MerchantPayload;

/**
 * The QR symbol of a payload as modules (one matrix cell per module, quiet zone included). Every setting is
 * explicit rather than ZXing's default: level M, as the EMVCo specification recommends for printed codes, a
 * quiet zone of {@link #QUIET_ZONE_MODULES}, and UTF-8 (announced by an ECI) only when the payload needs it,
 * since an ASCII payload reads the same in ZXing's default ISO-8859-1 and older scanners skip ECIs.
 */
public final class QrSymbol {
    /** The blank border every side, in modules: the minimum ISO/IEC 18004 requires. */
    public static final int QUIET_ZONE_MODULES = 4;

    private QrSymbol() {}

    /** The modules of {@code payload}'s symbol. */
    public static BitMatrix of(MerchantPayload payload) {
        return of(payload.encode());
    }

    static BitMatrix of(String text) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, QUIET_ZONE_MODULES);
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
            hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        }
        try {
            // A size of 0 asks for the bare symbol: one cell per module.
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException tooLong) {
            // A valid payload has at most 512 characters, far below what a QR symbol at level M holds.
            throw new IllegalStateException("a valid payload did not fit a QR symbol", tooLong);
        }
    }
}
