Feature: Identity and access
  Every call is made by someone the gateway knows: an API key from configuration, a key an
  administrator created, or a token of a trusted identity provider. Roles say which models,
  tools and admin actions a caller may use. A revoked key stops working at once.

  Scenario: A key an administrator creates works at once and stops at once when revoked
    Given an administrator created the key "reporting" with roles "app"
    When a client with key "reporting" sends a chat completion for model "echo"
    Then the response status is 200
    When an administrator revokes the key "reporting"
    And a client with key "reporting" sends a chat completion for model "echo"
    Then the response status is 401
    And the response is an OpenAI error with code "invalid_api_key"

  Scenario: Only an administrator may create keys
    When a client with key "test-key-all" sends to "/admin/keys":
      """
      {"principal": "intruder", "roles": ["admin"]}
      """
    Then the response status is 403
    And the response is an OpenAI error with code "admin_forbidden"

  Scenario Outline: Roles decide which models a caller may use
    When a client with key "<key>" sends a chat completion for model "<model>"
    Then the response status is <status>

    Examples:
      | key               | model    | status |
      | test-key-research | priority | 200    |
      | test-key-research | plain    | 403    |
      | test-key-admin    | echo     | 403    |
