# Air-gapped: nothing external is ever a candidate.
package polder.route

allowed contains backend.name if {
	data.polder.settings.pattern == "air-gapped"
	some backend in input.candidates
	backend.location == "internal"
}
