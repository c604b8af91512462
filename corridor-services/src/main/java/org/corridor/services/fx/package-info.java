/** The switch's live exchange rates: a rate book fed by the configured sources, read by the request threads. */
package org.corridor.services.fx;
