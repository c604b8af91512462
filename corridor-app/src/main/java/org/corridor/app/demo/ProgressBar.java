package org.corridor.app.demo;

import java.io.PrintWriter;
import java.util.Locale;

/** A one-line progress bar redrawn in place on a terminal (the demo draws it on standard error). */
final class ProgressBar {
    private static final int WIDTH_CHARACTERS = 30;

    private final PrintWriter out;

    ProgressBar(PrintWriter out) {
        this.out = out;
    }

    void draw(double fraction, String status) {
        double clamped = Math.max(0, Math.min(1, fraction));
        int filled = (int) Math.round(clamped * WIDTH_CHARACTERS);
        out.printf(Locale.ROOT, "\r[%s%s] %3.0f%% %s", "#".repeat(filled), ".".repeat(WIDTH_CHARACTERS - filled),
                clamped * 100, status);
        out.flush();
    }

    void finish() {
        out.println();
        out.flush();
    }
}
