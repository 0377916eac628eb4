package dev.polder.runtime.mcp;

import dev.polder.runtime.identity.Principal;

/** Who is calling through {@code /mcp}: the API key's principal, from where, in which session. */
record McpCaller(Principal principal, String sourceAddress, String sessionId) {}
