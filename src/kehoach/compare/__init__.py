"""Plans side by side: `diff` (two plans), `against` (a plan and the plan it implements), and
the matching of targets, agencies and tasks they share (`matching`)."""
