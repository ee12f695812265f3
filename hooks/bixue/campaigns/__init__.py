"""Several campaigns on one site: data/campaigns/<id>/ built at <id>/, the root listing them."""
