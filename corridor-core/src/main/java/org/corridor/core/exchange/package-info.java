/**
 * Foreign exchange on the switch: quotes kept as objects ({@link org.corridor.core.exchange.FxQuote}), the FX
 * liquidity provider a conversion goes through, and the rounding residue booked to an account of its own
 * ({@link org.corridor.core.exchange.FxResidues}). Run on the writer thread; the pure rules and arithmetic are
 * in {@code org.corridor.core.fx}.
 */
package org.corridor.core.exchange;
