Feature: Controlled egress — what may leave the organisation
  Under the controlled-egress pattern a request may go to an external backend only when policy
  classifies it below confidential and grants egress; everything else stays on internal backends
  or is refused. Every check below is made on the bytes the backends actually received: both
  backends record every byte that reaches them.

  The model "governed" prefers the external backend and falls back to the internal one. The keys:
  "compliance-dev" (team analytics, environment development, may use external backends),
  "compliance-restricted" (team finance, environment restricted, may use external backends) and
  "compliance-no-egress" (team people, environment development, internal backends only).

  Scenario: An ordinary request may leave, and the decision says so
    When a client with key "compliance-dev" sends a chat completion for model "governed" saying "Summarise the release notes"
    Then the response status is 200
    And the response header "x-polder-backend" is "recorded-external"
    And the response header "x-polder-decision" contains "allow; level=internal; egress=true"
    And the external backend received 1 request
    And the bytes received by the external backend contain "Summarise the release notes"
    And the internal backend received no bytes

  Scenario: A confidential request is routed internally
    A caller from a restricted environment makes every request confidential.
    When a client with key "compliance-restricted" sends a chat completion for model "governed" saying "Quarterly ledger figures"
    Then the response status is 200
    And the response header "x-polder-backend" is "recorded-internal"
    And the response header "x-polder-decision" contains "allow; level=confidential; egress=false"
    And the internal backend received 1 request
    And the external backend received no bytes

  Scenario: A confidential stream is routed internally too
    When a client with key "compliance-restricted" streams a chat completion for model "governed" saying "Quarterly ledger figures"
    Then the response status is 200
    And the response header "x-polder-backend" is "recorded-internal"
    And the answer the client reads contains "Quarterly ledger figures"
    And the external backend received no bytes

  Scenario: Egress happens only with a decision that permits it
    A key without egress keeps even an ordinary request inside.
    When a client with key "compliance-no-egress" sends a chat completion for model "governed" saying "Summarise the release notes"
    Then the response status is 200
    And the response header "x-polder-backend" is "recorded-internal"
    And the response header "x-polder-decision" contains "egress=false"
    And the external backend received no bytes

  Scenario: A model served only outside is refused when egress is not permitted
    When a client with key "compliance-no-egress" sends a chat completion for model "external-only" saying "Summarise the release notes"
    Then the response status is 403
    And the response is an OpenAI error with code "egress_denied"
    And no backend received any bytes

  Scenario: A rule that withdraws egress keeps the request inside
    Every answer must permit egress; one rule that says no is enough.
    Given the bundle file "rules/access/analytics-stays-inside.drl" is added:
      """
      package polder.access.analytics

      import dev.polder.runtime.decision.input.Principal;

      global dev.polder.runtime.decision.answer.AccessAnswer access;

      rule "Analytics prompts stay inside"
      when
        Principal(team == "analytics")
      then
        access.egress(false);
      end
      """
    When a client with key "compliance-dev" sends a chat completion for model "governed" saying "Summarise the release notes"
    Then the response status is 200
    And the response header "x-polder-backend" is "recorded-internal"
    And the external backend received no bytes

  Scenario: A denied request reaches no backend
    Given the bundle file "policies/access/no_people_team.rego" is added:
      """
      package polder.access

      # METADATA
      # title: people team
      # description: Requests of the people team are not processed by language models.
      deny contains "people team" if input.principal.team == "people"
      """
    When a client with key "compliance-no-egress" sends a chat completion for model "governed" saying "Rate these candidates"
    Then the response status is 403
    And the response is an OpenAI error with code "policy_denied"
    And the response error message contains "Requests of the people team are not processed"
    And the response header "x-polder-decision" contains "deny"
    And no backend received any bytes

  Scenario: A policy error denies, and nothing leaves
    Two complete answers that disagree make the access policy fail when it is evaluated.
    Given the bundle file "policies/access/review_level.rego" is added:
      """
      package polder.access

      review := "light" if input.principal.team == "analytics"

      review := "full" if input.principal.team == "analytics"
      """
    When a client with key "compliance-dev" sends a chat completion for model "governed" saying "Summarise the release notes"
    Then the response status is 403
    And the response is an OpenAI error with code "policy_denied"
    And no backend received any bytes

  Scenario: Explain shows the decision without calling any backend
    When a client with key "compliance-restricted" asks to explain a chat completion for model "governed" saying "Quarterly ledger figures"
    Then the response status is 200
    And the response JSON "/backend/name" is "recorded-internal"
    And the response JSON "/decision/points/0/result/level" is "confidential"
    And the response JSON "/messages/0/content" is "Quarterly ledger figures"
    And no backend received any bytes

  Scenario: PII in a prompt never reaches the external backend
    The check is on the bytes the external backend received, whatever route the request took.
    When a client with key "compliance-dev" sends a chat completion for model "governed" saying "Please write to jane.doe@example.com about the invoice"
    Then the response status is 200
    And the bytes received by the external backend do not contain "jane.doe@example.com"

  Scenario: The answer's pseudonyms are restored for the caller
    E-mail addresses are pseudonymized before they leave the gateway (rules/redact/controlled-egress.csv);
    the backend repeats what it received, and the caller reads the original address again.
    When a client with key "compliance-dev" sends a chat completion for model "governed" saying "Please write to jane.doe@example.com about the invoice"
    Then the response status is 200
    And no backend received the text "jane.doe@example.com"
    And the answer the client reads contains "jane.doe@example.com"

  Scenario: A secret in a prompt is refused and reaches no backend
    When a client with key "compliance-dev" sends a chat completion for model "governed" saying "Deploy with AKIAIOSFODNN7EXAMPLE please"
    Then the response status is 403
    And the response is an OpenAI error with code "policy_denied"
    And no backend received any bytes
