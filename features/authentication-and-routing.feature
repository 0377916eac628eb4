Feature: Authentication and routing basics
  Applications call the gateway with an API key, exactly as they would call OpenAI. The gateway
  checks the key and the models the key may use, then sends the request to a backend of the
  virtual model: the preferred one while it is healthy, the next one when it fails.

  Scenario: A known key reaches the backend of its model
    When a client with key "test-key-all" sends a chat completion for model "plain"
    Then the response status is 200
    And the response header "x-polder-backend" is "a"
    And the response JSON "/choices/0/message/content" is "Hello from vLLM"
    And the upstream "a" received 1 request
    And the last request to upstream "a" has JSON "/messages/0/content" equal to "Hello"

  Scenario: A request without a key never reaches a backend
    When a client without a key sends a chat completion for model "plain"
    Then the response status is 401
    And the response is an OpenAI error with code "invalid_api_key"
    And the upstream "a" received 0 requests

  Scenario Outline: A key may use only its models
    When a client with key "<key>" sends a chat completion for model "<model>"
    Then the response status is <status>

    Examples:
      | key              | model   | status |
      | test-key-all     | plain   | 200    |
      | test-key-limited | echo    | 200    |
      | test-key-limited | plain   | 403    |
      | wrong-key        | echo    | 401    |
      | test-key-all     | unknown | 404    |

  Scenario: The next priority serves when the preferred backend fails
    Given the upstream "a" answers the next request with status 500
    When a client with key "test-key-all" sends a chat completion for model "priority"
    Then the response status is 200
    And the response header "x-polder-backend" is "b"
    And the upstream "a" received 1 request
    And the upstream "b" received 1 request

  Scenario: Fields the gateway does not know reach the backend untouched
    When a client with key "test-key-all" sends to "/v1/chat/completions":
      """
      {"model": "plain", "messages": [{"role": "user", "content": "Hi"}], "top_k": 5}
      """
    Then the response status is 200
    And the last request to upstream "a" has JSON "/top_k" equal to "5"
