package org.corridor.core.state;

/**
 * An object found by a second unique key besides its id (a card by its PAN fingerprint, a device token by its
 * DPAN). The writer and the readers index such objects by that key.
 */
public interface UniquelyKeyed {
    String uniqueKey();
}
