/**
 * Sources of exchange rates for the {@link org.corridor.core.fx.RateBook}: a {@link
 * org.corridor.gateway.fx.RateFile} reads a CSV file ({@code base,quote,rate,as_of}), an {@link
 * org.corridor.gateway.fx.HttpRateFeed} fetches a JSON feed over HTTP, and a {@link
 * org.corridor.gateway.fx.RateFeedPoller} fetches from either on a schedule, backing off while the source
 * fails ({@link org.corridor.gateway.fx.PollSchedule}). Each produces {@link org.corridor.core.fx.Rate}s and
 * hands them to the caller, which offers them to its book.
 *
 * <p>Everything read is bounded (lines, line length, body bytes, entries) and parsed strictly: a rate is a
 * plain decimal read exactly, never through a {@code double}. A failure names the rule broken and, for a
 * file, the line number; it never quotes the offending text or the feed's URL, which may carry a token.
 *
 * <p>This package depends on the JDK, {@code corridor-core} and SLF4J only (JSON is parsed by the small,
 * strict {@link org.corridor.gateway.fx.StrictJson}: this module has no JSON library). It reads no wall
 * clock: a rate's time is the one its source states; the poller's waits use the scheduler's monotonic clock.
 */
package org.corridor.gateway.fx;
