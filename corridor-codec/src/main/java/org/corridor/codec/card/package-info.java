/** Card number arithmetic: the Luhn (mod 10) check digit. Depends on the JDK only. */
package org.corridor.codec.card;
