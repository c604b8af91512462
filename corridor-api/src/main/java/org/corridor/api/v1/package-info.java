/**
 * Version 1 of the public API: the route groups served under {@code /v1}, listed by
 * {@link org.corridor.api.v1.V1Routes}. Each group is built from the services it calls and never touches the
 * store.
 */
package org.corridor.api.v1;
