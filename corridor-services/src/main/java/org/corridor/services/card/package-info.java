/**
 * The card rails' request-thread work: enrolment (verifying a card with its issuer, sealing it), authorizing token
 * payments (cryptogram check, the issuer's round trip), repeating reversals until acknowledged, finding a card's
 * issuer by BIN, and re-sealing cards after a key rotation. Durable changes go through the single writer.
 *
 * <p>May depend on core, the vault and the gateway. The only place a clear PAN passes is a vault callback packing an
 * ISO 8583 message.
 */
package org.corridor.services.card;
