/**
 * The API's one error shape and the exception that carries it.
 *
 * <p>Handlers throw {@link org.corridor.api.error.ApiException} (built by its factories, one per documented
 * status); the server writes it as {@link org.corridor.api.error.ErrorBody}. Anything else a handler throws is a
 * fault: the server logs it with the request id and answers 500 with a fixed message, so no internal detail
 * reaches a client.
 *
 * <p>This package depends on {@code corridor-core} (for always-on checks) and the Jackson annotations only.
 */
package org.corridor.api.error;
