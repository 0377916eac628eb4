# Air-gapped: nothing leaves. Attributable requests are allowed, egress never is.
package polder.access

# METADATA
# title: no egress
# description: Nothing is sent to an external backend unless a policy permits it.
default egress := false

allow if {
	data.polder.settings.pattern == "air-gapped"
	attributable
}

obligations contains "internal-only" if data.polder.settings.pattern == "air-gapped"
