/**
 * The {@code corridor} command: {@link org.corridor.app.Main} wires everything by hand (no container, no
 * classpath scanning), so reading it tells what runs. Subpackages hold one command family each.
 *
 * <p>The app may depend on every other module; no other module depends on it.
 */
package org.corridor.app;
