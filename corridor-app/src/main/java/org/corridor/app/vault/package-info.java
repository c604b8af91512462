/** {@code corridor vault}: the vault's keys from the command line (rotation). */
package org.corridor.app.vault;
