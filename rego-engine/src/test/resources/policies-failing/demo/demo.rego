package demo

allow if input.user == "alice"
