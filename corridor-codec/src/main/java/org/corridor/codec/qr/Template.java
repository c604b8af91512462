package org.corridor.codec.qr;

import java.util.List;
import java.util.Optional;

/**
 * The content of a template data object (merchant account information, additional data, language, an
 * unreserved template): its sub-objects in the order they were written. Sub-values are kept as written; a
 * sub-object that is itself a template (a scheme may nest one) stays an opaque value.
 *
 * @param fields the sub-objects, in order, each ID once
 */
public record Template(List<DataObject> fields) {
    /** Copies the list. */
    public Template {
        fields = List.copyOf(fields);
    }

    /** The value of sub-ID {@code subId}, if present. */
    public Optional<String> value(String subId) {
        for (DataObject field : fields) {
            if (field.id().equals(subId)) return Optional.of(field.value());
        }
        return Optional.empty();
    }

    /** The content as written in the enclosing data object's value. */
    public String encode() {
        return DataObject.encodeAll(fields);
    }
}
