"""What changed in the framework between two git revisions."""
