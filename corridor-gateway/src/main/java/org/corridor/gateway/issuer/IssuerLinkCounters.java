package org.corridor.gateway.issuer;

/**
 * A snapshot of an {@link IssuerLink}'s counters since it was built; each only ever grows.
 *
 * @param connectionsOpened TCP connections established
 * @param repliesMatched responses that completed a waiting request
 * @param duplicateReplies responses for a request already answered, dropped
 * @param lateReplies responses for a request that had already timed out, dropped
 * @param unmatchedMessages well-formed messages that answer no request the link remembers, dropped
 * @param garbageFrames frames that could not be framed or decoded; each one closed the connection
 * @param timeouts requests completed with {@link IssuerTimeoutException}
 * @param echoesSent echo tests (0800, DE70 301) sent on an idle connection
 * @param echoesAnswered echo tests answered in time
 * @param echoesMissed echo tests left unanswered; each one marked the link down and reconnected
 */
public record IssuerLinkCounters(
        long connectionsOpened,
        long repliesMatched,
        long duplicateReplies,
        long lateReplies,
        long unmatchedMessages,
        long garbageFrames,
        long timeouts,
        long echoesSent,
        long echoesAnswered,
        long echoesMissed) {}
