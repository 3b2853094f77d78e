"""GL8: checks across reports — one agency's reports of consecutive years, in one run."""
