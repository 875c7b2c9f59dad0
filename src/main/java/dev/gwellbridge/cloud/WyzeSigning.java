package dev.gwellbridge.cloud;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hashes and signatures the Wyze cloud expects: the triple-MD5 login password and the Mars
 * {@code signature2} / {@code requestid} headers. All hex is lowercase.
 *
 * <p>Provenance: every public client agrees on these (SDK, WB-PY, WB-GO, G2R, CZ-NEW); see the
 * cloud API notes, sections 2.2 and 4.3.
 */
public final class WyzeSigning {
    /** The {@code appid} header value the Mars signing secret belongs to. */
    public static final String MARS_APP_ID = "9319141212m2ik";

    private static final String MARS_SECRET = "wyze_app_secret_key_132";
    private static final HexFormat HEX = HexFormat.of();

    private WyzeSigning() {}

    /** Lowercase hex MD5 of the UTF-8 bytes of {@code text}. */
    public static String md5Hex(String text) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }

    /** Three MD5 rounds, each over the lowercase hex text of the previous one. */
    public static String tripleMd5(String password) {
        return md5Hex(md5Hex(md5Hex(password)));
    }

    /**
     * The value sent as {@code password} at login. The configured secret is trimmed; a value
     * starting with {@code md5:} or {@code hashed:} is taken as the finished triple hash (a bridge
     * convenience so the plain password need not be stored).
     */
    public static String loginPassword(String configured) {
        String trimmed = configured.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("md5:")) {
            return trimmed.substring(4).trim().toLowerCase(Locale.ROOT);
        }
        if (lower.startsWith("hashed:")) {
            return trimmed.substring(7).trim().toLowerCase(Locale.ROOT);
        }
        return tripleMd5(trimmed);
    }

    /**
     * HMAC-MD5 over the exact body bytes, keyed with the 32 ASCII characters of {@code
     * md5Hex(accessToken + secret)} (the hex text, not the raw digest).
     */
    public static String signature2(String accessToken, String body) {
        String keyHex = md5Hex(accessToken + MARS_SECRET);
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(keyHex.getBytes(StandardCharsets.US_ASCII), "HmacMD5"));
            return HEX.formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacMD5 is part of every Java runtime", e);
        }
    }

    /** The signing key's hex text for a token (exposed for the cross-check against the notes). */
    static String signingKeyHex(String accessToken) {
        return md5Hex(accessToken + MARS_SECRET);
    }

    /** {@code md5Hex(md5Hex(nonce))}: the {@code requestid} header for a nonce in epoch milliseconds. */
    public static String requestId(String nonceMillis) {
        return md5Hex(md5Hex(nonceMillis));
    }
}
