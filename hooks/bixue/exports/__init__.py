"""What the board hands to other systems: feeds and data.json, made with the pages' URLs."""
