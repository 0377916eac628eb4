package dev.polder.runtime.audit.trail;

import dev.polder.runtime.audit.AuditConfig;
import dev.polder.runtime.audit.AuditLog;
import dev.polder.runtime.audit.AuditLogException;
import dev.polder.runtime.audit.AuditReceipt;
import dev.polder.runtime.audit.AuditRecord;
import dev.polder.runtime.audit.LogMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * The gateway's audit log: opened at start from {@code polder.audit.*}, closed at shutdown. Every
 * request's record goes through here (the {@code audit} route step, the edge for requests that
 * never reach a route), and so can anything else that must be provable, e.g. an admin action: build
 * an {@link AuditRecord} with {@code AuditRecordBuilder} and {@link #append} it before answering.
 */
@Startup
@ApplicationScoped
public class AuditTrail {

  private static final Logger LOG = Logger.getLogger(AuditTrail.class);

  private final AuditSettings settings;
  private volatile AuditLog log;
  private volatile LogMode defaultLogMode = LogMode.METADATA_ONLY;

  @Inject
  public AuditTrail(AuditSettings settings) {
    this.settings = settings;
  }

  /** Opens the log before the gateway answers: a log that cannot be opened stops the start. */
  void open(@Observes @Priority(2) StartupEvent event) {
    List<String> problems = AuditSettingsCheck.problems(settings);
    if (!problems.isEmpty()) {
      throw new ConfigurationException(
          "Invalid Polder configuration:\n  " + String.join("\n  ", problems));
    }
    defaultLogMode = AuditSettingsCheck.defaultLogMode(settings);
    if (!settings.enabled()) {
      LOG.warn("polder.audit.enabled=false: requests leave no audit record");
      return;
    }
    AuditConfig config = AuditSettingsCheck.toConfig(settings);
    log = AuditLog.open(config);
    LOG.infof(
        "Audit log in %s (fsync %s, batch window %s)",
        config.directory().toAbsolutePath(),
        config.fsync().name().toLowerCase(java.util.Locale.ROOT),
        config.batchWindow());
  }

  void close(@Observes ShutdownEvent event) {
    AuditLog open = log;
    log = null;
    if (open != null) {
      open.close();
      LOG.infof(
          "Audit log closed: %d records written with %d fsyncs since start",
          open.recordsWritten(), open.forces());
    }
  }

  /** False when {@code polder.audit.enabled=false}; appends then do nothing. */
  public boolean enabled() {
    return settings.enabled();
  }

  /** What records keep of prompts and answers when no access decision said. */
  public LogMode defaultLogMode() {
    return defaultLogMode;
  }

  /**
   * Queues the record; the future completes once it is durable (per {@code polder.audit.fsync}),
   * with null when audit is off, or fails with an {@link AuditLogException}: then whatever the
   * record is about must fail too.
   */
  public CompletableFuture<AuditReceipt> appendAsync(AuditRecord record) {
    if (!settings.enabled()) {
      return CompletableFuture.completedFuture(null);
    }
    AuditLog open = log;
    if (open == null) {
      return CompletableFuture.failedFuture(new AuditLogException("the audit log is not open"));
    }
    return open.appendAsync(record);
  }

  /**
   * Appends the record and returns once it is durable (null when audit is off). Blocks: not on an
   * event-loop thread.
   *
   * @throws AuditLogException when it could not be written
   */
  public AuditReceipt append(AuditRecord record) {
    if (!settings.enabled()) {
      return null;
    }
    AuditLog open = log;
    if (open == null) {
      throw new AuditLogException("the audit log is not open");
    }
    return open.append(record);
  }

  /** The open log (for its counters), empty when audit is off or the gateway stopped. */
  public Optional<AuditLog> log() {
    return Optional.ofNullable(log);
  }
}
