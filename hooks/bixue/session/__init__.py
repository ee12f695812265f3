"""What one build keeps for the next under serve: kept values, digests of inputs, the collector."""
