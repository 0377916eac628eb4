package dev.polder.runtime.config;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The checks of {@link ConfigValidator} for OIDC issuers and RBAC roles. */
final class IdentityChecks {

  static final Set<String> ASYMMETRIC =
      Set.of("RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "PS256", "PS384", "PS512");
  static final Set<String> SYMMETRIC = Set.of("HS256", "HS384", "HS512");
  private static final int MIN_SECRET_CHARS = 32;

  private IdentityChecks() {}

  static void check(GatewayConfig config, List<String> problems) {
    Map<String, String> seen = new java.util.TreeMap<>();
    new java.util.TreeMap<>(config.auth().oidc().issuers())
        .forEach(
            (name, issuer) -> {
              checkIssuer(name, issuer, problems);
              String earlier = seen.putIfAbsent(issuer.issuer(), name);
              if (earlier != null) {
                problems.add(
                    "polder.auth.oidc.issuers."
                        + name
                        + ".issuer: '"
                        + issuer.issuer()
                        + "' is already the issuer of '"
                        + earlier
                        + "'");
              }
            });
    config.rbac().roles().forEach((name, role) -> checkRole(name, role, config.models(), problems));
  }

  private static void checkIssuer(String name, OidcConfig.Issuer issuer, List<String> problems) {
    String prefix = "polder.auth.oidc.issuers." + name;
    if (issuer.issuer().isBlank()) {
      problems.add(prefix + ".issuer: must name the tokens' 'iss' claim");
    }
    if (issuer.audience().stream().allMatch(String::isBlank)) {
      problems.add(prefix + ".audience: at least one audience is required");
    }
    boolean asymmetric = false;
    boolean symmetric = false;
    for (String alg : issuer.algorithms()) {
      if (ASYMMETRIC.contains(alg)) {
        asymmetric = true;
      } else if (SYMMETRIC.contains(alg)) {
        symmetric = true;
      } else {
        problems.add(
            prefix
                + ".algorithms: unsupported algorithm '"
                + alg
                + "' (use "
                + String.join(", ", new TreeSet<>(union(ASYMMETRIC, SYMMETRIC)))
                + ")");
      }
    }
    boolean publicKeys =
        issuer.jwksFile().isPresent()
            || !issuer.publicKeys().isEmpty()
            || issuer.jwksUrl().isPresent();
    if (asymmetric && !publicKeys) {
      problems.add(
          prefix
              + ": no verification key for "
              + issuer.algorithms()
              + ": set jwks-file, public-keys or jwks-url");
    }
    if (symmetric && issuer.secret().map(String::length).orElse(0) < MIN_SECRET_CHARS) {
      problems.add(
          prefix
              + ".secret: HS algorithms need a shared secret of at least "
              + MIN_SECRET_CHARS
              + " characters");
    }
    issuer
        .jwksFile()
        .filter(file -> !Files.isReadable(Path.of(file)))
        .ifPresent(file -> problems.add(prefix + ".jwks-file: cannot read '" + file + "'"));
    issuer
        .jwksUrl()
        .filter(url -> !isHttpUrl(url))
        .ifPresent(url -> problems.add(prefix + ".jwks-url: must be an http(s) URL"));
    if (issuer.clockSkew().isNegative()) {
      problems.add(prefix + ".clock-skew: must not be negative");
    }
    if (!Set.of("user", "service").contains(issuer.kind())) {
      problems.add(prefix + ".kind: must be user or service");
    }
  }

  private static void checkRole(
      String name,
      RbacConfig.Role role,
      Map<String, GatewayConfig.VirtualModel> models,
      List<String> problems) {
    String prefix = "polder.rbac.roles." + name;
    for (String model : role.models().orElse(List.of())) {
      if (!model.contains("*") && !models.containsKey(model)) {
        problems.add(prefix + ".models: unknown virtual model '" + model + "'");
      }
    }
    for (String action : role.admin().orElse(List.of())) {
      if (!isAdminAction(action)) {
        problems.add(
            prefix
                + ".admin: unknown admin action '"
                + action
                + "' (use *, keys:*, "
                + String.join(", ", new TreeSet<>(RbacConfig.ADMIN_ACTIONS))
                + ")");
      }
    }
  }

  private static boolean isAdminAction(String action) {
    if (action.equals("*") || RbacConfig.ADMIN_ACTIONS.contains(action)) {
      return true;
    }
    return action.endsWith(":*")
        && RbacConfig.ADMIN_ACTIONS.stream()
            .anyMatch(a -> a.startsWith(action.substring(0, action.length() - 1)));
  }

  private static boolean isHttpUrl(String url) {
    try {
      URI uri = URI.create(url);
      return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          && uri.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }
}
