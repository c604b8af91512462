package org.corridor.app.issuer;

import java.util.Locale;
import org.corridor.sim.issuer.Fault;
import org.corridor.sim.issuer.FaultControl;
import org.corridor.sim.issuer.control.FaultNames;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * One {@code --fault KIND[:PER_MILLE][@BANK]} of {@code corridor issuer-sim}: a fault ratio in force from the
 * start, for one bank or all. Without {@code :PER_MILLE} the fault hits every request
 * ({@link FaultControl#PER_MILLE_MAX} per mille), since "the next N requests" means little before any traffic.
 *
 * @param fault the fault to show
 * @param perMille how many requests in a thousand, 1 to {@link FaultControl#PER_MILLE_MAX}
 * @param bankId the bank it applies to, or {@code null} for every request
 */
record FaultOption(Fault fault, int perMille, String bankId) {
    /** The most characters of a value echoed back in a usage error. */
    private static final int ECHOED_CHARS_MAX = 64;

    /** Reads {@code KIND[:PER_MILLE][@BANK]}; the kind in either case ({@code no_reply} or {@code NO_REPLY}). */
    static FaultOption parse(String value) {
        String rest = value;
        String bankId = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            bankId = rest.substring(at + 1);
            rest = rest.substring(0, at);
            if (bankId.isEmpty()) throw refused(value, "a bank id after @, such as bank-007");
        }
        int perMille = FaultControl.PER_MILLE_MAX;
        int colon = rest.indexOf(':');
        if (colon >= 0) {
            perMille = perMille(value, rest.substring(colon + 1));
            rest = rest.substring(0, colon);
        }
        String kind = rest;
        Fault fault = FaultNames.parse(kind.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> refused(value, "a fault kind: " + FaultNames.choices()));
        return new FaultOption(fault, perMille, bankId);
    }

    private static int perMille(String value, String digits) {
        String rule = "a per mille from 1 to " + FaultControl.PER_MILLE_MAX + " after the colon";
        // A length bound before parsing, so that no digit string is too long for an int.
        if (digits.isEmpty() || digits.length() > 4 || !digits.chars().allMatch(Character::isDigit)) {
            throw refused(value, rule);
        }
        int perMille = Integer.parseInt(digits);
        if (perMille < 1 || perMille > FaultControl.PER_MILLE_MAX) throw refused(value, rule);
        return perMille;
    }

    private static TypeConversionException refused(String value, String expected) {
        String shown = value.length() <= ECHOED_CHARS_MAX ? value : value.substring(0, ECHOED_CHARS_MAX) + "...";
        return new TypeConversionException("'" + shown + "' is not KIND[:PER_MILLE][@BANK]: expected " + expected);
    }

    /** The picocli converter for {@code --fault}: a refusal becomes a usage error (exit 2). */
    static final class Converter implements ITypeConverter<FaultOption> {
        @Override
        public FaultOption convert(String value) {
            return parse(value);
        }
    }
}
