/**
 * {@code corridor issuer-sim}: the simulated issuing banks of {@code corridor-sim} served over ISO 8583 until
 * Ctrl-C, for the card rails to talk to, with faults, banks down and decline ratios from the command line and,
 * on {@code --control-port}, the HTTP control interface to change them while it runs.
 */
package org.corridor.app.issuer;
