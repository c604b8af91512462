package org.corridor.codec.qr.render;

import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.corridor.codec.qr.MerchantPayload;

/**
 * A payload as a square black-on-white PNG. Each module is a whole number of pixels (a blurred module
 * edge costs scans), so the symbol is scaled by the largest factor that fits and centred in the requested
 * size with extra white border.
 */
public final class QrPng {
    /** The largest image, in pixels per side: enough for a printed poster, small enough to bound memory. */
    public static final int SIZE_PIXELS_MAX = 4_096;

    private QrPng() {}

    /**
     * The PNG bytes of {@code payload} in a {@code sizePixels} square.
     *
     * @throws IllegalArgumentException if {@code sizePixels} is above {@link #SIZE_PIXELS_MAX} or below the
     *     symbol's module count, which would need a module smaller than a pixel
     */
    public static byte[] render(MerchantPayload payload, int sizePixels) {
        BitMatrix modules = QrSymbol.of(payload);
        int symbolModules = modules.getWidth();
        if (sizePixels > SIZE_PIXELS_MAX || sizePixels < symbolModules) {
            throw new IllegalArgumentException("this payload's image needs " + symbolModules + " to "
                    + SIZE_PIXELS_MAX + " pixels per side, not " + sizePixels);
        }
        int scale = sizePixels / symbolModules;
        int offset = (sizePixels - symbolModules * scale) / 2;
        BitMatrix pixels = new BitMatrix(sizePixels, sizePixels);
        for (int y = 0; y < symbolModules; y++) {
            for (int x = 0; x < symbolModules; x++) {
                if (modules.get(x, y)) pixels.setRegion(offset + x * scale, offset + y * scale, scale, scale);
            }
        }
        BufferedImage image = MatrixToImageWriter.toBufferedImage(pixels);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "PNG", out)) throw new IllegalStateException("the JDK has no PNG writer");
        } catch (IOException inMemory) {
            throw new UncheckedIOException("writing to memory failed", inMemory);
        }
        return out.toByteArray();
    }
}
