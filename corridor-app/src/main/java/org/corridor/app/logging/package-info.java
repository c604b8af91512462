/**
 * Log output: text for people or JSON for collectors ({@code CORRIDOR_LOG_FORMAT=JSON}), with anything that looks
 * like a card number masked in every message, whichever way it got there.
 */
package org.corridor.app.logging;
