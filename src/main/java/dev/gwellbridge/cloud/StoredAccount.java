package dev.gwellbridge.cloud;

/**
 * Account credentials entered on the page, as stored. The password is kept only as its triple-MD5
 * hash. {@link #toString()} never shows secrets.
 */
record StoredAccount(String email, String passwordHash, String apiId, String apiKey, String totpKey) {
    static final StoredAccount NONE = new StoredAccount("", "", "", "", "");

    StoredAccount {
        email = email == null ? "" : email.trim();
        passwordHash = passwordHash == null ? "" : passwordHash.trim();
        apiId = apiId == null ? "" : apiId.trim();
        apiKey = apiKey == null ? "" : apiKey.trim();
        totpKey = totpKey == null ? "" : totpKey.trim();
    }

    @Override
    public String toString() {
        return "StoredAccount[email=" + email + "]";
    }
}
