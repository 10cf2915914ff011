"""One blueprint module per area."""
