/**
 * {@code corridor bench ...}: benchmark commands. Figures come from these commands, never from tests, and
 * go into BENCHMARKS.md with the command line, the machine and the date.
 */
package org.corridor.app.bench;
