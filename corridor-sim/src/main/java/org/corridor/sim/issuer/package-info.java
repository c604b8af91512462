/**
 * The issuer simulator: a real ISO 8583 server hosting seeded, simulated banks.
 *
 * <p>{@link org.corridor.sim.issuer.SimulatedBanks} turns a seed into banks (name, card network, BINs,
 * currency, limits) and holds their cardholder accounts in memory. {@link org.corridor.sim.issuer.SimulatedIssuer}
 * answers one request (0100, 0200, 0400, 0800) against those accounts, running its checks in the order of
 * {@link org.corridor.sim.issuer.IssuerResponse}, and records what each bank saw in a
 * {@link org.corridor.sim.issuer.BankActivity}. {@link org.corridor.sim.issuer.IssuerSimulator} puts that behind
 * a TCP port with length-prefixed frames, seeded latency and the faults a test or an operator asks for through
 * {@link org.corridor.sim.issuer.FaultControl}.
 *
 * <p>Depends on {@code corridor-codec} (messages, framing, Luhn) and {@code corridor-core} only; the HTTP
 * control interface over all this lives in {@link org.corridor.sim.issuer.control}. Time comes
 * from a clock handed in and randomness from the seed, so a seed replays the same banks, balances and
 * decisions. Card numbers never reach a log or a {@code toString()}: only the first six and last four digits.
 */
package org.corridor.sim.issuer;
