"""GL8: checks across the reports of one run — one agency's reports of consecutive years, and
reports of different agencies."""
