"""GL0 checks made on the parsed report: input that is there but incomplete."""
