package dev.gwellbridge.camera;

/**
 * Wyze account credentials as typed on the page. An empty field means "keep the stored value".
 * {@link #toString()} never shows secrets.
 */
public record AccountCredentials(String email, String password, String apiId, String apiKey, String totpKey) {

    public AccountCredentials {
        email = email == null ? "" : email.trim();
        password = password == null ? "" : password;
        apiId = apiId == null ? "" : apiId.trim();
        apiKey = apiKey == null ? "" : apiKey.trim();
        totpKey = totpKey == null ? "" : totpKey.trim();
    }

    @Override
    public String toString() {
        return "AccountCredentials[email=" + (email.isEmpty() ? "" : "<set>") + ", password="
                + (password.isEmpty() ? "" : "<set>") + ", apiId=" + (apiId.isEmpty() ? "" : "<set>")
                + ", apiKey=" + (apiKey.isEmpty() ? "" : "<set>") + ", totpKey="
                + (totpKey.isEmpty() ? "" : "<set>") + "]";
    }
}
