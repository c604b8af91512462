package org.corridor.app.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** The log message ({@code %maskedMsg} in a pattern) with card numbers masked by {@link PanMask}. */
public final class PanMaskingConverter extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return PanMask.mask(super.convert(event));
    }
}
