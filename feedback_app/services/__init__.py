"""Use cases: each joins queries together and owns the one commit point."""
