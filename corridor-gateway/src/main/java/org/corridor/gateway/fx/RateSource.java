package org.corridor.gateway.fx;

import java.util.List;
import org.corridor.core.fx.Rate;

/** Somewhere rates come from. Each fetch answers every rate the source holds now, or fails as a whole. */
public interface RateSource {
    /**
     * The source's rates, at most one per pair.
     *
     * @throws RateSourceException if the source cannot be read or breaks a rule; no rate of it is used then
     */
    List<Rate> fetch() throws RateSourceException;
}
