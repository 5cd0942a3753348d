"""Documents (receipts, notices, certificates, tickets, reports) as PDF, and printer backends."""
