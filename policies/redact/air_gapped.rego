# Air-gapped: data stays on internal models, so PII is kept; secrets are masked by rules/redact.
package polder.redact

actions["*"] := "keep" if data.polder.settings.pattern == "air-gapped"
