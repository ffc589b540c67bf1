"""The gateway's accounts as monitoring needs them: who may be named a responsible helper."""
