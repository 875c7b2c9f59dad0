package dev.gwellbridge.camera;

/**
 * Which account fields are stored, never their values (the page shows "set" / "not set").
 *
 * @param email the e-mail address is not secret and may be shown; empty when not set
 * @param source {@code options}, {@code page} or {@code none}: which source is active (options win)
 */
public record AccountFields(
        String email, boolean passwordSet, boolean apiIdSet, boolean apiKeySet, boolean totpKeySet, String source) {}
