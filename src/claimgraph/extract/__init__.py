"""Extract: mentions, statements and claims from an analysed document."""
