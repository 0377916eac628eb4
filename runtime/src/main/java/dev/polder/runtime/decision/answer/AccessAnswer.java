package dev.polder.runtime.decision.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * access: allow, deny reasons, egress, obligations and log mode. Global {@code access}. Within one
 * answer a deny beats an allow and one {@code egress(false)} beats any {@code egress(true)}.
 */
public final class AccessAnswer extends Answer {
  private Boolean allow;
  private final List<String> denyReasons = new ArrayList<>();
  private Boolean egress;
  private final Set<String> obligations = new TreeSet<>();
  private LogMode logMode;

  public AccessAnswer(String engine) {
    super(engine);
  }

  public void allow() {
    allow = allow == null || allow;
    note("allow");
  }

  /** Denies the request; the reason is shown to the caller. */
  public void deny(String reason) {
    allow = false;
    denyReasons.add(reason);
    note("deny: " + reason);
  }

  public void egress(boolean permitted) {
    egress = egress == null ? permitted : egress && permitted;
    note("egress=" + permitted);
  }

  public void obligation(String obligation) {
    obligations.add(obligation);
    note("obligation=" + obligation);
  }

  public void logMode(String mode) {
    LogMode parsed = LogMode.parse(mode);
    logMode = LogMode.strictest(logMode, parsed);
    note("log_mode=" + parsed.label());
  }

  public Boolean getAllow() {
    return allow;
  }

  public List<String> getDenyReasons() {
    return List.copyOf(denyReasons);
  }

  public Boolean getEgress() {
    return egress;
  }

  public Set<String> getObligations() {
    return Set.copyOf(obligations);
  }

  public LogMode getLogMode() {
    return logMode;
  }

  @Override
  public boolean isEmpty() {
    return allow == null && egress == null && obligations.isEmpty() && logMode == null;
  }
}
