package org.corridor.core.fx;

/**
 * A payment's claim on a quote: the pair and the amounts it will book, which must be the quote's own.
 *
 * @param paymentId the payment that books the conversion; a retry names the same payment
 * @param sellCurrency the currency the payment debits the shopper in
 * @param buyCurrency the currency the payment credits the counterparty in
 * @param sellMinor what the payment debits, in minor units
 * @param buyMinor what the payment credits, in minor units
 */
public record QuoteUse(String paymentId, String sellCurrency, String buyCurrency, long sellMinor, long buyMinor) {}
