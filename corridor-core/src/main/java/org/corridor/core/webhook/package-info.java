/**
 * Events (the outbox), webhook endpoints with rotatable signing secrets, and deliveries. Events are
 * written in the same commit as the change they report; sending them is the gateway's work.
 */
package org.corridor.core.webhook;
