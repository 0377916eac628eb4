package dev.polder.runtime.mcp;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** One gateway start for every MCP test: the default test set-up plus the MCP servers. */
public class McpProfile implements QuarkusTestProfile {
  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(new TestResourceEntry(McpTestResource.class));
  }
}
