"""Training recipe for the bundled Arabic Stanza models (run with ``kg models train``)."""
