package org.corridor.core.port;

import java.util.List;

/**
 * One page of a list, newest first.
 *
 * @param data the objects on this page
 * @param hasMore whether objects older than the last one remain
 */
public record Page<T>(List<T> data, boolean hasMore) {
    public Page {
        data = List.copyOf(data);
    }
}
