/**
 * Corridor's HTTP API server: {@link org.corridor.api.ApiServer} (Javalin 7 on Jetty 12, handlers on virtual
 * threads), the limits it applies ({@link org.corridor.api.ApiLimits}), request ids, the checks made before a
 * body is read, the mapping of every failure to the one error shape, and the unversioned routes
 * ({@code GET /health}, {@code GET /openapi.yaml}, served from the classpath resource {@code openapi.yaml}).
 *
 * <p>Route families plug in as {@link org.corridor.api.RouteGroup}s under {@code /v1}; pages for people (the
 * operator's dashboard) as {@link org.corridor.api.PageGroup}s outside it. The API calls services,
 * never the store: this module depends on {@code corridor-core}, Javalin and Jackson only.
 */
package org.corridor.api;
