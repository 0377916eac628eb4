@cluster
Feature: One cluster, one set of keys and budgets
  Several gateway nodes form one cluster and share created keys, revocations and budget spend.
  What is decided on one node holds on every other node at once: no node still accepts a revoked
  key, and no node lets a team spend a budget that is used up. These scenarios run against three
  gateway processes (runtime's ClusterFeaturesIT, run by mvn verify), not in the in-JVM runner.

  Scenario: A key created on one node works on every node, and revoked on one it stops on all
    Given an administrator created the key "reporting" on node 1
    When a client with key "reporting" sends a chat completion to node 2
    Then the response status is 200
    When a client with key "reporting" sends a chat completion to node 3
    Then the response status is 200
    When an administrator revokes the key "reporting" on node 3
    And a client with key "reporting" sends a chat completion to node 1
    Then the response status is 401
    And the response is an OpenAI error with code "invalid_api_key"
    When a client with key "reporting" sends a chat completion to node 2
    Then the response status is 401
    And the response is an OpenAI error with code "invalid_api_key"

  Scenario: A team that spent its budget through one node is refused on every node
    When the key "cluster-budget" spends its team's daily budget through node 1
    Then the response status is 429
    And the response is an OpenAI error with code "budget_exceeded"
    When a client with key "cluster-budget" sends a chat completion to node 2
    Then the response status is 429
    And the response is an OpenAI error with code "budget_exceeded"
    When a client with key "cluster-budget" sends a chat completion to node 3
    Then the response status is 429
    And the response is an OpenAI error with code "budget_exceeded"
