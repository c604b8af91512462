/**
 * JSON for the API: one strict Jackson 3 configuration ({@link org.corridor.api.json.StrictJson}) and the
 * Javalin mapper that uses it ({@link org.corridor.api.json.ApiJsonMapper}), which turns every refused body into
 * a 400 that points at the parameter or the line and column.
 *
 * <p>Depends on Jackson 3, Javalin's mapper interface, the limits in {@code org.corridor.api} and the error
 * types in {@code org.corridor.api.error}.
 */
package org.corridor.api.json;
