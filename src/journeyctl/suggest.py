"""'Did you mean ...?': the nearest known name for a misspelt one."""
