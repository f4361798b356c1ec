package org.targetedmoney.bridge.run;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.targetedmoney.bridge.contribution.ContributionCalendar;
import org.targetedmoney.bridge.contribution.MemberContributions;
import org.targetedmoney.bridge.contribution.Outcome;
import org.targetedmoney.bridge.contribution.PublicAccount;
import org.targetedmoney.bridge.contribution.PublicAccounts;
import org.targetedmoney.bridge.contribution.PublicCredits;
import org.targetedmoney.bridge.contribution.ScaleLimits;
import org.targetedmoney.bridge.contribution.SlidingScale;
import org.targetedmoney.bridge.http.ApiTokens;
import org.targetedmoney.wallet.core.LedgerRequestException;

/**
 * The bridge as a process: the service, its HTTP API, and the sync loop (one thread) that follows the ledger,
 * cuts payment orders and attests settled batches every {@code pollMillis}, at once again while it has work.
 */
public final class BridgeServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BridgeServer.class);
    /** Months ahead of the ledger's current month a contribution may be declared for. */
    static final int HORIZON_MONTHS = 1;

    private final BridgeService service;
    private final Vertx vertx;
    private final HttpServer http;
    private final Thread sync;
    private volatile boolean running = true;

    private BridgeServer(BridgeService service, Vertx vertx, HttpServer http) {
        this.service = service;
        this.vertx = vertx;
        this.http = http;
        this.sync = Thread.ofPlatform().name("bridge-sync").daemon(true).unstarted(this::syncLoop);
    }

    /** Starts the bridge of {@code config}: replays its journal, serves HTTP, starts following the ledger. */
    public static BridgeServer start(BridgeConfig config, PrintWriter err)
            throws IOException, LedgerRequestException, InterruptedException {
        Optional<ApiTokens> tokens = tokens(config.http());
        BridgeService service = BridgeService.open(config, err);
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
        try {
            ContributionCalendar calendar = EngineFactory.calendar(config);
            BridgeApi api = new BridgeApi(service, members(config, calendar),
                    new PublicCredits(publicAccounts(config), calendar), tokens);
            HttpServer http = vertx.createHttpServer(new HttpServerOptions()
                            .setHost(config.http().host()).setPort(config.http().port()))
                    .requestHandler(api.router(vertx, Clock.systemUTC()))
                    .listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            BridgeServer server = new BridgeServer(service, vertx, http);
            server.sync.start();
            LOG.info("bridge serving on {}:{} ({}), following {}", config.http().host(), http.actualPort(),
                    tokens.map(t -> t.entries().size() + " API tokens").orElse("open API: loopback only"),
                    config.ledger().rpcUrl());
            return server;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            vertx.close();
            service.close();
            throw new IOException("the bridge's HTTP server did not start on " + config.http().host() + ":"
                    + config.http().port() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The API's tokens, read before anything starts; without a tokens file, the host must be a loopback address.
     *
     * @throws IllegalArgumentException if the API would be open beyond this machine
     * @throws IOException              if the tokens file is unreadable, malformed or readable by others
     */
    static Optional<ApiTokens> tokens(BridgeConfig.Http http) throws IOException {
        if (http.tokensFile().isPresent()) {
            return Optional.of(ApiTokens.read(http.tokensFile().get()));
        }
        boolean loopback;
        try {
            loopback = InetAddress.getByName(http.host()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            loopback = false;
        }
        if (!loopback) {
            throw new IllegalArgumentException("config.http.host " + http.host() + " is not a loopback address and"
                    + " config.http.tokensFile is not set: the bridge refuses to serve its API open to the network;"
                    + " make tokens with 'bridge token --role operator --name NAME --tokens FILE' and set"
                    + " config.http.tokensFile, or listen on 127.0.0.1");
        }
        return Optional.empty();
    }

    private static Optional<MemberContributions> members(BridgeConfig config, ContributionCalendar calendar)
            throws IOException {
        if (config.memberContributions().isEmpty()) {
            return Optional.empty();
        }
        BridgeConfig.MemberContributions m = config.memberContributions().get();
        byte[] csv;
        if (m.scaleFile().isPresent()) {
            csv = Files.readAllBytes(m.scaleFile().get());
        } else {
            try (var in = SlidingScale.class.getResourceAsStream(SlidingScale.SSA_DEFAULT_RESOURCE)) {
                csv = in.readAllBytes();
            }
        }
        return switch (SlidingScale.parseCsv(csv, ScaleLimits.SSA)) {
            case Outcome.Accepted<SlidingScale> a -> Optional.of(new MemberContributions(a.value(), m.accountId(),
                    calendar));
            case Outcome.Rejected<SlidingScale> r -> throw new IOException("config.memberContributions.scaleFile: "
                    + r.rejection().message());
        };
    }

    private static PublicAccounts publicAccounts(BridgeConfig config) {
        List<PublicAccount> list = new ArrayList<>();
        for (BridgeConfig.FundingAccount a : config.funding().accounts()) {
            if (a.kind().equals("public-account")) {
                list.add(PublicAccount.of(a.id(), a.name(), a.earmarks()));
            }
        }
        return PublicAccounts.of(list);
    }

    private void syncLoop() {
        long pauseMillis = service.config().ledger().pollMillis();
        while (running && !service.failed()) {
            try {
                if (!service.syncOnce()) {
                    Thread.sleep(pauseMillis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("bridge sync step failed: {}", e.getMessage(), e);
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        if (service.failed()) {
            LOG.error("the bridge stopped after a failed commit or a broken invariant: restart it");
        }
    }

    public BridgeService service() {
        return service;
    }

    /** The HTTP port actually bound (the configured one, or the one chosen for port 0). */
    public int httpPort() {
        return http.actualPort();
    }

    @Override
    public void close() {
        running = false;
        sync.interrupt();
        try {
            sync.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            http.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("closing the bridge's HTTP server: {}", e.getMessage());
        }
        service.close();
    }
}
