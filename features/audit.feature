Feature: Every call is provable afterwards
  Each request leaves exactly one record in the hash-chained audit log — whoever made it and however
  it ended — and the record is on disk before the caller has its answer. Changing a record afterwards
  breaks the chain, and the verify command says which record was changed.

  Scenario: Every call is attributable to a principal
    When a client with key "test-key-all" sends a chat completion for model "plain"
    Then the response status is 200
    And the audit log holds one record of that request with status 200 and principal "svc-all"

  Scenario: A refused call is recorded too
    When a client without a key sends a chat completion for model "plain"
    Then the response status is 401
    And the audit log holds one record of that request with status 401 and no principal
    And the audit log verifies

  Scenario: An altered audit log is detected
    Given a copy of the audit log
    When a record in the copy is changed
    Then verifying the copy reports that record as altered
