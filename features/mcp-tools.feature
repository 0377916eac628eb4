Feature: Agents reach tools only through policy, detection and audit
  The MCP gateway at /mcp offers each agent only the tools its role allows, redacts personal data
  in tool results before they reach the model, and writes an audit record for every tool call.
  The payments server offers the tool refund; policies/data.json gives it to the role payments.

  Scenario: An agent without the payments role cannot call the payments tool
    Given an agent with key "test-key-all"
    Then the MCP tool list of the agent does not contain "payments__refund"
    When the agent calls the MCP tool "payments__refund" with order "A-17" for "ann.lee@example.org"
    Then the MCP call is denied by policy
    And the MCP audit has a record of "svc-all" calling "payments__refund" with status 403

  Scenario: An agent with the payments role calls it, and the customer's e-mail is redacted
    Given an agent with key "test-key-payments"
    Then the MCP tool list of the agent contains "payments__refund"
    When the agent calls the MCP tool "payments__refund" with order "A-18" for "ann.lee@example.org"
    Then the MCP result contains "Refunded order A-18"
    And the MCP result does not contain "ann.lee@example.org"
    And the MCP audit has a record of "agent-payments" calling "payments__refund" with status 200
