package dev.gwellbridge.cloud;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gwellbridge.config.Secrets;
import java.nio.file.Path;
import java.time.InstantSource;

/**
 * The page-entered credentials ({@value WyzeCloud#ACCOUNT_FILE}), kept apart from the cloud state so
 * a corruption of one never loses the other.
 *
 * <pre>
 * {"version": 1, "email", "password_hash", "api_id", "api_key", "totp_key"}
 * </pre>
 */
final class AccountFile {
    private static final int VERSION = 1;

    private final Path file;
    private final InstantSource clock;

    AccountFile(Path file, InstantSource clock) {
        this.file = file;
        this.clock = clock;
    }

    /** The stored credentials; empty fields when the file is absent or was quarantined. */
    StoredAccount load() {
        return StateFiles.read(file, clock)
                .map(json -> {
                    if (json.path("version").asInt(0) != VERSION) {
                        StateFiles.reject(file, "unknown version", clock);
                        return StoredAccount.NONE;
                    }
                    StoredAccount a = new StoredAccount(
                            AuthApi.text(json.path("email")),
                            AuthApi.text(json.path("password_hash")),
                            AuthApi.text(json.path("api_id")),
                            AuthApi.text(json.path("api_key")),
                            AuthApi.text(json.path("totp_key")));
                    register(a);
                    return a;
                })
                .orElse(StoredAccount.NONE);
    }

    /** Saves atomically (mode 600). */
    boolean save(StoredAccount account) {
        register(account);
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("version", VERSION);
        root.put("email", account.email());
        root.put("password_hash", account.passwordHash());
        root.put("api_id", account.apiId());
        root.put("api_key", account.apiKey());
        root.put("totp_key", account.totpKey());
        return StateFiles.write(file, root);
    }

    private static void register(StoredAccount a) {
        Secrets.register(a.passwordHash());
        Secrets.register(a.apiId());
        Secrets.register(a.apiKey());
        Secrets.register(a.totpKey());
    }
}
