package dev.gwellbridge.web;

import dev.gwellbridge.camera.AccountCredentials;
import dev.gwellbridge.camera.AccountFields;
import dev.gwellbridge.camera.AccountPort;
import dev.gwellbridge.camera.CloudStatus;
import dev.gwellbridge.camera.CommandResult;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** An in-memory account: records every test-and-save and, when it accepts, marks the fields as set. */
final class FakeAccountPort implements AccountPort {
    final List<AccountCredentials> calls = new CopyOnWriteArrayList<>();
    volatile Function<AccountCredentials, CommandResult> answer = c -> CommandResult.accepted("Logged in to Wyze.");
    volatile CloudStatus status = CloudStatus.notConfigured();
    private volatile AccountFields fields = new AccountFields("", false, false, false, false, "none");

    @Override
    public CloudStatus status() {
        return status;
    }

    @Override
    public AccountFields fields() {
        return fields;
    }

    @Override
    public CommandResult testAndSave(AccountCredentials c) {
        calls.add(c);
        CommandResult r = answer.apply(c);
        if (r.ok()) {
            AccountFields f = fields;
            fields = new AccountFields(
                    c.email().isEmpty() ? f.email() : c.email(),
                    f.passwordSet() || !c.password().isEmpty(),
                    f.apiIdSet() || !c.apiId().isEmpty(),
                    f.apiKeySet() || !c.apiKey().isEmpty(),
                    f.totpKeySet() || !c.totpKey().isEmpty(),
                    "page");
            status = new CloudStatus("ok", "Logged in.", null, 1, "page");
        }
        return r;
    }
}
