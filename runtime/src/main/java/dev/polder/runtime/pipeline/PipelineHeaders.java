package dev.polder.runtime.pipeline;

/**
 * Message headers the steps set, so that a route can branch on them in the Simple language (for
 * example {@code ${header.PolderTeam} == 'research'}) without Java.
 */
public final class PipelineHeaders {

  public static final String REQUEST_ID = "PolderRequestId";
  public static final String PRINCIPAL = "PolderPrincipal";
  public static final String TEAM = "PolderTeam";
  public static final String ENVIRONMENT = "PolderEnvironment";
  public static final String MODEL = "PolderModel";
  public static final String STREAM = "PolderStream";
  public static final String BACKEND = "PolderBackend";
  public static final String STATUS = "PolderStatus";

  /** {@code true} on an explain call: no backend will be called. */
  public static final String DRY_RUN = "PolderDryRun";

  private PipelineHeaders() {}
}
