package org.corridor.codec.qr.render;

import com.google.zxing.common.BitMatrix;
import org.corridor.codec.qr.MerchantPayload;

/**
 * A payload as SVG text: a white square and one path of the dark modules, in module units, so that the
 * image scales to any size without blur. Each horizontal run of dark modules is one sub-path
 * ({@code Mx,yh<run>v1h-<run>z}), which keeps the text short and its edges on whole modules.
 */
public final class QrSvg {
    private QrSvg() {}

    /** The SVG document of {@code payload}. */
    public static String render(MerchantPayload payload) {
        BitMatrix modules = QrSymbol.of(payload);
        int size = modules.getWidth();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < size; y++) {
            int x = 0;
            while (x < size) {
                if (!modules.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < size && modules.get(x, y)) x++;
                int run = x - start;
                path.append('M').append(start).append(',').append(y)
                        .append('h').append(run).append("v1h-").append(run).append('z');
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
                + "\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"" + size + "\" height=\"" + size + "\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }
}
