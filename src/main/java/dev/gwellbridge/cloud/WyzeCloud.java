package dev.gwellbridge.cloud;

import dev.gwellbridge.camera.AccountCredentials;
import dev.gwellbridge.camera.AccountFields;
import dev.gwellbridge.camera.AccountPort;
import dev.gwellbridge.camera.CameraId;
import dev.gwellbridge.camera.CameraInfo;
import dev.gwellbridge.camera.CloudStatus;
import dev.gwellbridge.camera.CommandResult;
import dev.gwellbridge.camera.CredentialException;
import dev.gwellbridge.camera.CredentialSource;
import dev.gwellbridge.camera.P2pCredential;
import dev.gwellbridge.config.DataDir;
import dev.gwellbridge.config.WyzeOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Wyze cloud as the bridge uses it: the account's GWell cameras and their per-device P2P
 * credentials ({@link CredentialSource}), and the account the page manages ({@link AccountPort}).
 *
 * <p>Etiquette: the camera list is cached ({@link #LIST_MAX_AGE}, forced refreshes at most every
 * {@link #LIST_MIN_INTERVAL}); a device's credential is reused until one hour before it expires and
 * never handed to another device; logins are spaced by the {@link LoginGate}; every request passes
 * the {@link Etiquette} gate. State lives in {@value #STATE_FILE} and {@value #ACCOUNT_FILE} in the
 * data directory.
 *
 * <p>Thread-safe: cloud operations are serialised by one lock (one login at a time); {@link
 * #status()} and {@link #fields()} never block.
 */
public final class WyzeCloud implements CredentialSource, AccountPort {
    private static final Logger LOG = LoggerFactory.getLogger(WyzeCloud.class);

    /** Tokens, phone id, login backoff and the credential cache. */
    public static final String STATE_FILE = DataDir.CLOUD_STATE;
    /** Credentials entered on the page. */
    public static final String ACCOUNT_FILE = DataDir.ACCOUNT;

    public static final Duration LIST_MAX_AGE = Duration.ofMinutes(30);
    public static final Duration LIST_MIN_INTERVAL = Duration.ofMinutes(5);
    /** After a failed list request, a stale list is served this long before trying again. */
    static final Duration LIST_RETRY = Duration.ofMinutes(1);
    /** A forced re-mint returns a credential minted less than this long ago instead of minting again. */
    static final Duration FORCED_MINT_MIN_AGE = Duration.ofMinutes(5);
    /** With {@code fresh_token_per_session}, one device mints at most once per this interval. */
    static final Duration FRESH_MINT_MIN_INTERVAL = Duration.ofSeconds(15);

    private final ReentrantLock lock = new ReentrantLock();
    private final InstantSource clock;
    private final boolean freshPerSession;
    private final Accounts accounts;
    private final CloudStore store;
    private final Etiquette etiquette;
    private final LoginGate gate;
    private final WyzeSession session;
    private final AppApi app;
    private final MarsApi mars;

    private List<CameraInfo> cameras;
    private String camerasAccount = "";
    private Instant camerasFetchedAt = Instant.MIN;
    private Instant camerasTriedAt = Instant.MIN;
    private volatile String auth;
    private volatile String authMessage;

    /**
     * @param dataDir where {@value #STATE_FILE} and {@value #ACCOUNT_FILE} live (created on first write)
     * @param http the transport (tests pass a fake that counts requests)
     * @param random seeded in tests; drives backoff jitter and the phone id
     */
    public WyzeCloud(WyzeOptions options, Path dataDir, CloudHttp http, InstantSource clock, RandomGenerator random) {
        this.clock = clock;
        this.freshPerSession = options.freshTokenPerSession();
        this.accounts = new Accounts(options, new AccountFile(dataDir.resolve(ACCOUNT_FILE), clock));
        this.store = new CloudStore(dataDir.resolve(STATE_FILE), clock, random);
        this.etiquette = new Etiquette(clock, random);
        CloudState state = store.get();
        this.gate = new LoginGate(clock, random, state.loginNotBefore(), state.loginFailures());
        CloudTransport transport = new CloudTransport(http, etiquette);
        this.app = new AppApi(options.apiUrl(), transport, clock);
        this.mars = new MarsApi(options.marsUrl(), transport, clock);
        AuthApi authApi = new AuthApi(options.authUrl(), transport, clock, userAgent());
        this.session = new WyzeSession(authApi, app, gate, store, etiquette, clock);
        boolean signedIn = state.session().map(t -> t.fresh(clock.instant())).orElse(false);
        this.auth = signedIn ? "ok" : "pending";
        this.authMessage = signedIn ? "Signed in to Wyze (stored session)." : "Not signed in to Wyze yet.";
    }

    /** The production wiring: {@code java.net.http} with 30 s timeouts, the system clock. */
    public static WyzeCloud create(WyzeOptions options, Path dataDir) {
        return new WyzeCloud(
                options, dataDir, new JdkCloudHttp(), InstantSource.system(), RandomGenerator.getDefault());
    }

    @Override
    public List<CameraInfo> cameras(boolean forceRefresh) throws CredentialException {
        lock.lock();
        try {
            Instant now = clock.instant();
            LoginCredentials credentials = accounts.active();
            String account = credentials.email().toLowerCase(Locale.ROOT);
            boolean cached = cameras != null && camerasAccount.equals(account);
            if (cached && servedFromCache(now, forceRefresh)) {
                return cameras;
            }
            camerasTriedAt = now;
            try {
                List<CameraInfo> list = session.call(credentials, app::gwellCameras);
                succeeded(credentials);
                if (!cached || !ids(list).equals(ids(cameras))) {
                    LOG.info("Wyze lists {} GWell camera(s): {}", list.size(), ids(list));
                }
                cameras = list;
                camerasAccount = account;
                camerasFetchedAt = now;
                return list;
            } catch (CloudException e) {
                failed(e);
                if (cached) {
                    LOG.debug("Serving the camera list from {} after a failed refresh", camerasFetchedAt);
                    return cameras;
                }
                throw e.toCredentialException();
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean servedFromCache(Instant now, boolean forceRefresh) {
        if (now.isBefore(camerasTriedAt.plus(LIST_RETRY)) && camerasTriedAt.isAfter(camerasFetchedAt)) {
            return true;
        }
        Duration limit = forceRefresh ? LIST_MIN_INTERVAL : LIST_MAX_AGE;
        boolean young = now.isBefore(camerasFetchedAt.plus(limit));
        if (young && forceRefresh) {
            LOG.debug("Camera list refreshed less than {} ago; serving the cached one", LIST_MIN_INTERVAL);
        }
        return young;
    }

    @Override
    public P2pCredential credential(CameraId id, boolean forceFresh) throws CredentialException {
        lock.lock();
        try {
            LoginCredentials credentials = accounts.active();
            try {
                credentials.validate();
            } catch (CloudException e) {
                failed(e);
                throw e.toCredentialException();
            }
            Instant now = clock.instant();
            CloudState state = store.get();
            CachedCredential cached = state.belongsToOtherAccount(credentials.email())
                    ? null
                    : state.credentials().get(id);
            if (cached != null) {
                if (freshPerSession) {
                    Instant next = cached.mintedAt().plus(FRESH_MINT_MIN_INTERVAL);
                    if (now.isBefore(next)) {
                        throw new CredentialException(
                                CloudReason.RATE_LIMITED.code(),
                                "A credential for " + id + " was minted moments ago; the next one after "
                                        + Urls.when(next) + ".",
                                next);
                    }
                } else if (cached.usable(now)
                        && (!forceFresh || now.isBefore(cached.mintedAt().plus(FORCED_MINT_MIN_AGE)))) {
                    return cached.credential();
                }
            }
            try {
                P2pCredential fresh = session.call(credentials, (token, phoneId) -> mars.mint(token, phoneId, id));
                store.update(s -> s.withCredential(id, new CachedCredential(fresh, now)));
                succeeded(credentials);
                LOG.info("New P2P credential for {} (valid until {})", id, fresh.expiresAt());
                return fresh;
            } catch (CloudException e) {
                if (e.reason() == CloudReason.UNEXPECTED_RESPONSE) {
                    // About this device, not the account: the sign-in state stays as it is.
                    LOG.warn("Wyze cloud: {}", e.getMessage());
                } else {
                    failed(e);
                }
                throw e.toCredentialException();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public CloudStatus status() {
        LoginCredentials c = accounts.active();
        int calls = etiquette.callsLastHour();
        if (!c.complete()) {
            String code = CloudReason.NOT_CONFIGURED.code();
            String message = "No Wyze account is configured.";
            try {
                c.validate();
            } catch (CloudException e) {
                code = e.reason().code();
                message = e.getMessage();
            }
            return new CloudStatus(code, message, null, calls, Accounts.NONE);
        }
        Instant backoff =
                later(gate.notBefore().orElse(null), etiquette.blockedUntil().orElse(null));
        return new CloudStatus(auth, authMessage, backoff, calls, c.source());
    }

    @Override
    public AccountFields fields() {
        return accounts.fields();
    }

    @Override
    public CommandResult testAndSave(AccountCredentials input) {
        lock.lock();
        try {
            LoginCredentials merged = accounts.pageMerged(input);
            boolean adopt = !accounts.optionsComplete();
            // A failed test of other credentials leaves the account in force, and its status, alone.
            boolean inForce = sameLogin(merged, accounts.active());
            try {
                session.login(merged, false, adopt, inForce);
            } catch (CloudException e) {
                if (adopt && inForce) {
                    failed(e);
                }
                return CommandResult.refused(e.reason().code(), e.getMessage());
            }
            String saved = accounts.savePage(merged)
                    ? "credentials saved"
                    : "the credentials could not be written to the data directory (see the log) and are kept"
                            + " only until the add-on restarts";
            if (!adopt) {
                return CommandResult.accepted("These credentials work; " + saved + ". The credentials in the"
                        + " add-on options stay in use while they are complete.");
            }
            succeeded(merged);
            return CommandResult.accepted("Signed in to Wyze as " + merged.email() + "; " + saved + ".");
        } finally {
            lock.unlock();
        }
    }

    private void succeeded(LoginCredentials c) {
        if (!"ok".equals(auth)) {
            LOG.info("Signed in to Wyze as {}", c.email());
        }
        auth = "ok";
        authMessage = "Signed in to Wyze as " + c.email() + ".";
    }

    private void failed(CloudException e) {
        String code = e.reason().code();
        if (!code.equals(auth) || !e.getMessage().equals(authMessage)) {
            LOG.warn("Wyze cloud: {} ({})", e.getMessage(), code);
        } else {
            LOG.debug("Wyze cloud: {} ({})", e.getMessage(), code);
        }
        auth = code;
        authMessage = e.getMessage();
    }

    private static boolean sameLogin(LoginCredentials a, LoginCredentials b) {
        return a.email().equalsIgnoreCase(b.email())
                && a.passwordHash().equals(b.passwordHash())
                && a.apiId().equals(b.apiId())
                && a.apiKey().equals(b.apiKey())
                && a.totpKey().equals(b.totpKey());
    }

    private static List<String> ids(List<CameraInfo> list) {
        return list.stream().map(c -> c.id().deviceId()).sorted().toList();
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static String userAgent() {
        String version = WyzeCloud.class.getPackage().getImplementationVersion();
        return "gwell-bridge/" + (version == null ? "dev" : version);
    }
}
