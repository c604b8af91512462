package org.corridor.codec.qr;

import java.io.Serial;

/**
 * A merchant-presented payload that Corridor refuses: a scanned string that is not a valid code, or merchant
 * data that cannot be written as one. Like any decoding failure of outside input this is an outcome the
 * caller turns into an answer (an error code and a position), never a stack trace shown to a payer. The
 * message names IDs and positions, never values.
 */
public final class QrPayloadException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The position of a refusal that is not about a place in a string (the writer's checks). */
    public static final int NO_POSITION = -1;

    private final QrError error;
    private final int position;
    private final String dataObjectId;

    /**
     * A refusal.
     *
     * @param error why
     * @param position the character (code point) offset in the scanned string where the fault is, or {@link
     *     #NO_POSITION}
     * @param dataObjectId the two-digit ID concerned, or an empty string
     * @param detail a sentence for operators; it must not quote values
     */
    public QrPayloadException(QrError error, int position, String dataObjectId, String detail) {
        super(error.code() + (position >= 0 ? " at " + position : "")
                + (dataObjectId.isEmpty() ? "" : " (ID " + dataObjectId + ")") + ": " + detail);
        this.error = error;
        this.position = position;
        this.dataObjectId = dataObjectId;
    }

    /** Why the payload was refused. */
    public QrError error() {
        return error;
    }

    /** The character offset of the fault in the scanned string, or {@link #NO_POSITION}. */
    public int position() {
        return position;
    }

    /** The two-digit ID of the data object concerned, or an empty string. */
    public String dataObjectId() {
        return dataObjectId;
    }
}
