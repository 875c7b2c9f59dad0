package dev.gwellbridge.cloud;

/**
 * The Mars {@code accessId}: a 64-bit terminal id the cloud sends as a signed decimal string (the
 * observed one was negative). The P2P protocol uses it as two 32-bit words.
 *
 * @param value the id as a signed {@code long}
 */
public record AccessId(long value) {

    /**
     * Parses the decimal text: signed first, then unsigned for values above {@link Long#MAX_VALUE}.
     *
     * @throws IllegalArgumentException when the text is not a 64-bit decimal number
     */
    public static AccessId parse(String text) {
        String t = text.trim();
        try {
            return new AccessId(Long.parseLong(t));
        } catch (NumberFormatException signed) {
            try {
                return new AccessId(Long.parseUnsignedLong(t));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("accessId is not a 64-bit decimal number", e);
            }
        }
    }

    /** The low 32-bit word. */
    public int lowWord() {
        return (int) value;
    }

    /** The high 32-bit word. */
    public int highWord() {
        return (int) (value >>> 32);
    }

    /** The same bits read as an unsigned number, in decimal. */
    public String unsigned() {
        return Long.toUnsignedString(value);
    }

    /** The signed decimal form, as the cloud sends it. */
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
