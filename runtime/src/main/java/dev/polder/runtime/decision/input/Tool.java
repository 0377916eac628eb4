package dev.polder.runtime.decision.input;

import java.util.List;

/**
 * A tool the request offers to the model or calls through MCP: its name, the MCP server it belongs
 * to (empty for tools defined by the caller) and the names of its arguments — never their values.
 */
public final class Tool {
  private final String name;
  private final String server;
  private final List<String> argumentNames;

  public Tool(String name, String server, List<String> argumentNames) {
    this.name = Inputs.required(name, "request.tools[].name");
    this.server = server == null ? "" : server;
    this.argumentNames = List.copyOf(argumentNames == null ? List.of() : argumentNames);
  }

  public String getName() {
    return name;
  }

  public String getServer() {
    return server;
  }

  public List<String> getArgumentNames() {
    return argumentNames;
  }
}
