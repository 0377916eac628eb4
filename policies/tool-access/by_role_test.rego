package polder.tool_access_test

import data.polder.tool_access

roles := {"analyst": ["read_file"], "developer": ["read_file", "list_directory"]}

tools := [{"name": "read_file"}, {"name": "list_directory"}, {"name": "write_file"}]

test_analyst_reads_only if {
	tool_access.allow == {"read_file"} with input as {"principal": {"roles": ["analyst"]}, "request": {"tools": tools}} with data.polder.settings.tools_by_role as roles
}

test_roles_add_up if {
	tool_access.allow == {"read_file", "list_directory"} with input as {"principal": {"roles": ["analyst", "developer"]}, "request": {"tools": tools}} with data.polder.settings.tools_by_role as roles
}

test_no_role_no_tools if {
	count(tool_access.allow) == 0 with input as {"principal": {"roles": []}, "request": {"tools": tools}} with data.polder.settings.tools_by_role as roles
}
