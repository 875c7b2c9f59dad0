package dev.gwellbridge.cloud;

import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one Wyze login alive: reuses the stored access token while fresh, refreshes it shortly
 * before its JWT expiry, logs in when there is none (through the {@link LoginGate}), and recovers a
 * rejected token by refreshing once, then logging in once, before giving up.
 *
 * <p>Not thread-safe: the owner serialises calls.
 */
final class WyzeSession {
    private static final Logger LOG = LoggerFactory.getLogger(WyzeSession.class);

    /** One authenticated request; may throw a token-rejected {@link CloudException}. */
    @FunctionalInterface
    interface AuthenticatedCall<T> {
        T call(String accessToken, String phoneId) throws CloudException;
    }

    private final AuthApi auth;
    private final AppApi app;
    private final LoginGate gate;
    private final CloudStore store;
    private final Etiquette etiquette;
    private final InstantSource clock;

    WyzeSession(AuthApi auth, AppApi app, LoginGate gate, CloudStore store, Etiquette etiquette, InstantSource clock) {
        this.auth = auth;
        this.app = app;
        this.gate = gate;
        this.store = store;
        this.etiquette = etiquette;
        this.clock = clock;
    }

    /** Runs {@code call} with a valid token, recovering once by refresh and once by re-login. */
    <T> T call(LoginCredentials credentials, AuthenticatedCall<T> call) throws CloudException {
        String token = accessToken(credentials);
        try {
            return call.call(token, store.get().phoneId());
        } catch (CloudException e) {
            if (!e.isTokenRejected()) {
                throw e;
            }
            LOG.debug("Access token rejected; refreshing it");
        }
        Tokens current = store.get().tokens();
        if (current != null && !current.refreshToken().isEmpty()) {
            String refreshed = null;
            try {
                refreshed = refresh(current);
            } catch (CloudException e) {
                if (!recoverableByLogin(e)) {
                    throw e;
                }
                LOG.debug(
                        "Token refresh failed ({}); logging in again",
                        e.reason().code());
            }
            if (refreshed != null) {
                try {
                    return call.call(refreshed, store.get().phoneId());
                } catch (CloudException e) {
                    if (!e.isTokenRejected()) {
                        throw e;
                    }
                    LOG.debug("The refreshed token was rejected too; logging in again");
                }
            }
        }
        store.update(CloudState::withoutSession);
        token = login(credentials, true, true).accessToken();
        try {
            return call.call(token, store.get().phoneId());
        } catch (CloudException e) {
            if (!e.isTokenRejected()) {
                throw e;
            }
            CloudException giveUp = new CloudException(
                    CloudReason.UNEXPECTED_RESPONSE,
                    "Wyze rejected a freshly issued access token: " + e.getMessage(),
                    null);
            // Without a session the next attempt needs a login, which the gate spaces out.
            store.update(CloudState::withoutSession);
            gate.failure(giveUp);
            saveGate();
            throw giveUp;
        }
    }

    /** A usable access token: the stored one, a refreshed one, or one from a new login. */
    String accessToken(LoginCredentials credentials) throws CloudException {
        credentials.validate();
        CloudState state = store.get();
        if (state.belongsToOtherAccount(credentials.email())) {
            LOG.info("The Wyze account changed; forgetting the previous account's tokens and credentials");
            store.update(s -> s.forAccount(credentials.email()));
            state = store.get();
        }
        Tokens tokens = state.tokens();
        if (tokens != null && tokens.fresh(clock.instant())) {
            return tokens.accessToken();
        }
        if (tokens != null && !tokens.refreshToken().isEmpty()) {
            try {
                return refresh(tokens);
            } catch (CloudException e) {
                if (!recoverableByLogin(e)) {
                    throw e;
                }
                LOG.debug(
                        "Token refresh failed ({}); logging in again",
                        e.reason().code());
                store.update(CloudState::withoutSession);
            }
        }
        return login(credentials, true, true).accessToken();
    }

    /**
     * One login (plus the TOTP step when configured and asked for).
     *
     * @param automatic whether the bridge started it (suspended after bad credentials)
     * @param adopt whether the new tokens become the session (false for a test of other credentials)
     */
    Tokens login(LoginCredentials credentials, boolean automatic, boolean adopt) throws CloudException {
        return login(credentials, automatic, adopt, true);
    }

    /**
     * One login, as {@link #login(LoginCredentials, boolean, boolean)}.
     *
     * @param inForce whether these are the credentials automatic logins use; a failure of other ones
     *     spaces out logins but does not pause the automatic ones
     */
    Tokens login(LoginCredentials credentials, boolean automatic, boolean adopt, boolean inForce)
            throws CloudException {
        credentials.validate();
        etiquette.checkAllowed();
        gate.check(automatic);
        String phoneId = store.get().phoneId();
        try {
            LoginResult result = auth.login(credentials, phoneId);
            if (result.session().isEmpty()) {
                result = secondFactor(credentials, phoneId, result);
            }
            Tokens tokens = result.session()
                    .orElseThrow(() -> new CloudException(
                            CloudReason.MFA_REQUIRED,
                            "Wyze did not accept the two-factor code from wyze.totp_key.",
                            null));
            gate.success();
            if (adopt) {
                store.update(s -> s.withSession(credentials.email(), tokens));
            }
            saveGate();
            return tokens;
        } catch (CloudException e) {
            gate.failure(e, inForce);
            saveGate();
            throw e;
        }
    }

    private LoginResult secondFactor(LoginCredentials credentials, String phoneId, LoginResult challenge)
            throws CloudException {
        boolean totpOffered = challenge.mfaOptions().contains("TotpVerificationCode");
        if (credentials.totpKey().isEmpty() || !totpOffered) {
            throw new CloudException(
                    CloudReason.MFA_REQUIRED,
                    "Wyze asks for a second factor (" + String.join(", ", challenge.mfaOptions()) + "). Set"
                            + " wyze.totp_key to the authenticator secret (unverified feature), or switch"
                            + " two-factor authentication off for this account.",
                    null);
        }
        String code;
        try {
            code = Totp.code(credentials.totpKey(), clock.instant());
        } catch (IllegalArgumentException e) {
            throw new CloudException(CloudReason.MFA_REQUIRED, "wyze.totp_key: " + e.getMessage() + ".", null);
        }
        LOG.info("Wyze asks for a second factor; sending a TOTP code (unverified feature)");
        return auth.completeTotp(credentials, phoneId, challenge.totpAppId(), code);
    }

    private String refresh(Tokens old) throws CloudException {
        Tokens fresh = app.refresh(old, store.get().phoneId());
        store.update(s -> s.withSession(s.account(), fresh));
        LOG.debug("Wyze access token refreshed; valid until {}", fresh.expiresAt());
        return fresh.accessToken();
    }

    private void saveGate() {
        store.update(s -> s.withLoginBackoff(gate.notBeforeRaw(), gate.failures()));
    }

    /** Rejected or refused answers may be cured by a login; throttling and outages may not. */
    private static boolean recoverableByLogin(CloudException e) {
        return e.isTokenRejected() || e.reason() == CloudReason.UNEXPECTED_RESPONSE;
    }
}
