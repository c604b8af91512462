package org.corridor.core.fx;

/** Where a quote is in its life: open until one payment uses it or its expiry passes; both are final. */
public enum QuoteStatus { OPEN, USED, EXPIRED }
