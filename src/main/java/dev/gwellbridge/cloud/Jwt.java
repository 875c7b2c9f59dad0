package dev.gwellbridge.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/** Reads the expiry of a Wyze access token when it is a JWT; the signature is not checked. */
final class Jwt {

    private Jwt() {}

    /** The {@code exp} claim, or empty for opaque tokens and undecodable payloads. */
    static Optional<Instant> expiry(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(parts[1].replace("=", ""));
            JsonNode claims = Json.MAPPER.readTree(new String(payload, StandardCharsets.UTF_8));
            JsonNode exp = claims == null ? null : claims.get("exp");
            if (exp != null && exp.canConvertToLong() && exp.isNumber()) {
                return Optional.of(Instant.ofEpochSecond(exp.longValue()));
            }
            return Optional.empty();
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }
}
