/**
 * Who is calling: API key tokens (only their SHA-256 is stored), authentication, per-key rate limits, and
 * the operator check, applied by the server to every versioned route according to its declared access.
 */
package org.corridor.api.auth;
