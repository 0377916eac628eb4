package polder.redact.controlled_egress_test

import data.polder.redact

test_pseudonymizes_by_default if {
	redact.actions["*"] == "pseudonymize" with data.polder.settings.pattern as "controlled-egress"
}
