"""Render: the model and its figures as page Markdown, from the Jinja templates beside it."""
