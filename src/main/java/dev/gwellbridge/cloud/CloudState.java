package dev.gwellbridge.cloud;

import dev.gwellbridge.camera.CameraId;
import java.time.Instant;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the cloud client keeps between runs: the login session of one account, the client's phone
 * id, the login backoff and the per-device Mars credentials. Immutable; changes return copies.
 *
 * @param account the e-mail the tokens and credentials belong to (lower case), empty when none
 * @param tokens null when not signed in
 * @param loginNotBefore no login before this instant, or null
 */
record CloudState(
        String account,
        String phoneId,
        Tokens tokens,
        Instant loginNotBefore,
        int loginFailures,
        Map<CameraId, CachedCredential> credentials) {

    CloudState {
        account = account == null ? "" : account.toLowerCase(Locale.ROOT);
        credentials = Collections.unmodifiableMap(new TreeMap<>(credentials));
    }

    static CloudState empty(String phoneId) {
        return new CloudState("", phoneId, null, null, 0, Map.of());
    }

    Optional<Tokens> session() {
        return Optional.ofNullable(tokens);
    }

    /** Whether the session and credentials belong to another account than {@code email}. */
    boolean belongsToOtherAccount(String email) {
        return !account.isEmpty() && !account.equals(email.toLowerCase(Locale.ROOT));
    }

    /** New tokens for {@code email}; another account's credentials are dropped. */
    CloudState withSession(String email, Tokens newTokens) {
        Map<CameraId, CachedCredential> keep = belongsToOtherAccount(email) ? Map.of() : credentials;
        return new CloudState(email, phoneId, newTokens, loginNotBefore, loginFailures, keep);
    }

    /** Forgets the tokens (keeps the account, phone id and credentials). */
    CloudState withoutSession() {
        return new CloudState(account, phoneId, null, loginNotBefore, loginFailures, credentials);
    }

    /** Forgets everything that belonged to the previous account. */
    CloudState forAccount(String email) {
        return new CloudState(email, phoneId, null, loginNotBefore, loginFailures, Map.of());
    }

    CloudState withLoginBackoff(Instant notBefore, int failures) {
        return new CloudState(account, phoneId, tokens, notBefore, failures, credentials);
    }

    CloudState withCredential(CameraId id, CachedCredential credential) {
        Map<CameraId, CachedCredential> copy = new TreeMap<>(credentials);
        copy.put(id, credential);
        return new CloudState(account, phoneId, tokens, loginNotBefore, loginFailures, copy);
    }
}
