package org.corridor.codec.qr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Merchant account information (IDs {@code 02}-{@code 51}): how one payment network reaches the merchant.
 * IDs 02-25 are a primitive value reserved for card networks; IDs 26-51 are a template whose sub-ID {@code
 * 00} is a globally unique identifier (a reverse domain name such as {@code com.corridor}, or an AID) and
 * whose other sub-IDs that identifier's owner defines, such as the merchant id.
 *
 * @param id the two-digit ID, 02 to 51
 * @param value the value as written (for a template, its encoded content)
 * @param template the parsed content for IDs 26-51; empty for a primitive value
 */
public record MerchantAccount(String id, String value, Optional<Template> template) {
    /** The longest globally unique identifier, in characters. */
    public static final int GLOBALLY_UNIQUE_IDENTIFIER_CHARS_MAX = 32;

    /**
     * A template account for the builder.
     *
     * @param id 26 to 51
     * @param globallyUniqueIdentifier sub-ID 00, such as {@code com.corridor}
     * @param fields the other sub-objects, such as the merchant id under {@code 01}
     */
    public static MerchantAccount template(String id, String globallyUniqueIdentifier, List<DataObject> fields) {
        List<DataObject> all = new ArrayList<>();
        all.add(new DataObject(PayloadIds.GLOBALLY_UNIQUE_IDENTIFIER, globallyUniqueIdentifier));
        all.addAll(fields);
        Template template = new Template(all);
        return new MerchantAccount(id, template.encode(), Optional.of(template));
    }

    /** Sub-ID 00 of a template account. */
    public Optional<String> globallyUniqueIdentifier() {
        return template.flatMap(t -> t.value(PayloadIds.GLOBALLY_UNIQUE_IDENTIFIER));
    }
}
