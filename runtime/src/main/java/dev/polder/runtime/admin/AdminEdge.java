package dev.polder.runtime.admin;

import dev.polder.runtime.config.GatewayConfig;
import dev.polder.runtime.config.RbacConfig;
import dev.polder.runtime.decision.bundle.BundleManager;
import dev.polder.runtime.decision.bundle.BundleStatus;
import dev.polder.runtime.error.GatewayException;
import dev.polder.runtime.error.OpenAiErrors;
import dev.polder.runtime.identity.ApiKeyRegistry;
import dev.polder.runtime.identity.Authenticator;
import dev.polder.runtime.identity.ManagedKey;
import dev.polder.runtime.identity.ManagedKeys;
import dev.polder.runtime.identity.NamePatterns;
import dev.polder.runtime.identity.Principal;
import dev.polder.runtime.identity.Rbac;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * The admin API under {@code /admin}: keys (create, list, revoke), the policy bundle's status and
 * the effective configuration. Callers authenticate like any other (API key or token); each action
 * needs a role that grants it ({@code polder.rbac.roles.<role>.admin}), else 403.
 */
@ApplicationScoped
public class AdminEdge {

  private static final Logger LOG = Logger.getLogger(AdminEdge.class);
  private static final long MAX_BODY = 64 * 1024;

  private final GatewayConfig config;
  private final Authenticator authenticator;
  private final ManagedKeys keys;
  private final Rbac rbac;
  private final BundleManager bundles;
  private final AdminActionLog actions;

  @Inject
  AdminEdge(
      GatewayConfig config,
      Authenticator authenticator,
      ManagedKeys keys,
      Rbac rbac,
      BundleManager bundles,
      AdminActionLog actions) {
    this.config = config;
    this.authenticator = authenticator;
    this.keys = keys;
    this.rbac = rbac;
    this.bundles = bundles;
    this.actions = actions;
  }

  void routes(@Observes Router router) {
    BodyHandler body = BodyHandler.create(false).setBodyLimit(MAX_BODY);
    router
        .post("/admin/keys")
        .handler(body)
        .blockingHandler(ctx -> guarded(ctx, "keys:create", this::createKey), false)
        .failureHandler(this::failure);
    router
        .get("/admin/keys")
        .blockingHandler(ctx -> guarded(ctx, "keys:read", this::listKeys), false)
        .failureHandler(this::failure);
    router
        .delete("/admin/keys/:id")
        .blockingHandler(ctx -> guarded(ctx, "keys:revoke", this::revokeKey), false)
        .failureHandler(this::failure);
    router
        .get("/admin/bundle")
        .blockingHandler(ctx -> guarded(ctx, "bundle:read", this::bundle), false)
        .failureHandler(this::failure);
    router
        .get("/admin/config")
        .blockingHandler(ctx -> guarded(ctx, "config:read", this::configuration), false)
        .failureHandler(this::failure);
  }

  private void guarded(
      RoutingContext ctx, String action, BiConsumer<RoutingContext, Principal> handler) {
    try {
      Principal who = authenticator.authenticate(ctx.request().getHeader("Authorization"));
      if (!rbac.mayAdmin(who, action)) {
        actions.refused(who, action, "no role grants it");
        throw GatewayException.forbidden(
            "admin_forbidden",
            "The admin action '"
                + action
                + "' needs a role that grants it (roles: "
                + String.join(", ", who.roles())
                + ")");
      }
      handler.accept(ctx, who);
    } catch (GatewayException e) {
      AdminReplies.error(ctx.response(), e);
    } catch (RuntimeException e) {
      LOG.errorf(e, "admin %s %s failed", ctx.request().method(), ctx.request().path());
      AdminReplies.error(ctx.response(), OpenAiErrors.forStatus(500));
    }
  }

  private void failure(RoutingContext ctx) {
    int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
    AdminReplies.error(
        ctx.response(),
        status == 413
            ? GatewayException.tooLarge(MAX_BODY)
            : ctx.failure() instanceof GatewayException e ? e : OpenAiErrors.forStatus(status));
  }

  private void createKey(RoutingContext ctx, Principal who) {
    byte[] body =
        ctx.body() == null || ctx.body().buffer() == null ? null : ctx.body().buffer().getBytes();
    ManagedKeys.Spec spec = KeyRequests.parse(body, config.models().keySet());
    for (String action : RbacConfig.ADMIN_ACTIONS) {
      if (NamePatterns.anyMatches(rbac.adminActions(spec.roles()), action)
          && !rbac.mayAdmin(who, action)) {
        actions.refused(who, "keys:create", "would grant '" + action + "'");
        throw GatewayException.forbidden(
            "admin_forbidden",
            "A key you create cannot grant the admin action '" + action + "' you do not hold");
      }
    }
    ManagedKeys.Created created = keys.create(spec, who.id());
    actions.allowed(
        who,
        "keys:create",
        "key "
            + created.key().id()
            + " for principal '"
            + spec.principal()
            + "' roles "
            + spec.roles());
    Map<String, Object> answer = view(created.key());
    answer.put("key", created.secret());
    answer.put("note", "Store this key now: it is not shown again, only its hash is kept.");
    AdminReplies.json(ctx.response(), 201, answer);
  }

