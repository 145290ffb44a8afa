"""The output-neutral report model: what indicators produce and every renderer consumes."""
