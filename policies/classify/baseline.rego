# Baseline classification, both patterns. Findings and context raise the level in
# rules/classify (decision table and DRL); the highest level wins.
package polder.classify

# METADATA
# title: internal baseline
# description: Every request is internal data unless a rule finds more.
default level := "internal"

# METADATA
# title: unattributed label
# description: Requests nobody can be held to account for are labelled, whatever their level.
labels contains "unattributed" if not input.principal.id
labels contains "unattributed" if input.principal.id == ""
