"""The commands of the command line, grouped by what they work on: one document or Plan
(`documents`), or a province's folder of plans (`province`). `kehoach.cli` registers them."""
