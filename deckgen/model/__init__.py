"""The output-neutral model: plain objects of keys and numbers that computing produces and
every renderer consumes; no pandas, no output format, no words of any language."""
