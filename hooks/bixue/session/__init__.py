"""What is kept from one build to the next: the build session (build_session), its one cache type
(cache), digests of inputs (value_key), kept theme outputs (kept_renders), results on disk by a
digest of their inputs (disk_cache), the collector."""
