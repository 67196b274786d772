"""The WorkFossa account that end-to-end tests sync from the simulator."""

EMAIL = "tech@example.com"
SIM_PASSWORD = "s3cret-Pa55word"
