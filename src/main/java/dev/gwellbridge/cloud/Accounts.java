package dev.gwellbridge.cloud;

import dev.gwellbridge.camera.AccountCredentials;
import dev.gwellbridge.camera.AccountFields;
import dev.gwellbridge.config.Secrets;
import dev.gwellbridge.config.WyzeOptions;

/**
 * Resolves which account credentials are in force: the options win field by field over the
 * page-entered ones. The source is {@code options} when the options alone are complete, {@code
 * page} when the page fills at least one required field, {@code none} while incomplete.
 *
 * <p>Not thread-safe for writers; the owner serialises {@link #savePage}.
 */
final class Accounts {
    static final String OPTIONS = "options";
    static final String PAGE = "page";
    static final String NONE = "none";

    private final WyzeOptions options;
    private final AccountFile file;
    private final String optionsPasswordHash;
    private volatile StoredAccount page;

    Accounts(WyzeOptions options, AccountFile file) {
        this.options = options;
        this.file = file;
        this.optionsPasswordHash = options.password().isBlank() ? "" : WyzeSigning.loginPassword(options.password());
        Secrets.register(options.password());
        Secrets.register(optionsPasswordHash);
        Secrets.register(options.apiId());
        Secrets.register(options.apiKey());
        Secrets.register(options.totpKey());
        this.page = file.load();
    }

    /** The credentials in force. */
    LoginCredentials active() {
        StoredAccount p = page;
        String email = pick(options.email(), p.email());
        String hash = pick(optionsPasswordHash, p.passwordHash());
        String apiId = pick(options.apiId(), p.apiId());
        String apiKey = pick(options.apiKey(), p.apiKey());
        String totp = pick(options.totpKey(), p.totpKey());
        boolean complete = !email.isEmpty() && !hash.isEmpty() && !apiId.isEmpty() && !apiKey.isEmpty();
        String source = !complete ? NONE : optionsComplete() ? OPTIONS : PAGE;
        return new LoginCredentials(email, hash, apiId, apiKey, totp, source);
    }

    /** The page's input merged over the stored page credentials (an empty field keeps the stored one). */
    LoginCredentials pageMerged(AccountCredentials input) {
        StoredAccount p = page;
        Secrets.register(input.password());
        Secrets.register(input.apiId());
        Secrets.register(input.apiKey());
        Secrets.register(input.totpKey());
        String hash = input.password().isBlank() ? p.passwordHash() : WyzeSigning.loginPassword(input.password());
        Secrets.register(hash);
        return new LoginCredentials(
                pick(input.email(), p.email()),
                hash,
                pick(input.apiId(), p.apiId()),
                pick(input.apiKey(), p.apiKey()),
                pick(input.totpKey(), p.totpKey()),
                PAGE);
    }

    /**
     * Stores credentials that just logged in successfully.
     *
     * @return false when they could not be written to disk (they stay in use until a restart)
     */
    boolean savePage(LoginCredentials c) {
        StoredAccount a = new StoredAccount(c.email(), c.passwordHash(), c.apiId(), c.apiKey(), c.totpKey());
        page = a;
        return file.save(a);
    }

    /** Whether the options alone hold a complete set, so page credentials are not used. */
    boolean optionsComplete() {
        return options.hasCredentials();
    }

    AccountFields fields() {
        LoginCredentials c = active();
        return new AccountFields(
                c.email(),
                !c.passwordHash().isEmpty(),
                !c.apiId().isEmpty(),
                !c.apiKey().isEmpty(),
                !c.totpKey().isEmpty(),
                c.source());
    }

    private static String pick(String preferred, String fallback) {
        return preferred == null || preferred.isBlank() ? fallback : preferred.trim();
    }
}