  private void listKeys(RoutingContext ctx, Principal who) {
    List<Map<String, Object>> data = new ArrayList<>();
    for (ApiKeyRegistry.ConfiguredKey key : authenticator.configuredKeys().keys()) {
      data.add(view(key));
    }
    for (ManagedKey key : keys.list()) {
      data.add(view(key));
    }
    actions.allowed(who, "keys:read", data.size() + " keys");
    AdminReplies.json(ctx.response(), 200, Map.of("object", "list", "data", data));
  }

  private void revokeKey(RoutingContext ctx, Principal who) {
    String id = ctx.pathParam("id");
    Optional<ManagedKey> managed = keys.revoke(id, who.id());
    Map<String, Object> answer;
    if (managed.isPresent()) {
      answer = view(managed.get());
    } else {
      ApiKeyRegistry.ConfiguredKey configured =
          authenticator.configuredKeys().keys().stream()
              .filter(k -> k.name().equals(id))
              .findFirst()
              .orElseThrow(
                  () ->
                      new GatewayException(
                          404,
                          "invalid_request_error",
                          "key_not_found",
                          "id",
                          "No key with id '" + id + "'"));
      keys.revokeConfigured(id, who.id());
      answer = view(configured);
    }
    actions.allowed(who, "keys:revoke", "key " + id + " revoked");
    AdminReplies.json(ctx.response(), 200, answer);
  }

  private void bundle(RoutingContext ctx, Principal who) {
    BundleStatus status = bundles.status();
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("state", status.state().name().toLowerCase());
    answer.put("ready", status.ready());
    answer.put("active_hash", status.activeHash());
    answer.put(
        "active_since", status.activeSince() == null ? null : status.activeSince().toString());
    answer.put("active_compile_millis", status.activeCompileMillis());
    answer.put("active_rego_tests", status.activeRegoTests());
    answer.put("last_attempt_hash", status.lastAttemptHash());
    answer.put(
        "last_attempt_at",
        status.lastAttemptAt() == null ? null : status.lastAttemptAt().toString());
    answer.put("last_outcome", status.lastOutcome().name().toLowerCase());
    answer.put("last_problems", status.lastProblems());
    actions.allowed(who, "bundle:read", "state " + status.state());
    AdminReplies.json(ctx.response(), 200, answer);
  }

  private void configuration(RoutingContext ctx, Principal who) {
    Map<String, String> properties = ConfigView.effective(ConfigProvider.getConfig());
    actions.allowed(who, "config:read", properties.size() + " properties");
    AdminReplies.json(ctx.response(), 200, Map.of("properties", properties));
  }

  private Map<String, Object> view(ManagedKey key) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", key.id());
    view.put("source", "admin");
    view.put("name", key.name());
    view.put("principal", key.principal());
    view.put("team", key.team());
    view.put("roles", key.roles());
    view.put("environment", key.environment());
    view.put("models", key.models());
    view.put("egress", key.egress());
    view.put("created_at", key.createdAt());
    view.put("created_by", key.createdBy());
    view.put("expires_at", key.expiresAt());
    view.put("revoked_at", key.revokedAt());
    view.put("revoked_by", key.revokedBy());
    view.put("status", key.revoked() ? "revoked" : expired(key) ? "expired" : "active");
    return view;
  }

  private Map<String, Object> view(ApiKeyRegistry.ConfiguredKey key) {
    Principal p = key.principal();
    Optional<ManagedKeys.Revocation> revocation = keys.revocation(key.name());
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", key.name());
    view.put("source", "config");
    view.put("name", key.name());
    view.put("principal", p.id());
    view.put("team", p.team());
    view.put("roles", p.roles());
    view.put("environment", p.environment());
    view.put("models", List.copyOf(p.models()));
    view.put("egress", p.egress());
    view.put("revoked_at", revocation.map(ManagedKeys.Revocation::revokedAt).orElse(null));
    view.put("revoked_by", revocation.map(ManagedKeys.Revocation::revokedBy).orElse(null));
    view.put("status", revocation.isPresent() ? "revoked" : "active");
    return view;
  }

  private static boolean expired(ManagedKey key) {
    return key.expiresAt() != null
        && java.time.Instant.parse(key.expiresAt()).isBefore(java.time.Instant.now());
  }
}
