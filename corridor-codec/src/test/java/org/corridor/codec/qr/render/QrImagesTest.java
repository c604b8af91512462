package org.corridor.codec.qr.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.NotFoundException;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.corridor.codec.qr.DataObject;
import org.corridor.codec.qr.MerchantAccount;
import org.corridor.codec.qr.MerchantPayload;
import org.corridor.codec.qr.MerchantPayloadBuilder;
import org.corridor.codec.qr.MerchantPayloadParser;
import org.corridor.codec.qr.QrPayloadException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Images are read back with ZXing's own reader, which must find the exact payload text. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class QrImagesTest {
    private static final Pattern RUN = Pattern.compile("M(\\d+),(\\d+)h(\\d+)v1h-(\\d+)z");

    private static List<MerchantPayload> payloads() throws QrPayloadException {
        MerchantPayload dynamic = MerchantPayloadBuilder.dynamicCode()
                .merchantAccount(MerchantAccount.template("26", "com.corridor", List.of(new DataObject("01", "acct_7Hq2"))))
                .merchantCategoryCode("5812").currency(Currency.getInstance("BHD")).amountMinor(12_345)
                .countryCode("BH").merchantName("Blue Door Cafe").merchantCity("Manama").referenceLabel("pi_42").build();
        // The specification's example carries Chinese in its language template: the UTF-8 path.
        MerchantPayload specification = MerchantPayloadParser.parse("00020101021229300012D156000000000510A93FO3230Q"
                + "31280012D15600000001030812345678520441115802CN5914BEST TRANSPORT6007BEIJING"
                + "64200002ZH0104最佳运输0202北京540523.7253031565502016233030412340603***0708A60086670902ME"
                + "91320016A0112233449988770708123456786304A13A");
        return List.of(dynamic, specification);
    }

    @Test
    void pngDecodesToTheExactPayload() throws Exception {
        for (MerchantPayload payload : payloads()) {
            byte[] png = QrPng.render(payload, 400);
            assertThat(png).startsWith(0x89, 'P', 'N', 'G');
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(image.getWidth()).isEqualTo(400);
            assertThat(image.getHeight()).isEqualTo(400);
            Result result = decode(image);
            assertThat(result.getText()).isEqualTo(payload.encode());
            assertThat(result.getResultMetadata().get(ResultMetadataType.ERROR_CORRECTION_LEVEL)).isEqualTo("M");
        }
    }

    @Test
    void svgIsOnePathThatDecodesToTheExactPayload() throws Exception {
        for (MerchantPayload payload : payloads()) {
            String svg = QrSvg.render(payload);
            assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>");
            assertThat(svg.split("<path", -1)).hasSize(2);
            // Draw the path's runs back into modules, eight pixels each, and scan that.
            int size = QrSymbol.of(payload).getWidth();
            int scale = 8;
            BitMatrix pixels = new BitMatrix(size * scale, size * scale);
            Matcher run = RUN.matcher(svg);
            int runs = 0;
            while (run.find()) {
                int x = Integer.parseInt(run.group(1));
                int y = Integer.parseInt(run.group(2));
                int width = Integer.parseInt(run.group(3));
                assertThat(run.group(4)).isEqualTo(run.group(3));
                pixels.setRegion(x * scale, y * scale, width * scale, scale);
                runs++;
            }
            assertThat(runs).isPositive();
            assertThat(decode(MatrixToImageWriter.toBufferedImage(pixels)).getText()).isEqualTo(payload.encode());
        }
    }

    @Test
    void theSymbolHasItsQuietZone() throws QrPayloadException {
        BitMatrix modules = QrSymbol.of(payloads().getFirst());
        int size = modules.getWidth();
        for (int i = 0; i < size; i++) {
            for (int border = 0; border < QrSymbol.QUIET_ZONE_MODULES; border++) {
                assertThat(modules.get(i, border) || modules.get(border, i) || modules.get(i, size - 1 - border)
                        || modules.get(size - 1 - border, i)).isFalse();
            }
        }
        // The finder pattern's corner starts right inside the quiet zone.
        assertThat(modules.get(QrSymbol.QUIET_ZONE_MODULES, QrSymbol.QUIET_ZONE_MODULES)).isTrue();
    }

    @Test
    void sizesOutsideTheLimitsAreRefused() throws QrPayloadException {
        MerchantPayload payload = payloads().getFirst();
        int modules = QrSymbol.of(payload).getWidth();
        assertThatThrownBy(() -> QrPng.render(payload, QrPng.SIZE_PIXELS_MAX + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QrPng.render(payload, modules - 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(QrPng.render(payload, modules)).isNotEmpty();
    }

    private static Result decode(BufferedImage image) throws NotFoundException, ChecksumException, FormatException, IOException {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        return new QRCodeReader().decode(bitmap);
    }
}
