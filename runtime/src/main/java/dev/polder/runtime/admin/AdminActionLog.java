package dev.polder.runtime.admin;

import dev.polder.runtime.audit.AuditRecordBuilder;
import dev.polder.runtime.audit.trail.AuditTrail;
import dev.polder.runtime.error.GatewayException;
import dev.polder.runtime.identity.Principal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Every admin action, allowed or refused, with the principal and credential that asked for it: a
 * log line and a record in the hash-chained audit log, durable before the action's answer (the
 * admin handlers run on worker threads). An action whose record cannot be written fails.
 */
@ApplicationScoped
public class AdminActionLog {

  private static final Logger LOG = Logger.getLogger("dev.polder.admin");

  private final AuditTrail trail;

  @Inject
  public AdminActionLog(AuditTrail trail) {
    this.trail = trail;
  }

  public void allowed(Principal who, String action, String detail) {
    LOG.infof(
        "admin %s by '%s' (%s, team %s): %s",
        action, who.id(), who.credential(), who.team(), detail);
    record(who, action, 200, null);
  }

  public void refused(Principal who, String action, String reason) {
    LOG.infof(
        "admin %s refused for '%s' (%s, team %s): %s",
        action, who.id(), who.credential(), who.team(), reason);
    record(who, action, 403, "admin_forbidden");
  }

  private void record(Principal who, String action, int status, String error) {
    if (!trail.enabled()) {
      return;
    }
    try {
      trail.append(
          AuditRecordBuilder.request(UUID.randomUUID().toString(), "/admin/" + action)
              .principal(who.id())
              .outcome(status, error, 0)
              .build());
    } catch (RuntimeException e) {
      LOG.errorf("admin %s by '%s': audit record not written: %s", action, who.id(), e);
      throw new GatewayException(
          500,
          "server_error",
          "audit_unavailable",
          null,
          "The admin action was not carried out: its audit record could not be written.");
    }
  }
}
