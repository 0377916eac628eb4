package polder.redact_test.controlled_egress

import data.polder.redact

test_pseudonymizes_by_default if {
	redact.actions["*"] == "pseudonymize" with data.polder.settings.pattern as "controlled-egress"
}
