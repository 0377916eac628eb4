package dev.polder.runtime.telemetry;

/** The OTLP/HTTP signal paths under a collector's base URL. */
final class OtlpEndpoints {
  private OtlpEndpoints() {}

  static String traces(String base) {
    return strip(base) + "/v1/traces";
  }

  static String metrics(String base) {
    return strip(base) + "/v1/metrics";
  }

  private static String strip(String base) {
    String trimmed = base.trim();
    return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
  }
}
