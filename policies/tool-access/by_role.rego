# Both patterns: a caller may use the tools its roles list in data.polder.settings.tools_by_role.
package polder.tool_access

allow contains tool.name if {
	some tool in input.request.tools
	some role in input.principal.roles
	tool.name in data.polder.settings.tools_by_role[role]
}
