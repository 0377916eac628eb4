package dev.polder.runtime.identity.token;

import java.util.List;

/** Who a verified token names, after its claims went through the issuer's claim mapping. */
public record VerifiedToken(
    String issuerName,
    String principal,
    String kind,
    String team,
    List<String> roles,
    String environment,
    boolean egress) {

  public VerifiedToken {
    roles = List.copyOf(roles);
  }
}
