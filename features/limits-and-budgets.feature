Feature: Limits and budgets
  Each key, team and virtual model may have requests and tokens per minute, and each team a budget
  per day or month priced from the operator's price table. A call that would exceed one is refused
  before it reaches a backend, with 429 and a Retry-After, on every node of a cluster alike (the
  three-node check is runtime's ClusterLimitsIT).

  Scenario: A team over its budget is refused
    When a client with key "test-key-pauper" sends a chat completion for model "plain"
    Then the response status is 429
    And the response is an OpenAI error with code "budget_exceeded"

  Scenario: A key within its limits is served
    When a client with key "test-key-all" sends a chat completion for model "plain"
    Then the response status is 200
