package org.corridor.core.state;

/**
 * An object numbered from the switch's one durable sequence ({@link SwitchState#nextSequence()}): the sequence
 * resumes above the highest number stored, so numbers are never reused across restarts.
 */
public interface Sequenced {
    long sequence();
}
