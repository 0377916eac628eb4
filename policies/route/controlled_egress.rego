# Controlled egress: confidential and above only to internal backends; below that any candidate,
# internal ones first.
package polder.route

allowed contains backend.name if {
	data.polder.settings.pattern == "controlled-egress"
	some backend in input.candidates
	backend.location == "internal"
}

allowed contains backend.name if {
	data.polder.settings.pattern == "controlled-egress"
	input.classification.level in {"public", "internal"}
	some backend in input.candidates
	backend.location == "external"
}

preference := [backend.name |
	some backend in input.candidates
	backend.location == "internal"
] if data.polder.settings.pattern == "controlled-egress"
