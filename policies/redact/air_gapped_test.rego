package polder.redact_test.air_gapped

import data.polder.redact

test_keeps_by_default if {
	redact.actions["*"] == "keep" with data.polder.settings.pattern as "air-gapped"
}

test_silent_without_its_pattern if {
	not redact.actions["*"] with data.polder.settings.pattern as "some-other-pattern"
}
