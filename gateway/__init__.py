"""The gateway: sign-in, tokens, user administration, routing and the merged API documents."""
