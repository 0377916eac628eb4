package dev.polder.connectors.mcp;

import java.util.List;

/** Protocol revisions spoken and the names MCP gives its HTTP headers. */
public final class McpProtocol {
  /**
   * Newest first; the first one is offered to upstream servers and to clients that ask for one we
   * do not know.
   */
  public static final List<String> VERSIONS =
      List.of("2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05");

  public static final String LATEST = VERSIONS.get(0);
  public static final String SESSION_HEADER = "Mcp-Session-Id";
  public static final String VERSION_HEADER = "MCP-Protocol-Version";

  /** The revision a Streamable HTTP peer assumes when the header is missing (spec 2025-06-18). */
  public static final String DEFAULT_HTTP_VERSION = "2025-03-26";

  private McpProtocol() {}

  /**
   * The revision to answer an {@code initialize} with: the client's if we speak it, else our
   * newest.
   */
  public static String negotiate(String requested) {
    return requested != null && VERSIONS.contains(requested) ? requested : LATEST;
  }

  public static boolean supported(String version) {
    return VERSIONS.contains(version);
  }
}
