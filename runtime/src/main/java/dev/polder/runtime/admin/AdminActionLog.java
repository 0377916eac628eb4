package dev.polder.runtime.admin;

import dev.polder.runtime.identity.Principal;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Every admin action, allowed or refused, with the principal and credential that asked for it. It
 * is the one place admin actions are recorded, so the audit log can take them from here.
 */
@ApplicationScoped
public class AdminActionLog {

  private static final Logger LOG = Logger.getLogger("dev.polder.admin");

  public void allowed(Principal who, String action, String detail) {
    LOG.infof(
        "admin %s by '%s' (%s, team %s): %s",
        action, who.id(), who.credential(), who.team(), detail);
  }

  public void refused(Principal who, String action, String reason) {
    LOG.infof(
        "admin %s refused for '%s' (%s, team %s): %s",
        action, who.id(), who.credential(), who.team(), reason);
  }
}
