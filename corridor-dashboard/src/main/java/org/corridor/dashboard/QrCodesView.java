package org.corridor.dashboard;

import java.util.List;
import java.util.Optional;
import org.corridor.core.participant.Participant;
import org.corridor.core.qr.QrCode;

/**
 * The QR codes page.
 *
 * @param merchants the merchants to choose from
 * @param merchant the merchant shown; empty before one is chosen
 * @param codes its codes, newest first
 * @param nextCursor the code to start the next page after; empty on the last page
 */
public record QrCodesView(List<Participant> merchants, Optional<Participant> merchant, List<QrCode> codes,
        Optional<String> nextCursor) {}
