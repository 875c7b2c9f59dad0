package dev.gwellbridge.cloud;

import java.util.List;
import java.util.Optional;

/**
 * What a login returned: tokens, or a second-factor challenge.
 *
 * @param tokens null when a second factor is required
 * @param mfaOptions the offered second factors, empty when none is required
 * @param totpAppId {@code mfa_details.totp_apps[0].app_id}, empty when absent
 */
record LoginResult(Tokens tokens, List<String> mfaOptions, String totpAppId) {

    LoginResult {
        mfaOptions = List.copyOf(mfaOptions);
        totpAppId = totpAppId == null ? "" : totpAppId;
    }

    Optional<Tokens> session() {
        return Optional.ofNullable(tokens);
    }
}
