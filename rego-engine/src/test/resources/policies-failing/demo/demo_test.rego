package demo_test

import data.demo

test_alice_allowed if {
	demo.allow with input as {"user": "alice"}
}

test_bob_allowed if {
	demo.allow with input as {"user": "bob"}
}
