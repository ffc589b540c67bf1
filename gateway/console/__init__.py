"""工作台 — the web console (district dashboard, township workbench), served at ``/`` (ADR 0008)."""
