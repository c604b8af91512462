/**
 * The issuer simulator's HTTP control interface: the bank directory, faults on demand, banks down or up,
 * decline ratios and per-bank totals, while the simulator keeps answering ISO 8583.
 *
 * <p>{@link org.corridor.sim.issuer.control.ControlServer} puts {@link org.corridor.sim.issuer.control.ControlRoutes}
 * behind the JDK's {@code com.sun.net.httpserver} on a bounded pool. Requests are small JSON objects read
 * strictly by {@link org.corridor.sim.issuer.control.JsonBody} (size bound, no duplicate or unknown fields);
 * every refusal is a {@link org.corridor.sim.issuer.control.ControlRefusal} answered in one shape,
 * {@code {"error":{"code","message"}}}. Replies are built by {@link org.corridor.sim.issuer.control.ControlJson}.
 *
 * <p>The bank directory carries the seed, so a client regenerates the test card numbers it needs in its own
 * process; no card number, masked or not, crosses this interface in either direction.
 *
 * <p>Depends on {@code org.corridor.sim.issuer}, {@code corridor-core}, the JDK and Jackson for parsing.
 */
package org.corridor.sim.issuer.control;
