/**
 * Escrow for marketplace orders (the Alipay and Taobao model), run on the writer: a marketplace's payment intent
 * pays into an escrow account of its own; the money is released to the seller when the buyer's wallet provider
 * confirms delivery, when the marketplace releases it, or at the release deadline, and refunded to the shopper on a
 * dispute before that deadline. Depends on the rest of core only.
 */
package org.corridor.core.escrow;
