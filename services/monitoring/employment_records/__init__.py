"""务工登记: employment's worker registrations, kept by member for the data-quality rules."""
