package org.targetedmoney.bridge.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a route's {@code Authorization: Bearer <token>} against the {@link ApiTokens} and the roles the route
 * allows, before anything else runs (so a refused request consumes no idempotency key and parses no body):
 * 401 {@value #MISSING_TOKEN} or {@value #INVALID_TOKEN} with {@code WWW-Authenticate: Bearer} (RFC 6750), 403
 * {@value #FORBIDDEN_ROLE} for a valid token of another role. The caller is logged (writes at INFO, reads at
 * DEBUG) and left in the context for the route ({@link #callerOf}).
 */
public final class BearerAuth implements Handler<RoutingContext> {
    public static final String REALM = "settlement-bridge";
    public static final String MISSING_TOKEN = "MISSING_TOKEN";
    public static final String INVALID_TOKEN = "INVALID_TOKEN";
    public static final String FORBIDDEN_ROLE = "FORBIDDEN_ROLE";
    private static final String CALLER = "bridge.caller";
    private static final String BEARER = "Bearer ";
    private static final Logger LOG = LoggerFactory.getLogger(BearerAuth.class);

    private final ApiTokens tokens;
    private final BiFunction<HttpMethod, String, Set<Role>> rolesFor;

    /** @param rolesFor the roles allowed on a method and path (never empty: {@link Role#OPERATOR} at least) */
    public BearerAuth(ApiTokens tokens, BiFunction<HttpMethod, String, Set<Role>> rolesFor) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.rolesFor = Objects.requireNonNull(rolesFor, "rolesFor");
    }

    @Override
    public void handle(RoutingContext ctx) {
        String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"" + REALM + "\"");
            Problem.of(401, MISSING_TOKEN, "this route needs an 'Authorization: Bearer <token>' header")
                    .send(ctx.response());
            return;
        }
        Optional<ApiTokens.Caller> caller = tokens.authenticate(header.substring(BEARER.length()).strip());
        HttpMethod method = ctx.request().method();
        String path = ctx.normalizedPath();
        if (caller.isEmpty()) {
            LOG.warn("{} {} refused: unknown bearer token from {}", method, path, ctx.request().remoteAddress());
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"" + REALM
                    + "\", error=\"invalid_token\"");
            Problem.of(401, INVALID_TOKEN, "the bearer token is not one of this bridge's").send(ctx.response());
            return;
        }
        Set<Role> allowed = rolesFor.apply(method, path);
        ApiTokens.Caller c = caller.get();
        if (!allowed.contains(c.role())) {
            LOG.warn("{} {} refused: {} has role {}", method, path, c.name(), c.role().code());
            Problem.of(403, FORBIDDEN_ROLE, "token '" + c.name() + "' has role " + c.role().code() + "; " + method
                    + " " + path + " needs one of " + allowed.stream().map(Role::code).sorted().toList())
                    .send(ctx.response());
            return;
        }
        if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
            LOG.debug("{} {} by {} ({})", method, path, c.name(), c.role().code());
        } else {
            LOG.info("{} {} by {} ({})", method, path, c.name(), c.role().code());
        }
        ctx.put(CALLER, c);
        ctx.next();
    }

    /** The caller this handler let through, if the route is behind one. */
    public static Optional<ApiTokens.Caller> callerOf(RoutingContext ctx) {
        return Optional.ofNullable(ctx.get(CALLER));
    }
}
